"""The console script (cli/start.py) prints the group's help without
importing click, and that pre-rendered text is exactly what click renders,
so the two can never drift apart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.grouphelp import GROUP_HELP

ROOT = Path(__file__).resolve().parent.parent

CLICK = "from cli.main import main; main(prog_name='fagui')"
"""The group as click runs it, named as the console script names it."""

SCRIPT = """
import json, sys
sys.argv[0] = "/some/venv/bin/fagui"  # as the console script pip writes runs it
from cli.start import main
try:
    main()
finally:
    sys.stderr.write(json.dumps("click" in sys.modules))
"""
"""cli.start.main run as the installed ``fagui`` script runs it; stderr
says whether click was loaded."""


def run(code: str, *args: str, columns: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "PYTHONSTARTUP")}
    if columns is not None:
        env["COLUMNS"] = columns
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8")


@pytest.mark.parametrize("columns", ["80", "200"])
def test_pre_rendered_help_is_what_click_renders(columns):
    rendered = run(CLICK, "--help", columns=columns)
    assert rendered.returncode == 0, rendered.stderr
    assert rendered.stdout == GROUP_HELP, (
        "cli/grouphelp.py is out of date: set GROUP_HELP to what click renders now:\n" + rendered.stdout
    )


@pytest.mark.parametrize("args", [(), ("--help",), ("-h",)])
def test_the_console_script_prints_it_without_loading_click(args):
    result = run(SCRIPT, *args, columns="100")
    assert result.returncode == 0, result.stderr
    assert result.stdout == GROUP_HELP
    assert json.loads(result.stderr) is False


def test_a_narrow_terminal_gets_clicks_own_wrapping():
    narrow = run(SCRIPT, "--help", columns="60")
    assert narrow.returncode == 0 and json.loads(narrow.stderr.splitlines()[-1]) is True
    assert narrow.stdout == run(CLICK, "--help", columns="60").stdout != GROUP_HELP


def test_anything_else_goes_to_click():
    result = run(SCRIPT, "nope", columns="100")
    assert result.returncode == 2 and "No such command 'nope'" in result.stderr
