"""The town dashboard, the home redirect, the guide's texts as browsable guidance, and the town's sector table."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from shutafut.accounts.access import towns_of
from shutafut.accounts.decorators import TownRequest, town_view
from shutafut.accounts.models import Role, Town
from shutafut.diagnosis.selectors import partnerships_by_diagnosed_rung
from shutafut.guide import services
from shutafut.guide.forms import BusinessConcernsForm
from shutafut.guide.selectors import TownTable, town_table
from shutafut.guide.texts import (
    ladder_for,
    lifecycle_for,
    principles_for,
    sector_notes_for,
    sector_table_for,
    why_for,
)
from shutafut.guide.todo import first_steps, todo
from shutafut.model.ladder import Rung
from shutafut.model.lifecycle import Stage
from shutafut.model.sector_table import SECTOR_TABLE
from shutafut.model.sectors import Sector
from shutafut.organizations.selectors import organizations_by_sector
from shutafut.partnerships.selectors import partnerships_by_stage
from shutafut.relationships.selectors import relationships_by_rung


def _lang() -> str:
    return get_language() or "he"


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send the user to their (first) town's dashboard, or list their towns."""
    towns = list(towns_of(request.user))
    if len(towns) == 1:
        return redirect("dashboard", town=towns[0].slug)
    return render(request, "guide/home.html", {"towns": towns})


@town_view()
def dashboard(request: TownRequest, town: Town) -> HttpResponse:
    lang = _lang()
    by_sector = organizations_by_sector(town=town)
    by_rung = relationships_by_rung(town=town)
    by_stage = partnerships_by_stage(town=town)
    by_diagnosed_rung = partnerships_by_diagnosed_rung(town=town)
    sectors = [(s, s.label.in_lang(lang), by_sector.get(s.value, 0)) for s in Sector]
    rungs = [(r, r.label.in_lang(lang), by_rung.get(int(r), 0)) for r in Rung]
    stages = [(s, s.label.in_lang(lang), by_stage.get(s.value, 0)) for s in Stage if by_stage.get(s.value)]
    max_rung = max([n for _r, _l, n in rungs] + [1])
    is_coordinator = request.membership.allows(Role.COORDINATOR)
    return render(
        request,
        "guide/dashboard.html",
        {
            "town": town,
            "sectors": sectors,
            "rungs": [(r, label, n, round(100 * n / max_rung)) for r, label, n in rungs],
            "stages": stages,
            "diagnosed": [
                (r, r.label.in_lang(lang), by_diagnosed_rung[int(r)])
                for r in reversed(Rung)
                if int(r) in by_diagnosed_rung
            ],
            "n_organizations": sum(by_sector.values()),
            "n_relationships": sum(by_rung.values()),
            "n_partnerships": sum(by_stage.values()),
            "first_steps": first_steps(town) if is_coordinator else [],  # only the coordinator's dashboard shows them
            "todo": todo(town, request.user),
            "is_coordinator": is_coordinator,
        },
    )


def guide_index(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/index.html", {"why": why_for(_lang())})


def guide_ladder(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/ladder.html", {"rungs": ladder_for(_lang())})


def guide_principles(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/principles.html", {"principles": principles_for(_lang())})


def guide_lifecycle(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/lifecycle.html", {"stages": lifecycle_for(_lang())})


def _sectors_context(table: TownTable | None) -> dict[str, object]:
    lang = _lang()
    shown = table.table if table is not None else SECTOR_TABLE
    return {
        "rows": sector_table_for(shown, lang),
        "notes": sector_notes_for(shown, lang),
        "town_has_own": bool(table and table.own),
    }


def guide_sectors(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/sectors.html", _sectors_context(None))


@town_view()
def town_sectors(request: HttpRequest, town: Town) -> HttpResponse:
    """The sector table as this town uses it: its own business concerns, or the model's proposal."""
    return render(request, "guide/sectors.html", {"town": town, **_sectors_context(town_table(town))})


@town_view(Role.COORDINATOR)
def town_sector_settings(request: HttpRequest, town: Town) -> HttpResponse:
    """Coordinators set the town's own business-sector concerns; every change is in the audit log."""
    current = town_table(town)
    concerns = current.table.business.concerns
    form = BusinessConcernsForm(
        request.POST or None,
        initial={"he": "\n".join(i.text.he for i in concerns), "en": "\n".join(i.text.en for i in concerns)},
    )
    if request.method == "POST" and form.is_valid():
        reset = "reset" in request.POST
        try:
            services.business_concerns_set(
                town=town,
                he="" if reset else form.cleaned_data["he"],
                en="" if reset else form.cleaned_data["en"],
                by=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    form.add_error(field if field in form.fields else None, message)
        else:
            return redirect("town-sectors", town=town.slug)
    return render(request, "guide/sector_settings.html", {"town": town, "form": form, "own": current.own})
