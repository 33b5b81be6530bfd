"""The map of a large town, computed by a worker and kept: one job per (town, data version, filters, language).

A request never computes a large map. ``map_state`` finds the job that holds the map for the data as it is now
(its key names the data's last change: see ``data_version``), starts one when there is none, and answers with
it: done (the data endpoint serves the stored JSON, the page renders the stored figures), or still waiting or
running (both say so, with the job's progress, and the page polls). When the data changes, the key changes and
the next request starts a new job; older jobs are pruned with the others (``jobs_prune``).

Maps of fewer than ``WORKER_FROM`` organizations are small enough to compute in the request (metrics only,
milliseconds; the browser lays them out) and do not come here.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils.translation import get_language

from shutafut.accounts.models import Role, Town
from shutafut.jobs.models import Job
from shutafut.jobs.services import job_abandon_if_stale, job_start
from shutafut.network.graph import PRESET_LAYOUT_FROM
from shutafut.network.selectors import MapFilters
from shutafut.network.tasks import DATA_FILE, compute_map
from shutafut.organizations.models import Organization
from shutafut.relationships.models import Relationship
from shutafut.surveys.selectors import counted_ratings

KIND = "network-map"
WORKER_FROM = PRESET_LAYOUT_FROM
"""From this many organizations in the town, the map is computed by a worker and kept (see the module docstring)."""


def needs_worker(town: Town) -> bool:
    return Organization.objects.filter(town=town).count() >= WORKER_FROM


def data_version(town: Town, filters: MapFilters) -> str:
    """A fingerprint of the data the map reads, as it is now: count and last change of the town's organizations
    and relationships (a deletion changes the count, an edit or an addition the last change), and for a wave
    the ratings that count (their number, newest and last answer) and its roster. Four small aggregate queries."""
    parts: list[object] = []
    for model in (Organization, Relationship):
        agg = model.objects.filter(town=town).aggregate(n=Count("pk"), last=Max("updated_at"), top=Max("pk"))
        parts += [agg["n"], agg["last"].isoformat() if agg["last"] else "", agg["top"]]
    if filters.wave is not None:
        counted = counted_ratings(filters.wave)  # a revoked link or a roster change moves the count
        agg = counted.aggregate(n=Count("pk"), top=Max("pk"), last=Max("answered_at"))
        parts += [agg["n"], agg["top"], agg["last"], filters.wave.organizations.count()]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:20]


def map_key(town: Town, filters: MapFilters) -> str:
    raw = [town.pk, data_version(town, filters), filters.query(), get_language() or ""]
    return hashlib.sha256(json.dumps(raw).encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class MapState:
    job: Job

    @property
    def ready(self) -> bool:
        return self.job.status == Job.Status.DONE

    @property
    def failed(self) -> bool:
        return self.job.status == Job.Status.FAILED

    def data_gzip(self) -> bytes:
        """The data endpoint's JSON as the worker wrote it, gzip-compressed."""
        stored = self.job.files.filter(name=DATA_FILE).values_list("content", flat=True).first()
        return bytes(stored) if stored is not None else gzip.compress(b"{}")

    def figures(self) -> dict[str, object]:
        figures = (self.job.result or {}).get("figures", {})
        return figures if isinstance(figures, dict) else {}


def map_state(town: Town, filters: MapFilters, *, user: object, retry_failed: bool, back_url: str = "") -> MapState:
    """The job that holds (or is computing) the map for the data as it is now; started when there is none, or
    when the last one failed and ``retry_failed`` (the page retries, the data endpoint only reports)."""
    key = map_key(town, filters)
    job = Job.objects.filter(town=town, kind=KIND, params__key=key).order_by("-created_at", "-pk").first()
    if job is not None:
        job_abandon_if_stale(job)  # a worker that died mid-map: the job fails, and the page starts another
    if job is None or (retry_failed and job.status == Job.Status.FAILED):
        job = job_start(
            town=town,
            user=user,
            kind=KIND,
            task=compute_map,
            role=Role.VIEWER,
            back_url=back_url,
            key=key,
            query=filters.query(),
        )
        job.refresh_from_db()  # a backend that runs tasks at once (the tests') has finished it already
    return MapState(job)
