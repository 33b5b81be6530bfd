"""Writes of the workspace. Keyword-only, validated in full (through ``lib.services``), atomic: a refused write
changes nothing.

Who may write (docs/architecture.md, "Who may act"): the town role is checked once, by the gate in front of the
page. A service takes the acting user, always as ``by=``, when its rule depends on who acts beyond the town role
(a member's representative, a coordinator acting for a member) or when it records who acted; it then checks that
rule itself, whoever calls it. A service whose only rule is the town role takes no actor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext
from django_tasks import task

from shutafut.accounts.access import membership_in
from shutafut.accounts.models import Role
from shutafut.guide.selectors import town_table
from shutafut.jobs.mail import send_email_after_commit
from shutafut.lib.services import model_create, model_delete, model_update
from shutafut.model.lifecycle import Stage, is_allowed, unmet_gates
from shutafut.model.outcomes import Outcome
from shutafut.model.roles import PartnerRole
from shutafut.model.sector_table import SECTOR_TABLE, Column
from shutafut.model.sectors import Sector
from shutafut.organizations.models import Person
from shutafut.partnerships.models import Member, Partnership
from shutafut.partnerships.services import announce_change, member_update, partnership_batch, partnership_update
from shutafut.surveys.links import Reminders, link_issue, link_revoke, link_touch
from shutafut.surveys.models import SurveyLink
from shutafut.workspace import scoring, selectors
from shutafut.workspace.models import (
    Charter,
    CharterApproval,
    CharterItem,
    CharterMember,
    CultureProfile,
    Goal,
    HealthInvitation,
    HealthResponse,
    HealthSurvey,
    IndicatorValue,
    MemberContribution,
    MemberFocus,
    MemberRepresentative,
    Milestone,
    PartnershipOutcome,
    ReadinessAssessment,
    StageTransition,
    SuccessRating,
    SuccessScore,
    SurveyStatus,
    Task,
    Vision,
    VisionEndorsement,
    WorkingNorm,
)
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_CODES

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


def _refuse(message: str) -> ValidationError:
    return ValidationError(message)


def _require_member_of(partnership: Partnership, member: Member | None) -> None:
    if member is not None and member.partnership_id != partnership.pk:
        raise _refuse(gettext("Not a member of this partnership."))


def _require_act_for(user: AbstractBaseUser, member: Member) -> None:
    if not selectors.may_act_for(user, member):
        raise _refuse(gettext("Only a coordinator or the member's representative can change its entries."))


def _require_representative(user: AbstractBaseUser, member: Member) -> None:
    if not selectors.is_representative(user, member):
        raise _refuse(
            gettext("Only a representative of %(member)s can approve for it.") % {"member": member.organization.name}
        )


def _rediagnose(partnership: Partnership) -> None:
    """Readiness, focus, the vision's endorsements and the working norms feed the diagnosis (principles 2, 5 and
    6): announce the change in the same transaction."""
    announce_change(partnership)


# ---- Representatives -------------------------------------------------------------------------------------------


@transaction.atomic
def representative_add(*, member: Member, user: AbstractBaseUser, by: AbstractBaseUser) -> MemberRepresentative:
    """Make ``user`` (a town user with the member role or higher) a representative of ``member``. The gate lets only
    a coordinator here; ``by`` is recorded."""
    membership = membership_in(user, member.partnership.town_id)
    if membership is None or not membership.allows(Role.MEMBER):
        raise _refuse(gettext("A representative must be a user of this town with the member role."))
    return model_create(MemberRepresentative, member=member, user=user, added_by=by)


# ---- Charter --------------------------------------------------------------------------------------------------


def _new_version(partnership: Partnership, by: AbstractBaseUser, source: Charter | None) -> Charter:
    version = (source.version + 1) if source else 1
    charter = model_create(Charter, partnership=partnership, version=version, created_by=by)
    if source is None:
        for m in selectors.current_members(partnership):
            model_create(
                CharterMember,
                charter=charter,
                member=m,
                representative_name=m.representative.full_name if m.representative else "",
            )
        return charter
    for e in source.entries.all():
        model_create(CharterMember, charter=charter, member=e.member, representative_name=e.representative_name)
    for i in source.items.all():
        model_create(CharterItem, charter=charter, **{f: getattr(i, f) for f in CHARTER_ITEM_FIELDS})
    return charter


CHARTER_ITEM_FIELDS = ("member", "column", "code", "text", "resource_type", "from_member", "mitigation")
"""What a charter item says; a new version copies these."""


def charter_for_edit(*, partnership: Partnership, by: AbstractBaseUser) -> Charter:
    """Return the version to edit: the current one while nobody approved it, otherwise a new version."""
    current = selectors.charter_current(partnership)
    if current is None or current.approvals.exists():
        return _new_version(partnership, by, current)
    return current


@transaction.atomic
def charter_item_add(
    *,
    partnership: Partnership,
    member: Member,
    column: str,
    by: AbstractBaseUser,
    code: str = "",
    text: str = "",
    resource_type: str = "",
    from_member: Member | None = None,
    mitigation: str = "",
) -> CharterItem:
    _require_member_of(partnership, member)
    _require_member_of(partnership, from_member)
    _require_act_for(by, member)
    if not code and not text.strip():
        raise _refuse(gettext("Choose an item of the sector table or write one."))
    if code:
        try:
            item = town_table(partnership.town_id).table.item(code)
        except KeyError:
            raise _refuse(gettext("Unknown sector-table item.")) from None
        if item.column.value != column:
            raise _refuse(gettext("The item does not belong to this kind."))
    if from_member is not None and from_member.pk == member.pk:
        raise _refuse(gettext("A member cannot expect a benefit from itself."))
    charter = charter_for_edit(partnership=partnership, by=by)
    return model_create(
        CharterItem,
        charter=charter,
        member=member,
        column=column,
        code=code,
        text=text.strip(),
        resource_type=resource_type,
        from_member=from_member,
        mitigation=mitigation.strip(),
    )


@transaction.atomic
def charter_item_remove(*, item: CharterItem, by: AbstractBaseUser) -> None:
    _require_act_for(by, item.member)
    partnership = item.charter.partnership
    charter = charter_for_edit(partnership=partnership, by=by)
    if charter.pk != item.charter_id:
        # the approved version was copied: remove the copy of the item in the new version
        copy = charter.items.filter(**{f: getattr(item, f) for f in CHARTER_ITEM_FIELDS}).first()
        if copy is None:
            raise _refuse(gettext("This item is no longer in the current version of the charter."))
        copy.delete()
    else:
        item.delete()


@transaction.atomic
def charter_prefill(*, partnership: Partnership, member: Member, by: AbstractBaseUser) -> int:
    """Add the sector-table items of the member's sector that it does not list yet; return how many were added.

    The table is the town's: its own business-sector concerns when it set them, else the model's proposal.
    """
    _require_member_of(partnership, member)
    _require_act_for(by, member)
    charter = charter_for_edit(partnership=partnership, by=by)
    have = set(charter.items.filter(member=member).values_list("code", flat=True))
    table = town_table(partnership.town_id).table
    added = 0
    for column in Column:
        for item in table.items(Sector(member.organization.sector), column):
            if item.code not in have:
                model_create(CharterItem, charter=charter, member=member, column=column.value, code=item.code)
                added += 1
    return added


@transaction.atomic
def charter_entry_update(
    *,
    partnership: Partnership,
    member: Member,
    by: AbstractBaseUser,
    roles: Iterable[str],
    representative_name: str,
    mandate: str,
) -> CharterMember:
    """Save a member's roles and mandate (the member's own record, which the diagnosis reads) and its named
    representative in the charter version being edited."""
    _require_member_of(partnership, member)
    _require_act_for(by, member)
    chosen = list(roles)
    if any(r not in PartnerRole._value2member_map_ for r in chosen):
        raise _refuse(gettext("Unknown role."))
    member_update(member, roles=chosen, mandate=mandate.strip())
    charter = charter_for_edit(partnership=partnership, by=by)
    name = representative_name.strip()
    entry = CharterMember.objects.filter(charter=charter, member=member).first()
    if entry is None:
        return model_create(CharterMember, charter=charter, member=member, representative_name=name)
    return model_update(entry, representative_name=name)


@transaction.atomic
def charter_approve(*, partnership: Partnership, member: Member, by: AbstractBaseUser) -> CharterApproval:
    """Record ``member``'s approval of the current version; only its representative may give it."""
    _require_member_of(partnership, member)
    _require_representative(by, member)
    charter = selectors.charter_current(partnership)
    if charter is None:
        raise _refuse(gettext("There is no charter to approve yet."))
    if charter.approvals.filter(member=member).exists():
        raise _refuse(gettext("This member has already approved this version."))
    return model_create(CharterApproval, charter=charter, member=member, user=by)


