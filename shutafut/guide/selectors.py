"""Reads of the guide app: a town's sector table (its own business concerns, or the model's proposal)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from shutafut.accounts.models import Town
from shutafut.guide.models import SectorTableSetting
from shutafut.model.provenance import Source
from shutafut.model.sector_table import SECTOR_TABLE, SectorTable, TableItem, proposed_business_concern


def _items(entries: Iterable[Mapping[str, str]]) -> tuple[TableItem, ...]:
    return tuple(proposed_business_concern(e["name"], e["he"], e["en"], source=Source.TOWN) for e in entries)


@dataclass(frozen=True, slots=True)
class TownTable:
    """The sector table a town works with, and the business concerns it used before (for old records' words)."""

    table: SectorTable
    own: bool
    """True when the town set its own business concerns; False when it uses the model's proposal."""
    former: tuple[TableItem, ...] = ()

    def item(self, code: str) -> TableItem:
        """Return the item named ``code`` in this table, a former town item, or the shipped table; else KeyError."""
        try:
            return self.table.item(code)
        except KeyError:
            pass
        for item in self.former:
            if item.code == code:
                return item
        return SECTOR_TABLE.item(code)


def town_table(town: Town | int) -> TownTable:
    """Return ``town``'s sector table: its own business concerns when it set them, else the model's proposal."""
    town_id = town if isinstance(town, int) else town.pk
    setting = SectorTableSetting.objects.filter(town_id=town_id).first()
    if setting is None:
        return TownTable(SECTOR_TABLE, own=False)
    former = _items(setting.former_concerns)
    if not setting.business_concerns:
        return TownTable(SECTOR_TABLE, own=False, former=former)
    return TownTable(SECTOR_TABLE.with_business_concerns(_items(setting.business_concerns)), True, former)
