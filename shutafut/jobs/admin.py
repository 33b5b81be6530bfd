"""Background jobs in the admin: what ran, for whom, how it ended (read only: tasks write them)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from shutafut.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin[Job]):
    list_display = ("pk", "town", "kind", "status", "started_by", "created_at", "finished_at")
    list_filter = ("status", "kind", "town")
    search_fields = ("kind", "error", "started_by__username")
    date_hierarchy = "created_at"
    exclude = ("message_params",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
