"""The map at city scale: laid out by a worker once per data version and filters, never in a request; isolates
and small components placed apart without the force layout; a pair's disagreement explained in words."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from typing import Any

import numpy as np
import pytest
from django.urls import reverse
from django.utils import translation

from shutafut.network import graph, selectors, snapshots, tasks

LAYOUT_CALLS: list[int] = []


def _counting_force(n, source, target, seed):  # type: ignore[no-untyped-def]
    LAYOUT_CALLS.append(n)
    return np.random.default_rng(seed).uniform(-1.0, 1.0, size=(n, 2))


def _refusing_force(n, source, target, seed):  # type: ignore[no-untyped-def]
    raise AssertionError("a request ran the force layout")


# ------------------------------------------------------------------------------------------------ pure layout


def test_the_preset_layout_is_reproducible_and_places_every_organization() -> None:
    s, t = np.array([0, 1, 2, 3, 4, 5, 6, 7, 9]), np.array([1, 2, 3, 4, 5, 6, 7, 0, 10])
    a, b = graph.preset_layout(14, s, t), graph.preset_layout(14, s, t)
    assert np.array_equal(a, b) and a.shape == (14, 2)
    assert len({(round(x, 3), round(y, 3)) for x, y in a.tolist()}) == 14  # no two organizations on one spot


def test_isolates_and_small_components_never_go_through_the_force_layout(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(graph, "_force", _counting_force)
    LAYOUT_CALLS.clear()
    # one component of 10 (a ring), one of 3, one pair, and 1,000 isolates
    ring = np.arange(10)
    s = np.r_[ring, [10, 11, 13]]
    t = np.r_[(ring + 1) % 10, [11, 12, 14]]
    s, t = np.minimum(s, t), np.maximum(s, t)
    pos = graph.preset_layout(1015, s, t)
    assert LAYOUT_CALLS == [10]  # only the component of at least FORCE_FROM organizations
    assert pos.shape == (1015, 2)


def test_components_and_isolates_are_placed_apart() -> None:
    s, t = np.array([0, 1, 2, 3, 4, 5, 6, 7, 20]), np.array([1, 2, 3, 4, 5, 6, 7, 0, 21])
    pos = graph.preset_layout(60, s, t)
    big, pair, isolates = pos[:8], pos[20:22], pos[np.r_[8:20, 22:60]]
    radius = np.sqrt(((big - big.mean(axis=0)) ** 2).sum(axis=1)).max()
    for other in (pair, isolates):
        gaps = np.sqrt(((other[:, None, :] - big.mean(axis=0)) ** 2).sum(axis=2))
        assert gaps.min() > radius  # nothing else inside the large component's circle
    spacing = np.sqrt(((isolates[:, None, :] - isolates[None, :, :]) ** 2).sum(axis=2))
    assert spacing[~np.eye(len(isolates), dtype=bool)].min() >= graph.ISOLATE_SPACING - 1e-9


# ------------------------------------------------------------------------------------- the worker and the cache


@pytest.fixture
def city(towns, monkeypatch):  # type: ignore[no-untyped-def]
    """Town A with 40 organizations (rows made in bulk) and a few ties; the worker threshold lowered to 20 so
    that this small town takes the city's path (the path does not depend on the size, only on the threshold)."""
    from shutafut.organizations.models import Organization
    from shutafut.relationships.models import Relationship

    monkeypatch.setattr(snapshots, "WORKER_FROM", 20)
    town = towns[0]
    Organization.objects.bulk_create(
        Organization(town=town, name=f"ארגון {i}", sector="third", subtype="nonprofit", legal_form="amuta")
        for i in range(40)
    )
    ids = list(Organization.objects.filter(town=town).order_by("pk").values_list("pk", flat=True))
    Relationship.objects.bulk_create(
        Relationship(town=town, org_a_id=ids[i], org_b_id=ids[(i + 1) % 10], rung=4, observed_on=dt.date(2026, 1, 1))
        for i in range(10)
    )
    return town, ids


def _data(client: Any, **params: Any) -> Any:
    return client.get(reverse("network-map-data", kwargs={"town": "town-a"}), params)


