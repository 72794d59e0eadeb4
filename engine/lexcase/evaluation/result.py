"""The result of evaluating a case: outcomes with their reasons and sources, the rules defeated,
the rules left undecided with the facts they need, and the rulebook that produced it.

Everything here is read off the inference trace; nothing is decided again. The result is sorted,
so the same case and rules always give the same result, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from lexcase.errors import InferenceError, Place
from lexcase.evaluation.coverage import StateCoverage, coverage_of
from lexcase.evaluation.deadlines import Deadline, compute_deadlines
from lexcase.inference.runner import Trace
from lexcase.law.rulebook import AppliedOverlay, Rulebook
from lexcase.model.facts import value_at
from lexcase.model.rules import (
    PLACEHOLDER,
    Confidence,
    FactRef,
    Model,
    Op,
    OutcomeKind,
    Rule,
    RuleSource,
    source_fields,
)

NOT_ADVICE = "lexcase models the law and reported practice it cites; it is not legal advice."

Json = dict[str, Any]

KIND_ORDER = {kind: index for index, kind in enumerate(OutcomeKind)}


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


class Outcome(RuleSource):
    """A predicted move of the legal system, with the rule that concludes it (the fields of
    `RuleSource`) and what it rests on."""

    kind: OutcomeKind
    summary: str
    detail: dict[str, Any]
    because: list[Reason]
    at_risk_from: list[str] = Field(
        default_factory=list,
        description="Undecided rules that would defeat this outcome if they came to hold.",
    )


class Conclusion(RuleSource):
    """An intermediate conclusion that held, and the rule that drew it."""

    name: str
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
    """The rules a result comes from: the base folder's version and SHA-256, how many rules were
    used, and each overlay applied on the folder, with its own version and SHA-256."""

    version: str
    sha256: str
    rules: int
    overlays: list[AppliedOverlay] | None = None

    @classmethod
    def of(cls, rulebook: Rulebook) -> RulebookStamp:
        return cls(
            version=rulebook.version,
            sha256=rulebook.sha256,
            rules=len(rulebook.rules),
            overlays=list(rulebook.overlays) or None,
        )


class Result(Model):
    case_id: str
    as_of: dt.date
    warnings: list[str] = Field(
        default_factory=list,
        description="What lexcase could not apply: a host or home state it has no rules for.",
    )
    coverage: list[StateCoverage] = Field(
        default_factory=list,
        description="For the host and the home state: the pack applied and how completely.",
    )
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


class ResultBuilder:
    """Reads results off inference traces for one rulebook.

    Everything that depends only on the rules (titles, citations, the words of each test, the
    facts that decide each rule, summaries without case values) is worked out once here, so that
    building a result costs only what the case adds. The result is written as plain data and
    validated in one call: still validated, and cheaper than building each model on its own (or
    than `model_construct`, which inspects default factories per call).
    """

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.stamp = RulebookStamp.of(rulebook)
        self.rules = _PartsByRule(rulebook)

    def build(self, trace: Trace, case_id: str, as_of: dt.date, data: dict[str, Any]) -> Result:
        rules = self.rules
        facts = _Values(data)
        # The compiled rules make holding and being defeated exclusive; if that ever broke, say
        # so rather than publish a result that contradicts itself.
        clash = sorted(r for r in trace.holds if any(d in trace.holds for d in rules[r].defeaters))
        if clash:
            raise InferenceError(
                f"rules both held and were defeated: {', '.join(clash)}",
                Place("<engine>"),
                suggestion="this is a bug in lexcase; please report it",
            )
        holding = sorted(trace.holds)
        concluded_by: dict[str, list[str]] = {}
        for rule_id in holding:
            for name in rules[rule_id].rule.concludes:
                concluded_by.setdefault(name, []).append(rule_id)

        outcomes = []
        conclusions = []
        premises = _Premises(rules, concluded_by)
        for rule_id in holding:
            parts = rules[rule_id]
            because = parts.because(facts, concluded_by)
            if parts.kind is not None:
                detail = parts.detail(facts)
                outcomes.append(
                    {
                        **parts.outcome_fields,
                        **premises.weakened(rule_id),
                        "summary": parts.summary(detail),
                        "detail": detail,
                        "because": because,
                        "at_risk_from": [d for d in parts.defeaters if d in trace.open],
                    }
                )
            for name in parts.rule.concludes:
                conclusions.append({"name": name, **parts.conclusion_fields, "because": because})
        outcomes.sort(key=_outcome_order)

        defeated = [
            {
                "rule": rule_id,
                "by": by,
                "title": rules[rule_id].rule.title,
                "would_conclude": rules[rule_id].would_conclude(facts),
            }
            for rule_id, by in sorted(trace.defeated)
        ]
        undecided = [
            {**rules[rule_id].undecided_fields, "needs": need}
            for rule_id, need in _Needs(rules, facts, concluded_by, trace.open).each()
        ]
        coverage = coverage_of(self.rulebook.packs, facts["host_state"], facts["home_state"])
        return Result.model_validate(
            {
                "case_id": case_id,
                "as_of": as_of,
                "warnings": coverage.warnings,
                "coverage": coverage.states,
                "outcomes": outcomes,
                "conclusions": conclusions,
                "defeated": defeated,
                "undecided": undecided,
                "deadlines": compute_deadlines([rules[r].rule for r in holding], data, as_of),
                "rulebook": self.stamp,
                "notice": NOT_ADVICE,
            }
        )


def _outcome_order(outcome: dict[str, Any]) -> tuple[int, str, str]:
    return KIND_ORDER[outcome["kind"]], outcome["jurisdiction"], outcome["rule"]


def build_result(
    trace: Trace, rulebook: Rulebook, case_id: str, as_of: dt.date, data: dict[str, Any]
) -> Result:
    """The result for one trace (an `Evaluator` keeps one `ResultBuilder` for all its cases)."""
    return ResultBuilder(rulebook).build(trace, case_id, as_of, data)


_SURENESS = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


class _Premises:
    """An outcome is no surer than what it rests on: the weakest rule behind it (itself, or a
    rule concluding a given it holds on, at any depth) sets its confidence, and that rule's
    uncertainty is said beside its own. A treaty rule resting on a party row of the treaty table
    that the notes leave unverified is then as uncertain as that row."""

    def __init__(self, rules: dict[str, _RuleParts], concluded_by: dict[str, list[str]]):
        self.rules = rules
        self.concluded_by = concluded_by
        self.memo: dict[str, Rule] = {}

    def weakest(self, rule_id: str) -> Rule:
        """The least sure rule among `rule_id` and the holding rules behind it (the first by id
        among equals, so results are stable)."""
        found = self.memo.get(rule_id)
        if found is not None:
            return found
        rule = self.rules[rule_id].rule
        self.memo[rule_id] = rule  # guards against loops; the rulebook has none
        behind = [
            self.weakest(source)
            for name in rule.given
            for source in self.concluded_by.get(name, [])
        ]
        least = min(behind, key=lambda r: (_SURENESS[r.confidence], r.id), default=None)
        surer = least is None or _SURENESS[least.confidence] >= _SURENESS[rule.confidence]
        best = rule if surer or least is None else least
        self.memo[rule_id] = best
        return best

    def weakened(self, rule_id: str) -> dict[str, Any]:
        """The confidence and uncertainty fields of an outcome, where a premise is less sure."""
        rule, weakest = self.rules[rule_id].rule, self.weakest(rule_id)
        if _SURENESS[weakest.confidence] >= _SURENESS[rule.confidence]:
            return {}
        why = f"It rests on {weakest.id} ({weakest.title}), of {weakest.confidence.value} "
        why += "confidence" + (f": {weakest.uncertain}" if weakest.uncertain else ".")
        return {
            "confidence": weakest.confidence,
            "uncertain": f"{rule.uncertain} {why}" if rule.uncertain else why,
        }


@dataclass(frozen=True)
class _RuleParts:
    """What a result says about one rule, as far as the rule alone decides it."""

    rule: Rule
    defeaters: tuple[str, ...]
    kind: OutcomeKind | None
    tests: tuple[tuple[str, str], ...]  # (fact path, the test in words) of each condition
    decisive: tuple[str, ...]  # the facts whose absence can leave the rule undecided, sorted
    # each given with the rules concluding it: where an undecided rule's needs come from
    given_sources: tuple[tuple[str, tuple[str, ...]], ...]
    facts_in_detail: tuple[tuple[str, str], ...]  # (detail key, fact path) read from the case
    fixed_summary: str | None  # the summary, when no detail comes from the case
    outcome_fields: dict[str, Any]
    conclusion_fields: dict[str, Any]
    undecided_fields: dict[str, Any]

    @classmethod
    def of(cls, rule: Rule, rulebook: Rulebook) -> _RuleParts:
        tests = [(condition.path, condition.in_words()) for condition in rule.conditions]
        outcome = rule.outcome
        facts_in_detail: tuple[tuple[str, str], ...] = ()
        fixed_summary = None
        source = source_fields(rule)  # validated anew per result: the lists are copied
        outcome_fields: dict[str, Any] = {}
        if outcome is not None:
            facts_in_detail = tuple(
                (k, v.fact) for k, v in outcome.detail.items() if isinstance(v, FactRef)
            )
            if not facts_in_detail:
                fixed_summary = render_summary(outcome.summary, dict(outcome.detail))
            outcome_fields = {"kind": outcome.kind, **source}
        return cls(
            rule=rule,
            defeaters=tuple(sorted(rulebook.defeaters.get(rule.id, ()))),
            kind=outcome.kind if outcome is not None else None,
            tests=tuple(tests),
            decisive=tuple(sorted(_decisive_paths(rule))),
            given_sources=tuple(
                (name, tuple(rulebook.concluders.get(name, ()))) for name in rule.given
            ),
            facts_in_detail=facts_in_detail,
            fixed_summary=fixed_summary,
            outcome_fields=outcome_fields,
            conclusion_fields=source,
            undecided_fields={
                "rule": rule.id,
                "title": rule.title,
                "kind": outcome.kind if outcome is not None else None,
                "jurisdiction": rule.jurisdiction,
            },
        )

    def because(self, facts: _Values, concluded_by: dict[str, list[str]]) -> list[Json]:
        """The reasons, as data for `Reason`."""
        reasons: list[Json] = [
            {"fact": path, "value": facts[path], "test": test} for path, test in self.tests
        ]
        for name in self.rule.given:
            reasons.append({"conclusion": name, "rules": concluded_by.get(name, [])})
        return reasons

    def detail(self, facts: _Values) -> dict[str, Any]:
        assert self.rule.outcome is not None
        detail = dict(self.rule.outcome.detail)
        for key, path in self.facts_in_detail:
            detail[key] = facts[path]
        return detail

    def summary(self, detail: dict[str, Any]) -> str:
        if self.fixed_summary is not None:
            return self.fixed_summary
        assert self.rule.outcome is not None
        return render_summary(self.rule.outcome.summary, detail)

    def would_conclude(self, facts: _Values) -> str | None:
        if self.rule.outcome is None:
            return ", ".join(self.rule.concludes) or None
        return self.summary(self.detail(facts))


class _PartsByRule(dict[str, "_RuleParts"]):
    """Each rule's parts, worked out the first time a result mentions the rule: a command that
    evaluates one case pays for the dozen rules it reports, not for the whole rulebook."""

    def __init__(self, rulebook: Rulebook) -> None:
        super().__init__()
        self.rulebook = rulebook

    def __missing__(self, rule_id: str) -> _RuleParts:
        parts = self[rule_id] = _RuleParts.of(self.rulebook.by_id[rule_id], self.rulebook)
        return parts


class _Needs:
    """The facts each undecided rule needs: its own decisive facts the case leaves unknown, and
    what the undecided rules concluding its missing givens need in turn."""

    def __init__(
        self,
        rules: dict[str, _RuleParts],
        facts: _Values,
        concluded_by: dict[str, list[str]],
        open_rules: set[str],
    ) -> None:
        self.rules = rules
        self.facts = facts
        self.concluded_by = concluded_by
        self.open = open_rules
        self.memo: dict[str, list[str]] = {}

    def each(self) -> list[tuple[str, list[str]]]:
        return [(rule_id, self.of(rule_id)) for rule_id in sorted(self.open)]

    def of(self, rule_id: str) -> list[str]:
        memo = self.memo
        needs = memo.get(rule_id)
        if needs is not None:
            return needs
        memo[rule_id] = []  # guards against loops; the rulebook has none
        parts, facts = self.rules[rule_id], self.facts
        # unknown facts, and dates known only to the month or year (the rule needs the day)
        needs = [p for p in parts.decisive if facts[p] is None or _to_the_day(facts[p])]
        if parts.given_sources:
            for name, sources in parts.given_sources:
                if name not in self.concluded_by:
                    for source in sources:
                        if source in self.open:
                            needs.extend(self.of(source))
            needs = sorted(set(needs))
        memo[rule_id] = needs
        return needs


def _to_the_day(value: Any) -> bool:
    """A date of case data known only to the month (`2022-09`) or the year (`2022`)."""
    return isinstance(value, str) and len(value) in (4, 7) and value[:4].isdigit()


class _Values(dict[str, Any]):
    """The case's value at each fact path (None: unknown), each looked up once per result."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self.data = data

    def __missing__(self, path: str) -> Any:
        value = self[path] = value_at(self.data, path)
        return value


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


def render_summary(summary: str, detail: dict[str, Any]) -> str:
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
