"""The result of evaluating a case: outcomes with their reasons and sources, the rules defeated,
the rules left undecided with the facts they need, and the rulebook that produced it.

Everything here is read off the inference trace; nothing is decided again. The result is sorted,
so the same case and rules always give the same result, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from lexcase.deadlines import Deadline, compute_deadlines
from lexcase.errors import InferenceError, Place
from lexcase.facts import value_at
from lexcase.inference import Trace
from lexcase.rulebook import Rulebook
from lexcase.rules import PLACEHOLDER, Basis, Citation, Confidence, FactRef, Op, OutcomeKind, Rule

NOT_ADVICE = "lexcase models the law and reported practice it cites; it is not legal advice."

KIND_ORDER = {kind: index for index, kind in enumerate(OutcomeKind)}


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Reason(Model):
    """One thing an outcome rests on: a fact of the case, or a conclusion of another rule."""

    fact: str | None = None
    value: Any = None
    test: str | None = None
    conclusion: str | None = None
    rules: list[str] = Field(default_factory=list)

    def describe(self) -> str:
        if self.conclusion is not None:
            return f"{self.conclusion} (by {', '.join(self.rules)})"
        return self.test or f"{self.fact} = {self.value}"


class Outcome(Model):
    kind: OutcomeKind
    jurisdiction: str
    rule: str
    title: str
    basis: Basis
    confidence: Confidence
    uncertain: str | None = None
    citations: list[Citation]
    reported_in: list[str] = Field(default_factory=list)
    summary: str
    detail: dict[str, Any]
    because: list[Reason]
    at_risk_from: list[str] = Field(
        default_factory=list,
        description="Undecided rules that would defeat this outcome if they came to hold.",
    )


class Conclusion(Model):
    name: str
    rule: str
    title: str
    basis: Basis
    citations: list[Citation]
    because: list[Reason]


class Defeat(Model):
    rule: str
    by: str
    title: str
    would_conclude: str | None = None


class Undecided(Model):
    rule: str
    title: str
    kind: OutcomeKind | None = None
    jurisdiction: str
    needs: list[str]


class RulebookStamp(Model):
    version: str
    sha256: str
    rules: int


class Result(Model):
    case_id: str
    as_of: dt.date
    outcomes: list[Outcome]
    conclusions: list[Conclusion]
    defeated: list[Defeat]
    undecided: list[Undecided]
    deadlines: list[Deadline] = Field(
        default_factory=list, description="The dated deadlines of the rules that held, by date."
    )
    rulebook: RulebookStamp
    notice: str = NOT_ADVICE

    def of_kind(self, kind: OutcomeKind | str) -> list[Outcome]:
        return [o for o in self.outcomes if o.kind == kind]


def build_result(
    trace: Trace, rulebook: Rulebook, case_id: str, as_of: dt.date, data: dict[str, Any]
) -> Result:
    rules = rulebook.by_id
    # The compiled rules make holding and being defeated exclusive; if that ever broke, say so
    # rather than publish a result that contradicts itself.
    clash = sorted(
        r for r in trace.holds if any(d in trace.holds for d in rulebook.defeaters.get(r, ()))
    )
    if clash:
        raise InferenceError(
            f"rules both held and were defeated: {', '.join(clash)}",
            Place("<engine>"),
            suggestion="this is a bug in lexcase; please report it",
        )
    concluded_by: dict[str, list[str]] = {}
    for rule_id in sorted(trace.holds):
        for name in rules[rule_id].concludes:
            concluded_by.setdefault(name, []).append(rule_id)
    known = {p for r in rulebook.rules for p in r.fact_paths if value_at(data, p) is not None}

    outcomes = []
    conclusions = []
    for rule_id in sorted(trace.holds):
        rule = rules[rule_id]
        because = _because(rule, data, concluded_by)
        if rule.outcome is not None:
            detail = {
                k: (value_at(data, v.fact) if isinstance(v, FactRef) else v)
                for k, v in rule.outcome.detail.items()
            }
            outcomes.append(
                Outcome(
                    kind=rule.outcome.kind,
                    jurisdiction=rule.jurisdiction,
                    rule=rule.id,
                    title=rule.title,
                    basis=rule.basis,
                    confidence=rule.confidence,
                    uncertain=rule.uncertain,
                    citations=list(rule.citations),
                    reported_in=list(rule.reported_in),
                    summary=_render(rule.outcome.summary, detail),
                    detail=detail,
                    because=because,
                    at_risk_from=sorted(
                        d for d in rulebook.defeaters.get(rule.id, ()) if d in trace.open
                    ),
                )
            )
        for name in rule.concludes:
            conclusions.append(
                Conclusion(
                    name=name,
                    rule=rule.id,
                    title=rule.title,
                    basis=rule.basis,
                    citations=list(rule.citations),
                    because=because,
                )
            )
    outcomes.sort(key=lambda o: (KIND_ORDER[o.kind], o.jurisdiction, o.rule))

    defeated = [
        Defeat(
            rule=rule_id,
            by=by,
            title=rules[rule_id].title,
            would_conclude=_would(rules[rule_id], data),
        )
        for rule_id, by in sorted(trace.defeated)
    ]

    needs_memo: dict[str, list[str]] = {}

    def needs(rule_id: str) -> list[str]:
        if rule_id not in needs_memo:
            needs_memo[rule_id] = []  # guards against loops; the rulebook has none
            rule = rules[rule_id]
            missing = [p for p in _decisive_paths(rule) if p not in known]
            for name in rule.given:
                if name in concluded_by:
                    continue
                for source in rulebook.concluders.get(name, ()):
                    if source in trace.open:
                        missing.extend(needs(source))
            needs_memo[rule_id] = sorted(set(missing))
        return needs_memo[rule_id]

    def kind(rule: Rule) -> OutcomeKind | None:
        return rule.outcome.kind if rule.outcome is not None else None

    undecided = [
        Undecided(
            rule=rule_id,
            title=rules[rule_id].title,
            kind=kind(rules[rule_id]),
            jurisdiction=rules[rule_id].jurisdiction,
            needs=needs(rule_id),
        )
        for rule_id in sorted(trace.open)
    ]
    return Result(
        case_id=case_id,
        as_of=as_of,
        outcomes=outcomes,
        conclusions=conclusions,
        defeated=defeated,
        undecided=undecided,
        deadlines=compute_deadlines([rules[r] for r in sorted(trace.holds)], data, as_of),
        rulebook=RulebookStamp(
            version=rulebook.version, sha256=rulebook.sha256, rules=len(rulebook.rules)
        ),
    )


def _decisive_paths(rule: Rule) -> list[str]:
    """The facts whose absence can leave the rule undecided (`present` tests never do)."""
    out: dict[str, None] = {}
    for condition in rule.conditions:
        if any(t.op is not Op.PRESENT for t in condition.tests):
            out.setdefault(condition.path, None)
        for test in condition.relational:
            assert test.other is not None
            out.setdefault(test.other, None)
    return list(out)


def _because(rule: Rule, data: dict[str, Any], concluded_by: dict[str, list[str]]) -> list[Reason]:
    reasons = []
    for condition in rule.conditions:
        test = condition.describe()
        if condition.in_force:
            test = f"the law in force on {condition.path} ({test})"
        reasons.append(Reason(fact=condition.path, value=value_at(data, condition.path), test=test))
    for name in rule.given:
        reasons.append(Reason(conclusion=name, rules=concluded_by.get(name, [])))
    return reasons


def _would(rule: Rule, data: dict[str, Any]) -> str | None:
    if rule.outcome is None:
        return ", ".join(rule.concludes) or None
    detail = {
        k: (value_at(data, v.fact) if isinstance(v, FactRef) else v)
        for k, v in rule.outcome.detail.items()
    }
    return _render(rule.outcome.summary, detail)


def _render(summary: str, detail: dict[str, Any]) -> str:
    def show(match: Any) -> str:
        value = detail.get(match.group(1))
        if value is None:
            return "(unknown)"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    return PLACEHOLDER.sub(show, summary)
