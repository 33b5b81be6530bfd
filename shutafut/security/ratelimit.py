"""A fixed-window request budget kept in Django's cache.

``allow(key, limit, window)`` counts one request against ``key`` and says whether it is within ``limit`` requests
per ``window`` seconds. The counter lives in the default cache: with DEBUG off, the database cache that every
process and machine shares (or Redis/Valkey through ``SHUTAFUT_CACHE_URL``); in development, a per-process
memory cache.

Use it at the top of a view that anyone holding a link can call::

    from shutafut.security.ratelimit import allow, too_many_requests

    if not allow(f"survey-link:{link.pk}", limit=120, window=60):
        return too_many_requests(request)
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

SURVEY_LINK_LIMIT = 120
SURVEY_LINK_WINDOW = 60


def _cache_key(key: str, window: int, now: float) -> tuple[str, int]:
    bucket = int(now // window)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"rl:{digest}:{window}:{bucket}", window - int(now % window) + 1


def hits(key: str, window: int) -> int:
    """Return how many requests ``key`` made in the current window."""
    name, _ = _cache_key(key, window, time.time())
    return int(cache.get(name, 0))


def allow(key: str, limit: int, window: int) -> bool:
    """Count one request against ``key``; return False once more than ``limit`` were made in ``window`` seconds."""
    name, ttl = _cache_key(key, window, time.time())
    if cache.add(name, 1, ttl):
        return limit >= 1
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, ttl)
        count = 1
    return count <= limit


def reset(key: str, window: int) -> None:
    """Forget the current window's count of ``key``."""
    name, _ = _cache_key(key, window, time.time())
    cache.delete(name)


def allow_survey_link(link_pk: object) -> bool:
    """The survey links' budget: ``SURVEY_LINK_LIMIT`` requests per ``SURVEY_LINK_WINDOW`` seconds per link."""
    return allow(f"survey-link:{link_pk}", SURVEY_LINK_LIMIT, SURVEY_LINK_WINDOW)


def too_many_requests(
    request: HttpRequest, *, retry_after: int = SURVEY_LINK_WINDOW, message: str | None = None
) -> HttpResponse:
    """A 429 page saying to wait (``message``; by default, that a link was used too often), with ``Retry-After``."""
    context = {"retry_after": retry_after, "message": message}
    body = render_to_string("security/too_many_requests.html", context, request=request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(retry_after)
    return response
