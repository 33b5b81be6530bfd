"""The three sectors that meet locally, and their subtypes (domain.md §1.2)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from shutafut.model.text import Text


class Sector(StrEnum):
    PUBLIC = "public"
    THIRD = "third"
    BUSINESS = "business"

    @property
    def label(self) -> Text:
        return SECTOR_LABELS[self]


SECTOR_LABELS: dict[Sector, Text] = {
    Sector.PUBLIC: Text("המגזר הציבורי", "Public sector"),
    Sector.THIRD: Text("המגזר השלישי", "Third sector"),
    Sector.BUSINESS: Text("המגזר העסקי", "Business sector"),
}


@dataclass(frozen=True, slots=True)
class Subtype:
    code: str
    sector: Sector
    label: Text
    proposed: bool = False
    """True where the classification is our own modelling rule ([P] in domain.md), not the sources'."""


SUBTYPES: tuple[Subtype, ...] = (
    Subtype("local_authority", Sector.PUBLIC, Text("רשות מקומית", "Local authority")),
    Subtype("authority_department", Sector.PUBLIC, Text("מחלקה או אגף ברשות", "Authority department")),
    Subtype("ministry", Sector.PUBLIC, Text("משרד ממשלתי", "Government ministry")),
    Subtype("ministry_unit", Sector.PUBLIC, Text("יחידה במשרד ממשלתי", "Ministry unit")),
    Subtype("statutory_body", Sector.PUBLIC, Text("גוף סטטוטורי או ממלכתי", "Statutory or state body")),
    Subtype("regional_cluster", Sector.PUBLIC, Text("אשכול רשויות", "Regional cluster of authorities")),
    Subtype(
        "municipal_company",
        Sector.PUBLIC,
        Text("חברה כלכלית עירונית", "Municipal economic company"),
        proposed=True,
    ),
    Subtype("nonprofit", Sector.THIRD, Text("עמותה", "Nonprofit (amuta)")),
    Subtype("public_benefit_company", Sector.THIRD, Text('חברה לתועלת הציבור (חל"צ)', "Public-benefit company")),
    Subtype("cooperative", Sector.THIRD, Text("אגודה שיתופית", "Cooperative")),
    Subtype("endowment", Sector.THIRD, Text("הקדש", "Endowment (hekdesh)")),
    Subtype("foundation", Sector.THIRD, Text("קרן או פילנתרופיה", "Foundation or philanthropy")),
    Subtype("community_group", Sector.THIRD, Text("קבוצה קהילתית בלתי פורמלית", "Informal community group")),
    Subtype("self_help_group", Sector.THIRD, Text("קבוצה לעזרה עצמית", "Self-help group")),
    Subtype("volunteers", Sector.THIRD, Text("מתנדבים", "Volunteers")),
    Subtype(
        "resident_representative",
        Sector.THIRD,
        Text("נציגות תושבים", "Resident representatives"),
        proposed=True,
    ),
    Subtype("corporation", Sector.BUSINESS, Text("חברה עסקית", "Business company")),
    Subtype("small_business", Sector.BUSINESS, Text("עסק קטן ומקומי", "Small local business")),
    Subtype("social_business", Sector.BUSINESS, Text("עסק חברתי", "Social business")),
)

SUBTYPES_BY_CODE: dict[str, Subtype] = {s.code: s for s in SUBTYPES}


def subtypes_of(sector: Sector) -> tuple[Subtype, ...]:
    """Return the subtypes that belong to ``sector``, in display order."""
    return tuple(s for s in SUBTYPES if s.sector is sector)


class LegalForm(StrEnum):
    """How an organization is incorporated (domain.md §1.2), recorded beside sector and subtype."""

    LOCAL_AUTHORITY = "local_authority"
    GOVERNMENT = "government"
    STATUTORY = "statutory"
    AMUTA = "amuta"
    PUBLIC_BENEFIT_COMPANY = "public_benefit_company"
    COOPERATIVE = "cooperative"
    ENDOWMENT = "endowment"
    COMPANY = "company"
    PARTNERSHIP_FIRM = "partnership_firm"
    SOLE_TRADER = "sole_trader"
    INFORMAL = "informal"

    @property
    def label(self) -> Text:
        return LEGAL_FORM_LABELS[self]


