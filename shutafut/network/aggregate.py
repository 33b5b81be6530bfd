"""From survey answers to analysable networks (pure numpy; peers.md §1.14, §3.4).

Each organization ``i`` that answers rates its relationship with the others it knows: the *directed rating*
``r_ij`` (rater ``i`` about ``j``) is a rung of our ladder, 0–5. Nothing here overwrites a rating; every
choice that turns ratings into numbers is a named parameter recorded in the result:

* ``RollUpRule``: several respondents of one organization rating the same partner become one rating;
* ``CompetitionRule`` (shutafut.model.ladder): what numeric statistics do with rung 1, competition;
* ``SymmetrizeRule``: how ``r_ij`` and ``r_ji`` become one pair value (min, mean, max);
* ``NonRespondentRule``: what happens to a pair when one side did not answer (counterpart imputation,
  flagged, or exclusion);
* ``DISAGREEMENT_GAP``: pairs whose two ratings differ by this many rungs or more are flagged for discussion.

Missing versus zero: an organization that answered and did not list ``j`` rated ``j`` at 0 (disconnection);
an organization that did not answer has *no* rating (missing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from shutafut.model.ladder import CompetitionRule, Rung
from shutafut.network.metrics import Network, look_up, pair_key

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

MISSING = -1
"""Rung value of a rating that does not exist (its rater did not answer)."""
DISAGREEMENT_GAP = 2
"""Pairs whose two ratings differ by at least this many rungs are flagged (peers.md §3.2, our suggestion)."""


class SymmetrizeRule(StrEnum):
    """How the two directed ratings of a pair become one value."""

    MIN = "min"
    """The lower of the two: conservative (Socilyzer)."""
    MEAN = "mean"
    """Their mean (may fall between rungs, e.g. 2.5)."""
    MAX = "max"
    """The higher of the two: either side's claim is enough."""


class NonRespondentRule(StrEnum):
    """What a pair becomes when one of its organizations did not answer."""

    IMPUTE_COUNTERPART = "impute_counterpart"
    """Use the rating of the side that answered, and flag the pair as imputed (peers.md §3.4, [N1, L7])."""
    EXCLUDE = "exclude"
    """Leave the pair out of numeric statistics (its value is ``NaN``)."""


class RollUpRule(StrEnum):
    """How the ratings of several respondents of one organization about one partner become one rating."""

    MAX = "max"
    MIN = "min"
    MEDIAN_LOW = "median_low"
    """The lower middle value (an actual rung; for two answers, the lower one)."""
    MEDIAN_HIGH = "median_high"
    """The upper middle value."""
    MEAN_ROUNDED = "mean_rounded"
    """The mean rounded half up to a rung (2.5 → 3)."""


def _int(values: object) -> IntArray:
    return np.asarray(values, dtype=np.int64)


def numeric_levels(rungs: Sequence[int] | IntArray, rule: CompetitionRule) -> FloatArray:
    """Rung orders as numbers for statistics: competition (1) becomes 0 (``AS_ZERO``), ``NaN`` (``EXCLUDE``:
    left out of every mean and denominator) or 1 (``AS_ORDER``); ``MISSING`` becomes ``NaN``; other rungs keep
    their order."""
    r = _int(rungs)
    out = r.astype(np.float64)
    out[r == MISSING] = np.nan
    comp = r == int(Rung.COMPETITION)
    if rule is CompetitionRule.AS_ZERO:
        out[comp] = 0.0
    elif rule is CompetitionRule.EXCLUDE:
        out[comp] = np.nan
    return out


def _check(n: int, rater: IntArray, ratee: IntArray, rung: IntArray) -> None:
    if not (len(rater) == len(ratee) == len(rung)):
        raise ValueError("rater, ratee and rung must have the same length")
    bad = (rater < 0) | (rater >= n) | (ratee < 0) | (ratee >= n)
    if bad.any():
        raise ValueError(f"organization index outside 0..{n - 1} (rows {np.flatnonzero(bad).tolist()})")
    if np.any(rater == ratee):
        raise ValueError(f"self-ratings are not allowed (rows {np.flatnonzero(rater == ratee).tolist()})")
    off = (rung < int(Rung.DISCONNECTION)) | (rung > int(Rung.PARTNERSHIP))
    if off.any():
        raise ValueError(f"rungs must be 0-5 (rows {np.flatnonzero(off).tolist()})")


