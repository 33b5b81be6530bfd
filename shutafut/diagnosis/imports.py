"""Import a partnership described in the diagnosis input format (docs/diagnosis.md) as the town's records.

The same file a researcher diagnoses with ``shutafut diagnose FILE`` becomes a partnership of a town, so the
command line, the API and the page can be checked against one another. Each member is matched to the town's
registry by its registry number, else by its name, and created when neither finds it. The whole import is one
transaction: it lands whole or not at all, and a member the registry refuses is named with the reason.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from shutafut.accounts.models import Town
from shutafut.diagnosis import engine as e
from shutafut.lib.services import model_create
from shutafut.model.sectors import Sector
from shutafut.organizations.models import LegalForm, Organization
from shutafut.organizations.registry import normalize
from shutafut.partnerships import services
from shutafut.partnerships.models import Approval, Decision, FlowKind, Member, Partnership, ResourceFlow
from shutafut.workspace.services import norm_add

DEFAULTS_BY_SECTOR = {
    Sector.PUBLIC: ("authority_department", LegalForm.LOCAL_AUTHORITY),
    Sector.THIRD: ("nonprofit", LegalForm.AMUTA),
    Sector.BUSINESS: ("corporation", LegalForm.COMPANY),
}
# A nine-digit registry number tells the legal form by its prefix (organizations/registry.py).
THIRD_SECTOR_BY_PREFIX = {
    "58": ("nonprofit", LegalForm.AMUTA),
    "57": ("cooperative", LegalForm.COOPERATIVE),
    "50": ("endowment", LegalForm.ENDOWMENT),
    "51": ("public_benefit_company", LegalForm.PUBLIC_BENEFIT_COMPANY),
    "52": ("public_benefit_company", LegalForm.PUBLIC_BENEFIT_COMPANY),
}


def match_organization(town: Town, member: e.Member) -> Organization | None:
    """The town's organization for ``member``: by its registry number when it has one, else by its name."""
    number = normalize(member.registry_number or "")
    if number:
        found = Organization.objects.filter(town=town, registry_number=number).first()
        if found is not None:
            return found
    return Organization.objects.filter(town=town, name=member.name).first()


def new_organization(town: Town, member: e.Member) -> Organization:
    """The organization an import would create for ``member`` (not saved): subtype and legal form follow the sector,
    or the registry number's prefix in the third sector."""
    number = normalize(member.registry_number or "")
    subtype, legal_form = DEFAULTS_BY_SECTOR[member.sector]
    if member.sector is Sector.THIRD and number[:2] in THIRD_SECTOR_BY_PREFIX:
        subtype, legal_form = THIRD_SECTOR_BY_PREFIX[number[:2]]
    return Organization(
        town=town,
        name=member.name,
        sector=member.sector,
        subtype=subtype,
        legal_form=legal_form,
        registry_number=number,
    )


def registry_problems(town: Town, members: tuple[e.Member, ...]) -> dict[int, list[str]]:
    """What the registry would refuse in the members an import would create, by the member's index."""
    problems: dict[int, list[str]] = {}
    for index, member in enumerate(members):
        if match_organization(town, member) is None:
            refusals = _refusals(new_organization(town, member))
            if refusals:
                problems[index] = refusals
    return problems


def _refusals(organization: Organization) -> list[str]:
    """Each field the registry refuses in ``organization``, as "field: reason"."""
    try:
        organization.full_clean()
    except ValidationError as exc:
        return [f"{_field_label(field)}: {' '.join(texts)}" for field, texts in exc.message_dict.items()]
    return []


def _field_label(field: str) -> str:
    if field == "__all__":
        return gettext("organization")
    return str(getattr(Organization._meta.get_field(field), "verbose_name", field))


def _organization(town: Town, index: int, member: e.Member) -> Organization:
    found = match_organization(town, member)
    if found is not None:
        return found
    organization = new_organization(town, member)
    refusals = _refusals(organization)
    if refusals:
        raise ValidationError(
            gettext("Member %(index)s (%(name)s): %(problems)s")
            % {"index": index + 1, "name": member.name, "problems": "; ".join(refusals)}
        )
    organization.save()
    return organization


