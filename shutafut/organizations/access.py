"""The gates of organizations and the people who represent them (over the generic gate in accounts), and the
rule every record gate of a town applies to a partner's representative.

A coordinator edits the whole town. A user of the member role is a partner's representative: they edit only what
an organization they represent is party to (that organization and its people; the ties and partnerships it is a
side or a member of, and their records). Anything else answers the same 404 as a missing record, so a
representative cannot tell another organization's edit page from one that does not exist. Reading is not
narrowed: every member of the town reads the town.

Which organizations a user represents is recorded above this app (a partnership's member representatives, in the
workspace), which plugs its answer in with ``represented_by`` when it starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.http import Http404

from shutafut.accounts.access import AnyUser, access_owned, membership_in
from shutafut.accounts.models import Membership, Role, Town
from shutafut.organizations.models import Organization, Person

Represented = Callable[[AnyUser, int], set[int]]
"""Given a user and a town's id: the ids of the organizations of that town that the user represents."""

_REPRESENTED: list[Represented] = []


def represented_by(provider: Represented) -> None:
    """Plug in a source of the organizations a user represents (called from an app's ``ready``)."""
    if provider not in _REPRESENTED:
        _REPRESENTED.append(provider)


def represented_organizations(user: AnyUser, town_id: int) -> set[int]:
    """The ids of the organizations of the town that ``user`` represents (none for an anonymous user)."""
    if not user.is_authenticated:
        return set()
    found: set[int] = set()
    for provider in _REPRESENTED:
        found |= provider(user, town_id)
    return found


def edits_for_the_town(user: AnyUser, town_id: int) -> bool:
    """True for a coordinator of the town (or a superuser): they edit every record of the town."""
    membership = membership_in(user, town_id)
    return membership is not None and membership.allows(Role.COORDINATOR)


def require_party(user: AnyUser, town_id: int, parties: Iterable[int | None], role: Role) -> None:
    """For a write (``role`` is the member role), raise the 404 of a missing record unless the user edits for the
    town or represents one of ``parties`` (organization ids). Reads (``role`` viewer) and coordinators' acts
    (``role`` coordinator, checked by the generic gate) pass through."""
    if role != Role.MEMBER:
        return
    membership = membership_in(user, town_id)
    if membership is None or not _writes_for(membership, user, town_id, parties):
        raise Http404


def may_edit(user: AnyUser, town_id: int, parties: Iterable[int | None]) -> bool:
    """True when ``user`` may write a record that ``parties`` (organization ids) are party to: what a page asks
    before it offers an edit button (the gate itself still decides)."""
    membership = membership_in(user, town_id)
    return membership is not None and membership.allows(Role.MEMBER) and _writes_for(membership, user, town_id, parties)


def _writes_for(membership: Membership, user: AnyUser, town_id: int, parties: Iterable[int | None]) -> bool:
    """The rule: the town's coordinator writes every record; another member, those an organization they represent
    is party to."""
    if membership.allows(Role.COORDINATOR):
        return True
    return bool(represented_organizations(user, town_id) & {p for p in parties if p is not None})


def access_organization(
    user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER
) -> Organization:
    organization = access_owned(Organization.objects.select_related("town"), user, pk, town=town, role=role)
    require_party(user, organization.town_id, [organization.pk], role)
    return organization


def access_person(user: AnyUser, pk: object, *, town: Town | None = None, role: Role = Role.VIEWER) -> Person:
    person = access_owned(Person.objects.select_related("organization"), user, pk, town=town, role=role)
    require_party(user, person.town_id, [person.organization_id], role)
    return person
