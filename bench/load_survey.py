"""Load test of the survey: 100 respondents answering at once through their personal links, against gunicorn.

    .tools/bin/uv run python bench/load_survey.py [--seconds 60] [--respondents 100] [--workers 5]

Starts gunicorn on 127.0.0.1 with a fresh SQLite database (WAL), or with the PostgreSQL database given by
DATABASE_URL (its tables are created by migrate; use a throwaway database). Creates an open wave whose roster holds
the respondents' organizations, and one personal link per respondent. Then each respondent (one thread each) opens
its form once (for the CSRF token) and posts answers to /s/<token>/answer/ for --seconds, as the browser does
(Accept: application/json). Afterwards every accepted answer is checked in the database (the last answer each
respondent gave about each organization). It prints the throughput and the p95 latency, and the same server's
throughput on a trivial page (the login form) with the same clients as the ceiling. Goal: submissions at >= 25 %
of the ceiling. Exit status 1 on any error or missing answer.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(respondents: int) -> tuple[list[tuple[str, int, list[int]]], str]:
    """Migrate and seed the database; return (token, own organization, roster) per respondent and the wave id."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from shutafut.accounts.models import Town
    from shutafut.organizations.models import Organization, Person
    from shutafut.surveys.links import link_issue
    from shutafut.surveys.models import Wave

    town = Town.objects.create(name="עיר העומס", slug=f"load-{int(time.time())}", authority_code="7")
    orgs = [
        Organization.objects.create(
            town=town, name=f"ארגון {i}", sector="third", subtype="nonprofit", legal_form="amuta"
        )
        for i in range(respondents)
    ]
    wave = Wave.objects.create(town=town, name="גל עומס", status="open")
    wave.organizations.set(orgs)
    roster = [o.pk for o in orgs]
    people = []
    for i, org in enumerate(orgs):
        person = Person.objects.create(town=town, organization=org, full_name=f"משיב {i}")
        wave.respondents.add(person)  # only the roster answers
        _link, token = link_issue(town=town, purpose="relationship_survey", person=person, organization=org, wave=wave)
        people.append((token, org.pk, [pk for pk in roster if pk != org.pk]))
    from django.db import connections

    connections.close_all()
    return people, str(wave.pk)


def start_server(port: int, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "shutafut.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--backlog",
            "2048",
            "--timeout",
            "60",
        ],  # fmt: skip
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=20).status_code == 200:
                return server
        except requests.RequestException:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []


