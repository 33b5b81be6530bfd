"""Forms of the accounts app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from shutafut.accounts.access import towns_of
from shutafut.accounts.models import Town
from shutafut.accounts.services import DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIMES_DAYS


def _days(days: int) -> str:
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


# Translated when shown, in the reader's language (a ``ngettext_lazy(...) % values`` is translated at once).
days_label = lazy(_days, str)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("What the token is for, e.g. the program that will use it.")
    )
    town = forms.ModelChoiceField(
        label=_("Town"),
        queryset=Town.objects.none(),
        empty_label=None,
        help_text=_("The token works in this town only."),
    )
    lifetime_days = forms.TypedChoiceField(
        label=_("Valid for"),
        coerce=int,
        initial=DEFAULT_TOKEN_LIFETIME_DAYS,
        choices=[(d, days_label(d)) for d in TOKEN_LIFETIMES_DAYS],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = towns_of(user)  # type: ignore[attr-defined]  # (a Field has no queryset)
