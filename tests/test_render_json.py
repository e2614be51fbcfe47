"""The JSON form fagui.comparison/3: every field, fixed order, lossless."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from samples import XSS, decided_sample, meaning_sample, sample, synthetic, versions_sample

from fagui.model import (
    ArticleLink,
    ArticlePair,
    ArticleRef,
    Candidate,
    Comparison,
    Coverage,
    Decision,
    DiffOp,
    DocumentRef,
    Direction,
    Evidence,
    Grade,
    Note,
    NoteKind,
    Flag,
    FlagRule,
    MeaningChange,
    MeaningKind,
    ParagraphPair,
    Place,
    Summary,
)
from renderers.json import Streamed, comparison_data, document_parts, json_parts, render_json


def from_json(text: str) -> Comparison:
    """Read fagui.comparison/3 back into the model (as docs/json-schema.md describes)."""
    d = json.loads(text)
    assert d["schema"] == "fagui.comparison/3"

    def places(xs):
        return tuple((p["block"], p["right"], p["right_block"]) for p in xs)

    def art(a):
        return ArticleRef(a["number"], a["label"], tuple(a["divisions"]), tuple(a["blocks"]))

    def para(p):
        return ParagraphPair(
            tuple(p["left"]) if p["left"] is not None else None,
            tuple(p["right"]) if p["right"] is not None else None,
            tuple(DiffOp(o["kind"], o["left"], o["right"]) for o in p["ops"]),
        )

    def place(p):
        return None if p is None else Place(p["article"], p["block"])

    def meaning(m):
        where = (place(m["where"]["left"]), place(m["where"]["right"]))
        return MeaningChange(MeaningKind(m["kind"]), m["left"], m["right"], Direction(m["direction"]), where, m["rule"], m["says"])

    def flag(f):
        where = (place(f["where"]["left"]), place(f["where"]["right"]))
        return Flag(FlagRule(f["rule"]), f["basis"], f["left"], f["right"], where, f["says"])

    s = d["summary"]
    return Comparison(
        mode=d["mode"],
        left=DocumentRef(**d["left"]),
        right=DocumentRef(**d["right"]),
        pairs=tuple(
            ArticlePair(
                p["relation"], tuple(map(art, p["left"])), tuple(map(art, p["right"])), p["score"],
                tuple(map(para, p["paragraphs"])), tuple(Note(NoteKind(n["kind"]), tuple(n["old"]), tuple(n["new"])) for n in p["notes"]),
                Grade(p["grade"]), Decision(p["decision"]) if p["decision"] is not None else None, tuple(map(meaning, p["meanings"])),
                p["rule"], tuple(Candidate(x["label"], x["score"], tuple(x["shared"]), x["rule"]) for x in p["candidates"]),
            )
            for p in d["pairs"]
        ),
        summary=Summary(
            tuple(s["counts"].items()), s["left_articles"], s["right_articles"], s["adopted_share"], s["derived_share"],
            s["provision_share"], tuple(s["unsure_counts"].items()),
        ),
        links=tuple(
            ArticleLink(x["left"], x["right"], x["strength"], x["score"], Grade(x["grade"]), tuple(
                Evidence(tuple(e["left"]), tuple(e["right"]), e["score"], tuple(e["shared"])) for e in x["evidence"]
            ), Decision(x["decision"]) if x["decision"] is not None else None, tuple(map(meaning, x["meanings"])), x["rule"])
            for x in d["links"]
        ),
        coverage=tuple(
            Coverage(x["article"], x["share"], x["status"], places(x["places"]), places(x["unsure_places"]))
            for x in d["coverage"]
        ),
        background=d["background"],
        schema=d["schema"],
        flags=tuple(map(flag, d["flags"])),
    )


def test_round_trip_keeps_every_field():
    for c in (sample(), sample(xss=True), versions_sample(), synthetic(50), decided_sample(), meaning_sample(), meaning_sample(xss=True)):
        assert from_json(render_json(c)) == c


def test_deterministic_fixed_order_utf8():
    c = sample(xss=True)
    text = render_json(c)
    assert text == render_json(sample(xss=True))
    assert text.endswith("}\n") and "\r" not in text
    assert "反间谍" in text and "\\u" not in text  # ensure_ascii=False
    d = json.loads(text)
    assert list(d) == ["schema", "mode", "left", "right", "background", "summary", "pairs", "links", "coverage", "flags"]
    assert list(d["left"]) == ["id", "title", "jurisdiction", "revision", "effective", "document_number", "promulgated"]
    assert list(d["summary"]) == [
        "counts", "left_articles", "right_articles", "adopted_share", "derived_share", "provision_share", "unsure_counts"
    ]
    assert list(d["summary"]["counts"]) == ["identical", "reworded", "adapted", "shared", "provincial_only", "not_adopted"]
    assert list(d["pairs"][0]) == [
        "relation", "changed", "score", "grade", "rule", "left", "right", "paragraphs", "notes", "decision", "meanings", "candidates"
    ]
    assert list(d["links"][0]) == ["left", "right", "strength", "score", "grade", "rule", "evidence", "decision", "meanings"]
    assert list(d["links"][0]["evidence"][0]) == ["left", "right", "score", "shared"]
    assert list(d["coverage"][0]) == ["article", "share", "status", "places", "unsure_places"]
    shares = [x for x in d["links"] if x["strength"] == "shares"]
    assert shares and shares[0]["evidence"][0]["shared"], "the shared wording is written"
    assert list(d["pairs"][0]["left"][0]) == ["number", "suffix", "label", "divisions", "blocks"]
    assert list(d["pairs"][0]["paragraphs"][0]) == ["left", "right", "ops"]
    assert d["right"]["title"] == XSS


def test_changed_flag_and_nulls():
    d = json.loads(render_json(sample()))
    assert [p["changed"] for p in d["pairs"]] == [p.changed for p in sample().pairs]
    assert d["left"]["revision"] is None
    one_sided = d["pairs"][4]
    assert one_sided["relation"] == "not_adopted" and one_sided["right"] == [] and one_sided["paragraphs"] == []


def test_a_reviewers_decisions_are_written_by_name():
    d = json.loads(render_json(decided_sample()))
    assert [p["decision"] for p in d["pairs"][:3]] == ["confirmed", "needs_review", None]
    shares = [x for x in d["links"] if x["strength"] == "shares"]
    assert [x["decision"] for x in shares] == ["added"]
    assert json.loads(render_json(sample()))["pairs"][0]["decision"] is None


def test_meanings_and_flags_as_data():
    d = json.loads(render_json(meaning_sample()))
    fine = d["pairs"][0]["meanings"][0]
    assert list(fine) == ["kind", "left", "right", "direction", "where", "rule", "says"]
    assert (fine["kind"], fine["direction"], fine["rule"]) == ("amount", "raised", "money_amount_changed")
    assert fine["left"] == "一万元以上五万元以下" and fine["right"] == "二万元以上十万元以下"
    assert fine["where"] == {"left": {"article": "第一条", "block": 0}, "right": {"article": "第一条", "block": 0}}
    assert "上限由五万元提高至十万元" in fine["says"]
    rules = [f["rule"] for f in d["flags"]]
    assert "penalty_beyond_higher" in rules and "duty_became_permission" in rules
    assert all(f["basis"] for f in d["flags"])


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=5), st.data())
def test_a_document_in_pieces_is_the_stdlibs_byte_for_byte(document, data):
    """Any JSON-ready document, with any of its lists (in dicts, or in lists
    made one item at a time, at any depth) made one item at a time
    (Streamed), joins to exactly what json.dumps writes: the pieces
    re-indent nested JSON, which must never touch a newline inside a string."""

    def streamed(value):
        if isinstance(value, dict):
            return {key: streamed(item) for key, item in value.items()}
        if isinstance(value, list) and data.draw(st.booleans()):
            return Streamed(iter([streamed(item) for item in value]))
        return value

    pieces = list(document_parts(streamed(document), allow_nan=True))
    assert "".join(pieces) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert all(pieces)  # no empty piece


def test_json_in_pieces_holds_one_pair_at_a_time():
    c = synthetic(40)
    parts = list(json_parts(c))
    assert "".join(parts) == render_json(c) == json.dumps(comparison_data(c), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert max(map(len, parts)) < len(render_json(c)) / 10  # no piece is a large share of the document
    assert sum('"relation": ' in part for part in parts) == len(c.pairs)
