"""Pages answer another town's objects with the same 404 as missing ones."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def object_urls(records):
    a = records
    return [
        reverse("dashboard", kwargs={"town": "town-a"}),
        reverse("organization-list", kwargs={"town": "town-a"}),
        reverse("organization-detail", kwargs={"town": "town-a", "pk": a["city"].pk}),
        reverse("organization-edit", kwargs={"town": "town-a", "pk": a["city"].pk}),
        reverse("relationship-detail", kwargs={"town": "town-a", "pk": a["relationship"].pk}),
        reverse("relationship-edit", kwargs={"town": "town-a", "pk": a["relationship"].pk}),
        reverse("partnership-detail", kwargs={"town": "town-a", "pk": a["partnership"].pk}),
        reverse("partnership-edit", kwargs={"town": "town-a", "pk": a["partnership"].pk}),
        reverse(
            "partnership-part-create",
            kwargs={"town": "town-a", "pk": a["partnership"].pk, "part": "decision"},
        ),
        # Town B's own URL prefix with town A's ids.
        reverse("organization-detail", kwargs={"town": "town-b", "pk": a["city"].pk}),
        reverse("partnership-detail", kwargs={"town": "town-b", "pk": a["partnership"].pk}),
    ]


def test_an_outsider_gets_404_for_every_page_of_another_town(client, personas, town_a_records):
    client.force_login(personas["charlie"])
    missing = client.get(reverse("organization-detail", kwargs={"town": "town-b", "pk": 10**9}))
    assert missing.status_code == 404
    for url in object_urls(town_a_records):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.content == missing.content, url


def test_an_insider_sees_the_same_pages(client, personas, town_a_records):
    client.force_login(personas["alice"])
    for url in object_urls(town_a_records)[:9]:
        assert client.get(url).status_code == 200, url


def test_a_viewer_cannot_open_edit_pages(client, personas, town_a_records):
    client.force_login(personas["bob"])
    url = reverse("organization-edit", kwargs={"town": "town-a", "pk": town_a_records["city"].pk})
    assert client.get(url).status_code == 403


def test_pages_require_login(client, town_a_records):
    response = client.get(reverse("dashboard", kwargs={"town": "town-a"}))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
