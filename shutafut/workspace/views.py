"""Thin views of the workspace. Every partnership comes through ``access_partnership``; writes go to services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shutafut.accounts.decorators import town_view
from shutafut.accounts.models import Role, Town
from shutafut.model.sectors import Sector
from shutafut.partnerships.access import access_partnership
from shutafut.partnerships.models import Partnership
from shutafut.security.headers import personal_link
from shutafut.security.ratelimit import too_many_requests
from shutafut.surveys.links import LinkError, LinkExpired, LinkRateLimited, LinkRevoked, link_resolve
from shutafut.workspace import forms, selectors, services
from shutafut.workspace.models import CharterItem, Dimension, HealthSurvey, SurveyStatus, Task
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_ITEMS


def _base(request: HttpRequest, town: Town, partnership: Partnership, **extra: Any) -> dict[str, Any]:
    membership = request.membership  # type: ignore[attr-defined]
    return {
        "town": town,
        "partnership": partnership,
        "can_edit": membership.allows(Role.MEMBER),
        "is_coordinator": membership.allows(Role.COORDINATOR),
        "represented": selectors.represented_members(request.user, partnership),
        **extra,
    }


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _act(
    request: HttpRequest,
    town: Town,
    pk: int,
    role: Role,
    back: str,
    action: Callable[[Partnership], Any],
    done: str,
) -> HttpResponse:
    """Run one write for a POST: refused writes show their message and change nothing."""
    partnership = access_partnership(request.user, pk, town=town, role=role)
    try:
        action(partnership)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, done)
    return redirect(back, town=town.slug, pk=partnership.pk)


def _form_error(form: Any) -> ValidationError:
    return ValidationError(
        [
            f"{form.fields[k].label if k in form.fields else ''}: {' '.join(v)}".lstrip(": ")
            for k, v in form.errors.items()
        ]
    )


def _valid(form: Any) -> dict[str, Any]:
    if not form.is_valid():
        raise _form_error(form)
    return dict(form.cleaned_data)


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


# ---- Overview and stages -------------------------------------------------------------------------------------


@town_view()
def home_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    moves = selectors.next_moves(partnership)
    context = _base(request, town, partnership, moves=moves, stage_form=forms.StageForm(moves=moves))
    context["transitions"] = partnership.stage_transitions.select_related("by")
    context.update(selectors.partnership_panel_context(partnership, request.user))
    return render(request, "workspace/home.html", context)


@require_POST
@town_view(Role.COORDINATOR)
def stage_move_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        data = _valid(forms.StageForm(request.POST, moves=selectors.next_moves(p)))
        services.stage_move(p, data["to"], request.user, data.get("override_reason", ""))  # type: ignore[arg-type]

    return _act(request, town, pk, Role.COORDINATOR, "ws-home", act, _("The stage was changed."))


# ---- Charter ----------------------------------------------------------------------------------------------------


@town_view()
def charter_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    context = _base(
        request,
        town,
        partnership,
        view=selectors.charter_view(partnership),
        item_form=forms.CharterItemForm(partnership=partnership, prefix="item"),
        entry_form=forms.CharterEntryForm(partnership=partnership, prefix="entry"),
        rep_form=forms.RepresentativeForm(partnership=partnership, prefix="rep"),
        prefill_form=forms.MemberPickForm(partnership=partnership, prefix="prefill"),
        representatives=partnership.members.filter(workspace_representatives__isnull=False)
        .values_list("organization__name", "workspace_representatives__user__username")
        .order_by("organization__name"),
        versions=partnership.charters.all(),
    )
    return render(request, "workspace/charter.html", context)


@town_view()
def charter_print_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    return render(
        request,
        "workspace/charter_print.html",
        _base(request, town, partnership, view=selectors.charter_view(partnership)),
    )


@require_POST
@town_view(Role.MEMBER)
def charter_item_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        data = _valid(forms.CharterItemForm(request.POST, partnership=p, prefix="item"))
        services.charter_item_add(partnership=p, by=request.user, **data)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.MEMBER, "ws-charter", act, _("The item was added."))


@require_POST
@town_view(Role.MEMBER)
def charter_item_remove_view(request: HttpRequest, town: Town, pk: int, item: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        obj = CharterItem.objects.filter(pk=item, charter__partnership=p).select_related("member", "charter").first()
        if obj is None:
            raise Http404
        services.charter_item_remove(item=obj, by=request.user)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.MEMBER, "ws-charter", act, _("The item was removed."))


@require_POST
@town_view(Role.MEMBER)
def charter_entry_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        data = _valid(forms.CharterEntryForm(request.POST, partnership=p, prefix="entry"))
        services.charter_entry_update(partnership=p, by=request.user, **data)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.MEMBER, "ws-charter", act, _("Saved."))


@require_POST
@town_view(Role.MEMBER)
def charter_prefill_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        data = _valid(forms.MemberPickForm(request.POST, partnership=p, prefix="prefill"))
        services.charter_prefill(partnership=p, member=data["member"], by=request.user)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.MEMBER, "ws-charter", act, _("The items of the member's sector were added."))


@require_POST
@town_view(Role.MEMBER)
def charter_approve_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        data = _valid(forms.MemberPickForm(request.POST, partnership=p))
        services.charter_approve(partnership=p, member=data["member"], user=request.user)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.MEMBER, "ws-charter", act, _("The charter was approved."))


@require_POST
@town_view(Role.COORDINATOR)
def representative_add_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        data = _valid(forms.RepresentativeForm(request.POST, partnership=p, prefix="rep"))
        services.representative_add(member=data["member"], user=data["user"], by=request.user)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.COORDINATOR, "ws-charter", act, _("The representative was added."))


# ---- Vision ------------------------------------------------------------------------------------------------------


@town_view()
def vision_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    vision = selectors.vision_of(partnership)
    initial = (
        {"public_goal": vision.public_goal, "dimensions": vision.dimensions, "statement": vision.statement}
        if vision
        else {"public_goal": partnership.public_goals}
    )
    endorsed = selectors.vision_endorsers(vision)
    members = selectors.current_members(partnership)
    rows = [{"member": m, "endorsed": m.pk in endorsed, "focus": getattr(m, "workspace_focus", None)} for m in members]
    context = _base(
        request,
        town,
        partnership,
        vision=vision,
        dimensions=[Dimension(d).label for d in (vision.dimensions if vision else []) if d in Dimension.values],
        rows=rows,
        vision_form=forms.VisionForm(initial=initial),
        focus_form=forms.FocusForm(partnership=partnership),
    )
    return render(request, "workspace/vision.html", context)


@require_POST
@town_view(Role.MEMBER)
def vision_save_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        services.vision_save(partnership=p, **_valid(forms.VisionForm(request.POST)))

    return _act(request, town, pk, Role.MEMBER, "ws-vision", act, _("The vision was saved."))


@require_POST
@town_view(Role.MEMBER)
def vision_endorse_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        data = _valid(forms.MemberPickForm(request.POST, partnership=p))
        services.vision_endorse(partnership=p, member=data["member"], user=request.user)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.MEMBER, "ws-vision", act, _("The vision was endorsed."))


@require_POST
@town_view(Role.MEMBER)
def focus_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        data = _valid(forms.FocusForm(request.POST, partnership=p))
        services.focus_set(by=request.user, **data)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.MEMBER, "ws-vision", act, _("Saved."))


# ---- Readiness ----------------------------------------------------------------------------------------------------


@town_view()
def readiness_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    latest = selectors.readiness_latest(partnership)
    form = forms.ReadinessForm(request.POST or None)
    if request.method == "POST":
        partnership = access_partnership(request.user, pk, town=town, role=Role.MEMBER)
        if form.is_valid():
            try:
                services.readiness_record(partnership=partnership, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The readiness assessment was saved."))
                return redirect("ws-readiness", town=town.slug, pk=partnership.pk)
    context = _base(
        request,
        town,
        partnership,
        form=form,
        latest=latest,
        go=selectors.readiness_go(latest),
        justified=selectors.justification_go(latest),
        history=partnership.readiness_assessments.select_related("assessed_by")[:10],
    )
    return render(request, "workspace/readiness.html", context)


# ---- Culture ------------------------------------------------------------------------------------------------------


@town_view()
def culture_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    members = selectors.current_members(partnership)
    context = _base(
        request,
        town,
        partnership,
        members=members,
        gaps=selectors.culture_gaps(partnership),
        norms=partnership.working_norms.all(),
        culture_form=forms.CultureForm(),
        member_form=forms.MemberPickForm(partnership=partnership),
        norm_form=forms.NormForm(),
    )
    return render(request, "workspace/culture.html", context)


@require_POST
@town_view(Role.MEMBER)
def culture_save_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        member = _valid(forms.MemberPickForm(request.POST, partnership=p))["member"]
        data = _valid(forms.CultureForm(request.POST))
        services.culture_save(member=member, by=request.user, **data)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.MEMBER, "ws-culture", act, _("The culture profile was saved."))


@require_POST
@town_view(Role.MEMBER)
def norm_add_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        services.norm_add(partnership=p, **_valid(forms.NormForm(request.POST)))

    return _act(request, town, pk, Role.MEMBER, "ws-culture", act, _("The working norm was saved."))


# ---- Work plan ----------------------------------------------------------------------------------------------------

PLAN_FORMS: dict[str, Any] = {
    "goal": forms.GoalForm,
    "milestone": forms.MilestoneForm,
    "task": forms.TaskForm,
    "value": forms.IndicatorValueForm,
}


def _plan_form(kind: str, partnership: Partnership, data: Any = None) -> Any:
    form_class = PLAN_FORMS[kind]
    if kind == "goal":
        return form_class(data, prefix=kind)
    return form_class(data, partnership=partnership, prefix=kind)


@town_view()
def plan_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    context = _base(
        request,
        town,
        partnership,
        plan=selectors.plan(partnership),
        plan_forms={kind: _plan_form(kind, partnership) for kind in PLAN_FORMS},
    )
    return render(request, "workspace/plan.html", context)


@require_POST
@town_view(Role.MEMBER)
def plan_add_view(request: HttpRequest, town: Town, pk: int, kind: str) -> HttpResponse:
    if kind not in PLAN_FORMS:
        raise Http404

    def act(p: Partnership) -> None:
        data = _valid(_plan_form(kind, p, request.POST))
        if kind == "goal":
            services.goal_create(partnership=p, **data)
        elif kind == "milestone":
            services.milestone_create(**data)
        elif kind == "task":
            services.task_create(**data)
        else:
            services.indicator_value_add(**data)

    return _act(request, town, pk, Role.MEMBER, "ws-plan", act, _("Saved."))


@require_POST
@town_view(Role.MEMBER)
def task_progress_view(request: HttpRequest, town: Town, pk: int, task: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        obj = Task.objects.filter(pk=task, milestone__goal__partnership=p).first()
        if obj is None:
            raise Http404
        try:
            value = int(request.POST.get("progress", ""))
        except ValueError:
            value = -1
        services.task_progress(task=obj, progress=value)

    return _act(request, town, pk, Role.MEMBER, "ws-plan", act, _("Saved."))


# ---- Health survey ------------------------------------------------------------------------------------------------


@town_view()
def health_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    surveys = [
        {"survey": s, "invited": s.invitations.values("person").distinct().count(), "answered": s.responses.count()}
        for s in selectors.surveys_of(partnership)
    ]
    context = _base(
        request,
        town,
        partnership,
        surveys=surveys,
        survey_form=forms.SurveyForm(),
        invite_form=forms.InviteForm(partnership=partnership),
    )
    return render(request, "workspace/health.html", context)


def _survey(partnership: Partnership, survey: int) -> HealthSurvey:
    obj = HealthSurvey.objects.filter(pk=survey, partnership=partnership).first()
    if obj is None:
        raise Http404
    return obj


@require_POST
@town_view(Role.COORDINATOR)
def survey_create_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    def act(p: Partnership) -> None:
        services.survey_create(partnership=p, **_valid(forms.SurveyForm(request.POST)))

    return _act(request, town, pk, Role.COORDINATOR, "ws-health", act, _("The survey was created."))


@require_POST
@town_view(Role.COORDINATOR)
def survey_action_view(request: HttpRequest, town: Town, pk: int, survey: int, action: str) -> HttpResponse:
    if action not in ("send", "remind", "close", "invite"):
        raise Http404
    done = {
        "send": _("The links were sent."),
        "remind": _("Reminders were sent."),
        "close": _("The survey was closed; the results are shared with every member."),
        "invite": _("The link was sent."),
    }[action]

    def act(p: Partnership) -> None:
        s = _survey(p, survey)
        base = _base_url(request)
        if action == "send":
            services.survey_send(survey=s, base_url=base)
        elif action == "remind":
            services.survey_remind(survey=s, base_url=base)
        elif action == "close":
            services.survey_close(survey=s, base_url=base)
        else:
            person = _valid(forms.InviteForm(request.POST, partnership=p))["person"]
            member = p.members.filter(organization_id=person.organization_id).first()
            services.survey_invite(survey=s, member=member, person=person, base_url=base)  # type: ignore[arg-type]

    return _act(request, town, pk, Role.COORDINATOR, "ws-health", act, done)


@town_view()
def results_view(request: HttpRequest, town: Town, pk: int, survey: int) -> HttpResponse:
    partnership = access_partnership(request.user, pk, town=town)
    s = _survey(partnership, survey)
    context = _base(request, town, partnership, survey=s, results=selectors.survey_results(s))
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
    sector = Sector(invitation.member.organization.sector)
    form = forms.RespondForm(request.POST or None, sector=sector)
    context: dict[str, Any] = {
        "survey": survey,
        "link": link,
        "form": form,
        "closed": survey.status != SurveyStatus.OPEN,
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
                )
            except ValidationError as exc:
                form.add_error(None, exc)
                return render(request, "workspace/respond.html", context, status=409)
            return render(request, "workspace/respond_thanks.html", {"survey": survey})
        if context["closed"]:
            form.add_error(None, _("This survey is closed; answers are no longer accepted."))
            return render(request, "workspace/respond.html", context, status=409)
    return render(request, "workspace/respond.html", context)
