"""Pages of the reports app: town and partnership reports (HTML and PDF), list exports, the import page,
the public partnership page and the national view."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shutafut.accounts.context_processors import NATIONAL_GROUP
from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Role, Town
from shutafut.partnerships.access import access_partnership
from shutafut.partnerships.models import Partnership
from shutafut.reports import exports, selectors
from shutafut.reports.importers import ORG_FORMATS
from shutafut.reports.pdf import render_pdf
from shutafut.reports.services import ImportResult, funding_import, organizations_import

MAX_UPLOAD = 20 * 1024 * 1024


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@town_view()
def town_report_view(request: HttpRequest, town: Town) -> HttpResponse:
    return render(request, "reports/town.html", {"town": town, "r": selectors.town_report(town)})


@town_view()
def town_report_pdf_view(request: HttpRequest, town: Town) -> HttpResponse:
    data = render_pdf("reports/town_pdf.html", {"town": town, "r": selectors.town_report(town)})
    return _pdf_response(data, f"{town.slug}-report-{get_language()}.pdf")


@town_view()
def partnership_report_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    context = {"town": town, "r": selectors.partnership_report(partnership)}
    return render(request, "reports/partnership.html", context)


@town_view()
def partnership_report_pdf_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    data = render_pdf("reports/partnership_pdf.html", {"town": town, "r": selectors.partnership_report(partnership)})
    return _pdf_response(data, f"partnership-{partnership.pk}-{get_language()}.pdf")


@town_view()
def export_view(request: HttpRequest, town: Town, name: str, fmt: str) -> HttpResponse:
    build = exports.EXPORTS.get(name)
    if build is None or fmt not in ("csv", "xlsx"):
        raise Http404
    table = build(town, {k: str(v).strip() for k, v in request.GET.items()})
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.to_xlsx(table), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="{town.slug}-{name}.{fmt}"'
    return response


@town_view(Role.COORDINATOR)
def import_view(request: HttpRequest, town: Town) -> HttpResponse:
    """Upload a file, see row by row what would happen (dry run), then import it for real."""
    result: ImportResult | None = None
    error = ""
    form = {"kind": "organizations", "format": "guidestar", "all_localities": False, "encoding": ""}
    if request.method == "POST":
        form = {
            "kind": request.POST.get("kind", "organizations"),
            "format": request.POST.get("format", "guidestar"),
            "all_localities": bool(request.POST.get("all_localities")),
            "encoding": request.POST.get("encoding", ""),
        }
        upload = request.FILES.get("file")
        dry_run = request.POST.get("action") != "import"
        if upload is None:
            error = _("Choose a file.")
        elif upload.size is not None and upload.size > MAX_UPLOAD:
            error = _("The file is too large (at most 20 MB).")
        elif form["kind"] not in ("organizations", "funding") or form["format"] not in ORG_FORMATS:
            error = _("Unknown kind of import.")
        elif form["encoding"] not in ("", "cp1255"):
            error = _("Unknown encoding.")
        else:
            suffix = Path(upload.name or "").suffix.lower()[:6] or ".csv"
            with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
                handle.flush()
                encoding = str(form["encoding"]) or None
                if form["kind"] == "funding":
                    result = funding_import(town=town, path=handle.name, dry_run=dry_run, encoding=encoding)
                else:
                    result = organizations_import(
                        town=town,
                        path=handle.name,
                        fmt=str(form["format"]),
                        dry_run=dry_run,
                        all_localities=bool(form["all_localities"]),
                        encoding=encoding,
                    )
    shown = []
    if result is not None:
        # The rows that need attention first, then a sample of the rest: a 20,000-row file stays readable.
        shown = result.rejected[:500] + [r for r in result.rows if r.action in ("create", "update")][:200]
    return render(
        request,
        "reports/import.html",
        {"town": town, "result": result, "shown": shown, "error": error, "form": form, "formats": list(ORG_FORMATS)},
    )


def public_partnership_view(request: HttpRequest, town: str, pk: int) -> HttpResponse:
    """Readable without login when the convener made it public; otherwise the same 404 as a missing one."""
    partnership = Partnership.objects.filter(town__slug=town, pk=pk, is_public=True).select_related("town").first()
    if partnership is None:
        raise Http404
    return render(request, "reports/public.html", {"r": selectors.public_partnership(partnership)})


def _require_national(request: HttpRequest) -> None:
    user = request.user
    if not (user.is_superuser or user.groups.filter(name=NATIONAL_GROUP).exists()):
        raise PermissionDenied


@login_required
def national_view(request: HttpRequest) -> HttpResponse:
    _require_national(request)
    return render(request, "reports/national.html", {"r": selectors.national_overview()})
