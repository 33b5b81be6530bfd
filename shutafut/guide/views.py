"""The town dashboard, the home redirect and the guide's texts as browsable guidance."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from shutafut.accounts.access import towns_of
from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Town
from shutafut.diagnosis.selectors import partnerships_by_diagnosed_rung
from shutafut.guide.texts import principles_for, sector_table_for
from shutafut.model.ladder import RUNGS, Rung
from shutafut.model.lifecycle import Stage
from shutafut.model.sectors import Sector
from shutafut.organizations.selectors import organizations_by_sector
from shutafut.partnerships.selectors import partnerships_by_stage
from shutafut.relationships.selectors import relationships_by_rung


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send the user to their (first) town's dashboard, or list their towns."""
    towns = list(towns_of(request.user))
    if len(towns) == 1:
        return redirect("dashboard", town=towns[0].slug)
    return render(request, "guide/home.html", {"towns": towns})


@town_view()
def dashboard(request: HttpRequest, town: Town) -> HttpResponse:
    lang = get_language() or "he"
    by_sector = organizations_by_sector(town=town)
    by_rung = relationships_by_rung(town=town)
    by_stage = partnerships_by_stage(town=town)
    by_diagnosed_rung = partnerships_by_diagnosed_rung(town=town)
    sectors = [(s, s.label.in_lang(lang), by_sector.get(s.value, 0)) for s in Sector]
    rungs = [(r, r.label.in_lang(lang), by_rung.get(int(r), 0)) for r in Rung]
    stages = [(s, s.label.in_lang(lang), by_stage.get(s.value, 0)) for s in Stage if by_stage.get(s.value)]
    max_rung = max([n for _r, _l, n in rungs] + [1])
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
        },
    )


def guide_index(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/index.html")


def guide_ladder(request: HttpRequest) -> HttpResponse:
    lang = get_language() or "he"
    rungs = [
        {
            "order": int(r),
            "code": r.code,
            "name": i.name.in_lang(lang),
            "summary": i.summary.in_lang(lang),
            "definition": i.definition.in_lang(lang),
        }
        for r, i in sorted(RUNGS.items())
    ]
    return render(request, "guide/ladder.html", {"rungs": rungs})


def guide_principles(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/principles.html", {"principles": principles_for(get_language() or "he")})


def guide_sectors(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/sectors.html", {"rows": sector_table_for(get_language() or "he")})
