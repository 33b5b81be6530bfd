"""The evidence: computed once from the record, immutable, and holding the facts the rules share."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from shutafut.diagnosis.engine import EngineParams, parse
from shutafut.diagnosis.engine.evidence import Evidence, build_evidence

Record = dict[str, Any]


def evidence(record: Record) -> Evidence:
    return build_evidence(parse(record), EngineParams())


def test_no_rule_can_change_the_evidence(full: Record) -> None:
    ev = evidence(full)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ev.flows = ()
    with pytest.raises(TypeError):
        ev.members["intruder"] = ev.members["city"]
    assert isinstance(ev.flags, tuple) and isinstance(ev.info_pairs, frozenset)


def test_the_shared_facts_come_with_the_evidence(full: Record) -> None:
    full["pledges"].append({"id": "gift", "giver": "biz", "receiver": "city", "type": "budget", "in_return": "nothing"})
    full["decisions"].append({"id": "d3", "date": "2024-05-01", "participants": ["city"], "method": "unilateral"})
    full["interactions"] = [{"id": "i1", "kind": "information", "from": "npo", "to": "biz"}]
    ev = evidence(full)
    assert [f.id for f in ev.contributions] == ["p-city", "p-npo", "p-biz"]
    assert ev.joint_decision_ids == {"d1", "d2"}
    assert ev.public_members == {"city"}
    assert ev.info_pairs == {("npo", "biz")}
    assert ev.two_way_information and ev.one_way_information and ev.activity_adjusted


def test_deliveries_of_a_pledge_add_up_on_the_pledges_flow(full: Record) -> None:
    full["deliveries"] = [
        {"id": "dl1", "giver": "city", "type": "budget", "value": 30, "in_return": "shared_goal", "pledge": "p-city"},
        {"id": "dl2", "giver": "city", "type": "budget", "value": 50, "in_return": "shared_goal", "pledge": "p-city"},
        {"id": "dl3", "giver": "npo", "type": "infrastructure", "value": 5, "in_return": "shared_goal"},
    ]
    flows = {f.id: f for f in evidence(full).flows}
    assert list(flows) == ["p-city", "p-npo", "p-biz", "dl3"]
    assert flows["p-city"].pledged and flows["p-city"].delivered == 80
    assert flows["p-npo"].delivered is None
    assert not flows["dl3"].pledged and flows["dl3"].delivered == 5


def test_contradictions_are_flagged_in_the_order_of_the_record(full: Record) -> None:
    full["members"].append({"id": "npo", "name": "Second nonprofit", "sector": "third"})
    full["decisions"][0]["participants"].append("ghost")
    full["deliveries"] = [
        {"id": "dl1", "giver": "npo", "type": "budget", "value": 500, "in_return": "shared_goal", "pledge": "p-city"},
        {"id": "dl2", "giver": "city", "type": "budget", "value": 500, "in_return": "shared_goal", "pledge": "p-city"},
    ]
    codes = [f.code for f in evidence(full).flags]
    assert codes == ["duplicate_id", "unknown_member", "delivery_pledge_mismatch", "delivery_exceeds_pledge"]
