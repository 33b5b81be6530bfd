"""/api/v1/waves: the relationship survey's waves, with their roster and response counts; never an answer."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from shutafut.api.common import paginate, town_for
from shutafut.surveys.access import access_wave
from shutafut.surveys.selectors import wave_list, wave_status

router = Router(tags=["survey waves"])


class WaveOut(Schema):
    id: int
    town: str
    name: str
    status: str
    opens_on: dt.date | None
    closes_on: dt.date | None

    @staticmethod
    def resolve_town(obj: Any) -> str:
        return str(obj.town.slug)


class WavePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[WaveOut]


class RosterOrganization(Schema):
    id: int
    name: str
    sector: str


class WaveDetailOut(WaveOut):
    organizations: list[RosterOrganization]
    respondent_count: int
    organizations_answered: int
    respondents_answered: int


@router.get("", response=WavePage)
def list_waves(request: HttpRequest, town: str, page: int = 1, page_size: int = 50) -> dict[str, Any]:
    return paginate(wave_list(town_for(request, town)).select_related("town"), page, page_size)


@router.get("/{int:wave_id}", response=WaveDetailOut)
def get_wave(request: HttpRequest, wave_id: int) -> Any:
    """One wave: its roster and how many organizations and people have answered (counts only: no rating, no
    respondent's name, as on the wave's page)."""
    wave = access_wave(request.user, wave_id)
    progress = wave_status(wave)
    return SimpleNamespace(
        id=wave.pk,
        town=wave.town,
        name=wave.name,
        status=wave.status,
        opens_on=wave.opens_on,
        closes_on=wave.closes_on,
        organizations=list(wave.organizations.order_by("name")),
        respondent_count=len(progress.respondents),
        organizations_answered=progress.organizations_answered,
        respondents_answered=progress.respondents_answered,
    )
