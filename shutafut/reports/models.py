"""Records of the reports app: the national table of local authorities and imported funding flows."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town
from shutafut.lib.choices import Labels
from shutafut.model.resources import ResourceType
from shutafut.organizations.models import Organization


def authority_key(code: str) -> str:
    """The CBS symbol as a comparable key: its digits, leading zeros kept ("0031" is Ofakim, "31" Nahal Soreq)."""
    return "".join(ch for ch in code if ch.isdigit())


class LocalAuthority(models.Model):
    """One of Israel's local authorities with its CBS clusters (filled by ``shutafut data import authorities``)."""

    code = models.CharField(_("CBS symbol"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    authority_type = models.CharField(_("type"), max_length=40, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    district_en = models.CharField(_("district in English"), max_length=100, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    ses_cluster = models.PositiveSmallIntegerField(_("socio-economic cluster"), null=True, blank=True)
    peripherality_cluster = models.PositiveSmallIntegerField(_("peripherality cluster"), null=True, blank=True)

    class Meta:
        verbose_name = _("local authority")
        verbose_name_plural = _("local authorities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def display_name(self, lang: str) -> str:
        return self.name_en if lang.startswith("en") and self.name_en else self.name


class FundingFlow(models.Model):
    """Money that a funder (a ministry or authority) paid to an organization in a year: a resource transfer."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="funding_flows")
    funder = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="funding_given", verbose_name=_("funder")
    )
    recipient = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="funding_received", verbose_name=_("recipient")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount (NIS)"), max_digits=16, decimal_places=2, validators=[MinValueValidator(0)])
    resource_type = models.CharField(
        _("resource type"), max_length=40, choices=Labels(ResourceType), default=ResourceType.BUDGET
    )
    source_file = models.CharField(_("source file"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("funding flow")
        verbose_name_plural = _("funding flows")
        ordering = ["-year", "-amount", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["town", "funder", "recipient", "year"], name="one_funding_flow_per_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="funding_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.funder} → {self.recipient} ({self.year})"
