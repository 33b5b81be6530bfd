from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shutafut.accounts.decorators import TownRequest, town_view
from shutafut.accounts.models import Role, Town
from shutafut.lib.choices import choices
from shutafut.lib.views import paginate
from shutafut.model.lifecycle import Stage
from shutafut.partnerships import forms, services
from shutafut.partnerships.access import access_partnership
from shutafut.partnerships.models import Partnership
from shutafut.partnerships.panels import PARTNERSHIP_PANELS
from shutafut.partnerships.selectors import partnership_detail, partnership_list


@town_view()
def partnership_list_view(request: HttpRequest, town: Town) -> HttpResponse:
    filters = {k: request.GET.get(k, "").strip() for k in ("q", "stage", "organization")}
    page, querystring = paginate(request, partnership_list(town=town, **filters))
    return render(
        request,
        "partnerships/list.html",
        {
            "town": town,
            "page_obj": page,
            "querystring": querystring,
            "filters": filters,
            "stage_choices": choices(Stage),
        },
    )


@town_view()
def partnership_detail_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    partnership = partnership_detail(access_partnership(request.user, pk, town=town))
    context: dict[str, Any] = {
        "town": town,
        "partnership": partnership,
        "can_edit": request.membership.allows(Role.MEMBER),
    }
    context.update(PARTNERSHIP_PANELS.context(request, partnership, context))
    return render(request, "partnerships/detail.html", context)


@town_view(Role.COORDINATOR)
def partnership_create_view(request: HttpRequest, town: Town) -> HttpResponse:
    form = forms.PartnershipForm(request.POST or None, instance=Partnership(town=town), town=town)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.partnership_create(town=town, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The partnership was created."))
            return redirect("partnership-detail", town=town.slug, pk=partnership.pk)
    return render(request, "partnerships/part_form.html", {"town": town, "form": form, "title": _("New partnership")})


@town_view(Role.MEMBER)
def partnership_edit_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
    form = forms.PartnershipForm(request.POST or None, instance=Partnership.objects.get(pk=partnership.pk), town=town)
    if request.method == "POST" and form.is_valid():
        try:
            services.partnership_update(partnership, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The partnership was saved."))
            return redirect("partnership-detail", town=town.slug, pk=partnership.pk)
    return render(request, "partnerships/part_form.html", {"town": town, "form": form, "title": _("Edit partnership")})


PARTS: dict[str, tuple[type[Any], Any, Any]] = {
    "member": (forms.MemberForm, services.member_add, gettext_lazy("Add a member")),
    "flow": (forms.FlowForm, services.flow_create, gettext_lazy("Add a resource pledge or delivery")),
    "decision": (forms.DecisionForm, services.decision_create, gettext_lazy("Record a decision")),
    "activity": (forms.ActivityForm, services.activity_create, gettext_lazy("Record an activity")),
    "document": (forms.DocumentForm, services.document_record, gettext_lazy("Add a framework document")),
    "interaction": (forms.InteractionForm, services.interaction_create, gettext_lazy("Record an interaction")),
    "interest": (forms.InterestForm, None, gettext_lazy("Record a matter before the authority")),
}


@town_view(Role.MEMBER)
def part_create_view(request: HttpRequest, town: Town, pk: int, part: str) -> HttpResponse:
    if part not in PARTS:
        raise Http404
    partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
    form_class, service, title = PARTS[part]
    instance = form_class._meta.model(partnership=partnership) if part != "interest" else None
    form = form_class(request.POST or None, instance=instance, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if part == "interest":
                member = data.pop("member")
                services.interest_create(member=member, **data)
            else:
                service(partnership=partnership, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("partnership-detail", town=town.slug, pk=partnership.pk)
    return render(
        request,
        "partnerships/part_form.html",
        {"town": town, "form": form, "title": title, "partnership": partnership},
    )
