"""Account pages: API tokens (a user's own: create, see, revoke; a coordinator's view of the town's), and the
password reset with its limits."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import PasswordResetView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shutafut.accounts import selectors, services
from shutafut.accounts.access import access_api_token, membership_in, towns_of
from shutafut.accounts.decorators import town_view
from shutafut.accounts.forms import ApiTokenForm
from shutafut.accounts.models import Role, Town
from shutafut.security.logins import RESET_WINDOW, reset_allowed_for_address, reset_allowed_for_client
from shutafut.security.ratelimit import too_many_requests


@login_required
def api_tokens_view(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None, user=request.user)
    fresh = None
    if request.method == "POST" and form.is_valid():
        try:
            token, fresh = services.api_token_create(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            form = ApiTokenForm(user=request.user)
    coordinated = [t for t in towns_of(request.user) if _coordinates(request, t)]
    response = render(
        request,
        "accounts/api_tokens.html",
        {
            "tokens": selectors.api_tokens_of_user(request.user),
            "form": form,
            "fresh": fresh,
            "coordinated": coordinated,
            "own": True,
        },
    )
    if fresh is not None:
        response["Cache-Control"] = "no-store"  # the clear token is on this page, once
    return response


def _coordinates(request: HttpRequest, town: Town) -> bool:
    membership = membership_in(request.user, town.pk)
    return membership is not None and membership.allows(Role.COORDINATOR)


@town_view(Role.COORDINATOR)
def town_api_tokens_view(request: HttpRequest, town: Town) -> HttpResponse:
    return render(
        request,
        "accounts/api_tokens.html",
        {"town": town, "tokens": selectors.api_tokens_of_town(town), "own": False},
    )


@require_POST
@login_required
def api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    token = access_api_token(request.user, pk)
    services.api_token_revoke(token=token)
    messages.success(request, _("The token “%(name)s” was revoked; it no longer works.") % {"name": token.name})
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("api-tokens")


class LimitedPasswordResetView(PasswordResetView):
    """Django's password reset, with a limit per client and per address (``shutafut.security.logins``)."""

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not reset_allowed_for_client(request):
            message = _("There were too many password reset requests from here. Please wait an hour and try again.")
            return too_many_requests(request, retry_after=RESET_WINDOW, message=message)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if not reset_allowed_for_address(form.cleaned_data["email"]):
            # The same answer as a sent e-mail: the page never tells whether the address has an account.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
