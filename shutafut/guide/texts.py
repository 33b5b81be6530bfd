"""The guide's model rendered for templates in one language (the model itself stays bilingual data).

Every entry carries its ``source`` (a ``shutafut.model.provenance.Source`` value), which the templates show
with ``{% source_mark %}``.
"""

from __future__ import annotations

from typing import Any

from shutafut.model.ladder import RUNGS
from shutafut.model.lifecycle import GATES, STAGE_LABELS, TRANSITIONS, Stage
from shutafut.model.outcomes import COMPLEXITY_WARNING, DRIVERS, OUTCOMES
from shutafut.model.principles import PRINCIPLES
from shutafut.model.provenance import Source
from shutafut.model.sector_table import Column, SectorTable


def why_for(lang: str) -> dict[str, Any]:
    """What the guide says before the principles: why partner, what drives it, and its warning."""
    return {
        "outcomes": [
            {"code": o.value, "label": i.label.in_lang(lang), "text": i.description.in_lang(lang)}
            for o, i in OUTCOMES.items()
        ],
        "drivers": [t.in_lang(lang) for t in DRIVERS.values()],
        "warning": COMPLEXITY_WARNING.in_lang(lang),
        "source": Source.GUIDE.value,
    }


def ladder_for(lang: str) -> list[dict[str, Any]]:
    return [
        {
            "order": int(r),
            "code": r.code,
            "name": i.name.in_lang(lang),
            "summary": i.summary.in_lang(lang),
            "definition": i.definition.in_lang(lang),
            "name_source": i.name_source.value,
            "definition_source": i.definition_source.value,
        }
        for r, i in sorted(RUNGS.items())
    ]


def principles_for(lang: str) -> list[dict[str, Any]]:
    return [
        {
            "code": principle.value,
            "name": info.name.in_lang(lang),
            "summary": info.explanation.in_lang(lang),
            "source": info.source.value,
            "indicators": [
                {
                    "code": i.code,
                    "text": i.text.in_lang(lang),
                    "source": i.source.value,
                    "threshold": i.threshold.in_lang(lang) if i.threshold else "",
                    "threshold_source": i.threshold_source.value,
                }
                for i in principle.indicators
            ],
        }
        for principle, info in PRINCIPLES.items()
    ]


def sector_table_for(table: SectorTable, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "sector": row.sector.value,
            "name": row.sector.label.in_lang(lang),
            "split_source": row.split_source.value,
            "columns": [
                [{"text": item.text.in_lang(lang), "source": item.provenance.value} for item in row.items(column)]
                for column in Column
            ],
        }
        for row in table.rows()
    ]


def sector_notes_for(table: SectorTable, lang: str) -> list[dict[str, str]]:
    return [
        {"sector": ", ".join(s.label.in_lang(lang) for s in sectors), "text": note.in_lang(lang)}
        for sectors, note in table.notes()
    ]


def lifecycle_for(lang: str) -> list[dict[str, Any]]:
    """Each stage with its source, where it can go next, and the gates (ours) that guard each move."""
    stages = []
    for stage in Stage:
        moves = []
        for to in Stage:
            if (stage, to) not in TRANSITIONS or (to is Stage.CLOSED and stage is not Stage.PLANNING):
                continue
            gates = [g.text.in_lang(lang) for g in GATES if (stage, to) in g.transitions]
            moves.append({"to": STAGE_LABELS[to].in_lang(lang), "gates": gates})
        stages.append(
            {
                "code": stage.value,
                "name": STAGE_LABELS[stage].in_lang(lang),
                "source": stage.source.value,
                "moves": moves,
            }
        )
    return stages
