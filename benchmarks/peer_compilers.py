"""The shipped rulebook compiled for two peers of lexcase, for the peer benchmark only.

* the **floor**: straight-line Python generated from the rules, one `if` after another in level
  order, no engine and no explanation: the fastest a Python program can decide these rules;
* a **zen-engine decision graph** (GoRules' JSON Decision Model): one expression node evaluating,
  in level order, every test, every rule's own status and every rule's verdict, with ZEN's
  expression language; `$.key` reads a value computed earlier in the same node, which is ZEN's
  quickest form of a chain of decisions (measured against one node per level).

Both implement the semantics of `lexcase.inference.compiler` (three-valued tests, givens,
defeats, undecided rules), the same as `tests/reference.py`; the peer benchmark checks that each
gives the same verdicts as lexcase on every case before any figure counts. Neither is used by
lexcase itself.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lexcase.law.rulebook import Rulebook
from lexcase.model.rules import Op, Rule, Test

# A rule's verdict: holds, defeated, undecided (open), or does not apply.
HOLDS, DEFEATED, OPEN, NO = "H", "D", "O", "N"
Verdicts = tuple[frozenset[str], frozenset[tuple[str, str]], frozenset[str]]


def ordered(rulebook: Rulebook) -> list[Rule]:
    return sorted(rulebook.rules, key=lambda r: (rulebook.levels[r.id], r.id))


def verdicts_from(rulebook: Rulebook, status: dict[str, str]) -> Verdicts:
    """The verdicts as lexcase's trace states them: a defeat names each defeater that held."""
    defeats = rulebook.defeaters
    return (
        frozenset(r for r, s in status.items() if s == HOLDS),
        frozenset(
            (r, d)
            for r, s in status.items()
            if s == DEFEATED
            for d in defeats.get(r, ())
            if status[d] == HOLDS
        ),
        frozenset(r for r, s in status.items() if s == OPEN),
    )


# --- the floor: generated Python --------------------------------------------------------------


@lru_cache(maxsize=4_096)
def _day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def _item(item: Any, wanted: Any) -> bool | None:
    if not isinstance(wanted, dict):
        return item == wanted
    result: bool | None = True
    for key, expected in wanted.items():
        if key not in item:
            result = None
        elif item[key] != expected:
            return False
    return result


def _contains(items: list[Any] | None, wanted: Any) -> bool | None:
    if items is None:
        return None
    matches = [_item(i, wanted) for i in items]
    if True in matches:
        return True
    return False if all(m is False for m in matches) else None


def _not_contains(items: list[Any] | None, wanted: Any) -> bool | None:
    found = _contains(items, wanted)
    return None if found is None else not found


_COMPARE = {
    Op.IS: "==",
    Op.IS_NOT: "!=",
    Op.IN: "in",
    Op.NOT_IN: "not in",
    Op.AT_LEAST: ">=",
    Op.ON_OR_AFTER: ">=",
    Op.AT_MOST: "<=",
    Op.ON_OR_BEFORE: "<=",
    Op.MORE_THAN: ">",
    Op.AFTER: ">",
    Op.LESS_THAN: "<",
    Op.BEFORE: "<",
}


def _py_test(test: Test, v: str, other: str | None) -> str:
    """One test as a Python expression: True, False, or None when unknown."""
    op, lit = test.op, repr(test.value)
    if op is Op.PRESENT:
        return f"({v} is not None) is {bool(test.value)}"
    if op is Op.KNOWN:
        return f"(True if {v} is not None else None)"
    if op in (Op.WITHIN_DAYS_AFTER, Op.MORE_THAN_DAYS_AFTER):
        gap = f"(_day({v}) - _day({other}))"
        check = (
            f"0 <= {gap} <= {test.days}" if op is Op.WITHIN_DAYS_AFTER else f"{gap} > {test.days}"
        )
        return f"(None if {v} is None or {other} is None else {check})"
    if op is Op.CONTAINS_ANY:
        return f"(None if {v} is None else any(i in {lit} for i in {v}))"
    if op is Op.CONTAINS:
        return f"_contains({v}, {lit})"
    if op is Op.NOT_CONTAINS:
        return f"_not_contains({v}, {lit})"
    return f"(None if {v} is None else {v} {_COMPARE[op]} {lit})"


