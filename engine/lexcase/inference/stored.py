"""The compiled ruleset of a cached rulebook, kept beside its cache entry: a warm start does not
compile the rules again.

Compiling the shipped rulebook to durable_rules' definition takes about a fifth of `lexcase
evaluate`'s start; reading it back from JSON, a small part of that. The compiled form is kept
only for a rulebook the rule cache itself returned (`lexcase.law.cache.entry_key`), under that
entry's key, which covers lexcase's code (the compiler's version), the Python version and the
rule files; it is data read back into the compiler's own types, field by field, and anything
that does not fit them (a damaged or foreign file) is a miss: the rules are compiled, and the
file written again. A shuffled compilation (tests) is never kept.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from lexcase.inference.compiler import CompiledRulebook, compile_rulebook
from lexcase.law import cache
from lexcase.law.rulebook import Rulebook

KIND = "compiled"  # the files' prefix in the cache folder: compiled-<entry key>.json


def compiled_rulebook(rulebook: Rulebook, shuffle: int | None = None) -> CompiledRulebook:
    """`compile_rulebook(rulebook, shuffle=shuffle)`, read from beside the rule cache's entry
    when it was kept there."""
    known = cache.entry_key(rulebook)
    if shuffle is not None or known is None:
        return compile_rulebook(rulebook, shuffle=shuffle)
    key = known[1]
    body = cache.read_aside(rulebook, KIND)
    if body is not None:
        try:
            data = json.loads(body)
            if _typed(data, dict).keys() != {"key", "compiled"} or data["key"] != key:
                raise KeyError("written for another rulebook")
            kept: CompiledRulebook = _decode(CompiledRulebook, data["compiled"])
            return kept
        except (ValueError, TypeError, KeyError):
            pass  # not what this compiler writes for these rules: compiled again, rewritten
    compiled = compile_rulebook(rulebook)
    plain = encode(compiled)
    if plain is not None:
        body = json.dumps({"key": key, "compiled": plain}, separators=(",", ":")).encode()
        cache.store_aside(rulebook, KIND, body)
    return compiled


def encode(compiled: CompiledRulebook) -> Any:
    """`compiled` as plain JSON data, or None when it holds what JSON cannot carry back exactly
    (a value the compiler's types do not declare: never kept, so never read back changed)."""
    plain = _plain(compiled)
    try:
        if _decode(CompiledRulebook, json.loads(json.dumps(plain))) != compiled:
            return None
    except (ValueError, TypeError, KeyError):
        return None
    return plain


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    return value


def _decode(kind: Any, data: Any) -> Any:
    """`data` (plain JSON) as a value of the type `kind`, as the compiler's types declare it."""
    return _decoder(kind)(data)


Decode = Callable[[Any], Any]


@functools.cache
def _decoder(kind: Any) -> Decode:
    """The function that reads plain JSON as a value of `kind` (made once per type)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is Any:
        return lambda data: data
    if origin in (typing.Union, types.UnionType):
        (other,) = [a for a in args if a is not type(None)]
        inner = _decoder(other)
        return lambda data: None if data is None else inner(data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    if origin is dict:
        key, item = map(_decoder, args)
        return lambda data: {key(k): item(v) for k, v in _typed(data, dict).items()}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        each = _decoder(args[0])
        return lambda data: tuple(each(item) for item in _typed(data, list))
    if origin is tuple:
        parts = [_decoder(a) for a in args]
        return lambda data: tuple(p(v) for p, v in zip(parts, _typed(data, list), strict=True))
    if origin in (list, set, frozenset):
        each, make = _decoder(args[0]), origin
        return lambda data: make(each(item) for item in _typed(data, list))
    if kind in (str, int, float, bool):
        return lambda data: _typed(data, kind)
    raise TypeError(f"no JSON form for {kind}")


def _dataclass_decoder(kind: type) -> Decode:
    hints = typing.get_type_hints(kind)
    fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(kind)}

    def decode(data: Any) -> Any:
        if _typed(data, dict).keys() != fields.keys():
            raise KeyError("the fields of another version")
        return kind(**{name: fields[name](value) for name, value in data.items()})

    return decode


def _typed(data: Any, kind: type) -> Any:
    if type(data) is not kind:
        raise TypeError(f"{kind.__name__} expected")
    return data
