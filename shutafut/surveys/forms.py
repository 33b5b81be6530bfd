"""Forms of the survey pages: the wave, its roster, a respondent added inline, and one answer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town
from shutafut.lib.choices import choices
from shutafut.model.ladder import Rung
from shutafut.model.resources import ResourceType
from shutafut.network.aggregate import NonRespondentRule, RollUpRule, SymmetrizeRule
from shutafut.organizations.models import Organization, Person
from shutafut.organizations.picker import organization_field, picks_by_typing
from shutafut.surveys.models import Frequency, Wave

SCALE_CHOICES = [
    ("", _("No answer")),
    ("1", _("1 – not at all")),
    ("2", _("2 – a little")),
    ("3", _("3 – a fair amount")),
    ("4", _("4 – a great deal")),
]
TRUST_LABELS = {
    "trust_reliability": _("Trust: reliable"),
    "trust_mission": _("Trust: supports the shared mission"),
    "trust_openness": _("Trust: open to discussion"),
}
VALUE_LABELS = {
    "value_power": _("Value: power and influence"),
    "value_involvement": _("Value: level of involvement"),
    "value_resources": _("Value: resources it contributes"),
}
ROLLUP_LABELS = {
    RollUpRule.MAX: _("highest answer of the organization's respondents"),
    RollUpRule.MIN: _("lowest answer of the organization's respondents"),
    RollUpRule.MEDIAN_LOW: _("lower median of the respondents"),
    RollUpRule.MEDIAN_HIGH: _("upper median of the respondents"),
    RollUpRule.MEAN_ROUNDED: _("mean of the respondents, rounded"),
}
SYMMETRIZE_LABELS = {
    SymmetrizeRule.MIN: _("lower of the two sides (conservative)"),
    SymmetrizeRule.MEAN: _("mean of the two sides"),
    SymmetrizeRule.MAX: _("higher of the two sides"),
}
NONRESPONDENT_LABELS = {
    NonRespondentRule.IMPUTE_COUNTERPART: _("use the other side's rating, flagged as imputed"),
    NonRespondentRule.EXCLUDE: _("leave one-sided pairs out"),
}


class WaveForm(forms.ModelForm[Wave]):
    class Meta:
        model = Wave
        fields = ["name", "opens_on", "closes_on", "link_lifetime_days"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", gettext("The wave cannot close before it opens."))
        return data


class RosterForm(forms.Form):
    organizations = forms.ModelMultipleChoiceField(queryset=Organization.objects.none(), required=False)
    respondents = forms.ModelMultipleChoiceField(queryset=Person.objects.none(), required=False)

    def __init__(self, *args: Any, town: Town, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org_field = self.fields["organizations"]
        person_field = self.fields["respondents"]
        assert isinstance(org_field, forms.ModelMultipleChoiceField)
        assert isinstance(person_field, forms.ModelMultipleChoiceField)
        org_field.queryset = Organization.objects.filter(town=town)
        person_field.queryset = Person.objects.filter(town=town)
        self.whole_town = not picks_by_typing(town)
        if not self.whole_town:  # a large town's page lists the roster and its candidates: others are added by name
            self.fields["add_organization"] = forms.ModelChoiceField(
                queryset=Organization.objects.none(), required=False, label=_("Add an organization")
            )
            organization_field(self, "add_organization", Organization.objects.filter(town=town), town, by_typing=True)

    def chosen_organizations(self) -> list[Organization]:
        """The organizations ticked, and the one added by name (a large town)."""
        chosen = list(self.cleaned_data["organizations"])
        added = self.cleaned_data.get("add_organization")
        return chosen + [added] if added is not None and added not in chosen else chosen


class RespondentForm(forms.ModelForm[Person]):
    class Meta:
        model = Person
        fields = ["organization", "full_name", "role_title", "email"]
        labels = {"organization": _("Organization")}  # the model's key has no translated name of its own

    def __init__(self, *args: Any, town: Town, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organization_field(self, "organization", Organization.objects.filter(town=town).order_by("name"), town)
        self.fields["email"].required = True


def _scale(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=SCALE_CHOICES, coerce=int, empty_value=None, required=False)


class AnswerForm(forms.Form):
    """One respondent's answer about one organization. Errors name their field (``named_errors``)."""

    rated = forms.IntegerField(label=_("Organization"))
    rung = forms.TypedChoiceField(
        label=_("Rung"),
        choices=[(str(v), label) for v, label in choices(Rung)],
        coerce=int,
        error_messages={"required": _("Choose a rung."), "invalid_choice": _("Choose a rung from 0 to 5.")},
    )
    domain = forms.CharField(label=_("Domain of activity"), max_length=200, required=False)
    frequency = forms.ChoiceField(
        label=_("Frequency of contact"), choices=[("", "—"), *Frequency.choices], required=False
    )
    trust_reliability = _scale(TRUST_LABELS["trust_reliability"])
    trust_mission = _scale(TRUST_LABELS["trust_mission"])
    trust_openness = _scale(TRUST_LABELS["trust_openness"])
    value_power = _scale(VALUE_LABELS["value_power"])
    value_involvement = _scale(VALUE_LABELS["value_involvement"])
    value_resources = _scale(VALUE_LABELS["value_resources"])
    resources = forms.MultipleChoiceField(label=_("Resources exchanged"), choices=choices(ResourceType), required=False)

    def __init__(self, *args: Any, roster: set[int], own: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.roster, self.own = roster, own
        for name in [*TRUST_LABELS, *VALUE_LABELS]:
            self.fields[name].error_messages["invalid_choice"] = _("Choose a value from 1 to 4.")
        self.fields["resources"].error_messages["invalid_choice"] = _("%(value)s is not a type of resource.")

    def clean_rated(self) -> int:
        rated: int = self.cleaned_data["rated"]
        if rated == self.own:
            raise forms.ValidationError(gettext("You cannot rate your own organization."))
        if rated not in self.roster:
            raise forms.ValidationError(gettext("This organization is not on the survey's list."))
        return rated

    def named_errors(self) -> dict[str, list[str]]:
        """Every error prefixed with its field's label, in the active language."""
        out: dict[str, list[str]] = {}
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else None
            out[name] = [
                gettext("%(field)s: %(error)s") % {"field": label, "error": e} if label else str(e) for e in errors
            ]
        return out


class AnalysisForm(forms.Form):
    """The named rules of one analysis of a wave (GET parameters of the wave page)."""

    rollup = forms.TypedChoiceField(
        label=_("Several respondents"),
        choices=list(ROLLUP_LABELS.items()),
        coerce=RollUpRule,
        initial=RollUpRule.MAX,
        required=False,
        empty_value=RollUpRule.MAX,
    )
    symmetrize = forms.TypedChoiceField(
        label=_("The two sides of a pair"),
        choices=list(SYMMETRIZE_LABELS.items()),
        coerce=SymmetrizeRule,
        initial=SymmetrizeRule.MEAN,
        required=False,
        empty_value=SymmetrizeRule.MEAN,
    )
    nonrespondents = forms.TypedChoiceField(
        label=_("When one side did not answer"),
        choices=list(NONRESPONDENT_LABELS.items()),
        coerce=NonRespondentRule,
        initial=NonRespondentRule.IMPUTE_COUNTERPART,
        required=False,
        empty_value=NonRespondentRule.IMPUTE_COUNTERPART,
    )

    def rules(self) -> tuple[RollUpRule, SymmetrizeRule, NonRespondentRule]:
        if self.is_valid():
            d = self.cleaned_data
            return d["rollup"], d["symmetrize"], d["nonrespondents"]
        return RollUpRule.MAX, SymmetrizeRule.MEAN, NonRespondentRule.IMPUTE_COUNTERPART
