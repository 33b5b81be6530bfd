"""E-mail goes out on a worker after the transaction commits, and a refused message is tried again later."""

from __future__ import annotations

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from shutafut.jobs.mail import MAIL_ATTEMPTS, send_email_after_commit, send_email_task

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):  # type: ignore[no-untyped-def]
        raise smtplib.SMTPServerDisconnected("the server went away")


def test_a_message_queued_in_a_transaction_is_sent_only_once_it_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        send_email_after_commit(subject="קישור", body="https://example.org/s/x/", to=["a@example.org", ""])
        assert mail.outbox == []
    assert [(m.subject, m.to) for m in mail.outbox] == [("קישור", ["a@example.org"])]


def test_a_message_of_a_transaction_that_rolls_back_is_never_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                send_email_after_commit(subject="קישור", body="…", to=["a@example.org"])
                raise RuntimeError("the write failed")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == []


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND="tests.jobs.test_jobs_mail.RefusingBackend")
def test_a_refused_message_is_queued_again_for_later_with_the_next_attempt_number():
    before = timezone.now()
    assert send_email_task.call(subject="תזכורת", body="…", to=["a@example.org"]) == 0
    retry = DBTaskResult.objects.get()
    assert retry.run_after is not None and retry.run_after > before
    assert retry.args_kwargs["kwargs"]["attempt"] == 2 and retry.args_kwargs["kwargs"]["to"] == ["a@example.org"]


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND="tests.jobs.test_jobs_mail.RefusingBackend")
def test_the_last_attempt_gives_up_with_the_error_and_queues_nothing():
    with pytest.raises(smtplib.SMTPException):
        send_email_task.call(subject="תזכורת", body="…", to=["a@example.org"], attempt=MAIL_ATTEMPTS)
    assert not DBTaskResult.objects.exists()
