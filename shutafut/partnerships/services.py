"""Writes to partnerships and their parts. Every write is validated in full and atomic, and every change to a
partnership's records is announced (``partnership_changed``, in the same transaction) to the apps that keep
something derived from them, such as the diagnosis history."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext

from shutafut.accounts.models import Town
from shutafut.lib.services import model_create, model_delete, model_update
from shutafut.model.records import DocumentKind, InReturn
from shutafut.model.resources import ResourceType
from shutafut.partnerships.models import (
    Activity,
    Decision,
    FlowKind,
    FrameworkDocument,
    Interaction,
    Member,
    MemberInterest,
    Partnership,
    ResourceFlow,
)
from shutafut.partnerships.signals import partnership_changed

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=Model)


def _partnership_of(result: object) -> Partnership:
    if isinstance(result, Partnership):
        return result
    if isinstance(result, MemberInterest):
        return result.member.partnership
    if isinstance(result, Member | ResourceFlow | Decision | Activity | FrameworkDocument | Interaction):
        return result.partnership
    raise TypeError(f"not a part of a partnership: {result!r}")


_batch: ContextVar[bool] = ContextVar("partnership_batch", default=False)


def announce_change(partnership: Partnership) -> None:
    """Send ``partnership_changed`` for ``partnership`` now; inside a ``partnership_batch``, leave it to the batch.

    For the services of other apps whose writes feed the partnership's picture (call it inside their transaction).
    """
    if not _batch.get():
        partnership_changed.send(sender=Partnership, partnership=partnership)


@contextmanager
def partnership_batch(partnership: Partnership) -> Iterator[None]:
    """Make many changes to one partnership atomically and announce them once, at the end (e.g. an import)."""
    token = _batch.set(True)
    try:
        with transaction.atomic():
            yield
            partnership_changed.send(sender=Partnership, partnership=partnership)
    finally:
        _batch.reset(token)


def changes_partnership(service: Callable[P, R]) -> Callable[P, R]:
    """Run ``service`` atomically, then announce the change of the partnership it changed (in a batch: at its end)."""

    @wraps(service)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        with transaction.atomic():
            result = service(*args, **kwargs)
            announce_change(_partnership_of(result))
        return result

    return wrapped


@changes_partnership
def partnership_create(*, town: Town, **fields: Any) -> Partnership:
    """Create a partnership; its convener, if any, becomes its first member."""
    partnership = model_create(Partnership, town=town, **fields)
    if partnership.convener is not None:
        model_create(Member, partnership=partnership, organization=partnership.convener, roles=["initiator"])
    return partnership


@changes_partnership
def partnership_update(partnership: Partnership, /, *, as_of: str | None = None, **fields: Any) -> Partnership:
    """Change a partnership's own fields; ``as_of`` (the version the form was drawn from) refuses a stale save."""
    return model_update(partnership, as_of=as_of, **fields)


@changes_partnership
def member_add(*, partnership: Partnership, **fields: Any) -> Member:
    return model_create(Member, partnership=partnership, **fields)


@changes_partnership
def member_update(member: Member, **fields: Any) -> Member:
    return model_update(member, **fields)


@changes_partnership
def flow_create(*, partnership: Partnership, **fields: Any) -> ResourceFlow:
    return model_create(ResourceFlow, partnership=partnership, **fields)


def _require_members(partnership: Partnership, field: str, members: Iterable[Member]) -> list[Member]:
    chosen = list(members)
    outsiders = [m for m in chosen if m.partnership_id != partnership.pk]
    if outsiders:
        raise ValidationError(
            {
                field: gettext("Not members of this partnership: %(names)s")
                % {"names": ", ".join(str(m.organization) for m in outsiders)}
            }
        )
    return chosen


def _create_with_members(
    model: type[M], partnership: Partnership, members: dict[str, Iterable[Member]], **fields: Any
) -> M:
    """Create a part of the partnership whose many-to-many member fields must hold members of it only."""
    chosen = {field: _require_members(partnership, field, value) for field, value in members.items()}
    instance = model_create(model, partnership=partnership, **fields)
    for field, value in chosen.items():
        getattr(instance, field).set(value)
    return instance


@changes_partnership
def decision_create(
    *,
    partnership: Partnership,
    participants: Iterable[Member],
    recusals: Iterable[Member] = (),
    consulted: Iterable[Member] = (),
    **fields: Any,
) -> Decision:
    """Record a decision. Its participants, the consulted and the recused must be members of the partnership."""
    present = list(participants)
    if not present:
        raise ValidationError({"participants": gettext("A decision needs at least one participant.")})
    members = {"participants": present, "recusals": recusals, "consulted": consulted}
    return _create_with_members(Decision, partnership, members, **fields)


@changes_partnership
def document_create(
    *,
    partnership: Partnership,
    signatories: Iterable[Member] = (),
    decision_members: Iterable[Member] = (),
    **fields: Any,
) -> FrameworkDocument:
    """Record a framework document; its signatories must be members of the partnership."""
    members = {"signatories": signatories, "decision_members": decision_members}
    return _create_with_members(FrameworkDocument, partnership, members, **fields)


