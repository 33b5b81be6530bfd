"""Forms of the guide app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class BusinessConcernsForm(forms.Form):
    he = forms.CharField(
        label=_("Concerns in Hebrew"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "rtl", "lang": "he"}),
        help_text=_("One concern a line."),
    )
    en = forms.CharField(
        label=_("Concerns in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "ltr", "lang": "en"}),
        help_text=_("The same concerns in the same order, one a line."),
    )
