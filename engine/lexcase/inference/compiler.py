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
* The inference run wakes the rules in stages, one stage fact at a time, so that a rule is checked
  only once everything it negates is settled; the result does not depend on firing order. A rule
  *negates* whether its defeaters held, so its decide stage (phase `d`) comes after theirs. It
  only *positively* needs its givens, so it shares a stage with the rules concluding them: a
  conclusion drawn inside a stage is asserted at once and wakes the rules waiting for it (positive
  patterns are monotone, so arrival order does not matter). Which rules are undecided is checked
  in one last stage (phase `o`): those rules negate only whether rules held, which is final once
  every decide stage has run, and positively match conclusions that hold or are undecided.
  A compiled rule that negates nothing (holding without defeaters, being defeated) has no stage
  pattern: it fires as soon as its facts are in, which is never later than its stage would
  have been; the inference run asserts the case alone first, to quiescence, before any stage.
  (One exception, a durable_rules bug: a rule with date arithmetic keeps its stage last.)
* durable_rules checks a `$not` pattern only when a partial match reaches it: a fact that arrives
  later does not withdraw the match (measured). Hence the stage facts: a rule's negated patterns
  come after its stage pattern, so they are checked only once what they negate is final.
* One pattern fact serves at most `FANOUT` compiled rules: durable_rules refuses more than 256
  rules behind one identical pattern (error 108) and hangs past 512 different conditions under
  one, so busy patterns read copies of their fact (see `FANOUT`).
* Rules whose undecided checks have the same patterns share one compiled check, whose action
  draws each of their verdicts (`Action.also`). A ruleset compiled for a part of the rulebook
  (`lexcase.inference.parts`) leaves out the patterns that could never match its cases: those
  waiting for a test the part settles to be false, or for a rule that cannot hold there to hold.

The case reaches the engine as one fact per section of the case (see `facts.section_fact`),
carrying only the values some pattern reads (`CompiledRulebook.reads`). durable_rules walks the
tests of one fact depth-first with a stack of 64 nodes (error 303 past it), so the tests on a
section are spread over as many copies ("facets") of its fact as needed to keep each copy's
tests under `FACET_BUDGET`.

This module is longer than the project's usual 500 lines on purpose: the semantics above, the
patterns that implement them, and the constants bounding durable_rules' traps are read together,
and split apart each would lose the reason it is written the way it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from lexcase.errors import Place, RuleFileError
from lexcase.inference.compiled import (
    STAGE,
    Action,
    ActionKind,
    CompiledRulebook,
    Json,
    Stage,
    durable_json,
    type_key,
)
from lexcase.law.rulebook import Rulebook
from lexcase.model.facts import (
    COUNT_SUFFIX,
    DAY_SUFFIX,
    LAST_SUFFIX,
    FactPath,
    ValueKind,
    fact_path,
)
from lexcase.model.rules import Op, Rule, Test

FACET_BUDGET = 48  # alpha tests per fact copy; durable_rules' stack holds 64
# durable_rules refuses more than 256 compiled rules behind one identical pattern (error 108) and
# hangs when one condition has more than 512 different conditions below it: a pattern used by
# more rules than FANOUT reads another copy of its fact, and rule ids and conclusion names are
# spread over fact types of at most FANOUT each.
FANOUT = 200
MAX_COMPILED = 4_096  # compiled rules per ruleset (durable_rules' error 106)
# durable_rules refuses a pattern whose join node's expression sequence reaches 32 entries
# (error 113); each `$and` and `$or` adds two (see _Fanout.use).
MERGED_MARKS = 20
EITHER_FANOUT = 32  # uses of one key inside `$or`s per copy of its fact (see _Fanout._derived)
DEFEATERS_PER_RULE = 4  # an `$or` of 4 fact types (4 marks each) and its own 2: within MERGED_MARKS
FANOUT_COPY = "%"  # suffix of the fact types of those copies: case%1
# durable_rules looks a property up in a node's children by walking its hash table from
# (hash % 32) to the first empty slot: derived keys are spread over types of at most
# KEYS_PER_TYPE keys each, so that walk stays short.
KEYS_PER_TYPE = 32
CONCLUSION = "g"  # {@g: 1, c<n><T|E>: 1}: conclusion n holds (T), or holds or is undecided (E)
HOLDS_STATUS, EITHER_STATUS = "T", "E"  # (see _Builder._conclusion_facts)
HELD = "h"  # {@h: 1, r<n>: 1}: rule n (in the order of rule ids) held
NEGATION_COPY = "~"  # suffix of the section copies that falsity tests read (see _Pattern.copy)
DECIDE, OPEN = "d", "o"

