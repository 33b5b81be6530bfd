"""Report pages, exports, the import page, public pages and the national view: who sees what."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from shutafut.accounts.context_processors import NATIONAL_GROUP

pytestmark = pytest.mark.django_db


def login(client, personas, name):  # type: ignore[no-untyped-def]
    client.force_login(personas[name])
    return client


def test_a_viewer_sees_the_town_report_and_an_outsider_gets_404(client, personas, town_a_records):
    assert login(client, personas, "bob").get("/t/town-a/reports/").status_code == 200
    assert login(client, personas, "charlie").get("/t/town-a/reports/").status_code == 404


def test_a_partnership_report_of_another_town_is_a_404_like_a_missing_one(client, personas, town_a_records):
    pk = town_a_records["partnership"].pk
    login(client, personas, "charlie")
    assert client.get(f"/t/town-b/reports/partnerships/{pk}/").status_code == 404
    assert client.get("/t/town-b/reports/partnerships/999999/").status_code == 404
    assert login(client, personas, "bob").get(f"/t/town-a/reports/partnerships/{pk}/").status_code == 200


def test_the_organizations_export_has_hebrew_headers_and_a_right_to_left_sheet(client, personas, town_a_records):
    from openpyxl import load_workbook

    response = login(client, personas, "bob").get("/t/town-a/reports/export/organizations.xlsx?sector=third")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert sheet.sheet_view.rightToLeft
    assert rows[0][0] == "שם" and [r[0] for r in rows[1:]] == ["עמותת לב"]


def test_the_csv_export_uses_the_list_filters_and_a_byte_order_mark(client, personas, town_a_records):
    response = login(client, personas, "bob").get("/t/town-a/reports/export/relationships.csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff") and "עמותת לב" in text and "עמותה בעיר ב" not in text


def test_only_a_coordinator_may_import(client, personas, towns):
    assert login(client, personas, "carol").get("/t/town-a/reports/import/").status_code == 403
    assert login(client, personas, "alice").get("/t/town-a/reports/import/").status_code == 200


def test_the_import_page_dry_run_writes_nothing_and_the_import_writes(client, personas, towns):
    from shutafut.organizations.models import Organization

    login(client, personas, "alice")
    data = b"ngo_id,ngo_name\n580000008,\xd7\x90\n"
    for action in ("dry-run", "import"):
        upload = io.BytesIO(data)
        upload.name = "list.csv"
        response = client.post(
            "/t/town-a/reports/import/",
            {"file": upload, "kind": "organizations", "format": "guidestar", "action": action},
        )
        assert response.status_code == 200
        if action == "dry-run":
            assert not Organization.objects.exists()
    assert Organization.objects.get().registry_number == "580000008"


def test_a_public_partnership_page_is_readable_without_login_and_shows_no_person(client, town_a_records):
    from shutafut.organizations.models import Person
    from shutafut.partnerships.models import Member

    partnership = town_a_records["partnership"]
    person = Person.objects.create(
        town=partnership.town, organization=town_a_records["ngo"], full_name="דנה כהן", email="dana@example.org"
    )
    Member.objects.create(partnership=partnership, organization=town_a_records["ngo"], representative=person)
    url = f"/p/town-a/{partnership.pk}/"
    assert client.get(url).status_code == 404
    partnership.is_public = True
    partnership.save()
    page = client.get(url).content.decode()
    assert "עמותת לב" in page and "דנה כהן" not in page and "dana@example.org" not in page
    assert client.get(f"/p/town-b/{partnership.pk}/").status_code == 404


def test_the_national_view_needs_the_national_group_and_shows_only_totals(client, personas, town_a_records):
    assert login(client, personas, "alice").get("/national/").status_code == 403
    # The group comes from a data migration; the suite's tables come from the models (tests/test_migrations.py).
    national, _created = Group.objects.get_or_create(name=NATIONAL_GROUP)
    personas["bob"].groups.add(national)
    page = login(client, personas, "bob").get("/national/").content.decode()
    assert "Town A" in page or "עיר א" in page
    assert "עמותת לב" not in page and "שותפות א" not in page


@override_settings(LANGUAGE_CODE="en")
def test_the_town_report_in_english_names_its_sections(client, personas, town_a_records):
    page = login(client, personas, "bob").get("/t/town-a/reports/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Sector mixing" in page or "עירוב" in page
