"""The fagui group: every command registered once in cli/main.py, loaded on
use, with a summary that matches its own help and examples in its --help."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli.main import COMMANDS, main

CLI = Path(__file__).resolve().parent.parent / "cli"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_registered_command_loads_and_its_summary_is_its_first_help_line(name):
    command = main.get_command(click.Context(main), name)
    assert isinstance(command, click.Command) and command.name == name
    assert command.help.splitlines()[0] == COMMANDS[name][1]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_help_has_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    examples = result.output.split("Examples", 1)[1]
    assert examples.count("\n  ") >= 2 and ("fagui " in examples or "git " in examples), result.output


def test_no_command_module_imports_main():
    for path in sorted(CLI.glob("*.py")):
        if path.name in ("main.py", "__main__.py", "start.py"):
            continue
        imported = {
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, (ast.Import, ast.ImportFrom))
            for alias in node.names
        }
        assert "cli.main" not in imported and "cli" not in imported, path.name


def test_top_level_help_lists_every_command_and_bare_fagui_prints_it():
    bare = CliRunner().invoke(main, [])
    helped = CliRunner().invoke(main, ["--help"])
    assert bare.exit_code == 0 and helped.exit_code == 0
    assert bare.output == helped.output
    for name, (_, summary) in COMMANDS.items():
        assert f"  {name}" in helped.output and summary[:30] in helped.output
    assert "Examples" in helped.output


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["nope"])
    assert result.exit_code == 2 and "No such command 'nope'" in result.output


def test_cli_benchmark_smoke():
    """benchmarks/bench_cli.py runs end to end (one run of each command line)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_cli", CLI.parent / "benchmarks" / "bench_cli.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    figures = bench.bench(runs=1)
    assert set(bench.TARGETS) <= set(figures)
    assert all(figures[name] > 0 for name in bench.TARGETS)
