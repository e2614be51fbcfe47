"""Engine errors speak of the arguments of the function called, the CLI of
its options: the same refusal reads ``force=True`` to a Python caller and
``--force`` on the command line. A real repository, the real engine and CLI."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepos import JILIN, V1, make_repo

from cli.flags import OPTIONS, error_line
from cli.main import COMMANDS, main
from fagui.errors import FaguiError, argument
from fagui.store.corpus import Corpus

pytestmark = pytest.mark.usefixtures("isolated_git")

ROOT = Path(__file__).resolve().parent.parent
NO_DATE = V1.replace("自2025年1月1日起施行".encode(), "".encode())


def test_a_python_caller_is_told_the_argument_and_the_cli_user_the_option(tmp_path):
    repo = make_repo(tmp_path / "corpus")
    assert NO_DATE != V1, "the sample lost its effective date"
    with pytest.raises(FaguiError) as caught:
        Corpus(repo).add(NO_DATE, JILIN, name="v1.txt")
    assert 'give one with effective="YYYY-MM-DD"' in str(caught.value)
    assert "--" not in str(caught.value)
    assert "give one with --effective YYYY-MM-DD" in error_line(caught.value)
    raw = tmp_path / "v1.txt"
    raw.write_bytes(NO_DATE)
    result = CliRunner().invoke(main, ["add", str(raw), "--id", JILIN, "--repo", str(repo)], catch_exceptions=False)
    assert result.exit_code == 2
    assert "give one with --effective YYYY-MM-DD" in result.stderr


def test_a_switch_reads_true_to_python_and_bare_on_the_command_line():
    exc = FaguiError(f"commit them, or pass {argument('force', 'True')} to discard them", "texts/a.md")
    assert str(exc) == "texts/a.md: commit them, or pass force=True to discard them"
    assert error_line(exc) == "texts/a.md: commit them, or pass --force to discard them"


def test_every_argument_the_cli_words_is_an_option_of_a_command():
    """cli.flags.OPTIONS cannot name an option no command has."""
    options = set()
    for target, _ in COMMANDS.values():
        module, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module), attribute)
        options |= {(p.name, opt) for p in command.params for opt in getattr(p, "opts", ())}
    for name, option in OPTIONS.items():
        assert (name, option) in options, f"{option} ({name}) is no command's option"


def _error_texts() -> list[tuple[str, int, str]]:
    """(file, line, text) of every string given to FaguiError in fagui/."""
    found = []
    for path in sorted((ROOT / "fagui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "FaguiError" and node.args:
                for part in ast.walk(node.args[0]):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        found.append((path.relative_to(ROOT).as_posix(), node.lineno, part.value))
    return found


def test_no_engine_error_names_a_command_line_option():
    texts = _error_texts()
    assert len(texts) > 100  # the walk finds the engine's errors
    flags = [f"{file}:{line}: {text!r}" for file, line, text in texts if any(f"{option} " in text or text.endswith(option) for option in OPTIONS.values())]
    assert flags == []
