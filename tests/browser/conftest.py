"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

from __future__ import annotations

import os
import shutil

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.conftest import session_key

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the test itself are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_itemcollected(item):  # type: ignore[no-untyped-def]
    """Mark the browser tests as they are collected, before -m "not browser" selects."""
    if "tests/browser/" in str(item.fspath):
        item.add_marker(pytest.mark.browser)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    """Start the run with the browser tests: they are the suite's longest, and xdist keeps both workers busy to the
    end when the long tests go first (pytest-django had put them last, as transactional tests; the tests after them
    start from the empty database a flush leaves, as every test does)."""
    browser = [item for item in items if item.get_closest_marker("browser") is not None]
    first = set(browser)
    items[:] = browser + [item for item in items if item not in first]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):  # type: ignore[no-untyped-def]
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):  # type: ignore[no-untyped-def]
    return {**browser_context_args, "locale": "he-IL"}


@pytest.fixture
def login_through_the_page(page, live_server):  # type: ignore[no-untyped-def]
    """Log in as a person does: the login page, its form, and the page it leads to."""

    def as_user(username: str, password: str) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("form.card button[type=submit]")
        page.wait_for_load_state()

    return as_user


@pytest.fixture
def login(page, live_server):  # type: ignore[no-untyped-def]
    """Log a persona in without walking the login page (test_browser_foundation walks it): the browser's state
    gets the cookie of a session made on the server, replacing the one it had, so a test may switch persons."""

    def as_user(username: str) -> None:
        user = get_user_model().objects.get(username=username)
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_key(user), "url": live_server.url}]
        )

    return as_user
