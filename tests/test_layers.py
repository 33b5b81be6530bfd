"""The import-linter contracts in pyproject.toml (run by `lint-imports` in `make lint` and `make test`) stay whole:
no import is ignored, and the purity contract forbids every app, including one added later."""

from __future__ import annotations

import pkgutil
import tomllib

import shutafut
from tests.conftest import REPO

CONTRACTS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def contract(name_start: str) -> dict:  # type: ignore[type-arg]
    (found,) = [c for c in CONTRACTS if c["name"].startswith(name_start)]
    return found


def test_no_contract_ignores_an_import():
    assert CONTRACTS
    assert [c["name"] for c in CONTRACTS if c.get("ignore_imports")] == []


def test_the_purity_contract_forbids_django_and_every_app_but_the_model():
    apps = {f"shutafut.{m.name}" for m in pkgutil.iter_modules(shutafut.__path__)} - {"shutafut.model"}
    forbidden = set(contract("The guide's model, the diagnosis engine")["forbidden_modules"])
    assert "django" in forbidden
    assert apps - forbidden == set()
