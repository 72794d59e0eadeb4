"""Impact: what a change of the rules does to a caseload.

Every case is evaluated under two rulebooks, the base (a rule folder, with any overlays) and the
reform (the base with more overlays, or another rule folder), each by durable_rules, and the two
results are compared per outcome kind and jurisdiction: a case *gains* a kind where it has an
outcome of it only under the reform, *loses* it where only under the base, and *changes* it where
it has outcomes of it under both that differ (another rule, or another detail). The report counts
the cases in each cell, with the first few as examples.

The caseload comes as anything with a `label` and a `read()` that gives the case (the batch
layer's `CaseLine`, a case file); a case that cannot be read is counted and reported, and the run
goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from pydantic import Field

from lexcase.errors import LexcaseError
from lexcase.evaluation.evaluator import Evaluator
from lexcase.evaluation.result import KIND_ORDER, Outcome, Result, RulebookStamp
from lexcase.law.overlay import RulesInput, rulebook_for
from lexcase.model.case import Case
from lexcase.model.rules import Model, OutcomeKind

EXAMPLES = 3


class CaseSource(Protocol):
    @property
    def label(self) -> str: ...

    def read(self) -> Case: ...


class Cell(Model):
    """One outcome kind in one jurisdiction: how many cases gain, lose or change it."""

    kind: OutcomeKind
    jurisdiction: str
    gain: int = 0
    lose: int = 0
    change: int = 0
    examples: dict[str, list[str]] = Field(
        default_factory=dict, description="For gain, lose and change: the first cases."
    )


class CaseFailure(Model):
    input: str
    message: str


class Impact(Model):
    cases: int
    evaluated: int
    affected: int = Field(description="Cases with at least one outcome gained, lost or changed.")
    cells: list[Cell] = Field(description="Only the kinds and jurisdictions some case moves.")
    failures: list[CaseFailure] = Field(
        description="Cases that could not be evaluated (first few)."
    )
    failed: int
    base: RulebookStamp
    reform: RulebookStamp


def impact(
    cases: Iterable[CaseSource],
    reform: RulesInput,
    base: RulesInput = None,
    as_of: dt.date | None = None,
    progress: Callable[[int], Any] | None = None,
) -> Impact:
    """Evaluate each case under `base` and `reform` and count what moves."""
    before, after = Evaluator(rulebook_for(base)), Evaluator(rulebook_for(reform))
    try:
        return _run(cases, before, after, as_of, progress)
    finally:
        before.close()
        after.close()


def _run(
    cases: Iterable[CaseSource],
    before: Evaluator,
    after: Evaluator,
    as_of: dt.date | None,
    progress: Callable[[int], Any] | None,
) -> Impact:
    cells: dict[tuple[OutcomeKind, str], dict[str, list[str]]] = {}
    failures: list[CaseFailure] = []
    count = evaluated = affected = failed = 0
    stamps: tuple[RulebookStamp, RulebookStamp] | None = None
    for source in cases:
        count += 1
        try:
            case = source.read()
            was, now = before.evaluate(case, as_of), after.evaluate(case, as_of)
        except LexcaseError as error:
            failed += 1
            if len(failures) < EXAMPLES:
                failures.append(CaseFailure(input=source.label, message=str(error)))
            continue
        evaluated += 1
        stamps = stamps or (was.rulebook, now.rulebook)
        moved = _moves(was, now)
        affected += bool(moved)
        for key, how in moved.items():
            cell = cells.setdefault(key, {"gain": [], "lose": [], "change": []})
            cell[how].append(source.label)  # labels only: a caseload's worth of short strings
        if progress is not None:
            progress(count)
    return Impact(
        cases=count,
        evaluated=evaluated,
        affected=affected,
        cells=[
            Cell(
                kind=kind,
                jurisdiction=where,
                gain=len(cell["gain"]),
                lose=len(cell["lose"]),
                change=len(cell["change"]),
                examples={how: labels[:EXAMPLES] for how, labels in cell.items() if labels},
            )
            for (kind, where), cell in sorted(
                cells.items(), key=lambda c: (KIND_ORDER[c[0][0]], c[0][1])
            )
        ],
        failures=failures,
        failed=failed,
        base=stamps[0] if stamps else _stamp(before),
        reform=stamps[1] if stamps else _stamp(after),
    )


def _stamp(evaluator: Evaluator) -> RulebookStamp:
    return RulebookStamp.of(evaluator.rulebook)


def _moves(was: Result, now: Result) -> dict[tuple[OutcomeKind, str], str]:
    """For each kind and jurisdiction that differs: gain, lose or change."""
    old, new = _by_cell(was.outcomes), _by_cell(now.outcomes)
    out = {}
    for key in old.keys() | new.keys():
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        out[key] = "gain" if a is None else "lose" if b is None else "change"
    return out


def _by_cell(outcomes: list[Outcome]) -> dict[tuple[OutcomeKind, str], list[tuple[str, str]]]:
    cells: dict[tuple[OutcomeKind, str], list[tuple[str, str]]] = {}
    for o in outcomes:
        cells.setdefault((o.kind, o.jurisdiction), []).append(
            (o.rule, repr(sorted(o.detail.items())))
        )
    return {k: sorted(v) for k, v in cells.items()}
