"""Sectors, subtypes and legal forms, with the modelling rules of domain.md §1.2."""

from __future__ import annotations

import pytest

from shutafut.model.sectors import (
    COMMUNITY_SUBTYPES,
    LEGAL_FORM_LABELS,
    SUBTYPES_BY_CODE,
    USUAL_SECTOR,
    LegalForm,
    Sector,
    counts_as_sector_for_cross_sectorality,
    is_cross_sector,
    is_hybrid,
    subtypes_of,
    suggest_sector,
)


def test_the_legal_forms_are_the_eleven_agreed_codes():
    assert [f.value for f in LegalForm] == [
        "local_authority",
        "government",
        "statutory",
        "amuta",
        "public_benefit_company",
        "cooperative",
        "endowment",
        "company",
        "partnership_firm",
        "sole_trader",
        "informal",
    ]


@pytest.mark.parametrize("form", list(LegalForm), ids=[f.value for f in LegalForm])
def test_every_legal_form_has_a_label_and_a_usual_sector(form: LegalForm):
    assert form.label is LEGAL_FORM_LABELS[form]
    assert form in USUAL_SECTOR


@pytest.mark.parametrize(
    ("form", "owned_by_public_body", "expected"),
    [
        (LegalForm.COMPANY, False, Sector.BUSINESS),
        (LegalForm.COMPANY, True, Sector.PUBLIC),
        (LegalForm.AMUTA, False, Sector.THIRD),
        (LegalForm.LOCAL_AUTHORITY, False, Sector.PUBLIC),
        (LegalForm.INFORMAL, False, Sector.THIRD),
    ],
    ids=[
        "a private company is business",
        "a municipal company is public by its owner",
        "an amuta is third sector",
        "a local authority is public",
        "an informal group is third sector",
    ],
)
def test_the_suggested_sector_follows_the_owner_before_the_form(
    form: LegalForm, owned_by_public_body: bool, expected: Sector
):
    assert suggest_sector(form, owned_by_public_body=owned_by_public_body) is expected


@pytest.mark.parametrize(
    ("subtype", "expected"),
    [("social_business", True), ("nonprofit", False), ("corporation", False)],
    ids=["social business", "nonprofit", "corporation"],
)
def test_only_social_businesses_carry_the_hybrid_flag(subtype: str, expected: bool):
    assert is_hybrid(subtype) is expected


@pytest.mark.parametrize("code", sorted(COMMUNITY_SUBTYPES), ids=sorted(COMMUNITY_SUBTYPES))
def test_community_participants_count_as_third_sector(code: str):
    assert counts_as_sector_for_cross_sectorality(code) is Sector.THIRD
    assert counts_as_sector_for_cross_sectorality(SUBTYPES_BY_CODE[code]) is Sector.THIRD


@pytest.mark.parametrize(
    ("code", "expected"),
    [("municipal_company", Sector.PUBLIC), ("foundation", Sector.THIRD), ("small_business", Sector.BUSINESS)],
    ids=["municipal company", "foundation", "small business"],
)
def test_other_participants_count_under_their_own_sector(code: str, expected: Sector):
    assert counts_as_sector_for_cross_sectorality(code) is expected


def test_an_unknown_subtype_cannot_be_counted():
    with pytest.raises(KeyError):
        counts_as_sector_for_cross_sectorality("alien")


@pytest.mark.parametrize(
    ("sectors", "expected"),
    [
        ([Sector.PUBLIC, Sector.THIRD], True),
        ([Sector.THIRD, Sector.THIRD, Sector.THIRD], False),
        ([Sector.BUSINESS, Sector.THIRD, Sector.BUSINESS], True),
        ([], False),
    ],
    ids=["public and third", "three nonprofits", "business and third with repeats", "no members"],
)
def test_cross_sector_needs_two_distinct_sectors(sectors: list[Sector], expected: bool):
    assert is_cross_sector(sectors) is expected


@pytest.mark.parametrize("sector", list(Sector), ids=[s.value for s in Sector])
def test_every_sector_has_subtypes_of_its_own(sector: Sector):
    subtypes = subtypes_of(sector)
    assert subtypes
    assert {s.sector for s in subtypes} == {sector}