@dataclass(frozen=True, slots=True, eq=False)
class Ratings:
    """Directed ratings ``r_ij`` of ``n`` organizations, as given (one per rater and ratee).

    ``responded[i]`` says whether ``i`` answered; an answering organization's unlisted partners are at 0.
    """

    n: int
    rater: IntArray
    ratee: IntArray
    rung: IntArray
    responded: BoolArray

    @classmethod
    def build(
        cls,
        n: int,
        rater: Sequence[int] | IntArray,
        ratee: Sequence[int] | IntArray,
        rung: Sequence[int] | IntArray,
        responded: Sequence[bool] | BoolArray | None = None,
    ) -> Ratings:
        """Validate and build. ``responded`` defaults to "every organization that gave a rating".

        ``ValueError`` on indices outside ``0..n-1``, self-ratings, rungs outside 0–5, a rater rating the same
        partner twice (roll several respondents up first, ``roll_up``), or ratings by an organization marked
        as not having responded.
        """
        i, j, r = _int(rater), _int(ratee), _int(rung)
        _check(n, i, j, r)
        key = pair_key(i, j, n, directed=True)
        if len(np.unique(key)) != len(key):
            raise ValueError("a rater rates the same partner twice: roll the respondents up first")
        if responded is None:
            resp = np.zeros(n, dtype=bool)
            resp[i] = True
        else:
            resp = np.asarray(responded, dtype=bool)
            if resp.shape != (n,):
                raise ValueError("responded must have one value per organization")
            if not resp[i].all():
                raise ValueError("ratings given by organizations marked as not having responded")
        return cls(n, i, j, r, resp)


@dataclass(frozen=True, slots=True, eq=False)
class RolledUp:
    """One rating per (rater organization, ratee) from several respondents, by ``rule``.

    ``respondents`` counts the answers combined per rating; ``spread`` is their range (max − min rung), a cue
    that the organization's people see the relationship differently.
    """

    ratings: Ratings
    respondents: IntArray
    spread: IntArray
    rule: RollUpRule


