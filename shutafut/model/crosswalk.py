"""Crosswalks between our relationship ladder and other published scales (peers.md §1.14) [P].

Every correspondence is decided by **definition**, the key test of each level, not by its label. Labels
mislead: Frey's "cooperation" (level 2, information passed, each decides alone) sits *below* our
coordination, while our "cooperation" (שיתוף פעולה, shared resources for a joint activity) sits above it.

The crosswalk is a relation, not a pair of inverse functions. Each ``Correspondence`` is one fit between a
rung and a foreign level, with the reason. ``rung_to_value`` marks the fit ``to_scale`` returns (the foreign
level that best matches the rung's key test); ``value_to_rung`` marks the fit ``from_scale`` returns. Where a
foreign level fits two of our rungs, ``from_scale`` returns the lower one, because moving a relation up the
ladder needs evidence the foreign scale did not collect; ``candidates`` lists the others. Our competition rung
has no equivalent on any foreign scale (see ``NO_EQUIVALENT``): ``to_scale`` follows a ``CompetitionRule``.

A round trip (rung → level → the same rung) holds exactly where one correspondence carries both marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shutafut.model.ladder import RUNGS, CompetitionRule, Rung
from shutafut.model.text import Text

ScaleValue = int | str
"""A level of a scale: an int on the numeric scales, a lower-case code on Himmelman and PARTNER."""


class Scale(StrEnum):
    LADDER = "ladder"
    """Our six rungs, 0 disconnection … 5 partnership."""
    LOC = "loc"
    """Levels of Collaboration Scale (Frey et al. 2006), 0–5."""
    DHHS = "dhhs"
    """The DHHS tobacco-control network's ``collab`` tie code, 0–4."""
    HIMMELMAN = "himmelman"
    """Himmelman's continuum: networking, coordinating, cooperating, collaborating (plus our "none")."""
    PARTNER = "partner"
    """PARTNER relationship intensity: none, awareness, cooperative, coordinated, integrated."""
    BINARY = "binary"
    """0 = no tie, 1 = tie."""

    @property
    def numeric(self) -> bool:
        return self not in (Scale.HIMMELMAN, Scale.PARTNER)


@dataclass(frozen=True, slots=True)
class Level:
    scale: Scale
    value: ScaleValue
    name: Text
    definition: Text
    """The level's key test, paraphrased from its source."""


@dataclass(frozen=True, slots=True)
class Correspondence:
    scale: Scale
    rung: Rung
    value: ScaleValue
    reason: str
    """Why the two fit, by definition."""
    rung_to_value: bool
    """``to_scale(rung, scale)`` returns ``value``."""
    value_to_rung: bool
    """``from_scale(value, scale)`` returns ``rung``."""


def _level(scale: Scale, value: ScaleValue, he: str, en: str, def_he: str, def_en: str) -> Level:
    return Level(scale, value, Text(he, en), Text(def_he, def_en))


