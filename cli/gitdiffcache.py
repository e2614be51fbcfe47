"""The git driver's answers kept for next time (:mod:`fagui.cache`): ``git
log -p --ext-diff`` or ``git diff`` run again prints each file's article
diff from ``.git/fagui-cache/`` instead of reading and comparing the two
texts again. Imports nothing heavy: :mod:`cli.start` answers from here
before click or the engine is loaded, and falls through to ``fagui
git-diff`` (:mod:`cli.gitdiff`, which stores its answer) on a miss.

An answer is keyed by the blob ids of the two files' bytes (worked out
here: git passes zeros for a work-tree file), the paths and revisions git
names (they are printed), whether it is coloured, and the code's stamp.
Only article diffs are kept; a file that falls back to a plain diff is
worked out each time."""

from __future__ import annotations

import os
import sys

from cli.terminal import use_color
from fagui.cache import blob_id, cache_key, git_dir, read_cached, write_cached
from fagui.errors import FaguiError
from fagui.files import read_bytes


def answer_key(args: list[str] | tuple[str, ...]) -> tuple[str, str] | None:
    """(git folder, key) of the answer to git's ``args`` to the driver, or
    None when it cannot be kept (not git's arguments, no git folder, a file
    that cannot be read)."""
    if len(args) not in (7, 9):
        return None
    path, old_file, old_hex, _, new_file, new_hex, _ = args[:7]
    new_path = args[7] if len(args) == 9 else path
    root = git_dir(".")
    if root is None:
        return None
    try:
        blobs = ["" if file == os.devnull else blob_id(read_bytes(file)) for file in (old_file, new_file)]
    except FaguiError:
        return None
    colored = "color" if use_color("auto", sys.stdout) else "plain"
    return root, cache_key("git-diff", path, new_path, old_hex, new_hex, *blobs, colored)


def print_cached_answer(args: list[str]) -> bool:
    """Print the kept answer to git's ``args``, if there is one; whether it did."""
    found = answer_key(args)
    payload = read_cached(*found) if found else None
    if payload is None:
        return False
    try:
        sys.stdout.write(payload.decode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:  # the reader has gone (git diff | head): git must not stop
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return True


def store_answer(args: tuple[str, ...], text: str) -> None:
    """Keep ``text``, the article diff printed for git's ``args``."""
    found = answer_key(args)
    if found:
        write_cached(*found, text.encode("utf-8"))
