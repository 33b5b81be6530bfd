"""Survey pages: the coordinator's waves (under /t/<town>/surveys/) and the respondent's form (/s/<token>/)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from shutafut.accounts.decorators import TownRequest, town_view
from shutafut.accounts.models import Role, Town
from shutafut.lib.choices import label_of
from shutafut.model.ladder import Rung
from shutafut.model.sectors import Sector
from shutafut.organizations.access import access_organization
from shutafut.organizations.models import Organization
from shutafut.organizations.services import person_create
from shutafut.security.headers import personal_link
from shutafut.security.ratelimit import too_many_requests
from shutafut.surveys import selectors, services
from shutafut.surveys.access import access_wave
from shutafut.surveys.forms import (
    NONRESPONDENT_LABELS,
    ROLLUP_LABELS,
    SCALE_CHOICES,
    SYMMETRIZE_LABELS,
    TRUST_LABELS,
    VALUE_LABELS,
    AnalysisForm,
    AnswerForm,
    RespondentForm,
    RosterForm,
    WaveForm,
)
from shutafut.surveys.links import LinkError, LinkExpired, LinkRateLimited, LinkRevoked, link_resolve
from shutafut.surveys.models import Frequency, LinkPurpose, SurveyLink, Wave, WaveStatus
from shutafut.surveys.sharing import all_links, link_row, links_csv, private

# ------------------------------------------------------------------------------------------ coordinator pages


def _can_manage(request: TownRequest) -> bool:
    return bool(request.membership.allows(Role.COORDINATOR))


@town_view()
def wave_list_view(request: TownRequest, town: Town) -> HttpResponse:
    return render(
        request,
        "surveys/wave_list.html",
        {"town": town, "waves": selectors.wave_list(town), "can_manage": _can_manage(request)},
    )


@town_view(Role.COORDINATOR)
def wave_create_view(request: HttpRequest, town: Town) -> HttpResponse:
    form = WaveForm(request.POST or None, instance=Wave(town=town))
    if request.method == "POST" and form.is_valid():
        try:
            wave = services.wave_create(town=town, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The wave was created. Now choose its roster."))
            return redirect("survey-wave-roster", town=town.slug, pk=wave.pk)
    return render(request, "surveys/wave_form.html", {"town": town, "form": form, "title": _("New survey wave")})


@town_view(Role.COORDINATOR)
def wave_edit_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    wave = access_wave(request.user, pk, town=town)
    form = WaveForm(request.POST or None, instance=Wave.objects.get(pk=wave.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.wave_update(wave, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The wave was saved."))
            return redirect("survey-wave-detail", town=town.slug, pk=wave.pk)
    return render(request, "surveys/wave_form.html", {"town": town, "form": form, "title": _("Edit survey wave")})


def _analysis(wave: Wave, form: AnalysisForm) -> dict[str, Any]:
    rollup, symmetrize, nonrespondents = form.rules()
    names = dict(Organization.objects.filter(waves=wave).values_list("pk", "name"))
    pairs = selectors.wave_pairs(wave, rollup, symmetrize, nonrespondents)
    for pair in pairs:
        pair["name_a"], pair["name_b"] = names.get(pair["org_a"], "?"), names.get(pair["org_b"], "?")
        for key in ("rating_ab", "rating_ba"):
            pair[key + "_label"] = "" if pair[key] is None else label_of(Rung, pair[key])
    perception = selectors.wave_trust_value(wave)
    for row in perception["organizations"]:
        row["name"] = names.get(row["organization"], "?")
    return {
        "pairs": pairs,
        "flagged": [p for p in pairs if p["disagreement"]],
        "perception": perception,
        "rules": {
            "rollup": ROLLUP_LABELS[rollup],
            "symmetrize": SYMMETRIZE_LABELS[symmetrize],
            "nonrespondents": NONRESPONDENT_LABELS[nonrespondents],
        },
    }


def _respondent_url(request: HttpRequest, token: str) -> str:
    return services.respondent_url(token, request.build_absolute_uri("/"))


def _detail(request: TownRequest, town: Town, wave: Wave, **extra: Any) -> HttpResponse:
    form = AnalysisForm(request.GET or None)
    context = {
        "town": town,
        "wave": wave,
        "status": selectors.wave_status(wave),
        "roster": [(label_of(Sector, s), orgs) for s, orgs in selectors.wave_roster(wave)],
        "analysis_form": form,
        "can_manage": _can_manage(request),
        "is_open": wave.status == WaveStatus.OPEN,
        "is_closed": wave.status == WaveStatus.CLOSED,
        **_analysis(wave, form),
        **extra,
    }
    if not context["can_manage"]:
        # Each organization's ratings of the others are the coordinator's to read (issue 11): members and viewers
        # see the roster, the response rate and the aggregates only.
        context["pairs"] = context["flagged"] = []
    return render(request, "surveys/wave_detail.html", context)


@town_view()
def wave_detail_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    return _detail(request, town, access_wave(request.user, pk, town=town))


@town_view(Role.COORDINATOR)
def wave_roster_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    wave = access_wave(request.user, pk, town=town)
    form = RosterForm(request.POST or None, town=town)
    if request.method == "POST" and form.is_valid():
        try:
            services.wave_set_roster(
                wave=wave,
                organizations=form.chosen_organizations(),
                respondents=form.cleaned_data["respondents"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The roster was saved."))
            if form.cleaned_data.get("add_organization") is not None:  # adding one: its people are chosen next
                return redirect("survey-wave-roster", town=town.slug, pk=wave.pk)
            return redirect("survey-wave-detail", town=town.slug, pk=wave.pk)
    return render(
        request,
        "surveys/wave_roster.html",
        {
            "town": town,
            "wave": wave,
            "form": form,
            "groups": [
                (label_of(Sector, s), orgs)
                for s, orgs in selectors.roster_candidates(town, wave, whole_town=form.whole_town)
            ],
            "chosen_orgs": set(wave.organizations.values_list("pk", flat=True)),
            "chosen_people": set(wave.respondents.values_list("pk", flat=True)),
            "person_form": RespondentForm(town=town, prefix="person"),
            "is_closed": wave.status == WaveStatus.CLOSED,
        },
    )


@require_POST
@town_view(Role.COORDINATOR)
def wave_add_respondent_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    wave = access_wave(request.user, pk, town=town)
    form = RespondentForm(request.POST, town=town, prefix="person")
    if form.is_valid():
        organization = access_organization(
            request.user, form.cleaned_data["organization"].pk, town=town, role=Role.COORDINATOR
        )
        data = {k: v for k, v in form.cleaned_data.items() if k != "organization"}
        try:
            with transaction.atomic():
                person = person_create(organization=organization, **data)
                services.wave_add_respondent(wave=wave, person=person)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(name)s was added to the roster.") % {"name": person.full_name})
    else:
        problems = [
            _("%(field)s: %(error)s") % {"field": form.fields[k].label, "error": str(e)} if k in form.fields else str(e)
            for k, errors in form.errors.items()
            for e in errors
        ]
        messages.error(request, " ".join(problems))
    return redirect("survey-wave-roster", town=town.slug, pk=wave.pk)


def _names(people: Iterable[Any]) -> str:
    return ", ".join(p.full_name for p in people)


def _issue_response(
    request: TownRequest, town: Town, wave: Wave, issue: Callable[[], list[services.IssuedLink]]
) -> HttpResponse:
    """Issue links, e-mail them when asked, say exactly who got what, and go to the links page (POST-redirect-GET:
    reloading it sends nothing again)."""
    try:
        issued = issue()
    except services.WaveNotOpen:
        messages.error(request, _("This wave is closed: no more links can be sent."))
        return redirect("survey-wave-detail", town=town.slug, pk=wave.pk)
    messages.success(
        request,
        ngettext("%(count)s personal link was issued.", "%(count)s personal links were issued.", len(issued))
        % {"count": len(issued)},
    )
    if request.POST.get("send") == "1":
        sent = services.links_send(issued=issued, url_of=lambda token: _respondent_url(request, token))
        messages.info(
            request, ngettext("%(count)s e-mail was sent.", "%(count)s e-mails were sent.", sent) % {"count": sent}
        )
        no_email = [i.link.person for i in issued if not i.link.person.email]
        if no_email:
            messages.warning(
                request,
                _("No e-mail address, so no e-mail: %(names)s. Copy their links from the table below.")
                % {"names": _names(no_email)},
            )
    return redirect("survey-wave-links", town=town.slug, pk=wave.pk)


@require_POST
@town_view(Role.COORDINATOR)
def wave_open_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    wave = access_wave(request.user, pk, town=town)
    return _issue_response(request, town, wave, lambda: services.wave_open(wave=wave))


@require_POST
@town_view(Role.COORDINATOR)
def link_resend_view(request: TownRequest, town: Town, pk: int, link: int) -> HttpResponse:
    """Reissue one person's link: the old one is revoked, the answers move to the new one."""
    wave = access_wave(request.user, pk, town=town)
    old = selectors.link_get(wave, link)
    return _issue_response(request, town, wave, lambda: [services.link_reissue(link=old)])


