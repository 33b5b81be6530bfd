"""Small holes of issue 11 (item 8): a huge page number, direction overrides, personal links' headers and logs,
backup file permissions, a hand-made 'survey' relationship, and the demo accounts in production."""

from __future__ import annotations

import datetime as dt
import json
import logging
import stat
from types import SimpleNamespace

import pytest

from shutafut.organizations.models import Organization
from shutafut.security.logs import GunicornLogger, redact
from tests.conftest import represent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]

HUGE = "9223372036854775807"


@pytest.mark.parametrize("path", ["organizations", "relationships", "partnerships"])
def test_a_page_far_past_the_end_is_an_empty_page_not_a_server_error(client, personas, town_a_records, path):
    client.force_login(personas["bob"])
    response = client.get(f"/api/v1/{path}", {"town": "town-a", "page": HUGE})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["results"] == [] and body["count"] >= 1 and body["page"] == int(HUGE)


def test_direction_overrides_are_stripped_from_every_stored_text_whoever_writes_it(client, personas, towns):
    org = Organization.objects.create(
        town=towns[0], name="\u202eעמותת לב\u202c", sector="third", subtype="nonprofit", legal_form="amuta"
    )
    org.refresh_from_db()
    assert org.name == "עמותת לב"
    represent(personas["carol"], org)
    client.force_login(personas["carol"])
    response = client.generic(
        "PATCH",
        f"/api/v1/organizations/{org.pk}",
        json.dumps({"description": "\u2066abc\u2069 \u202dd\u200f"}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    org.refresh_from_db()
    assert org.description == "abc d\u200f"  # the right-to-left mark is an ordinary character: it stays


def test_an_ordinary_page_keeps_the_same_origin_referrer_policy(client):
    response = client.get("/guide/")
    assert response["Referrer-Policy"] == "same-origin" and "X-Robots-Tag" not in response


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
def test_a_backup_file_is_readable_by_its_owner_only(tmp_path, towns, name):
    from shutafut.backup import backup

    target = tmp_path / name
    target.write_text("old")
    target.chmod(0o644)
    backup(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_api_refuses_a_hand_made_relationship_that_claims_to_come_from_a_survey(client, personas, town_a_records):
    represent(personas["carol"], town_a_records["ngo"])
    client.force_login(personas["carol"])
    body = {
        "town": "town-a",
        "org_a": town_a_records["city"].pk,
        "org_b": town_a_records["ngo"].pk,
        "rung": 2,
        "observed_on": "2026-01-01",
        "source": "survey",
    }
    response = client.post(
        "/api/v1/relationships", json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "source" and "survey wave" in error["message"]
    body["source"] = "recorded"
    assert client.post("/api/v1/relationships", json.dumps(body), content_type="application/json").status_code == 201


LINES = [
    ("GET /s/abc.DEF-1_x:sig/answer/ HTTP/1.1", "GET /s/[link]/answer/ HTTP/1.1"),
    ("Not Found: /h/abc.sig/", "Not Found: /h/[link]/"),
    ("GET /accounts/reset/MQ/cbd-123abc/ HTTP/1.1", "GET /accounts/reset/MQ/[link]/ HTTP/1.1"),
    ("GET /accounts/reset/MQ/set-password/ HTTP/1.1", "GET /accounts/reset/MQ/set-password/ HTTP/1.1"),
    ("GET /t/town-a/surveys/3/ HTTP/1.1", "GET /t/town-a/surveys/3/ HTTP/1.1"),
]


@pytest.mark.parametrize(("line", "logged"), LINES)
def test_a_log_line_keeps_the_path_but_not_the_secret_of_a_personal_link(line, logged):
    assert redact(line) == logged


def _handlers(logger: logging.Logger) -> list[logging.Handler]:
    """The handlers a record of ``logger`` reaches, but pytest's own (log capture)."""
    found: list[logging.Handler] = []
    current: logging.Logger | None = logger
    while current is not None:
        found += [h for h in current.handlers if not type(h).__module__.startswith("_pytest")]
        current = current.parent if current.propagate else None
    return found


@pytest.mark.parametrize("name", ["django.request", "django.server"])
def test_every_django_log_handler_writes_a_personal_link_without_its_secret(name):
    logger = logging.getLogger(name)
    handlers = _handlers(logger)
    assert handlers
    for handler in handlers:
        record = logger.makeRecord(name, logging.WARNING, __file__, 1, "Not Found: %s", ("/s/secret.sig/",), None)
        handler.filter(record)
        assert record.getMessage() == "Not Found: /s/[link]/", handler


def test_the_gunicorn_access_log_writes_a_personal_link_without_its_secret():
    from gunicorn.config import Config

    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": "/s/secret.sig/answer/?x=1",
        "PATH_INFO": "/s/secret.sig/answer/",
        "QUERY_STRING": "x=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": "https://example.org/h/other.sig/",
    }
    response = SimpleNamespace(status="200 OK", headers=[], sent=10)
    request = SimpleNamespace(headers=[("REFERER", "https://example.org/h/other.sig/")])
    logger = GunicornLogger(Config())
    atoms = logger.atoms(response, request, environ, dt.timedelta(seconds=1))
    line = Config().access_log_format % logger.atoms_wrapper_class(atoms)
    assert "/s/[link]/answer/" in line and "secret" not in line and "other.sig" not in line


def test_gunicorn_started_from_the_project_folder_uses_the_redacting_logger():
    import runpy

    from gunicorn.config import Config

    from tests.conftest import REPO

    config = Config()
    assert config.config == "./gunicorn.conf.py"  # gunicorn reads this file from the folder it starts in
    config.set("logger_class", runpy.run_path(str(REPO / "gunicorn.conf.py"))["logger_class"])
    assert config.logger_class is GunicornLogger


def test_the_production_check_knows_every_account_the_demo_creates(settings, django_user_model):
    from shutafut.security.checks import DEMO_USERNAMES, check_no_demo_accounts

    for name in DEMO_USERNAMES:
        django_user_model.objects.create_user(username=name, password="demo1234")
    settings.DEBUG = False
    flagged = {e.msg.split("'")[1] for e in check_no_demo_accounts()}
    assert flagged == {"coordinator1", "coordinator2", "partner1", "partner2", "national1"}
