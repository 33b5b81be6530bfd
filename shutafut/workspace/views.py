"""Thin views of the workspace. Every partnership comes through ``access_partnership``; writes go to services.

Each view states the least town role it needs once, in ``@town_view(role)``. A write (``_write``) binds its form to
the POST: when the form is valid and the service accepts it, it redirects back to its page with a message; when
the form is invalid or the service refuses it, the page is shown again (status 400) with the form as the user filled
it and each error by its field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from shutafut.accounts.decorators import TownRequest, town_view
from shutafut.accounts.models import Role, Town
from shutafut.lib.views import confirm_delete, form_page
from shutafut.model.sectors import Sector
from shutafut.organizations.access import may_edit
from shutafut.partnerships.access import access_partnership, parties_of
from shutafut.partnerships.models import Partnership
from shutafut.security.headers import personal_link
from shutafut.security.ratelimit import too_many_requests
from shutafut.surveys.links import LinkError, LinkExpired, LinkRateLimited, LinkRevoked, link_resolve
from shutafut.surveys.sharing import all_links, link_row, links_csv, private
from shutafut.workspace import forms, selectors, services
from shutafut.workspace.models import (
    CharterItem,
    Dimension,
    Goal,
    HealthSurvey,
    IndicatorValue,
    Milestone,
    SurveyStatus,
    Task,
    WorkingNorm,
)
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_ITEMS

Bound = Mapping[str, BaseForm]
"""Forms bound to a refused POST, by their name in the page's context."""

ACTION_FORM = "action_form"
"""The context name of a refused button (approve, endorse, remove, a survey action): its errors show above the
page (``workspace/_nav.html``)."""


def _base(request: TownRequest, partnership: Partnership, **extra: Any) -> dict[str, Any]:
    membership = request.membership
    return {
        "town": request.town,
        "partnership": partnership,
        # The coordinator edits the town: only a member's right depends on the parties (a query).
        "can_edit": membership.allows(Role.COORDINATOR)
        or (membership.allows(Role.MEMBER) and may_edit(request.user, request.town.pk, parties_of(partnership))),
        "is_coordinator": membership.allows(Role.COORDINATOR),
        "represented": selectors.represented_members(request.user, partnership),
        **extra,
    }


def _show(
    request: TownRequest, template: str, context: dict[str, Any], bound: Bound, *, placed: bool = False
) -> HttpResponse:
    """Render a workspace page; with forms of a refused POST, in place of the blank ones (unless the page ``placed``
    them itself) and with status 400."""
    if not placed:
        context.update(bound)
    return render(request, template, context, status=400 if bound else 200)


@dataclass(frozen=True)
class Page:
    """A workspace page: its URL name and how it is drawn, with the forms of a refused POST when there are some."""

    url_name: str
    draw: Callable[[TownRequest, Partnership, Bound], HttpResponse]


