"""Comparisons kept in .git/fagui-cache/ (fagui/cache.py) by the git driver,
fagui review and fagui diff: a kept result is what working it out again gives, a
changed text is worked out again, and a damaged, deleted or symlinked cache
is no error and no stale answer. Real git repositories, the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import ROOT, TEXTS
from gitrepos import amend, git, kept, make_repo

import fagui.review
from cli.main import main
from fagui.cache import CACHE_DIR, KEEP_DAYS, PRUNED, QUIET_SECONDS, blob_id, prune, read_cached, stamp_of, write_cached
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


def _age(path, days):
    then = time.time() - days * 86400
    os.utime(path, (then, then), follow_symlinks=False)


def test_entries_unused_for_keep_days_are_pruned_once_a_day(tmp_path):
    repo = corpus(tmp_path)
    root, cache = str(repo / ".git"), repo / ".git" / CACHE_DIR
    review_range("base", "head", str(repo))  # real entries, and the first prune (nothing old yet)
    real = sorted(kept(repo))
    assert real and (cache / PRUNED).exists()
    write_cached(root, "old", b"of older code")
    write_cached(root, "recent", b"used last week")
    (cache / ".old.1234abcd.tmp").write_bytes(b"a write killed part way")
    outside = tmp_path / "outside"
    outside.write_bytes(b"not the cache's")
    (cache / "link").symlink_to(outside)
    for name, days in (("old", KEEP_DAYS + 1), (".old.1234abcd.tmp", KEEP_DAYS), ("recent", 7), ("link", KEEP_DAYS + 5)):
        _age(cache / name, days)
    write_cached(root, "new", b"x")  # pruned a moment ago: no walk yet
    assert (cache / "old").exists()
    _age(cache / PRUNED, 1)  # a day later, the next answer kept prunes
    write_cached(root, "newer", b"y")
    left = sorted(p.name for p in cache.iterdir())
    assert left == sorted([*real, PRUNED, "link", "new", "newer", "recent"])  # a link is not ours to remove
    assert outside.read_bytes() == b"not the cache's"
    assert review_range("base", "head", str(repo)) == fresh_review(repo, "base", "head")


def test_an_entry_read_is_kept_and_a_read_only_cache_still_answers(tmp_path):
    root = str(tmp_path)
    write_cached(root, "k", b"answer")
    entry = tmp_path / CACHE_DIR / "k"
    _age(entry, KEEP_DAYS - 1)
    assert read_cached(root, "k") == b"answer"
    assert time.time() - entry.stat().st_mtime < 60  # used: prune keeps it another KEEP_DAYS
    prune(root, time.time() + 2 * 86400)
    assert entry.exists()
    prune(root, time.time() + (KEEP_DAYS + 2) * 86400)  # unused since: removed
    assert not entry.exists()
    write_cached(root, "k", b"answer")
    _age(entry, 3)
    entry.chmod(0o444)
    (tmp_path / CACHE_DIR).chmod(0o555)
    try:  # where it cannot be marked used (another user's cache, read only), still an answer
        assert read_cached(root, "k") == b"answer"
    finally:
        (tmp_path / CACHE_DIR).chmod(0o755)


def test_blob_id_is_gits(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(JIANGXI, encoding="utf-8")
    assert blob_id(path.read_bytes()) == subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("later", [0.0, QUIET_SECONDS + 60], ids=["just-written", "quiet"])
def test_the_code_stamp_changes_with_any_code_file(tmp_path, later):
    """Whether the stamp reads the files' bytes (one changed just now) or
    their status (all quiet), any change to a code file is a new stamp: an
    edit that keeps the size, a new file, a removed one; a __pycache__ is no code."""
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    module = tmp_path / "pkg" / "sub" / "m.py"
    module.write_text("X = 1\n")
    (tmp_path / "pkg" / "a.py").write_text("")

    def stamp() -> str:
        return stamp_of(str(tmp_path), ("pkg",), time.time() + later)

    seen = {stamp()}
    assert stamp() in seen  # the same code, the same stamp
    (tmp_path / "pkg" / "__pycache__").mkdir()
    (tmp_path / "pkg" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert stamp() in seen
    for change in (lambda: module.write_text("X = 2\n"), lambda: (tmp_path / "pkg" / "b.py").write_text(""), lambda: (tmp_path / "pkg" / "a.py").unlink()):
        change()
        assert stamp() not in seen
        seen.add(stamp())


def test_the_code_stamp_reads_bytes_until_the_files_are_quiet(tmp_path):
    """A file written within the last QUIET_SECONDS may be written again in
    the same tick of the file system's clock, keeping its status: its
    bytes decide the stamp; the same files quiet give another stamp."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("X = 1\n")
    now = time.time()
    assert stamp_of(str(tmp_path), ("pkg",), now) != stamp_of(str(tmp_path), ("pkg",), now + QUIET_SECONDS + 60)
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "pkg", copy / "pkg")  # same bytes, another status
    assert stamp_of(str(copy), ("pkg",), now) == stamp_of(str(tmp_path), ("pkg",), now)


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


