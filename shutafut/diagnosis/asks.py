"""The partnership page asks for what would decide an unknown test: one short question for each fact the engine's
``missing`` list names, answered in one click (or one short form), recorded through the partnership services with
the same records the guided diagnosis and its import write.

``asks_for`` builds the questions for the diagnosis panel; ``ANSWERS`` validates and records each kind of answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from shutafut.diagnosis.forms import CADENCE_ORDER, HORIZONS, IN_RETURN
from shutafut.lib.choices import choices
from shutafut.model.records import DocumentKind, InReturn
from shutafut.partnerships import services
from shutafut.partnerships.models import Activity, FrameworkDocument, Member, Partnership

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def form_prefix(code: str, target: int | None) -> str:
    """Each question's fields are its own on a page that asks several."""
    return f"ask-{code}-{target}" if target is not None else f"ask-{code}"


@dataclass
class Ask:
    """One question on the partnership page: what it asks, which tests it decides, how it is answered.

    ``choices``: one button per answer (one click). ``form``: a short form. ``link``: the page that records it.
    """

    code: str
    question: StrOrPromise
    tests: tuple[str, ...]
    choices: list[tuple[str, StrOrPromise]] = field(default_factory=list)
    form: forms.Form | None = None
    link: str = ""
    target: int | None = None


class ChoiceAnswer(forms.Form):
    value = forms.ChoiceField(label=_("Answer"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, choices: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["value"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


class TextAnswer(forms.Form):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 2}))


class _MembersOf(forms.Form):
    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Member.objects.filter(partnership=partnership).select_related("organization")
        for f in self.fields.values():
            if isinstance(f, forms.ModelChoiceField):
                f.queryset = members


class PaymentAnswer(_MembersOf):
    payer = forms.ModelChoiceField(Member.objects.none(), label=_("Who pays"))
    payee = forms.ModelChoiceField(Member.objects.none(), label=_("Who is paid"))
    in_return = forms.ChoiceField(label=_("What the payer gets in return"), choices=IN_RETURN)


class OrganizersAnswer(_MembersOf):
    organizers = forms.ModelMultipleChoiceField(
        Member.objects.none(), label=_("Who organized it"), widget=forms.CheckboxSelectMultiple
    )


def asks_for(partnership: Partnership, document: Mapping[str, Any]) -> list[Ask]:
    """The questions that would decide the unknown tests of ``partnership`` (its diagnosis ``document``, as on the
    page), in the order of the engine's ``missing`` list."""
    asks: list[Ask] = []
    tests = document["tests"]
    for item in document["missing"]:
        fields, decides = item["field"], tuple(item["tests"])
        if "horizon_months" in fields:
            asks.append(Ask("horizon", _("How long is it planned for?"), decides, _horizons()))
        if "meeting_cadence" in fields or fields == "standing_body":
            asks.append(Ask("cadence", _("How often does the joint body meet?"), decides, _cadences()))
        if fields == "standing_body":
            asks.append(Ask("standing_body", _("Is there a standing joint body?"), decides, list(YES_NO)))
        if fields == "public_goal, beneficiaries":
            if not partnership.public_goals.strip():
                form = TextAnswer(prefix=form_prefix("public_goal", None))
                asks.append(Ask("public_goal", _("What public goal does it serve?"), decides, form=form))
            if not partnership.beneficiaries.strip():
                form = TextAnswer(prefix=form_prefix("beneficiaries", None))
                asks.append(Ask("beneficiaries", _("Who benefits (one group a line)?"), decides, form=form))
        if fields == "pledges, deliveries" and "T7" in decides and tests["T7"]["records"]:
            asks += _payments(partnership, tests["T7"]["records"], decides)
        elif fields in LINKS:
            part, question = LINKS[fields]
            link = reverse(
                "partnership-part-create", kwargs={"town": partnership.town.slug, "pk": partnership.pk, "part": part}
            )
            asks.append(Ask(part, question, decides, link=link))
        if fields == "activities.organizers":
            asks += _organizers(partnership)
    return asks


LINKS: dict[str, tuple[str, StrOrPromise]] = {
    "framework_documents": ("document", _("Is there a signed document, and who signed it?")),
    "pledges, deliveries": ("flow", _("What does each member put in, and what does it get back?")),
    "decisions": ("decision", _("Who was in the last decisions?")),
}


def _horizons() -> list[tuple[str, StrOrPromise]]:
    return [(code, label) for code, label in HORIZONS if code.isdigit()]


def _cadences() -> list[tuple[str, StrOrPromise]]:
    """The meeting cadences in the active language, their codes as strings (a form's choice values)."""
    return [(str(code), label) for code, label in choices(CADENCE_ORDER)]


