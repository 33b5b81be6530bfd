"""Workspace services: charter, representatives, vision, readiness, culture, stages, work plan, health survey."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from shutafut.workspace import selectors, services
from shutafut.workspace.models import (
    Charter,
    CharterApproval,
    CharterItem,
    HealthResponse,
    ReadinessAssessment,
    StageTransition,
    SurveyStatus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    """Refusals are checked by their English wording; the Hebrew is checked by the catalog test."""
    from django.utils import translation

    with translation.override("en"):
        yield


READY = {"political": 2, "organizational": 2, "community": 1, "contribution": 2, "scope": 2, "innovation": 1}


def _snapshot(ws):  # type: ignore[no-untyped-def]
    return (
        Charter.objects.count(),
        CharterItem.objects.count(),
        CharterApproval.objects.count(),
        ReadinessAssessment.objects.count(),
        StageTransition.objects.count(),
        HealthResponse.objects.count(),
        type(ws["p"]).objects.get(pk=ws["p"].pk).stage,
    )


def test_prefill_adds_the_members_sector_items_once(ws):
    added = services.charter_prefill(partnership=ws["p"], member=ws["ngo_m"], by=ws["carol"])
    assert added > 0
    assert services.charter_prefill(partnership=ws["p"], member=ws["ngo_m"], by=ws["carol"]) == 0
    codes = set(CharterItem.objects.values_list("code", flat=True))
    assert all(code.startswith("third.") for code in codes)


def test_a_representative_cannot_edit_another_members_entries(ws):
    before = _snapshot(ws)
    with pytest.raises(ValidationError, match="representative"):
        services.charter_item_add(
            partnership=ws["p"], member=ws["biz_m"], column="contribution", text="x", by=ws["carol"]
        )
    assert _snapshot(ws) == before


def test_an_approval_by_someone_who_is_not_the_members_representative_is_refused(ws):
    services.charter_item_add(
        partnership=ws["p"], member=ws["ngo_m"], column="contribution", text="ידע", by=ws["carol"]
    )
    before = _snapshot(ws)
    with pytest.raises(ValidationError, match="Only a representative"):
        services.charter_approve(partnership=ws["p"], member=ws["ngo_m"], by=ws["alice"])  # a coordinator, not its rep
    with pytest.raises(ValidationError):
        services.charter_approve(partnership=ws["p"], member=ws["ngo_m"], by=ws["bob"])
    assert _snapshot(ws) == before
    approval = services.charter_approve(partnership=ws["p"], member=ws["ngo_m"], by=ws["carol"])
    assert approval.user == ws["carol"] and approval.approved_at is not None


def test_a_change_to_an_approved_charter_makes_a_new_version_without_approvals(ws):
    services.charter_item_add(
        partnership=ws["p"], member=ws["ngo_m"], column="contribution", text="ידע", by=ws["carol"]
    )
    services.charter_item_add(
        partnership=ws["p"], member=ws["ngo_m"], column="contribution", text="זמן", by=ws["carol"]
    )
    assert Charter.objects.count() == 1  # unapproved: edited in place
    services.charter_approve(partnership=ws["p"], member=ws["ngo_m"], by=ws["carol"])
    services.charter_item_add(partnership=ws["p"], member=ws["ngo_m"], column="concern", text="עומס", by=ws["carol"])
    current = selectors.charter_current(ws["p"])
    assert current is not None and current.version == 2
    assert current.items.count() == 3 and not current.approvals.exists()
    assert Charter.objects.get(version=1).items.count() == 2  # the approved version is kept as it was


def test_the_charter_shows_benefit_concern_and_role_mismatches(ws):
    p = ws["p"]
    services.charter_item_add(
        partnership=p,
        member=ws["city_m"],
        column="benefit",
        text="כסף",
        resource_type="budget",
        from_member=ws["biz_m"],
        by=ws["alice"],
    )
    services.charter_item_add(
        partnership=p, member=ws["city_m"], column="concern", code="public.concern.risk_taking", by=ws["alice"]
    )
    kinds = sorted(x["kind"] for x in selectors.charter_view(p).mismatches)
    assert kinds.count("benefit") == 1 and kinds.count("concern") == 1 and "role" in kinds
    services.charter_item_add(
        partnership=p, member=ws["biz_m"], column="contribution", text="תקציב", resource_type="budget", by=ws["alice"]
    )
    kinds = [x["kind"] for x in selectors.charter_view(p).mismatches]
    assert "benefit" not in kinds


def test_every_member_must_approve_before_the_charter_counts_as_approved(ws):
    p = ws["p"]
    services.charter_item_add(partnership=p, member=ws["ngo_m"], column="contribution", text="ידע", by=ws["carol"])
    services.charter_approve(partnership=p, member=ws["ngo_m"], by=ws["carol"])
    view = selectors.charter_view(p)
    assert not view.approved_by_all and {m.pk for m in view.missing_approvals} == {ws["city_m"].pk, ws["biz_m"].pk}


def test_only_users_of_the_town_with_the_member_role_can_be_named_representatives(ws):
    with pytest.raises(ValidationError, match="member role"):
        services.representative_add(member=ws["biz_m"], user=ws["bob"], by=ws["alice"])  # bob only views
    with pytest.raises(ValidationError):
        services.representative_add(member=ws["biz_m"], user=ws["charlie"], by=ws["alice"])  # other town
    assert services.representative_add(member=ws["biz_m"], user=ws["carol"], by=ws["alice"]).user == ws["carol"]


def test_a_new_vision_text_needs_every_endorsement_again(ws):
    p = ws["p"]
    services.vision_save(partnership=p, public_goal="מטרה", dimensions=["social"], statement="חזון")
    services.vision_endorse(partnership=p, member=ws["ngo_m"], by=ws["carol"])
    assert selectors.vision_endorsers(selectors.vision_of(p)) == {ws["ngo_m"].pk}
    with pytest.raises(ValidationError):
        services.vision_endorse(partnership=p, member=ws["biz_m"], by=ws["carol"])
    services.vision_save(partnership=p, public_goal="מטרה", dimensions=["social"], statement="חזון חדש")
    assert selectors.vision_endorsers(selectors.vision_of(p)) == set()


@pytest.mark.parametrize("bad", [-1, 4, "2", None, True])
def test_a_score_outside_its_scale_is_refused_and_nothing_is_saved(ws, bad):
    before = _snapshot(ws)
    with pytest.raises(ValidationError, match="0 to 3"):
        services.readiness_record(partnership=ws["p"], by=ws["alice"], **{**READY, "community": bad})
    with pytest.raises(ValidationError):
        services.focus_set(member=ws["ngo_m"], by=ws["carol"], interest=bad, influence=1)
    assert _snapshot(ws) == before


def test_readiness_go_follows_the_rule_of_domain_section_4(ws):
    services.readiness_record(partnership=ws["p"], by=ws["alice"], **{**READY, "community": 0})
    assert selectors.readiness_go(selectors.readiness_latest(ws["p"])) is False  # a zero dimension
    services.readiness_record(partnership=ws["p"], by=ws["alice"], **READY)
    assert selectors.readiness_go(selectors.readiness_latest(ws["p"])) is True  # 2+2+1 = 5


def test_diagnosis_facts_carry_readiness_focus_endorsements_and_norms_each_from_its_home(ws):
    p = ws["p"]
    assert selectors.diagnosis_facts(p) == selectors.DiagnosisFacts(
        readiness=None, focus={}, vision_endorsers=None, working_norms=()
    )
    services.readiness_record(partnership=p, by=ws["alice"], **READY)
    services.focus_set(member=ws["ngo_m"], by=ws["carol"], interest=3, influence=1)
    services.vision_save(partnership=p, public_goal="מטרה", dimensions=[], statement="חזון")
    services.vision_endorse(partnership=p, member=ws["ngo_m"], by=ws["carol"])
    services.norm_add(partnership=p, dimension="", text="ישיבה בכל חודש")
    facts = selectors.diagnosis_facts(p)
    assert facts.readiness == selectors.Readiness(political=2, organizational=2, community=1)
    assert facts.focus == {ws["ngo_m"].pk: selectors.Focus(interest=3, influence=1)}
    assert facts.vision_endorsers == frozenset({ws["ngo_m"].pk})
    assert facts.working_norms == ("ישיבה בכל חודש",)


def test_culture_gaps_need_a_norm_for_each_wide_gap(ws):
    base = {
        "decision_speed": 1,
        "planning_horizon": 3,
        "formality": 3,
        "success_meaning": 3,
        "risk_attitude": 3,
        "reporting_cycle": 3,
    }
    services.culture_save(member=ws["ngo_m"], by=ws["carol"], **base)
    services.culture_save(member=ws["city_m"], by=ws["alice"], **{**base, "decision_speed": 4})
    gaps = {g["dimension"]: g for g in selectors.culture_gaps(ws["p"])}
    assert gaps["decision_speed"]["wide"] and not gaps["decision_speed"]["norm"] and not gaps["formality"]["wide"]
    services.norm_add(partnership=ws["p"], dimension="decision_speed", text="תשובה תוך שבוע")
    assert {g["dimension"]: g for g in selectors.culture_gaps(ws["p"])}["decision_speed"]["norm"]


def test_moving_on_with_unmet_gates_needs_a_reason_and_nothing_changes_without_one(ws):
    before = _snapshot(ws)
    with pytest.raises(ValidationError, match="Gates not met"):
        services.stage_move(partnership=ws["p"], to="kickoff", by=ws["alice"], override_reason="  ")
    assert _snapshot(ws) == before
    t = services.stage_move(partnership=ws["p"], to="kickoff", by=ws["alice"], override_reason="ראש העירייה אישר")
    assert t.unmet_gates == ["readiness", "justification"] and t.override_reason == "ראש העירייה אישר"
    ws["p"].refresh_from_db()
    assert ws["p"].stage == "kickoff"


def test_a_move_must_be_allowed_by_the_life_cycle(ws):
    services.readiness_record(partnership=ws["p"], by=ws["alice"], **READY)
    with pytest.raises(ValidationError, match="cannot move"):
        services.stage_move(partnership=ws["p"], to="routine", by=ws["alice"], override_reason="x")
    t = services.stage_move(partnership=ws["p"], to="kickoff", by=ws["alice"])
    assert t.unmet_gates == [] and t.override_reason == ""


def test_the_framework_gates_read_the_partnerships_documents(ws):
    from shutafut.partnerships.services import document_create

    facts = selectors.gate_facts(ws["p"])
    assert facts.framework_signed_by_all is False
    members = [ws["city_m"], ws["ngo_m"], ws["biz_m"]]
    document_create(
        partnership=ws["p"],
        kind="agreement",
        title="הסכם",
        signed_on=dt.date(2026, 1, 1),
        signatories=members,
        decision_rules="הסכמה",
        info_flow_rules="דיוור חודשי",
    )
    facts = selectors.gate_facts(ws["p"])
    assert facts.framework_signed_by_all and facts.decision_rules_set and facts.info_flow_rules_set


def test_progress_rolls_up_from_tasks_to_milestones_to_goals(ws):
    p = ws["p"]
    g = services.goal_create(partnership=p, title="תעסוקה", indicator="משרות", target=10, weight=1)
    m1 = services.milestone_create(goal=g, title="א", weight=1)
    services.milestone_create(goal=g, title="ב", weight=1)  # no tasks: counts as 0
    services.task_create(milestone=m1, owner=ws["ngo_m"], title="1", due=dt.date(2026, 2, 1), weight=3, progress=100)
    services.task_create(milestone=m1, owner=ws["city_m"], title="2", due=dt.date(2026, 2, 1), weight=1, progress=0)
    result = selectors.plan(p)
    assert result["goals"][0]["milestones"][0]["progress"] == pytest.approx(0.75)
    assert result["progress"] == pytest.approx(0.375) and result["exists"]
    services.indicator_value_add(goal=g, date=dt.date(2026, 3, 1), value=5)
    assert selectors.plan(p)["goals"][0]["indicator"] == pytest.approx(0.5)


def _answer(score: int) -> dict[str, int]:
    from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS

    return {code: score for code, _p, _t in PRINCIPLE_ITEMS}


TRUST = {"trust_reliable": 3, "trust_mission": 4, "trust_open": 3}


def test_the_health_survey_sends_links_reminds_and_scores_with_bands(ws, django_capture_on_commit_callbacks):
    from shutafut.workspace.models import HealthInvitation

    s = services.survey_create(partnership=ws["p"], title="סקר בריאות")
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails leave after the commit
        assert len(services.survey_send(survey=s, base_url="http://testserver")) == 3
    assert len(mail.outbox) == 3 and "http://testserver/h/" in mail.outbox[0].body
    s.refresh_from_db()
    assert s.status == SurveyStatus.OPEN
    links = [i.link for i in HealthInvitation.objects.filter(survey=s)]
    for link, score in zip(links[:2], (5, 4), strict=True):
        services.survey_answer(link=link, answers=_answer(score), trust=TRUST)
    assert selectors.survey_results(s)["principles"][0]["result"].suppressed  # two respondents
    reminded = services.survey_remind(survey=s, base_url="http://testserver")
    assert len(reminded.emailed) == 1 and reminded.no_email == []
    assert links[2].__class__.objects.get(pk=links[2].pk).revoked_at is None  # the reminder carries the same link
    services.survey_answer(link=links[2], answers=_answer(3), trust=TRUST)
    results = selectors.survey_results(s)
    first = results["principles"][0]["result"]
    assert first.mean == pytest.approx(4.0) and first.band == "strength" and results["rate"] == 1.0
    assert all(c.suppressed for row in results["sector_rows"] for c in row["cells"])  # one respondent per sector


def test_a_survey_answer_after_the_survey_closed_is_refused(ws):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    services.survey_invite(survey=s, member=ws["ngo_m"], person=ws["people"]["ngo"])
    link = s.invitations.get().link
    services.survey_close(survey=s)
    before = _snapshot(ws)
    with pytest.raises(ValidationError, match="closed"):
        services.survey_answer(link=link, answers=_answer(4), trust=TRUST)
    assert _snapshot(ws) == before


@pytest.mark.parametrize(
    ("answers", "trust"), [({"p1a": 6}, {}), ({"p1a": 0}, {}), ({}, {"trust_open": 5}), ({"zz": 3}, {})]
)
def test_a_survey_answer_outside_its_scale_is_refused(ws, answers, trust):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    services.survey_invite(survey=s, member=ws["ngo_m"], person=ws["people"]["ngo"])
    with pytest.raises(ValidationError):
        services.survey_answer(link=s.invitations.get().link, answers=answers, trust=trust)
    assert not HealthResponse.objects.exists()


def test_a_person_of_another_organization_gets_no_link_for_a_member(ws):
    s = services.survey_create(partnership=ws["p"], title="סקר")
    with pytest.raises(ValidationError):
        services.survey_invite(survey=s, member=ws["ngo_m"], person=ws["people"]["city"])


def test_removing_an_item_from_an_approved_charter_leaves_the_approved_version_intact(ws):
    item = services.charter_item_add(
        partnership=ws["p"], member=ws["ngo_m"], column="contribution", text="ידע", by=ws["carol"]
    )
    services.charter_approve(partnership=ws["p"], member=ws["ngo_m"], by=ws["carol"])
    services.charter_item_remove(item=item, by=ws["carol"])
    current = selectors.charter_current(ws["p"])
    assert current is not None and current.version == 2 and not current.items.exists()
    assert Charter.objects.get(version=1).items.count() == 1


def test_removing_an_item_of_an_approved_version_twice_is_refused_not_a_crash(ws):
    item = services.charter_item_add(
        partnership=ws["p"], member=ws["ngo_m"], column="contribution", text="ידע", by=ws["carol"]
    )
    services.charter_approve(partnership=ws["p"], member=ws["ngo_m"], by=ws["carol"])
    services.charter_item_remove(item=item, by=ws["carol"])  # removes its copy from the new version
    before = _snapshot(ws)
    with pytest.raises(ValidationError, match="no longer in the current version"):
        services.charter_item_remove(item=item, by=ws["carol"])
    assert _snapshot(ws) == before


def test_copying_an_approved_version_validates_every_copied_row_and_a_refusal_changes_nothing(ws, monkeypatch):
    services.charter_item_add(partnership=ws["p"], member=ws["ngo_m"], column="concern", text="עומס", by=ws["carol"])
    services.charter_approve(partnership=ws["p"], member=ws["ngo_m"], by=ws["carol"])
    before = _snapshot(ws)

    def refuse(self):  # type: ignore[no-untyped-def]
        raise ValidationError({"text": "refused"})

    monkeypatch.setattr(CharterItem, "clean", refuse)  # the copy of the approved item must be validated too
    with pytest.raises(ValidationError, match="refused"):
        services.charter_entry_update(
            partnership=ws["p"], member=ws["ngo_m"], by=ws["carol"], roles=[], representative_name="יוסי", mandate=""
        )
    assert _snapshot(ws) == before
