"""The three sectors that meet locally, and their subtypes (domain.md §1.2)."""

from __future__ import annotations

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
    Subtype(
        "public_benefit_company", Sector.THIRD, Text('חברה לתועלת הציבור (חל"צ)', "Public-benefit company")
    ),
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