LEVELS: dict[Scale, tuple[Level, ...]] = {
    Scale.LADDER: tuple(Level(Scale.LADDER, int(r), info.name, info.summary) for r, info in RUNGS.items()),
    Scale.LOC: (
        _level(Scale.LOC, 0, "אין קשר", "No interaction", "אין שום קשר.", "No interaction at all."),
        _level(
            Scale.LOC,
            1,
            "רישות (פריי, רמה 1)",
            "Networking",
            "מכירים זה את זה, תפקידים לא מוגדרים, מעט תקשורת, כל אחד מחליט לבדו.",
            "Aware of each other, loose roles, little communication, each decides alone.",
        ),
        _level(
            Scale.LOC,
            2,
            "העברת מידע הדדית (פריי, רמה 2)",
            "Cooperation (Frey)",
            "מעבירים מידע זה לזה, תפקידים מוגדרים בחלקם, תקשורת רשמית, כל אחד מחליט לבדו.",
            "Pass information to each other, partly defined roles, formal communication, each decides alone.",
        ),
        _level(
            Scale.LOC,
            3,
            "חלוקת מידע ומשאבים (פריי, רמה 3)",
            "Coordination (Frey)",
            "חולקים מידע ומשאבים, תפקידים מוגדרים, תקשורת תכופה, חלק מההחלטות משותפות.",
            "Share information and resources, defined roles, frequent communication, some shared decisions.",
        ),
        _level(
            Scale.LOC,
            4,
            "קואליציה (פריי, רמה 4)",
            "Coalition",
            "חולקים רעיונות ומשאבים, תקשורת תכופה ומתועדפת, לכל שותף יש קול בהצבעה.",
            "Share ideas and resources, frequent prioritised communication, every member votes.",
        ),
        _level(
            Scale.LOC,
            5,
            "מערכת אחת (פריי, רמה 5)",
            "Collaboration (Frey)",
            "פועלים כמערכת אחת, תקשורת תכופה המבוססת על אמון, הסכמה על כל החלטה.",
            "Act as one system, frequent trust-based communication, consensus on every decision.",
        ),
    ),
    Scale.DHHS: (
        _level(Scale.DHHS, 0, "אין קשר", "No tie", "אין קשר.", "No tie."),
        _level(Scale.DHHS, 1, "שיתוף מידע בלבד", "Shares information only", "רק מידע עובר.", "Only information."),
        _level(
            Scale.DHHS,
            2,
            "עבודה משותפת לא רשמית",
            "Collaborates informally",
            "עובדים יחד בלי הסדר רשמי.",
            "Work together without a formal arrangement.",
        ),
        _level(
            Scale.DHHS,
            3,
            "עבודה משותפת רשמית",
            "Collaborates formally",
            "עובדים יחד בהסדר רשמי.",
            "Work together under a formal arrangement.",
        ),
        _level(
            Scale.DHHS,
            4,
            "עבודה משותפת רשמית בכמה פרויקטים",
            "Collaborates formally on more than one project",
            "הסדר רשמי שחוזר בכמה פרויקטים.",
            "A formal arrangement repeated over several projects.",
        ),
    ),
    Scale.HIMMELMAN: (
        _level(
            Scale.HIMMELMAN,
            "none",
            "אין קשר",
            "None",
            "אין שום יחסים (לא חלק מהרצף של הימלמן; הוספנו לצורך ייצוא).",
            "No relation (not on Himmelman's continuum; added so that such pairs can be exported).",
        ),
        _level(
            Scale.HIMMELMAN,
            "networking",
            "רישות (הימלמן)",
            "Networking",
            "חילופי מידע לתועלת הדדית.",
            "Exchanging information for mutual benefit.",
        ),
        _level(
            Scale.HIMMELMAN,
            "coordinating",
            "תיאום (הימלמן)",
            "Coordinating",
            "חילופי מידע, ובנוסף שינוי הפעילות של כל אחד לטובת מטרה משותפת.",
            "Exchanging information and changing one's activities towards a common purpose.",
        ),
        _level(
            Scale.HIMMELMAN,
            "cooperating",
            "שיתוף פעולה (הימלמן)",
            "Cooperating",
            "כל הקודם, ובנוסף חלוקת משאבים (עובדים, כסף, מקום).",
            "All of the above, plus sharing resources (staff, money, space).",
        ),
        _level(
            Scale.HIMMELMAN,
            "collaborating",
            "שותפות מלאה (הימלמן)",
            "Collaborating",
            "כל הקודם, ובנוסף חיזוק היכולת של השותף; שיתוף מלא במשאבים, בסיכונים ובתמורות.",
            "All of the above, plus enhancing the partner's capacity; full sharing of resources, risks and rewards.",
        ),
    ),
    Scale.PARTNER: (
        _level(Scale.PARTNER, "none", "אין קשר", "None", "אין קשר.", "No relationship."),
        _level(
            Scale.PARTNER,
            "awareness",
            "מודעות (PARTNER)",
            "Awareness",
            "יודעים על קיומו של הארגון האחר.",
            "Aware of the other organization.",
        ),
        _level(
            Scale.PARTNER,
            "cooperative",
            "שיתופית (PARTNER)",
            "Cooperative",
            "חילופי מידע לא רשמיים, השתתפות בפגישות זה של זה, עזרה בעין.",
            "Informal exchange of information, attending each other's meetings, in-kind help.",
        ),
        _level(
            Scale.PARTNER,
            "coordinated",
            "מתואמת (PARTNER)",
            "Coordinated",
            "התאמת פעילויות, שיתוף נתונים, תזמון אירועים יחד.",
            "Aligning activities, sharing data, timing events together.",
        ),
        _level(
            Scale.PARTNER,
            "integrated",
            "משולבת (PARTNER)",
            "Integrated",
            "הסדרים מחייבים: חוזים, מענקים, מזכרי הבנות, כסף משותף.",
            "Binding arrangements: contracts, grants, MoUs, pooled money.",
        ),
    ),
    Scale.BINARY: (
        _level(Scale.BINARY, 0, "אין קשר", "No tie", "לא דווח קשר.", "No tie reported."),
        _level(Scale.BINARY, 1, "יש קשר", "Tie", "דווח קשר, בלי עוצמה.", "A tie is reported, with no intensity."),
    ),
}

