"""Israeli registry numbers: which prefixes belong to which legal form, and the check digit.

Amutot (58…), companies (51…; public-benefit companies are companies too), cooperatives (57…) and endowments
(50…) carry nine digits whose last is a check digit computed like the Israeli ID number: digits weighted
1, 2, 1, 2, … from the left, two-digit products replaced by the sum of their digits, total divisible by 10.
Local authorities are identified by their CBS symbol instead, which has no check digit.
"""

from __future__ import annotations

from shutafut.model.i18n import _

NINE_DIGIT_PREFIXES: dict[str, tuple[str, ...]] = {
    "amuta": ("58",),
    "public_benefit_company": ("51", "52", "58"),
    "company": ("51", "52", "53", "54", "55", "56"),
    "cooperative": ("57",),
    "endowment": ("50",),
}


def check_digit_ok(number: str) -> bool:
    """Return True when the nine-digit ``number`` has a valid Israeli check digit."""
    if len(number) != 9 or not number.isdigit():
        return False
    total = 0
    for index, char in enumerate(number):
        product = int(char) * (1 + index % 2)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def normalize(number: str) -> str:
    """Strip spaces, dashes and stray direction marks that spreadsheets add."""
    return "".join(ch for ch in number if ch.isdigit())


def registry_problem(legal_form: str, number: str) -> str | None:
    """Return an English description of what is wrong with ``number`` for ``legal_form``, or None if fine.

    The caller translates it; the strings here are msgids of the organizations catalog.
    """
    if not number:
        return None
    prefixes = NINE_DIGIT_PREFIXES.get(legal_form)
    if prefixes is None:
        return None if number.isdigit() else _("A registry number has digits only.")
    if len(number) != 9:
        return _("A registry number of this legal form has nine digits.")
    if not number.startswith(prefixes):
        return _("This registry number does not belong to this legal form (wrong prefix).")
    if not check_digit_ok(number):
        return _("The check digit of this registry number is wrong.")
    return None