@transaction.atomic
def partnership_import(*, town: Town, record: e.Partnership) -> Partnership:
    """Create the partnership ``record`` describes in ``town``; return it."""
    members: dict[str, Member] = {}
    partnership = model_create(
        Partnership,
        town=town,
        name=record.name,
        public_goals=record.public_goal or "",
        beneficiaries="\n".join(record.beneficiaries or ()),
        started_on=record.started,
        horizon_months=record.horizon_months,
        standing_body=record.standing_body,
        meeting_cadence=record.meeting_cadence.value if record.meeting_cadence else "",
    )
    for index, m in enumerate(record.members):
        members[m.id] = model_create(
            Member,
            partnership=partnership,
            organization=_organization(town, index, m),
            roles=[r.value for r in m.roles],
            joined_on=m.joined,
            mandate="recorded" if m.mandate else "",
        )
    with services.partnership_batch(partnership):
        if record.convener and record.convener in members:
            partnership.convener = members[record.convener].organization
            partnership.save(update_fields=["convener"])

        def pick(ids: tuple[str, ...] | None) -> list[Member]:
            return [members[i] for i in ids or () if i in members]

        decisions: dict[str, Decision] = {}
        for d in record.decisions or ():
            decisions[d.id] = services.decision_create(
                partnership=partnership,
                participants=pick(d.participants),
                consulted=pick(d.consulted),
                recusals=pick(d.recusals),
                date=d.date,
                subject=d.subject or d.id,
                method=d.method.value,
                reserved_to_public_body=d.reserved_to_public,
            )
        for doc in record.framework_documents or ():
            services.document_create(
                partnership=partnership,
                signatories=pick(doc.signatories),
                decision_members=pick(doc.decision_members),
                kind=doc.kind.value,
                title=doc.id,
                signed_on=doc.signed,
                valid_until=doc.valid_until,
            )
        pledges: dict[str, ResourceFlow] = {}
        flows: list[tuple[FlowKind, e.Pledge | e.Delivery]] = [(FlowKind.PLEDGE, p) for p in record.pledges or ()]
        flows += [(FlowKind.DELIVERY, d) for d in record.deliveries or ()]
        for kind, flow in flows:
            extra: dict[str, Any] = {}
            if isinstance(flow, e.Delivery):
                extra = {"date": flow.date, "fulfils": pledges.get(flow.pledge or "")}
            saved = services.flow_create(
                partnership=partnership,
                kind=kind,
                giver=members[flow.giver],
                receiver=members.get(flow.receiver or ""),
                resource_type=flow.type.value,
                value=flow.value,
                in_return=flow.in_return.value,
                approval=flow.approval.kind.value if flow.approval else Approval.NONE,
                approval_ref=(flow.approval.ref or "") if flow.approval else "",
                allocation_decision=decisions.get(flow.allocation_decision or ""),
                description=flow.id,
                **extra,
            )
            if kind == FlowKind.PLEDGE:
                pledges[flow.id] = saved
        for a in record.activities or ():
            services.activity_create(
                partnership=partnership,
                organizers=pick(a.organizers),
                date=a.date,
                title=a.id,
                beneficiaries_description="; ".join(a.beneficiaries),
            )
        for i in record.interests or ():
            services.interest_create(
                member=members[i.member],
                before=members.get(i.before),
                kind=i.kind.value,
                description=i.id,
                is_open=i.open,
                recusal_recorded=i.recusal_recorded,
            )
        for text in record.working_norms or ():
            norm_add(partnership=partnership, dimension="", text=text)
        for x in record.interactions or ():
            services.interaction_create(
                partnership=partnership,
                kind=x.kind.value,
                source=members[x.source],
                target=members.get(x.target or ""),
                date=x.date,
            )
    return partnership
