"""What the service reads and answers, as pydantic models: they validate requests (in the
workers) and make the OpenAPI document."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lexcase.analysis.counterfactual import BUDGET, MAX_CHANGES
from lexcase.errors import InferenceError, LexcaseError
from lexcase.model.case import Case
from lexcase.model.rules import OutcomeKind

CASE_DESCRIPTION = (
    "The case: an object in the case file format (GET /schema/case), or the text of a case "
    "file, YAML or JSON (then errors name its lines)."
)


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EvaluateRequest(Request):
    """A case, seen as of a date."""

    case: dict[str, Any] | str = Field(description=CASE_DESCRIPTION)
    as_of: dt.date | None = Field(
        None, description="See the case as known on this date (default: the case's own as_of)."
    )


class WhatIfRequest(EvaluateRequest):
    """A case and the facts to change (`set`), or to sweep over values (`sweep`)."""

    set: dict[str, Any] = Field(
        default_factory=dict,
        description='Fact path -> new value (true, 2022-09-26, ["RU","KZ"], null = unknown).',
    )
    sweep: dict[str, list[Any]] = Field(
        default_factory=dict,
        description="Fact path -> the values to try; every combination is evaluated (at most 64).",
    )


class ExplainRequest(EvaluateRequest):
    """A case, and optionally one outcome kind to explain, or one to ask why it is missing."""

    kind: OutcomeKind | None = Field(None, description="Explain only outcomes of this kind.")
    why_not: OutcomeKind | None = Field(
        None, description="What stops every rule that could conclude an outcome of this kind."
    )


class CompareRequest(EvaluateRequest):
    """A case, and the destinations to compare it in (default: every host with rules)."""

    hosts: list[str] | None = Field(
        None, description='Host states to compare, such as ["KZ", "AM"]; default all.'
    )


# A counterfactual search over HTTP: the Python API's defaults, and the most a request may ask.
MAX_GOALS = 8
MAX_SEARCH_CHANGES = MAX_CHANGES  # the Python API's and the CLI's default, here also the most
SEARCH_BUDGET = BUDGET  # evaluations: the Python API's default, here also the most

GOAL_DESCRIPTION = (
    "KIND or KIND:JURISDICTION, as after the command line's --{0} (such as prosecution:KZ); "
    "every goal must hold at once."
)


class CounterfactualRequest(EvaluateRequest):
    """A case, and the outcomes to make vanish (`avoid`) or appear (`reach`): the smallest sets
    of changes to the facts the case model declares mutable that do it (as `lexcase
    counterfactual`)."""

    avoid: list[str] = Field(
        default_factory=list, max_length=MAX_GOALS, description=GOAL_DESCRIPTION.format("avoid")
    )
    reach: list[str] = Field(
        default_factory=list, max_length=MAX_GOALS, description=GOAL_DESCRIPTION.format("reach")
    )
    max_changes: int = Field(
        MAX_SEARCH_CHANGES,
        ge=1,
        le=MAX_SEARCH_CHANGES,
        description=f"The most facts an answer may change (1 to {MAX_SEARCH_CHANGES}).",
    )
    budget: int = Field(
        SEARCH_BUDGET,
        ge=1,
        le=SEARCH_BUDGET,
        description=(
            "The most changed cases the search evaluates; it stops there and says so (at most "
            f"{SEARCH_BUDGET:,}, the default). The request's time limit applies as well."
        ),
    )


class InterviewRequest(EvaluateRequest):
    """A case: the questions that would decide its undecided rules, ranked by how many outcomes
    an answer could change (as `lexcase interview --json`; nothing is asked or written)."""

    skip: list[str] = Field(
        default_factory=list,
        max_length=200,
        description="Fact paths already asked (such as crossing.date), left out.",
    )


ErrorCode = Literal[
    "bad_input", "not_found", "too_large", "timeout", "worker_died", "internal", "unavailable"
]


class ErrorDetail(Request):
    """The same fields as the command line's one-line errors and the batch's error lines."""

    code: ErrorCode
    message: str = Field(description="One line: where, what is wrong, what was expected.")
    internal: bool = Field(description="True when lexcase itself failed, not the input.")
    file: str | None = Field(None, description="'request', 'case' (case text) or a file name.")
    line: int | None = Field(None, description="The line in the case text, where known.")
    path: str | None = Field(None, description="The field path, such as crossing.date.")
    expected: str | None = None
    suggestion: str | None = None

    @classmethod
    def of(cls, error: LexcaseError, code: ErrorCode = "bad_input") -> ErrorDetail:
        internal = isinstance(error, InferenceError)
        return cls(
            code="internal" if internal else code,
            message=str(error),
            internal=internal,
            file=error.place.file,
            line=error.place.line,
            path=error.place.path,
            expected=error.expected,
            suggestion=error.suggestion,
        )


class ErrorBody(Request):
    error: ErrorDetail


class Health(Request):
    status: Literal["ok"] = "ok"
    workers: int = Field(description="Worker processes configured.")
    alive: int = Field(description="Worker processes alive now.")
    replaced: int = Field(description="Workers replaced since start (after a death or timeout).")


class Version(Request):
    lexcase: str
    rulebook: str = Field(description="The rulebook's version.")
    sha256: str = Field(description="The SHA-256 of the rule files.")
    rules: int


class Limits(Request):
    """The service's limits, all configurable on `lexcase serve` (see --help)."""

    max_body_bytes: int = Field(1_000_000, description="Largest request body (413 beyond).")
    max_batch_bytes: int = Field(20_000_000, description="Largest /batch body (413 beyond).")
    max_batch_cases: int = Field(10_000, description="Most cases in one /batch (413 beyond).")
    timeout_seconds: float = Field(
        30.0, description="Longest one request may run in a worker (504 beyond)."
    )


# The OpenAPI document shows `case` as a case, though the workers read it as plain data first
# (so that a bad case is reported with lexcase's own place/expected/suggestion, not pydantic's).
class EvaluateRequestDoc(EvaluateRequest):
    case: Case | str = Field(description=CASE_DESCRIPTION)  # type: ignore[assignment]


class WhatIfRequestDoc(WhatIfRequest):
    case: Case | str = Field(description=CASE_DESCRIPTION)  # type: ignore[assignment]


class ExplainRequestDoc(ExplainRequest):
    case: Case | str = Field(description=CASE_DESCRIPTION)  # type: ignore[assignment]


class CompareRequestDoc(CompareRequest):
    case: Case | str = Field(description=CASE_DESCRIPTION)  # type: ignore[assignment]


class CounterfactualRequestDoc(CounterfactualRequest):
    case: Case | str = Field(description=CASE_DESCRIPTION)  # type: ignore[assignment]


class InterviewRequestDoc(InterviewRequest):
    case: Case | str = Field(description=CASE_DESCRIPTION)  # type: ignore[assignment]
