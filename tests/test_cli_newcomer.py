"""What surprised a newcomer in the three jobs (#21 items 3 and 5), through
the real CLI and a real git corpus: a mistyped command or id gets a
suggestion, check takes a folder and says when all is well, an id needs a
jurisdiction, and log shows only the dates a version states."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner
from conftest import ROOT, source_path

from cli.main import main

ZHEJIANG = "zhejiang/counterespionage-security-measures"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=cwd or ROOT)


def corpus(tmp_path, monkeypatch):
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.org")
    repo = tmp_path / "corpus"
    assert CliRunner().invoke(main, ["init", str(repo)]).exit_code == 0
    added = CliRunner().invoke(main, ["add", str(source_path(ZHEJIANG)), "--id", ZHEJIANG, "--repo", str(repo)])
    assert added.exit_code == 0, added.output
    return repo


def test_a_mistyped_command_gets_a_suggestion():
    done = run("reprot")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == ["fagui: error: No such command 'reprot'. Did you mean 'report'? (see 'python -m cli --help')"]
    assert "Did you mean" not in run("zzzz").stderr


def test_a_mistyped_id_gets_a_suggestion(tmp_path, monkeypatch):
    repo = corpus(tmp_path, monkeypatch)
    done = run("log", "zhejiang/counterespionage-security-measure", cwd=repo)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.rstrip().endswith(f"did you mean {ZHEJIANG}?")
    assert "did you mean" not in run("log", "beijing/water", cwd=repo).stderr
    # diff and show name it too, whatever the revision.
    for args in (("diff", "zhejiang/counterespionage-security-measure", ZHEJIANG), ("show", "zhejiang/counterespionage-security-measure@HEAD")):
        done = run(*args, cwd=repo)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
        assert done.stderr.rstrip().endswith(f"did you mean {ZHEJIANG}?"), done.stderr


def test_log_shows_only_the_dates_a_version_states(tmp_path, monkeypatch):
    repo = corpus(tmp_path, monkeypatch)
    done = run("log", ZHEJIANG, cwd=repo)
    assert done.returncode == 0
    fields = done.stdout.rstrip("\n").split("  ")
    assert fields[1:] == ["施行日期 2019-09-01", "浙江省政府令第377号", "第一个版本，共23条"]
    assert "-" not in fields[1:]


def test_an_id_without_a_jurisdiction_is_refused(tmp_path, monkeypatch):
    repo = corpus(tmp_path, monkeypatch)
    before = sorted(p.relative_to(repo) for p in (repo / "texts").rglob("*"))
    done = run("add", str(source_path(ZHEJIANG)), "--id", "ssl", cwd=repo)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "fagui: error: id 'ssl' names no jurisdiction: use JURISDICTION/NAME (like national/ssl or jilin/ssl)\n"
    assert sorted(p.relative_to(repo) for p in (repo / "texts").rglob("*")) == before


def test_check_takes_a_folder_and_says_when_all_is_well(tmp_path):
    done = run("check", "texts/")
    assert (done.returncode, done.stdout, done.stderr) == (0, "5 files in canonical form\n", "")
    one = run("check", "texts/zhejiang")
    assert one.stdout == "1 file in canonical form\n"
    bad = tmp_path / "texts" / "x"
    bad.mkdir(parents=True)
    (bad / "a.md").write_text((ROOT / "texts" / f"{ZHEJIANG}.md").read_text("utf-8") + "\n", encoding="utf-8")
    failed = run("check", str(tmp_path / "texts"))
    assert failed.returncode == 1 and failed.stdout == ""
    assert failed.stderr.endswith("a.md:" + failed.stderr.split(":")[1] + ": the file must end with exactly one newline\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = run("check", str(empty))
    assert refused.returncode == 2
    assert refused.stderr == f"fagui: error: {empty}: a folder with no .md file under it\n"


def test_the_same_text_re_encoded_is_no_new_version(tmp_path, monkeypatch):
    """GBK with CRLF line ends reads as the same text: nothing is committed."""
    repo = corpus(tmp_path, monkeypatch)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout
    copy = tmp_path / "zhejiang-gbk.txt"
    copy.write_bytes(source_path(ZHEJIANG).read_text("utf-8").replace("\n", "\r\n").encode("gb18030"))
    done = run("add", str(copy), "--id", ZHEJIANG, cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "未变，此文本已是当前版本" in done.stdout
    assert subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout == head
    assert subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout == ""
    # A real change still is a version.
    changed = tmp_path / "changed.txt"
    changed.write_text(source_path(ZHEJIANG).read_text("utf-8").replace("制定本办法", "制定本办法（修改）", 1), encoding="utf-8")
    assert "（修改1条）" in run("add", str(changed), "--id", ZHEJIANG, cwd=repo).stdout


def test_a_text_in_force_from_promulgation_without_its_date_says_so(tmp_path, monkeypatch):
    repo = corpus(tmp_path, monkeypatch)
    law = tmp_path / "law.txt"
    law.write_text(
        "中华人民共和国某某法\n\n（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）\n\n"
        "第一条　为了规范某某活动，制定本法。\n\n第二条　本法自公布之日起施行。\n",
        encoding="utf-8",
    )
    done = run("add", str(law), "--id", "national/x", cwd=repo)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "takes effect on its promulgation (自公布之日起施行) but states no promulgation date" in done.stderr
    assert not (repo / "texts" / "national").exists()


def test_a_duizhaobiao_fagui_made_is_not_ingested(tmp_path):
    table = tmp_path / "对照表.docx"
    made = run("diff", "texts/national/counterespionage-security-provisions.md", f"texts/{ZHEJIANG}.md", "--format", "docx", "-o", str(table))
    assert made.returncode == 0, made.stderr
    done = run("ingest", str(table), "-o", str(tmp_path / "out.md"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"fagui: error: {table}: a 对照表 that fagui made")
    assert not (tmp_path / "out.md").exists()