RUN_SCRIPT = """
import sys
before = set(sys.modules)
from cli.start import main
try:
    main()
finally:
    loaded = sorted(m for m in ("click", "fagui.compare", "fagui.markdown", "git", "re", "hashlib") if m in set(sys.modules) - before)
    import json
    sys.stderr.write("\\n" + json.dumps(loaded))
"""
"""A command as the console script runs it (cli.start.main); the last line
of stderr lists which of click, the engine, the reader, GitPython, re and
hashlib (which loads OpenSSL) it loaded (not those the interpreter had before
it: an editable install's .pth loads re at start-up)."""


def fagui_run(repo, *args, env=None):
    """(stdout, stderr without the last line, modules loaded) of ``fagui ARGS`` in ``repo``."""
    done = subprocess.run([sys.executable, "-c", RUN_SCRIPT, *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or BARE)})
    assert done.returncode == 0, done.stderr
    err, _, loaded = done.stderr.rpartition("\n")
    return done.stdout, err, json.loads(loaded)


def fagui_diff(repo, *args, env=None):
    """``fagui diff ARGS`` by :func:`fagui_run`: an answer kept from before
    needs none of the modules it lists."""
    return fagui_run(repo, "diff", *args, env=env)


def test_review_answered_from_the_cache_loads_neither_gitpython_nor_the_engine_nor_openssl(tmp_path):
    repo = corpus(tmp_path)
    out, _, loaded = fagui_run(repo, "review", "base..head")
    assert "fagui.compare" in loaded and len(kept(repo)) == 2
    again, _, loaded = fagui_run(repo, "review", "base..head")
    assert again == out and not {"git", "fagui.compare", "fagui.markdown", "hashlib"} & set(loaded)


def test_diff_of_two_files_answers_again_from_the_cache_and_never_stale(tmp_path):
    repo = corpus(tmp_path)
    args = ("texts/jiangxi/b.md", "texts/national/a.md", "--format", "json")  # provincial first: a note on stderr
    out, err, loaded = fagui_diff(repo, *args)
    assert '"fagui.comparison/3"' in out and "swapped" in err and "click" in loaded and len(kept(repo)) == 1
    assert fagui_diff(repo, *args) == (out, err, [])  # the same answer, with neither click nor the engine nor the reader
    assert len(kept(repo)) == 1
    for key in kept(repo):  # what it prints the second time is what it kept
        write_cached(str(repo / ".git"), key, b"0\nkept answer\n")
    assert fagui_diff(repo, *args)[0] == "kept answer\n"
    # An option more, another colour decision, a changed file: each a new answer, worked out.
    assert fagui_diff(repo, *args, "--lang", "en")[2] != [] and len(kept(repo)) == 2
    colored = fagui_diff(repo, *args[:2], env={"FORCE_COLOR": "1"})
    plain = fagui_diff(repo, *args[:2])
    assert "\x1b[" in colored[0] and "\x1b[" not in plain[0] and len(kept(repo)) == 4
    amend(repo, "national/a.md", "特制定本规定。", "特此制定本规定。")
    edited, _, loaded = fagui_diff(repo, *args)
    assert "特此制定本规定" in edited and "click" in loaded and len(kept(repo)) == 5
    shutil.rmtree(repo / ".git" / CACHE_DIR)
    assert fagui_diff(repo, *args)[0] == edited


def test_diff_by_id_or_to_a_file_is_not_kept(tmp_path):
    """A regulation named by id is read from git (its answer depends on more
    than the files named); -o writes a file, which a kept answer would not."""
    repo = corpus(tmp_path)
    fagui_diff(repo, "national/a@base", "national/a")
    fagui_diff(repo, "texts/national/a.md", "texts/jiangxi/b.md", "-o", "out.txt")
    fagui_diff(repo, "texts/national/a.md", "texts/jiangxi/b.md", "--output=out2.txt")
    assert kept(repo) == set()
    assert (repo / "out.txt").read_text(encoding="utf-8") == (repo / "out2.txt").read_text(encoding="utf-8") != ""
