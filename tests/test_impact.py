"""fagui impact and the report's revision section: each province compared
with the national version in force when its text took its form, and the
provincial articles carrying national articles changed since. Real git
corpora, the real CLI; real texts from ../shared/corpus/lawrefbook."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fagui.impact import REVIEW, impact
from fagui.markdown import read_regulation
from renderers.impact import impact_data, impact_json_parts

from corpora import ROOT, SHARED, commit_all, write

LAWREFBOOK = SHARED / "lawrefbook" if SHARED else None


def cli(repo: Path | None, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    where = ["--repo", str(repo)] if repo else []
    return subprocess.run([sys.executable, "-m", "cli", *args, *where], capture_output=True, text=True, env=env, cwd=ROOT)


def two_versions(tmp_path: Path) -> Path:
    """A national law committed in two versions (2010, 2020: 第二条 amended,
    第三条 deleted) and three provinces: one made under each, one with no
    article taken from the changed ones."""
    repo = tmp_path / "corpus"
    law = repo / "texts" / "national" / "a-law.md"
    write(repo, "national/a-law", "中华人民共和国甲法", "为了规范甲事务，制定本法。", level="national", effective="2010-01-01")
    text = law.read_text(encoding="utf-8")
    law.write_text(text + "\n## 第三条\n\n县级以上人民政府应当设立甲事务专项资金，用于甲设施的建设和维护。\n", encoding="utf-8")
    write(repo, "p/old", "某省实施《甲法》办法", "根据《中华人民共和国甲法》，制定本办法。", effective="2012-01-01")
    old = repo / "texts" / "p" / "old.md"
    old.write_text(old.read_text(encoding="utf-8") + "\n## 第三条\n\n县级以上人民政府应当设立甲事务专项资金，用于甲设施的建设和维护。\n", encoding="utf-8")
    commit_all(repo)
    text = law.read_text(encoding="utf-8").replace("effective: 2010-01-01", "effective: 2020-01-01")
    text = text.replace("依法履行相关义务。", "依法履行相关义务，并接受社会监督。")
    text = text[: text.index("\n## 第三条")] + "\n"
    law.write_text(text, encoding="utf-8")
    write(repo, "p/new", "某市实施《甲法》办法", "根据《中华人民共和国甲法》，制定本办法。", effective="2021-01-01")
    commit_all(repo)
    return repo


def test_impact_lists_what_each_province_must_review(tmp_path):
    repo = two_versions(tmp_path)
    done = cli(repo, "impact", "national/a-law", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "fagui.impact/1" and data["versions"] == 2
    by = {p["derived"]["id"]: p for p in data["implementing"]}
    assert by["p/old"]["followed"]["effective"] == "2010-01-01"
    assert by["p/new"]["followed"]["effective"] == "2020-01-01" and by["p/new"]["changes"] == []
    changes = {c["national"]: c for c in by["p/old"]["changes"]}
    assert set(changes) == {"第二条", "第三条"}
    assert changes["第二条"]["relation"] == "amended" and changes["第二条"]["provincial"] == ["第二条"]
    assert ["insert", "", "，并接受社会监督"] in changes["第二条"]["diff"][0]
    assert changes["第三条"]["relation"] == "deleted" and changes["第三条"]["now"] == []
    text = cli(repo, "impact", "national/a-law")
    assert text.returncode == 0 and "需复核 2 条" in text.stdout and "{+，并接受社会监督+}" in text.stdout
    assert "依据最新版本" not in text.stdout and "无需复核" in text.stdout


def test_impact_json_comes_one_implementing_text_at_a_time(tmp_path):
    """`fagui impact --format json` writes each implementing text's part as
    it is made, not one document holding every text's copy of the national
    changes; what it prints is still exactly that one document."""
    repo = two_versions(tmp_path)
    found = impact(repo, "national/a-law")
    assert len(found.provinces) == 2 and any(p.changes for p in found.provinces)
    whole = json.dumps(impact_data(found), ensure_ascii=False, indent=2) + "\n"
    done = cli(repo, "impact", "national/a-law", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stdout == whole
    parts = list(impact_json_parts(found))
    assert len(parts) == 2 + len(found.provinces) and "".join(parts) == whole
    for p, part in zip(found.provinces, parts[1:-1]):
        assert p.derived.id in part and all(q.derived.id not in part for q in found.provinces if q is not p)
    alone = dataclasses.replace(found, provinces=())
    assert "".join(impact_json_parts(alone)) == json.dumps(impact_data(alone), ensure_ascii=False, indent=2) + "\n"


def test_the_report_compares_each_province_with_the_version_it_followed(tmp_path):
    repo = two_versions(tmp_path)
    out = tmp_path / "out"
    done = cli(repo, "report", "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "index.json").read_text(encoding="utf-8"))
    revisions = {c["derived"]: c["reference_revision"] for c in data["comparisons"] if c["mode"] == "jurisdictions"}
    assert revisions["p/old"] != revisions["p/new"]
    assert [p["derived"]["id"] for p in data["impacts"][0]["implementing"]] == ["p/new", "p/old"]
    page = (out / "national-a-law--p-old.html").read_text(encoding="utf-8")
    assert "县级以上人民政府应当设立甲事务专项资金" in page.split("</header>", 1)[1]  # the 2010 text, with its 第三条
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "修订影响" in index and "<ins>，并接受社会监督</ins>" in index


def test_impact_of_an_unknown_id_or_outside_git_is_one_line(tmp_path):
    repo = two_versions(tmp_path)
    done = cli(repo, "impact", "national/nope")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "national/nope" in done.stderr
    plain = tmp_path / "plain"
    write(plain, "national/a-law", "中华人民共和国甲法", "为了规范甲事务，制定本法。", level="national")
    done = cli(plain, "impact", "national/a-law")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "git" in done.stderr


def test_a_real_law_revision_and_the_provinces_made_before_it(tmp_path):
    """野生动物保护法 2018 -> 2022 and two provinces' measures of 2018."""
    if LAWREFBOOK is None or not LAWREFBOOK.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/corpus/lawrefbook is missing")
        pytest.skip("no ../shared/corpus/lawrefbook here")
    repo = tmp_path / "corpus"
    assert cli(None, "init", str(repo)).returncode == 0
    law = LAWREFBOOK / "经济法"
    dlc = LAWREFBOOK / "DLC"
    steps = [
        ["add", str(law / "野生动物保护法(2018-10-26).md"), str(law / "野生动物保护法(2022-12-30).md"), "--id", "national/wildlife-law"],
        ["add", str(dlc / "山东地方法规/地方性法规/山东/山东省实施《野生动物保护法》办法(2018-01-23).md"), "--id", "shandong/wildlife", "--effective", "2018-01-23"],
        ["add", str(dlc / "河南地方法规/地方性法规/河南/河南省实施《野生动物保护法》办法(2018-09-30).md"), "--id", "henan/wildlife", "--effective", "2018-11-01"],
    ]
    for step in steps:
        done = cli(repo, *step)
        assert done.returncode == 0, done.stderr
    done = cli(repo, "impact", "national/wildlife-law", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    old = read_regulation(subprocess.run(["git", "-C", str(repo), "show", "HEAD~2:texts/national/wildlife-law.md"],
                                         capture_output=True, text=True, check=True).stdout)
    for p in data["implementing"]:
        assert p["followed"]["effective"] == "2018-10-26"
        province = read_regulation((repo / "texts" / f"{p['derived']['id']}.md").read_text(encoding="utf-8"))
        assert len(p["changes"]) >= 10
        for c in p["changes"]:
            assert c["relation"] in REVIEW
            assert old.article(*_key(old, c["national"])) is not None
            assert all(_key(province, label) for label in c["provincial"])
        assert any(c["relation"] == "split" for c in p["changes"])


def _key(regulation, label: str):
    return next(a.key for a in regulation.articles if a.label == label)


def test_impact_applies_the_reviewers_decisions(tmp_path):
    """A link a reviewer rejected on the version a province followed is not
    carried: its national article is not listed for review, in ``fagui
    impact`` as on the comparison page (both apply ``decisions/``)."""
    repo = two_versions(tmp_path)
    old = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD~1"], capture_output=True, text=True, check=True).stdout.strip()
    done = cli(repo, "link", "reject", f"national/a-law@{old}", "p/old", "--left", "第二条", "--right", "第二条")
    assert done.returncode == 0, done.stderr
    data = json.loads(cli(repo, "impact", "national/a-law", "--format", "json").stdout)
    changes = {p["derived"]["id"]: [c["national"] for c in p["changes"]] for p in data["implementing"]}
    assert changes["p/old"] == ["第三条"]
    out = tmp_path / "out"
    done = cli(repo, "report", "-o", str(out))
    assert done.returncode == 0, done.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    listed = {p["derived"]["id"]: [c["national"] for c in p["changes"]] for p in index["impacts"][0]["implementing"]}
    assert listed["p/old"] == ["第三条"]


def test_a_broken_decisions_file_does_not_take_the_report_down(tmp_path):
    repo = two_versions(tmp_path)
    book = repo / "decisions" / "national" / "a-law" / "p" / "old.jsonl"
    book.parent.mkdir(parents=True)
    book.write_text('{"schema": "fagui.decisions/1", "left": "national/a-law", "right": "p/old"}\n{"decision": \n', encoding="utf-8")
    out = tmp_path / "out"
    done = cli(repo, "report", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "decisions/national/a-law/p/old.jsonl:2: cannot be read, left out of the report" in done.stderr
    assert (out / "index.html").is_file()


def test_impact_names_a_text_it_cannot_read(tmp_path):
    """The national text not in canonical form: its file and line, not "no
    such text"; an implementing text that cannot be read: a warning naming
    it, not silently one province fewer to review."""
    repo = two_versions(tmp_path)
    old = repo / "texts" / "p" / "old.md"
    old.write_text(old.read_text(encoding="utf-8") + "\n## 第九十九条 x\n", encoding="utf-8")
    done = cli(repo, "impact", "national/a-law")
    assert done.returncode == 0, done.stderr
    assert "texts/p/old.md:" in done.stderr and "warning" in done.stderr
    law = repo / "texts" / "national" / "a-law.md"
    law.write_text(law.read_text(encoding="utf-8") + "\n## 第九十九条 x\n", encoding="utf-8")
    done = cli(repo, "impact", "national/a-law")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "texts/national/a-law.md:" in done.stderr and "no text" not in done.stderr


def test_the_report_reuses_each_provinces_comparison_for_its_impact(tmp_path, monkeypatch):
    """A province's impact needs it compared with the national version it
    followed: the report's own comparison of the two (the same texts, refs
    and decisions). The report reads what it carries from that comparison
    rather than compare again, and the impact is the one ``fagui impact``
    works out on its own."""
    import fagui.impact
    from fagui.model import Mode
    from fagui.pool import made
    from fagui.report import plan_report
    from renderers.report import build_site

    repo = two_versions(tmp_path)
    alone = impact_data(impact(repo, "national/a-law"))
    plan = plan_report(repo)
    compared = []
    real = fagui.impact.compare
    monkeypatch.setattr(fagui.impact, "compare", lambda *a, **k: compared.append(a[2]) or real(*a, **k))
    jurisdictions, versions = made(plan, 1)
    out = tmp_path / "out"
    build_site(out, jurisdictions, versions, implementation=plan.implementation, impacts=(make() for make in plan.impacts))
    assert compared == [Mode.VERSIONS]  # the revision, once; no province compared again
    assert json.loads((out / "index.json").read_text(encoding="utf-8"))["impacts"] == [alone]
