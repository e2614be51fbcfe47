"""Articles inserted by amendment without renumbering (第二条之一) through
versions, references, history, --article, JSON and the report's matrix.

Three versions of one made-up regulation: v2 inserts 第二条之一 and 第四条之一
without renumbering (as national amendments do); v3 is the 修订 that
renumbers the whole text (第二条之一 becomes 第三条), so the articles citing
them change only in their references.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner
from gitrepos import make_repo

from cli.main import main
from fagui.align.relations import renumber_refs
from fagui.compare import compare
from fagui.ingest import ingest_bytes
from fagui.store.corpus import Corpus
from renderers.site import entry, matrix_layout

pytestmark = pytest.mark.usefixtures("isolated_git")

ID = "city/dog-keeping-regulations"
OPENING = "某市养犬管理条例\n"
FIRST = "第一条　为了规范养犬行为，保障公民健康和人身安全，制定本条例。\n"
LICENCE = "第二条　本市对养犬实行登记制度。未经登记，不得养犬。\n"
VACCINE = "第二条之一　养犬人应当每年为犬只接种狂犬病疫苗，并取得免疫证明。\n"
LEASH = "第{n}条　携犬出户时，应当为犬只束犬链，并由成年人牵领。\n"
RABIES = "第{n}条之一　犬只伤人的，养犬人应当立即将受伤者送至医疗机构诊治，并先行垫付医疗费用。\n"
PENALTY = "第{n}条　违反本条例{refs}规定的，由公安机关责令改正，处二百元以上一千元以下罚款。\n"
EFFECTIVE = "第{n}条　本条例自{date}起施行。\n"


def version(n: int) -> bytes:
    if n == 1:
        body = FIRST + LICENCE + LEASH.format(n="三") + PENALTY.format(n="四", refs="第二条、第三条") + EFFECTIVE.format(n="五", date="2020年1月1日")
    elif n == 2:
        body = (
            FIRST + LICENCE + VACCINE + LEASH.format(n="三") + PENALTY.format(n="四", refs="第二条之一、第三条")
            + RABIES.format(n="四") + EFFECTIVE.format(n="五", date="2022年1月1日")
        )
    else:
        body = (
            FIRST + LICENCE + VACCINE.replace("第二条之一", "第三条") + LEASH.format(n="四")
            + PENALTY.format(n="五", refs="第三条、第四条") + RABIES.replace("第{n}条之一", "第六条")
            + EFFECTIVE.format(n="七", date="2024年1月1日")
        )
    return (OPENING + body).encode("utf-8")


def relations(old: int, new: int) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    a, b = (ingest_bytes(version(n), f"v{n}.txt").regulation for n in (old, new))
    return [(tuple(x.label for x in p.left), tuple(x.label for x in p.right), p.relation) for p in compare(a, b, mode="versions").pairs]


def test_an_insertion_without_renumbering_adds_only_the_inserted_articles():
    """Keys, not numbers, decide "unchanged": 第二条 stays unchanged beside
    the new 第二条之一, which is added; the penalty cites the new article."""
    assert relations(1, 2) == [
        (("第一条",), ("第一条",), "unchanged"),
        (("第二条",), ("第二条",), "unchanged"),
        ((), ("第二条之一",), "added"),
        (("第三条",), ("第三条",), "unchanged"),
        (("第四条",), ("第四条",), "amended"),
        ((), ("第四条之一",), "added"),
        (("第五条",), ("第五条",), "amended"),
    ]


def test_a_renumbering_turns_inserted_articles_into_numbered_ones():
    """v3 renumbers: 第二条之一 -> 第三条 is renumbered, and the penalty, which
    cited 第二条之一 and 第三条, now cites 第三条 and 第四条: a reference update."""
    assert relations(2, 3) == [
        (("第一条",), ("第一条",), "unchanged"),
        (("第二条",), ("第二条",), "unchanged"),
        (("第二条之一",), ("第三条",), "renumbered"),
        (("第三条",), ("第四条",), "renumbered"),
        (("第四条",), ("第五条",), "reference_update"),
        (("第四条之一",), ("第六条",), "renumbered"),
        (("第五条",), ("第七条",), "amended"),
    ]


@pytest.mark.parametrize(
    "text, key_map, expected",
    [
        ("违反本条例第二条之一规定的", {(2, 1): (3, 0)}, "违反本条例第三条规定的"),
        ("依照本法第十条、第十条之二的规定", {(10, 0): (10, 0), (10, 2): (12, 0)}, "依照本法第十条、第十二条的规定"),
        ("本规定第三条", {(3, 0): (2, 1)}, "本规定第二条之一"),  # and back: a renumbering may create 之一
        ("《某某法》第二条之一", {(2, 1): (3, 0)}, "《某某法》第二条之一"),  # another law's article: left alone
        ("依照本实施细则第二条", {(2, 0): (3, 0)}, "依照本实施细则第三条"),
    ],
)
def test_renumber_refs_reads_and_writes_inserted_articles(text, key_map, expected):
    assert renumber_refs(text, key_map) == expected


@pytest.fixture()
def corpus(tmp_path, isolated_git):  # noqa: F811
    repo = make_repo(tmp_path / "corpus")
    store = Corpus(repo)
    for n in (1, 2, 3):
        store.add(version(n), ID, name=f"v{n}.txt")
    return repo


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("written", ["第二条之一", "2之1", "二之一", "第2条之1"])
def test_history_and_show_take_an_inserted_article(corpus, written):
    out = run("history", f"{ID}@HEAD~1", "--article", written, "--format", "json", "--repo", str(corpus))
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert (data["article"], data["suffix"], data["label"]) == (2, 1, "第二条之一")
    assert [(v["previous"], v["label"], v["relation"]) for v in data["versions"]] == [
        ("第二条之一", "第三条", "renumbered"),
        (None, "第二条之一", "added"),
    ]
    shown = run("show", f"{ID}@HEAD~1", "--article", written, "--repo", str(corpus))
    assert shown.exit_code == 0 and "第二条之一" in shown.stdout and "狂犬病疫苗" in shown.stdout and "束犬链" not in shown.stdout


@pytest.mark.parametrize("written", ["第二条之", "2之", "之一", "第二条之十十", "第二章"])
def test_a_malformed_article_is_one_line_exit_2(corpus, written):
    out = CliRunner().invoke(main, ["show", ID, "--article", written, "--repo", str(corpus)])
    assert out.exit_code == 2 and "not an article number" in out.output and "Traceback" not in out.output


def test_an_absent_inserted_article_is_named(corpus):
    out = CliRunner().invoke(main, ["history", ID, "--article", "第二条之一", "--repo", str(corpus)])
    assert out.exit_code == 2 and out.stderr == f"fagui: error: {ID}@HEAD has no article 第二条之一\n"


def test_json_and_the_matrix_place_an_inserted_article_after_its_article(tmp_path):
    """A national text with 第二条之一 against a derived text: the JSON
    article carries its suffix, and the report's coverage matrix lists it
    between 第二条 and 第三条."""
    national = version(2).decode().replace("某市养犬管理条例", "养犬管理办法")
    local = version(1).decode().replace("某市养犬管理条例", "某省养犬管理规定").replace("本市", "本省")
    for name, text in (("national.txt", national), ("local.txt", local)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = run("diff", str(tmp_path / "national.txt"), str(tmp_path / "local.txt"), "--format", "json")
    assert out.exit_code == 0, out.output
    lefts = [a for p in json.loads(out.stdout)["pairs"] for a in p["left"]]
    assert [(a["number"], a["suffix"], a["label"]) for a in lefts][:4] == [(1, 0, "第一条"), (2, 0, "第二条"), (2, 1, "第二条之一"), (3, 0, "第三条")]
    national_reg = ingest_bytes(national.encode(), "national.txt").regulation
    local_reg = ingest_bytes(local.encode(), "local.txt").regulation
    e = entry("local", "local.html", compare(national_reg, local_reg))
    _, order, _ = matrix_layout([e, dataclasses.replace(e, coverage=tuple(reversed(e.coverage)))])
    assert order == ["第一条", "第二条", "第二条之一", "第三条", "第四条", "第四条之一", "第五条"]


def test_the_python_api_takes_a_number_alone(corpus):
    store = Corpus(corpus)
    assert [e.label for e in store.article_versions(ID, 3)] == [e.label for e in store.article_versions(ID, (3, 0))]