def _share_text(wave: Wave, person: Any, url: str, expires: Any) -> str:
    return _(
        "Hello %(name)s, you are invited to answer the relationship survey “%(wave)s” for %(organization)s."
        " Your personal link (no account needed; you can come back and change your answers): %(url)s"
        " It is valid until %(date)s. Please do not forward it."
    ) % {
        "name": person.full_name,
        "wave": wave.name,
        "organization": person.organization.name,
        "url": url,
        "date": date_format(timezone.localtime(expires), "SHORT_DATE_FORMAT"),
    }


def _link_rows(request: HttpRequest, wave: Wave) -> list[dict[str, Any]]:
    subject = _("Relationship survey: %(wave)s") % {"wave": wave.name}
    rows = []
    for row in selectors.wave_link_rows(wave):
        url = _respondent_url(request, row.token) if row.token and not row.expired else ""
        rows.append(
            link_row(
                person=row.person,
                organization=row.person.organization,
                link=row.link,
                url=url,
                answered=row.answered,
                share=_share_text(wave, row.person, url, row.link.expires_at) if url and row.link else "",
                subject=subject,
                reissue_url=reverse(
                    "survey-link-resend", kwargs={"town": wave.town.slug, "pk": wave.pk, "link": row.link.pk}
                )
                if row.link
                else "",
            )
        )
    return rows


