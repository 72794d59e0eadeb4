"""Hypothesis strategies for cases and small rule sets, derived from the case model itself.

Every strategy is built from `lexcase.model.facts.fact_paths()`, so a field added to the case model
is generated without touching this file. Values cluster where rules can change their answer: every
date a rule compares with (the day before, the day, the day after), every number ± 1, every value a
rule tests for, every enum value, lists empty and not, records with fields missing, and any fact
left unknown.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import string
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, get_args

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from casegen import consistent
from lexcase.law.rulebook import Rulebook
from lexcase.model.case import Case
from lexcase.model.facts import FactPath, ValueKind, fact_paths
from lexcase.model.rules import RELATIONAL_OPS, Op

Draw = Callable[[st.SearchStrategy[Any]], Any]
# Examples per property test scale with LEXCASE_FUZZ_SCALE (default 1: `make test` stays quick;
# e.g. LEXCASE_FUZZ_SCALE=20 for a long search before a release).
FUZZ_SCALE = int(os.environ.get("LEXCASE_FUZZ_SCALE", "1"))


def budget(count: int) -> settings:
    """Settings of a property test: `count` examples (times LEXCASE_FUZZ_SCALE), no deadline
    (compiling a rule set takes longer than hypothesis' default 200 ms)."""
    return settings(
        max_examples=count * FUZZ_SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


ANCHOR = dt.date(2022, 9, 26)  # the article's crossing: dates spread around it too


@dataclass
class Boundaries:
    """The values rules compare facts with, by fact path, and the day gaps of relational tests."""

    values: dict[str, set[Any]] = field(default_factory=dict)
    dates: set[str] = field(default_factory=set)
    gaps: set[int] = field(default_factory=lambda: {0, 1})

    @classmethod
    def of(cls, rulebooks: Iterable[Rulebook]) -> Boundaries:
        found = cls()
        for rulebook in rulebooks:
            for rule in rulebook.rules:
                for condition in rule.conditions:
                    for test in condition.tests:
                        found._note(condition.path, test.op, test.value, test.days)
        return found

    def _note(self, path: str, op: Op, value: Any, days: int | None) -> None:
        fp = fact_paths()[path]
        if op in RELATIONAL_OPS:
            assert days is not None
            self.gaps.update({max(days - 1, 0), days, days + 1})
            return
        if op in (Op.PRESENT, Op.KNOWN):  # only whether the fact is recorded
            return
        values = self.values.setdefault(path, set())
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):  # a record's fields
                for name, v in item.items():
                    self.values.setdefault(f"{path}.{name}", set()).add(v)
            elif fp.kind is ValueKind.DATE:
                day = dt.date.fromisoformat(item)
                near = {(day + dt.timedelta(days=d)).isoformat() for d in (-1, 0, 1)}
                self.dates.update(near)
                values.update(near)
            elif fp.kind is ValueKind.INT and not isinstance(item, bool):
                values.update({item - 1, item, item + 1})
            elif item is not None and not isinstance(item, bool):
                values.add(item)


@cache
def _shipped_boundaries() -> Boundaries:
    from lexcase.law.loader import load_rulebook

    return Boundaries.of([load_rulebook()])


def valid(fp: FactPath, value: Any, key: str | None = None) -> bool:
    """Whether the case model takes `value` for the field (`key`, when it is a record item's)."""
    try:
        fp.parse(value)
    except ValueError:
        return False
    # FactPath.parse checks the type, not the field's bounds (e.g. days_in_last_180 <= 180).
    for bound in _field(key or fp.path).metadata:
        for name, holds in (("ge", lambda b: value >= b), ("le", lambda b: value <= b)):
            limit = getattr(bound, name, None)
            if limit is not None and not holds(limit):
                return False
    return True


@cache
def _field(path: str) -> FieldInfo:
    """The pydantic field behind a fact path (or a record item's field: path.field)."""
    model: Any = Case
    info: FieldInfo | None = None
    for part in path.split("."):
        fields = {(f.alias or n): f for n, f in model.model_fields.items()}
        info = fields[part]
        model = _model_in(info.annotation)
    assert info is not None
    return info


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside Optional[...] or list[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _required(fp: FactPath) -> set[str]:
    """The fields an item of a list of records must have (e.g. a detention's basis)."""
    model = _model_in(fp.annotation)
    return {(f.alias or n) for n, f in model.model_fields.items() if f.is_required()}


def _text(fp: FactPath, b: Boundaries, key: str) -> st.SearchStrategy[Any]:
    known = sorted({v for v in b.values.get(key, set()) if isinstance(v, str)})
    others = sorted(
        {v for vs in b.values.values() for v in vs if isinstance(v, str) and len(v) <= 8}
    )
    options: list[st.SearchStrategy[Any]] = [
        st.text(string.ascii_uppercase, min_size=2, max_size=2),  # a country code, or any text
        # No lone surrogates, no control characters (YAML refuses them raw, even in a JSON file).
        st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=6),
    ]
    if known:
        options.insert(0, st.sampled_from(known))
    if others:
        options.append(st.sampled_from(others))
    # A value the field refuses (free text in a country field) becomes unknown instead.
    return st.one_of(options).map(lambda v: v if valid(fp, v, key) else None)


def value_strategy(fp: FactPath, b: Boundaries, key: str | None = None) -> st.SearchStrategy[Any]:
    """Values of one fact (None: unknown)."""
    key = key or fp.path
    kind = fp.kind
    if kind is ValueKind.BOOL:
        return st.booleans()
    if kind is ValueKind.ENUM:
        return st.sampled_from(fp.enum_values)
    if kind is ValueKind.INT:
        near = sorted(v for v in b.values.get(key, set()) if isinstance(v, int))
        return st.one_of(st.sampled_from([0, 1, *near]), st.integers(0, 400)).map(
            lambda v: v if valid(fp, v, key) else None
        )
    if kind is ValueKind.DATE:
        exact = st.one_of(
            st.sampled_from(sorted(b.dates or {ANCHOR.isoformat()})),
            st.sampled_from(sorted(b.gaps)).map(lambda d: (ANCHOR + dt.timedelta(d)).isoformat()),
            st.integers(-800, 800).map(lambda d: (ANCHOR + dt.timedelta(d)).isoformat()),
        )
        # Dates as the press reports them: only the month (2022-09) or the year (2022) of a day
        # near a boundary, so that precision sometimes decides a test and sometimes cannot.
        if fp.path == "as_of":  # the date the case is seen on is always a day
            return exact
        return st.one_of(exact, exact.map(lambda iso: iso[:7]), exact.map(lambda iso: iso[:4]))
    if kind is ValueKind.LIST:
        assert fp.item is not None
        item = value_strategy(fp.item, b, key).filter(lambda v: v is not None)
        return st.lists(item, max_size=3, unique=True)
    if kind is ValueKind.RECORDS:
        required = _required(fp)
        fields = {
            name: value_strategy(sub, b, f"{key}.{name}")
            for name, sub in fp.item_fields.items()
            if sub.kind not in (ValueKind.RECORD, ValueKind.RECORDS)
        }
        return st.lists(_record(fields, required), max_size=3)
    return _text(fp, b, key)


@st.composite
def _record(
    draw: Draw, fields: dict[str, st.SearchStrategy[Any]], required: set[str]
) -> dict[str, Any]:
    item = {}
    for name, strategy in fields.items():
        if name in required or draw(st.booleans()):
            value = draw(strategy)
            if value is None and name in required:
                value = draw(strategy.filter(lambda v: v is not None))
            if value is not None:
                item[name] = value
    return item


@st.composite
def cases(draw: Draw, boundaries: Boundaries | None = None) -> dict[str, Any]:
    """A valid case as JSON data, any part of which may be unknown."""
    b = boundaries or _shipped_boundaries()
    as_of = draw(value_strategy(fact_paths()["as_of"], b))
    data: dict[str, Any] = {"case_id": "generated", "as_of": as_of}
    absent_sections = {
        fp.path
        for fp in fact_paths().values()
        if fp.kind is ValueKind.RECORD and "." not in fp.path and draw(st.booleans())
    }
    for path, fp in fact_paths().items():
        if fp.kind is ValueKind.RECORD or path == "as_of" or path.split(".")[0] in absent_sections:
            continue
        if not draw(st.booleans()):
            continue  # unknown
        value = draw(value_strategy(fp, b))
        if value is None:
            continue
        target = data
        *parents, leaf = path.split(".")
        for parent in parents:
            target = target.setdefault(parent, {})
        target[leaf] = value
    # A recorded part with nothing in it is a fact too ("the case records an appeal").
    for section in sorted(absent_sections):
        if draw(st.integers(0, 3)) == 0:
            data[section] = {}
    return consistent(data)


# --- small rule sets ----------------------------------------------------------------------

TESTABLE = ValueKind.TEXT, ValueKind.BOOL, ValueKind.INT, ValueKind.DATE, ValueKind.ENUM


def _yaml(value: Any) -> str:
    """A value as a YAML flow scalar or sequence (JSON is YAML)."""
    return json.dumps(value)  # \u escapes: YAML refuses raw control characters


@st.composite
def conditions(draw: Draw, b: Boundaries) -> tuple[str, str]:
    """One `when:` entry, as (fact path, YAML test) for a random fact and a test that fits it."""
    paths = [fp for fp in fact_paths().values() if fp.path != "as_of"]
    fp = draw(st.sampled_from(paths))

    def scalar(target: FactPath = fp, key: str | None = None) -> Any:
        # a rule compares with days: dates to the month or year are for cases only
        return draw(
            value_strategy(target, b, key).filter(
                lambda v: v is not None and not (target.kind is ValueKind.DATE and len(v) != 10)
            )
        )

    kind = fp.kind
    if kind is ValueKind.RECORD:
        return fp.path, f"{{present: {_yaml(draw(st.booleans()))}}}"
    if kind is ValueKind.LIST:
        assert fp.item is not None
        op = draw(st.sampled_from(["contains", "not_contains", "contains_any", "present"]))
        if op == "present":
            return fp.path, f"{{present: {_yaml(draw(st.booleans()))}}}"
        if op == "contains_any":
            items = [scalar(fp.item) for _ in range(draw(st.integers(1, 3)))]
            return fp.path, f"{{contains_any: {_yaml(items)}}}"
        return fp.path, f"{{{op}: {_yaml(scalar(fp.item))}}}"
    if kind is ValueKind.RECORDS:
        scalars = {n: f for n, f in fp.item_fields.items() if f.kind in TESTABLE}
        names = [draw(st.sampled_from(sorted(scalars)))]  # one field: see the rulebook
        wanted = {n: scalar(scalars[n], f"{fp.path}.{n}") for n in names}
        op = draw(st.sampled_from(["contains", "not_contains"]))
        return fp.path, f"{{{op}: {_yaml(wanted)}}}"
    ops = ["is", "is_not", "in", "not_in", "present", "known"]
    if kind is ValueKind.INT:
        ops += ["at_least", "at_most", "more_than", "less_than"]
    if kind is ValueKind.DATE:
        ops += ["on_or_after", "on_or_before", "after", "before", "within", "more_than_days"]
    op = draw(st.sampled_from(ops))
    if op == "present":
        return fp.path, f"{{present: {_yaml(draw(st.booleans()))}}}"
    if op == "known":
        return fp.path, "{known: true}"
    if op in ("within", "more_than_days"):
        others = [
            o for o in fact_paths().values() if o.kind is ValueKind.DATE and o.section != fp.section
        ]
        other = draw(st.sampled_from(others))
        days = draw(st.integers(0, 3))
        name = "within_days_after" if op == "within" else "more_than_days_after"
        return fp.path, f"{{{name}: {{fact: {other.path}, days: {days}}}}}"
    if op in ("in", "not_in"):
        values = [scalar() for _ in range(draw(st.integers(1, 3)))]
        return fp.path, f"{{{op}: {_yaml(values)}}}"
    return fp.path, f"{{{op}: {_yaml(scalar())}}}"


DATE_PATHS = sorted(p for p, fp in fact_paths().items() if fp.kind is ValueKind.DATE)


@st.composite
def rule_sets(draw: Draw, max_rules: int = 6) -> str:
    """The `rules:` list of one KZ rule file: acyclic rules with random tests, givens, defeats,
    dates in force and judged_at. Rule i may be given conclusions of, and be defeated by, rules
    before it only, so the rules cannot form a circle."""
    b = _shipped_boundaries()
    count = draw(st.integers(1, max_rules))
    defeats: dict[int, list[int]] = {i: [] for i in range(count)}
    bodies = []
    absent: list[set[str]] = []  # the facts each rule requires not to be recorded
    for i in range(count):
        earlier = list(range(i))
        given = draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True)) if i else []
        for j in draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True)) if i else []:
            defeats[j].append(i)
        when = dict(draw(st.lists(conditions(b), max_size=3)))
        if not when and not given:
            when = dict([draw(conditions(b))])
        absent.append({path for path, test in when.items() if test == "{present: false}"})
        lines = [f"- id: kz.r{i}", f"  title: rule {i}", "  cite: {article: '1'}", "  basis: law"]
        if draw(st.integers(0, 3)) == 0:
            start = draw(st.sampled_from(sorted(b.dates)))
            lines.append(f"  in_force: {{from: {start}}}")
            if draw(st.booleans()):
                lines.append(f"  judged_at: {draw(st.sampled_from(DATE_PATHS))}")
        if when:
            lines.append("  when:")
            lines.extend(f"    {path}: {test}" for path, test in when.items())
        if given:
            lines.append(f"  given: [{', '.join(f'kz.c{j}' for j in given)}]")
        bodies.append(lines)
    for i, lines in enumerate(bodies):
        if defeats[i]:
            lines.append(f"  defeats: [{', '.join(f'kz.r{k}' for k in defeats[i])}]")
        lines.append("  then:")
        lines.append(f"    conclude: [kz.c{i}]")
        if draw(st.booleans()):
            lines.append(f"    outcome: {{kind: remedy, summary: 'r{i}', detail: {{action: x}}}}")
        # A deadline makes the rule wait for the date it counts from (a `known` test); never
        # from a fact the rule requires not to be recorded (the loader refuses that rule).
        starts = [path for path in DATE_PATHS if path not in absent[i]]
        if draw(st.integers(0, 3)) == 0 and starts:
            start = draw(st.sampled_from(starts))
            lines.append(
                f"    deadline: {{what: w{i}, binds: b, phrase: p, from: {start}, "
                f"period: {{days: {draw(st.integers(1, 40))}}}, if_missed: m}}"
            )
    return textwrap.dedent("\n".join("\n".join(lines) for lines in bodies)) + "\n"
