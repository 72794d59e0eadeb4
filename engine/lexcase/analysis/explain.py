"""Explanations: why the engine predicts an outcome, and why it does not predict another.

`explain` lays out the derivation of each outcome as a tree: the rule and its citations at every
step, the facts it tested at the leaves, the conclusions of other rules it was given (each with its
own derivation), and the rules it defeated. Everything is read off the result of one evaluation.

`why_not` takes an outcome kind and, for each rule that could conclude it but did not hold, says
what stopped it: the rule that defeated it, the facts it still needs, or the first condition that
failed. Which of a rule's tests failed is not decided here: durable_rules runs each test alone
(see `probes`), compiled from the same atoms as the rulebook.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import Field

from lexcase.evaluation.evaluator import CaseInput, evaluator_for, to_case
from lexcase.evaluation.result import Defeat, Reason, Result, RulebookStamp
from lexcase.inference.probes import Prober, Truth
from lexcase.law.overlay import RulesInput
from lexcase.law.rulebook import Rulebook
from lexcase.model.facts import as_of as case_as_of
from lexcase.model.facts import case_data, value_at
from lexcase.model.rules import Model, OutcomeKind, Rule, RuleSource, source_fields


class RuleStatus(StrEnum):
    HOLDS = "holds"
    DEFEATED = "defeated"  # its tests and givens are true, and a rule that defeats it holds
    UNDECIDED = "undecided"  # it may still hold or be defeated: facts it needs are unknown
    DOES_NOT_APPLY = "does_not_apply"


class RuleState(Model):
    """What became of one rule in one evaluation."""

    status: RuleStatus
    defeated_by: list[str] = Field(default_factory=list)
    needs: list[str] = Field(default_factory=list, description="Facts that would decide it.")


def rule_states(result: Result) -> dict[str, RuleState]:
    """Every rule the result mentions, with its state; a rule it does not mention does not apply."""
    states: dict[str, RuleState] = {}
    for rule_id in [o.rule for o in result.outcomes] + [c.rule for c in result.conclusions]:
        states[rule_id] = RuleState(status=RuleStatus.HOLDS)
    by: dict[str, list[str]] = {}
    for defeat in result.defeated:
        by.setdefault(defeat.rule, []).append(defeat.by)
    for rule_id, winners in by.items():
        states[rule_id] = RuleState(status=RuleStatus.DEFEATED, defeated_by=sorted(winners))
    for undecided in result.undecided:
        states[undecided.rule] = RuleState(status=RuleStatus.UNDECIDED, needs=undecided.needs)
    return states


def state_of(states: dict[str, RuleState], rule_id: str) -> RuleState:
    return states.get(rule_id) or RuleState(status=RuleStatus.DOES_NOT_APPLY)


# --- the derivation of each outcome ----------------------------------------------------------


class FactLeaf(Model):
    """A fact a step tested, with its value in the case."""

    path: str
    value: Any = None
    test: str


class Step(RuleSource):
    """One rule in a derivation: what it rests on, and the rules it defeated on the way."""

    facts: list[FactLeaf]
    given: list[GivenStep]
    defeated: list[Defeat] = Field(
        default_factory=list, description="Rules this one defeated: where they lost."
    )
    at_risk_from: list[str] = Field(
        default_factory=list,
        description="Undecided rules that would defeat this one if they came to hold.",
    )


class GivenStep(Model):
    """A conclusion a step was given, and the rules that concluded it."""

    conclusion: str
    by: list[Step]


class OutcomeExplanation(Model):
    kind: OutcomeKind
    jurisdiction: str
    rule: str
    summary: str
    step: Step


class Explanation(Model):
    case_id: str
    as_of: dt.date
    kind: OutcomeKind | None = None
    outcomes: list[OutcomeExplanation]
    rulebook: RulebookStamp


def explain(
    case: CaseInput,
    kind: OutcomeKind | str | None = None,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
) -> Explanation:
    """The derivation tree of each outcome of `case` (of one kind, if given)."""
    with evaluator_for(rules) as evaluator:
        result = evaluator.evaluate(case, as_of)
        return build_explanation(result, evaluator.rulebook, kind)


def build_explanation(
    result: Result, rulebook: Rulebook, kind: OutcomeKind | str | None = None
) -> Explanation:
    wanted = OutcomeKind(kind) if kind is not None else None
    because: dict[str, list[Reason]] = {c.rule: c.because for c in result.conclusions}
    because.update({o.rule: o.because for o in result.outcomes})
    undecided = {u.rule for u in result.undecided}
    steps: dict[str, Step] = {}

    def step(rule_id: str) -> Step:
        if rule_id not in steps:
            rule = rulebook.by_id[rule_id]
            reasons = because.get(rule_id, [])
            steps[rule_id] = Step(
                **source_fields(rule),
                facts=[
                    FactLeaf(path=r.fact, value=r.value, test=r.describe())
                    for r in reasons
                    if r.fact is not None
                ],
                given=[
                    GivenStep(conclusion=r.conclusion, by=[step(s) for s in r.rules])
                    for r in reasons
                    if r.conclusion is not None
                ],
                defeated=[d for d in result.defeated if d.by == rule_id],
                at_risk_from=sorted(
                    d for d in rulebook.defeaters.get(rule_id, ()) if d in undecided
                ),
            )
        return steps[rule_id]

    return Explanation(
        case_id=result.case_id,
        as_of=result.as_of,
        kind=wanted,
        outcomes=[
            OutcomeExplanation(
                kind=o.kind,
                jurisdiction=o.jurisdiction,
                rule=o.rule,
                summary=o.summary,
                step=step(o.rule),
            )
            for o in result.outcomes
            if wanted is None or o.kind == wanted
        ],
        rulebook=result.rulebook,
    )


# --- why an outcome is not predicted ---------------------------------------------------------


class TestReading(Model):
    """One test of a rule, as durable_rules found it on the case."""

    path: str
    test: str
    truth: Truth
    value: Any = Field(None, description="The fact's value in the case (absent: unknown).")


class Blocker(Model):
    """The first thing that stops a rule that does not apply: a failed test, a conclusion no
    rule drew (with why each rule that could draw it did not), or a rule that pre-empts it."""

    test: TestReading | None = None
    given: str | None = None
    concluders: list[Candidate] = Field(default_factory=list)
    pre_empted_by: list[str] = Field(default_factory=list)


class Candidate(RuleSource):
    """A rule that could have concluded what was asked about, and what became of it."""

    state: RuleState
    unknown: list[TestReading] = Field(
        default_factory=list, description="Its tests on facts the case does not record."
    )
    pending: list[str] = Field(
        default_factory=list,
        description="For an undecided rule: the conclusions it is given that are undecided too.",
    )
    blocked_by: Blocker | None = None


class WhyNot(Model):
    case_id: str
    as_of: dt.date
    kind: OutcomeKind
    predicted: list[str] = Field(description="Rules that did conclude an outcome of this kind.")
    candidates: list[Candidate]
    rulebook: RulebookStamp


def why_not(
    case: CaseInput,
    kind: OutcomeKind | str,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
) -> WhyNot:
    """For each rule that could conclude an outcome of `kind` and did not: what stopped it."""
    wanted = OutcomeKind(kind)
    with evaluator_for(rules) as evaluator:
        seen = case_as_of(to_case(case), as_of)
        result = evaluator.evaluate(seen)
        rulebook = evaluator.rulebook
    inquiry = _WhyNot(rulebook, rule_states(result), case_data(seen))
    targets = inquiry.targets(wanted)
    inquiry.probe(targets)
    return WhyNot(
        case_id=result.case_id,
        as_of=result.as_of,
        kind=wanted,
        predicted=[o.rule for o in result.outcomes if o.kind == wanted],
        candidates=[inquiry.candidate(r, ()) for r in targets],
        rulebook=result.rulebook,
    )


class _WhyNot:
    """What stopped the rules of one outcome kind in one evaluated case: each candidate rule's
    tests read by probes, and behind every given that failed, the rules that would conclude it."""

    def __init__(self, rulebook: Rulebook, states: dict[str, RuleState], data: dict[str, Any]):
        self.rulebook = rulebook
        self.states = states
        self.data = data
        self.truths: dict[tuple[str, int], Truth] = {}

    def holding(self, rule_id: str) -> bool:
        return state_of(self.states, rule_id).status is RuleStatus.HOLDS

    def given_fails(self, name: str) -> bool:
        return all(
            state_of(self.states, s).status in (RuleStatus.DEFEATED, RuleStatus.DOES_NOT_APPLY)
            for s in self.rulebook.concluders.get(name, ())
        )

    def targets(self, wanted: OutcomeKind) -> list[str]:
        """The rules that could conclude an outcome of `wanted` and do not hold: international
        rules and the law of the case's own states (another state's law is for another case)."""
        return [
            r.id
            for r in self.rulebook.rules
            if r.outcome is not None
            and r.outcome.kind == wanted
            and not self.holding(r.id)
            and self.ours(r.id)
        ]

    def ours(self, rule_id: str) -> bool:
        """Whether the rule is international law or the law of one of the case's states (all
        national law is, while the case leaves a state unknown)."""
        states = {value_at(self.data, "host_state"), value_at(self.data, "home_state")}
        jurisdiction = self.rulebook.by_id[rule_id].jurisdiction
        return None in states or jurisdiction == "INTL" or jurisdiction in states

    def probe(self, targets: list[str]) -> None:
        """Read every test of the targets, and of the concluders behind their failed givens."""
        involved: dict[str, Rule] = {}
        queue = list(targets)
        while queue:
            rule = self.rulebook.by_id[queue.pop()]
            if rule.id in involved:
                continue
            involved[rule.id] = rule
            if state_of(self.states, rule.id).status is RuleStatus.DOES_NOT_APPLY:
                for name in rule.given:
                    if self.given_fails(name):
                        queue.extend(self.rulebook.concluders.get(name, ()))
        if involved:
            with Prober(involved.values()) as prober:
                self.truths = prober.truths(self.data)

    def readings(self, rule: Rule) -> list[TestReading]:
        tests = [(c, t) for c in rule.conditions for t in c.tests]
        return [
            TestReading(
                path=condition.path,
                test=condition.in_words(test),
                truth=self.truths[rule.id, index],
                value=value_at(self.data, condition.path),
            )
            for index, (condition, test) in enumerate(tests)
        ]

    def candidate(self, rule_id: str, trail: tuple[str, ...]) -> Candidate:
        rule = self.rulebook.by_id[rule_id]
        state = state_of(self.states, rule_id)
        read = self.readings(rule)
        blocker = None
        if state.status is RuleStatus.DOES_NOT_APPLY:
            blocker = self.blocker(rule, read, trail)
        return Candidate(
            **source_fields(rule),
            state=state,
            unknown=[r for r in read if r.truth is Truth.UNKNOWN],
            pending=[
                n
                for n in rule.given
                if state.status is RuleStatus.UNDECIDED
                and not any(self.holding(s) for s in self.rulebook.concluders.get(n, ()))
            ],
            blocked_by=blocker,
        )

    def blocker(self, rule: Rule, read: list[TestReading], trail: tuple[str, ...]) -> Blocker:
        """What stops a rule that does not apply: a false test, a given no rule concludes, or
        a defeater that holds."""
        failed = next((r for r in read if r.truth is Truth.FALSE), None)
        if failed is not None:
            return Blocker(test=failed)
        name = next((n for n in rule.given if self.given_fails(n)), None)
        if name is not None:
            return Blocker(
                given=name,
                concluders=[
                    self.candidate(s, (*trail, rule.id))
                    for s in self.rulebook.concluders.get(name, ())
                    # the rulebook has no cycles; `trail` is only a guard
                    if self.ours(s) and s not in trail
                ],
            )
        defeaters = self.rulebook.defeaters.get(rule.id, ())
        return Blocker(pre_empted_by=[d for d in defeaters if self.holding(d)])


Step.model_rebuild()
Blocker.model_rebuild()
