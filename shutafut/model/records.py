"""The vocabulary of partnership records, shared by the records (Django choices) and the diagnosis engine.

Each value carries its Hebrew and English label, so the app's forms and the engine read one list: a value the
records can hold is by construction one the engine understands.
"""

from __future__ import annotations

from enum import StrEnum

from shutafut.model.text import Text


class Vocabulary(StrEnum):
    """A list of values a record can hold; each value's Hebrew and English label is in ``_LABELS``."""

    @property
    def label(self) -> Text:
        return _LABELS[(type(self).__name__, self.value)]


class DocumentKind(Vocabulary):
    """Kinds of framework document. A ``contract`` alone never makes the framework explicit (domain.md §3)."""

    AGREEMENT = "agreement"
    CHARTER = "charter"
    MOU = "mou"
    STEERING_MANDATE = "steering_mandate"
    FRAMEWORK_DOC = "framework_doc"
    CONTRACT = "contract"


class Cadence(Vocabulary):
    """How often the joint body meets. ``none`` and ``ad_hoc`` are recorded, but are not a defined cadence.

    ``regular``: the joint body meets regularly, frequency unknown (what public descriptions of real partnerships
    usually say). It counts as a set cadence when a standing joint body is recorded (docs/diagnosis.md, T2)."""

    NONE = "none"
    AD_HOC = "ad_hoc"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    BIMONTHLY = "bimonthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    YEARLY = "yearly"
    REGULAR = "regular"


class InReturn(Vocabulary):
    """What the giver of a resource received in return: the key to the exclusions of test T7."""

    NOTHING = "nothing"
    RECOGNITION = "recognition"
    """Thanks, naming, publicity only: with nothing else this is a donation."""
    DELIVERABLE = "deliverable"
    """A deliverable the payer defined (goods or a service for the payer): with money, a purchase of
    services."""
    SERVICE_OPERATION = "service_operation"
    """The receiver runs a service on the payer's behalf: with money, outsourcing."""
    RESOURCES = "resources"
    """Other resources from the receiver: mutual give-and-take."""
    SHARED_GOAL = "shared_goal"
    """A contribution to the joint activity and its public goal."""


class ApprovalKind(Vocabulary):
    DONATIONS_COMMITTEE = "donations_committee"
    SUPPORT_COMMITTEE = "support_committee"
    TENDER = "tender"
    NONE = "none"


class DecisionMethod(Vocabulary):
    CONSENSUS = "consensus"
    VOTE = "vote"
    CONSULTATION = "consultation"
    UNILATERAL = "unilateral"
    """Taken by one partner alone."""


class InterestKind(Vocabulary):
    """A business partner's own matter before a public body (domain.md §7.1)."""

    TENDER = "tender"
    PERMIT = "permit"
    PLANNING = "planning"
    LAND = "land"


class InteractionKind(Vocabulary):
    INFORMATION = "information"
    """Deliberate information from one member to another (or to all when ``to`` is empty)."""
    ADJUSTMENT = "adjustment"
    """A member changed an activity because of another (avoided duplication, split target groups...)."""
    RIVALRY = "rivalry"
    """Active rivalry over the same scarce things (calls, tenders, donors, beneficiaries)."""


