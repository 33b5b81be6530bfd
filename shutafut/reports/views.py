"""Pages of the reports app: town and partnership reports (HTML and PDF), list exports, the import page,
the public partnership page and the national view."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shutafut.accounts.context_processors import NATIONAL_GROUP
from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Role, Town
from shutafut.jobs.access import access_job
from shutafut.jobs.models import Job
from shutafut.jobs.selectors import job_url, recent_jobs
from shutafut.jobs.services import JobInput, job_input, job_start
from shutafut.partnerships.access import access_partnership, access_partnership_to_publish
from shutafut.partnerships.models import Partnership
from shutafut.partnerships.services import partnership_update
from shutafut.reports import exports, selectors, tasks
from shutafut.reports.importers import FUNDING_IMPORTERS, MAX_BYTES, ORG_IMPORTERS, too_large_message


@town_view()
def town_report_view(request: HttpRequest, town: Town) -> HttpResponse:
    return render(request, "reports/town.html", {"town": town, "r": selectors.town_report(town)})


@town_view()
@require_POST
def town_report_pdf_view(request: HttpRequest, town: Town) -> HttpResponse:
    """Start the PDF on a worker; its status page offers the download when it is ready."""
    back = reverse("report-town", kwargs={"town": town.slug})
    job = job_start(town=town, user=request.user, kind="town-pdf", task=tasks.town_pdf, back_url=back)
    return redirect(job_url(job))


@town_view()
def partnership_report_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    context = {"town": town, "r": selectors.partnership_report(partnership)}
    return render(request, "reports/partnership.html", context)


@town_view()
@require_POST
def partnership_report_pdf_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    back = reverse("report-partnership", kwargs={"town": town.slug, "pk": partnership.pk})
    job = job_start(
        town=town,
        user=request.user,
        kind="partnership-pdf",
        task=tasks.partnership_pdf,
        back_url=back,
        partnership_id=partnership.pk,
    )
    return redirect(job_url(job))


@town_view()
def export_view(request: HttpRequest, town: Town, name: str, fmt: str) -> HttpResponse:
    build = exports.EXPORTS.get(name)
    if build is None or fmt not in ("csv", "xlsx"):
        raise Http404
    table = build(town, {k: str(v).strip() for k, v in request.GET.items()})
    return _spreadsheet(table, fmt, f"{town.slug}-{name}.{fmt}")


IMPORT_KINDS = {"organizations": "import-organizations", "funding": "import-funding"}


@town_view(Role.COORDINATOR)
def import_view(request: HttpRequest, town: Town) -> HttpResponse:
    """Upload a file and check it row by row (dry run), then import it for real; both run on a worker, and the
    job's page shows the result. A dry run's page offers to import the same file without uploading it again."""
    error = ""
    form = {"kind": "organizations", "format": "guidestar", "all_localities": False, "encoding": ""}
    if request.method == "POST":
        source = request.POST.get("from_job")
        if source:
            return _import_again(request, town, source)
        form = {
            "kind": request.POST.get("kind", "organizations"),
            "format": request.POST.get("format", "guidestar"),
            "all_localities": bool(request.POST.get("all_localities")),
            "encoding": request.POST.get("encoding", ""),
        }
        upload = request.FILES.get("file")
        if upload is None:
            error = _("Choose a file.")
        elif upload.size is not None and upload.size > MAX_BYTES:
            error = too_large_message()
        elif form["kind"] not in IMPORT_KINDS or form["format"] not in ORG_IMPORTERS:
            error = _("Unknown kind of import.")
        elif form["encoding"] not in ("", "cp1255"):
            error = _("Unknown encoding.")
        else:
            params: dict[str, Any] = {"dry_run": request.POST.get("action") != "import", "encoding": form["encoding"]}
            if form["kind"] == "organizations":
                params |= {"fmt": form["format"], "all_localities": form["all_localities"]}
            job = _start_import(request, town, str(form["kind"]), JobInput.from_upload(upload), params)
            return redirect(job_url(job))
    recent = recent_jobs(town, IMPORT_KINDS.values()).defer("result")  # a long import's rows are not needed here
    return render(
        request,
        "reports/import.html",
        {
            "town": town,
            "error": error,
            "form": form,
            "formats": list(ORG_IMPORTERS.values()),
            "funding_formats": list(FUNDING_IMPORTERS.values()),
            "max_mb": MAX_BYTES // (1024 * 1024),
            "recent": recent,
        },
    )


@town_view(Role.COORDINATOR)
def import_template_view(request: HttpRequest, town: Town, kind: str, fmt: str) -> HttpResponse:
    """The app's own template (organizations or funding flows) with one example row, headers in the active
    language; written by the export helper, which neutralizes any cell a spreadsheet would run as a formula."""
    if kind not in IMPORT_KINDS or fmt not in ("csv", "xlsx"):
        raise Http404
    table = exports.import_template(kind, town)
    name = f"{town.slug}-{kind}-template.{fmt}"
    return _spreadsheet(table, fmt, name)


def _spreadsheet(table: exports.ExportTable, fmt: str, name: str) -> HttpResponse:
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.to_xlsx(table), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _start_import(request: HttpRequest, town: Town, kind: str, upload: JobInput, params: dict[str, Any]) -> Job:
    task = tasks.import_organizations if kind == "organizations" else tasks.import_funding
    back = reverse("report-import", kwargs={"town": town.slug})
    return job_start(
        town=town,
        user=request.user,
        kind=IMPORT_KINDS[kind],
        task=task,
        role=Role.COORDINATOR,
        back_url=back,
        input_file=upload,
        **params,
    )


def _import_again(request: HttpRequest, town: Town, source_pk: str) -> HttpResponse:
    """Import for real the file of an earlier dry run, with the same options."""
    source = access_job(request.user, source_pk, town=town)
    stored = job_input(source)
    kind = next((k for k, v in IMPORT_KINDS.items() if v == source.kind), None)
    if kind is None or stored is None:
        raise Http404
    job = _start_import(request, town, kind, JobInput.from_file(stored), {**source.params, "dry_run": False})
    return redirect(job_url(job))


def public_partnership_view(request: HttpRequest, town: str, pk: int) -> HttpResponse:
    """Readable without login when the convener made it public; otherwise the same 404 as a missing one."""
    partnership = Partnership.objects.filter(town__slug=town, pk=pk, is_public=True).select_related("town").first()
    if partnership is None:
        raise Http404
    return render(request, "reports/public.html", {"r": selectors.public_partnership(partnership)})


@town_view(Role.MEMBER)
def public_preview_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    """Exactly what the public sees of the partnership (the public page's own template), with the switch that
    publishes or withdraws it: for the coordinator and the convener's representative (see
    ``partnerships.access.may_publish``). A POST sets the switch and comes back here."""
    partnership = access_partnership_to_publish(request.user, pk, town=town)
    if request.method == "POST":
        publish = request.POST.get("publish") == "1"
        partnership_update(partnership, is_public=publish)
        if publish:
            messages.success(
                request, _("The partnership's public page is published: anyone with its address can read it.")
            )
        else:
            messages.success(request, _("The partnership's public page is withdrawn: it is no longer public."))
        return redirect("public-preview", town=town.slug, pk=partnership.pk)
    context = {
        "r": selectors.public_partnership(partnership),
        "preview": {
            "town": town,
            "partnership": partnership,
            "public_url": reverse("public-partnership", kwargs={"town": town.slug, "pk": partnership.pk}),
        },
    }
    return render(request, "reports/public.html", context)


def _require_national(request: HttpRequest) -> None:
    user = request.user
    if not (user.is_superuser or user.groups.filter(name=NATIONAL_GROUP).exists()):
        raise PermissionDenied


@login_required
def national_view(request: HttpRequest) -> HttpResponse:
    _require_national(request)
    return render(request, "reports/national.html", {"r": selectors.national_overview()})
