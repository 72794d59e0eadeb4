"""Parts of a rulebook: the rules that can apply where the case's host state has a given value.

Most rules are one state's law and test `host_state: <state>` (the packs of `rules/<state>/`):
where the host state is known to be another, such a rule can neither hold, be defeated nor be
left undecided, since one of its tests is false. durable_rules still does work for every
compiled rule of the ruleset a case runs on (after each action it walks them all, and the case's
facts pass the tests of every pattern), so a case whose host state is known runs on its *part*:
the rulebook without those rules. The verdicts still all come out of durable_rules' run on the
part; the part only leaves out rules that could not have any.

A part is decided from the rule data, for any rule folder and overlay: a rule is left out when
one of its tests on `host_state` (`is`, `in`, `is_not`, `not_in`: those are false on a known
value by equality alone) is false for the value, and then, again and again, when it is given a
conclusion that no rule left in draws (it can neither hold nor be undecided). A test of any
other kind keeps the rule. There is one part per value that some such test names, and one for
every other value (they all leave out the same rules). A part's ruleset also leaves out the
patterns that wait for a test of equality on `host_state` to be false where its value passes it.

Where the host state is unknown, no rule is left out (a test on an unknown fact is neither true
nor false, so such a rule may be undecided), but a rule with a test on `host_state` that needs
its value (any but `present: false`) cannot hold, nor be defeated, and neither can, again and
again, a rule given a conclusion that only such rules draw: their part compiles those rules to
their undecided checks alone, leaves out the patterns that wait for them to hold (as a defeater,
or in another rule's undecided check), and every pattern that waits for a test on `host_state` to
be false (it cannot be false where it is unknown).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lexcase.inference.compiled import CompiledRulebook
from lexcase.law.rulebook import Rulebook
from lexcase.model.facts import value_at
from lexcase.model.rules import Op, Rule, Test

PATH = "host_state"  # the fact whose value chooses a case's part
_PLAIN = re.compile(r"[A-Za-z0-9_]{1,32}")


@dataclass(frozen=True)
class Part:
    """The cases a part is for: where the case's `PATH` is `value` (None: a value no test
    names), or, `known` False, where the case does not know it."""

    value: str | None
    known: bool = True

    @property
    def label(self) -> str:
        """A name for the part, safe in a file name (the rule cache keeps each part's ruleset)."""
        if not self.known:
            return "unknown"
        if self.value is None:
            return "other"
        if _PLAIN.fullmatch(self.value):
            return "v" + self.value
        return "h" + hashlib.sha256(self.value.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class PartRules:
    """What a part's ruleset is compiled from: the rules that can apply, those of them that
    can only be undecided (compiled to their undecided checks alone), and the part (None: the
    whole rulebook), whose cases all have the same value of PATH or none."""

    rulebook: Rulebook
    undecided_only: frozenset[str] = frozenset()
    part: Part | None = None

    def never_false(self, path: str, test: Test) -> bool:
        """Whether `test` on `path` cannot be false in any case of the part: a test on PATH
        where it is not recorded, but `present: true` (the one test false on an unrecorded
        fact), or a test of equality on it that the part's value passes."""
        if self.part is None or path != PATH:
            return False
        if not self.part.known:
            return not (test.op is Op.PRESENT and test.value is True)
        return _passes(test, self.part.value) is True

    def compile(self, shuffle: int | None = None) -> CompiledRulebook:
        """The part's ruleset, compiled (`shuffle`: see `compile_rulebook`)."""
        # imported here: a warm start reads the kept ruleset and never compiles
        from lexcase.inference.compiler import compile_rulebook

        return compile_rulebook(
            self.rulebook,
            shuffle=shuffle,
            undecided_only=self.undecided_only,
            never_false=self.never_false,
        )


class Parts:
    """The parts of one rulebook."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.named = frozenset(
            value for rule in rulebook.rules for test in _tests(rule) for value in _named(test)
        )

    def part_of(self, data: dict[str, Any]) -> Part | None:
        """The part of the case data `data`, or None when its host state is not a plain value
        (not a case's; such a case would run on the whole rulebook)."""
        value = value_at(data, PATH)
        if value is None:
            return Part(None, known=False)
        if not isinstance(value, str):
            return None
        return Part(value if value in self.named else None)

    def rules_of(self, part: Part) -> PartRules:
        """The rules of `part` (see the module's text)."""
        if not part.known:
            undecided_only = _closed(self.rulebook.rules, _needs_value)
            return PartRules(self.rulebook, undecided_only, part)
        out = _closed(self.rulebook.rules, lambda rule: _false(rule, part.value))
        kept = tuple(rule for rule in self.rulebook.rules if rule.id not in out)
        return PartRules(dataclasses.replace(self.rulebook, rules=kept), part=part)


def _needs_value(rule: Rule) -> bool:
    """Whether `rule` can hold only where PATH is known: a test on it other than `present:
    false` (every other test's true pattern reads the value)."""
    return any(not (t.op is Op.PRESENT and not t.value) for t in _tests(rule))


def _closed(rules: tuple[Rule, ...], cannot: Callable[[Rule], bool]) -> frozenset[str]:
    """The rules that cannot hold: those `cannot` says, and, again and again, those given a
    conclusion that only such rules draw (a rule holds only when each of its givens holds)."""
    out = {rule.id for rule in rules if cannot(rule)}
    while True:
        able = {name for rule in rules if rule.id not in out for name in rule.concludes}
        more = {r.id for r in rules if r.id not in out and any(n not in able for n in r.given)}
        if not more:
            return frozenset(out)
        out |= more


def _tests(rule: Rule) -> list[Test]:
    return [test for c in rule.conditions if c.path == PATH for test in c.tests]


def _named(test: Test) -> list[str]:
    """The values a test of equality names (none for a test of any other kind)."""
    if test.op in (Op.IS, Op.IS_NOT) and isinstance(test.value, str):
        return [test.value]
    if test.op in (Op.IN, Op.NOT_IN) and isinstance(test.value, list):
        return [item for item in test.value if isinstance(item, str)]
    return []


def _false(rule: Rule, value: str | None) -> bool:
    """Whether a test of `rule` on PATH is false where PATH is `value` (None: a value that no
    test names, so equal to none of theirs)."""
    return any(_passes(test, value) is False for test in _tests(rule))


def _passes(test: Test, value: str | None) -> bool | None:
    """Whether a test of equality on plain values is true where PATH is `value` (None: a value
    that no test names); None for a test of any other kind (kept: not decided here)."""
    named = _named(test)
    if not named or (test.op in (Op.IN, Op.NOT_IN) and len(named) != len(test.value)):
        return None
    return (value in named) is (test.op in (Op.IS, Op.IN))
