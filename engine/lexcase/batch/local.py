"""Many cases at once: read from a JSONL file or a folder of case files, evaluated in one process
or in several worker processes, one result (or one error) per case, in input order.

durable_rules never releases the GIL, so workers are processes, each with its own `Evaluator`;
a case is evaluated exactly as `Evaluator.evaluate` would in a single process. A case that cannot
be read is reported with its error in its own place in the output, and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lexcase.errors import CaseError, InferenceError, InputError, LexcaseError, Place, file_label
from lexcase.evaluation.evaluator import CaseInput, Evaluator, default_evaluator, to_case
from lexcase.evaluation.result import Result
from lexcase.law.loader import load_rulebook
from lexcase.model.case import Case, parse_case

CASE_SUFFIXES = (".yaml", ".yml", ".json")
CHUNK = 64  # cases per message to a worker: enough to amortise the transfer, small for progress


@dataclass(frozen=True)
class CaseLine:
    """One case of a batch input, not yet read: a line of a JSONL file, or a case file."""

    file: str
    line: int | None = None  # for a JSONL line
    raw: bytes | None = None  # the line itself
    path: Path | None = None  # for a case file

    @property
    def label(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def read(self) -> Case:
        """The case; an input error names the file, the line and the field."""
        if self.path is not None:
            return to_case(self.path)
        assert self.raw is not None
        try:
            data = json.loads(self.raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
        except UnicodeDecodeError as exc:
            raise self._error(f"byte 0x{self.raw[exc.start]:02x} is not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise self._error(
                f"not valid JSON: {exc.msg} (column {exc.colno})", "one JSON object per line"
            ) from None
        except _Duplicate as exc:
            raise self._error(f"the key '{exc}' appears twice", "each key once") from None
        except RecursionError:
            raise self._error("the case is nested too deeply to read") from None
        if not isinstance(data, dict):
            raise self._error("the line does not hold a case", "one JSON object per line")
        try:
            return parse_case(data, self.file)
        except CaseError as error:
            where = dataclasses.replace(error.place, line=self.line)
            raise dataclasses.replace(error, place=where) from None

    def _error(self, message: str, expected: str | None = None) -> CaseError:
        return CaseError(message, Place(self.file, self.line), expected=expected)


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads would keep the last of two equal keys and drop the first without a word.
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def read_input(source: Path | str) -> list[CaseLine]:
    """The cases of a JSONL file (one JSON object per line; blank lines are skipped) or of a
    folder of case files (every .yaml, .yml and .json file under it, in name order)."""
    path = Path(source)
    label = file_label(path) or str(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in CASE_SUFFIXES and p.is_file())
        if not files:
            raise InputError(
                "the folder holds no case files",
                Place(label),
                expected="files ending in .yaml, .yml or .json",
            )
        return [CaseLine(file_label(p) or str(p), path=p) for p in files]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            "no such file or folder", Place(label), expected="a JSONL file or a folder of cases"
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", Place(label)) from None
    lines = [
        CaseLine(label, number, text)
        for number, text in enumerate(raw.split(b"\n"), start=1)
        if text.strip()
    ]
    if not lines:
        raise InputError("the file holds no cases", Place(label), expected="one case per line")
    return lines


# --- evaluating, in this process or in workers ---------------------------------------------

Outcome = Result | LexcaseError


def _evaluate(evaluator: Evaluator, as_of: dt.date | None, cases: list[Any]) -> list[Outcome]:
    out: list[Outcome] = []
    for case in cases:
        try:
            seen = case.read() if isinstance(case, CaseLine) else case
            out.append(evaluator.evaluate(seen, as_of))
        except LexcaseError as error:
            out.append(error)
    return out


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
_worker: tuple[Evaluator, dt.date | None] | None = None  # in a worker process


def _start_worker(rules: str | None, as_of: dt.date | None) -> None:
    global _worker
    _worker = (Evaluator(load_rulebook(rules) if rules is not None else None), as_of)
    settle()


def settle() -> None:
    """Move everything alive now (the evaluator, its rules, the models' schemas) out of the
    garbage collector's sight: in a process that evaluates many cases, scanning them again at
    every full collection cost about a third of the time (measured)."""
    gc.collect()
    gc.freeze()


def _in_worker(work: Work, cases: list[Any]) -> list[Any]:
    assert _worker is not None, "not in a batch worker"
    return work(*_worker, cases)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run(
    work: Work, cases: Iterable[Any], workers: int, rules: str | None, as_of: dt.date | None
) -> Iterator[Any]:
    """`work` over chunks of `cases`, in input order, here or in `workers` processes."""
    if workers <= 1:
        evaluator = default_evaluator() if rules is None else Evaluator(load_rulebook(rules))
        try:
            for chunk in _chunks(cases, CHUNK):
                yield from work(evaluator, as_of, chunk)
        finally:
            if rules is not None:
                evaluator.close()
        return
    import multiprocessing  # here: `lexcase evaluate` starts faster without it

    # fork starts workers without importing lexcase again; the pool starts them all at once,
    # before any progress display starts a thread.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(rules, as_of)) as pool:
        for done in pool.imap(functools.partial(_in_worker, work), _chunks(cases, CHUNK)):
            yield from done


def evaluate_many(
    cases: Iterable[CaseInput],
    workers: int = 1,
    *,
    as_of: dt.date | None = None,
    rules: Path | str | None = None,
) -> Iterator[Result | LexcaseError]:
    """Evaluate many cases, in input order: a `Result` for each case, or the `LexcaseError` that
    kept it from being evaluated. With `workers` > 1 the cases are shared among that many
    processes; the results are the same as in one process."""
    if rules is not None:
        load_rulebook(rules)  # a bad rule folder is an error of the call, not of each case
    return _run(_evaluate, cases, workers, str(rules) if rules is not None else None, as_of)


# --- the batch command's output --------------------------------------------------------------


def output_line(case: CaseLine, outcome: Outcome) -> str:
    """One line of the output: the input it comes from, then its result or its error."""
    head = {"input": case.label}
    if isinstance(outcome, Result):
        head["case_id"] = outcome.case_id
        body = outcome.model_dump_json(exclude_none=True)
        return json.dumps(head, ensure_ascii=False)[:-1] + f', "result": {body}}}'
    place = outcome.place
    error: dict[str, Any] = {
        "message": str(outcome),
        "internal": isinstance(outcome, InferenceError),
        "file": place.file,
        "line": place.line,
        "path": place.path,
        "expected": outcome.expected,
    }
    return json.dumps({**head, "error": {k: v for k, v in error.items() if v is not None}})


@dataclass
class Summary:
    """What a batch did: cases, errors, and outcomes by kind."""

    cases: int = 0
    errors: int = 0
    internal_errors: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.outcomes.items()))
        text = f"{self.cases} cases, {self.cases - self.errors} evaluated, {self.errors} errors"
        if self.internal_errors:
            text += f" ({self.internal_errors} internal)"
        return text + f"; outcomes: {kinds or 'none'}"


def run_batch(
    source: Path | str,
    write: Callable[[str], Any],
    *,
    workers: int = 1,
    as_of: dt.date | None = None,
    rules: Path | str | None = None,
    progress: Callable[[int, int], Any] | None = None,
) -> Summary:
    """Evaluate every case of `source`, handing each output line to `write` (without its newline)
    in input order; `progress(done, total)` is called as cases complete."""
    cases = read_input(source)
    if rules is not None:
        load_rulebook(rules)  # stop at once on a bad rule folder
    summary = Summary()
    folder = str(rules) if rules is not None else None
    for line, kinds in _run(_lines, cases, workers, folder, as_of):
        summary.cases += 1
        if kinds is None:
            summary.errors += 1
            summary.internal_errors += '"internal": true' in line
        else:
            summary.outcomes.update(kinds)
        write(line)
        if progress is not None:
            progress(summary.cases, len(cases))
    return summary
