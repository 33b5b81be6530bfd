"""A job's status page in Chromium follows the work by itself: the bar moves with the task's progress, and the
page shows the result when the job ends (its script polls the JSON status; no inline code)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_the_progress_bar_moves_with_the_task_and_the_page_shows_the_result_when_it_ends(
    page, live_server, login, personas, towns
):
    from django.utils import timezone

    from shutafut.jobs.models import Job, JobFile
    from shutafut.jobs.services import report_progress

    job = Job.objects.create(town=towns[0], kind="town-pdf", language="he", started_by=personas["bob"])
    login("bob")
    page.goto(f"{live_server.url}/t/town-a/jobs/{job.pk}/")
    bar = page.locator("#job-progress")
    assert bar.get_attribute("value") is None  # indeterminate until the task says how much there is
    report_progress(job, 3, 4, "Laying out the PDF")
    expect(bar).to_have_js_property("value", 3)
    assert bar.evaluate("bar => bar.max") == 4 and "מעמדים" in page.locator("[data-job-message]").inner_text()
    JobFile.objects.create(
        job=job, purpose="output", name="r.pdf", content_type="application/pdf", size=1, content=b"%"
    )
    Job.objects.filter(pk=job.pk).update(status="done", done=4, finished_at=timezone.now())
    page.wait_for_selector("a[href$='/file']")
    assert page.locator("h2#h-job-status").inner_text() == "הסתיים"
