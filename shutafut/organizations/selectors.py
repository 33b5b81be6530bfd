"""Reads of the organization registry."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Length

from shutafut.accounts.models import Town
from shutafut.organizations.models import Organization


def organization_list(
    *, town: Town, q: str = "", sector: str = "", subtype: str = "", field: str = ""
) -> QuerySet[Organization]:
    """Return the town's organizations matching a free-text query and filters, by name."""
    qs = Organization.objects.filter(town=town)
    if q:
        qs = qs.filter(
            Q(name__icontains=q)
            | Q(name_en__icontains=q)
            | Q(registry_number__icontains=q)
            | Q(locality__icontains=q)
            | Q(fields_of_activity__icontains=q)
        )
    if sector:
        qs = qs.filter(sector=sector)
    if subtype:
        qs = qs.filter(subtype=subtype)
    if field:
        qs = qs.filter(fields_of_activity__icontains=field)
    return qs.order_by("name", "pk")


def organizations_by_sector(*, town: Town) -> dict[str, int]:
    rows = Organization.objects.filter(town=town).values("sector").annotate(n=Count("pk"))
    return {row["sector"]: row["n"] for row in rows}


SUGGESTIONS = 20
"""How many organizations a suggestion list shows at most."""


def organization_suggestions(*, town: Town, query: str) -> list[Organization]:
    """Up to ``SUGGESTIONS`` of the town's organizations whose name contains ``query`` or whose registry number
    starts with it, shortest names first (the closest matches); none for fewer than two characters."""
    query = " ".join(query.split())
    if len(query) < 2:
        return []
    return list(
        Organization.objects.filter(town=town)
        .filter(Q(name__icontains=query) | Q(registry_number__startswith=query))
        .only("name", "registry_number")
        .order_by(Length("name"), "name")[:SUGGESTIONS]
    )
