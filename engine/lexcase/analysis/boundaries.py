"""The values worth trying for a fact, read off the tests of the rules: each value a test compares
with, and the values on either side of it.

The counterfactual search and the interview both need to try a fact at values that could change
what the rules decide. Rather than a blind grid, the values come from the rules' own tests: both
truth values of a test on a yes/no fact, every value of a closed vocabulary, the day before, the
day of and the day after a date a rule compares with (a relational test's boundary is counted
from the other fact's value in the case), the number before, at and after a number compared
with, a record left out where a rule asks whether it is recorded. Values later than the case's
as-of date are left out: a fact cannot have happened after the date the case is seen on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lexcase.law.rulebook import Rulebook
from lexcase.model.dates import parse_reported, span
from lexcase.model.facts import FactPath, ValueKind, fact_path, value_at
from lexcase.model.rules import RELATIONAL_OPS, Op, Rule, Test


@dataclass
class Trial:
    """A value to try for one fact, and the rules whose tests suggested it."""

    path: str
    value: Any  # JSON data; None: the record left out
    rules: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, str]:
        return self.path, json.dumps(self.value, sort_keys=True)


def related_rules(rulebook: Rulebook, seeds: Iterable[str]) -> list[Rule]:
    """`seeds` and every rule that can change whether they hold: the rules concluding what they
    are given, and the rules that defeat them, and so on down."""
    seen: dict[str, Rule] = {}
    todo = list(seeds)
    while todo:
        rule_id = todo.pop()
        if rule_id in seen:
            continue
        rule = seen[rule_id] = rulebook.by_id[rule_id]
        for name in rule.given:
            todo.extend(rulebook.concluders.get(name, ()))
        todo.extend(rulebook.defeaters.get(rule_id, ()))
    return sorted(seen.values(), key=lambda r: r.id)


def trials(
    rules: Iterable[Rule], data: dict[str, Any], as_of: dt.date, wanted: set[str]
) -> list[Trial]:
    """The values to try for each fact in `wanted` that the tests of `rules` read, other than the
    value the case has, in a stable order."""
    found: dict[tuple[str, str], Trial] = {}

    def add(path: str, values: Iterable[Any], rule: Rule) -> None:
        fp = fact_path(path)
        current = json.dumps(value_at(data, path), sort_keys=True)
        for raw in values:
            value = _typed(fp, raw, as_of)
            if value is _SKIP:
                continue
            trial = Trial(path, value)
            if trial.key[1] == current:
                continue
            found.setdefault(trial.key, trial).rules.add(rule.id)

    for rule in rules:
        for condition in rule.conditions:
            for test in condition.tests:
                for path in _record_paths(condition.path, wanted):
                    if path == condition.path:
                        add(path, _values(fact_path(path), test, data), rule)
                    else:
                        add(path, [None], rule)  # an ancestor record, left out as a whole
                if test.op in RELATIONAL_OPS and test.other in wanted:
                    add(test.other, _reverse(condition.path, test, data), rule)
    return sorted(found.values(), key=lambda t: t.key)


_SKIP = object()


def _record_paths(path: str, wanted: set[str]) -> list[str]:
    """`path` and its ancestors that are wanted: a test of asylum.decision can be changed by
    leaving out asylum."""
    parts = path.split(".")
    return [p for p in (".".join(parts[:i]) for i in range(len(parts), 0, -1)) if p in wanted]


def _values(fp: FactPath, test: Test, data: dict[str, Any]) -> list[Any]:
    op, value = test.op, test.value
    if op is Op.KNOWN:
        return []
    if op is Op.PRESENT:
        return [None] if fp.kind is ValueKind.RECORD else []
    if fp.kind is ValueKind.BOOL:
        return [True, False]
    if fp.kind is ValueKind.ENUM:
        return list(fp.enum_values)
    if fp.kind is ValueKind.INT and isinstance(value, int):
        return [value - 1, value, value + 1]
    if fp.kind is ValueKind.DATE:
        if op in RELATIONAL_OPS:
            assert test.other is not None and test.days is not None
            other = value_at(data, test.other)
            if other is None:
                return []
            return _around(span(parse_reported(other)), (-1, 0, test.days, test.days + 1))
        return _around([dt.date.fromisoformat(value)], (-1, 0, 1))
    if fp.kind is ValueKind.TEXT:
        return list(value) if isinstance(value, list) else [value]
    if fp.kind is ValueKind.LIST and op in (Op.CONTAINS, Op.NOT_CONTAINS, Op.CONTAINS_ANY):
        current = list(value_at(data, fp.path) or [])
        items = value if isinstance(value, list) else [value]
        return [[*current, i] for i in items if i not in current] + [
            [c for c in current if c not in items]
        ]
    return []


def _reverse(path: str, test: Test, data: dict[str, Any]) -> list[Any]:
    """Values of a relational test's other fact around the boundary the test sets."""
    mine = value_at(data, path)
    if mine is None or test.days is None:
        return []
    return _around(span(parse_reported(mine)), (-test.days - 1, -test.days, 0, 1))


def _around(days: Iterable[dt.date], shifts: Iterable[int]) -> list[dt.date]:
    """The days `shifts` days from each of `days` (both ends of a date known only to the month
    or the year), in order, leaving out any before year 1 or after year 9999."""
    out = set()
    for day in days:
        for shift in shifts:
            try:
                out.add(day + dt.timedelta(days=shift))
            except OverflowError:
                continue
    return sorted(out)


def _typed(fp: FactPath, raw: Any, as_of: dt.date) -> Any:
    if raw is None:
        return None
    if isinstance(raw, dt.date):
        if raw > as_of:
            return _SKIP
        raw = raw.isoformat()
    try:
        return fp.parse(raw)
    except ValueError:
        return _SKIP