# Keyed by (vocabulary, value): StrEnum members compare equal to their values, so Cadence.NONE and
# ApprovalKind.NONE would collide as plain keys.
_LABELS: dict[tuple[str, str], Text] = {
    ("DocumentKind", DocumentKind.AGREEMENT.value): Text("הסכם שותפות", "Partnership agreement"),
    ("DocumentKind", DocumentKind.CHARTER.value): Text("אמנה", "Charter"),
    ("DocumentKind", DocumentKind.MOU.value): Text("מזכר הבנות", "Memorandum of understanding"),
    ("DocumentKind", DocumentKind.STEERING_MANDATE.value): Text("כתב מינוי לוועדת היגוי", "Steering committee mandate"),
    ("DocumentKind", DocumentKind.FRAMEWORK_DOC.value): Text("מסמך מסגרת", "Framework document"),
    ("DocumentKind", DocumentKind.CONTRACT.value): Text("חוזה משפטי", "Legal contract"),
    ("Cadence", Cadence.NONE.value): Text("אין פגישות קבועות", "No set meetings"),
    ("Cadence", Cadence.AD_HOC.value): Text("לפי הצורך", "When needed"),
    ("Cadence", Cadence.WEEKLY.value): Text("שבועית", "Weekly"),
    ("Cadence", Cadence.BIWEEKLY.value): Text("אחת לשבועיים", "Every two weeks"),
    ("Cadence", Cadence.MONTHLY.value): Text("חודשית", "Monthly"),
    ("Cadence", Cadence.BIMONTHLY.value): Text("אחת לחודשיים", "Every two months"),
    ("Cadence", Cadence.QUARTERLY.value): Text("רבעונית", "Quarterly"),
    ("Cadence", Cadence.SEMIANNUAL.value): Text("פעמיים בשנה", "Twice a year"),
    ("Cadence", Cadence.YEARLY.value): Text("שנתית", "Yearly"),
    ("Cadence", Cadence.REGULAR.value): Text("באופן קבוע, התדירות לא ידועה", "Regularly, frequency unknown"),
    ("InReturn", InReturn.NOTHING.value): Text("כלום", "Nothing"),
    ("InReturn", InReturn.RECOGNITION.value): Text("הכרה בלבד", "Recognition only"),
    ("InReturn", InReturn.DELIVERABLE.value): Text("תוצר שהגדיר הנותן", "A deliverable set by the giver"),
    ("InReturn", InReturn.SERVICE_OPERATION.value): Text(
        "הפעלת שירות בשם הנותן", "Running a service on the giver's behalf"
    ),
    ("InReturn", InReturn.RESOURCES.value): Text("משאבים אחרים מהמקבל", "Other resources from the receiver"),
    ("InReturn", InReturn.SHARED_GOAL.value): Text("התקדמות במטרה המשותפת", "Progress on the shared goal"),
    ("ApprovalKind", ApprovalKind.DONATIONS_COMMITTEE.value): Text("ועדת תרומות", "Donations committee"),
    ("ApprovalKind", ApprovalKind.SUPPORT_COMMITTEE.value): Text("ועדת תמיכות", "Support committee"),
    ("ApprovalKind", ApprovalKind.TENDER.value): Text("מכרז", "Tender"),
    ("ApprovalKind", ApprovalKind.NONE.value): Text("לא נרשם", "None recorded"),
    ("DecisionMethod", DecisionMethod.CONSENSUS.value): Text("הסכמה", "Consensus"),
    ("DecisionMethod", DecisionMethod.VOTE.value): Text("הצבעה", "Vote"),
    ("DecisionMethod", DecisionMethod.CONSULTATION.value): Text("התייעצות", "Consultation"),
    ("DecisionMethod", DecisionMethod.UNILATERAL.value): Text("צד אחד החליט", "One party decided"),
    ("InterestKind", InterestKind.TENDER.value): Text("מכרז", "Tender"),
    ("InterestKind", InterestKind.PERMIT.value): Text("היתר", "Permit"),
    ("InterestKind", InterestKind.PLANNING.value): Text("בקשה תכנונית", "Planning application"),
    ("InterestKind", InterestKind.LAND.value): Text("עניין מקרקעין", "Land matter"),
    ("InteractionKind", InteractionKind.INFORMATION.value): Text("מסירת מידע", "Information given"),
    ("InteractionKind", InteractionKind.ADJUSTMENT.value): Text(
        "שינוי פעילות בגלל הצד השני", "Activity adjusted because of the other"
    ),
    ("InteractionKind", InteractionKind.RIVALRY.value): Text("יריבות", "Rivalry"),
}
