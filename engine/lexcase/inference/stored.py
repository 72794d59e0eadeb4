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
import json
from typing import Any

from lexcase.inference.compiled import CompiledRulebook
from lexcase.inference.parts import Part, PartRules, Parts
from lexcase.law import cache
from lexcase.law.rulebook import Rulebook
from lexcase.model.trusted import Untrusted, build, typed

KIND = "compiled"  # the files' prefix in the cache folder: compiled-<entry key>.json, and
# compiled.<part label>-<entry key>.json for a part (`lexcase.inference.parts`)


def compiled_rulebook(
    rulebook: Rulebook, shuffle: int | None = None, part: Part | None = None
) -> CompiledRulebook:
    """`compile_rulebook(rulebook, shuffle=shuffle)`, or of the part `part` of it, read from
    beside the rule cache's entry when it was kept there (each part's apart from the whole's: a
    part compiled alone packs its tests into fewer fact copies than the whole's)."""
    known = cache.entry_key(rulebook)
    if shuffle is not None or known is None:
        return _rules(rulebook, part).compile(shuffle)
    # the part's value is in the key too: labels may meet on a file system blind to case
    key = known[1] if part is None else f"{known[1]} {json.dumps(part.value)}"
    kind = KIND if part is None else f"{KIND}.{part.label}"
    body = cache.read_aside(rulebook, kind)
    if body is not None:
        try:
            data = json.loads(body)
            if typed(data, dict).keys() != {"key", "compiled"} or data["key"] != key:
                raise Untrusted("written for another rulebook")
            kept: CompiledRulebook = build(CompiledRulebook, data["compiled"])
            return kept
        except (ValueError, TypeError):  # not JSON, not a JSON object, or Untrusted
            pass  # not what this compiler writes for these rules: compiled again, rewritten
    compiled = _rules(rulebook, part).compile()
    plain = encode(compiled)
    if plain is not None:
        body = json.dumps({"key": key, "compiled": plain}, separators=(",", ":")).encode()
        cache.store_aside(rulebook, kind, body)
    return compiled


def _rules(rulebook: Rulebook, part: Part | None) -> PartRules:
    """What the whole rulebook's or the part's ruleset is compiled from: worked out only when
    it is compiled: a part's, from every rule's tests, is not needed on a warm start."""
    return PartRules(rulebook) if part is None else Parts(rulebook).rules_of(part)


def encode(compiled: CompiledRulebook) -> Any:
    """`compiled` as plain JSON data, or None when it holds what JSON cannot carry back exactly
    (a value the compiler's types do not declare: never kept, so never read back changed)."""
    plain = _plain(compiled)
    try:
        if build(CompiledRulebook, json.loads(json.dumps(plain))) != compiled:
            return None
    except (ValueError, TypeError):  # Untrusted, or what JSON cannot hold (TypeError)
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
