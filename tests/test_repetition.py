"""Repetition of higher-level law (fagui.repetition, renderers.repetition):
the rule by name on texts written here, then the report's table and CSV on
the seed corpus and on real local measures, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil

from fagui.compare import compare
from fagui.markdown import read_regulation
from fagui.repetition import MIN_CHARS, REPEAT_SHARE, repetition

from corpora import commit_all, real_texts, report, seed_corpus, write

DUTY = "县级以上人民政府应当加强对甲事务的领导，将甲事务经费列入本级预算，并定期检查落实情况。"


def regulation(title: str, level: str, articles: list[str]):
    body = "".join(f"## 第{n}条\n\n{text}\n\n" for n, text in zip("一二三四五", articles))
    where = "国家" if level == "national" else "某省"
    return read_regulation(f"---\ntitle: {title}\njurisdiction: {where}\nlevel: {level}\n---\n\n# {title}\n\n{body}".rstrip() + "\n")


def test_repetition_counts_articles_nearly_word_for_word_and_long_enough():
    law = regulation("中华人民共和国甲法", "national", [DUTY, "甲事务的具体管理办法由国务院有关部门制定并向社会公布。", "本法自公布之日起施行。"])
    local = regulation("某省甲条例", "provincial", [
        DUTY.replace("应当", "须"),  # nearly word for word
        "省人民政府甲事务主管部门应当会同发展改革、财政等部门编制全省甲事务发展规划，报省人民政府批准后实施。",  # its own
        "本条例自公布之日起施行。",  # identical but too short to be a provision
    ])
    found = repetition(compare(law, local, "jurisdictions"))
    assert [r.article for r in found.repeats] == ["第一条"]
    assert found.repeats[0].reference == ("第一条",) and REPEAT_SHARE <= found.repeats[0].share < 1
    assert len("本条例自公布之日起施行。") < MIN_CHARS
    assert found.articles == 3 and abs(found.share - 1 / 3) < 1e-9


def test_the_seed_report_has_a_repetition_table_and_csv(tmp_path):
    repo = seed_corpus(tmp_path)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    raw = (tmp_path / "out" / "repetition.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["文本", "id", "条数", "重复条数", "重复比例"]
    assert ["jilin/counterespionage-work-provisions", "第二十二条"] == [rows[1][1], rows[1][5]]
    shares = [float(r[4].rstrip("%")) for r in rows[1:]]
    assert shares == sorted(shares, reverse=True) and len({r[1] for r in rows[1:]}) == 4
    data = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in data["repetition"]][0] == "jilin/counterespionage-work-provisions"
    assert "重复上位法" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_the_csv_never_holds_a_formula(tmp_path):
    repo = tmp_path / "corpus"
    write(repo, "national/a-law", "中华人民共和国甲法", DUTY, level="national")
    write(repo, "p/x", "=HYPERLINK(1)实施《甲法》办法", DUTY)
    commit_all(repo)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "repetition.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(1)实施《甲法》办法"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_real_local_measures_repeating_their_law(tmp_path):
    """Real texts never used to set the threshold: what the table shows."""
    source = real_texts()
    repo = tmp_path / "corpus"
    for folder, name in (("national", "wildlife-law"), ("national", "fire-law"), ("local", "shandong-wildlife"), ("local", "guangdong-fire")):
        (repo / "texts" / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / f"{name}.md", repo / "texts" / folder / f"{name}.md")
    commit_all(repo)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    data = {t["id"]: t for t in json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))["repetition"]}
    assert list(data) == ["local/shandong-wildlife", "local/guangdong-fire"]  # by share: 4/39, then 1/51
    assert {r["article"] for r in data["local/shandong-wildlife"]["repeats"]} >= {"第二十一条", "第三十四条"}
    assert all(r["share"] >= REPEAT_SHARE for t in data.values() for r in t["repeats"])
