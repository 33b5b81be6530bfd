"""The relationship map in the app: selectors, the data endpoint (against networkx), exports, access, waves."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import networkx as nx
import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone

from shutafut.jobs.models import Job
from shutafut.network import selectors
from shutafut.network.graph import max_rung_pairs
from shutafut.network.snapshots import data_version, map_state

pytestmark = pytest.mark.django_db

EDU, WELFARE = "חינוך", "רווחה"


@pytest.fixture
def demo_map(towns, personas):  # type: ignore[no-untyped-def]
    """Six organizations of town A; recorded relationships in two domains; two survey waves with ratings."""
    from shutafut.organizations.models import Organization, Person
    from shutafut.relationships.models import Relationship
    from shutafut.surveys.links import link_issue
    from shutafut.surveys.models import Rating, Wave

    town, other_town = towns

    def org(name: str, sector: str) -> Organization:
        subtype, form = {
            "public": ("local_authority", "local_authority"),
            "third": ("nonprofit", "amuta"),
            "business": ("company", "company"),
        }[sector]
        return Organization.objects.create(town=town, name=name, sector=sector, subtype=subtype, legal_form=form)

    o = {
        "c1": org("עירייה", "public"),
        "c2": org("מתנ״ס", "public"),
        "n1": org("עמותת לב", "third"),
        "n2": org("עמותת יד", "third"),
        "b1": org("מאפייה", "business"),
        "b2": org("בית דפוס", "business"),
    }
    Organization.objects.create(town=other_town, name="זר", sector="third", subtype="nonprofit", legal_form="amuta")

    def rel(
        a: str, b: str, rung: int, domain: str = "", *, day: int = 1, wave: object = None, target: int | None = None
    ):  # type: ignore[no-untyped-def]
        return Relationship.objects.create(
            town=town,
            org_a=o[a],
            org_b=o[b],
            rung=rung,
            domain=domain,
            observed_on=dt.date(2026, 1, day),
            wave=wave,
            source="survey" if wave else "recorded",
            target_rung=target,
        )

    rel("c1", "n1", 3, EDU)
    rel("n1", "c1", 5, WELFARE)  # same pair, other domain and direction: the pair stands at 5
    rel("c1", "b1", 2, EDU)
    rel("n1", "n2", 1, WELFARE)  # competition: never a tie
    rel("c2", "n2", 4, WELFARE, target=5)
    rel("c1", "c2", 2, EDU, day=1)
    rel("c2", "c1", 3, EDU, day=5, target=4)  # the latest observation of the pair in EDU counts
    # b2 is isolated
    w1 = Wave.objects.create(town=town, name="גל 1")
    w2 = Wave.objects.create(town=town, name="גל 2")
    for w in (w1, w2):
        w.organizations.set([o["c1"], o["n1"], o["n2"], o["b1"]])
    rel("c1", "n1", 2, wave=w1)
    rel("n1", "n2", 3, wave=w1)
    rel("c1", "n1", 4, wave=w2)
    rel("c1", "b1", 3, wave=w2)
    person = Person.objects.create(town=town, organization=o["c1"], full_name="דנה")
    link, _ = link_issue(town=town, purpose="relationship_survey", person=person, organization=o["c1"], wave=w2)
    Rating.objects.create(wave=w2, link=link, rater=o["c1"], rated=o["n1"], rung=4)
    Rating.objects.create(wave=w2, link=link, rater=o["c1"], rated=o["b1"], rung=2)
    person_n = Person.objects.create(town=town, organization=o["n1"], full_name="רון")
    link_n, _ = link_issue(town=town, purpose="relationship_survey", person=person_n, organization=o["n1"], wave=w2)
    Rating.objects.create(wave=w2, link=link_n, rater=o["n1"], rated=o["c1"], rung=5)
    w2.respondents.add(person, person_n)
    return {"town": town, "orgs": o, "w1": w1, "w2": w2, "person_n": person_n}


def _pairs(town_map: selectors.TownMap) -> dict[frozenset[int], int]:
    ids = [org.id for org in town_map.orgs]
    p = town_map.pairs
    return {frozenset((ids[s], ids[t])): int(r) for s, t, r in zip(p.source, p.target, p.rung, strict=True)}


def _key(o, a: str, b: str) -> frozenset[int]:  # type: ignore[no-untyped-def]
    return frozenset((o[a].id, o[b].id))


def test_the_pair_level_is_the_highest_rung_across_domains_and_the_latest_observation_in_each(demo_map) -> None:  # type: ignore[no-untyped-def]
    o = demo_map["orgs"]
    town_map = selectors.build_map(demo_map["town"], selectors.MapFilters())
    assert _pairs(town_map) == {
        _key(o, "c1", "n1"): 5,
        _key(o, "c1", "b1"): 2,
        _key(o, "n1", "n2"): 1,
        _key(o, "c2", "n2"): 4,
        _key(o, "c1", "c2"): 3,
    }
    assert town_map.n == 6
    # competition counts 0 in the metrics' levels
    assert sorted(town_map.network.level.tolist()) == [0.0, 2.0, 3.0, 4.0, 5.0]


def test_the_threshold_sector_and_domain_filters_select_the_right_arrays(demo_map) -> None:  # type: ignore[no-untyped-def]
    o, town = demo_map["orgs"], demo_map["town"]
    at4 = selectors.build_map(town, selectors.MapFilters(threshold=4))
    assert int(at4.tie_mask().sum()) == 2
    assert at4.report.density.ties == 2
    edu = selectors.build_map(town, selectors.MapFilters(domains=(EDU,)))
    assert _pairs(edu) == {_key(o, "c1", "n1"): 3, _key(o, "c1", "b1"): 2, _key(o, "c1", "c2"): 3}
    no_business = selectors.build_map(town, selectors.MapFilters(sectors=("public", "third")))
    assert {org.sector for org in no_business.orgs} == {"public", "third"}
    assert _key(o, "c1", "b1") not in _pairs(no_business)
    assert len(_pairs(no_business)) == 4


def test_filters_are_read_from_the_query_string_and_unknown_values_fall_back(demo_map, rf) -> None:  # type: ignore[no-untyped-def]
    town = demo_map["town"]
    f = selectors.parse_filters(
        rf.get("/", {"threshold": "9", "sector": ["third", "nope"], "domain": EDU}).GET, town=town
    )
    assert (f.threshold, f.sectors, f.domains, f.wave) == (selectors.PAGE_THRESHOLD, ("third",), (EDU,), None)
    assert selectors.PAGE_THRESHOLD == 3  # coordination: the page's default (issue 12)
    f = selectors.parse_filters(rf.get("/", {"threshold": "4", "wave": demo_map["w1"].pk}).GET, town=town)
    assert (f.threshold, f.wave) == (4, demo_map["w1"])


def test_the_data_endpoint_equals_metrics_computed_with_networkx(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    o = demo_map["orgs"]
    client.force_login(personas["bob"])  # a viewer: any member role sees the map
    data = client.get(reverse("network-map-data", kwargs={"town": "town-a"}), {"threshold": 2}).json()
    g = nx.Graph()
    g.add_nodes_from(str(x.id) for x in o.values())
    ties = [("c1", "n1", 5), ("c1", "b1", 2), ("c2", "n2", 4), ("c1", "c2", 3)]
    g.add_weighted_edges_from((str(o[a].id), str(o[b].id), w) for a, b, w in ties)
    betweenness, closeness = nx.betweenness_centrality(g), nx.closeness_centrality(g)
    effective = nx.effective_size(g)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == set(g.nodes)
    for node_id, node in nodes.items():
        assert node["degree"] == g.degree(node_id)
        assert node["strength"] == g.degree(node_id, weight="weight")
        assert node["betweenness"] == pytest.approx(betweenness[node_id], abs=1e-12)
        assert node["closeness"] == pytest.approx(closeness[node_id], abs=1e-12)
        if math.isnan(effective[node_id]):
            assert node["effective_size"] is None
        else:
            assert node["effective_size"] == pytest.approx(effective[node_id], abs=1e-12)
    assert {frozenset((e["source"], e["target"])) for e in data["edges"]} == {frozenset(e) for e in g.edges}
    assert data["summary"]["density"] == pytest.approx(nx.density(g))
    assert data["summary"]["n_ties"] == 4
    assert data["summary"]["mean_level_over_ties"] == pytest.approx(14 / 4)
    assert data["summary"]["mean_level_over_all_pairs"] == pytest.approx(14 / 15)
    assert data["summary"]["isolates"] == nx.number_of_isolates(g) == 1
    assert data["summary"]["components"] == nx.number_connected_components(g)


def test_a_higher_threshold_gives_fewer_edges_in_the_data(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas["carol"])
    url = reverse("network-map-data", kwargs={"town": "town-a"})
    assert len(client.get(url, {"threshold": 2}).json()["edges"]) == 4
    assert len(client.get(url, {"threshold": 5}).json()["edges"]) == 1


def test_another_towns_map_is_404_for_data_page_and_exports(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas["charlie"])
    for name in ("network-map", "network-map-data", "network-compare", "network-export-graphml", "network-export-xlsx"):
        assert client.get(reverse(name, kwargs={"town": "town-a"})).status_code == 404
    assert client.get(reverse("network-map-data", kwargs={"town": "missing"})).status_code == 404


def test_a_wave_of_another_town_is_the_same_404_as_a_missing_wave(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    from shutafut.surveys.models import Wave

    foreign = Wave.objects.create(town=demo_map["town"].__class__.objects.get(slug="town-b"), name="B")
    client.force_login(personas["alice"])
    url = reverse("network-map-data", kwargs={"town": "town-a"})
    assert client.get(url, {"wave": foreign.pk}).status_code == 404
    assert client.get(url, {"wave": 999999}).status_code == 404
    assert client.get(url, {"wave": demo_map["w1"].pk}).status_code == 200


def test_an_anonymous_visitor_is_sent_to_log_in(demo_map, client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("network-map", kwargs={"town": "town-a"}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_wave_filter_uses_only_that_waves_relationships_and_roster_with_both_ratings(
    demo_map, client, personas
) -> None:  # type: ignore[no-untyped-def]
    o = demo_map["orgs"]
    client.force_login(personas["alice"])
    url = reverse("network-map-data", kwargs={"town": "town-a"})
    data = client.get(url, {"wave": demo_map["w2"].pk}).json()
    assert {n["id"] for n in data["nodes"]} == {str(o[k].id) for k in ("c1", "n1", "n2", "b1")}
    edges = {frozenset((e["source"], e["target"])): e for e in data["edges"]}
    assert set(edges) == {_key_str(o, "c1", "n1"), _key_str(o, "c1", "b1")}
    e = edges[_key_str(o, "c1", "n1")]
    by = {e["source"]: e["rating_source_to_target"], e["target"]: e["rating_target_to_source"]}
    assert by == {str(o["c1"].id): 4, str(o["n1"].id): 5}
    e = edges[_key_str(o, "c1", "b1")]
    by = {e["source"]: e["rating_source_to_target"], e["target"]: e["rating_target_to_source"]}
    assert by == {str(o["c1"].id): 2, str(o["b1"].id): None}
    recorded = client.get(url).json()
    assert "rating_source_to_target" not in recorded["edges"][0]


def test_a_city_map_kept_for_a_wave_is_made_again_once_someone_leaves_the_roster(demo_map) -> None:  # type: ignore[no-untyped-def]
    filters = selectors.MapFilters(wave=demo_map["w2"])
    before = data_version(demo_map["town"], filters)
    assert data_version(demo_map["town"], filters) == before
    demo_map["w2"].respondents.remove(demo_map["person_n"])
    assert data_version(demo_map["town"], filters) != before


def test_the_answers_of_someone_taken_off_the_roster_leave_the_wave_map(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    o = demo_map["orgs"]
    demo_map["w2"].respondents.remove(demo_map["person_n"])
    client.force_login(personas["alice"])
    data = client.get(reverse("network-map-data", kwargs={"town": "town-a"}), {"wave": demo_map["w2"].pk}).json()
    e = {frozenset((e["source"], e["target"])): e for e in data["edges"]}[_key_str(o, "c1", "n1")]
    by = {e["source"]: e["rating_source_to_target"], e["target"]: e["rating_target_to_source"]}
    assert by == {str(o["c1"].id): 4, str(o["n1"].id): None}


def _key_str(o, a: str, b: str) -> frozenset[str]:  # type: ignore[no-untyped-def]
    return frozenset((str(o[a].id), str(o[b].id)))


def test_the_map_is_read_in_a_fixed_number_of_queries(demo_map, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    from shutafut.organizations.models import Organization
    from shutafut.relationships.models import Relationship

    town = demo_map["town"]
    with django_assert_max_num_queries(2):
        selectors.build_map(town, selectors.MapFilters())
    orgs = Organization.objects.bulk_create(
        Organization(town=town, name=f"ארגון {i}", sector="third", subtype="nonprofit", legal_form="amuta")
        for i in range(40)
    )
    Relationship.objects.bulk_create(
        Relationship(town=town, org_a=orgs[i], org_b=orgs[i + 1], rung=3, observed_on=dt.date(2026, 1, 1))
        for i in range(39)
    )
    with django_assert_max_num_queries(2):
        assert selectors.build_map(town, selectors.MapFilters()).report.density.ties == 43
    with django_assert_max_num_queries(4):  # roster check, roster, relationships, ratings
        selectors.build_map(town, selectors.MapFilters(wave=demo_map["w2"]))


def test_the_page_shows_the_summary_heat_map_and_ladder_without_javascript(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas["bob"])
    response = client.get(reverse("network-map", kwargs={"town": "town-a"}), {"threshold": 2})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="summary-ties">4<' in html
    assert 'class="heat-map"' in html and "heat-4" in html
    assert "ladder-data" in html and "vendor/cytoscape.min.js" in html
    assert "<script>" not in html and "style=" not in html  # no inline script or style (CSP)
    assert "עמותת לב" in html


def test_the_heat_map_counts_ties_between_sectors(demo_map) -> None:  # type: ignore[no-untyped-def]
    rows = selectors.heat_map(selectors.build_map(demo_map["town"], selectors.MapFilters()))
    counts = [[c.ties for c in row] for row in rows]
    # public–public c1–c2; public–third c1–n1, c2–n2; public–business c1–b1
    assert counts == [[1, 2, 1], [2, 0, 0], [1, 0, 0]]
    assert rows[0][1].mean_rung == pytest.approx(4.5)


def test_the_ladder_distribution_counts_every_selected_pair_by_rung(demo_map) -> None:  # type: ignore[no-untyped-def]
    town_map = selectors.build_map(demo_map["town"], selectors.MapFilters(threshold=5))
    assert town_map.rung_distribution() == [0, 1, 1, 1, 1, 1]


# ------------------------------------------------------------------------------------------ exports


def _get(client, name: str, **params):  # type: ignore[no-untyped-def]
    params.setdefault("threshold", 2)  # the exports at informing, the lowest threshold
    response = client.get(reverse(name, kwargs={"town": "town-a"}), params)
    assert response.status_code == 200
    return response


def test_graphml_export_reads_back_in_networkx_with_nodes_edges_and_attributes(
    demo_map, client, personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    o = demo_map["orgs"]
    client.force_login(personas["bob"])
    path = tmp_path / "map.graphml"
    path.write_bytes(_get(client, "network-export-graphml").content)
    g = nx.read_graphml(path)
    assert set(g.nodes) == {str(x.id) for x in o.values()}
    assert {frozenset(e) for e in g.edges} == {
        _key_str(o, a, b) for a, b in (("c1", "n1"), ("c1", "b1"), ("c2", "n2"), ("c1", "c2"))
    }
    c1 = g.nodes[str(o["c1"].id)]
    assert (c1["name"], c1["sector"], c1["degree"]) == ("עירייה", "public", 3)
    assert "effective_size" not in g.nodes[str(o["b2"].id)]  # undefined for an isolate
    edge = g.edges[str(o["c1"].id), str(o["n1"].id)]
    assert (edge["rung"], edge["domain"], edge["level"]) == (5, WELFARE, 5.0)


def test_gexf_export_reads_back_in_networkx_with_nodes_edges_and_attributes(
    demo_map, client, personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    o = demo_map["orgs"]
    client.force_login(personas["alice"])
    path = tmp_path / "map.gexf"
    path.write_bytes(_get(client, "network-export-gexf", wave=demo_map["w2"].pk).content)
    g = nx.read_gexf(path)
    assert set(g.nodes) == {str(o[k].id) for k in ("c1", "n1", "n2", "b1")}
    assert {frozenset(e) for e in g.edges} == {_key_str(o, "c1", "n1"), _key_str(o, "c1", "b1")}
    n1 = g.nodes[str(o["n1"].id)]
    assert (n1["label"], n1["sector"], n1["degree"]) == ("עמותת לב", "third", 1)
    edge = g.edges[str(o["c1"].id), str(o["n1"].id)]
    assert (edge["rung"], edge["weight"]) == (4, 4.0)
    assert {edge["rating_source_to_target"], edge["rating_target_to_source"]} == {4, 5}


def test_csv_exports_have_a_bom_and_the_cli_columns(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas["carol"])
    body = _get(client, "network-export-nodes-csv").content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 6 and {"id", "name", "sector", "degree", "betweenness"} <= set(rows[0])
    assert "עמותת לב" in {r["name"] for r in rows}
    ties = list(csv.DictReader(io.StringIO(_get(client, "network-export-ties-csv").content.decode("utf-8-sig"))))
    assert len(ties) == 5  # every selected pair, competition included
    assert sorted(r["tie"] for r in ties) == ["0", "1", "1", "1", "1"]


def test_the_csv_exports_are_read_back_by_the_metrics_cli_reader(demo_map, client, personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from shutafut.network import io as network_io

    client.force_login(personas["carol"])
    nodes, ties = tmp_path / "nodes.csv", tmp_path / "ties.csv"
    nodes.write_bytes(_get(client, "network-export-nodes-csv").content)
    ties.write_bytes(_get(client, "network-export-ties-csv").content)
    loaded = network_io.read_network(nodes, ties, directed=False, scale=network_io.Scale.LADDER)
    ours = selectors.build_map(demo_map["town"], selectors.MapFilters()).network
    assert loaded.network.n == 6
    assert sorted(loaded.network.level.tolist()) == sorted(ours.level.tolist())


def test_xlsx_export_has_two_right_to_left_sheets_with_hebrew_headers(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    client.force_login(personas["bob"])
    wb = load_workbook(io.BytesIO(_get(client, "network-export-xlsx").content))
    assert len(wb.worksheets) == 2
    orgs, ties = wb.worksheets
    assert orgs.sheet_view.rightToLeft and ties.sheet_view.rightToLeft
    assert orgs["B1"].value == "שם" and ties["A1"].value == "ארגון"
    assert orgs.max_row == 7 and ties.max_row == 6


# ------------------------------------------------------------------------------------------ waves


def test_the_comparison_lists_climbed_and_fallen_pairs_new_and_lost_ties_and_deltas(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    town = demo_map["town"]
    cmp = selectors.compare(town, demo_map["w1"], demo_map["w2"], threshold=3)
    res = cmp.result
    climbed = {(p["source"], p["target"], p["before"], p["after"]) for p in cmp.pairs(res.climbed)}
    names = {frozenset((p[0], p[1])): p[2:] for p in climbed}
    assert names == {frozenset(("עירייה", "עמותת לב")): (2, 4), frozenset(("עירייה", "מאפייה")): (0, 3)}
    assert {frozenset((p["source"], p["target"])) for p in cmp.pairs(res.fell)} == {frozenset(("עמותת לב", "עמותת יד"))}
    assert len(cmp.pairs(res.new_ties)) == 2 and len(cmp.pairs(res.lost_ties)) == 1
    assert res.deltas["n_ties"] == 1.0
    client.force_login(personas["bob"])
    html = client.get(
        reverse("network-compare", kwargs={"town": "town-a"}),
        {"from": demo_map["w1"].pk, "to": demo_map["w2"].pk, "threshold": 3},
    ).content.decode()
    assert 'data-testid="pairs-climbed"' in html and 'data-testid="pairs-lost"' in html


def test_target_gaps_compare_the_target_rung_with_the_current_rung(demo_map, client, personas) -> None:  # type: ignore[no-untyped-def]
    rows, gaps = selectors.target_gap_rows(selectors.build_map(demo_map["town"], selectors.MapFilters()))
    assert sorted((r.current, r.target_rung, r.gap) for r in rows) == [(3, 4, 1), (4, 5, 1)]
    assert gaps.reached == 0 and gaps.mean_open_gap == 1.0
    client.force_login(personas["bob"])
    html = client.get(reverse("network-compare", kwargs={"town": "town-a"})).content.decode()
    assert 'class="target-gaps"' in html


# ------------------------------------------------------------------------------------------ pure helpers


def test_max_rung_pairs_keeps_the_highest_rung_of_each_unordered_pair_and_its_row() -> None:
    p = max_rung_pairs(np.array([0, 1, 2, 0, 3]), np.array([1, 0, 2, 1, 0]), np.array([3, 5, 4, 5, 2]), 4)
    assert list(zip(p.source.tolist(), p.target.tolist(), p.rung.tolist(), p.row.tolist(), strict=True)) == [
        (0, 1, 5, 1),
        (0, 3, 2, 4),
    ]


def test_a_map_whose_worker_died_mid_layout_is_computed_again_by_a_new_job(
    demo_map, personas, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    def state() -> Job:
        with django_capture_on_commit_callbacks(execute=True):  # the job's task runs once its start commits
            job = map_state(demo_map["town"], selectors.MapFilters(), user=personas["alice"], retry_failed=True).job
        job.refresh_from_db()
        return job

    first = state()
    assert first.status == Job.Status.DONE
    assert state().pk == first.pk  # kept
    Job.objects.filter(pk=first.pk).update(status=Job.Status.RUNNING, updated_at=timezone.now() - dt.timedelta(hours=1))
    again = state()
    first.refresh_from_db()
    assert first.status == Job.Status.FAILED
    assert again.pk != first.pk and again.status == Job.Status.DONE
