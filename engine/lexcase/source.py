"""YAML and JSON documents with the line of every value, and readable validation messages.

Case files and rule files both come through here, so that any message about them can point at the
file, the line and the field path. Dates are turned into ISO strings, so the pydantic models can
validate the data as JSON in strict mode (strict mode rejects ISO strings only outside JSON).
"""

from __future__ import annotations

import difflib
import json
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from lexcase.errors import InputError, Place
from lexcase.reading import check_limits, read_file
from lexcase.simple_yaml import MAX_DIGITS as MAX_DIGITS  # for the layers above, as MAX_VALUES
from lexcase.simple_yaml import MAX_VALUES as MAX_VALUES
from lexcase.simple_yaml import read_simple

Loc = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Document:
    """Plain data read from a file, with the line on which each key or list item stands."""

    file: str | None
    data: Any
    lines: Mapping[Loc, int]

    def line_of(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest ancestor that has one."""
        for end in range(len(loc), 0, -1):
            line = self.lines.get(loc[:end])
            if line is not None:
                return line
        return None

    def place(self, loc: Loc) -> Place:
        return Place(self.file, self.line_of(loc), dotted(loc) or None)


def dotted(loc: Iterable[str | int]) -> str:
    """`("crossings", 0, "date")` as `crossings[0].date`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def load_document(path: Path | str, error: type[InputError] = InputError) -> Document:
    """Read a YAML or JSON file (`-`: standard input); any problem is raised as `error` naming
    the file and line."""
    raw, label = read_file(path, error)
    return parse_document(raw, label, error)


def parse_document(raw: bytes | str, label: str | None, error: type[InputError]) -> Document:
    """Parse a document already read; the limits of `lexcase.reading` are checked first."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    check_limits(raw, label, error)
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise error(
                f"byte 0x{raw[exc.start]:02x} is not UTF-8 text",
                Place(label, line),
                expected="a file saved as UTF-8",
            ) from None
    else:
        text = raw
    if text.startswith("\ufeff"):
        text = text[1:]
    data = read_simple(text)
    if data is not None:  # the common shape: the lines are found only if a message needs them
        return Document(label, data, _LinesOnDemand(text, label, error))
    return _parse_exact(text, label, error)


def _parse_exact(text: str, label: str | None, error: type[InputError]) -> Document:
    """Any YAML or JSON, read by ruamel with the line of every value (imported only here)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from lexcase.yaml_scanner import TooManyDigits, Unreadable, round_trip, to_plain

    try:
        tree = round_trip(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line + 1 if mark is not None else None
        problem = _shortened(" ".join(str(p) for p in (exc.context, exc.problem) if p))
        raise error(f"not valid YAML or JSON: {problem}", Place(label, at)) from None
    except YAMLError as exc:
        # A reader error (a control character, say) knows its position, not its line.
        position = getattr(exc, "position", None)
        at = text[:position].count("\n") + 1 if isinstance(position, int) else None
        problem = _shortened(str(getattr(exc, "reason", None) or exc).split("\n")[0])
        raise error(f"not valid YAML or JSON: {problem}", Place(label, at)) from None
    except RecursionError:
        raise _too_deep(error, label, text) from None
    except TooManyDigits as problem:
        raise error(
            f"a number of {problem.digits} digits is larger than any field holds",
            Place(label, problem.line),
            expected=f"a whole number of at most {MAX_DIGITS} digits",
        ) from None
    if tree is None:
        raise error("the file is empty", Place(label, 1), expected="a mapping of fields")
    lines: dict[Loc, int] = {}
    try:
        data = to_plain(tree, lines)
    except RecursionError:
        raise _too_deep(error, label, text) from None
    except Unreadable as problem:
        document = Document(label, None, lines)
        raise error(
            problem.message, document.place(problem.loc), expected=problem.expected
        ) from None
    return Document(label, data, lines)


class _LinesOnDemand(Mapping[Loc, int]):
    """The lines of a document read the fast way, found by the exact reader when first asked
    for (to place a message): it reads the same data, so the same places."""

    def __init__(self, text: str, label: str | None, error: type[InputError]) -> None:
        self._source = (text, label, error)
        self._lines: Mapping[Loc, int] | None = None

    def _found(self) -> Mapping[Loc, int]:
        if self._lines is None:
            self._lines = _parse_exact(*self._source).lines
        return self._lines

    def __getitem__(self, loc: Loc) -> int:
        return self._found()[loc]

    def __iter__(self) -> Iterator[Loc]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())


def _shortened(problem: str, limit: int = 200) -> str:
    # ruamel quotes the value it stumbled on whole (a duplicate key's 100 KB text, say): the
    # message stays one readable line.
    return problem if len(problem) <= limit else problem[: limit - 3] + "..."


def _too_deep(error: type[InputError], label: str | None, text: str) -> InputError:
    """Nesting too deep for the parser, reported at the line where it is deepest (brackets and
    indentation counted roughly: the parser that could say exactly has just given up)."""
    depth, deepest, at = 0, -1, 1
    for number, line in enumerate(text.split("\n"), start=1):
        indent = (len(line) - len(line.lstrip(" "))) // 2
        for char in line:
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            if depth + indent > deepest:
                deepest, at = depth + indent, number
    return error(
        "the document is nested too deeply to read",
        Place(label, at),
        expected="at most a few levels of nesting",
    )


def validate(model: type[ModelT], document: Document, error: type[InputError], what: str) -> ModelT:
    """Validate `document` against `model` strictly; the first problem becomes one `error`."""
    if not isinstance(document.data, dict):
        raise error(
            f"the file holds a {_json_kind(document.data)}",
            Place(document.file, 1),
            expected=f"a mapping of {what} fields",
        )
    try:
        return model.model_validate_json(json.dumps(document.data, allow_nan=False), strict=True)
    except ValidationError as exc:
        raise describe(exc, document, error, model) from None
    except ValueError as exc:  # NaN or infinity, which JSON (and so the model) cannot hold
        raise error(str(exc), Place(document.file), expected="finite numbers") from None


def describe(
    exc: ValidationError, document: Document, error: type[InputError], model: type[BaseModel]
) -> InputError:
    """Every validation problem, each with its place: the first as the error's own fields, the
    others as whole lines under `more`."""
    found: list[InputError] = []
    for problem in exc.errors(include_url=False):
        # A problem of the whole case (a number its dates contradict) names the fact it is about.
        named = (problem.get("ctx") or {}).get("path")
        at = tuple(str(named).split(".")) if named else problem["loc"]
        loc = _document_loc(at, document.data)
        expected, suggestion = _expectation(problem, loc, model)
        found.append(
            error(_problem(problem), document.place(loc), expected=expected, suggestion=suggestion)
        )
    first = found[0]
    more = tuple(e.first_line() for e in found[1:])
    return error(
        first.message, first.place, expected=first.expected, suggestion=first.suggestion, more=more
    )


def _document_loc(pydantic_loc: tuple[str | int, ...], data: Any) -> Loc:
    """The place of a validation problem in the document: pydantic's loc without the member types
    of unions it puts in ("function-after[...]", "str", ...). A part that is a key or an index of
    the document is kept whatever it looks like (a user may write a key such as "s[tay")."""
    out: list[str | int] = []
    node = data
    for part in pydantic_loc:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_list or (isinstance(node, dict) and part in node):
            node = node[part]
        elif isinstance(part, str) and ("[" in part or part in {"str", "int", "bool", "float"}):
            continue  # a union's member type, not a place in the document
        else:
            node = None  # a field the document lacks (a missing one): nothing below it
        out.append(part)
    return tuple(out)


def _problem(problem: Any) -> str:
    kind = problem["type"]
    given = problem.get("input")
    if kind == "missing":
        return "this required field is missing"
    if kind == "extra_forbidden":
        return "this field is not part of the format"
    if kind == "contradiction":  # its message names the number and the dates that contradict it
        return str(problem["msg"])
    shown = json.dumps(given, ensure_ascii=False) if _is_scalar(given) else _json_kind(given)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} is not accepted here"


