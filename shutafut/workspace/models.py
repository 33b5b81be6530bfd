"""Records of running a partnership by the guide: charter, vision, readiness, culture, life cycle, work plan and
the health survey. Every record hangs off a partnership (or one of its members) of shutafut.partnerships."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from shutafut.lib.choices import Labels
from shutafut.model.lifecycle import Stage
from shutafut.model.outcomes import Outcome
from shutafut.model.resources import ResourceType
from shutafut.model.sector_table import Column
from shutafut.organizations.models import Person
from shutafut.partnerships.models import Member, Partnership
from shutafut.surveys.models import SurveyLink
from shutafut.workspace import scoring


def _score(low: int, high: int, label: StrOrPromise) -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(label, validators=[MinValueValidator(low), MaxValueValidator(high)])


class MemberRepresentative(models.Model):
    """A town user who acts for one member of a partnership: approves its charter, endorses the vision."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="workspace_representatives")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("member representative")
        verbose_name_plural = _("member representatives")
        constraints = [models.UniqueConstraint(fields=["member", "user"], name="representative_once_per_member")]

    def __str__(self) -> str:
        return f"{self.user} → {self.member}"


# ---- Charter (principle 4) ----------------------------------------------------------------------------------------


class Charter(models.Model):
    """One version of the expectations charter. A change to an approved version makes a new version."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="charters")
    version = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("charter")
        verbose_name_plural = _("charters")
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["partnership", "version"], name="charter_version_unique")]

    def __str__(self) -> str:
        return f"{self.partnership} v{self.version}"


class CharterMember(models.Model):
    """A member's entry in one charter version: its named representative. The member's roles and its
    representative's mandate are the member's own record (``partnerships.Member``), shown in every version."""

    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="entries")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    representative_name = models.CharField(_("named representative"), max_length=200, blank=True)

    class Meta:
        ordering = ["member__organization__name"]
        constraints = [models.UniqueConstraint(fields=["charter", "member"], name="charter_member_once")]

    def __str__(self) -> str:
        return f"{self.member} v{self.charter.version}"


class CharterItem(models.Model):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="items")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    column = models.CharField(_("kind"), max_length=20, choices=Labels(Column))
    code = models.CharField(_("sector-table item"), max_length=100, blank=True)
    text = models.CharField(_("free text"), max_length=300, blank=True)
    resource_type = models.CharField(_("resource type"), max_length=40, choices=Labels(ResourceType), blank=True)
    from_member = models.ForeignKey(
        Member,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("expected from"),
        help_text=_("For a benefit: the member expected to provide it."),
    )
    mitigation = models.CharField(_("mitigation"), max_length=300, blank=True, help_text=_("For a concern."))

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text or self.code


class CharterApproval(models.Model):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="approvals")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["charter", "member"], name="charter_approved_once")]

    def __str__(self) -> str:
        return f"{self.member}: {self.user}"


# ---- Shared goal and vision (principle 2) --------------------------------------------------------------------------


class Dimension(models.TextChoices):
    ECONOMIC = "economic", _("Economic")
    SOCIAL = "social", _("Social")
    ENVIRONMENTAL = "environmental", _("Environmental")


class Vision(models.Model):
    """The shared vision and its sustainability dimensions. The public goal it serves is the partnership's own
    record (``Partnership.public_goals``), written on the same page."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="vision")
    dimensions = models.JSONField(_("sustainability dimensions"), default=list, blank=True)
    statement = models.TextField(_("vision"))
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.statement[:80]


class VisionEndorsement(models.Model):
    """A member's endorsement of the vision text as it stood (``statement``); a new text needs new endorsements."""

    vision = models.ForeignKey(Vision, on_delete=models.CASCADE, related_name="endorsements")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    statement = models.TextField()
    endorsed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.member}: {self.user}"


class MemberFocus(models.Model):
    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="workspace_focus")
    interest = _score(scoring.FOCUS_MIN, scoring.FOCUS_MAX, _("interest in the focus (0–3)"))
    influence = _score(scoring.FOCUS_MIN, scoring.FOCUS_MAX, _("ability to influence the focus (0–3)"))

    def __str__(self) -> str:
        return f"{self.member}: {self.interest}/{self.influence}"


# ---- Readiness and justification (principle 5) -----------------------------------------------------------------


