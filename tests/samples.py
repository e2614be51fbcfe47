"""Hand-built comparisons for the renderer tests (the engine is not needed to
test how a Comparison is shown): the builders (``ref``, ``pair``,
``summarize``, ...) and the samples the renderer test modules share. Not a
test module: test modules import from here, never from each other."""

from __future__ import annotations

from dataclasses import replace

import fast_diff_match_patch

from fagui.correspondence import article_links, coverage_of, shared_wording
from fagui.model import (
    MODE_RELATIONS,
    Article,
    ArticleLink,
    ArticlePair,
    ArticleRef,
    Candidate,
    Comparison,
    Decision,
    DiffOp,
    DocumentRef,
    Evidence,
    Grade,
    LocatedArticle,
    Note,
    NoteKind,
    Paragraph,
    ParagraphPair,
    Side,
    Strength,
    Summary,
)

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7*7 }}&amp;'

_NUMERALS = "零一二三四五六七八九"


def label(n: int) -> str:
    """第N条 in Chinese numerals (up to 9,999)."""
    if n < 10:
        return f"第{_NUMERALS[n]}条"
    out = ""
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        if n >= value:
            out += ("" if value == 10 and n < 20 and not out else _NUMERALS[n // value]) + unit
            n %= value
        elif out and n:
            out += "零" if not out.endswith("零") else ""
    if n:
        out += _NUMERALS[n]
    return f"第{out}条"


def ops(left: str, right: str) -> tuple[DiffOp, ...]:
    """Character diff ops that rebuild both sides (diff-match-patch, no timeout)."""
    diffs = fast_diff_match_patch.diff(left, right, timelimit=0, cleanup="Semantic", counts_only=False)
    kinds = {"=": "equal", "+": "insert", "-": "delete"}
    return tuple(
        DiffOp(kinds[k], t if k != "+" else "", t if k != "-" else "") for k, t in diffs
    )


def ref(n: int, *blocks: str, divisions: tuple[str, ...] = ("第一章 总则",)) -> ArticleRef:
    return ArticleRef(number=n, label=label(n), divisions=divisions, blocks=tuple(blocks))


def pair(relation: str, left: tuple[ArticleRef, ...], right: tuple[ArticleRef, ...], score: float | None = None, notes=()) -> ArticlePair:
    """A pair whose blocks are matched in order and diffed."""
    paragraphs = []
    lblocks = [(i, j, b) for i, a in enumerate(left) for j, b in enumerate(a.blocks)]
    rblocks = [(i, j, b) for i, a in enumerate(right) for j, b in enumerate(a.blocks)]
    if left and right:
        for k in range(max(len(lblocks), len(rblocks))):
            lb = lblocks[k] if k < len(lblocks) else None
            rb = rblocks[k] if k < len(rblocks) else None
            paragraphs.append(
                ParagraphPair(
                    left=(lb[0], lb[1]) if lb else None,
                    right=(rb[0], rb[1]) if rb else None,
                    ops=ops(lb[2] if lb else "", rb[2] if rb else ""),
                )
            )
    if score is None:
        score = 1.0 if left and right and relation in ("identical", "unchanged") else (0.7 if left and right else 0.0)
    return ArticlePair(relation, tuple(left), tuple(right), score, tuple(paragraphs), tuple(notes))


def with_links(c: Comparison, shares: tuple[ArticleLink, ...] = ()) -> Comparison:
    """``c`` with its counterpart links (from its pairs), ``shares`` and the
    coverage of its left articles, as the engine derives them."""
    links = article_links(c.pairs, (), (), (), ()) + shares
    left = [
        LocatedArticle(Article(a.number, a.label, tuple(Paragraph(b) for b in a.blocks)), a.divisions)
        for p in c.pairs
        for a in p.left
    ]
    left.sort(key=lambda x: x.article.number)
    return Comparison(c.mode, c.left, c.right, c.pairs, c.summary, links, coverage_of(tuple(left), links))


def share_link(left: ArticleRef, right: ArticleRef, score: float = 0.62) -> ArticleLink:
    """A shares link between the first blocks of two articles."""
    evidence = Evidence((left.label, 0), (right.label, 0), score, shared_wording(ops(left.blocks[0], right.blocks[0])))
    return ArticleLink(left.label, right.label, Strength.SHARES, score, Grade.SURE, (evidence,))


def summarize(mode: str, pairs: list[ArticlePair]) -> Summary:
    counts = tuple((r, sum(p.relation == r for p in pairs)) for r in MODE_RELATIONS[mode])
    left = {a.label for p in pairs for a in p.left}
    right = {a.label for p in pairs for a in p.right}
    adopted = {a.label for p in pairs if p.right for a in p.left}
    right_chars = sum(len(op.right) for p in pairs for pp in p.paragraphs for op in pp.ops) or 1
    equal_chars = sum(len(op.right) for p in pairs for pp in p.paragraphs for op in pp.ops if op.kind == "equal")
    return Summary(counts, len(left), len(right), len(adopted) / (len(left) or 1), equal_chars / right_chars)


NATIONAL = DocumentRef(id="national/test", title="反间谍安全防范工作规定", jurisdiction="国家", effective="2021-04-26")
PROVINCE = DocumentRef(id="jilin/test", title="吉林省反间谍工作规定", jurisdiction="吉林省", effective="2025-01-01")


def sample(xss: bool = False) -> Comparison:
    """A small cross-jurisdiction comparison with every relation, a width-only
    difference, an item list and a one-to-many pair."""
    first = "为了加强和规范反间谍安全防范工作，根据有关法律法规，制定本规定。"
    pairs = [
        pair("identical", (ref(1, first),), (ref(1, first),)),
        pair(
            "reworded",
            (ref(2, "机关、团体、企业事业单位和其他社会组织在国家安全机关的协调和指导下开展反间谍安全防范工作，适用本规定。"),),
            (ref(2, "本省行政区域内的机关、团体、企业事业单位和其他社会组织开展反间谍安全防范工作，适用本规定。"),),
            0.81,
        ),
        pair(
            "reworded",
            (ref(3, "行业主管部门应当履行下列责任：", "（一）根据主管行业特点，明确本行业工作要求；", "（二）配合国家安全机关制定重点单位名录。"),),
            (ref(3, "行业主管部门应当履行下列职责：", "（一）根据主管行业特点，明确本行业工作要求；", "（二）配合国家安全机关制定重点单位名录；", "（三）法律法规规定的其他职责。"),),
            0.88,
        ),
        pair(
            "adapted",
            (ref(4, "国家安全机关应当加强反间谍安全防范宣传教育。在每年4月15日全民国家安全教育日开展宣传。"),),
            (
                ref(4, "各级人民政府应当加强反间谍安全防范宣传教育。", divisions=("第二章 职责",)),
                ref(5, "在每年4月15日全民国家安全教育日开展宣传活动。", divisions=("第二章 职责",)),
            ),
            0.55,
        ),
        # An article the engine says nothing of, though something comes close.
        replace(
            pair("not_adopted", (ref(5, "国家安全机关可以向有关单位提出反间谍安全防范建议。"),), ()),
            grade=Grade.UNSURE,
            candidates=(
                Candidate("第四条", 0.21, ("反间谍安全防范" + (XSS if xss else ""),), "in_order_chain"),
                Candidate("第二条", 0.08, ("反间谍安全防范",)),
            ),
        ),
        pair("provincial_only", (), (ref(6, "县级以上人民政府应当将反间谍安全防范工作经费列入本级预算。", divisions=("第二章 职责",)),)),
    ]

    # A width-only difference inside an equal op: not a change of words.
    width = ArticlePair(
        "identical",
        (ref(6, "自2021年4月26日起施行。", divisions=("第六章 附则",)),),
        (ref(7, "自２０２１年４月２６日起施行。", divisions=("第六章 附则",)),),
        1.0,
        (ParagraphPair((0, 0), (0, 0), (DiffOp("equal", "自2021年4月26日起施行。", "自２０２１年４月２６日起施行。"),)),),
    )
    pairs.append(width)
    if xss:
        pairs.append(
            pair(
                "reworded",
                (ref(7, "本规定自公布之日起施行。" + XSS, divisions=(XSS,)),),
                (ArticleRef(8, XSS, (XSS,), ("本规定自2025年1月1日起施行。" + XSS, XSS)),),
                0.5,
                notes=(Note(NoteKind.MOVED, (XSS,), ("第一章 总则",)),),
            )
        )
    # A provision carried into an article that is not its counterpart.
    hotline = ref(18, "国家安全机关应当公布12339举报受理电话和网络举报受理平台。" + (XSS if xss else ""))
    carrier = ref(19, "公民可以通过12339举报受理电话和网络举报受理平台举报。" + (XSS if xss else ""), divisions=("第二章 职责",))
    pairs += [pair("shared", (hotline,), ()), pair("shared", (), (carrier,))]
    right = PROVINCE if not xss else DocumentRef(id="x/" + "xss", title=XSS, jurisdiction=XSS, revision=XSS, effective=XSS)
    c = Comparison("jurisdictions", NATIONAL, right, tuple(pairs), summarize("jurisdictions", pairs))
    return with_links(c, (share_link(hotline, carrier),))


def decided_sample() -> Comparison:
    """:func:`sample` as a reviewer left it: the first pair confirmed, the
    second's decision needing review (its wording changed since), the shares
    link added by the reviewer."""
    c = sample()
    marks = {0: Decision.CONFIRMED, 1: Decision.NEEDS_REVIEW}
    pairs = tuple(replace(p, decision=marks.get(k)) for k, p in enumerate(c.pairs))
    decided = {(p.left[0].label, p.right[0].label): marks[k] for k, p in enumerate(c.pairs) if k in marks}
    links = tuple(
        replace(x, decision=Decision.ADDED if x.strength == Strength.SHARES else decided.get((x.left, x.right))) for x in c.links
    )
    return replace(c, pairs=pairs, links=links)


def versions_sample() -> Comparison:
    old = DocumentRef(id="national/test", title="反间谍安全防范工作规定", jurisdiction="国家", revision="a1b2c3d", effective="2021-04-26")
    new = DocumentRef(id="national/test", title="反间谍安全防范工作规定", jurisdiction="国家", revision="d4e5f6a", effective="2025-01-01")
    pairs = [
        pair("unchanged", (ref(1, "为了加强工作，制定本规定。"),), (ref(1, "为了加强工作，制定本规定。"),)),
        pair("amended", (ref(2, "本规定适用于机关。"),), (ref(2, "本规定适用于机关、团体。"),), 0.8),
        pair("added", (), (ref(3, "新增的一条。"),)),
        pair("renumbered", (ref(3, "原第三条。"),), (ref(4, "原第三条。"),), 1.0),
        pair("reference_update", (ref(4, "依照本规定第三条处理。"),), (ref(5, "依照本规定第四条处理。"),), 0.95, notes=(Note(NoteKind.REFERENCES_FOLLOW),)),
        pair("deleted", (ref(5, "删去的一条。"),), ()),
    ]
    return with_links(Comparison("versions", old, new, tuple(pairs), summarize("versions", pairs)))


def synthetic(n: int) -> Comparison:
    """A cross-jurisdiction comparison of ``n`` pairs, every relation in turn."""
    relations = ["identical", "reworded", "adapted", "not_adopted", "provincial_only", "reworded"]
    text = "县级以上地方人民政府应当加强对本行政区域内反间谍安全防范工作的领导，建立健全工作协调机制，第{}次。"
    pairs = []
    for i in range(1, n + 1):
        rel = relations[i % len(relations)]
        lt = text.format(i)
        rt = lt if rel == "identical" else lt.replace("加强", "切实加强").replace("领导", "统一领导")
        left = (ref(i, lt),) if rel != "provincial_only" else ()
        right = (ref(i, rt),) if rel != "not_adopted" else ()
        pairs.append(pair(rel, left, right, score=(i % 100) / 100 if left and right else 0.0))
    return with_links(Comparison("jurisdictions", NATIONAL, PROVINCE, tuple(pairs), summarize("jurisdictions", pairs)))


# -- tests of the shared helpers ---------------------------------------------------


def with_meanings(c: Comparison, left_higher: bool = True, right_rule: bool = False) -> Comparison:
    """``c`` with what its changes mean in law and the reviewer's flags, as
    the engine finds them (:mod:`fagui.meaning`)."""
    from dataclasses import replace

    from fagui.meaning import carried_blocks, link_meanings, pair_meanings
    from fagui.meaning.flags import Texts, flags_of

    pairs = tuple(replace(p, meanings=pair_meanings(p, (), carried_blocks(c.links))) for p in c.pairs)
    refs = {(side, r.label): r for p in pairs for side, rs in ((Side.LEFT, p.left), (Side.RIGHT, p.right)) for r in rs}
    links = tuple(replace(x, meanings=link_meanings(x, refs)) if x.strength == Strength.SHARES else x for x in c.links)
    flags = flags_of(pairs, links, refs, Texts(left_higher, right_rule))
    return replace(c, pairs=pairs, links=links, flags=flags)


def meaning_sample(xss: bool = False) -> Comparison:
    """A comparison whose changes mean something in law: a fine raised beyond
    the national one, a duty made a permission, a period shortened, a sanction
    added by a local government rule, a shares link that changes a modal verb."""
    x = XSS if xss else ""
    pairs = [
        pair(
            "reworded",
            (ref(1, f"违反本规定的，由国家安全机关责令改正，处一万元以上五万元以下的罚款。{x}"),),
            (ref(1, f"违反本规定的，由国家安全机关责令改正，处二万元以上十万元以下的罚款，没收违法所得。{x}"),),
            0.8,
        ),
        pair(
            "reworded",
            (ref(2, f"重点单位应当在十五日内报告国家安全机关。{x}"),),
            (ref(2, f"重点单位可以在十日内报告国家安全机关。{x}"),),
            0.7,
        ),
    ]
    hotline = ref(3, f"国家安全机关应当公布举报受理电话和网络举报受理平台。{x}")
    carrier = ref(3, f"国家安全机关可以公布举报受理电话和网络举报受理平台。{x}")
    pairs += [pair("shared", (hotline,), ()), pair("shared", (), (carrier,))]
    right = PROVINCE if not xss else DocumentRef(id="x/xss", title=XSS, jurisdiction=XSS)
    c = Comparison("jurisdictions", NATIONAL, right, tuple(pairs), summarize("jurisdictions", pairs))
    return with_meanings(with_links(c, (share_link(hotline, carrier),)), left_higher=True, right_rule=True)
