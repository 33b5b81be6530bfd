"""Kill the process (SIGKILL) in the middle of an import and of a survey answer: the database holds all or nothing.

Each case is one child process (tests/crash/crash_child.py) writing to a database of the module's own: a SQLite
file (WAL, as configured) and, when DATABASE_URL points at PostgreSQL, a fresh database on that server. A child that
is to be killed prints INSIDE, with what its own transaction already holds, once part of the rows are written; the
parent kills it there. The parent reads the database itself, through a connection of its own outside Django.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest

from shutafut.organizations.models import Organization
from shutafut.partnerships.models import Member, Partnership
from shutafut.surveys.models import Rating, SurveyLink
from tests.conftest import REPO

CHILD = Path(__file__).with_name("crash_child.py")
N_MEMBERS, HALF_WAY = 6, 3  # the smallest import that can be killed half-way: after its third of six members


def _backends() -> list[str]:
    url = os.environ.get("DATABASE_URL", "")
    return ["sqlite", "postgres"] if url.startswith(("postgres://", "postgresql://")) else ["sqlite"]


def _env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="shutafut.settings", SHUTAFUT_REPO=str(REPO))
    return env


def _table(model: Any) -> str:
    return str(model._meta.db_table)


def _column(model: Any, field: str) -> str:
    return str(model._meta.get_field(field).column)


class Database:
    def __init__(self, url: str) -> None:
        self.url = url

    def _command(self, *args: str) -> list[str]:
        return [sys.executable, str(CHILD), *args]

    def run(self, *args: str) -> str:
        result = subprocess.run(
            self._command(*args), cwd=REPO, env=_env(self.url), capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def rows(self) -> dict[str, object]:
        """What the database holds, read by the parent: counts, the ratings given, the links used."""
        org, rating, link = _table(Organization), _table(Rating), _table(SurveyLink)
        connection = (
            sqlite3.connect(self.url.removeprefix("sqlite:///"))
            if self.url.startswith("sqlite:")
            else psycopg.connect(self.url)
        )
        with closing(connection):
            cursor = connection.cursor()

            def query(sql: str) -> list[Any]:
                cursor.execute(sql)
                return list(cursor.fetchall())

            counts = {
                name: query(f"SELECT count(*) FROM {_table(model)}")[0][0]
                for name, model in (("partnerships", Partnership), ("members", Member), ("organizations", Organization))
            }
            rated = _column(Rating, "rated")
            ratings = query(f"SELECT o.name, r.rung FROM {rating} r JOIN {org} o ON o.id = r.{rated}")
            used = query(f"SELECT count(*) FROM {link} WHERE {_column(SurveyLink, 'last_used_at')} IS NOT NULL")
        return {**counts, "ratings": sorted(tuple(r) for r in ratings), "links_used": used[0][0]}

    def finish(self, *args: str) -> None:
        """Run the write to its end, in one child."""
        assert self.run(*args).splitlines() == ["DONE"]

    def kill_inside(self, *args: str) -> dict[str, object]:
        """Start the child, wait until it is inside its transaction, SIGKILL it there; return what it held."""
        child = subprocess.Popen(
            self._command(*args),
            cwd=REPO,
            env=_env(self.url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stderr is not None
        line = child.stdout.readline()
        if not line.startswith("INSIDE "):
            child.kill()
            raise AssertionError(f"the child never got inside its transaction: {line!r} {child.stderr.read()[-2000:]}")
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
        child.stdout.close()
        child.stderr.close()
        return dict(json.loads(line.removeprefix("INSIDE ")))


@pytest.fixture(scope="module")
def databases(tmp_path_factory) -> Iterator[Callable[[str], tuple[Database, dict[str, int]]]]:  # type: ignore[no-untyped-def]
    """Each backend's database, made (migrated and seeded) the first time a test asks for it, kept for the module.

    Not a parametrized module fixture: pytest-randomly interleaves the backends' tests, and pytest would then make a
    parametrized fixture's database afresh at every change of backend.
    """
    made: dict[str, tuple[Database, dict[str, int]]] = {}
    drops: list[Callable[[], None]] = []

    def get(backend: str) -> tuple[Database, dict[str, int]]:
        if backend not in made:
            if backend == "sqlite":
                url = f"sqlite:///{tmp_path_factory.mktemp('crash') / 'crash.sqlite3'}"
            else:
                base = os.environ["DATABASE_URL"]
                name = f"crash_{uuid.uuid4().hex[:12]}"
                admin = base.rsplit("/", 1)[0] + "/postgres"
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'CREATE DATABASE "{name}"')
                url = base.rsplit("/", 1)[0] + "/" + name

                def drop(admin: str = admin, name: str = name) -> None:
                    with psycopg.connect(admin, autocommit=True) as conn:
                        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

                drops.append(drop)
            db = Database(url)
            made[backend] = (db, json.loads(db.run("setup")))
        return made[backend]

    yield get
    for drop in drops:
        drop()


@pytest.fixture(params=_backends())
def database(request, databases) -> tuple[Database, dict[str, int]]:  # type: ignore[no-untyped-def]
    return databases(request.param)  # type: ignore[no-any-return]


def test_an_import_killed_halfway_leaves_nothing_of_it(database):
    db, _ids = database
    before = db.rows()
    inside = db.kill_inside("import", str(N_MEMBERS), str(HALF_WAY))
    assert inside == {"members": HALF_WAY}
    assert db.rows() == before


def test_an_import_that_finishes_leaves_all_of_it(database):
    db, _ids = database
    before = db.rows()
    db.finish("import", str(N_MEMBERS))
    after = db.rows()
    assert after["partnerships"] == before["partnerships"] + 1  # type: ignore[operator]
    assert after["members"] == before["members"] + N_MEMBERS  # type: ignore[operator]


def test_a_survey_answer_killed_before_commit_leaves_the_previous_answers_as_they_were(database):
    db, ids = database
    before = db.rows()
    assert ("ג", 2) in before["ratings"]  # type: ignore[operator]
    inside = db.kill_inside("rating", json.dumps(ids), "pause", "c", "5")  # replaces the answer about ג
    assert inside == {"rated": "ג", "rung": 5}
    assert db.rows() == before


def test_a_survey_answer_that_finishes_is_all_there(database):
    db, ids = database
    db.finish("rating", json.dumps(ids), "nopause", "b", "4")
    after = db.rows()
    assert ("ב", 4) in after["ratings"] and after["links_used"] == 1  # type: ignore[operator]
