from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from shutafut.accounts.views import LimitedPasswordResetView
from shutafut.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on their own; the pages name the SVG and the ICO (static/).
    path("favicon.ico", lambda request: redirect(static("favicon.ico"), permanent=True)),
    path("accounts/tokens/", include("shutafut.accounts.urls")),
    # Before Django's own: the same URL and name, with limits per client and per address.
    path("accounts/password_reset/", LimitedPasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("", include("shutafut.guide.urls")),
    path("s/", include("shutafut.surveys.respondent_urls")),
    path("h/", include("shutafut.workspace.public_urls")),
    path("p/", include("shutafut.reports.public_urls")),
    path("national/", include("shutafut.reports.national_urls")),
    path("t/<slug:town>/organizations/", include("shutafut.organizations.urls")),
    path("t/<slug:town>/relationships/", include("shutafut.relationships.urls")),
    path("t/<slug:town>/partnerships/", include("shutafut.partnerships.urls")),
    path("t/<slug:town>/map/", include("shutafut.network.urls")),
    path("t/<slug:town>/surveys/", include("shutafut.surveys.urls")),
    path("t/<slug:town>/workspace/", include("shutafut.workspace.urls")),
    path("t/<slug:town>/diagnosis/", include("shutafut.diagnosis.urls")),
    path("t/<slug:town>/reports/", include("shutafut.reports.urls")),
    path("t/<slug:town>/audit/", include("shutafut.audit.urls")),
    path("t/<slug:town>/tokens/", include("shutafut.accounts.town_urls")),
    path("t/<slug:town>/jobs/", include("shutafut.jobs.urls")),
]

handler403 = "shutafut.guide.errors.permission_denied"
handler404 = "shutafut.guide.errors.not_found"
