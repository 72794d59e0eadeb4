"""The case text of the web page's editor: checked as it is typed, and edited by the form.

The form's fields are built from the case model (the same model /schema/case is made from): a
field's input follows its type (true/false/unknown, a date, a choice among the enum's values, a
list of codes). A field set in the form is written into the text with ruamel's round trip, so
the caseworker's comments and order stay as they were.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from lexcase.errors import CaseError, LexcaseError, Place
from lexcase.interfaces.http.models import ErrorDetail
from lexcase.model.case import Case
from lexcase.model.facts import ValueKind, fact_path
from lexcase.source import parse_document, validate

# The facts most cases turn on, in the order a caseworker asks about them.
COMMON = (
    "home_state",
    "host_state",
    "person.nationalities",
    "military.status",
    "military.state_secrets_access",
    "military.left_service.how",
    "military.left_service.on",
    "crossing.into",
    "crossing.date",
    "crossing.at_checkpoint",
    "asylum.applied_on",
    "asylum.decision.outcome",
    "home_proceedings.wanted_notice.international",
    "risk_on_return.torture",
)


@dataclass(frozen=True)
class FormField:
    path: str
    input: str  # "bool", "date", "choice", "text"
    choices: tuple[str, ...]
    description: str | None
    expected: str


@cache
def form_fields() -> tuple[FormField, ...]:
    out = []
    for path in COMMON:
        fp = fact_path(path)
        kind = {
            ValueKind.BOOL: "bool",
            ValueKind.DATE: "date",
            ValueKind.ENUM: "choice",
        }.get(fp.kind, "text")
        out.append(FormField(path, kind, fp.enum_values, fp.description, fp.expected()))
    return tuple(out)


def check(text: str) -> dict[str, Any]:
    """The first problem of the case text (with its line and field path), and the values of
    the form's facts as far as the text can be read."""
    facts: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    try:
        document = parse_document(text, "case", CaseError)
    except LexcaseError as error:
        return {"errors": [_detail(error)], "facts": facts}
    if isinstance(document.data, dict):
        for field in form_fields():
            facts[field.path] = _at(document.data, field.path)
    try:
        validate(Case, document, CaseError, "case")
    except LexcaseError as error:
        errors.append(_detail(error))
    return {"errors": errors, "facts": facts}


def _detail(error: LexcaseError) -> dict[str, Any]:
    return ErrorDetail.of(error).model_dump(exclude_none=True)


def _at(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def set_fact(text: str, path: str, raw: str) -> str:
    """`text` with the fact at `path` set to `raw` (as typed: true, 2022-09-26, RU,KZ; empty or
    unknown removes it). JSON text stays JSON; YAML keeps its comments."""
    fp = fact_path(path, Place("form", path=path))
    try:
        value = None if raw.strip() in ("", "unknown") else fp.parse_text(raw.strip())
    except ValueError as problem:
        raise CaseError(
            f"{raw!r} is not a value of {path}", Place("form", path=path), expected=str(problem)
        ) from None
    if fp.kind is ValueKind.DATE and isinstance(value, str):
        value = dt.date.fromisoformat(value)  # written as a date, not a quoted string
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        _put(data, path.split("."), value, dict)
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    tree = yaml.load(text) if text.strip() else CommentedMap()
    if not isinstance(tree, dict):
        raise CaseError("the case text is not a mapping", Place("case", 1), "a mapping of fields")
    _put(tree, path.split("."), value, CommentedMap)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _put(data: Any, parts: list[str], value: Any, mapping: type) -> None:
    for part in parts[:-1]:
        nested = data.get(part)
        if not isinstance(nested, dict):
            if value is None:
                return
            nested = data[part] = mapping()
        data = nested
    if value is None:
        data.pop(parts[-1], None)
    else:
        data[parts[-1]] = value