@town_view(Role.COORDINATOR)
def wave_links_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    """Every respondent's personal link, to copy, download or share; who has answered (yes or no); reminders."""
    wave = access_wave(request.user, pk, town=town, role=Role.COORDINATOR)
    rows = _link_rows(request, wave)
    context = {
        "town": town,
        "wave": wave,
        "rows": rows,
        "answered": sum(1 for r in rows if r["answered"]),
        "is_open": services.wave_accepts_answers(wave),
        "all_links": all_links(rows),
    }
    return private(render(request, "surveys/wave_links.html", context))


@town_view(Role.COORDINATOR)
def wave_links_csv_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    wave = access_wave(request.user, pk, town=town, role=Role.COORDINATOR)
    return links_csv(_link_rows(request, wave), f"wave-{wave.pk}-links.csv")


@require_POST
@town_view(Role.COORDINATOR)
def wave_remind_view(request: TownRequest, town: Town, pk: int) -> HttpResponse:
    wave = access_wave(request.user, pk, town=town, role=Role.COORDINATOR)
    try:
        reminders = services.wave_remind(wave=wave, base_url=request.build_absolute_uri("/"))
    except services.WaveNotOpen:
        messages.error(request, _("The wave is not open: no reminders are sent."))
        return redirect("survey-wave-links", town=town.slug, pk=wave.pk)
    count = len(reminders.emailed)
    messages.success(
        request,
        ngettext(
            "A reminder is being e-mailed to %(count)s respondent who has not answered.",
            "A reminder is being e-mailed to %(count)s respondents who have not answered.",
            count,
        )
        % {"count": count},
    )
    if reminders.no_email:
        messages.warning(
            request,
            _("No e-mail address, so no reminder: %(names)s. Copy their links from the table below.")
            % {"names": _names(reminders.no_email)},
        )
    return redirect("survey-wave-links", town=town.slug, pk=wave.pk)


