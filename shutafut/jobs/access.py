"""The gate of a job: the only way a view obtains one."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from shutafut.accounts.access import membership_in
from shutafut.accounts.models import Role, Town
from shutafut.jobs.models import Job


def access_job(user: Any, pk: object, *, town: Town | None = None, with_result: bool = True) -> Job:
    """Return the job, or raise Http404 when it is missing or another town's (the same answer), and
    PermissionDenied when the user's role in its town is below the role the job asks for.

    ``with_result=False`` leaves out what was asked and what came of it (an import's result lists every row), for
    the status that a page polls every second."""
    jobs = Job.objects.select_related("town")
    if not with_result:
        jobs = jobs.defer("params", "result")
    try:
        job = jobs.filter(pk=int(str(pk))).first()
    except ValueError:
        job = None
    if job is None or (town is not None and job.town_id != town.pk):
        raise Http404
    membership = membership_in(user, job.town_id)
    if membership is None:
        raise Http404
    if not membership.allows(Role(job.role)):
        raise PermissionDenied
    return job
