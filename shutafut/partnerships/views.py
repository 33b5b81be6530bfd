from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shutafut.accounts.decorators import TownRequest, town_view
from shutafut.accounts.models import Role, Town
from shutafut.lib.choices import choices
from shutafut.lib.forms import add_refusal
from shutafut.lib.views import confirm_delete, form_page, paginate
from shutafut.model.lifecycle import Stage
from shutafut.organizations.access import may_edit
from shutafut.partnerships import forms, services
from shutafut.partnerships.access import access_partnership, may_publish, parties_of
from shutafut.partnerships.models import (
    Activity,
    Decision,
    FrameworkDocument,
    Interaction,
    Member,
    MemberInterest,
    Partnership,
    ResourceFlow,
)
from shutafut.partnerships.panels import PARTNERSHIP_COLUMNS, PARTNERSHIP_PANELS
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
            **PARTNERSHIP_COLUMNS.table(list(page)),
        },
    )


@town_view()
def partnership_detail_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    partnership = partnership_detail(access_partnership(request.user, pk, town=town))
    context: dict[str, Any] = {
        "town": town,
        "partnership": partnership,
        "can_edit": may_edit(request.user, town.pk, parties_of(partnership)),
        "can_publish": may_publish(request.user, partnership),
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
    form = forms.PartnershipForm(
        request.POST or None,
        instance=Partnership.objects.get(pk=partnership.pk),
        town=town,
        may_name_convener=may_publish(request.user, partnership),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.partnership_update(partnership, **form.cleaned_data)
        except ValidationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, _("The partnership was saved."))
            return redirect("partnership-detail", town=town.slug, pk=partnership.pk)
    return render(
        request,
        "partnerships/part_form.html",
        {"town": town, "form": form, "title": _("Edit partnership")},
        status=400 if form.is_bound else 200,
    )


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


EDITABLE: dict[str, tuple[type[Any], Any]] = {
    "member": (forms.MemberForm, Member),
    "flow": (forms.FlowForm, ResourceFlow),
    "decision": (forms.DecisionForm, Decision),
    "activity": (forms.ActivityForm, Activity),
    "document": (forms.DocumentForm, FrameworkDocument),
    "interaction": (forms.InteractionForm, Interaction),
    "interest": (forms.InterestForm, MemberInterest),
}
"""The parts a page corrects and deletes, by the name in their URL: their form and their model."""

EDIT_TITLES = {
    "member": gettext_lazy("Edit a member"),
    "flow": gettext_lazy("Edit a resource pledge or delivery"),
    "decision": gettext_lazy("Edit a decision"),
    "activity": gettext_lazy("Edit an activity"),
    "document": gettext_lazy("Edit a framework document"),
    "interaction": gettext_lazy("Edit an interaction"),
    "interest": gettext_lazy("Edit a matter before the authority"),
}

DELETE_FOLLOWS = {
    "member": gettext_lazy(
        "The organization stays in the registry and in the town's relationships; it is no longer a member."
    ),
    "interest": gettext_lazy("The conflict-of-interest check no longer counts this matter."),
}


def _part(partnership: Partnership, part: str, item: int) -> Any:
    """The part ``item`` of kind ``part``, only when it belongs to ``partnership`` (reached through its gate)."""
    if part not in EDITABLE:
        raise Http404
    model = EDITABLE[part][1]
    owner = {"member__partnership": partnership} if model is MemberInterest else {"partnership": partnership}
    found = model.objects.filter(pk=item, **owner).first()
    if found is None:
        raise Http404
    return found


@town_view(Role.MEMBER)
def part_edit_view(request: HttpRequest, town: Town, pk: int, part: str, item: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
    record = _part(partnership, part, item)
    form_class = EDITABLE[part][0]
    form = form_class(request.POST or None, instance=type(record).objects.get(pk=record.pk), partnership=partnership)
    url_args = {"town": town.slug, "pk": partnership.pk, "part": part, "item": item}
    return form_page(
        request,
        form=form,
        save=lambda data: services.part_update(part=record, **data),
        done_url=_part_url(town, partnership, part, record),
        done=_("Saved."),
        template="partnerships/part_form.html",
        context={
            "town": town,
            "title": EDIT_TITLES[part],
            "partnership": partnership,
            "delete_url": reverse("partnership-part-delete", kwargs=url_args),
        },
    )


def _part_url(town: Town, partnership: Partnership, part: str, record: Any = None) -> str:
    url = reverse("partnership-detail", kwargs={"town": town.slug, "pk": partnership.pk})
    anchor = {"member": "members", "flow": "flows", "decision": "decisions", "activity": "activities"}.get(
        part, f"{part}s"
    )
    return f"{url}#{part}-{record.pk}" if record is not None else f"{url}#{anchor}"


@town_view(Role.MEMBER)
def part_delete_view(request: HttpRequest, town: Town, pk: int, part: str, item: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
    record = _part(partnership, part, item)
    follows = [_("The partnership's diagnosis is worked out again without it.")]
    if part in DELETE_FOLLOWS:
        follows.append(str(DELETE_FOLLOWS[part]))
    return confirm_delete(
        request,
        record=record,
        delete=lambda as_of: services.part_delete(part=record, as_of=as_of),
        done_url=_part_url(town, partnership, part),
        cancel_url=_part_url(town, partnership, part, record),
        follows=follows,
        context={"town": town, "partnership": partnership},
    )
