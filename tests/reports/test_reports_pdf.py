"""The demo town's PDF reads correctly in Hebrew (pdftotext) and embeds its fonts (pdffonts)."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from shutafut.reports.cli import report
from tests.conftest import require_program

pytestmark = pytest.mark.django_db


def test_the_demo_town_pdf_reads_in_hebrew_with_embedded_fonts(demo, tmp_path):
    pdftotext, pdffonts = require_program("pdftotext", "poppler-utils"), require_program("pdffonts", "poppler-utils")
    out = tmp_path / "town.pdf"
    result = CliRunner().invoke(report, ["town", demo.slug, "--pdf", str(out)])
    assert result.exit_code == 0, result.output
    text = subprocess.run([pdftotext, "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "באר שבע" in text and "סולם היחסים" in text and "עירוב מגזרים" in text
    assert "םיסחיה" not in text  # not reversed
    fonts = subprocess.run([pdffonts, str(out)], capture_output=True, text=True, check=True).stdout
    hebrew = [line for line in fonts.splitlines() if "Hebrew" in line or "DejaVu" in line]
    assert hebrew and all(line.split()[-5] == "yes" for line in hebrew)


def test_the_partnership_pdf_in_english_names_its_sections(demo, tmp_path):
    pdftotext = require_program("pdftotext", "poppler-utils")
    partnership = demo.partnerships.first()
    out = tmp_path / "p.pdf"
    result = CliRunner().invoke(report, ["partnership", str(partnership.pk), "--pdf", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Members and roles" in text and "Diagnosis" in text and partnership.name in text


def test_the_chart_labels_are_stored_in_visual_order_for_svg():
    from shutafut.reports.charts import bar_chart

    svg = bar_chart([("סולם", 3)], title="סולם")
    assert "םלוס" in svg and "<rect" in svg
