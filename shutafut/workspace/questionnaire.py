"""The health survey's items: two Likert items (1–5) per principle of the guide, and three trust items (1–4).

The principle items are our wording of each principle's content in domain.md §4 [P]; the trust items follow the
three trust items of the relationship survey (reliable, supports the shared mission, open to discussion), after
the PARTNER tool [S: peers.md].
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from shutafut.model.principles import Principle

PRINCIPLE_ITEMS: tuple[tuple[str, Principle, StrOrPromise], ...] = (
    ("p1a", Principle.P1, _("Each sector's place and role in the partnership is clear and respected.")),
    ("p1b", Principle.P1, _("The public body's statutory decisions are kept apart from the joint decisions.")),
    ("p2a", Principle.P2, _("The partnership is led by a public goal that all partners share.")),
    ("p2b", Principle.P2, _("My organization has a real interest in the partnership's focus and can influence it.")),
    ("p3a", Principle.P3, _("All partners take part in the partnership's decisions.")),
    ("p3b", Principle.P3, _("The partners steer resources of different kinds together.")),
    ("p4a", Principle.P4, _("I know what each partner contributes and expects.")),
    ("p4b", Principle.P4, _("Roles and responsibilities in the partnership are clear.")),
    ("p5a", Principle.P5, _("The concerns of my organization are heard and addressed.")),
    ("p5b", Principle.P5, _("The partnership's benefit to the community justifies the effort it takes.")),
    ("p6a", Principle.P6, _("The partners understand the differences in how each organization works.")),
    ("p6b", Principle.P6, _("We have agreed working norms that bridge those differences.")),
)

TRUST_ITEMS: tuple[tuple[str, StrOrPromise], ...] = (
    ("trust_reliable", _("The partners are reliable.")),
    ("trust_mission", _("The partners support the shared mission.")),
    ("trust_open", _("The partners are open to discussion.")),
)

LIKERT_LABELS: tuple[tuple[int, StrOrPromise], ...] = (
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
)

TRUST_LABELS: tuple[tuple[int, StrOrPromise], ...] = (
    (1, _("Not at all")),
    (2, _("A little")),
    (3, _("Fairly")),
    (4, _("Very much")),
)


def principle_scales() -> dict[str, list[str]]:
    """Scale name (principle value) → its item codes."""
    scales: dict[str, list[str]] = {}
    for code, principle, _text in PRINCIPLE_ITEMS:
        scales.setdefault(principle.value, []).append(code)
    return scales


TRUST_SCALE = "trust"
TRUST_CODES = [code for code, _text in TRUST_ITEMS]
