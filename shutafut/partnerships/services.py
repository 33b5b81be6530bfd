"""Writes to partnerships and their parts. Every write is validated in full and atomic, and every change to a
partnership's records refreshes its diagnosis history in the same transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext

from shutafut.accounts.models import Town
from shutafut.lib.services import model_create, model_update
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

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=Model)


def _partnership_of(result: object) -> Partnership:
    if isinstance(result, Partnership):
        return result
    if isinstance(result, MemberInterest):
        return result.member.partnership
    return result.partnership  # type: ignore[attr-defined, no-any-return]


_batch: ContextVar[bool] = ContextVar("partnership_batch", default=False)


@contextmanager
def partnership_batch(partnership: Partnership) -> Iterator[None]:
    """Make many changes to one partnership atomically and re-diagnose it once, at the end (e.g. an import)."""
    from shutafut.diagnosis.services import diagnosis_refresh

    token = _batch.set(True)
    try:
        with transaction.atomic():
            yield
            diagnosis_refresh(partnership)
    finally:
        _batch.reset(token)


def changes_partnership(service: Callable[P, R]) -> Callable[P, R]:
    """Run ``service`` atomically, then re-diagnose the partnership it changed (inside a batch: at its end)."""

    @wraps(service)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        from shutafut.diagnosis.services import diagnosis_refresh

        with transaction.atomic():
            result = service(*args, **kwargs)
            if not _batch.get():
                diagnosis_refresh(_partnership_of(result))
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
def partnership_update(partnership: Partnership, **fields: Any) -> Partnership:
    return model_update(partnership, **fields)


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


@changes_partnership
def activity_create(*, partnership: Partnership, organizers: Iterable[Member] = (), **fields: Any) -> Activity:
    return _create_with_members(Activity, partnership, {"organizers": organizers}, **fields)


@changes_partnership
def interaction_create(*, partnership: Partnership, **fields: Any) -> Interaction:
    return model_create(Interaction, partnership=partnership, **fields)


@changes_partnership
def interest_create(*, member: Member, **fields: Any) -> MemberInterest:
    before = fields.get("before")
    if before is not None and before.partnership_id != member.partnership_id:
        raise ValidationError({"before": gettext("Not a member of this partnership.")})
    return model_create(MemberInterest, member=member, **fields)
