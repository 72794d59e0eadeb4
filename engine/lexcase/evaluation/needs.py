"""What each undecided rule needs: the facts it decides on that the case leaves unknown, and what
the undecided rules concluding its missing givens need in turn.

A result lists about seventy undecided rules for a typical generated case, so this is worked out
with integers, not lists: every fact that can decide a rule gets one bit (in the sorted order of
the paths, so a set of bits reads out as a sorted list), each rule a mask of its decisive facts,
and each case one mask of the facts it leaves unknown, read once. A rule's needs are then its mask
and the case's, with the needs of the open rules behind its missing givens or'ed in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Iterable
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
        # the paths by their first step: a section the case leaves out makes all of them unknown;
        # inside a section, each path as its next step and the steps after it
        sections: dict[str, list[tuple[str | None, tuple[str, ...], int]]] = {}
        for path, mask in bit.items():
            head, *rest = path.split(".")
            step = rest[0] if rest else None
            sections.setdefault(head, []).append((step, tuple(rest[1:]), mask))
        self.sections = [
            (head, sum(m for *_, m in inside), inside) for head, inside in sections.items()
        ]
        concluders = rulebook.concluders
        # each rule's mask, givens, and the entries made for it so far, by what they need
        self.rules: dict[str, tuple[int, Givens, dict[int, Any]]] = {}
        for rule in rulebook.rules:
            givens = tuple((name, tuple(concluders.get(name, ()))) for name in rule.given)
            self.rules[rule.id] = (sum(bit[p] for p in decisive[rule.id]), givens, {})
        # the rules with givens, each after every rule concluding one of its givens (the loader
        # refuses loops), so a case works their needs out in one pass
        self.rank = {rule_id: index for index, rule_id in enumerate(self._in_order())}
        self.with_givens = frozenset(r for r, (_, givens, _) in self.rules.items() if givens)

    def _in_order(self) -> list[str]:
        order: dict[str, None] = {}
        visiting: set[str] = set()  # guards against loops; the loader refuses them

        def visit(rule_id: str) -> None:
            if rule_id in order or rule_id in visiting:
                return
            visiting.add(rule_id)
            for _, sources in self.rules[rule_id][1]:
                for source in sources:
                    visit(source)
            order[rule_id] = None

        for rule_id in sorted(self.rules):
            if self.rules[rule_id][1]:
                visit(rule_id)
        return list(order)

    def unknown(self, data: dict[str, Any]) -> int:
        """The mask of the decisive facts `data` leaves unknown, or knows only to the month or
        year where the rules need the day."""
        mask = 0
        for head, every, inside in self.sections:
            section = data.get(head)
            if section is None:
                mask |= every
                continue
            for step, further, bit in inside:
                if step is None:
                    value = section
                elif section.__class__ is dict:
                    value = section.get(step)
                    for deeper in further:
                        value = value.get(deeper) if value.__class__ is dict else None
                else:
                    value = None
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
        make: Callable[[str, FixedList[str]], T],
    ) -> list[T]:
        """Each open rule's entry, by rule id, in a case that leaves `unknown` unknown and
        concludes the givens `concluded`: `make(rule id, needs)` the first time a rule needs
        those facts, the same entry after that (it is frozen, and its needs a `FixedList`)."""
        rules = self.rules
        given = self.with_givens.intersection(open_rules)
        behind = self._behind(given, unknown, concluded, open_rules) if given else {}
        out = []
        for rule_id in sorted(open_rules):
            own, givens, made = rules[rule_id]
            mask = behind[rule_id] if givens else own & unknown
            entry = made.get(mask)
            if entry is None:
                if len(made) >= KEPT_PER_RULE:
                    made.clear()
                entry = made[mask] = make(rule_id, self.paths_in(mask))
            out.append(entry)
        return out

    def _behind(
        self,
        given_rules: Iterable[str],
        unknown: int,
        concluded: Container[str],
        open_rules: Collection[str],
    ) -> dict[str, int]:
        """The needs of the open rules with givens: each its own, and those of the open rules
        concluding the givens the case did not conclude, worked out before it (by `rank`)."""
        rules = self.rules
        found: dict[str, int] = {}
        for rule_id in sorted(given_rules, key=self.rank.__getitem__):
            own, givens, _ = rules[rule_id]
            mask = own & unknown
            for name, sources in givens:
                if name not in concluded:
                    for source in sources:
                        if source in open_rules:
                            needs = found.get(source)
                            mask |= rules[source][0] & unknown if needs is None else needs
            found[rule_id] = mask
        return found

    def paths_in(self, mask: int) -> FixedList[str]:
        """The paths of `mask`, sorted."""
        return FixedList(path for index, path in enumerate(self.paths) if mask >> index & 1)


class FixedList(list[T]):
    """A list that refuses to change: the needs of an undecided rule, and the lists of the other
    parts results share (an undecided rule needing the same facts is the same entry in every
    result). It reads, compares and serialises as a list; a copy or a pickle of it is a plain
    list."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("this list is shared by results: copy it first")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __reduce__(self) -> tuple[type[list[T]], tuple[list[T]]]:
        return list, (list(self),)

    def __copy__(self) -> list[T]:
        return list(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> list[T]:
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
