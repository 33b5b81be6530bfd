"""Errors for input the engine cannot read at all (contradictions in readable input are findings, not
errors)."""

from __future__ import annotations

from typing import ClassVar


class DiagnosisError(Exception):
    """Base of the engine's errors. ``exit_code`` is what the command line exits with."""

    exit_code: ClassVar[int] = 1

    def format_message(self) -> str:
        return str(self)


class InvalidInputError(DiagnosisError):
    """The input does not follow the input format. ``path`` names the field, e.g. ``members[2].sector``."""

    exit_code: ClassVar[int] = 2

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message

    def format_message(self) -> str:
        return str(self)


class UnreadableInputError(InvalidInputError):
    """The file is not valid JSON or YAML, or its top level is not a mapping."""


class SchemaViolationError(InvalidInputError):
    """The data breaks the JSON Schema (``shutafut/diagnosis/schema/partnership.schema.json``)."""
