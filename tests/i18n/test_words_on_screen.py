"""What the pages say in words where they used to show codes (issue 12 item 8, issue 13 item 8): one behaviour each.

The crawl over the whole demo is tests/i18n/test_raw_codes.py; these pin each fix on its own, without a database.
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.formats import date_format

from shutafut.accounts.forms import ApiTokenForm
from shutafut.accounts.models import Role
from shutafut.audit.models import AuditEvent
from shutafut.diagnosis.models import DiagnosisSnapshot
from shutafut.diagnosis.services import collapse_repeats, name_records
from shutafut.reports.charts import bar_chart
from shutafut.workspace.forms import MemberPickForm


def test_a_short_date_reads_day_first_in_both_languages():
    day = dt.date(2026, 2, 12)
    for lang in ("he", "en"):
        with translation.override(lang):
            assert date_format(day, "SHORT_DATE_FORMAT") == "12/02/2026", lang


def test_the_token_lifetimes_are_translated_when_shown_not_when_the_form_is_imported():
    with translation.override("en"):
        english = [str(label) for _, label in ApiTokenForm.base_fields["lifetime_days"].choices]  # type: ignore[attr-defined]
    with translation.override("he"):
        hebrew = [str(label) for _, label in ApiTokenForm.base_fields["lifetime_days"].choices]  # type: ignore[attr-defined]
    assert "30 days" in english
    assert any("יום" in label or "ימים" in label for label in hebrew)


def test_a_partnership_member_is_a_partner_and_a_town_member_is_a_member_in_hebrew():
    with translation.override("he"):
        assert str(MemberPickForm.base_fields["member"].label) == "שותף"
        assert str(Role.MEMBER.label) == "חבר/ה"


def test_the_audit_log_names_record_types_fields_and_coded_values_in_words():
    event = AuditEvent(
        model="partnerships.Member",
        changes={"roles": [None, ["partner"]], "organization_id": [None, 3], "unknown": [1, 2]},
    )
    with translation.override("en"):
        assert event.record_type == "Member"
        rows = {name: (old, new) for name, old, new in event.change_rows}
    assert rows["Roles"][1] == "Partner"
    assert rows["Organization"] == (None, 3)
    assert rows["unknown"] == (1, 2)


def test_the_audit_log_writes_yes_no_and_a_many_to_many_change_in_words():
    event = AuditEvent(
        model="partnerships.Partnership", changes={"is_public": [True, False], "x": [None, {"add": [4, 5]}]}
    )
    with translation.override("en"):
        rows = {name: (old, new) for name, old, new in event.change_rows}
    assert ("yes", "no") in rows.values()
    assert rows["x"] == (None, "added: 4, 5")


def test_diagnosis_sentences_name_the_records_they_cite_and_keep_the_ids_for_the_anchors():
    document = {"tests": {"T3": {"reason": "Money is paid (flow-9, flow-12).", "records": ["flow-9"]}}}
    named = name_records(document, {"flow-9": "Funding (City hall)"})
    assert named["tests"]["T3"]["reason"] == 'Money is paid ("Funding (City hall)", flow-12).'
    assert named["tests"]["T3"]["records"] == ["flow-9"]


def test_the_history_shows_a_rung_once_while_it_stays_the_same():
    def snap(rung: int, is_partnership: bool = False) -> DiagnosisSnapshot:
        return DiagnosisSnapshot(rung=rung, is_partnership=is_partnership, exclusion="")

    history = [snap(2), snap(2), snap(2), snap(3), snap(3), snap(2), snap(5, True), snap(5, True)]
    assert [(s.rung, s.is_partnership) for s in collapse_repeats(history)] == [
        (2, False),
        (3, False),
        (2, False),
        (5, True),
    ]


def test_the_report_chart_tells_browsers_not_to_reorder_its_labels_a_second_time():
    svg = bar_chart([("סולם", 3)], title="סולם")
    assert svg.count('direction="ltr" unicode-bidi="bidi-override"') == svg.count("<text")


def test_a_working_norm_names_its_culture_dimension_in_words_not_by_its_field_name():
    from shutafut.workspace.models import WorkingNorm

    norm = WorkingNorm(dimension="decision_speed", text="We answer within a week.")
    with translation.override("en"):
        assert norm.dimension_label == "Decision speed"
        assert str(norm).startswith("Decision speed: ")
    with translation.override("he"):
        assert "decision_speed" not in str(norm) and norm.dimension_label.startswith("מהירות")


def test_a_town_shows_its_english_name_on_english_pages_and_its_hebrew_name_on_hebrew_ones():
    from shutafut.accounts.models import Town

    town = Town(name="באר שבע", name_en="Be'er Sheva")
    with translation.override("en"):
        assert town.shown_name == "Be'er Sheva"
        assert Town(name="דימונה").shown_name == "דימונה", "no English name: the only name there is"
    with translation.override("he"):
        assert town.shown_name == "באר שבע"


def test_the_respondent_form_names_the_organization_field_in_hebrew():
    from shutafut.surveys.forms import RespondentForm

    with translation.override("he"):
        assert str(RespondentForm.base_fields["organization"].label) == "ארגון"
