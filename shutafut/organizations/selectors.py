"""Reads of the organization registry."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

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