def test_the_data_endpoint_answers_with_the_jobs_status_and_never_runs_the_layout(
    city: Any, client: Any, personas: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shutafut.jobs.models import Job

    monkeypatch.setattr(graph, "_force", _refusing_force)
    client.force_login(personas["bob"])
    first = _data(client)  # the job is queued (no worker here: on_commit callbacks do not run in this test)
    assert first.status_code == 202
    assert first.json()["status"] == "queued" and first.json()["finished"] is False
    page = client.get(reverse("network-map", kwargs={"town": "town-a"}))
    assert page.status_code == 200 and b'data-testid="map-job"' in page.content
    assert Job.objects.filter(kind=snapshots.KIND).count() == 1  # the page follows the same job
    assert _data(client).status_code == 202

    # A worker computes it: the layout runs there, once.
    monkeypatch.setattr(graph, "_force", _counting_force)
    LAYOUT_CALLS.clear()
    job = Job.objects.get(kind=snapshots.KIND)
    with translation.override(job.language):
        tasks.compute_map.call(job_id=job.pk, **job.params)
    assert LAYOUT_CALLS == [10]

    monkeypatch.setattr(graph, "_force", _refusing_force)
    ready = _data(client)
    data = ready.json()
    assert ready.status_code == 200 and data["status"] == "ready" and data["preset_layout"] is True
    assert len(data["nodes"]) == 40 and all("x" in n and "y" in n for n in data["nodes"])
    assert len(data["edges"]) == 10
    compressed = client.get(reverse("network-map-data", kwargs={"town": "town-a"}), HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "gzip" and json.loads(gzip.decompress(compressed.content)) == data
    page = client.get(reverse("network-map", kwargs={"town": "town-a"}))
    assert b'data-testid="map-job"' not in page.content
    assert page.context["summary"]["n_ties"] == 10 and page.context["summary"]["isolates"] == 30


def test_the_cached_map_is_reused_until_the_data_changes(
    city: Any, client: Any, personas: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    from shutafut.relationships.models import Relationship

    town, ids = city
    monkeypatch.setattr(graph, "_force", _counting_force)
    LAYOUT_CALLS.clear()
    client.force_login(personas["bob"])

    def fetch(**params: Any) -> Any:
        # The tests' tasks run when the request's transaction commits, as a worker would pick them up: the first
        # answer is the job's status, the next one the map.
        with django_capture_on_commit_callbacks(execute=True):
            response = _data(client, **params)
        if response.status_code == 202:
            response = _data(client, **params)
        return response.json()

    assert len(fetch()["edges"]) == 10
    assert LAYOUT_CALLS == [10]
    for _ in range(3):
        assert len(fetch()["edges"]) == 10
    assert LAYOUT_CALLS == [10]  # reused: nothing computed again

    Relationship.objects.create(town=town, org_a_id=ids[20], org_b_id=ids[21], rung=5, observed_on=dt.date(2026, 2, 1))
    assert len(fetch()["edges"]) == 11
    assert LAYOUT_CALLS == [10, 10]  # the data changed: computed again

    assert len(fetch(threshold=4)["edges"]) == 11
    assert LAYOUT_CALLS == [10, 10, 10]  # another filter set is another map


def test_the_map_job_holds_no_process_wide_lock_in_the_request_path() -> None:
    import inspect

    from shutafut.network import views

    # The only lock of the map (igraph's process-wide random generator) is taken inside ``graph._force``, which only
    # the task calls; the views reach the map through selectors (no layout) and snapshots (a job).
    assert "_RNG_LOCK" in inspect.getsource(graph._force)
    assert "preset_layout" not in inspect.getsource(views) and "layout=True" not in inspect.getsource(views)


# ------------------------------------------------------------------------------------------- words on the map


def test_a_pair_whose_two_sides_disagree_is_explained_in_words() -> None:
    with translation.override("en"):
        text = selectors.pair_explanation(1, 5, 1)
        assert "partnership" in text.lower() and "competition" in text.lower()
        assert "lower of the two" in text
        assert selectors.pair_explanation(3, 3, 3) == ""
        assert "Only one side" in selectors.pair_explanation(4, None, 4)
    with translation.override("he"):
        assert "שותפות" in selectors.pair_explanation(1, 5, 1)


def test_every_measure_has_a_plain_hebrew_name_an_explanation_and_a_source() -> None:
    from shutafut.network.views import metric_glossary

    with translation.override("he"):
        rows = metric_glossary()
    assert {r["key"] for r in rows} >= {"degree", "betweenness", "closeness", "effective_size", "density"}
    for row in rows:
        assert row["name"] and row["explanation"] and row["source"]
        assert not any("a" <= ch.lower() <= "z" for ch in row["name"]), row  # plain Hebrew names
    assert {r["source"] for r in rows} == {"PARTNER", "מדע הרשתות", "הצעה שלנו"}


def test_the_map_task_is_found_by_its_module_path_as_a_worker_finds_it() -> None:
    from django.utils.module_loading import import_string

    # The database backend stores the task's path and refuses, at enqueue, a path that names something else.
    assert import_string(tasks.compute_map.module_path) is tasks.compute_map