# Whether a test (on the path given) cannot be false in any case a ruleset will run: the host
# state's tests in its part of the rulebook (see lexcase.inference.parts).
NeverFalse = Callable[[str, Test], bool]


def can_be_false(path: str, test: Test) -> bool:
    """Any test: a ruleset for every case."""
    return False


# --- tests as patterns -----------------------------------------------------------------------


def _key(fp: FactPath) -> str:
    return fp.key


def _distinct(values: Any) -> Any:
    """A list of values without repeats, in order; anything else as it is. durable_rules matches
    an `$or` once per true branch, so `in: [RU, RU]` would fire its rule twice."""
    if not isinstance(values, list):
        return values
    return list({json.dumps(item, sort_keys=True): item for item in values}.values())


def true_atoms(fp: FactPath, test: Test, ref: str | None) -> list[Json]:
    """The pattern tests that hold when `test` is true (never on an absent attribute)."""
    x, op, v = _key(fp), test.op, _distinct(test.value)
    if op is Op.IS:
        return [{x: v}]
    if op is Op.IS_NOT:
        return [{"$neq": {x: v}}]
    if op is Op.IN:
        return [{x: v[0]}] if len(v) == 1 else [{"$or": [{x: item} for item in v]}]
    if op is Op.NOT_IN:
        return [{"$neq": {x: item}} for item in v]
    if op in _COMPARE and fp.kind is ValueKind.DATE:
        return [_date_atom(x, _COMPARE[op], v)]
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
    mine, theirs = _span_keys(x), _span_keys(fact_path(test.other).key)
    if op is Op.WITHIN_DAYS_AFTER:  # every day each date may be: on or after, within the days
        return [
            {"$gte": {mine[0]: {ref: theirs[1]}}},
            {"$lte": {mine[1]: _later(ref, theirs[0], test.days)}},
        ]
    return [{"$gt": {mine[0]: _later(ref, theirs[1], test.days)}}]


def false_atoms(fp: FactPath, test: Test, ref: str | None) -> list[Json]:
    """Patterns each of which, matching, makes `test` false; none matches an unknown fact."""
    x, op, v = _key(fp), test.op, _distinct(test.value)
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
    if op in _COMPARE and fp.kind is ValueKind.DATE:
        return [_date_atom(x, _NEGATED[_COMPARE[op]], v)]
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
    mine, theirs = _span_keys(x), _span_keys(fact_path(test.other).key)
    if op is Op.WITHIN_DAYS_AFTER:  # every day each date may be: before, or too late
        return [
            {"$lt": {mine[1]: {ref: theirs[0]}}},
            {"$gt": {mine[0]: _later(ref, theirs[1], test.days)}},
        ]
    return [{"$lte": {mine[1]: _later(ref, theirs[0], test.days)}}]


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


def _span_keys(key: str) -> tuple[str, str]:
    """The keys of a date's first and last possible day numbers (equal for a date known to the
    day; a month or a year for one the case knows only so far)."""
    return key + DAY_SUFFIX, key + LAST_SUFFIX


def _date_atom(key: str, op: str, value: Any) -> Json:
    """A comparison of a date with a fixed date that every day the date may be passes: "after"
    and "on or after" read its first possible day, "before" and "on or before" its last."""
    first, last = _span_keys(key)
    day = dt.date.fromisoformat(str(value)).toordinal()
    return {op: {first if op in ("$gt", "$gte") else last: day}}