class ReadinessAssessment(models.Model):
    """One assessment; the latest counts. Scores 0–3 (domain.md §4, I5.1, I5.2)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="readiness_assessments")
    political = _score(0, 3, _("political readiness (0–3)"))
    political_evidence = models.TextField(_("evidence of political readiness"), blank=True)
    organizational = _score(0, 3, _("organizational readiness (0–3)"))
    organizational_evidence = models.TextField(_("evidence of organizational readiness"), blank=True)
    community = _score(0, 3, _("community readiness (0–3)"))
    community_evidence = models.TextField(_("evidence of community readiness"), blank=True)
    contribution = _score(0, 3, _("contribution to the community (0–3)"))
    scope = _score(0, 3, _("scope (0–3)"))
    innovation = _score(0, 3, _("innovation (0–3)"))
    justification = models.TextField(_("justification"), blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    assessed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partnership}: {self.political}/{self.organizational}/{self.community}"


# ---- Cultures (principle 6) ------------------------------------------------------------------------------------


CULTURE_DIMENSIONS = (
    "decision_speed",
    "planning_horizon",
    "formality",
    "success_meaning",
    "risk_attitude",
    "reporting_cycle",
)


class CultureProfile(models.Model):
    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="culture_profile")
    decision_speed = _score(1, 5, _("decision speed (1 slow – 5 fast)"))
    planning_horizon = _score(1, 5, _("planning horizon (1 weeks – 5 years)"))
    formality = _score(1, 5, _("formality (1 informal – 5 formal)"))
    success_meaning = _score(1, 5, _("what success means (1 outputs and figures – 5 values and change)"))
    risk_attitude = _score(1, 5, _("attitude to risk (1 averse – 5 open)"))
    reporting_cycle = _score(1, 5, _("reporting cycle (1 weekly – 5 yearly)"))
    success_note = models.CharField(_("success in its own words"), max_length=300, blank=True)

    def __str__(self) -> str:
        return str(self.member)


class WorkingNorm(models.Model):
    """A working norm the members agreed (principle 6, I6.1): for one culture dimension, or for the partnership
    as a whole (meeting rules, channels, response times) when ``dimension`` is blank."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="working_norms")
    dimension = models.CharField(_("dimension"), max_length=30, blank=True)
    text = models.TextField(_("agreed working norm"))
    agreed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.dimension_label}: {self.text[:60]}" if self.dimension else self.text[:60]

    @property
    def dimension_label(self) -> str:
        """The culture dimension in the reader's language ("Decision speed"), without its scale; "" for none."""
        if self.dimension not in CULTURE_DIMENSIONS:
            return self.dimension
        label = str(getattr(CultureProfile._meta.get_field(self.dimension), "verbose_name", self.dimension))
        return capfirst(label.split(" (")[0])

    def clean(self) -> None:
        if self.dimension and self.dimension not in CULTURE_DIMENSIONS:
            raise ValidationError({"dimension": gettext("Unknown culture dimension.")})
        if not self.text.strip():
            raise ValidationError({"text": gettext("Write the agreed norm.")})


# ---- Life cycle ------------------------------------------------------------------------------------------------


