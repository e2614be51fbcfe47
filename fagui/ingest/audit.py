"""What ingestion did to a source: the record that makes it lossless.

Every character of the decoded source is either kept in the regulation
(possibly normalised in form, counted in ``normalisations``) or dropped, and
every dropped span is listed with its place and the reason.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class DroppedSpan:
    """Source text left out of the regulation's body.

    ``start``/``end`` are offsets into the decoded text (LF line ends);
    ``line``/``end_line`` are 1-based source line numbers. Text that moved into
    front matter (issuer, signatory, dates, source) is a dropped span too: it
    is not in the body, and its reason says where it went. ``rule`` names the
    pass or line rule that dropped it (:mod:`fagui.ingest.parse`).
    """

    line: int
    end_line: int
    start: int
    end: int
    text: str
    reason: str
    rule: str = ""


@dataclass(frozen=True)
class PageBreakJoin:
    """A paragraph split across lines, joined: ``line`` ended mid-sentence and
    ``next_line`` continued it; ``why`` says how the break came about (a page
    break, a heading wrapped onto a second line, or a PDF's ``line wrap``);
    ``rule`` the pass or line rule that joined them."""

    line: int
    next_line: int
    before: str  # the last characters before the break
    after: str  # the first characters after it
    why: str = "page break"
    rule: str = ""


@dataclass(frozen=True)
class Warning:
    """Something that looks wrong and was not fixed; ``rule`` names the pass
    or line rule that saw it."""

    line: int
    message: str
    rule: str = ""

    def __str__(self) -> str:
        """The warning as the audit prints it: ``warning: line 12: …``."""
        return f"warning: line {self.line}: {self.message}"


@dataclass(frozen=True)
class Audit:
    source: str
    encoding: str
    line_ends: str
    source_sha256: str
    source_lines: int
    source_chars: int
    counts: tuple[tuple[str, int], ...]  # articles, chapters, ... paragraphs, items
    normalisations: tuple[tuple[str, int], ...]
    dropped: tuple[DroppedSpan, ...]
    joins: tuple[PageBreakJoin, ...]
    warnings: tuple[Warning, ...]
    layout: str = "text"  # text, lawrefbook, flk, docx, html, pdf or canonical

    def as_dict(self) -> dict:
        """A JSON-ready form (for ``--audit-json``)."""
        data = asdict(self)
        data["counts"] = dict(self.counts)
        data["normalisations"] = dict(self.normalisations)
        data["schema"] = "fagui.audit/1"
        return data

    def summary_lines(self) -> list[str]:
        """The audit as short human-readable lines (for stderr)."""
        out = [
            f"source: {self.source} ({self.layout}, {self.encoding}, {self.line_ends} line ends, "
            f"{self.source_lines} lines, {self.source_chars} characters)",
            "parsed: " + ", ".join(f"{n} {k}" for k, n in self.counts),
        ]
        if self.normalisations:
            out.append("normalised: " + ", ".join(f"{n} {k}" for k, n in self.normalisations))
        for span in self.dropped:
            where = f"line {span.line}" if span.line == span.end_line else f"lines {span.line}-{span.end_line}"
            out.append(f"dropped {where} ({len(span.text)} chars): {span.reason}: {_preview(span.text)}")
        for join in self.joins:
            out.append(
                f"joined lines {join.line}-{join.next_line} ({join.why}): …{join.before}|{join.after}…"
            )
        for warning in self.warnings:
            out.append(str(warning))
        return out


def _preview(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
