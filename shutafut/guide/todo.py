"""What the dashboard asks the town's records: the first steps of a new town, and what is due.

Every query here is bounded: counts are made in SQL, and each list is cut at ``LIMIT`` rows (with its full count
beside it), so the dashboard costs the same in a town of ten organizations and in one of ten thousand. The scope is
the town for a coordinator or a viewer; for a partner's representative (member role), only the partnerships an
organization they represent is party to ("my partnerships", "my approvals").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from shutafut.accounts.access import AnyUser, membership_in
from shutafut.accounts.models import Role, Town
from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.lib.choices import label_of
from shutafut.model.ladder import Rung
from shutafut.organizations.access import represented_organizations
from shutafut.partnerships.models import FlowKind, Member, Partnership, ResourceFlow
from shutafut.surveys.models import Wave, WaveStatus
from shutafut.workspace.models import Charter, CharterApproval, MemberRepresentative, Milestone, Task

LIMIT = 8
"""The most rows any list of the dashboard shows; the count beside it is the full one."""
CLOSING_SOON_DAYS = 7


@dataclass(frozen=True)
class Step:
    """One first step of a new town: what to do, where, and whether the town has done it."""

    label: StrOrPromise
    url: str
    done: bool


@dataclass
class Due:
    """One list of the to-do: its rows (at most ``LIMIT``) and how many there are in all."""

    key: str
    title: StrOrPromise
    count: int
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.rows)


def first_steps(town: Town) -> list[Step]:
    """The four first steps of the guide's work in a town, each ticked once the town has done it."""
    slug = {"town": town.slug}
    return [
        Step(_("Import the town's organizations"), reverse("report-import", kwargs=slug), town.organizations.exists()),
        Step(
            _("Record the relationships between them"),
            reverse("relationship-create", kwargs=slug),
            town.relationships.exists(),
        ),
        Step(
            _("Start a relationship survey"),
            reverse("survey-wave-create", kwargs=slug),
            Wave.objects.filter(town=town).exists(),
        ),
        Step(_("Convene a partnership"), reverse("partnership-create", kwargs=slug), town.partnerships.exists()),
    ]


def scope(town: Town, user: AnyUser) -> tuple[bool, QuerySet[Partnership]]:
    """Whether the user sees the whole town (a coordinator, a viewer), and the partnerships their to-do covers:
    for a partner's representative, those an organization they represent convenes or is a member of."""
    partnerships = Partnership.objects.filter(town=town)
    membership = membership_in(user, town.pk)
    if membership is None or membership.role != Role.MEMBER:
        return True, partnerships
    mine = represented_organizations(user, town.pk)
    ids = Member.objects.filter(partnership__town=town, organization_id__in=mine).values("partnership_id")
    return False, partnerships.filter(Q(convener_id__in=mine) | Q(pk__in=ids))


def my_partnerships(partnerships: QuerySet[Partnership]) -> Due:
    rows = [{"partnership": p} for p in partnerships.order_by("name")[:LIMIT]]
    return Due("mine", _("My partnerships"), partnerships.count(), rows)


def approvals_waiting(partnerships: QuerySet[Partnership], user: AnyUser, *, whole_town: bool) -> Due:
    """Members whose approval of their partnership's current charter is missing; for a representative, only the
    members they act for ("my approvals")."""
    latest = Charter.objects.filter(partnership=OuterRef("partnership")).order_by("-version").values("pk")[:1]
    members = (
        Member.objects.filter(partnership__in=partnerships, left_on__isnull=True)
        .annotate(charter_id=Subquery(latest))
        .filter(charter_id__isnull=False)
        .exclude(Exists(CharterApproval.objects.filter(charter_id=OuterRef("charter_id"), member_id=OuterRef("pk"))))
    )
    title = _("Approvals waiting")
    if not whole_town:
        acts_for = MemberRepresentative.objects.filter(member_id=OuterRef("pk"), user_id=int(str(user.pk)))
        members = members.filter(Exists(acts_for))
        title = _("My approvals")
    found = members.select_related("partnership", "organization").order_by("partnership__name", "pk")
    rows = [{"partnership": m.partnership, "member": m} for m in found[:LIMIT]]
    return Due("approvals", title, members.count(), rows)


