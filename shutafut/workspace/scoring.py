"""Pure computations of the partnership workspace: survey scoring, culture gaps, charter checks, progress.

No Django here (``mypy --strict`` clean); the app maps its records to these plain values. Every rule names its
source: [S] the guide / domain.md, [P] our proposal, documented in docs/workspace.md.

Survey scoring
  * Scales: one scale per principle (Likert 1–5 items) and a trust scale (three items, 1–4).
  * A respondent's scale score is the mean of the items of that scale the respondent answered; the scale mean of a
    group is the mean of its respondents' scale scores.
  * Bands [issue 5; Wilder's bands, borrowed as an analogy: issue 13.6]: the mean is rounded half-up to one
    decimal first (as shown), then: 4.0 and up "strength", 3.0–3.9 "attention", under 3.0 "concern".
  * Suppression [issue 5, P]: no aggregate of fewer than ``MIN_GROUP`` (3) respondents is ever produced; a group
    shown beside a total it belongs to (a sector or an organization beside the whole survey) is withheld where the
    total would then give one or two people's answers away (``shutafut.lib.privacy.publishable_groups``).
  * Sector gaps [issue 5]: a principle is flagged when the shown sector means differ by ``GAP_FLAG`` (1.0) or more.
  * Over time [issue 13.6, I6.2]: a scale's trend from survey to survey, the change taken between shown (rounded)
    means and given only when both are shown; a breakdown by organization; the "please explain" of a score of 1 or
    2, pooled by item and sorted, from ``MIN_GROUP`` respondents.
  * People's ratings (the success rating, issue 13.5): a mean only from ``MIN_GROUP`` ratings.
  * Cronbach's alpha [Cronbach 1951]: α = k/(k−1) · (1 − Σσ²_item / σ²_total), sample variances (ddof = 1), over
    the respondents who answered every item of the scale (listwise), only from ``MIN_ALPHA`` (5) respondents and
    for scales of at least two items; ``None`` when undefined (too few, or a total with no variance).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from shutafut.lib.privacy import MIN_GROUP as MIN_GROUP  # the one privacy rule of every survey result
from shutafut.lib.privacy import publishable_groups

MIN_ALPHA = 5
"""Cronbach's alpha is computed only from this many complete respondents up."""
GAP_FLAG = 1.0
"""A difference of sector means of this size or more is flagged."""
WIDE_CULTURE_GAP = 2
"""A culture dimension whose scores (1–5) spread by this much or more is a wide gap that needs a working norm [P]."""
LIKERT_MIN, LIKERT_MAX = 1, 5
TRUST_MIN, TRUST_MAX = 1, 4
FOCUS_MIN, FOCUS_MAX = 0, 3
CULTURE_MIN, CULTURE_MAX = 1, 5


class Band(StrEnum):
    STRENGTH = "strength"
    ATTENTION = "attention"
    CONCERN = "concern"


def round1(value: float) -> float:
    """Round half-up to one decimal (3.95 → 4.0), as the mean is shown."""
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def band_of(mean: float) -> Band:
    """Return the band of a principle mean: ≥ 4.0 strength, 3.0–3.9 attention, < 3.0 concern (after rounding)."""
    shown = round1(mean)
    if shown >= 4.0:
        return Band.STRENGTH
    if shown >= 3.0:
        return Band.ATTENTION
    return Band.CONCERN


def mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def sample_variance(values: Sequence[float]) -> float:
    """Sample variance with ddof = 1; raises ``ValueError`` for fewer than two values."""
    n = len(values)
    if n < 2:
        raise ValueError("a sample variance needs at least two values")
    m = sum(values) / n
    return sum((v - m) ** 2 for v in values) / (n - 1)


def cronbach_alpha(rows: Sequence[Sequence[float]], *, min_respondents: int = MIN_ALPHA) -> float | None:
    """Return Cronbach's alpha of ``rows`` (one row per respondent, one column per item, all complete).

    ``None`` when there are fewer than ``min_respondents`` rows, fewer than two items, or no variance in totals.
    """
    if len(rows) < max(min_respondents, 2):
        return None
    k = len(rows[0])
    if k < 2 or any(len(r) != k for r in rows):
        return None
    item_vars = sum(sample_variance([r[i] for r in rows]) for i in range(k))
    total_var = sample_variance([sum(r) for r in rows])
    if total_var == 0:
        return None
    return (k / (k - 1)) * (1 - item_vars / total_var)


