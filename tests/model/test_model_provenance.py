"""One vocabulary of sources: every piece of the guide's model says whether it is the guide's, another named
source's, the town's, or our proposal (issue 13, item 2)."""

from __future__ import annotations

import pytest

from shutafut.model.ladder import RUNGS, Rung
from shutafut.model.outcomes import COMPLEXITY_WARNING, DRIVERS, OUTCOMES, Driver, Outcome
from shutafut.model.provenance import SOURCES, Source
from shutafut.model.sector_table import (
    BUSINESS_CONCERNS_NOTE,
    BUSINESS_SPLIT_NOTE,
    GENERAL_RESOURCES_NOTE,
    OFFICIAL_AUTHORITY_NOTE,
    SECTOR_TABLE,
    TableItem,
    proposed_business_concern,
)
from shutafut.model.sectors import Sector
from shutafut.model.text import Text


@pytest.mark.parametrize("source", list(Source), ids=lambda s: s.value)
def test_every_source_has_a_short_label_and_a_full_credit_in_both_languages(source: Source):
    assert source.info.source is source
    for text in (source.label, source.credit):
        assert text.he.strip()
        assert text.en.strip()


def test_the_guides_credit_names_its_publishers_year_and_the_summary_we_read():
    credit = Source.GUIDE.credit
    for name in ('אלכ"א', "ציונות 2000", "שיתופים", "2007", "המרכז לקיימות מקומית"):
        assert name in credit.he
    for name in ("Alka", "Zionism 2000", "Sheatufim", "2007", "Center for Local Sustainability"):
        assert name in credit.en


def test_the_ladders_credit_names_the_negev_project():
    assert "בנגב" in Source.NEGEV_PROJECT.credit.he
    assert "Negev" in Source.NEGEV_PROJECT.credit.en


def test_only_our_proposal_is_ours():
    assert [s for s in SOURCES if s.is_ours] == [Source.OURS]


@pytest.mark.parametrize("rung", list(Rung), ids=lambda r: r.code)
def test_rung_names_are_the_negev_projects_and_their_definitions_ours(rung: Rung):
    info = RUNGS[rung]
    assert info.name_source is Source.NEGEV_PROJECT
    assert info.definition_source is Source.OURS


def test_a_sector_table_item_says_the_guide_unless_it_is_proposed():
    assert SECTOR_TABLE.item("public.contribution.budget").provenance is Source.GUIDE
    assert SECTOR_TABLE.item("business.concern.reputational_risk").provenance is Source.OURS


def test_a_towns_own_business_concern_says_it_is_the_towns():
    item = proposed_business_concern("parking", "חניה", "Parking", source=Source.TOWN)
    assert item.proposed is True
    assert item.provenance is Source.TOWN


@pytest.mark.parametrize(
    ("source", "proposed"), [(Source.GUIDE, True), (Source.TOWN, False), (Source.OURS, False)], ids=str
)
def test_an_item_whose_source_contradicts_its_proposed_flag_is_refused(source: Source, proposed: bool):
    with pytest.raises(ValueError, match="does not agree"):
        TableItem("public.contribution.x", Text("א", "a"), proposed=proposed, source=source)


def test_the_business_rows_split_into_contributions_and_benefits_is_marked_as_our_reading():
    assert SECTOR_TABLE.business.split_source is Source.OURS
    assert SECTOR_TABLE.public.split_source is Source.GUIDE
    assert SECTOR_TABLE.third.split_source is Source.GUIDE
    assert (len(SECTOR_TABLE.business.contributions), len(SECTOR_TABLE.business.benefits)) == (3, 2)


def test_the_tables_notes_list_the_correction_and_the_readings_once_each():
    notes = SECTOR_TABLE.notes()
    assert ((Sector.PUBLIC,), OFFICIAL_AUTHORITY_NOTE) in notes
    assert ((Sector.BUSINESS,), BUSINESS_SPLIT_NOTE) in notes
    assert ((Sector.BUSINESS,), BUSINESS_CONCERNS_NOTE) in notes
    assert ((Sector.THIRD, Sector.BUSINESS), GENERAL_RESOURCES_NOTE) in notes
    assert len({text for _s, text in notes}) == len(notes)
    assert any("במכות רשמית" in text.he and "סמכות רשמית" in text.he for _s, text in notes)


def test_a_towns_own_concerns_drop_the_note_that_calls_the_list_our_proposal():
    own = SECTOR_TABLE.with_business_concerns([proposed_business_concern("x", "א", "x", source=Source.TOWN)])
    assert BUSINESS_CONCERNS_NOTE not in [text for _s, text in own.notes()]
    assert BUSINESS_SPLIT_NOTE in [text for _s, text in own.notes()]


def test_the_why_list_holds_the_guides_outcomes():
    assert [o.value for o in Outcome] == [
        "community_development",
        "transparency",
        "efficiency",
        "quality_of_life",
        "public_space",
        "participation",
        "public_responsibility",
    ]
    assert set(OUTCOMES) == set(Outcome)
    assert all(o.source is Source.GUIDE for o in Outcome)
    assert all(o.info.description.he and o.info.description.en for o in Outcome)


def test_the_drivers_and_the_warning_are_the_guides():
    assert set(DRIVERS) == set(Driver)
    assert "פילנתרופיים" in Driver.SHRINKING_RESOURCES.label.he
    assert "sustainability" in Driver.COMPLEX_CHALLENGES.label.en
    assert "business" in Driver.BUSINESS_ROLE.label.en
    assert all(d.source is Source.GUIDE for d in Driver)
    assert "do not succeed" in COMPLEXITY_WARNING.en
    assert "חסמים" in COMPLEXITY_WARNING.he
