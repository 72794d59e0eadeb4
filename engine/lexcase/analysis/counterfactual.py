"""Counterfactuals: the smallest changes of the facts a person could have made otherwise that make
an outcome vanish (`avoid`) or appear (`reach`).

Which facts a person could have made otherwise is declared on the case model (`MUTABLE` in
`lexcase.model.case`): when he crossed, at a checkpoint or not, with which documents, whether and
when he claimed asylum. The search does not try a blind grid of values. It takes the rules that
conclude an outcome of the kind asked about, the rules they are given conclusions by, and the
rules that defeat them (all the way down), and tries each mutable fact their tests read at the
values those tests turn on (`lexcase.analysis.boundaries`): one change at a time, then two, up to
`max_changes`. Every set of changes is judged by a real evaluation of the changed case. A set
that contains a set already found is not tried, and sets are tried by size, so every answer is
minimal: no smaller set of the values tried does the same (the tests check it by evaluating each
subset). Each answer is shown as the what-if difference it makes. When the budget of evaluations
runs out, the search stops and says how far it got.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from pydantic import Field

from lexcase.analysis.boundaries import Trial, related_rules, trials
from lexcase.analysis.whatif import WhatIf, compare
from lexcase.errors import CaseError, InputError, Place
from lexcase.evaluation.evaluator import CaseInput, Evaluator, evaluator_for, to_case
from lexcase.evaluation.result import Outcome, Result, RulebookStamp
from lexcase.law.overlay import RulesInput
from lexcase.model.case import Case
from lexcase.model.facts import as_of as case_as_of
from lexcase.model.facts import case_data, fact_paths, with_facts
from lexcase.model.rules import Model, OutcomeKind

MAX_CHANGES = 3
BUDGET = 5_000  # evaluations; the seeds need a few hundred at most (see the note)


class Direction(StrEnum):
    AVOID = "avoid"  # no outcome of the kind holds
    REACH = "reach"  # an outcome of the kind holds


class Goal(Model):
    direction: Direction
    kind: OutcomeKind
    jurisdiction: str | None = None

    def matches(self, outcome: Outcome) -> bool:
        return outcome.kind == self.kind and (
            self.jurisdiction is None or outcome.jurisdiction == self.jurisdiction
        )

    def met(self, result: Result) -> bool:
        held = any(self.matches(o) for o in result.outcomes)
        return held is (self.direction is Direction.REACH)

    def describe(self) -> str:
        where = f" in {self.jurisdiction}" if self.jurisdiction else ""
        return f"{self.direction.value} {self.kind.value}{where}"


def parse_goal(text: str, direction: Direction) -> Goal:
    """KIND or KIND:JURISDICTION, as typed after --avoid or --reach."""
    kind, _, where = text.partition(":")
    option = f"--{direction.value}"
    try:
        wanted = OutcomeKind(kind.strip())
    except ValueError:
        raise InputError(
            f"{kind!r} is not an outcome kind",
            Place(path=option),
            expected="KIND or KIND:JURISDICTION, KIND one of "
            + ", ".join(k.value for k in OutcomeKind),
        ) from None
    return Goal(direction=direction, kind=wanted, jurisdiction=where.strip().upper() or None)


class Status(StrEnum):
    FOUND = "found"  # at least one answer
    NONE = "none"  # no answer among the values tried
    ALREADY = "already"  # the goals hold as the case stands: nothing to change


class Change(Model):
    path: str
    before: Any = Field(None, description="The value as given (absent: unknown).")
    after: Any = Field(None, description="The value tried (absent: the record left out).")


class Answer(Model):
    """A minimal set of changes that meets every goal, and the difference it makes."""

    size: int
    changes: list[Change]
    difference: WhatIf
    still_open: list[str] = Field(
        default_factory=list,
        description="For an avoided kind: undecided rules that could still conclude it.",
    )


class Tried(Model):
    """A mutable fact the search changed, and the values it tried, from the rules' tests."""

    path: str
    values: list[Any]
    from_rules: list[str]


