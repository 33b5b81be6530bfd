"""System checks for production: no development secret, no demo accounts, the security middleware in place."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

DEV_SECRET = "dev-only-not-secret-shutafut"
DEMO_USERNAMES = ("coordinator1", "coordinator2", "partner1", "partner2", "national1")
"""Every account the demo loader creates (its password is in the README). The loader creates no other: a new
demo account is added here first, so that the production check below always knows it."""
REQUIRED_MIDDLEWARE = (
    "shutafut.security.headers.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
)


@register(Tags.security, deploy=True)
def check_production_secrets(app_configs: Any = None, **kwargs: Any) -> list[Error | Warning]:
    problems: list[Error | Warning] = []
    if settings.SECRET_KEY == DEV_SECRET:
        problems.append(
            Error("The development SECRET_KEY is in use.", hint="Set SHUTAFUT_SECRET_KEY.", id="shutafut.E001")
        )
    if settings.DEBUG:
        problems.append(Warning("DEBUG is on.", hint="Set SHUTAFUT_DEBUG=False.", id="shutafut.W001"))
    return problems


@register(Tags.security)
def check_security_middleware(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    return [
        Error(f"{name} is missing from MIDDLEWARE.", id="shutafut.E002")
        for name in REQUIRED_MIDDLEWARE
        if name not in settings.MIDDLEWARE
    ]


@register(Tags.security, deploy=True)
def check_no_demo_accounts(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """In production the demo accounts (known passwords) must not exist."""
    if settings.DEBUG:
        return []
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    try:
        found = list(get_user_model().objects.filter(username__in=DEMO_USERNAMES).values_list("username", flat=True))
    except DatabaseError:  # no database yet (e.g. before migrate): nothing to find
        return []
    return [
        Error(
            f"The demo account {name!r} exists in a production database.",
            hint="Delete it: its password is published in the README.",
            id="shutafut.E003",
        )
        for name in found
    ]
