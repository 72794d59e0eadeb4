"""The HTTP service: the Python API over HTTP, with an OpenAPI document, and the web page.

Every evaluation runs in a worker process (see pool.py); this process only reads bodies, checks
their size, hands them to a worker and passes the worker's JSON on. Errors have one shape
(`ErrorBody`): 422 for a bad case or request, 404 for an unknown rule, 413 for a body over the
limit, 504 for a request over the time limit, 500 when lexcase failed, never with a traceback.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from lexcase.analysis.compare import Comparison
from lexcase.analysis.counterfactual import Counterfactual
from lexcase.analysis.explain import Explanation, WhyNot
from lexcase.analysis.interview import Interview
from lexcase.analysis.timeline import Timeline
from lexcase.analysis.whatif import Sweep, WhatIf
from lexcase.evaluation.result import NOT_ADVICE, Result
from lexcase.interfaces.about import lexcase_version
from lexcase.interfaces.http import examples
from lexcase.interfaces.http.jobs import Job, Op, Reply
from lexcase.interfaces.http.models import (
    MAX_SEARCH_CHANGES,
    SEARCH_BUDGET,
    CompareRequestDoc,
    CounterfactualRequestDoc,
    ErrorBody,
    ErrorCode,
    ErrorDetail,
    EvaluateRequestDoc,
    ExplainRequestDoc,
    Health,
    InterviewRequestDoc,
    Limits,
    Version,
    WhatIfRequestDoc,
)
from lexcase.interfaces.http.pool import WorkerDied, WorkerPool, WorkerTimeout
from lexcase.interfaces.schemas import SchemaOf, schema_of
from lexcase.model.rules import OutcomeKind

JSON = "application/json"


class ServiceError(Exception):
    def __init__(self, status: int, code: ErrorCode, message: str, **fields: Any) -> None:
        super().__init__(message)
        self.status = status
        self.detail = ErrorDetail(
            code=code, message=message, internal=status >= 500 and code != "timeout", **fields
        )


def _error_response(status: int, detail: ErrorDetail) -> JSONResponse:
    return JSONResponse(ErrorBody(error=detail).model_dump(exclude_none=True), status_code=status)


ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "The case or the request is not valid."},
    413: {"model": ErrorBody, "description": "The body is larger than the service accepts."},
    500: {"model": ErrorBody, "description": "lexcase failed, or its worker died (no traceback)."},
    504: {"model": ErrorBody, "description": "The request ran longer than the time limit."},
}


def _body_doc(name: str, examples_: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {
                JSON: {"schema": {"$ref": f"#/components/schemas/{name}"}, "examples": examples_}
            },
        }
    }


class Service:
    """The app's state: its worker pool and limits."""

    def __init__(self, pool: WorkerPool, limits: Limits) -> None:
        self.pool, self.limits = pool, limits

    async def body(self, request: Request, limit: int) -> bytes:
        """The request body, refused with 413 as soon as it passes `limit` bytes."""
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
        return b"".join(chunks)

    async def run(self, job: Job) -> Reply:
        try:
            return await run_in_threadpool(self.pool.call, job)
        except WorkerDied:
            raise ServiceError(
                500,
                "worker_died",
                "the worker process evaluating this request died (durable_rules crashed or ran "
                "out of memory); it has been replaced and the service goes on. Please report "
                "the case that caused it.",
            ) from None
        except WorkerTimeout:
            raise ServiceError(
                504,
                "timeout",
                f"the request ran longer than {self.pool.timeout:g} seconds and was stopped",
                expected="a smaller case, sweep or batch",
            ) from None

    async def answer(self, request: Request, op: Op) -> Response:
        body = await self.body(request, self.limits.max_body_bytes)
        reply = await self.run(Job(op, body))
        return Response(reply.body, status_code=reply.status, media_type=JSON)


def _too_large(limit: int) -> ServiceError:
    return ServiceError(
        413,
        "too_large",
        f"the request body is larger than {limit:,} bytes",
        expected=f"at most {limit:,} bytes (lexcase serve --max-body raises the limit)",
    )


