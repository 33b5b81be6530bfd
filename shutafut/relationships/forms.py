from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from shutafut.accounts.models import Town
from shutafut.lib.forms import carry_version
from shutafut.organizations.models import Organization
from shutafut.organizations.picker import organization_field, picks_by_typing
from shutafut.relationships.models import Relationship


class RelationshipForm(forms.ModelForm[Relationship]):
    class Meta:
        model = Relationship
        fields = [
            "org_a",
            "org_b",
            "domain",
            "rung",
            "target_rung",
            "competitive_tension",
            "observed_on",
            "notes",
        ]
        widgets = {
            "observed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, town: Town, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organizations = Organization.objects.filter(town=town).order_by("name")
        by_typing = picks_by_typing(town)
        organization_field(self, "org_a", organizations, town, by_typing=by_typing)
        organization_field(self, "org_b", organizations, town, by_typing=by_typing)
        if self.instance.pk is None:
            self.initial["observed_on"] = self.initial.get("observed_on") or timezone.localdate()
        carry_version(self, self.instance)
