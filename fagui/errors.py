"""The one error type the engine raises for bad input.

The CLI turns it into a one-line message and exit code 2; nothing else in
fagui should let a traceback reach a user for a problem with their input.
"""

from __future__ import annotations


class FaguiError(Exception):
    """Bad input: names the file and, where it applies, the line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return where + self.message
