"""A job's status page (answers at once, then follows the work), its JSON status and the file it made."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import select_template
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache

from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Town
from shutafut.jobs.access import access_job
from shutafut.jobs.models import JobFile
from shutafut.jobs.selectors import job_output, job_status, waiting_long
from shutafut.jobs.services import job_abandon_if_stale


@town_view()
@never_cache
def job_detail(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    job = access_job(request.user, pk, town=town)
    job_abandon_if_stale(job)
    result_template = select_template([f"jobs/result/{job.kind}.html", "jobs/result/default.html"])
    context = {
        "town": town,
        "job": job,
        "output": job_output(job) if job.status == job.Status.DONE else None,
        "waiting_long": waiting_long(job),
        "result_template": result_template.template.name,
    }
    return render(request, "jobs/detail.html", context)


@town_view()
@never_cache
def job_status_json(request: HttpRequest, town: Town, pk: int) -> JsonResponse:
    job = access_job(request.user, pk, town=town, with_result=False)
    job_abandon_if_stale(job)
    return JsonResponse(job_status(job))


@town_view()
def job_file(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    job = access_job(request.user, pk, town=town)
    stored = job.files.filter(purpose=JobFile.Purpose.OUTPUT).first() if job.status == job.Status.DONE else None
    if stored is None:
        raise Http404
    response = HttpResponse(bytes(stored.content), content_type=stored.content_type)
    response["Content-Disposition"] = content_disposition_header(True, stored.name)
    response["Cache-Control"] = "private, no-store"
    return response
