"""Who is acting: the current request (set by ``AuditActorMiddleware``) or a label such as ``system``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest

SYSTEM = "system"

_request: ContextVar[HttpRequest | None] = ContextVar("shutafut_audit_request", default=None)
_label: ContextVar[str] = ContextVar("shutafut_audit_label", default=SYSTEM)
_suspended: ContextVar[bool] = ContextVar("shutafut_audit_suspended", default=False)


@contextmanager
def suspended() -> Iterator[None]:
    """Record nothing inside (a restore puts back rows that were already logged)."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def is_suspended() -> bool:
    return _suspended.get()


@contextmanager
def acting_request(request: HttpRequest) -> Iterator[None]:
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


@contextmanager
def acting_as(label: str) -> Iterator[None]:
    """Attribute the writes inside to ``label`` (commands, imports); the default outside a request is 'system'."""
    token_r = _request.set(None)
    token_l = _label.set(label)
    try:
        yield
    finally:
        _label.reset(token_l)
        _request.reset(token_r)


def current_actor() -> tuple[Any, str]:
    """Return (user or None, name). The request's user is read late, so API token users are seen too."""
    request = _request.get()
    if request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user, str(user.get_username())
        return None, "anonymous"
    return None, _label.get()