def overdue_tasks(partnerships: QuerySet[Partnership], today: dt.date) -> Due:
    tasks = Task.objects.filter(milestone__goal__partnership__in=partnerships, due__lt=today, progress__lt=100)
    found = tasks.select_related("milestone__goal__partnership", "owner__organization").order_by("due", "pk")
    rows = [{"partnership": t.milestone.goal.partnership, "task": t} for t in found[:LIMIT]]
    return Due("tasks", _("Overdue tasks"), tasks.count(), rows)


def overdue_milestones(partnerships: QuerySet[Partnership], today: dt.date) -> Due:
    """Milestones past their date that are not complete: a task unfinished, or no task at all (the rule of
    ``Milestone.is_overdue``, which the work plan asks)."""
    unfinished = Task.objects.filter(milestone_id=OuterRef("pk"), progress__lt=100)
    any_task = Task.objects.filter(milestone_id=OuterRef("pk"))
    milestones = Milestone.objects.filter(goal__partnership__in=partnerships, due__lt=today).filter(
        Q(Exists(unfinished)) | ~Q(Exists(any_task))
    )
    found = milestones.select_related("goal__partnership").order_by("due", "pk")
    rows = [{"partnership": m.goal.partnership, "milestone": m} for m in found[:LIMIT]]
    return Due("milestones", _("Overdue milestones"), milestones.count(), rows)


def surveys_closing(town: Town, today: dt.date) -> Due:
    waves = Wave.objects.filter(
        town=town, status=WaveStatus.OPEN, closes_on__gte=today, closes_on__lte=today + dt.timedelta(CLOSING_SOON_DAYS)
    )
    rows = [{"wave": w} for w in waves.order_by("closes_on", "pk")[:LIMIT]]
    return Due("surveys", _("Surveys closing this week"), waves.count(), rows)


def rung_dropped(partnerships: QuerySet[Partnership]) -> Due:
    """Partnerships whose latest diagnosis is on a lower rung than the one before it."""
    history = DiagnosisSnapshot.objects.filter(partnership_id=OuterRef("pk")).order_by("-computed_at", "-pk")
    dropped = partnerships.annotate(
        last_rung=Subquery(history.values("rung")[:1]), previous_rung=Subquery(history.values("rung")[1:2])
    ).filter(previous_rung__isnull=False, last_rung__lt=F("previous_rung"))
    rows = [
        {"partnership": p, "from": label_of(Rung, p.previous_rung), "to": label_of(Rung, p.last_rung)}
        for p in dropped.order_by("name")[:LIMIT]
    ]
    return Due("dropped", _("Partnerships whose diagnosed rung dropped"), dropped.count(), rows)


def pledges_undelivered(partnerships: QuerySet[Partnership]) -> Due:
    delivered = ResourceFlow.objects.filter(fulfils_id=OuterRef("pk"))
    pledges = ResourceFlow.objects.filter(partnership__in=partnerships, kind=FlowKind.PLEDGE).exclude(Exists(delivered))
    found = pledges.select_related("partnership", "giver__organization").order_by("partnership__name", "pk")
    rows = [{"partnership": f.partnership, "flow": f} for f in found[:LIMIT]]
    return Due("pledges", _("Pledges not delivered"), pledges.count(), rows)


def todo(town: Town, user: AnyUser, today: dt.date | None = None) -> dict[str, Any]:
    """The dashboard's to-do for ``user``: its lists, the first one of a representative being their partnerships."""
    today = today or timezone.localdate()
    whole_town, partnerships = scope(town, user)
    lists = [] if whole_town else [my_partnerships(partnerships)]
    lists += [
        approvals_waiting(partnerships, user, whole_town=whole_town),
        overdue_tasks(partnerships, today),
        overdue_milestones(partnerships, today),
    ]
    if whole_town:
        lists.append(surveys_closing(town, today))
    lists += [rung_dropped(partnerships), pledges_undelivered(partnerships)]
    return {"whole_town": whole_town, "lists": lists, "today": today}
