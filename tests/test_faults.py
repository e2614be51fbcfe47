"""Faults from outside fagui while `fagui add` and `fagui init` run: an
editor saving the text, a full disk at every write step, a read-only object
store, lock files a killed git command left. Each is one line naming the file
and exit code 2; the user's edit, index and history are as they were; nothing
is left behind that stops git; the next add works.

Real repositories, the real CLI (in-process, or a subprocess where it must be
paused or raced), a real small file system: a tmpfs mounted for the test
(``mount -t tmpfs -o size=...``, as root). Where mounting is not permitted the
full disk is made with ``RLIMIT_FSIZE`` instead (``ulimit -f``: every write past
the limit fails with EFBIG, as a full disk fails with ENOSPC, at the same
write steps); the test says which it used. ``FAGUI_FAULT_RUNS=N`` races the
editor N times (default 2).
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepos import JILIN, V1, V2, git, make_repo, snapshot

from cli.main import main
from fagui.store.corpus import Corpus
from fagui.store.journal import PAUSE

pytestmark = pytest.mark.usefixtures("isolated_git")

RUNS = int(os.environ.get("FAGUI_FAULT_RUNS", "2"))
SEED = int(os.environ.get("FAGUI_FAULT_SEED", "20"))
MD = f"texts/{JILIN}.md"
EDIT = "---\ntitle: my own draft, being edited\n---\n\nnot yet saved anywhere else\n"


def run(*args) -> object:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def one_line_error(stderr: str, code: int, *words: str) -> None:
    assert code == 2, stderr
    assert stderr.startswith("fagui: error: ") and stderr.count("\n") == 1, stderr
    for word in words:
        assert word in stderr, stderr


def leftovers(repo: Path) -> list[str]:
    """What a failed or killed add must not leave: git's lock files, fagui's
    journal and temporary files, temporary files beside the texts."""
    found = [str(p.relative_to(repo)) for p in (repo / ".git").rglob("*") if p.name.endswith(".lock") or p.name.startswith("fagui-")]
    found += [str(p.relative_to(repo)) for p in (repo / "texts").rglob(".*") if p.name != ".gitkeep"]
    return found


@pytest.fixture
def v1(tmp_path) -> Path:
    repo = make_repo(tmp_path / "corpus")
    Corpus(repo).add(V1, JILIN, name="v1.txt")
    (tmp_path / "v2.txt").write_bytes(V2)
    return repo


def start_add(repo: Path, raw: Path, pause: str | None = None, regulation_id: str = JILIN) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != PAUSE}
    if pause:
        env[PAUSE] = pause
    return subprocess.Popen(
        [sys.executable, "-m", "cli", "add", str(raw), "--id", regulation_id], cwd=repo, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def save_as_editor(path: Path, text: str, *, in_place: bool) -> None:
    """Save as editors do: in place (truncate and write), or a new file renamed over."""
    if in_place:
        path.write_text(text, encoding="utf-8")
    else:
        temp = path.with_name(path.name + ".swp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)


# -- an editor saving the text while add runs -------------------------------------------


@pytest.mark.parametrize("step", ["checked", "planned"])
@pytest.mark.parametrize("in_place", [False, True], ids=["renamed", "in-place"])
def test_an_edit_saved_while_add_runs_is_kept_and_refused(v1, tmp_path, step, in_place):
    """Saved after add's clean check (``checked``), or once its plan is
    journaled, just before it writes (``planned``): add refuses, naming the
    file; the edit stays; nothing is committed or staged."""
    before = snapshot(v1)
    proc = start_add(v1, tmp_path / "v2.txt", pause=step)
    assert proc.stderr.readline() == f"fagui: paused at {step}\n"
    save_as_editor(v1 / MD, EDIT, in_place=in_place)
    proc.send_signal(signal.SIGUSR1)
    stderr = proc.stderr.read()
    proc.stderr.close()
    one_line_error(stderr, proc.wait(timeout=60), MD, "changed while fagui")
    assert (v1 / MD).read_text(encoding="utf-8") == EDIT
    head, refs, index, _, files = snapshot(v1)
    assert (head, refs, index) == before[:3]
    assert {k: v for k, v in files.items() if k != MD} == {k: v for k, v in before[4].items() if k != MD}
    assert leftovers(v1) == []


def test_a_new_text_made_by_an_editor_while_add_runs_is_kept(v1, tmp_path):
    """The first version of a new id, and an editor makes the file just
    before add writes it: add refuses (the file is not made over it)."""
    before = snapshot(v1)
    proc = start_add(v1, tmp_path / "v2.txt", pause="planned", regulation_id="jilin/new")
    assert proc.stderr.readline() == "fagui: paused at planned\n"
    (v1 / "texts/jilin/new.md").write_text(EDIT, encoding="utf-8")
    proc.send_signal(signal.SIGUSR1)
    stderr = proc.stderr.read()
    proc.stderr.close()
    one_line_error(stderr, proc.wait(timeout=60), "texts/jilin/new.md", "changed while fagui")
    assert (v1 / "texts/jilin/new.md").read_text(encoding="utf-8") == EDIT
    assert snapshot(v1)[:3] == before[:3] and leftovers(v1) == []
    assert not (v1 / "texts/jilin/new.source.txt").exists()


def test_an_edit_saved_at_random_moments_is_never_written_over(v1, tmp_path):
    """A real add raced by an editor saving at a random moment (seeded): the
    file always ends up holding the edit, either because add refused (one
    line naming the file, nothing committed) or because the save came after
    add wrote the file (the new version committed, the edit on top of it)."""
    base = tmp_path / "base"
    shutil.copytree(v1, base, symlinks=True)
    old_head = git(v1, "rev-parse", "HEAD")
    began = time.monotonic()
    proc = start_add(v1, tmp_path / "v2.txt")
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    proc.stderr.close()
    took = time.monotonic() - began
    rng = random.Random(SEED)
    outcomes = []
    for i in range(RUNS):
        repo = tmp_path / f"race{i}"
        shutil.copytree(base, repo, symlinks=True)
        edit = EDIT + f"edit {i}\n"
        proc = start_add(repo, tmp_path / "v2.txt")
        time.sleep(rng.uniform(0.5, 1.0) * took)
        save_as_editor(repo / MD, edit, in_place=bool(i % 2))
        stderr = proc.stderr.read()
        proc.stderr.close()
        code = proc.wait(timeout=60)
        assert (repo / MD).read_text(encoding="utf-8") == edit, f"run {i}: the edit was written over ({stderr})"
        if code == 0:
            assert git(repo, "rev-parse", "HEAD") != old_head
            assert git(repo, "status", "--porcelain", "--", MD).strip() == f"M {MD}"
        else:
            one_line_error(stderr, code, MD)
            assert git(repo, "rev-parse", "HEAD") == old_head
        assert leftovers(repo) == []
        outcomes.append(code)
    print("editor races: add refused", outcomes.count(2), "times, committed before the save", outcomes.count(0))


# -- lock files a killed git command left ------------------------------------------------


@pytest.mark.parametrize("lock", [".git/refs/heads/main.lock", ".git/refs/tags/v2.lock", ".git/index.lock"])
def test_a_stale_lock_is_named_with_what_to_do(v1, tmp_path, lock):
    (v1 / lock).write_bytes(b"")
    before = snapshot(v1)
    result = run("add", tmp_path / "v2.txt", "--id", JILIN, "--tag", "v2", "--repo", v1)
    one_line_error(result.stderr, result.exit_code, str(v1 / lock), "remove")
    assert snapshot(v1) == before
    (v1 / lock).unlink()
    assert run("add", tmp_path / "v2.txt", "--id", JILIN, "--tag", "v2", "--repo", v1).exit_code == 0


# -- a read-only object store ------------------------------------------------------------


def test_a_read_only_object_store_is_one_line(v1, tmp_path):
    objects = v1 / ".git" / "objects"
    before = snapshot(v1)
    if subprocess.run(["chattr", "-R", "+i", str(objects)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (a folder even root cannot write into)")
    try:
        result = run("add", tmp_path / "v2.txt", "--id", JILIN, "--repo", v1)
    finally:
        subprocess.run(["chattr", "-R", "-i", str(objects)], check=True)
    one_line_error(result.stderr, result.exit_code, "objects")
    assert snapshot(v1) == before and leftovers(v1) == []
    assert run("add", tmp_path / "v2.txt", "--id", JILIN, "--repo", v1).exit_code == 0


# -- a full disk --------------------------------------------------------------------------


class SmallDisk:
    """A folder on a file system that can be filled: a tmpfs mounted for the
    test, or (where mounting is not permitted) an ordinary folder whose
    writers get ``RLIMIT_FSIZE``."""

    def __init__(self, path: Path, size: int):
        path.mkdir()
        self.path = path
        try:
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)], capture_output=True)
            refused = done.stderr.decode().strip() if done.returncode else None
        except OSError as exc:  # no mount command
            refused = str(exc)
        self.mounted = refused is None
        self.technique = "tmpfs" if self.mounted else f"RLIMIT_FSIZE (mount refused: {refused})"

    def fill(self, free: int) -> None:
        """Leave ``free`` bytes free (tmpfs only)."""
        filler = self.path / "filler"
        filler.unlink(missing_ok=True)
        avail = os.statvfs(self.path).f_bavail * os.statvfs(self.path).f_frsize
        with open(filler, "wb") as fh:
            fh.truncate(0)
            chunk = b"\0" * 65536
            left = avail - free
            while left > 0:
                left -= fh.write(chunk[: min(left, len(chunk))])

    def free_all(self) -> None:
        (self.path / "filler").unlink(missing_ok=True)

    def close(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.path)], check=False)


@pytest.fixture
def disk(tmp_path):
    disk = SmallDisk(tmp_path / "disk", 1024 * 1024)
    yield disk
    disk.close()


def fagui_with_free(disk: SmallDisk, free: int, *args) -> tuple[int, str]:
    """Run fagui with ``free`` bytes left on the disk (tmpfs, in-process) or,
    without a tmpfs, as a process that can write no file past ``free`` bytes."""
    if disk.mounted:
        disk.fill(free)
        try:
            result = run(*args)
        finally:
            disk.free_all()
        return result.exit_code, result.stderr

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a signal, as ulimit -f in a shell does
        resource.setrlimit(resource.RLIMIT_FSIZE, (free, free))

    done = subprocess.run([sys.executable, "-m", "cli", *map(str, args)], preexec_fn=limited, capture_output=True, text=True)
    return done.returncode, done.stderr


def test_a_full_disk_at_every_write_step_of_add(disk, tmp_path):
    """From no byte free up to enough, one page (4 KiB) more each time, so the
    disk fills at every write add makes in turn (its journal, git's index
    lock, the objects, the commit's temporary index, the two texts, the
    index, the ref): each failure is one line naming a file, leaves the
    repository exactly as it was with no lock or journal behind, and once
    space is freed the same add works."""
    print("full disk made with", disk.technique)
    pristine = make_repo(disk.path / "pristine")
    Corpus(pristine).add(V1, JILIN, name="v1.txt")
    raw = tmp_path / "v2.txt"
    raw.write_bytes(V2)
    named, steps, free = set(), 0, 0
    while True:
        repo = disk.path / f"c{steps}"
        shutil.copytree(pristine, repo, symlinks=True)
        before = snapshot(repo)
        code, stderr = fagui_with_free(disk, free, "add", raw, "--id", JILIN, "--repo", repo)
        if code == 0:
            break
        one_line_error(stderr, code)
        file = stderr.split(": ")[2].replace(str(repo), "REPO")
        assert snapshot(repo) == before, stderr
        assert leftovers(repo) == [], stderr
        assert git(repo, "status", "--porcelain") == "", "git cannot use the repository after the failed add"
        if file not in named:  # once per write step: each add costs time
            assert run("add", raw, "--id", JILIN, "--repo", repo).exit_code == 0, "the next add does not work"
        named.add(file)
        shutil.rmtree(repo)
        steps += 1
        free += 4096
        assert steps < 64, "add never succeeded"
    print(f"add failed at {steps} sizes, naming {sorted(named)}")
    assert len(named) >= (5 if disk.mounted else 2), named  # a failure at each of several write steps, each naming its file


def test_init_on_a_full_disk_is_one_line(disk, monkeypatch):
    for name in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(name, "Test")
    for name in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(name, "test@example.org")
    for free in (0, 4096, 8192, 16384) if disk.mounted else (0, 64, 256):  # RLIMIT_FSIZE limits each file
        code, stderr = fagui_with_free(disk, free, "init", disk.path / "corpus")
        one_line_error(stderr, code, str(disk.path / "corpus"))
        assert not (disk.path / "corpus").exists()
    result = run("init", disk.path / "corpus")
    assert result.exit_code == 0, result.stderr
