"""The report's output folder: built beside and swapped in whole, owning only
the files in its manifest, refusing a folder of the user's unless --force.
The real renderer and CLI, real folders, a real SIGKILL."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from samples import sample

from cli.main import main
from fagui.errors import FaguiError
from fagui.outfolder import MANIFEST
from renderers.report import build_site


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_a_folder_with_the_users_files_is_refused_unless_forced(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("my own page\n", encoding="utf-8")
    before = files(out)
    result = run("report", "--repo", ROOT, "-o", out)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "holds 'index.html', which fagui did not write" in result.stderr and "--force" in result.stderr
    assert files(out) == before
    assert run("report", "--repo", ROOT, "-o", out, "--force").exit_code == 0
    (out / "notes.txt").write_text("mine too\n", encoding="utf-8")
    assert run("report", "--repo", ROOT, "-o", out, "--force").exit_code == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine too\n"
    assert "notes.txt" not in json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]


def test_empty_name_symlink_and_file_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.txt").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", tmp_path / "link")
    for target, words in (("", "empty string"), ("link", "symbolic link"), ("mine.txt", "is a file")):
        result = run("report", "--repo", ROOT, "-o", target)
        assert result.exit_code == 2 and words in result.stderr, result.output
    assert sorted(os.listdir(tmp_path)) == ["link", "mine.txt"]


def site_files(*names: str) -> list[str]:
    """What build_site writes for comparisons ``names`` of sample()'s
    national text (7 articles): page and 对照表 each, article pages, CSV."""
    return sorted(
        ["index.html", "index.json", "repetition.csv", "coverage.national-test.csv"]
        + [f"{name}.{ext}" for name in names for ext in ("html", "docx")]
        + [f"art.national-test.{k:03d}.html" for k in range(1, 8)]
    )


def test_a_rerun_removes_pages_of_the_earlier_run(tmp_path):
    out = tmp_path / "site"
    build_site(out, [("a", sample()), ("b", sample())])
    assert sorted(files(out)) == sorted([MANIFEST, *site_files("a", "b")])
    build_site(out, [("a", sample())])
    assert sorted(files(out)) == sorted([MANIFEST, *site_files("a")])
    assert sorted(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]) == site_files("a")


@pytest.mark.parametrize("syncfs", [True, False], ids=["syncfs", "file-by-file"])
def test_every_file_is_on_disk_before_the_site_is_swapped_in(tmp_path, monkeypatch, syncfs):
    """A site built beside is flushed to disk all at once before the swap,
    not each file as it is written: the file system with one syncfs where
    the system has it, else each file written (a file linked from the set
    it replaces was flushed before that set was shown), then the folder,
    between the manifest saying "building" and the finished one: a crash
    after the swap finds whole files, never empty ones."""
    import fagui.outfolder

    out = tmp_path / "site"
    build_site(out, [("a", sample())])  # a site to swap with
    before = {p.name: p.stat().st_ino for p in out.iterdir()}
    events = []
    real_fsync, real_exchange, real_syncfs = os.fsync, fagui.outfolder._exchange, fagui.outfolder.sync_file_system
    where = lambda fd: os.readlink(f"/proc/self/fd/{fd}")  # noqa: E731
    monkeypatch.setattr(os, "fsync", lambda fd: events.append(("fsync", where(fd))) or real_fsync(fd))
    monkeypatch.setattr(fagui.outfolder, "_exchange", lambda a, b: events.append(("swap", str(a))) or real_exchange(a, b))
    monkeypatch.setattr(
        fagui.outfolder, "sync_file_system", lambda fd: events.append(("syncfs", where(fd))) or (real_syncfs(fd) if syncfs else False)
    )
    build_site(out, [("a", sample()), ("b", sample())])
    swap = events.index(next(e for e in events if e[0] == "swap"))
    build = events[swap][1]
    flushed = [Path(path).name for kind, path in events[:swap] if kind == "fsync" and Path(path).parent == Path(build)]
    pages = [name for name in flushed if not name.startswith(MANIFEST)]
    linked = {p.name for p in out.iterdir() if before.get(p.name) == p.stat().st_ino}
    assert "a.docx" in linked and "index.html" not in linked
    assert sorted(pages) == ([] if syncfs else sorted(set(site_files("a", "b")) - linked))  # each once
    # the manifest saying "building" before them, the finished one after them
    assert [name.startswith(MANIFEST) for name in flushed] == [True] + [False] * len(pages) + [True]
    synced = events.index(("syncfs", build))
    manifests = [k for k, (kind, path) in enumerate(events[:swap]) if kind == "fsync" and Path(path).name.startswith(MANIFEST)]
    assert manifests[0] < synced < manifests[-1]
    assert ("fsync", build) in events[synced:swap]  # the folder itself


def fails_half_way():
    """Comparisons for build_site that fail after the first one."""
    yield "a", sample()
    raise RuntimeError("killed half way")


def test_a_failed_run_leaves_the_old_site_whole(tmp_path):
    out = tmp_path / "site"
    build_site(out, [("a", sample()), ("b", sample())])
    before = files(out)

    with pytest.raises(RuntimeError):
        build_site(out, fails_half_way())
    assert files(out) == before
    assert sorted(os.listdir(tmp_path)) == ["site"]  # the build beside is gone


def test_the_current_folder_is_written_in_place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inode = os.stat(tmp_path).st_ino
    build_site(".", [("a", sample())])
    build_site(".", [("b", sample())])
    assert os.stat(tmp_path).st_ino == inode
    assert sorted(os.listdir(tmp_path)) == sorted([MANIFEST, *site_files("b")])


def test_sigkill_during_a_rerun_leaves_old_or_new(tmp_path):
    """A real report over a corpus of four provinces killed at a random moment
    (seeded; ``FAGUI_FAULT_RUNS=N`` for more) of a re-run over one of two: the
    folder holds exactly one whole run's files, never the old index beside
    new pages, and a later run cleans up beside it."""
    corpora = {}
    for name, provinces in (("four", None), ("two", ("jilin", "jiangxi"))):
        root = tmp_path / name
        shutil.copytree(ROOT / "texts", root / "texts", ignore=shutil.ignore_patterns("*.source.txt"))
        if provinces:
            for folder in (root / "texts").iterdir():
                if folder.name not in ("national", *provinces):
                    shutil.rmtree(folder)
        corpora[name] = root
    out = tmp_path / "site"
    assert run("report", "--repo", corpora["four"], "-o", out).exit_code == 0
    sets = {"four": files(out)}
    command = [sys.executable, "-m", "cli", "report", "--repo", str(corpora["two"]), "-o", str(out)]
    began = time.monotonic()
    assert subprocess.run(command, capture_output=True).returncode == 0
    took = time.monotonic() - began
    sets["two"] = files(out)
    assert sets["four"].keys() != sets["two"].keys()
    rng = random.Random(int(os.environ.get("FAGUI_FAULT_SEED", "20")))
    for fraction in [rng.uniform(0.3, 1.0) for _ in range(int(os.environ.get("FAGUI_FAULT_RUNS", "2")))]:
        assert run("report", "--repo", corpora["four"], "-o", out).exit_code == 0
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=took * fraction)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert files(out) in (sets["four"], sets["two"])
    assert run("report", "--repo", corpora["two"], "-o", out).exit_code == 0
    assert sorted(os.listdir(tmp_path)) == ["four", "site", "two"]  # leftovers beside removed


def test_a_file_put_in_the_folder_while_it_runs_is_kept(tmp_path):
    out = tmp_path / "site"
    build_site(out, [("a", sample())])

    def meanwhile():
        yield "a", sample()
        (out / "mine.txt").write_text("written while fagui ran\n", encoding="utf-8")
        yield "b", sample()

    with pytest.raises(FaguiError, match="'mine.txt' appeared in the folder while fagui ran"):
        build_site(out, meanwhile())
    assert sorted(files(out)) == sorted([MANIFEST, *site_files("a", "b")])
    [kept] = [p for p in tmp_path.iterdir() if p.name != "site"]
    assert (kept / "mine.txt").read_text(encoding="utf-8") == "written while fagui ran\n"
    # The pages of "a" came out the same and were linked from the set now kept: that set has its
    # own copies, so an edit there (in place, as an editor may) does not change the site.
    same = [n for n in os.listdir(out) if n != MANIFEST and (kept / n).exists() and (kept / n).read_bytes() == (out / n).read_bytes()]
    assert same and all(os.stat(out / name).st_nlink == 1 for name in same)
    before = (out / same[0]).read_bytes()
    with open(kept / same[0], "ab") as fh:
        fh.write(b"an edit in the kept copy\n")
    assert (out / same[0]).read_bytes() == before
    build_site(out, [("a", sample())])  # a later run leaves it alone
    assert (kept / "mine.txt").exists()


@pytest.fixture
def mount_point(tmp_path):
    """A tmpfs mounted on ``site`` (as root); skipped where mounting is not permitted."""
    site = tmp_path / "site"
    site.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(site)], capture_output=True, text=True)
    except OSError as exc:
        pytest.skip(f"cannot mount a tmpfs here: {exc}")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield site
    subprocess.run(["umount", "-l", str(site)], check=False)


def test_a_mount_point_is_written_into_not_renamed(mount_point):
    """`report -o` onto a mount point (which cannot be renamed: "Device or
    resource busy"): the set is replaced file by file from a build inside it,
    with the promises of a swapped folder: a failed run leaves the old set,
    pages of an earlier run are removed, the user's files are refused unless
    --force, and nothing of fagui's is left behind."""
    assert run("report", "--repo", ROOT, "-o", mount_point).exit_code == 0
    first = files(mount_point)
    assert "index.html" in first and os.path.ismount(mount_point)
    build_site(mount_point, [("a", sample()), ("b", sample())])
    assert sorted(files(mount_point)) == sorted([MANIFEST, *site_files("a", "b")])
    before = files(mount_point)

    with pytest.raises(RuntimeError):
        build_site(mount_point, fails_half_way())
    assert files(mount_point) == before
    build_site(mount_point, [("a", sample())])
    assert sorted(files(mount_point)) == sorted([MANIFEST, *site_files("a")])
    (mount_point / "mine.txt").write_text("mine\n", encoding="utf-8")
    result = run("report", "--repo", ROOT, "-o", mount_point)
    assert result.exit_code == 2 and "'mine.txt', which fagui did not write" in result.stderr
    assert os.path.ismount(mount_point)


def test_sigkill_while_writing_into_a_mount_point_leaves_whole_files_and_the_next_run_cleans_up(mount_point, tmp_path):
    build_site(mount_point, [("a", sample())])
    command = [sys.executable, "-m", "cli", "report", "--repo", str(ROOT), "-o", str(mount_point)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    result = run("report", "--repo", ROOT, "-o", mount_point)  # no refusal: every file there is fagui's
    assert result.exit_code == 0, result.stderr
    assert not [p for p in mount_point.iterdir() if p.name.startswith(".fagui-build-")]
    listed = json.loads((mount_point / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert sorted(files(mount_point)) == sorted([MANIFEST, *listed])
