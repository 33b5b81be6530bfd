"""The map's background work: a town's map (metrics, layout, the data endpoint's JSON and the page's figures)
computed once by a worker for one data version and filter set, and kept with its job (``network.snapshots``)."""

from __future__ import annotations

import gzip
import json
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext_noop

from shutafut.jobs.models import Job
from shutafut.jobs.services import attach_file, job_task, report_progress
from shutafut.network import selectors

ORGANIZATIONS_SHOWN = 50
"""The page lists this many organizations (the most connected); the rest are in the downloads."""
TIES_SHOWN = 100
"""The page lists this many ties (the highest rungs); the rest are in the downloads."""
DATA_FILE = "data.json.gz"
"""The job's file: the data endpoint's JSON, gzip-compressed."""


@job_task
def compute_map(job: Job, *, key: str, query: list[list[str]]) -> dict[str, Any]:
    """Build the map of ``job.town`` for the filters ``query`` (query-string pairs), lay it out, keep the data
    endpoint's JSON as the job's file and return the page's figures as the job's result.

    The task keeps the function's module path and name (the database backend finds it by them)."""
    params = QueryDict(mutable=True)
    for name, value in query:
        params.appendlist(name, value)
    filters = selectors.parse_filters(params, town=job.town)
    report_progress(job, 0, 3, gettext_noop("Reading the organizations and their relationships"))
    town_map = selectors.build_map(job.town, filters, layout=True)
    report_progress(job, 2, 3, gettext_noop("Writing the map"))
    data = selectors.map_data(town_map)
    data["status"] = "ready"
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    # Kept compressed (a city's 4.7 MB are about 1 MB): fewer bytes to read from the database and to send.
    attach_file(job, name=DATA_FILE, content=gzip.compress(body, compresslevel=6), content_type="application/json")
    report_progress(job, 3, 3, gettext_noop("Writing the map"))
    return {
        "key": key,
        "figures": selectors.page_figures(town_map, organizations=ORGANIZATIONS_SHOWN, ties=TIES_SHOWN),
    }
