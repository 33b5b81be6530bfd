"""Partnerships and their parts: members, resource pledges and deliveries, decisions, activities, documents."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town
from shutafut.lib.choices import Labels, label_of
from shutafut.model.lifecycle import Stage
from shutafut.model.records import (
    ApprovalKind,
    Cadence,
    DecisionMethod,
    DocumentKind,
    InReturn,
    InteractionKind,
    InterestKind,
)
from shutafut.model.resources import ResourceType
from shutafut.model.roles import PartnerRole
from shutafut.organizations.models import Organization, Person


class Framing(models.TextChoices):
    MEANS = "means", _("A means to an end")
    MEANS_AND_END = "means_and_end", _("A means and an end in itself")


# The records' names for the shared vocabulary (shutafut.model.records), used across the app.
Approval = ApprovalKind
MatterKind = InterestKind


class Partnership(models.Model):
    town = models.ForeignKey(Town, on_delete=models.CASCADE, related_name="partnerships")
    name = models.CharField(_("name"), max_length=300)
    public_goals = models.TextField(_("public goals"), blank=True)
    focus = models.CharField(_("focus of action"), max_length=300, blank=True)
    beneficiaries = models.TextField(_("beneficiaries"), blank=True)
    description = models.TextField(_("description"), blank=True)
    convener = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="convened_partnerships",
        verbose_name=_("convener"),
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Labels(Stage), default=Stage.INITIATION)
    framing = models.CharField(_("framing"), max_length=20, choices=Labels(Framing), default=Framing.MEANS)
    started_on = models.DateField(_("start date"), null=True, blank=True)
    horizon_months = models.PositiveIntegerField(_("planned horizon (months)"), null=True, blank=True)
    standing_body = models.BooleanField(
        _("standing joint body"),
        null=True,
        blank=True,
        help_text=_(
            "A steering committee, round table or forum with a set membership that goes on between meetings."
            " Leave empty when not known."
        ),
    )
    meeting_cadence = models.CharField(
        _("meeting cadence"),
        max_length=20,
        choices=Labels(Cadence),
        blank=True,
        help_text=_("Leave empty when not yet known."),
    )
    is_public = models.BooleanField(_("public page"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]
        indexes = [models.Index(fields=["town", "stage"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.convener is not None and self.town_id and self.convener.town_id != self.town_id:
            raise ValidationError({"convener": gettext("The organization belongs to another town.")})


class Member(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="members")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("organization")
    )
    roles = models.JSONField(_("roles"), default=list, blank=True)
    # The audit log shows each stored role by its label (a JSON list has no choices of its own).
    audit_value_labels = {"roles": PartnerRole}
    representative = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("representative")
    )
    mandate = models.TextField(_("mandate"), blank=True, help_text=_("What the representative may commit to."))
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organization"],
                name="organization_once_per_partnership",
                violation_error_message=_("This organization is already a member."),
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)

    def get_absolute_url(self) -> str:
        url = reverse("partnership-detail", kwargs={"town": self.partnership.town.slug, "pk": self.partnership_id})
        return f"{url}#member-{self.pk}"

    def deletion_context(self) -> str:
        return str(self.partnership)

    @property
    def role_labels(self) -> list[str]:
        return [label_of(PartnerRole, role) for role in self.roles or []]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        bad = [r for r in self.roles or [] if r not in PartnerRole._value2member_map_]
        if bad:
            errors["roles"] = gettext("Unknown role: %(value)s") % {"value": ", ".join(map(str, bad))}
        if self.organization_id and self.partnership_id and self.organization.town_id != self.partnership.town_id:
            errors["organization"] = gettext("The organization belongs to another town.")
        if self.representative is not None and self.representative.organization_id != self.organization_id:
            errors["representative"] = gettext("The representative does not belong to this organization.")
        if errors:
            raise ValidationError(errors)


def outsiders(part: models.Model, *fields: str) -> dict[str, str]:
    """An error for each of ``fields`` (member foreign keys of a partnership's part) naming a non-member."""
    errors = {}
    for field in fields:
        member = getattr(part, field) if getattr(part, f"{field}_id") else None
        if member is not None and member.partnership_id != part.serializable_value("partnership"):
            errors[field] = gettext("Not a member of this partnership.")
    return errors


class FlowKind(models.TextChoices):
    PLEDGE = "pledge", _("Pledge")
    DELIVERY = "delivery", _("Delivery")


class ResourceFlow(models.Model):
    """A resource pledged or delivered by one member, to the joint pool or to another member."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="flows")
    kind = models.CharField(_("kind"), max_length=20, choices=Labels(FlowKind), default=FlowKind.PLEDGE)
    giver = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="given", verbose_name=_("giver"))
    receiver = models.ForeignKey(
        Member,
        on_delete=models.CASCADE,
        related_name="received",
        null=True,
        blank=True,
        verbose_name=_("receiver"),
        help_text=_("Leave empty for the joint pool of the partnership."),
    )
    resource_type = models.CharField(_("resource type"), max_length=40, choices=Labels(ResourceType))
    description = models.CharField(_("description"), max_length=300, blank=True)
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("For example: NIS, hours, rooms."))
    in_return = models.CharField(
        _("given in return"), max_length=20, choices=Labels(InReturn), default=InReturn.SHARED_GOAL
    )
    allocation_decision = models.ForeignKey(
        "Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="allocations",
        verbose_name=_("allocated by the joint decision"),
        help_text=_("For a resource given to one member: the joint decision that allocated it."),
    )
    fulfils = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
        verbose_name=_("fulfils the pledge"),
    )
    approval = models.CharField(_("approval"), max_length=30, choices=Labels(Approval), default=Approval.NONE)
    approval_ref = models.CharField(_("approval reference"), max_length=200, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        verbose_name = _("resource pledge or delivery")
        verbose_name_plural = _("resource pledges and deliveries")
        ordering = ["partnership", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="flow_value_not_negative",
                violation_error_message=_("A value cannot be negative."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.giver} – {self.get_resource_type_display()}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        errors.update(outsiders(self, "giver", "receiver"))
        if self.receiver_id and self.receiver_id == self.giver_id:
            errors["receiver"] = gettext("A member cannot give to itself.")
        if self.fulfils is not None:
            if self.kind != FlowKind.DELIVERY or self.fulfils.kind != FlowKind.PLEDGE:
                errors["fulfils"] = gettext("Only a delivery fulfils a pledge.")
            elif self.fulfils.partnership_id != self.partnership_id:
                errors["fulfils"] = gettext("Not a pledge of this partnership.")
        if self.allocation_decision is not None and self.allocation_decision.partnership_id != self.partnership_id:
            errors["allocation_decision"] = gettext("Not a decision of this partnership.")
        if errors:
            raise ValidationError(errors)


class Decision(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="decisions")
    date = models.DateField(_("date"))
    subject = models.CharField(_("subject"), max_length=300)
    method = models.CharField(_("method"), max_length=20, choices=Labels(DecisionMethod))
    participants = models.ManyToManyField(Member, related_name="decisions", verbose_name=_("participants"))
    consulted = models.ManyToManyField(
        Member, related_name="consulted_decisions", blank=True, verbose_name=_("consulted but absent")
    )
    recusals = models.ManyToManyField(Member, related_name="recused_decisions", blank=True, verbose_name=_("recusals"))
    reserved_to_public_body = models.BooleanField(
        _("reserved to the public body"),
        default=False,
        help_text=_("A statutory decision taken by the authority's competent organ and reported to the partners."),
    )
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return self.subject


class Activity(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="activities")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    beneficiaries_count = models.PositiveIntegerField(_("number of beneficiaries"), null=True, blank=True)
    beneficiaries_description = models.CharField(_("who benefited"), max_length=300, blank=True)
    organizers = models.ManyToManyField(Member, related_name="organized", blank=True, verbose_name=_("organizers"))

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return self.title


class FrameworkDocument(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=30, choices=Labels(DocumentKind))
    title = models.CharField(_("title"), max_length=300)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    signatories = models.ManyToManyField(
        Member, related_name="signed_documents", blank=True, verbose_name=_("signatories")
    )
    decision_rules = models.TextField(_("decision rules"), blank=True)
    info_flow_rules = models.TextField(_("information-flow rules"), blank=True)
    review_cadence = models.CharField(_("review cadence"), max_length=20, choices=Labels(Cadence), blank=True)
    exit_clause = models.BooleanField(_("has an exit clause"), default=False)
    decision_members = models.ManyToManyField(
        Member,
        related_name="documents_giving_a_say",
        blank=True,
        verbose_name=_("members its decision rules give a say"),
    )

    class Meta:
        verbose_name = _("framework document")
        verbose_name_plural = _("framework documents")
        ordering = ["-signed_on", "pk"]

    def __str__(self) -> str:
        return self.title


class MemberInterest(models.Model):
    """A member's own matter before the partnering authority: a possible conflict of interest (principle 1)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="interests")
    before = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="matters_before",
        verbose_name=_("before"),
        help_text=_("The public body the matter is before; empty means the convener."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Labels(MatterKind))
    description = models.CharField(_("description"), max_length=300)
    is_open = models.BooleanField(_("still open"), default=True)
    recusal_recorded = models.BooleanField(_("recusal recorded"), default=False)

    class Meta:
        verbose_name = _("matter before the authority")
        verbose_name_plural = _("matters before the authority")

    def __str__(self) -> str:
        return self.description


class Interaction(models.Model):
    """Evidence of the relationship between members below joint work: information, adjustment, rivalry."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(_("kind"), max_length=20, choices=Labels(InteractionKind))
    source = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+", verbose_name=_("from"))
    target = models.ForeignKey(
        Member,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to"),
        help_text=_("Leave empty for all the other members."),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.source}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        errors.update(outsiders(self, "source", "target"))
        if self.target_id and self.target_id == self.source_id:
            errors["target"] = gettext("A member cannot interact with itself.")
        if errors:
            raise ValidationError(errors)
