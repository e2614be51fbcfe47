"""fagui diff never crashes on the shapes real texts have: a paragraph that
introduces items without a colon, items without closing punctuation, and
any realistic edit between two versions (issue 20, item 10)."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fagui.compare import compare
from fagui.markdown import read_regulation, write_regulation
from fagui.model import Article, Item, Metadata, Paragraph, Regulation
from fagui.text.numerals import to_chinese

CLAUSES = [
    "单位应当履行下列义务",
    "有关部门包括",
    "建立健全安全管理制度",
    "定期开展教育培训",
    "配合有关部门依法开展检查",
    "其他应当履行的义务",
    "县级以上人民政府应当加强领导",
    "本办法自公布之日起施行",
    "违反本办法规定的由主管部门责令改正",
    "公安机关",
    "机关单位应当开展保密教育培训",
    "对举报人的信息予以保密",
]


def markdown(title: str, articles: list[list[tuple[str, list[str]]]]) -> str:
    """Canonical Markdown of a regulation: per article its paragraphs, each a
    text and its items' texts."""
    body = tuple(
        Article(
            n,
            f"第{to_chinese(n)}条",
            tuple(
                Paragraph(text, tuple(Item(f"（{to_chinese(k)}）", t) for k, t in enumerate(items, 1)))
                for text, items in paragraphs
            ),
        )
        for n, paragraphs in enumerate(articles, 1)
    )
    return write_regulation(Regulation(Metadata(title=title), body=body))


def test_items_without_colon_or_closing_punctuation_diff(tmp_path):
    """The reported shape: a paragraph that ends without a colon and items
    without closing punctuation, beside a text with one article fewer."""
    left = markdown("甲规定", [[("主管部门负责本规定的实施。", [])], [("公民应当支持配合检查工作。", [])], [("机关单位应当开展保密教育培训。", [])]])
    right = markdown(
        "乙省办法",
        [[("主管部门负责本办法的实施。", [])], [("公民应当支持配合检查工作。", []), ("有关单位包括", ["公安机关", "机关单位应当开展保密教育培训"])]],
    )
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(left, encoding="utf-8")
    b.write_text(right, encoding="utf-8")
    for mode in ("jurisdictions", "versions"):
        run = subprocess.run(
            [sys.executable, "-m", "cli", "diff", str(a), str(b), "--mode", mode, "--format", "json"],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr


clause = st.sampled_from(CLAUSES)
ending = st.sampled_from(["", "。", "；", "："])
paragraph = st.tuples(
    st.tuples(clause, ending).map("".join),
    st.lists(st.tuples(clause, ending).map("".join), max_size=3),
)
article = st.lists(paragraph, min_size=1, max_size=3)
regulation = st.lists(article, min_size=1, max_size=6)


@st.composite
def edited(draw):
    """A text and a version of it after realistic edits: articles inserted,
    deleted or reworded, paragraphs split off or merged, items added or
    dropped, punctuation dropped."""
    original = draw(regulation)
    edits = draw(st.lists(st.integers(0, 6), max_size=5))
    new = [[(t, list(items)) for t, items in a] for a in original]
    for e in edits:
        i = draw(st.integers(0, len(new) - 1)) if new else 0
        if e == 0:
            new.insert(i, draw(article))
        elif e == 1 and len(new) > 1:
            del new[i]
        elif e == 2 and new:
            text, items = new[i][0]
            new[i][0] = (text + draw(clause), items)
        elif e == 3 and new and new[i][0][1]:
            new[i].append((new[i][0][1].pop(), []))
        elif e == 4 and new and len(new[i]) > 1:
            text, items = new[i].pop()
            new[i][0][1].extend([text, *items])
        elif e == 5 and new:
            new[i][-1][1].append(draw(clause))
        elif e == 6 and new:
            new[i] = [(t.rstrip("。；："), [x.rstrip("。；：") for x in items]) for t, items in new[i]]
    return original, new or original


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited(), st.sampled_from(["jurisdictions", "versions"]))
def test_realistic_edits_never_crash_diff(pair, mode):
    """Any two such texts, written as Markdown and read back as a user's
    would be, compare (and every article of both is accounted for)."""
    original, new = pair
    left = read_regulation(markdown("规定", original))
    right = read_regulation(markdown("办法", new))
    comparison = compare(left, right, mode)
    assert comparison.pairs
