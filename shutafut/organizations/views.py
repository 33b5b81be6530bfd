from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from shutafut.accounts.decorators import TownRequest, town_view
from shutafut.accounts.models import Role, Town
from shutafut.lib.choices import choices
from shutafut.lib.forms import add_refusal
from shutafut.lib.views import confirm_delete, form_page, paginate
from shutafut.model.sectors import SUBTYPES, Sector
from shutafut.organizations.access import access_organization, access_person, may_edit
from shutafut.organizations.forms import OrganizationForm, PersonForm
from shutafut.organizations.models import Organization, Person
from shutafut.organizations.panels import ORGANIZATION_PANELS
from shutafut.organizations.picker import picker_label
from shutafut.organizations.selectors import organization_list, organization_suggestions
from shutafut.organizations.services import (
    organization_create,
    organization_delete,
    organization_update,
    person_create,
    person_delete,
    person_update,
)


@town_view()
def organization_suggest_view(request: HttpRequest, town: Town) -> JsonResponse:
    """Suggestions for the organization picker of a large town (organizations/picker.py), as labels."""
    found = organization_suggestions(town=town, query=request.GET.get("q", "")[:100])
    return JsonResponse({"results": [picker_label(o) for o in found]})


@town_view()
def organization_list_view(request: HttpRequest, town: Town) -> HttpResponse:
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "sector", "subtype", "field")}
    found = organization_list(town=town, **filters)
    page, querystring = paginate(request, found)
    return render(
        request,
        "organizations/list.html",
        {
            "town": town,
            "page_obj": page,
            "querystring": querystring,
            "filters": filters,
            "sector_choices": choices(Sector),
            "subtypes": SUBTYPES,
        },
    )


@town_view()
def organization_detail_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    organization = access_organization(request.user, pk, town=town)
    context: dict[str, Any] = {
        "town": town,
        "organization": organization,
        "people": organization.people.all(),
        "can_edit": may_edit(request.user, town.pk, [organization.pk]),
    }
    context.update(ORGANIZATION_PANELS.context(request, organization, context))
    return render(request, "organizations/detail.html", context)


def _save(request: HttpRequest, form: OrganizationForm, town: Town, organization: object = None) -> bool:
    if not form.is_valid():
        return False
    try:
        if organization is None:
            form.instance = organization_create(town=town, **form.cleaned_data)
        else:
            form.instance = organization_update(organization, **form.cleaned_data)  # type: ignore[arg-type]
    except ValidationError as exc:
        add_refusal(form, exc)
        return False
    return True


@town_view(Role.MEMBER)
def organization_create_view(request: HttpRequest, town: Town) -> HttpResponse:
    form = OrganizationForm(request.POST or None, instance=Organization(town=town))
    if request.method == "POST" and _save(request, form, town):
        messages.success(request, _("The organization was saved."))
        return redirect("organization-detail", town=town.slug, pk=form.instance.pk)
    return render(request, "organizations/form.html", {"town": town, "form": form})


@town_view(Role.MEMBER)
def organization_edit_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    organization = access_organization(request.user, pk, town=town, role=Role.MEMBER)
    form = OrganizationForm(request.POST or None, instance=Organization.objects.get(pk=organization.pk))
    if request.method == "POST" and _save(request, form, town, organization):
        messages.success(request, _("The organization was saved."))
        return redirect("organization-detail", town=town.slug, pk=organization.pk)
    return render(
        request,
        "organizations/form.html",
        {"town": town, "form": form, "organization": organization},
        status=400 if form.is_bound else 200,
    )


@town_view(Role.MEMBER)
def organization_delete_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    organization = access_organization(request.user, pk, town=town, role=Role.MEMBER)
    detail = reverse("organization-detail", kwargs={"town": town.slug, "pk": organization.pk})
    return confirm_delete(
        request,
        record=organization,
        delete=lambda as_of: organization_delete(organization=organization, as_of=as_of),
        done_url=reverse("organization-list", kwargs={"town": town.slug}),
        cancel_url=detail,
        follows=[
            _("Its ties leave the relationship map, and its people leave the surveys they were invited to."),
            _("Partnerships it convened keep their records, without a convener."),
        ],
        context={"town": town},
    )


def _person(request: HttpRequest, town: Town, pk: int, person: int) -> tuple[Organization, Person]:
    organization = access_organization(request.user, pk, town=town, role=Role.MEMBER)
    found = access_person(request.user, person, town=town, role=Role.MEMBER)
    if found.organization_id != organization.pk:
        raise Http404
    return organization, found


@town_view(Role.MEMBER)
def person_edit_view(request: HttpRequest, town: Town, pk: int, person: int) -> HttpResponse:
    organization, found = _person(request, town, pk, person)
    delete_url = reverse("person-delete", kwargs={"town": town.slug, "pk": organization.pk, "person": found.pk})
    return form_page(
        request,
        form=PersonForm(request.POST or None, instance=type(found).objects.get(pk=found.pk)),
        save=lambda data: person_update(person=found, **data),
        done_url=reverse("organization-detail", kwargs={"town": town.slug, "pk": organization.pk}),
        done=_("Saved."),
        template="partnerships/part_form.html",
        context={"town": town, "title": _("Edit a representative"), "delete_url": delete_url},
    )


@town_view(Role.MEMBER)
def person_delete_view(request: HttpRequest, town: Town, pk: int, person: int) -> HttpResponse:
    organization, found = _person(request, town, pk, person)
    detail = reverse("organization-detail", kwargs={"town": town.slug, "pk": organization.pk})
    return confirm_delete(
        request,
        record=found,
        delete=lambda as_of: person_delete(person=found, as_of=as_of),
        done_url=detail,
        cancel_url=detail,
        follows=[_("Partnership members this person represented keep their records, without a representative.")],
        context={"town": town},
    )


@town_view(Role.MEMBER)
def person_create_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    organization = access_organization(request.user, pk, town=town, role=Role.MEMBER)
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person_create(organization=organization, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The person was added."))
            return redirect("organization-detail", town=town.slug, pk=organization.pk)
    return render(
        request,
        "partnerships/part_form.html",
        {"town": town, "form": form, "title": _("Add a representative")},
    )
