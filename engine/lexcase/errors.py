"""The one exception family of lexcase.

Every error a user can cause is a `LexcaseError` that names the file, the place in it (line and
field path, or rule id) and what was expected, so the CLI can print one readable line and exit 2.
Errors that mean lexcase itself is broken are `InferenceError` (exit 1 is not used for them: they
are bugs, and say so).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import overload


@dataclass(frozen=True)
class Place:
    """Where in a file something is: a line (1-based) and a field path, either of them optional."""

    file: str | None = None
    line: int | None = None
    path: str | None = None

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        if self.path:
            where += f": {self.path}"
        return where


@dataclass
class LexcaseError(Exception):
    """Base of every error lexcase raises on purpose."""

    message: str
    place: Place = field(default_factory=Place)
    expected: str | None = None
    suggestion: str | None = None
    # Further problems of the same input, each a whole line with its own place: a bad file shows
    # every problem at once, not the first and a count.
    more: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[LexcaseError], tuple[object, ...]]:
        # Keep every field when an error crosses a process boundary (batch workers).
        fields = (self.message, self.place, self.expected, self.suggestion, self.more)
        return (self.__class__, fields)

    def first_line(self) -> str:
        """The first problem alone, with its place."""
        text = f"{self.place}: {self.message}"
        if self.expected:
            text += f" (expected {self.expected})"
        if self.suggestion:
            text += f"; {self.suggestion}"
        # One line, whatever a file's key or value holds: a newline or an escape sequence
        # quoted from a case file is shown, never performed.
        return printable(text, keep="")

    def lines(self) -> list[str]:
        """Every problem, one line each."""
        return [self.first_line(), *self.more]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class InputError(LexcaseError):
    """A file given by the user cannot be read as what it should be."""


class CaseError(InputError):
    """A case file does not fit the case model."""


class RuleFileError(InputError):
    """A rule file does not fit the rule format, or its rules do not fit together."""


class FactPathError(InputError):
    """A fact path (in a rule, a --set, a step) does not name a field of the case model."""


class RuleNotFoundError(InputError):
    """A rule id that no loaded rule carries."""


class InferenceError(LexcaseError):
    """The inference engine failed: a bug in lexcase or durable_rules, never bad input."""


class WorkerError(LexcaseError):
    """A batch worker process died evaluating the case, in two workers one after the other:
    killed by the system (out of memory, most often) or crashed. Not bad input lexcase could
    name, so it counts as an internal error."""


@overload
def file_label(path: Path | str) -> str: ...
@overload
def file_label(path: None) -> None: ...
@overload
def file_label(path: Path | str | None) -> str | None: ...


def file_label(path: Path | str | None) -> str | None:
    """How a file is named in messages: relative to the working directory when inside it (None
    only for no path)."""
    if path is None:
        return None
    p = Path(path)
    try:
        # Links are not followed: a file is named as the user named it, even a link to nothing.
        # With strings, not pathlib's relative_to: every rule file is labelled at every start.
        absolute, here = os.path.abspath(p), os.getcwd()
    except OSError:  # no working directory
        return str(p)
    if absolute == here:
        return "."
    inside = here.rstrip(os.sep) + os.sep
    if absolute.startswith(inside) and not absolute.startswith(os.sep * 2):
        return absolute[len(inside) :]
    return str(p)


# Characters a terminal acts on instead of showing: C0 and C1 controls, DEL, and the Unicode
# marks that reorder or hide text (bidirectional overrides and isolates, zero-width joiners).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, keep: str = "\n\t") -> str:
    """`text` with every control character written as an escape (\\n, \\x1b, \\u202e), except those
    in `keep` (by default newline and tab, which a multi-line view lays out itself)."""

    def shown(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return _CONTROL.sub(shown, text)
