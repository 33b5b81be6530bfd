"""Benchmark: a town of 2,000 organizations (about 6,000 ties) drawn by the relationship map in Chromium.

    .tools/bin/uv run python bench/bench_map_browser.py           # 2,000 and 5,000 organizations
    .tools/bin/uv run python bench/bench_map_browser.py --quick   # 2,000 only

Goal (issue 4): smooth at 2,000 organizations. The map page times itself: the data endpoint and the drawing (our
canvas renderer from 1,500 organizations), both printed with the wall time from page load to drawn. The town
is random (numpy, seed 0: n organizations of the three sectors, 3n random pairs, rungs 2-5), in a throwaway SQLite
database in a temporary folder, served by Django's live-server thread to Debian's Chromium (Playwright). Not a
test: nothing is asserted; the suite's browser test draws a town just above the server-layout threshold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
READY = "() => !!(window.shutafutMap && document.getElementById('map-canvas').dataset.ready)"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
KINDS = (
    ("public", "local_authority", "local_authority"),
    ("third", "nonprofit", "amuta"),
    ("business", "company", "company"),
)


def make_town(slug: str, n: int) -> int:
    """A town of ``n`` organizations and about ``3n`` ties; return the number of ties."""
    from shutafut.accounts.models import Town
    from shutafut.organizations.models import Organization
    from shutafut.relationships.models import Relationship

    town = Town.objects.create(name=slug, name_en=slug, slug=slug, authority_code=str(n))
    orgs = Organization.objects.bulk_create(
        Organization(town=town, name=f"ארגון {i}", sector=k[0], subtype=k[1], legal_form=k[2])
        for i in range(n)
        for k in (KINDS[i % 3],)
    )
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, n, 3 * n), rng.integers(0, n, 3 * n)
    pairs = sorted({(min(x, y), max(x, y)) for x, y in zip(a.tolist(), b.tolist(), strict=True) if x != y})
    rungs = rng.integers(2, 6, len(pairs)).tolist()
    Relationship.objects.bulk_create(
        Relationship(town=town, org_a=orgs[x], org_b=orgs[y], rung=r, observed_on=dt.date(2026, 1, 1))
        for (x, y), r in zip(pairs, rungs, strict=True)
    )
    return len(pairs)


def open_map(browser: Any, base: str, session: str, path: str) -> tuple[Any, float, dict[str, Any]]:
    """Open the map page ``path`` in a new logged-in context of ``browser`` and wait until it is drawn; return the
    context (the caller closes it), the seconds from page load to drawn, and the page's own figures."""
    from django.conf import settings

    context = browser.new_context(locale="he-IL", viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"{base}{path}")
    page.wait_for_function(READY, timeout=120_000)
    wall = time.perf_counter() - started
    figures = page.evaluate(
        "() => { const m = window.shutafutMap; return {renderer: m.renderer, nodes: m.data.nodes.length,"
        " edges: m.data.edges.length, renderMs: m.renderMs, fetchMs: m.fetchMs, drawMs: m.drawMs}; }"
    )
    return context, wall, figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="2,000 organizations only")
    args = parser.parse_args()
    sizes = [2000] if args.quick else [2000, 5000]
    chromium = shutil.which("chromium") or "/usr/bin/chromium"

    folder = tempfile.mkdtemp(prefix="shutafut-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shutafut.settings")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.management import call_command
    from django.test import Client, override_settings
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    from shutafut.accounts.models import Membership, Role, Town

    call_command("migrate", verbosity=0)
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the browser's favicon.ico requests
    user = get_user_model().objects.create_user(username="bench", password="bench-only")
    towns = {}
    for n in sizes:
        started = time.perf_counter()
        ties = make_town(f"bench-{n}", n)
        Membership.objects.create(user=user, town=Town.objects.get(slug=f"bench-{n}"), role=Role.COORDINATOR)
        towns[n] = ties
        print(f"{n:,} organizations, {ties:,} ties: rows created in {time.perf_counter() - started:.2f} s")
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    # No worker here: the map's task runs at once, inside the first page request (so the first load includes
    # computing the map; the second is served from the kept map, as production serves it). bench_city.py measures
    # the city's map through a real worker.
    # override_settings tells django_tasks to drop the backend it already made (a plain assignment would not).
    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}
    ).enable()
    server = LiveServerThread("localhost", StaticFilesHandler, connections_override={}, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base = f"http://localhost:{server.port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
            for n, ties in towns.items():
                for attempt in ("first", "second"):
                    context, wall, m = open_map(browser, base, session, f"/t/bench-{n}/map/")
                    nodes, edges, render_ms, fetch_ms, draw_ms, renderer = (
                        m["nodes"],
                        m["edges"],
                        m["renderMs"],
                        m["fetchMs"],
                        m["drawMs"],
                        m["renderer"],
                    )
                    print(
                        f"{n:,} organizations ({attempt} load): {nodes:,} nodes and {edges:,} of {ties:,} ties drawn"
                        f" by {renderer} in {render_ms} ms = data endpoint {fetch_ms} ms + draw {draw_ms} ms; page"
                        f" load to drawn {wall:.2f} s"
                        + (" (the first load computes the map: tasks run at once here)" if attempt == "first" else "")
                    )
                    context.close()
            browser.close()
    finally:
        server.terminate()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
