"""The sector table: what each sector brings to a partnership, gains from it and fears (domain.md §5).

The public and third-sector rows and the business sector's contributions and benefits come from the guide's
table [S]; how the business sector's five items split into contributions and benefits is our reading of the
table's layout (``SectorRow.split_source``). The guide's cell for business-sector concerns could not be read,
so that list is our proposal [P]: every item in it has ``proposed=True``, and a town can replace it with
``SectorTable.with_business_concerns`` (its items then say ``Source.TOWN``).

Each item has a stable dotted code (``<sector>.<column>.<name>``) that records store, and, where the item
names a concrete resource, the ``ResourceType`` values it stands for, so that what one partner expects can be
compared with what another offers (indicator I4.2).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from shutafut.model.provenance import Source
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector
from shutafut.model.text import Text


class Column(StrEnum):
    CONTRIBUTION = "contribution"
    BENEFIT = "benefit"
    CONCERN = "concern"

    @property
    def label(self) -> Text:
        return COLUMN_LABELS[self]


COLUMN_LABELS: dict[Column, Text] = {
    Column.CONTRIBUTION: Text("תרומות לשותפות", "Contributions to the partnership"),
    Column.BENEFIT: Text("תועלות מהשותפות", "Benefits from the partnership"),
    Column.CONCERN: Text("חששות מהשותפות", "Concerns about the partnership"),
}


@dataclass(frozen=True, slots=True)
class TableItem:
    code: str
    """Stable, e.g. "public.contribution.legitimacy"; records store it."""
    text: Text
    resource_types: tuple[ResourceType, ...] = ()
    """The resource types the item names; empty where it names none or is too general to match."""
    proposed: bool = False
    """True where the item is not in the guide's table ([P]): our proposal, or a town's own item."""
    note: Text | None = None
    source: Source | None = None
    """Set only for a town's own items (``Source.TOWN``); otherwise ``provenance`` follows ``proposed``."""

    def __post_init__(self) -> None:
        if self.source is not None and (self.source is Source.GUIDE) == self.proposed:
            raise ValueError(f"item {self.code!r}: source {self.source} does not agree with proposed={self.proposed}")

    @property
    def provenance(self) -> Source:
        """Where the item comes from: the guide's table, our proposal, or the town."""
        if self.source is not None:
            return self.source
        return Source.OURS if self.proposed else Source.GUIDE

    @property
    def sector(self) -> Sector:
        return Sector(self.code.split(".", 1)[0])

    @property
    def column(self) -> Column:
        return Column(self.code.split(".")[1])


@dataclass(frozen=True, slots=True)
class SectorRow:
    sector: Sector
    contributions: tuple[TableItem, ...]
    benefits: tuple[TableItem, ...]
    concerns: tuple[TableItem, ...]
    split_source: Source = Source.GUIDE
    """Who put each item in its column: the guide's table, or our reading of a layout that allows another."""
    notes: tuple[Text, ...] = ()
    """Notes on the row as a whole (how it was read, what is missing from the source)."""

    def items(self, column: Column) -> tuple[TableItem, ...]:
        if column is Column.CONTRIBUTION:
            return self.contributions
        if column is Column.BENEFIT:
            return self.benefits
        return self.concerns


