"""What-if: the case as given against the case with some facts changed.

`what_if` evaluates both and lists the outcomes that appear, vanish or change a detail, each with
the rule responsible, its citations and what became of that rule on the other side (defeated,
undecided, not applying); then the undecided rules and the defeats that changed. Outcomes have no
id of their own: the rule that concludes an outcome identifies it.

`sweep` evaluates every combination of a few facts' values and gives a grid: a row per
combination, a column per outcome kind whose outcomes differ between rows. A cell lists the rules
whose outcomes of that kind hold (the rule id names the outcome; the legend gives its title and
source).

Changes apply to the case as known on the as-of date: a record dated after it is left out first,
then the changes are made, so a changed fact is never pruned away.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import Field

from lexcase.analysis.explain import RuleState, rule_states, state_of
from lexcase.errors import InputError, Place
from lexcase.evaluation.evaluator import CaseInput, Evaluator, evaluator_for, to_case
from lexcase.evaluation.result import KIND_ORDER, Defeat, Outcome, Result, RulebookStamp, Undecided
from lexcase.law.overlay import RulesInput
from lexcase.model.case import Case
from lexcase.model.facts import as_of as case_as_of
from lexcase.model.facts import case_data, value_at, with_facts
from lexcase.model.rules import Model, OutcomeKind, RuleSource, citations_text, source_fields

T = TypeVar("T")

MAX_SWEEP_ROWS = 64  # a grid a reader can still take in; more is a batch run, not a sweep


class Change(StrEnum):
    APPEARS = "appears"
    VANISHES = "vanishes"
    CHANGES = "changes"


class FactChange(Model):
    path: str
    before: Any = Field(None, description="The value as given (absent: unknown).")
    after: Any = Field(None, description="The value as changed (absent: unknown).")


class DetailChange(Model):
    key: str
    before: Any = None
    after: Any = None


class OutcomeDifference(RuleSource):
    """An outcome that appears, vanishes or changes, with the rule that concludes it."""

    change: Change
    kind: OutcomeKind
    summary: str = Field(description="As changed; for an outcome that vanishes, as given.")
    before: RuleState
    after: RuleState
    details: list[DetailChange] = Field(
        default_factory=list, description="For an outcome that changes: what changed in it."
    )


class UndecidedDifference(Model):
    change: Change
    rule: str
    title: str
    needs: list[str]


class DefeatDifference(Model):
    change: Change
    rule: str
    by: str
    title: str


class WhatIf(Model):
    case_id: str
    as_of: dt.date
    changes: list[FactChange]
    outcomes: list[OutcomeDifference]
    unchanged: int = Field(description="How many outcomes are the same on both sides.")
    undecided: list[UndecidedDifference]
    defeats: list[DefeatDifference]
    rulebook: RulebookStamp


def what_if(
    case: CaseInput,
    changes: Mapping[str, Any],
    as_of: dt.date | None = None,
    rules: RulesInput = None,
) -> WhatIf:
    """The difference the `changes` (fact path -> value as a case file holds it, None for
    unknown) make to the result of `case`."""
    if not changes:
        raise InputError("nothing to change", Place(), expected="at least one fact and its value")
    _keep_the_as_of(changes)
    base = case_as_of(to_case(case), as_of)
    changed = with_facts(base, changes)
    with evaluator_for(rules) as evaluator:
        return compare(base, changed, list(changes), evaluator)


def _keep_the_as_of(paths: Iterable[str]) -> None:
    # Changing the date a case is seen on is not changing a fact: records dated after it would
    # stay in the case, and the what-if would compare two views that are not what they say.
    if "as_of" in paths:
        raise InputError(
            "as_of is the date the case is seen on, not a fact to change",
            Place(path="as_of"),
            expected="the as-of date of the evaluation to see the case on another date",
        )


def compare(base: Case, changed: Case, paths: Sequence[str], evaluator: Evaluator) -> WhatIf:
    """The difference between the results of two versions of a case."""
    before, after = evaluator.evaluate(base), evaluator.evaluate(changed)
    old, new = case_data(base), case_data(changed)
    states_before, states_after = rule_states(before), rule_states(after)
    rules = evaluator.rulebook.by_id
    outcomes_before = {o.rule: o for o in before.outcomes}
    outcomes_after = {o.rule: o for o in after.outcomes}

    def difference(
        change: Change, outcome: Outcome, details: list[DetailChange]
    ) -> OutcomeDifference:
        return OutcomeDifference(
            **source_fields(rules[outcome.rule]),
            change=change,
            kind=outcome.kind,
            summary=outcome.summary,
            before=state_of(states_before, outcome.rule),
            after=state_of(states_after, outcome.rule),
            details=details,
        )

    differences = []
    unchanged = 0
    for rule_id in sorted(outcomes_before.keys() | outcomes_after.keys()):
        was, now = outcomes_before.get(rule_id), outcomes_after.get(rule_id)
        if was is None and now is not None:
            differences.append(difference(Change.APPEARS, now, []))
        elif now is None and was is not None:
            differences.append(difference(Change.VANISHES, was, []))
        elif was is not None and now is not None:
            details = _detail_changes(was, now)
            if details:
                differences.append(difference(Change.CHANGES, now, details))
            else:
                unchanged += 1
    differences.sort(key=lambda d: (KIND_ORDER[d.kind], list(Change).index(d.change), d.rule))
    return WhatIf(
        case_id=before.case_id,
        as_of=before.as_of,
        changes=[
            FactChange(path=p, before=value_at(old, p), after=value_at(new, p)) for p in paths
        ],
        outcomes=differences,
        unchanged=unchanged,
        undecided=_undecided_changes(before.undecided, after.undecided),
        defeats=[
            DefeatDifference(change=change, rule=d.rule, by=d.by, title=rules[d.rule].title)
            for change, d in _set_changes(before.defeated, after.defeated, _defeat_key)
        ],
        rulebook=after.rulebook,
    )


def _detail_changes(was: Outcome, now: Outcome) -> list[DetailChange]:
    keys = sorted(was.detail.keys() | now.detail.keys())
    out = [
        DetailChange(key=k, before=was.detail.get(k), after=now.detail.get(k))
        for k in keys
        if was.detail.get(k) != now.detail.get(k)
    ]
    if was.at_risk_from != now.at_risk_from:
        out.append(
            DetailChange(key="at_risk_from", before=was.at_risk_from, after=now.at_risk_from)
        )
    return out


def _defeat_key(defeat: Defeat) -> tuple[str, str]:
    return (defeat.rule, defeat.by)


def _set_changes(
    before: list[T], after: list[T], key: Callable[[T], Any]
) -> list[tuple[Change, T]]:
    """The entries only after (appear) and only before (vanish), matched by `key`."""
    was, now = {key(x): x for x in before}, {key(x): x for x in after}
    return [(Change.APPEARS, now[k]) for k in sorted(now.keys() - was.keys())] + [
        (Change.VANISHES, was[k]) for k in sorted(was.keys() - now.keys())
    ]


def _undecided_changes(
    before: list[Undecided], after: list[Undecided]
) -> list[UndecidedDifference]:
    return [
        UndecidedDifference(change=change, rule=u.rule, title=u.title, needs=u.needs)
        for change, u in _set_changes(before, after, lambda u: u.rule)
    ]


# --- sweeps ---------------------------------------------------------------------------------


class SweepAxis(Model):
    path: str
    values: list[Any] = Field(description="The values tried, as JSON (null: unknown).")
    given: Any = Field(None, description="The value as given (absent: unknown).")


class SweepRow(Model):
    values: list[Any] = Field(description="One value per axis, in axis order.")
    as_given: bool = Field(description="Every swept value is the case's own (after --set).")
    cells: dict[OutcomeKind, list[str]] = Field(
        description="For each column, the rules whose outcomes of that kind hold."
    )


class LegendEntry(Model):
    rule: str
    title: str
    source: str
    summary: str


class Sweep(Model):
    case_id: str
    as_of: dt.date
    fixed: list[FactChange] = Field(description="Changes made on every row (--set).")
    axes: list[SweepAxis]
    columns: list[OutcomeKind] = Field(description="The outcome kinds that vary between rows.")
    common: dict[OutcomeKind, list[str]] = Field(
        description="For each column, the rules whose outcomes hold on every row."
    )
    steady: list[OutcomeKind] = Field(description="Outcome kinds predicted the same on every row.")
    rows: list[SweepRow]
    legend: list[LegendEntry]
    rulebook: RulebookStamp


def sweep(
    case: CaseInput,
    axes: Sequence[tuple[str, Sequence[Any]]],
    fixed: Mapping[str, Any] | None = None,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
    limit: int = MAX_SWEEP_ROWS,
) -> Sweep:
    """Every combination of the `axes` values (as a case file holds them, None for unknown),
    with the `fixed` changes made on every row, evaluated and laid out as a grid."""
    fixed = dict(fixed or {})
    paths = [p for p, _ in axes]
    for path in paths + list(fixed):
        if (paths + list(fixed)).count(path) > 1:
            raise InputError(
                f"{path} is changed more than once",
                Place(path=path),
                expected="each fact either swept or set, once",
            )
    if not axes:
        raise InputError("nothing to sweep", Place(), expected="a fact and the values to try")
    _keep_the_as_of([*paths, *fixed])
    rows_wanted = 1
    for _, values in axes:
        rows_wanted *= len(values)
    if rows_wanted > limit:
        raise InputError(
            f"the sweep has {rows_wanted} combinations, more than the {limit} a grid shows",
            Place(path=", ".join(paths)),
            expected=f"at most {limit} combinations: sweep fewer facts or fewer values",
        )
    seen = case_as_of(to_case(case), as_of)
    base = with_facts(seen, fixed) if fixed else seen
    # Build and validate every version of the case before evaluating any.
    versions = [
        with_facts(base, dict(zip(paths, combination, strict=True)))
        for combination in itertools.product(*(values for _, values in axes))
    ]
    with evaluator_for(rules) as evaluator:
        results = [evaluator.evaluate(v) for v in versions]
    return _grid(results, versions, paths, case_data(seen), case_data(base), list(fixed))


def _grid(
    results: list[Result],
    versions: list[Case],
    paths: list[str],
    original: dict[str, Any],
    given: dict[str, Any],
    fixed: list[str],
) -> Sweep:
    cells = []
    for result in results:
        by_kind: dict[OutcomeKind, list[str]] = {}
        for outcome in result.outcomes:
            by_kind.setdefault(outcome.kind, []).append(outcome.rule)
        cells.append(by_kind)
    kinds = sorted({k for row in cells for k in row}, key=KIND_ORDER.__getitem__)
    columns = [k for k in kinds if len({tuple(row.get(k, [])) for row in cells}) > 1]
    steady = [k for k in kinds if k not in columns]
    common = {k: sorted(set.intersection(*(set(row.get(k, [])) for row in cells))) for k in columns}
    legend: dict[str, LegendEntry] = {}
    for result in results:
        for outcome in result.outcomes:
            if outcome.kind in columns and outcome.rule not in legend:
                legend[outcome.rule] = LegendEntry(
                    rule=outcome.rule,
                    title=outcome.title,
                    source=citations_text(outcome.citations),
                    summary=outcome.summary,
                )
    rows = []
    for version, row in zip(versions, cells, strict=True):
        data = case_data(version)
        values = [value_at(data, p) for p in paths]
        rows.append(
            SweepRow(
                values=values,
                as_given=all(value_at(given, p) == v for p, v in zip(paths, values, strict=True)),
                cells={k: row.get(k, []) for k in columns},
            )
        )
    first = results[0]
    return Sweep(
        case_id=first.case_id,
        as_of=first.as_of,
        fixed=[
            FactChange(path=p, before=value_at(original, p), after=value_at(given, p))
            for p in fixed
        ],
        axes=[
            SweepAxis(
                path=p,
                values=list({json.dumps(r.values[i]): r.values[i] for r in rows}.values()),
                given=value_at(given, p),
            )
            for i, p in enumerate(paths)
        ],
        columns=columns,
        common=common,
        steady=steady,
        rows=rows,
        legend=sorted(legend.values(), key=lambda e: e.rule),
        rulebook=first.rulebook,
    )
