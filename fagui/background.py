"""What counts as stock phrasing in a corpus: the corpus background the
comparison engine weighs wording against (:class:`fagui.align.Background`).

``fagui report`` and ``fagui diff`` both use :func:`background_at`, so a pair
of texts is aligned alike whichever command shows it.
"""

from __future__ import annotations

import os

from fagui.align import EMPTY_BACKGROUND, Background, corpus_background
from fagui.errors import FaguiError
from fagui.files import TEXTS, corpus_root, read_text
from fagui.markdown import read_regulation


def background_at(repo: str | os.PathLike = ".") -> Background:
    """The :func:`fagui.align.corpus_background` of every canonical text in
    the corpus around ``repo`` (empty outside a corpus). A text that cannot
    be read is left out: it would only be a little less evidence of what is
    stock phrasing, and the command that reads it reports it."""
    try:
        root = corpus_root(repo)
    except FaguiError:
        return EMPTY_BACKGROUND

    def texts():
        for path in sorted((root / TEXTS).rglob("*.md")):
            try:
                yield read_regulation(read_text(path), str(path))
            except FaguiError:
                continue

    return corpus_background(texts())
