"""lexcase: the facts of a case in; the legal system's predicted moves out, with their reasons.

lexcase models the law and reported practice it cites; it is not legal advice.
"""

from __future__ import annotations

import sys

if not (
    (3, 11) <= sys.version_info[:2] <= (3, 12)
):  # pragma: no cover - depends on the interpreter
    raise ImportError(
        f"lexcase needs Python 3.11 or 3.12; this is {sys.version.split()[0]}. "
        "Its inference engine, durable_rules 2.0.28, does not import on Python 3.13 or later."
    )

from lexcase.analysis.compare import Comparison, compare
from lexcase.analysis.counterfactual import Goal, counterfactual
from lexcase.analysis.impact import impact
from lexcase.analysis.interview import interview, record_answer
from lexcase.batch.local import evaluate_many
from lexcase.errors import LexcaseError
from lexcase.evaluation.evaluator import Evaluator, evaluate
from lexcase.evaluation.result import Result
from lexcase.law.loader import load_rulebook
from lexcase.law.overlay import RuleChoice, apply_overlay
from lexcase.law.rulebook import Rulebook
from lexcase.model.case import Case, case_schema, load_case

__version__ = "0.1.0"

__all__ = [
    "Case",
    "Comparison",
    "Evaluator",
    "Goal",
    "LexcaseError",
    "Result",
    "RuleChoice",
    "Rulebook",
    "apply_overlay",
    "case_schema",
    "compare",
    "counterfactual",
    "evaluate",
    "evaluate_many",
    "impact",
    "interview",
    "load_case",
    "load_rulebook",
    "record_answer",
]
