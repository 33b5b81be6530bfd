"""The expectations charter is prefilled from the town's own business concerns when the town set them."""

from __future__ import annotations

from shutafut.guide.selectors import town_table
from shutafut.guide.services import business_concerns_set
from shutafut.model.sector_table import PROPOSED_BUSINESS_CONCERNS
from shutafut.workspace import selectors, services
from shutafut.workspace.models import CharterItem


def business_concern_codes() -> set[str]:
    return set(
        CharterItem.objects.filter(column="concern", code__startswith="business.").values_list("code", flat=True)
    )


def test_prefill_uses_the_models_proposed_business_concerns_while_the_town_has_none(ws):
    services.charter_prefill(partnership=ws["p"], member=ws["biz_m"], by=ws["alice"])
    assert business_concern_codes() == {i.code for i in PROPOSED_BUSINESS_CONCERNS}


def test_prefill_uses_the_towns_own_business_concerns_and_the_charter_shows_their_words(ws):
    business_concerns_set(town=ws["town"], he="חשש מעומס\nחשש מתדמית", en="Red tape\nImage", by=ws["alice"])
    services.charter_prefill(partnership=ws["p"], member=ws["biz_m"], by=ws["alice"])
    assert len(business_concern_codes()) == 2
    assert not business_concern_codes() & {i.code for i in PROPOSED_BUSINESS_CONCERNS}
    view = selectors.charter_view(ws["p"])
    row = next(r for r in view.rows if r["member"] == ws["biz_m"])
    concerns = next(labels for col, _label, labels in row["columns"] if col.value == "concern")
    assert {label for _item, label in concerns} == {"חשש מעומס", "חשש מתדמית"}


def test_a_town_item_can_be_added_to_the_charter_by_its_code(ws):
    business_concerns_set(town=ws["town"], he="חשש מעומס", en="Red tape", by=ws["alice"])
    (code,) = [i.code for i in town_table(ws["town"]).table.business.concerns]
    item = services.charter_item_add(
        partnership=ws["p"], member=ws["biz_m"], column="concern", code=code, by=ws["alice"]
    )
    assert item.code == code
