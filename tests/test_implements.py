"""fagui.implements: which text implements which, each rule by name, through
the real CLI on real git corpora (the seed texts, real laws and local
measures from ../shared/corpus, and small texts written here for bad input)."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from corpora import commit_all, real_texts, report, seed_corpus, write

from fagui.implements import Basis, Citations, Unpairing, cited_names, link_texts, made_on, stands_above, title_key
from fagui.markdown import read_regulation
from fagui.model import Metadata


def index_json(out: Path) -> dict:
    return json.loads((out / "index.json").read_text(encoding="utf-8"))


def pairs(data: dict) -> set[tuple[str, str, str]]:
    return {(c["reference"], c["derived"], c["basis"]) for c in data["comparisons"] if c["mode"] == "jurisdictions"}


# -- the rules, by name ------------------------------------------------------------


def test_title_key_ignores_the_state_prefix_brackets_and_a_closing_note():
    assert title_key("《中华人民共和国消防法》") == title_key("消防法") == title_key("中华人民共和国消防法（2021年修正）")
    assert title_key("义务教育法") != title_key("教育法")


def test_cited_names_reads_the_title_the_basis_clause_and_short_names():
    text = (
        "---\ntitle: 某市实施《消防法》办法\nlevel: provincial\neffective: 2020-01-01\n---\n\n# 某市实施《消防法》办法\n\n"
        "## 第一条\n\n根据《中华人民共和国水法》（以下简称《水法》）和《某某条例》，制定本办法。\n\n"
        "## 第二条\n\n违反《水法》第十条的，依照《中华人民共和国行政处罚法》处罚。\n"
    )
    found = cited_names(read_regulation(text))
    assert found.title == ("消防法",)
    assert found.basis == ("中华人民共和国水法", "某某条例")
    assert found.body == ("中华人民共和国水法", "中华人民共和国行政处罚法")  # 《水法》 is the name it stands for


def test_cited_names_of_an_implementing_regulation_titled_without_brackets():
    text = "---\ntitle: 中华人民共和国档案法实施条例\nlevel: national\n---\n\n# 中华人民共和国档案法实施条例\n\n## 第一条\n\n为了实施本条例，制定本条例。\n"
    assert cited_names(read_regulation(text)).title == ("中华人民共和国档案法",)


@dataclass(frozen=True)
class T:
    id: str
    metadata: Metadata
    citations: Citations = Citations()


def t(i: str, title: str, level: str = "provincial", effective: str = "2020-01-01", basis: tuple[str, ...] = (), implements=()) -> T:
    return T(i, Metadata(title, level=level, effective=effective, implements=tuple(implements)), Citations(basis=basis))


def test_stands_above_national_over_local_law_over_rules_then_earlier():
    law = t("n/law", "中华人民共和国某法", "national", "2022-01-01")
    rules = t("n/rules", "某法实施条例", "national", "2010-01-01")
    local = t("p/x", "某省某条例", "provincial", "2000-01-01")
    assert stands_above(law, rules) and not stands_above(rules, law)
    assert stands_above(rules, local) and not stands_above(local, rules)
    assert not stands_above(law, law)


def test_made_on_prefers_the_effective_date_of_the_text_held():
    assert made_on(Metadata("x", adopted="2010-07-23", effective="2022-07-01")) == "2022-07-01"
    assert made_on(Metadata("x", adopted="2010-07-23")) == "2010-07-23"


def test_basis_clause_pairs_with_each_named_text_in_the_corpus():
    texts = [t("n/a", "中华人民共和国甲法", "national"), t("n/b", "中华人民共和国乙法", "national"),
             t("p/x", "某省条例", basis=("中华人民共和国甲法", "乙法", "中华人民共和国丙法"))]
    found = link_texts(texts)
    assert [(p.reference, p.derived, p.basis) for p in found.pairings] == [
        ("n/a", "p/x", Basis.BASIS_CLAUSE), ("n/b", "p/x", Basis.BASIS_CLAUSE)]
    assert found.unpaired == ()  # the two laws cite nothing but are the top: not unpaired


def test_shared_basis_keeps_the_national_texts_sharing_most():
    texts = [t("n/rules", "某某工作规定", "national", basis=("中华人民共和国甲法", "中华人民共和国乙法")),
             t("n/other", "另一规定", "national", basis=("中华人民共和国乙法",)),
             t("p/x", "某省甲条例", basis=("中华人民共和国甲法", "中华人民共和国乙法")),
             t("p/y", "某省宪法条例", basis=("中华人民共和国宪法",))]
    found = link_texts(texts)
    assert [(p.reference, p.derived, p.basis) for p in found.pairings] == [("n/rules", "p/x", Basis.SHARED_BASIS)]
    assert [(u.id, u.reason) for u in found.unpaired] == [
        ("n/rules", Unpairing.NONE_IN_CORPUS), ("n/other", Unpairing.NONE_IN_CORPUS), ("p/y", Unpairing.NONE_IN_CORPUS)]


def test_declared_overrides_and_an_unknown_id_warns_and_leaves_the_text_unpaired():
    texts = [t("n/a", "中华人民共和国甲法", "national"), t("n/b", "乙规定", "national"),
             t("p/x", "某省条例", basis=("甲法",), implements=["n/b"]),
             t("p/y", "某省乙条例", basis=("甲法",), implements=["n/missing"])]
    found = link_texts(texts, {"p/y": "texts/p/y.md"})
    assert [(p.reference, p.derived, p.basis) for p in found.pairings] == [("n/b", "p/x", Basis.DECLARED)]
    assert [(u.id, u.reason) for u in found.unpaired] == [("p/y", Unpairing.DECLARED_UNKNOWN)]
    assert found.warnings == ("texts/p/y.md: implements: no text n/missing in the corpus",)


def test_same_title_chooses_the_text_in_force_and_says_why():
    texts = [t("n/law-2010", "中华人民共和国甲法", "national", "2010-01-01"),
             t("n/law-2024", "中华人民共和国甲法", "national", "2024-01-01"),
             t("p/x", "某省条例", effective="2015-06-01", basis=("甲法",)),
             t("p/old", "某省旧条例", effective="2001-06-01", basis=("甲法",))]
    found = {p.derived: p for p in link_texts(texts).pairings}
    assert found["p/x"].reference == "n/law-2010" and "n/law-2024" in found["p/x"].note and "选用 n/law-2010" in found["p/x"].note
    assert found["p/old"].reference == "n/law-2010" and "均未施行" in found["p/old"].note


names = st.sampled_from(["中华人民共和国甲法", "乙法", "丙条例", "中华人民共和国宪法", "丁规定"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["中华人民共和国甲法", "乙法", "丙条例", "丁规定", "戊办法"]),
                          st.sampled_from(["national", "provincial"]),
                          st.sampled_from(["2001-01-01", "2010-01-01", "2020-01-01"]),
                          st.lists(names, max_size=3)), min_size=1, max_size=8))
def test_no_text_is_paired_with_itself_twice_or_both_ways(specs):
    """Self-citation, mutual citation and same titles: never a loop, a
    self-pair, a repeated pair or a pair both ways."""
    texts = [t(f"x/{n}", title, level, date, tuple(basis)) for n, (title, level, date, basis) in enumerate(specs)]
    found = link_texts(texts)
    seen = [(p.reference, p.derived) for p in found.pairings]
    assert len(seen) == len(set(seen))
    assert all(a != b and (b, a) not in seen for a, b in seen)
    paired = {b for _, b in seen}
    assert not paired & {u.id for u in found.unpaired}


# -- through the CLI ---------------------------------------------------------------


def test_the_seed_corpus_still_gives_its_four_comparisons_by_shared_basis(tmp_path):
    repo = seed_corpus(tmp_path)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    data = index_json(tmp_path / "out")
    national = "national/counterespionage-security-provisions"
    assert pairs(data) == {(national, p, "shared_basis") for p in (
        "heilongjiang/counterespionage-security-regulations", "jiangxi/counterespionage-work-regulations",
        "jilin/counterespionage-work-provisions", "zhejiang/counterespionage-security-measures")}
    assert all("中华人民共和国反间谍法" in c["evidence"] for c in data["comparisons"])
    assert [(u["id"], u["reason"]) for u in data["unpaired"]] == [(national, "none_in_corpus")]
    for c in data["comparisons"]:
        assert (tmp_path / "out" / c["page"]).is_file()
    assert "配对依据" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_real_laws_pair_only_with_the_texts_implementing_them(tmp_path):
    """Real laws, an implementing regulation and local measures: each local
    text is compared with its own law only, never national x local."""
    source = real_texts()
    repo = tmp_path / "corpus"
    national = ["fire-law", "meteorology-law", "earthquake-law", "archives-law", "archives-regulations", "wildlife-law"]
    local = ["guangdong-fire", "beijing-meteorology", "shanghai-meteorology", "shanghai-earthquake", "shandong-wildlife", "beijing-audit-2023"]
    for folder, names_ in (("national", national), ("local", local)):
        (repo / "texts" / folder).mkdir(parents=True, exist_ok=True)
        for name in names_:
            shutil.copyfile(source / f"{name}.md", repo / "texts" / folder / f"{name}.md")
    commit_all(repo)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    data = index_json(tmp_path / "out")
    assert pairs(data) == {
        ("national/fire-law", "local/guangdong-fire", "title"),
        ("national/meteorology-law", "local/beijing-meteorology", "title"),
        ("national/meteorology-law", "local/shanghai-meteorology", "title"),
        ("national/earthquake-law", "local/shanghai-earthquake", "title"),
        ("national/wildlife-law", "local/shandong-wildlife", "title"),
        ("national/archives-law", "national/archives-regulations", "title"),
    }
    unpaired = {u["id"]: u for u in data["unpaired"]}
    assert set(unpaired) == {"local/beijing-audit-2023"}
    assert "中华人民共和国审计法" in unpaired["local/beijing-audit-2023"]["cites"]
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "未配对文本" in html and "local/beijing-audit-2023" in html


def test_bad_implements_warns_naming_the_file_and_id_and_lists_the_text(tmp_path):
    repo = tmp_path / "corpus"
    write(repo, "national/a-law", "中华人民共和国甲法", "为了规范甲事务，制定本法。", level="national")
    path = write(repo, "p/x", "某省甲条例", "根据《中华人民共和国甲法》，制定本条例。", implements="[national/no-such-law]")
    commit_all(repo)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"warning: {path}: implements: no text national/no-such-law in the corpus"
    data = index_json(tmp_path / "out")
    assert pairs(data) == set()
    assert [(u["id"], u["reason"]) for u in data["unpaired"]] == [("p/x", "declared_unknown")]


def test_a_malformed_implements_is_one_line_naming_the_file_and_line(tmp_path):
    """The text is unreadable: one warning line naming the file and line, and
    listed as such; it does not take the rest of the report down (issue 20)."""
    repo = tmp_path / "corpus"
    path = write(repo, "p/x", "某省甲条例", "制定本条例。", implements="national/a-law")
    commit_all(repo)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert path.is_file() and done.stderr.count("\n") == 1 and "texts/p/x.md:6" in done.stderr and "implements" in done.stderr
    assert [(u["path"], u["line"]) for u in index_json(tmp_path / "out")["unreadable"]] == [("texts/p/x.md", 6)]


def test_self_and_mutual_citation_make_no_loop(tmp_path):
    repo = tmp_path / "corpus"
    write(repo, "p/a", "某省甲条例", "根据《某省甲条例》《某省乙条例》，制定本条例。", effective="2010-01-01")
    write(repo, "p/b", "某省乙条例", "根据《某省甲条例》，制定本条例。", effective="2012-01-01")
    commit_all(repo)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert pairs(index_json(tmp_path / "out")) == {("p/a", "p/b", "basis_clause")}


def test_two_national_texts_of_one_title_the_report_says_which(tmp_path):
    repo = tmp_path / "corpus"
    write(repo, "national/law-2010", "中华人民共和国甲法", "为了规范甲事务，制定本法。", level="national", effective="2010-01-01")
    write(repo, "national/law-2024", "中华人民共和国甲法", "为了规范甲事务和乙事务，制定本法。", level="national", effective="2024-01-01")
    write(repo, "p/x", "某省实施《甲法》办法", "根据《中华人民共和国甲法》，制定本办法。", effective="2016-01-01")
    commit_all(repo)
    done = report(repo, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    data = index_json(tmp_path / "out")
    assert pairs(data) == {("national/law-2010", "p/x", "title")}
    note = data["comparisons"][0]["note"]
    assert "national/law-2024" in note and "选用 national/law-2010" in note
    assert note in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
