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


def _upload(data: bytes = b"ngo_id,ngo_name\n580000008,\xd7\x90\n") -> io.BytesIO:
    upload = io.BytesIO(data)
    upload.name = "list.csv"
    return upload


def test_the_import_page_starts_a_job_whose_dry_run_writes_nothing_and_whose_import_writes(
    client, personas, towns, django_capture_on_commit_callbacks
):
    from shutafut.jobs.models import Job
    from shutafut.organizations.models import Organization

    login(client, personas, "alice")
    for action in ("dry-run", "import"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/t/town-a/reports/import/",
                {"file": _upload(), "kind": "organizations", "format": "guidestar", "action": action},
            )
        job = Job.objects.latest("pk")
        assert response.status_code == 302 and response["Location"] == f"/t/town-a/jobs/{job.pk}/"
        assert (
            job.status == "done"
            and job.kind == "import-organizations"
            and job.params["dry_run"] == (action == "dry-run")
        )
        if action == "dry-run":
            assert not Organization.objects.exists()
            assert job.result["counts"]["create"] == 1 and not job.result["written"]
    assert Organization.objects.get().registry_number == "580000008"
    page = client.get(f"/t/town-a/jobs/{job.pk}/").content.decode()
    assert "580000008" in page and "table" in page


def dry_run_by_alice(client, personas, capture):  # type: ignore[no-untyped-def]
    """Alice's dry run of a one-row file, done; returns its job."""
    from shutafut.jobs.models import Job

    login(client, personas, "alice")
    with capture(execute=True):
        client.post("/t/town-a/reports/import/", {"file": _upload(), "kind": "organizations", "action": "dry-run"})
    return Job.objects.get()


def test_a_dry_run_s_page_imports_the_same_file_without_uploading_it_again(
    client, personas, towns, django_capture_on_commit_callbacks
):
    from shutafut.jobs.models import Job
    from shutafut.organizations.models import Organization

    dry_run = dry_run_by_alice(client, personas, django_capture_on_commit_callbacks)
    assert 'name="from_job"' in client.get(f"/t/town-a/jobs/{dry_run.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/t/town-a/reports/import/", {"from_job": dry_run.pk})
    real = Job.objects.latest("pk")
    assert response["Location"] == f"/t/town-a/jobs/{real.pk}/" and real.pk != dry_run.pk
    assert real.params == {**dry_run.params, "dry_run": False} and real.result["written"]
    assert Organization.objects.get().registry_number == "580000008"


def test_an_import_without_a_file_is_refused_on_the_page_and_starts_nothing(client, personas, towns):
    from shutafut.jobs.models import Job

    login(client, personas, "alice")
    response = client.post("/t/town-a/reports/import/", {"kind": "organizations", "action": "import"})
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not Job.objects.exists()


def test_a_rejected_row_is_named_on_the_job_page_in_the_language_of_who_started_it(
    client, personas, towns, django_capture_on_commit_callbacks
):
    from shutafut.jobs.models import Job

    login(client, personas, "alice")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/t/town-a/reports/import/",
            {"file": _upload(b"ngo_id,ngo_name\n580000009,x\n"), "kind": "organizations", "action": "import"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    job = Job.objects.get()
    assert job.language == "en" and job.result["counts"]["reject"] == 1 and not job.result["written"]
    problem = job.result["outcomes"][0]
    assert problem["row"] == 2 and problem["problems"][0]["column"] == "ngo_id"
    page = client.get(f"/t/town-a/jobs/{job.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "nothing was imported" in page and problem["problems"][0]["message"] in page


def test_another_town_s_import_file_cannot_be_imported_again_from_here(
    client, personas, towns, django_capture_on_commit_callbacks
):
    from shutafut.jobs.models import Job

    dry_run = dry_run_by_alice(client, personas, django_capture_on_commit_callbacks)
    login(client, personas, "charlie")
    assert client.post("/t/town-b/reports/import/", {"from_job": dry_run.pk}).status_code == 404
    assert Job.objects.count() == 1


def test_a_funding_file_is_imported_by_a_job_started_from_the_page(
    client, personas, town_a_records, django_capture_on_commit_callbacks
):
    from shutafut.jobs.models import Job
    from shutafut.reports.models import FundingFlow

    header = "נושא,מספר תקנה,משרד,סוג תמיכה,מקבל התמיכה,מספר תאגיד,שנה,סה״כ אושר,סה״כ שולם\n"
    data = (header + "x,1,משרד התרבות,א,עמותת לב,580000008,2021,10,100.5\n").encode()
    login(client, personas, "alice")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/t/town-a/reports/import/", {"file": _upload(data), "kind": "funding", "action": "import"}
        )
    job = Job.objects.get()
    assert response["Location"] == f"/t/town-a/jobs/{job.pk}/" and job.kind == "import-funding"
    assert job.params == {"dry_run": False, "encoding": ""} and job.result["written"]
    assert FundingFlow.objects.get().amount == 100.5 and job.title == "ייבוא העברות מימון"


def test_the_town_pdf_is_made_by_a_job_and_downloaded_from_its_page(
    client, personas, town_a_records, django_capture_on_commit_callbacks
):
    from shutafut.jobs.models import Job

    login(client, personas, "bob")
    assert client.get("/t/town-a/reports/town.pdf").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/t/town-a/reports/town.pdf")
    job = Job.objects.get()
    assert response["Location"] == f"/t/town-a/jobs/{job.pk}/" and job.status == "done"
    assert f"/t/town-a/jobs/{job.pk}/file" in client.get(response["Location"]).content.decode()
    download = client.get(f"/t/town-a/jobs/{job.pk}/file")
    assert download["Content-Type"] == "application/pdf" and download.content.startswith(b"%PDF")
    assert 'filename="town-a-report-he.pdf"' in download["Content-Disposition"]


def test_a_partnership_pdf_job_of_another_town_s_partnership_is_a_404(
    client, personas, town_a_records, django_capture_on_commit_callbacks
):
    from shutafut.jobs.models import Job

    pk = town_a_records["partnership"].pk
    login(client, personas, "charlie")
    assert client.post(f"/t/town-b/reports/partnerships/{pk}.pdf").status_code == 404
    login(client, personas, "bob")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/t/town-a/reports/partnerships/{pk}.pdf")
    job = Job.objects.get()
    assert job.kind == "partnership-pdf" and job.params == {"partnership_id": pk} and job.status == "done"
    assert job.files.get().name == f"partnership-{pk}-he.pdf"


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


def test_the_public_page_reads_the_records_only_and_no_survey_answer(client, town_a_records):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from shutafut.partnerships.models import ResourceFlow

    partnership = town_a_records["partnership"]
    partnership.is_public = True
    partnership.save()
    city = partnership.members.get()
    for _ in range(3):
        pledge = ResourceFlow.objects.create(partnership=partnership, giver=city, kind="pledge", resource_type="time")
    ResourceFlow.objects.create(
        partnership=partnership, giver=city, kind="delivery", resource_type="time", fulfils=pledge
    )
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/p/town-a/{partnership.pk}/")
    assert page.status_code == 200 and page.context["r"]["progress"]["fulfilled"] == 1
    read = " ".join(q["sql"] for q in queries.captured_queries)
    for table in ("surveys_rating", "workspace_healthresponse", "diagnosis_diagnosissnapshot"):
        assert f'"{table}"' not in read, f"the public page read {table}"
    assert len(queries.captured_queries) <= 15


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