LEGAL_FORM_LABELS: dict[LegalForm, Text] = {
    LegalForm.LOCAL_AUTHORITY: Text(
        "רשות מקומית (עירייה, מועצה מקומית או אזורית)", "Local authority (city, local or regional council)"
    ),
    LegalForm.GOVERNMENT: Text("משרד ממשלתי או יחידה בו", "Government ministry or unit"),
    LegalForm.STATUTORY: Text("תאגיד סטטוטורי", "Statutory corporation"),
    LegalForm.AMUTA: Text("עמותה", "Amuta (registered nonprofit association)"),
    LegalForm.PUBLIC_BENEFIT_COMPANY: Text('חברה לתועלת הציבור (חל"צ)', "Public-benefit company"),
    LegalForm.COOPERATIVE: Text("אגודה שיתופית", "Cooperative society"),
    LegalForm.ENDOWMENT: Text("הקדש", "Endowment (hekdesh)"),
    LegalForm.COMPANY: Text('חברה בע"מ', "Company (limited by shares)"),
    LegalForm.PARTNERSHIP_FIRM: Text("שותפות עסקית רשומה", "Registered business partnership (firm)"),
    LegalForm.SOLE_TRADER: Text("עוסק יחיד (מורשה או פטור)", "Sole trader"),
    LegalForm.INFORMAL: Text("קבוצה שאינה מאוגדת", "Informal, unincorporated group"),
}

USUAL_SECTOR: dict[LegalForm, Sector] = {
    LegalForm.LOCAL_AUTHORITY: Sector.PUBLIC,
    LegalForm.GOVERNMENT: Sector.PUBLIC,
    LegalForm.STATUTORY: Sector.PUBLIC,
    LegalForm.AMUTA: Sector.THIRD,
    LegalForm.PUBLIC_BENEFIT_COMPANY: Sector.THIRD,
    LegalForm.COOPERATIVE: Sector.THIRD,
    LegalForm.ENDOWMENT: Sector.THIRD,
    LegalForm.COMPANY: Sector.BUSINESS,
    LegalForm.PARTNERSHIP_FIRM: Sector.BUSINESS,
    LegalForm.SOLE_TRADER: Sector.BUSINESS,
    LegalForm.INFORMAL: Sector.THIRD,
}
"""The sector a legal form points to when nothing else is known; a suggestion for forms, not a rule."""

HYBRID_SUBTYPES: frozenset[str] = frozenset({"social_business"})
"""Subtypes that straddle two sectors: they keep the sector of their legal form and get ``hybrid=True``."""

COMMUNITY_SUBTYPES: frozenset[str] = frozenset(
    {"community_group", "self_help_group", "volunteers", "resident_representative"}
)
"""Community participants: their own participant kind, counted as third sector for cross-sectorality [P]."""


def suggest_sector(legal_form: LegalForm, *, owned_by_public_body: bool = False) -> Sector:
    """Return the sector to record for an organization of ``legal_form`` (domain.md §1.2 modelling rule [P]).

    The owner decides before the form: a company owned by a local authority (a municipal economic company,
    חכ"ל) is public sector with ``legal_form=company``. A social business takes the sector of its legal form
    (third for an amuta or public-benefit company, business for a company) and is flagged as hybrid.
    """
    if owned_by_public_body:
        return Sector.PUBLIC
    return USUAL_SECTOR[legal_form]


def is_hybrid(subtype_code: str) -> bool:
    """Return True when organizations of this subtype must carry the hybrid flag (social businesses)."""
    return subtype_code in HYBRID_SUBTYPES


def counts_as_sector_for_cross_sectorality(subtype: Subtype | str) -> Sector:
    """Return the sector under which a participant of ``subtype`` counts when a partnership is checked for
    at least two sectors (test T6).

    Community groups, self-help groups, volunteers and resident representatives are recorded as their own
    participant kind but count as third sector [P]. Foundations and donors count as third sector too; whether
    they act as funder or partner is a role, recorded separately, because a donation alone is no partnership.
    Raises ``KeyError`` for an unknown subtype code.
    """
    found = SUBTYPES_BY_CODE[subtype] if isinstance(subtype, str) else subtype
    if found.code in COMMUNITY_SUBTYPES:
        return Sector.THIRD
    return found.sector


def is_cross_sector(sectors: Iterable[Sector]) -> bool:
    """Return True when ``sectors`` (one per member, repeats allowed) hold at least two distinct sectors."""
    return len(set(sectors)) >= 2
