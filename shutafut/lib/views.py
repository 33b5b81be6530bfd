"""Small helpers shared by the page views."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Model
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from shutafut.lib.deletion import deletion_plan
from shutafut.lib.forms import AS_OF, add_refusal
from shutafut.lib.versions import version_of

PAGE_SIZE = 25


def paginate(request: HttpRequest, items: Any, per_page: int = PAGE_SIZE) -> tuple[Page[Any], str]:
    """Return the requested page and the query string of the current filters (without ``page``)."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    return page, (query + "&") if query else ""


def confirm_delete(
    request: HttpRequest,
    *,
    record: Model,
    delete: Callable[[str | None], object],
    done_url: str,
    cancel_url: str,
    follows: Sequence[str] = (),
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """The page that asks before a delete: on GET it names the record, what goes with it, what loses its link and
    what forbids it (``lib.deletion``), and ``follows`` (what else happens); on POST it calls ``delete(as_of)`` (a
    service) and goes to ``done_url``, or shows the page again (400) with the refusal. No JavaScript: a form with
    one button, and a link back."""
    errors: list[str] = []
    if request.method == "POST":
        try:
            delete(request.POST.get(AS_OF) or None)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, gettext("Deleted: %(record)s.") % {"record": record})
            return redirect(done_url)
    stored = type(record)._default_manager.filter(pk=record.pk).first() or record
    page = {
        **(context or {}),
        "record": stored,
        "kind": stored._meta.verbose_name,
        "plan": deletion_plan(stored),
        "version": version_of(stored),
        "follows": follows,
        "errors": errors,
        "cancel_url": cancel_url,
    }
    return render(request, "includes/confirm_delete.html", page, status=400 if errors else 200)


def form_page(
    request: HttpRequest,
    *,
    form: BaseForm,
    save: Callable[[dict[str, Any]], object],
    done_url: str,
    done: str,
    template: str,
    context: Mapping[str, Any],
) -> HttpResponse:
    """One write behind a form: on a valid POST, ``save(cleaned_data)`` (a service) and go to ``done_url`` with
    ``done``; otherwise (GET, invalid, or refused by the service: ``lib.forms.add_refusal``, stale saves included)
    show ``template`` with the form as the user filled it (400 after a POST)."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, done)
            return redirect(done_url)
    return render(request, template, {**context, "form": form}, status=400 if form.is_bound else 200)