# ---- Vision and focus -----------------------------------------------------------------------------------------


@transaction.atomic
def vision_save(*, partnership: Partnership, public_goal: str, dimensions: Iterable[str], statement: str) -> Vision:
    """Save the public goal (the partnership's own record, ``Partnership.public_goals``) and the vision;
    endorsements of an older text stay on record but no longer count."""
    fields: dict[str, Any] = {"dimensions": sorted(set(dimensions)), "statement": statement.strip()}
    with partnership_batch(partnership):
        partnership_update(partnership, public_goals=public_goal.strip())
        vision = selectors.vision_of(partnership)
        if vision is None:
            return model_create(Vision, partnership=partnership, **fields)
        return model_update(vision, **fields)


@transaction.atomic
def vision_endorse(*, partnership: Partnership, member: Member, by: AbstractBaseUser) -> VisionEndorsement:
    """Record ``member``'s endorsement of the vision's current text; only its representative may give it."""
    _require_member_of(partnership, member)
    _require_representative(by, member)
    vision = selectors.vision_of(partnership)
    if vision is None:
        raise _refuse(gettext("There is no vision to endorse yet."))
    if member.pk in selectors.vision_endorsers(vision):
        raise _refuse(gettext("This member has already endorsed the vision."))
    endorsement = model_create(VisionEndorsement, vision=vision, member=member, user=by, statement=vision.statement)
    _rediagnose(partnership)
    return endorsement


