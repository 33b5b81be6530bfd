"""The guide's six principles of action and the indicators that check them (domain.md §4).

The principles are the guide's [S]; each explanation is written in our own words and keeps every element of
the principle as the Center for Local Sustainability's summary gives it. Every indicator is our
operational proposal, but some measure something the sources name themselves (``proposed=False``, [S] in
docs/model.md) while others are our own additions (``proposed=True``, [P]). Every default threshold is ours
[P]; the numeric ones also exist as typed constants below so that rules and forms share one value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shutafut.model.provenance import Source
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
    """One paragraph in our own words that keeps every element of the guide's principle."""
    source: Source = Source.GUIDE
    """Where the principle (its name and its content) comes from; the wording is always ours."""


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

    @property
    def source(self) -> Source:
        """``Source.GUIDE`` when the guide names what is measured (the measure is still ours), else ``OURS``."""
        return Source.OURS if self.proposed else Source.GUIDE

    @property
    def threshold_source(self) -> Source:
        return Source.OURS


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
            "המגזרים אינם שווים באחריות ובמחויבות כלפי הציבור: המשילות בידי המגזר הציבורי, והוא זה שמוביל."
            ' לצד זה מתעצבת "משילות משולבת", שבה השלטון מזמין את העסקים ואת הארגונים החברתיים לחשוב איתו,'
            " להביא משאבים ולבצע יחד. כדי שלא יהיה טשטוש גבולות בין המגזרים, שלא תיווצר קרבת הון ושלטון"
            " ושלא תהיה פגיעה אתית, הגוף הציבורי נשאר המוסד הנבחר והקבוע: הוא מכנס את השותפות, ודרכו"
            " המגזרים האחרים משפיעים על ההחלטות ופועלים בשדה החברתי.",
            "The sectors are not equal in public responsibility and commitment: the public sector holds"
            " governance, and it is the public sector that leads. Beside it a new integrated governance takes"
            " shape, in which government invites businesses and nonprofits to think with it, bring resources"
            " and deliver together. So that the boundaries between the sectors do not blur, capital and"
            " government do not grow too close, and no ethical harm is done, the public body stays the elected,"
            " permanent institution: it convenes the partnership, and through it the other sectors influence"
            " decisions and act in the social field.",
        ),
    ),
    Principle.P2: PrincipleInfo(
        Principle.P2,
        Text(
            "שותפות מובלת מטרות ציבוריות ותפיסה ערכית משותפת",
            "Led by public goals and a shared value outlook",
        ),
        Text(
            "השותפות נשענת על ערכים של פיתוח בר-קיימא, ומה שמוביל אותה הוא מטרות ציבוריות ותפיסת ערכים"
            " משותפת. היא משרתת את המטרות שהשותפים חולקים, וגם את המטרות של כל שותף לעצמו. מגייסים אליה את"
            " כל בעלי העניין בקהילה; הם נושאים יחד באחריות ומשתתפים בתהליך דמוקרטי שמזהה מה כל מגזר יכול"
            " לתת ומנצל זאת לטובת כולם. כשמקימים את השותפות בוחרים מוקד פעולה שרלוונטי לכל השותפים: כל אחד"
            " מהם מעוניין בו ויכול להשפיע עליו.",
            "The partnership rests on the values of sustainable development and is led by public goals and a"
            " shared outlook on values. It serves the goals the partners share, and also each partner's own"
            " goals. All the stakeholders in the community are recruited to it; they accept a shared"
            " responsibility and take part in a democratic process that finds what each sector can offer and"
            " uses it for the good of all. When the partnership is formed, choose a focus that is relevant to"
            " every partner: each has an interest in it and the ability to influence it.",
        ),
    ),
    Principle.P3: PrincipleInfo(
        Principle.P3,
        Text("אופי השותפות", "The nature of the partnership"),
        Text(
            "לא כל מגע בין מגזרים הוא שותפות. שלושה סימנים מזהים אותה: השותפים מכוונים יחד משאבים מסוגים"
            " שונים (ידע, ניסיון, תקציב, קשרים, זמן, תשתיות); כל השותפים מעורבים בקבלת ההחלטות; והפעולה"
            " נעשית לתועלת הקהילה. תרומה פילנתרופית, קניית שירותים או מיקור חוץ אינם שותפות כשלעצמם, אבל כל"
            " אחד מהם יכול להיות הבסיס שממנו תצמח שותפות בהמשך.",
            "Not every contact between sectors is a partnership. Three marks tell one: the partners jointly"
            " direct resources of different types (knowledge, experience, budget, connections, time,"
            " infrastructure); all partners take part in making decisions; and the work is done for the"
            " community's benefit. A philanthropic donation, a purchase of services or outsourcing is not a"
            " partnership by itself, but each can be the basis from which a partnership later grows.",
        ),
    ),
    Principle.P4: PrincipleInfo(
        Principle.P4,
        Text(
            "תיאום ציפיות והבהרת מוטיבציות ותפקידים",
            "Align expectations and clarify motivations and roles",
        ),
        Text(
            "כל מגזר מביא לשותפות תרומה ייחודית משלו. כדי שהשותפות תצליח, השותפים מכירים בנכסים ובחוזקות של"
            " כל אחד מהם, מגדירים בבהירות את המטרה המשותפת, מסכמים את הציפיות של כל צד, וקובעים את ממשקי"
            " השיתוף: מי עובד מול מי, באילו נושאים ובאיזו תדירות. טבלת המגזרים (תרומות, תועלות וחששות) עוזרת"
            " בכך, וכך גם חלוקת תפקידים ברורה והמנדט של כל נציג.",
            "Each sector brings a unique contribution of its own. For the partnership to succeed, the partners"
            " recognise each other's assets and strengths, define the shared goal clearly, settle what each"
            " side expects, and set the interfaces of cooperation: who works with whom, on what and how often."
            " The sector table (contributions, benefits, concerns) helps with this, as do clear roles and each"
            " representative's mandate.",
        ),
    ),
    Principle.P5: PrincipleInfo(
        Principle.P5,
        Text("הכרה במורכבות ההפעלה של השותפות", "Recognise how complex the partnership is to operate"),
        Text(
            "שותפות קשה להפעלה, ולכן כדאי להכיר מראש את החסמים והחששות של כל מגזר. שותפות אמיתית מחייבת כל"
            " צד לוותר על הבלעדיות שלו בשדה, או לפחות על התחושה שהיא שלו, ולהעמיד לרשות השותפות משאבים,"
            " מוניטין, מעמד, קשרים, זמן וכוח אדם. לכן בודקים תחילה שיש ביישוב מוכנות פוליטית, ארגונית"
            " וקהילתית לתרבות של שיח בין המגזרים, ובוחרים שותפות שיש לה הצדקה: בהיקף תרומתה לקהילה, בהיקף"
            " הפעולה ובחדשנות שהיא מביאה.",
            "A partnership is hard to run, so know each sector's barriers and concerns in advance. A true"
            " partnership asks every side to give up its exclusivity in the field, or at least the feeling of"
            " it, and to put resources, reputation, status, connections, time and staff on the table. So first"
            " check that the place has the political, organizational and community readiness for a culture of"
            " dialogue between the sectors, and choose a partnership that is justified by how much it gives the"
            " community, the scale of its action and the innovation it brings.",
        ),
    ),
    Principle.P6: PrincipleInfo(
        Principle.P6,
        Text("גישור בין תרבויות ארגוניות", "Bridge organizational cultures"),
        Text(
            "עסקים, מוסדות ציבור וארגונים חברתיים נבדלים בתרבות הארגונית שלהם: ביחס לזמן, בשיטות העבודה"
            " ובמה שנחשב בעיניהם הצלחה, ולרובם יש מעט ניסיון בעבודה משותפת. המפגש בין תרבויות שונות מביא"
            " איתו נכסים חשובים, אבל כדי ליהנות מהם צריך לקיים שיח על עמדות המוצא של כל מגזר, ולבנות יחד"
            " מערכת של הסכמות ואמון בין השותפים.",
            "Businesses, public institutions and social organizations differ in organizational culture: in"
            " their sense of time, their work methods and what they count as success, and most have little"
            " experience of working together. The meeting of different cultures brings valuable assets, but to"
            " gain them the partners need a dialogue about each sector's starting positions, and to build"
            " together a set of agreements and trust.",
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