Answers = Mapping[str, int]
"""One respondent's answers: item code → score."""


@dataclass(frozen=True, slots=True)
class ScaleResult:
    scale: str
    n: int
    """Respondents with at least one answer on the scale."""
    mean: float | None
    """``None`` when ``n`` is below ``MIN_GROUP`` (suppressed)."""
    band: Band | None
    alpha: float | None

    @property
    def suppressed(self) -> bool:
        return self.mean is None


def scale_scores(responses: Iterable[Answers], items: Sequence[str]) -> list[float]:
    """Return each respondent's mean over ``items`` (respondents who answered none of them are left out)."""
    scores = []
    for answers in responses:
        answered = [answers[i] for i in items if i in answers]
        if answered:
            scores.append(sum(answered) / len(answered))
    return scores


def score_scale(scale: str, responses: Sequence[Answers], items: Sequence[str], *, banded: bool = True) -> ScaleResult:
    """Score one scale over a group of respondents, suppressing groups under ``MIN_GROUP``."""
    scores = scale_scores(responses, items)
    n = len(scores)
    if n < MIN_GROUP:
        return ScaleResult(scale, n, None, None, None)
    m = sum(scores) / n
    complete = [[float(a[i]) for i in items] for a in responses if all(i in a for i in items)]
    return ScaleResult(scale, n, m, band_of(m) if banded else None, cronbach_alpha(complete))


class Hidden(StrEnum):
    """Why a group's results are not shown."""

    TOO_FEW = "too_few"
    """Fewer than ``MIN_GROUP`` respondents: their mean would be their answers."""
    WOULD_REVEAL = "would_reveal"
    """Shown beside a total it belongs to, it would let the answers of the one or two others be worked out."""


def _grouped(
    responses: Sequence[tuple[str, Answers]], order: Sequence[str]
) -> tuple[dict[str, list[Answers]], tuple[str, ...], dict[str, int]]:
    """The answers by group, the groups that have some (in ``order``) and each one's number of respondents."""
    by_group: dict[str, list[Answers]] = {}
    for group, answers in responses:
        by_group.setdefault(group, []).append(answers)
    groups = tuple(g for g in order if g in by_group)
    return by_group, groups, {g: len(by_group[g]) for g in groups}


@dataclass(frozen=True, slots=True)
class SectorBreakdown:
    sectors: tuple[str, ...]
    """Sectors with respondents, in the given order; a sector under ``MIN_GROUP`` shows as suppressed."""
    cells: dict[tuple[str, str], ScaleResult]
    """(scale, sector) → result."""
    flagged: frozenset[str]
    """Scales whose shown sector means differ by ``GAP_FLAG`` or more."""
    withheld: frozenset[str] = frozenset()
    """Sectors of ``MIN_GROUP`` respondents or more that are not shown (``Hidden.WOULD_REVEAL``): their cells are
    suppressed like those of a small sector."""


def sector_breakdown(
    responses: Sequence[tuple[str, Answers]],
    scales: Mapping[str, Sequence[str]],
    sector_order: Sequence[str],
    *,
    totals: Iterable[Iterable[str]] = (),
) -> SectorBreakdown:
    """Break the scales down by the respondent's sector; flag gaps of a point or more between shown sectors.

    ``totals`` are the sets of sectors whose aggregate is shown elsewhere (the whole survey's means cover every
    sector): a sector is withheld where showing it beside them would give one or two people's answers away
    (``publishable_groups``)."""
    by_sector, sectors, sizes = _grouped(responses, sector_order)
    allowed = publishable_groups(sizes, [list(t) for t in totals])
    withheld = frozenset(s for s in sectors if sizes[s] >= MIN_GROUP and s not in allowed)
    cells: dict[tuple[str, str], ScaleResult] = {}
    flagged: set[str] = set()
    for scale, items in scales.items():
        shown: list[float] = []
        for sector in sectors:
            result = score_scale(scale, by_sector[sector], items)
            if sector in withheld:
                result = ScaleResult(scale, result.n, None, None, None)
            cells[(scale, sector)] = result
            if result.mean is not None:
                shown.append(round1(result.mean))
        if len(shown) >= 2 and max(shown) - min(shown) >= GAP_FLAG - 1e-9:
            flagged.add(scale)
    return SectorBreakdown(sectors, cells, frozenset(flagged), withheld)


