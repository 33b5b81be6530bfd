from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from shutafut.accounts.models import Role
from shutafut.guide.selectors import town_table
from shutafut.lib.choices import choices, in_active_language
from shutafut.lib.forms import carry_version, choice, model_choice
from shutafut.model.outcomes import Outcome
from shutafut.model.resources import ResourceType
from shutafut.model.roles import PartnerRole
from shutafut.model.sector_table import SECTOR_TABLE, Column, SectorTable
from shutafut.model.sectors import Sector
from shutafut.organizations.models import Person
from shutafut.partnerships.models import Member, Partnership
from shutafut.workspace.models import (
    CULTURE_DIMENSIONS,
    CultureProfile,
    Dimension,
    Goal,
    IndicatorValue,
    Milestone,
    ReadinessAssessment,
    SuccessScore,
    Task,
)
from shutafut.workspace.questionnaire import LIKERT_LABELS, PRINCIPLE_ITEMS, TRUST_ITEMS, TRUST_LABELS
from shutafut.workspace.services import EXPLANATION_MAX, OutcomeMarks

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
"""A date picker; its value is in ISO form, which the browser shows in the page's language (an edit form shows it)."""


def _members(partnership: Partnership) -> Any:
    return Member.objects.filter(partnership=partnership, left_on__isnull=True).select_related("organization")


class MemberChoice(forms.ModelChoiceField[Member]):
    def label_from_instance(self, obj: Member) -> str:
        return str(obj.organization.name)


def _table_choices(table: SectorTable = SECTOR_TABLE) -> list[tuple[Any, Any]]:
    groups: list[tuple[Any, Any]] = [("", _("— free text —"))]
    for sector in Sector:
        for column in Column:
            items = table.items(sector, column)
            label = f"{in_active_language(sector.label)} · {in_active_language(column.label)}"
            groups.append((label, [(i.code, in_active_language(i.text)) for i in items]))
    return groups


class CharterItemForm(forms.Form):
    member = MemberChoice(queryset=Member.objects.none(), label=pgettext_lazy("partnership", "Member"))
    column = forms.ChoiceField(label=_("Kind"), choices=choices(Column))
    code = forms.ChoiceField(label=_("Sector-table item"), required=False)
    text = forms.CharField(label=_("Free text"), max_length=300, required=False)
    resource_type = forms.ChoiceField(
        label=_("Resource type"), required=False, choices=[("", "—"), *choices(ResourceType)]
    )
    from_member = MemberChoice(
        queryset=Member.objects.none(),
        label=_("Expected from"),
        required=False,
        help_text=_("For a benefit: the member expected to provide it."),
    )
    mitigation = forms.CharField(label=_("Mitigation"), max_length=300, required=False, help_text=_("For a concern."))

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "member").queryset = _members(partnership)
        model_choice(self, "from_member").queryset = _members(partnership)
        choice(self, "code").choices = _table_choices(town_table(partnership.town_id).table)


class CharterEntryForm(forms.Form):
    member = MemberChoice(queryset=Member.objects.none(), label=pgettext_lazy("partnership", "Member"))
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=choices(PartnerRole), required=False, widget=forms.CheckboxSelectMultiple
    )
    representative_name = forms.CharField(label=_("Named representative"), max_length=200, required=False)
    mandate = forms.CharField(
        label=_("Mandate"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What the representative may commit to."),
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "member").queryset = _members(partnership)


class RepresentativeForm(forms.Form):
    member = MemberChoice(queryset=Member.objects.none(), label=pgettext_lazy("partnership", "Member"))
    user = forms.ModelChoiceField(queryset=get_user_model().objects.none(), label=_("User"))

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "member").queryset = _members(partnership)
        users = get_user_model().objects.filter(
            memberships__town=partnership.town, memberships__role__in=[Role.MEMBER, Role.COORDINATOR]
        )
        model_choice(self, "user").queryset = users.order_by("username")


class MemberPickForm(forms.Form):
    member = MemberChoice(queryset=Member.objects.none(), label=pgettext_lazy("partnership", "Member"))

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "member").queryset = _members(partnership)


