"""The guided diagnosis' screens as forms: one question each, with "I don't know" among its answers, and rows where a
question asks for several things (members, documents, contributions, decisions, activities).

Each screen reads and writes one section of the draft (``shutafut.diagnosis.guided``); the forms only check what a
person can get wrong on that screen and say where (the row and the field), in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django import forms
from django.forms.formsets import BaseFormSet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_stubs_ext import StrOrPromise

from shutafut.accounts.models import Town
from shutafut.diagnosis import engine as e
from shutafut.diagnosis.guided import UNKNOWN, Draft, member_keys
from shutafut.diagnosis.imports import match_organization, registry_problems
from shutafut.lib.choices import choices, in_active_language
from shutafut.model.records import Cadence, DecisionMethod, DocumentKind, InReturn
from shutafut.model.resources import RESOURCES, ResourceType
from shutafut.model.sectors import Sector

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
I_DONT_KNOW = (UNKNOWN, _("I don't know"))
YES_NO_UNKNOWN = [("yes", _("Yes")), ("no", _("No")), I_DONT_KNOW]


@dataclass
class DraftContext:
    """What a screen needs besides its own answers: the town (for the registry), the members and contracts named
    so far."""

    town: Town
    draft: Draft
    members: list[tuple[str, str]] = field(init=False)
    contracts: list[tuple[str, str]] = field(init=False)

    def __post_init__(self) -> None:
        self.members = list(member_keys(self.draft).items())
        rows = self.draft.get("documents", {}).get("rows", ())
        self.contracts = [
            (str(d["key"]), d.get("title") or str(in_active_language(DocumentKind(d["kind"]).label)))
            for d in rows
            if d.get("kind") == DocumentKind.CONTRACT
        ]


def _radio(choices: Iterable[tuple[Any, Any]], **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(choices=list(choices), widget=forms.RadioSelect, **kwargs)


class MemberChoice(forms.ChoiceField):
    """One of the draft's members (the choices are set when the screen is built), after ``member_blank``."""

    def __init__(self, *, member_blank: StrOrPromise, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.member_blank = member_blank


class MemberChoices(forms.MultipleChoiceField):
    """Some of the draft's members (the choices are set when the screen is built)."""


class FoldingChoices(forms.MultipleChoiceField):
    """Check boxes whose choices after the first ``fold_after`` are folded under "More types"."""

    def __init__(self, *, fold_after: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fold_after = fold_after


def _member_select(
    label: StrOrPromise, *, required: bool = True, blank: StrOrPromise | None = None
) -> forms.ChoiceField:
    """A choice of one of the draft's members (set when the screen is built)."""
    return MemberChoice(label=label, required=required, member_blank=blank or "—")


def _member_checkboxes(label: StrOrPromise, *, required: bool = False) -> forms.MultipleChoiceField:
    """A choice of some of the draft's members (set when the screen is built)."""
    return MemberChoices(label=label, required=required, widget=forms.CheckboxSelectMultiple)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class Screen(forms.Form):
    """One question's answer and the details that answer needs; ``section`` is what it writes into the draft."""

    def __init__(self, *args: Any, context: DraftContext, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.context = context
        for f in self.fields.values():
            if isinstance(f, MemberChoice):
                f.choices = [("", f.member_blank), *context.members]
            elif isinstance(f, MemberChoices):
                f.choices = list(context.members)
        self.prepare()

    def prepare(self) -> None:
        """Set choices that depend on the draft (beyond the members)."""

    def section(self) -> dict[str, Any]:
        return {"answer": self.cleaned_data["answer"]}

    @staticmethod
    def initial_from(section: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in section.items() if k != "rows"}

    def require(self, name: str, message: StrOrPromise, when: bool) -> None:
        if when and self.cleaned_data.get(name) in (None, "", []):
            self.add_error(name, message)


class Row(Screen):
    """One row of a question that asks for several things; ``key`` keeps its identity across edits."""

    key = forms.CharField(widget=forms.HiddenInput, required=False)

    def section(self) -> dict[str, Any]:
        return {"key": self.cleaned_data.get("key") or ""}


# 1. The name


class NameScreen(Screen):
    name = forms.CharField(label=_("Its name"), max_length=300)
    started = forms.DateField(label=_("Since when (if you know)"), required=False, widget=DATE)

    def section(self) -> dict[str, Any]:
        out: dict[str, Any] = {"answer": "given", "name": self.cleaned_data["name"]}
        if self.cleaned_data.get("started"):
            out["started"] = _iso(self.cleaned_data["started"])
        return out


# 2. The members


class MembersScreen(Screen):
    def section(self) -> dict[str, Any]:
        return {"answer": "given"}


class MemberRow(Row):
    name = forms.CharField(
        label=_("Organization"), max_length=300, widget=forms.TextInput(attrs={"list": "registry-names"})
    )
    sector = _radio(choices(Sector), label=_("Sector"))
    registry_number = forms.CharField(label=_("Registry number (if you know it)"), max_length=20, required=False)

    def section(self) -> dict[str, Any]:
        """The member as answered; one found in the town's registry takes the registry's name and sector, so that
        the diagnosis before saving is the one after."""
        out = {
            **super().section(),
            "name": self.cleaned_data["name"].strip(),
            "sector": self.cleaned_data["sector"],
        }
        if self.cleaned_data.get("registry_number"):
            out["registry_number"] = self.cleaned_data["registry_number"].strip()
        found = match_organization(self.context.town, MemberRows.engine_member(self))
        if found is not None:
            out.update(name=found.name, sector=str(found.sector), registry=True)
        return out


class MemberRows(BaseFormSet[MemberRow]):
    """The members, checked against the town's registry: a member found there takes the registry's sector; one to
    be created must have a registry number the registry accepts."""

    context: DraftContext

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        names = [f.cleaned_data["name"].strip() for f in self.live_forms()]
        if len(set(names)) != len(names):
            raise forms.ValidationError(_("Each member is named once."))
        members = tuple(self.engine_member(f) for f in self.live_forms())
        problems = registry_problems(self.context.town, members)
        for index, form in enumerate(self.live_forms()):
            for problem in problems.get(index, ()):
                form.add_error("registry_number", problem)

    def live_forms(self) -> list[MemberRow]:
        return live_rows(self)

    @staticmethod
    def engine_member(form: MemberRow) -> e.Member:
        data = form.cleaned_data
        return e.Member("", data["name"].strip(), Sector(data["sector"]), registry_number=data.get("registry_number"))


def live_rows(rows: BaseFormSet[Any]) -> list[Any]:
    """The rows of a bound, valid formset that hold an answer: not blank, not ticked for removal."""
    return [f for f in rows.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


# 3. The convener


class ConvenerScreen(Screen):
    answer = _radio((), label=_("Who convenes it"))

    def prepare(self) -> None:
        answer = self.fields["answer"]
        assert isinstance(answer, forms.ChoiceField)
        answer.choices = [
            *self.context.members,
            ("none", _("Nobody in particular")),
            I_DONT_KNOW,
        ]


# 4. The signed documents


class DocumentsScreen(Screen):
    answer = _radio(YES_NO_UNKNOWN, label=_("Is there a signed document?"))


class DocumentRow(Row):
    kind = forms.ChoiceField(label=_("What kind of document"), choices=[("", "—"), *choices(DocumentKind)])
    title = forms.CharField(label=_("Its title (if it has one)"), max_length=200, required=False)
    signatories = _member_checkboxes(_("Who signed it"))
    signed = forms.DateField(label=_("Signed on (if you know)"), required=False, widget=DATE)
    valid_until = forms.DateField(label=_("Valid until (if it says)"), required=False, widget=DATE)

    def section(self) -> dict[str, Any]:
        data = self.cleaned_data
        out = {**super().section(), "kind": data["kind"], "signatories": list(data["signatories"])}
        if data.get("title"):
            out["title"] = data["title"].strip()
        for key in ("signed", "valid_until"):
            if data.get(key):
                out[key] = _iso(data[key])
        return out


# 5-7. How long, the standing body, how often


HORIZONS = [
    ("1", _("A single event, or a month")),
    ("3", _("About three months")),
    ("6", _("Half a year")),
    ("12", _("A year")),
    ("24", _("Two years")),
    ("36", _("Three years")),
    ("60", _("Five years or more, or open-ended")),
    ("other", _("Another length, in months")),
    I_DONT_KNOW,
]


class HorizonScreen(Screen):
    answer = _radio(HORIZONS, label=_("How long is it planned for?"))
    months = forms.IntegerField(label=_("Months"), min_value=0, max_value=1200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.require("months", _("Say how many months."), data.get("answer") == "other")
        return data

    def section(self) -> dict[str, Any]:
        answer = self.cleaned_data["answer"]
        if answer == UNKNOWN:
            return {"answer": UNKNOWN}
        months = self.cleaned_data["months"] if answer == "other" else int(answer)
        return {"answer": "months", "months": months}

    @staticmethod
    def initial_from(section: Mapping[str, Any]) -> dict[str, Any]:
        if section.get("answer") != "months":
            return {"answer": section.get("answer")}
        months = str(section["months"])
        if months in {code for code, _label in HORIZONS}:
            return {"answer": months}
        return {"answer": "other", "months": section["months"]}


class StandingBodyScreen(Screen):
    answer = _radio(YES_NO_UNKNOWN, label=_("Is there a standing joint body?"))


CADENCE_ORDER = (
    Cadence.WEEKLY,
    Cadence.BIWEEKLY,
    Cadence.MONTHLY,
    Cadence.BIMONTHLY,
    Cadence.QUARTERLY,
    Cadence.SEMIANNUAL,
    Cadence.YEARLY,
    Cadence.REGULAR,
    Cadence.AD_HOC,
    Cadence.NONE,
)


class CadenceScreen(Screen):
    answer = _radio([*choices(CADENCE_ORDER), I_DONT_KNOW], label=_("How often does it meet?"))


# 8-9. What each member puts in and gets back; a contract's payment

IN_RETURN = [
    (InReturn.NOTHING.value, _("Nothing")),
    (InReturn.RECOGNITION.value, _("Recognition only: thanks, its name on a sign, publicity")),
    (InReturn.DELIVERABLE.value, _("A deliverable it defined: it buys goods or a service")),
    (InReturn.SERVICE_OPERATION.value, _("The other side runs a service on its behalf")),
    (InReturn.RESOURCES.value, _("Other resources from the receiver: give and take")),
    (InReturn.SHARED_GOAL.value, _("Progress on the shared goal: it is a contribution to the joint effort")),
]
RESOURCE_TYPES = sorted(ResourceType, key=lambda t: (not RESOURCES[t].in_guide_list, list(ResourceType).index(t)))
GUIDE_TYPES = sum(1 for t in ResourceType if RESOURCES[t].in_guide_list)
"""The guide's own six types come first; the others fold away under "More types"."""


class ContributionsScreen(Screen):
    answer = _radio(
        [("known", _("I can say what each member puts in")), I_DONT_KNOW], label=_("What each member puts in")
    )


class ContributionRow(Row):
    giver = _member_select(pgettext_lazy("partnership", "Member"))
    types = FoldingChoices(
        fold_after=GUIDE_TYPES,
        label=_("What it puts in"),
        choices=choices(RESOURCE_TYPES),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The first six are the guide's own examples. Leave all empty if it puts in nothing."),
    )
    receiver = _member_select(_("To whom"), required=False, blank=_("To the joint pool, decided together"))
    in_return = _radio(IN_RETURN, label=_("What it gets back"), initial=InReturn.SHARED_GOAL.value)

    @property
    def fold_open(self) -> bool:
        """Whether the resource types beyond the guide's six are shown open (one of them is ticked)."""
        ticked = self["types"].value() or []
        return any(t not in {r.value for r in RESOURCE_TYPES[:GUIDE_TYPES]} for t in ticked)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("receiver") and data.get("receiver") == data.get("giver"):
            self.add_error("receiver", _("A member cannot give to itself."))
        return data

    def section(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "giver": data["giver"],
            "types": list(data["types"]),
            "receiver": data.get("receiver") or None,
            "in_return": data["in_return"],
        }


class PaymentsScreen(Screen):
    answer = _radio(
        [("known", _("I can say who pays whom")), I_DONT_KNOW], label=_("The money paid under the contract")
    )


class PaymentRow(Row):
    document = forms.CharField(widget=forms.HiddenInput)
    payer = _member_select(_("Who pays"))
    payee = _member_select(_("Who is paid"))
    in_return = _radio(IN_RETURN, label=_("What the payer gets in return"), initial=InReturn.DELIVERABLE.value)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("payer") and data.get("payer") == data.get("payee"):
            self.add_error("payee", _("The payer and the payee are two different members."))
        return data

    def section(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "document": data["document"],
            "payer": data["payer"],
            "payee": data["payee"],
            "in_return": data["in_return"],
        }

    def contract(self) -> str:
        key = self.initial.get("document") or self.data.get(self.add_prefix("document"), "")
        return dict(self.context.contracts).get(str(key), "")


# 10-11. Who decides, and who was in the last decisions


class DecisionRulesScreen(Screen):
    answer = _radio(
        [("members", _("These members have a say")), ("unknown", _("It does not say, or I don't know"))],
        label=_("Who has a say in decisions under the signed document?"),
    )
    members = _member_checkboxes(_("Members with a say"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.require("members", _("Tick the members that have a say."), data.get("answer") == "members")
        return data

    def section(self) -> dict[str, Any]:
        if self.cleaned_data["answer"] == UNKNOWN:
            return {"answer": UNKNOWN}
        return {"answer": "members", "members": list(self.cleaned_data["members"])}


class DecisionsScreen(Screen):
    answer = _radio(
        [
            ("yes", _("Yes, I can list the last decisions")),
            ("no", _("No decision has been taken together yet")),
            I_DONT_KNOW,
        ],
        label=_("The last decisions about the joint work"),
    )


METHODS = [
    (DecisionMethod.CONSENSUS.value, _("Together, by agreement")),
    (DecisionMethod.VOTE.value, _("By a vote")),
    (DecisionMethod.CONSULTATION.value, _("One member decided after asking the others")),
    (DecisionMethod.UNILATERAL.value, _("One member decided alone")),
]


class DecisionRow(Row):
    subject = forms.CharField(label=_("What was decided"), max_length=300)
    date = forms.DateField(label=_("When (roughly is fine)"), widget=DATE)
    participants = _member_checkboxes(_("Who took part (present or asked)"), required=True)
    method = _radio(METHODS, label=_("How it was decided"), initial=DecisionMethod.CONSENSUS.value)
    statutory = forms.BooleanField(
        label=_("A statutory decision of the authority (a permit, a budget, a tender), reported to the partners"),
        required=False,
    )

    def section(self) -> dict[str, Any]:
        data = self.cleaned_data
        out = {
            "subject": data["subject"].strip(),
            "date": _iso(data["date"]),
            "participants": list(data["participants"]),
            "method": data["method"],
        }
        if data.get("statutory"):
            out["statutory"] = True
        return out


# 12. The joint activities and who organizes them


class ActivitiesScreen(Screen):
    answer = _radio(
        [("yes", _("Yes, these")), ("no", _("No joint activity yet")), I_DONT_KNOW], label=_("Joint activities")
    )


class ActivityRow(Row):
    title = forms.CharField(label=_("What it was"), max_length=300)
    date = forms.DateField(label=_("When (roughly is fine)"), widget=DATE)
    organizers = _member_checkboxes(_("Who organized it"))
    organizers_unknown = forms.BooleanField(label=_("I don't know who organized it"), required=False)
    beneficiaries = forms.CharField(label=_("Who it served (if you know)"), max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("organizers") and not data.get("organizers_unknown"):
            self.add_error("organizers", _("Tick who organized it, or tick that you don't know."))
        elif data.get("organizers") and data.get("organizers_unknown"):
            self.add_error("organizers_unknown", _("Either tick who organized it or that you don't know, not both."))
        return data

    def section(self) -> dict[str, Any]:
        data = self.cleaned_data
        out: dict[str, Any] = {
            "title": data["title"].strip(),
            "date": _iso(data["date"]),
            "organizers": None if data.get("organizers_unknown") else list(data["organizers"]),
        }
        if data.get("beneficiaries"):
            out["beneficiaries"] = data["beneficiaries"].strip()
        return out

    @staticmethod
    def initial_from(section: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **section,
            "organizers": section.get("organizers") or [],
            "organizers_unknown": section.get("organizers") is None,
        }


# 13-14. The public goal and who benefits


class WrittenAnswer(Screen):
    """A question answered by a choice, one of which (``written``) is told in words."""

    written = ""
    missing: StrOrPromise = ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.require("text", self.missing, data.get("answer") == self.written)
        return data

    def section(self) -> dict[str, Any]:
        out = super().section()
        if out["answer"] == self.written:
            out["text"] = self.cleaned_data["text"].strip()
        return out


class PublicGoalScreen(WrittenAnswer):
    answer = _radio(
        [("yes", _("Yes, this one")), ("none", _("There is no public goal")), I_DONT_KNOW],
        label=_("Is there a stated public goal?"),
    )
    text = forms.CharField(label=_("The public goal"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    written, missing = "yes", _("Write the public goal.")


class BeneficiariesScreen(WrittenAnswer):
    answer = _radio(
        [
            ("outside", _("People or groups outside the partner organizations")),
            ("partners", _("Only the partner organizations themselves")),
            I_DONT_KNOW,
        ],
        label=_("Who benefits?"),
    )
    text = forms.CharField(label=_("Who (one group a line)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    written, missing = "outside", _("Name who benefits.")


# 15-17. Everyday relations: information, adjusted activities, rivalry


class InformationScreen(Screen):
    answer = _radio(
        [
            ("both", _("Yes, both ways")),
            ("one_way", _("Only one way")),
            ("none", _("No")),
            I_DONT_KNOW,
        ],
        label=_("Do the members tell each other about their plans and work?"),
    )
    source = _member_select(_("If only one way: from whom"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.require("source", _("Say who informs the others."), data.get("answer") == "one_way")
        return data

    def section(self) -> dict[str, Any]:
        out = super().section()
        if out["answer"] == "one_way":
            out["from"] = self.cleaned_data["source"]
        return out

    @staticmethod
    def initial_from(section: Mapping[str, Any]) -> dict[str, Any]:
        return {"answer": section.get("answer"), "source": section.get("from")}


class AdjustmentScreen(Screen):
    answer = _radio(YES_NO_UNKNOWN, label=_("Has a member changed an activity because of another?"))
    by = _member_select(_("Who changed it"), required=False)
    for_member = _member_select(_("Because of whom"), required=False, blank=_("The others in general"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.require("by", _("Say who changed an activity."), data.get("answer") == "yes")
        return data

    def section(self) -> dict[str, Any]:
        out = super().section()
        if out["answer"] == "yes":
            out.update({"by": self.cleaned_data["by"], "for": self.cleaned_data.get("for_member") or None})
        return out

    @staticmethod
    def initial_from(section: Mapping[str, Any]) -> dict[str, Any]:
        return {"answer": section.get("answer"), "by": section.get("by"), "for_member": section.get("for")}


class RivalryScreen(Screen):
    answer = _radio(YES_NO_UNKNOWN, label=_("Do members compete for the same things?"))
    first = _member_select(_("Who competes"), required=False)
    second = _member_select(_("With whom"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rivals = data.get("answer") == "yes"
        self.require("first", _("Say who competes."), rivals)
        self.require("second", _("Say with whom."), rivals)
        if rivals and data.get("first") and data.get("first") == data.get("second"):
            self.add_error("second", _("A member does not compete with itself."))
        return data

    def section(self) -> dict[str, Any]:
        out = super().section()
        if out["answer"] == "yes":
            out["between"] = [self.cleaned_data["first"], self.cleaned_data["second"]]
        return out

    @staticmethod
    def initial_from(section: Mapping[str, Any]) -> dict[str, Any]:
        first, second = (*section.get("between", ()), None, None)[:2]
        return {"answer": section.get("answer"), "first": first, "second": second}


# The screens in order (shutafut.diagnosis.guided.QUESTIONS), with the words a person reads


@dataclass(frozen=True)
class Step:
    """A screen: its question and help in plain words, its form, and its rows when it asks for several things."""

    code: str
    question: StrOrPromise
    help: StrOrPromise
    screen: type[Screen]
    row: type[Row] | None = None
    rows_when: frozenset[str] = frozenset()
    """The answers that are told by rows (empty: every answer)."""
    rows_needed: StrOrPromise | None = None
    """Said when such an answer comes with no row."""
    row_label: StrOrPromise | None = None
    add_label: StrOrPromise | None = None
    key_prefix: str = "r"


STEPS: dict[str, Step] = {
    s.code: s
    for s in (
        Step(
            "name",
            _("What is the arrangement called?"),
            _(
                "An arrangement that already exists: a programme, a forum, a joint project, an agreement. The name is"
                " only for you; the start date, if you know it, lets the diagnosis leave out anything dated earlier."
            ),
            NameScreen,
        ),
        Step(
            "members",
            _("Who takes part, and from which sector?"),
            _(
                "Each organization in it: the public sector (the local authority, a ministry, a statutory body), the"
                " third sector (a nonprofit, a foundation, a community group) or the business sector. Names the town's"
                " registry knows are suggested as you type; a registry number finds the organization there."
            ),
            MembersScreen,
            MemberRow,
            rows_needed=_("Name at least one member."),
            row_label=pgettext_lazy("partnership", "Member"),
            add_label=_("Add another member"),
            key_prefix="m",
        ),
        Step(
            "convener",
            _("Who convenes it?"),
            _("The member that calls the meetings and holds the process together. The guide expects the public body."),
            ConvenerScreen,
        ),
        Step(
            "documents",
            _("Is there a signed document, and who signed it?"),
            _(
                "An agreement, a charter, a memorandum of understanding, a steering committee's mandate, or a contract."
                " The guide asks for an explicit framework: a document that every member has signed. A contract alone"
                " does not make one."
            ),
            DocumentsScreen,
            DocumentRow,
            rows_when=frozenset({"yes"}),
            rows_needed=_("Describe the signed document, or answer No or I don't know."),
            row_label=_("Document"),
            add_label=_("Add another document"),
            key_prefix="d",
        ),
        Step(
            "horizon",
            _("How long is it planned for?"),
            _("The guide asks for an ongoing framework; Shutafut counts six months or more as ongoing."),
            HorizonScreen,
        ),
        Step(
            "standing_body",
            _("Is there a standing joint body?"),
            _("A steering committee, a round table or a forum with a set membership, that goes on between meetings."),
            StandingBodyScreen,
        ),
        Step(
            "cadence",
            _("How often does the joint body meet?"),
            _(
                "If the members meet regularly but you do not know how often, say so: with a standing joint body that"
                " counts as a set cadence."
            ),
            CadenceScreen,
        ),
        Step(
            "contributions",
            _("What does each member put in, and what does it get back?"),
            _(
                "The guide's partnership steers resources of different types together. Money for a deliverable the"
                " payer defined is a purchase; for running its service, outsourcing; for recognition only, a donation."
            ),
            ContributionsScreen,
            ContributionRow,
            rows_when=frozenset({"known"}),
            row_label=_("Contribution"),
            add_label=_("Add another contribution"),
        ),
        Step(
            "payments",
            _("Who pays whom under the contract?"),
            _(
                "A contract usually moves money: who pays, who is paid, and for what. Without it the diagnosis cannot"
                " tell a partnership from a purchase of services or outsourcing."
            ),
            PaymentsScreen,
            PaymentRow,
            rows_when=frozenset({"known"}),
            row_label=_("Contract"),
        ),
        Step(
            "decision_rules",
            _("Who decides, under the signed document?"),
            _("The guide asks that every partner take part in the decisions."),
            DecisionRulesScreen,
        ),
        Step(
            "decisions",
            _("Who was in the last decisions?"),
            _(
                "The last few decisions about the joint work, and who took part in each (present, or asked before it"
                " was taken). A statutory decision of the authority may stay with it."
            ),
            DecisionsScreen,
            DecisionRow,
            rows_when=frozenset({"yes"}),
            rows_needed=_("List at least one decision, or answer No or I don't know."),
            row_label=_("Decision"),
            add_label=_("Add another decision"),
        ),
        Step(
            "activities",
            _("Who organizes the joint activities?"),
            _(
                "Events, programmes, services run for the public. An activity that two members or more organize"
                " together shows they adjust their work to each other; activities on different dates show it goes on."
            ),
            ActivitiesScreen,
            ActivityRow,
            rows_when=frozenset({"yes"}),
            rows_needed=_("List at least one activity, or answer No or I don't know."),
            row_label=_("Activity"),
            add_label=_("Add another activity"),
        ),
        Step(
            "public_goal",
            _("What public goal does it serve?"),
            _("The guide's partnership pursues public goals, not only its members' own."),
            PublicGoalScreen,
        ),
        Step(
            "beneficiaries",
            _("Who benefits?"),
            _("The guide asks for action that serves the community, beyond the partner organizations."),
            BeneficiariesScreen,
        ),
        Step(
            "information",
            _("Do the members tell each other about their plans and work?"),
            _("Newsletters, shared plans or data, reports. This places it on the lower rungs of the ladder."),
            InformationScreen,
        ),
        Step(
            "adjustment",
            _("Has a member changed an activity because of another?"),
            _("For example to avoid duplication, to split target groups or to align timetables."),
            AdjustmentScreen,
        ),
        Step(
            "rivalry",
            _("Do members compete for the same things?"),
            _("Funding calls, tenders, donors, beneficiaries or attention."),
            RivalryScreen,
        ),
    )
}


class StepForms:
    """A screen's form and rows, bound to what was posted or filled from the draft."""

    def __init__(
        self, step: Step, context: DraftContext, data: Mapping[str, Any] | None = None, *, add_row: bool = False
    ):
        self.step = step
        self.context = context
        section = context.draft.get(step.code, {})
        initial = step.screen.initial_from(section)
        self.screen = step.screen(data, initial=initial, context=context)
        self.rows: BaseFormSet[Any] | None = None
        if step.row is None:
            return
        kept = [step.row.initial_from(r) for r in section.get("rows", ())]
        prefilled = self._prefilled(kept)
        fixed = step.code == "payments"
        factory = forms.formset_factory(
            step.row,
            formset=MemberRows if step.code == "members" else BaseFormSet,
            extra=0 if fixed or prefilled else (2 if step.code == "members" and not kept else 1),
            can_delete=not fixed,
        )
        if data is not None and add_row:
            total = f"rows-{forms.formsets.TOTAL_FORM_COUNT}"
            count = str(int(data.get(total) or 0) + 1)
            if isinstance(data, QueryDict):  # a copy keeps every value of a multiple choice
                data = data.copy()
                data[total] = count
            else:
                data = {**data, total: count}
        self.rows = factory(data, initial=prefilled or kept, prefix="rows", form_kwargs={"context": context})
        if isinstance(self.rows, MemberRows):
            self.rows.context = context

    def _prefilled(self, kept: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rows offered before the person writes any: one contribution per member, one payment per contract."""
        if self.step.code == "payments":
            by_document = {str(r.get("document")): r for r in kept}
            return [by_document.get(key, {"document": key}) for key, _label in self.context.contracts]
        if self.step.code == "contributions" and not kept:
            return [{"giver": key} for key, _name in self.context.members]
        return []

    def rows_apply(self) -> bool:
        """Whether the rows tell this answer (the documents only when there is a signed document...)."""
        if self.rows is None:
            return False
        if not self.step.rows_when:
            return True
        return "answer" in self.screen.fields and self.screen["answer"].value() in self.step.rows_when

    def is_valid(self) -> bool:
        valid = self.screen.is_valid()
        if self.rows is not None and self.rows_apply():
            valid = self.rows.is_valid() and valid
            if valid and self.step.rows_needed and not live_rows(self.rows):
                self.screen.add_error(None, self.step.rows_needed)
                valid = False
        return valid

    def section(self) -> dict[str, Any]:
        """The draft's section for this screen (call after ``is_valid``). Rows an answer does not use are kept from
        before, so that answering "no" and then "yes" again finds them; the mapping reads them only with "yes"."""
        out = self.screen.section()
        if self.rows is not None and self.rows_apply():
            out["rows"] = self._with_keys([f.section() for f in live_rows(self.rows)])
        elif self.context.draft.get(self.step.code, {}).get("rows"):
            out["rows"] = self.context.draft[self.step.code]["rows"]
        return out

    def _with_keys(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        prefix = self.step.key_prefix
        used = {str(r["key"]) for r in rows if r.get("key")}
        n = 0
        for row in rows:
            if "key" in row and not row["key"]:
                while f"{prefix}{n + 1}" in used:
                    n += 1
                n += 1
                row["key"] = f"{prefix}{n}"
                used.add(row["key"])
        return rows
