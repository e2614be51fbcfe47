"""Killing `fagui add` (SIGKILL) at any moment leaves the old state or the new
one, and the index never stages a revert.

Each trial copies a repository holding version 1 of a regulation and someone's
other work (a staged file, an unstaged edit, an untracked file), starts the
real CLI adding version 2 with a tag, and kills it: at a random moment
(``RANDOM_TRIALS`` trials, seeded), or paused at each step of
:mod:`fagui.store.journal` by its test hook ``FAGUI_TEST_PAUSE``. Then it checks
the repository, the index and the work tree twice: as git sees them right after
the kill (never a staged revert, the other work untouched), and after the next
`fagui add` has recovered (exactly the old state or the new one, nothing left
behind).
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
from gitrepos import JILIN, V1, V2, git, make_repo
from kills import recover_and_check, settle, state

from fagui.store.corpus import Corpus
from fagui.store.journal import PAUSE, STEPS

pytestmark = pytest.mark.usefixtures("isolated_git")

RANDOM_TRIALS = int(os.environ.get("FAGUI_KILL_TRIALS", os.environ.get("FAGUI_FAULT_RUNS", "6")))
"""Kept small for the suite; ``FAGUI_KILL_TRIALS=200 pytest tests/test_kill.py`` (or
``FAGUI_FAULT_RUNS=200``, which sets every trial count of the fault harness) for a long run."""
SEED = int(os.environ.get("FAGUI_KILL_SEED", "12"))
MD = f"texts/{JILIN}.md"
SRC = f"texts/{JILIN}.source.txt"


@pytest.fixture(scope="module")
def states(tmp_path_factory, dated):
    """(the repository before the add, its state, the state after a clean add)."""
    base = tmp_path_factory.mktemp("kill")
    repo = make_repo(base / "old")
    Corpus(repo).add(V1, JILIN, name="v1.txt")
    (repo / "staged.txt").write_text("staged by someone\n", encoding="utf-8")
    git(repo, "add", "staged.txt")
    (repo / "README.md").write_text("edited, not staged\n", encoding="utf-8")
    (repo / "scratch.txt").write_text("untracked\n", encoding="utf-8")
    raw = base / "v2.txt"
    raw.write_bytes(V2)
    new = base / "new"
    shutil.copytree(repo, new, symlinks=True)
    Corpus(new).add(V2, JILIN, name=str(raw), tag="v2")
    return repo, state(repo), state(new), raw


def start(repo: Path, raw: Path, pause: str | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    env.pop(PAUSE, None)
    if pause:
        env[PAUSE] = pause
    return subprocess.Popen(
        [sys.executable, "-m", "cli", "add", str(raw), "--id", JILIN, "--tag", "v2"],
        cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def check_after_kill(repo: Path, old: tuple, new: tuple) -> str:
    """Right after a kill, as git sees it: which state the branch is in, the
    index stages the new version or nothing (never the old one back), and the
    other work is as it was. Returns "old" or "new"."""
    refs, index, _, files, _ = state(repo)
    assert refs in (old[0], new[0]), refs
    side = "new" if refs == new[0] else "old"
    ours = sorted(line for line in index.splitlines() if line.endswith((MD, SRC)))
    entries = {side_: sorted(line for line in s[1].splitlines() if line.endswith((MD, SRC))) for side_, s in (("old", old), ("new", new))}
    staged = sorted(git(repo, "--no-optional-locks", "diff", "--cached", "--name-only", "HEAD").split())
    if side == "new":
        assert ours == entries["new"] and staged == ["staged.txt"], "the index stages a revert"
    else:
        assert ours in (entries["old"], entries["new"]), "the index stages something else"
        assert staged in (["staged.txt"], sorted([MD, SRC, "staged.txt"]))
    for name in ("README.md", "scratch.txt", "staged.txt"):
        assert files[name] == old[3][name]
    return side


def trial(tmp_path: Path, name: str, states) -> Path:
    base, old, new, raw = states
    repo = tmp_path / name
    shutil.copytree(base, repo, symlinks=True)
    return repo


@pytest.mark.parametrize("step", STEPS)
def test_kill_at_each_step(tmp_path, states, step):
    _, old, new, raw = states
    repo = trial(tmp_path, step, states)
    proc = start(repo, raw, pause=step)
    line = proc.stderr.readline()
    assert line == f"fagui: paused at {step}\n"
    side = check_after_kill(repo, old, new)  # paused: what another git command would see now
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stderr.close()
    assert check_after_kill(repo, old, new) == side
    expected = "new" if step in ("refs", "done") else "old"
    assert side == expected
    assert recover_and_check(repo, old, new) == expected
    if step != "index":
        return
    # And the next add works from there (once: each run costs a second).
    assert subprocess.run([sys.executable, "-m", "cli", "add", str(raw), "--id", JILIN], cwd=repo, capture_output=True).returncode == 0
    assert state(repo)[1:4] == new[1:4]


def test_random_kills(tmp_path, states):
    _, old, new, raw = states
    repo = trial(tmp_path, "timing", states)
    began = time.monotonic()
    proc = start(repo, raw)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    proc.stderr.close()
    took = time.monotonic() - began
    assert state(repo) == new
    rng = random.Random(SEED)
    seen = []
    for i in range(RANDOM_TRIALS):
        repo = trial(tmp_path, f"t{i}", states)
        proc = start(repo, raw)
        try:
            proc.wait(timeout=rng.uniform(0.4, 0.95) * took)  # the start-up (imports, ingest) comes first
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        proc.stderr.close()
        settle(repo)
        side = check_after_kill(repo, old, new)
        assert recover_and_check(repo, old, new) == side
        seen.append(side)
    print("random kills:", {side: seen.count(side) for side in ("old", "new")})
