"""Many cases at once: read from a JSONL file or a folder of case files, evaluated in one process
or in several worker processes, one result (or one error) per case, in input order.

durable_rules never releases the GIL, so workers are processes, each with its own `Evaluator`;
a case is evaluated exactly as `Evaluator.evaluate` would in a single process. A case that cannot
be read, or that meets a bug, is reported with its error in its own place in the output, and the
batch goes on; a worker that dies is replaced and its cases tried again (`lexcase.batch.pool`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import json
import signal
import threading
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from lexcase.batch.inputs import CaseLine, read_input
from lexcase.batch.output import result_json
from lexcase.batch.pool import Pool, worker_limit
from lexcase.errors import InferenceError, InputError, LexcaseError, Place, WorkerError
from lexcase.evaluation.evaluator import CaseInput, Evaluator, default_evaluator
from lexcase.evaluation.result import Result
from lexcase.law.overlay import RulesInput, rulebook_for, shipped
from lexcase.model.case import Case

CHUNK = 64  # cases per message to a worker: enough to amortise the transfer, small for progress


# --- evaluating, in this process or in workers ---------------------------------------------

Outcome = Result | LexcaseError
T = TypeVar("T")


def _evaluate(evaluator: Evaluator, as_of: dt.date | None, cases: list[Any]) -> list[Outcome]:
    """Each case's outcome, in the order given; the cases read first and run in the evaluator's
    run order (the cases of one host state together: faster, the same outcomes)."""
    out: list[Outcome | None] = [None] * len(cases)
    read: list[tuple[Case, dict[str, Any]]] = []
    places: list[int] = []
    for at, case in enumerate(cases):
        seen = _guarded(_seen, evaluator, case, as_of)
        if isinstance(seen, tuple):
            read.append(seen)
            places.append(at)
        else:
            out[at] = seen
    for i in evaluator.run_order([data for _, data in read]):
        out[places[i]] = _guarded(evaluator.evaluate_seen, *read[i])
    assert None not in out  # every case was read or refused, and every case read was run
    return cast(list[Outcome], out)


def _seen(evaluator: Evaluator, case: Any, as_of: dt.date | None) -> tuple[Case, dict[str, Any]]:
    return evaluator.seen(case.read() if isinstance(case, CaseLine) else case, as_of)


def _guarded(work: Callable[..., T], *args: Any) -> T | LexcaseError:
    """What `work(*args)` returns, or the error it met: a bug met by one case must not cost the
    others their answers."""
    try:
        return work(*args)
    except LexcaseError as error:
        return error
    except Exception as exc:
        return InferenceError(f"{type(exc).__name__}: {exc} (a bug in lexcase)")


def _lines(
    evaluator: Evaluator, as_of: dt.date | None, cases: list[CaseLine]
) -> list[tuple[str, tuple[str, ...] | None]]:
    """Each case's output line and outcome kinds. Workers write the lines themselves: a result
    costs far less to send as its JSON line than as pickled objects."""
    return [
        (output_line(case, outcome), _kinds(outcome))
        for case, outcome in zip(cases, _evaluate(evaluator, as_of, cases), strict=True)
    ]


def _kinds(outcome: Outcome) -> tuple[str, ...] | None:
    if isinstance(outcome, Result):
        return tuple(o.kind.value for o in outcome.outcomes)
    return None


Work = Callable[[Evaluator, "dt.date | None", list[Any]], list[Any]]


def _worker_state(rules: RulesInput, as_of: dt.date | None) -> tuple[Evaluator, dt.date | None]:
    evaluator = Evaluator(None if shipped(rules) else rulebook_for(rules))
    settle()
    return evaluator, as_of


def _in_worker(work: Work, state: tuple[Evaluator, dt.date | None], cases: list[Any]) -> list[Any]:
    return work(*state, cases)


def _lost_error(item: Any, reason: str) -> LexcaseError:
    place = Place(item.label) if isinstance(item, CaseLine) else Place()
    return WorkerError(reason, place)


def _lost_line(item: CaseLine, reason: str) -> tuple[str, None]:
    return output_line(item, _lost_error(item, reason)), None


def settle() -> None:
    """Move everything alive now (the evaluator, its rules, the models' schemas) out of the
    garbage collector's sight: in a process that evaluates many cases, scanning them again at
    every full collection cost about a third of the time (measured)."""
    gc.collect()
    gc.freeze()


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def check_workers(workers: int) -> int:
    """`workers` when it is a sensible number of processes for this machine."""
    limit = worker_limit()
    if not 1 <= workers <= limit:
        raise InputError(
            f"{workers} workers is not a number this machine can run",
            Place(path="--workers"),
            expected=f"1 to {limit} (two per processor)",
        )
    return workers


def _run(
    work: Work,
    cases: Iterable[Any],
    workers: int,
    rules: RulesInput,
    as_of: dt.date | None,
    lost: Callable[[Any, str], Any],
    stopped: Callable[[], bool] = lambda: False,
) -> Generator[Any, None, None]:
    """`work` over chunks of `cases`, in input order, here or in `workers` processes; ends
    early, between cases, once `stopped()`."""
    if check_workers(workers) == 1:
        evaluator = default_evaluator() if shipped(rules) else Evaluator(rulebook_for(rules))
        try:
            for case in cases:
                if stopped():
                    return
                yield from work(evaluator, as_of, [case])
        finally:
            if not shipped(rules):
                evaluator.close()
        return
    pool = Pool(
        workers,
        setup=functools.partial(_worker_state, rules, as_of),
        work=functools.partial(_in_worker, work),
        lost=lost,
        stopped=stopped,
    )
    yield from pool.run(_chunks(cases, CHUNK))


def evaluate_many(
    cases: Iterable[CaseInput],
    workers: int = 1,
    *,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
    client: Any = None,
) -> Iterator[Result | LexcaseError]:
    """Evaluate many cases, in input order: a `Result` for each case, or the `LexcaseError` that
    kept it from being evaluated. With `workers` > 1 the cases are shared among that many
    processes; with a Dask `client`, among the workers of its cluster (`lexcase[dask]`, see
    `lexcase.batch.distributed`). The results are the same as in one process. A case whose
    worker process dies twice is answered with a `WorkerError`."""
    check_workers(workers)
    rulebook = None if shipped(rules) else rulebook_for(rules)  # a bad folder fails the call
    if client is not None:
        from lexcase.batch import distributed

        return distributed.run_on_cluster(
            client, _evaluate, cases, rules=rulebook, as_of=as_of, lost=_lost_error
        )
    return _run(_evaluate, cases, workers, rules, as_of, _lost_error)


# --- the batch command's output --------------------------------------------------------------


def output_line(case: CaseLine, outcome: Outcome) -> str:
    """One line of the output: the input it comes from, then its result or its error."""
    head = {"input": case.label}
    if isinstance(outcome, Result):
        head["case_id"] = outcome.case_id
        body = result_json(outcome)  # written as model_dump_json(exclude_none=True) writes it
        return json.dumps(head, ensure_ascii=False)[:-1] + f', "result": {body}}}'
    place = outcome.place
    error: dict[str, Any] = {
        "message": str(outcome),
        "internal": isinstance(outcome, InferenceError | WorkerError),
        "file": place.file,
        "line": place.line,
        "path": place.path,
        "expected": outcome.expected,
    }
    return json.dumps({**head, "error": {k: v for k, v in error.items() if v is not None}})


@dataclass
class Summary:
    """What a batch did: cases answered, errors, outcomes by kind; and, when it stopped early,
    why (`interrupted`, or the write error that stopped it)."""

    total: int = 0
    cases: int = 0
    errors: int = 0
    internal_errors: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    interrupted: bool = False
    write_error: str | None = None

    def line(self) -> str:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.outcomes.items()))
        text = f"{self.cases} cases, {self.cases - self.errors} evaluated, {self.errors} errors"
        if self.internal_errors:
            text += f" ({self.internal_errors} internal)"
        return text + f"; outcomes: {kinds or 'none'}"

    def add(self, line: str, kinds: tuple[str, ...] | None) -> None:
        self.cases += 1
        if kinds is None:
            self.errors += 1
            self.internal_errors += '"internal": true' in line
        else:
            self.outcomes.update(kinds)

    @property
    def complete(self) -> bool:
        return not self.interrupted and self.write_error is None


def run_batch(
    source: Path | str | list[CaseLine],
    write: Callable[[str], Any],
    *,
    workers: int = 1,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
    progress: Callable[[int, int], Any] | None = None,
    client: Any = None,
) -> Summary:
    """Evaluate every case of `source` (a JSONL file, a folder, or cases read from one), handing
    each output line to `write` (without its newline) in input order; `progress(done, total)`
    is called as cases complete. Ctrl-C, or an OSError from `write`, ends the batch early with
    what was written so far, and the summary says so. With a Dask `client` the cases are
    evaluated on its cluster (`lexcase.batch.distributed`)."""
    cases = source if isinstance(source, list) else read_input(source)
    check_workers(workers)
    rulebook = None if shipped(rules) else rulebook_for(rules)  # stop at once on a bad folder
    summary = Summary(total=len(cases))
    with _interruptible() as stopped:
        if client is not None:
            from lexcase.batch import distributed

            answers = distributed.run_on_cluster(
                client, _lines, cases, rules=rulebook, as_of=as_of, lost=_lost_line, stopped=stopped
            )
        else:
            answers = _run(_lines, cases, workers, rules, as_of, _lost_line, stopped)
        with contextlib.closing(answers):  # stops the workers however the loop ends
            try:
                for line, kinds in answers:
                    write(line)
                    summary.add(line, kinds)
                    if progress is not None:
                        progress(summary.cases, len(cases))
            except OSError as exc:
                summary.write_error = exc.strerror or str(exc)
        summary.interrupted = stopped() and summary.cases < summary.total
    return summary


@contextlib.contextmanager
def _interruptible() -> Iterator[Callable[[], bool]]:
    """While a batch runs, Ctrl-C raises a flag that the batch looks at between cases, instead
    of an exception that could land anywhere (inside pydantic, which would report it as a
    serialisation error, or between a line and its count). A second Ctrl-C interrupts at once."""
    asked = threading.Event()

    def handler(signum: int, frame: Any) -> None:
        asked.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: Ctrl-C is not ours to handle
        yield asked.is_set
        return
    try:
        yield asked.is_set
    finally:
        signal.signal(signal.SIGINT, previous)