class StageTransition(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="stage_transitions")
    from_stage = models.CharField(_("from"), max_length=20, choices=Labels(Stage))
    to_stage = models.CharField(_("to"), max_length=20, choices=Labels(Stage))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    unmet_gates = models.JSONField(_("unmet gates"), default=list, blank=True)
    override_reason = models.TextField(_("override reason"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partnership}: {self.from_stage} → {self.to_stage}"


# ---- Work plan -------------------------------------------------------------------------------------------------


class Goal(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plan_goals")
    title = models.CharField(_("goal"), max_length=300)
    indicator = models.CharField(_("measurable indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, default=0)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    weight = models.PositiveIntegerField(_("weight"), default=1)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class IndicatorValue(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="values")
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.goal}: {self.value} ({self.date})"


class Milestone(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=300)
    due = models.DateField(_("due date"), null=True, blank=True)
    weight = models.PositiveIntegerField(_("weight"), default=1)

    class Meta:
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, tasks: Sequence[Task], today: dt.date) -> bool:
        """Past its date while one of its ``tasks`` is unfinished, or with no task at all (whatever the tasks'
        weights: a task of weight 0 still has to be done). The dashboard's to-do asks the same in SQL
        (``guide.todo.overdue_milestones``)."""
        return self.due is not None and self.due < today and (not tasks or any(t.progress < 100 for t in tasks))


class Task(models.Model):
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))
    due = models.DateField(_("due date"))
    weight = models.PositiveIntegerField(_("weight"), default=1)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["due", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        partnership = self.milestone.goal.partnership
        return reverse("ws-plan", kwargs={"town": partnership.town.slug, "pk": partnership.pk}) + f"#task-{self.pk}"

    @property
    def is_overdue(self) -> bool:
        """Past its due date and not finished (the dashboard's to-do asks the same in SQL)."""
        return self.progress < 100 and self.due < timezone.localdate()

    def deletion_context(self) -> str:
        return str(self.milestone.goal.partnership)


# ---- Health survey -----------------------------------------------------------------------------------------------


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class HealthSurvey(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="health_surveys")
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Labels(SurveyStatus), default=SurveyStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class HealthInvitation(models.Model):
    """One personal link sent for a survey (the link itself lives in shutafut.surveys); reminders add rows."""

    survey = models.ForeignKey(HealthSurvey, on_delete=models.CASCADE, related_name="invitations")
    link = models.OneToOneField(SurveyLink, on_delete=models.CASCADE, related_name="health_invitation")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    reminder = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.survey}: {self.person}"


class HealthResponse(models.Model):
    survey = models.ForeignKey(HealthSurvey, on_delete=models.CASCADE, related_name="responses")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    sector = models.CharField(max_length=20)
    answers = models.JSONField(default=dict, blank=True)
    trust = models.JSONField(default=dict, blank=True)
    benefits = models.JSONField(default=list, blank=True)
    concerns = models.JSONField(default=list, blank=True)
    comment = models.TextField(blank=True)
    explanations = models.JSONField(default=dict, blank=True)
    """Item code → the respondent's optional "please explain" of a score of 1 or 2 (kept for those scores only)."""
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "person"], name="one_health_response_per_person")]

    def __str__(self) -> str:
        return f"{self.survey}: {self.person}"


# ---- Outcomes, as PARTNER asks them (its questions 5–8) ---------------------------------------------------------


class PartnershipOutcome(models.Model):
    """One outcome of the guide's list (why partner) that a partnership intends, achieved, or both (PARTNER's
    question 6), and whether it is the most important one (question 7). Rows with neither mark are not kept."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="outcomes")
    outcome = models.CharField(_("outcome"), max_length=40, choices=Labels(Outcome))
    intended = models.BooleanField(_("intended"), default=False)
    achieved = models.BooleanField(_("achieved"), default=False)
    most_important = models.BooleanField(_("the most important"), default=False)
    note = models.CharField(_("what shows it"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("partnership outcome")
        verbose_name_plural = _("partnership outcomes")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["partnership", "outcome"], name="outcome_once_per_partnership")]

    def __str__(self) -> str:
        return f"{self.partnership}: {self.outcome}"

    def clean(self) -> None:
        if not (self.intended or self.achieved):
            raise ValidationError(gettext("An outcome is recorded as intended, achieved or both."))


class MemberContribution(models.Model):
    """A member's most important contribution to the partnership, as a resource type (PARTNER's question 5)."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="main_contribution")
    resource_type = models.CharField(_("most important contribution"), max_length=40, choices=Labels(ResourceType))
    note = models.CharField(_("in its own words"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.member}: {self.resource_type}"


class SuccessScore(models.IntegerChoices):
    """How successful the partnership has been, on PARTNER's four points (the labels are our wording)."""

    NOT = 1, _("Not successful")
    SOMEWHAT = 2, _("Somewhat successful")
    SUCCESSFUL = 3, _("Successful")
    VERY = 4, _("Very successful")


class SuccessRating(models.Model):
    """A representative's rating of the partnership's success, for the member they represent (PARTNER's question
    8). A person's answer: shown only as a mean of ``MIN_GROUP`` ratings or more, and logged without its score."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="success_ratings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("success"),
        choices=Labels(SuccessScore),
        validators=[MinValueValidator(min(SuccessScore.values)), MaxValueValidator(max(SuccessScore.values))],
    )
    rated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "user"], name="success_rated_once_per_member")]

    def __str__(self) -> str:
        return f"{self.member}: {self.user}"
