"""Kill the process (SIGKILL) in the middle of an import and of a survey answer: the database holds all or nothing.

Each case is one child process writing to a database of the module's own: a SQLite file (WAL, as configured) and,
when DATABASE_URL points at PostgreSQL, a fresh database on that server. tests/crash/crash_child.py migrates the
PostgreSQL one (the suite's one run of every migration), makes the SQLite one's tables from the models, and seeds
each database, then forks the child of each case from itself (Django already loaded). A child that is to be killed
prints INSIDE, with what its own transaction already holds, once part of the rows are written; the parent kills it
there. The parent reads the database itself, through a connection of its own outside Django.
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
from typing import IO, Any

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
    """A database and the process that made and seeded it, which forks a child for each case."""

    def __init__(self, url: str, log: IO[str]) -> None:
        self.url = url
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD)],
            cwd=REPO,
            env=_env(url),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        self.ids: dict[str, int] = json.loads(self._line())

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.log.seek(0)
            raise AssertionError(f"the crash process stopped: {self.log.read()[-3000:]}")
        return line.strip()

    def _start(self, *case: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(case) + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()

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

    def finish(self, *case: object) -> None:
        """Run the case's write to its end, in a child of its own."""
        self._start(*case)
        assert self._line() == "DONE"
        assert self._line() == "EXIT 0"

    def kill_inside(self, *case: object) -> dict[str, object]:
        """Start the case's child, wait until it is inside its transaction, SIGKILL it there; return what it held."""
        self._start(*case)
        line = self._line()
        if not line.startswith("INSIDE "):
            raise AssertionError(f"the child never got inside its transaction: {line!r}")
        _inside, pid, held = line.split(" ", 2)
        os.kill(int(pid), signal.SIGKILL)
        assert self._line() == f"EXIT {-signal.SIGKILL}"
        return dict(json.loads(held))


@pytest.fixture(scope="module")
def databases(tmp_path_factory) -> Iterator[Callable[[str], Database]]:  # type: ignore[no-untyped-def]
    """Each backend's database, made and seeded the first time a test asks for it, kept for the module.

    Not a parametrized module fixture: pytest-randomly interleaves the backends' tests, and pytest would then make a
    parametrized fixture's database afresh at every change of backend.
    """
    made: dict[str, Database] = {}
    drops: list[Callable[[], None]] = []
    folder = tmp_path_factory.mktemp("crash")

    def get(backend: str) -> Database:
        if backend not in made:
            if backend == "sqlite":
                url = f"sqlite:///{folder / 'crash.sqlite3'}"
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
            made[backend] = Database(url, (folder / f"{backend}.log").open("w+", encoding="utf-8"))
        return made[backend]

    yield get
    for db in made.values():
        db.close()
        db.log.close()
    for drop in drops:
        drop()


@pytest.fixture(params=_backends())
def database(request, databases) -> Database:  # type: ignore[no-untyped-def]
    return databases(request.param)  # type: ignore[no-any-return]


def test_an_import_killed_halfway_leaves_nothing_of_it(database):
    before = database.rows()
    inside = database.kill_inside("import", N_MEMBERS, HALF_WAY)
    assert inside == {"members": HALF_WAY}
    assert database.rows() == before


def test_an_import_that_finishes_leaves_all_of_it(database):
    before = database.rows()
    database.finish("import", N_MEMBERS, None)
    after = database.rows()
    assert after["partnerships"] == before["partnerships"] + 1  # type: ignore[operator]
    assert after["members"] == before["members"] + N_MEMBERS  # type: ignore[operator]


def test_a_survey_answer_killed_before_commit_leaves_the_previous_answers_as_they_were(database):
    before = database.rows()
    assert ("ג", 2) in before["ratings"]  # type: ignore[operator]
    inside = database.kill_inside("rating", database.ids, True, "c", 5)  # replaces the answer about ג
    assert inside == {"rated": "ג", "rung": 5}
    assert database.rows() == before


def test_a_survey_answer_that_finishes_is_all_there(database):
    database.finish("rating", database.ids, False, "b", 4)
    after = database.rows()
    assert ("ב", 4) in after["ratings"] and after["links_used"] == 1  # type: ignore[operator]
