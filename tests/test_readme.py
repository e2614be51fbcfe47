"""The README's walkthrough runs as written, from a copy of the clone's
seed texts, with ``fagui`` the real CLI (``python -m cli`` of this checkout)
in a real git repository; and its quick start stays two commands with the
virtual-environment step before them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block(after: str) -> str:
    """The first ```sh block after the heading ``after``."""
    section = README[README.index(after):]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def test_quick_start_is_two_commands_after_a_virtual_environment():
    commands = [line for line in block("## Quick start").splitlines() if line.strip()]
    assert len(commands) == 2 and commands[0].startswith("pip install . && fagui report")
    intro = README[README.index("## Quick start"):README.index("```sh", README.index("## Quick start"))]
    assert "python3 -m venv .venv && . .venv/bin/activate" in intro


def test_the_walkthrough_runs_as_written(tmp_path):
    clone = tmp_path / "clone"
    clone.mkdir()
    shutil.copytree(ROOT / "texts", clone / "texts")
    script = f'set -e\nfagui() {{ "{sys.executable}" -m cli "$@"; }}\n' + block("## Walkthrough")
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "t@example.org", "NO_COLOR": "1",
    }
    done = subprocess.run(["bash", "-c", script], cwd=clone, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    corpus = tmp_path / "my-corpus"
    body = subprocess.run(["git", "log", "-1", "--format=%b"], cwd=corpus, env=env, capture_output=True, text=True).stdout
    assert body.startswith("修改（2）：第十二条、第四十二条")  # what the README's comment says it commits
    out = done.stdout
    assert "：自2026-01-01起施行的版本（修改2条）" in out  # add answers in Chinese, as the README says
    subject = subprocess.run(["git", "log", "-1", "--format=%s"], cwd=corpus, env=env, capture_output=True, text=True).stdout
    assert subject == "jilin/counterespionage-work-provisions: 自2026-01-01起施行的版本\n"
    assert "应当{+全面+}落实粮食安全责任" in out  # diff and history show the amendment
    assert "## fagui 审阅：" in out and "施行日期 `2025-01-01` → `2026-01-01`" in out
    assert (corpus / "对照表.docx").is_file() and (corpus / "report" / "index.html").is_file()
    assert out.rstrip().endswith(str(Path("report") / "index.html"))