def create_app(
    pool: WorkerPool | None = None,
    *,
    workers: int = 1,
    rules: str | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    """The service. Without `pool`, it starts `workers` worker processes on the rule folder
    `rules` (the shipped rules by default) and stops them on shutdown."""
    limits = limits or Limits()
    own_pool = pool is None
    service = Service(pool or WorkerPool(workers, rules, limits.timeout_seconds), limits)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(service.pool.start)
        yield
        if own_pool:
            service.pool.close()

    app = FastAPI(
        title="lexcase",
        version=lexcase_version(),
        description=(
            "Case facts in, predicted legal moves out, each with its reasons, sources and "
            f"deadlines. {NOT_ADVICE}\n\nLimits: {limits.model_dump()}; a what-if sweep shows "
            "at most 64 combinations; a counterfactual search at most "
            f"{MAX_SEARCH_CHANGES} changes and {SEARCH_BUDGET:,} evaluations."
        ),
        lifespan=lifespan,
        responses=ERRORS,
    )
    app.state.service = service
    _add_error_handlers(app)
    _add_api(app, service)
    from lexcase.interfaces.http.web import add_web

    add_web(app, service)
    _document_bodies(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        return _error_response(exc.status, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        path = ".".join(str(p) for p in first.get("loc", ())[1:]) or None
        message = f"request: {path or ''}: {first.get('msg', 'not valid')}"
        return _error_response(
            422, ErrorDetail(code="bad_input", message=message, internal=False, path=path)
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code: ErrorCode = "not_found" if exc.status_code == 404 else "bad_input"
        detail = ErrorDetail(code=code, message=str(exc.detail), internal=False)
        return _error_response(exc.status_code, detail)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        message = f"internal error: {type(exc).__name__} (a bug in lexcase; please report it)"
        return _error_response(500, ErrorDetail(code="internal", message=message, internal=True))


_EVALUATE = "Evaluate a case: outcomes, defeated and undecided rules, deadlines"
_WHAT_IF = "Change facts (set) and see what appears, vanishes, changes; or sweep values"
_EXPLAIN = "Each outcome's derivation tree; or, with why_not, what stops a kind"
_TIMELINE = "The case's events and the deadlines that run, on one chronology"
_COMPARE = "The same person in each destination (host state), side by side by outcome kind"
_COUNTERFACTUAL = (
    "The smallest sets of changes to mutable facts that make an outcome vanish (avoid) or "
    "appear (reach), each verified by an evaluation"
)
_INTERVIEW = "The questions that would decide the undecided rules, ranked (nothing is written)"


def _case_endpoint(service: Service, op: Op) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await service.answer(request, op)

    endpoint.__name__ = op.value.replace("-", "_")  # the OpenAPI operation id
    return endpoint


def _add_api(app: FastAPI, service: Service) -> None:
    seeds = examples.request_examples()

    what_ifs = examples.what_if_examples()
    routes: list[tuple[str, Op, Any, str, str, dict[str, Any]]] = [
        ("/evaluate", Op.EVALUATE, Result, _EVALUATE, "EvaluateRequest", seeds),
        ("/what-if", Op.WHAT_IF, WhatIf | Sweep, _WHAT_IF, "WhatIfRequest", what_ifs),
        ("/explain", Op.EXPLAIN, Explanation | WhyNot, _EXPLAIN, "ExplainRequest", seeds),
        ("/timeline", Op.TIMELINE, Timeline, _TIMELINE, "EvaluateRequest", seeds),
        ("/compare", Op.COMPARE, Comparison, _COMPARE, "CompareRequest", seeds),
        (
            "/counterfactual",
            Op.COUNTERFACTUAL,
            Counterfactual,
            _COUNTERFACTUAL,
            "CounterfactualRequest",
            examples.counterfactual_examples(),
        ),
        ("/interview", Op.INTERVIEW, Interview, _INTERVIEW, "InterviewRequest", seeds),
    ]
    for path, op, answer, summary, body, shown in routes:
        app.add_api_route(
            path,
            _case_endpoint(service, op),
            methods=["POST"],
            response_model=answer,
            summary=summary,
            openapi_extra=_body_doc(body, shown),
            tags=["cases"],
        )

    from lexcase.interfaces.http.batch import add_batch

    add_batch(app, service)

    @app.get("/rules", summary="The rules, optionally of one jurisdiction and kind", tags=["rules"])
    async def rules(
        jurisdiction: Annotated[str | None, Query(max_length=20)] = None,
        kind: OutcomeKind | None = None,
    ) -> Response:
        params = {"jurisdiction": jurisdiction, "kind": kind.value if kind else None}
        reply = await service.run(Job(Op.RULES, params=params))
        return Response(reply.body, status_code=reply.status, media_type=JSON)

    @app.get(
        "/rules/{rule_id}", summary="One rule: sources, conditions, dependents", tags=["rules"]
    )
    async def rule(rule_id: Annotated[str, PathParam(max_length=200)]) -> Response:
        reply = await service.run(Job(Op.RULE, params={"id": rule_id}))
        return Response(reply.body, status_code=reply.status, media_type=JSON)

    @app.get("/schema/case", summary="The JSON Schema of case files", tags=["schemas"])
    async def case_schema() -> dict[str, Any]:
        return schema_of(SchemaOf.CASE)

    @app.get("/schema/result", summary="The JSON Schema of results", tags=["schemas"])
    async def result_schema() -> dict[str, Any]:
        return schema_of(SchemaOf.RESULT)

    @app.get("/schema/rules", summary="The JSON Schema of rule files", tags=["schemas"])
    async def rules_schema() -> dict[str, Any]:
        return schema_of(SchemaOf.RULES)

    @app.get("/health", response_model=Health, tags=["service"])
    async def health() -> Health:
        pool = service.pool
        return Health(workers=pool.size, alive=pool.alive(), replaced=pool.replaced)

    @app.get("/version", response_model=Version, tags=["service"])
    async def version() -> Response:
        reply = await service.run(Job(Op.VERSION))
        return Response(reply.body, status_code=reply.status, media_type=JSON)

    @app.get("/limits", response_model=Limits, tags=["service"])
    async def limits() -> Limits:
        return service.limits


def _document_bodies(app: FastAPI) -> None:
    """Put the request models, which the workers validate, into the OpenAPI document."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = original()
        components = document.setdefault("components", {}).setdefault("schemas", {})
        for name, model in (
            ("EvaluateRequest", EvaluateRequestDoc),
            ("WhatIfRequest", WhatIfRequestDoc),
            ("ExplainRequest", ExplainRequestDoc),
            ("CompareRequest", CompareRequestDoc),
            ("CounterfactualRequest", CounterfactualRequestDoc),
            ("InterviewRequest", InterviewRequestDoc),
        ):
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for key, value in schema.pop("$defs", {}).items():
                components.setdefault(key, value)
            schema["title"] = name
            components[name] = schema
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]
