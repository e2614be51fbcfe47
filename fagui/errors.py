"""The one error type the engine raises for bad input, and how its messages
name the arguments a caller can change.

The CLI turns it into a one-line message and exit code 2; nothing else in
fagui should let a traceback reach a user for a problem with their input.
A message that tells the caller what to pass names the engine function's
argument with :func:`argument`: a Python caller reads ``force=True``, the CLI
shows its own option (``--force``: :mod:`cli.flags`).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable

_ARGUMENT = "\ue000([a-z_]+)(?:=([^\ue001]*))?\ue001"
"""An argument as :func:`argument` marks it (two private-use characters
around it, which no message of fagui's otherwise holds): a pattern compiled
on first use, as ``re`` itself is imported then: every command imports this
module, and the answers kept from before (:mod:`cli.gitdiffcache`,
:mod:`cli.diffcache`) need nothing else of ``re`` (~3 ms a process)."""


def argument(name: str, value: str | None = None) -> str:
    """Argument ``name`` of an engine function, with the ``value`` to pass
    ("True" for a switch, or what to give, e.g. "YYYY-MM-DD"), as a message
    names it: marked, so that whoever shows the message words it for its
    reader (:func:`worded`)."""
    return f"\ue000{name}{'' if value is None else '=' + value}\ue001"


def python_argument(name: str, value: str | None) -> str:
    """An argument as a Python caller writes it: ``force=True``,
    ``effective="YYYY-MM-DD"``, or its name alone."""
    if value is None:
        return name
    return f"{name}={value}" if value == "True" else f'{name}="{value}"'


def worded(text: str, word: Callable[[str, str | None], str] = python_argument) -> str:
    """``text`` with each argument :func:`argument` marked in it worded by
    ``word`` (name, value) -> words: by default as a Python caller writes it."""
    if "\ue000" not in text:
        return text
    import re  # here, see _ARGUMENT

    return re.sub(_ARGUMENT, lambda m: word(m.group(1), m.group(2)), text)


class FaguiError(Exception):
    """Bad input: names the file and, where it applies, the line.
    ``message`` keeps the arguments it names marked (:func:`argument`):
    ``str()`` words them for a Python caller, :meth:`line_for` for another."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.line_for(python_argument)

    def line_for(self, word: Callable[[str, str | None], str]) -> str:
        """The error in one line, ``path:line: message``, each argument the
        message names worded by ``word`` (see :func:`worded`)."""
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return where + worded(self.message, word)
