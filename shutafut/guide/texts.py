"""The guide's model rendered for templates in one language (the model itself stays bilingual data)."""

from __future__ import annotations

from typing import Any

from shutafut.model.principles import PRINCIPLES
from shutafut.model.sector_table import SECTOR_TABLE, Column


def principles_for(lang: str) -> list[dict[str, Any]]:
    return [
        {
            "code": principle.value,
            "name": info.name.in_lang(lang),
            "summary": info.explanation.in_lang(lang),
            "indicators": [
                {"code": i.code, "text": i.text.in_lang(lang), "proposed": i.proposed} for i in principle.indicators
            ],
        }
        for principle, info in PRINCIPLES.items()
    ]


def sector_table_for(lang: str) -> list[dict[str, Any]]:
    return [
        {
            "sector": row.sector.value,
            "name": row.sector.label.in_lang(lang),
            "columns": [
                [{"text": item.text.in_lang(lang), "proposed": item.proposed} for item in row.items(column)]
                for column in Column
            ],
        }
        for row in SECTOR_TABLE.rows()
    ]
