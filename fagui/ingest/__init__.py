"""Ingestion: raw bytes of a regulation to a Regulation and canonical Markdown.

``ingest_bytes`` is the one entry point; the steps are decode (bytes to text),
parse (structure, noise, normalisation, audit) and metadata.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from fagui.ingest.audit import Audit
from fagui.ingest.decode import decode
from fagui.ingest.parse import parse
from fagui.markdown import write_regulation
from fagui.model import Regulation


@dataclass(frozen=True)
class IngestResult:
    regulation: Regulation
    markdown: str
    audit: Audit


def ingest_bytes(raw: bytes, source: str) -> IngestResult:
    """Ingest one raw regulation text.

    ``source`` names the input (a file name or URL) in errors and in the
    ``source`` front-matter field when the text names no 原文链接 of its own.
    Raises FaguiError for input that is not a regulation text.
    """
    decoded = decode(raw, source)
    regulation, audit = parse(decoded.text, source)
    digest = hashlib.sha256(raw).hexdigest()
    regulation = dataclasses.replace(
        regulation, metadata=dataclasses.replace(regulation.metadata, source_sha256=digest)
    )
    audit = dataclasses.replace(
        audit, encoding=decoded.encoding, line_ends=decoded.line_ends, source_sha256=digest
    )
    return IngestResult(regulation, write_regulation(regulation), audit)
