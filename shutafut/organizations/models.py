"""The town's organization registry and the people who represent organizations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town
from shutafut.lib.choices import Labels, in_active_language
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import SUBTYPES, SUBTYPES_BY_CODE, Sector
from shutafut.organizations.registry import normalize, registry_problem


class LegalForm(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    GOVERNMENT = "government", _("Government body")
    STATUTORY = "statutory", _("Statutory body")
    AMUTA = "amuta", _("Nonprofit association (amuta)")
    PUBLIC_BENEFIT_COMPANY = "public_benefit_company", _("Public-benefit company")
    COOPERATIVE = "cooperative", _("Cooperative society")
    ENDOWMENT = "endowment", _("Endowment (hekdesh)")
    COMPANY = "company", _("Company")
    PARTNERSHIP_FIRM = "partnership_firm", _("Registered partnership")
    SOLE_TRADER = "sole_trader", _("Sole trader")
    INFORMAL = "informal", _("Informal group")


def subtype_choices() -> list[tuple[str, str]]:
    """The subtypes of every sector, labelled in code (a callable, so that the migrations keep no labels)."""
    return [(s.code, in_active_language(s.label)) for s in SUBTYPES]


class Organization(models.Model):
    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="organizations")
    name = models.CharField(_("name"), max_length=300)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Labels(Sector))
    subtype = models.CharField(_("subtype"), max_length=40, choices=subtype_choices)
    legal_form = models.CharField(_("legal form"), max_length=40, choices=Labels(LegalForm))
    hybrid = models.BooleanField(_("hybrid (social business)"), default=False)
    registry_number = models.CharField(
        _("registry number"),
        max_length=20,
        blank=True,
        help_text=_("Amuta, company or cooperative number, or the authority's CBS symbol."),
    )
    locality = models.CharField(_("locality"), max_length=200, blank=True)
    fields_of_activity = models.CharField(
        _("fields of activity"), max_length=500, blank=True, help_text=_("Separated by commas.")
    )
    resources_offered = models.JSONField(_("resources it offers"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["town", "registry_number"],
                condition=~models.Q(registry_number=""),
                name="registry_number_unique_in_town",
                violation_error_message=_("Another organization in this town has this registry number."),
            ),
        ]
        indexes = [models.Index(fields=["town", "sector"])]

    def __str__(self) -> str:
        return self.name

    def display_name(self, lang: str) -> str:
        return self.name_en if lang.startswith("en") and self.name_en else self.name

    def clean(self) -> None:
        errors = self.rule_errors()
        if "registry_number" not in errors and self.registry_number and self._registry_number_taken():
            errors["registry_number"] = gettext("Another organization in this town has this registry number.")
        if errors:
            raise ValidationError(errors)

    def rule_errors(self) -> dict[str, str]:
        """The rules of ``clean`` that need no query: imports check them row by row, and check the registry
        number's uniqueness once for the whole file and the town (``reports.importers``)."""
        errors: dict[str, str] = {}
        self.registry_number = normalize(self.registry_number)
        subtype = SUBTYPES_BY_CODE.get(self.subtype)
        if subtype is not None and self.sector and subtype.sector.value != self.sector:
            errors["subtype"] = gettext("This subtype belongs to another sector.")
        problem = registry_problem(self.legal_form, self.registry_number)
        if problem:
            errors["registry_number"] = gettext(problem)
        bad = [r for r in self.resources_offered or [] if r not in ResourceType._value2member_map_]
        if bad:
            errors["resources_offered"] = gettext("Unknown resource type: %(value)s") % {"value": ", ".join(bad)}
        return errors

    def _registry_number_taken(self) -> bool:
        others = Organization.objects.filter(town_id=self.town_id, registry_number=self.registry_number)
        return others.exclude(pk=self.pk).exists()

    @property
    def fields_list(self) -> list[str]:
        return [f.strip() for f in self.fields_of_activity.split(",") if f.strip()]


class Person(models.Model):
    """Someone who represents an organization."""

    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="people")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="people")
    full_name = models.CharField(_("full name"), max_length=200)
    role_title = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        if self.organization_id and self.town_id and self.organization.town_id != self.town_id:
            raise ValidationError({"organization": gettext("The organization belongs to another town.")})
