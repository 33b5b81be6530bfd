"""Reading real-data files (CSV and XLSX) and checking them row by row before anything is written.

The formats are documented in docs/imports.md. Each format is a small importer object with one interface: the
columns it reads (``columns``), the words that explain it (``title``, ``explanation``) and ``parse_row``, which turns
one row into a plan (``RowPlan``) whose action is a ``RowAction``. Every check names the file row (the header is row
1) and the column, so that a coordinator can fix the file and try again. Headers and coded values are accepted in
the file's own words, as codes, or as the app's labels in Hebrew or English ("מגזר" = "המגזר השלישי").

Nothing here writes to the database: the services validate each planned record fully and turn a checked plan into
records, in one transaction, only when no row was rejected.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from pathlib import Path

from django.core.validators import ProhibitNullCharactersValidator
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from shutafut.model.sectors import LEGAL_FORM_LABELS, SUBTYPES, SUBTYPES_BY_CODE, Sector
from shutafut.organizations.models import LegalForm
from shutafut.organizations.registry import normalize, registry_problem

MAX_BYTES = 20 * 1024 * 1024
"""The largest file an import reads (the biggest real file, the partnerships registry, is 4 MB)."""
MAX_ROWS = 100_000
"""The most data rows an import reads (the biggest real file has 26,917)."""
LANGUAGES = ("he", "en")

# Direction marks and embedding controls that spreadsheets leave around Hebrew text.
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_SPACES = re.compile(r"\s+")
NUL_MESSAGE = ProhibitNullCharactersValidator.message
_BARE_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+(/\S*)?$")
"""A web address written without its scheme (www.example.org), which the form also accepts as https."""


def clean_cell(value: object) -> str:
    """A cell as text: direction marks removed, whitespace collapsed, integral floats without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _SPACES.sub(" ", _DIRECTION_MARKS.sub("", str(value))).strip()


class ImportFileError(Exception):
    """The file as a whole cannot be read (size, encoding, format, missing columns); nothing was written."""


