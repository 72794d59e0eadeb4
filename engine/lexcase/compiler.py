"""The compiler: a rulebook as a durable_rules ruleset.

Semantics compiled here (the reference for every other part of lexcase):

* Facts are three-valued. A test on a known fact is true or false; on an unknown fact it is
  neither. Each test therefore compiles to a *true* pattern (it never matches an absent attribute)
  and to *false* patterns (they only match a known value that fails it). `present` is the one
  two-valued test: it asks whether the case records a fact at all. `known` has no false pattern:
  true on a recorded fact, unknown otherwise (a deadline needs the date it counts from).
* A rule **holds** when all its tests are true, every conclusion it is `given` holds, and no rule
  that defeats it holds. It is **defeated** when its tests and givens are true and a defeater holds.
  It is **undecided** when it neither holds nor is defeated, none of its tests is false, and each
  of its givens holds or is undecided. Otherwise it does not apply.
* Rules are evaluated level by level (see `rulebook.levels`). Within a level, durable_rules first
  decides which rules hold or are defeated (phase `d`), then which are undecided (phase `o`). The
  inference run asserts one stage fact per phase, so every rule fires only once everything it
  depends on is settled: the result does not depend on firing order.

The case reaches the engine as one fact per section of the case (see `facts.section_facts`).
durable_rules walks the tests of one fact depth-first with a stack of 64 nodes (error 303 past it),
so the tests on a section are spread over as many copies ("facets") of its fact as needed to keep
each copy's tests under `FACET_BUDGET`.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import product
from typing import Any

from lexcase.facts import COUNT_SUFFIX, DAY_SUFFIX, FactPath, ValueKind, fact_path
from lexcase.rulebook import Rulebook
from lexcase.rules import Op, Rule, Test

FACET_BUDGET = 48  # alpha tests per fact copy; durable_rules' stack holds 64
STAGE = "stage"
CONCLUSION = "g"  # {t: g, g: <conclusion>, s: T|U, r: <rule>}: a conclusion holds or is undecided
HELD = "h"  # {t: h, r: <rule>}: the rule held
FLUSH = "flush"
NEGATION_COPY = "~"  # suffix of the section copies that falsity tests read (see _Pattern.copy)
DECIDE, OPEN = "d", "o"

Json = dict[str, Any]


class ActionKind(StrEnum):
    HOLDS = "holds"
    DEFEATED = "defeated"
    OPEN = "open"
    FLUSH = "flush"


@dataclass(frozen=True)
class Action:
    """What the inference run records when a compiled durable rule fires."""

    kind: ActionKind
    rule: str | None = None
    by: str | None = None  # the defeater, for DEFEATED
    asserts: tuple[Json, ...] = ()  # conclusion facts to assert before the next stage


@dataclass(frozen=True)
class CompiledRulebook:
    name: str
    definition: dict[str, Json]
    actions: dict[str, Action]
    stages: tuple[tuple[int, str], ...]  # (level, phase) pairs that have rules, in order
    facets: dict[str, tuple[str, ...]]  # section -> the fact types that carry it


# --- tests as patterns -----------------------------------------------------------------------


def _key(fp: FactPath) -> str:
    return fp.key


def true_atoms(fp: FactPath, test: Test, ref: str | None) -> list[Json]:
    """The pattern tests that hold when `test` is true (never on an absent attribute)."""
    x, op, v = _key(fp), test.op, test.value
    if op is Op.IS:
        return [{x: v}]
    if op is Op.IS_NOT:
        return [{"$neq": {x: v}}]
    if op is Op.IN:
        return [{x: v[0]}] if len(v) == 1 else [{"$or": [{x: item} for item in v]}]
    if op is Op.NOT_IN:
        return [{"$neq": {x: item}} for item in v]
    if op in _COMPARE:
        return [{_COMPARE[op]: {x: v}}]
    if op is Op.CONTAINS:
        return [{"$iany": {x: _item_is(fp, v)}}]
    if op is Op.CONTAINS_ANY:
        return [{"$iany": {x: {"$or": [{"$i": item} for item in v]}}}]
    if op is Op.NOT_CONTAINS:
        return [{"$or": [{x + COUNT_SUFFIX: 0}, {"$iall": {x: _item_is_not(fp, v)}}]}]
    if op is Op.PRESENT:
        return [{"$ex" if v else "$nex": {x: 1}}]
    if op is Op.KNOWN:
        return [{"$ex": {x: 1}}]
    assert ref is not None and test.other is not None and test.days is not None
    mine, theirs = x + DAY_SUFFIX, fact_path(test.other).key + DAY_SUFFIX
    later = {"$add": {"$l": {ref: theirs}, "$r": test.days}}
    if op is Op.WITHIN_DAYS_AFTER:
        return [{"$gte": {mine: {ref: theirs}}}, {"$lte": {mine: later}}]
    return [{"$gt": {mine: later}}]


def false_atoms(fp: FactPath, test: Test, ref: str | None) -> list[Json]:
    """Patterns each of which, matching, makes `test` false; none matches an unknown fact."""
    x, op, v = _key(fp), test.op, test.value
    if op is Op.IS:
        return [{"$neq": {x: v}}]
    if op is Op.IS_NOT:
        return [{x: v}]
    if op is Op.IN:
        return (
            [{"$and": [{"$neq": {x: item}} for item in v]}] if len(v) > 1 else [{"$neq": {x: v[0]}}]
        )
    if op is Op.NOT_IN:
        return [{x: item} for item in v]
    if op in _COMPARE:
        return [{_NEGATED[_COMPARE[op]]: {x: v}}]
    if op is Op.CONTAINS:
        return [{x + COUNT_SUFFIX: 0}, {"$iall": {x: _item_is_not(fp, v)}}]
    if op is Op.CONTAINS_ANY:
        return [
            {x + COUNT_SUFFIX: 0},
            {"$iall": {x: {"$and": [{"$neq": {"$i": item}} for item in v]}}},
        ]
    if op is Op.NOT_CONTAINS:
        return [{"$iany": {x: _item_is(fp, v)}}]
    if op is Op.PRESENT:
        return [{"$nex" if v else "$ex": {x: 1}}]
    if op is Op.KNOWN:
        return []  # never false: an unrecorded fact is unknown
    assert ref is not None and test.other is not None and test.days is not None
    mine, theirs = x + DAY_SUFFIX, fact_path(test.other).key + DAY_SUFFIX
    later = {"$add": {"$l": {ref: theirs}, "$r": test.days}}
    if op is Op.WITHIN_DAYS_AFTER:
        return [{"$lt": {mine: {ref: theirs}}}, {"$gt": {mine: later}}]
    return [{"$lte": {mine: later}}]


_COMPARE = {
    Op.AT_LEAST: "$gte",
    Op.AT_MOST: "$lte",
    Op.MORE_THAN: "$gt",
    Op.LESS_THAN: "$lt",
    Op.ON_OR_AFTER: "$gte",
    Op.ON_OR_BEFORE: "$lte",
    Op.AFTER: "$gt",
    Op.BEFORE: "$lt",
}
_NEGATED = {"$gte": "$lt", "$lte": "$gt", "$gt": "$lte", "$lt": "$gte"}


def _item_is(fp: FactPath, value: Any) -> Json:
    if fp.kind is ValueKind.RECORDS:
        atoms = [{f"$i.{k}": v} for k, v in sorted(value.items())]
        return atoms[0] if len(atoms) == 1 else {"$and": atoms}
    return {"$i": value}


def _item_is_not(fp: FactPath, value: Any) -> Json:
    if fp.kind is ValueKind.RECORDS:
        atoms = [{"$neq": {f"$i.{k}": v}} for k, v in sorted(value.items())]
        return atoms[0] if len(atoms) == 1 else {"$or": atoms}
    return {"$neq": {"$i": value}}


# --- patterns, before their facet is known -----------------------------------------------------


@dataclass
class _Pattern:
    """A pattern on one section of the case; the facet (fact type) is chosen later."""

    section: str
    atoms: list[Json]
    refs: tuple[str, ...] = ()  # aliases of other patterns it reads
    # durable_rules lets one fact fill only one pattern of a rule: a fact bound by a positive
    # pattern is invisible to the rule's $not patterns. A falsity test on a section that the same
    # rule binds (for date arithmetic) therefore reads a copy of that section's fact.
    copy: bool = False

    @property
    def family(self) -> str:
        return self.section + (NEGATION_COPY if self.copy else "")

    def canonical(self) -> str:
        return json.dumps([self.family, sorted(json.dumps(a, sort_keys=True) for a in self.atoms)])

    def weight(self) -> int:
        """An upper bound of the alpha tests this pattern adds (each $or branch counts)."""
        return sum(_weight(a) for a in self.atoms) or 1


def _weight(atom: Json) -> int:
    if "$or" in atom:
        return sum(_weight(a) for a in atom["$or"])
    if "$and" in atom:
        return sum(_weight(a) for a in atom["$and"])
    return 1


@dataclass
class _RuleParts:
    """The pieces shared by every durable rule compiled from one lexcase rule."""

    sections: dict[str, list[Json]] = field(default_factory=dict)  # section -> true atoms
    known_refs: set[str] = field(default_factory=set)  # sections that must have the other date
    false_patterns: list[_Pattern] = field(default_factory=list)
    relational: list[tuple[str, str]] = field(default_factory=list)  # (ref section, other key)


Entry = tuple[str, "_Pattern | Json", bool]  # (alias, pattern, negated) of one compiled pattern


def _alias(section: str) -> str:
    return "s_" + section.replace(".", "_")


def _parts(rule: Rule) -> _RuleParts:
    parts = _RuleParts()
    for condition in rule.conditions:
        fp = fact_path(condition.path)
        for test in condition.tests:
            ref = None
            if test.other is not None:
                other = fact_path(test.other)
                ref = _alias(other.section)
                parts.sections.setdefault(other.section, [])
                parts.relational.append((other.section, other.key + DAY_SUFFIX))
            parts.sections.setdefault(fp.section, []).extend(true_atoms(fp, test, ref))
            for atom in false_atoms(fp, test, ref):
                refs = (ref,) if ref else ()
                parts.false_patterns.append(_Pattern(fp.section, [atom], refs))
    return parts


# --- the ruleset ----------------------------------------------------------------------------


class _Builder:
    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.levels = rulebook.levels
        self.rules: list[tuple[str, list[Entry], Action, int]] = []
        self.consumed_holds: set[str] = set()  # rules whose holding others test
        self.consumed_conclusions: set[str] = set()

    def build(self) -> None:
        for rule in self.rulebook.rules:
            for name in rule.given:
                self.consumed_conclusions.add(name)
            for defeater in self.rulebook.defeaters.get(rule.id, ()):
                self.consumed_holds.add(defeater)
        for index, rule in enumerate(self.rulebook.rules):
            self._rule(index, rule)

    def _conclusion_facts(self, rule: Rule, status: str) -> tuple[Json, ...]:
        """The facts a rule's action asserts: one per conclusion another rule is given, and for a
        holding rule one more when anything asks whether it held."""
        facts: list[Json] = [
            {"t": CONCLUSION, "g": name, "s": status, "r": rule.id}
            for name in rule.concludes
            if name in self.consumed_conclusions
        ]
        if status == "T" and (rule.id in self.consumed_holds or self._can_be_open(rule)):
            facts.append({"t": HELD, "r": rule.id})
        return tuple(facts)

    def _can_be_open(self, rule: Rule) -> bool:
        if rule.given:
            return True
        return any(t.op is not Op.PRESENT for c in rule.conditions for t in c.tests)

    def _rule(self, index: int, rule: Rule) -> None:
        level = self.levels[rule.id]
        parts = _parts(rule)
        defeaters = self.rulebook.defeaters.get(rule.id, ())

        def section_patterns(known: dict[str, bool]) -> list[Entry]:
            out: list[Entry] = []
            # sections read by relational tests come first, so their alias is bound when used
            order = sorted(parts.sections, key=lambda s: (s not in dict(parts.relational), s))
            for section in order:
                atoms = list(parts.sections[section])
                for ref_section, other_key in parts.relational:
                    if ref_section == section:
                        atoms.append({"$ex" if known[section] else "$nex": {other_key: 1}})
                refs = tuple(sorted({_alias(s) for s, _ in parts.relational if s != section}))
                out.append((_alias(section), _Pattern(section, atoms, refs), False))
            return out

        def holds_given(status: str | None) -> list[Entry]:
            out: list[Entry] = []
            for i, name in enumerate(rule.given):
                test: list[Json] = [{"t": CONCLUSION}, {"g": name}]
                if status:
                    test.append({"s": status})
                out.append((f"g{i}", {"$and": test}, False))
            return out

        def stage(phase: str) -> Entry:
            return ("st", {"$and": [{"t": STAGE}, {"k": level}, {"ph": phase}]}, False)

        def held(rule_id: str, alias: str, negated: bool) -> Entry:
            return (alias, {"$and": [{"t": HELD}, {"r": rule_id}]}, negated)

        all_known = {s: True for s, _ in parts.relational}
        base = section_patterns(all_known) + holds_given("T") + [stage(DECIDE)]
        not_defeated: list[Entry] = [held(d, f"x{i}", True) for i, d in enumerate(defeaters)]
        self._add(
            f"h{index}",
            base + not_defeated,
            Action(ActionKind.HOLDS, rule.id, asserts=self._conclusion_facts(rule, "T")),
        )
        for i, defeater in enumerate(defeaters):
            self._add(
                f"d{index}_{i}",
                [*base, held(defeater, "by", False)],
                Action(ActionKind.DEFEATED, rule.id, by=defeater),
            )
        if not self._can_be_open(rule):
            return
        ref_sections = sorted({s for s, _ in parts.relational})
        for variant, flags in enumerate(product((True, False), repeat=len(ref_sections))):
            known = dict(zip(ref_sections, flags, strict=True))
            patterns: list[Entry] = [stage(OPEN), *holds_given(None)]
            for section in ref_sections:
                other_keys = [k for s, k in parts.relational if s == section]
                atoms = [{"$ex" if known[section] else "$nex": {k: 1}} for k in other_keys]
                patterns.append((_alias(section), _Pattern(section, atoms), False))
            for i, pattern in enumerate(parts.false_patterns):
                if pattern.refs and not all(known[r[2:]] for r in pattern.refs):
                    continue  # the other date is unknown: this test cannot be false
                if pattern.section in known:
                    pattern = _Pattern(pattern.section, pattern.atoms, pattern.refs, copy=True)
                patterns.append((f"f{i}", pattern, True))
            patterns.append(held(rule.id, "self", True))
            patterns.extend(held(d, f"x{i}", True) for i, d in enumerate(defeaters))
            self._add(
                f"o{index}_{variant}",
                patterns,
                Action(ActionKind.OPEN, rule.id, asserts=self._conclusion_facts(rule, "U")),
            )

    def _add(self, name: str, patterns: list[Entry], action: Action) -> None:
        level = self.levels[action.rule] if action.rule else 0
        self.rules.append((name, patterns, action, level))


def compile_rulebook(
    rulebook: Rulebook, name: str = "lexcase", shuffle: int | None = None
) -> CompiledRulebook:
    """Compile `rulebook` to a durable_rules ruleset. `shuffle` reorders the compiled rules (tests
    use it to show the result does not depend on rule order)."""
    builder = _Builder(rulebook)
    builder.build()
    facets = _assign_facets(
        p for _, patterns, _, _ in builder.rules for _, p, _ in patterns if isinstance(p, _Pattern)
    )
    definition: dict[str, Json] = {}
    actions: dict[str, Action] = {}
    entries = list(builder.rules)
    if shuffle is not None:
        random.Random(shuffle).shuffle(entries)
    stages: set[tuple[int, str]] = set()
    for name_, patterns, action, level in entries:
        body = []
        for alias, pattern, negated in patterns:
            if isinstance(pattern, _Pattern):
                facet = facets[pattern.canonical()][1]
                expression: Json = {
                    "$and": [
                        {"t": facet},
                        *sorted(pattern.atoms, key=lambda a: json.dumps(a, sort_keys=True)),
                    ]
                }
            else:
                expression = pattern
            body.append({f"{alias}$not" if negated else alias: expression})
            if not isinstance(pattern, _Pattern) and alias == "st":
                stages.add((level, expression["$and"][2]["ph"]))
        definition[name_] = {"all": body}
        actions[name_] = action
    definition[FLUSH] = {"all": [{"m": {"t": FLUSH}}]}
    actions[FLUSH] = Action(ActionKind.FLUSH)
    by_section: dict[str, set[str]] = {}
    for section, facet in facets.values():
        by_section.setdefault(section, set()).add(facet)
    return CompiledRulebook(
        name=name,
        definition=definition,
        actions=actions,
        stages=tuple(sorted(stages, key=lambda s: (s[0], s[1] == OPEN))),
        facets={k: tuple(sorted(v)) for k, v in by_section.items()},
    )


def _assign_facets(patterns: Any) -> dict[str, tuple[str, str]]:
    """Give each distinct pattern its section and a fact type: the section's name (or its
    negation copy's), numbered once the tests on one fact pass the budget."""
    distinct: dict[str, _Pattern] = {}
    for pattern in patterns:
        distinct.setdefault(pattern.canonical(), pattern)
    facets: dict[str, tuple[str, str]] = {}
    load: dict[str, list[int]] = {}
    for key in sorted(distinct):
        pattern = distinct[key]
        weights = load.setdefault(pattern.family, [0])
        if weights[-1] + pattern.weight() > FACET_BUDGET and weights[-1] > 0:
            weights.append(0)
        weights[-1] += pattern.weight()
        number = len(weights) - 1
        facets[key] = (
            pattern.section,
            pattern.family if number == 0 else f"{pattern.family}#{number}",
        )
    return facets


