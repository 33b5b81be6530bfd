"""Reading real-data files (CSV and XLSX) and checking them row by row before anything is written.

The formats are documented in docs/imports.md. Every check names the file row (the header is row 1) and the
column, so that a coordinator can fix the file and try again. Nothing here writes to the database: the services
turn a checked plan into records, in one transaction, only when no row was rejected.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

from shutafut.model.sectors import SUBTYPES_BY_CODE, Sector
from shutafut.organizations.models import LegalForm
from shutafut.organizations.registry import normalize, registry_problem

# Direction marks and embedding controls that spreadsheets leave around Hebrew text.
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_SPACES = re.compile(r"\s+")


def clean_cell(value: object) -> str:
    """A cell as text: direction marks removed, whitespace collapsed, integral floats without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACES.sub(" ", _DIRECTION_MARKS.sub("", str(value))).strip()


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, format, missing columns); nothing was written."""


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]
    """(file row number, cells); the header is row 1, so the first data row is row 2."""


def _decode(data: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ImportFileError(
                _("The file cannot be read as %(encoding)s: %(error)s") % {"encoding": encoding, "error": exc}
            ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            sample = data.decode("cp1255")
            if re.search("[\u05d0-\u05ea]", sample):
                hint = _("It looks like Windows-1255 (Hebrew Windows): save it as UTF-8, or choose that encoding.")
        except UnicodeDecodeError:
            pass
        message = _("The file is not UTF-8: the byte at position %(position)s cannot be read.") % {
            "position": exc.start
        }
        raise ImportFileError(f"{message} {hint}".strip()) from exc


def read_table(path: str | Path, *, encoding: str | None = None) -> Table:
    """Read the first sheet of an XLSX file, or a CSV file (UTF-8 with or without BOM unless ``encoding``)."""
    path = Path(path)
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() == ".xlsx":
        return _read_xlsx(data)
    text = _decode(data, encoding)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration as exc:
        raise ImportFileError(_("The file is empty.")) from exc
    rows = [
        (number, tuple(clean_cell(c) for c in cells))
        for number, cells in enumerate(reader, start=2)
        if any(c.strip() for c in cells)
    ]
    return Table(tuple(clean_cell(h) for h in header), rows)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(_("The spreadsheet cannot be opened: %(error)s") % {"error": exc}) from exc
    sheet = book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    try:
        header = tuple(clean_cell(c) for c in next(values))
    except StopIteration as exc:
        raise ImportFileError(_("The file is empty.")) from exc
    rows = []
    for number, cells in enumerate(values, start=2):
        cleaned = tuple(clean_cell(c) for c in cells)
        if any(cleaned):
            rows.append((number, cleaned))
    book.close()
    return Table(header, rows)


def _header_key(name: str) -> str:
    return name.replace("״", '"').replace("׳", "'").strip().lower()


@dataclass(frozen=True, slots=True)
class Column:
    field: str
    names: tuple[str, ...]
    """Accepted header names; the first is the one the documentation uses."""
    required: bool = False


def map_columns(header: Sequence[str], columns: Sequence[Column]) -> dict[str, int]:
    """Return field → column index; raise ImportFileError naming every required column that is missing."""
    index = {_header_key(h): i for i, h in enumerate(header)}
    found: dict[str, int] = {}
    missing = []
    for column in columns:
        position = next((index[_header_key(n)] for n in column.names if _header_key(n) in index), None)
        if position is not None:
            found[column.field] = position
        elif column.required:
            missing.append(column.names[0])
    if missing:
        raise ImportFileError(
            _("Missing columns: %(missing)s. The file has: %(present)s.")
            % {"missing": ", ".join(missing), "present": ", ".join(h for h in header if h) or "-"}
        )
    return found


def cell(cells: tuple[str, ...], columns: dict[str, int], name: str) -> str:
    position = columns.get(name)
    return cells[position] if position is not None and position < len(cells) else ""


# --- organizations -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrgFormat:
    code: str
    columns: tuple[Column, ...]
    fixed: dict[str, str] = field(default_factory=dict)
    """Classification given by the format (sector, subtype, legal_form); empty: from the prefix or the row."""
    has_locality: bool = False


def _c(field_name: str, *names: str, required: bool = False) -> Column:
    return Column(field_name, names, required)


ORG_FORMATS: dict[str, OrgFormat] = {
    "guidestar": OrgFormat(
        "guidestar",
        (_c("registry_number", "ngo_id", required=True), _c("name", "ngo_name", required=True)),
    ),
    "registry": OrgFormat(
        "registry",
        (
            _c("registry_number", "מספר עמותה", required=True),
            _c("name", "שם עמותה בעברית", required=True),
            _c("name_en", "שם עמותה באנגלית"),
            _c("status", "סטטוס עמותה"),
            _c("fields_of_activity", "סיווג פעילות ענפי"),
            _c("fields_secondary", "תחום פעילות משני"),
            _c("locality", "כתובת - ישוב", "כתובת - יישוב"),
            _c("description", "מטרות עמותה"),
        ),
        has_locality=True,
    ),
    "partnerships": OrgFormat(
        "partnerships",
        (
            _c("registry_number", "id", required=True),
            _c("name", "name", required=True),
            _c("name_en", "name_en"),
            _c("status", "partnership_status"),
            _c("locality", "partnership_city", required=True),
        ),
        fixed={"sector": "business", "subtype": "small_business", "legal_form": "partnership_firm"},
        has_locality=True,
    ),
    "authorities": OrgFormat(
        "authorities",
        (
            _c("registry_number", "cbs_code", "סמל רשות", required=True),
            _c("name", "name_he", "שם רשות", required=True),
            _c("name_en", "name_en"),
        ),
        fixed={"sector": "public", "subtype": "local_authority", "legal_form": "local_authority"},
        has_locality=True,
    ),
    "generic": OrgFormat(
        "generic",
        (
            _c("name", "name", "שם", required=True),
            _c("name_en", "name_en", "שם באנגלית"),
            _c("sector", "sector", "מגזר", required=True),
            _c("subtype", "subtype", "סוג", required=True),
            _c("legal_form", "legal_form", "צורה משפטית", required=True),
            _c("registry_number", "registry_number", "מספר רישום"),
            _c("locality", "locality", "יישוב"),
            _c("fields_of_activity", "fields_of_activity", "תחומי פעילות"),
            _c("description", "description", "תיאור"),
            _c("website", "website", "אתר"),
        ),
        has_locality=True,
    ),
}

# Nine-digit prefix → (legal form, subtype) for lists of third-sector organizations (GuideStar, the Registrar).
THIRD_SECTOR_PREFIXES: dict[str, tuple[str, str]] = {
    "58": (LegalForm.AMUTA, "nonprofit"),
    "51": (LegalForm.PUBLIC_BENEFIT_COMPANY, "public_benefit_company"),
    "52": (LegalForm.PUBLIC_BENEFIT_COMPANY, "public_benefit_company"),
    "56": (LegalForm.COMPANY, "public_benefit_company"),
    "57": (LegalForm.COOPERATIVE, "cooperative"),
    "50": (LegalForm.ENDOWMENT, "endowment"),
}

INACTIVE_STATUS_WORDS = ("מחוק", "מבוטל", "פירוק", "פורק", "deleted", "dissolved", "cancelled")

UPDATABLE = ("name", "name_en", "locality", "fields_of_activity", "description", "website")
"""Fields an import may change on an existing organization; its classification stays as the town set it."""
CLASSIFICATION = ("sector", "subtype", "legal_form")


@dataclass(slots=True)
class Problem:
    column: str
    message: str


@dataclass(slots=True)
class RowPlan:
    row: int
    action: str
    """create, update, unchanged, skip (not for this town, or inactive) or reject."""
    registry_number: str = ""
    name: str = ""
    values: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    reason: str = ""
    changed: tuple[str, ...] = ()


def locality_key(name: str) -> str:
    """Locality names compared without quotes, dashes, spaces or case ("תל אביב-יפו" = "תל-אביב - יפו")."""
    return re.sub(r"[\s\-'\"״׳–]", "", clean_cell(name)).lower()


def parse_organization_rows(
    table: Table,
    fmt: OrgFormat,
    *,
    localities: Sequence[str] | None,
) -> list[RowPlan]:
    """Check every row of ``table``; ``localities`` keeps only rows of those localities (None: every row)."""
    columns = map_columns(table.header, fmt.columns)
    wanted = {locality_key(x) for x in localities} if localities is not None else None
    seen: dict[str, int] = {}
    plans: list[RowPlan] = []
    for number, cells in table.rows:
        values = {c.field: cell(cells, columns, c.field) for c in fmt.columns if c.field in columns}
        plan = RowPlan(number, "create", name=values.get("name", ""))
        plans.append(plan)
        if wanted is not None and fmt.has_locality and "locality" in columns:  # noqa: SIM102
            if locality_key(values.get("locality", "")) not in wanted:
                plan.action, plan.reason = "skip", _("another locality")
                continue
        status = values.pop("status", "")
        if status and any(word in status.lower() for word in INACTIVE_STATUS_WORDS):
            plan.action, plan.reason = "skip", _("not active (%(status)s)") % {"status": status}
            continue
        secondary = values.pop("fields_secondary", "")
        if secondary:
            values["fields_of_activity"] = ", ".join(x for x in (values.get("fields_of_activity", ""), secondary) if x)
        _check_row(plan, values, fmt, columns, table.header)
        key = plan.registry_number or "name:" + plan.name
        if not plan.problems:
            if key in seen:
                plan.problems.append(
                    Problem(
                        _column_name(table.header, columns, "registry_number" if plan.registry_number else "name"),
                        _("Duplicate of row %(row)s.") % {"row": seen[key]},
                    )
                )
            else:
                seen[key] = number
        if plan.problems:
            plan.action = "reject"
        plan.values = values
    return plans


def _column_name(header: Sequence[str], columns: dict[str, int], name: str) -> str:
    position = columns.get(name)
    return header[position] if position is not None else name


def _check_row(
    plan: RowPlan, values: dict[str, str], fmt: OrgFormat, columns: dict[str, int], header: Sequence[str]
) -> None:
    def problem(name: str, message: str) -> None:
        plan.problems.append(Problem(_column_name(header, columns, name), message))

    if not values.get("name"):
        problem("name", _("The name is empty."))
    elif len(values["name"]) > 300:
        problem("name", _("The name is longer than 300 characters."))
    if len(values.get("name_en", "")) > 300:
        values["name_en"] = values["name_en"][:300]
    raw = values.get("registry_number", "")
    if re.search(r"[^\d\s\-./]", raw):
        problem("registry_number", _("A registry number has digits only."))
        return
    number = normalize(raw)
    plan.registry_number = number
    values["registry_number"] = number
    for name in CLASSIFICATION:
        if name in fmt.fixed:
            values[name] = fmt.fixed[name]
    if fmt.code in ("guidestar", "registry"):
        if not number:
            problem("registry_number", _("The registry number is empty."))
            return
        form = THIRD_SECTOR_PREFIXES.get(number[:2])
        if form is None or len(number) != 9:
            problem("registry_number", _("This is not the number of a nonprofit, company or cooperative."))
            return
        values["sector"], values["legal_form"], values["subtype"] = Sector.THIRD, form[0], form[1]
    elif fmt.code != "generic" and not number:
        problem("registry_number", _("The registry number is empty."))
        return
    if fmt.code == "generic":
        if values.get("sector") not in Sector._value2member_map_:
            problem("sector", _("Unknown sector: %(value)s") % {"value": values.get("sector", "")})
        subtype = SUBTYPES_BY_CODE.get(values.get("subtype", ""))
        if subtype is None:
            problem("subtype", _("Unknown subtype: %(value)s") % {"value": values.get("subtype", "")})
        elif subtype.sector.value != values.get("sector"):
            problem("subtype", _("This subtype belongs to another sector."))
        if values.get("legal_form") not in LegalForm.values:
            problem("legal_form", _("Unknown legal form: %(value)s") % {"value": values.get("legal_form", "")})
            return
    issue = registry_problem(values["legal_form"], number)
    if issue:
        problem("registry_number", _(issue))


# --- funding flows -------------------------------------------------------------------------------------------

FUNDING_FORMATS: dict[str, tuple[Column, ...]] = {
    "culture": (
        _c("funder", "משרד", required=True),
        _c("recipient_name", "מקבל התמיכה", required=True),
        _c("recipient_number", "מספר תאגיד", required=True),
        _c("year", "שנה", required=True),
        _c("amount", 'סה"כ שולם', required=True),
    ),
    "welfare": (
        _c("recipient_number", "operator_corporate_id", required=True),
        _c("year", "year", required=True),
        _c("amount", "total_payments_nis", required=True),
    ),
    "generic": (
        _c("funder", "funder", "מממן", required=True),
        _c("recipient_name", "recipient_name", "שם המקבל"),
        _c("recipient_number", "recipient_registry_number", "מספר המקבל", required=True),
        _c("year", "year", "שנה", required=True),
        _c("amount", "amount", "סכום", required=True),
    ),
}
WELFARE_MINISTRY = "משרד הרווחה והביטחון החברתי"


def detect_funding_format(header: Sequence[str]) -> str:
    keys = {_header_key(h) for h in header}
    for code, columns in FUNDING_FORMATS.items():
        if all(any(_header_key(n) in keys for n in c.names) for c in columns if c.required):
            return code
    return "generic"


@dataclass(slots=True)
class FundingRow:
    row: int
    funder: str
    recipient_number: str
    recipient_name: str
    year: int
    amount: Decimal
    problems: list[Problem] = field(default_factory=list)


def parse_funding_rows(table: Table) -> tuple[str, list[FundingRow]]:
    code = detect_funding_format(table.header)
    spec = FUNDING_FORMATS[code]
    columns = map_columns(table.header, spec)
    out = []
    for number, cells in table.rows:

        def get(name: str, cells: tuple[str, ...] = cells) -> str:
            return cell(cells, columns, name)

        row = FundingRow(
            number, get("funder") or WELFARE_MINISTRY, normalize(get("recipient_number")), "", 0, Decimal(0)
        )
        row.recipient_name = get("recipient_name")
        year = get("year")
        if not (year.isdigit() and 1948 <= int(year) <= 2100):
            row.problems.append(
                Problem(_column_name(table.header, columns, "year"), _("Not a year: %(value)s") % {"value": year})
            )
        else:
            row.year = int(year)
        try:
            row.amount = Decimal(get("amount").replace(",", "") or "0")
            if row.amount < 0 or not row.amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            row.problems.append(
                Problem(
                    _column_name(table.header, columns, "amount"),
                    _("Not an amount: %(value)s") % {"value": get("amount")},
                )
            )
        out.append(row)
    return code, out


# --- local authorities ---------------------------------------------------------------------------------------

AUTHORITY_COLUMNS = (
    _c("code", "cbs_code", required=True),
    _c("name", "name_he", required=True),
    _c("name_en", "name_en"),
    _c("authority_type", "authority_type"),
    _c("district", "district_he"),
    _c("district_en", "district_en"),
    _c("population", "population_end_2021"),
    _c("ses_cluster", "ses_cluster_2019"),
    _c("peripherality_cluster", "peripherality_cluster_2020"),
)


def iter_authority_rows(table: Table) -> Iterator[tuple[int, dict[str, str], list[Problem]]]:
    columns = map_columns(table.header, AUTHORITY_COLUMNS)
    for number, cells in table.rows:
        values = {c.field: cell(cells, columns, c.field) for c in AUTHORITY_COLUMNS}
        problems = []
        if not values["code"].isdigit():
            problems.append(Problem(_column_name(table.header, columns, "code"), _("A CBS symbol has digits only.")))
        if not values["name"]:
            problems.append(Problem(_column_name(table.header, columns, "name"), _("The name is empty.")))
        for name in ("population", "ses_cluster", "peripherality_cluster"):
            text = values[name].split(".")[0]
            if text and not text.isdigit():
                problems.append(
                    Problem(
                        _column_name(table.header, columns, name),
                        _("Not a whole number: %(value)s") % {"value": values[name]},
                    )
                )
            values[name] = text
        yield number, values, problems
