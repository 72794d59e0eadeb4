"""Plain JSON read back into lexcase's own types without validating it again: for data lexcase
wrote itself and checked on the way back (the compiled ruleset kept beside a rule cache entry,
`lexcase.inference.stored`).

Only what the types declare is accepted (dataclasses, enums, dates, tuples, lists, dicts,
unions, str, int, float, bool, None); anything else raises `Untrusted`, and the caller makes the
value again. Pydantic models are not built here: measured on the cached rulebook, pydantic's own
JSON validation (Rust) was three times faster than building the models field by field with
`model_construct` (22 against 74 ms), so the rule cache validates its entries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

Build = Callable[[Any], Any]


class Untrusted(ValueError):
    """The data does not have the shape its type declares."""


def build(kind: Any, data: Any) -> Any:
    """`data` (plain JSON) as a value of the type `kind`, as lexcase's types declare it."""
    try:
        return builder(kind)(data)
    except (TypeError, KeyError, ValueError) as exc:
        raise Untrusted(str(exc)) from None


@functools.cache
def builder(kind: Any) -> Build:
    """The function that reads plain JSON as a value of `kind` (made once per type)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is Any:
        return lambda data: data
    if origin is typing.Annotated:
        return builder(args[0])  # the constraints held when lexcase wrote the data
    if origin in (typing.Union, types.UnionType):
        return _union(args)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    if kind is dt.date:
        return lambda data: dt.date.fromisoformat(typed(data, str))
    if origin is dict and args == (str, Any):
        return _text_keyed  # a compiled pattern or fact: thousands of them, read at each start
    if origin is dict:
        key, item = map(builder, args)
        return lambda data: {key(k): item(v) for k, v in typed(data, dict).items()}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        each = builder(args[0])
        return lambda data: tuple(each(item) for item in typed(data, list))
    if origin is tuple:
        parts = [builder(a) for a in args]
        return lambda data: tuple(p(v) for p, v in zip(parts, typed(data, list), strict=True))
    if origin in (list, set, frozenset):
        each, make = builder(args[0]), origin
        return lambda data: make(each(item) for item in typed(data, list))
    if kind in (str, int, float, bool, type(None)):
        return lambda data: typed(data, kind)
    raise TypeError(f"no JSON form for {kind}")


def _text_keyed(data: Any) -> dict[str, Any]:
    """`dict[str, Any]`: what the general dict reader gives, read at C speed."""
    if type(data) is not dict or not all(type(key) is str for key in data):
        raise TypeError("an object with text keys expected")
    return dict(data)


def typed(data: Any, kind: type) -> Any:
    if type(data) is not kind:
        raise TypeError(f"{kind.__name__} expected, not {type(data).__name__}")
    return data


def _json_kind(kind: Any) -> type:
    """The JSON value's Python type that a member of a union is written as."""
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return _json_kind(typing.get_args(kind)[0])
    if origin in (list, tuple, set, frozenset):
        return list
    if origin is dict:
        return dict
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return dict
    if kind is dt.date or (isinstance(kind, type) and issubclass(kind, enum.StrEnum)):
        return str
    if kind in (str, int, float, bool, type(None)):
        return typing.cast(type, kind)
    raise TypeError(f"no JSON form for {kind}")


def _union(members: tuple[Any, ...]) -> Build:
    by_kind: dict[type, Build] = {}
    for member in members:  # the first member written as each JSON kind reads it
        by_kind.setdefault(_json_kind(member), builder(member))

    def read(data: Any) -> Any:
        return by_kind[type(data)](data)

    return read


def _dataclass(kind: type) -> Build:
    hints = typing.get_type_hints(kind)
    fields = {f.name: builder(hints[f.name]) for f in dataclasses.fields(kind)}

    def read(data: Any) -> Any:
        if typed(data, dict).keys() != fields.keys():
            raise KeyError(f"the fields of another version of {kind.__name__}")
        return kind(**{name: fields[name](value) for name, value in data.items()})

    return read