def definition_copy(compiled: CompiledRulebook) -> dict[str, Json]:
    """A deep copy of the ruleset (durable_rules mutates what it is given)."""
    return copy.deepcopy(compiled.definition)


# --- probes: each test alone, for explanations ---------------------------------------------------


@dataclass(frozen=True)
class Probe:
    """One compiled test of a rule: it fires when the test is true, or (for `truth` False) when
    the test is false. Neither firing means the test is unknown."""

    rule: str
    test: int  # the test's index among the rule's tests, conditions in order
    truth: bool

    @property
    def key(self) -> str:
        return f"{self.rule}#{self.test}:{'T' if self.truth else 'F'}"


def compile_probes(
    rules: Iterable[Rule], name: str = "lexcase_probes"
) -> tuple[CompiledRulebook, dict[str, Probe]]:
    """The tests of `rules`, each compiled alone from the same `true_atoms` and `false_atoms` as
    the rulebook, so that durable_rules itself tells which tests are true, false or unknown for a
    case. Each probe is a tiny rule named by its key: the run reports it among the rules that hold.
    Only explanations use it (`lexcase explain --why-not`, `lexcase rules lint`)."""
    entries: list[tuple[Probe, list[tuple[str, _Pattern]]]] = []
    for rule in rules:
        tests = [
            (condition.path, test) for condition in rule.conditions for test in condition.tests
        ]
        for index, (path, test) in enumerate(tests):
            fp = fact_path(path)
            bound: list[tuple[str, _Pattern]] = []
            ref = None
            if test.other is not None:
                # the other date's section is bound first, and only when it has that date
                other = fact_path(test.other)
                ref = _alias(other.section)
                bound.append((ref, _Pattern(other.section, [{"$ex": {other.key + DAY_SUFFIX: 1}}])))
            refs = (ref,) if ref else ()
            entries.append(
                (
                    Probe(rule.id, index, True),
                    [*bound, ("m", _Pattern(fp.section, true_atoms(fp, test, ref), refs))],
                )
            )
            for atom in false_atoms(fp, test, ref):
                entries.append(
                    (
                        Probe(rule.id, index, False),
                        [*bound, ("m", _Pattern(fp.section, [atom], refs))],
                    )
                )
    facets = _assign_facets(p for _, patterns in entries for _, p in patterns)
    definition: dict[str, Json] = {}
    actions: dict[str, Action] = {}
    probes: dict[str, Probe] = {}
    for number, (probe, patterns) in enumerate(entries):
        rule_name = f"p{number}"
        definition[rule_name] = {
            "all": [
                {alias: {"$and": [{"t": facets[p.canonical()][1]}, *p.atoms]}}
                for alias, p in patterns
            ]
        }
        actions[rule_name] = Action(ActionKind.HOLDS, probe.key)
        probes[probe.key] = probe
    definition[FLUSH] = {"all": [{"m": {"t": FLUSH}}]}
    actions[FLUSH] = Action(ActionKind.FLUSH)
    by_section: dict[str, set[str]] = {}
    for section, facet in facets.values():
        by_section.setdefault(section, set()).add(facet)
    compiled = CompiledRulebook(
        name=name,
        definition=definition,
        actions=actions,
        stages=(),
        facets={k: tuple(sorted(v)) for k, v in by_section.items()},
    )
    return compiled, probes
