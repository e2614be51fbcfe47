"""PDF sources: recognised by content, page chrome dropped with its page and
reason, wrapped lines joined and counted, and the same articles as the plain
text of the same regulation; through the engine and the real CLI.

PDFs come from two makers: LibreOffice converting the seeds' Word files (one
run for the module), and tests/pdfs.py, which puts every line where a test
says (fast, and exact about indentation and spacing)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zlib
from pathlib import Path

import layouts
import pdfs
import pypdf
import pytest
from click.testing import CliRunner
from conftest import assert_ingest_refuses, source_path
from gitrepos import JILIN, git

from cli.main import main
from fagui.check import check_text
from fagui.ingest import ingest_bytes

pytestmark = pytest.mark.usefixtures("isolated_git")

CONVERTED = ("jiangxi/counterespionage-work-regulations", "jilin/counterespionage-work-provisions", "zhejiang/counterespionage-security-measures")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def body(markdown: str) -> str:
    return markdown[markdown.index("\n# ") :]


def plain(regulation_id: str):
    return ingest_bytes(source_path(regulation_id).read_bytes(), "plain.txt")


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, bytes]:
    """Three seeds as Word files (tests/layouts.py: a page header, a footer
    with a page number, a table of contents) converted to PDF by LibreOffice,
    in one run."""
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is not installed (CI is set: the LibreOffice tests must run)", pytrace=False)
        pytest.skip("soffice is not installed (apt-get install libreoffice-writer)")
    folder = tmp_path_factory.mktemp("pdf")
    names = {}
    for regulation_id in CONVERTED:
        source = source_path(regulation_id).read_text(encoding="utf-8")
        name = regulation_id.split("/")[0]
        (folder / f"{name}.docx").write_bytes(layouts.word(source, plain(regulation_id).regulation))
        names[regulation_id] = folder / f"{name}.pdf"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
        + [str(folder / f"{r.split('/')[0]}.docx") for r in CONVERTED],
        check=True, capture_output=True, timeout=300,
    )
    return {regulation_id: path.read_bytes() for regulation_id, path in names.items()}


@pytest.mark.parametrize("regulation_id", CONVERTED)
def test_a_word_file_saved_as_pdf_gives_the_plain_texts_articles(converted, regulation_id):
    result = ingest_bytes(converted[regulation_id], "download")  # no .pdf name: recognised by content
    assert result.audit.layout == "pdf"
    assert body(result.markdown) == body(plain(regulation_id).markdown)
    assert check_text(result.markdown) is None
    reasons = [span.reason for span in result.audit.dropped]
    header = f"{plain(regulation_id).regulation.metadata.jurisdiction}人民政府公报"
    pages = sum(1 for span in result.audit.dropped if span.text == header)
    assert pages >= 5 and f"PDF running header, on {pages} pages (page 2)" in reasons
    assert "PDF page number (page 2)" in reasons  # the footer: 第 1 页 共 9 页
    whys = {join.why for join in result.audit.joins}
    assert whys == {"line wrap", "page break"}


def test_the_audit_names_each_page_and_line_dropped_and_each_join(converted):
    result = ingest_bytes(converted["jilin/counterespionage-work-provisions"], "jilin.pdf")
    lines = result.audit.summary_lines()
    assert lines[0].startswith("source: jilin.pdf (pdf, pdf, LF line ends, ")
    assert any(line.startswith("dropped line ") and line.endswith("PDF page number (page 3): 第 1 页 共 9 页") for line in lines)
    # The source URL was wrapped mid-word: joined, and moved to front matter whole, both lines listed.
    assert "joined lines 3-4 (line wrap): …m/lar/|c4cddf…" in lines
    assert any(line.startswith("dropped lines 3-4 (74 chars): web page header: moved to front matter (source)") for line in lines)
    assert result.regulation.metadata.source == "https://www.pkulaw.com/lar/c4cddf9e686d3fe71b2c5e2b647b780abdfb.html"
    assert any("(page break): …" in line for line in lines)
    # The quotation marks LibreOffice draws in another font come where they belong.
    assert "国防安全“五大安全”基石。" in result.markdown


# -- laid out by tests/pdfs.py -------------------------------------------------

STYLES = {
    "indented": dict(indent=True, header="某某人民政府公报"),
    "spaced": dict(indent=False, spacing=8, per_line=30),
    "unmarked": dict(indent=False),
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_typeset_regulation_gives_the_plain_texts_articles(corpus_id, style):
    source = source_path(corpus_id).read_text(encoding="utf-8")
    result = ingest_bytes(pdfs.typeset(source, **STYLES[style]), "x.pdf")
    assert body(result.markdown) == body(plain(corpus_id).markdown)
    assert sum(1 for join in result.audit.joins if join.why == "line wrap") > 20


MINI = (
    "某某条例\n第一条　为了测试，制定本条例。\n本条例适用于测试。\n"
    "第二条　甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。这一句还在同一款里，到此为止。\n前款以外的，也适用。\n"
    "第三条　本条例自2025年1月1日起施行。\n"
)


@pytest.mark.parametrize("style, paragraphs", [("indented", 2), ("spaced", 2), ("unmarked", 3)])
def test_a_sentence_ending_at_a_full_line(style, paragraphs):
    # 第二条's first sentence ends exactly at the end of a line. Where the PDF
    # marks paragraphs (indented or set apart) the next line is seen to
    # continue it; where it marks none, it cannot be told from a new
    # paragraph, and is read as one (docs: canonical-markdown.md).
    sentence = "第二条　甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉。"
    per_line = len(sentence) + (2 if style == "indented" else 0)  # an indented first line holds two characters less
    result = ingest_bytes(pdfs.typeset(MINI, **{**STYLES[style], "per_line": per_line}), "x.pdf")
    assert any(join.before.endswith("申酉。") for join in result.audit.joins) == (paragraphs == 2)
    second = result.regulation.articles[1]
    assert len(second.paragraphs) == paragraphs, second.paragraphs


def test_a_title_wrapped_over_two_centred_lines_is_one_title():
    raw = pdfs.write_pdf([[
        (150, 40, "某某省人民代表大会常务委员会关于某某事项管理", 16),
        (240, 62, "若干问题的规定", 16),
        (36, 100, "第一条　为了测试，制定本规定。", 12),
        (36, 124, "第二条　本规定自2025年1月1日起施行。", 12),
    ]])
    result = ingest_bytes(raw, "x.pdf")
    assert result.regulation.metadata.title == "某某省人民代表大会常务委员会关于某某事项管理若干问题的规定"
    assert result.regulation.preamble == ()
    assert [(j.line, j.next_line, j.why) for j in result.audit.joins] == [(1, 2, "line wrap")]


def _page(lines: list[str], number_line: str | None, header: str | None = "某某市人民政府规章") -> list:
    page = [(200, 30, header, 10.5)] if header else []
    page += [(36 + (24 if line.startswith("第") else 0), 70 + 24 * i, line, 12) for i, line in enumerate(lines)]
    return page + ([(280, 790, number_line, 10.5)] if number_line else [])


@pytest.mark.parametrize("numbers", [["- 1 -", "- 2 -", "- 3 -"], ["第 1 页 共 3 页", "第 2 页 共 3 页", "第 3 页 共 3 页"], ["1", "2", "3"], ["1/3", "2/3", "3/3"]])
def test_page_numbers_and_running_headers_are_dropped_with_their_page(numbers):
    raw = pdfs.write_pdf([
        _page(["某某办法", "第一条　为了测试，制定本办法。"], numbers[0]),
        _page(["第二条　这是第二条。"], numbers[1]),
        _page(["第三条　本办法自2025年1月1日起施行。"], numbers[2]),
    ])
    result = ingest_bytes(raw, "x.pdf")
    spans = [(span.line, span.text, span.reason) for span in result.audit.dropped]
    assert (1, "某某市人民政府规章", "PDF running header, on 3 pages (page 1)") in spans
    assert (4, numbers[0], "PDF page number (page 1)") in spans
    assert (10, numbers[2], "PDF page number (page 3)") in spans
    assert [a.blocks() for a in result.regulation.articles] == [("为了测试，制定本办法。",), ("这是第二条。",), ("本办法自2025年1月1日起施行。",)]
    assert "规章" not in body(result.markdown) and "页" not in body(result.markdown)


def test_a_line_in_the_text_is_no_running_header_because_it_recurs_elsewhere():
    # 第二章 recurs on three pages, but not at the same height: text, not chrome.
    raw = pdfs.write_pdf([
        _page(["某某办法", "第一条　为了测试，制定本办法。"], "1", header=None),
        _page(["第二条　这是第二条。", "同一款。"], "2", header=None),
        _page(["第三条　本办法自2025年1月1日起施行。"], "3", header=None),
    ])
    result = ingest_bytes(raw, "x.pdf")
    assert [span.reason for span in result.audit.dropped].count("PDF page number (page 2)") == 1
    assert not any("running" in span.reason for span in result.audit.dropped)


# -- through the CLI ---------------------------------------------------------------


def test_add_commits_a_pdf_with_its_bytes_as_the_source(repo, tmp_path):
    source = source_path(JILIN).read_text(encoding="utf-8")
    raw = pdfs.typeset(source, header="吉林省人民政府公报")
    path = tmp_path / "下载.pdf"
    path.write_bytes(raw)
    result = run("add", str(path), "--id", JILIN, "--repo", str(repo))
    assert result.exit_code == 0, result.output
    assert (repo / "texts" / f"{JILIN}.source.txt").read_bytes() == raw
    assert body((repo / "texts" / f"{JILIN}.md").read_text(encoding="utf-8")) == body(plain(JILIN).markdown)
    assert git(repo, "status", "--porcelain") == ""


def _encrypted(password: str, algorithm: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdfs.typeset(MINI)))
    writer.encrypt(password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_locked_only_against_editing_is_read(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(_encrypted("", "AES-128"))  # no password to open it: permissions only
    result = run("ingest", str(path), "-q")
    assert result.exit_code == 0, result.output
    assert "本条例自2025年1月1日起施行。" in result.stdout


def _bomb() -> bytes:
    packer = zlib.compressobj(1)
    packed = b"".join(packer.compress(bytes(1 << 20)) for _ in range(65)) + packer.flush()  # 65 MB of zeros
    return b"%PDF-1.4\n1 0 obj\n<</Length " + str(len(packed)).encode() + b"/Filter/FlateDecode>>\nstream\n" + packed + b"\nendstream\nendobj\n%%EOF\n"


def _unmapped() -> bytes:
    # A font with no way from its glyphs to characters: pdfminer gives (cid:N).
    raw = pdfs.typeset(MINI)
    return raw.replace(b"/Encoding/UniGB-UCS2-H", b"/Encoding/Identity-H").replace(b"/Ordering(GB1)", b"/Ordering(Identity)")


BAD = [
    ("locked.pdf", lambda: _encrypted("secret", "RC4-128"), "password-protected PDF: open it, save a copy without the password, then ingest that"),
    ("locked-aes.pdf", lambda: _encrypted("secret", "AES-256"), "password-protected PDF"),
    ("scan.pdf", lambda: pdfs.write_pdf([[], []]), "the PDF has no text layer (a scan?); OCR it first"),
    ("broken.pdf", lambda: pdfs.typeset(MINI)[:400], "not a readable PDF"),
    ("junk.pdf", lambda: b"%PDF-1.7\n" + b"\x93" * 300, "not a readable PDF"),
    ("bomb.pdf", _bomb, "a compressed stream in the PDF unpacks to more than 64 MB: not one regulation"),
    ("glyphs.pdf", _unmapped, "the PDF's fonts map no characters to text; OCR it first"),
    ("named.pdf", lambda: "某某条例\n第一条　甲。\n".encode("utf-8"), "named .pdf but not a PDF file (it does not open with %PDF-)"),
]


@pytest.mark.parametrize("name, make, message", BAD, ids=[b[0] for b in BAD])
def test_bad_pdfs_are_one_line_exit_2_and_no_output(tmp_path, name, make, message):
    assert_ingest_refuses(tmp_path, name, lambda tmp: make(), message)


def test_a_pdf_over_32_mb_is_refused_unread(tmp_path):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(33 * 1024 * 1024)
    result = run("ingest", str(big), "-o", str(tmp_path / "out.md"))
    assert result.exit_code == 2
    assert result.stderr == f"fagui: error: {big}: larger than 32 MB: not a regulation text\n"
    assert not (tmp_path / "out.md").exists()