@require_POST
@town_view(Role.COORDINATOR)
def link_revoke_view(request: HttpRequest, town: Town, pk: int, link: int) -> HttpResponse:
    wave = access_wave(request.user, pk, town=town)
    services.link_withdraw(link=selectors.link_get(wave, link))
    messages.success(request, _("The link was revoked; its answers no longer count."))
    return redirect("survey-wave-detail", town=town.slug, pk=wave.pk)


@require_POST
@town_view(Role.COORDINATOR)
def wave_close_view(request: HttpRequest, town: Town, pk: int) -> HttpResponse:
    wave = access_wave(request.user, pk, town=town)
    count = services.wave_close(wave=wave)
    messages.success(
        request,
        ngettext(
            "The wave is closed. %(count)s relationship from it is now on the map.",
            "The wave is closed. %(count)s relationships from it are now on the map.",
            count,
        )
        % {"count": count},
    )
    return redirect("survey-wave-detail", town=town.slug, pk=wave.pk)


# ------------------------------------------------------------------------------------------ respondent form
# Every page here is reached through a personal link: @personal_link makes its answers private (no-store,
# no-referrer, noindex) and exempts it from the CSRF check (the secret URL is the credential; see
# shutafut.security.headers).


def _resolve(request: HttpRequest, token: str) -> SurveyLink | HttpResponse:
    try:
        link = link_resolve(token)
    except LinkExpired:
        return render(request, "surveys/link_gone.html", {"reason": "expired"}, status=410)
    except LinkRevoked:
        return render(request, "surveys/link_gone.html", {"reason": "revoked"}, status=410)
    except LinkRateLimited:
        return too_many_requests(request)
    except LinkError:
        return render(request, "surveys/link_invalid.html", status=404)
    if link.purpose != LinkPurpose.RELATIONSHIP_SURVEY or link.wave is None:
        return render(request, "surveys/link_invalid.html", status=404)
    if not link.wave.respondents.filter(pk=link.person_id).exists():
        return render(request, "surveys/link_gone.html", {"reason": "revoked"}, status=410)
    if link.wave.status == WaveStatus.OPEN and not services.wave_accepts_answers(link.wave):
        return render(request, "surveys/link_gone.html", {"reason": "closed", "wave": link.wave}, status=410)
    return link


def _ladder(lang: str) -> list[dict[str, Any]]:
    return [
        {"value": r.value, "name": r.info.name.in_lang(lang), "summary": r.info.summary.in_lang(lang)} for r in Rung
    ]


def _row(org: Organization, rating: Any, lang: str, errors: dict[str, list[str]] | None) -> dict[str, Any]:
    items = [
        {
            "name": name,
            "label": label,
            "value": "" if rating is None or getattr(rating, name) is None else str(getattr(rating, name)),
        }
        for name, label in [*TRUST_LABELS.items(), *VALUE_LABELS.items()]
    ]
    return {
        "org": org,
        "name": org.display_name(lang),
        "search": " ".join(n for n in (org.name, org.name_en) if n).lower(),
        "rating": rating,
        "rung": None if rating is None else rating.rung,
        "domain": "" if rating is None else rating.domain,
        "frequency": "" if rating is None else rating.frequency,
        "resources": [] if rating is None else list(rating.resources or []),
        "items": items,
        "has_more": rating is not None
        and bool(rating.domain or rating.frequency or rating.resources or any(i["value"] for i in items)),
        "errors": errors,
    }


