"""CLI output that must stay readable: 80-column and piped tables, --format csv/json, options of the
`alerts` group without its subcommand, and `[section]` names kept in every --help text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import click
import pytest
import typer

from tests.helpers import CliInvoke, storywatch
from warehouse.db import connect

FEED_COUNT = 18


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    lines = ['[warehouse]\npath = "w.duckdb"\n']
    for i in range(FEED_COUNT):
        lines.append(f'[[feeds]]\nname = "A rather long feed name, number {i}"\nurl = "http://127.0.0.1:9/f{i}.xml"\n')
    (tmp_path / "storywatch.toml").write_text("\n".join(lines))
    with connect(tmp_path / "w.duckdb"):
        pass
    return tmp_path


def test_feeds_piped_at_80_columns_stays_short(workdir: Path) -> None:
    """A whole process with its output piped (rich decides the width from the real streams)."""
    result = storywatch("feeds", cwd=workdir, env={"COLUMNS": "80"}, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= 60, result.stdout
    assert max(len(line) for line in lines) <= 80
    assert sum("never polled" in line for line in lines) == FEED_COUNT


def test_feeds_csv_and_json_give_every_column(workdir: Path, cli: CliInvoke) -> None:
    as_json = json.loads(cli("feeds", "--format", "json", cwd=workdir).stdout)
    assert len(as_json) == FEED_COUNT
    assert {"last_error", "last_page_error", "url", "pending_items"} <= set(as_json[0])
    assert as_json[3]["url"] == "http://127.0.0.1:9/f3.xml"
    rows = list(csv.DictReader(io.StringIO(cli("feeds", "-f", "csv", cwd=workdir).stdout)))
    assert [r["name"] for r in rows] == [r["name"] for r in as_json]


def test_alerts_options_work_without_subcommand(workdir: Path, cli: CliInvoke) -> None:
    for args in (["alerts", "--format", "json", "--status", "sent"], ["alerts", "list", "-f", "json"]):
        result = cli(*args, cwd=workdir)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == []
    bad = cli("alerts", "--format", "yaml", cwd=workdir)
    assert bad.exit_code == 2 and "unknown --format 'yaml'" in bad.output


def _commands(group: click.Group, prefix: list[str]) -> list[tuple[list[str], click.Command]]:
    found: list[tuple[list[str], click.Command]] = [(prefix, group)]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += _commands(command, [*prefix, name])
        else:
            found.append(([*prefix, name], command))
    return found


def test_every_help_keeps_its_config_section_names(cli_app: typer.Typer) -> None:
    """Rich would read `[warehouse]` as markup and drop it: each `[section]` written in a command's or
    option's help must show in that command's --help, without the escaping backslash."""
    from typer.testing import CliRunner

    runner = CliRunner()
    checked = set()
    for path, command in _commands(typer.main.get_command(cli_app), []):
        written = " ".join([command.help or "", *(getattr(p, "help", None) or "" for p in command.params)])
        sections = set(re.findall(r"\[([a-z_]+)\]", written))
        result = runner.invoke(cli_app, [*path, "--help"], terminal_width=200)
        assert result.exit_code == 0, (path, result.output)
        assert "\\[" not in result.output, path
        shown = " ".join(result.output.replace("│", " ").split())
        missing = {s for s in sections if f"[{s}]" not in shown}
        assert not missing, (path, missing, result.output)
        checked |= sections
    assert {"warehouse", "topic", "nlp"} <= checked


def test_errors_keep_the_section_names_they_quote(tmp_path: Path, cli: CliInvoke) -> None:
    """An error is plain text: "[fetch]" in it is not read as rich markup and dropped."""
    config = tmp_path / "storywatch.toml"
    config.write_text("fetch = 5\n", encoding="utf-8")
    result = cli("run", "--config", str(config), cwd=tmp_path)
    assert result.exit_code == 2
    assert "[fetch] must be a table" in result.stderr
