"""The respondent's ladder key says whose the rung names are (the Negev project) and whose the definitions (ours)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_ladder_key_marks_the_names_as_the_negev_projects_and_the_definitions_as_ours(client, survey):
    url = reverse("survey-respond", kwargs={"token": survey["tokens"]["noa"]})
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    key = html.split('data-testid="ladder-source"')[1].split("</p>")[0]
    assert 'data-source="negev_project"' in key
    assert 'data-source="ours"' in key
    assert "names: from the Negev sustainable local economy project" in key
    assert "short definitions: our proposal" in key
