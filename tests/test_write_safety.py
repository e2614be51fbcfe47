"""Nothing is written through a symbolic link, over something that is not a
regular file, or outside the corpus and the output folder; new files get the
mode the umask gives. Real repositories, the real CLI, real links and FIFOs."""

from __future__ import annotations

import os
import stat
import subprocess

import pytest
from click.testing import CliRunner
from gitrepos import JILIN, V1, git, make_repo, snapshot

from cli.main import main
from fagui.atomic import write_atomic
from fagui.errors import FaguiError

pytestmark = pytest.mark.usefixtures("isolated_git")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("fagui: error: ") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr


@pytest.fixture
def raw(tmp_path):
    path = tmp_path / "v1.txt"
    path.write_bytes(V1)
    return str(path)


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "notes.md").write_text("not yours\n", encoding="utf-8")
    return folder


def test_committed_symlinked_folder_is_not_written_through(tmp_path, raw, outside):
    repo = make_repo(tmp_path / "corpus")
    os.symlink("../../outside", repo / "texts" / "docs")
    git(repo, "add", "texts/docs")
    git(repo, "commit", "-q", "-m", "a link")
    before = snapshot(repo)
    result = run("add", raw, "--id", "docs/notes", "--effective", "2030-01-01", "--repo", str(repo))
    one_line_error(result, "texts/docs is a symbolic link")
    assert (outside / "notes.md").read_text(encoding="utf-8") == "not yours\n"
    assert sorted(p.name for p in outside.iterdir()) == ["notes.md"]
    assert snapshot(repo) == before
    assert git(repo, "ls-files", "-s", "texts/docs").startswith("120000 ")


def test_symlink_committed_but_a_folder_in_the_work_tree_is_refused(tmp_path, raw, outside):
    """HEAD's tree is checked too: committing there would delete the link."""
    repo = make_repo(tmp_path / "corpus")
    os.symlink("../../outside", repo / "texts" / "docs")
    git(repo, "add", "texts/docs")
    git(repo, "commit", "-q", "-m", "a link")
    os.unlink(repo / "texts" / "docs")
    (repo / "texts" / "docs").mkdir()
    result = run("add", raw, "--id", "docs/notes", "--effective", "2030-01-01", "--repo", str(repo), "--force")
    one_line_error(result, "texts/docs is a symbolic link in HEAD")
    assert git(repo, "ls-tree", "HEAD", "texts/docs").startswith("120000 ")


def test_symlinked_text_file_is_not_replaced(tmp_path, raw, outside):
    repo = make_repo(tmp_path / "corpus")
    (repo / "texts" / "jilin").mkdir()
    os.symlink(outside / "notes.md", repo / "texts" / f"{JILIN}.md")
    result = run("add", raw, "--id", JILIN, "--repo", str(repo), "--force")
    one_line_error(result, "is a symbolic link")
    assert (repo / "texts" / f"{JILIN}.md").is_symlink()
    assert (outside / "notes.md").read_text(encoding="utf-8") == "not yours\n"


def test_submodule_under_texts_is_refused(tmp_path, raw):
    inner = make_repo(tmp_path / "inner")
    repo = make_repo(tmp_path / "corpus")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(inner), "texts/sub")
    git(repo, "commit", "-q", "-m", "a submodule")
    before = snapshot(repo)
    result = run("add", raw, "--id", "sub/x", "--effective", "2030-01-01", "--repo", str(repo))
    one_line_error(result, "texts/sub is a submodule in HEAD")
    assert snapshot(repo) == before
    assert not (repo / "texts" / "sub" / "x.md").exists()


@pytest.mark.parametrize("command", ["ingest", "diff"])
def test_output_symlink_fifo_and_device_are_refused(tmp_path, raw, outside, command):
    md = tmp_path / "v1.md"
    assert run("ingest", raw, "-q", "-o", str(md)).exit_code == 0
    args = [raw, "-q"] if command == "ingest" else [str(md), str(md)]
    link = tmp_path / "link.md"
    link.symlink_to(outside / "notes.md")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target, words in ((link, "is a symbolic link"), (fifo, "not a regular file"), ("/dev/null", "not a regular file")):
        one_line_error(run(command, *args, "-o", str(target)), str(target), words)
    assert link.is_symlink() and (outside / "notes.md").read_text(encoding="utf-8") == "not yours\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_output_under_a_file_is_a_one_line_error(tmp_path, raw):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    one_line_error(run("ingest", raw, "-q", "-o", str(tmp_path / "afile" / "x.md")), "afile")


def test_modes_come_from_the_umask_and_a_replaced_file_keeps_its_own(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.md", "x")
        assert stat.S_IMODE(os.stat(tmp_path / "new.md").st_mode) == 0o644
        os.umask(0o077)
        write_atomic(tmp_path / "private.md", "x")
        assert stat.S_IMODE(os.stat(tmp_path / "private.md").st_mode) == 0o600
        os.chmod(tmp_path / "new.md", 0o640)
        write_atomic(tmp_path / "new.md", "y")
        assert stat.S_IMODE(os.stat(tmp_path / "new.md").st_mode) == 0o640
    finally:
        os.umask(old)


def test_root_keeps_writes_inside(tmp_path, outside):
    (tmp_path / "root").mkdir()
    os.symlink(outside, tmp_path / "root" / "sub")
    for path in ("../escape.md", "/abs.md", "sub/notes.md"):
        with pytest.raises(FaguiError):
            write_atomic(path, "x", root=tmp_path / "root")
    assert (outside / "notes.md").read_text(encoding="utf-8") == "not yours\n"
    assert not (tmp_path / "escape.md").exists()


def test_added_files_follow_the_umask(tmp_path, raw):
    repo = make_repo(tmp_path / "corpus")
    old = os.umask(0o002)
    try:
        assert run("add", raw, "--id", JILIN, "--repo", str(repo)).exit_code == 0
    finally:
        os.umask(old)
    for name in (f"{JILIN}.md", f"{JILIN}.source.txt"):
        assert stat.S_IMODE(os.stat(repo / "texts" / name).st_mode) == 0o664
    assert subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout == ""


def immutable(path, on: bool) -> bool:
    """chattr +i / -i: a folder even root cannot write into; False where the
    file system or the user cannot do it."""
    return subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True).returncode == 0


@pytest.mark.parametrize("folder", ["texts", ".git"])
def test_a_read_only_texts_or_repository_is_a_one_line_error(tmp_path, raw, folder):
    repo = make_repo(tmp_path / "corpus")
    before = snapshot(repo)
    if not immutable(repo / folder, True):
        pytest.skip("chattr +i is not available here")
    try:
        result = run("add", raw, "--id", JILIN, "--repo", str(repo))
    finally:
        immutable(repo / folder, False)
    one_line_error(result, "not permitted")
    assert snapshot(repo) == before


def test_text_in_pieces_is_written_whole_or_not_at_all(tmp_path):
    """write_atomic takes text in pieces (a large JSON document streamed):
    the file is their join; when making a piece fails, the file that was
    there is untouched and no temporary file is left."""
    target = tmp_path / "out.json"
    pieces = ["{", "\n  \"a\": ", "\"縣\"" * 400_000, "\n}\n"]  # past one batch of encoding
    write_atomic(target, iter(pieces))
    assert target.read_bytes() == "".join(pieces).encode("utf-8")

    def failing():
        yield "x" * 3_000_000
        raise ValueError("Out of range float values are not JSON compliant")

    with pytest.raises(ValueError):
        write_atomic(target, failing())
    assert target.read_bytes() == "".join(pieces).encode("utf-8")
    assert os.listdir(tmp_path) == ["out.json"]
