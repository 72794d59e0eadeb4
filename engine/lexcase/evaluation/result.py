"""The result of evaluating a case: outcomes with their reasons and sources, the rules defeated,
the rules left undecided with the facts they need, and the rulebook that produced it.

Everything here is read off the inference trace; nothing is decided again. The result is sorted,
so the same case and rules always give the same result, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, Field

from lexcase.errors import InferenceError, Place
from lexcase.evaluation.coverage import Coverage, StateCoverage, coverage_of
from lexcase.evaluation.deadlines import Deadline, compute_deadlines
from lexcase.evaluation.needs import FixedList, NeedsPlan
from lexcase.evaluation.trusted import trusted as _trusted
from lexcase.inference.runner import Trace
from lexcase.law.rulebook import AppliedOverlay, Rulebook
from lexcase.model.facts import value_at
from lexcase.model.rules import (
    PLACEHOLDER,
    Confidence,
    FactRef,
    Model,
    OutcomeKind,
    Rule,
    RuleSource,
    source_fields,
)

NOT_ADVICE = "lexcase models the law and reported practice it cites; it is not legal advice."

KIND_ORDER = {kind: index for index, kind in enumerate(OutcomeKind)}

M = TypeVar("M", bound=BaseModel)


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
    building a result costs only what the case adds. The models are built from data this class
    writes itself, in the shape validation gives them (`_trusted`): validating a result again
    cost about 40 % of building it, and taught nothing the tests do not check (that a result
    equals its own data validated, on many generated cases).
    """

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.stamp = RulebookStamp.of(rulebook)
        self.rules = _PartsByRule(rulebook)
        self.coverage: dict[tuple[Any, Any], Coverage] = {}
        self.reasons = _Reasons()
        self.conclusions: dict[tuple[Any, ...], tuple[Conclusion, ...]] = {}

    def build(self, trace: Trace, case_id: str, as_of: dt.date, data: dict[str, Any]) -> Result:
        rules = self.rules
        holds = trace.holds
        holding = sorted(holds)
        held = [rules[rule_id] for rule_id in holding]
        # The compiled rules make holding and being defeated exclusive; if that ever broke, say
        # so rather than publish a result that contradicts itself.
        clash = [p.rule.id for p in held if p.defeaters and not holds.isdisjoint(p.defeaters)]
        if clash:
            raise InferenceError(
                f"rules both held and were defeated: {', '.join(clash)}",
                Place("<engine>"),
                suggestion="this is a bug in lexcase; please report it",
            )
        concluded_by: dict[str, list[str]] = {}
        for parts in held:
            for name in parts.rule.concludes:
                concluded_by.setdefault(name, []).append(parts.rule.id)
        facts = _Values(data)
        outcomes, conclusions = self._held(held, facts, concluded_by, trace.open)
        defeated = [
            _trusted(
                Defeat,
                {
                    "rule": rule_id,
                    "by": by,
                    "title": rules[rule_id].rule.title,
                    "would_conclude": rules[rule_id].would_conclude(facts),
                },
            )
            for rule_id, by in sorted(trace.defeated)
        ]
        undecided = self._undecided(data, concluded_by, trace.open)
        coverage = self._coverage(data.get("host_state"), data.get("home_state"))
        dated = [p.rule for p in held if p.rule.deadline is not None]
        return _trusted(
            Result,
            {
                "case_id": case_id,
                "as_of": as_of,
                "warnings": list(coverage.warnings),
                "coverage": list(coverage.states),
                "outcomes": outcomes,
                "conclusions": conclusions,
                "defeated": defeated,
                "undecided": undecided,
                "deadlines": compute_deadlines(dated, data, as_of) if dated else [],
                "rulebook": self.stamp,
                "notice": NOT_ADVICE,
            },
        )

    def _held(
        self,
        held: list[_RuleParts],
        facts: _Values,
        concluded_by: dict[str, list[str]],
        open_rules: set[str],
    ) -> tuple[list[Outcome], list[Conclusion]]:
        """The outcomes and the conclusions of the rules that held (`held`, by rule id)."""
        outcomes = []
        conclusions: list[Conclusion] = []
        premises = None
        shared = self.reasons
        for parts in held:
            because, all_shared = parts.because(facts, concluded_by, shared)
            if parts.kind is not None:
                if premises is None:
                    premises = _Premises(self.rules, concluded_by)
                detail = parts.detail(facts)
                fields = parts.source()
                fields["kind"] = parts.kind
                fields["summary"] = parts.summary(detail)
                fields["detail"] = detail
                fields["because"] = list(because)
                fields["at_risk_from"] = (
                    [d for d in parts.defeaters if d in open_rules] if parts.defeaters else []
                )
                fields.update(premises.weakened(parts.rule.id))
                outcomes.append(_trusted(Outcome, fields))
            if parts.rule.concludes:
                conclusions.extend(self._conclusions(parts, because, all_shared))
        if len(outcomes) > 1:
            outcomes.sort(key=_outcome_order)
        return outcomes, conclusions

    def _conclusions(
        self, parts: _RuleParts, because: list[Reason], all_shared: bool
    ) -> tuple[Conclusion, ...]:
        """The conclusions `parts`' rule draws, resting on `because`. Resting on shared reasons
        only, they are the frozen conclusions every result drawing them by the same reasons
        shares, as reasons and undecided entries are (their lists `FixedList`s): about five a
        generated case, and nine in ten of them drawn before (issue 14, session 4)."""
        if not all_shared:
            return tuple(
                _trusted(Conclusion, {**parts.source(), "name": name, "because": list(because)})
                for name in parts.rule.concludes
            )
        key = (parts.rule.id, *map(id, because))
        found = self.conclusions.get(key)
        if found is None:
            fields = parts.source_template
            source = {
                **fields,
                "citations": FixedList(fields["citations"]),
                "reported_in": FixedList(fields["reported_in"]),
            }
            reasons = FixedList(because)
            found = tuple(
                _trusted(Conclusion, {**source, "name": name, "because": reasons})
                for name in parts.rule.concludes
            )
            if len(self.conclusions) >= KEPT_CONCLUSIONS:
                self.conclusions.clear()
            # the key's ids are those of reasons `found` holds: alive while it is kept
            self.conclusions[key] = found
        return found

    def _undecided(
        self, data: dict[str, Any], concluded: dict[str, list[str]], open_rules: set[str]
    ) -> list[Undecided]:
        """The undecided rules, by id, each with what it needs. An undecided rule needing the
        same facts is the same (frozen) entry in every result that has it: about seventy a
        generated case, they were most of the time spent building a result."""
        plan = self.rules.needs
        return plan.entries(plan.unknown(data), concluded, open_rules, self._undecided_entry)

    def _undecided_entry(self, rule_id: str, needs: FixedList[str]) -> Undecided:
        return _trusted(Undecided, {**self.rules[rule_id].undecided_fields, "needs": needs})

    def _coverage(self, host: Any, home: Any) -> Coverage:
        """The coverage for the host and home states (the same for every case naming them):
        its states are frozen and shared by the results naming those states, their lists of
        what a pack leaves out `FixedList`s, as undecided entries are."""
        found = self.coverage.get((host, home))
        if found is None:
            found = coverage_of(self.rulebook.packs, host, home)
            states = [
                _trusted(
                    StateCoverage,
                    {**state.__dict__, "missing": FixedList(state.missing)},
                    state.model_fields_set,
                )
                for state in found.states
            ]
            found = _trusted(Coverage, {"states": states, "warnings": found.warnings})
            if len(self.coverage) < COVERAGE_MEMO:
                self.coverage[host, home] = found
        return found


