"""Getting links to people (issue 12, item 4): a wave's links page, its CSV, a share text, reissue, who answered,
reminders, and no second sending when a page is reloaded."""

from __future__ import annotations

import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from shutafut.organizations.models import Person
from shutafut.surveys.models import SurveyLink, Wave
from shutafut.surveys.services import rating_save

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def url(name: str, wave: Wave, **kw: object) -> str:
    return reverse(name, kwargs={"town": wave.town.slug, "pk": wave.pk, **kw})


def _rows(client, wave):  # type: ignore[no-untyped-def]
    return {r["person"].full_name: r for r in client.get(url("survey-wave-links", wave)).context["rows"]}


def test_the_links_page_shows_every_respondents_own_link_and_each_opens_their_form(client, personas, survey):
    client.force_login(personas["alice"])
    rows = _rows(client, survey["wave"])
    assert set(rows) == {"דנה", "דב", "נועה", "שי"}
    for key, person in survey["people"].items():
        assert rows[person.full_name]["url"].endswith(f"/s/{survey['tokens'][key]}/")
    page = client.get(url("survey-wave-links", survey["wave"])).content.decode()
    assert rows["נועה"]["url"] in page and "links.js" in page
    client.logout()
    form = client.get(rows["נועה"]["url"].removeprefix("http://testserver"))
    assert form.status_code == 200 and form.context["link"].person == survey["people"]["noa"]


@pytest.mark.parametrize("who", ["bob", "carol", "charlie"])
def test_the_links_page_and_its_csv_are_the_coordinators_only(client, personas, survey, who):
    client.force_login(personas[who])
    assert client.get(url("survey-wave-links", survey["wave"])).status_code in (403, 404)
    assert client.get(url("survey-wave-links-csv", survey["wave"])).status_code in (403, 404)


def test_the_links_page_and_its_csv_are_neither_cached_nor_indexed_nor_referred_to_other_sites(
    client, personas, survey
):
    client.force_login(personas["alice"])
    for name in ("survey-wave-links", "survey-wave-links-csv"):
        response = client.get(url(name, survey["wave"]))
        assert response["Cache-Control"] == "no-store, private"
        assert response["Referrer-Policy"] == "same-origin"  # forms keep their Origin (CSRF)
        assert "noindex" in response["X-Robots-Tag"]


def test_the_csv_has_one_row_per_respondent_with_their_link_and_a_planted_formula_stays_text(client, personas, survey):
    shai = survey["people"]["shai"]
    Person.objects.filter(pk=shai.pk).update(full_name='=HYPERLINK("http://evil.example","x")')
    client.force_login(personas["alice"])
    response = client.get(url("survey-wave-links-csv", survey["wave"]))
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 4
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["נועה"][4].endswith(f"/s/{survey['tokens']['noa']}/")
    assert "'=HYPERLINK" in "".join(by_name) and not any(r[0].startswith("=") for r in rows)


@pytest.mark.parametrize(
    ("language", "words"), [("he", "הקישור האישי שלכם"), ("en", "Your personal link")], ids=["hebrew", "english"]
)
def test_each_row_has_a_message_ready_for_e_mail_and_whatsapp_in_the_coordinators_language(
    client, personas, survey, language, words
):
    client.force_login(personas["alice"])
    page = client.get(url("survey-wave-links", survey["wave"]), HTTP_ACCEPT_LANGUAGE=language)
    noa = next(r for r in page.context["rows"] if r["person"].full_name == "נועה")
    assert words in noa["share"] and noa["url"] in noa["share"] and "גל ראשון" in noa["share"]
    assert noa["whatsapp"].startswith("https://wa.me/?text=") and noa["mailto"].startswith("mailto:noa%40example.org")
    assert "<" not in noa["share"]


def test_who_answered_is_yes_or_no_and_never_the_answers(client, personas, survey):
    rating_save(link=survey["links"]["noa"], rated=survey["city"], rung=4, domain="תחום סודי")
    client.force_login(personas["alice"])
    rows = _rows(client, survey["wave"])
    assert rows["נועה"]["answered"] is True and rows["דנה"]["answered"] is False
    page = client.get(url("survey-wave-links", survey["wave"])).content.decode()
    assert "תחום סודי" not in page


def test_reissuing_from_the_links_page_stops_the_old_link_and_shows_the_new_one_after_a_redirect(
    client, personas, survey
):
    old = survey["links"]["noa"]
    client.force_login(personas["alice"])
    response = client.post(url("survey-link-resend", survey["wave"], link=old.pk))
    assert response.status_code == 302 and response["Location"] == url("survey-wave-links", survey["wave"])
    new = _rows(client, survey["wave"])["נועה"]
    assert new["link"].pk != old.pk and survey["tokens"]["noa"] not in new["url"]
    client.logout()
    assert client.get(reverse("survey-respond", kwargs={"token": survey["tokens"]["noa"]})).status_code == 410
    assert client.get(new["url"].removeprefix("http://testserver")).status_code == 200


def test_opening_redirects_so_that_reloading_the_page_sends_nothing_again(client, personas, survey):
    client.force_login(personas["alice"])
    response = client.post(url("survey-wave-open", survey["wave"]), {"send": "1"})
    assert response.status_code == 302
    before = (SurveyLink.objects.count(), len(mail.outbox))
    client.get(response["Location"])  # the reload
    assert (SurveyLink.objects.count(), len(mail.outbox)) == before


def test_reminders_go_by_e_mail_after_commit_to_those_who_have_not_answered_and_name_who_has_no_address(
    client, personas, survey, django_capture_on_commit_callbacks
):
    rating_save(link=survey["links"]["noa"], rated=survey["city"], rung=4)
    client.force_login(personas["alice"])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(url("survey-wave-remind", survey["wave"]), follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert len(queued) == 1 and mail.outbox == []  # nothing is sent before the transaction commits
    with django_capture_on_commit_callbacks(execute=True):  # the task queues one e-mail task per person
        queued[0]()
    assert sorted(m.to[0] for m in mail.outbox) == ["dana@example.org", "shai@example.org"]
    assert all(
        _rows(client, survey["wave"])[n]["url"] in m.body
        for n, m in zip(("דנה", "שי"), sorted(mail.outbox, key=lambda m: m.to[0]), strict=True)
    )
    said = " ".join(str(m) for m in response.context["messages"])
    assert "A reminder is being e-mailed to 2 respondents who have not answered." in said
    assert "No e-mail address, so no reminder: דב." in said and "נועה" not in said


def test_a_shown_link_is_rebuilt_with_the_servers_key_and_never_from_the_database_alone(survey, settings):
    from shutafut.surveys.links import link_resolve, link_token

    link = survey["links"]["noa"]
    assert link_token(link) == survey["tokens"]["noa"] and link_resolve(link_token(link) or "") == link
    secret = survey["tokens"]["noa"].split(":")[0]
    assert len(secret) >= 43 and secret not in (link.nonce, link.digest)  # 256 bits, and not what is stored
    settings.SECRET_KEY = "another-server-key-" + "z" * 40
    assert link_token(link) is None