def _expectation(problem: Any, loc: Loc, model: type[BaseModel]) -> tuple[str | None, str | None]:
    kind: str = problem["type"]
    ctx = problem.get("ctx") or {}
    if kind == "extra_forbidden":
        names = field_names_at(model, loc[:-1])
        wrong = str(loc[-1]) if loc else ""
        close = difflib.get_close_matches(wrong, names, n=3, cutoff=0.6)
        hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else None
        listed = ", ".join(sorted(names)) if names else None
        return (f"one of: {listed}" if listed else None), hint
    if kind == "missing":
        return None, None
    if kind == "enum":
        return f"one of {ctx.get('expected')}", None
    if kind == "literal_error":
        return f"{ctx.get('expected')}", None
    simple = {
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "int_from_float": "a whole number",
        "float_type": "a number",
        "string_type": "text",
        "date_type": "a date written YYYY-MM-DD",
        "date_parsing": "a date written YYYY-MM-DD",
        "date_from_datetime_parsing": "a date written YYYY-MM-DD",
        "date_from_datetime_inexact": "a date written YYYY-MM-DD",
        "reported_date": "a date written YYYY-MM-DD, or YYYY-MM or YYYY when only the month or "
        "year is known",
        "list_type": "a list",
        "dict_type": "a mapping",
        "model_type": "a mapping",
        "model_attributes_type": "a mapping",
    }
    if kind in simple:
        return simple[kind], None
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern == COUNTRY_PATTERN:
            return "a two-letter ISO 3166 country code in capitals, such as RU or KZ", None
        if pattern == JURISDICTION_PATTERN:
            return "a two-letter ISO 3166 country code in capitals, or INTL", None
        if pattern == IDENTIFIER_PATTERN:
            return "lower-case letters, digits, dots, dashes or underscores", None
        return f"text matching {pattern}", None
    if kind == "value_error":
        return None, None
    if kind == "contradiction":
        return "a number the dates allow", "leave the number out and lexcase computes it"
    msg = str(problem.get("msg", ""))
    return (msg[0].lower() + msg[1:]) if msg else None, None


COUNTRY_PATTERN = r"^[A-Z]{2}$"
JURISDICTION_PATTERN = r"^(?:[A-Z]{2}|INTL)$"
IDENTIFIER_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"


def field_names_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names (aliases) a model accepts at `loc`, for "did you mean" suggestions."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            by_alias = {(f.alias or n): f for n, f in current.model_fields.items()}
            info = by_alias.get(part)
            if info is None:
                return []
            current = info.annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [(f.alias or n) for n, f in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional, list and Annotated to reach the model inside."""
    for _ in range(8):
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            models = [a for a in members if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else members[0]
        elif origin in (list, tuple, set, frozenset):
            annotation = get_args(annotation)[0]
        else:
            break
    return annotation


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _json_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "text"
    if value is None:
        return "null"
    return type(value).__name__
