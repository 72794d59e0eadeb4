"""What each undecided rule needs: the facts it decides on that the case leaves unknown, and what
the undecided rules concluding its missing givens need in turn.

A result lists about seventy undecided rules for a typical generated case, so this is worked out
with integers, not lists: every fact that can decide a rule gets one bit (in the sorted order of
the paths, so a set of bits reads out as a sorted list), each rule a mask of its decisive facts,
and each case one mask of the facts it leaves unknown, read once. A rule's needs are then its mask
and the case's, with the needs of the open rules behind its missing givens or'ed in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container
from typing import Any, NoReturn, TypeVar

from lexcase.law.rulebook import Rulebook
from lexcase.model.rules import Op, Rule

KEPT_PER_RULE = 1_024  # entries kept for one rule before its store starts again (memory stays flat)
T = TypeVar("T")

Givens = tuple[tuple[str, tuple[str, ...]], ...]  # each given, with the rules concluding it


class NeedsPlan:
    """The bits of one rulebook's decisive facts, and each rule's mask and givens."""

    def __init__(self, rulebook: Rulebook) -> None:
        decisive = {rule.id: decisive_paths(rule) for rule in rulebook.rules}
        self.paths = sorted({p for paths in decisive.values() for p in paths})
        bit = {path: 1 << index for index, path in enumerate(self.paths)}
        # the paths by their first step: a section the case leaves out makes all of them unknown
        sections: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for path, mask in bit.items():
            head, *rest = path.split(".")
            sections.setdefault(head, []).append((tuple(rest), mask))
        self.sections = [
            (head, sum(m for _, m in inside), inside) for head, inside in sections.items()
        ]
        concluders = rulebook.concluders
        # each rule's mask, givens, and the entries made for it so far, by what they need
        self.rules: dict[str, tuple[int, Givens, dict[int, Any]]] = {}
        for rule in rulebook.rules:
            givens = tuple((name, tuple(concluders.get(name, ()))) for name in rule.given)
            self.rules[rule.id] = (sum(bit[p] for p in decisive[rule.id]), givens, {})

    def unknown(self, data: dict[str, Any]) -> int:
        """The mask of the decisive facts `data` leaves unknown, or knows only to the month or
        year where the rules need the day."""
        mask = 0
        for head, every, inside in self.sections:
            section = data.get(head)
            if section is None:
                mask |= every
                continue
            for steps, bit in inside:
                value: Any = section
                for step in steps:
                    if value.__class__ is not dict:
                        value = None
                        break
                    value = value.get(step)
                # unknown, or a date known only to the month (`2022-09`) or the year (`2022`)
                if value is None or (
                    value.__class__ is str and len(value) in (4, 7) and value[:4].isdigit()
                ):
                    mask |= bit
        return mask

    def entries(
        self,
        unknown: int,
        concluded: Container[str],
        open_rules: Collection[str],
        make: Callable[[str, FixedList], T],
    ) -> list[T]:
        """Each open rule's entry, by rule id, in a case that leaves `unknown` unknown and
        concludes the givens `concluded`: `make(rule id, needs)` the first time a rule needs
        those facts, the same entry after that (it is frozen, and its needs a `FixedList`)."""
        rules = self.rules
        found: dict[str, int] = {}  # the needs of the rules behind givens, worked out first
        out = []
        for rule_id in sorted(open_rules):
            own, givens, made = rules[rule_id]
            if givens:
                mask = found.get(rule_id)
                if mask is None:
                    mask = self._behind(rule_id, unknown, concluded, open_rules, found)
            else:
                mask = own & unknown
            entry = made.get(mask)
            if entry is None:
                if len(made) >= KEPT_PER_RULE:
                    made.clear()
                entry = made[mask] = make(rule_id, self.paths_in(mask))
            out.append(entry)
        return out

    def _behind(
        self,
        rule_id: str,
        unknown: int,
        concluded: Container[str],
        open_rules: Collection[str],
        found: dict[str, int],
    ) -> int:
        """The needs of a rule with givens: its own, and those of the open rules concluding the
        givens the case did not conclude (worked out first, and kept in `found`)."""
        rules = self.rules
        own, givens, _ = rules[rule_id]
        found.setdefault(rule_id, 0)  # guards against loops; the loader refuses them
        mask = own & unknown
        for name, sources in givens:
            if name not in concluded:
                for source in sources:
                    if source in open_rules:
                        needs = found.get(source)
                        if needs is None:
                            behind, further, _ = rules[source]
                            needs = behind & unknown
                            if further:
                                needs = self._behind(source, unknown, concluded, open_rules, found)
                        mask |= needs
        found[rule_id] = mask
        return mask

    def paths_in(self, mask: int) -> FixedList:
        """The paths of `mask`, sorted."""
        return FixedList(path for index, path in enumerate(self.paths) if mask >> index & 1)


class FixedList(list[str]):
    """A list that refuses to change: the needs of an undecided rule, which results share (an
    undecided rule needing the same facts is the same entry in every result). It reads, compares
    and serialises as a list; a copy or a pickle of it is a plain list."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("the needs of an undecided rule are shared by results: copy them first")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __reduce__(self) -> tuple[type[list[str]], tuple[list[str]]]:
        return list, (list(self),)

    def __copy__(self) -> list[str]:
        return list(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> list[str]:
        return list(self)


def decisive_paths(rule: Rule) -> list[str]:
    """The facts whose absence can leave the rule undecided (`present` tests never do)."""
    out: dict[str, None] = {}
    for condition in rule.conditions:
        if any(t.op is not Op.PRESENT for t in condition.tests):
            out.setdefault(condition.path, None)
        for test in condition.relational:
            assert test.other is not None
            out.setdefault(test.other, None)
    return list(out)
