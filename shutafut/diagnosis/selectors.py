"""Reads of stored diagnoses."""

from __future__ import annotations

from collections import Counter

from django.db.models import OuterRef, Subquery

from shutafut.accounts.models import Town
from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.partnerships.models import Partnership


def partnerships_by_diagnosed_rung(*, town: Town) -> dict[int, int]:
    """Count the town's partnerships by the rung of their latest diagnosis (one query)."""
    latest = DiagnosisSnapshot.objects.filter(partnership=OuterRef("pk")).order_by("-computed_at", "-pk")
    rungs = (
        Partnership.objects.filter(town=town)
        .annotate(rung=Subquery(latest.values("rung")[:1]))
        .values_list("rung", flat=True)
    )
    return dict(Counter(r for r in rungs if r is not None))
