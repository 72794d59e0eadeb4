"""Option text read as typed values: dates, outcome kinds, and the changes of what-if; and the
command line's options and arguments that several commands share, each declared (and its help
written, in `cli_help`) once.

The command line (and any interface that takes text) turns what a person typed into the typed
values the Python API takes here; a mistake is an `InputError` that names the option.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from lexcase.errors import InputError, Place
from lexcase.interfaces.cli_help import h
from lexcase.interfaces.cli_texts import t
from lexcase.model.facts import fact_path
from lexcase.model.rules import OutcomeKind

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def rules_folder(text: str) -> Path:
    """--rules: an empty value would be the working folder, loaded as rules without a word."""
    if not text.strip():
        raise typer.BadParameter(t("empty_rules"))
    return Path(text)


CaseArgument = Annotated[Path, typer.Argument(help=h("case"), show_default=False)]
CasesArgument = Annotated[
    Path, typer.Argument(metavar="CASES", help=h("cases"), show_default=False)
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help=h("as_of"))]
JsonOption = Annotated[bool, typer.Option("--json", help=h("json"))]
RulesOption = Annotated[Path | None, typer.Option("--rules", help=h("rules"), parser=rules_folder)]
OverlayOption = Annotated[
    list[Path] | None,
    typer.Option("--rules-overlay", metavar="DIR", help=h("rules_overlay")),
]


def parse_date(text: str | None, option: str) -> dt.date | None:
    """A date written as case files write them: date.fromisoformat alone would also take
    20220927 and 2022-W39-2, which a case file refuses."""
    if text is None:
        return None
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{text!r} is not a date",
            Place(path=option),
            expected="a date written YYYY-MM-DD, such as 2022-09-27",
        ) from None


def parse_kind(text: str | None, option: str) -> OutcomeKind | None:
    if text is None:
        return None
    try:
        return OutcomeKind(text)
    except ValueError:
        raise InputError(
            f"{text!r} is not an outcome kind",
            Place(path=option),
            expected="one of " + ", ".join(k.value for k in OutcomeKind),
        ) from None


def parse_assignment(text: str, option: str) -> tuple[str, str]:
    """PATH=VALUE as typed after --set or --sweep."""
    path, sep, value = text.partition("=")
    if not sep or not path.strip():
        raise InputError(
            f"{text!r} is not PATH=VALUE",
            Place(path=option),
            expected="PATH=VALUE, such as crossing.at_checkpoint=true",
        )
    path = path.strip()
    if path == "as_of":  # what-if refuses it too; here the advice can name the option
        raise InputError(
            "as_of is the date the case is seen on, not a fact to change",
            Place(path=option),
            expected="--as-of DATE to see the case on another date",
        )
    fact_path(path, Place(path=option))
    if not value.strip():
        # Read as a list, nothing would be an empty one: "no citizenship", said by a slip.
        raise InputError(
            f"{path} is given no value",
            Place(path=option),
            expected=f"{path}=VALUE; unknown to make the fact unknown, [] for an empty list",
        )
    return path, value.strip()


def assignments(texts: Sequence[str], option: str) -> dict[str, str]:
    """Every PATH=VALUE of an option, as text; a fact may be set once."""
    changes: dict[str, str] = {}
    for text in texts:
        path, value = parse_assignment(text, option)
        if path in changes:
            raise InputError(
                f"{path} is set twice", Place(path=option), expected="each fact set once"
            )
        changes[path] = value
    return changes


def typed_value(path: str, text: str, option: str) -> Any:
    """A value typed on the command line, read as the case model reads the fact."""
    try:
        return fact_path(path).parse_text(text)
    except ValueError as problem:
        raise InputError(
            f"{text!r} is not a value of {path}", Place(path=option), expected=str(problem)
        ) from None


def parse_changes(texts: Sequence[str], option: str = "--set") -> dict[str, Any]:
    """Every PATH=VALUE of --set, typed."""
    return {p: typed_value(p, v, option) for p, v in assignments(texts, option).items()}


def parse_axes(texts: Sequence[str], option: str = "--sweep") -> list[tuple[str, list[Any]]]:
    """Every PATH=V1,V2,... of --sweep, typed."""
    return [
        (path, [typed_value(path, v, option) for v in split_values(values)])
        for path, values in assignments(texts, option).items()
    ]


def split_values(text: str) -> list[str]:
    """V1,V2,... split at the commas outside brackets and quotes, so a list value can be written
    [RU,KZ] or ["RU","KZ"]; a bracketed value that is not JSON loses its brackets (RU,KZ)."""
    values: list[str] = []
    depth, quoted, current = 0, False, ""
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "[{":
            depth += 1
        elif not quoted and char in "]}":
            depth -= 1
        if char == "," and depth == 0 and not quoted:
            values.append(current.strip())
            current = ""
        else:
            current += char
    values.append(current.strip())
    out = []
    for value in values:
        if value.startswith("[") and value.endswith("]"):
            try:
                json.loads(value)
            except json.JSONDecodeError:
                value = value[1:-1]
        out.append(value)
    return out
