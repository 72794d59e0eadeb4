"""What a worker process of the service does: read a request, run the Python API on it, and hand
back the JSON answer, or the error as the service reports it. Runs only in worker processes."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from pydantic import BaseModel

# The batch reader's JSON hook: a key written twice is refused, not silently dropped.
from lexcase.batch.inputs import _Duplicate as DuplicateKey
from lexcase.batch.inputs import _no_duplicates as no_duplicates
from lexcase.batch.output import result_json
from lexcase.errors import CaseError, InputError, LexcaseError, Place, RuleNotFoundError
from lexcase.evaluation.evaluator import Evaluator
from lexcase.interfaces.http.models import (
    CompareRequest,
    CounterfactualRequest,
    ErrorBody,
    ErrorDetail,
    EvaluateRequest,
    ExplainRequest,
    InterviewRequest,
    Version,
    WhatIfRequest,
)
from lexcase.model.case import Case
from lexcase.model.facts import as_of as case_as_of
from lexcase.model.facts import fact_path
from lexcase.source import Document, parse_document, validate

ModelT = TypeVar("ModelT", bound=BaseModel)


class Op(StrEnum):
    EVALUATE = "evaluate"
    WHAT_IF = "what-if"
    EXPLAIN = "explain"
    TIMELINE = "timeline"
    COMPARE = "compare"
    COUNTERFACTUAL = "counterfactual"
    INTERVIEW = "interview"
    PAGE = "page"  # everything the web page shows of a case, in one round trip
    BATCH = "batch"
    RULES = "rules"
    RULE = "rule"
    VERSION = "version"


@dataclass(frozen=True)
class Job:
    op: Op
    body: bytes = b""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes  # JSON


def serve_jobs(conn: Connection, rules: str | None) -> None:
    """A worker's life: build the evaluator once, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    from lexcase.batch.local import settle
    from lexcase.evaluation.evaluator import default_evaluator
    from lexcase.law.loader import load_rulebook

    evaluator = default_evaluator() if rules is None else Evaluator(load_rulebook(rules))
    settle()
    worker = Worker(evaluator, rules)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(worker.answer(job))


def dump(model: BaseModel) -> bytes:
    return model.model_dump_json(exclude_none=True).encode()


def error_reply(status: int, detail: ErrorDetail) -> Reply:
    return Reply(status, dump(ErrorBody(error=detail)))


