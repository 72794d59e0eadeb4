"""The one exception family of lexcase.

Every error a user can cause is a `LexcaseError` that names the file, the place in it (line and
field path, or rule id) and what was expected, so the CLI can print one readable line and exit 2.
Errors that mean lexcase itself is broken are `InferenceError` (exit 1 is not used for them: they
are bugs, and say so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
        return text

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


def file_label(path: Path | str | None) -> str | None:
    """How a file is named in messages: relative to the working directory when inside it."""
    if path is None:
        return None
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
