"""Evaluating cases: the Python API that the CLI, the scenarios and the tests all go through.

An `Evaluator` holds one rulebook compiled into durable_rules; it evaluates any number of cases,
one at a time, with nothing carried over from one case to the next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from lexcase.evaluation.result import Result, ResultBuilder
from lexcase.inference.compiler import CompiledRulebook
from lexcase.inference.runner import Inference, Trace
from lexcase.inference.stored import compiled_rulebook
from lexcase.law.loader import load_rulebook
from lexcase.law.overlay import RulesInput, rulebook_for, shipped
from lexcase.law.rulebook import Rulebook
from lexcase.model.case import Case, load_case, parse_case
from lexcase.model.facts import as_of as case_as_of
from lexcase.model.facts import case_data

CaseInput = Case | Path | str | dict[str, Any]


class Evaluator:
    """A rulebook ready to evaluate cases."""

    def __init__(self, rulebook: Rulebook | None = None, *, shuffle: int | None = None) -> None:
        self.rulebook = rulebook if rulebook is not None else load_rulebook()
        self.compiled: CompiledRulebook = compiled_rulebook(self.rulebook, shuffle=shuffle)
        self._inference = Inference(self.compiled)
        self._results = ResultBuilder(self.rulebook)

    def trace(self, case: Case) -> Trace:
        """What fired for `case` (already as of its date)."""
        return self._inference.run(case_data(case))

    def evaluate(self, case: CaseInput, as_of: dt.date | None = None) -> Result:
        """The result for `case`, seen as of `as_of` (the case's own date by default)."""
        seen = case_as_of(to_case(case), as_of)
        data = case_data(seen)
        trace = self._inference.run(data)
        return self._results.build(trace, seen.case_id, seen.as_of, data)

    def close(self) -> None:
        self._inference.close()


def to_case(case: CaseInput) -> Case:
    if isinstance(case, Case):
        return case
    if isinstance(case, dict):
        return parse_case(case)
    return load_case(case)


@cache
def default_evaluator() -> Evaluator:
    """The evaluator for the shipped rule packs, built once per process."""
    return Evaluator()


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
