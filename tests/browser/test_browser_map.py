"""In Chromium: the relationship map draws the town's organizations, filters by rung, opens a profile; a large town
is laid out by the map's job and drawn whole, on a canvas from 1,500 organizations (bench/ times the city); the demo
map reads: a legend, a few names, its measures explained."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from playwright.sync_api import expect

from shutafut.network.graph import PRESET_LAYOUT_FROM

pytestmark = pytest.mark.django_db(transaction=True)

READY = "() => !!(window.shutafutMap && document.getElementById('map-canvas').dataset.ready)"


def _town_map(town, n: int, ties: list[tuple[int, int, int]]) -> list:  # type: ignore[no-untyped-def,type-arg]
    from shutafut.organizations.models import Organization
    from shutafut.relationships.models import Relationship

    kinds = (
        ("public", "local_authority", "local_authority"),
        ("third", "nonprofit", "amuta"),
        ("business", "company", "company"),
    )
    orgs = Organization.objects.bulk_create(
        Organization(
            town=town, name=f"ארגון {i}", sector=kinds[i % 3][0], subtype=kinds[i % 3][1], legal_form=kinds[i % 3][2]
        )
        for i in range(n)
    )
    Relationship.objects.bulk_create(
        Relationship(town=town, org_a=orgs[a], org_b=orgs[b], rung=r, observed_on=dt.date(2026, 1, 1))
        for a, b, r in ties
    )
    return orgs


def test_a_coordinator_sees_the_map_filters_it_by_rung_and_opens_an_organizations_profile(
    page, live_server, personas, towns, login
):  # type: ignore[no-untyped-def]
    orgs = _town_map(towns[0], 6, [(0, 1, 5), (0, 2, 4), (1, 2, 2), (2, 3, 3), (3, 4, 2)])  # org 5 is isolated
    login("alice")
    page.goto(f"{live_server.url}/t/town-a/map/?threshold=2")
    page.wait_for_function(READY)
    assert page.evaluate("window.shutafutMap.cy.nodes().length") == 6
    assert page.evaluate("window.shutafutMap.cy.edges().length") == 5
    page.select_option("#f-threshold", "4")
    page.locator("#map-filters button[type=submit]").click()
    page.wait_for_function(READY)
    assert page.evaluate("window.shutafutMap.cy.edges().length") == 2
    expect(page.get_by_test_id("summary-ties")).to_have_text("2")
    # click the best-connected organization where cytoscape drew it
    x, y = page.evaluate(
        "id => { const p = window.shutafutMap.cy.getElementById(id).renderedPosition(); return [p.x, p.y]; }",
        str(orgs[0].pk),
    )
    box = page.locator("#map-canvas").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + x, box["y"] + y)
    expect(page.locator("#map-panel-title")).to_have_text(orgs[0].name)
    expect(page.locator("#map-panel-body")).to_contain_text("ארגון 1")  # a tie of the profile
    expect(page.locator("#map-panel-body")).to_contain_text("שותפות")  # its rung, in Hebrew


def test_a_town_above_the_server_layout_threshold_is_laid_out_on_the_server_and_drawn_whole(
    page, live_server, personas, towns, login
):  # type: ignore[no-untyped-def]
    """The smallest town that gets the server's preset layout; bench/bench_map_browser.py draws 2,000 and times it."""
    n = PRESET_LAYOUT_FROM
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, n, 3 * n), rng.integers(0, n, 3 * n)
    pairs = {(min(x, y), max(x, y)) for x, y in zip(a.tolist(), b.tolist(), strict=True) if x != y}
    rungs = rng.integers(2, 6, len(pairs)).tolist()
    _town_map(towns[0], n, [(x, y, r) for (x, y), r in zip(sorted(pairs), rungs, strict=True)])
    login("alice")
    page.goto(f"{live_server.url}/t/town-a/map/?threshold=2")
    page.wait_for_function(READY)
    nodes, edges, preset, render_ms = page.evaluate(
        "() => { const m = window.shutafutMap;"
        " return [m.cy.nodes().length, m.cy.edges().length, m.data.preset_layout, m.renderMs]; }"
    )
    assert (nodes, edges, preset) == (n, len(pairs), True)
    assert render_ms is not None  # the page timed its own drawing (bench/ prints the figures)


def test_the_demo_map_draws_with_a_legend_names_only_the_most_central_and_explains_its_measures(
    page, live_server, login
):  # type: ignore[no-untyped-def]
    """Issue 12 item 7 on the 64-organization demo town: opened at coordination, sector colours and rung lines in
    the legend, a handful of names (the others on hover), the measures named and explained in Hebrew."""
    from django.test import override_settings

    from shutafut.demo.loader import load_demo

    with override_settings(DEBUG=True):  # the demo refuses to load otherwise
        load_demo()
    login("coordinator1")
    page.goto(f"{live_server.url}/t/beer-sheva/map/")
    page.wait_for_function(READY)
    renderer, nodes, labelled, threshold = page.evaluate(
        "() => { const m = window.shutafutMap;"
        " return [m.renderer, m.cy.nodes().length, m.cy.nodes('.labelled').length, m.data.threshold]; }"
    )
    assert renderer == "cytoscape" and nodes == 64 and threshold == 3
    assert 3 <= labelled <= 8  # names for the most central only
    legend = page.get_by_test_id("map-legend")
    expect(legend).to_be_visible()
    for sector in ("ציבורי", "המגזר השלישי", "עסקי"):
        expect(legend).to_contain_text(sector)
    expect(legend).to_contain_text("שותפות")  # the rung lines, from the threshold up
    expect(legend).to_contain_text("הארגונים המקושרים ביותר")  # says that only some names are shown
    glossary = page.get_by_test_id("map-glossary")
    expect(glossary).to_contain_text("גישור")
    expect(glossary).to_contain_text("מקור: PARTNER")


def test_a_city_sized_map_is_drawn_on_a_canvas_from_the_workers_layout(page, live_server, personas, towns, login):  # type: ignore[no-untyped-def]
    """From 1,500 organizations the page draws with our canvas renderer (cytoscape stays for smaller maps);
    the layout comes from the map's job (run at once by the tests' task backend)."""
    n = 1500
    ties = [(i, (i * 7 + 1) % 300, 2 + i % 4) for i in range(300)]
    _town_map(towns[0], n, [(min(a, b), max(a, b), r) for a, b, r in ties if a != b])
    login("alice")
    page.goto(f"{live_server.url}/t/town-a/map/?threshold=2")
    page.wait_for_function(READY, timeout=60_000)
    renderer, drawn, preset = page.evaluate(
        "() => { const m = window.shutafutMap; return [m.renderer, m.canvas.nodes, m.data.preset_layout]; }"
    )
    assert (renderer, drawn, preset) == ("canvas", n, True)
    box = page.locator("#map-canvas canvas").bounding_box()
    assert box is not None and box["width"] > 100
