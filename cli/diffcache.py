"""``fagui diff FILE FILE`` answered again from what it printed before
(:mod:`fagui.cache`): the same two files compared again, with the same
options, print the kept answer without loading click, the reader or the
engine. :mod:`cli.start` answers from here and otherwise hands the command
line to click, passing :class:`Keeper` down; :mod:`cli.diff` gives it the
answer it printed.

Kept only when the answer is bound to be the same: the command line is the
same word for word, every word is an option, an existing file (keyed by its
blob id, worked out from its bytes) or a plain lower-case word (an option's
value: ``json``, ``versions``, ``en``; never a regulation id, which names a
jurisdiction and a regulation, ``a/b``), at least two are files, and the
answer goes to standard output: no ``-o`` (a file written), ``--repo``,
``--explain``, ``--help``. The colour decision's inputs (FORCE_COLOR,
NO_COLOR, whether stdout is a terminal) and the code's stamp are part of
the key. Only a successful answer is kept; the note on stderr (a swap) is
kept with it.
"""

from __future__ import annotations

import os
import sys

from fagui.cache import blob_id, cache_key, git_dir, read_cached, write_cached
from fagui.errors import FaguiError
from fagui.files import read_bytes

NOT_KEPT = ("-o", "--output", "--repo", "--explain", "-h", "--help", "--version")
"""Options whose answer is not (only) standard output, or depends on more
than the files named."""


def answer_key(args: list[str] | tuple[str, ...]) -> tuple[str, str] | None:
    """(git folder, key) of the answer to ``fagui diff ARGS``, or None when
    it cannot be kept (see the module's docstring)."""
    blobs = []
    for word in args:
        if word.startswith("-"):
            if word.startswith("-o") or word.partition("=")[0] in NOT_KEPT:
                return None
        elif os.path.isfile(word):
            try:
                blobs.append(blob_id(read_bytes(word)))
            except FaguiError:
                return None
        elif not (word.isascii() and word.isalpha() and word.islower()):
            return None  # a regulation id (ID, ID@REV), or anything not a plain option value
    root = git_dir(".")
    if root is None or len(blobs) < 2:
        return None
    terminal = (bool(os.environ.get("FORCE_COLOR")), bool(os.environ.get("NO_COLOR")), sys.stdout.isatty())
    return root, cache_key("diff", *args, "\0", *blobs, repr(terminal))


def print_kept_answer(args: list[str]) -> bool:
    """Print the kept answer to ``fagui diff ARGS``, if there is one; whether it did."""
    found = answer_key(args)
    payload = read_cached(*found) if found else None
    if payload is None:
        return False
    size, _, rest = payload.partition(b"\n")
    note, out = rest[: int(size)], rest[int(size):]
    if note:
        sys.stderr.write(note.decode("utf-8"))
        sys.stderr.flush()
    try:
        sys.stdout.write(out.decode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:  # fagui diff | head: as click ends, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    return True


class Keeper:
    """Keeps the answer :mod:`cli.diff` prints for the command line it was
    made from (click's ``obj``; none when diff is run any other way)."""

    def __init__(self, args: list[str]):
        self.args = args
        self.found = answer_key(args)

    def keep(self, note: str, out: str) -> None:
        """Keep ``note`` (what went to stderr, newline included, or "") and
        ``out`` (what went to stdout), unless a file named changed while the
        answer was worked out (then it may answer either version)."""
        found = self.found
        if found and answer_key(self.args) == found:
            note_bytes = note.encode("utf-8")
            write_cached(*found, b"%d\n" % len(note_bytes) + note_bytes + out.encode("utf-8"))
