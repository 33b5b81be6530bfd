"""The model package stays plain Python: no Django import anywhere in it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import shutafut.model

PACKAGE = Path(shutafut.model.__file__).resolve().parent
SOURCES = sorted(PACKAGE.rglob("*.py"))


def imported_modules(source: str) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            names.extend(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return names


def test_the_scan_finds_the_package_sources():
    assert {p.name for p in SOURCES} >= {"ladder.py", "sector_table.py", "crosswalk.py", "lifecycle.py"}


def test_the_scan_would_catch_a_django_import():
    sneaky = "import os\nfrom django.db import models\nimportlib.import_module('django.conf')\n"
    assert [m for m in imported_modules(sneaky) if m.split(".")[0] == "django"] == [
        "django.db",
        "django.conf",
    ]


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_the_model_module_imports_no_django(path: Path):
    modules = imported_modules(path.read_text(encoding="utf-8"))
    assert [m for m in modules if m.split(".")[0] == "django"] == []