class Worker:
    def __init__(self, evaluator: Evaluator, rules: str | None) -> None:
        self.evaluator, self.rules = evaluator, rules
        self.ops: dict[Op, Callable[[Job], bytes]] = {
            Op.EVALUATE: self.evaluate,
            Op.WHAT_IF: self.what_if,
            Op.EXPLAIN: self.explain,
            Op.TIMELINE: self.timeline,
            Op.COMPARE: self.compare,
            Op.COUNTERFACTUAL: self.counterfactual,
            Op.INTERVIEW: self.interview,
            Op.PAGE: self.page,
            Op.BATCH: self.batch,
            Op.RULES: self.rules_list,
            Op.RULE: self.rule,
            Op.VERSION: self.version,
        }

    def answer(self, job: Job) -> Reply:
        try:
            return Reply(200, self.ops[job.op](job))
        except RuleNotFoundError as error:
            return error_reply(404, ErrorDetail.of(error, "not_found"))
        except LexcaseError as error:
            detail = ErrorDetail.of(error)
            return error_reply(500 if detail.internal else 422, detail)
        except Exception as exc:  # a bug in lexcase: one line, never a traceback
            message = f"internal error: {type(exc).__name__}: {exc} (a bug in lexcase)"
            return error_reply(500, ErrorDetail(code="internal", message=message, internal=True))

    # --- reading a request -------------------------------------------------------------

    def read(self, job: Job, model: type[ModelT]) -> tuple[ModelT, Case]:
        """The request and its case, seen as of the date asked; errors say where in either."""
        request = read_request(job.body, model)
        assert isinstance(request, EvaluateRequest)
        return request, case_as_of(read_case(request.case), request.as_of)

    # --- the operations ------------------------------------------------------------------

    def evaluate(self, job: Job) -> bytes:
        _, case = self.read(job, EvaluateRequest)
        return dump(self.evaluator.evaluate(case))

    def what_if(self, job: Job) -> bytes:
        from lexcase.analysis import whatif

        request, case = self.read(job, WhatIfRequest)
        for field_name, paths in (("set", request.set), ("sweep", request.sweep)):
            for path in paths:
                fact_path(path, _place(f"{field_name}.{path}"))
        with _named_in(request):
            if request.sweep:
                axes = list(request.sweep.items())
                return dump(whatif.sweep(case, axes, request.set, rules=self.rules))
            if not request.set:
                raise InputError(
                    "nothing to change", _place("set"), expected="a fact and its value"
                )
            return dump(whatif.what_if(case, request.set, rules=self.rules))

    def explain(self, job: Job) -> bytes:
        from lexcase.analysis.explain import build_explanation, why_not

        request, case = self.read(job, ExplainRequest)
        if request.kind is not None and request.why_not is not None:
            raise InputError(
                "kind and why_not ask different questions",
                _place("why_not"),
                expected="one of them",
            )
        if request.why_not is not None:
            return dump(why_not(case, request.why_not, rules=self.rules))
        result = self.evaluator.evaluate(case)
        return dump(build_explanation(result, self.evaluator.rulebook, request.kind))

    def compare(self, job: Job) -> bytes:
        from lexcase.analysis.compare import compare

        request, case = self.read(job, CompareRequest)
        return dump(compare(case, request.hosts, rules=self.rules))

    def counterfactual(self, job: Job) -> bytes:
        from lexcase.analysis.counterfactual import Direction, Search, parse_goal

        request, case = self.read(job, CounterfactualRequest)
        goals = []
        for field_name, texts, direction in (
            ("avoid", request.avoid, Direction.AVOID),
            ("reach", request.reach, Direction.REACH),
        ):
            for index, text in enumerate(texts):
                try:
                    goals.append(parse_goal(text, direction))
                except LexcaseError as error:
                    where = _place(f"{field_name}.{index}")
                    raise dataclasses.replace(error, place=where) from None
        if not goals:
            raise InputError(
                "nothing to search for",
                _place("avoid"),
                expected='"avoid": ["KIND"] or "reach": ["KIND"] (KIND or KIND:JURISDICTION)',
            )
        search = Search(case, goals, self.evaluator, request.max_changes, request.budget)
        return dump(search.run())

    def interview(self, job: Job) -> bytes:
        from lexcase.analysis.interview import rank_questions

        request = read_request(job.body, InterviewRequest)
        for index, path in enumerate(request.skip):
            fact_path(path, _place(f"skip.{index}"))
        whole = read_case(request.case)
        seen = case_as_of(whole, request.as_of)
        return dump(rank_questions(whole, seen, self.evaluator, set(request.skip)))

    def timeline(self, job: Job) -> bytes:
        from lexcase.analysis.timeline import build_timeline

        _, case = self.read(job, EvaluateRequest)
        return dump(build_timeline(case, self.evaluator.evaluate(case)))

    def page(self, job: Job) -> bytes:
        """The result, its explanation and the timeline, with the case as understood."""
        from lexcase.analysis.explain import build_explanation
        from lexcase.analysis.timeline import build_timeline

        _, case = self.read(job, EvaluateRequest)
        result = self.evaluator.evaluate(case)
        parts = {
            "case": case.model_dump_json(by_alias=True, exclude_none=True),
            "result": result_json(result),
            "explanation": build_explanation(result, self.evaluator.rulebook).model_dump_json(
                exclude_none=True
            ),
            "timeline": build_timeline(case, result).model_dump_json(exclude_none=True),
        }
        return ("{" + ", ".join(f'"{k}": {v}' for k, v in parts.items()) + "}").encode()

    def batch(self, job: Job) -> bytes:
        from lexcase.batch.local import _lines

        lines = _lines(self.evaluator, job.params.get("as_of"), job.params["cases"])
        return json.dumps([line for line, _ in lines]).encode()

    def rules_list(self, job: Job) -> bytes:
        from lexcase.law.catalogue import list_rules

        with _option_names():
            return dump(
                list_rules(job.params.get("jurisdiction"), job.params.get("kind"), self.rules)
            )

    def rule(self, job: Job) -> bytes:
        from lexcase.law.catalogue import rule_card

        rulebook = self.evaluator.rulebook
        return dump(rule_card(rulebook, rulebook.rule(job.params["id"])))

    def version(self, job: Job) -> bytes:
        from lexcase.interfaces.about import lexcase_version

        rulebook = self.evaluator.rulebook
        return dump(
            Version(
                lexcase=lexcase_version(),
                rulebook=rulebook.version,
                sha256=rulebook.sha256,
                rules=len(rulebook.rules),
            )
        )


