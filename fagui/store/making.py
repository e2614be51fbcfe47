"""Making a new corpus: a git repository with a README, ``.gitattributes``
and an empty ``texts/``."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from fagui.errors import FaguiError
from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.store.corpus import Corpus
from fagui.store.gitcmd import git_in
from fagui.store.paths import TEXTS

GITATTRIBUTES = """\
# Raw sources are kept byte for byte as received, whatever their encoding and line ends.
*.source.txt -text
# Canonical Markdown is UTF-8 with LF line ends.
texts/**/*.md text eol=lf
"""


def init(directory: str | os.PathLike, lang: Lang = DEFAULT_LANG) -> Corpus:
    """Make a new corpus: a git repository at ``directory`` with a README,
    ``.gitattributes`` and an empty ``texts/``, in one first commit (the
    README and the commit's message in ``lang``).

    ``directory`` must not exist or be an empty folder. The repository is
    built in a hidden folder inside it and its entries are then moved up, so
    a failure (no git identity, for one) leaves nothing behind, and an
    existing folder (``init .``) stays the same folder, with its own mode,
    group and setgid bit. A new folder gets its mode from the umask.
    """
    target = Path(directory).absolute()
    made = not target.exists()
    try:
        if made:
            target.mkdir(parents=True)
        elif not target.is_dir() or any(target.iterdir()):
            raise FaguiError("exists and is not an empty folder", str(directory))
        build = Path(tempfile.mkdtemp(prefix=".fagui-init-", dir=target))
    except OSError as exc:
        raise FaguiError(f"cannot make a corpus here: {exc.strerror or exc}", str(directory)) from None
    moved: list[Path] = []
    try:
        _build(build, str(directory), lang)
        for entry in sorted(build.iterdir()):
            os.rename(entry, target / entry.name)
            moved.append(target / entry.name)
        build.rmdir()
    except BaseException as exc:
        for path in moved:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        shutil.rmtree(build, ignore_errors=True)
        if made:
            shutil.rmtree(target, ignore_errors=True)
        if isinstance(exc, OSError):
            raise FaguiError(f"cannot make a corpus here: {exc.strerror or exc}", str(directory)) from None
        raise
    return Corpus(target)


def _build(build: Path, directory: str, lang: Lang) -> None:
    """The repository and its first commit, in ``build``. A git failure (no
    identity, a full disk) is FaguiError naming ``directory``."""
    try:
        git_in(build, "init", "-q")
        (build / "README.md").write_text(say("init.readme", lang), encoding="utf-8")
        (build / ".gitattributes").write_text(GITATTRIBUTES, encoding="utf-8")
        (build / TEXTS).mkdir()
        (build / TEXTS / ".gitkeep").write_bytes(b"")
        git_in(build, "add", "README.md", ".gitattributes", f"{TEXTS}/.gitkeep")
        git_in(build, "commit", "-q", "--no-verify", "-m", say("init.commit", lang))
    except FaguiError as exc:
        raise FaguiError(exc.message, directory) from None  # not the build folder, gone by then
