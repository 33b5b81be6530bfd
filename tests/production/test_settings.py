"""Production settings read from the environment: a shared cache, the proxy's HTTPS header, secret rotation,
background work on the database queue."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest

from tests.conftest import REPO

SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({"
    "'cache': s.CACHES['default']['BACKEND'], 'location': s.CACHES['default'].get('LOCATION'), "
    "'proxy': s.SECURE_PROXY_SSL_HEADER, 'csrf': s.CSRF_TRUSTED_ORIGINS, 'fallbacks': s.SECRET_KEY_FALLBACKS, "
    "'tasks': s.TASKS['default']['BACKEND'], 'static': s.STORAGES['staticfiles']['BACKEND']}))"
)


def production(**extra: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SHUTAFUT_", "DJANGO_"))}
    env.update(
        SHUTAFUT_DEBUG="False",
        SHUTAFUT_SECRET_KEY=secrets.token_urlsafe(50),
        SHUTAFUT_ALLOWED_HOSTS="shutafut.example.org",
        DJANGO_SETTINGS_MODULE="shutafut.settings",
        **extra,
    )
    result = subprocess.run([sys.executable, "-c", SHOW], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_production_shares_its_cache_through_the_database_and_trusts_the_proxy_only_when_told():
    plain = production()
    assert (plain["cache"], plain["location"]) == ("django.core.cache.backends.db.DatabaseCache", "shutafut_cache")
    assert plain["proxy"] is None and plain["csrf"] == ["https://shutafut.example.org"]
    assert plain["tasks"] == "django_tasks_db.DatabaseBackend" and plain["static"].endswith("CompressedManifestStorage")
    proxied = production(
        SHUTAFUT_BEHIND_PROXY="True",
        SHUTAFUT_CACHE_URL="redis://cache.example.org:6379/2",
        SHUTAFUT_SECRET_KEY_FALLBACKS="old-secret-1,old-secret-2",
    )
    assert proxied["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert (proxied["cache"], proxied["location"]) == (
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.example.org:6379/2",
    )
    assert proxied["fallbacks"] == ["old-secret-1", "old-secret-2"]


@pytest.mark.django_db
def test_a_survey_link_signed_with_the_old_secret_opens_while_the_old_secret_is_a_fallback(settings, town_a_records):
    from shutafut.organizations.models import Person
    from shutafut.surveys.links import LinkInvalid, link_issue, link_resolve

    settings.SECRET_KEY = "the-old-secret-" + "x" * 40
    city = town_a_records["city"]
    person = Person.objects.create(town=city.town, organization=city, full_name="דנה")
    link, token = link_issue(town=city.town, purpose="relationship_survey", person=person, organization=city)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "the-new-secret-" + "y" * 40, [settings.SECRET_KEY]
    assert link_resolve(token) == link
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(LinkInvalid):
        link_resolve(token)
