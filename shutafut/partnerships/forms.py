from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from shutafut.lib.choices import choices
from shutafut.lib.forms import carry_version, model_choice
from shutafut.model.records import DocumentKind, InReturn
from shutafut.model.roles import PartnerRole
from shutafut.organizations.models import Organization, Person
from shutafut.organizations.picker import organization_field
from shutafut.partnerships.models import (
    Activity,
    Decision,
    FrameworkDocument,
    Interaction,
    Member,
    MemberInterest,
    Partnership,
    ResourceFlow,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
"""A date picker; its value is in ISO form, which the browser shows in the page's language (an edit form shows it)."""


class PartnershipForm(forms.ModelForm[Partnership]):
    class Meta:
        model = Partnership
        fields = [
            "name",
            "public_goals",
            "focus",
            "beneficiaries",
            "description",
            "convener",
            "framing",
            "started_on",
            "horizon_months",
            "standing_body",
            "meeting_cadence",
        ]
        widgets = {
            "started_on": DATE,
            "public_goals": forms.Textarea(attrs={"rows": 3}),
            "beneficiaries": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, town: Any, may_name_convener: bool = True, **kwargs: Any) -> None:
        """``may_name_convener``: false for a partner's representative who may not publish it (``may_publish``),
        since the convener's representative publishes: they see the convener but cannot change it."""
        super().__init__(*args, **kwargs)
        organization_field(self, "convener", Organization.objects.filter(town=town).order_by("name"), town)
        self.fields["convener"].disabled = not may_name_convener
        carry_version(self, self.instance)


class _PartForm(forms.ModelForm[Any]):
    """A form for a part of a partnership: member pickers list only the partnership's members."""

    member_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Member.objects.filter(partnership=partnership).select_related("organization")
        for name in self.member_fields:
            model_choice(self, name).queryset = members
        carry_version(self, self.instance)


class RepresentativeChoice(forms.ModelChoiceField[Person]):
    """A person named with their organization, so that the right representative is picked."""

    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.organization.name})"


class MemberForm(forms.ModelForm[Member]):
    roles = forms.MultipleChoiceField(
        label=_("roles"), choices=choices(PartnerRole), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Member
        fields = ["organization", "roles", "representative", "mandate", "joined_on", "left_on"]
        widgets = {"joined_on": DATE, "left_on": DATE, "mandate": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"representative": RepresentativeChoice}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            others = Organization.objects.filter(town=partnership.town).exclude(memberships__partnership=partnership)
            organization_field(self, "organization", others.order_by("name"), partnership.town)
            del self.fields["left_on"]
        else:
            del self.fields["organization"]  # a member is its organization: another one is another member
        model_choice(self, "representative").queryset = Person.objects.filter(town=partnership.town).select_related(
            "organization"
        )
        carry_version(self, self.instance)


class FlowForm(_PartForm):
    member_fields = ("giver", "receiver")

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, partnership=partnership, **kwargs)
        model_choice(self, "fulfils").queryset = ResourceFlow.objects.filter(partnership=partnership, kind="pledge")
        model_choice(self, "allocation_decision").queryset = Decision.objects.filter(partnership=partnership)

    class Meta:
        model = ResourceFlow
        fields = [
            "kind",
            "giver",
            "receiver",
            "resource_type",
            "description",
            "value",
            "unit",
            "in_return",
            "fulfils",
            "allocation_decision",
            "approval",
            "approval_ref",
            "date",
        ]
        widgets = {"date": DATE}


class DecisionForm(_PartForm):
    member_fields = ("participants", "consulted", "recusals")

    class Meta:
        model = Decision
        fields = [
            "date",
            "subject",
            "method",
            "participants",
            "consulted",
            "recusals",
            "reserved_to_public_body",
            "outcome",
        ]
        widgets = {
            "date": DATE,
            "participants": forms.CheckboxSelectMultiple,
            "consulted": forms.CheckboxSelectMultiple,
            "recusals": forms.CheckboxSelectMultiple,
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }


class ActivityForm(_PartForm):
    member_fields = ("organizers",)

    class Meta:
        model = Activity
        fields = ["date", "title", "description", "organizers", "beneficiaries_count", "beneficiaries_description"]
        labels = {"organizers": _("Who organized it?")}
        help_texts = {
            "organizers": _(
                "An activity that two members or more organize together shows they adjust their work to each other."
                " Leave empty only if you do not know; the diagnosis will ask again."
            )
        }
        widgets = {
            "date": DATE,
            "description": forms.Textarea(attrs={"rows": 2}),
            "organizers": forms.CheckboxSelectMultiple,
        }


class InteractionForm(_PartForm):
    member_fields = ("source", "target")

    class Meta:
        model = Interaction
        fields = ["kind", "source", "target", "date", "note"]
        widgets = {"date": DATE}


class DocumentForm(_PartForm):
    """A framework document; for a contract, the money paid under it too (who pays, who is paid, for what)."""

    member_fields = ("signatories", "decision_members", "payer", "payee")
    payer = forms.ModelChoiceField(
        Member.objects.none(),
        label=_("If it is a contract: who pays under it?"),
        required=False,
        help_text=_("Leave empty if you do not know; the diagnosis will ask again."),
    )
    payee = forms.ModelChoiceField(Member.objects.none(), label=_("Who is paid under it?"), required=False)
    payment_in_return = forms.ChoiceField(
        label=_("What does the payer get in return?"), choices=choices(InReturn), initial=InReturn.DELIVERABLE
    )
    payment_value = forms.DecimalField(
        label=_("Amount paid (NIS)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        payer, payee = data.get("payer"), data.get("payee")
        if payer is not None or payee is not None:
            if data.get("kind") != DocumentKind.CONTRACT:
                self.add_error("payer", _("Only a contract has a payment recorded with it."))
            elif payer is None:
                self.add_error("payer", _("Say who pays under the contract."))
            elif payee is None:
                self.add_error("payee", _("Say who is paid under the contract."))
        return data

    class Meta:
        model = FrameworkDocument
        fields = [
            "kind",
            "title",
            "signed_on",
            "valid_until",
            "signatories",
            "decision_members",
            "decision_rules",
            "info_flow_rules",
            "review_cadence",
            "exit_clause",
        ]
        widgets = {
            "signed_on": DATE,
            "valid_until": DATE,
            "signatories": forms.CheckboxSelectMultiple,
            "decision_members": forms.CheckboxSelectMultiple,
            "decision_rules": forms.Textarea(attrs={"rows": 2}),
            "info_flow_rules": forms.Textarea(attrs={"rows": 2}),
        }


class InterestForm(_PartForm):
    member_fields = ("member", "before")

    class Meta:
        model = MemberInterest
        fields = ["member", "before", "kind", "description", "is_open", "recusal_recorded"]