_D, _C, _I, _K, _O, _P = (
    Rung.DISCONNECTION,
    Rung.COMPETITION,
    Rung.INFORMING,
    Rung.COORDINATION,
    Rung.COOPERATION,
    Rung.PARTNERSHIP,
)


def _fit(scale: Scale, rung: Rung, value: ScaleValue, to: bool, back: bool, reason: str) -> Correspondence:
    return Correspondence(scale, rung, value, reason, rung_to_value=to, value_to_rung=back)


_LADDER = tuple(_fit(Scale.LADDER, r, int(r), True, True, "The same rung.") for r in Rung)

_LOC = (
    _fit(Scale.LOC, _D, 0, True, True, "No interaction in the field: Frey's 0 and our disconnection."),
    _fit(
        Scale.LOC,
        _I,
        1,
        True,
        True,
        "Networking: aware of each other, little communication, each decides alone. Our informing asks for"
        " deliberate information flow and nothing more, which meets networking but not Frey 2, which adds"
        " partly defined roles and formal communication.",
    ),
    _fit(
        Scale.LOC,
        _I,
        2,
        False,
        True,
        "Frey 'cooperation': information passed between partners, each decides alone, nothing shared. Its"
        " key test is information flow, our informing. It does not test whether anyone changed an activity"
        " because of the other, which our coordination requires, so we return informing (coordination is the"
        " other candidate). Frey's 'cooperation' thus sits below our coordination; our cooperation is above.",
    ),
    _fit(
        Scale.LOC,
        _K,
        2,
        True,
        False,
        "Our coordination: two-way information and a changed activity, but separate resources and separate"
        " decisions. Frey 3 needs shared resources and some shared decisions, so the highest Frey level it"
        " meets is 2 'cooperation'.",
    ),
    _fit(
        Scale.LOC,
        _O,
        3,
        True,
        True,
        "Frey 'coordination': information and resources shared, some shared decisions. That is the key test"
        " of our cooperation (resources for a joint activity, some joint decisions), not of our coordination,"
        " which keeps resources apart.",
    ),
    _fit(
        Scale.LOC,
        _O,
        4,
        False,
        True,
        "Coalition: resources shared and every member votes. Shared resources and joint decisions are our"
        " cooperation. The all-vote rule meets one partnership condition, but the scale does not test an"
        " explicit ongoing framework, several resource types or a public goal, so we return the lower rung.",
    ),
    _fit(
        Scale.LOC,
        _P,
        4,
        False,
        False,
        "Coalition meets partnership's 'all partners decide' test; a candidate, not the default.",
    ),
    _fit(
        Scale.LOC,
        _P,
        5,
        True,
        True,
        "Frey 'collaboration': one system, consensus on every decision. Closest to our partnership's key test"
        " (one framework steering pooled resources with every partner deciding). Frey does not test the"
        " public goal or the mix of resource types; the partnership tests T1–T7 decide those.",
    ),
)

_DHHS = (
    _fit(Scale.DHHS, _D, 0, True, True, "0: no tie at all, our disconnection."),
    _fit(
        Scale.DHHS,
        _I,
        1,
        True,
        True,
        "1 'shares information only': information flows and nothing else is shared, our informing.",
    ),
    _fit(
        Scale.DHHS,
        _K,
        2,
        True,
        True,
        "2 'collaborates informally': working together with no formal arrangement. The least it guarantees"
        " beyond information is adjusting activities to each other, our coordination.",
    ),
    _fit(
        Scale.DHHS,
        _O,
        2,
        False,
        False,
        "Informal joint work with pooled resources would be our cooperation; the code does not tell.",
    ),
    _fit(
        Scale.DHHS,
        _O,
        3,
        True,
        True,
        "3 'collaborates formally': a formal arrangement for joint work, i.e. resources and decisions on a"
        " joint activity, our cooperation. One formal project does not show an ongoing framework.",
    ),
    _fit(
        Scale.DHHS,
        _P,
        3,
        False,
        False,
        "A single formal collaboration can be a partnership if it is ongoing and all partners decide.",
    ),
    _fit(
        Scale.DHHS,
        _P,
        4,
        True,
        True,
        "4 'formally on more than one project': formal and recurring, i.e. explicit and ongoing, the"
        " framework conditions of partnership. The code does not test who decides or the public goal.",
    ),
)

