"""The health survey, honestly named and followed over time (issue 13.6): its sources said on the form and the
results, a "please explain" after a score of 1 or 2 that only the coordinator reads (pooled, from three
respondents), the trust trend from survey to survey (I6.2), and a breakdown by organization."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from shutafut.workspace import selectors, services
from shutafut.workspace.models import HealthResponse, HealthSurvey, SurveyStatus
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_ITEMS
from tests.workspace.health_records import closed_survey, respond, scores

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_restored():  # type: ignore[no-untyped-def]
    """The pages are read in English; the language the requests switch to is put back after each test."""
    with translation.override("en"):
        yield


def _results(client, ws, user, survey):  # type: ignore[no-untyped-def]
    client.force_login(ws[user])
    url = reverse("ws-results", kwargs={"town": "town-a", "pk": ws["p"].pk, "survey": survey.pk})
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def _section(body: str, testid: str) -> str:
    return body.split(f'data-testid="{testid}"')[1].split("</table>")[0].split("</section>")[0]


def _link(ws):  # type: ignore[no-untyped-def]
    survey = services.survey_create(partnership=ws["p"], title="סקר")
    services.survey_invite(survey=survey, member=ws["ngo_m"], person=ws["people"]["ngo"])
    return survey, survey.invitations.get().link


def test_an_explanation_is_kept_only_beside_a_score_of_one_or_two(ws):
    _survey, link = _link(ws)
    answers, trust = scores(principles=4, trust=3)
    answers.update(p1a=1, p2a=2)
    trust["trust_open"] = 2
    services.survey_answer(
        link=link,
        answers=answers,
        trust=trust,
        explanations={"p1a": " לא שומעים אותנו ", "p2a": "", "p3a": "written, then raised to 4", "trust_open": "סגור"},
    )
    assert HealthResponse.objects.get().explanations == {"p1a": "לא שומעים אותנו", "trust_open": "סגור"}


@pytest.mark.parametrize("explanations", [{"zz": "?"}, {"p1a": "x" * 1001}])
def test_an_explanation_of_an_unknown_question_or_too_long_is_refused_and_nothing_is_saved(ws, explanations):
    _survey, link = _link(ws)
    answers, trust = scores(principles=1)
    with pytest.raises(ValidationError):
        services.survey_answer(link=link, answers=answers, trust=trust, explanations=explanations)
    assert not HealthResponse.objects.exists()


def test_the_respondent_may_explain_a_low_score_on_the_form_which_says_whose_questions_they_are(client, ws):
    survey = services.survey_create(partnership=ws["p"], title="סקר")
    token = services.survey_invite(survey=survey, member=ws["ngo_m"], person=ws["people"]["ngo"])
    form = client.get(f"/h/{token}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="explain_p1a"' in form and 'name="explain_trust_open"' in form
    source = _section(form, "health-source")
    assert "our own" in source and "(our proposal)" in source and "(after PARTNER)" in source
    data = {code: "4" for code, _p, _t in PRINCIPLE_ITEMS} | {code: "3" for code, _t in TRUST_ITEMS}
    data.update(p6b="1", explain_p6b="אין נהלים משותפים")
    assert client.post(f"/h/{token}/", data).status_code == 302
    assert HealthResponse.objects.get().explanations == {"p6b": "אין נהלים משותפים"}


def _low(survey, member, text):  # type: ignore[no-untyped-def]
    answers, _trust = scores()
    answers["p1a"] = 1
    return respond(survey, member, answers=answers, explanations={"p1a": text})


def test_the_coordinator_reads_the_explanations_pooled_without_names_and_no_one_else_does(client, ws):
    survey = HealthSurvey.objects.create(partnership=ws["p"], title="סקר 2026", status=SurveyStatus.OPEN)
    _low(survey, ws["ngo_m"], "zz: אין שקיפות בהחלטות")
    _low(survey, ws["biz_m"], "aa: לא מקבלים מידע")
    respond(survey, ws["city_m"])
    body = _results(client, ws, "alice", survey)
    pooled = _section(body, "explanations")
    assert pooled.index("aa: לא מקבלים מידע") < pooled.index("zz: אין שקיפות בהחלטות")  # sorted, not by who
    assert "חברת אור" not in pooled and "עמותת לב" not in pooled and "משיב" not in pooled
    for user in ("bob", "carol"):  # a viewer, and a member who represents the NGO
        other = _results(client, ws, user, survey)
        assert 'data-testid="explanations"' not in other and "אין שקיפות" not in other


def test_explanations_of_fewer_than_three_respondents_are_not_shown_even_to_the_coordinator(client, ws):
    survey = HealthSurvey.objects.create(partnership=ws["p"], title="סקר", status=SurveyStatus.OPEN)
    _low(survey, ws["ngo_m"], "אין שקיפות")
    respond(survey, ws["city_m"])
    pooled = _section(_results(client, ws, "alice", survey), "explanations")
    assert "Explanations are shown from 3 respondents up." in pooled and "אין שקיפות" not in pooled


def test_the_trust_trend_shows_each_closed_surveys_mean_with_its_n_and_the_change(client, ws):
    m = ws
    closed_survey(m["p"], "2024", dt.date(2024, 6, 1), [(m["city_m"], 2), (m["ngo_m"], 2), (m["biz_m"], 3)])
    closed_survey(m["p"], "2025", dt.date(2025, 6, 1), [(m["city_m"], 3), (m["ngo_m"], 4)])
    last = closed_survey(m["p"], "2026", dt.date(2026, 6, 1), [(m["city_m"], 3)] * 2 + [(m["ngo_m"], 4)] * 2)
    HealthSurvey.objects.create(partnership=m["p"], title="open one", status=SurveyStatus.OPEN)
    trend = selectors.health_trend(m["p"])
    assert [(r.survey.title, r.n) for r in trend] == [("2024", 3), ("2025", 2), ("2026", 4)]
    assert trend[1].trust.mean is None and trend[1].change is None and trend[2].change is None
    rows = _section(_results(client, ws, "bob", last), "trust-trend").split("<tr>")[2:]
    assert "2024" in rows[0] and ">3<" in rows[0] and "2.3" in rows[0]
    assert "2025" in rows[1] and "fewer than 3" in rows[1]
    assert "2026" in rows[2] and "3.5" in rows[2] and "open one" not in "".join(rows)


def test_the_change_is_shown_between_two_shown_means(client, ws):
    m = ws
    closed_survey(m["p"], "2025", dt.date(2025, 6, 1), [(m["city_m"], 2), (m["ngo_m"], 2), (m["biz_m"], 2)])
    last = closed_survey(m["p"], "2026", dt.date(2026, 6, 1), [(m["city_m"], 3), (m["ngo_m"], 3), (m["biz_m"], 4)])
    assert selectors.health_trend(m["p"])[1].change == pytest.approx(1.3)
    assert "+1.3" in _section(_results(client, ws, "bob", last), "trust-trend")


def test_an_organization_with_three_respondents_is_broken_down_and_the_others_say_why(client, ws):
    survey = HealthSurvey.objects.create(partnership=ws["p"], title="סקר", status=SurveyStatus.OPEN)
    for score in (5, 5, 4):
        respond(survey, ws["city_m"], principles=score, trust=4)
    for _ in range(3):
        respond(survey, ws["ngo_m"], principles=2, trust=2)
    respond(survey, ws["biz_m"], principles=1, trust=1)
    result = selectors.member_breakdown(survey)
    # Seven respondents: the business's one is hidden, and the rest (1) is under three, so one of the two shown groups
    # (a tie of 3 and 3) is hidden too, or the whole survey's means would give the business's answers away.
    shown, hidden = result["members"], {h["name"]: h["n"] for h in result["hidden"]}
    assert len(shown) == 1 and hidden["חברת אור"] == 1 and len(hidden) == 2
    body = _results(client, ws, "bob", survey)
    assert shown[0] in _section(body, "member-results")
    reasons = _section(body, "member-hidden")
    assert "חברת אור (one respondent): not shown, because fewer than three of its people answered." in reasons
    assert "would give away the answers of the one or two other respondents" in reasons


def test_a_sector_column_that_would_give_the_others_answers_away_is_withheld_and_says_why(client, ws):
    survey = HealthSurvey.objects.create(partnership=ws["p"], title="סקר", status=SurveyStatus.OPEN)
    for _ in range(3):
        respond(survey, ws["city_m"], principles=5)
        respond(survey, ws["ngo_m"], principles=3)
    respond(survey, ws["biz_m"], principles=1)
    # Overall (7), public (3) and third (3) together would give the one business answer: one column is withheld.
    with translation.override("en"):
        results = selectors.survey_results(survey)
    assert results["sectors"] == ["Third sector", "Business sector"]  # the business column says "n < 3"
    assert [w["name"] for w in results["sectors_withheld"]] == ["Public sector"]
    shown = [c.mean for row in results["sector_rows"] for c in row["cells"] if c.mean is not None]
    assert shown and all(m == pytest.approx(3.0) for m in shown)  # only the third sector's column has means
    withheld = _section(_results(client, ws, "bob", survey), "sectors-withheld")
    assert "Public sector: not shown, because shown, it would give away the answers" in withheld


def test_organizations_of_three_or_more_are_all_shown_when_no_one_is_left_over(ws):
    survey = HealthSurvey.objects.create(partnership=ws["p"], title="סקר", status=SurveyStatus.OPEN)
    for _ in range(3):
        respond(survey, ws["city_m"], principles=5, trust=4)
        respond(survey, ws["ngo_m"], principles=3, trust=2)
    result = selectors.member_breakdown(survey)
    assert sorted(result["members"]) == ["עיריית א", "עמותת לב"] and result["hidden"] == []
    city = result["members"].index("עיריית א")
    assert result["rows"][0]["cells"][city].mean == pytest.approx(5.0) and result["trust"][city].mean == 4.0


def test_the_results_say_the_statements_are_ours_and_the_bands_wilders_by_analogy(client, ws):
    survey = HealthSurvey.objects.create(partnership=ws["p"], title="סקר", status=SurveyStatus.OPEN)
    for member in ("city_m", "ngo_m", "biz_m"):
        respond(survey, ws[member])
    source = _section(_results(client, ws, "bob", survey), "health-source")
    assert "The twelve statements are our own" in source and "(our proposal)" in source
    assert "as an analogy, from the Wilder Collaboration Factors Inventory" in source
    assert "(after the Wilder inventory)" in source