class Cost(Model):
    evaluations: int = Field(description="Changed cases evaluated by the search.")
    invalid: int = Field(0, description="Sets of changes the case model refuses (not evaluated).")
    skipped: int = Field(0, description="Sets containing an answer already found (not tried).")
    seconds: float = Field(description="Wall time of the search (varies from run to run).")


class Counterfactual(Model):
    case_id: str
    as_of: dt.date
    goals: list[Goal]
    status: Status
    targets: list[str] = Field(description="The rules whose outcomes are to vanish (avoid).")
    rules_searched: list[str] = Field(description="The rules whose tests gave the values tried.")
    mutable: list[str] = Field(description="Every fact the case model declares mutable.")
    tried: list[Tried]
    max_changes: int
    answers: list[Answer]
    complete: bool = Field(description="Every set of up to max_changes values was tried.")
    limits: list[str] = Field(description="What the search did not cover, in words.")
    cost: Cost
    rulebook: RulebookStamp


def counterfactual(
    case: CaseInput,
    goals: Sequence[Goal] = (),
    max_changes: int = MAX_CHANGES,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
    budget: int = BUDGET,
    *,
    avoid: Sequence[str] = (),
    reach: Sequence[str] = (),
) -> Counterfactual:
    """The minimal sets of changes to mutable facts of `case` (as known on `as_of`) that meet
    every goal, at most `max_changes` changes each, found within `budget` evaluations. Goals are
    `Goal`s, or KIND[:JURISDICTION] texts to `avoid` or to `reach`."""
    goals = [
        *goals,
        *(parse_goal(g, Direction.AVOID) for g in avoid),
        *(parse_goal(g, Direction.REACH) for g in reach),
    ]
    if not goals:
        raise InputError(
            "nothing to search for", Place(path="--avoid"), expected="--avoid KIND or --reach KIND"
        )
    if max_changes < 1:
        raise InputError(
            "max changes must be at least 1", Place(path="--max-changes"), expected="1, 2, 3..."
        )
    base = case_as_of(to_case(case), as_of)
    with evaluator_for(rules) as evaluator:
        return Search(base, list(goals), evaluator, max_changes, budget).run()