@dataclass(frozen=True, slots=True)
class GroupBreakdown:
    groups: tuple[str, ...]
    """Groups with respondents, in the given order."""
    sizes: dict[str, int]
    """Group → its respondents."""
    cells: dict[tuple[str, str], ScaleResult]
    """(scale, group) → result, for the shown groups only."""
    hidden: dict[str, Hidden]
    """Group → why it is not shown."""

    @property
    def shown(self) -> tuple[str, ...]:
        return tuple(g for g in self.groups if g not in self.hidden)


def group_breakdown(
    responses: Sequence[tuple[str, Answers]],
    scales: Mapping[str, Sequence[str]],
    order: Sequence[str],
    *,
    totals: Iterable[Iterable[str]] = (),
    unbanded: Iterable[str] = (),
) -> GroupBreakdown:
    """Break the scales down by group (a respondent's organization), showing a group only from ``MIN_GROUP``
    respondents up and only where no shown ``totals`` (sets of groups whose aggregate is shown elsewhere, such as
    the whole survey or a sector) would then give one or two people's answers away (``publishable_groups``)."""
    by_group, groups, sizes = _grouped(responses, order)
    shown = publishable_groups(sizes, [list(t) for t in totals])
    hidden = {g: Hidden.TOO_FEW if sizes[g] < MIN_GROUP else Hidden.WOULD_REVEAL for g in groups if g not in shown}
    plain = set(unbanded)
    cells = {
        (scale, g): score_scale(scale, by_group[g], items, banded=scale not in plain)
        for scale, items in scales.items()
        for g in groups
        if g in shown
    }
    return GroupBreakdown(groups, sizes, cells, hidden)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    key: str
    """The survey it belongs to."""
    result: ScaleResult
    change: float | None
    """The shown mean minus the previous survey's shown mean (both rounded to one decimal first, so the figures on
    the page add up); ``None`` for the first survey, or when either mean is hidden."""


def trend(points: Sequence[tuple[str, ScaleResult]]) -> list[TrendPoint]:
    """Follow one scale from survey to survey (oldest first): each survey's result and its change since the
    previous one (indicator I6.2 for the trust scale)."""
    found: list[TrendPoint] = []
    previous: ScaleResult | None = None
    for key, result in points:
        change = None
        if previous is not None and previous.mean is not None and result.mean is not None:
            change = round1(round1(result.mean) - round1(previous.mean))
        found.append(TrendPoint(key, result, change))
        previous = result
    return found


LOW_SCORES = frozenset({1, 2})
"""The scores whose respondent is asked to explain them (optional) [P, after Wilder studies: peers.md §1.3]."""


def low_score_explanations(
    responses: Sequence[tuple[Answers, Mapping[str, str]]], items: Sequence[str]
) -> dict[str, list[str]] | None:
    """Pool the respondents' explanations of their low scores by item, without saying whose.

    ``responses`` holds each respondent's scores and explanations (item → text). An explanation counts only
    beside a score of 1 or 2 of the same item. Each item's texts are sorted, so their order tells nothing of who
    wrote first; ``None`` (nothing shown) under ``MIN_GROUP`` respondents.
    """
    if len(responses) < MIN_GROUP:
        return None
    pooled: dict[str, list[str]] = {}
    for scores, texts in responses:
        for item in items:
            text = texts.get(item, "").strip()
            if text and scores.get(item) in LOW_SCORES:
                pooled.setdefault(item, []).append(text)
    return {item: sorted(pooled[item]) for item in items if item in pooled}