_HIMMELMAN = (
    _fit(
        Scale.HIMMELMAN,
        _D,
        "none",
        True,
        True,
        "Himmelman's continuum starts at networking and has no level for no relation; 'none' is ours.",
    ),
    _fit(
        Scale.HIMMELMAN,
        _I,
        "networking",
        True,
        True,
        "Networking: exchanging information for mutual benefit, our informing.",
    ),
    _fit(
        Scale.HIMMELMAN,
        _K,
        "coordinating",
        True,
        True,
        "Coordinating adds changing one's activities towards a common purpose, our coordination.",
    ),
    _fit(
        Scale.HIMMELMAN,
        _O,
        "cooperating",
        True,
        True,
        "Cooperating adds sharing resources (staff, money, space), our cooperation. Same order as ours.",
    ),
    _fit(
        Scale.HIMMELMAN,
        _P,
        "collaborating",
        True,
        True,
        "Collaborating adds building each other's capacity, with full sharing of resources, risks and"
        " rewards: the deepest sharing, as in our partnership. Capacity-building is not one of our tests and"
        " the public goal is not one of Himmelman's.",
    ),
)

_PARTNER = (
    _fit(Scale.PARTNER, _D, "none", True, True, "'None': no relationship at all, our disconnection."),
    _fit(
        Scale.PARTNER,
        _D,
        "awareness",
        False,
        True,
        "Awareness: knowing of the other, with no exchange. Our disconnection covers 'aware but no"
        " interaction in the field', so awareness imports as disconnection.",
    ),
    _fit(
        Scale.PARTNER,
        _I,
        "awareness",
        False,
        False,
        "If awareness came with any deliberate information, the pair would be at informing.",
    ),
    _fit(
        Scale.PARTNER,
        _I,
        "cooperative",
        True,
        True,
        "Cooperative: informal exchange of information, attending each other's meetings, in-kind help."
        " Information flows but activities are not aligned: our informing.",
    ),
    _fit(
        Scale.PARTNER,
        _O,
        "cooperative",
        False,
        False,
        "In-kind help is a resource transfer; it is our cooperation only if tied to a joint activity with"
        " joint decisions, which the level does not test.",
    ),
    _fit(
        Scale.PARTNER,
        _K,
        "coordinated",
        True,
        True,
        "Coordinated: aligning activities, sharing data, timing events together, our coordination.",
    ),
    _fit(
        Scale.PARTNER,
        _O,
        "integrated",
        True,
        True,
        "Integrated: binding arrangements (contracts, grants, MoUs, pooled money), resources committed to"
        " joint work, our cooperation. A binding arrangement does not show that all partners decide or that"
        " the work serves a public goal, and a grant or contract may be a donation or a purchase (test T7).",
    ),
    _fit(
        Scale.PARTNER,
        _P,
        "integrated",
        True,
        False,
        "PARTNER's top level; a partnership has nowhere higher to go. Imports come back as cooperation.",
    ),
)

_BINARY = (
    _fit(Scale.BINARY, _D, 0, True, True, "0: no tie at all, our disconnection."),
    _fit(
        Scale.BINARY,
        _I,
        1,
        True,
        True,
        "1: a tie of unknown intensity. It imports as informing, the lowest rung at which organizations"
        " deliberately exchange anything; every higher rung is a candidate.",
    ),
    _fit(Scale.BINARY, _K, 1, True, False, "Coordination is a tie."),
    _fit(Scale.BINARY, _O, 1, True, False, "Cooperation is a tie."),
    _fit(Scale.BINARY, _P, 1, True, False, "Partnership is a tie."),
)

