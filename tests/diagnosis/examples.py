"""The examples of examples/diagnosis/ and the result each one documents on its first line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import REPO

EXAMPLE_FILES = sorted((REPO / "examples" / "diagnosis").glob("*.yaml"))


def documented(path: Path) -> dict[str, str]:
    """The example's first line: '# Expected: rung=… is_partnership=… exclusion=…'."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return dict(re.findall(r"(\w+)=(\w+)", first))


def outcome(document: dict[str, Any]) -> dict[str, str]:
    """The same three facts of a diagnosis document (the CLI's JSON, the API's, the page's)."""
    return {
        "rung": document["rung"]["code"],
        "is_partnership": str(document["is_partnership"]).lower(),
        "exclusion": document["exclusion"]["code"] if document["exclusion"] else "none",
    }
