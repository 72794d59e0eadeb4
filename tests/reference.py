"""A reference evaluator: lexcase's rule semantics in plain Python, for tests and benchmarks only.

It is the oracle the durable_rules engine is checked against, so it is written to be obviously
right rather than fast: every rule, level by level, three-valued, straight from the definitions in
the docstring of `lexcase.inference.compiler`. The engine never uses it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from lexcase.law.rulebook import Rulebook
from lexcase.model.facts import value_at
from lexcase.model.rules import Op, Rule, Test


class V(Enum):
    TRUE = "T"
    FALSE = "F"
    UNKNOWN = "U"


@dataclass
class ReferenceTrace:
    holds: set[str] = field(default_factory=set)
    defeated: set[tuple[str, str]] = field(default_factory=set)
    open: set[str] = field(default_factory=set)


def _both(a: bool) -> V:
    return V.TRUE if a else V.FALSE


def _days(iso: str) -> range:
    """Every day number a date of case data may be: one day, or each day of a month or a year
    when the case knows the date only so far (`2022-09`, `2022`). Written out day by day, on
    purpose: the engine reasons on the span's ends, this oracle on its every day."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        first = last = dt.date(*parts)
    elif len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
    else:
        first, last = dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    return range(first.toordinal(), last.toordinal() + 1)


def _every(outcomes: list[bool]) -> V:
    """True if every possible day gives true, false if every one gives false, else unknown."""
    if all(outcomes):
        return V.TRUE
    return V.FALSE if not any(outcomes) else V.UNKNOWN


def _is_date_test(test: Test, value: Any) -> bool:
    return test.op in _DATE_ORDER and isinstance(value, str)


_DATE_ORDER = {Op.ON_OR_AFTER, Op.ON_OR_BEFORE, Op.AFTER, Op.BEFORE}


def test_value(test: Test, value: Any, data: dict[str, Any]) -> V:
    """One test on one fact's value (None when unknown)."""
    op = test.op
    if op is Op.PRESENT:
        return _both((value is not None) == bool(test.value))
    if value is None:
        return V.UNKNOWN
    if op is Op.KNOWN:
        return V.TRUE
    if op in (Op.WITHIN_DAYS_AFTER, Op.MORE_THAN_DAYS_AFTER):
        assert test.other is not None and test.days is not None
        other = value_at(data, test.other)
        if other is None:
            return V.UNKNOWN
        days = test.days
        gaps = [a - b for a in _days(value) for b in _days(other)]
        if op is Op.WITHIN_DAYS_AFTER:
            return _every([0 <= gap <= days for gap in gaps])
        return _every([gap > days for gap in gaps])
    v = test.value
    if _is_date_test(test, value):
        wanted = dt.date.fromisoformat(str(v)).toordinal()
        return _every([_order(op, day, wanted) for day in _days(value)])
    if op is Op.IS:
        return _both(value == v)
    if op is Op.IS_NOT:
        return _both(value != v)
    if op is Op.IN:
        return _both(value in v)
    if op is Op.NOT_IN:
        return _both(value not in v)
    if op in (Op.AT_LEAST, Op.ON_OR_AFTER):
        return _both(value >= v)
    if op in (Op.AT_MOST, Op.ON_OR_BEFORE):
        return _both(value <= v)
    if op in (Op.MORE_THAN, Op.AFTER):
        return _both(value > v)
    if op in (Op.LESS_THAN, Op.BEFORE):
        return _both(value < v)
    items: list[Any] = value
    if op is Op.CONTAINS_ANY:
        return _both(any(item in v for item in items))
    matches = [_item(item, v) for item in items]
    if op is Op.CONTAINS:
        if any(m is V.TRUE for m in matches):
            return V.TRUE
        return V.FALSE if all(m is V.FALSE for m in matches) else V.UNKNOWN
    assert op is Op.NOT_CONTAINS
    if any(m is V.TRUE for m in matches):
        return V.FALSE
    return V.TRUE if all(m is V.FALSE for m in matches) else V.UNKNOWN


def _order(op: Op, day: int, wanted: int) -> bool:
    if op is Op.ON_OR_AFTER:
        return day >= wanted
    if op is Op.ON_OR_BEFORE:
        return day <= wanted
    if op is Op.AFTER:
        return day > wanted
    return day < wanted


def _item(item: Any, wanted: Any) -> V:
    """Whether one list item matches: a plain value, or a record against the wanted fields (a
    field the record lacks leaves the match unknown)."""
    if not isinstance(wanted, dict):
        return _both(item == wanted)
    result = V.TRUE
    for key, expected in wanted.items():
        if key not in item:
            if result is V.TRUE:
                result = V.UNKNOWN
        elif item[key] != expected:
            return V.FALSE
    return result


def combine(values: list[V]) -> V:
    if any(v is V.FALSE for v in values):
        return V.FALSE
    if any(v is V.UNKNOWN for v in values):
        return V.UNKNOWN
    return V.TRUE


def own_status(rule: Rule, data: dict[str, Any]) -> V:
    return combine(
        [test_value(t, value_at(data, c.path), data) for c in rule.conditions for t in c.tests]
    )


def evaluate_reference(rulebook: Rulebook, data: dict[str, Any]) -> ReferenceTrace:
    trace = ReferenceTrace()
    status: dict[str, str] = {}  # holds | defeated | open | no
    for rule in sorted(rulebook.rules, key=lambda r: rulebook.levels[r.id]):
        own = own_status(rule, data)
        givens = []
        for name in rule.given:
            sources = [status[s] for s in rulebook.concluders[name]]
            if "holds" in sources:
                givens.append(V.TRUE)
            elif "open" in sources:
                givens.append(V.UNKNOWN)
            else:
                givens.append(V.FALSE)
        given = combine(givens)
        winners = [d for d in rulebook.defeaters.get(rule.id, ()) if status[d] == "holds"]
        if own is V.TRUE and given is V.TRUE:
            if winners:
                status[rule.id] = "defeated"
                trace.defeated.update((rule.id, d) for d in winners)
            else:
                status[rule.id] = "holds"
                trace.holds.add(rule.id)
        elif own is not V.FALSE and given is not V.FALSE and not winners:
            status[rule.id] = "open"
            trace.open.add(rule.id)
        else:
            status[rule.id] = "no"
    return trace
