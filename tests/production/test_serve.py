"""The production profile, as a municipality runs it: ``scripts/serve.sh`` (what ``make serve`` runs) on a fresh
PostgreSQL database with DEBUG off, behind a proxy that says HTTPS. A coordinator logs in, loads a page and its
hashed static files, and imports a file, which a real worker process takes to its end."""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.db import connection

from tests.conftest import REPO, record_migrations_as_applied

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a-long-password-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def database(settings, django_user_model) -> Iterator[str]:
    """A copy of the test database (its migrations recorded as applied, with a town and its coordinator) as a new
    PostgreSQL database; its URL. Copying saves the production profile a fresh migration (tests/crash runs them)."""
    if connection.vendor != "postgresql":
        pytest.skip("the production profile runs on PostgreSQL: the PostgreSQL pass runs this")
    import psycopg
    from django.conf import global_settings

    from shutafut.accounts.models import Membership, Role, Town

    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # the server's, not the tests' fast one
    town = Town.objects.create(name="עיר", name_en="Town", slug="town")
    user = django_user_model.objects.create_user(username="coordinator", password=PASSWORD)
    Membership.objects.create(user=user, town=town, role=Role.COORDINATOR)
    record_migrations_as_applied()
    s = connection.settings_dict
    template, name = s["NAME"], f"shutafut_serve_{uuid.uuid4().hex[:10]}"
    params = {"host": s["HOST"] or "127.0.0.1", "port": s["PORT"] or 5432, "user": s["USER"], "dbname": "postgres"}
    if s["PASSWORD"]:
        params["password"] = s["PASSWORD"]
    connection.close()  # a template database must have no other session (not even a thread's forgotten one)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [template])
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    yield f"postgres://{auth}@{params['host']}:{params['port']}/{name}"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Browser:
    """Just enough of a browser behind a TLS-ending proxy: X-Forwarded-Proto, cookies, CSRF referer."""

    def __init__(self, port: int) -> None:
        self.port, self.cookies = port, SimpleCookie()

    def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> Any:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "Referer": f"https://127.0.0.1:{self.port}{path}",
            "Accept-Language": "en",
            **(headers or {}),
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        conn.close()
        return response

    def form(self, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]] | None = None) -> Any:
        boundary = secrets.token_hex(8)
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
            for k, v in fields.items()
        ]
        for k, (filename, content) in (files or {}).items():
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{filename}"\r\n'
            parts.append(head.encode() + b"Content-Type: text/csv\r\n\r\n" + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def wait_for(check, seconds: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = check()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds} s in vain for {what}")


def test_make_serve_serves_pages_and_hashed_static_files_with_debug_off_and_a_worker_imports(database, tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SHUTAFUT_", "DJANGO_"))}
    env.update(
        DATABASE_URL=database,
        SHUTAFUT_SECRET_KEY=secrets.token_urlsafe(50),
        SHUTAFUT_ALLOWED_HOSTS="127.0.0.1",
        SHUTAFUT_BEHIND_PROXY="True",
        SHUTAFUT_STATIC_ROOT=str(tmp_path / "static"),
        SHUTAFUT_BIND=f"127.0.0.1:{port}",
        SHUTAFUT_WEB_WORKERS="1",
        SHUTAFUT_WORKERS="1",
        SHUTAFUT_STOP_SECONDS="5",
    )
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        ["bash", "scripts/serve.sh"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    browser = Browser(port)
    try:
        login = wait_for(lambda: browser.request("GET", "/accounts/login/"), 90, "the login page")
        assert login.status == 200 and "DEBUG" not in login.text
        assert browser.request("GET", "/accounts/login/", headers={"X-Forwarded-Proto": "http"}).status == 301
        response = browser.form(
            "/accounts/login/",
            {"csrfmiddlewaretoken": csrf_token(login.text), "username": "coordinator", "password": PASSWORD},
        )
        assert response.status == 302, response.text[:500]
        page = browser.request("GET", "/t/town/reports/import/")
        assert page.status == 200 and "Import data" in page.text
        stylesheets = re.findall(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page.text)
        assert stylesheets, "pages link to hashed static files"
        for href in stylesheets:
            static = browser.request("GET", href, headers={"Accept-Encoding": "br, gzip"})
            assert static.status == 200 and "immutable" in static.getheader("Cache-Control", "")
        rows = b"ngo_id,ngo_name\n580000008,\xd7\x90\n580000016,\xd7\x91\n"
        started = browser.form(
            "/t/town/reports/import/",
            {
                "csrfmiddlewaretoken": csrf_token(page.text),
                "kind": "organizations",
                "format": "guidestar",
                "action": "import",
            },
            files={"file": ("list.csv", rows)},
        )
        assert started.status == 302, started.text[:500]
        job_page = started.getheader("Location")

        def finished() -> dict[str, Any] | None:
            status = json.loads(browser.request("GET", job_page + "status.json").text)
            return status if status["finished"] else None

        status = wait_for(finished, 30, "the worker to finish the import")
        assert status["status"] == "done", status
        result = browser.request("GET", job_page).text
        assert "Imported" in result and "580000016" in result
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
