"""The relationship ladder between two organizations (domain.md §2).

The six names and their order come from the Negev sustainable local economy project (``Source.NEGEV_PROJECT``);
the sources define none of them, so every summary and definition here is our proposal (``Source.OURS``).

Six rungs, from disconnection to partnership. Order values 0..5 match the crosswalk of peers.md §1.14
(0 = disconnection). ``competition`` is not a step up in intensity: statistics that treat rungs as numbers
decide explicitly what to do with it (see ``CompetitionRule``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from shutafut.model.provenance import Source
from shutafut.model.text import Text


class Rung(IntEnum):
    DISCONNECTION = 0
    COMPETITION = 1
    INFORMING = 2
    COORDINATION = 3
    COOPERATION = 4
    PARTNERSHIP = 5

    @property
    def code(self) -> str:
        return self.name.lower()

    @classmethod
    def from_code(cls, code: str) -> Rung:
        """Return the rung whose code (e.g. "coordination") or order (e.g. "3") is ``code``.

        Raises ``ValueError`` naming the allowed codes when it is neither.
        """
        text = code.strip().lower()
        if text.isdigit() and int(text) in cls._value2member_map_:
            return cls(int(text))
        for rung in cls:
            if rung.code == text:
                return rung
        allowed = ", ".join(r.code for r in cls)
        raise ValueError(f"{code!r} is not a rung of the ladder (allowed: {allowed}, or 0-5)")

    @property
    def info(self) -> RungInfo:
        return RUNGS[self]

    @property
    def label(self) -> Text:
        return RUNGS[self].name


class CompetitionRule(StrEnum):
    """What numeric statistics do with the competition rung (peers.md §1.14)."""

    AS_ZERO = "as_zero"
    """Count competition as 0, like disconnection (the default: it is not collaboration)."""
    EXCLUDE = "exclude"
    """Leave pairs at competition out of numeric means."""
    AS_ORDER = "as_order"
    """Use its order value 1 as is."""


@dataclass(frozen=True, slots=True)
class RungInfo:
    rung: Rung
    name: Text
    summary: Text
    """One line, shown next to the rung in survey forms."""
    definition: Text
    """The operational definition (domain.md §2.2), in our own words."""
    name_source: Source = Source.NEGEV_PROJECT
    """The rung's name and its place in the order: the Negev project's ladder, as the Center reports it."""
    definition_source: Source = Source.OURS
    """The summary and the definition: the sources give the rungs as names only, so both are ours."""


RUNGS: dict[Rung, RungInfo] = {
    Rung.DISCONNECTION: RungInfo(
        Rung.DISCONNECTION,
        Text("נתק", "Disconnection"),
        Text("אין קשר בתחום בשנה האחרונה.", "No contact in this field in the past year."),
        Text(
            "הארגונים אינם מכירים זה את זה, או מכירים אך לא היה ביניהם שום מגע בתחום הפעולה בתקופת הבדיקה"
            " (ברירת מחדל: 12 חודשים).",
            "The organizations do not know each other, or know of each other but had no interaction in the"
            " field during the review period (12 months by default).",
        ),
    ),
    Rung.COMPETITION: RungInfo(
        Rung.COMPETITION,
        Text("תחרות", "Competition"),
        Text("מתחרים על אותם משאבים, בלי לדבר.", "Rivals for the same resources, without talking."),
        Text(
            "הארגונים פועלים באותו שדה והיחס העיקרי ביניהם הוא יריבות על משאבים מוגבלים (קולות קוראים,"
            " מכרזים, תורמים, מוטבים, תשומת לב). אין זרימת מידע דו-כיוונית קבועה ואין תיאום.",
            "The organizations meet in the same field and the dominant relation is rivalry over scarce"
            " things (funding calls, tenders, donors, beneficiaries, attention). There is no regular two-way"
            " information flow and no coordination.",
        ),
    ),
    Rung.INFORMING: RungInfo(
        Rung.INFORMING,
        Text("יידוע", "Informing"),
        Text("מעדכנים זה את זה, בלי לשנות פעילות.", "Keep each other informed, without changing what they do."),
        Text(
            "יש זרימת מידע מכוונת, לפחות חד-כיוונית ובדרך כלל דו-כיוונית: עדכונים, הזמנות לאירועים, שיתוף"
            " תוכניות או נתונים. אין התאמת פעילות, אין איגום משאבים ואין החלטות משותפות.",
            "There is deliberate information flow, at least one-way and usually two-way: updates,"
            " invitations, shared plans or data. No adjustment of activities, no pooled resources, no shared"
            " decisions.",
        ),
    ),
    Rung.COORDINATION: RungInfo(
        Rung.COORDINATION,
        Text("תיאום", "Coordination"),
        Text(
            "משנים פעילות בגלל השני; המשאבים וההחלטות נפרדים.",
            "Adjust activities to each other; resources and decisions stay separate.",
        ),
        Text(
            "מידע זורם בשני הכיוונים, ולפחות אחד הצדדים שינה פעילות בגלל הצד השני: מניעת כפילות, חלוקת"
            " אוכלוסיות יעד, תיאום לוחות זמנים. המשאבים נשארים נפרדים וכל צד מחליט לבדו על פעילותו.",
            "Information flows both ways, and at least one party changed an activity because of the other:"
            " avoiding duplication, splitting target groups, aligning timetables. Resources stay separate"
            " and each party still decides alone about its own activities.",
        ),
    ),
    Rung.COOPERATION: RungInfo(
        Rung.COOPERATION,
        Text("שיתוף פעולה", "Cooperation"),
        Text(
            "משאבים משותפים לפעילות משותפת, בלי כל תנאי השותפות.",
            "Shared resources for a joint activity, without all the conditions of partnership.",
        ),
        Text(
            "תיאום ובנוסף משאבים שאוגמו או הועברו לטובת פעילות משותפת, עם החלטות משותפות על אותה פעילות; אך"
            " לפחות אחד מתנאי השותפות חסר: הפעילות חד-פעמית או קצרת טווח, אין מסגרת מפורשת ומתמשכת, לא כל"
            " השותפים מחליטים, או שמדובר בסוג משאב אחד בלבד.",
            "Coordination plus resources pooled or transferred for a joint activity, with some joint"
            " decisions about it; but at least one condition of partnership is missing: it is one-off or"
            " short-term, there is no explicit ongoing framework, not all partners decide, or only one type"
            " of resource is involved.",
        ),
    ),
    Rung.PARTNERSHIP: RungInfo(
        Rung.PARTNERSHIP,
        Text("שותפות", "Partnership"),
        Text(
            "מסגרת מפורשת ומתמשכת: משאבים מסוגים שונים, כולם מחליטים, לטובת הציבור.",
            "An explicit, ongoing framework: resources of different types, all decide, for the public good.",
        ),
        Text(
            "כל תנאי השותפות מתקיימים: מסגרת מפורשת ומתמשכת, הכוונה משותפת של משאבים מסוגים שונים, מעורבות"
            " כל השותפים בקבלת ההחלטות ופעולה לתועלת הקהילה. בשותפות בין-מגזרית השותפים באים משני מגזרים"
            " לפחות.",
            "Every condition of partnership holds: an explicit, ongoing framework; joint direction of"
            " resources of different types; all partners take part in decisions; action for the community's"
            " benefit. In a cross-sector partnership the partners come from at least two sectors.",
        ),
    ),
}
