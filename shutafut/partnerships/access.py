"""The gate of partnerships (over the generic gate in accounts).

A partner's representative edits the partnerships one of their organizations is a member (or the convener) of,
and those partnerships' records; any other partnership's write pages answer 404 (see
``organizations.access.require_party``). Publishing a partnership's public page is the coordinator's act, or that
of a representative of the convener.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from shutafut.accounts.access import AnyUser, access_owned
from shutafut.accounts.models import Role, Town
from shutafut.organizations.access import edits_for_the_town, represented_organizations, require_party
from shutafut.partnerships.models import Partnership


def parties_of(partnership: Partnership) -> list[int | None]:
    """The organizations party to the partnership: its convener and every member."""
    members = list(partnership.members.values_list("organization_id", flat=True))
    return [partnership.convener_id, *members]


def access_partnership(user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER) -> Partnership:
    partnership = access_owned(Partnership.objects.select_related("town", "convener"), user, pk, town=town, role=role)
    if role == Role.MEMBER:
        require_party(user, partnership.town_id, parties_of(partnership), role)
    return partnership


def may_publish(user: AnyUser, partnership: Partnership) -> bool:
    """True for the town's coordinator and for a representative of the partnership's convener."""
    if edits_for_the_town(user, partnership.town_id):
        return True
    convener = partnership.convener_id
    return convener is not None and convener in represented_organizations(user, partnership.town_id)


def access_partnership_to_publish(user: AnyUser, pk: object, *, town: Town | None = None) -> Partnership:
    """The partnership whose public page ``user`` may switch on or off: 404 as for any write the user may not
    make, 403 for a partnership they edit but do not publish."""
    partnership = access_partnership(user, pk, town=town, role=Role.MEMBER)
    if not may_publish(user, partnership):
        raise PermissionDenied
    return partnership
