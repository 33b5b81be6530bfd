"""Reads of stored diagnoses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from django.db.models import OuterRef, Subquery

from shutafut.accounts.models import Town
from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.lib.choices import label_of
from shutafut.model.ladder import Rung
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


def diagnosed_rungs(partnerships: Sequence[Partnership]) -> dict[int, str]:
    """The rung of each partnership's latest diagnosis, by its label in the active language (one query)."""
    latest = DiagnosisSnapshot.objects.filter(partnership=OuterRef("pk")).order_by("-computed_at", "-pk")
    rungs = (
        Partnership.objects.filter(pk__in=[p.pk for p in partnerships])
        .annotate(rung=Subquery(latest.values("rung")[:1]))
        .values_list("pk", "rung")
    )
    return {pk: label_of(Rung, rung) for pk, rung in rungs if rung is not None}
