"""The big town of the city-scale benchmarks, and a throwaway database to build it in.

    with bench_database() as url:          # before django.setup(): it sets DATABASE_URL
        django.setup(); migrate()
        town = build_big_town(guidestar=SHARED / "data/nonprofits/ngo_proper_management_guidestar.csv")

The big town is the real GuideStar list of nonprofits (19,773 rows) imported into one town, plus RELATIONSHIPS
generated relationships among AMONG of its organizations (seeded: the same town every run). Benchmarks that
need it (bench_city.py; the map's figures) build it once and measure against it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHUTAFUT_SHARED_DIR", REPO.parent / "shared"))
GUIDESTAR = SHARED / "data" / "nonprofits" / "ngo_proper_management_guidestar.csv"
RELATIONSHIPS = 20_000
AMONG = 3_000
SEED = 20261202
RUNG_WEIGHTS = (0.10, 0.15, 0.30, 0.25, 0.12, 0.08)  # disconnection .. partnership
DOMAINS = ("חינוך", "רווחה", "בריאות", "תעסוקה", "קהילה", "סביבה")


@contextmanager
def bench_database() -> Iterator[str]:
    """A new, empty database for one benchmark run, removed afterwards; sets DATABASE_URL (for this process and
    the workers it starts) and yields it. On the PostgreSQL server of BENCH_DATABASE_URL when set (make bench
    starts a throwaway one), otherwise a SQLite file in a temporary folder."""
    server = os.environ.get("BENCH_DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(server)
        name = f"shutafut_bench_{uuid.uuid4().hex[:8]}"
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = urlunsplit(parts._replace(path=f"/{name}"))
        os.environ["DATABASE_URL"] = url
        try:
            yield url
        finally:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        with tempfile.TemporaryDirectory(prefix="shutafut-bench-") as folder:
            url = f"sqlite:///{folder}/bench.sqlite3"
            os.environ["DATABASE_URL"] = url
            yield url


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def build_big_town(
    *,
    slug: str = "big-town",
    guidestar: Path = GUIDESTAR,
    relationships: int = RELATIONSHIPS,
    among: int = AMONG,
    seed: int = SEED,
) -> Any:
    """Create the town ``slug``: the GuideStar list imported, then ``relationships`` seeded random relationships
    among ``among`` of its organizations (distinct pairs, rungs drawn with RUNG_WEIGHTS). Returns the town."""
    from shutafut.accounts.models import Town
    from shutafut.organizations.models import Organization
    from shutafut.relationships.models import Relationship
    from shutafut.reports.services import organizations_import

    town = Town.objects.create(name="עיר גדולה", name_en="Big town", slug=slug)
    result = organizations_import(town=town, path=guidestar, fmt="guidestar")
    if not result.written:
        raise RuntimeError(f"the GuideStar list was not imported: {result.file_error or result.summary()}")
    rng = random.Random(seed)
    ids = sorted(Organization.objects.filter(town=town).values_list("pk", flat=True))
    chosen = rng.sample(ids, min(among, len(ids)))
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < relationships:
        a, b = rng.sample(chosen, 2)
        pairs.add((min(a, b), max(a, b)))
    start = dt.date(2024, 1, 1)
    Relationship.objects.bulk_create(
        [
            Relationship(
                town=town,
                org_a_id=a,
                org_b_id=b,
                rung=rng.choices(range(6), RUNG_WEIGHTS)[0],
                domain=rng.choice(DOMAINS),
                observed_on=start + dt.timedelta(days=rng.randrange(700)),
            )
            for a, b in sorted(pairs)
        ],
        batch_size=2000,
    )
    return town
