"""Direction-override characters are removed from every text before it is stored.

The embeddings, overrides and isolates of Unicode (U+202A–U+202E, U+2066–U+2069) are invisible, and one left
open in a name reverses the text that follows it on the same line ("עמותת ‮לב" shows the rest of the sentence
backwards). We strip them at input rather than isolate user text where it is shown, because a stored text goes
to many places where an isolating element cannot follow it: pages, PDF reports, CSV/XLSX exports, e-mails, the
API, the map's labels, ``<option>`` texts and ``title`` attributes. One receiver of ``pre_save`` cleans every
text field (and every string inside a JSON field) of every Shutafut model, whatever wrote it (a form, the API, the
command line, a survey answer); imports clean their cells the same way (``reports.importers.clean_cell``).
Direction *marks* (U+200E, U+200F) are kept: they are ordinary characters of Hebrew text and reverse nothing.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models

DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_direction_controls(text: str) -> str:
    return DIRECTION_CONTROLS.sub("", text)


def _cleaned(value: Any) -> Any:
    """The value with direction controls stripped from every string in it (JSON lists and objects included)."""
    if isinstance(value, str):
        return strip_direction_controls(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {_cleaned(key): _cleaned(item) for key, item in value.items()}
    return value


def on_pre_save(sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    """Strip direction controls from the text fields of a Shutafut model (a restore's raw rows are kept as they are)."""
    if raw or not sender.__module__.startswith("shutafut."):
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField | models.JSONField):
            value = getattr(instance, field.attname)
            if value is not None and not isinstance(value, bool | int | float):
                setattr(instance, field.attname, _cleaned(value))