def _add_errors(form: BaseForm, exc: ValidationError) -> None:
    """Put a service's refusal on the form: by field when it names one of the form's fields, otherwise above it."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _write(
    request: TownRequest,
    pk: int,
    *,
    page: Page,
    form: Callable[[Partnership], BaseForm],
    action: Callable[[Partnership, dict[str, Any]], object],
    done: str,
    name: str = ACTION_FORM,
) -> HttpResponse:
    """Run one write for a POST: bind ``form``, run ``action`` with its cleaned data, and either go back to ``page``
    with ``done`` or show ``page`` again with the bound form (as ``name``) and its errors. The town role was checked
    by the view's ``town_view``, and the gate lets a partner's representative write only in the partnerships their
    organization is party to; a refused write changes nothing (the services are atomic)."""
    partnership = access_partnership(request.user, pk, town=request.town, role=Role.MEMBER)
    bound = form(partnership)
    if bound.is_valid():
        try:
            action(partnership, bound.cleaned_data)
        except ValidationError as exc:
            _add_errors(bound, exc)
        else:
            messages.success(request, done)
            return redirect(page.url_name, town=request.town.slug, pk=partnership.pk)
    return page.draw(request, partnership, {name: bound})


def _button(request: TownRequest) -> BaseForm:
    """The form of a plain button: no fields, only the place for the refusal."""
    return django_forms.Form(request.POST)


def _base_url(request: TownRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


# ---- Overview and stages -------------------------------------------------------------------------------------


def _home(request: TownRequest, partnership: Partnership, bound: Bound) -> HttpResponse:
    overview = selectors.Overview(partnership)
    context = _base(request, partnership, moves=overview.moves, stage_form=forms.StageForm(moves=overview.moves))
    context["transitions"] = partnership.stage_transitions.select_related("by")
    context.update(selectors.partnership_panel_context(partnership, overview))
    return _show(request, "workspace/home.html", context, bound)


HOME = Page("ws-home", _home)


@town_view()
def home_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _home(request, access_partnership(request.user, pk, town=town), {})


@require_POST
@town_view(Role.COORDINATOR)
def stage_move_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=HOME,
        name="stage_form",
        form=lambda p: forms.StageForm(request.POST, moves=selectors.next_moves(p)),
        action=lambda p, data: services.stage_move(
            partnership=p, to=data["to"], by=request.user, override_reason=data["override_reason"]
        ),
        done=_("The stage was changed."),
    )


@town_view(Role.COORDINATOR)
def end_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    """Ending the partnership: a page that says what stops and what stays readable, and asks to confirm."""
    partnership = access_partnership(request.user, pk, town=town)
    return form_page(
        request,
        form=forms.EndForm(request.POST or None),
        save=lambda data: services.partnership_end(partnership=partnership, by=request.user, **data),
        done_url=reverse(HOME.url_name, kwargs={"town": town.slug, "pk": partnership.pk}),
        done=_("The partnership has ended. A coordinator can reopen it, giving a reason."),
        template="workspace/end.html",
        context=_base(request, partnership),
    )


@town_view(Role.COORDINATOR)
def reopen_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    """Reopening an ended partnership, with a reason that the stage history keeps."""
    partnership = access_partnership(request.user, pk, town=town)
    return form_page(
        request,
        form=forms.ReopenForm(request.POST or None),
        save=lambda data: services.partnership_reopen(partnership=partnership, by=request.user, **data),
        done_url=reverse(HOME.url_name, kwargs={"town": town.slug, "pk": partnership.pk}),
        done=_("The partnership was reopened."),
        template="workspace/reopen.html",
        context=_base(request, partnership, was=services.stage_before_end(partnership)),
    )


# ---- Charter ----------------------------------------------------------------------------------------------------


def _charter(request: TownRequest, partnership: Partnership, bound: Bound) -> HttpResponse:
    p = partnership
    context = _base(
        request,
        p,
        view=selectors.charter_view(p),
        item_form=forms.CharterItemForm(partnership=p, prefix="item"),
        entry_form=forms.CharterEntryForm(partnership=p, prefix="entry"),
        rep_form=forms.RepresentativeForm(partnership=p, prefix="rep"),
        prefill_form=forms.MemberPickForm(partnership=p, prefix="prefill"),
        representatives=p.members.filter(workspace_representatives__isnull=False)
        .values_list("organization__name", "workspace_representatives__user__username")
        .order_by("organization__name"),
        versions=p.charters.all(),
    )
    return _show(request, "workspace/charter.html", context, bound)


CHARTER = Page("ws-charter", _charter)


@town_view()
def charter_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _charter(request, access_partnership(request.user, pk, town=town), {})


@town_view()
def charter_print_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    return render(
        request,
        "workspace/charter_print.html",
        _base(request, partnership, view=selectors.charter_view(partnership)),
    )


@require_POST
@town_view(Role.MEMBER)
def charter_item_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=CHARTER,
        name="item_form",
        form=lambda p: forms.CharterItemForm(request.POST, partnership=p, prefix="item"),
        action=lambda p, data: services.charter_item_add(partnership=p, by=request.user, **data),
        done=_("The item was added."),
    )


@require_POST
@town_view(Role.MEMBER)
def charter_item_remove_view(request: TownRequest, town: Town, pk: int, item: int) -> HttpResponse:
    def remove(p: Partnership, data: dict[str, Any]) -> None:
        obj = CharterItem.objects.filter(pk=item, charter__partnership=p).select_related("member", "charter").first()
        if obj is None:
            raise Http404
        services.charter_item_remove(item=obj, by=request.user)

    return _write(
        request, pk, page=CHARTER, form=lambda p: _button(request), action=remove, done=_("The item was removed.")
    )


@require_POST
@town_view(Role.MEMBER)
def charter_entry_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=CHARTER,
        name="entry_form",
        form=lambda p: forms.CharterEntryForm(request.POST, partnership=p, prefix="entry"),
        action=lambda p, data: services.charter_entry_update(partnership=p, by=request.user, **data),
        done=_("Saved."),
    )


@require_POST
@town_view(Role.MEMBER)
def charter_prefill_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=CHARTER,
        name="prefill_form",
        form=lambda p: forms.MemberPickForm(request.POST, partnership=p, prefix="prefill"),
        action=lambda p, data: services.charter_prefill(partnership=p, member=data["member"], by=request.user),
        done=_("The items of the member's sector were added."),
    )


@require_POST
@town_view(Role.MEMBER)
def charter_approve_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=CHARTER,
        form=lambda p: forms.MemberPickForm(request.POST, partnership=p),
        action=lambda p, data: services.charter_approve(partnership=p, member=data["member"], by=request.user),
        done=_("The charter was approved."),
    )


@require_POST
@town_view(Role.COORDINATOR)
def representative_add_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=CHARTER,
        name="rep_form",
        form=lambda p: forms.RepresentativeForm(request.POST, partnership=p, prefix="rep"),
        action=lambda p, data: services.representative_add(member=data["member"], user=data["user"], by=request.user),
        done=_("The representative was added."),
    )


# ---- Vision ------------------------------------------------------------------------------------------------------


def _vision(request: TownRequest, partnership: Partnership, bound: Bound) -> HttpResponse:
    vision = selectors.vision_of(partnership)
    initial: dict[str, Any] = {"public_goal": partnership.public_goals}
    if vision is not None:
        initial.update(dimensions=vision.dimensions, statement=vision.statement)
    endorsed = selectors.vision_endorsers(vision)
    members = selectors.current_members(partnership)
    rows = [{"member": m, "endorsed": m.pk in endorsed, "focus": getattr(m, "workspace_focus", None)} for m in members]
    context = _base(
        request,
        partnership,
        vision=vision,
        dimensions=[Dimension(d).label for d in (vision.dimensions if vision else []) if d in Dimension.values],
        rows=rows,
        vision_form=forms.VisionForm(initial=initial),
        focus_form=forms.FocusForm(partnership=partnership),
    )
    return _show(request, "workspace/vision.html", context, bound)


VISION = Page("ws-vision", _vision)


@town_view()
def vision_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _vision(request, access_partnership(request.user, pk, town=town), {})


@require_POST
@town_view(Role.MEMBER)
def vision_save_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=VISION,
        name="vision_form",
        form=lambda p: forms.VisionForm(request.POST),
        action=lambda p, data: services.vision_save(partnership=p, **data),
        done=_("The vision was saved."),
    )


@require_POST
@town_view(Role.MEMBER)
def vision_endorse_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=VISION,
        form=lambda p: forms.MemberPickForm(request.POST, partnership=p),
        action=lambda p, data: services.vision_endorse(partnership=p, member=data["member"], by=request.user),
        done=_("The vision was endorsed."),
    )


@require_POST
@town_view(Role.MEMBER)
def focus_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=VISION,
        name="focus_form",
        form=lambda p: forms.FocusForm(request.POST, partnership=p),
        action=lambda p, data: services.focus_set(by=request.user, **data),
        done=_("Saved."),
    )


# ---- Readiness ----------------------------------------------------------------------------------------------------


def _readiness(request: TownRequest, partnership: Partnership, bound: Bound) -> HttpResponse:
    latest = selectors.readiness_latest(partnership)
    context = _base(
        request,
        partnership,
        form=forms.ReadinessForm(),
        latest=latest,
        go=selectors.readiness_go(latest),
        justified=selectors.justification_go(latest),
        history=partnership.readiness_assessments.select_related("assessed_by")[:10],
    )
    return _show(request, "workspace/readiness.html", context, bound)


READINESS = Page("ws-readiness", _readiness)


@town_view()
def readiness_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _readiness(request, access_partnership(request.user, pk, town=town), {})


@require_POST
@town_view(Role.MEMBER)
def readiness_record_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=READINESS,
        name="form",
        form=lambda p: forms.ReadinessForm(request.POST),
        action=lambda p, data: services.readiness_record(partnership=p, by=request.user, **data),
        done=_("The readiness assessment was saved."),
    )


# ---- Culture ------------------------------------------------------------------------------------------------------


def _culture(request: TownRequest, partnership: Partnership, bound: Bound) -> HttpResponse:
    context = _base(
        request,
        partnership,
        members=selectors.current_members(partnership),
        gaps=selectors.culture_gaps(partnership),
        norms=selectors.working_norms(partnership),
        culture_form=forms.CultureForm(partnership=partnership),
        norm_form=forms.NormForm(),
    )
    return _show(request, "workspace/culture.html", context, bound)


CULTURE = Page("ws-culture", _culture)


@town_view()
def culture_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _culture(request, access_partnership(request.user, pk, town=town), {})


@require_POST
@town_view(Role.MEMBER)
def culture_save_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=CULTURE,
        name="culture_form",
        form=lambda p: forms.CultureForm(request.POST, partnership=p),
        action=lambda p, data: services.culture_save(by=request.user, **data),
        done=_("The culture profile was saved."),
    )


@require_POST
@town_view(Role.MEMBER)
def norm_add_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=CULTURE,
        name="norm_form",
        form=lambda p: forms.NormForm(request.POST),
        action=lambda p, data: services.norm_add(partnership=p, **data),
        done=_("The working norm was saved."),
    )


# ---- Work plan ----------------------------------------------------------------------------------------------------

PLAN_FORMS: dict[str, Callable[..., BaseForm]] = {
    "goal": forms.GoalForm,
    "milestone": forms.MilestoneForm,
    "task": forms.TaskForm,
    "value": forms.IndicatorValueForm,
}

PLAN_WRITES: dict[str, Callable[..., object]] = {
    "goal": services.goal_create,
    "milestone": services.milestone_create,
    "task": services.task_create,
    "value": services.indicator_value_add,
}


def _plan_form(kind: str, partnership: Partnership, data: Any = None) -> BaseForm:
    if kind == "goal":
        return PLAN_FORMS[kind](data, prefix=kind)
    return PLAN_FORMS[kind](data, partnership=partnership, prefix=kind)


def _plan(request: TownRequest, partnership: Partnership, bound: Bound) -> HttpResponse:
    plan_forms = {kind: bound.get(kind) or _plan_form(kind, partnership) for kind in PLAN_FORMS}
    context = _base(request, partnership, plan=selectors.plan(partnership), plan_forms=plan_forms)
    context[ACTION_FORM] = bound.get(ACTION_FORM)
    return _show(request, "workspace/plan.html", context, bound, placed=True)


PLAN = Page("ws-plan", _plan)


@town_view()
def plan_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _plan(request, access_partnership(request.user, pk, town=town), {})


@require_POST
@town_view(Role.MEMBER)
def plan_add_view(request: TownRequest, town: Town, pk: int, kind: str) -> HttpResponse:
    if kind not in PLAN_FORMS:
        raise Http404

    def add(p: Partnership, data: dict[str, Any]) -> object:
        if kind == "goal":
            return services.goal_create(partnership=p, **data)
        return PLAN_WRITES[kind](**data)

    return _write(
        request,
        pk,
        page=PLAN,
        name=kind,
        form=lambda p: _plan_form(kind, p, request.POST),
        action=add,
        done=_("Saved."),
    )


@require_POST
@town_view(Role.MEMBER)
def task_progress_view(request: TownRequest, town: Town, pk: int, task: int) -> HttpResponse:
    def progress(p: Partnership, data: dict[str, Any]) -> object:
        obj = Task.objects.filter(pk=task, milestone__goal__partnership=p).first()
        if obj is None:
            raise Http404
        return services.task_progress(task=obj, progress=data["progress"])

    return _write(
        request, pk, page=PLAN, form=lambda p: forms.TaskProgressForm(request.POST), action=progress, done=_("Saved.")
    )


PLAN_ITEMS: dict[str, tuple[type[Any], str, Any]] = {
    "goal": (Goal, "partnership", _lazy("Edit a goal")),
    "milestone": (Milestone, "goal__partnership", _lazy("Edit a milestone")),
    "task": (Task, "milestone__goal__partnership", _lazy("Edit a task")),
    "value": (IndicatorValue, "goal__partnership", _lazy("Edit an indicator value")),
}
"""The lines of the work plan a page corrects and deletes: their model, the path to their partnership, the title."""


def _plan_item(partnership: Partnership, kind: str, item: int) -> Any:
    if kind not in PLAN_ITEMS:
        raise Http404
    model, path, _title = PLAN_ITEMS[kind]
    found = model.objects.filter(pk=item, **{path: partnership}).first()
    if found is None:
        raise Http404
    return found


def _plan_url(town: Town, partnership: Partnership) -> str:
    return reverse("ws-plan", kwargs={"town": town.slug, "pk": partnership.pk})


@town_view(Role.MEMBER)
def plan_edit_view(request: TownRequest, town: Town, pk: int, kind: str, item: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
    record = _plan_item(partnership, kind, item)
    instance = type(record).objects.get(pk=record.pk)
    form = (
        forms.GoalForm(request.POST or None, instance=instance)
        if kind == "goal"
        else PLAN_FORMS[kind](request.POST or None, instance=instance, partnership=partnership)
    )
    delete_url = reverse("ws-plan-delete", kwargs={"town": town.slug, "pk": partnership.pk, "kind": kind, "item": item})
    return form_page(
        request,
        form=form,
        save=lambda data: services.plan_item_update(item=record, **data),
        done_url=_plan_url(town, partnership),
        done=_("Saved."),
        template="partnerships/part_form.html",
        context={"town": town, "partnership": partnership, "title": PLAN_ITEMS[kind][2], "delete_url": delete_url},
    )


@town_view(Role.MEMBER)
def plan_delete_view(request: TownRequest, town: Town, pk: int, kind: str, item: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
    record = _plan_item(partnership, kind, item)
    return confirm_delete(
        request,
        record=record,
        delete=lambda as_of: services.plan_item_delete(item=record, as_of=as_of),
        done_url=_plan_url(town, partnership),
        cancel_url=_plan_url(town, partnership),
        follows=[_("The plan's progress is worked out again without it.")],
        context={"town": town, "partnership": partnership},
    )


@town_view(Role.MEMBER)
def norm_delete_view(request: TownRequest, town: Town, pk: int, norm: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
    record = WorkingNorm.objects.filter(pk=norm, partnership=partnership).first()
    if record is None:
        raise Http404
    back = reverse("ws-culture", kwargs={"town": town.slug, "pk": partnership.pk})
    return confirm_delete(
        request,
        record=record,
        delete=lambda as_of: services.norm_delete(norm=record, as_of=as_of),
        done_url=back,
        cancel_url=back,
        follows=[_("The partnership's diagnosis is worked out again without it.")],
        context={"town": town, "partnership": partnership},
    )


# ---- Outcomes, as PARTNER asks them (questions 5–8) ------------------------------------------------------------


def _outcomes(request: TownRequest, partnership: Partnership, bound: Bound) -> HttpResponse:
    view = selectors.outcomes_view(partnership)
    ratings = selectors.own_ratings(request.user, partnership)
    context = _base(
        request,
        partnership,
        outcomes=view,
        own_ratings=ratings,
        may_record=selectors.may_record_outcomes(request.user, partnership),
        outcomes_form=forms.OutcomesForm.of(view["rows"]),
        contribution_form=forms.ContributionForm(partnership=partnership, prefix="contribution"),
        success_form=forms.SuccessForm(members=[r["member"] for r in ratings], prefix="success"),
    )
    return _show(request, "workspace/outcomes.html", context, bound)


OUTCOMES = Page("ws-outcomes", _outcomes)


@town_view()
def outcomes_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _outcomes(request, access_partnership(request.user, pk, town=town), {})


@require_POST
@town_view(Role.MEMBER)
def outcomes_save_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=OUTCOMES,
        name="outcomes_form",
        form=lambda p: forms.OutcomesForm(request.POST),
        action=lambda p, data: services.outcomes_save(partnership=p, by=request.user, **forms.OutcomesForm.marks(data)),
        done=_("The outcomes were saved."),
    )


@require_POST
@town_view(Role.MEMBER)
def contribution_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=OUTCOMES,
        name="contribution_form",
        form=lambda p: forms.ContributionForm(request.POST, partnership=p, prefix="contribution"),
        action=lambda p, data: services.contribution_set(by=request.user, **data),
        done=_("The contribution was saved."),
    )


@require_POST
@town_view(Role.MEMBER)
def success_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=OUTCOMES,
        name="success_form",
        form=lambda p: forms.SuccessForm(request.POST, members=selectors.current_members(p), prefix="success"),
        action=lambda p, data: services.success_rate(by=request.user, **data),
        done=_("Your rating was saved."),
    )


# ---- Health survey ------------------------------------------------------------------------------------------------


def _health(request: TownRequest, partnership: Partnership, bound: Bound) -> HttpResponse:
    surveys = [
        {"survey": s, "invited": s.invitations.values("person").distinct().count(), "answered": s.responses.count()}
        for s in selectors.surveys_of(partnership)
    ]
    context = _base(
        request,
        partnership,
        surveys=surveys,
        survey_form=forms.SurveyForm(),
        invite_form=forms.InviteForm(partnership=partnership),
    )
    return _show(request, "workspace/health.html", context, bound)


HEALTH = Page("ws-health", _health)


@town_view()
def health_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _health(request, access_partnership(request.user, pk, town=town), {})


def _survey(partnership: Partnership, survey: int) -> HealthSurvey:
    obj = HealthSurvey.objects.filter(pk=survey, partnership=partnership).first()
    if obj is None:
        raise Http404
    return obj


@require_POST
@town_view(Role.COORDINATOR)
def survey_create_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _write(
        request,
        pk,
        page=HEALTH,
        name="survey_form",
        form=lambda p: forms.SurveyForm(request.POST),
        action=lambda p, data: services.survey_create(partnership=p, **data),
        done=_("The survey was created."),
    )


@require_POST
@town_view(Role.COORDINATOR)
def survey_action_view(request: TownRequest, town: Town, pk: int, survey: int, action: str) -> HttpResponse:
    if action not in ("send", "remind", "close", "invite"):
        raise Http404
    if action in ("send", "remind"):
        return _send_or_remind(request, pk, survey, action)
    done = {
        "close": _("The survey was closed; the results are shared with every member."),
        "invite": _("The link was issued; it is on the survey's links page."),
    }[action]

    def act(p: Partnership, data: dict[str, Any]) -> object:
        s = _survey(p, survey)
        base = _base_url(request)
        if action == "close":
            return services.survey_close(survey=s, base_url=base)
        person = data["person"]
        token = services.survey_invite(survey=s, member=data["member"], person=person, base_url=base)
        if person.email:
            messages.info(request, _("It was e-mailed to %(name)s.") % {"name": person.full_name})
        else:
            messages.warning(
                request,
                _("%(name)s has no e-mail address, so no e-mail was sent: copy the link from the links page.")
                % {"name": person.full_name},
            )
        return token

    def form(p: Partnership) -> BaseForm:
        return forms.InviteForm(request.POST, partnership=p) if action == "invite" else _button(request)

    return _write(request, pk, page=HEALTH, form=form, action=act, done=done)


def _send_or_remind(request: TownRequest, pk: int, survey: int, action: str) -> HttpResponse:
    """Send the links (or reminders), say exactly how many got an e-mail and who has no address, and go to the links
    page (POST-redirect-GET: reloading it sends nothing again)."""
    partnership = access_partnership(request.user, pk, town=request.town)
    s = _survey(partnership, survey)
    try:
        if action == "send":
            people = services.survey_send(survey=s, base_url=_base_url(request))
        else:
            reminded = services.survey_remind(survey=s, base_url=_base_url(request))
            people = reminded.emailed + reminded.no_email
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(HEALTH.url_name, town=request.town.slug, pk=partnership.pk)
    emailed = sum(1 for p in people if p.email)
    no_email = [p.full_name for p in people if not p.email]
    if action == "send":
        text = ngettext(
            "%(count)s personal link was issued; %(emailed)s of them went out by e-mail.",
            "%(count)s personal links were issued; %(emailed)s of them went out by e-mail.",
            len(people),
        )
    else:
        text = ngettext(
            "%(count)s person has not answered; a reminder is being e-mailed to %(emailed)s of them.",
            "%(count)s people have not answered; a reminder is being e-mailed to %(emailed)s of them.",
            len(people),
        )
    messages.success(request, text % {"count": len(people), "emailed": emailed})
    if no_email:
        messages.warning(
            request,
            _("No e-mail address, so no e-mail: %(names)s. Copy their links from the table below.")
            % {"names": ", ".join(no_email)},
        )
    return redirect("ws-survey-links", town=request.town.slug, pk=partnership.pk, survey=s.pk)


def _share_text(survey: HealthSurvey, person: Any, organization: Any, url: str) -> str:
    return _(
        "Hello %(name)s, please answer the health survey of the partnership “%(partnership)s” for %(organization)s."
        " Your personal link (no account needed; you can come back and change your answers): %(url)s"
        " Please do not forward it."
    ) % {
        "name": person.full_name,
        "partnership": survey.partnership.name,
        "organization": organization.name,
        "url": url,
    }


def _health_link_rows(request: TownRequest, survey: HealthSurvey) -> list[dict[str, Any]]:
    subject = _("Health survey of %(partnership)s") % {"partnership": survey.partnership.name}
    rows = []
    for row in selectors.survey_link_rows(survey):
        inv = row.invitation
        organization = inv.member.organization
        url = services.respond_url(row.token, _base_url(request)) if row.usable and row.token else ""
        rows.append(
            link_row(
                person=inv.person,
                organization=organization,
                link=inv.link,
                url=url,
                answered=row.answered,
                share=_share_text(survey, inv.person, organization, url),
                subject=subject,
                reissue_url=reverse(
                    "ws-survey-reissue",
                    kwargs={
                        "town": request.town.slug,
                        "pk": survey.partnership_id,
                        "survey": survey.pk,
                        "invitation": inv.pk,
                    },
                ),
            )
        )
    return rows


@town_view(Role.COORDINATOR)
def survey_links_view(request: TownRequest, town: Town, pk: int, survey: int) -> HttpResponse:
    """Every invited person's personal link, to copy, download or share; who answered (yes or no); reminders."""
    partnership = access_partnership(request.user, pk, town=town, role=Role.COORDINATOR)
    s = _survey(partnership, survey)
    rows = _health_link_rows(request, s)
    context = _base(
        request,
        partnership,
        survey=s,
        rows=rows,
        answered=sum(1 for r in rows if r["answered"]),
        is_open=s.status == SurveyStatus.OPEN,
        all_links=all_links(rows),
    )
    return private(render(request, "workspace/survey_links.html", context))


