"""Personal links never reach a log: the secret part of their path is replaced before a line is written.

A personal survey link (``/s/<token>/``, ``/h/<token>/``) and a password reset link
(``/accounts/reset/<uid>/<token>/``) are the access itself: whoever reads them in a log could answer or reset
in someone's name. Two places write request paths:

* Django's own logging (``django.request`` for 4xx/5xx, ``django.server`` for ``runserver``): settings.LOGGING
  puts ``RedactPersonalLinks`` on every handler;
* gunicorn's access log: ``gunicorn.conf.py`` (read by gunicorn from the directory it starts in) sets
  ``logger_class = "shutafut.security.logs.GunicornLogger"``.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from gunicorn.glogging import Logger

REDACTED = "[link]"
_PERSONAL_LINK = re.compile(r"(/[sh]/|/accounts/reset/[^/\s?#\"']+/)(?!set-password/)[^/\s?#\"']+")


def redact(text: str) -> str:
    """``text`` with the secret of every personal link in it replaced by ``[link]``."""
    return _PERSONAL_LINK.sub(lambda m: m.group(1) + REDACTED, text)


class RedactPersonalLinks(logging.Filter):
    """A logging filter that rewrites a record's message without the secrets of personal links."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        return True


class GunicornLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger, whose access log shows personal links without their secret."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()}