def _py_read(path: str, names: dict[str, str], lines: list[str]) -> str:
    """The local variable holding the value at `path`, read once per case."""
    if path in names:
        return names[path]
    *parents, leaf = path.split(".")
    holder = "d" if not parents else _py_read(".".join(parents), names, lines)
    name = f"v{len(names)}"
    names[path] = name
    get = f"{holder}.get({leaf!r})"
    if holder != "d":
        get = f"({get} if {holder} is not None else None)"
    lines.append(f"    {name} = {get}")
    return name


def floor_source(rulebook: Rulebook) -> str:
    """The rulebook as one Python function of the case data: every rule's verdict."""
    lines = ["def decide(d):"]
    names: dict[str, str] = {}
    index = {r.id: i for i, r in enumerate(ordered(rulebook))}
    for rule in ordered(rulebook):
        i = index[rule.id]
        tests = []
        for condition in rule.conditions:
            v = _py_read(condition.path, names, lines)
            for test in condition.tests:
                other = _py_read(test.other, names, lines) if test.other else None
                tests.append(_py_test(test, v, other))
        lines.append(f"    own = ({', '.join(tests)},)" if tests else "    own = ()")
        lines.append("    own = False if False in own else (None if None in own else True)")
        givens = [
            f"(True if {' or '.join(f's{index[c]} == {HOLDS!r}' for c in sources)} else "
            f"(None if {' or '.join(f's{index[c]} == {OPEN!r}' for c in sources)} else False))"
            if sources
            else "False"
            for sources in (rulebook.concluders.get(name, ()) for name in rule.given)
        ]
        lines.append(f"    given = ({', '.join(givens)},)" if givens else "    given = ()")
        lines.append("    given = False if False in given else (None if None in given else True)")
        winners = [f"s{index[d]} == {HOLDS!r}" for d in rulebook.defeaters.get(rule.id, ())]
        lines.append(f"    won = {' or '.join(winners) or 'False'}")
        lines.append(
            f"    s{i} = ({DEFEATED!r} if won else {HOLDS!r}) if own is True and given is True "
            f"else ({OPEN!r} if own is not False and given is not False and not won else {NO!r})"
        )
    pairs = ", ".join(f"{r.id!r}: s{index[r.id]}" for r in ordered(rulebook))
    lines.append(f"    return {{{pairs}}}")
    return "\n".join(lines) + "\n"


def floor(rulebook: Rulebook) -> Callable[[dict[str, Any]], dict[str, str]]:
    namespace: dict[str, Any] = {
        "_day": _day,
        "_contains": _contains,
        "_not_contains": _not_contains,
    }
    exec(compile(floor_source(rulebook), "<floor>", "exec"), namespace)
    decide: Callable[[dict[str, Any]], dict[str, str]] = namespace["decide"]
    return decide


# --- zen-engine: a JSON Decision Model graph ------------------------------------------------


def _zen_literal(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_zen_literal(v) for v in value) + "]"
    return json.dumps(value)


def _zen_seconds(iso: str) -> int:
    """ZEN's `date('YYYY-MM-DD')`: seconds since 1970 at midnight UTC."""
    return int(dt.datetime.fromisoformat(iso).replace(tzinfo=dt.UTC).timestamp())


def _zen_item(wanted: Any) -> tuple[str, str]:
    """For a list item `#`: the expressions that it matches, and that it surely does not."""
    if not isinstance(wanted, dict):
        return f"# == {_zen_literal(wanted)}", f"# != {_zen_literal(wanted)}"
    true = " and ".join(f"#.{k} == {_zen_literal(v)}" for k, v in wanted.items())
    false = " or ".join(
        f"(#.{k} != null and #.{k} != {_zen_literal(v)})" for k, v in wanted.items()
    )
    return true, false


