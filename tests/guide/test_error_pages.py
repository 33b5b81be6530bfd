"""Friendly, translated error pages in both modes: no URL table to the public with DEBUG on (issue 12 item 5)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
def test_an_unknown_address_gets_the_friendly_404_and_no_url_table(settings, debug):
    settings.DEBUG = debug
    response = Client().get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="he")
    assert response.status_code == 404
    body = response.content.decode()
    assert "404.html" in [t.name for t in response.templates]
    assert "URLconf" not in body and "t/&lt;slug:town&gt;" not in body
    assert 'lang="he"' in body


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
def test_a_missing_record_gets_the_same_friendly_404(settings, personas, debug):
    settings.DEBUG = debug
    client = Client()
    client.force_login(personas["alice"])
    response = client.get("/t/town-a/organizations/999999/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert "Http404" not in response.content.decode()


def test_a_coordinator_at_the_national_view_gets_the_friendly_403(settings, personas):
    settings.DEBUG = True
    client = Client()
    client.force_login(personas["alice"])
    response = client.get("/national/")
    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    assert "403 Forbidden" not in response.content.decode()


def test_the_500_page_stands_alone_without_a_request_context(settings):
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert "<h1>" in html and "dir=" in html


def test_a_missing_slash_is_still_redirected_in_debug(settings, personas):
    settings.DEBUG = True
    client = Client()
    client.force_login(personas["alice"])
    assert client.get("/t/town-a/organizations").status_code == 301
