"""Reads of relationships."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from shutafut.accounts.models import Town
from shutafut.organizations.models import Organization
from shutafut.relationships.models import Relationship


def relationship_list(
    *, town: Town, q: str = "", rung: str = "", sector: str = "", domain: str = "", organization: str = ""
) -> QuerySet[Relationship]:
    qs = Relationship.objects.filter(town=town).select_related("org_a", "org_b")
    if q:
        qs = qs.filter(
            Q(org_a__name__icontains=q) | Q(org_b__name__icontains=q) | Q(domain__icontains=q) | Q(notes__icontains=q)
        )
    if rung.isdigit():
        qs = qs.filter(rung=int(rung))
    if sector:
        qs = qs.filter(Q(org_a__sector=sector) | Q(org_b__sector=sector))
    if domain:
        qs = qs.filter(domain__icontains=domain)
    if organization.isdigit():
        qs = qs.filter(Q(org_a_id=int(organization)) | Q(org_b_id=int(organization)))
    return qs.order_by("-observed_on", "pk")


def relationships_by_rung(*, town: Town) -> dict[int, int]:
    rows = Relationship.objects.filter(town=town).values("rung").annotate(n=Count("pk"))
    return {row["rung"]: row["n"] for row in rows}


def relationships_of(organization: Organization) -> QuerySet[Relationship]:
    """The organization's ties, either side, the highest rung first."""
    return (
        Relationship.objects.filter(Q(org_a=organization) | Q(org_b=organization))
        .select_related("org_a", "org_b")
        .order_by("-rung", "pk")
    )


def relationship_twin(
    *, town: Town, org_a: Organization, org_b: Organization, domain: str, exclude: int | None = None
) -> Relationship | None:
    """The town's recorded relationship of the same pair (either way round) in the same domain, if there is one."""
    pair = Q(org_a=org_a, org_b=org_b) | Q(org_a=org_b, org_b=org_a)
    found = Relationship.objects.filter(pair, town=town, domain__iexact=domain.strip(), source="recorded")
    if exclude is not None:
        found = found.exclude(pk=exclude)
    return found.order_by("-observed_on", "-pk").first()
