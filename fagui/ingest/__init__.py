"""Ingestion: raw bytes of a regulation to a Regulation and canonical Markdown.

``ingest_bytes`` is the one entry point; the steps are recognising the
layout by content (``prepare``: plain text, LawRefBook Markdown, an flk text
export, a Word .docx, a saved web page, a PDF) and reading it into lines, parsing
(structure, noise, normalisation, audit) and metadata.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from fagui.errors import FaguiError
from fagui.ingest import canonical, docx, flk, html, lawrefbook, pdf
from fagui.ingest.audit import Audit
from fagui.ingest.decode import decode
from fagui.ingest.layout import Prepared
from fagui.ingest.parse import parse
from fagui.markdown import write_regulation
from fagui.model import Regulation

@dataclass(frozen=True)
class IngestResult:
    regulation: Regulation
    markdown: str
    audit: Audit


def prepare(raw: bytes, source: str) -> Prepared:
    """``raw`` read in the layout its content shows. Raises FaguiError for
    bytes that are no text, no Word file and no PDF, and for a damaged,
    encrypted or mislabelled Word file or PDF."""
    if docx.is_word(raw):
        return docx.prepare(raw, source)
    if pdf.is_pdf(raw):
        return pdf.prepare(raw, source)
    if source.lower().endswith(".docx"):
        raise FaguiError("named .docx but not a Word .docx file (not a zip archive)", source)
    if source.lower().endswith(".pdf"):
        raise FaguiError("named .pdf but not a PDF file (it does not open with %PDF-)", source)
    decoded = decode(raw, source)
    if html.is_html(decoded.text):
        return html.prepare(decoded.text, decoded.encoding, source)
    lines = decoded.text.split("\n")
    for layout in (lawrefbook, flk):
        if layout.recognise(lines):
            return layout.prepare(decoded.text, decoded.encoding, decoded.line_ends, source)
    return Prepared(decoded.text, decoded.encoding, decoded.line_ends, "text")


def ingest_bytes(raw: bytes, source: str) -> IngestResult:
    """Ingest one raw regulation text, in any layout :func:`prepare`
    recognises, or canonical Markdown (:mod:`fagui.ingest.canonical`: a text
    fagui wrote, read as it is).

    ``source`` names the input (a file name or URL) in errors and in the
    ``source`` front-matter field when the text names no 原文链接 of its own.
    Raises FaguiError for input that is not a regulation text.
    """
    digest = hashlib.sha256(raw).hexdigest()
    if canonical.is_canonical(raw):  # a text fagui wrote: read as it is, not re-parsed
        regulation, audit = canonical.read(raw, source)
    else:
        prepared = prepare(raw, source)
        regulation, audit = parse(prepared, source)
        audit = dataclasses.replace(audit, encoding=prepared.encoding, line_ends=prepared.line_ends, layout=prepared.layout)
    regulation = dataclasses.replace(
        regulation, metadata=dataclasses.replace(regulation.metadata, source_sha256=digest)
    )
    audit = dataclasses.replace(audit, source_sha256=digest)
    try:
        markdown = write_regulation(regulation)
    except FaguiError as exc:
        raise FaguiError(exc.message, source) from None
    return IngestResult(regulation, markdown, audit)
