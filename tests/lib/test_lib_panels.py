"""A page's panels: registered by other apps, given in order, each with its own context keys."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from shutafut.lib.panels import Panel, Panels


@pytest.fixture
def request_():  # type: ignore[no-untyped-def]
    return RequestFactory().get("/")


def test_the_panels_come_in_their_order_with_their_context(request_):
    panels: Panels[str] = Panels()
    panels.register(Panel("late", "late.html", lambda request, obj: {"late": obj.upper()}, order=20))
    panels.register(Panel("early", "early.html", lambda request, obj: {"early": len(obj)}, order=10))
    assert panels.context(request_, "abc", {"town": "t"}) == {
        "panels": ["early.html", "late.html"],
        "early": 3,
        "late": "ABC",
    }


def test_registering_a_name_again_replaces_its_panel(request_):
    panels: Panels[str] = Panels()
    panels.register(Panel("one", "old.html", lambda request, obj: {}))
    panels.register(Panel("one", "new.html", lambda request, obj: {}))
    assert panels.context(request_, "x", {})["panels"] == ["new.html"]


def test_a_panel_that_offers_a_key_the_page_already_has_is_refused(request_):
    panels: Panels[str] = Panels()
    panels.register(Panel("greedy", "greedy.html", lambda request, obj: {"town": "another"}))
    with pytest.raises(ImproperlyConfigured, match="'greedy' offers 'town'"):
        panels.context(request_, "x", {"town": "t"})


def test_two_panels_that_offer_the_same_key_are_refused(request_):
    panels: Panels[str] = Panels()
    panels.register(Panel("a", "a.html", lambda request, obj: {"shared": 1}, order=1))
    panels.register(Panel("b", "b.html", lambda request, obj: {"shared": 2}, order=2))
    with pytest.raises(ImproperlyConfigured, match="'b' offers 'shared'"):
        panels.context(request_, "x", {})
