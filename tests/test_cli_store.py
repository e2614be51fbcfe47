"""fagui init / add / log / show / history through the real CLI, and two
processes committing at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import pytest
import time

from click.testing import CliRunner
from gitrepos import JILIN, V1, V2, V3, git, snapshot

from cli.main import main

pytestmark = pytest.mark.usefixtures("isolated_git")


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write_versions(folder):
    paths = []
    for i, raw in enumerate((V1, V2, V3), 1):
        path = folder / f"v{i}.txt"
        path.write_bytes(raw)
        paths.append(str(path))
    return paths


def test_init_add_log_show_history(tmp_path, monkeypatch):
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.org")
    corpus = tmp_path / "corpus"
    result = run("init", str(corpus))
    assert result.exit_code == 0 and result.stdout.startswith(f"已在 {corpus} 建立 fagui 法规库（提交 ")
    v1, v2, v3 = write_versions(tmp_path)
    out = run("add", v1, "--id", JILIN, "--repo", str(corpus), "--tag", "v1")
    assert out.exit_code == 0, out.output
    assert out.stdout.endswith(f"] {JILIN}：自2025-01-01起施行的版本（第一个版本，共42条），标签 v1\n")
    assert git(corpus, "log", "-1", "--format=%s").strip() == f"{JILIN}: 自2025-01-01起施行的版本"
    english = run("add", v2, "--id", JILIN, "--repo", str(corpus), "-m", "2025年修订", "--lang", "en")
    assert english.stdout.endswith(f"] {JILIN}: version effective 2025-07-01 (1 added, 1 amended, 33 renumbered)\n")
    assert git(corpus, "log", "-1", "--format=%s").strip() == f"{JILIN}: version effective 2025-07-01"
    assert "2025年修订" in git(corpus, "log", "-1", "--format=%b")
    monkeypatch.chdir(corpus / "texts")  # the corpus you stand in, from any folder inside it
    out = run("add", v3, "--id", JILIN)
    assert "（修改2条，删除1条，调整顺序12条）" in out.stdout
    again = run("add", v3, "--id", JILIN)
    assert again.exit_code == 0 and "未变，此文本已是当前版本" in again.stdout
    assert "unchanged, this text is already the current version" in run("add", v3, "--id", JILIN, "--lang", "en").stdout

    lines = run("log", JILIN).stdout.splitlines()
    assert len(lines) == 3
    # The dates each version states, and only those.
    assert lines[0].split("  ")[1:] == ["施行日期 2026-01-01", "公布日期 2025-10-15", "通过日期 2024-11-04", "吉林省人民政府令第301号", "修改2条，删除1条，调整顺序12条"]
    assert lines[2].endswith("施行日期 2025-01-01  公布日期 2024-11-08  通过日期 2024-11-04  吉林省人民政府令第283号  第一个版本，共42条")
    english = run("log", JILIN, "--lang", "en").stdout.splitlines()
    assert english[0].split("  ")[1:] == ["effective 2026-01-01", "promulgated 2025-10-15", "adopted 2024-11-04", "吉林省人民政府令第301号", "2 amended, 1 deleted, 12 renumbered"]
    assert english[2].endswith("吉林省人民政府令第283号  first version, 42 articles")
    data = json.loads(run("log", JILIN, "--format", "json").stdout)
    assert [v["effective"] for v in data["versions"]] == ["2026-01-01", "2025-07-01", "2025-01-01"]
    assert data["versions"][1]["counts"] == {"added": 1, "amended": 1, "renumbered": 33}
    assert data["versions"][0]["articles"]["deleted"] == ["第三十条"]

    said, shown = run("show", f"{JILIN}@2025-12-31", "--article", "9").stdout.split("\n", 1)
    assert said.startswith(f"{JILIN}@2025-12-31：版本 ") and said.endswith("，施行日期 2025-07-01")  # which version
    assert shown.startswith("吉林省反间谍工作规定 / 第二章 安全防范\n\n第九条\n  省国家安全机关应当会同有关部门")
    assert "document_number: 吉林省人民政府令第283号" in run("show", f"{JILIN}@v1").stdout
    assert run("show", JILIN).stdout.split("\n", 1)[1] == run("show", f"{JILIN}@HEAD").stdout.split("\n", 1)[1]

    text = run("history", JILIN, "--article", "12").stdout
    lines = text.splitlines()
    assert lines[0].endswith("施行日期 2026-01-01  第十二条  修改")
    assert "{+、自然资源调查监测数据+}" in lines[1]  # the amendment inline, not the whole article again
    assert lines[3].endswith("施行日期 2025-07-01  第十一条→第十二条  调整顺序") and lines[4] == "  （文字未变）"
    assert lines[6].endswith("施行日期 2025-01-01  第十一条  新增")
    english = run("history", JILIN, "--article", "12", "--lang", "en").stdout.splitlines()
    assert english[0].endswith("effective 2026-01-01  第十二条  amended")
    assert english[3].endswith("effective 2025-07-01  第十一条→第十二条  renumbered") and english[4] == "  (wording unchanged)"
    # Asked at v2, the article is still followed forward to v3.
    entries = json.loads(run("history", f"{JILIN}@HEAD~1", "--article", "12", "--format", "json").stdout)["versions"]
    assert [(e["previous"], e["label"], e["relation"]) for e in entries] == [
        ("第十二条", "第十二条", "amended"), ("第十一条", "第十二条", "renumbered"), (None, "第十一条", "added")
    ]
    assert "{+、自然资源调查监测数据+}" in entries[0]["diff"] and entries[2]["diff"] is None
    deleted = run("history", f"{JILIN}@HEAD~1", "--article", "三十").stdout.splitlines()
    assert deleted[0].endswith("第三十条  删除") and deleted[1].startswith("  [-国家安全机关工作人员")


def test_add_from_stdin_with_effective_and_source(repo):
    result = run("add", "-", "--id", "national/x", "--effective", "2030-01-01", "--source", "https://example.org/x", "--repo", str(repo), input=V1)
    assert result.exit_code == 0, result.output
    md = (repo / "texts" / "national" / "x.md").read_text(encoding="utf-8")
    assert "effective: 2030-01-01\n" in md and "source: https://example.org/x\n" in md


def test_errors_are_one_line_exit_2_and_touch_nothing(history, tmp_path):
    repo, _ = history
    v1 = write_versions(tmp_path)[0]
    md = repo / "texts" / f"{JILIN}.md"
    md.write_text("my edits\n", encoding="utf-8")
    cases = [
        (["add", v1, "--id", "../etc", "--repo", str(repo)], "bad id '../etc'"),
        (["add", v1, "--id", JILIN, "--repo", str(repo)], f"texts/{JILIN}.md: has uncommitted changes"),
        (["add", v1, "--id", JILIN, "--repo", str(repo), "--effective", "1 May"], "'1 May' is not a date"),
        (["add", str(tmp_path / "missing.txt"), "--id", JILIN, "--repo", str(repo)], "missing.txt: cannot read"),
        (["log", "national/none", "--repo", str(repo)], "national/none@HEAD: no such regulation"),
        (["show", f"{JILIN}@2020-01-01", "--repo", str(repo)], "no version in force on 2020-01-01"),
        (["show", f"{JILIN}@", "--repo", str(repo)], "nothing after '@'"),
        (["history", JILIN, "--article", "99", "--repo", str(repo)], "has no article 第九十九条"),
        (["add", v1, "--id", JILIN, "--repo", str(tmp_path)], "not in a git repository"),
    ]
    before = snapshot(repo)
    for args, message in cases:
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("fagui: error: ") and result.stderr.count("\n") == 1, result.stderr
        assert message in result.stderr, result.stderr
        assert result.stdout == ""
    assert snapshot(repo) == before
    assert run("add", v1, "--id", JILIN, "--repo", str(repo), "--force").exit_code == 0


# -- two processes at once ------------------------------------------------------


def fagui(*args, cwd):
    return subprocess.Popen(
        [sys.executable, "-m", "cli", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_a_git_commit_in_progress_makes_add_fail_cleanly(history, tmp_path):
    """A real ``git commit -a`` holds the index lock while its editor is open."""
    repo, _ = history
    (repo / "README.md").write_text("mine\n", encoding="utf-8")
    release = tmp_path / "release"
    editor = f"sh -c 'while [ ! -e {release} ]; do sleep 0.01; done' editor"
    env = dict(os.environ, GIT_EDITOR=editor)
    committing = subprocess.Popen(["git", "commit", "-q", "-a"], cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lock = repo / ".git" / "index.lock"
        deadline = time.monotonic() + 10
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert lock.exists()
        before = snapshot(repo)
        v1 = write_versions(tmp_path)[0]
        adding = fagui("add", v1, "--id", "national/x", "--effective", "2030-01-01", cwd=repo)
        out, err = adding.communicate(timeout=60)
        assert adding.returncode == 2 and err.startswith("fagui: error: ") and err.count("\n") == 1
        assert "index is locked by another git process" in err and out == ""
        assert snapshot(repo) == before
    finally:
        release.touch()
        committing.wait(timeout=10)
    # git aborts its commit (empty message) and fagui left nothing behind.
    assert git(repo, "status", "--porcelain") == " M README.md\n"


def test_two_adds_at_once(history, tmp_path):
    repo, _ = history
    (repo / "notes.txt").write_text("staged by someone\n", encoding="utf-8")
    git(repo, "add", "notes.txt")
    raws = write_versions(tmp_path)
    ids = ["national/first", "national/second"]
    procs = [fagui("add", raw, "--id", i, "--effective", "2030-01-01", cwd=repo) for raw, i in zip(raws, ids)]
    results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    succeeded = [i for i, (code, _, _) in zip(ids, results) if code == 0]
    assert succeeded, results
    for i, (code, out, err) in zip(ids, results):
        if code != 0:
            assert code == 2 and "index is locked by another git process" in err, err
            assert not (repo / "texts" / f"{i}.md").exists()
    # Each success is one commit of its own two files, on top of the history.
    log = git(repo, "log", "--format=%s", f"-{len(succeeded)}").splitlines()
    assert sorted(log) == sorted(f"{i}: 自2030-01-01起施行的版本" for i in succeeded)
    assert git(repo, "status", "--porcelain") == "A  notes.txt\n"
    assert git(repo, "fsck", "--no-dangling") == ""


def test_a_new_id_with_the_title_of_a_regulation_already_there_is_noted(history, tmp_path):
    repo, _ = history
    raw = tmp_path / "v3.txt"
    raw.write_bytes(V3)
    out = run("add", str(raw), "--id", "jilin/counterespionage-work-provision", "--repo", str(repo))
    assert out.exit_code == 0 and "第一个版本" in out.stdout
    assert out.stderr == (
        f"note: {JILIN} has the same title: if this text is a version of it, it belongs there (--id {JILIN}); "
        "this commit started jilin/counterespionage-work-provision\n"
    )
    again = run("add", str(raw), "--id", JILIN, "--repo", str(repo))  # a version of an id that exists: no note
    assert again.exit_code == 0 and again.stderr == ""
