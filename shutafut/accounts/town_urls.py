"""The town's API tokens, for its coordinators: include at "t/<slug:town>/tokens/" in shutafut/urls.py."""

from django.urls import path

from shutafut.accounts import views

urlpatterns = [path("", views.town_api_tokens_view, name="town-api-tokens")]
