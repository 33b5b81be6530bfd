from __future__ import annotations

from django.contrib import admin

from shutafut.surveys.models import Completion, Rating, SurveyLink, Wave


@admin.register(Wave)
class WaveAdmin(admin.ModelAdmin[Wave]):
    list_display = ["name", "town", "status", "opens_on", "closes_on"]
    list_filter = ["status", "town"]
    filter_horizontal = ["organizations", "respondents"]


@admin.register(SurveyLink)
class SurveyLinkAdmin(admin.ModelAdmin[SurveyLink]):
    list_display = ["person", "organization", "wave", "purpose", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["purpose", "town"]
    readonly_fields = ["digest"]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin[Rating]):
    list_display = ["wave", "rater", "rated", "rung", "answered_at"]
    list_filter = ["wave"]


admin.site.register(Completion)
