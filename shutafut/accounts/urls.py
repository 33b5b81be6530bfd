from django.urls import path

from shutafut.accounts import views

urlpatterns = [
    path("", views.api_tokens_view, name="api-tokens"),
    path("<int:pk>/revoke/", views.api_token_revoke_view, name="api-token-revoke"),
]
