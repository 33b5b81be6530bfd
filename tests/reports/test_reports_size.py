"""The town report stays small on a city (issue 10: under 300 KB of HTML for 20,000 organizations).

The report summarizes: the map draws the 150 most connected organizations, the isolates are counted and the first
30 named, every other list is bounded (brokers, funding) or grows with partnerships, not organizations. So the
page's size does not depend on the number of organizations beyond a few digits: the test shows that (two towns of
1,000 and 3,000 organizations give pages within 2 KB of each other) and asserts the limit on the larger one,
which keeps it fast (rows made in bulk).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.urls import reverse

from shutafut.organizations.models import Organization
from shutafut.relationships.models import Relationship
from tests.conftest import add_nonprofits

LIMIT = 300_000


def _fill(town: Any, n: int, ties: int) -> None:
    rng = random.Random(n)
    add_nonprofits(town, n, name="עמותה לדוגמה מספר {n} לקידום הקהילה")
    ids = list(Organization.objects.filter(town=town).values_list("pk", flat=True))
    among = ids[:300]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < ties:
        a, b = rng.sample(among, 2)
        pairs.add((min(a, b), max(a, b)))
    Relationship.objects.bulk_create(
        (
            Relationship(town=town, org_a_id=a, org_b_id=b, rung=rng.randint(2, 5), observed_on=dt.date(2026, 1, 1))
            for a, b in sorted(pairs)
        ),
        batch_size=1000,
    )


@pytest.mark.django_db
def test_the_town_report_summarizes_lists_and_stays_under_300_kb_whatever_the_number_of_organizations(
    towns: Any, personas: Any, client: Any
) -> None:
    town_a, town_b = towns
    _fill(town_a, 3000, 1500)
    _fill(town_b, 1000, 1500)
    client.force_login(personas["alice"])
    big = client.get(reverse("report-town", kwargs={"town": town_a.slug}))
    assert big.status_code == 200
    size = len(big.content)
    assert size < LIMIT, f"{size:,} bytes"
    html = big.content.decode()
    assert "2,700" in html or "2700" in html  # the isolates are counted, not listed
    assert html.count("לקידום הקהילה") < 250  # names: the map's 150, brokers, the first isolates
    assert reverse("organization-list", kwargs={"town": town_a.slug}) in html  # the full list, paged

    from shutafut.accounts.models import Membership, Role

    Membership.objects.get_or_create(user=personas["alice"], town=town_b, defaults={"role": Role.COORDINATOR})
    small = client.get(reverse("report-town", kwargs={"town": town_b.slug}))
    assert abs(size - len(small.content)) < 2_000  # the summary does not grow with the organizations


def test_a_citys_brokers_come_from_sampled_betweenness_close_to_the_exact_figure() -> None:
    import igraph as ig

    from shutafut.network import metrics
    from shutafut.reports.selectors import _betweenness

    n = metrics.EXACT_LIMIT + 1
    star = ig.Graph.Star(n)  # every path between two leaves runs through the centre
    estimate = _betweenness(star)
    exact = (n - 1) * (n - 2) / 2
    assert abs(estimate[0] - exact) / exact < 0.02
    assert max(estimate[1:]) == 0.0