def _form_page(
    request: HttpRequest, token: str, link: SurveyLink, *, errors: dict[int, Any] | None = None, status: int = 200
) -> HttpResponse:
    assert link.wave is not None
    lang = get_language() or "he"
    errors = errors or {}
    groups = [
        (label_of(Sector, s), [_row(r.organization, r.rating, lang, errors.get(r.organization.pk)) for r in rows])
        for s, rows in selectors.respondent_rows(link)
    ]
    context = {
        "token": token,
        "link": link,
        "wave": link.wave,
        "is_open": link.wave.status == WaveStatus.OPEN,
        "ladder": _ladder(lang),
        "groups": groups,
        "answered": sum(1 for _s, rows in groups for row in rows if row["rating"] is not None),
        "total": sum(len(rows) for _s, rows in groups),
        "org_name": link.organization.display_name(lang),
        "frequency_choices": Frequency.choices,
        "scale_choices": SCALE_CHOICES[1:],
        "resource_choices": AnswerForm.base_fields["resources"].choices,  # type: ignore[attr-defined]
        "done": hasattr(link, "completion"),
        "texts": {
            "saving": _("Saving…"),
            "saved": _("Saved."),
            "needRung": _("Choose a rung to save this answer."),
            "failed": _("The answer was not saved. Check your connection and try again, or reload the page."),
        },
    }
    return render(request, "surveys/respond.html", context, status=status)


@personal_link
@never_cache
def respond_view(request: HttpRequest, token: str) -> HttpResponse:
    resolved = _resolve(request, token)
    if isinstance(resolved, HttpResponse):
        return resolved
    return _form_page(request, token, resolved)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@personal_link
@require_POST
@never_cache
def answer_view(request: HttpRequest, token: str) -> HttpResponse:
    resolved = _resolve(request, token)
    if isinstance(resolved, HttpResponse):
        return resolved
    link = resolved
    assert link.wave is not None
    closed = _("This survey round is closed: answers are no longer accepted. Thank you for taking part.")
    if not services.wave_accepts_answers(link.wave):
        if _wants_json(request):
            return JsonResponse({"ok": False, "errors": {"__all__": [closed]}}, status=409)
        messages.error(request, closed)
        return _form_page(request, token, link, status=409)
    roster = set(link.wave.organizations.values_list("pk", flat=True))
    form = AnswerForm(request.POST, roster=roster, own=link.organization_id)
    errors: dict[str, list[str]] = {}
    if form.is_valid():
        data = dict(form.cleaned_data)
        rated = Organization.objects.get(pk=data.pop("rated"))
        try:
            services.rating_save(link=link, rated=rated, **data)
        except services.WaveNotOpen:
            errors = {"__all__": [closed]}
        except services.NotOnRoster:
            errors = {"__all__": [_("You are no longer on this survey's list: your answers are not taken.")]}
        except ValidationError as exc:
            errors = {
                k: [
                    _("%(field)s: %(error)s") % {"field": form.fields[k].label, "error": m} if k in form.fields else m
                    for m in v
                ]
                for k, v in exc.message_dict.items()
            }
    else:
        errors = form.named_errors()
    if _wants_json(request):
        if errors:
            return JsonResponse({"ok": False, "errors": errors}, status=400)
        return JsonResponse({"ok": True, "message": _("Saved.")})
    if errors:
        try:
            row = int(request.POST.get("rated", ""))
        except ValueError:
            row = 0
        messages.error(request, " ".join(m for ms in errors.values() for m in ms))
        return _form_page(request, token, link, errors={row: errors}, status=400)
    messages.success(request, _("Your answer was saved."))
    return redirect(reverse("survey-respond", kwargs={"token": token}) + f"#org-{request.POST['rated']}")


@personal_link
@require_POST
@never_cache
def finish_view(request: HttpRequest, token: str) -> HttpResponse:
    resolved = _resolve(request, token)
    if isinstance(resolved, HttpResponse):
        return resolved
    try:
        services.survey_complete(link=resolved)
    except services.WaveNotOpen:
        messages.error(request, _("This survey round is closed: answers are no longer accepted."))
    except services.NotOnRoster:
        messages.error(request, _("You are no longer on this survey's list: your answers are not taken."))
    else:
        messages.success(
            request, _("Thank you! Your answers are saved. You can still change them while the survey is open.")
        )
    return redirect("survey-respond", token=token)
