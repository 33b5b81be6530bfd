"""The kinds of background work a town's people start, with the titles their status pages show.

A new kind of job is one line here (the slug is stored on the job; the title is translated when shown).
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

KINDS: dict[str, Promise] = {
    "import-organizations": _("Import of organizations"),
    "import-funding": _("Import of funding flows"),
    "town-pdf": _("Town report (PDF)"),
    "partnership-pdf": _("Partnership report (PDF)"),
    "network-map": _("Relationship map (layout and measures)"),
}
