"""Shared test fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHUTAFUT_SHARED_DIR", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only real data sets of ../shared/data; tests that need them skip when they are absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"real data sets not found at {data} (set SHUTAFUT_SHARED_DIR to the shared/ folder)")
    return data