def run_clients(n: int, seconds: float, work: object) -> Stats:
    stats = Stats()
    stop = time.monotonic() + seconds
    threads = [threading.Thread(target=work, args=(i, stop, stats)) for i in range(n)]  # type: ignore[arg-type]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94] if len(values) >= 2 else (values[0] if values else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--respondents", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--ceiling-seconds", type=float, default=None, help="default: same as --seconds, at most 20")
    parser.add_argument(
        "--as-configured",
        action="store_true",
        help="SQLite exactly as shutafut.settings configures it (by default, BEGIN IMMEDIATE is added; see below)",
    )
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="shutafut-load-")
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/load.sqlite3")
    env.update(DJANGO_SETTINGS_MODULE="shutafut.settings", SHUTAFUT_DEBUG="True")
    if env["DATABASE_URL"].startswith("sqlite") and not args.as_configured:
        # SQLite's deferred transactions that read before they write fail at once with "database is locked" when
        # another writer holds the lock (the busy timeout does not apply to a lock upgrade). BEGIN IMMEDIATE takes
        # the write lock up front and waits. Proposed for shutafut/settings.py:
        #   DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
        Path(tmp, "load_settings.py").write_text(
            "from shutafut.settings import *  # noqa\n"
            'DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"\n',
            encoding="utf-8",
        )
        env.update(DJANGO_SETTINGS_MODULE="load_settings", PYTHONPATH=f"{tmp}:{REPO}")
        sys.path.insert(0, tmp)
    os.environ.update(env)
    sys.path.insert(0, str(REPO))
    print(f"preparing {args.respondents} respondents in {env['DATABASE_URL']}", file=sys.stderr, flush=True)
    people, _wave = prepare(args.respondents)
    print("starting gunicorn", file=sys.stderr, flush=True)
    backend = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite (WAL)"
    port = free_port()
    server = start_server(port, args.workers, env)
    base = f"http://127.0.0.1:{port}"
    accepted: dict[tuple[int, int], int] = {}
    try:
        # Ceiling: the same clients on a trivial page.
        def trivial(i: int, stop: float, stats: Stats) -> None:
            session = requests.Session()
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                try:
                    ok = session.get(f"{base}/accounts/login/", timeout=30).status_code == 200
                except requests.RequestException as exc:
                    ok = False
                    stats.errors.append(repr(exc))
                with stats.lock:
                    stats.latencies.append(time.perf_counter() - t0)
                    if not ok:
                        stats.errors.append("trivial page")

        ceiling_seconds = args.ceiling_seconds or min(args.seconds, 20.0)
        print(f"ceiling: {ceiling_seconds:.0f} s on the login page", file=sys.stderr, flush=True)
        ceiling = run_clients(args.respondents, ceiling_seconds, trivial)
        ceiling_rps = len(ceiling.latencies) / ceiling_seconds

        def respondent(i: int, stop: float, stats: Stats) -> None:
            token, _own, roster = people[i]
            rng = random.Random(i)
            session = requests.Session()
            try:
                form = session.get(f"{base}/s/{token}/", timeout=30)
                csrf = session.cookies.get("csrftoken", "")
                assert form.status_code == 200 and csrf, f"form {form.status_code}"
            except Exception as exc:  # noqa: BLE001 - counted as an error
                with stats.lock:
                    stats.errors.append(f"respondent {i}: {exc!r}")
                return
            headers = {"X-CSRFToken": csrf, "Accept": "application/json", "Referer": f"{base}/s/{token}/"}
            mine: dict[int, int] = {}
            while time.monotonic() < stop:
                rated = rng.choice(roster)
                rung = rng.randint(0, 5)
                data = {"rated": rated, "rung": rung, "frequency": "monthly", "trust_reliability": rng.randint(1, 4)}
                t0 = time.perf_counter()
                try:
                    response = session.post(f"{base}/s/{token}/answer/", data=data, headers=headers, timeout=30)
                    ok = response.status_code == 200 and response.json().get("ok") is True
                    error = "" if ok else f"{response.status_code} {response.text[:200]}"
                except (requests.RequestException, ValueError) as exc:
                    ok, error = False, repr(exc)
                elapsed = time.perf_counter() - t0
                with stats.lock:
                    stats.latencies.append(elapsed)
                    if ok:
                        mine[rated] = rung
                    else:
                        stats.errors.append(error)
            with stats.lock:
                for rated, rung in mine.items():
                    accepted[(i, rated)] = rung

        print(f"load: {args.seconds:.0f} s of answers", file=sys.stderr, flush=True)
        load = run_clients(args.respondents, args.seconds, respondent)
    finally:
        server.terminate()
        server.wait(timeout=30)

    from django.db import connections

    from shutafut.surveys.links import link_resolve
    from shutafut.surveys.models import Rating

    connections.close_all()
    missing = 0
    for (i, rated), rung in accepted.items():
        link = link_resolve(people[i][0])
        if not Rating.objects.filter(link=link, rated_id=rated, rung=rung).exists():
            missing += 1
    ok_count = len(load.latencies) - len(load.errors)
    mode = "" if backend.startswith("Postgre") or args.as_configured else ", BEGIN IMMEDIATE"
    print(f"database            {backend}{mode}; gunicorn, {args.workers} sync workers, 127.0.0.1; DEBUG on")
    print(f"respondents         {args.respondents} concurrent, {args.seconds:.0f} s")
    print(f"submissions         {ok_count} accepted, {len(load.errors)} errors")
    print(f"throughput          {ok_count / args.seconds:.1f} submissions/s")
    median = statistics.median(load.latencies) * 1000 if load.latencies else 0.0
    print(f"p95 latency         {p95(load.latencies) * 1000:.0f} ms (median {median:.0f} ms)")
    ceiling_p95 = p95(ceiling.latencies) * 1000
    print(f"ceiling             {ceiling_rps:.1f} requests/s on the login page (p95 {ceiling_p95:.0f} ms)")
    print(f"ratio               {100 * (ok_count / args.seconds) / ceiling_rps:.0f} % of the ceiling (goal >= 25 %)")
    print(f"answers checked     {len(accepted)} last answers, {missing} missing from the database")
    for error in sorted(set(load.errors))[:5]:
        print("error:", error)
    return 1 if load.errors or missing or ceiling.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