@town_view(Role.COORDINATOR)
def survey_links_csv_view(request: TownRequest, town: Town, pk: int, survey: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town, role=Role.COORDINATOR)
    s = _survey(partnership, survey)
    return links_csv(_health_link_rows(request, s), f"health-survey-{s.pk}-links.csv")


@require_POST
@town_view(Role.COORDINATOR)
def survey_reissue_view(request: TownRequest, town: Town, pk: int, survey: int, invitation: int) -> HttpResponse:
    """A new link for one person; the old one stops working. Back to the links page, where the new one is shown."""
    partnership = access_partnership(request.user, pk, town=town, role=Role.COORDINATOR)
    s = _survey(partnership, survey)
    inv = s.invitations.select_related("link", "member", "person", "survey__partnership").filter(pk=invitation).first()
    if inv is None:
        raise Http404
    try:
        services.survey_reissue(invitation=inv)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("A new link was issued to %(name)s; the old one no longer works.") % {"name": inv.person.full_name},
        )
    return redirect("ws-survey-links", town=town.slug, pk=partnership.pk, survey=s.pk)


@town_view(Role.COORDINATOR)
def survey_close_view(request: TownRequest, town: Town, pk: int, survey: int) -> HttpResponse:
    """Closing a health survey asks first: no answer is taken after it, and it cannot be opened again."""
    partnership = access_partnership(request.user, pk, town=town)
    s = _survey(partnership, survey)
    context = _base(request, partnership, survey=s, answered=s.responses.count())
    return render(request, "workspace/survey_close.html", context)