@dataclass(frozen=True, slots=True)
class SectorTable:
    public: SectorRow
    third: SectorRow
    business: SectorRow

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for row in self.rows():
            for column in Column:
                for item in row.items(column):
                    expected = f"{row.sector}.{column}."
                    if not item.code.startswith(expected) or item.code == expected:
                        raise ValueError(f"item code {item.code!r} must start with {expected!r} and name the item")
                    if item.code in seen:
                        raise ValueError(f"item code {item.code!r} appears twice in the sector table")
                    seen.add(item.code)

    def rows(self) -> tuple[SectorRow, SectorRow, SectorRow]:
        return (self.public, self.third, self.business)

    def row(self, sector: Sector) -> SectorRow:
        return {Sector.PUBLIC: self.public, Sector.THIRD: self.third, Sector.BUSINESS: self.business}[sector]

    def items(self, sector: Sector, column: Column) -> tuple[TableItem, ...]:
        return self.row(sector).items(column)

    def all_items(self) -> tuple[TableItem, ...]:
        return tuple(item for row in self.rows() for column in Column for item in row.items(column))

    def item(self, code: str) -> TableItem:
        """Return the item whose code is ``code``; raise ``KeyError`` naming it when there is none."""
        for item in self.all_items():
            if item.code == code:
                return item
        raise KeyError(f"no sector-table item has the code {code!r}")

    def contributed_resource_types(self, sector: Sector) -> frozenset[ResourceType]:
        """Return the resource types the table lists as ``sector``'s contributions."""
        return resource_types_of(self.row(sector).contributions)

    def notes(self) -> tuple[tuple[tuple[Sector, ...], Text], ...]:
        """Return every note of the table once, with the sectors it concerns: corrections and readings."""
        found: dict[Text, list[Sector]] = {}
        for row in self.rows():
            texts = list(row.notes) + [i.note for c in Column for i in row.items(c) if i.note is not None]
            for text in texts:
                sectors = found.setdefault(text, [])
                if row.sector not in sectors:
                    sectors.append(row.sector)
        return tuple((tuple(sectors), text) for text, sectors in found.items())

    def with_business_concerns(self, concerns: Iterable[TableItem]) -> SectorTable:
        """Return a copy of this table whose business-sector concerns are ``concerns``.

        The guide's own list is unknown, so any list put here is a proposal: every item must carry
        ``proposed=True`` and a code starting with "business.concern.", or ``ValueError`` is raised.
        """
        items = tuple(concerns)
        for item in items:
            if not item.proposed:
                raise ValueError(
                    f"business concern {item.code!r} must be marked proposed=True: the guide's own list is unknown"
                )
        notes = tuple(n for n in self.business.notes if n != BUSINESS_CONCERNS_NOTE)
        return replace(self, business=replace(self.business, concerns=items, notes=notes))


def resource_types_of(items: Iterable[TableItem]) -> frozenset[ResourceType]:
    """Return every resource type named by ``items``."""
    return frozenset(t for item in items for t in item.resource_types)


def proposed_business_concern(name: str, he: str, en: str, *, source: Source | None = None) -> TableItem:
    """Build a business-sector concern marked as proposed, for ``SectorTable.with_business_concerns``.

    ``source=Source.TOWN`` marks a town's own item; the default is our proposal.
    """
    return TableItem(f"business.concern.{name}", Text(he, en), proposed=True, source=source)


_R = ResourceType

OFFICIAL_AUTHORITY_NOTE = Text(
    'בטבלה שבמקור כתוב "במכות רשמית", שאינו ביטוי בעברית; כמעט בוודאות הכוונה ל"סמכות רשמית". לא ניתן'
    " היה לאמת זאת מול הטבלה המקורית של המדריך.",
    'The source table reads "במכות רשמית", which is not Hebrew; the intended term is almost certainly'
    ' "סמכות רשמית" (official authority). This could not be checked against the guide\'s own table.',
)

GENERAL_RESOURCES_NOTE = Text(
    'בטבלה כתוב "משאבים" בלי פירוט; השותף בוחר אילו סוגי משאבים הוא מביא.',
    'The table says "resources" without saying which; the partner picks the concrete types.',
)

