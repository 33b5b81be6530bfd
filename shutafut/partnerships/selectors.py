"""Reads of partnerships."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from shutafut.accounts.models import Town
from shutafut.organizations.models import Organization
from shutafut.partnerships.models import Activity, Decision, FrameworkDocument, Member, Partnership


def partnership_list(*, town: Town, q: str = "", stage: str = "", organization: str = "") -> QuerySet[Partnership]:
    qs = Partnership.objects.filter(town=town).select_related("convener").annotate(n_members=Count("members"))
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(focus__icontains=q) | Q(public_goals__icontains=q))
    if stage:
        qs = qs.filter(stage=stage)
    if organization.isdigit():
        qs = qs.filter(members__organization_id=int(organization))
    return qs.order_by("name", "pk")


def partnerships_by_stage(*, town: Town) -> dict[str, int]:
    rows = Partnership.objects.filter(town=town).values("stage").annotate(n=Count("pk"))
    return {row["stage"]: row["n"] for row in rows}


def partnerships_of(organization: Organization) -> QuerySet[Partnership]:
    """The partnerships of which the organization is (or was) a member."""
    return Partnership.objects.filter(members__organization=organization).distinct()


def with_parts(partnerships: QuerySet[Partnership]) -> QuerySet[Partnership]:
    """``partnerships`` with all their parts prefetched: a fixed number of queries, however many partnerships."""
    return partnerships.select_related("convener", "town").prefetch_related(
        Prefetch("members", queryset=Member.objects.select_related("organization", "representative")),
        "flows__giver__organization",
        "flows__receiver__organization",
        Prefetch(
            "decisions",
            queryset=Decision.objects.prefetch_related("participants__organization", "recusals", "consulted"),
        ),
        Prefetch("activities", queryset=Activity.objects.prefetch_related("organizers")),
        Prefetch(
            "documents",
            queryset=FrameworkDocument.objects.prefetch_related("signatories__organization", "decision_members"),
        ),
        "members__interests",
        "interactions__source__organization",
        "interactions__target__organization",
    )


def partnership_detail(partnership: Partnership) -> Partnership:
    """Return the partnership with all its parts prefetched (a fixed number of queries)."""
    return with_parts(Partnership.objects.all()).get(pk=partnership.pk)
