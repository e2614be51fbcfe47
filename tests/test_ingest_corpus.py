"""Golden tests: each seed in texts/ ingests to exactly the committed Markdown."""

from __future__ import annotations

from conftest import CORPUS, markdown_path, source_path

from fagui.ingest import ingest_bytes
from fagui.ingest.decode import decode
from fagui.markdown import read_regulation
from fagui.model import Article
from fagui.text.width import fold


def test_regenerates_byte_identical(corpus_id):
    committed = markdown_path(corpus_id).read_text(encoding="utf-8")
    source = read_regulation(committed).metadata.source
    result = ingest_bytes(source_path(corpus_id).read_bytes(), source)
    assert result.markdown == committed


def test_article_count_and_dates(corpus_id):
    count, dates = CORPUS[corpus_id]
    regulation = read_regulation(markdown_path(corpus_id).read_text(encoding="utf-8"))
    assert len(regulation.articles) == count
    assert [a.number for a in regulation.articles] == list(range(1, count + 1))
    for key, value in dates.items():
        assert getattr(regulation.metadata, key) == value, key


def body_stream(regulation) -> str:
    """Every character of the regulation's body in reading order (the title
    line is a dropped span of its own: it moves to the # heading)."""
    parts = list(regulation.preamble)

    def walk(nodes):
        for node in nodes:
            if isinstance(node, Article):
                parts.append(node.label)
                parts.extend(node.blocks())
            else:
                parts.append(node.label + node.title)
                walk(node.children)

    walk(regulation.body)
    return "".join(parts)


def test_lossless_every_character_accounted_for(corpus_id):
    """Canonical text plus the audit's dropped spans rebuild the source's
    characters, up to the documented whitespace and width normalisations."""
    raw = source_path(corpus_id).read_bytes()
    result = ingest_bytes(raw, "seed")
    text = decode(raw).text
    kept, pos = [], 0
    for span in sorted(result.audit.dropped, key=lambda s: s.start):
        assert text[span.start : span.end] == span.text
        assert span.start >= pos, "dropped spans overlap"
        kept.append(text[pos : span.start])
        pos = span.end
    kept.append(text[pos:])
    assert fold("".join(kept)) == fold(body_stream(result.regulation))
    title = next(s for s in result.audit.dropped if s.reason.startswith("title:"))
    assert fold(title.text) == result.regulation.metadata.title


def test_audit_reports_the_known_noise():
    audits = {cid: ingest_bytes(source_path(cid).read_bytes(), "seed").audit for cid in CORPUS}
    reasons = {cid: " | ".join(s.reason for s in a.dropped) for cid, a in audits.items()}
    assert "matter after the last article" in reasons["national/counterespionage-security-provisions"]
    assert "table of contents" in reasons["jiangxi/counterespionage-work-regulations"]
    assert "Word bookmark" in reasons["heilongjiang/counterespionage-security-regulations"]
    assert "web page header" in reasons["jilin/counterespionage-work-provisions"]
    jiangxi = audits["jiangxi/counterespionage-work-regulations"]
    assert len(jiangxi.joins) == 9
    assert any("律 doubled across a page break" in w.message for w in jiangxi.warnings)
    heilongjiang = audits["heilongjiang/counterespionage-security-regulations"]
    assert sum("mixed item-marker styles" in w.message for w in heilongjiang.warnings) == 2
    national = audits["national/counterespionage-security-provisions"]
    assert dict(national.normalisations)["half-width punctuation"] >= 200
    trailing = next(s for s in national.dropped if "after the last article" in s.reason)
    assert trailing.text.startswith("吕梁市") and "侯利军 摄" in trailing.text


def test_page_break_joins_make_whole_sentences():
    regulation = read_regulation(markdown_path("national/counterespionage-security-provisions").read_text(encoding="utf-8"))
    assert "告知重点单位。反间谍安全防范重点单位除履行本规定第八条" in regulation.article(9).text()
    assert regulation.article(17).text().startswith("国家安全机关会同宣传主管部门，协调和指导")