def _payments(partnership: Partnership, records: list[str], decides: tuple[str, ...]) -> list[Ask]:
    pks = [int(r.removeprefix("document-")) for r in records if r.startswith("document-")]
    contracts = FrameworkDocument.objects.filter(partnership=partnership, pk__in=pks, kind=DocumentKind.CONTRACT)
    return [
        Ask(
            "payment",
            _("Who pays whom under %(contract)s?") % {"contract": contract.title},
            decides,
            form=PaymentAnswer(
                partnership=partnership,
                initial={"in_return": InReturn.DELIVERABLE.value},
                prefix=form_prefix("payment", contract.pk),
            ),
            target=contract.pk,
        )
        for contract in contracts
    ]


def _organizers(partnership: Partnership) -> list[Ask]:
    return [
        Ask(
            "organizers",
            _("Who organized %(activity)s?") % {"activity": activity.title},
            (),
            form=OrganizersAnswer(partnership=partnership, prefix=form_prefix("organizers", activity.pk)),
            target=activity.pk,
        )
        for activity in partnership.activities.all()
        if not activity.organizers.all()
    ]


# Recording an answer: each kind checks its input (a form) and writes through the partnership services.

Record = Callable[[Partnership, Mapping[str, Any], int | None], forms.Form | None]


def _choice(field_name: str, allowed: list[tuple[str, Any]], convert: Callable[[str], Any]) -> Record:
    def record(partnership: Partnership, data: Mapping[str, Any], target: int | None) -> forms.Form | None:
        form = ChoiceAnswer(data, choices=allowed)
        if not form.is_valid():
            return form
        services.partnership_update(partnership, **{field_name: convert(form.cleaned_data["value"])})
        return None

    return record


def _text(field_name: str, code: str) -> Record:
    def record(partnership: Partnership, data: Mapping[str, Any], target: int | None) -> forms.Form | None:
        form = TextAnswer(data, prefix=form_prefix(code, None))
        if not form.is_valid():
            return form
        services.partnership_update(partnership, **{field_name: form.cleaned_data["text"].strip()})
        return None

    return record


def _payment(partnership: Partnership, data: Mapping[str, Any], target: int | None) -> forms.Form | None:
    form = PaymentAnswer(data, partnership=partnership, prefix=form_prefix("payment", target))
    contracts = FrameworkDocument.objects.filter(partnership=partnership, kind=DocumentKind.CONTRACT)
    contract = None if target is None else contracts.filter(pk=target).first()
    if contract is None or not form.is_valid():
        if contract is None:
            form.add_error(None, _("This contract is not one of the partnership's."))
        return form
    data = form.cleaned_data
    return _recorded(
        form,
        lambda: services.contract_payment_record(
            document=contract, payer=data["payer"], payee=data["payee"], in_return=data["in_return"]
        ),
    )


def _activity_organizers(partnership: Partnership, data: Mapping[str, Any], target: int | None) -> forms.Form | None:
    form = OrganizersAnswer(data, partnership=partnership, prefix=form_prefix("organizers", target))
    activities = Activity.objects.filter(partnership=partnership).select_related("partnership")
    activity = None if target is None else activities.filter(pk=target).first()
    if activity is None or not form.is_valid():
        if activity is None:
            form.add_error(None, _("This activity is not one of the partnership's."))
        return form
    organizers = form.cleaned_data["organizers"]
    return _recorded(form, lambda: services.activity_organizers_set(activity=activity, organizers=organizers))


def _recorded(form: forms.Form, write: Callable[[], object]) -> forms.Form | None:
    """Run ``write``; a refusal of the records (a validation error) is shown on ``form``."""
    try:
        write()
    except forms.ValidationError as exc:
        form.add_error(None, exc)
        return form
    return None


ANSWERS: dict[str, tuple[StrOrPromise, Record]] = {
    "horizon": (_("How long is it planned for?"), _choice("horizon_months", _horizons(), int)),
    "cadence": (_("How often does the joint body meet?"), _choice("meeting_cadence", _cadences(), str)),
    "standing_body": (_("Is there a standing joint body?"), _choice("standing_body", YES_NO, lambda v: v == "yes")),
    "public_goal": (_("What public goal does it serve?"), _text("public_goals", "public_goal")),
    "beneficiaries": (_("Who benefits (one group a line)?"), _text("beneficiaries", "beneficiaries")),
    "payment": (_("Who pays whom under the contract?"), _payment),
    "organizers": (_("Who organized it?"), _activity_organizers),
}
"""Each kind of answer: its question (for a page that shows its errors) and how it is recorded."""