def _place(path: str) -> Place:
    return Place("request", path=path or None)


@contextlib.contextmanager
def _named_in(request: WhatIfRequest) -> Iterator[None]:
    """Errors of a what-if name the fact; over HTTP they name the request's field (set.PATH,
    or sweep for the sweep as a whole)."""
    try:
        yield
    except LexcaseError as error:
        path = error.place.path or ""
        if path in request.set:
            where = f"set.{path}"
        elif path in request.sweep or path == ", ".join(request.sweep):
            where = "sweep" if path not in request.sweep else f"sweep.{path}"
        else:
            raise
        raise dataclasses.replace(error, place=_place(where)) from None


@contextlib.contextmanager
def _option_names() -> Iterator[None]:
    """The rule listing's errors name its command-line options; here, the query parameters."""
    try:
        yield
    except LexcaseError as error:
        option = error.place.path or ""
        if not option.startswith("--"):
            raise
        place = dataclasses.replace(error.place, file="request", path=option[2:])
        raise dataclasses.replace(error, place=place) from None


def read_request(body: bytes, model: type[ModelT]) -> ModelT:
    """The request body as `model`: JSON only (the case inside it may be YAML text)."""
    try:
        data = json.loads(body.decode("utf-8"), object_pairs_hook=no_duplicates)
    except UnicodeDecodeError as exc:
        raise InputError(f"byte 0x{body[exc.start]:02x} is not UTF-8 text", _place("")) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            _place(""),
            expected="a JSON object",
        ) from None
    except DuplicateKey as exc:
        raise InputError(f"the key '{exc}' appears twice", _place(str(exc))) from None
    except RecursionError:
        raise InputError("the request is nested too deeply to read", _place("")) from None
    return validate(model, Document("request", data, {}), InputError, "request")


def read_case(case: dict[str, Any] | str) -> Case:
    """The case of a request: case text (YAML or JSON; errors name its lines), or case data
    (errors name the field path within the request, case.crossing.date)."""
    if isinstance(case, str):
        return validate(Case, parse_document(case, "case", CaseError), CaseError, "case")
    from lexcase.source import MAX_VALUES

    if _size(case) > MAX_VALUES:
        raise CaseError(
            f"the case holds more than {MAX_VALUES:,} values",
            _place("case"),
            expected="a case of ordinary size",
        )
    try:
        return validate(Case, Document("request", case, {}), CaseError, "case")
    except CaseError as error:
        path = "case." + error.place.path if error.place.path else "case"
        raise dataclasses.replace(error, place=_place(path)) from None


def _size(value: Any) -> int:
    """Values in plain data, counted without recursion (a deep case must not crash the count)."""
    count, stack = 0, [value]
    while stack:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count
