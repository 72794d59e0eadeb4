"""The rulebook: the loaded rules, and who concludes what, who defeats whom, and each rule's level.

A rule's level is above every rule it depends on (the rules concluding what it is `given`, and
the rules that can defeat it), so evaluating level by level gives the same result whatever order
rules fire in within a level. Loading a folder into a rulebook is `lexcase.law.loader`'s job.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from lexcase.errors import Place, RuleNotFoundError
from lexcase.model.packs import Pack
from lexcase.model.rules import Model, Rule


class AppliedOverlay(Model):
    """An overlay applied on a rule folder (`lexcase.law.overlay`): what it is and what it did."""

    name: str
    version: str
    sha256: str
    root: str
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    repealed: tuple[str, ...] = ()
    unlinked: tuple[str, ...] = ()  # defeats of repealed rules, dropped


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[Rule, ...]
    root: str
    version: str  # of the base folder; overlays carry their own
    sha256: str  # of the base folder's files
    files: tuple[str, ...]
    packs: tuple[Pack, ...] = ()  # what each national folder covers (its pack.yaml)
    overlays: tuple[AppliedOverlay, ...] = ()

    @property
    def label(self) -> str:
        """The folder, and each overlay applied on it, as a reader names them."""
        return self.root + "".join(f" + overlay {o.root} ({o.version})" for o in self.overlays)

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    @cached_property
    def concluders(self) -> dict[str, tuple[str, ...]]:
        """For each named conclusion, the rules that conclude it."""
        return concluders_of(self.rules)

    @cached_property
    def defeaters(self) -> dict[str, tuple[str, ...]]:
        """For each rule, the rules that defeat it when they hold."""
        return _index((target, r.id) for r in self.rules for target in r.defeats)

    @cached_property
    def dependents(self) -> dict[str, tuple[str, ...]]:
        """For each rule, the rules that use its conclusion or that it defeats."""
        out: dict[str, set[str]] = {r.id: set() for r in self.rules}
        for rule in self.rules:
            for name in rule.given:
                for source in self.concluders.get(name, ()):
                    out[source].add(rule.id)
            for target in rule.defeats:
                out[rule.id].add(target)
        return {k: tuple(sorted(v)) for k, v in out.items()}

    @cached_property
    def levels(self) -> dict[str, int]:
        """Each rule's level: one above the highest rule it depends on (0: facts only)."""
        return levels_of(self.rules)

    def rule(self, rule_id: str) -> Rule:
        if rule_id in self.by_id:
            return self.by_id[rule_id]
        raise RuleNotFoundError(
            f"no rule has the id '{rule_id}'",
            Place(self.root),
            expected="an id listed by `lexcase rules list`",
            suggestion=closest(rule_id, list(self.by_id)),
        )


def closest(name: str, options: set[str] | list[str]) -> str | None:
    close = difflib.get_close_matches(name, list(options), n=2, cutoff=0.6)
    return f"did you mean {' or '.join(close)}?" if close else None


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """(key, value) pairs as key -> sorted values."""
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def concluders_of(rules: Iterable[Rule]) -> dict[str, tuple[str, ...]]:
    return _index((name, r.id) for r in rules for name in r.concludes)


def _edges(rules: list[Rule] | tuple[Rule, ...]) -> dict[str, list[str]]:
    """rule -> the rules it depends on (those concluding its givens, and its defeaters)."""
    concluders = concluders_of(rules)
    depends: dict[str, list[str]] = {r.id: [] for r in rules}
    for rule in rules:
        for name in rule.given:
            depends[rule.id].extend(concluders.get(name, []))
        for target in rule.defeats:
            if target in depends:
                depends[target].append(rule.id)
    return depends


def find_cycle(rules: list[Rule]) -> list[str] | None:
    """A circle of dependencies, as rule ids from its first rule back to it, or None."""
    return _depth_first(_edges(rules))[1]


def levels_of(rules: tuple[Rule, ...]) -> dict[str, int]:
    depends = _edges(rules)
    levels: dict[str, int] = {}
    for node in _depth_first(depends)[0]:  # every rule after those it depends on
        levels[node] = 1 + max((levels[d] for d in depends[node]), default=-1)
    return levels


def _depth_first(depends: dict[str, list[str]]) -> tuple[list[str], list[str] | None]:
    """The rules in an order that puts each after those it depends on, and the first circle
    met, if any. Iterative: a chain of a few hundred rules would overflow Python's stack."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    order: list[str] = []
    for root in sorted(depends):
        if root in state:
            continue
        state[root] = 1
        path = [root]
        todo = [iter(sorted(depends[root]))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                done = path.pop()
                todo.pop()
                state[done] = 2
                order.append(done)
            elif state.get(nxt) == 1:
                return order, [*path[path.index(nxt) :], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(sorted(depends[nxt])))
    return order, None
