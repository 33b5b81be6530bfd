from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Role, Town
from shutafut.audit.selectors import audit_events, audit_filter_choices
from shutafut.lib.views import paginate


@town_view(Role.COORDINATOR)
def audit_list(request: HttpRequest, town: Town) -> HttpResponse:
    model = request.GET.get("model", "")
    actor = request.GET.get("actor", "")
    page, query = paginate(request, audit_events(town=town, model=model, actor=actor), per_page=50)
    models, actors = audit_filter_choices(town=town)
    context = {"town": town, "page_obj": page, "querystring": query, "models": models, "actors": actors}
    return render(request, "audit/list.html", context | {"model": model, "actor": actor})
