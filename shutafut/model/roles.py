"""Roles in a partnership (domain.md §4, principle 4; the Elka toolkit's role identification)."""

from __future__ import annotations

from enum import StrEnum

from shutafut.model.text import Text


class PartnerRole(StrEnum):
    INITIATOR = "initiator"
    MANAGER = "manager"
    INFORMAL_LEADER = "informal_leader"
    PARTNER = "partner"

    @property
    def label(self) -> Text:
        return PARTNER_ROLE_LABELS[self]


PARTNER_ROLE_LABELS: dict[PartnerRole, Text] = {
    PartnerRole.INITIATOR: Text("יזם", "Initiator"),
    PartnerRole.MANAGER: Text("מנהל/ת השותפות", "Partnership manager"),
    PartnerRole.INFORMAL_LEADER: Text("מוביל/ה לא פורמלי/ת", "Informal leader"),
    PartnerRole.PARTNER: Text("שותף/ה", "Partner"),
}