def _later(ref: str, key: str, days: int) -> Json:
    return {"$add": {"$l": {ref: key}, "$r": days}}


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
    fanout: int = 0  # which copy of the fact, when more than FANOUT rules use this pattern
    _canonical: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def family(self) -> str:
        family = self.section + (NEGATION_COPY if self.copy else "")
        return family + (f"{FANOUT_COPY}{self.fanout}" if self.fanout else "")

    def canonical(self) -> str:
        if self._canonical is None:  # asked for again and again while compiling
            atoms = sorted(json.dumps(a, sort_keys=True) for a in self.atoms)
            self._canonical = json.dumps([self.family, atoms])
        return self._canonical

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


Entry = tuple[str, "_Pattern | _Stage | _Derived | _Either", bool]  # (alias, pattern, negated)


def _alias(section: str) -> str:
    return "s_" + section.replace(".", "_")


def _parts(rule: Rule, never_false: NeverFalse) -> _RuleParts:
    """The patterns of `rule`'s tests: true atoms by section, and false patterns, but none for
    a test that cannot be false in the cases the ruleset runs (`never_false`): it would never
    match."""
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
            dead = never_false(condition.path, test)
            for atom in () if dead else false_atoms(fp, test, ref):
                refs = (ref,) if ref else ()
                parts.false_patterns.append(_Pattern(fp.section, [atom], refs))
    return parts


# --- the ruleset ----------------------------------------------------------------------------


def decide_strata(rulebook: Rulebook) -> dict[str, int]:
    """Each rule's decide stage: after the stages of its defeaters (it negates their holding), and
    no earlier than the rules concluding its givens (it needs them positively, so it may share
    their stage). Rules are visited by level, so whatever a rule depends on comes first."""
    strata: dict[str, int] = {}
    for rule in sorted(rulebook.rules, key=lambda r: rulebook.levels[r.id]):
        after = [strata[d] + 1 for d in rulebook.defeaters.get(rule.id, ())]
        beside = [strata[c] for name in rule.given for c in rulebook.concluders.get(name, ())]
        strata[rule.id] = max([0, *after, *beside])
    return strata


@dataclass(frozen=True)
class _Stage:
    """The stage pattern of a compiled rule; its chunk is chosen once every rule is known."""

    phase: str
    stratum: int


@dataclass(frozen=True)
class _Derived:
    """A pattern on (or, in an action, a fact of) what the inference run asserts: a rule held
    (HELD, key: the rule) or a conclusion holds or is undecided (CONCLUSION, key: its name)."""

    kind: str
    key: str
    status: str | None = None  # CONCLUSION: HOLDS_STATUS or EITHER_STATUS


@dataclass(frozen=True)
class _Either:
    """A pattern on any of several rules' having held (a negated one: none of them held)."""

    rules: tuple[str, ...]


# a compiled rule before its facets are chosen: name, patterns, action, conclusions it draws
_Compiled = tuple[str, list[Entry], Action, tuple[_Derived, ...]]


