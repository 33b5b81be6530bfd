from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _empty_cache():  # type: ignore[no-untyped-def]
    """Rate-limit and login-throttle counters live in the cache: start every test from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
