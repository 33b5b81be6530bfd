"""Loading the demo: from the command line into an empty database, and never in production.

What the demo holds is tested in test_demo_contents.py, on one load shared by that module.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.core.exceptions import ImproperlyConfigured

from shutafut.accounts.models import Town
from shutafut.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_refuses_to_run_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured):
        load_demo()
    assert not Town.objects.exists()


def test_the_cli_loads_the_demo(settings):
    settings.DEBUG = True
    from shutafut.cli import main

    assert not Town.objects.exists()
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert "coordinator1" in result.output
    assert set(Town.objects.values_list("slug", flat=True)) == {"beer-sheva", "kfar-saba"}
