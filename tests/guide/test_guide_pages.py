"""The guide pages credit the guide correctly and mark what is the guide's, another source's, or ours."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shutafut.model.lifecycle import Stage
from shutafut.model.outcomes import COMPLEXITY_WARNING, DRIVERS, OUTCOMES
from shutafut.model.principles import INDICATORS, PRINCIPLES
from shutafut.model.provenance import Source
from shutafut.model.sector_table import BUSINESS_SPLIT_NOTE, OFFICIAL_AUTHORITY_NOTE, SECTOR_TABLE

pytestmark = pytest.mark.django_db


def page(client, name: str, lang: str = "he") -> str:
    response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return response.content.decode()


def marks(html: str, source: Source) -> int:
    return html.count(f'data-source="{source.value}"')


@pytest.mark.parametrize("lang", ["he", "en"])
def test_the_footer_credits_the_guides_publishers_and_year_and_the_ladders_project(client, lang):
    html = page(client, "guide", lang)
    footer = html.split('data-testid="footer-credit"')[1].split("</footer>")[0]
    names = ('אלכ"א', "ציונות 2000", "שיתופים", "2007", "בנגב") if lang == "he" else (
        "Alka", "Zionism 2000", "Sheatufim", "2007", "Negev")  # fmt: skip
    for name in names:
        assert name.replace('"', "&quot;") in footer
    assert "Center for Local Sustainability" in footer or "המרכז לקיימות מקומית" in footer


@pytest.mark.parametrize("lang", ["he", "en"])
def test_the_guide_page_says_why_partner_what_drives_it_and_that_many_partnerships_fail(client, lang):
    html = page(client, "guide", lang)
    for info in OUTCOMES.values():
        assert info.label.in_lang(lang) in html
    for text in DRIVERS.values():
        assert text.in_lang(lang) in html
    assert COMPLEXITY_WARNING.in_lang(lang) in html
    assert marks(html, Source.GUIDE) >= 3


def test_the_ladder_page_credits_the_negev_project_for_the_names_and_marks_the_definitions_ours(client):
    html = page(client, "guide-ladder", "en")
    assert "Negev sustainable local economy project" in html
    assert marks(html, Source.NEGEV_PROJECT) == 1
    assert marks(html, Source.OURS) == 6


def test_the_principles_page_marks_each_principle_as_the_guides_and_each_threshold_as_ours(client):
    html = page(client, "guide-principles", "en")
    for info in PRINCIPLES.values():
        assert info.explanation.en.replace("'", "&#x27;") in html
    thresholds = [i for i in INDICATORS.values() if i.threshold]
    assert marks(html, Source.GUIDE) == 6 + sum(not i.proposed for i in INDICATORS.values())
    assert marks(html, Source.OURS) == sum(i.proposed for i in INDICATORS.values()) + len(thresholds)


def test_the_sector_page_marks_our_items_and_our_split_and_shows_the_notes(client):
    html = page(client, "guide-sectors", "he")
    assert marks(html, Source.OURS) == len(SECTOR_TABLE.business.concerns) + 1
    notes = html.split('data-testid="sector-notes"')[1]
    assert OFFICIAL_AUTHORITY_NOTE.he.replace('"', "&quot;") in notes
    assert BUSINESS_SPLIT_NOTE.he.replace('"', "&quot;") in notes
    assert "במכות רשמית" in notes


def test_the_life_cycle_page_has_the_toolkits_long_term_planning_stage_and_marks_our_stages(client):
    html = page(client, "guide-lifecycle", "he")
    assert "תכנון לטווח ארוך" in html
    ours = [s for s in Stage if s.source is Source.OURS]
    assert {s.value for s in ours} == {"idea", "review", "renewed", "expanded", "embedded"}
    for stage in Stage:
        item = html.split(f'id="stage-{stage.value}"')[1].split("</strong>")[1]
        assert f'data-source="{stage.source.value}"' in item.split("<ul>")[0]
