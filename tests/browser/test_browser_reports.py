"""The town report in Chromium: right-to-left, its charts drawn, and its PDF prepared by a job and downloaded."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_a_viewer_reads_the_town_report_right_to_left_and_downloads_its_pdf_from_the_job_s_page(
    page, live_server, login, personas, town_a_records
):
    login("bob")
    page.goto(f"{live_server.url}/t/town-a/reports/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h2#h-ladder").inner_text() == "סולם היחסים"
    assert page.locator("figure.chart svg rect").count() >= 1
    page.click("form[action$='town.pdf'] button")
    page.wait_for_url("**/jobs/*/")
    with page.expect_download() as download:
        page.click("a[href$='/file']")
    assert download.value.suggested_filename == "town-a-report-he.pdf"


def test_the_report_chart_s_hebrew_labels_read_right_to_left_beside_the_bars_not_over_them(
    page, live_server, login, personas, town_a_records
):
    login("bob")
    page.goto(f"{live_server.url}/t/town-a/reports/")
    labels = page.evaluate(
        """() => [...document.querySelectorAll("figure.chart:not(.map) svg text")]
             .filter(t => /[\\u0590-\\u05FF]/.test(t.textContent))
             .map(t => {
               const n = t.getNumberOfChars();
               const bars = [...t.ownerSVGElement.querySelectorAll("rect")].map(r => r.getBBox());
               return {
                 text: t.textContent,
                 first: t.getStartPositionOfChar(0).x,
                 last: t.getStartPositionOfChar(n - 1).x,
                 left: t.getBBox().x,
                 barsEnd: Math.max(...bars.map(b => b.x + b.width)),
               };
             })"""
    )
    assert labels, "the chart has Hebrew labels"
    for label in labels:
        # Stored in visual order: the first stored character (the word's last letter) is drawn leftmost.
        assert label["first"] < label["last"], label
        assert label["left"] >= label["barsEnd"], label
