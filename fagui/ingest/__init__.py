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
from fagui.ingest import canonical, docx, flk, html, lawrefbook, pdf, plain
from fagui.ingest.audit import Audit
from fagui.ingest.layout import Layout, Prepared, Source
from fagui.ingest.parse import parse
from fagui.markdown import write_regulation
from fagui.model import Regulation

LAYOUTS: tuple[Layout, ...] = (
    Layout("docx", docx.recognise, docx.prepare),
    Layout("pdf", pdf.recognise, pdf.prepare),
    Layout("html", html.recognise, html.prepare),
    Layout("lawrefbook", lawrefbook.recognise, lawrefbook.prepare),
    Layout("flk", flk.recognise, flk.prepare),
    Layout("text", plain.recognise, plain.prepare),
)
"""The layouts in the order they are tried: the binary ones by their bytes,
then (the text decoded) a web page, Markdown with a ``# title``, an flk
export's header, and plain text, which takes any text."""


@dataclass(frozen=True)
class IngestResult:
    regulation: Regulation
    markdown: str
    audit: Audit


def prepare(raw: bytes, source: str) -> Prepared:
    """``raw`` read in the first of :data:`LAYOUTS` that recognises it.
    Raises FaguiError for bytes that are no text, no Word file and no PDF,
    and for a damaged, encrypted or mislabelled Word file or PDF."""
    given = Source(raw, source)
    return next(layout for layout in LAYOUTS if layout.recognise(given)).prepare(given)


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
