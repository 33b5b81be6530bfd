"""Writes of survey waves: roster, links, answers, closing.

Closing a wave writes its pairs as ``Relationship`` rows (source ``survey``, ``wave`` = the wave) so that the map
and the dashboard see it. The stored rung is deliberately conservative: the respondents of one organization are
rolled up by ``max`` (the organization knows the tie if any of its people does), and the two directions of a
pair are symmetrized by ``min`` on rung orders (a pair is only as close as its more sceptical side says). A
pair one side did not answer takes the counterpart's rating and says so in its notes. Pairs at rung 0
(disconnection) are not stored: they are the absence of a tie. Closing again replaces the wave's rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django_tasks import task

from shutafut.accounts.models import Town
from shutafut.jobs.mail import send_email_after_commit
from shutafut.lib.services import model_create, model_update
from shutafut.model.ladder import CompetitionRule
from shutafut.network.aggregate import NonRespondentRule, RollUpRule, SymmetrizeRule
from shutafut.organizations.models import Organization, Person
from shutafut.relationships.models import Relationship, Source
from shutafut.surveys.links import Reminders, link_issue, link_revoke, link_touch
from shutafut.surveys.models import Completion, LinkPurpose, Rating, SurveyLink, Wave, WaveStatus
from shutafut.surveys.selectors import counted_ratings, live_link, wave_link_rows, wave_pairs

STORED_ROLLUP = RollUpRule.MAX
STORED_SYMMETRIZE = SymmetrizeRule.MIN


class WaveNotOpen(Exception):
    """Answers (or links) for a wave that is not open, or whose closing date has passed."""


class NotOnRoster(Exception):
    """Answers through a link whose person is no longer among the wave's respondents."""


def wave_accepts_answers(wave: Wave) -> bool:
    """Open, and not past its closing date (``closes_on`` is the last day answers are taken)."""
    return wave.status == WaveStatus.OPEN and (wave.closes_on is None or timezone.localdate() <= wave.closes_on)


def _revoke_off_roster(wave: Wave) -> int:
    """Revoke the wave's live links of people no longer among its respondents; their answers stop counting with
    them (a respondent's organization is always on the roster). Returns how many were revoked."""
    off = SurveyLink.objects.filter(wave=wave, revoked_at__isnull=True).exclude(person__in=wave.respondents.all())
    return off.update(revoked_at=timezone.now())


@dataclass(frozen=True)
class IssuedLink:
    """A link just issued and its token: the only moment the token exists in clear."""

    link: SurveyLink
    token: str


def wave_create(*, town: Town, **fields: Any) -> Wave:
    return model_create(Wave, town=town, **fields)


def wave_update(wave: Wave, **fields: Any) -> Wave:
    return model_update(wave, **fields)


@transaction.atomic
def wave_set_roster(*, wave: Wave, organizations: Iterable[Organization], respondents: Iterable[Person]) -> Wave:
    """Set the roster: the organizations, and the people who answer for them (their organizations join too)."""
    if wave.status == WaveStatus.CLOSED:
        raise ValidationError(_("A closed wave cannot change."))
    orgs, people = list(organizations), list(respondents)
    if any(o.town_id != wave.town_id for o in orgs) or any(p.town_id != wave.town_id for p in people):
        raise ValidationError(_("The organization belongs to another town."))
    org_ids = {o.pk for o in orgs} | {p.organization_id for p in people}
    wave.organizations.set(org_ids)
    wave.respondents.set(people)
    _revoke_off_roster(wave)
    return wave


@transaction.atomic
def wave_add_respondent(*, wave: Wave, person: Person) -> None:
    if wave.status == WaveStatus.CLOSED:
        raise ValidationError(_("A closed wave cannot change."))
    if person.town_id != wave.town_id:
        raise ValidationError(_("The organization belongs to another town."))
    wave.organizations.add(person.organization_id)
    wave.respondents.add(person)


def _issue(wave: Wave, person: Person) -> IssuedLink:
    link, token = link_issue(
        lifetime=dt.timedelta(days=wave.link_lifetime_days),
        town=wave.town,
        purpose=LinkPurpose.RELATIONSHIP_SURVEY,
        person=person,
        organization=person.organization,
        wave=wave,
    )
    return IssuedLink(link, token)