class _Builder:
    def __init__(
        self,
        rulebook: Rulebook,
        undecided_only: frozenset[str] = frozenset(),
        never_false: NeverFalse = can_be_false,
    ) -> None:
        self.rulebook = rulebook
        self.undecided_only = undecided_only
        self.never_false = never_false
        self.strata = decide_strata(rulebook)
        self.rules: list[_Compiled] = []
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

    def _conclusion_facts(self, rule: Rule, holds: bool) -> tuple[_Derived, ...]:
        """The facts a rule's action asserts, for each conclusion another rule is given: that it
        holds or is undecided (EITHER_STATUS, which the undecided checks read), and for a holding
        rule that it holds (HOLDS_STATUS, which the decide stages read); for a holding rule one
        more when anything asks whether it held. A conclusion fact does not say which rule drew
        it: however many rules draw a conclusion, each status of it is one fact (the inference
        run asserts it once), so a rule given it fires once, not once per rule that drew it."""
        statuses = (HOLDS_STATUS, EITHER_STATUS) if holds else (EITHER_STATUS,)
        facts = [
            _Derived(CONCLUSION, name, status)
            for name in rule.concludes
            if name in self.consumed_conclusions
            for status in statuses
        ]
        if holds and (rule.id in self.consumed_holds or self._can_be_open(rule)):
            facts.append(_Derived(HELD, rule.id))
        return tuple(facts)

    def _can_be_open(self, rule: Rule) -> bool:
        if rule.given:
            return True
        return any(t.op is not Op.PRESENT for c in rule.conditions for t in c.tests)

    def _rule(self, index: int, rule: Rule) -> None:
        parts = _parts(rule, self.never_false)
        # a defeater that cannot hold here cannot defeat: no pattern waits for its holding
        defeaters = tuple(
            d for d in self.rulebook.defeaters.get(rule.id, ()) if d not in self.undecided_only
        )

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

        def holds_given(status: str) -> list[Entry]:
            return [
                (f"g{i}", _Derived(CONCLUSION, name, status), False)
                for i, name in enumerate(rule.given)
            ]

        def stage(phase: str) -> Entry:
            # Every undecided check runs in the one last stage.
            return ("st", _Stage(phase, self.strata[rule.id] if phase == DECIDE else 0), False)

        def held(rule_id: str, alias: str, negated: bool) -> Entry:
            return (alias, _Derived(HELD, rule_id), negated)

        # durable_rules joins a rule's patterns in the order written, keeping each partial match:
        # the rarest facts go first (a given, a defeater that held), so that the case's sections
        # start no partial match in a rule that cannot fire.
        all_known = {s: True for s, _ in parts.relational}
        base = holds_given(HOLDS_STATUS) + section_patterns(all_known)
        not_defeated: list[Entry] = [held(d, f"x{i}", True) for i, d in enumerate(defeaters)]
        # Only a rule that negates something waits for its stage: holding without defeaters, and
        # being defeated, need their patterns positively, and positive patterns are monotone (a
        # fact that arrives later only adds matches), so those fire as soon as their facts are
        # in. A stage pattern that is not first stores every stage fact in the rule's join.
        # durable_rules reads past a frame when a pattern that reads another pattern's fact (date
        # arithmetic) is the last before the action (valgrind: an invalid read in
        # reduceExpressionSequence, then a segmentation fault): such a rule keeps its stage last.
        last = [stage(DECIDE)] if parts.relational else []
        base_then_stage = [*base, stage(DECIDE)] if not_defeated or not base else [*base, *last]
        # A rule that cannot hold for the cases this ruleset is for (see compile_rulebook) has
        # only its undecided check: holding or being defeated needs every test true.
        holds = rule.id not in self.undecided_only
        if holds:
            self._add(
                f"h{index}",
                base_then_stage + not_defeated,
                Action(ActionKind.HOLDS, rule.id),
                self._conclusion_facts(rule, holds=True),
            )
        # One compiled rule is defeated by any of several defeaters (its first pattern matches
        # any of their having held, and the action's message says which one did): every
        # compiled rule costs durable_rules a step after each action (see compile_rulebook).
        for i in range(0, len(defeaters) if holds else 0, DEFEATERS_PER_RULE):
            chunk = tuple(defeaters[i : i + DEFEATERS_PER_RULE])
            self._add(
                f"d{index}_{i // DEFEATERS_PER_RULE}",
                [("by", _Either(chunk), False), *base, *last],  # nothing negated
                Action(ActionKind.DEFEATED, rule.id, by=chunk[0] if len(chunk) == 1 else None),
            )
        if not self._can_be_open(rule):
            return
        ref_sections = sorted({s for s, _ in parts.relational})
        for variant, flags in enumerate(product((True, False), repeat=len(ref_sections))):
            known = dict(zip(ref_sections, flags, strict=True))
            patterns: list[Entry] = [stage(OPEN), *holds_given(EITHER_STATUS)]
            for section in ref_sections:
                other_keys = [k for s, k in parts.relational if s == section]
                atoms = [{"$ex" if known[section] else "$nex": {k: 1}} for k in other_keys]
                patterns.append((_alias(section), _Pattern(section, atoms), False))
            falsity = [
                _Pattern(p.section, p.atoms, p.refs, copy=p.section in known)
                for p in parts.false_patterns
                # when the other date is unknown, the test cannot be false
                if not p.refs or all(known[r[2:]] for r in p.refs)
            ]
            # Each negated pattern on a section stays alone: merged into one `$or`, they cost more
            # (measured: durable_rules gives every use of an `$or` its own alpha node, which
            # every fact reaching its branches visits).
            patterns.extend((f"f{i}", p, True) for i, p in enumerate(falsity))
            able = (rule.id, *defeaters) if holds else defeaters  # those that can hold here
            if able:
                patterns.append(("held", _Either(able), True))
            self._add(
                f"o{index}_{variant}",
                patterns,
                Action(ActionKind.OPEN, rule.id),
                self._conclusion_facts(rule, holds=False),
            )

    def _add(
        self, name: str, patterns: list[Entry], action: Action, draws: tuple[_Derived, ...] = ()
    ) -> None:
        self.rules.append((name, patterns, action, draws))


