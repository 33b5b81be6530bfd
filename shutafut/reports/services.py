"""Writes of the reports app: imports of organizations, funding flows and the local-authorities table.

Every import first checks the whole file (``importers``) and builds a plan row by row. A dry run returns the
plan. A real run writes the plan in one transaction, and only when no row was rejected. Re-importing the same
file changes nothing: organizations are matched on (town, registry number), funding flows on (town, funder,
recipient, year), authorities on their CBS symbol.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shutafut.accounts.models import Town
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector
from shutafut.organizations.models import LegalForm, Organization
from shutafut.reports import importers as imp
from shutafut.reports.models import FundingFlow, LocalAuthority, authority_key

BATCH = 2000
Progress = Callable[[int], None]


@dataclass(slots=True)
class ImportResult:
    """What an import did, or would do (``written`` False), row by row."""

    kind: str
    rows: list[imp.RowPlan] = field(default_factory=list)
    file_error: str = ""
    written: bool = False
    dry_run: bool = True

    @property
    def counts(self) -> Counter[str]:
        return Counter(r.action for r in self.rows)

    @property
    def rejected(self) -> list[imp.RowPlan]:
        return [r for r in self.rows if r.action == "reject"]

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.rejected

    def summary(self) -> str:
        c = self.counts
        return _(
            "%(create)s to create, %(update)s to update, %(unchanged)s unchanged, %(skip)s skipped, "
            "%(reject)s rejected."
        ) % {k: c.get(k, 0) for k in ("create", "update", "unchanged", "skip", "reject")}


def _noop(_n: int) -> None:
    return None


def town_localities(town: Town) -> list[str]:
    return [x for x in (town.name, town.name_en) if x]


def organizations_import(
    *,
    town: Town,
    path: str | Path,
    fmt: str,
    dry_run: bool = False,
    all_localities: bool = False,
    encoding: str | None = None,
    progress: Progress = _noop,
) -> ImportResult:
    """Import organizations from a file of format ``fmt`` (see ``importers.ORG_FORMATS``) into ``town``.

    Formats with a locality column keep only the town's rows unless ``all_localities``; GuideStar's list has no
    locality and is imported whole.
    """
    result = ImportResult("organizations", dry_run=dry_run)
    try:
        table = imp.read_table(path, encoding=encoding)
        plans = imp.parse_organization_rows(
            table, imp.ORG_FORMATS[fmt], localities=None if all_localities else town_localities(town)
        )
    except imp.ImportFileError as exc:
        result.file_error = str(exc)
        return result
    result.rows = plans
    existing = _existing_organizations(town)
    for plan in plans:
        if plan.action != "create":
            continue
        current = existing.get(_org_key(plan))
        if current is None:
            continue
        changed = tuple(name for name in imp.UPDATABLE if name in plan.values and plan.values[name] != current[name])
        if fmt == "generic":
            changed += tuple(n for n in imp.CLASSIFICATION if plan.values.get(n) != current[n])
        plan.action = "update" if changed else "unchanged"
        plan.changed = changed
        plan.values["pk"] = current["pk"]
    progress(len(plans) // 2)
    if dry_run or not result.ok:
        return result
    _write_organizations(town, plans, progress)
    result.written = True
    return result


def _org_key(plan: imp.RowPlan) -> str:
    return plan.registry_number or "name:" + plan.name


def _existing_organizations(town: Town) -> dict[str, dict[str, Any]]:
    fields = ("pk", "registry_number", *imp.UPDATABLE, *imp.CLASSIFICATION)
    out: dict[str, dict[str, Any]] = {}
    for row in Organization.objects.filter(town=town).values(*fields):
        out[row["registry_number"] or "name:" + row["name"]] = row
    return out


@transaction.atomic
def _write_organizations(town: Town, plans: list[imp.RowPlan], progress: Progress) -> None:
    now = timezone.now()
    create = [p for p in plans if p.action == "create"]
    update = [p for p in plans if p.action == "update"]
    model_fields = {f.name for f in Organization._meta.concrete_fields}
    for start in range(0, len(create), BATCH):
        batch = create[start : start + BATCH]
        Organization.objects.bulk_create(
            [Organization(town=town, **{k: v for k, v in p.values.items() if k in model_fields}) for p in batch]
        )
        progress(len(batch) // 2)
    changed_fields = sorted({name for p in update for name in p.changed})
    objects = []
    for p in update:
        org = Organization(pk=int(p.values["pk"]), town=town, updated_at=now)
        for name in changed_fields:
            setattr(org, name, p.values.get(name, ""))
        objects.append(org)
    if objects:
        # Fields not changed by a row keep their stored value: reload them for the rows that share the batch.
        stored = Organization.objects.in_bulk([o.pk for o in objects])
        for p, org in zip(update, objects, strict=True):
            for name in changed_fields:
                if name not in p.changed:
                    setattr(org, name, getattr(stored[org.pk], name))
        Organization.objects.bulk_update(objects, [*changed_fields, "updated_at"], batch_size=BATCH)
    progress(len(update) // 2)


# --- funding flows -------------------------------------------------------------------------------------------


def funding_import(
    *,
    town: Town,
    path: str | Path,
    dry_run: bool = False,
    encoding: str | None = None,
    progress: Progress = _noop,
) -> ImportResult:
    """Import funding flows (funder → organization, year, amount) as budget transfers within ``town``.

    Only rows whose recipient is in the town's registry (by registry number) are kept; the others are skipped.
    Rows of one funder, recipient and year are summed. A funder not in the registry is created as a ministry.
    """
    result = ImportResult("funding", dry_run=dry_run)
    try:
        table = imp.read_table(path, encoding=encoding)
        _code, rows = imp.parse_funding_rows(table)
    except imp.ImportFileError as exc:
        result.file_error = str(exc)
        return result
    recipients = dict(
        Organization.objects.filter(town=town).exclude(registry_number="").values_list("registry_number", "pk")
    )
    totals: dict[tuple[str, int, int], Decimal] = {}
    first_row: dict[tuple[str, int, int], imp.RowPlan] = {}
    for row in rows:
        plan = imp.RowPlan(row.row, "create", registry_number=row.recipient_number, name=row.recipient_name)
        result.rows.append(plan)
        if row.problems:
            plan.action, plan.problems = "reject", row.problems
            continue
        recipient = recipients.get(row.recipient_number)
        if recipient is None:
            plan.action, plan.reason = "skip", _("recipient not in the town's registry")
            continue
        key = (row.funder, recipient, row.year)
        if key in totals:
            plan.action, plan.reason = "skip", _("added to row %(row)s") % {"row": first_row[key].row}
            totals[key] += row.amount
        else:
            totals[key] = row.amount
            first_row[key] = plan
        plan.values = {"funder": row.funder, "year": str(row.year)}
    funders = {o.name: o.pk for o in Organization.objects.filter(town=town, sector=Sector.PUBLIC).only("pk", "name")}
    existing = {
        (f.funder.name, f.recipient_id, f.year): f
        for f in FundingFlow.objects.filter(town=town).select_related("funder")
    }
    for key, plan in first_row.items():
        plan.values["amount"] = str(totals[key])
        flow = existing.get(key)
        if flow is not None:
            plan.action = "unchanged" if flow.amount == totals[key] else "update"
            plan.changed = ("amount",) if plan.action == "update" else ()
    if dry_run or not result.ok:
        return result
    with transaction.atomic():
        for name in sorted({k[0] for k in totals} - set(funders)):
            funders[name] = Organization.objects.create(
                town=town, name=name, sector=Sector.PUBLIC, subtype="ministry", legal_form=LegalForm.GOVERNMENT
            ).pk
        new, changed = [], []
        for key, plan in first_row.items():
            if plan.action == "create":
                new.append(
                    FundingFlow(
                        town=town,
                        funder_id=funders[key[0]],
                        recipient_id=key[1],
                        year=key[2],
                        amount=totals[key],
                        resource_type=ResourceType.BUDGET,
                        source_file=Path(path).name[:200],
                    )
                )
            elif plan.action == "update":
                flow = existing[key]
                flow.amount = totals[key]
                changed.append(flow)
        FundingFlow.objects.bulk_create(new, batch_size=BATCH)
        FundingFlow.objects.bulk_update(changed, ["amount"], batch_size=BATCH)
    progress(len(rows))
    result.written = True
    return result


# --- local authorities ---------------------------------------------------------------------------------------


def authorities_import(
    *, path: str | Path, dry_run: bool = False, encoding: str | None = None, progress: Progress = _noop
) -> ImportResult:
    """Fill the national table of local authorities from ``local_authorities_2021.csv`` (upsert on the symbol)."""
    result = ImportResult("authorities", dry_run=dry_run)
    try:
        table = imp.read_table(path, encoding=encoding)
        parsed = list(imp.iter_authority_rows(table))
    except imp.ImportFileError as exc:
        result.file_error = str(exc)
        return result
    existing = {authority_key(a.code): a for a in LocalAuthority.objects.all()}
    seen: dict[str, int] = {}
    fields = ("name", "name_en", "authority_type", "district", "district_en")
    numbers = ("population", "ses_cluster", "peripherality_cluster")
    for number, values, problems in parsed:
        key = authority_key(values["code"])
        plan = imp.RowPlan(number, "create", registry_number=values["code"], name=values["name"], values=values)
        result.rows.append(plan)
        if not problems and key in seen:
            problems.append(imp.Problem("cbs_code", _("Duplicate of row %(row)s.") % {"row": seen[key]}))
        seen.setdefault(key, number)
        if problems:
            plan.action, plan.problems = "reject", problems
            continue
        current = existing.get(key)
        if current is not None:
            changed = tuple(f for f in fields if getattr(current, f) != values[f]) + tuple(
                f for f in numbers if getattr(current, f) != (int(values[f]) if values[f] else None)
            )
            plan.action, plan.changed = ("update" if changed else "unchanged"), changed
    if dry_run or not result.ok:
        return result
    with transaction.atomic():
        for plan in result.rows:
            if plan.action not in ("create", "update"):
                continue
            v = plan.values
            data: dict[str, Any] = {f: v[f] for f in fields} | {f: int(v[f]) if v[f] else None for f in numbers}
            current = existing.get(authority_key(v["code"]))
            if current is None:
                LocalAuthority.objects.create(code=v["code"], **data)
            else:
                LocalAuthority.objects.filter(pk=current.pk).update(**data)
    progress(len(result.rows))
    result.written = True
    return result
