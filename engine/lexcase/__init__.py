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

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lexcase.analysis.compare import Comparison, compare
    from lexcase.analysis.counterfactual import Goal, counterfactual
    from lexcase.analysis.explain import explain, why_not
    from lexcase.analysis.impact import impact
    from lexcase.analysis.interview import interview, record_answer
    from lexcase.analysis.timeline import timeline
    from lexcase.analysis.whatif import sweep, what_if
    from lexcase.batch.local import evaluate_many
    from lexcase.errors import LexcaseError
    from lexcase.evaluation.evaluator import Evaluator, evaluate
    from lexcase.evaluation.result import Result
    from lexcase.law.loader import load_rulebook
    from lexcase.law.overlay import RuleChoice, apply_overlay
    from lexcase.law.rulebook import Rulebook
    from lexcase.model.case import Case, case_schema, load_case

# The public names, loaded when first used (PEP 562): a command line that only evaluates one
# case does not pay for the batch, the analysis layer or every pydantic model at start.
_WHERE = {
    "Goal": "lexcase.analysis.counterfactual",
    "counterfactual": "lexcase.analysis.counterfactual",
    "explain": "lexcase.analysis.explain",
    "why_not": "lexcase.analysis.explain",
    "timeline": "lexcase.analysis.timeline",
    "sweep": "lexcase.analysis.whatif",
    "what_if": "lexcase.analysis.whatif",
    "impact": "lexcase.analysis.impact",
    "interview": "lexcase.analysis.interview",
    "record_answer": "lexcase.analysis.interview",
    "RuleChoice": "lexcase.law.overlay",
    "apply_overlay": "lexcase.law.overlay",
    "Comparison": "lexcase.analysis.compare",
    "compare": "lexcase.analysis.compare",
    "evaluate_many": "lexcase.batch.local",
    "LexcaseError": "lexcase.errors",
    "Evaluator": "lexcase.evaluation.evaluator",
    "evaluate": "lexcase.evaluation.evaluator",
    "Result": "lexcase.evaluation.result",
    "load_rulebook": "lexcase.law.loader",
    "Rulebook": "lexcase.law.rulebook",
    "Case": "lexcase.model.case",
    "case_schema": "lexcase.model.case",
    "load_case": "lexcase.model.case",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'lexcase' has no attribute '{name}'")
    import importlib

    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


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
    "explain",
    "impact",
    "interview",
    "load_case",
    "load_rulebook",
    "record_answer",
    "sweep",
    "timeline",
    "what_if",
    "why_not",
]
