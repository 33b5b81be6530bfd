"""E-mail to people (survey links, reminders) goes out on a worker, after the writing transaction commits.

A service calls ``send_email_after_commit(subject=…, body=…, to=[…])`` inside its transaction. Nothing is sent
if the transaction rolls back, no request waits for a mail server, and no database transaction is held open while
one answers. A message the server refuses (an SMTP error or a network error) is tried again later, up to
``MAIL_ATTEMPTS`` times in all, ``MAIL_RETRY_AFTER`` apart (times the attempt); then it is logged as failed.

The body is written by the caller in the language active when it is queued (the coordinator's: people have no
language of their own here); it may hold a personal link, so it is never logged.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import smtplib
from collections.abc import Iterable

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

MAIL_ATTEMPTS = 5
MAIL_RETRY_AFTER = dt.timedelta(minutes=2)


def send_email_after_commit(*, subject: str, body: str, to: Iterable[str]) -> None:
    """Queue one message to ``to`` once the current transaction commits (at once outside one)."""
    recipients = [address for address in to if address]
    if recipients:
        transaction.on_commit(functools.partial(send_email_task.enqueue, subject=subject, body=body, to=recipients))


@task()
def send_email_task(*, subject: str, body: str, to: list[str], attempt: int = 1) -> int:
    """Send one message; on a refusal, queue the next attempt (when the queue can defer work) or give up."""
    try:
        return send_mail(subject, body, None, to)
    except (smtplib.SMTPException, OSError) as error:
        if attempt >= MAIL_ATTEMPTS or not default_task_backend.supports_defer:
            logger.error("E-mail %r not sent after %d attempt(s): %s", subject, attempt, error)
            raise
        logger.warning("E-mail %r refused (attempt %d), trying again later: %s", subject, attempt, error)
        later = send_email_task.using(run_after=timezone.now() + MAIL_RETRY_AFTER * attempt)
        later.enqueue(subject=subject, body=body, to=to, attempt=attempt + 1)
        return 0
