"""The partnership life cycle: stages (domain.md §6). Gates are added in ``gates``."""

from __future__ import annotations

from enum import StrEnum

from shutafut.model.text import Text


class Stage(StrEnum):
    IDEA = "idea"
    INITIATION = "initiation"
    KICKOFF = "kickoff"
    AGREEMENT = "agreement"
    ACTION = "action"
    ROUTINE = "routine"
    REVIEW = "review"
    RENEWED = "renewed"
    EXPANDED = "expanded"
    EMBEDDED = "embedded"
    CLOSED = "closed"

    @property
    def label(self) -> Text:
        return STAGE_LABELS[self]


STAGE_LABELS: dict[Stage, Text] = {
    Stage.IDEA: Text("רעיון", "Idea"),
    Stage.INITIATION: Text("ייזום", "Initiation"),
    Stage.KICKOFF: Text("התנעה", "Kick-off"),
    Stage.AGREEMENT: Text("הסכמות", "Agreement"),
    Stage.ACTION: Text("יציאה לפעולה", "Going into action"),
    Stage.ROUTINE: Text("ניהול שגרה", "Routine"),
    Stage.REVIEW: Text("בחינה תקופתית", "Review"),
    Stage.RENEWED: Text("חודשה", "Renewed"),
    Stage.EXPANDED: Text("הורחבה", "Expanded"),
    Stage.EMBEDDED: Text("הוטמעה בארגון", "Embedded in an organization"),
    Stage.CLOSED: Text("הסתיימה", "Closed"),
}
