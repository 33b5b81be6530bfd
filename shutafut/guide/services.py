"""Writes of the guide app: a town's own list of business-sector concerns (coordinators only, audited)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from shutafut.accounts.access import membership_in
from shutafut.accounts.models import Role, Town
from shutafut.guide.models import SectorTableSetting
from shutafut.lib.services import model_create, model_update
from shutafut.model.sector_table import PROPOSED_BUSINESS_CONCERNS

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

MAX_CONCERNS = 20
MAX_LENGTH = 200


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _name_for(he: str, en: str, known: dict[tuple[str, str], str], taken: set[str]) -> str:
    """Keep the name of an item whose words did not change (so records keep pointing at it); else make one."""
    for (k_he, k_en), name in known.items():
        if (he == k_he or en == k_en) and name not in taken:
            return name
    base = re.sub(r"[^a-z0-9]+", "_", slugify(en)).strip("_")[:40] or "concern"
    name, n = base, 2
    while name in taken or name in known.values():
        name, n = f"{base}_{n}", n + 1
    return name


@transaction.atomic
def business_concerns_set(*, town: Town, he: str, en: str, by: AbstractBaseUser) -> SectorTableSetting:
    """Set ``town``'s business-sector concerns from two lists, one item a line, the n-th lines matching.

    Both lists empty go back to the model's proposal. Refused, with the line named, when the lists differ in
    length or a line is too long; nothing is saved then.
    """
    membership = membership_in(by, town.pk)
    if membership is None or not membership.allows(Role.COORDINATOR):
        raise ValidationError(gettext("Only the town's coordinator can change its sector table."))
    he_lines, en_lines = _lines(he), _lines(en)
    errors: dict[str, list[str]] = {}
    first_unmatched = min(len(he_lines), len(en_lines)) + 1
    if len(he_lines) > len(en_lines):
        errors["en"] = [
            gettext("Line %(line)s of the Hebrew list has no matching line in the English list.")
            % {"line": first_unmatched}
        ]
    elif len(en_lines) > len(he_lines):
        errors["he"] = [
            gettext("Line %(line)s of the English list has no matching line in the Hebrew list.")
            % {"line": first_unmatched}
        ]
    if len(he_lines) > MAX_CONCERNS:
        errors.setdefault("he", []).append(gettext("A town can list up to %(n)s concerns.") % {"n": MAX_CONCERNS})
    for field, lines in (("he", he_lines), ("en", en_lines)):
        for number, text in enumerate(lines, start=1):
            if len(text) > MAX_LENGTH:
                errors.setdefault(field, []).append(
                    gettext("Line %(line)s is longer than %(n)s characters.") % {"line": number, "n": MAX_LENGTH}
                )
    if errors:
        raise ValidationError(errors)

    setting = SectorTableSetting.objects.select_for_update().filter(town=town).first()
    current = list(setting.business_concerns) if setting else []
    former = list(setting.former_concerns) if setting else []
    known = {(e["he"], e["en"]): e["name"] for e in [*current, *former]}
    known |= {(i.text.he, i.text.en): i.code.rsplit(".", 1)[1] for i in PROPOSED_BUSINESS_CONCERNS}
    taken: set[str] = set()
    entries = []
    for line_he, line_en in zip(he_lines, en_lines, strict=True):
        name = _name_for(line_he, line_en, known, taken)
        taken.add(name)
        entries.append({"name": name, "he": line_he, "en": line_en})
    kept = {e["name"] for e in entries}
    dropped = [e for e in current if e["name"] not in kept]
    former = [e for e in former if e["name"] not in kept] + dropped
    if setting is None:
        return model_create(
            SectorTableSetting, town=town, business_concerns=entries, former_concerns=former, updated_by=by
        )
    return model_update(setting, business_concerns=entries, former_concerns=former, updated_by=by)
