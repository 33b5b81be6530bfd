"""One home per fact (issue 13.1): each fact is written on the page where a coordinator writes it, lands in its one
model field, and the diagnosis follows it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shutafut.diagnosis.services import partnership_diagnosis
from shutafut.workspace import services
from shutafut.workspace.models import WorkingNorm

pytestmark = pytest.mark.django_db


def _url(name, ws, **kw):  # type: ignore[no-untyped-def]
    return reverse(name, kwargs={"town": ws["town"].slug, "pk": ws["p"].pk, **kw})


def _indicator(ws, principle, code):  # type: ignore[no-untyped-def]
    diagnosis = partnership_diagnosis(type(ws["p"]).objects.get(pk=ws["p"].pk))
    return next(f for f in diagnosis.principles if f.number == principle).indicators[code]


def test_a_public_goal_written_on_the_vision_page_is_the_partnerships_goal_that_the_diagnosis_reads(client, ws):
    assert _indicator(ws, 2, "public_goal") is None  # not recorded yet
    client.force_login(ws["alice"])
    data = {"public_goal": "תעסוקה לצעירים בעיר", "statement": "עיר שבה כל צעיר עובד", "dimensions": ["social"]}
    assert client.post(_url("ws-vision-save", ws), data).status_code == 302
    ws["p"].refresh_from_db()
    assert ws["p"].public_goals == "תעסוקה לצעירים בעיר"
    assert _indicator(ws, 2, "public_goal") is True
    page = client.get(_url("ws-vision", ws)).content.decode()
    assert "תעסוקה לצעירים בעיר" in page


def test_a_mandate_written_on_the_charter_page_is_the_members_mandate_that_the_diagnosis_reads(client, ws):
    assert _indicator(ws, 4, "I4.4") == 0  # no member has a recorded mandate yet
    client.force_login(ws["alice"])
    data = {
        "entry-member": ws["biz_m"].pk,
        "entry-roles": ["manager", "partner"],
        "entry-representative_name": "רונית",
        "entry-mandate": "מוסמכת להתחייב עד 50,000 ש״ח",
    }
    assert client.post(_url("ws-charter-entry", ws), data).status_code == 302
    ws["biz_m"].refresh_from_db()
    assert ws["biz_m"].roles == ["manager", "partner"] and ws["biz_m"].mandate == "מוסמכת להתחייב עד 50,000 ש״ח"
    assert _indicator(ws, 4, "I4.4") == pytest.approx(1 / 3, abs=1e-3)
    charter = client.get(_url("ws-charter", ws)).content.decode()
    assert "מוסמכת להתחייב עד 50,000 ש״ח" in charter


def test_roles_written_on_the_charter_page_are_the_members_roles_that_the_diagnosis_reads(client, ws):
    assert _indicator(ws, 4, "I4.3") is False  # nobody manages the partnership
    client.force_login(ws["alice"])
    data = {"entry-member": ws["ngo_m"].pk, "entry-roles": ["manager"], "entry-representative_name": "יוסי"}
    assert client.post(_url("ws-charter-entry", ws), data).status_code == 302
    assert _indicator(ws, 4, "I4.3") is True


def test_a_working_norm_agreed_on_the_culture_page_is_what_the_diagnosis_reads(client, ws):
    assert _indicator(ws, 6, "I6.1_working_norms") is False
    client.force_login(ws["alice"])
    data = {"dimension": "", "text": "ועדת היגוי בכל חודש; תשובה לפנייה תוך שבוע"}
    assert client.post(_url("ws-norm-add", ws), data).status_code == 302
    assert WorkingNorm.objects.get().partnership == ws["p"]
    assert _indicator(ws, 6, "I6.1_working_norms") is True


def test_an_endorsement_given_on_the_vision_page_is_what_the_diagnosis_counts_not_a_signature(client, ws):
    services.vision_save(partnership=ws["p"], public_goal="תעסוקה", dimensions=[], statement="חזון")
    assert _indicator(ws, 2, "I2.3") == 0
    client.force_login(ws["alice"])  # she represents the city
    assert client.post(_url("ws-vision-endorse", ws), {"member": ws["city_m"].pk}).status_code == 302
    assert _indicator(ws, 2, "I2.3") == pytest.approx(1 / 3, abs=1e-3)
    services.vision_save(partnership=ws["p"], public_goal="תעסוקה", dimensions=[], statement="חזון חדש")
    assert _indicator(ws, 2, "I2.3") == 0  # an endorsement of the old text no longer counts
