"""The sector table of contributions, benefits and concerns (domain.md §5)."""

from __future__ import annotations

import dataclasses

import pytest

from shutafut.model.resources import ResourceType
from shutafut.model.sector_table import (
    PROPOSED_BUSINESS_CONCERNS,
    SECTOR_TABLE,
    Column,
    SectorTable,
    TableItem,
    proposed_business_concern,
    sector_table,
)
from shutafut.model.sectors import Sector
from shutafut.model.text import Text

LOCAL_CONCERNS = (
    proposed_business_concern("tax_exposure", "חשש מחשיפה למס", "Fear of tax exposure"),
    proposed_business_concern("staff_time", "זמן עובדים", "Staff time"),
)


@pytest.mark.parametrize("item", SECTOR_TABLE.business.concerns, ids=[i.code for i in SECTOR_TABLE.business.concerns])
def test_business_concerns_are_all_marked_proposed(item: TableItem):
    assert item.proposed is True


def test_business_concerns_ship_with_the_six_proposed_defaults():
    assert SECTOR_TABLE.business.concerns == PROPOSED_BUSINESS_CONCERNS
    assert len(PROPOSED_BUSINESS_CONCERNS) == 6


def test_items_from_the_guide_are_not_marked_proposed():
    guide_items = [i for i in SECTOR_TABLE.all_items() if i not in PROPOSED_BUSINESS_CONCERNS]
    assert guide_items
    assert [i.code for i in guide_items if i.proposed] == []


@pytest.mark.parametrize(
    "build",
    [
        lambda: SECTOR_TABLE.with_business_concerns(LOCAL_CONCERNS),
        lambda: sector_table(business_concerns=LOCAL_CONCERNS),
    ],
    ids=["with_business_concerns", "sector_table(business_concerns=...)"],
)
def test_business_concerns_can_be_replaced_leaving_the_rest_of_the_table(build):
    table = build()
    assert table.business.concerns == LOCAL_CONCERNS
    assert table.public == SECTOR_TABLE.public
    assert table.third == SECTOR_TABLE.third
    assert table.business.contributions == SECTOR_TABLE.business.contributions
    assert SECTOR_TABLE.business.concerns == PROPOSED_BUSINESS_CONCERNS


def test_without_replacement_the_shipped_table_is_returned():
    assert sector_table() is SECTOR_TABLE


def test_a_replacement_concern_not_marked_proposed_is_rejected():
    claimed = TableItem("business.concern.claimed", Text("חשש", "Concern"), proposed=False)
    with pytest.raises(ValueError, match="business.concern.claimed.*proposed=True"):
        SECTOR_TABLE.with_business_concerns([claimed])


@pytest.mark.parametrize(
    "code",
    ["public.concern.misplaced", "business.benefit.misplaced", "business.concern."],
    ids=["another sector", "another column", "no item name"],
)
def test_a_replacement_concern_outside_the_business_concern_cell_is_rejected(code: str):
    item = TableItem(code, Text("חשש", "Concern"), proposed=True)
    with pytest.raises(ValueError, match="must start with 'business.concern.'"):
        SECTOR_TABLE.with_business_concerns([item])


def test_a_code_used_twice_is_rejected():
    twice = (LOCAL_CONCERNS[0], LOCAL_CONCERNS[0])
    with pytest.raises(ValueError, match="appears twice"):
        SECTOR_TABLE.with_business_concerns(twice)


@pytest.mark.parametrize("item", SECTOR_TABLE.all_items(), ids=[i.code for i in SECTOR_TABLE.all_items()])
def test_every_item_code_names_its_own_sector_and_column(item: TableItem):
    assert item in SECTOR_TABLE.items(item.sector, item.column)


def test_official_authority_uses_the_corrected_term_with_a_note():
    item = SECTOR_TABLE.item("public.contribution.official_authority")
    assert item.text.he == "סמכות רשמית"
    assert item.resource_types == (ResourceType.OFFICIAL_AUTHORITY,)
    assert item.note is not None
    assert "במכות רשמית" in item.note.he
    assert not any("במכות" in i.text.he for i in SECTOR_TABLE.all_items())


def test_contributions_carry_resource_types_so_mismatches_can_be_computed():
    # domain.md §5: a public partner expecting budget from a business that offers managerial know-how.
    assert ResourceType.BUDGET in SECTOR_TABLE.contributed_resource_types(Sector.PUBLIC)
    assert ResourceType.BUDGET not in SECTOR_TABLE.contributed_resource_types(Sector.BUSINESS)
    assert ResourceType.MANAGERIAL_KNOWHOW in SECTOR_TABLE.contributed_resource_types(Sector.BUSINESS)


def test_general_resources_items_name_no_type_and_explain_why():
    for code in ("third.contribution.resources", "business.contribution.resources"):
        item = SECTOR_TABLE.item(code)
        assert item.resource_types == ()
        assert item.note is not None


def test_an_unknown_item_code_raises_naming_it():
    with pytest.raises(KeyError, match="public.contribution.magic"):
        SECTOR_TABLE.item("public.contribution.magic")


@pytest.mark.parametrize("column", list(Column), ids=[c.value for c in Column])
def test_every_sector_has_items_in_every_column(column: Column):
    assert all(SECTOR_TABLE.items(sector, column) for sector in Sector)


def test_the_table_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        SECTOR_TABLE.business = SECTOR_TABLE.public  # type: ignore[misc]
    assert isinstance(SECTOR_TABLE, SectorTable)
