"""Benchmark: importing the 19,773-row GuideStar nonprofit list (twice: the second run must change nothing) and
rendering the demo town's PDF report. Goals: import within 10 s, PDF within 3 s.

The whole list's "second run changes nothing" lives here rather than in the test suite, which imports a slice of
the same file (tests/reports/test_reports_cli.py); this script exits 1 when the second run changed anything.

Run: ``.tools/bin/uv run python bench/bench_reports.py [--shared ../shared]``. It uses a throwaway SQLite
database in a temporary folder (never the development database) and prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(REPO.parent / "shared"), help="the shared/ folder with data/")
    args = parser.parse_args()
    data = Path(args.shared) / "data" / "nonprofits" / "ngo_proper_management_guidestar.csv"
    if not data.is_file():
        print(f"not found: {data}", file=sys.stderr)
        return 2
    folder = tempfile.mkdtemp(prefix="shutafut-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shutafut.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import translation

    call_command("migrate", verbosity=0)
    settings.DEBUG = True
    from shutafut.accounts.models import Town
    from shutafut.demo.loader import load_demo
    from shutafut.organizations.models import Organization
    from shutafut.reports.pdf import render_pdf
    from shutafut.reports.selectors import town_report
    from shutafut.reports.services import organizations_import

    load_demo()
    town = Town.objects.get(slug="kfar-saba")

    def snapshot() -> list[tuple[object, ...]]:
        return list(Organization.objects.filter(town=town).order_by("pk").values_list())

    for attempt in ("first", "second"):
        started = time.perf_counter()
        result = organizations_import(town=town, path=data, fmt="guidestar")
        elapsed = time.perf_counter() - started
        if attempt == "first":
            after_first = snapshot()
        print(f"import {attempt} run: {len(result.rows)} rows in {elapsed:.2f} s ({result.summary()})")
    same = snapshot() == after_first and all(row.action == "unchanged" for row in result.rows)
    print(f"second run left the database unchanged: {same}")

    home = Town.objects.get(slug="beer-sheva")
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        with translation.override("he"):
            pdf = render_pdf("reports/town_pdf.html", {"town": home, "r": town_report(home)})
        timings.append(time.perf_counter() - started)
    print(f"town PDF ({home.slug}, Hebrew): {len(pdf)} bytes; first {timings[0]:.2f} s, best {min(timings):.2f} s")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