def compile_rulebook(
    rulebook: Rulebook,
    name: str = "lexcase",
    shuffle: int | None = None,
    undecided_only: frozenset[str] = frozenset(),
    never_false: NeverFalse = can_be_false,
) -> CompiledRulebook:
    """Compile `rulebook` to a durable_rules ruleset. `shuffle` reorders the compiled rules (tests
    use it to show the result does not depend on rule order). The rules `undecided_only` cannot
    hold (nor be defeated) in the cases the ruleset will run: they are compiled to their
    undecided checks alone (see `lexcase.inference.parts`), and the tests `never_false` says of
    cannot be false there (no pattern waits for them to be)."""
    builder = _Builder(rulebook, undecided_only, never_false)
    builder.build()
    # After each action durable_rules looks for the next one by walking the compiled rules in
    # the order written, from the first: the rules that fire most often (the undecided checks,
    # then holding) go first, so the walk is short.
    entries = sorted(_shared(builder.rules), key=lambda entry: _FIRING_ORDER[entry[2].kind])
    if shuffle is not None:
        random.Random(shuffle).shuffle(entries)
    if len(entries) > MAX_COMPILED:
        raise RuleFileError(
            f"{len(rulebook.rules)} rules compile to {len(entries)} durable_rules rules, more "
            f"than the {MAX_COMPILED:,} it accepts in one ruleset",
            Place(rulebook.root),
            expected="fewer rules in one folder (each defeat and each undecided check adds a "
            "compiled rule)",
            suggestion="split the rules over several folders",
        )
    fanout = _Fanout(rulebook)
    patterns_of = [
        [
            (f"{alias}{n or ''}", used, negated)
            for alias, pattern, negated in patterns
            for n, used in enumerate(fanout.use(pattern))
        ]
        for _, patterns, _, _ in entries
    ]
    facets = _assign_facets(
        p for patterns in patterns_of for _, p, _ in patterns if isinstance(p, _Pattern)
    )
    definition: dict[str, Json] = {}
    actions: dict[str, Action] = {}
    reads: dict[str, set[str]] = {facet: set() for _, facet in facets.values()}
    for (name_, written, action, draws), patterns in zip(entries, patterns_of, strict=True):
        body = []
        bound = {
            alias: facets[p.canonical()][1] for alias, p, _ in patterns if isinstance(p, _Pattern)
        }
        for alias, pattern, negated in patterns:
            if isinstance(pattern, _Pattern):
                facet = facets[pattern.canonical()][1]
                for atom in pattern.atoms:
                    _note_reads(atom, facet, bound, reads)
                atoms = sorted(pattern.atoms, key=lambda a: json.dumps(a, sort_keys=True))
                expression: Json = {"$and": [{type_key(facet): 1}, *atoms]}
            else:
                expression = pattern
            body.append({f"{alias}$not" if negated else alias: expression})
        definition[name_] = {"all": body}
        asserts = tuple(
            {type_key(fanout.fact_type(fact, n)): 1, fanout.key(fact): 1}
            for fact in draws
            for n in range(fanout.copies.get((fact.kind, fact.key), 1))
        )
        defeaters = tuple(
            (fanout.key(_Derived(HELD, rule)), rule)
            for alias, pattern, negated in written
            if alias == "by" and isinstance(pattern, _Either) and action.by is None
            for rule in pattern.rules
        )
        actions[name_] = dataclasses.replace(action, asserts=asserts, defeaters=defeaters)
    stages = [
        Stage(stage.phase, stage.stratum, copies)
        for (kind, stage), copies in fanout.copies.items()
        if kind == STAGE and isinstance(stage, _Stage)
    ]
    return CompiledRulebook(
        name=name,
        ruleset=durable_json(definition),
        actions=actions,
        stages=tuple(sorted(stages, key=lambda s: (s.phase == OPEN, s.stratum))),
        facets=_by_section(facets),
        reads={k: tuple(sorted(v)) for k, v in reads.items()},
        root=rulebook.root,
    )


