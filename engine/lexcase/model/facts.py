"""The case as facts: the paths rules may test, the case as known on a date, and the section facts
handed to the inference engine.

A fact path names a field of the case model by its aliases: `crossing.at_checkpoint`,
`asylum.decision.outcome`, `home_proceedings.charges`. Top-level values (`as_of`, `home_state`,
`host_state`) form the section `case`; every other top-level part is a section of its own. The
engine receives one fact per section, which keeps each fact's matching work small.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import json
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from lexcase.errors import CaseError, FactPathError, Place
from lexcase.model.case import DESCRIPTIVE_FIELDS, MUTABLE, Case, Record
from lexcase.model.counts import with_counts
from lexcase.model.dates import parse_reported, span
from lexcase.source import COUNTRY_PATTERN, Document, describe

CASE_SECTION = "case"
MUTABLE_KEY = next(iter(MUTABLE))
DAY_SUFFIX = "__day"  # integer day number beside every date, for date arithmetic in the engine
# For a date known only to the month or year (see lexcase.model.dates.Approx), DAY_SUFFIX carries
# its first possible day and LAST_SUFFIX its last; for a date known to the day they are equal.
LAST_SUFFIX = "__last"
COUNT_SUFFIX = "__n"  # length beside every list, since durable's $iall is false on an empty list
PRESENT_KEY = "__present"  # set in a section's fact when the case records that section at all


class ValueKind(StrEnum):
    TEXT = "text"
    BOOL = "bool"
    INT = "int"
    DATE = "date"
    ENUM = "enum"
    LIST = "list"  # a list of plain values (codes, text)
    RECORDS = "records"  # a list of records
    RECORD = "record"  # a nested part with fields of its own


@dataclass(frozen=True)
class FactPath:
    """One testable field of the case model."""

    path: str
    section: str
    key: str  # the path inside its section fact
    kind: ValueKind
    annotation: Any = field(repr=False, compare=False)
    enum_values: tuple[str, ...] = ()
    item: FactPath | None = None  # for LIST: the item type
    item_fields: dict[str, FactPath] = field(default_factory=dict, compare=False)  # for RECORDS
    description: str | None = None
    country: bool = False  # text holding an ISO 3166 country code
    mutable: bool = False  # marked MUTABLE on the case model: a fact the person could change

    @property
    def ordered(self) -> bool:
        return self.kind in (ValueKind.INT, ValueKind.DATE)

    def expected(self) -> str:
        """What a value for this path looks like, in words."""
        if self.kind is ValueKind.ENUM:
            return "one of " + ", ".join(self.enum_values)
        if self.kind is ValueKind.LIST and self.item is not None:
            return f"a list, each item {self.item.expected()}"
        if self.country:
            return "a two-letter country code in capitals, such as RU or KZ"
        return {
            ValueKind.TEXT: "text",
            ValueKind.BOOL: "true or false",
            ValueKind.INT: "a whole number",
            ValueKind.DATE: "a date written YYYY-MM-DD (or YYYY-MM, YYYY when only the month or "
            "year is known)",
            ValueKind.RECORDS: "a list of records",
            ValueKind.RECORD: "a mapping of fields",
        }.get(self.kind, str(self.kind))

    def parse(self, value: Any) -> Any:
        """Validate a value for this path and return it as JSON data (dates as ISO strings)."""
        adapter = _adapter(self.annotation)
        try:
            parsed = adapter.validate_json(json.dumps(value), strict=True)
        except (ValidationError, TypeError, ValueError):
            raise ValueError(self.expected()) from None
        return adapter.dump_python(parsed, mode="json", by_alias=True, exclude_none=True)

    def parse_text(self, text: str) -> Any:
        """Parse a value typed on a command line or in a scenario step."""
        if text in ("null", "unknown"):
            return None
        if self.kind in (
            ValueKind.BOOL,
            ValueKind.INT,
            ValueKind.LIST,
            ValueKind.RECORDS,
            ValueKind.RECORD,
        ):
            try:
                return self.parse(json.loads(text))
            except json.JSONDecodeError:
                if self.kind is ValueKind.LIST:  # RU,KZ
                    return self.parse([t.strip() for t in text.split(",") if t.strip()])
                raise ValueError(self.expected()) from None
        return self.parse(text)


@cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _strip_optional(annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation


def _base_type(annotation: Any) -> Any:
    annotation = _strip_optional(annotation)
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _describe(
    model: type[BaseModel], prefix: str, section: str, key_prefix: str, out: dict[str, FactPath]
) -> None:
    for name, info in model.model_fields.items():
        alias = info.alias or name
        path = f"{prefix}{alias}"
        key = f"{key_prefix}{alias}"
        annotation = _strip_optional(info.annotation)
        base = _base_type(annotation)
        fp = _marked(_fact_path(path, section, key, annotation, base, info.description), info)
        out[path] = fp
        if fp.kind is ValueKind.RECORD:
            _describe(base, f"{path}.", section, f"{key}.", out)


def _fact_path(
    path: str, section: str, key: str, annotation: Any, base: Any, description: str | None
) -> FactPath:
    if get_origin(base) is list:
        item = _base_type(get_args(base)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            fields: dict[str, FactPath] = {}
            _describe(item, "", section, "", fields)
            return FactPath(
                path,
                section,
                key,
                ValueKind.RECORDS,
                annotation,
                item_fields=fields,
                description=description,
            )
        item_fp = _fact_path(path, section, key, get_args(base)[0], item, None)
        return FactPath(
            path, section, key, ValueKind.LIST, annotation, item=item_fp, description=description
        )
    if isinstance(base, type) and issubclass(base, BaseModel):
        return FactPath(path, section, key, ValueKind.RECORD, annotation, description=description)
    if isinstance(base, type) and issubclass(base, StrEnum):
        return FactPath(
            path,
            section,
            key,
            ValueKind.ENUM,
            annotation,
            enum_values=tuple(m.value for m in base),
            description=description,
        )
    kind = {bool: ValueKind.BOOL, int: ValueKind.INT, dt.date: ValueKind.DATE, str: ValueKind.TEXT}
    if base not in kind:
        raise TypeError(f"no fact kind for {path}: {base!r}")
    return FactPath(
        path,
        section,
        key,
        kind[base],
        annotation,
        description=description,
        country=_is_country(annotation),
    )


def _is_country(annotation: Any) -> bool:
    annotation = _strip_optional(annotation)
    if get_origin(annotation) is not typing.Annotated:
        return False
    return any(getattr(m, "pattern", None) == COUNTRY_PATTERN for m in get_args(annotation)[1:])


@cache
def fact_paths() -> dict[str, FactPath]:
    """Every path a rule may test, by name."""
    out: dict[str, FactPath] = {}
    for name, info in Case.model_fields.items():
        alias = info.alias or name
        if alias in DESCRIPTIVE_FIELDS:
            continue
        annotation = _strip_optional(info.annotation)
        base = _base_type(annotation)
        if isinstance(base, type) and issubclass(base, BaseModel):
            out[alias] = FactPath(
                alias,
                alias,
                PRESENT_KEY,
                ValueKind.RECORD,
                annotation,
                description=info.description,
                mutable=_is_mutable(info),
            )
            _describe(base, f"{alias}.", alias, "", out)
        else:
            fp = _fact_path(alias, CASE_SECTION, alias, annotation, base, info.description)
            out[alias] = _marked(fp, info)
    return out


def _is_mutable(info: FieldInfo) -> bool:
    extra = info.json_schema_extra
    return isinstance(extra, dict) and extra.get(MUTABLE_KEY) is True


def _marked(fp: FactPath, info: FieldInfo) -> FactPath:
    return dataclasses.replace(fp, mutable=True) if _is_mutable(info) else fp


def sections() -> list[str]:
    return sorted({fp.section for fp in fact_paths().values()})


def fact_path(path: str, place: Place | None = None) -> FactPath:
    """The fact path called `path`, or an error that suggests the closest ones."""
    known = fact_paths()
    if path in known:
        return known[path]
    # One near-certain match is worth more than three guesses.
    close = difflib.get_close_matches(path, list(known), n=1, cutoff=0.85) or (
        difflib.get_close_matches(path, list(known), n=3, cutoff=0.5)
    )
    raise FactPathError(
        f"'{path}' is not a fact of the case model",
        place or Place(),
        expected="a dotted path such as crossing.at_checkpoint (see `lexcase schema`)",
        suggestion=f"did you mean {' or '.join(close)}?" if close else None,
    )


# --- the case as known on a date ------------------------------------------------------------


def as_of(case: Case, date: dt.date | None) -> Case:
    """The case as known on `date`: every record dated after it is left out, and the numbers its
    dates settle on that day are filled in (`lexcase.model.counts`). A record dated only to the
    month or year is kept once it has surely happened: from the last day of its span, or from the
    case's own as-of date if that comes first (the file records it as past by then)."""
    if date is None or date == case.as_of:
        return with_counts(case)
    pruned = _prune(case, date, case.as_of)
    assert isinstance(pruned, Case)
    return with_counts(pruned.model_copy(update={"as_of": date}))


