"""Reads of survey waves: roster, respondent status, and the aggregation of answers into pairs.

Aggregation goes through ``shutafut.network.aggregate`` so that every choice is a named rule: several
respondents of one organization are rolled up (``RollUpRule``), the two directed ratings of a pair are
symmetrized (``SymmetrizeRule``) and a pair whose other side did not answer is imputed from its counterpart
and flagged, or excluded (``NonRespondentRule``). Both directed ratings stay in every pair.

Which answers count (``counted_ratings``): those given through a link that is not revoked (revoking a link
withdraws its answers; a re-send carries them over to the new link), by a person still among the wave's
respondents, by and about organizations that are on the wave's roster.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from shutafut.accounts.models import Town
from shutafut.lib.privacy import MIN_GROUP
from shutafut.model.ladder import CompetitionRule
from shutafut.model.sectors import Sector
from shutafut.network import aggregate
from shutafut.network.aggregate import BoolArray, FloatArray, IntArray, NonRespondentRule, RollUpRule, SymmetrizeRule
from shutafut.network.metrics import RescaleRule, perception_scores
from shutafut.organizations.models import Organization, Person
from shutafut.surveys.links import link_token
from shutafut.surveys.models import LinkPurpose, Rating, SurveyLink, Wave

TRUST_FIELDS = ("trust_reliability", "trust_mission", "trust_openness")
VALUE_FIELDS = ("value_power", "value_involvement", "value_resources")
SECTOR_ORDER = [s.value for s in Sector]


# ------------------------------------------------------------------------------------------ gates and lists


def link_get(wave: Wave, pk: object) -> SurveyLink:
    """A link of ``wave``, or ``Http404`` (missing, or of another wave or town)."""
    try:
        link = SurveyLink.objects.select_related("person", "organization").filter(wave=wave, pk=int(str(pk))).first()
    except ValueError:
        link = None
    if link is None:
        raise Http404
    return link


def wave_list(town: Town) -> QuerySet[Wave]:
    return Wave.objects.filter(town=town).annotate(
        roster_size=Count("organizations", distinct=True), respondent_count=Count("respondents", distinct=True)
    )


def roster_candidates(town: Town, wave: Wave, *, whole_town: bool) -> list[tuple[str, list[Organization]]]:
    """The organizations a roster page lists, with their people, grouped by sector in the model's order: the whole
    town, or (a large town, ``whole_town`` false) those on the wave's roster and those with people recorded; the
    page adds others by name."""
    orgs = Organization.objects.filter(town=town)
    if not whole_town:
        orgs = orgs.filter(Q(pk__in=wave.organizations.values("pk")) | Q(people__isnull=False)).distinct()
    return _group_by_sector(list(orgs.prefetch_related("people").order_by("name")))


def _group_by_sector(orgs: list[Organization]) -> list[tuple[str, list[Organization]]]:
    groups: dict[str, list[Organization]] = {s: [] for s in SECTOR_ORDER}
    for org in orgs:
        groups.setdefault(org.sector, []).append(org)
    return [(sector, members) for sector, members in groups.items() if members]


def wave_roster(wave: Wave) -> list[tuple[str, list[tuple[Organization, list[Any]]]]]:
    """The wave's roster by sector: each organization with its respondents in this wave."""
    people: dict[int, list[Any]] = {}
    for person in wave.respondents.order_by("full_name"):
        people.setdefault(person.organization_id, []).append(person)
    orgs = list(wave.organizations.order_by("name"))
    return [(sector, [(o, people.get(o.pk, [])) for o in members]) for sector, members in _group_by_sector(orgs)]