class Search:
    """One counterfactual search on one case."""

    def __init__(
        self, base: Case, goals: list[Goal], evaluator: Evaluator, max_changes: int, budget: int
    ) -> None:
        self.base, self.goals, self.evaluator = base, goals, evaluator
        self.max_changes, self.budget = max_changes, budget
        self.before = evaluator.evaluate(base)
        self.data = case_data(base)
        self.mutable = sorted(p for p, f in fact_paths().items() if f.mutable)
        seeds = [
            r.id
            for r in evaluator.rulebook.rules
            if r.outcome is not None
            and any(_could(g, r.outcome.kind, r.jurisdiction) for g in goals)
        ]
        self.related = related_rules(evaluator.rulebook, seeds)
        self.pool = trials(self.related, self.data, base.as_of, set(self.mutable))

    def run(self) -> Counterfactual:
        started = time.perf_counter()
        found: list[tuple[frozenset[tuple[str, str]], list[Trial], Case]] = []
        evaluations = invalid = skipped = 0
        stopped_at: int | None = None
        already = all(g.met(self.before) for g in self.goals)
        for size in range(1, 0 if already else self.max_changes + 1):
            for combo in itertools.combinations(self.pool, size):
                if not _compatible(combo):
                    continue
                key = frozenset(t.key for t in combo)
                if any(f[0] <= key for f in found):
                    skipped += 1
                    continue
                if evaluations >= self.budget:
                    stopped_at = size
                    break
                try:
                    changed = with_facts(self.base, {t.path: t.value for t in combo})
                except CaseError:
                    invalid += 1
                    continue
                evaluations += 1
                if all(g.met(self.evaluator.evaluate(changed)) for g in self.goals):
                    found.append((key, list(combo), changed))
            if stopped_at is not None:
                break
        cost = Cost(
            evaluations=evaluations,
            invalid=invalid,
            skipped=skipped,
            seconds=round(time.perf_counter() - started, 3),
        )
        answers = [self._answer(combo, changed) for _, combo, changed in found]
        answers.sort(key=lambda a: (a.size, len(a.still_open), [c.path for c in a.changes]))
        return Counterfactual(
            case_id=self.base.case_id,
            as_of=self.base.as_of,
            goals=self.goals,
            status=Status.ALREADY if already else Status.FOUND if answers else Status.NONE,
            targets=[o.rule for o in self.before.outcomes if self._avoided(o)],
            rules_searched=[r.id for r in self.related],
            mutable=self.mutable,
            tried=self._tried(),
            max_changes=self.max_changes,
            answers=answers,
            complete=stopped_at is None,
            limits=self._limits(stopped_at, evaluations, already),
            cost=cost,
            rulebook=self.before.rulebook,
        )

    def _avoided(self, outcome: Outcome) -> bool:
        return any(g.direction is Direction.AVOID and g.matches(outcome) for g in self.goals)

    def _answer(self, combo: list[Trial], changed: Case) -> Answer:
        paths = [t.path for t in combo]
        difference = compare(self.base, changed, paths, self.evaluator)
        undecided = {u.rule: u for u in self.evaluator.evaluate(changed).undecided}
        open_rules = sorted(
            rule_id
            for rule_id, u in undecided.items()
            if u.kind is not None
            and any(
                g.direction is Direction.AVOID and _could(g, u.kind, u.jurisdiction)
                for g in self.goals
            )
        )
        return Answer(
            size=len(combo),
            changes=[
                Change(path=c.path, before=c.before, after=c.after) for c in difference.changes
            ],
            difference=difference,
            still_open=open_rules,
        )

    def _tried(self) -> list[Tried]:
        by_path: dict[str, list[Trial]] = {}
        for trial in self.pool:
            by_path.setdefault(trial.path, []).append(trial)
        return [
            Tried(
                path=path,
                values=[t.value for t in group],
                from_rules=sorted({r for t in group for r in t.rules}),
            )
            for path, group in sorted(by_path.items())
        ]

    def _limits(self, stopped_at: int | None, evaluations: int, already: bool) -> list[str]:
        if already:
            return ["Every goal is met as the case stands: nothing was searched."]
        limits = [
            "Only facts the case model declares mutable were changed: "
            + ", ".join(self.mutable)
            + ".",
            f"Values tried: those the tests of {len(self.related)} rules turn on (the rules "
            "concluding the kinds asked about, the rules they rest on, and their defeaters); "
            "other values of the same facts may do the same.",
            "A date compared with another fact is tried around that fact's value as given; "
            "when both change, the boundary moves with it.",
        ]
        if any(r.in_force_from or r.in_force_until for r in self.related):
            limits.append(
                "A date moved out of a rule's time in force leaves the case outside the law "
                "lexcase has for it: such an answer says no rule it has applies, not that the act "
                "was lawful."
            )
        if not self.pool:
            limits.append("None of these rules tests a mutable fact: no change was tried.")
        if stopped_at is not None:
            limits.append(
                f"Stopped after {evaluations} evaluations (the budget): sets of {stopped_at} "
                f"changes were not all tried; the answers with fewer changes are complete."
            )
        return limits


def _could(goal: Goal, kind: OutcomeKind | None, jurisdiction: str) -> bool:
    return kind == goal.kind and (goal.jurisdiction is None or jurisdiction == goal.jurisdiction)


def _compatible(combo: Sequence[Trial]) -> bool:
    """One value per fact, and never a fact together with a record holding it."""
    paths = [t.path for t in combo]
    if len(set(paths)) != len(paths):
        return False
    return not any(a != b and b.startswith(a + ".") for a in paths for b in paths)