@town_view()
def results_view(request: TownRequest, town: Town, pk: int, survey: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    s = _survey(partnership, survey)
    trend = selectors.health_trend(partnership)
    context = _base(
        request,
        partnership,
        survey=s,
        results=selectors.survey_results(s),
        by_member=selectors.member_breakdown(s),
        trend=trend,
        principle_trend=selectors.principle_trend(trend),
    )
    if context["is_coordinator"]:
        context["explanations"] = selectors.survey_explanations(s)
    return render(request, "workspace/results.html", context)


@personal_link
def health_respond_view(request: HttpRequest, token: str) -> HttpResponse:
    """The respondent's page, reached by personal link (outside the town prefix; no login)."""
    try:
        link = link_resolve(token)
    except (LinkExpired, LinkRevoked) as exc:
        return render(request, "workspace/link_gone.html", {"code": exc.code}, status=410)
    except LinkRateLimited:
        return too_many_requests(request)
    except LinkError:
        raise Http404 from None
    survey = services.survey_of_link(link)
    invitation = getattr(link, "health_invitation", None)
    if survey is None or invitation is None:
        raise Http404
    if request.method == "GET" and request.GET.get("saved") == "1":
        return render(request, "workspace/respond_thanks.html", {"survey": survey, "token": token})
    sector = Sector(invitation.member.organization.sector)
    saved = selectors.saved_answer(survey, invitation.person_id)
    form = forms.RespondForm(request.POST or None, sector=sector, initial=saved)
    context: dict[str, Any] = {
        "survey": survey,
        "link": link,
        "form": form,
        "closed": survey.status != SurveyStatus.OPEN,
        "answered_before": bool(saved),
    }
    if survey.status == SurveyStatus.CLOSED:
        context["results"] = selectors.survey_results(survey)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.survey_answer(
                    link=link,
                    answers={code: data[code] for code, _p, _t in PRINCIPLE_ITEMS},
                    trust={c: data[c] for c, _t in TRUST_ITEMS},
                    benefits=data["benefits"],
                    concerns=data["concerns"],
                    comment=data["comment"],
                    explanations=form.explanations(),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
                return render(request, "workspace/respond.html", context, status=409)
            # POST-redirect-GET: reloading the thanks page does not send the answers again.
            return redirect(request.path + "?saved=1")
        if context["closed"]:
            form.add_error(None, _("This survey is closed; answers are no longer accepted."))
            return render(request, "workspace/respond.html", context, status=409)
    return render(request, "workspace/respond.html", context)
