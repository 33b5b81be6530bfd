from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from shutafut.lib.choices import choices
from shutafut.lib.forms import carry_version
from shutafut.model.resources import ResourceType
from shutafut.organizations.models import Organization, Person


class OrganizationForm(forms.ModelForm[Organization]):
    resources_offered = forms.MultipleChoiceField(
        label=_("resources it offers"),
        choices=choices(ResourceType),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            "name",
            "name_en",
            "sector",
            "subtype",
            "legal_form",
            "hybrid",
            "registry_number",
            "locality",
            "fields_of_activity",
            "resources_offered",
            "description",
            "website",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        carry_version(self, self.instance)


class PersonForm(forms.ModelForm[Person]):
    class Meta:
        model = Person
        fields = ["full_name", "role_title", "email", "phone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        carry_version(self, self.instance)