def _check_range(name: str, value: Any, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(
            gettext("%(name)s must be a whole number from %(low)s to %(high)s.")
            % {"name": name, "low": low, "high": high}
        )
    return value


@transaction.atomic
def focus_set(*, member: Member, by: AbstractBaseUser, interest: int, influence: int) -> MemberFocus:
    _require_act_for(by, member)
    _check_range(gettext("Interest"), interest, scoring.FOCUS_MIN, scoring.FOCUS_MAX)
    _check_range(gettext("Influence"), influence, scoring.FOCUS_MIN, scoring.FOCUS_MAX)
    focus = MemberFocus.objects.filter(member=member).first()
    if focus is None:
        focus = model_create(MemberFocus, member=member, interest=interest, influence=influence)
    else:
        focus = model_update(focus, interest=interest, influence=influence)
    _rediagnose(member.partnership)
    return focus


# ---- Readiness, culture -----------------------------------------------------------------------------------------


@transaction.atomic
def readiness_record(*, partnership: Partnership, by: AbstractBaseUser, **fields: Any) -> ReadinessAssessment:
    for name in ("political", "organizational", "community", "contribution", "scope", "innovation"):
        _check_range(selectors.field_label(ReadinessAssessment, name), fields.get(name), 0, 3)
    assessment = model_create(ReadinessAssessment, partnership=partnership, assessed_by=by, **fields)
    _rediagnose(partnership)
    return assessment


@transaction.atomic
def culture_save(*, member: Member, by: AbstractBaseUser, **scores: Any) -> CultureProfile:
    _require_act_for(by, member)
    for name in (
        "decision_speed",
        "planning_horizon",
        "formality",
        "success_meaning",
        "risk_attitude",
        "reporting_cycle",
    ):
        label = selectors.field_label(CultureProfile, name)
        _check_range(label, scores.get(name), scoring.CULTURE_MIN, scoring.CULTURE_MAX)
    profile = CultureProfile.objects.filter(member=member).first()
    if profile is None:
        return model_create(CultureProfile, member=member, **scores)
    return model_update(profile, **scores)


@transaction.atomic
def norm_add(*, partnership: Partnership, dimension: str, text: str) -> WorkingNorm:
    """Record a working norm the members agreed, for one culture dimension or (``dimension=""``) for the whole
    partnership."""
    norm = model_create(WorkingNorm, partnership=partnership, dimension=dimension, text=text.strip())
    _rediagnose(partnership)
    return norm


# ---- Life cycle -------------------------------------------------------------------------------------------------


@transaction.atomic
def stage_move(
    *, partnership: Partnership, to: str, by: AbstractBaseUser, override_reason: str = ""
) -> StageTransition:
    """Move the partnership to stage ``to`` (the gate lets only a coordinator here; ``by`` is recorded). Unmet
    gates need a written reason (override). Ending it is not a move of this list: ``partnership_end`` asks first."""
    current = Stage(partnership.stage)
    try:
        target = Stage(to)
    except ValueError:
        raise _refuse(gettext("Unknown stage.")) from None
    if target is Stage.CLOSED:
        raise _refuse(gettext("Ending the partnership has its own page, which says what follows and asks to confirm."))
    return _move(partnership, current, target, by, override_reason)


def _move(
    partnership: Partnership, current: Stage, target: Stage, by: AbstractBaseUser, reason: str
) -> StageTransition:
    if current is Stage.CLOSED:
        raise _refuse(gettext("The partnership has ended. A coordinator can reopen it, giving a reason."))
    if not is_allowed(current, target):
        raise _refuse(
            gettext("A partnership cannot move from %(from)s to %(to)s.")
            % {"from": current.label.in_lang(_lang()), "to": target.label.in_lang(_lang())}
        )
    unmet = unmet_gates(current, target, selectors.gate_facts(partnership))
    reason = reason.strip()
    if unmet and not reason:
        raise _refuse(
            gettext("Gates not met: %(gates)s. Give a reason to override them.")
            % {"gates": " ".join(g.text.in_lang(_lang()) for g in unmet)}
        )
    transition = model_create(
        StageTransition,
        partnership=partnership,
        from_stage=current.value,
        to_stage=target.value,
        by=by,
        unmet_gates=[g.code for g in unmet],
        override_reason=reason if unmet or target is Stage.CLOSED else "",
    )
    partnership_update(partnership, stage=target.value)
    return transition


@transaction.atomic
def partnership_end(*, partnership: Partnership, by: AbstractBaseUser, reason: str = "") -> StageTransition:
    """End the partnership (stage ``closed``), from any stage; closing has no gates. The gate lets only a
    coordinator here, after a page that says what follows; ``by`` and the reason (optional) are recorded."""
    return _move(partnership, Stage(partnership.stage), Stage.CLOSED, by, reason)


def stage_before_end(partnership: Partnership) -> Stage:
    """The stage an ended partnership was in when it ended (initiation when no history says)."""
    last = partnership.stage_transitions.filter(to_stage=Stage.CLOSED.value).order_by("-at", "-pk").first()
    return Stage(last.from_stage) if last is not None else Stage.INITIATION


@transaction.atomic
def partnership_reopen(*, partnership: Partnership, by: AbstractBaseUser, reason: str) -> StageTransition:
    """Reopen an ended partnership in the stage it ended from. The reason is required; it is recorded in the stage
    history with ``by`` (and the change is in the audit log, as every write of the workspace)."""
    if partnership.stage != Stage.CLOSED:
        raise _refuse(gettext("Only an ended partnership can be reopened."))
    why = reason.strip()
    if not why:
        raise ValidationError({"reason": gettext("Say why the partnership is reopened.")})
    back = stage_before_end(partnership)
    transition = model_create(
        StageTransition,
        partnership=partnership,
        from_stage=Stage.CLOSED.value,
        to_stage=back.value,
        by=by,
        override_reason=why,
    )
    partnership_update(partnership, stage=back.value)
    return transition


def _refuse_if_ended(partnership: Partnership) -> None:
    if partnership.stage == Stage.CLOSED:
        raise _refuse(gettext("The partnership has ended: it starts no new health survey and sends no links."))


def _lang() -> str:
    return get_language() or "he"


# ---- Work plan ------------------------------------------------------------------------------------------------


def goal_create(*, partnership: Partnership, **fields: Any) -> Goal:
    return model_create(Goal, partnership=partnership, **fields)


def milestone_create(*, goal: Goal, **fields: Any) -> Milestone:
    return model_create(Milestone, goal=goal, **fields)


def task_create(*, milestone: Milestone, owner: Member, **fields: Any) -> Task:
    _require_member_of(milestone.goal.partnership, owner)
    return model_create(Task, milestone=milestone, owner=owner, **fields)


def task_progress(*, task: Task, progress: int) -> Task:
    _check_range(gettext("Progress"), progress, 0, 100)
    return model_update(task, progress=progress)


def indicator_value_add(*, goal: Goal, date: dt.date, value: Any) -> IndicatorValue:
    return model_create(IndicatorValue, goal=goal, date=date, value=value)


PlanItem = Goal | Milestone | Task | IndicatorValue
"""A line of the work plan, which a page corrects and deletes one by one."""


def plan_partnership(item: PlanItem) -> Partnership:
    """The partnership whose work plan holds ``item``."""
    if isinstance(item, Goal):
        return item.partnership
    if isinstance(item, Milestone | IndicatorValue):
        return item.goal.partnership
    return item.milestone.goal.partnership


@transaction.atomic
def plan_item_update(*, item: PlanItem, as_of: str | None = None, **fields: Any) -> PlanItem:
    """Correct a line of the work plan; what it points to (goal, milestone, owner) stays within the partnership.
    ``as_of`` is the version the form was drawn from: a stale save is refused and nothing is saved."""
    partnership = plan_partnership(item)
    for name in ("goal", "milestone"):
        parent = fields.get(name)
        if parent is not None and plan_partnership(parent).pk != partnership.pk:
            raise ValidationError({name: gettext("Not part of this partnership's work plan.")})
    _require_member_of(partnership, fields.get("owner"))
    updated = model_update(item, as_of=as_of, **fields)
    _rediagnose(partnership)
    return updated


@transaction.atomic
def plan_item_delete(*, item: PlanItem, as_of: str | None = None) -> Partnership:
    """Delete a line of the work plan with what hangs on it (a goal's milestones, values and tasks)."""
    partnership = plan_partnership(item)
    model_delete(item, as_of=as_of)
    _rediagnose(partnership)
    return partnership


@transaction.atomic
def norm_delete(*, norm: WorkingNorm, as_of: str | None = None) -> Partnership:
    """Withdraw a working norm (recorded by mistake, or no longer agreed)."""
    partnership = norm.partnership
    model_delete(norm, as_of=as_of)
    _rediagnose(partnership)
    return partnership


# ---- Health survey ---------------------------------------------------------------------------------------------


def survey_create(*, partnership: Partnership, title: str) -> HealthSurvey:
    _refuse_if_ended(partnership)
    return model_create(HealthSurvey, partnership=partnership, title=title)


def respond_url(token: str, base_url: str) -> str:
    try:
        path = reverse("health-respond", kwargs={"token": token})
    except NoReverseMatch:
        path = f"/h/{token}/"
    return base_url.rstrip("/") + path


def _mail_link(survey: HealthSurvey, person: Person, token: str, base_url: str, *, reminder: bool) -> bool:
    """E-mail ``person`` their link; ``False`` (nothing sent) when they have no address."""
    if not person.email:
        return False
    subject = (
        gettext("Reminder: health survey of %(partnership)s")
        if reminder
        else gettext("Health survey of %(partnership)s")
    ) % {"partnership": survey.partnership.name}
    body = gettext(
        "Hello %(name)s,\n\nPlease answer the partnership's health survey at this personal link:\n%(url)s\n"
    ) % {
        "name": person.full_name,
        "url": respond_url(token, base_url),
    }
    send_email_after_commit(subject=subject, body=body, to=[person.email])
    return True


def _send_link(
    survey: HealthSurvey, member: Member, person: Person, base_url: str, *, reminder: bool, mail: bool = True
) -> str:
    link, token = link_issue(
        purpose="health_survey",
        subject_id=survey.pk,
        person=person,
        organization=member.organization,
        town=survey.partnership.town,
    )
    model_create(HealthInvitation, survey=survey, link=link, member=member, person=person, reminder=reminder)
    if mail:
        _mail_link(survey, person, token, base_url, reminder=reminder)
    return token


@transaction.atomic
def survey_invite(*, survey: HealthSurvey, member: Member, person: Person, base_url: str = "") -> str:
    """Send one personal link to a person of a member organization; return the token (for the URL)."""
    _require_member_of(survey.partnership, member)
    _refuse_if_ended(survey.partnership)
    if person.organization_id != member.organization_id:
        raise _refuse(gettext("The person does not belong to this member organization."))
    if survey.status == SurveyStatus.CLOSED:
        raise _refuse(gettext("This survey is closed."))
    if survey.status == SurveyStatus.DRAFT:
        model_update(survey, status=SurveyStatus.OPEN)
    return _send_link(survey, member, person, base_url, reminder=False)


@transaction.atomic
def survey_send(*, survey: HealthSurvey, base_url: str) -> list[Person]:
    """Open the survey and send a link to every current member's named representative not yet invited; return the
    people invited now (those with no e-mail address got no e-mail: their links are on the links page)."""
    _refuse_if_ended(survey.partnership)
    if survey.status == SurveyStatus.CLOSED:
        raise _refuse(gettext("This survey is closed."))
    invited = set(survey.invitations.values_list("person_id", flat=True))
    people = []
    for m in selectors.current_members(survey.partnership):
        if m.representative is not None and m.representative_id not in invited:
            _send_link(survey, m, m.representative, base_url, reminder=False)
            people.append(m.representative)
    if survey.status == SurveyStatus.DRAFT:
        model_update(survey, status=SurveyStatus.OPEN)
    return people


@transaction.atomic
def survey_reissue(*, invitation: HealthInvitation) -> str:
    """A new link for one invited person (nothing is e-mailed): the old one is revoked and stops working."""
    survey = invitation.survey
    if survey.status != SurveyStatus.OPEN:
        raise _refuse(gettext("Only an open survey's links can be reissued."))
    link_revoke(invitation.link)
    return _send_link(survey, invitation.member, invitation.person, "", reminder=False, mail=False)


@transaction.atomic
def survey_remind(*, survey: HealthSurvey, base_url: str) -> Reminders:
    """Remind everyone invited who has not answered, with the link they already have (an expired one, or one that
    cannot be shown again, is replaced first). The e-mails go out as a task once this transaction commits."""
    _refuse_if_ended(survey.partnership)
    if survey.status != SurveyStatus.OPEN:
        raise _refuse(gettext("Only an open survey sends reminders."))
    emailed: list[Person] = []
    no_email: list[Person] = []
    for row in selectors.survey_link_rows(survey):
        if row.answered:
            continue
        inv = row.invitation
        if not row.usable:
            link_revoke(inv.link)
            _send_link(survey, inv.member, inv.person, base_url, reminder=True, mail=False)
        (emailed if inv.person.email else no_email).append(inv.person)
    ids = [p.pk for p in emailed]
    if ids:
        language = get_language() or "he"
        transaction.on_commit(
            lambda: health_remind_task.enqueue(
                survey_id=survey.pk, person_ids=ids, base_url=base_url, language=language
            )
        )
    return Reminders(emailed, no_email)


@task()
def health_remind_task(*, survey_id: int, person_ids: list[int], base_url: str, language: str) -> int:
    """E-mail a reminder with their personal link to each of ``person_ids`` who has still not answered."""
    survey = HealthSurvey.objects.select_related("partnership").get(pk=survey_id)
    sent = 0
    with translation.override(language):
        for row in selectors.survey_link_rows(survey):
            if row.invitation.person_id in person_ids and not row.answered and row.usable and row.token:
                sent += _mail_link(survey, row.invitation.person, row.token, base_url, reminder=True)
    return sent


@transaction.atomic
def survey_close(*, survey: HealthSurvey, base_url: str = "") -> HealthSurvey:
    """Close the survey and tell every member's representative that the results are there."""
    if survey.status == SurveyStatus.CLOSED:
        raise _refuse(gettext("This survey is closed."))
    model_update(survey, status=SurveyStatus.CLOSED, closed_at=timezone.now())
    subject = gettext("Results of the health survey of %(partnership)s") % {"partnership": survey.partnership.name}
    body = gettext("The health survey is closed. Its results are shared with every member of the partnership.\n")
    addresses = {i.person.email for i in survey.invitations.select_related("person") if i.person.email}
    for address in sorted(addresses):  # one message each: no one sees the others' addresses
        send_email_after_commit(subject=subject, body=body, to=[address])
    return survey


EXPLANATION_MAX = 1000
"""The longest "please explain" kept, in characters."""


def _low_score_explanations(explanations: Mapping[str, str], scores: Mapping[str, int]) -> dict[str, str]:
    """The explanations to keep: known items only, each no longer than ``EXPLANATION_MAX``, and only beside a score
    of 1 or 2 (one written for a score the respondent then raised is dropped)."""
    known = {code for code, _p, _t in PRINCIPLE_ITEMS} | set(TRUST_CODES)
    kept = {}
    for code, text in explanations.items():
        if code not in known:
            raise _refuse(gettext("Unknown question."))
        text = str(text).strip()
        if len(text) > EXPLANATION_MAX:
            raise ValidationError(
                {
                    f"explain_{code}": gettext("An explanation is at most %(max)s characters long.")
                    % {"max": EXPLANATION_MAX}
                }
            )
        if text and scores.get(code) in scoring.LOW_SCORES:
            kept[code] = text
    return kept


def survey_of_link(link: SurveyLink) -> HealthSurvey | None:
    if link.purpose != "health_survey" or link.subject_id is None:
        return None
    return (
        HealthSurvey.objects.select_related("partnership")
        .filter(pk=link.subject_id, partnership__town=link.town_id)
        .first()
    )


@transaction.atomic
def survey_answer(
    *,
    link: SurveyLink,
    answers: Mapping[str, int],
    trust: Mapping[str, int],
    benefits: Iterable[str] = (),
    concerns: Iterable[str] = (),
    comment: str = "",
    explanations: Mapping[str, str] | None = None,
) -> HealthResponse:
    """Record (or replace) the link's respondent's answer. Refused after the survey closed, or with a score
    outside its scale; nothing is saved then. ``explanations`` (item → text) are the optional "please explain" of
    a low score: one is kept only beside a score of 1 or 2 of its item."""
    survey = survey_of_link(link)
    invitation = HealthInvitation.objects.filter(link=link).select_related("member__organization").first()
    if survey is None or invitation is None:
        raise _refuse(gettext("This link does not belong to a health survey."))
    if survey.status != SurveyStatus.OPEN:
        raise _refuse(gettext("This survey is closed; answers are no longer accepted."))
    codes = {code for code, _p, _t in PRINCIPLE_ITEMS}
    clean_answers = {}
    for code, value in answers.items():
        if code not in codes:
            raise _refuse(gettext("Unknown question."))
        clean_answers[code] = _check_range(gettext("An answer"), value, scoring.LIKERT_MIN, scoring.LIKERT_MAX)
    clean_trust = {}
    for code, value in trust.items():
        if code not in TRUST_CODES:
            raise _refuse(gettext("Unknown question."))
        clean_trust[code] = _check_range(gettext("A trust answer"), value, scoring.TRUST_MIN, scoring.TRUST_MAX)
    clean_explanations = _low_score_explanations(explanations or {}, {**clean_answers, **clean_trust})
    sector = Sector(invitation.member.organization.sector)
    allowed = {
        Column.BENEFIT: {i.code for i in SECTOR_TABLE.items(sector, Column.BENEFIT)},
        Column.CONCERN: {i.code for i in SECTOR_TABLE.items(sector, Column.CONCERN)},
    }
    chosen_b, chosen_c = sorted(set(benefits)), sorted(set(concerns))
    if not set(chosen_b) <= allowed[Column.BENEFIT] or not set(chosen_c) <= allowed[Column.CONCERN]:
        raise _refuse(gettext("Unknown checklist item."))
    fields: dict[str, Any] = {
        "member": invitation.member,
        "sector": sector.value,
        "answers": clean_answers,
        "trust": clean_trust,
        "benefits": chosen_b,
        "concerns": chosen_c,
        "comment": comment.strip(),
        "explanations": clean_explanations,
    }
    # One person's answers wait for each other (a double click, two tabs, an old and a new link): the lookup and the
    # insert below cannot then race on the one-answer-per-person constraint. Other respondents are not held.
    Person.objects.select_for_update(no_key=True).filter(pk=invitation.person_id).values_list("pk").first()
    response = HealthResponse.objects.filter(survey=survey, person=invitation.person).first()
    if response is None:
        response = model_create(HealthResponse, survey=survey, person=invitation.person, **fields)
    else:
        response = model_update(response, **fields)
    link_touch(link)
    return response


# ---- Outcomes, as PARTNER asks them (questions 5–8) ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutcomeMarks:
    """What a partnership says of one outcome of the guide's list."""

    intended: bool = False
    achieved: bool = False
    note: str = ""


def _require_voice_in(user: AbstractBaseUser, partnership: Partnership) -> None:
    if not selectors.may_record_outcomes(user, partnership):
        raise _refuse(gettext("Only a coordinator or a representative of one of its members can record its outcomes."))


@transaction.atomic
def outcomes_save(
    *,
    partnership: Partnership,
    by: AbstractBaseUser,
    marks: Mapping[str, OutcomeMarks],
    most_important: str = "",
) -> list[PartnershipOutcome]:
    """Record which outcomes of the guide's list the partnership intends and which it achieved (PARTNER's question
    6), with what shows each, and its most important outcome (question 7). ``marks`` is the whole picture: an
    outcome left out, or with neither mark, is no longer recorded. Refused (nothing changes) for an unknown
    outcome, a note on an outcome with neither mark, or a most important outcome that is neither intended nor
    achieved."""
    _require_voice_in(by, partnership)
    errors: dict[str, str] = {}
    for code, m in marks.items():
        if code not in Outcome._value2member_map_:
            raise _refuse(gettext("Unknown outcome."))
        if m.note.strip() and not (m.intended or m.achieved):
            errors[f"note_{code}"] = gettext("Mark the outcome as intended or achieved, or clear its note.")
    if most_important:
        chosen = marks.get(most_important)
        if chosen is None or not (chosen.intended or chosen.achieved):
            errors["most_important"] = gettext("The most important outcome must be one that is intended or achieved.")
    if errors:
        raise ValidationError(errors)
    kept = {code: m for code, m in marks.items() if m.intended or m.achieved}
    partnership.outcomes.exclude(outcome__in=list(kept)).delete()
    existing = {o.outcome: o for o in partnership.outcomes.all()}
    saved = []
    for outcome in Outcome:
        mark = kept.get(outcome.value)
        if mark is None:
            continue
        fields: dict[str, Any] = {
            "intended": mark.intended,
            "achieved": mark.achieved,
            "most_important": outcome.value == most_important,
            "note": mark.note.strip(),
        }
        row = existing.get(outcome.value)
        if row is None:
            saved.append(model_create(PartnershipOutcome, partnership=partnership, outcome=outcome.value, **fields))
        else:
            saved.append(model_update(row, **fields))
    return saved


@transaction.atomic
def contribution_set(*, member: Member, by: AbstractBaseUser, resource_type: str, note: str = "") -> MemberContribution:
    """Record a member's most important contribution to the partnership (PARTNER's question 5): by its
    representative or a coordinator."""
    _require_act_for(by, member)
    row = MemberContribution.objects.filter(member=member).first()
    if row is None:
        return model_create(MemberContribution, member=member, resource_type=resource_type, note=note.strip())
    return model_update(row, resource_type=resource_type, note=note.strip())


@transaction.atomic
def success_rate(*, member: Member, by: AbstractBaseUser, score: int) -> SuccessRating:
    """Record (or change) ``by``'s rating of the partnership's success for the member they represent (PARTNER's
    question 8, 1–4). Only the member's own representative rates: a rating is a person's answer, and nobody else
    may give it or read it (pages show the mean of three or more)."""
    if not selectors.is_representative(by, member):
        raise _refuse(
            gettext("Only a representative of %(member)s can rate for it.") % {"member": member.organization.name}
        )
    if member.left_on is not None:
        raise _refuse(gettext("This organization has left the partnership."))
    _check_range(gettext("The rating"), score, min(SuccessScore.values), max(SuccessScore.values))
    row = SuccessRating.objects.filter(member=member, user_id=by.pk).first()
    if row is None:
        return model_create(SuccessRating, member=member, user=by, score=score)
    return model_update(row, score=score)