_FIRING_ORDER = {ActionKind.OPEN: 0, ActionKind.HOLDS: 1, ActionKind.DEFEATED: 2}


def _shared(rules: list[_Compiled]) -> list[_Compiled]:
    """The compiled rules, each undecided check compiled once for all the rules whose checks
    have the same patterns: its action draws each one's verdict and conclusions. Where the host
    state is unknown, a score of rules that test only it have the same check (measured: 229
    checks, 174 different); every compiled rule costs durable_rules work in every case, and each
    action a round trip."""
    out: list[_Compiled] = []
    first: dict[tuple[Any, ...], int] = {}
    for name, patterns, action, draws in rules:
        if action.kind is not ActionKind.OPEN:
            out.append((name, patterns, action, draws))
            continue
        key = tuple(_pattern_key(entry) for entry in patterns)
        at = first.setdefault(key, len(out))
        if at == len(out):
            out.append((name, patterns, action, draws))
            continue
        kept_name, kept_patterns, kept, kept_draws = out[at]
        more = tuple(fact for fact in draws if fact not in kept_draws)
        also = dataclasses.replace(kept, also=(*kept.also, action.rule))
        out[at] = (kept_name, kept_patterns, also, kept_draws + more)
    return out


def _pattern_key(entry: Entry) -> tuple[Any, ...]:
    alias, pattern, negated = entry
    if isinstance(pattern, _Pattern):
        return (alias, pattern.canonical(), pattern.refs, negated)
    return (alias, pattern, negated)


