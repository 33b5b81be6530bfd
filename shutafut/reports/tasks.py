"""The reports app's background work: imports of organizations and funding flows, town and partnership PDFs.

Each task wraps the service that does the work (``services``, ``pdf``) and runs on a worker (``shutafut.jobs``):
the pages that start them answer at once with the job's status page, which shows the result when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils.translation import gettext, gettext_noop

from shutafut.jobs.models import Job
from shutafut.jobs.services import JobFailed, attach_file, job_input, job_input_path, job_task, report_progress
from shutafut.partnerships.models import Partnership
from shutafut.reports.importers import RowAction, RowPlan
from shutafut.reports.pdf import render_pdf
from shutafut.reports.selectors import partnership_report, town_report
from shutafut.reports.services import ImportResult, funding_import, organizations_import


def estimate_rows(path: Path) -> int:
    """About how many data rows the file holds (for the progress bar; the import counts them exactly)."""
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True)
            rows = book.worksheets[0].max_row or 0
            book.close()
        except Exception:  # the import itself says what is wrong with the file
            return 0
        return max(rows - 1, 0)
    return max(data.count(b"\n") - 1, 0)


def import_result(result: ImportResult) -> dict[str, Any]:
    """The import's outcome as the job keeps it: counts, flags, and every row's outcome (the page shows them
    paged, the rejected ones first)."""
    counts = result.counts
    order = {RowAction.REJECT: 0, RowAction.SKIP: 2}
    rows = sorted(result.rows, key=lambda r: (order.get(r.action, 1), r.row))
    return {
        "kind": result.kind,
        "counts": {str(action): counts.get(action, 0) for action in RowAction},
        "rows": len(result.rows),
        "written": result.written,
        "dry_run": result.dry_run,
        "file_error": result.file_error,
        "outcomes": [_outcome(r) for r in rows],
    }


def _outcome(r: RowPlan) -> dict[str, Any]:
    """One row's outcome, without its empty parts (a long file's result stays small)."""
    outcome: dict[str, Any] = {
        "row": r.row,
        "action": str(r.action),
        "registry_number": r.registry_number,
        "name": r.name[:300],
        "problems": [{"column": p.column, "message": p.message[:500]} for p in r.problems],
        "reason": r.reason,
        "changed": list(r.changed),
    }
    return {k: v for k, v in outcome.items() if v or k == "row"}


def _file_name(job: Job) -> str:
    stored = job_input(job)
    return stored.name if stored is not None else ""


class _Progress:
    """The import services' progress callback (row counts, added up) as the job's progress."""

    def __init__(self, job: Job, total: int) -> None:
        self.job, self.total, self.done = job, total, 0
        report_progress(job, 0, total, gettext_noop("Reading and checking the file"))

    def __call__(self, rows: int) -> None:
        self.done += rows
        self.total = max(self.total, self.done)
        report_progress(self.job, self.done, self.total, gettext_noop("Checking and writing the rows"))


@job_task
def import_organizations(job: Job, *, fmt: str, dry_run: bool, all_localities: bool, encoding: str) -> dict[str, Any]:
    with job_input_path(job) as path:
        progress = _Progress(job, estimate_rows(path))
        result = organizations_import(
            town=job.town,
            path=path,
            fmt=fmt,
            dry_run=dry_run,
            all_localities=all_localities,
            encoding=encoding or None,
            progress=progress,
            user=job.started_by,
            file_name=_file_name(job),
        )
    return import_result(result)


@job_task
def import_funding(job: Job, *, dry_run: bool, encoding: str) -> dict[str, Any]:
    with job_input_path(job) as path:
        progress = _Progress(job, estimate_rows(path))
        result = funding_import(
            town=job.town,
            path=path,
            dry_run=dry_run,
            encoding=encoding or None,
            progress=progress,
            user=job.started_by,
            file_name=_file_name(job),
        )
    return import_result(result)


def _pdf(job: Job, template: str, gather: Callable[[], dict[str, Any]], name: str) -> dict[str, Any]:
    report_progress(job, 0, 2, gettext_noop("Gathering the report's figures"))
    context = gather()
    report_progress(job, 1, 2, gettext_noop("Laying out the PDF"))
    data = render_pdf(template, context)
    attach_file(job, name=name, content=data, content_type="application/pdf")
    return {"bytes": len(data)}


@job_task
def town_pdf(job: Job) -> dict[str, Any]:
    town = job.town
    name = f"{town.slug}-report-{job.language}.pdf"
    return _pdf(job, "reports/town_pdf.html", lambda: {"town": town, "r": town_report(town)}, name)


@job_task
def partnership_pdf(job: Job, *, partnership_id: int) -> dict[str, Any]:
    partnership = Partnership.objects.filter(pk=partnership_id, town=job.town).select_related("town").first()
    if partnership is None:
        raise JobFailed(gettext("This partnership no longer exists."))
    name = f"partnership-{partnership.pk}-{job.language}.pdf"
    return _pdf(
        job,
        "reports/partnership_pdf.html",
        lambda: {"town": job.town, "r": partnership_report(partnership)},
        name,
    )
