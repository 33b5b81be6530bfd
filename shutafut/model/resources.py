"""The resource-type vocabulary (domain.md §3)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shutafut.model.text import Text


class ResourceGroup(StrEnum):
    """An optional higher-level grouping of resource types (intellectual, political, labour, financial)."""

    INTELLECTUAL = "intellectual"
    POLITICAL = "political"
    LABOUR = "labour"
    FINANCIAL = "financial"


class ResourceType(StrEnum):
    KNOWLEDGE = "knowledge"
    EXPERIENCE = "experience"
    BUDGET = "budget"
    CONNECTIONS = "connections"
    TIME = "time"
    INFRASTRUCTURE = "infrastructure"
    MANPOWER = "manpower"
    VOLUNTEERS = "volunteers"
    LEGITIMACY = "legitimacy"
    OFFICIAL_AUTHORITY = "official_authority"
    ACCESS_TO_POPULATION = "access_to_population"
    ACCESS_TO_INFORMATION = "access_to_information"
    ACCESS_TO_INSTITUTIONS = "access_to_institutions"
    PROFESSIONAL_EXPERTISE = "professional_expertise"
    MANAGERIAL_KNOWHOW = "managerial_knowhow"
    CONTINUITY = "continuity"
    FIELD_PROXIMITY = "field_proximity"
    OPERATIONAL_FLEXIBILITY = "operational_flexibility"
    REPUTATION = "reputation"
    STATUS = "status"
    PUBLICITY = "publicity"

    @property
    def info(self) -> ResourceInfo:
        return RESOURCES[self]

    @property
    def label(self) -> Text:
        return RESOURCES[self].name


@dataclass(frozen=True, slots=True)
class ResourceInfo:
    type: ResourceType
    name: Text
    group: ResourceGroup
    in_guide_list: bool
    """True for the six types the guide itself names.

    They are knowledge, experience, budget, connections, time and infrastructure.
    """


_I, _P, _L, _F = (
    ResourceGroup.INTELLECTUAL,
    ResourceGroup.POLITICAL,
    ResourceGroup.LABOUR,
    ResourceGroup.FINANCIAL,
)
_R = ResourceType

RESOURCES: dict[ResourceType, ResourceInfo] = {
    info.type: info
    for info in (
        ResourceInfo(_R.KNOWLEDGE, Text("ידע", "Knowledge"), _I, True),
        ResourceInfo(_R.EXPERIENCE, Text("ניסיון", "Experience"), _I, True),
        ResourceInfo(_R.BUDGET, Text("תקציב", "Budget"), _F, True),
        ResourceInfo(_R.CONNECTIONS, Text("קשרים", "Connections"), _P, True),
        ResourceInfo(_R.TIME, Text("זמן", "Time"), _L, True),
        ResourceInfo(_R.INFRASTRUCTURE, Text("תשתיות, מבנים וציוד", "Infrastructure, premises, equipment"), _F, True),
        ResourceInfo(_R.MANPOWER, Text("כוח אדם", "Manpower, staff"), _L, False),
        ResourceInfo(_R.VOLUNTEERS, Text("מתנדבים", "Volunteers"), _L, False),
        ResourceInfo(_R.LEGITIMACY, Text("לגיטימציה", "Legitimacy"), _P, False),
        ResourceInfo(_R.OFFICIAL_AUTHORITY, Text("סמכות רשמית", "Official authority"), _P, False),
        ResourceInfo(_R.ACCESS_TO_POPULATION, Text("נגישות לאוכלוסייה", "Access to population"), _P, False),
        ResourceInfo(_R.ACCESS_TO_INFORMATION, Text("נגישות למידע", "Access to information and data"), _I, False),
        ResourceInfo(_R.ACCESS_TO_INSTITUTIONS, Text("נגישות למוסדות", "Access to institutions"), _P, False),
        ResourceInfo(_R.PROFESSIONAL_EXPERTISE, Text("ידע מקצועי", "Professional expertise"), _I, False),
        ResourceInfo(_R.MANAGERIAL_KNOWHOW, Text("ידע ניהולי", "Managerial know-how"), _I, False),
        ResourceInfo(_R.CONTINUITY, Text("המשכיות ורציפות", "Continuity and permanence"), _P, False),
        ResourceInfo(_R.FIELD_PROXIMITY, Text("קרבה לשדה", "Closeness to the field"), _I, False),
        ResourceInfo(_R.OPERATIONAL_FLEXIBILITY, Text("גמישות פעולה", "Operational flexibility"), _L, False),
        ResourceInfo(_R.REPUTATION, Text("מוניטין ויוקרה", "Reputation, prestige"), _P, False),
        ResourceInfo(_R.STATUS, Text("מעמד", "Status"), _P, False),
        ResourceInfo(_R.PUBLICITY, Text("פרסום וחשיפה", "Publicity, media"), _P, False),
    )
}
