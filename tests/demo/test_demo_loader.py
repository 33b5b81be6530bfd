"""The demo is never loaded in production.

Loading it with ``shutafut demo``, and what it holds, is tested in test_demo_contents.py, on the one load that
module shares.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from shutafut.accounts.models import Town
from shutafut.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_refuses_to_run_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        load_demo()
    assert not Town.objects.exists()
