"""Choosing one of the town's organizations in a form, whatever the size of the town.

A town of a few hundred organizations gets the ordinary ``<select>``. A larger one (``PICKER_FROM`` and up: a city
with the national nonprofit list imported has 20,000) would make every form that names an organization a page of
megabytes, so its field becomes a text box instead: the person types a name or a registry number, suggestions
come from ``organization-suggest`` as they type (``organizations/picker.js``; a ``<datalist>``, so the browser
shows them accessibly), and without JavaScript the exact name or number still works. The box shows an
organization as ``name (registry number)``; what is typed is resolved to the organization in ``value_from_datadict``,
so the form's own ``ModelChoiceField`` validates the result as it validates a ``<select>``'s.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from shutafut.accounts.models import Town
from shutafut.lib.forms import model_choice
from shutafut.organizations.models import Organization

PICKER_FROM = 300
"""From this many organizations in the town, forms pick an organization by typing, not from a list."""

_NUMBER_AT_END = re.compile(r"\((\d{5,12})\)\s*$")


def picker_label(organization: Organization) -> str:
    """How the text box shows an organization: its name, and its registry number when it has one."""
    number = organization.registry_number
    return f"{organization.name} ({number})" if number else organization.name


def resolve(queryset: QuerySet[Organization], text: str) -> Organization | None:
    """The one organization of ``queryset`` that ``text`` names: a registry number (alone, or in parentheses at
    the end, as ``picker_label`` writes it), else an exact name (case and surrounding spaces aside)."""
    text = " ".join(text.split())
    if not text:
        return None
    number = _NUMBER_AT_END.search(text)
    if number or text.isdigit():
        found = queryset.filter(registry_number=number.group(1) if number else text)
    else:
        found = queryset.filter(name__iexact=text)
    matches = list(found[:2])
    return matches[0] if len(matches) == 1 else None


class Unmatched(str):
    """What was typed and named no organization. Its value starts with "?", so that no key equals it: a typed
    number that is not a registry number is refused, not taken for an organization's key."""

    typed: str

    def __new__(cls, typed: str) -> Unmatched:
        value = super().__new__(cls, "?" + typed)
        value.typed = typed
        return value


class OrganizationPicker(forms.TextInput):
    template_name = "organizations/widgets/picker.html"

    def __init__(self, queryset: QuerySet[Organization], suggest_url: str, attrs: dict[str, Any] | None = None):
        super().__init__(attrs={"autocomplete": "off", "data-organization-picker": suggest_url, **(attrs or {})})
        self.queryset = queryset

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        text = str(data.get(name, "") or "").strip()
        found = resolve(self.queryset, text)
        if found is not None:
            return found.pk
        return Unmatched(text) if text else ""

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Unmatched):
            return value.typed  # shown again as typed, beside the field's error
        if isinstance(value, int):  # an organization's key: the initial value, or what was resolved
            found = self.queryset.filter(pk=value).first()
            return picker_label(found) if found is not None else None
        return None

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs'].get('id', name)}-suggestions"
        return context


def picks_by_typing(town: Town) -> bool:
    """Whether ``town`` is large enough (``PICKER_FROM``) for its forms to pick organizations by typing."""
    return Organization.objects.filter(town=town).count() >= PICKER_FROM


def organization_field(
    form: forms.BaseForm, name: str, queryset: QuerySet[Organization], town: Town, *, by_typing: bool | None = None
) -> None:
    """Give the form's organization field ``name`` its choices; in a large town, the typing picker. A form with
    several such fields passes ``by_typing`` (``picks_by_typing``) once for all."""
    field = model_choice(form, name)
    field.queryset = queryset
    if not (picks_by_typing(town) if by_typing is None else by_typing):
        return
    field.widget = OrganizationPicker(queryset, reverse("organization-suggest", kwargs={"town": town.slug}))
    field.help_text = _("Type part of the name or the registry number, then choose from the list.")
    field.error_messages["invalid_choice"] = _(
        "No organization of the town has this exact name or registry number: choose one from the list."
    )
