"""What the service reads and answers, as pydantic models: they validate requests (in the
workers) and make the OpenAPI document."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

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
