"""Shared fixtures: the corpus in texts/; the real public texts are read
from ../shared/corpus through tests/public.py."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import public
from browsers import ARGS, CHROMIUM, DESKTOP, Watched, unavailable
from gitrepos import JILIN, V1, V2, V3, make_repo, seed_pair_repo

from cli.main import main
from fagui.store.corpus import Corpus

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "texts"

CORPUS = {
    "national/counterespionage-security-provisions": (31, {"adopted": "2021-03-12", "promulgated": "2021-04-26", "effective": "2021-04-26"}),
    "jilin/counterespionage-work-provisions": (42, {"adopted": "2024-11-04", "promulgated": "2024-11-08", "effective": "2025-01-01"}),
    "zhejiang/counterespionage-security-measures": (23, {"effective": "2019-09-01"}),
    "jiangxi/counterespionage-work-regulations": (56, {"adopted": "2024-05-30", "effective": "2024-08-01"}),
    "heilongjiang/counterespionage-security-regulations": (44, {"adopted": "2019-10-18", "effective": "2019-11-01"}),
}
"""Each regulation of the seed corpus: its article count and stated dates."""


@pytest.fixture(params=sorted(CORPUS))
def corpus_id(request) -> str:
    return request.param


def source_path(regulation_id: str) -> Path:
    return TEXTS / f"{regulation_id}.source.txt"


def markdown_path(regulation_id: str) -> Path:
    return TEXTS / f"{regulation_id}.md"


def assert_pair_rebuilds(pair) -> None:
    """Each paragraph pair's diff ops rebuild exactly the blocks it points at."""
    for paragraph in pair.paragraphs:
        if paragraph.left is not None:
            article, block = paragraph.left
            assert "".join(op.left for op in paragraph.ops) == pair.left[article].blocks[block]
        if paragraph.right is not None:
            article, block = paragraph.right
            assert "".join(op.right for op in paragraph.ops) == pair.right[article].blocks[block]


def assert_ingest_refuses(tmp_path: Path, name: str, make, message: str) -> None:
    """``fagui ingest`` of the bytes ``make(tmp_path)`` written as ``name``
    fails as bad input must: exit 2, one line naming the file and saying
    ``message``, no output file."""
    raw, out = tmp_path / name, tmp_path / "out.md"
    raw.write_bytes(make(tmp_path))
    result = CliRunner().invoke(main, ["ingest", str(raw), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"fagui: error: {raw}: ") and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert not out.exists()


def run_on_terminal(command: list[str], **kwargs) -> tuple[subprocess.CompletedProcess, bytes]:
    """Run ``command`` with its standard error on a pseudo-terminal (as a
    user at a terminal sees it) and its standard output piped: (the
    finished process, what reached the terminal)."""
    master, slave = pty.openpty()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=slave, **kwargs)
    os.close(slave)
    terminal = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed: everything is read
            break
        if not chunk:
            break
        terminal += chunk
    os.close(master)
    return done, terminal


def pytest_sessionstart(session):
    """Under CI a missing folder of real public texts fails the run (a user's
    clone without it skips those tests instead: tests/public.py), so the
    check is never silently lost."""
    if os.environ.get("CI") == "true" and not public.present():
        raise pytest.UsageError(f"CI=true and {public.MISSING}")


@pytest.fixture(scope="module")
def isolated_git(tmp_path_factory):
    """No user or system git config: each repository states its own identity.
    Modules that make repositories use it for every test
    (``pytestmark = pytest.mark.usefixtures("isolated_git")``)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GIT_CONFIG_GLOBAL", str(tmp_path_factory.mktemp("home") / "gitconfig"))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        for name in ("GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
            mp.delenv(name, raising=False)
        yield


@pytest.fixture
def repo(tmp_path) -> Path:
    return make_repo(tmp_path / "corpus")


@pytest.fixture(scope="module")
def dated(isolated_git):
    """Fixed commit dates, so that the killed add and the clean one make the same commit."""
    with pytest.MonkeyPatch.context() as mp:
        for name in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):
            mp.setenv(name, "2030-01-01T00:00:00Z")
        yield


@pytest.fixture
def decisions_repo(tmp_path, monkeypatch) -> Path:
    """The seed national and Zhejiang texts committed in a fresh repository
    (:func:`gitrepos.seed_pair_repo`), commits made as a reviewer."""
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Reviewer")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "reviewer@example.org")
    return seed_pair_repo(tmp_path / "corpus")


@pytest.fixture(scope="module")
def built(tmp_path_factory, isolated_git) -> tuple[Path, list[str]]:
    """A repository with v1, v2 and v3 committed, and their commits; made
    once per module, so tests that change it must use ``history``."""
    repo = make_repo(tmp_path_factory.mktemp("built") / "corpus")
    corpus = Corpus(repo)
    commits = [corpus.add(raw, JILIN, name=f"v{i}.txt").commit for i, raw in enumerate((V1, V2, V3), 1)]
    return repo, commits


@pytest.fixture
def history(built, tmp_path) -> tuple[Path, list[str]]:
    """A copy of ``built`` of the test's own."""
    repo, commits = built
    shutil.copytree(repo, tmp_path / "corpus", symlinks=True)
    return tmp_path / "corpus", commits


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per module (skips without it; fails under CI)."""
    if not os.path.exists(CHROMIUM):
        unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def watched(browser):
    """Open :class:`browsers.Watched` pages (``watched(width)``); closed after the test."""
    opened: list[Watched] = []

    def make(width: int = DESKTOP) -> Watched:
        w = Watched(browser, width)
        opened.append(w)
        return w

    yield make
    for w in opened:
        w.close()
