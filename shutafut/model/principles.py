"""The guide's six principles of action and the indicators that check them (domain.md §4).

The principles are the guide's [S]; the explanations are written in our own words. Every indicator is our
operational proposal, but some measure something the sources name themselves (``proposed=False``, [S] in
docs/model.md) while others are our own additions (``proposed=True``, [P]). Every default threshold is ours
[P]; the numeric ones also exist as typed constants below so that rules and forms share one value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shutafut.model.text import Text


class Principle(StrEnum):
    P1 = "p1"
    P2 = "p2"
    P3 = "p3"
    P4 = "p4"
    P5 = "p5"
    P6 = "p6"

    @classmethod
    def numbered(cls, number: int) -> Principle:
        """The principle the guide numbers ``number`` (1..6); ``ValueError`` for any other number."""
        return cls(f"p{number}")

    @property
    def info(self) -> PrincipleInfo:
        return PRINCIPLES[self]

    @property
    def label(self) -> Text:
        return PRINCIPLES[self].name

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in INDICATORS.values() if i.principle is self)


@dataclass(frozen=True, slots=True)
class PrincipleInfo:
    principle: Principle
    name: Text
    explanation: Text
    """One paragraph in our own words (not the guide's prose)."""


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    """"I1.1" … "I6.3", as in domain.md §4."""
    principle: Principle
    text: Text
    proposed: bool
    """False ([S]) when the sources name what is measured; True ([P]) when the measure itself is ours."""
    threshold: Text | None = None
    """The default threshold, where domain.md gives one; always a proposal [P]."""


@dataclass(frozen=True, slots=True)
class ReadinessThreshold:
    """Go / no-go rule of the readiness index (I5.1): each dimension is scored 0..max_each."""

    min_each: int = 1
    min_total: int = 5
    max_each: int = 3


READINESS_GO = ReadinessThreshold()
"""[P] all three dimensions ≥ 1 and a total ≥ 5 (domain.md §4, I5.1)."""

DECISION_PARTICIPATION_MIN = 0.75
"""[P] the share of joint decisions each partner must have taken part in (test T4, indicator I3.3)."""

RELEVANCE_MIN = 1
"""[P] the least interest and the least ability to influence (each 0..3) every partner needs (I2.1)."""


def readiness_passes(
    political: int, organizational: int, community: int, threshold: ReadinessThreshold = READINESS_GO
) -> bool:
    """Return True when the three readiness scores pass ``threshold`` (indicator I5.1).

    Raises ``ValueError`` when a score lies outside 0..``threshold.max_each``.
    """
    scores = {"political": political, "organizational": organizational, "community": community}
    for name, score in scores.items():
        if not 0 <= score <= threshold.max_each:
            raise ValueError(f"{name} readiness must be between 0 and {threshold.max_each}, not {score}")
    each_ok = all(score >= threshold.min_each for score in scores.values())
    return each_ok and sum(scores.values()) >= threshold.min_total


PRINCIPLES: dict[Principle, PrincipleInfo] = {
    Principle.P1: PrincipleInfo(
        Principle.P1,
        Text("שימור מקומו ותפקידיו של כל מגזר", "Keep each sector's place and role"),
        Text(
            "שלושת המגזרים אינם נושאים באותה אחריות ציבורית. הגוף הציבורי נבחר וקבוע, ולכן הוא מכנס את"
            " השותפות ושומר בידיו את סמכויותיו הסטטוטוריות, ואילו לעסקים ולארגונים החברתיים יש השפעה ממשית"
            " על ההחלטות המשותפות ועל העשייה. הבחנה ברורה בין התפקידים מגינה על השותפות מפני ערבוב של כסף"
            " פרטי בהחלטות שלטוניות ומפני פגיעה אתית.",
            "The three sectors do not carry the same public responsibility. The public body is elected and"
            " permanent, so it convenes the partnership and keeps its statutory powers, while businesses and"
            " nonprofits get a real say in the shared decisions and in the work. Keeping the roles distinct"
            " protects the partnership from private money mixing into government decisions and from ethical"
            " harm.",
        ),
    ),
    Principle.P2: PrincipleInfo(
        Principle.P2,
        Text(
            "שותפות מובלת מטרות ציבוריות ותפיסה ערכית משותפת",
            "Led by public goals and a shared value outlook",
        ),
        Text(
            "שותפות קיימת כדי לשרת את הציבור ולא את האינטרסים הנפרדים של השותפים. בוחרים נושא שכל שותף"
            " מעוניין בו ויכול להשפיע עליו, מצרפים את בעלי העניין הנוגעים בדבר, ומסכימים על הערכים ועל החזון"
            " שמאחורי העבודה, כשהקיימות היא המסגרת.",
            "A partnership exists to serve the public, not the partners' separate interests. Pick a focus"
            " that every partner cares about and can influence, bring in the stakeholders it concerns, and"
            " agree on the values and the vision behind the work, with sustainability as the frame.",
        ),
    ),
    Principle.P3: PrincipleInfo(
        Principle.P3,
        Text("אופי השותפות", "The nature of the partnership"),
        Text(
            "לא כל מגע בין מגזרים הוא שותפות. בשותפות מכוונים יחד משאבים מכמה סוגים, כל השותפים משתתפים"
            " בהחלטות והפעולה נעשית לטובת הקהילה. תרומה, קניית שירות או מיקור חוץ יכולים להוביל לשותפות"
            " בהמשך, אך אינם שותפות כשלעצמם.",
            "Not every contact between sectors is a partnership. In a partnership, resources of several"
            " kinds are steered together, every partner takes part in decisions, and the work is for the"
            " community. A donation, a purchase of services or outsourcing can lead to a partnership later,"
            " but none is one by itself.",
        ),
    ),
    Principle.P4: PrincipleInfo(
        Principle.P4,
        Text(
            "תיאום ציפיות והבהרת מוטיבציות ותפקידים",
            "Align expectations and clarify motivations and roles",
        ),
        Text(
            "כל שותף מגיע עם נכסים, מניעים וחששות משלו. כדאי לומר אותם בגלוי ובשלב מוקדם: מה כל אחד מביא, מה"
            " הוא מקווה להרוויח, ממה הוא חושש, מי עושה מה ומי רשאי להתחייב בשם מי. פער בין מה שצד אחד מצפה"
            " לקבל לבין מה שהצד האחר מציע קל יותר לגלות לפני שהעבודה מתחילה.",
            "Each partner comes with its own assets, motives and worries. Say them openly and early: what"
            " each brings, what each hopes to gain, what each fears, who does what, and who may commit on"
            " whose behalf. A gap between what one side expects and what the other offers is easier to find"
            " before the work starts.",
        ),
    ),
    Principle.P5: PrincipleInfo(
        Principle.P5,
        Text("הכרה במורכבות ההפעלה של השותפות", "Recognise how complex the partnership is to operate"),
        Text(
            "לשותפות יש מחיר: השותפים מוותרים על חלק מהשליטה בתחומם ומעמידים על הכף כסף, עובדים, זמן,"
            " מוניטין וקשרים. לכן בודקים תחילה שהקרקע הפוליטית, הארגונית והקהילתית בשלה, ושהתועלת הצפויה"
            " לקהילה, ההיקף והחידוש מצדיקים את המאמץ.",
            "Partnering has a price: partners give up some control of their field and put money, staff,"
            " time, reputation and connections at stake. So first check that the political, organizational"
            " and community ground is ready, and that the expected benefit to the community, the scale and"
            " the novelty justify the effort.",
        ),
    ),
    Principle.P6: PrincipleInfo(
        Principle.P6,
        Text("גישור בין תרבויות ארגוניות", "Bridge organizational cultures"),
        Text(
            "מחלקות ברשות, עמותות וחברות עסקיות עובדות בקצב שונה, מתכננות לטווחים שונים ומודדות הצלחה בדרכים"
            " שונות, ולרובן אין ניסיון בעבודה משותפת. חושפים את ההבדלים, מסכימים על נורמות עבודה במקומות"
            " שבהם הפער גדול, וממשיכים לבנות אמון לאורך כל הדרך.",
            "Municipal departments, nonprofits and companies work at different speeds, plan over different"
            " horizons and measure success differently, and most have little experience of working together."
            " Make the differences visible, agree on working norms where the gaps are widest, and keep"
            " building trust all the way through.",
        ),
    ),
}

_P1, _P2, _P3, _P4, _P5, _P6 = (
    Principle.P1,
    Principle.P2,
    Principle.P3,
    Principle.P4,
    Principle.P5,
    Principle.P6,
)

INDICATORS: dict[str, Indicator] = {
    i.code: i
    for i in (
        Indicator(
            "I1.1",
            _P1,
            Text(
                "יש שותף מהמגזר הציבורי והוא המכנס, או שנרשם ויתור מפורש על כך.",
                "A public-sector partner exists and convenes the partnership, or an explicit waiver is recorded.",
            ),
            proposed=False,
        ),
        Indicator(
            "I1.2",
            _P1,
            Text(
                "כל ההחלטות הסטטוטוריות מתקבלות בגוף הציבורי המוסמך, מחוץ לגוף המשותף, ורק מדווחות לו.",
                "Statutory decisions are taken by the competent public organ outside the joint body and only"
                " reported to it.",
            ),
            proposed=True,
            threshold=Text("100% מההחלטות הסטטוטוריות", "100% of statutory decisions"),
        ),
        Indicator(
            "I1.3",
            _P1,
            Text(
                "מספר החשדות הפתוחים לניגוד עניינים (למשל שותף עסקי עם מכרז, היתר או תיק תכנון פתוח מול אותה"
                " רשות) שלא נרשמה לגביהם הימנעות.",
                "Open conflict-of-interest flags (e.g. a business partner with a pending tender, permit or"
                " planning file before the same authority) with no recorded recusal.",
            ),
            proposed=True,
            threshold=Text("אף חשד פתוח (0)", "no open flags (0)"),
        ),
        Indicator(
            "I1.4",
            _P1,
            Text(
                "כל תרומה של שותף עסקי לרשות עברה את נוהל התרומות.",
                "Every donation from a business partner to the authority went through the donations procedure.",
            ),
            proposed=False,
            threshold=Text("100% מהתרומות", "100% of donations"),
        ),
        Indicator(
            "I2.1",
            _P2,
            Text(
                "לכל שותף יש עניין במוקד הפעולה ויכולת להשפיע עליו (כל אחד 0–3).",
                "Every partner has interest in the chosen focus and the ability to influence it (each 0–3).",
            ),
            proposed=False,
            threshold=Text("כל שותף ≥ 1 בשניהם", "every partner ≥ 1 on both"),
        ),
        Indicator(
            "I2.2",
            _P2,
            Text(
                "שיעור קבוצות בעלי העניין המרכזיות (לפי מיפוי השחקנים) שהוזמנו או שהתייעצו בהן.",
                "Share of the key stakeholder groups (per the actor map) that were invited or consulted.",
            ),
            proposed=True,
        ),
        Indicator(
            "I2.3",
            _P2,
            Text(
                "מסמך החזון או הערכים אושר על ידי השותפים.",
                "The vision or values statement is endorsed by the partners.",
            ),
            proposed=True,
            threshold=Text("100% מהשותפים", "100% of partners"),
        ),
        Indicator(
            "I2.4",
            _P2,
            Text(
                "המטרות מתויגות למעגל קיימות אחד לפחות (כלכלי, חברתי, סביבתי).",
                "Goals are tagged to at least one sustainability circle (economic, social, environmental).",
            ),
            proposed=True,
        ),
        Indicator(
            "I3.1",
            _P3,
            Text(
                "תוצאת המבחנים T1–T7: עומדת או לא, ואילו מבחנים נכשלו.",
                "Result of the tests T1–T7: pass or fail, and which tests failed.",
            ),
            proposed=False,
        ),
        Indicator(
            "I3.2",
            _P3,
            Text(
                "גיוון המשאבים: מספר סוגי המשאבים השונים ומספר השותפים התורמים.",
                "Resource diversity: the number of distinct resource types and of contributing partners.",
            ),
            proposed=False,
            threshold=Text("שני סוגים ושני שותפים תורמים לפחות (T3)", "at least two types and two givers (T3)"),
        ),
        Indicator(
            "I3.3",
            _P3,
            Text(
                "הכללה בהחלטות: השיעור הממוצע של שותפים המשתתפים בהחלטות המשותפות.",
                "Decision inclusiveness: the mean share of partners taking part in joint decisions.",
            ),
            proposed=False,
            threshold=Text(
                "כל שותף השתתף ב-75% לפחות מההחלטות המשותפות (T4)",
                "every partner took part in at least 75% of joint decisions (T4)",
            ),
        ),
        Indicator(
            "I3.4",
            _P3,
            Text(
                "מימוש התחייבויות: התרומות בפועל כשיעור מההתחייבויות, לכל שותף.",
                "Pledge fulfilment: actual contributions as a share of pledged ones, per partner.",
            ),
            proposed=True,
        ),
        Indicator(
            "I4.1",
            _P4,
            Text(
                "כל שותף רשם לפחות תועלת צפויה אחת, תרומה אחת וחשש אחד.",
                "Every partner has recorded at least one expected benefit, one contribution and one concern.",
            ),
            proposed=False,
        ),
        Indicator(
            "I4.2",
            _P4,
            Text(
                "פער ציפיות: תועלות ששותף מצפה לקבל משותף אחר, שהשותף האחר לא רשם כתרומה.",
                "Expectation mismatch: benefits one partner expects from another that the other did not list"
                " as a contribution.",
            ),
            proposed=True,
        ),
        Indicator(
            "I4.3",
            _P4,
            Text("כל תפקיד מאויש ומוכר על ידי השותפים.", "Every role is filled and acknowledged."),
            proposed=False,
        ),
        Indicator(
            "I4.4",
            _P4,
            Text("לכל נציג יש ייפוי כוח (מנדט) רשום.", "Every representative has a recorded mandate."),
            proposed=True,
        ),
        Indicator(
            "I5.1",
            _P5,
            Text(
                "מדד מוכנות: פוליטית, ארגונית וקהילתית, כל אחת 0–3.",
                "Readiness index: political, organizational and community, each 0–3.",
            ),
            proposed=False,
            threshold=Text("כל ממד ≥ 1 והסכום ≥ 5", "go when every dimension is ≥ 1 and the total is ≥ 5"),
        ),
        Indicator(
            "I5.2",
            _P5,
            Text(
                "ציון ההצדקה (תרומה לקהילה, היקף, חדשנות) עובר את הסף לפני המעבר מייזום להתנעה.",
                "The justification score (benefit to the community, scope, innovation) passes the threshold"
                " before moving from initiation to kick-off.",
            ),
            proposed=False,
        ),
        Indicator(
            "I5.3",
            _P5,
            Text(
                "שיעור החששות של השותפים שנרשמה לגביהם דרך התמודדות.",
                "Share of the partners' concerns that have a recorded mitigation.",
            ),
            proposed=True,
        ),
        Indicator(
            "I6.1",
            _P6,
            Text(
                "מפת פערי תרבות בין השותפים לפי ממד, והאם נקבעה נורמה לכל ממד שבו הפער גדול.",
                "Culture-gap map across partners per dimension, and whether a norm was agreed for each"
                " high-gap dimension.",
            ),
            proposed=False,
        ),
        Indicator(
            "I6.2",
            _P6,
            Text(
                "מגמת האמון בסקר תקופתי (למשל 5 פריטים בסולם ליקרט).",
                "Trust score trend in a periodic survey (e.g. 5 Likert items).",
            ),
            proposed=False,
        ),
        Indicator(
            "I6.3",
            _P6,
            Text("הזמן עד ליישוב מחלוקת.", "Time to resolve a conflict."),
            proposed=True,
        ),
    )
}