class VisionForm(forms.Form):
    public_goal = forms.CharField(label=_("Public goal"), widget=forms.Textarea(attrs={"rows": 2}))
    dimensions = forms.MultipleChoiceField(
        label=_("Sustainability dimensions"),
        choices=Dimension.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    statement = forms.CharField(label=_("Shared vision"), widget=forms.Textarea(attrs={"rows": 3}))


SCORE_0_3 = [(i, str(i)) for i in range(4)]
SCORE_1_5 = [(i, str(i)) for i in range(1, 6)]


class FocusForm(MemberPickForm):
    interest = forms.TypedChoiceField(label=_("Interest in the focus (0–3)"), choices=SCORE_0_3, coerce=int)
    influence = forms.TypedChoiceField(label=_("Ability to influence the focus (0–3)"), choices=SCORE_0_3, coerce=int)


class ReadinessForm(forms.ModelForm[ReadinessAssessment]):
    class Meta:
        model = ReadinessAssessment
        fields = [
            "political",
            "political_evidence",
            "organizational",
            "organizational_evidence",
            "community",
            "community_evidence",
            "contribution",
            "scope",
            "innovation",
            "justification",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 2})
            for name in ("political_evidence", "organizational_evidence", "community_evidence", "justification")
        }


class CultureForm(forms.ModelForm[CultureProfile]):
    """A member's culture profile: the member, then its six scores and its own word for success."""

    member = MemberChoice(queryset=Member.objects.none(), label=pgettext_lazy("partnership", "Member"))

    class Meta:
        model = CultureProfile
        fields = ["member", *CULTURE_DIMENSIONS, "success_note"]

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "member").queryset = _members(partnership)

    def validate_unique(self) -> None:
        """A member that has a profile gets it updated (by the service), not a second one."""


class NormForm(forms.Form):
    dimension = forms.ChoiceField(label=_("Dimension"), required=False)
    text = forms.CharField(label=_("Agreed working norm"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "dimension").choices = [
            ("", _("The whole partnership (meetings, channels, response times)")),
            *((d, getattr(CultureProfile._meta.get_field(d), "verbose_name", d)) for d in CULTURE_DIMENSIONS),
        ]


class StageForm(forms.Form):
    to = forms.ChoiceField(label=_("Move to"))
    override_reason = forms.CharField(
        label=_("Reason to override unmet gates"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, moves: list[dict[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "to").choices = [(m["stage"].value, m["label"]) for m in moves if not m["ends"]]


class EndForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it ends (optional; kept in the stage history)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is reopened (kept in the stage history)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class GoalForm(forms.ModelForm[Goal]):
    class Meta:
        model = Goal
        fields = ["title", "indicator", "unit", "baseline", "target", "weight"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        carry_version(self, self.instance)


class MilestoneForm(forms.ModelForm[Milestone]):
    class Meta:
        model = Milestone
        fields = ["goal", "title", "due", "weight"]
        widgets = {"due": DATE}
        labels = {"goal": capfirst(_("goal"))}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "goal").queryset = Goal.objects.filter(partnership=partnership)
        carry_version(self, self.instance)


class TaskForm(forms.ModelForm[Task]):
    owner = MemberChoice(queryset=Member.objects.none(), label=_("Owner"))

    class Meta:
        model = Task
        fields = ["milestone", "title", "owner", "due", "weight", "progress"]
        widgets = {"due": DATE}
        labels = {"milestone": capfirst(_("milestone"))}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "milestone").queryset = Milestone.objects.filter(goal__partnership=partnership)
        model_choice(self, "owner").queryset = _members(partnership)
        carry_version(self, self.instance)


class IndicatorValueForm(forms.ModelForm[IndicatorValue]):
    class Meta:
        model = IndicatorValue
        fields = ["goal", "date", "value"]
        widgets = {"date": DATE}
        labels = {"goal": capfirst(_("goal"))}

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "goal").queryset = Goal.objects.filter(partnership=partnership)
        carry_version(self, self.instance)


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)


class InviteForm(forms.Form):
    """A person of a current member organization; ``member`` is the membership the person answers for."""

    person = forms.ModelChoiceField(queryset=Person.objects.none(), label=_("Person"))

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        model_choice(self, "person").queryset = Person.objects.filter(
            organization__memberships__partnership=partnership, organization__memberships__left_on__isnull=True
        ).select_related("organization")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        person = data.get("person")
        if person is not None:
            data["member"] = _members(self.partnership).filter(organization_id=person.organization_id).first()
        return data


class TaskProgressForm(forms.Form):
    progress = forms.IntegerField(label=Task._meta.get_field("progress").verbose_name, min_value=0, max_value=100)


class RespondForm(forms.Form):
    """The questionnaire: Likert 1–5 per principle item, trust 1–4, the sector's checklists, a comment."""

    def __init__(self, *args: Any, sector: Sector, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, _principle, text in PRINCIPLE_ITEMS:
            self.fields[code] = forms.TypedChoiceField(
                label=text, choices=LIKERT_LABELS, coerce=int, widget=forms.RadioSelect
            )
        for code, text in TRUST_ITEMS:
            self.fields[code] = forms.TypedChoiceField(
                label=text, choices=TRUST_LABELS, coerce=int, widget=forms.RadioSelect
            )
        for name, column, label in (
            ("benefits", Column.BENEFIT, _("Which of these benefits does the partnership bring your organization?")),
            ("concerns", Column.CONCERN, _("Which of these concerns does your organization have?")),
        ):
            self.fields[name] = forms.MultipleChoiceField(
                label=label,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(i.code, in_active_language(i.text)) for i in SECTOR_TABLE.items(sector, column)],
            )
        self.fields["comment"] = forms.CharField(
            label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 3})
        )
        for code in self._codes():
            self.fields[f"explain_{code}"] = forms.CharField(
                label=_("If you chose 1 or 2, please explain why (optional)"),
                required=False,
                max_length=EXPLANATION_MAX,
                widget=forms.Textarea(attrs={"rows": 2, "class": "explain"}),
            )

    @staticmethod
    def _codes() -> list[str]:
        return [code for code, _p, _t in PRINCIPLE_ITEMS] + [code for code, _t in TRUST_ITEMS]

    def principle_fields(self) -> list[Any]:
        return [self[code] for code, _p, _t in PRINCIPLE_ITEMS]

    def trust_fields(self) -> list[Any]:
        return [self[code] for code, _t in TRUST_ITEMS]

    def principle_rows(self) -> list[tuple[Any, Any]]:
        """Each principle item with its "please explain" field."""
        return [(self[code], self[f"explain_{code}"]) for code, _p, _t in PRINCIPLE_ITEMS]

    def trust_rows(self) -> list[tuple[Any, Any]]:
        """Each trust item with its "please explain" field."""
        return [(self[code], self[f"explain_{code}"]) for code, _t in TRUST_ITEMS]

    def explanations(self) -> dict[str, str]:
        """The explanations typed, by item (the service keeps those beside a score of 1 or 2)."""
        data = self.cleaned_data
        return {code: data[f"explain_{code}"] for code in self._codes() if data.get(f"explain_{code}", "").strip()}


