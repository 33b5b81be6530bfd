"""Thresholds of the engine's rules, with their documented defaults (docs/diagnosis.md, "Rules")."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class EngineParams:
    """Every number a rule compares against. Defaults follow domain.md §3 and §4 ([P] rules)."""

    ongoing_months: int = 6
    """T2: a planned horizon of at least this many months makes the framework ongoing."""
    min_recurring_activities: int = 2
    """T2: or at least this many activities on different dates."""
    decision_share: float = 0.75
    """T4: each member must take part (present or consulted) in at least this share of the joint decisions."""
    min_resource_types: int = 2
    """T3: distinct resource types contributed to the joint effort."""
    min_contributors: int = 2
    """T3: distinct members contributing resources to the joint effort."""
    min_sectors: int = 2
    """T6: distinct sectors among the members."""
    min_contributors_against_exclusion: int = 2
    """T7: a record whose joint contributions come from fewer members than this, and that has transactional
    flows (a donation, a purchase of services, outsourcing), is that transaction, not a partnership."""
    pledge_fulfilment_attention: float = 0.5
    """I3.4: a member that delivered less than this share of the value it pledged gets attention."""
    readiness_min_dimension: int = 1
    """I5.1: go/no-go: every readiness dimension at least this (0..3)."""
    readiness_min_total: int = 5
    """I5.1: go/no-go: the three readiness dimensions sum to at least this."""

    def as_dict(self) -> dict[str, int | float]:
        return dict(asdict(self))