@transaction.atomic
def wave_open(*, wave: Wave) -> list[IssuedLink]:
    """Open the wave and issue a link to every respondent who has no live one (so it can be repeated after
    adding respondents); an expired link is replaced, its answers carried over. Returns the new links with
    their tokens."""
    if wave.status == WaveStatus.CLOSED:
        raise WaveNotOpen
    if wave.status != WaveStatus.OPEN:
        wave.status = WaveStatus.OPEN
        if wave.opens_on is None:
            wave.opens_on = timezone.localdate()
        wave.save(update_fields=["status", "opens_on"])
    issued = []
    for person in wave.respondents.select_related("organization").order_by("organization__name", "full_name"):
        current = live_link(wave, person.pk)
        if current is None:
            issued.append(_issue(wave, person))
        elif current.is_expired:
            issued.append(_replace(current))
    return issued


def _replace(link: SurveyLink) -> IssuedLink:
    """Revoke ``link`` and issue its person a new one that carries the answers over (one respondent, one set)."""
    assert link.wave is not None
    link_revoke(link)
    new = _issue(link.wave, link.person)
    Rating.objects.filter(link=link).update(link=new.link)
    Completion.objects.filter(link=link).update(link=new.link)
    return new


@transaction.atomic
def link_reissue(*, link: SurveyLink) -> IssuedLink:
    """Re-send: revoke ``link`` and issue a new one to the same person; the answers move to the new link."""
    assert link.wave is not None
    if link.wave.status != WaveStatus.OPEN:
        raise WaveNotOpen
    return _replace(link)


def link_withdraw(*, link: SurveyLink) -> None:
    """Revoke a link: it stops working and its answers leave the analysis."""
    link_revoke(link)


def links_send(*, issued: Iterable[IssuedLink], url_of: Callable[[str], str], reminder: bool = False) -> int:
    """E-mail each respondent who has an address their personal link (``url_of(token)`` = absolute URL), on a
    worker once the transaction commits (``jobs.mail``). Returns the number of messages queued."""
    sent = 0
    for item in issued:
        person, wave = item.link.person, item.link.wave
        if not person.email or wave is None:
            continue
        context = {
            "name": person.full_name,
            "organization": item.link.organization.name,
            "wave": wave.name,
            "url": url_of(item.token),
            "expires": date_format(timezone.localtime(item.link.expires_at), "DATE_FORMAT"),
        }
        subject = (_("Reminder: relationship survey %(wave)s") if reminder else _("Relationship survey: %(wave)s")) % (
            context
        )
        body = (
            _(
                "Hello %(name)s,\n\nYou are invited to answer the relationship survey “%(wave)s” for"
                " %(organization)s. This personal link needs no account; your answers are saved as you give"
                " them and you can come back to them:\n\n%(url)s\n\nThe link is valid until %(expires)s."
                " Please do not forward it.\n"
            )
            % context
        )
        send_email_after_commit(subject=subject, body=body, to=[person.email])
        sent += 1
    return sent


@transaction.atomic
def wave_remind(*, wave: Wave, base_url: str) -> Reminders:
    """Remind the respondents who have not answered: an expired link is replaced first (answers carried over),
    then the e-mails go out as a task once this transaction commits (``remind_task``). Only open waves."""
    if not wave_accepts_answers(wave):
        raise WaveNotOpen
    emailed: list[Person] = []
    no_email: list[Person] = []
    for row in wave_link_rows(wave):
        if row.answered:
            continue
        if row.link is None:
            _issue(wave, row.person)
        elif row.token is None or row.expired:
            _replace(row.link)
        (emailed if row.person.email else no_email).append(row.person)
    ids = [p.pk for p in emailed]
    if ids:
        language = get_language() or "he"
        transaction.on_commit(
            lambda: remind_task.enqueue(wave_id=wave.pk, person_ids=ids, base_url=base_url, language=language)
        )
    return Reminders(emailed, no_email)


def respondent_url(token: str, base_url: str) -> str:
    """The absolute address of a personal survey link (``base_url``: the site's, e.g. ``https://host``)."""
    return base_url.rstrip("/") + reverse("survey-respond", kwargs={"token": token})


@task()
def remind_task(*, wave_id: int, person_ids: list[int], base_url: str, language: str) -> int:
    """E-mail a reminder with their personal link to each of ``person_ids`` who has still not answered."""
    wave = Wave.objects.get(pk=wave_id)
    with override(language):
        issued = [
            IssuedLink(row.link, row.token)
            for row in wave_link_rows(wave)
            if row.person.pk in person_ids and not row.answered and row.link is not None and row.token is not None
        ]
        return links_send(issued=issued, url_of=lambda token: respondent_url(token, base_url), reminder=True)


def _wave_for_answer(pk: int) -> Wave:
    """The wave, locked against closing while an answer is being saved, but not against other answers.

    PostgreSQL: ``FOR SHARE`` (answers share the lock; ``wave_close``'s ``FOR UPDATE`` waits for them and they
    wait for it). SQLite: the transaction is ``BEGIN IMMEDIATE`` (settings), which already serializes writers.
    """
    if connection.vendor == "postgresql":
        return Wave.objects.raw("SELECT * FROM surveys_wave WHERE id = %s FOR SHARE", [pk])[0]
    return Wave.objects.get(pk=pk)