def roll_up(
    n: int,
    rater_org: Sequence[int] | IntArray,
    ratee_org: Sequence[int] | IntArray,
    rung: Sequence[int] | IntArray,
    rule: RollUpRule,
    responded: Sequence[bool] | BoolArray | None = None,
) -> RolledUp:
    """Combine the answers of several respondents per organization (one row per respondent's rating).

    Only the rows given are combined: a respondent who did not list the partner contributes nothing unless an
    explicit rung-0 row is given. Rungs are combined by their order (competition = 1).
    """
    i, j, r = _int(rater_org), _int(ratee_org), _int(rung)
    _check(n, i, j, r)
    key = pair_key(i, j, n, directed=True)
    order = np.lexsort((r, key))
    ks, rs = key[order], r[order]
    uniq, start, count = np.unique(ks, return_index=True, return_counts=True)
    if len(uniq) == 0:
        empty = _int([])
        return RolledUp(Ratings.build(n, empty, empty, empty, responded), empty, empty, rule)
    lo, hi = rs[start], rs[start + count - 1]
    if rule is RollUpRule.MAX:
        value = hi
    elif rule is RollUpRule.MIN:
        value = lo
    elif rule is RollUpRule.MEDIAN_LOW:
        value = rs[start + (count - 1) // 2]
    elif rule is RollUpRule.MEDIAN_HIGH:
        value = rs[start + count // 2]
    else:
        mean = np.add.reduceat(rs, start) / count
        value = np.floor(mean + 0.5).astype(np.int64)
    ratings = Ratings.build(n, uniq // n, uniq % n, value, responded)
    return RolledUp(ratings, _int(count), _int(hi - lo), rule)


@dataclass(frozen=True, slots=True, eq=False)
class SymmetricPairs:
    """One value per unordered pair ``(a < b)`` that at least one side listed.

    * ``r_ab``/``r_ba``: the two directed rungs (``MISSING`` = -1 when that side did not answer; 0 when it
      answered without listing the other);
    * ``value``: the pair value on the numeric scale after ``competition``, combined by ``rule``; an excluded
      rating (competition under ``EXCLUDE``) leaves the other side's value; ``NaN`` when nothing is left
      or the
      pair is one-sided under ``NonRespondentRule.EXCLUDE``;
    * ``imputed``: the value is the counterpart's rating because one side did not answer;
    * ``gap``: ``|r_ab − r_ba|`` on rung orders (``NaN`` when one side is missing); ``disagreement``:
      ``gap >= min_gap`` (pairs to discuss).
    """

    n: int
    a: IntArray
    b: IntArray
    r_ab: IntArray
    r_ba: IntArray
    value: npt.NDArray[np.float64]
    imputed: BoolArray
    gap: npt.NDArray[np.float64]
    disagreement: BoolArray
    rule: SymmetrizeRule
    nonrespondents: NonRespondentRule
    competition: CompetitionRule
    min_gap: int

    def to_network(
        self,
        node_ids: Sequence[str],
        groups: Sequence[str | None] | None = None,
        group_labels: Sequence[str] | None = None,
    ) -> Network:
        """The undirected network of the pair values (``NaN`` values are excluded from statistics)."""
        return Network.build(
            node_ids, self.a, self.b, self.value, directed=False, groups=groups, group_labels=group_labels
        )


def _directed_rungs(ratings: Ratings, src: IntArray, dst: IntArray) -> IntArray:
    """``r_src,dst`` for each pair: the listed rung, 0 if ``src`` answered without listing, else
    ``MISSING``."""
    n = ratings.n
    given = pair_key(ratings.rater, ratings.ratee, n, directed=True)
    unlisted = np.where(ratings.responded[src], 0, MISSING)
    return _int(look_up(given, ratings.rung, pair_key(src, dst, n, directed=True), unlisted))


def symmetrize(
    ratings: Ratings,
    rule: SymmetrizeRule,
    nonrespondents: NonRespondentRule,
    *,
    competition: CompetitionRule = CompetitionRule.AS_ZERO,
    min_gap: int = DISAGREEMENT_GAP,
) -> SymmetricPairs:
    """Pair values from directed ratings by the named rules; see ``SymmetricPairs``."""
    n = ratings.n
    pairs = np.unique(pair_key(ratings.rater, ratings.ratee, n, directed=False))
    a, b = _int(pairs // n), _int(pairs % n)
    r_ab, r_ba = _directed_rungs(ratings, a, b), _directed_rungs(ratings, b, a)
    miss_ab, miss_ba = r_ab == MISSING, r_ba == MISSING
    x, y = numeric_levels(r_ab, competition), numeric_levels(r_ba, competition)
    both = np.stack((x, y))
    with np.errstate(invalid="ignore"):
        if rule is SymmetrizeRule.MIN:
            combined = np.fmin(x, y)
        elif rule is SymmetrizeRule.MAX:
            combined = np.fmax(x, y)
        else:
            valid = ~np.isnan(both)
            combined = np.where(valid.any(axis=0), np.nansum(both, axis=0) / np.maximum(valid.sum(axis=0), 1), np.nan)
    one_sided = miss_ab ^ miss_ba
    if nonrespondents is NonRespondentRule.EXCLUDE:
        combined = np.where(one_sided, np.nan, combined)
        imputed = np.zeros(len(a), dtype=bool)
    else:
        imputed = one_sided
    gap = np.where(miss_ab | miss_ba, np.nan, np.abs(r_ab - r_ba).astype(np.float64))
    with np.errstate(invalid="ignore"):
        disagreement = gap >= min_gap
    return SymmetricPairs(
        n,
        a,
        b,
        r_ab,
        r_ba,
        np.asarray(combined, dtype=np.float64),
        imputed,
        gap,
        disagreement,
        rule,
        nonrespondents,
        competition,
        min_gap,
    )


@dataclass(frozen=True, slots=True, eq=False)
class DirectedLevels:
    """Directed arcs ready for a ``Network``: the listed ratings on the numeric scale after ``competition``,
    plus (under ``IMPUTE_COUNTERPART``) an imputed arc ``i → j`` with ``r_ji``'s value for every rating
    ``r_ji`` whose counterpart rater ``i`` did not answer; ``imputed`` flags those arcs."""

    n: int
    source: IntArray
    target: IntArray
    level: npt.NDArray[np.float64]
    imputed: BoolArray
    nonrespondents: NonRespondentRule
    competition: CompetitionRule

    def to_network(
        self,
        node_ids: Sequence[str],
        groups: Sequence[str | None] | None = None,
        group_labels: Sequence[str] | None = None,
    ) -> Network:
        """The directed network of these arcs."""
        return Network.build(
            node_ids,
            self.source,
            self.target,
            self.level,
            directed=True,
            groups=groups,
            group_labels=group_labels,
        )


def directed_levels(
    ratings: Ratings,
    nonrespondents: NonRespondentRule,
    *,
    competition: CompetitionRule = CompetitionRule.AS_ZERO,
) -> DirectedLevels:
    """Directed arcs with non-respondents handled by the named rule; see ``DirectedLevels``."""
    level = numeric_levels(ratings.rung, competition)
    src, dst = ratings.rater, ratings.ratee
    imputed = np.zeros(len(src), dtype=bool)
    if nonrespondents is NonRespondentRule.IMPUTE_COUNTERPART:
        fill = ~ratings.responded[dst]
        src = np.concatenate((src, ratings.ratee[fill]))
        dst = np.concatenate((dst, ratings.rater[fill]))
        level = np.concatenate((level, level[fill]))
        imputed = np.concatenate((imputed, np.ones(int(fill.sum()), dtype=bool)))
    return DirectedLevels(ratings.n, _int(src), _int(dst), level, imputed, nonrespondents, competition)
