"""Survey rounds (waves) of the relationship map, and the personal links respondents answer through."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from shutafut.accounts.models import Town
from shutafut.lib.choices import Labels
from shutafut.organizations.models import Organization, Person


class WaveStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Wave(models.Model):
    """One round of the relationship survey in a town. Waves are compared to see the map change."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="waves")
    name = models.CharField(_("name"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Labels(WaveStatus), default=WaveStatus.DRAFT)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    organizations = models.ManyToManyField(
        Organization, related_name="waves", blank=True, verbose_name=_("organizations on the roster")
    )
    respondents = models.ManyToManyField(
        Person,
        related_name="survey_waves",
        blank=True,
        verbose_name=_("respondents"),
        help_text=_("The people who answer for the organizations on the roster; several per organization."),
    )
    link_lifetime_days = models.PositiveSmallIntegerField(
        _("link lifetime (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("How many days a personal link stays valid after it is sent."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey wave")
        verbose_name_plural = _("survey waves")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name


class LinkPurpose(models.TextChoices):
    RELATIONSHIP_SURVEY = "relationship_survey", _("Relationship survey")
    HEALTH_SURVEY = "health_survey", _("Partnership health survey")


class SurveyLink(models.Model):
    """A personal link: bound to one respondent, expiring, revocable. Only a digest of its secret is stored."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="survey_links")
    purpose = models.CharField(_("purpose"), max_length=30, choices=Labels(LinkPurpose))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="survey_links")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="survey_links")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, null=True, blank=True, related_name="links")
    subject_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The object surveyed, for purposes other than a wave (e.g. a health survey)."
    )
    digest = models.CharField(max_length=64, unique=True)
    nonce = models.CharField(
        max_length=64, blank=True, help_text="With the server's key, rebuilds the link (shutafut.surveys.links)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey link")
        verbose_name_plural = _("survey links")
        indexes = [models.Index(fields=["town", "purpose"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {self.person}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


class Frequency(models.TextChoices):
    YEARLY = "yearly", _("Once a year or less")
    QUARTERLY = "quarterly", _("Every few months")
    MONTHLY = "monthly", _("Monthly")
    WEEKLY = "weekly", _("Weekly")
    DAILY = "daily", _("Daily")


def _one_to_four(name: StrOrPromise) -> models.PositiveSmallIntegerField[int | None, int | None]:
    return models.PositiveSmallIntegerField(
        name, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )


class Rating(models.Model):
    """One respondent's answer about one other organization on the roster: a directed rating.

    Both directions of a pair are kept; several respondents of one organization are rolled up by a named rule
    and pairs are symmetrized by a named rule at analysis time (shutafut.network.aggregate).
    """

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="ratings")
    link = models.ForeignKey(SurveyLink, on_delete=models.CASCADE, related_name="ratings")
    rater = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="ratings_given")
    rated = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="ratings_received")
    rung = models.PositiveSmallIntegerField(_("rung"), validators=[MaxValueValidator(5)])
    domain = models.CharField(_("domain of activity"), max_length=200, blank=True)
    frequency = models.CharField(_("frequency of contact"), max_length=20, choices=Labels(Frequency), blank=True)
    trust_reliability = _one_to_four(_("reliable"))
    trust_mission = _one_to_four(_("supports the shared mission"))
    trust_openness = _one_to_four(_("open to discussion"))
    value_power = _one_to_four(_("power and influence"))
    value_involvement = _one_to_four(_("level of involvement"))
    value_resources = _one_to_four(_("resources it contributes"))
    resources = models.JSONField(_("resources exchanged"), default=list, blank=True)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["link", "rated"], name="one_rating_per_respondent_and_organization"),
            models.CheckConstraint(condition=~models.Q(rater=models.F("rated")), name="rating_not_of_itself"),
        ]
        indexes = [models.Index(fields=["wave", "rater", "rated"])]

    def __str__(self) -> str:
        return f"{self.rater} → {self.rated}: {self.rung}"


class Completion(models.Model):
    """A respondent's "I have finished" on one link. Answers stay editable while the wave is open."""

    link = models.OneToOneField(SurveyLink, on_delete=models.CASCADE, related_name="completion")
    completed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("completed survey")
        verbose_name_plural = _("completed surveys")

    def __str__(self) -> str:
        return f"{self.link}: {self.completed_at:%Y-%m-%d}"