PUBLIC_ROW = SectorRow(
    Sector.PUBLIC,
    contributions=(
        TableItem("public.contribution.legitimacy", Text("לגיטימציה", "Legitimacy"), (_R.LEGITIMACY,)),
        TableItem(
            "public.contribution.official_authority",
            Text("סמכות רשמית", "Official authority"),
            (_R.OFFICIAL_AUTHORITY,),
            note=OFFICIAL_AUTHORITY_NOTE,
        ),
        TableItem(
            "public.contribution.access",
            Text(
                "נגישות לאוכלוסייה, למידע ולמוסדות",
                "Access to the population, to information and to institutions",
            ),
            (_R.ACCESS_TO_POPULATION, _R.ACCESS_TO_INFORMATION, _R.ACCESS_TO_INSTITUTIONS),
        ),
        TableItem(
            "public.contribution.professional_knowledge",
            Text("ידע מקצועי", "Professional knowledge"),
            (_R.PROFESSIONAL_EXPERTISE,),
        ),
        TableItem("public.contribution.budget", Text("תקציב", "Budget"), (_R.BUDGET,)),
        TableItem(
            "public.contribution.continuity",
            Text("המשכיות ורציפות", "Continuity and permanence"),
            (_R.CONTINUITY,),
        ),
    ),
    benefits=(
        TableItem("public.benefit.resource_expansion", Text("הרחבת משאבים", "More resources")),
        TableItem(
            "public.benefit.professionalization",
            Text("התמקצעות ופיתוח שירותים", "Professional growth and service development"),
        ),
        TableItem("public.benefit.public_empowerment", Text("העצמה ציבורית", "Public empowerment")),
        TableItem("public.benefit.less_public_opposition", Text("החלשת התנגדות ציבורית", "Weaker public opposition")),
        TableItem(
            "public.benefit.internal_cooperation",
            Text("חיזוק שיתוף פעולה תוך-ארגוני", "Stronger cooperation inside the organization"),
        ),
    ),
    concerns=(
        TableItem(
            "public.concern.loss_of_exclusivity",
            Text("אבדן בלעדיות בתחום הפעולה", "Losing exclusivity in its field"),
        ),
        TableItem("public.concern.risk_taking", Text("לקיחת סיכון", "Taking risks")),
        TableItem(
            "public.concern.commitments_and_waste",
            Text("יצירת התחייבות / בזבוז משאבים", "Creating commitments, wasting resources"),
        ),
        TableItem(
            "public.concern.public_standing",
            Text("פגיעה במעמד הציבורי", "Harm to its public standing"),
        ),
        TableItem(
            "public.concern.statehood",
            Text('פגיעה ב"ממלכתיות"', "Harm to its state-like, public character (mamlachtiut)"),
        ),
    ),
)

THIRD_ROW = SectorRow(
    Sector.THIRD,
    contributions=(
        TableItem(
            "third.contribution.field_proximity",
            Text("קרבה לשדה", "Closeness to the field"),
            (_R.FIELD_PROXIMITY,),
        ),
        TableItem(
            "third.contribution.knowledge_and_experience",
            Text("ידע וניסיון", "Knowledge and experience"),
            (_R.KNOWLEDGE, _R.EXPERIENCE),
        ),
        TableItem(
            "third.contribution.operational_flexibility",
            Text("גמישות פעולה", "Operational flexibility"),
            (_R.OPERATIONAL_FLEXIBILITY,),
        ),
        TableItem("third.contribution.resources", Text("משאבים", "Resources"), note=GENERAL_RESOURCES_NOTE),
        TableItem(
            "third.contribution.field_network",
            Text("רשת קשרים בשדה", "A network in the field"),
            (_R.CONNECTIONS,),
        ),
        TableItem(
            "third.contribution.value_commitment",
            Text("מחויבות והנעה ערכית", "Commitment and value-driven motivation"),
        ),
    ),
    benefits=(
        TableItem("third.benefit.community_goals", Text("קידום מטרות קהילתיות", "Advancing community goals")),
        TableItem("third.benefit.resource_expansion", Text("הרחבת משאבים", "More resources")),
        TableItem("third.benefit.positioning", Text("מיצוב משמעותי", "Meaningful positioning")),
        TableItem("third.benefit.professionalization", Text("התמקצעות", "Professional growth")),
    ),
    concerns=(
        TableItem("third.concern.reputation", Text("פגיעה במוניטין", "Harm to its reputation")),
        TableItem(
            "third.concern.moral_standing",
            Text("פגיעה במעמד המוסרי בקהילה", "Harm to its moral standing in the community"),
        ),
        TableItem(
            "third.concern.mission_drift",
            Text("הסטת פעולת הארגון", "Diverting the organization from its own work"),
        ),
    ),
)