CORRESPONDENCES: tuple[Correspondence, ...] = _LADDER + _LOC + _DHHS + _HIMMELMAN + _PARTNER + _BINARY

NO_EQUIVALENT: dict[Scale, str] = {
    Scale.LOC: "Frey rates collaboration only; rivalry has no level (peers.md: recorded as 0 or 1).",
    Scale.DHHS: "The DHHS code records collaboration ties only.",
    Scale.HIMMELMAN: "The continuum starts at networking; rivalry is not on it.",
    Scale.PARTNER: "PARTNER rates the intensity of collaboration only.",
    Scale.BINARY: "Whether rivalry is a tie depends on the question asked; it is not a collaborative tie.",
}
"""Why our competition rung has no equivalent on each foreign scale."""

_TO: dict[tuple[Scale, Rung], Correspondence] = {(c.scale, c.rung): c for c in CORRESPONDENCES if c.rung_to_value}
_FROM: dict[tuple[Scale, ScaleValue], Correspondence] = {
    (c.scale, c.value): c for c in CORRESPONDENCES if c.value_to_rung
}


def levels(scale: Scale | str) -> tuple[Level, ...]:
    return LEVELS[Scale(scale)]


def normalize_value(value: ScaleValue, scale: Scale | str) -> ScaleValue:
    """Return ``value`` as the scale stores it (an int, or a lower-case code).

    Digit strings are accepted on numeric scales. Raises ``ValueError`` naming the allowed levels when
    ``value`` is not a level of ``scale``.
    """
    target = Scale(scale)
    allowed = tuple(level.value for level in LEVELS[target])
    found: ScaleValue | None = None
    if target.numeric:
        if isinstance(value, int) and not isinstance(value, bool):
            found = value
        elif isinstance(value, str) and value.strip().isdigit():
            found = int(value.strip())
    elif isinstance(value, str):
        found = value.strip().lower()
    if found is None or found not in allowed:
        names = ", ".join(str(v) for v in allowed)
        raise ValueError(f"{value!r} is not a level of the {target} scale (allowed: {names})")
    return found


def to_scale(
    rung: Rung, scale: Scale | str, competition: CompetitionRule = CompetitionRule.AS_ZERO
) -> ScaleValue | None:
    """Return the level of ``scale`` whose definition best matches ``rung``.

    Competition has no equivalent on foreign scales: with ``AS_ZERO`` (default) it becomes the scale's "no
    relation" level, with ``AS_ORDER`` the scale's first level above it, with ``EXCLUDE`` ``None``.
    """
    target = Scale(scale)
    rung = Rung(rung)
    if rung is Rung.COMPETITION and target is not Scale.LADDER:
        if competition is CompetitionRule.EXCLUDE:
            return None
        position = 1 if competition is CompetitionRule.AS_ORDER else 0
        return LEVELS[target][position].value
    return _TO[(target, rung)].value


def from_scale(value: ScaleValue, scale: Scale | str) -> Rung:
    """Return the rung we read a ``scale`` level as: the lower of its candidates where it fits two.

    Raises ``ValueError`` when ``value`` is not a level of ``scale``.
    """
    return correspondence_from(value, scale).rung


def correspondence_to(rung: Rung, scale: Scale | str) -> Correspondence | None:
    """Return the fit ``to_scale`` uses for ``rung``, or ``None`` for competition on a foreign scale."""
    return _TO.get((Scale(scale), Rung(rung)))


def correspondence_from(value: ScaleValue, scale: Scale | str) -> Correspondence:
    """Return the fit ``from_scale`` uses for ``value``, with its reason."""
    target = Scale(scale)
    return _FROM[(target, normalize_value(value, target))]


def candidates(value: ScaleValue, scale: Scale | str) -> tuple[Rung, ...]:
    """Return every rung the level fits, the one ``from_scale`` returns first, then the others upwards."""
    target = Scale(scale)
    found = normalize_value(value, target)
    chosen = _FROM[(target, found)].rung
    others = sorted(c.rung for c in CORRESPONDENCES if c.scale is target and c.value == found and c.rung != chosen)
    return (chosen, *others)


def round_trips(rung: Rung, scale: Scale | str) -> bool:
    """Return True when ``from_scale(to_scale(rung, scale), scale)`` gives ``rung`` back."""
    fit = correspondence_to(Rung(rung), scale)
    return fit is not None and fit.value_to_rung
