"""Import a partnership described in the diagnosis input format (docs/diagnosis.md) as the town's records.

The same file a researcher diagnoses with ``shutafut diagnose FILE`` becomes a partnership of a town, so the
command line, the API and the page can be checked against one another. Organizations are matched by name within
the town and created when missing. The whole import is one transaction: it lands whole or not at all.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from shutafut.accounts.models import Town
from shutafut.diagnosis import engine as e
from shutafut.lib.services import model_create
from shutafut.model.sectors import Sector
from shutafut.organizations.models import LegalForm, Organization
from shutafut.partnerships import services
from shutafut.partnerships.models import Approval, Decision, FlowKind, Member, Partnership, ResourceFlow
from shutafut.workspace.services import norm_add

DEFAULTS_BY_SECTOR = {
    Sector.PUBLIC: ("authority_department", LegalForm.LOCAL_AUTHORITY),
    Sector.THIRD: ("nonprofit", LegalForm.AMUTA),
    Sector.BUSINESS: ("corporation", LegalForm.COMPANY),
}


def _organization(town: Town, member: e.Member) -> Organization:
    found = Organization.objects.filter(town=town, name=member.name).first()
    if found is not None:
        return found
    subtype, legal_form = DEFAULTS_BY_SECTOR[member.sector]
    return model_create(
        Organization, town=town, name=member.name, sector=member.sector, subtype=subtype, legal_form=legal_form
    )


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
        meeting_cadence=record.meeting_cadence.value if record.meeting_cadence else "",
    )
    for m in record.members:
        members[m.id] = model_create(
            Member,
            partnership=partnership,
            organization=_organization(town, m),
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
