"""Writing CSV and XLSX safely: a cell a spreadsheet would run as a formula is written as plain text.

A spreadsheet program treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and a leading tab
or carriage return can hide one; an organization's name, an imported file or a respondent's free text could
plant ``=HYPERLINK(...)`` in an export. Every CSV and XLSX writer of the app goes through this module:

* ``neutralize(value)`` puts an apostrophe before such a text (the spreadsheets' own mark for "this is text");
  numbers stay numbers, and a text that is only a number (``-12.5``) is left as it is;
* ``csv_bytes(header, rows)`` writes through defusedcsv (which also covers ``|`` and ``%``), UTF-8 with a BOM so
  that Excel shows Hebrew;
* ``xlsx_append(sheet, values)`` adds a row to an openpyxl sheet with every text stored as a string, never as a
  formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from defusedcsv import csv as defused_csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?[0-9,.]+$")


def neutralize(value: Any) -> Any:
    """Return ``value`` as a spreadsheet must store it: ``None`` as an empty cell, a dangerous text behind ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float | Decimal):
        return value
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) and not _NUMBER.match(value):
        return "'" + value
    return value


def csv_bytes(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """The table as CSV (``\\r\\n`` line ends), UTF-8 with a byte-order mark, every cell neutralized."""
    buffer = io.StringIO()
    writer = defused_csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralize(v) for v in header])
    for row in rows:
        writer.writerow([neutralize(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_append(sheet: Any, values: Sequence[Any]) -> None:
    """Append one row to an openpyxl worksheet: numbers as numbers, every text as a string (never a formula)."""
    sheet.append([neutralize(v) for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
