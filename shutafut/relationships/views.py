from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from shutafut.accounts.decorators import TownRequest, town_view
from shutafut.accounts.models import Role, Town
from shutafut.lib.choices import choices
from shutafut.lib.views import paginate
from shutafut.model.ladder import Rung
from shutafut.model.sectors import Sector
from shutafut.relationships.access import access_relationship
from shutafut.relationships.forms import RelationshipForm
from shutafut.relationships.models import Relationship
from shutafut.relationships.selectors import relationship_list
from shutafut.relationships.services import relationship_create, relationship_update


@town_view()
def relationship_list_view(request: HttpRequest, town: Town) -> HttpResponse:
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "rung", "sector", "domain", "organization")}
    page, querystring = paginate(request, relationship_list(town=town, **filters))
    return render(
        request,
        "relationships/list.html",
        {
            "town": town,
            "page_obj": page,
            "querystring": querystring,
            "filters": filters,
            "rung_choices": [(str(v), label) for v, label in choices(Rung)],
            "sector_choices": choices(Sector),
        },
    )


@town_view()
def relationship_detail_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    relationship = access_relationship(request.user, pk, town=town)
    return render(
        request,
        "relationships/detail.html",
        {
            "town": town,
            "relationship": relationship,
            "rung_info": Rung(relationship.rung).info,
            "can_edit": request.membership.allows(Role.MEMBER),
        },
    )


def _save(form: RelationshipForm, town: Town, relationship: Relationship | None = None) -> bool:
    if not form.is_valid():
        return False
    try:
        if relationship is None:
            form.instance = relationship_create(town=town, **form.cleaned_data)
        else:
            form.instance = relationship_update(relationship, **form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    return True


@town_view(Role.MEMBER)
def relationship_create_view(request: HttpRequest, town: Town) -> HttpResponse:
    form = RelationshipForm(request.POST or None, instance=Relationship(town=town), town=town)
    if request.method == "POST" and _save(form, town):
        messages.success(request, _("The relationship was saved."))
        return redirect("relationship-detail", town=town.slug, pk=form.instance.pk)
    return render(request, "partnerships/part_form.html", {"town": town, "form": form, "title": _("New relationship")})


@town_view(Role.MEMBER)
def relationship_edit_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    relationship = access_relationship(request.user, pk, town=town, role=Role.MEMBER)
    form = RelationshipForm(request.POST or None, instance=Relationship.objects.get(pk=relationship.pk), town=town)
    if request.method == "POST" and _save(form, town, relationship):
        messages.success(request, _("The relationship was saved."))
        return redirect("relationship-detail", town=town.slug, pk=relationship.pk)
    return render(request, "partnerships/part_form.html", {"town": town, "form": form, "title": _("Edit relationship")})