PROPOSED_BUSINESS_CONCERNS: tuple[TableItem, ...] = (
    proposed_business_concern(
        "reputational_risk",
        "סיכון תדמיתי אם השותפות נכשלת או נתפסת כיחסי ציבור ציניים",
        "Reputational risk if the partnership fails or is seen as cynical PR",
    ),
    proposed_business_concern(
        "slow_public_decisions",
        "קבלת החלטות ציבורית איטית ובירוקרטית ולוחות זמנים שאינם מתואמים",
        "Slow, bureaucratic public decision-making and timelines that do not match",
    ),
    proposed_business_concern(
        "open_ended_commitment",
        "התחייבות פתוחה או שחיקת משאבים בלי תמורה מדידה",
        "An open-ended commitment or a drain on resources with no measurable return",
    ),
    proposed_business_concern(
        "capital_government_closeness",
        "חשיפה לטענות על קרבת הון ושלטון או לניגוד עניינים מול הרשות",
        "Exposure to charges of capital–government closeness or a conflict of interest with the authority",
    ),
    proposed_business_concern(
        "loss_of_brand_control",
        "אבדן שליטה על המותג והמסר במסגרת משותפת",
        "Losing control of brand and message inside a shared framework",
    ),
    proposed_business_concern(
        "replacing_state_funding",
        "ציפייה שהעסק יחליף מימון ממשלתי",
        "Being expected to replace state funding",
    ),
)

BUSINESS_SPLIT_NOTE = Text(
    "בטבלה שבמקור חמשת הפריטים של המגזר העסקי כתובים ברצף אחד, בלי גבול ברור בין עמודת התרומות לעמודת"
    ' התועלות. החלוקה לשלוש תרומות ולשתי תועלות היא הקריאה שלנו; אפשר לקרוא גם אחרת (למשל "יוקרה וקשרים"'
    " כתועלת שהעסק מקבל).",
    "In the source table the business sector's five items run on in one list, with no clear line between"
    " the contributions column and the benefits column. Splitting them into three contributions and two"
    ' benefits is our reading; another reading is possible (e.g. "prestige and connections" as a benefit the'
    " business gains).",
)

BUSINESS_CONCERNS_NOTE = Text(
    "התא של חששות המגזר העסקי ריק בסיכום שקראנו. הרשימה כאן היא הצעה שלנו, וכל רשות יכולה להחליף אותה ברשימה משלה.",
    "The business sector's concerns cell is empty in the summary we read. The list here is our proposal, and"
    " each town can replace it with its own.",
)

BUSINESS_ROW = SectorRow(
    Sector.BUSINESS,
    contributions=(
        TableItem("business.contribution.resources", Text("משאבים", "Resources"), note=GENERAL_RESOURCES_NOTE),
        TableItem(
            "business.contribution.managerial_knowhow",
            Text("ידע ניהולי", "Managerial know-how"),
            (_R.MANAGERIAL_KNOWHOW,),
        ),
        TableItem(
            "business.contribution.prestige_and_connections",
            Text("יוקרה וקשרים", "Prestige and connections"),
            (_R.REPUTATION, _R.CONNECTIONS),
        ),
    ),
    benefits=(
        TableItem(
            "business.benefit.directed_social_involvement",
            Text("סיוע בהכוונה של מעורבות חברתית", "Help in directing its social involvement"),
        ),
        TableItem(
            "business.benefit.publicity_and_legitimacy",
            Text("פרסום ולגיטימציה", "Publicity and legitimacy"),
            (_R.PUBLICITY, _R.LEGITIMACY),
        ),
    ),
    concerns=PROPOSED_BUSINESS_CONCERNS,
    split_source=Source.OURS,
    notes=(BUSINESS_SPLIT_NOTE, BUSINESS_CONCERNS_NOTE),
)

SECTOR_TABLE = SectorTable(PUBLIC_ROW, THIRD_ROW, BUSINESS_ROW)
"""The table as shipped: the guide's items plus our proposed business concerns."""


def sector_table(business_concerns: Iterable[TableItem] | None = None) -> SectorTable:
    """Return the sector table, with ``business_concerns`` in place of the proposed ones when given."""
    if business_concerns is None:
        return SECTOR_TABLE
    return SECTOR_TABLE.with_business_concerns(business_concerns)
