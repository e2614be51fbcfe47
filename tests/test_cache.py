"""Comparisons kept in .git/fagui-cache/ (fagui/cache.py) by the git driver
and fagui review: a kept result is what working it out again gives, a
changed text is worked out again, and a damaged, deleted or symlinked cache
is no error and no stale answer. Real git repositories, the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import TEXTS
from gitrepos import git, make_repo

import fagui.review
from cli.main import main
from fagui.cache import CACHE_DIR, blob_id, read_cached, write_cached
from fagui.review import review_range

pytestmark = pytest.mark.usefixtures("isolated_git")

NATIONAL = (TEXTS / "national" / "counterespionage-security-provisions.md").read_text(encoding="utf-8")
JIANGXI = (TEXTS / "jiangxi" / "counterespionage-work-regulations.md").read_text(encoding="utf-8")
BARE = {"NO_COLOR": "1", "GIT_PAGER": "cat"}


def corpus(tmp_path):
    """texts/ with two regulations at tag base, both amended at tag head."""
    repo = make_repo(tmp_path / "corpus")
    for name, text in (("national/a.md", NATIONAL), ("jiangxi/b.md", JIANGXI)):
        (repo / "texts" / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / "texts" / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "tag", "base")
    amend(repo, "national/a.md", "制定本规定。", "特制定本规定。")
    amend(repo, "jiangxi/b.md", "适用本条例。", "均适用本条例。")
    git(repo, "commit", "-q", "-am", "head")
    git(repo, "tag", "head")
    return repo


def amend(repo, name, old, new):
    path = repo / "texts" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def kept(repo) -> set[str]:
    folder = repo / ".git" / CACHE_DIR
    return set(os.listdir(folder)) if folder.is_dir() else set()


def fresh_review(repo, base, head):
    """The review worked out with no cache (and the cache put back after)."""
    folder = repo / ".git" / CACHE_DIR
    saved = folder.with_name("saved-cache")
    folder.rename(saved)
    try:
        return review_range(base, head, str(repo))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        saved.rename(folder)


def test_review_kept_result_equals_a_fresh_one_and_a_changed_text_misses(tmp_path, monkeypatch):
    repo = corpus(tmp_path)
    worked_out = []
    real_change = fagui.review._change
    monkeypatch.setattr(fagui.review, "_change", lambda repo, base, head, status, old, new: worked_out.append(new) or real_change(repo, base, head, status, old, new))
    first = review_range("base", "head", str(repo))
    assert len(first.changes) == 2 and len(kept(repo)) == 2 and len(worked_out) == 2
    # Another commit whose texts are the same blobs: answered from the cache,
    # with this range's revisions, equal to working it out again.
    (repo / "README.md").write_text("changed\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "readme")
    again = review_range("base", "HEAD", str(repo))
    assert len(kept(repo)) == 2 and len(worked_out) == 2  # nothing worked out again
    assert again == fresh_review(repo, "base", "HEAD")
    assert again.changes[0].comparison.right.revision == git(repo, "rev-parse", "HEAD").strip()[:12]
    # One text changed: that file is worked out again, the other is kept.
    amend(repo, "jiangxi/b.md", "均适用本条例。", "一律适用本条例。")
    git(repo, "commit", "-q", "-am", "again")
    del worked_out[:]  # fresh_review worked out both
    changed = review_range("base", "HEAD", str(repo))
    assert len(kept(repo)) == 3 and worked_out == ["texts/jiangxi/b.md"]
    assert changed == fresh_review(repo, "base", "HEAD")
    assert "一律" in repr(changed.changes) and "一律" not in repr(again.changes)


def test_a_damaged_entry_is_worked_out_again(tmp_path):
    repo = corpus(tmp_path)
    first = review_range("base", "head", str(repo))
    for name in kept(repo):
        path = repo / ".git" / CACHE_DIR / name
        path.write_bytes(path.read_bytes()[:-40])  # cut short: a disk fault
    assert review_range("base", "head", str(repo)) == first


def test_a_symlinked_cache_is_neither_read_nor_written(tmp_path):
    repo = corpus(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / ".git" / CACHE_DIR).symlink_to(elsewhere)
    first = review_range("base", "head", str(repo))
    assert os.listdir(elsewhere) == []
    write_cached(str(elsewhere.parent), "k", b"planted")  # a real cache beside it works...
    assert read_cached(str(elsewhere.parent), "k") == b"planted"
    (elsewhere / "k").write_bytes((tmp_path / CACHE_DIR / "k").read_bytes())
    assert read_cached(str(repo / ".git"), "k") is None  # ...but nothing is read through the link
    assert review_range("base", "head", str(repo)) == first


def test_blob_id_is_gits(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(JIANGXI, encoding="utf-8")
    assert blob_id(path.read_bytes()) == subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True, check=True).stdout.strip()


def test_git_driver_answers_again_from_the_cache_and_never_stale(tmp_path):
    repo = corpus(tmp_path)
    result = CliRunner().invoke(main, ["install-git-driver", "--repo", str(repo)], catch_exceptions=False)
    assert result.exit_code == 0, result.output

    def diff(*args):
        done = subprocess.run(["git", "diff", *args], cwd=repo, env={**os.environ, **BARE}, capture_output=True, text=True)
        assert done.returncode == 0 and not done.stderr, done.stderr
        return done.stdout

    worked_out = diff("base", "head")
    assert "{+特+}" in worked_out and len(kept(repo)) == 2
    assert diff("base", "head") == worked_out and len(kept(repo)) == 2
    for key in kept(repo):  # what it prints the second time is what it kept
        write_cached(str(repo / ".git"), key, b"kept answer\n")
    assert diff("base", "head").count("kept answer\n") == 2
    # A work-tree edit (git passes zeros for its blob id): a new answer, never the kept one.
    amend(repo, "national/a.md", "特制定本规定。", "特此制定本规定。")
    edited = diff("head")
    assert "{+此+}" in edited and len(kept(repo)) == 3
    shutil.rmtree(repo / ".git" / CACHE_DIR)
    assert diff("head") == edited and diff("base", "head") == worked_out
