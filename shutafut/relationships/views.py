from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shutafut.accounts.decorators import TownRequest, town_view
from shutafut.accounts.models import Role, Town
from shutafut.lib.choices import choices
from shutafut.lib.forms import add_refusal
from shutafut.lib.views import confirm_delete, paginate
from shutafut.model.ladder import Rung
from shutafut.model.sectors import Sector
from shutafut.organizations.access import may_edit
from shutafut.relationships.access import access_relationship
from shutafut.relationships.forms import RelationshipForm
from shutafut.relationships.models import Relationship
from shutafut.relationships.selectors import relationship_list, relationship_twin
from shutafut.relationships.services import relationship_create, relationship_delete, relationship_update


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
            "rung_definition": Rung(relationship.rung).info.definition.in_lang(get_language() or "he"),
            "can_edit": may_edit(request.user, town.pk, [relationship.org_a_id, relationship.org_b_id]),
        },
    )


def _save(request: HttpRequest, form: RelationshipForm, town: Town, relationship: Relationship | None = None) -> bool:
    if not form.is_valid():
        return False
    parties = [form.cleaned_data["org_a"].pk, form.cleaned_data["org_b"].pk]
    if not may_edit(request.user, town.pk, parties):
        # A partner's representative records the ties of the organizations they represent, not others' ties.
        form.add_error(None, _("You can record a relationship only of an organization you represent."))
        return False
    try:
        if relationship is None:
            form.instance = relationship_create(town=town, **form.cleaned_data)
        else:
            form.instance = relationship_update(relationship, **form.cleaned_data)
    except ValidationError as exc:
        add_refusal(form, exc)
        return False
    return True


def _twin(request: HttpRequest, form: RelationshipForm, town: Town, relationship: Relationship | None = None) -> Any:
    """A record of the same pair and domain that the user has not yet chosen to keep beside this one."""
    if request.method != "POST" or request.POST.get("save_anyway") or not form.is_valid():
        return None
    data = form.cleaned_data
    return relationship_twin(
        town=town,
        org_a=data["org_a"],
        org_b=data["org_b"],
        domain=data["domain"],
        exclude=relationship.pk if relationship is not None else None,
    )


def _form_page(request: HttpRequest, town: Town, form: RelationshipForm, title: str, **extra: Any) -> HttpResponse:
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "relationships/form.html", {"town": town, "form": form, "title": title, **extra}, status=status
    )


@town_view(Role.MEMBER)
def relationship_create_view(request: HttpRequest, town: Town) -> HttpResponse:
    form = RelationshipForm(request.POST or None, instance=Relationship(town=town), town=town)
    twin = _twin(request, form, town)
    if request.method == "POST" and twin is None and _save(request, form, town):
        messages.success(request, _("The relationship was saved."))
        return redirect("relationship-detail", town=town.slug, pk=form.instance.pk)
    return _form_page(request, town, form, _("New relationship"), twin=twin)


@town_view(Role.MEMBER)
def relationship_edit_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    relationship = access_relationship(request.user, pk, town=town, role=Role.MEMBER)
    form = RelationshipForm(request.POST or None, instance=Relationship.objects.get(pk=relationship.pk), town=town)
    twin = _twin(request, form, town, relationship)
    if request.method == "POST" and twin is None and _save(request, form, town, relationship):
        messages.success(request, _("The relationship was saved."))
        return redirect("relationship-detail", town=town.slug, pk=relationship.pk)
    delete_url = reverse("relationship-delete", kwargs={"town": town.slug, "pk": relationship.pk})
    return _form_page(request, town, form, _("Edit relationship"), twin=twin, delete_url=delete_url)


@town_view(Role.MEMBER)
def relationship_delete_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    relationship = access_relationship(request.user, pk, town=town, role=Role.MEMBER)
    return confirm_delete(
        request,
        record=relationship,
        delete=lambda as_of: relationship_delete(relationship=relationship, as_of=as_of),
        done_url=reverse("relationship-list", kwargs={"town": town.slug}),
        cancel_url=reverse("relationship-detail", kwargs={"town": town.slug, "pk": relationship.pk}),
        follows=[_("The tie leaves the relationship map and its figures; the two organizations stay.")],
        context={"town": town},
    )
