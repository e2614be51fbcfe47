"""A report keeps its comparisons, and what its plan reads of each text, in
.git/fagui-cache/ (fagui.cache.remembered, fagui.report, fagui.texts): a
report run again compares and parses nothing it did before, a kept
comparison is what comparing again gives, a changed text is compared
again, and a pair with reviewers' decisions is never kept. Real git
repositories, the real reader and engine."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import TEXTS
from gitrepos import amend, git, kept, make_repo

import fagui.report
import fagui.texts
from cli.main import main
from fagui.cache import CACHE_DIR
from fagui.report import plan_report

pytestmark = pytest.mark.usefixtures("isolated_git")

NATIONAL = "national/counterespionage-security-provisions"
JIANGXI = "jiangxi/counterespionage-work-regulations"


def corpus(tmp_path):
    """The seed texts committed, Zhejiang's amended in a second commit (a history)."""
    repo = make_repo(tmp_path / "corpus")
    for md in TEXTS.rglob("*.md"):
        target = repo / "texts" / md.relative_to(TEXTS)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(md, target)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "seeds")
    amend(repo, "zhejiang/counterespionage-security-measures.md", "## 第二条\n\n", "## 第二条\n\n本省")
    git(repo, "commit", "-q", "-am", "amended")
    return repo


def made(repo) -> dict:
    plan = plan_report(repo)
    return {p.name: p.make() for p in plan.jurisdictions + plan.versions}


def fresh(repo) -> dict:
    """The comparisons worked out with no cache (and the cache put back after)."""
    folder = repo / ".git" / CACHE_DIR
    saved = folder.with_name("saved-cache")
    folder.rename(saved)
    try:
        return made(repo)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        saved.rename(folder)


@pytest.fixture
def counted(monkeypatch):
    """The names of the texts on the right of each comparison actually made."""
    calls = []
    real = fagui.report.compare
    monkeypatch.setattr(fagui.report, "compare", lambda left, right, *a, **k: calls.append(right.metadata.title) or real(left, right, *a, **k))
    return calls


def test_a_report_run_again_compares_nothing_parses_nothing_and_gives_the_same(tmp_path, counted, monkeypatch):
    repo = corpus(tmp_path)
    first = made(repo)
    assert len(first) == 5 and any(name.startswith("history-") for name in first)
    assert len(counted) == 5 and len(kept(repo)) == 5 + 5  # the comparisons, and what the plan read of each text
    del counted[:]
    parsed = []
    real = fagui.texts.read_regulation
    monkeypatch.setattr(fagui.texts, "read_regulation", lambda text, path=None: parsed.append(path) or real(text, path))
    again = made(repo)
    assert counted == [] and parsed == [] and again == first
    assert again == fresh(repo)


def test_a_changed_text_is_compared_again_and_the_others_are_kept(tmp_path, counted):
    repo = corpus(tmp_path)
    before = made(repo)
    amend(repo, f"{JIANGXI}.md", "## 第三条\n\n", "## 第三条\n\n本省")  # in the work tree, not committed
    del counted[:]
    after = made(repo)
    assert len(counted) == 1 and "江西" in counted[0]
    changed = [name for name in after if after[name] != before[name]]
    assert changed == [f"{NATIONAL.replace('/', '-')}--{JIANGXI.replace('/', '-')}"] and len(kept(repo)) == 10 + 2
    assert after == fresh(repo)


def test_a_damaged_entry_is_compared_again(tmp_path):
    repo = corpus(tmp_path)
    first = made(repo)
    for name in kept(repo):
        path = repo / ".git" / CACHE_DIR / name
        path.write_bytes(path.read_bytes()[:-40])  # cut short: a disk fault
    assert made(repo) == first


def test_a_pair_with_decisions_is_compared_each_time(tmp_path, counted):
    """Placing decisions reads the versions they were made on, which the
    key does not name: such a pair is never kept."""
    repo = corpus(tmp_path)
    done = CliRunner().invoke(main, ["link", "confirm", NATIONAL, JIANGXI, "--left", "1", "--right", "1", "--repo", str(repo)])
    assert done.exit_code == 0, done.output
    made(repo)
    del counted[:]
    again = made(repo)
    assert len(counted) == 1 and "江西" in counted[0]
    assert again == fresh(repo)