class _Fanout:
    """Which copy of its fact each use of a pattern reads: the first FANOUT uses of one pattern
    read copy 0, the next FANOUT copy 1, and so on. Rule ids and conclusion names are spread
    over fact types (h, h1, g...) of at most KEYS_PER_TYPE each, and each is a property named by
    its number in sorted order (see TYPE)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.uses: dict[Any, int] = {}
        self.copies: dict[tuple[str, Any], int] = {}  # (kind, key) -> copies asserted
        names = sorted({n for r in rulebook.rules for n in (*r.concludes, *r.given)})
        self.number = {
            **{(HELD, r.id): i for i, r in enumerate(sorted(rulebook.rules, key=_id))},
            **{(CONCLUSION, n): i for i, n in enumerate(names)},
        }

    def use(self, pattern: _Pattern | _Stage | _Derived | _Either) -> list[_Pattern | Json]:
        """One use of `pattern`: a section's pattern on the copy of its fact it reads (its fact
        type is chosen later), or the expression of any other pattern; an `_Either` may take
        more than one (see MERGED_MARKS)."""
        if isinstance(pattern, _Pattern):
            copy = self._count(pattern.canonical())
            return [dataclasses.replace(pattern, fanout=copy) if copy else pattern]
        if isinstance(pattern, _Stage):
            copy = self._count((STAGE, pattern))
            self._copied((STAGE, pattern), copy)
            chunk = Stage(pattern.phase, pattern.stratum, 0).key(copy)
            return [{"$and": [{type_key(STAGE): 1}, {chunk: 1}]}]
        if isinstance(pattern, _Derived):
            kind, key = self._derived(pattern)
            return [{"$and": [{type_key(kind): 1}, {key: 1}]}]
        by_type: dict[str, list[Json]] = {}
        for rule in pattern.rules:
            kind, key = self._derived(_Derived(HELD, rule), either=len(pattern.rules) > 1)
            by_type.setdefault(kind, []).append({key: 1})
        either: list[Json] = [
            {"$and": [{type_key(kind): 1}, keys[0] if len(keys) == 1 else {"$or": keys}]}
            for kind, keys in by_type.items()
        ]
        # each branch adds at most 4 marks, the $or around them 2
        per = (MERGED_MARKS - 2) // 4
        chunks = [either[i : i + per] for i in range(0, len(either), per)]  # all $not
        return [chunk[0] if len(chunk) == 1 else {"$or": chunk} for chunk in chunks]

    def _derived(self, pattern: _Derived, either: bool = False) -> tuple[str, str]:
        """A use of a derived fact: its fact type and its key. Every use of an `$or` hangs a
        node testing the absence of `$forward` below each branch, and durable_rules refuses
        more than 128 of those below one node (error 107), and pushes them all on its stack of
        64 when the fact arrives (error 303): a key used in `$or`s reads another copy of its
        fact every EITHER_FANOUT such uses."""
        if either:
            copy = self._count((pattern.kind, pattern.key, "$or"), EITHER_FANOUT)
        else:
            copy = self._count((pattern.kind, pattern.key, pattern.status))
        self._copied((pattern.kind, pattern.key), copy)
        return self.fact_type(pattern, copy), self.key(pattern)

    def _copied(self, key: tuple[str, Any], copy: int) -> None:
        self.copies[key] = max(self.copies.get(key, 0), copy + 1)

    def _count(self, identity: Any, per: int = FANOUT) -> int:
        count = self.uses.get(identity, 0)
        self.uses[identity] = count + 1
        return count // per

    def fact_type(self, fact: _Derived, copy: int) -> str:
        bucket = self.number[(fact.kind, fact.key)] // KEYS_PER_TYPE
        return f"{fact.kind}{bucket or ''}" + (f"{FANOUT_COPY}{copy}" if copy else "")

    def key(self, fact: _Derived) -> str:
        """The property that says what a derived fact says (see TYPE)."""
        number = self.number[(fact.kind, fact.key)]
        return f"r{number}" if fact.kind == HELD else f"c{number}{fact.status}"


def _id(rule: Rule) -> str:
    return rule.id


def _note_reads(node: Any, facet: str, bound: dict[str, str], reads: dict[str, set[str]]) -> None:
    """Note the keys a pattern atom reads: its own fact's, and those of the facts it refers to
    by alias (date arithmetic), so that the inference run sends the engine nothing else."""
    if isinstance(node, list):
        for item in node:
            _note_reads(item, facet, bound, reads)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if not key.startswith("$"):
            reads[facet].add(key)
        if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in bound:
            ref, other = next(iter(value.items()))
            reads[bound[ref]].add(other)  # {alias: key}: a value of another fact of the rule
        else:
            _note_reads(value, facet, bound, reads)


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


def _by_section(facets: dict[str, tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Each section's fact types, from `_assign_facets`' pattern -> (section, fact type)."""
    by_section: dict[str, set[str]] = {}
    for section, facet in facets.values():
        by_section.setdefault(section, set()).add(facet)
    return {section: tuple(sorted(types)) for section, types in by_section.items()}


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
    reads: dict[str, set[str]] = {facet: set() for _, facet in facets.values()}
    for number, (probe, patterns) in enumerate(entries):
        fact_types = {alias: facets[p.canonical()][1] for alias, p in patterns}
        body = []
        for alias, pattern in patterns:
            facet = fact_types[alias]
            for atom in pattern.atoms:
                _note_reads(atom, facet, fact_types, reads)
            body.append({alias: {"$and": [{type_key(facet): 1}, *pattern.atoms]}})
        rule_name = f"p{number}"
        definition[rule_name] = {"all": body}
        actions[rule_name] = Action(ActionKind.HOLDS, probe.key)
        probes[probe.key] = probe
    compiled = CompiledRulebook(
        name=name,
        ruleset=durable_json(definition),
        actions=actions,
        stages=(),  # no stage: every probe fires on the case alone
        facets=_by_section(facets),
        reads={k: tuple(sorted(v)) for k, v in reads.items()},
    )
    return compiled, probes