# ---- Outcomes, as PARTNER asks them -----------------------------------------------------------------------------


class OutcomesForm(forms.Form):
    """The guide's list of outcomes: for each, intended, achieved and what shows it; and the most important one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for outcome in Outcome:
            label = in_active_language(outcome.label)
            self.fields[f"intended_{outcome.value}"] = forms.BooleanField(label=label, required=False)
            self.fields[f"achieved_{outcome.value}"] = forms.BooleanField(label=label, required=False)
            self.fields[f"note_{outcome.value}"] = forms.CharField(label=label, required=False, max_length=300)
        self.fields["most_important"] = forms.ChoiceField(
            label=_("The most important outcome"),
            required=False,
            choices=[("", _("— not chosen —")), *choices(Outcome)],
        )

    @classmethod
    def of(cls, rows: list[Any]) -> OutcomesForm:
        """The form filled with what the partnership recorded (``selectors.outcome_rows``)."""
        initial: dict[str, Any] = {"most_important": next((r.outcome.value for r in rows if r.most_important), "")}
        for r in rows:
            initial.update({f"intended_{r.outcome.value}": r.intended, f"achieved_{r.outcome.value}": r.achieved})
            initial[f"note_{r.outcome.value}"] = r.note
        return cls(initial=initial)

    def rows(self) -> list[dict[str, Any]]:
        """One row per outcome, for the page's table."""
        return [
            {
                "outcome": o,
                "intended": self[f"intended_{o.value}"],
                "achieved": self[f"achieved_{o.value}"],
                "note": self[f"note_{o.value}"],
            }
            for o in Outcome
        ]

    @staticmethod
    def marks(data: Mapping[str, Any]) -> dict[str, Any]:
        """The service's arguments from the form's cleaned data: ``marks`` by outcome and ``most_important``."""
        return {
            "marks": {
                o.value: OutcomeMarks(
                    intended=data[f"intended_{o.value}"],
                    achieved=data[f"achieved_{o.value}"],
                    note=data[f"note_{o.value}"],
                )
                for o in Outcome
            },
            "most_important": data["most_important"],
        }


class ContributionForm(MemberPickForm):
    member = MemberChoice(queryset=Member.objects.none(), label=_("Organization"))
    resource_type = forms.ChoiceField(label=_("Its most important contribution"), choices=choices(ResourceType))
    note = forms.CharField(label=_("In its own words (optional)"), max_length=300, required=False)


class SuccessForm(forms.Form):
    """A representative's success rating, for a member they represent."""

    member = MemberChoice(queryset=Member.objects.none(), label=_("For"))
    score = forms.TypedChoiceField(
        label=_("How successful has the partnership been so far?"),
        choices=SuccessScore.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, members: list[Member], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "member").queryset = Member.objects.filter(pk__in=[m.pk for m in members]).select_related(
            "organization"
        )