def _prune(value: Any, date: dt.date, recorded_by: dt.date) -> Any:
    if isinstance(value, Record):
        when = value.event_date()
        if when is not None and min(span(when)[1], recorded_by) > date:
            return None
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            current = getattr(value, name)
            pruned = _prune(current, date, recorded_by)
            if pruned is not current:
                updates[name] = pruned
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, list):
        kept = [p for p in (_prune(v, date, recorded_by) for v in value) if p is not None]
        return (
            kept
            if len(kept) != len(value) or any(a is not b for a, b in zip(kept, value, strict=True))
            else value
        )
    return value


# --- the case as data -----------------------------------------------------------------------


def case_data(case: Case) -> dict[str, Any]:
    """The case as JSON data, unknown fields left out."""
    data: dict[str, Any] = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    return data


def value_at(data: dict[str, Any], path: str) -> Any:
    """The value at a dotted path of case data, or None when unknown."""
    current: Any = data
    for part in _steps(path):
        if not isinstance(current, dict):
            return None
        current = current.get(part)
    return current


@lru_cache(maxsize=4_096)
def _steps(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


def known_paths(data: dict[str, Any]) -> frozenset[str]:
    """The fact paths whose value the case records."""
    return frozenset(p for p in fact_paths() if value_at(data, p) is not None)


class Reading(StrEnum):
    """How one value of an engine fact is read from the case."""

    VALUE = "value"  # the value itself
    DAY = "day"  # a date's (first possible) day number (key + DAY_SUFFIX)
    LAST = "last"  # a date's last possible day number (key + LAST_SUFFIX)
    COUNT = "count"  # a list's length (key + COUNT_SUFFIX)
    PRESENT = "present"  # whether the case records the section at all (PRESENT_KEY)


# The values an engine fact carries: key -> (the case field it is read from, how), or the shape of
# a record nested under that key.
Shape = dict[str, "tuple[str, Reading] | Shape"]


def fact_shape(keys: Iterable[str]) -> Shape:
    """The shape of an engine fact carrying `keys`: keys of a section's fact, dotted inside
    records, with `DAY_SUFFIX` or `COUNT_SUFFIX` where the engine reads a day number or a length.
    The engine is sent only what its rules read: every other value would cost parsing and
    matching for nothing."""
    shape: Shape = {}
    for key in sorted(keys):
        *parents, last = key.split(".")
        node = shape
        for part in parents:
            inner = node.get(part)
            if not isinstance(inner, dict):
                # A record read both whole (is it recorded?) and field by field: the nested
                # shape keeps the record's key whenever the case has the record.
                inner = node[part] = {}
            node = inner
        if last in node:
            continue
        if last == PRESENT_KEY:
            node[last] = (last, Reading.PRESENT)
        elif last.endswith(DAY_SUFFIX):
            node[last] = (last.removesuffix(DAY_SUFFIX), Reading.DAY)
        elif last.endswith(LAST_SUFFIX):
            node[last] = (last.removesuffix(LAST_SUFFIX), Reading.LAST)
        elif last.endswith(COUNT_SUFFIX):
            node[last] = (last.removesuffix(COUNT_SUFFIX), Reading.COUNT)
        else:
            node[last] = (last, Reading.VALUE)
    return shape


@dataclass(frozen=True)
class FactReader:
    """Reads an engine fact of one shape (see `fact_shape`) from a part of case data. The shape
    is sorted by reading once, so that reading a case is a few dict lookups per value."""

    values: tuple[tuple[str, str], ...]  # (key, case field) read as they are
    days: tuple[tuple[str, str], ...]  # (key, date field) read as first day numbers
    lasts: tuple[tuple[str, str], ...]  # (key, date field) read as last day numbers
    counts: tuple[tuple[str, str], ...]  # (key, list field) read as lengths
    present: str | None  # the key set when the case records the section
    records: tuple[tuple[str, FactReader], ...]  # nested records, each read in its own shape

    @classmethod
    def of(cls, shape: Shape) -> FactReader:
        by: dict[Reading, list[tuple[str, str]]] = {reading: [] for reading in Reading}
        records = []
        for key, how in shape.items():
            if isinstance(how, dict):
                records.append((key, cls.of(how)))
            else:
                by[how[1]].append((key, how[0]))
        present = by[Reading.PRESENT]
        return cls(
            values=tuple(by[Reading.VALUE]),
            days=tuple(by[Reading.DAY]),
            lasts=tuple(by[Reading.LAST]),
            counts=tuple(by[Reading.COUNT]),
            present=present[0][0] if present else None,
            records=tuple(records),
        )

    def read(self, body: dict[str, Any], recorded: bool) -> dict[str, Any]:
        out = {key: value for key, source in self.values if (value := body.get(source)) is not None}
        for key, source in self.days:
            if (value := body.get(source)) is not None:
                out[key] = _day_number(value, 0)
        for key, source in self.lasts:
            if (value := body.get(source)) is not None:
                out[key] = _day_number(value, 1)
        for key, source in self.counts:
            if (value := body.get(source)) is not None:
                out[key] = len(value)
        if recorded and self.present is not None:
            out[self.present] = True
        for key, reader in self.records:
            inner = body.get(key)
            if isinstance(inner, dict):
                out[key] = reader.read(inner, False)
        return out


def _day_number(iso: str, end: int) -> int:
    """The first (`end` 0) or last (1) day number a date of case data may be."""
    if len(iso) == 10:  # known to the day: the common case, read fast
        return dt.date.fromisoformat(iso).toordinal()
    return span(parse_reported(iso))[end].toordinal()


def section_fact(data: dict[str, Any], section: str, reader: FactReader) -> dict[str, Any]:
    """The engine fact of one section of case data (as `case_data` gives it), as `reader` reads
    it."""
    body = data if section == CASE_SECTION else data.get(section)
    if body is None:
        return {}
    return reader.read(body, section != CASE_SECTION)


# --- changing facts -------------------------------------------------------------------------


def with_facts(case: Case, changes: Mapping[str, Any], *, as_text: bool = False) -> Case:
    """The case with facts set by path, validated again as a whole. A value of None (or, as text,
    `unknown` or `null`) makes the fact unknown. With `as_text`, values are parsed as typed on a
    command line or in a scenario (`true`, `2022-09-26`, `RU,KZ`)."""
    data = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    for path, raw in changes.items():
        fp = fact_path(path)
        try:
            value = (
                fp.parse_text(raw)
                if as_text and isinstance(raw, str)
                else (None if raw is None else fp.parse(raw))
            )
        except ValueError as problem:
            shown = raw if isinstance(raw, str) else json.dumps(raw)
            raise CaseError(
                f"{shown!r} is not a value of {path}", Place(path=path), expected=str(problem)
            ) from None
        _set(data, path.split("."), value)
    try:
        return Case.model_validate_json(json.dumps(data), strict=True)
    except ValidationError as exc:
        raise describe(exc, Document(None, data, {}), CaseError, Case) from None


def _set(data: dict[str, Any], parts: list[str], value: Any) -> None:
    target = data
    for part in parts[:-1]:
        nested = target.get(part)
        if not isinstance(nested, dict):
            if value is None:
                return  # already unknown
            nested = target[part] = {}
        target = nested
    if value is None:
        target.pop(parts[-1], None)
    else:
        target[parts[-1]] = value
