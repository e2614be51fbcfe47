"""fagui add --tree: a folder tree of many regulations, one id per file from
its path, --dry-run first; real LawRefBook files, a real git corpus, the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fagui.store.tree import PROVINCES, plan_tree, tree_id

from corpora import ROOT, SHARED


def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, env=env, cwd=ROOT)


def test_tree_ids_come_from_the_province_folder_and_the_file_name(tmp_path):
    top = tmp_path / "tree"
    assert tree_id(top / "DLC/北京地方法规/地方性法规/北京/北京市实施《种子法》办法(2018-03-30).md", top).startswith("beijing/t-")
    assert tree_id(top / "经济法/野生动物保护法(2018-10-26).md", top) == tree_id(top / "经济法/野生动物保护法(2022-12-30).md", top)
    assert tree_id(top / "laws/fire-law.md", top) == "national/fire-law"
    assert tree_id(top / "黑龙江/x.md", top) == "heilongjiang/x"


def test_province_folders_named_in_latin_letters(tmp_path):
    """All 34 provincial-level divisions by their pinyin, English names that
    are not pinyin, any case and separators; through the real CLI's --dry-run."""
    top = tmp_path / "tree"
    assert len(PROVINCES) == 34
    for pinyin in PROVINCES.values():
        assert tree_id(top / pinyin / "x.md", top) == f"{pinyin}/x"
        assert tree_id(top / pinyin.capitalize() / "x.md", top) == f"{pinyin}/x"
    assert tree_id(top / "shanxi/x.md", top) == "shanxi/x" and tree_id(top / "Shaanxi/x.md", top) == "shaanxi/x"
    assert tree_id(top / "hunanese-food/x.md", top) == "national/x"  # whole words only
    seed = ROOT / "texts" / "zhejiang" / "counterespionage-security-measures.source.txt"
    folders = {"guangdong": "guangdong", "Guangdong-Province/rules": "guangdong", "Inner_Mongolia": "neimenggu",
               "Hong Kong": "xianggang", "Macau": "aomen", "Tibet": "xizang", "广西": "guangxi", "laws": "national"}
    for k, folder in enumerate(folders):
        (top / folder).mkdir(parents=True)
        shutil.copyfile(seed, top / folder / f"r{k}.txt")
    done = cli("add", "--tree", str(top), "--dry-run")
    assert done.returncode == 0, done.stderr
    ids = sorted(line.split("\t")[0] for line in done.stdout.splitlines()[:-1])
    assert ids == sorted(f"{j}/r{k}" for k, j in enumerate(folders.values()))
    assert "national/t-" not in done.stdout


def test_a_tree_of_real_regulations_dry_run_then_added(tmp_path):
    source = SHARED / "lawrefbook" if SHARED else None
    if source is None or not source.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/corpus/lawrefbook is missing")
        pytest.skip("no ../shared/corpus/lawrefbook here")
    top = tmp_path / "tree"
    picks = ["经济法/野生动物保护法(2018-10-26).md", "经济法/野生动物保护法(2022-12-30).md",
             "DLC/山东地方法规/地方性法规/山东/山东省实施《野生动物保护法》办法(2018-01-23).md", "经济法/_index.md"]
    for rel in picks:
        if (source / rel).is_file():
            (top / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / rel, top / rel)
    repo = tmp_path / "corpus"
    assert cli("init", str(repo)).returncode == 0
    dry = cli("add", "--tree", str(top), "--dry-run", "--repo", str(repo))
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[-1] == "2 部法规，3 个文件；未添加（--dry-run）"
    ids = [line.split("\t")[0] for line in lines[:-1]]
    assert [i.split("/")[0] for i in ids] == ["national", "shandong"]
    assert not list((repo / "texts").rglob("*.md"))  # nothing written
    done = cli("add", "--tree", str(top), "--repo", str(repo))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("起施行的版本") == 3
    again = cli("add", "--tree", str(top), "--repo", str(repo), "--lang", "en")
    assert again.returncode == 0 and again.stdout.count("skipped, already recorded") == 3
    out = tmp_path / "out"
    assert cli("report", "--repo", str(repo), "-o", str(out)).returncode == 0
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [(c["reference"], c["derived"], c["basis"]) for c in index["comparisons"] if c["mode"] == "jurisdictions"] == [
        (ids[0], ids[1], "title")]


def test_a_bad_file_in_a_tree_is_one_error_line_and_the_rest_is_added(tmp_path):
    top = tmp_path / "tree"
    (top / "山东").mkdir(parents=True)
    (top / "山东" / "empty.txt").write_text("这不是法规。\n", encoding="utf-8")
    law = (ROOT / "texts" / "jilin" / "counterespionage-work-provisions.source.txt")
    shutil.copyfile(law, top / "山东" / "jilin-provisions.txt")
    repo = tmp_path / "corpus"
    assert cli("init", str(repo)).returncode == 0
    done = cli("add", "--tree", str(top), "--repo", str(repo))
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "shandong/empty" in line]
    assert len(errors) == 1 and "empty.txt" in errors[0]
    assert "shandong/jilin-provisions" in done.stdout and (repo / "texts" / "shandong" / "jilin-provisions.md").is_file()
    assert plan_tree(top)[0].id == "shandong/empty"
