"""Each command loads only what it uses: run the real CLI in a fresh
interpreter and look at sys.modules when it is done. An import check, not a
timing (timings are in benchmarks/bench_cli.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import git
import pytest
from conftest import markdown_path, source_path

from fagui.store import gitcmd

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = "national/counterespionage-security-provisions"
JIANGXI = "jiangxi/counterespionage-work-regulations"

PROBE = """
import sys
before = set(sys.modules)
from cli.main import main
try:
    main(sys.argv[2:], prog_name="fagui")
except SystemExit:
    pass
loaded = sorted(set(sys.modules) - before)
import json
with open(sys.argv[1], "w") as fh:
    json.dump(loaded, fh)
"""
"""What the command loads: the modules in sys.modules after it that were
not there before it (an editable install's .pth loads pathlib and re at
start-up, before any command: not the command's doing)."""

GIT = ("git", "gitdb")
"""GitPython and its object database."""

COMPARING = ("fagui.compare", "fagui.align", "fagui.diff", "fast_diff_match_patch")

COMPARISON_RENDERERS = tuple(f"renderers.{name}" for name in ("html", "markdown", "json", "text", "docx", "site", "report", "review"))
"""The renderers of comparisons and reports: show prints a regulation with
renderers.regulation alone."""

MARKDOWN_IT = ("markdown_it",)
"""markdown-it: canonical Markdown is read without it (fagui.markdown._canonical_blocks)."""

STARTUP_WEIGHTS = ("hashlib", "pathlib")
"""hashlib loads OpenSSL (~2.5 ms), pathlib urllib and ipaddress (~4 ms): a
first diff of two files needs neither (fagui.cache hashes with CPython's own
modules; the engine's paths are os.path)."""

INGESTING = ("fagui.ingest",)
"""The ingest pipeline (decoding, cleaning, parsing raw text): only ingest and
add need it; numerals and item markers are in fagui.text."""


def loaded(tmp_path: Path, *args: str, cwd: Path = ROOT) -> set[str]:
    """The modules loaded by ``fagui ARGS`` run in a new interpreter (by
    default at the top of this repository, so ids name the seed corpus)."""
    out = tmp_path / "modules.json"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSTARTUP", "GIT_DIR")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    subprocess.run([sys.executable, "-c", PROBE, str(out), *args], cwd=cwd, env=env, check=True, capture_output=True)
    return set(json.loads(out.read_text()))


def offending(modules: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in forbidden))


def test_top_level_help_loads_no_command(tmp_path):
    modules = loaded(tmp_path, "--help")
    ours = sorted(m for m in modules if m.split(".")[0] in ("cli", "fagui", "renderers"))
    assert ours == ["cli", "cli.main", "fagui", "fagui.errors"]
    assert not offending(modules, GIT + ("markdown_it",))


def test_a_command_help_loads_only_that_command(tmp_path):
    modules = loaded(tmp_path, "show", "--help")
    assert not offending(modules, ("cli.diff", "cli.report", "cli.store", "cli.review", "cli.ingest", "cli.gitdriver", "cli.gitdiff"))


@pytest.mark.parametrize(
    "args, forbidden",
    [
        (("diff", str(markdown_path(NATIONAL)), str(markdown_path(JIANGXI))), GIT + INGESTING + MARKDOWN_IT + STARTUP_WEIGHTS + ("fagui.store.corpus", "renderers.html", "fagui.atomic", "ctypes", "fagui.explain")),
        (("diff", str(markdown_path(NATIONAL)), str(markdown_path(JIANGXI)), "--format", "json"), GIT + INGESTING + MARKDOWN_IT + ("renderers.text", "renderers.html")),
        (("show", str(markdown_path(NATIONAL)), "--article", "3"), GIT + COMPARING + INGESTING + MARKDOWN_IT + COMPARISON_RENDERERS),
        (("check", str(markdown_path(NATIONAL))), GIT + COMPARING + INGESTING + MARKDOWN_IT + ("renderers",)),
        (("ingest", str(source_path(NATIONAL)), "-q"), GIT + COMPARING + ("renderers",)),
        (("log", NATIONAL), INGESTING + ("renderers",)),
        (("history", NATIONAL, "--article", "3"), INGESTING + ("renderers.html", "renderers.json", "renderers.markdown")),
        (("show", f"{NATIONAL}@HEAD", "--article", "3"), INGESTING + COMPARISON_RENDERERS),
    ],
    ids=["diff-files", "diff-json", "show-file", "check", "ingest", "log", "history", "show-id"],
)
def test_a_command_loads_only_what_it_uses(tmp_path, args, forbidden):
    assert offending(loaded(tmp_path, *args), forbidden) == []


