"""The texts of a corpus as a report plans with them: each text's id, file,
front matter and cited names, read once; the text itself parsed again only
when a comparison needs it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fagui.cache import blob_id, cache_key, git_dir, remembered
from fagui.errors import FaguiError
from fagui.files import decode_utf8, read_bytes, read_text
from fagui.implements import Citations, cited_names
from fagui.markdown import read_regulation
from fagui.model import DocumentRef, Metadata, Regulation, Unreadable
from fagui.store.corpus import Corpus
from fagui.store.paths import TEXTS


@dataclass(frozen=True)
class Text:
    """A canonical text in ``texts/``: its id, file, front matter and the
    names it cites (:func:`fagui.implements.cited_names`).

    Only these are kept: a report over hundreds of provinces must not
    hold every parsed text at once. :meth:`read` parses it again when needed.
    """

    id: str
    path: Path
    metadata: Metadata
    citations: Citations = Citations()

    def read(self, raw: bytes | None = None) -> Regulation:
        """The text parsed: its file's bytes ``raw`` when the caller has
        read them already, else read now."""
        text = read_text(self.path) if raw is None else decode_utf8(raw, self.path)
        return read_regulation(text, str(self.path))

    def ref(self) -> DocumentRef:
        meta = self.metadata
        return DocumentRef.from_metadata(meta, self.id)


def open_corpus(root: Path) -> Corpus | None:
    """The git corpus at ``root``, or None when it is not a git repository."""
    try:
        return Corpus(root)
    except FaguiError:
        return None


def read_texts(root: Path, *, unreadable: list[Unreadable] | None = None) -> list[Text]:
    """Every canonical text under ``root/texts``, by id. A text that cannot be
    read raises FaguiError; given ``unreadable``, it is added there instead
    and left out. In a git work tree, what is read of each text (its front
    matter and the names it cites) is kept in ``.git/fagui-cache`` by the
    file's blob id (:func:`fagui.cache.remembered`), so a text read before
    is not parsed again."""
    cache = git_dir(str(root))
    out = []
    for path in sorted((root / TEXTS).rglob("*.md")):
        rel = path.relative_to(root / TEXTS).with_suffix("").as_posix()
        try:
            raw = read_bytes(path)
            metadata, citations = remembered(cache, cache_key("text", blob_id(raw)), lambda: _summary(raw, path))
        except FaguiError as exc:
            if unreadable is None:
                raise
            unreadable.append(Unreadable(path.relative_to(root).as_posix(), exc.message, exc.line))
            continue
        out.append(Text(rel, path, metadata, citations))
    return out


def _summary(raw: bytes, path: Path) -> tuple[Metadata, Citations]:
    """What a report plans with of a text: its front matter and the names it cites."""
    regulation = read_regulation(decode_utf8(raw, path), str(path))
    return regulation.metadata, cited_names(regulation)
