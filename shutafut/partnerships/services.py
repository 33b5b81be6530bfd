"""Writes to partnerships and their parts. Every write is validated in full and atomic."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from shutafut.accounts.models import Town
from shutafut.lib.services import model_create, model_update
from shutafut.partnerships.models import (
    Activity,
    Decision,
    FrameworkDocument,
    Member,
    MemberInterest,
    Partnership,
    ResourceFlow,
)


def partnership_create(*, town: Town, **fields: Any) -> Partnership:
    """Create a partnership; its convener, if any, becomes its first member."""
    with transaction.atomic():
        partnership = model_create(Partnership, town=town, **fields)
        if partnership.convener is not None:
            model_create(Member, partnership=partnership, organization=partnership.convener, roles=["initiator"])
    return partnership


def partnership_update(partnership: Partnership, **fields: Any) -> Partnership:
    return model_update(partnership, **fields)


def member_add(*, partnership: Partnership, **fields: Any) -> Member:
    return model_create(Member, partnership=partnership, **fields)


def member_update(member: Member, **fields: Any) -> Member:
    return model_update(member, **fields)


def flow_create(*, partnership: Partnership, **fields: Any) -> ResourceFlow:
    return model_create(ResourceFlow, partnership=partnership, **fields)


def activity_create(*, partnership: Partnership, **fields: Any) -> Activity:
    return model_create(Activity, partnership=partnership, **fields)


def interest_create(*, member: Member, **fields: Any) -> MemberInterest:
    return model_create(MemberInterest, member=member, **fields)


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


@transaction.atomic
def decision_create(
    *,
    partnership: Partnership,
    participants: Iterable[Member],
    recusals: Iterable[Member] = (),
    **fields: Any,
) -> Decision:
    """Record a decision. Its participants and recusals must be members of the partnership."""
    chosen = _require_members(partnership, "participants", participants)
    recused = _require_members(partnership, "recusals", recusals)
    if not chosen:
        raise ValidationError({"participants": gettext("A decision needs at least one participant.")})
    decision = model_create(Decision, partnership=partnership, **fields)
    decision.participants.set(chosen)
    decision.recusals.set(recused)
    return decision


@transaction.atomic
def document_create(
    *, partnership: Partnership, signatories: Iterable[Member] = (), **fields: Any
) -> FrameworkDocument:
    """Record a framework document; its signatories must be members of the partnership."""
    chosen = _require_members(partnership, "signatories", signatories)
    document = model_create(FrameworkDocument, partnership=partnership, **fields)
    document.signatories.set(chosen)
    return document