def live_link(wave: Wave, person_id: int) -> SurveyLink | None:
    """The person's newest link in the wave that is not revoked (it may have expired)."""
    return (
        SurveyLink.objects.filter(wave=wave, person_id=person_id, revoked_at__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )


@dataclass(frozen=True)
class LinkRow:
    """One respondent of a wave on the links page: their live link and its token (``None`` when they have no
    link, or one that cannot be rebuilt: reissue it), and whether they answered (yes or no, never what)."""

    person: Person
    link: SurveyLink | None
    token: str | None
    answered: bool

    @property
    def expired(self) -> bool:
        return self.link is not None and self.link.is_expired


def _newest_links(wave: Wave) -> dict[int, SurveyLink]:
    """Each respondent's newest live link of the wave (by person), with its number of ``answers`` and its
    completion, person, organization and wave at hand (an e-mail to it reads them)."""
    links: dict[int, SurveyLink] = {}
    for item in (
        SurveyLink.objects.filter(wave=wave, revoked_at__isnull=True, purpose=LinkPurpose.RELATIONSHIP_SURVEY)
        .select_related("completion", "person", "organization", "wave")
        .annotate(answers=Count("ratings"))
        .order_by("created_at", "pk")
    ):
        links[item.person_id] = item  # the newest wins
    return links


def wave_link_rows(wave: Wave) -> list[LinkRow]:
    """Every respondent of the wave (by organization, then name) with their newest live link."""
    links = _newest_links(wave)
    rows = []
    for person in wave.respondents.select_related("organization").order_by("organization__name", "full_name"):
        link = links.get(person.pk)
        answered = bool(link and (getattr(link, "answers", 0) or hasattr(link, "completion")))
        rows.append(LinkRow(person, link, link_token(link) if link else None, answered))
    return rows


# ------------------------------------------------------------------------------------------ respondent form


@dataclass
class FormRow:
    organization: Organization
    rating: Rating | None


def respondent_rows(link: SurveyLink) -> list[tuple[str, list[FormRow]]]:
    """The other organizations of the link's wave roster, grouped by sector, each with this link's answer."""
    assert link.wave is not None
    saved = {r.rated_id: r for r in Rating.objects.filter(link=link)}
    others = link.wave.organizations.exclude(pk=link.organization_id).order_by("name")
    return [
        (sector, [FormRow(org, saved.get(org.pk)) for org in orgs]) for sector, orgs in _group_by_sector(list(others))
    ]


# ------------------------------------------------------------------------------------------ coordinator status


@dataclass
class RespondentStatus:
    """Where one respondent stands: ``state`` is ``no_link``, ``not_started``, ``in_progress`` or ``done``."""

    person: Any
    link: SurveyLink | None
    answers: int
    state: str
    expired: bool = False


@dataclass
class WaveProgress:
    respondents: list[RespondentStatus] = field(default_factory=list)
    roster_size: int = 0
    organizations_answered: int = 0
    respondents_answered: int = 0

    @property
    def organization_rate(self) -> float | None:
        return 100.0 * self.organizations_answered / self.roster_size if self.roster_size else None

    @property
    def respondent_rate(self) -> float | None:
        n = len(self.respondents)
        return 100.0 * self.respondents_answered / n if n else None


def wave_status(wave: Wave) -> WaveProgress:
    """Per-respondent status and the response rates (organizations and people with at least one answer)."""
    roster = set(wave.organizations.values_list("pk", flat=True))
    others = max(len(roster) - 1, 0)
    links = _newest_links(wave)
    status = WaveProgress(roster_size=len(roster))
    answered_orgs: set[int] = set()
    for person in wave.respondents.select_related("organization").order_by("organization__name", "full_name"):
        link: Any = links.get(person.pk)
        answers = int(getattr(link, "answers", 0)) if link else 0
        if link is None:
            state = "no_link"
        elif hasattr(link, "completion") or (others and answers >= others):
            state = "done"
        elif answers:
            state = "in_progress"
        else:
            state = "not_started"
        if answers:
            status.respondents_answered += 1
            answered_orgs.add(person.organization_id)
        expired = bool(link and link.is_expired)
        status.respondents.append(RespondentStatus(person, link, answers, state, expired))
    status.organizations_answered = len(answered_orgs & roster)
    return status


# ------------------------------------------------------------------------------------------ aggregation


@dataclass(frozen=True, eq=False)
class WaveRatings:
    """The wave's answers as arrays for ``shutafut.network.aggregate``, one row per respondent's answer.

    ``org_ids[k]`` is the organization of index ``k`` (the roster, by name); ``responded[k]``: some respondent
    of ``k`` answered at least once. Several rows may share a (rater, ratee): roll them up first.
    ``trust``/``value`` are the three 1–4 items of each row (``NaN`` when not given).
    """

    org_ids: list[int]
    rater: IntArray
    ratee: IntArray
    rung: IntArray
    trust: FloatArray
    value: FloatArray
    responded: BoolArray

    @property
    def n(self) -> int:
        return len(self.org_ids)

    def roll_up(self, rule: RollUpRule) -> aggregate.RolledUp:
        return aggregate.roll_up(self.n, self.rater, self.ratee, self.rung, rule, self.responded)


def _items(rows: list[dict[str, Any]], names: tuple[str, ...]) -> FloatArray:
    data = [[math.nan if row[f] is None else float(row[f]) for f in names] for row in rows]
    return np.asarray(data, dtype=np.float64).reshape(len(rows), len(names))


def counted_ratings(wave: Wave) -> QuerySet[Rating]:
    """The answers that count: through a live link, of a person still among the wave's respondents (see the
    module doc; the roster of organizations is checked where the pairs are built)."""
    return Rating.objects.filter(wave=wave, link__revoked_at__isnull=True, link__person__in=wave.respondents.all())


def wave_ratings(wave: Wave) -> WaveRatings:
    """Arrays ready for ``aggregate.roll_up`` / ``Ratings.build``; see ``WaveRatings`` and the module doc."""
    org_ids = list(wave.organizations.order_by("name", "pk").values_list("pk", flat=True))
    index = {pk: k for k, pk in enumerate(org_ids)}
    rows = [
        row
        for row in counted_ratings(wave)
        .order_by("pk")
        .values("rater_id", "rated_id", "rung", *TRUST_FIELDS, *VALUE_FIELDS)
        if row["rater_id"] in index and row["rated_id"] in index and row["rater_id"] != row["rated_id"]
    ]
    rater = np.asarray([index[r["rater_id"]] for r in rows], dtype=np.int64)
    ratee = np.asarray([index[r["rated_id"]] for r in rows], dtype=np.int64)
    responded = np.zeros(len(org_ids), dtype=bool)
    responded[rater] = True
    return WaveRatings(
        org_ids=org_ids,
        rater=rater,
        ratee=ratee,
        rung=np.asarray([r["rung"] for r in rows], dtype=np.int64),
        trust=_items(rows, TRUST_FIELDS),
        value=_items(rows, VALUE_FIELDS),
        responded=responded,
    )


def _num(x: float) -> float | None:
    return None if math.isnan(x) else float(x)


def wave_pairs(
    wave: Wave,
    rollup: RollUpRule = RollUpRule.MAX,
    symmetrize: SymmetrizeRule = SymmetrizeRule.MEAN,
    nonrespondents: NonRespondentRule = NonRespondentRule.IMPUTE_COUNTERPART,
    *,
    competition: CompetitionRule = CompetitionRule.AS_ZERO,
    ratings: WaveRatings | None = None,
) -> list[dict[str, Any]]:
    """One dict per pair of roster organizations that at least one side listed, by the named rules.

    Keys: ``org_a``/``org_b`` (organization ids), ``rating_ab``/``rating_ba`` (the two directed rungs after
    the roll-up; ``None`` when that side did not answer, 0 when it answered without listing the other),
    ``respondents_ab``/``respondents_ba`` (answers rolled into each), ``value`` (the symmetrized value on the
    numeric scale of ``competition``; ``None`` when excluded), ``imputed`` (the value is the counterpart's
    rating), ``gap`` (``None`` when one side is missing) and ``disagreement`` (gap ≥ 2 rungs: to discuss).
    """
    wr = ratings if ratings is not None else wave_ratings(wave)
    rolled = wr.roll_up(rollup)
    pairs = aggregate.symmetrize(rolled.ratings, symmetrize, nonrespondents, competition=competition)
    n = wr.n
    counts = {
        int(i) * n + int(j): int(c)
        for i, j, c in zip(rolled.ratings.rater, rolled.ratings.ratee, rolled.respondents, strict=True)
    }
    out: list[dict[str, Any]] = []
    for k in range(len(pairs.a)):
        a, b = int(pairs.a[k]), int(pairs.b[k])
        r_ab, r_ba = int(pairs.r_ab[k]), int(pairs.r_ba[k])
        out.append(
            {
                "org_a": wr.org_ids[a],
                "org_b": wr.org_ids[b],
                "rating_ab": None if r_ab == aggregate.MISSING else r_ab,
                "rating_ba": None if r_ba == aggregate.MISSING else r_ba,
                "respondents_ab": counts.get(a * n + b, 0),
                "respondents_ba": counts.get(b * n + a, 0),
                "value": _num(float(pairs.value[k])),
                "imputed": bool(pairs.imputed[k]),
                "gap": None if math.isnan(pairs.gap[k]) else int(pairs.gap[k]),
                "disagreement": bool(pairs.disagreement[k]),
            }
        )
    return out


def wave_trust_value(wave: Wave, *, rule: RescaleRule = RescaleRule.PCT_OF_MAX) -> dict[str, Any]:
    """PARTNER trust and value per organization (``network.metrics.perception_scores``), from every answer
    that gives at least one item; a respondent's answer counts once (no roll-up: these are perceptions).

    Returns ``{"organizations": [{"organization", "trust", "value", "trust_raters", "value_raters"}, ...],
    "network_trust", "network_value", "network_trust_pct", "network_value_pct", "rule"}``; ``None`` where
    nothing was rated, and where fewer than ``MIN_GROUP`` respondents rated it (their mean would be their answer).
    """
    wr = wave_ratings(wave)
    has_item = ~np.isnan(wr.trust).all(axis=1) | ~np.isnan(wr.value).all(axis=1)
    result: dict[str, Any] = {
        "organizations": [],
        "network_trust": None,
        "network_value": None,
        "network_trust_pct": None,
        "network_value_pct": None,
        "rule": rule.value,
        "min_group": MIN_GROUP,
    }
    if not has_item.any():
        return result
    p = perception_scores(
        wr.n, wr.rater[has_item], wr.ratee[has_item], wr.trust[has_item], wr.value[has_item], rule=rule
    )
    if len(set(wr.rater[has_item].tolist())) >= MIN_GROUP:  # respondents of at least MIN_GROUP organizations
        result.update(
            network_trust=_num(p.network_trust),
            network_value=_num(p.network_value),
            network_trust_pct=_num(p.network_trust_pct),
            network_value_pct=_num(p.network_value_pct),
        )
    result["organizations"] = [
        {
            "organization": org_id,
            "trust": _num(float(p.trust[k])) if p.trust_raters[k] >= MIN_GROUP else None,
            "value": _num(float(p.value[k])) if p.value_raters[k] >= MIN_GROUP else None,
            "trust_raters": int(p.trust_raters[k]),
            "value_raters": int(p.value_raters[k]),
        }
        for k, org_id in enumerate(wr.org_ids)
        if p.trust_raters[k] or p.value_raters[k]
    ]
    return result
