"""Evaluating cases: the Python API that the CLI, the scenarios and the tests all go through.

An `Evaluator` holds one rulebook compiled into durable_rules; it evaluates any number of cases,
one at a time, with nothing carried over from one case to the next. A case runs on the part of
the rulebook for its host state (`lexcase.inference.parts`: the rules that can apply there),
each part compiled and registered in durable_rules at its first case and kept, up to MAX_PARTS;
the whole rulebook runs the cases of any part beyond those. The whole is registered at once
unless told otherwise (`eager`): a ruleset durable_rules refuses is an error of the rule files
there, not at some later case.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from lexcase.evaluation.result import Result, ResultBuilder
from lexcase.inference.compiled import CompiledRulebook
from lexcase.inference.parts import Part, Parts
from lexcase.inference.runner import Inference, Trace
from lexcase.inference.stored import compiled_rulebook
from lexcase.law.cache import build_models
from lexcase.law.loader import load_rulebook
from lexcase.law.overlay import RulesInput, rulebook_for, shipped
from lexcase.law.rulebook import Rulebook
from lexcase.model.case import Case, load_case, parse_case
from lexcase.model.facts import as_of as case_as_of
from lexcase.model.facts import case_data

CaseInput = Case | Path | str | dict[str, Any]
# Parts kept registered at once: each costs durable_rules about 10 MB, and as much again once a
# case has run on it (measured, shipped rules); the cases of any further part run on the whole
# rulebook, which is never evicted (re-registering a part costs as much as twenty cases).
MAX_PARTS = 6


class Evaluator:
    """A rulebook ready to evaluate cases. `eager` (the default) compiles and registers the
    whole rulebook at once, so that rules durable_rules refuses are refused here; without it,
    nothing is registered before a case needs it (the shipped rules, known to be accepted)."""

    def __init__(
        self, rulebook: Rulebook | None = None, *, shuffle: int | None = None, eager: bool = True
    ) -> None:
        self.rulebook = rulebook if rulebook is not None else load_rulebook()
        self._shuffle = shuffle
        self._parts = Parts(self.rulebook)
        self._built: dict[Part | None, Inference] = {}  # None: the whole rulebook
        self._lock = threading.Lock()
        self._results = ResultBuilder(self.rulebook)
        if eager:
            self._inference(None)

    @cached_property
    def compiled(self) -> CompiledRulebook:
        """The whole rulebook, compiled."""
        return compiled_rulebook(self.rulebook, shuffle=self._shuffle)

    def trace(self, case: Case) -> Trace:
        """What fired for `case` (already as of its date)."""
        data = case_data(case)
        return self.inference_for(data).run(data)

    def evaluate(self, case: CaseInput, as_of: dt.date | None = None) -> Result:
        """The result for `case`, seen as of `as_of` (the case's own date by default)."""
        return self.evaluate_seen(*self.seen(case, as_of))

    def seen(self, case: CaseInput, as_of: dt.date | None = None) -> tuple[Case, dict[str, Any]]:
        """`case` as of `as_of` (its own date by default), and its data: what a run reads."""
        seen = case_as_of(to_case(case), as_of)
        return seen, case_data(seen)

    def evaluate_seen(self, seen: Case, data: dict[str, Any]) -> Result:
        """The result for `seen`, a case already as of its date, and its data `data` (both from
        `seen()`)."""
        trace = self.inference_for(data).run(data)
        return self._results.build(trace, seen.case_id, seen.as_of, data)

    def run_order(self, cases: Sequence[dict[str, Any]]) -> list[int]:
        """The positions of `cases` (case data) with the cases of each part of the rulebook
        together, in their given order otherwise. A run touches its part's tables in
        durable_rules; a case of another part just before has pushed them out of the
        processor's caches, so a mixed stream gains little from the parts (measured at load 4,
        evaluate alone: chunks of 64 mixed generated cases 1.15 x faster in this order, a whole
        caseload sorted 1.28 x; evaluate_many with 2 workers 1.07 x). Only the speed depends on
        the order: each case still runs on its own part."""
        groups: dict[Part | None, list[int]] = {}
        for at, data in enumerate(cases):
            groups.setdefault(self._parts.part_of(data), []).append(at)
        return [at for group in groups.values() for at in group]

    def inference_for(self, data: dict[str, Any]) -> Inference:
        """The compiled ruleset the case data `data` runs on: its part's, or the whole's."""
        part = self._parts.part_of(data)
        inference = self._built.get(part)
        return inference if inference is not None else self._inference(part)

    def _inference(self, part: Part | None) -> Inference:
        """The registered ruleset of `part` (None: the whole rulebook), built the first time;
        past MAX_PARTS parts, the whole's."""
        with self._lock:  # one build a part, whatever the threads
            if part not in self._built and sum(p is not None for p in self._built) >= MAX_PARTS:
                part = None
            inference = self._built.get(part)
            if inference is None:
                compiled = (
                    self.compiled
                    if part is None
                    else compiled_rulebook(self.rulebook, shuffle=self._shuffle, part=part)
                )
                inference = self._built[part] = Inference(compiled)
            return inference

    def close(self) -> None:
        with self._lock:
            for inference in self._built.values():
                inference.close()
            self._built.clear()


def to_case(case: CaseInput) -> Case:
    if isinstance(case, Case):
        return case
    build_models(Case)  # from its kept core schema, the first time
    if isinstance(case, dict):
        return parse_case(case)
    return load_case(case)


@cache
def default_evaluator() -> Evaluator:
    """The evaluator for the shipped rule packs, built once per process. It registers in
    durable_rules only the parts the cases need (the shipped rules are accepted: tested)."""
    return Evaluator(eager=False)


def evaluate(case: CaseInput, as_of: dt.date | None = None, rules: RulesInput = None) -> Result:
    """Evaluate one case with the shipped rules, or with the rule folder `rules` (a folder, or a
    `RuleChoice` of a folder and overlays)."""
    if shipped(rules):
        return default_evaluator().evaluate(case, as_of)
    evaluator = Evaluator(rulebook_for(rules))
    try:
        return evaluator.evaluate(case, as_of)
    finally:
        evaluator.close()


@contextmanager
def evaluator_for(rules: RulesInput = None) -> Iterator[Evaluator]:
    """The evaluator for the shipped rules, or one for the rule folder `rules` (with overlays, if
    a `RuleChoice`), freed on exit."""
    if shipped(rules):
        yield default_evaluator()
        return
    evaluator = Evaluator(rulebook_for(rules))
    try:
        yield evaluator
    finally:
        evaluator.close()