@transaction.atomic
def rating_save(*, link: SurveyLink, rated: Organization, **fields: Any) -> Rating:
    """Save (create or replace) the link's answer about ``rated``: every answer is kept as given.

    ``WaveNotOpen`` when the wave is not open; ``ValidationError`` (nothing saved) for a rating outside the
    roster, of the respondent's own organization, or with values off their scales.
    """
    if link.wave_id is None:
        raise WaveNotOpen
    wave = _wave_for_answer(link.wave_id)
    if not wave_accepts_answers(wave):
        raise WaveNotOpen
    if not wave.respondents.filter(pk=link.person_id, organization_id=link.organization_id).exists():
        raise NotOnRoster
    if rated.pk == link.organization_id:
        raise ValidationError({"rated": _("You cannot rate your own organization.")})
    if not wave.organizations.filter(pk=rated.pk).exists():
        raise ValidationError({"rated": _("This organization is not on the survey's list.")})
    # One respondent's answers wait for each other here (a double click, a second tab): the lookup below and the
    # insert after it then cannot race on the one-rating-per-pair constraint. Other respondents are not held.
    SurveyLink.objects.select_for_update(no_key=True).filter(pk=link.pk).values_list("pk").first()
    rating = Rating.objects.filter(link=link, rated=rated).first() or Rating(
        wave=wave, link=link, rater_id=link.organization_id, rated=rated
    )
    for name, value in fields.items():
        setattr(rating, name, value)
    # Every field's own rules (scales, choices); the keys were checked above, and the one-rating-per-pair
    # constraint holds by the lookup, so no query per foreign key or constraint on this hot path.
    rating.full_clean(exclude=["wave", "link", "rater", "rated"], validate_constraints=False)
    rating.save()
    link_touch(link)
    return rating


def survey_complete(*, link: SurveyLink) -> None:
    assert link.wave is not None
    if not wave_accepts_answers(link.wave):
        raise WaveNotOpen
    if not link.wave.respondents.filter(pk=link.person_id).exists():
        raise NotOnRoster
    Completion.objects.update_or_create(link=link)


@transaction.atomic
def wave_close(*, wave: Wave, observed_on: dt.date | None = None) -> int:
    """Close the wave and write its pairs as survey relationships (see the module doc for the rules).

    Idempotent: the wave's previous survey relationships are replaced, never duplicated. Returns the count.
    """
    wave = Wave.objects.select_for_update().get(pk=wave.pk)
    when = observed_on or wave.closes_on or timezone.localdate()
    pairs = wave_pairs(
        wave,
        STORED_ROLLUP,
        STORED_SYMMETRIZE,
        NonRespondentRule.IMPUTE_COUNTERPART,
        competition=CompetitionRule.AS_ORDER,
    )
    domains: dict[tuple[int, int], list[str]] = {}
    for rater, rated, domain in counted_ratings(wave).values_list("rater_id", "rated_id", "domain"):
        key = (min(rater, rated), max(rater, rated))
        if domain.strip() and domain.strip() not in domains.setdefault(key, []):
            domains[key].append(domain.strip())
    Relationship.objects.filter(wave=wave, source=Source.SURVEY).delete()
    rows = []
    for pair in pairs:
        if pair["value"] is None or int(pair["value"]) == 0:
            continue
        a, b = pair["org_a"], pair["org_b"]
        notes = _("Survey wave “%(wave)s”: ratings %(ab)s and %(ba)s; roll-up max, symmetrized by min.") % {
            "wave": wave.name,
            "ab": "–" if pair["rating_ab"] is None else pair["rating_ab"],
            "ba": "–" if pair["rating_ba"] is None else pair["rating_ba"],
        }
        if pair["imputed"]:
            notes += " " + _("One side did not answer: its rating is imputed from the other side.")
        if pair["disagreement"]:
            notes += " " + _("The two sides differ by two rungs or more: to discuss.")
        row = Relationship(
            town_id=wave.town_id,
            org_a_id=a,
            org_b_id=b,
            rung=int(pair["value"]),
            domain=" / ".join(domains.get((min(a, b), max(a, b)), []))[:200],
            observed_on=when,
            source=Source.SURVEY,
            wave=wave,
            notes=notes,
        )
        row.full_clean()
        rows.append(row)
    Relationship.objects.bulk_create(rows)
    if wave.status != WaveStatus.CLOSED:
        wave.status = WaveStatus.CLOSED
        wave.save(update_fields=["status"])
    return len(rows)