COVERAGE_MEMO = 4_096  # pairs of host and home state remembered (a case may name any text)


def _outcome_order(outcome: Outcome) -> tuple[int, str, str]:
    return KIND_ORDER[outcome.kind], outcome.jurisdiction, outcome.rule


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
    facts_in_detail: tuple[tuple[str, str], ...]  # (detail key, fact path) read from the case
    fixed_summary: str | None  # the summary, when no detail comes from the case
    source_template: dict[str, Any]  # the fields of `RuleSource` (copy its lists per result)
    undecided_fields: dict[str, Any]

    @classmethod
    def of(cls, rule: Rule, rulebook: Rulebook) -> _RuleParts:
        tests = [(condition.path, condition.in_words()) for condition in rule.conditions]
        outcome = rule.outcome
        facts_in_detail: tuple[tuple[str, str], ...] = ()
        fixed_summary = None
        if outcome is not None:
            facts_in_detail = tuple(
                (k, v.fact) for k, v in outcome.detail.items() if isinstance(v, FactRef)
            )
            if not facts_in_detail:
                fixed_summary = render_summary(outcome.summary, dict(outcome.detail))
        return cls(
            rule=rule,
            defeaters=tuple(sorted(rulebook.defeaters.get(rule.id, ()))),
            kind=outcome.kind if outcome is not None else None,
            tests=tuple(tests),
            facts_in_detail=facts_in_detail,
            fixed_summary=fixed_summary,
            source_template=source_fields(rule),
            undecided_fields={
                "rule": rule.id,
                "title": rule.title,
                "kind": outcome.kind if outcome is not None else None,
                "jurisdiction": rule.jurisdiction,
                "needs": None,
            },
        )

    def source(self) -> dict[str, Any]:
        """The fields of `RuleSource`, with lists of this result's own."""
        fields = self.source_template
        return {
            **fields,
            "citations": list(fields["citations"]),
            "reported_in": list(fields["reported_in"]),
        }

    def because(
        self, facts: _Values, concluded_by: dict[str, list[str]], shared: _Reasons
    ) -> tuple[list[Reason], bool]:
        """The reasons, and whether each is the frozen `Reason` `shared` by every result giving
        that reason (holding the fields its data gave it, as validated); a value that can change
        (a list, a mapping) makes a reason of its own."""
        reasons = []
        all_shared = True
        for path, test in self.tests:
            value = facts[path]
            kind = value.__class__
            key = (path, test, kind, value) if kind in _SHAREABLE else None
            reason = shared.get(key) if key is not None else None
            if reason is None:
                fields = {"fact": path, "value": value, "test": test, "conclusion": None}
                fields["rules"] = _NO_RULES if key is not None else []
                reason = _trusted(Reason, fields, _FACT_REASON)
                if key is not None:
                    shared.keep(key, reason)
                else:
                    all_shared = False
            reasons.append(reason)
        for name in self.rule.given:
            rules = concluded_by.get(name, ())
            key = (name, *rules)
            reason = shared.get(key)
            if reason is None:
                fields = {"fact": None, "value": None, "test": None, "conclusion": name}
                fields["rules"] = FixedList(rules)
                reason = _trusted(Reason, fields, _CONCLUSION_REASON)
                shared.keep(key, reason)
            reasons.append(reason)
        return reasons, all_shared

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


