"""The JSON form fagui.comparison/1: every field, fixed order, lossless."""

from __future__ import annotations

import json

from test_render_common import XSS, sample, synthetic, versions_sample

from fagui.model import ArticlePair, ArticleRef, Comparison, DiffOp, DocumentRef, ParagraphPair, Summary
from renderers.json import render_json


def from_json(text: str) -> Comparison:
    """Read fagui.comparison/1 back into the model (as docs/json-schema.md describes)."""
    d = json.loads(text)
    assert d["schema"] == "fagui.comparison/1"

    def art(a):
        return ArticleRef(a["number"], a["label"], tuple(a["divisions"]), tuple(a["blocks"]))

    def para(p):
        return ParagraphPair(
            tuple(p["left"]) if p["left"] is not None else None,
            tuple(p["right"]) if p["right"] is not None else None,
            tuple(DiffOp(o["kind"], o["left"], o["right"]) for o in p["ops"]),
        )

    s = d["summary"]
    return Comparison(
        mode=d["mode"],
        left=DocumentRef(**d["left"]),
        right=DocumentRef(**d["right"]),
        pairs=tuple(
            ArticlePair(
                p["relation"], tuple(map(art, p["left"])), tuple(map(art, p["right"])), p["score"],
                tuple(map(para, p["paragraphs"])), tuple(p["notes"]),
            )
            for p in d["pairs"]
        ),
        summary=Summary(tuple(s["counts"].items()), s["left_articles"], s["right_articles"], s["adopted_share"], s["derived_share"]),
        schema=d["schema"],
    )


def test_round_trip_keeps_every_field():
    for c in (sample(), sample(xss=True), versions_sample(), synthetic(50)):
        assert from_json(render_json(c)) == c


def test_deterministic_fixed_order_utf8():
    c = sample(xss=True)
    text = render_json(c)
    assert text == render_json(sample(xss=True))
    assert text.endswith("}\n") and "\r" not in text
    assert "反间谍" in text and "\\u" not in text  # ensure_ascii=False
    d = json.loads(text)
    assert list(d) == ["schema", "mode", "left", "right", "summary", "pairs"]
    assert list(d["left"]) == ["id", "title", "jurisdiction", "revision", "effective"]
    assert list(d["summary"]) == ["counts", "left_articles", "right_articles", "adopted_share", "derived_share"]
    assert list(d["summary"]["counts"]) == ["identical", "reworded", "adapted", "provincial_only", "not_adopted"]
    assert list(d["pairs"][0]) == ["relation", "changed", "score", "left", "right", "paragraphs", "notes"]
    assert list(d["pairs"][0]["left"][0]) == ["number", "label", "divisions", "blocks"]
    assert list(d["pairs"][0]["paragraphs"][0]) == ["left", "right", "ops"]
    assert d["right"]["title"] == XSS


def test_changed_flag_and_nulls():
    d = json.loads(render_json(sample()))
    assert [p["changed"] for p in d["pairs"]] == [p.changed for p in sample().pairs]
    assert d["left"]["revision"] is None
    one_sided = d["pairs"][4]
    assert one_sided["relation"] == "not_adopted" and one_sided["right"] == [] and one_sided["paragraphs"] == []
