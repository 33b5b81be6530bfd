"""Writes of the reports app: imports of organizations, funding flows and the local-authorities table.

Every import first checks the whole file (``importers``) and builds a plan row by row. A dry run returns the
plan. A real run writes the plan in one transaction, and only when no row was rejected. Re-importing the same
file changes nothing: organizations are matched on (town, registry number), funding flows on (town, funder,
recipient, year), authorities on their CBS symbol.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shutafut.accounts.models import Town
from shutafut.audit.context import current_actor
from shutafut.audit.models import Action, AuditEvent
from shutafut.model.resources import ResourceType
from shutafut.model.sectors import Sector
from shutafut.organizations.models import LegalForm, Organization
from shutafut.reports import importers as imp
from shutafut.reports.importers import RowAction
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
        return Counter(str(r.action) for r in self.rows)

    @property
    def rejected(self) -> list[imp.RowPlan]:
        return [r for r in self.rows if r.action is RowAction.REJECT]

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.rejected

    def summary(self) -> str:
        c = self.counts
        return _(
            "%(create)s to create, %(update)s to update, %(unchanged)s unchanged, %(skip)s skipped, "
            "%(reject)s rejected."
        ) % {k: c.get(k, 0) for k in RowAction}


def _noop(_n: int) -> None:
    return None


def town_localities(town: Town) -> list[str]:
    return [x for x in (town.name, town.name_en) if x]


def validate_row(plan: imp.RowPlan, instance: models.Model, columns: imp.Columns, *, exclude: tuple[str, ...]) -> None:
    """Validate the record a row would write as a form would (every field, then the model's own rules), so that a
    dry run finds what the write would hit; each error is named by the file's column, in the active language.

    An organization's rules are checked without their query for a taken registry number: the import matches
    every row to the town's organizations and to the file's earlier rows by that number already."""
    errors: dict[str, list[str]] = {}
    try:
        instance.clean_fields(exclude=list(exclude))
    except ValidationError as exc:
        errors = dict(exc.message_dict)
    try:
        if isinstance(instance, Organization):
            for name, message in instance.rule_errors().items():
                errors.setdefault(name, []).append(message)
        else:
            instance.clean()
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    for name, messages in errors.items():
        column = "" if name == NON_FIELD_ERRORS else columns.name(name)
        plan.problems += [imp.Problem(column, message) for message in messages]
    if errors:
        plan.action = RowAction.REJECT


def audit_import(
    *, town: Town | None, user: Any, model: type[models.Model], file_name: str, fmt: str, result: ImportResult
) -> None:
    """One audit event for a written import: who, which file and format (by its title, in the language of whoever
    imported it), and how many rows did what (no rows)."""
    if user is not None:
        user_pk, actor = user.pk, str(user.get_username())
    else:
        acting, actor = current_actor()
        user_pk = getattr(acting, "pk", None)
    counts = result.counts
    changes: dict[str, list[Any]] = {"file": [None, file_name], "format": [None, fmt]}  # fmt: the format's title
    changes |= {str(action): [None, counts.get(action, 0)] for action in RowAction}
    AuditEvent.objects.create(
        town=town,
        user_pk=user_pk,
        actor=actor[:150],
        action=Action.IMPORT,
        model=model._meta.label,
        object_id="",
        object_repr=file_name[:300],
        changes=changes,
    )


@contextmanager
def one_writing_import_per_town(town: Town, *, dry_run: bool) -> Iterator[None]:
    """Around the planning and writing of a real import: the town's row is locked, so that two imports into one town
    (two workers, or a worker and the command line) run one after the other, each planning on what the other
    wrote. A dry run writes nothing and waits for no one. (SQLite's transactions take the write lock up front.)"""
    if dry_run:
        yield
        return
    with transaction.atomic():
        list(Town.objects.select_for_update().filter(pk=town.pk).values_list("pk", flat=True))
        yield


def organizations_import(
    *,
    town: Town,
    path: str | Path,
    fmt: str,
    dry_run: bool = False,
    all_localities: bool = False,
    encoding: str | None = None,
    progress: Progress = _noop,
    user: Any = None,
    file_name: str = "",
) -> ImportResult:
    """Import organizations from a file of format ``fmt`` (see ``importers.ORG_IMPORTERS``) into ``town``.

    Formats with a locality column keep only the town's rows unless ``all_localities``; GuideStar's list has no
    locality and is imported whole. ``user`` and ``file_name`` go to the audit event of a written import.
    """
    result = ImportResult("organizations", dry_run=dry_run)
    importer = imp.ORG_IMPORTERS[fmt]
    try:
        table = imp.read_table(path, encoding=encoding)
        plans = imp.parse_organization_rows(
            table, importer, localities=None if all_localities else town_localities(town)
        )
        columns = imp.Columns(table.header, importer.columns)
    except imp.ImportFileError as exc:
        result.file_error = str(exc)
        return result
    with one_writing_import_per_town(town, dry_run=dry_run):
        result.rows = plans
        existing = _existing_organizations(town)
        model_fields = {f.name for f in Organization._meta.concrete_fields}
        checked_classifications: set[tuple[str, ...]] = set()
        new: dict[int, Organization] = {}
        """The validated records of the rows to create (file row → record): written as they were checked."""
        for plan in plans:
            if plan.action is not RowAction.CREATE:
                continue
            current = existing.get(_org_key(plan))
            if current is None:
                instance = Organization(town=town, **{k: v for k, v in plan.values.items() if k in model_fields})
                new[plan.row] = instance
            else:
                changed = tuple(n for n in imp.UPDATABLE if n in plan.values and plan.values[n] != getattr(current, n))
                if importer.sets_classification:
                    changed += tuple(n for n in imp.CLASSIFICATION if plan.values.get(n) != getattr(current, n))
                plan.action = RowAction.UPDATE if changed else RowAction.UNCHANGED
                plan.changed = changed
                plan.values["pk"] = str(current.pk)
                instance = current
                for name in changed:
                    setattr(instance, name, plan.values[name])
            if plan.action is RowAction.UNCHANGED:
                continue
            # A classification's choices are checked once: a file holds few, and checking them is most of the cost.
            classification = tuple(getattr(instance, n) for n in imp.CLASSIFICATION)
            known = classification in checked_classifications
            validate_row(plan, instance, columns, exclude=("town", *imp.CLASSIFICATION) if known else ("town",))
            if plan.action is not RowAction.REJECT:
                checked_classifications.add(classification)
        progress(len(plans) // 2)
        if dry_run or not result.ok:
            return result
        with transaction.atomic():
            _write_organizations(town, plans, new, progress)
            result.written = True
            name = file_name or Path(path).name
            audit_import(
                town=town, user=user, model=Organization, file_name=name, fmt=str(importer.title), result=result
            )
        return result


def _org_key(plan: imp.RowPlan) -> str:
    return imp.org_key(plan.registry_number, plan.name)


def _existing_organizations(town: Town) -> dict[str, Organization]:
    out: dict[str, Organization] = {}
    for org in Organization.objects.filter(town=town).iterator(chunk_size=BATCH):
        out[imp.org_key(org.registry_number, org.name)] = org
    return out


def _write_organizations(
    town: Town, plans: list[imp.RowPlan], new: dict[int, Organization], progress: Progress
) -> None:
    now = timezone.now()
    create = [new[p.row] for p in plans if p.action is RowAction.CREATE]
    update = [p for p in plans if p.action is RowAction.UPDATE]
    for start in range(0, len(create), BATCH):
        batch = create[start : start + BATCH]
        Organization.objects.bulk_create(batch)
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
    user: Any = None,
    file_name: str = "",
) -> ImportResult:
    """Import funding flows (funder → organization, year, amount) as budget transfers within ``town``.

    Only rows whose recipient is in the town's registry (by registry number) are kept; the others are skipped.
    Rows of one funder, recipient and year are summed. A funder not in the registry is created as a ministry.
    """
    result = ImportResult("funding", dry_run=dry_run)
    try:
        table = imp.read_table(path, encoding=encoding)
        code, rows = imp.parse_funding_rows(table)
        columns = imp.Columns(table.header, imp.FUNDING_IMPORTERS[code].columns)
    except imp.ImportFileError as exc:
        result.file_error = str(exc)
        return result
    with one_writing_import_per_town(town, dry_run=dry_run):
        recipients = dict(
            Organization.objects.filter(town=town).exclude(registry_number="").values_list("registry_number", "pk")
        )
        funders = {
            o.name: o.pk for o in Organization.objects.filter(town=town, sector=Sector.PUBLIC).only("pk", "name")
        }
        source_file = (file_name or Path(path).name)[:200]
        checked_funders: dict[str, list[imp.Problem]] = {}
        totals: dict[tuple[str, int, int], Decimal] = {}
        first_row: dict[tuple[str, int, int], imp.RowPlan] = {}
        for row in rows:
            plan = imp.RowPlan(row.row, RowAction.CREATE, registry_number=row.recipient_number, name=row.recipient_name)
            result.rows.append(plan)
            if row.problems:
                plan.action, plan.problems = RowAction.REJECT, row.problems
                continue
            recipient = recipients.get(row.recipient_number)
            if recipient is None:
                plan.action, plan.reason = RowAction.SKIP, _("recipient not in the town's registry")
                continue
            if row.funder not in funders:
                if row.funder not in checked_funders:
                    probe = imp.RowPlan(row.row, RowAction.CREATE)
                    validate_row(probe, _new_funder(town, row.funder), columns, exclude=("town",))
                    checked_funders[row.funder] = [
                        imp.Problem(columns.name("funder"), p.message) for p in probe.problems
                    ]
                if checked_funders[row.funder]:
                    plan.action, plan.problems = RowAction.REJECT, list(checked_funders[row.funder])
                    continue
            key = (row.funder, recipient, row.year)
            if key in totals:
                plan.action, plan.reason = RowAction.SKIP, _("added to row %(row)s") % {"row": first_row[key].row}
                totals[key] += row.amount
            else:
                totals[key] = row.amount
                first_row[key] = plan
            plan.values = {"funder": row.funder, "year": str(row.year)}
        existing = {
            (f.funder.name, f.recipient_id, f.year): f
            for f in FundingFlow.objects.filter(town=town).select_related("funder")
        }
        for key, plan in first_row.items():
            plan.values["amount"] = str(totals[key])
            flow = FundingFlow(town=town, year=key[2], amount=totals[key], source_file=source_file)
            validate_row(plan, flow, columns, exclude=("town", "funder", "recipient"))
            current = existing.get(key)
            if current is not None and plan.action is not RowAction.REJECT:
                plan.action = RowAction.UNCHANGED if current.amount == totals[key] else RowAction.UPDATE
                plan.changed = ("amount",) if plan.action is RowAction.UPDATE else ()
        if dry_run or not result.ok:
            return result
        with transaction.atomic():
            for name in sorted({k[0] for k in totals} - set(funders)):
                funder = _new_funder(town, name)
                funder.save()
                funders[name] = funder.pk
            new, changed = [], []
            for key, plan in first_row.items():
                if plan.action is RowAction.CREATE:
                    new.append(
                        FundingFlow(
                            town=town,
                            funder_id=funders[key[0]],
                            recipient_id=key[1],
                            year=key[2],
                            amount=totals[key],
                            resource_type=ResourceType.BUDGET,
                            source_file=source_file,
                        )
                    )
                elif plan.action is RowAction.UPDATE:
                    flow = existing[key]
                    flow.amount = totals[key]
                    changed.append(flow)
            FundingFlow.objects.bulk_create(new, batch_size=BATCH)
            FundingFlow.objects.bulk_update(changed, ["amount"], batch_size=BATCH)
            result.written = True
            fmt = str(imp.FUNDING_IMPORTERS[code].title)
            audit_import(town=town, user=user, model=FundingFlow, file_name=source_file, fmt=fmt, result=result)
        progress(len(rows))
        return result


def _new_funder(town: Town, name: str) -> Organization:
    return Organization(town=town, name=name, sector=Sector.PUBLIC, subtype="ministry", legal_form=LegalForm.GOVERNMENT)


# --- local authorities ---------------------------------------------------------------------------------------


def authorities_import(
    *,
    path: str | Path,
    dry_run: bool = False,
    encoding: str | None = None,
    progress: Progress = _noop,
    user: Any = None,
) -> ImportResult:
    """Fill the national table of local authorities from ``local_authorities_2021.csv`` (upsert on the symbol)."""
    result = ImportResult("authorities", dry_run=dry_run)
    try:
        table = imp.read_table(path, encoding=encoding)
        parsed = list(imp.iter_authority_rows(table))
        columns = imp.Columns(table.header, imp.AUTHORITY_COLUMNS)
    except imp.ImportFileError as exc:
        result.file_error = str(exc)
        return result
    existing = {authority_key(a.code): a for a in LocalAuthority.objects.all()}
    seen: dict[str, int] = {}
    fields = ("name", "name_en", "authority_type", "district", "district_en")
    numbers = ("population", "ses_cluster", "peripherality_cluster")
    for number, values, problems in parsed:
        key = authority_key(values["code"])
        plan = imp.RowPlan(number, RowAction.CREATE, registry_number=values["code"], name=values["name"])
        plan.values = values
        result.rows.append(plan)
        if not problems and key in seen:
            problems.append(imp.Problem(columns.name("code"), _("Duplicate of row %(row)s.") % {"row": seen[key]}))
        seen.setdefault(key, number)
        if problems:
            plan.action, plan.problems = RowAction.REJECT, problems
            continue
        data = _authority_data(values, fields, numbers)
        validate_row(plan, LocalAuthority(code=values["code"], **data), columns, exclude=())
        current = existing.get(key)
        if current is not None and plan.action is not RowAction.REJECT:
            changed = tuple(f for f in (*fields, *numbers) if getattr(current, f) != data[f])
            plan.action, plan.changed = (RowAction.UPDATE if changed else RowAction.UNCHANGED), changed
    if dry_run or not result.ok:
        return result
    with transaction.atomic():
        for plan in result.rows:
            if plan.action not in (RowAction.CREATE, RowAction.UPDATE):
                continue
            v = plan.values
            data = _authority_data(v, fields, numbers)
            current = existing.get(authority_key(v["code"]))
            if current is None:
                LocalAuthority.objects.create(code=v["code"], **data)
            else:
                LocalAuthority.objects.filter(pk=current.pk).update(**data)
        result.written = True
        name = Path(path).name
        title = _("The CBS table of local authorities")
        audit_import(town=None, user=user, model=LocalAuthority, file_name=name, fmt=title, result=result)
    progress(len(result.rows))
    return result


def _authority_data(values: dict[str, str], fields: tuple[str, ...], numbers: tuple[str, ...]) -> dict[str, Any]:
    return {f: values[f] for f in fields} | {f: int(values[f]) if values[f] else None for f in numbers}