def _zen_test(test: Test, v: str, other: str | None, dates: bool) -> str:
    """One test as a ZEN expression: true, false, or null when unknown."""
    op, lit = test.op, _zen_literal(test.value)
    if op is Op.PRESENT:
        return f"({v} != null) == {_zen_literal(bool(test.value))}"
    if op is Op.KNOWN:
        return f"{v} == null ? null : true"
    if op in (Op.WITHIN_DAYS_AFTER, Op.MORE_THAN_DAYS_AFTER):
        gap = f"(date({v}) - date({other})) / 86400"
        check = (
            f"{gap} >= 0 and {gap} <= {test.days}"
            if op is Op.WITHIN_DAYS_AFTER
            else f"{gap} > {test.days}"
        )
        return f"({v} == null or {other} == null) ? null : ({check})"
    if op is Op.CONTAINS_ANY:
        return f"{v} == null ? null : some({v}, # in {lit})"
    if op in (Op.CONTAINS, Op.NOT_CONTAINS):
        true, false = _zen_item(test.value)
        yes, no = ("true", "false") if op is Op.CONTAINS else ("false", "true")
        return (
            f"{v} == null ? null : (some({v}, {true}) ? {yes} : (all({v}, {false}) ? {no} : null))"
        )
    if op is Op.IN:
        return f"{v} == null ? null : ({v} in {lit})"
    if op is Op.NOT_IN:
        return f"{v} == null ? null : not ({v} in {lit})"
    if dates and op in _COMPARE:
        return f"{v} == null ? null : (date({v}) {_COMPARE[op]} {_zen_seconds(test.value)})"
    return f"{v} == null ? null : ({v} {_COMPARE[op]} {lit})"


def _combine(keys: list[str]) -> str:
    if not keys:
        return "true"
    false = " or ".join(f"{k} == false" for k in keys)
    unknown = " or ".join(f"{k} == null" for k in keys)
    return f"({false}) ? false : (({unknown}) ? null : true)"


def zen_graph(rulebook: Rulebook, date_paths: frozenset[str]) -> dict[str, Any]:
    """The rulebook as a JDM decision graph: input -> one expression node -> output. The node's
    output holds `s<i>`, each rule's verdict (H, D, O or N), beside the steps towards it."""
    expressions: list[tuple[str, str]] = []
    index = {r.id: i for i, r in enumerate(ordered(rulebook))}
    for rule in ordered(rulebook):
        i = index[rule.id]
        tests = []
        for condition in rule.conditions:
            for test in condition.tests:
                key = f"t{i}_{len(tests)}"
                dated = condition.path in date_paths
                expressions.append((key, _zen_test(test, condition.path, test.other, dated)))
                tests.append(f"$.{key}")
        givens = []
        for name in rule.given:
            sources = rulebook.concluders.get(name, ())
            key = f"g{i}_{len(givens)}"
            held = " or ".join(f"$.s{index[c]} == '{HOLDS}'" for c in sources) or "false"
            opened = " or ".join(f"$.s{index[c]} == '{OPEN}'" for c in sources) or "false"
            expressions.append((key, f"({held}) ? true : (({opened}) ? null : false)"))
            givens.append(f"$.{key}")
        won = " or ".join(
            f"$.s{index[d]} == '{HOLDS}'" for d in rulebook.defeaters.get(rule.id, ())
        )
        expressions.append((f"o{i}", _combine(tests)))
        expressions.append((f"c{i}", _combine(givens)))
        expressions.append((f"w{i}", won or "false"))
        o, c, w = f"$.o{i}", f"$.c{i}", f"$.w{i}"
        expressions.append(
            (
                f"s{i}",
                f"({o} == true and {c} == true) ? ({w} ? '{DEFEATED}' : '{HOLDS}') : "
                f"(({o} != false and {c} != false and not {w}) ? '{OPEN}' : '{NO}')",
            )
        )
    node = {
        "id": "rules",
        "type": "expressionNode",
        "name": "rules",
        "position": {"x": 200, "y": 0},
        "content": {
            "expressions": [
                {"id": f"x{n}", "key": key, "value": value}
                for n, (key, value) in enumerate(expressions)
            ],
            "passThrough": False,
            "inputField": None,
            "outputPath": None,
            "executionMode": "single",
        },
    }
    return {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "case", "position": {"x": 0, "y": 0}},
            node,
            {"id": "out", "type": "outputNode", "name": "verdicts", "position": {"x": 400, "y": 0}},
        ],
        "edges": [
            {"id": "e1", "sourceId": "in", "targetId": "rules", "type": "edge"},
            {"id": "e2", "sourceId": "rules", "targetId": "out", "type": "edge"},
        ],
    }


def zen_statuses(rulebook: Rulebook, output: dict[str, Any]) -> dict[str, str]:
    return {r.id: output[f"s{i}"] for i, r in enumerate(ordered(rulebook))}
