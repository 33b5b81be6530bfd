"""Relationships between two organizations of a town, on the ladder, within a domain of activity."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town
from shutafut.lib.choices import Labels
from shutafut.model.ladder import Rung
from shutafut.organizations.models import Organization


class Source(models.TextChoices):
    RECORDED = "recorded", _("Recorded by the town")
    SURVEY = "survey", _("Survey")


class Relationship(models.Model):
    """Where a pair of organizations stands on the ladder in one domain, as of a date.

    The pair is unordered for recorded relationships; survey ratings keep both directions elsewhere.
    """

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="relationships")
    org_a = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization"))
    org_b = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("other organization")
    )
    domain = models.CharField(_("domain of activity"), max_length=200, blank=True)
    rung = models.PositiveSmallIntegerField(_("rung"), choices=Labels(Rung))
    target_rung = models.PositiveSmallIntegerField(_("target rung"), choices=Labels(Rung), null=True, blank=True)
    competitive_tension = models.BooleanField(
        _("competitive tension"),
        default=False,
        help_text=_("Rivalry that coexists with a higher rung."),
    )
    observed_on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=20, choices=Labels(Source), default=Source.RECORDED)
    wave = models.ForeignKey(
        "surveys.Wave",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="relationships",
        verbose_name=_("survey wave"),
        help_text=_("For relationships from a survey: the wave they come from."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        ordering = ["-observed_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(org_a=models.F("org_b")),
                name="relationship_not_with_itself",
                violation_error_message=_("An organization cannot have a relationship with itself."),
            ),
            models.CheckConstraint(condition=models.Q(rung__lte=5), name="rung_on_the_ladder"),
        ]
        indexes = [models.Index(fields=["town", "rung"])]

    def __str__(self) -> str:
        return f"{self.org_a} – {self.org_b}: {self.get_rung_display()}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.org_a_id and self.org_a_id == self.org_b_id:
            errors["org_b"] = gettext("An organization cannot have a relationship with itself.")
        for field in ("org_a", "org_b"):
            org = getattr(self, field) if getattr(self, f"{field}_id") else None
            if org is not None and self.town_id and org.town_id != self.town_id:
                errors[field] = gettext("The organization belongs to another town.")
        if self.competitive_tension and self.rung is not None and self.rung <= Rung.COMPETITION:
            errors["competitive_tension"] = gettext(
                "Competitive tension is recorded on rungs above competition; use the competition rung instead."
            )
        if errors:
            raise ValidationError(errors)