def test_the_git_diff_driver_loads_no_gitpython(tmp_path):
    path = f"texts/{NATIONAL}.md"
    old, new = str(markdown_path(NATIONAL)), str(markdown_path(NATIONAL))
    modules = loaded(tmp_path, "git-diff", path, old, "0" * 40, "100644", new, "1" * 40, "100644")
    assert offending(modules, GIT + INGESTING + MARKDOWN_IT) == []
    assert "fagui.compare" in modules  # it did compare


def test_the_review_renderer_loads_no_git(tmp_path):
    """renderers.review reads the review's plain data (fagui.model.review),
    not fagui.review, which runs git."""
    out = tmp_path / "modules.json"
    probe = "import json, sys\nimport renderers.review\njson.dump(sorted(sys.modules), open(sys.argv[1], 'w'))\n"
    subprocess.run([sys.executable, "-c", probe, str(out)], cwd=ROOT, check=True, capture_output=True)
    modules = set(json.loads(out.read_text()))
    assert "renderers.review" in modules
    assert offending(modules, GIT + ("fagui.review", "fagui.store")) == []


def test_the_check_is_not_vacuous(tmp_path):
    """A command that does use git or the pipeline loads it, so the probe sees imports."""
    assert offending(loaded(tmp_path, "log", NATIONAL), GIT)
    assert offending(loaded(tmp_path, "ingest", str(source_path(NATIONAL)), "-q"), INGESTING)


def test_a_report_outside_git_loads_no_gitpython(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "texts", corpus / "texts", ignore=shutil.ignore_patterns("*.source.txt"))
    if subprocess.run(["git", "rev-parse"], cwd=corpus, capture_output=True).returncode == 0:
        pytest.skip("the temporary folder is inside a git repository")
    modules = loaded(tmp_path, "report", "-o", str(tmp_path / "out"), cwd=corpus)
    assert (tmp_path / "out" / "index.html").exists() and "fagui.compare" in modules
    assert offending(modules, GIT) == []


def test_gitpython_is_skipped_only_where_it_would_find_no_repository(tmp_path):
    """gitcmd's check before loading GitPython says "no repository" only
    where GitPython, asked, finds none (folders, links, work trees, bare)."""
    git_init = lambda *a: subprocess.run(["git", *a], check=True, capture_output=True)  # noqa: E731
    plain, work, bare = tmp_path / "plain" / "sub", tmp_path / "work", tmp_path / "bare.git"
    plain.mkdir(parents=True)
    git_init("init", "-q", str(work))
    (work / "texts").mkdir()
    git_init("init", "-q", "--bare", str(bare))
    git_init("-C", str(work), "-c", "user.name=a", "-c", "user.email=a@a", "commit", "-q", "--allow-empty", "-m", "x")
    git_init("-C", str(work), "worktree", "add", "-q", str(tmp_path / "linked"))
    (tmp_path / "plain" / "link").symlink_to(work / "texts")
    places = [plain, plain.parent, work, work / "texts", bare, tmp_path / "linked", plain.parent / "link", work / ".git"]
    if subprocess.run(["git", "rev-parse"], cwd=plain, capture_output=True).returncode == 0:
        pytest.skip("the temporary folder is inside a git repository")
    for place in places:
        for spelled in (str(place), place):
            try:
                git.Repo(spelled, search_parent_directories=True)
                found = True
            except (git.InvalidGitRepositoryError, git.NoSuchPathError):
                found = False
            assert gitcmd._may_be_in_repository(spelled) or not found, place
    assert not gitcmd._may_be_in_repository(plain)  # not vacuous: a plain folder is answered without GitPython