_FACT_REASON = ("fact", "value", "test")
_CONCLUSION_REASON = ("conclusion", "rules")
_SHAREABLE = frozenset({str, int, bool, float, type(None)})  # values a shared reason may hold
_NO_RULES: FixedList[str] = FixedList()
KEPT_REASONS = 16_384  # shared reasons kept before the store starts again (memory stays flat)
KEPT_CONCLUSIONS = 16_384  # rules' shared conclusions kept, the same way


class _Reasons(dict[tuple[Any, ...], Reason]):
    """The reasons results share: a reason is a frozen model, its `rules` a `FixedList`, so the
    same fact with the same value under the same test (or the same conclusion drawn by the same
    rules) is one `Reason` in every result giving it, as an undecided entry is. A value of a
    kind that can change (a list, a mapping) makes a reason of its own."""

    def keep(self, key: tuple[Any, ...], reason: Reason) -> None:
        if len(self) >= KEPT_REASONS:
            self.clear()
        self[key] = reason


class _PartsByRule(dict[str, "_RuleParts"]):
    """Each rule's parts, worked out the first time a result mentions the rule: a command that
    evaluates one case pays for the dozen rules it reports, not for the whole rulebook."""

    def __init__(self, rulebook: Rulebook) -> None:
        super().__init__()
        self.rulebook = rulebook
        self._needs: NeedsPlan | None = None

    @property
    def needs(self) -> NeedsPlan:
        if self._needs is None:
            self._needs = NeedsPlan(self.rulebook)
        return self._needs

    def __missing__(self, rule_id: str) -> _RuleParts:
        parts = self[rule_id] = _RuleParts.of(self.rulebook.by_id[rule_id], self.rulebook)
        return parts


class _Values(dict[str, Any]):
    """The case's value at each fact path (None: unknown), each looked up once per result."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self.data = data

    def __missing__(self, path: str) -> Any:
        value = self[path] = value_at(self.data, path)
        return value


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
