"""Why partner: what the guide says comes before the principles (domain.md §1.1, §8).

- ``Outcome``: the good the guide expects from the meeting of the sectors. It is also the vocabulary of a
  partnership's intended and achieved outcomes (what a partnership records as what it is for).
- ``Driver``: the changes the guide names behind the growth of cross-sector partnership.
- ``COMPLEXITY_WARNING``: the guide's warning that such partnerships are complex and many fail.

All of it is the guide's [S] (``Source.GUIDE``), in our own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shutafut.model.provenance import Source
from shutafut.model.text import Text


class Outcome(StrEnum):
    """What a partnership is for, in the guide's words: the intended (and later achieved) outcomes."""

    COMMUNITY_DEVELOPMENT = "community_development"
    TRANSPARENCY = "transparency"
    EFFICIENCY = "efficiency"
    QUALITY_OF_LIFE = "quality_of_life"
    PUBLIC_SPACE = "public_space"
    PARTICIPATION = "participation"
    PUBLIC_RESPONSIBILITY = "public_responsibility"

    @property
    def info(self) -> OutcomeInfo:
        return OUTCOMES[self]

    @property
    def label(self) -> Text:
        return OUTCOMES[self].label

    @property
    def source(self) -> Source:
        return OUTCOMES[self].source


@dataclass(frozen=True, slots=True)
class OutcomeInfo:
    outcome: Outcome
    label: Text
    """Short, for a checkbox or a table heading."""
    description: Text
    """One sentence in our words."""
    source: Source = Source.GUIDE


OUTCOMES: dict[Outcome, OutcomeInfo] = {
    o.outcome: o
    for o in (
        OutcomeInfo(
            Outcome.COMMUNITY_DEVELOPMENT,
            Text("פיתוח חברתי וקהילתי", "Social and community development"),
            Text(
                "המפגש בין המגזרים מקדם את החברה ואת הקהילה ביישוב.",
                "The meeting of the sectors advances the town's society and community.",
            ),
        ),
        OutcomeInfo(
            Outcome.TRANSPARENCY,
            Text("שקיפות", "Transparency"),
            Text(
                "כל מגזר פועל בגלוי יותר, וגם השלטון המקומי.",
                "Each sector, local government included, works more openly.",
            ),
        ),
        OutcomeInfo(
            Outcome.EFFICIENCY,
            Text("יעילות ותפקוד", "Efficiency and functioning"),
            Text(
                "כל אחד מהמגזרים בזירה המקומית עובד טוב ויעיל יותר.",
                "Each of the sectors in the local arena works better and more efficiently.",
            ),
        ),
        OutcomeInfo(
            Outcome.QUALITY_OF_LIFE,
            Text("איכות חיים", "Quality of life"),
            Text("חייהם של התושבים משתפרים.", "Residents' lives get better."),
        ),
        OutcomeInfo(
            Outcome.PUBLIC_SPACE,
            Text("איכות המרחב הציבורי", "Quality of public space"),
            Text("המרחב הציבורי ביישוב משתפר.", "The town's public space gets better."),
        ),
        OutcomeInfo(
            Outcome.PARTICIPATION,
            Text("שיתוף הציבור", "Participation"),
            Text(
                "השלטון המקומי משתף את הציבור יותר ובגלוי יותר בפעולתו.",
                "Local government involves the public more, and more openly, in what it does.",
            ),
        ),
        OutcomeInfo(
            Outcome.PUBLIC_RESPONSIBILITY,
            Text("מעורבות ואחריות ציבורית משותפת", "Shared public responsibility"),
            Text(
                "הקהילה מעורבת יותר ונושאת יותר באחריות לענייני הציבור.",
                "The community takes more part in, and more responsibility for, public affairs.",
            ),
        ),
    )
}


class Driver(StrEnum):
    """Why cross-sector partnerships are growing, as the guide explains it."""

    SHRINKING_RESOURCES = "shrinking_resources"
    COMPLEX_CHALLENGES = "complex_challenges"
    BUSINESS_ROLE = "business_role"

    @property
    def label(self) -> Text:
        return DRIVERS[self]

    @property
    def source(self) -> Source:
        return Source.GUIDE


DRIVERS: dict[Driver, Text] = {
    Driver.SHRINKING_RESOURCES: Text(
        "המשאבים הציבוריים והפילנתרופיים הולכים ומצטמצמים.",
        "Public and philanthropic resources are shrinking.",
    ),
    Driver.COMPLEX_CHALLENGES: Text(
        "האתגרים נעשים מורכבים יותר, בייחוד בתחום הקיימות.",
        "Challenges are growing more complex, above all in sustainability.",
    ),
    Driver.BUSINESS_ROLE: Text(
        "הצרכנים והעסקים עצמם מודעים יותר לתפקידם של העסקים בשיפור המרחב הציבורי והקהילה שבהם הם פועלים.",
        "Consumers and businesses are more aware of the part businesses play in improving the public space"
        " and the community they work in.",
    ),
}

COMPLEXITY_WARNING = Text(
    "ועם זאת: שותפות בין מגזרים מורכבת, יש בדרכה חסמים רבים, ושותפויות רבות אינן מצליחות.",
    "And yet: a cross-sector partnership is complex, many barriers stand in its way, and many partnerships"
    " do not succeed.",
)
"""The guide's warning [S]: said on the guide pages right after the reasons to partner."""
