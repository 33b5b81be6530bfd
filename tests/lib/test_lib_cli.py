"""The ``shutafut`` command loads each subcommand on first use, setting Django up first only for those that need it."""

from __future__ import annotations

import sys
import types

import click
import pytest
from click.testing import CliRunner

from shutafut import cli
from shutafut.lib import cli as lib_cli
from shutafut.lib.cli import LazyGroup, Subcommand


@pytest.fixture
def events(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """A list that records Django's set-up and the import of a throwaway subcommand module, in order."""
    seen: list[str] = []
    monkeypatch.setattr(lib_cli, "django_setup", lambda: seen.append("django set up"))
    monkeypatch.setitem(sys.modules, "events_of_this_test", types.SimpleNamespace(seen=seen))
    (tmp_path / "throwaway_command.py").write_text(
        "import click\nimport events_of_this_test\nevents_of_this_test.seen.append('module imported')\n"
        "@click.command()\ndef hello():\n    click.echo('hello')\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "throwaway_command", raising=False)
    return seen


def test_a_database_subcommand_is_imported_only_after_django_is_set_up(events):
    group = LazyGroup(subcommands={"hello": Subcommand("throwaway_command:hello", django=True)})
    result = CliRunner().invoke(group, ["hello"])
    assert result.exit_code == 0, result.output
    assert result.output == "hello\n"
    assert events == ["django set up", "module imported"]


def test_a_pure_subcommand_is_imported_without_setting_django_up(events):
    group = LazyGroup(subcommands={"hello": Subcommand("throwaway_command:hello")})
    assert CliRunner().invoke(group, ["hello"]).exit_code == 0
    assert events == ["module imported"]


def test_a_subcommand_is_not_imported_until_it_is_used(events):
    group = LazyGroup(subcommands={"hello": Subcommand("throwaway_command:hello", django=True)})
    assert group.list_commands(click.Context(group)) == ["hello"]
    assert events == []


def test_a_target_that_is_not_a_command_is_refused_by_name():
    with pytest.raises(TypeError, match="shutafut.lib.cli:django_setup is not a click command"):
        Subcommand("shutafut.lib.cli:django_setup").load()


def test_every_subcommand_of_shutafut_loads_under_its_name():
    ctx = click.Context(cli.main)
    for name in cli.SUBCOMMANDS:
        command = cli.main.get_command(ctx, name)
        assert isinstance(command, click.Command)
        assert command.name == name


@pytest.mark.parametrize("name", ["diagnose", "network"])
def test_the_pure_subcommands_start_without_django(monkeypatch, name):
    monkeypatch.setattr(lib_cli, "django_setup", lambda: pytest.fail("Django was set up"))
    assert isinstance(cli.SUBCOMMANDS[name].load(), click.Command)
