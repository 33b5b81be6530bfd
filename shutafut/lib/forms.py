"""Typed access to a form's fields, for the forms that narrow a field's queryset or choices to one town or one
partnership when they are built (``form.fields`` is typed as plain ``Field``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import QueryDict
from django.utils.translation import gettext

from shutafut.lib.versions import StaleVersion, version_of, what_changed


def model_choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's field ``name``, a (multiple) model choice field whose queryset the form sets."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    return field


def choice(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """The form's field ``name``, a choice field whose choices the form sets."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    return field


AS_OF = "as_of"
"""The hidden field of an edit form that carries the version of the record it was drawn from (``lib.versions``)."""


def carry_version(form: forms.BaseForm, instance: Model | None) -> None:
    """Give an edit form of a stored ``instance`` its version (``as_of``); a form that creates a record has none.

    The services take ``as_of`` with the other cleaned fields and pass it to ``model_update`` / ``model_delete``.
    """
    if instance is not None and instance.pk is not None:
        form.fields[AS_OF] = forms.CharField(widget=forms.HiddenInput, required=False, initial=version_of(instance))


def add_refusal(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's refusal on the form: by field when it names one of the form's fields, otherwise above it.

    A stale save (``StaleVersion``) also lists what changed meanwhile, each field with the value stored now (one
    line each, above the form), and moves the form's version to the stored one, so that saving again (after
    checking) overwrites knowingly. What the user typed stays in the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)
    if isinstance(exc, StaleVersion) and AS_OF in form.fields:
        data = form.data.copy() if isinstance(form.data, QueryDict) else dict(form.data)
        data[form.add_prefix(AS_OF)] = exc.version
        form.data = data
        for label, value in what_changed(exc):
            now = gettext("%(field)s is now: %(value)s") % {"field": label, "value": value}
            form.add_error(None, ValidationError(now, code="stale"))
