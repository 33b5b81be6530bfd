"""Where each piece of the model comes from: one vocabulary of sources, shown in words on every page.

Every item of the model that can come from more than one place names its ``Source``: the 2007 guide (read
through the Center for Local Sustainability's summary), the Negev project that presented the ladder, the
Elka toolkit, another named source (Wilder, PARTNER, TPI, Frey, Himmelman), a town's own setting, or our own
proposal. Pages render ``Source.label`` next to the item, and ``Source.credit`` where the source is cited in
full, so the same words are used everywhere (docs/model.md, "Provenance").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shutafut.model.text import Text


class Source(StrEnum):
    GUIDE = "guide"
    """The Guide to Cross-Sector Partnerships (2007), as the Center for Local Sustainability summarises it."""
    NEGEV_PROJECT = "negev_project"
    """The Negev sustainable local economy project, which presented the relationship ladder."""
    ELKA_TOOLKIT = "elka_toolkit"
    """The later Elka partnership toolkit (its six stages)."""
    WILDER = "wilder"
    PARTNER = "partner"
    TPI = "tpi"
    FREY = "frey"
    HIMMELMAN = "himmelman"
    TOWN = "town"
    """The town's own setting (e.g. its list of business concerns)."""
    OURS = "ours"
    """Our proposal: consistent with the sources, but not stated by them."""

    @property
    def info(self) -> SourceInfo:
        return SOURCES[self]

    @property
    def label(self) -> Text:
        return SOURCES[self].label

    @property
    def credit(self) -> Text:
        return SOURCES[self].credit

    @property
    def is_ours(self) -> bool:
        return self is Source.OURS


@dataclass(frozen=True, slots=True)
class SourceInfo:
    source: Source
    label: Text
    """Short, shown next to an item: "from the guide", "our proposal"."""
    credit: Text
    """The full citation: who, what, when."""


GUIDE_TITLE = Text("המדריך לשותפויות בין מגזרים", "The Guide to Cross-Sector Partnerships")

SOURCES: dict[Source, SourceInfo] = {
    s.source: s
    for s in (
        SourceInfo(
            Source.GUIDE,
            Text("מתוך המדריך", "from the guide"),
            Text(
                'המדריך לשותפויות בין מגזרים, בהוצאת אלכ"א, ציונות 2000 ו"שיתופים" (2007), כפי שמסכם אותו'
                ' המרכז לקיימות מקומית בעמוד "שותפות בין מגזרית – למה ואיך?".',
                "The Guide to Cross-Sector Partnerships, published by Alka, Zionism 2000 and Sheatufim (2007),"
                ' as summarised by the Center for Local Sustainability in its page "Cross-sector partnership –'
                ' why and how?".',
            ),
        ),
        SourceInfo(
            Source.NEGEV_PROJECT,
            Text("מתוך פרויקט הכלכלה המקומית המקיימת בנגב", "from the Negev sustainable local economy project"),
            Text(
                "פרויקט הכלכלה המקומית המקיימת בנגב (לפי סיכום המרכז לקיימות מקומית)",
                "the Negev sustainable local economy project (as the Center for Local Sustainability reports)",
            ),
        ),
        SourceInfo(
            Source.ELKA_TOOLKIT,
            Text('מתוך ערכת הכלים לשותפויות של אלכ"א', "from the Elka partnership toolkit"),
            Text(
                'ערכת הכלים לשותפויות של אלכ"א, ממשיכת המדריך, ובה שישה שלבים בחיי שותפות.',
                "The Elka partnership toolkit, a later work of the guide's lineage, with six stages in the life"
                " of a partnership.",
            ),
        ),
        SourceInfo(
            Source.WILDER,
            Text("בהשראת שאלון וילדר", "after the Wilder inventory"),
            Text(
                "שאלון גורמי שיתוף הפעולה של מכון וילדר (מטסיץ' ועמיתיו).",
                "The Wilder Collaboration Factors Inventory (Mattessich and colleagues).",
            ),
        ),
        SourceInfo(
            Source.PARTNER,
            Text("בהשראת PARTNER", "after PARTNER"),
            Text(
                "כלי PARTNER לניתוח רשתות שיתוף פעולה (דניאל ורדה, אוניברסיטת קולורדו).",
                "The PARTNER tool for collaboration networks (Danielle Varda, University of Colorado).",
            ),
        ),
        SourceInfo(
            Source.TPI,
            Text("בהשראת TPI", "after TPI"),
            Text(
                "מיזם השותפויות TPI (רוס טניסון): ארגז הכלים לשותפויות ובדיקת הבריאות שלהן.",
                "The Partnering Initiative (Ros Tennyson): The Partnering Toolbook and its health check.",
            ),
        ),
        SourceInfo(
            Source.FREY,
            Text("לפי סולם פריי", "from Frey's scale"),
            Text(
                "סולם רמות שיתוף הפעולה של פריי ועמיתיו (2006).",
                "Frey and colleagues' Levels of Collaboration Scale (2006).",
            ),
        ),
        SourceInfo(
            Source.HIMMELMAN,
            Text("לפי הימלמן", "from Himmelman"),
            Text("רצף שיתוף הפעולה של הימלמן.", "Himmelman's collaboration continuum."),
        ),
        SourceInfo(
            Source.TOWN,
            Text("נקבע ברשות", "set by the town"),
            Text("הגדרה של הרשות המקומית עצמה.", "The town's own setting."),
        ),
        SourceInfo(
            Source.OURS,
            Text("הצעה שלנו", "our proposal"),
            Text(
                "הצעה של שותפות (התוכנה): מתיישבת עם המקורות, אך אינה כתובה בהם.",
                "A proposal of Shutafut (this software): consistent with the sources, but not stated by them.",
            ),
        ),
    )
}

SUMMARY_NOTE = Text(
    "הטקסט המלא של המדריך לא היה זמין לנו; קראנו את הסיכום של המרכז לקיימות מקומית, ומה שמסומן כאן"
    ' "מתוך המדריך" נכתב במילים שלנו על פי הסיכום הזה.',
    "We could not read the guide's full text; we read the Center for Local Sustainability's summary, and"
    ' what is marked "from the guide" here is written in our own words after that summary.',
)
"""Said wherever the guide is credited: what we actually read."""