@dataclass(frozen=True, slots=True)
class GroupMean:
    n: int
    mean: float | None
    """``None`` under ``MIN_GROUP`` values: a mean of one or two people's ratings is their rating."""


def group_mean(values: Sequence[float]) -> GroupMean:
    """The mean of people's ratings, shown only from ``MIN_GROUP`` ratings up."""
    n = len(values)
    return GroupMean(n, sum(values) / n if n >= MIN_GROUP else None)


def checklist_counts(chosen: Sequence[Iterable[str]]) -> dict[str, int] | None:
    """Count how many respondents ticked each item; ``None`` (suppressed) under ``MIN_GROUP`` respondents."""
    if len(chosen) < MIN_GROUP:
        return None
    counts: dict[str, int] = {}
    for codes in chosen:
        for code in set(codes):
            counts[code] = counts.get(code, 0) + 1
    return counts


def response_rate(invited: int, answered: int) -> float | None:
    return answered / invited if invited else None


# ---- Culture gaps (principle 6, I6.1) -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CultureGap:
    dimension: str
    scores: dict[str, int]
    """member key → score 1..5."""
    gap: int | None
    """max − min over the members that answered; ``None`` under two answers."""

    @property
    def wide(self) -> bool:
        return self.gap is not None and self.gap >= WIDE_CULTURE_GAP


def culture_gaps(profiles: Mapping[str, Mapping[str, int]], dimensions: Sequence[str]) -> list[CultureGap]:
    """Return the spread of each dimension across the members' profiles (member key → dimension → score)."""
    result = []
    for dim in dimensions:
        scores = {member: p[dim] for member, p in profiles.items() if dim in p}
        gap = max(scores.values()) - min(scores.values()) if len(scores) >= 2 else None
        result.append(CultureGap(dim, scores, gap))
    return result


# ---- Charter checks (principle 4, I4.2, I4.3, I5.3) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpectedBenefit:
    member: str
    """Who expects it."""
    from_member: str
    """From whom."""
    resource_type: str
    label: str


@dataclass(frozen=True, slots=True)
class Mismatch:
    kind: str
    """"benefit" (expected but not contributed), "concern" (no mitigation) or "role" (nobody holds it)."""
    member: str | None
    subject: str
    other: str | None = None


def charter_mismatches(
    *,
    contributions: Mapping[str, Iterable[str]],
    benefits: Iterable[ExpectedBenefit],
    concerns: Iterable[tuple[str, str, bool]],
    roles_held: Mapping[str, Iterable[str]],
    all_roles: Sequence[str],
) -> list[Mismatch]:
    """Find the charter's mismatches.

    ``contributions``: member → resource types it lists as contributions; ``concerns``: (member, label,
    has mitigation); ``roles_held``: member → roles.
    """
    found: list[Mismatch] = []
    for b in benefits:
        if b.resource_type not in set(contributions.get(b.from_member, ())):
            found.append(Mismatch("benefit", b.member, b.label, b.from_member))
    for member, label, mitigated in concerns:
        if not mitigated:
            found.append(Mismatch("concern", member, label))
    held = {role for roles in roles_held.values() for role in roles}
    for role in all_roles:
        if role not in held:
            found.append(Mismatch("role", None, role))
    return found


# ---- Progress roll-up (work plan) --------------------------------------------------------------------------------


def weighted_progress(parts: Iterable[tuple[float, float]]) -> float | None:
    """Return Σ wᵢ·pᵢ / Σ wᵢ over (weight, progress 0..1) pairs; ``None`` when the weights sum to zero.

    Progress rolls up tasks → milestones → goals → plan with this one rule; a milestone with no tasks has
    progress 0 (nothing planned is nothing done) [P].
    """
    items = [(w, p) for w, p in parts if w > 0]
    total = sum(w for w, _ in items)
    if total <= 0:
        return None
    return sum(w * p for w, p in items) / total


def indicator_progress(baseline: float, target: float, latest: float | None) -> float | None:
    """Share of the way from baseline to target reached by the latest value, clipped to 0..1."""
    if latest is None or target == baseline:
        return None
    return min(1.0, max(0.0, (latest - baseline) / (target - baseline)))
