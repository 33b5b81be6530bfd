"""Personal survey links: unguessable, signed, expiring, revocable, bound to one respondent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from shutafut.organizations.models import Person
from shutafut.surveys.links import LinkExpired, LinkInvalid, LinkRevoked, link_issue, link_resolve, link_revoke
from shutafut.surveys.models import SurveyLink, Wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def respondent(town_a_records):
    ngo = town_a_records["ngo"]
    return Person.objects.create(town=ngo.town, organization=ngo, full_name="נועה כהן")


def issue(respondent, **extra):
    wave = Wave.objects.create(town=respondent.town, name="גל ראשון")
    wave.organizations.add(respondent.organization)
    wave.respondents.add(respondent)
    return link_issue(
        town=respondent.town,
        purpose="relationship_survey",
        person=respondent,
        organization=respondent.organization,
        wave=wave,
        **extra,
    )


def test_a_link_resolves_to_its_one_respondent(respondent):
    link, token = issue(respondent)
    assert link_resolve(token) == link
    assert link_resolve(token).person == respondent


def test_the_secret_has_at_least_128_bits_and_only_its_digest_is_stored(respondent):
    link, token = issue(respondent)
    secret = token.rsplit(":", 1)[0]
    assert len(secret) * 6 >= 128
    assert secret not in link.digest
    assert not SurveyLink.objects.filter(digest__contains=secret).exists()


def test_two_links_never_share_a_secret(respondent):
    tokens = {issue(respondent)[1] for _ in range(20)}
    assert len(tokens) == 20


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: ("x" if t[0] != "x" else "y") + t[1:],
        lambda t: t.split(":")[0],
    ],
    ids=["signature", "secret", "unsigned"],
)
def test_a_tampered_link_is_invalid_and_says_nothing_more(respondent, tamper):
    _link, token = issue(respondent)
    with pytest.raises(LinkInvalid) as caught:
        link_resolve(tamper(token))
    assert caught.value.code == "invalid"


def test_an_expired_link_says_so(respondent):
    _link, token = issue(respondent, lifetime=dt.timedelta(seconds=-1))
    with pytest.raises(LinkExpired):
        link_resolve(token)


def test_a_revoked_link_says_so(respondent):
    link, token = issue(respondent)
    link_revoke(link)
    with pytest.raises(LinkRevoked):
        link_resolve(token)
    assert link.revoked_at is not None and link.revoked_at <= timezone.now()


def test_a_link_used_too_often_is_rate_limited_then_recovers(respondent, monkeypatch):
    from django.core.cache import cache

    from shutafut.security import ratelimit
    from shutafut.surveys.links import LinkRateLimited

    cache.clear()
    monkeypatch.setattr(ratelimit, "SURVEY_LINK_LIMIT", 3)
    link, token = issue(respondent)
    for _ in range(3):
        assert link_resolve(token) == link
    with pytest.raises(LinkRateLimited):
        link_resolve(token)
    cache.clear()  # the window passes
    assert link_resolve(token) == link


def test_the_survey_page_answers_a_flood_with_429(client, respondent, monkeypatch):
    from django.core.cache import cache

    from shutafut.security import ratelimit

    cache.clear()
    monkeypatch.setattr(ratelimit, "SURVEY_LINK_LIMIT", 2)
    _link, token = issue(respondent)
    statuses = [client.get(f"/s/{token}/").status_code for _ in range(3)]
    assert statuses[:2] == [200, 200]
    assert statuses[2] == 429


def test_a_links_use_is_noted_at_most_once_a_minute(respondent):
    from shutafut.surveys.links import link_touch

    link, _token = issue(respondent)
    link_touch(link)
    link.refresh_from_db()
    first = link.last_used_at
    assert first is not None
    link_touch(link)
    link.refresh_from_db()
    assert link.last_used_at == first
    SurveyLink.objects.filter(pk=link.pk).update(last_used_at=first - dt.timedelta(minutes=2))
    link_touch(link)
    link.refresh_from_db()
    assert link.last_used_at > first
