"""The kill harness beyond a single `fagui add` (tests/test_kill.py): SIGKILL
at random moments (seeded) of a folder add (a regulation's whole history, one
commit per file) and `diff -o` (`report -o`: tests/test_output_folder.py,
``test_sigkill_during_a_rerun_leaves_old_or_new``, seeded the same way). Each leaves one whole state that a
clean run passes through, never a half-written file, and never stages
anything behind the user's back; the next run finishes the job.

A handful of trials in the suite; ``FAGUI_FAULT_RUNS=200 pytest -s
tests/test_fault_kills.py`` (and ``FAGUI_FAULT_SEED``) for a long run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from gitrepos import JILIN, V1, V2, V3, git, make_repo
from kills import recover_and_check, settle, state

from fagui.store.batch import add_versions
from fagui.store.corpus import Corpus

pytestmark = pytest.mark.usefixtures("isolated_git")

RUNS = int(os.environ.get("FAGUI_FAULT_RUNS", "2"))
SEED = int(os.environ.get("FAGUI_FAULT_SEED", "20"))
MD = f"texts/{JILIN}.md"
SRC = f"texts/{JILIN}.source.txt"


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "cli", *map(str, args)]


def timed(command: list[str], cwd: Path | None = None) -> float:
    began = time.monotonic()
    done = subprocess.run(command, cwd=cwd, capture_output=True)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - began


def killed(command: list[str], after: float, cwd: Path | None = None) -> bool:
    """Run ``command`` and SIGKILL it after ``after`` seconds; whether it was killed (not done by then)."""
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=after)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        return True


# -- a folder add --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def history_states(tmp_path_factory, dated):
    """(the repository before, the folder of three raw versions, the state
    after a clean folder add of the first k files for k = 0..3)."""
    base = tmp_path_factory.mktemp("folder")
    repo = make_repo(base / "old")
    (repo / "staged.txt").write_text("staged by someone\n", encoding="utf-8")
    git(repo, "add", "staged.txt")
    (repo / "README.md").write_text("edited, not staged\n", encoding="utf-8")
    (repo / "scratch.txt").write_text("untracked\n", encoding="utf-8")
    states = [state(repo)]
    for k in (1, 2, 3):
        folder = base / f"raw{k}"
        folder.mkdir()
        for i, raw in enumerate((V1, V2, V3)[:k], 1):
            (folder / f"v{i}.txt").write_bytes(raw)
        copy = base / f"after{k}"
        shutil.copytree(repo, copy, symlinks=True)
        add_versions(Corpus(copy), [str(folder)], JILIN)  # as `fagui add FOLDER --id` does, in-process: faster
        states.append(state(copy))
    return repo, base / "raw3", states


def test_random_kills_of_a_folder_add(tmp_path, history_states):
    repo, folder, states = history_states
    refs = [s[0] for s in states]
    entries = [sorted(line for line in s[1].splitlines() if line.endswith((MD, SRC))) for s in states]
    copy = tmp_path / "timing"
    shutil.copytree(repo, copy, symlinks=True)
    took = timed(cli("add", folder, "--id", JILIN), cwd=copy)
    assert state(copy) == states[3]
    rng = random.Random(SEED)
    seen = []
    for i in range(RUNS):
        trial = tmp_path / f"t{i}"
        shutil.copytree(repo, trial, symlinks=True)
        killed(cli("add", folder, "--id", JILIN), rng.uniform(0.3, 1.0) * took, cwd=trial)
        settle(trial)
        now = state(trial)
        assert now[0] in refs, "the branch is at no state a clean run passes through"
        k = refs.index(now[0])
        ours = sorted(line for line in now[1].splitlines() if line.endswith((MD, SRC)))
        assert ours in entries[k : k + 2], "the index stages something other than this version or the next"
        staged = sorted(git(trial, "--no-optional-locks", "diff", "--cached", "--name-only", "HEAD").split())
        assert staged in (["staged.txt"], sorted([MD, SRC, "staged.txt"])), staged
        for name in ("README.md", "scratch.txt", "staged.txt"):
            assert now[3][name] == states[0][3][name], f"{name} was touched"
        side = recover_and_check(trial, states[k], states[min(k + 1, 3)])
        seen.append(k + (side == "new" and k < 3))
        add_versions(Corpus(trial), [str(folder)], JILIN)
        assert state(trial) == states[3], "the next folder add does not finish the history"
    print("folder add killed after", {k: seen.count(k) for k in range(4)}, "versions")


# -- diff -o -----------------------------------------------------------------


def test_random_kills_of_diff_o(tmp_path):
    """`diff -o` killed at random leaves the old file or the new one, whole."""
    out = tmp_path / "diff.html"
    old = b"an earlier diff, kept until the new one is whole\n"
    out.write_bytes(old)
    left, right = "national/counterespionage-security-provisions", "jiangxi/counterespionage-work-regulations"
    command = cli("diff", left, right, "--format", "html", "-o", out, "--repo", ROOT)
    took = timed(command)
    new = out.read_bytes()
    assert new != old
    rng = random.Random(SEED)
    for _ in range(RUNS):
        out.write_bytes(old)
        killed(command, rng.uniform(0.3, 1.0) * took)
        assert out.read_bytes() in (old, new), "diff -o left a half-written file"
        for leftover in [p for p in tmp_path.iterdir() if p.name != "diff.html"]:
            assert leftover.name.startswith(".diff.html.") and leftover.name.endswith(".tmp"), leftover
            leftover.unlink()  # documented: a kill can leave the hidden temporary file, never the target half-written