class RowAction(StrEnum):
    """What an import does with one row."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"
    """Not for this town (another locality, a recipient outside the registry), inactive, or summed into another."""
    REJECT = "reject"

    def label(self, *, done: bool = False) -> str:
        """The action in words, in the active language: as planned ("will be created") or as done ("created")."""
        return str((DONE_LABELS if done else PLAN_LABELS)[self])


PLAN_LABELS: dict[RowAction, Promise] = {
    RowAction.CREATE: gettext_lazy("will be created"),
    RowAction.UPDATE: gettext_lazy("will be updated"),
    RowAction.UNCHANGED: gettext_lazy("unchanged"),
    RowAction.SKIP: gettext_lazy("will be skipped"),
    RowAction.REJECT: gettext_lazy("will be rejected"),
}
DONE_LABELS: dict[RowAction, Promise] = {
    RowAction.CREATE: gettext_lazy("created"),
    RowAction.UPDATE: gettext_lazy("updated"),
    RowAction.UNCHANGED: gettext_lazy("unchanged"),
    RowAction.SKIP: gettext_lazy("skipped"),
    RowAction.REJECT: gettext_lazy("rejected"),
}


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]
    """(file row number, cells); the header is row 1, so the first data row is row 2."""
    broken: dict[int, str] = field(default_factory=dict)
    """File rows that could not be read at all (a cell over the CSV reader's limit), with the reason."""


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


def too_large_message() -> str:
    return _("The file is too large (at most %(mb)s MB).") % {"mb": MAX_BYTES // (1024 * 1024)}


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        _("The file has more than %(max)s rows: split it into smaller files and import each one.")
        % {"max": f"{MAX_ROWS:,}"}
    )


def read_table(path: str | Path, *, encoding: str | None = None) -> Table:
    """Read the first sheet of an XLSX file, or a CSV file (UTF-8 with or without BOM unless ``encoding``)."""
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise ImportFileError(too_large_message())
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() == ".xlsx":
        return _read_xlsx(data)
    return _read_csv(_decode(data, encoding))


def _csv_reason(error: csv.Error) -> str:
    """Why the CSV reader refused a row, in the user's language (the reader's own message is English)."""
    if "field larger than field limit" in str(error):
        return _("a cell is longer than %(limit)s characters") % {"limit": f"{csv.field_size_limit():,}"}
    return _("its quotation marks do not close or its characters are not text")


def _read_csv(text: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration as exc:
        raise ImportFileError(_("The file is empty.")) from exc
    except csv.Error as exc:
        raise ImportFileError(_("The header row cannot be read: %(error)s") % {"error": _csv_reason(exc)}) from exc
    rows: list[tuple[int, tuple[str, ...]]] = []
    broken: dict[int, str] = {}
    number = 1
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a cell longer than the reader's limit (131,072 characters), among others
            broken[number] = _("This row cannot be read: %(error)s") % {"error": _csv_reason(exc)}
            continue
        if any(c.strip() for c in cells):
            rows.append((number, tuple(clean_cell(c) for c in cells)))
        if len(rows) + len(broken) > MAX_ROWS:
            raise _too_many_rows()
    return Table(tuple(clean_cell(h) for h in header), rows, broken)


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
        if len(rows) > MAX_ROWS:
            book.close()
            raise _too_many_rows()
    book.close()
    return Table(header, rows)


def word_key(name: str) -> str:
    """Headers and coded values compared without case, Hebrew quote marks or repeated spaces (״ = ")."""
    return _SPACES.sub(" ", clean_cell(name).replace("״", '"').replace("׳", "'")).strip().lower()


def in_languages(words: Iterable[Promise | str]) -> set[str]:
    """The keys of ``words`` (lazy translations) in Hebrew and in English."""
    keys = set()
    for lang in LANGUAGES:
        with translation.override(lang):
            keys |= {word_key(str(w)) for w in words}
    return keys


# The app's own words for each field: the form's label and the list export's header, in Hebrew and English.
FIELD_LABELS: dict[str, tuple[Promise, ...]] = {
    "name": (gettext_lazy("name"), gettext_lazy("Name")),
    "name_en": (gettext_lazy("name in English"), gettext_lazy("Name in English")),
    "sector": (gettext_lazy("sector"), gettext_lazy("Sector")),
    "subtype": (gettext_lazy("subtype"), gettext_lazy("Subtype")),
    "legal_form": (gettext_lazy("legal form"), gettext_lazy("Legal form")),
    "registry_number": (gettext_lazy("registry number"), gettext_lazy("Registry number")),
    "locality": (gettext_lazy("locality"), gettext_lazy("Locality")),
    "fields_of_activity": (gettext_lazy("fields of activity"), gettext_lazy("Fields of activity")),
    "description": (gettext_lazy("description"), gettext_lazy("Description")),
    "website": (gettext_lazy("website"), gettext_lazy("Website")),
    # Read but not stored: an organization that is not active is skipped, a secondary field joins the others.
    "status": (gettext_lazy("status"), gettext_lazy("Status")),
    "fields_secondary": (gettext_lazy("secondary field of activity"), gettext_lazy("Secondary field of activity")),
    "funder": (gettext_lazy("funder"), gettext_lazy("Funder")),
    "recipient_name": (gettext_lazy("Recipient's name"),),
    "recipient_number": (gettext_lazy("Recipient's registry number"),),
    "year": (gettext_lazy("year"), gettext_lazy("Year")),
    "amount": (gettext_lazy("amount (NIS)"), gettext_lazy("Amount (NIS)")),
}


@dataclass(frozen=True, slots=True)
class Column:
    field: str
    names: tuple[str, ...]
    """Header names of the file's own format; the first is the one the documentation uses."""
    required: bool = False

    @property
    def label(self) -> str:
        """The field in the user's words (active language); the format's header when the app has no label."""
        labels = FIELD_LABELS.get(self.field)
        return str(labels[-1]) if labels else self.names[0]

    @property
    def format_header(self) -> str:
        """The header a public file of this format uses, when it is not the app's own word or code ("" then)."""
        header = self.names[0]
        return "" if header == self.field or word_key(header) == word_key(self.label) else header

    @property
    def format_header_lang(self) -> str:
        """The language of ``format_header`` for the page's markup: Hebrew, or ``zxx`` (no language) for a code."""
        return "he" if any("\u0590" <= ch <= "\u05ff" for ch in self.format_header) else "zxx"

    def shown_name(self) -> str:
        """How a message names this column: the label, then the header the format uses when it differs."""
        return f'"{self.label}" ({self.format_header})' if self.format_header else f'"{self.label}"'

    def header_keys(self) -> set[str]:
        return {word_key(n) for n in self.names} | in_languages(FIELD_LABELS.get(self.field, ()))


def map_columns(header: Sequence[str], columns: Sequence[Column]) -> dict[str, int]:
    """Return field → column index; raise ImportFileError naming every required column that is missing."""
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        index.setdefault(word_key(h), i)
    found: dict[str, int] = {}
    missing = []
    for column in columns:
        position = next((index[k] for k in column.header_keys() if k in index), None)
        if position is not None:
            found[column.field] = position
        elif column.required:
            missing.append(column.shown_name())
    if missing:
        raise ImportFileError(
            _("Missing columns: %(missing)s. The file has: %(present)s.")
            % {"missing": ", ".join(missing), "present": ", ".join(h for h in header if h) or "-"}
        )
    return found


def org_key(registry_number: str, name: str) -> str:
    """How an import matches an organization, in the file and in the town: its registry number, else its name."""
    return registry_number or "name:" + name


def cell(cells: tuple[str, ...], columns: dict[str, int], name: str) -> str:
    position = columns.get(name)
    return cells[position] if position is not None and position < len(cells) else ""


@dataclass(slots=True)
class Problem:
    column: str
    message: str


@dataclass(slots=True)
class RowPlan:
    row: int
    action: RowAction
    registry_number: str = ""
    name: str = ""
    values: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    reason: str = ""
    changed: tuple[str, ...] = ()


class Columns:
    """The columns a file was found to have: names a field as the file heads it (or by its label)."""

    def __init__(self, header: Sequence[str], columns: Sequence[Column]) -> None:
        self.header, self.spec = header, {c.field: c for c in columns}
        self.index = map_columns(header, columns)

    def values(self, cells: tuple[str, ...]) -> dict[str, str]:
        return {name: cell(cells, self.index, name) for name in self.spec if name in self.index}

    def name(self, field_name: str) -> str:
        position = self.index.get(field_name)
        if position is not None:
            return self.header[position]
        column = self.spec.get(field_name)
        return column.label if column is not None else field_name

    def problem(self, plan: RowPlan, field_name: str, message: str) -> None:
        plan.problems.append(Problem(self.name(field_name), message))


def nul_problems(plan: RowPlan, values: dict[str, str], columns: Columns) -> None:
    """A NUL character in any cell (PostgreSQL cannot store one), named by its column."""
    for name, value in values.items():
        if "\x00" in value:
            columns.problem(plan, name, str(NUL_MESSAGE))


def broken_plans(table: Table) -> list[RowPlan]:
    return [
        RowPlan(number, RowAction.REJECT, problems=[Problem("", message)]) for number, message in table.broken.items()
    ]


# --- coded values in the user's words ------------------------------------------------------------------------


class Vocabulary:
    """A coded value given as its code or as its label in Hebrew or English ("המגזר השלישי" = third)."""

    def __init__(self, entries: Iterable[tuple[str, Sequence[str | Promise]]]) -> None:
        self.codes: dict[str, str] = {}
        for code, labels in entries:
            self.codes[word_key(code)] = code
            for key in in_languages(labels):
                self.codes.setdefault(key, code)

    def code(self, value: str) -> str | None:
        return self.codes.get(word_key(value))


@cache
def sector_words() -> Vocabulary:
    return Vocabulary((s.value, (s.label.he, s.label.en)) for s in Sector)


@cache
def subtype_words() -> Vocabulary:
    return Vocabulary((s.code, (s.label.he, s.label.en)) for s in SUBTYPES)


@cache
def legal_form_words() -> Vocabulary:
    entries = []
    for value, label in LegalForm.choices:
        text = next((t for f, t in LEGAL_FORM_LABELS.items() if f.value == value), None)
        entries.append((value, (label, *((text.he, text.en) if text else ()))))
    return Vocabulary(entries)


# --- organizations -------------------------------------------------------------------------------------------


def _c(field_name: str, *names: str, required: bool = False) -> Column:
    return Column(field_name, names, required)


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


def locality_key(name: str) -> str:
    """Locality names compared without quotes, dashes, spaces or case ("תל אביב-יפו" = "תל-אביב - יפו")."""
    return re.sub(r"[\s\-'\"״׳–]", "", clean_cell(name)).lower()


Problems = Callable[[str, str], None]


class OrganizationImporter:
    """A file of organizations in one format: its columns, its words, and how a row is classified.

    ``parse_row`` checks what every format shares (name, digits of the registry number, the registry's check
    digit); ``classify`` is each format's own rule for sector, subtype and legal form."""

    code = ""
    title: Promise = gettext_lazy("Organizations")
    explanation: Promise | str = ""
    example_file = ""
    """The public file this format was written for (shown beside the explanation, never translated)."""
    columns: tuple[Column, ...] = ()
    has_locality = True
    sets_classification = False
    """True when the file gives the classification row by row, so that an import may change it."""

    def parse_row(self, number: int, values: dict[str, str], columns: Columns) -> RowPlan:
        plan = RowPlan(number, RowAction.CREATE, name=values.get("name", ""), values=values)

        def problem(name: str, message: str) -> None:
            columns.problem(plan, name, message)

        nul_problems(plan, values, columns)
        if not values.get("name"):
            problem("name", _("The name is empty."))
        if len(values.get("name_en", "")) > 300:  # an English name is a courtesy: cut, not refused
            values["name_en"] = values["name_en"][:300]
        if _BARE_DOMAIN.match(values.get("website", "")):
            values["website"] = "https://" + values["website"]
        raw = values.get("registry_number", "")
        if re.search(r"[^\d\s\-./]", raw):
            problem("registry_number", _("A registry number has digits only."))
        else:
            plan.registry_number = values["registry_number"] = normalize(raw)
            if self.classify(values, problem):
                issue = registry_problem(values["legal_form"], plan.registry_number)
                if issue:
                    problem("registry_number", _(issue))
        if plan.problems:
            plan.action = RowAction.REJECT
        return plan

    def classify(self, values: dict[str, str], problem: Problems) -> bool:
        """Set sector, subtype and legal form in ``values``; False when the row cannot be classified."""
        raise NotImplementedError


class ThirdSectorImporter(OrganizationImporter):
    """Lists of nonprofits, public-benefit companies and cooperatives: classified by the number's prefix."""

    def classify(self, values: dict[str, str], problem: Problems) -> bool:
        number = values["registry_number"]
        if not number:
            problem("registry_number", _("The registry number is empty."))
            return False
        form = THIRD_SECTOR_PREFIXES.get(number[:2])
        if form is None or len(number) != 9:
            problem("registry_number", _("This is not the number of a nonprofit, company or cooperative."))
            return False
        values["sector"], values["legal_form"], values["subtype"] = Sector.THIRD, form[0], form[1]
        return True


class GuideStarImporter(ThirdSectorImporter):
    code = "guidestar"
    title = gettext_lazy("GuideStar list of nonprofits")
    explanation = gettext_lazy(
        "The nonprofits list of GuideStar: a number and a name per row. "
        "The sector, subtype and legal form come from the number's first two digits (58 nonprofit, 51 and 52 "
        "public-benefit company, 57 cooperative, 50 endowment). The list has no locality: every row is imported."
    )
    example_file = "ngo_proper_management_guidestar.csv"
    columns = (_c("registry_number", "ngo_id", required=True), _c("name", "ngo_name", required=True))
    has_locality = False


class RegistrarImporter(ThirdSectorImporter):
    code = "registry"
    title = gettext_lazy("Registrar of Associations export")
    explanation = gettext_lazy(
        "The export of the Registrar of Associations, with its Hebrew headers. Classified by the number's first "
        "two digits, like GuideStar's list; only rows of this town's locality are kept, and deleted or dissolved "
        "associations are skipped."
    )
    columns = (
        _c("registry_number", "מספר עמותה", required=True),
        _c("name", "שם עמותה בעברית", required=True),
        _c("name_en", "שם עמותה באנגלית"),
        _c("status", "סטטוס עמותה"),
        _c("fields_of_activity", "סיווג פעילות ענפי"),
        _c("fields_secondary", "תחום פעילות משני"),
        _c("locality", "כתובת - ישוב", "כתובת - יישוב"),
        _c("description", "מטרות עמותה"),
    )


class FixedClassImporter(OrganizationImporter):
    """Registers of one kind of organization: every row has the same classification."""

    fixed: dict[str, str] = {}

    def classify(self, values: dict[str, str], problem: Problems) -> bool:
        values.update(self.fixed)
        if not values["registry_number"]:
            problem("registry_number", _("The registry number is empty."))
            return False
        return True


class PartnershipsImporter(FixedClassImporter):
    code = "partnerships"
    title = gettext_lazy("Registry of business partnerships")
    explanation = gettext_lazy(
        "The registry of business partnerships: each row becomes a small "
        "local business of the business sector. Only rows of this town's locality are kept."
    )
    example_file = "partnerships_registry_budgetkey.csv"
    columns = (
        _c("registry_number", "id", required=True),
        _c("name", "name", required=True),
        _c("name_en", "name_en"),
        _c("status", "partnership_status"),
        _c("locality", "partnership_city", required=True),
    )
    fixed = {"sector": Sector.BUSINESS, "subtype": "small_business", "legal_form": LegalForm.PARTNERSHIP_FIRM}


class AuthoritiesImporter(FixedClassImporter):
    code = "authorities"
    title = gettext_lazy("Local authorities as organizations")
    explanation = gettext_lazy(
        "The table of local authorities: the town's own authority becomes an "
        "organization of the public sector, with its CBS symbol as its number."
    )
    example_file = "local_authorities_2021.csv"
    columns = (
        _c("registry_number", "cbs_code", "סמל רשות", required=True),
        _c("name", "name_he", "שם רשות", required=True),
        _c("name_en", "name_en"),
    )
    fixed = {"sector": Sector.PUBLIC, "subtype": "local_authority", "legal_form": LegalForm.LOCAL_AUTHORITY}


class TemplateImporter(OrganizationImporter):
    """The app's own template: every field, classification included, in the app's words or codes."""

    code = "generic"
    title = gettext_lazy("The app's own template")
    explanation = gettext_lazy(
        "Our template, one organization per row, for lists of any sector: download it below, in CSV or XLSX. "
        "Headers and values may be written as the app shows them, in Hebrew or English (for example sector "
        '"Third sector", subtype "Nonprofit (amuta)"). A row without a registry number is matched on its name.'
    )
    columns = (
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
    )
    sets_classification = True

    def classify(self, values: dict[str, str], problem: Problems) -> bool:
        sector = sector_words().code(values.get("sector", ""))
        subtype_code = subtype_words().code(values.get("subtype", ""))
        legal_form = legal_form_words().code(values.get("legal_form", ""))
        if sector is None:
            problem("sector", _("Unknown sector: %(value)s") % {"value": values.get("sector", "")})
        subtype = SUBTYPES_BY_CODE.get(subtype_code or "")
        if subtype is None:
            problem("subtype", _("Unknown subtype: %(value)s") % {"value": values.get("subtype", "")})
        # A subtype of another sector is the model's rule (Organization.rule_errors), checked with the row's record.
        if legal_form is None:
            problem("legal_form", _("Unknown legal form: %(value)s") % {"value": values.get("legal_form", "")})
        if sector is None or subtype is None or legal_form is None:
            return False
        values["sector"], values["subtype"], values["legal_form"] = sector, subtype.code, legal_form
        return True


ORG_IMPORTERS: dict[str, OrganizationImporter] = {
    i.code: i
    for i in (
        TemplateImporter(),
        GuideStarImporter(),
        RegistrarImporter(),
        PartnershipsImporter(),
        AuthoritiesImporter(),
    )
}


def parse_organization_rows(
    table: Table,
    importer: OrganizationImporter,
    *,
    localities: Sequence[str] | None,
) -> list[RowPlan]:
    """Check every row of ``table``; ``localities`` keeps only rows of those localities (None: every row)."""
    columns = Columns(table.header, importer.columns)
    wanted = {locality_key(x) for x in localities} if localities is not None else None
    filter_locality = wanted is not None and importer.has_locality and "locality" in columns.index
    seen: dict[str, int] = {}
    plans: list[RowPlan] = broken_plans(table)
    for number, cells in table.rows:
        values = columns.values(cells)
        if filter_locality and locality_key(values.get("locality", "")) not in (wanted or ()):
            plans.append(RowPlan(number, RowAction.SKIP, name=values.get("name", ""), reason=_("another locality")))
            continue
        status = values.pop("status", "")
        if status and any(word in status.lower() for word in INACTIVE_STATUS_WORDS):
            reason = _("not active (%(status)s)") % {"status": status}
            plans.append(RowPlan(number, RowAction.SKIP, name=values.get("name", ""), reason=reason))
            continue
        secondary = values.pop("fields_secondary", "")
        if secondary:
            values["fields_of_activity"] = ", ".join(x for x in (values.get("fields_of_activity", ""), secondary) if x)
        plan = importer.parse_row(number, values, columns)
        plans.append(plan)
        key = org_key(plan.registry_number, plan.name)
        if plan.action is RowAction.REJECT:
            continue
        if key in seen:
            field_name = "registry_number" if plan.registry_number else "name"
            columns.problem(plan, field_name, _("Duplicate of row %(row)s.") % {"row": seen[key]})
            plan.action = RowAction.REJECT
        else:
            seen[key] = number
    plans.sort(key=lambda p: p.row)
    return plans


# --- funding flows -------------------------------------------------------------------------------------------

WELFARE_MINISTRY = "משרד הרווחה והביטחון החברתי"


@dataclass(slots=True)
class FundingRow:
    row: int
    funder: str
    recipient_number: str
    recipient_name: str
    year: int
    amount: Decimal
    problems: list[Problem] = field(default_factory=list)


class FundingImporter:
    """A file of funding flows in one format: its columns, its words, and one row as a ``FundingRow``."""

    code = ""
    title: Promise = gettext_lazy("Funding flows")
    explanation: Promise | str = ""
    example_file = ""
    columns: tuple[Column, ...] = ()
    default_funder = ""

    def matches(self, header: Sequence[str]) -> bool:
        keys = {word_key(h) for h in header}
        return all(column.header_keys() & keys for column in self.columns if column.required)

    def parse_row(self, number: int, values: dict[str, str], columns: Columns) -> FundingRow:
        row = FundingRow(
            number,
            values.get("funder") or self.default_funder,
            normalize(values.get("recipient_number", "")),
            values.get("recipient_name", ""),
            0,
            Decimal(0),
        )
        plan = RowPlan(number, RowAction.CREATE)
        nul_problems(plan, values, columns)
        year = values.get("year", "")
        if not (year.isdigit() and 1948 <= int(year) <= 2100):
            columns.problem(plan, "year", _("Not a year: %(value)s") % {"value": year})
        else:
            row.year = int(year)
        text = values.get("amount", "")
        try:
            row.amount = Decimal(text.replace(",", "") or "0")
            if row.amount < 0 or not row.amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            columns.problem(plan, "amount", _("Not an amount: %(value)s") % {"value": text})
        row.problems = plan.problems
        return row


class CultureImporter(FundingImporter):
    code = "culture"
    title = gettext_lazy("Ministry of Culture supports")
    explanation = gettext_lazy(
        "The supports of the Ministry of Culture: the funder, the "
        "recipient's name and corporate number, the year and the amount paid."
    )
    example_file = "culture_ministry_supports_2009_2021.csv"
    columns = (
        _c("funder", "משרד", required=True),
        _c("recipient_name", "מקבל התמיכה", required=True),
        _c("recipient_number", "מספר תאגיד", required=True),
        _c("year", "שנה", required=True),
        _c("amount", 'סה"כ שולם', required=True),
    )


class WelfareImporter(FundingImporter):
    code = "welfare"
    title = gettext_lazy("Ministry of Welfare payments to operators")
    explanation = gettext_lazy(
        "The Ministry of Welfare's payments to operators: "
        "the operator's corporate number, the year and the total paid; the funder is the ministry."
    )
    example_file = "welfare_ministry_payments_to_operators_2017_2020.csv"
    columns = (
        _c("recipient_number", "operator_corporate_id", required=True),
        _c("year", "year", required=True),
        _c("amount", "total_payments_nis", required=True),
    )
    default_funder = WELFARE_MINISTRY


class FundingTemplateImporter(FundingImporter):
    code = "generic"
    title = gettext_lazy("The app's own funding template")
    explanation = gettext_lazy(
        "Our template, one payment per row: the funder's name, the recipient's registry number (and name), the "
        "year and the amount in shekels. Download it below, in CSV or XLSX."
    )
    columns = (
        _c("funder", "funder", "מממן", required=True),
        _c("recipient_name", "recipient_name", "שם המקבל"),
        _c("recipient_number", "recipient_registry_number", "מספר המקבל", required=True),
        _c("year", "year", "שנה", required=True),
        _c("amount", "amount", "סכום", required=True),
    )


FUNDING_IMPORTERS: dict[str, FundingImporter] = {
    i.code: i for i in (CultureImporter(), WelfareImporter(), FundingTemplateImporter())
}


def detect_funding_format(header: Sequence[str]) -> FundingImporter:
    """The format whose required columns the header has; the template when none fits (it names what is missing)."""
    return next((i for i in FUNDING_IMPORTERS.values() if i.matches(header)), FUNDING_IMPORTERS["generic"])


def parse_funding_rows(table: Table) -> tuple[str, list[FundingRow]]:
    importer = detect_funding_format(table.header)
    columns = Columns(table.header, importer.columns)
    out = [
        FundingRow(number, "", "", "", 0, Decimal(0), [Problem("", message)])
        for number, message in table.broken.items()
    ]
    out += [importer.parse_row(number, columns.values(cells), columns) for number, cells in table.rows]
    out.sort(key=lambda r: r.row)
    return importer.code, out


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
    columns = Columns(table.header, AUTHORITY_COLUMNS)
    for number, message in table.broken.items():
        yield number, {c.field: "" for c in AUTHORITY_COLUMNS}, [Problem("", message)]
    for number, cells in table.rows:
        values = {c.field: cell(cells, columns.index, c.field) for c in AUTHORITY_COLUMNS}
        plan = RowPlan(number, RowAction.CREATE)
        nul_problems(plan, values, columns)
        if not values["code"].isdigit():
            columns.problem(plan, "code", _("A CBS symbol has digits only."))
        if not values["name"]:
            columns.problem(plan, "name", _("The name is empty."))
        for name in ("population", "ses_cluster", "peripherality_cluster"):
            text = values[name].split(".")[0]
            if text and not text.isdigit():
                columns.problem(plan, name, _("Not a whole number: %(value)s") % {"value": values[name]})
            values[name] = text
        yield number, values, plan.problems
