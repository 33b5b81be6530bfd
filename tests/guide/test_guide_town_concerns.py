"""Each town can set its own business-sector concerns: coordinators only, audited, one setting per town, and the
model's proposal until it does."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from shutafut.audit.models import AuditEvent
from shutafut.guide.models import SectorTableSetting
from shutafut.guide.selectors import town_table
from shutafut.guide.services import business_concerns_set
from shutafut.model.provenance import Source
from shutafut.model.sector_table import PROPOSED_BUSINESS_CONCERNS, SECTOR_TABLE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.fixture(autouse=True)
def _english():
    """Error messages are checked in English (the pages answer in the reader's language)."""
    with translation.override("en"):
        yield


HE = "חשש מעומס ביורוקרטי\nחשש מחשיפה תקשורתית"
EN = "Fear of red tape\nFear of press exposure"


def test_a_town_without_a_setting_uses_the_models_proposed_concerns(towns):
    table = town_table(towns[0])
    assert table.own is False
    assert table.table.business.concerns == PROPOSED_BUSINESS_CONCERNS


def test_a_coordinator_sets_the_towns_concerns_and_only_that_town_sees_them(towns, personas):
    business_concerns_set(town=towns[0], he=HE, en=EN, by=personas["alice"])
    mine, theirs = town_table(towns[0]), town_table(towns[1])
    assert mine.own is True
    assert [i.text.en for i in mine.table.business.concerns] == ["Fear of red tape", "Fear of press exposure"]
    assert all(i.provenance is Source.TOWN for i in mine.table.business.concerns)
    assert mine.table.public == SECTOR_TABLE.public
    assert theirs.table.business.concerns == PROPOSED_BUSINESS_CONCERNS


def test_setting_twice_keeps_one_setting_per_town_and_the_names_of_unchanged_items(towns, personas):
    business_concerns_set(town=towns[0], he=HE, en=EN, by=personas["alice"])
    first = {i.text.en: i.code for i in town_table(towns[0]).table.business.concerns}
    business_concerns_set(town=towns[0], he=HE + "\nחשש שלישי", en=EN + "\nA third fear", by=personas["alice"])
    assert SectorTableSetting.objects.filter(town=towns[0]).count() == 1
    again = {i.text.en: i.code for i in town_table(towns[0]).table.business.concerns}
    assert again["Fear of red tape"] == first["Fear of red tape"]
    assert len(set(again.values())) == 3


def test_a_removed_item_keeps_its_words_for_records_that_name_it(towns, personas):
    business_concerns_set(town=towns[0], he=HE, en=EN, by=personas["alice"])
    dropped = town_table(towns[0]).table.business.concerns[1]
    business_concerns_set(town=towns[0], he="חשש מעומס ביורוקרטי", en="Fear of red tape", by=personas["alice"])
    table = town_table(towns[0])
    assert dropped.code not in {i.code for i in table.table.business.concerns}
    assert table.item(dropped.code).text.en == "Fear of press exposure"


def test_empty_lists_go_back_to_the_proposal(towns, personas):
    business_concerns_set(town=towns[0], he=HE, en=EN, by=personas["alice"])
    business_concerns_set(town=towns[0], he="", en="", by=personas["alice"])
    assert town_table(towns[0]).own is False
    assert town_table(towns[0]).table.business.concerns == PROPOSED_BUSINESS_CONCERNS


@pytest.mark.parametrize(
    ("he", "en", "field", "line"),
    [(HE, "Fear of red tape", "en", "2"), ("חשש אחד", EN, "he", "2"), ("א\nב\nג", "", "en", "1")],
    ids=["english line missing", "hebrew line missing", "no english at all"],
)
def test_lists_of_different_lengths_are_refused_naming_the_line_and_nothing_is_saved(
    towns, personas, he, en, field, line
):
    with pytest.raises(ValidationError) as error:
        business_concerns_set(town=towns[0], he=he, en=en, by=personas["alice"])
    assert list(error.value.message_dict) == [field]
    assert f"Line {line} " in error.value.message_dict[field][0]
    assert not SectorTableSetting.objects.exists()


def test_a_line_too_long_is_refused_naming_the_line(towns, personas):
    with pytest.raises(ValidationError, match="Line 2 is longer than 200"):
        business_concerns_set(town=towns[0], he="א\n" + "ב" * 201, en="a\nb", by=personas["alice"])


@pytest.mark.parametrize("who", ["carol", "bob", "charlie"])
def test_only_the_towns_coordinator_may_set_its_concerns(towns, personas, who):
    with pytest.raises(ValidationError, match="coordinator"):
        business_concerns_set(town=towns[0], he=HE, en=EN, by=personas[who])
    assert not SectorTableSetting.objects.exists()


def test_every_change_is_in_the_towns_audit_log(towns, personas):
    business_concerns_set(town=towns[0], he=HE, en=EN, by=personas["alice"])
    business_concerns_set(town=towns[0], he="", en="", by=personas["alice"])
    events = AuditEvent.objects.filter(town=towns[0], model="guide.SectorTableSetting").order_by("pk")
    assert [e.action for e in events] == ["create", "update"]
    assert "business_concerns" in events[1].changes


def test_the_coordinator_page_saves_and_the_towns_sector_page_shows_the_towns_list(client, towns, personas):
    client.force_login(personas["alice"])
    url = reverse("town-sector-settings", kwargs={"town": "town-a"})
    assert client.get(url).status_code == 200
    response = client.post(url, {"he": HE, "en": EN})
    assert response.status_code == 302
    html = client.get(reverse("town-sectors", kwargs={"town": "town-a"})).content.decode()
    assert "חשש מעומס ביורוקרטי" in html
    assert 'data-source="town"' in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Line 2 of the Hebrew list has no matching line in the English list."),
        ("he", "לשורה 2 ברשימה העברית אין שורה מקבילה ברשימה האנגלית."),
    ],
)
def test_a_refused_list_re_renders_the_form_with_the_error_in_the_readers_language(
    client, towns, personas, lang, message
):
    client.force_login(personas["alice"])
    url = reverse("town-sector-settings", kwargs={"town": "town-a"})
    response = client.post(url, {"he": HE, "en": "Fear of red tape"}, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SectorTableSetting.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("carol", 403), ("bob", 403), ("charlie", 404)])
def test_the_settings_page_is_closed_to_members_viewers_and_other_towns(client, towns, personas, who, status):
    client.force_login(personas[who])
    url = reverse("town-sector-settings", kwargs={"town": "town-a"})
    assert client.get(url).status_code == status
    assert client.post(url, {"he": HE, "en": EN}).status_code == status
    assert not SectorTableSetting.objects.exists()