def document_record(
    *,
    partnership: Partnership,
    payer: Member | None = None,
    payee: Member | None = None,
    payment_in_return: str = InReturn.DELIVERABLE,
    payment_value: Decimal | None = None,
    **fields: Any,
) -> FrameworkDocument:
    """Record a framework document and, for a contract, the money paid under it (from ``payer`` to ``payee``), in
    one transaction. A contract's payer and payee are asked for because a tender named without the money that flowed
    says too little about whether it is a purchase of services (docs/diagnosis.md, T7)."""
    with partnership_batch(partnership):
        document = document_create(partnership=partnership, **fields)
        if payer is not None or payee is not None:
            contract_payment_record(
                document=document, payer=payer, payee=payee, in_return=payment_in_return, value=payment_value
            )
    return document


@changes_partnership
def contract_payment_record(
    *,
    document: FrameworkDocument,
    payer: Member | None,
    payee: Member | None,
    in_return: str = InReturn.DELIVERABLE,
    value: Decimal | None = None,
) -> ResourceFlow:
    """Record the money paid under the contract ``document``: a pledge of budget from ``payer`` to ``payee``."""
    errors = {}
    if document.kind != DocumentKind.CONTRACT:
        errors["payer"] = gettext("Only a contract has a payment recorded with it.")
    if payer is None:
        errors["payer"] = gettext("Say who pays under the contract.")
    if payee is None:
        errors["payee"] = gettext("Say who is paid under the contract.")
    if errors:
        raise ValidationError(errors)
    return model_create(
        ResourceFlow,
        partnership=document.partnership,
        kind=FlowKind.PLEDGE,
        giver=payer,
        receiver=payee,
        resource_type=ResourceType.BUDGET,
        in_return=in_return,
        value=value,
        description=gettext("Payment under %(document)s") % {"document": document.title},
    )


@changes_partnership
def activity_create(*, partnership: Partnership, organizers: Iterable[Member] = (), **fields: Any) -> Activity:
    return _create_with_members(Activity, partnership, {"organizers": organizers}, **fields)


@changes_partnership
def activity_organizers_set(*, activity: Activity, organizers: Iterable[Member]) -> Activity:
    """Record who organized ``activity``: members of its partnership, at least one."""
    chosen = _require_members(activity.partnership, "organizers", organizers)
    if not chosen:
        raise ValidationError({"organizers": gettext("Tick who organized it.")})
    activity.organizers.set(chosen)
    return activity


@changes_partnership
def interaction_create(*, partnership: Partnership, **fields: Any) -> Interaction:
    return model_create(Interaction, partnership=partnership, **fields)


@changes_partnership
def interest_create(*, member: Member, **fields: Any) -> MemberInterest:
    before = fields.get("before")
    if before is not None and before.partnership_id != member.partnership_id:
        raise ValidationError({"before": gettext("Not a member of this partnership.")})
    return model_create(MemberInterest, member=member, **fields)


Part = Member | ResourceFlow | Decision | Activity | FrameworkDocument | Interaction | MemberInterest
"""The parts of a partnership that a page corrects and deletes one by one."""

PartT = TypeVar("PartT", Member, ResourceFlow, Decision, Activity, FrameworkDocument, Interaction, MemberInterest)


@changes_partnership
def part_update(*, part: PartT, as_of: str | None = None, **fields: Any) -> PartT:
    """Correct a part of a partnership: its own fields and its many-to-many member fields (members of the same
    partnership only). ``as_of`` is the version the form was drawn from: a stale save is refused, nothing saved."""
    partnership = _partnership_of(part)
    many = {f.name for f in part._meta.many_to_many}
    chosen = {name: _require_members(partnership, name, fields.pop(name)) for name in many & set(fields)}
    if isinstance(part, Decision) and "participants" in chosen and not chosen["participants"]:
        raise ValidationError({"participants": gettext("A decision needs at least one participant.")})
    if isinstance(part, MemberInterest):
        before = fields.get("before")
        member = fields.get("member", part.member)
        if (before is not None and before.partnership_id != partnership.pk) or member.partnership_id != partnership.pk:
            raise ValidationError({"before": gettext("Not a member of this partnership.")})
    updated = model_update(part, as_of=as_of, **fields)
    for name, members in chosen.items():
        getattr(updated, name).set(members)
    return updated


@changes_partnership
def part_delete(*, part: Part, as_of: str | None = None) -> Partnership:
    """Delete a part of a partnership with what depends on it (``lib.deletion``): refused, with nothing deleted,
    when a protected record needs it or when it changed since ``as_of``. Returns the partnership, whose change is
    announced (its diagnosis is worked out again)."""
    partnership = _partnership_of(part)
    model_delete(part, as_of=as_of)
    return partnership
