"""A batch line's result is written by `lexcase.batch.output.result_json`, which keeps the JSON of
each shared part (undecided entry, conclusion, coverage entry) instead of having pydantic write it
again for every line. A user of the results file must not be able to tell: every line must be
exactly what pydantic writes, `Result.model_dump_json(exclude_none=True)`, byte for byte, whether
the parts' JSON was just written or kept from earlier lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import SEEDS
from lexcase.batch import output
from lexcase.batch.inputs import CaseLine
from lexcase.batch.local import output_line
from lexcase.batch.output import result_json
from lexcase.evaluation.evaluator import Evaluator
from lexcase.evaluation.result import Result
from lexcase.model.case import load_case
from test_result_build import generated

DATES = [None, dt.date(2022, 9, 27), dt.date(2023, 6, 1), dt.date(2025, 1, 15)]


def pydantic_json(result: Result) -> str:
    return result.model_dump_json(exclude_none=True)


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_seed_is_written_as_pydantic_writes_it(evaluator: Evaluator, seed: Path) -> None:
    case = load_case(seed)
    for when in DATES:
        result = evaluator.evaluate(case, when)
        assert result.undecided or result.outcomes  # a result worth writing
        for _ in range(2):  # the entries' JSON written, then kept
            assert result_json(result) == pydantic_json(result)


@pytest.mark.parametrize("blurred", [False, True])
def test_thousands_of_generated_cases_are_written_as_pydantic_writes_them(
    evaluator: Evaluator, blurred: bool
) -> None:
    cases = generated(1_500, seed=21, blurred=blurred)
    results = [evaluator.evaluate(case) for case in cases]
    entries = sum(len(r.undecided) for r in results)
    assert entries > 50 * len(results)  # generated cases leave dozens of rules undecided
    for _ in range(2):
        for result in results:
            assert result_json(result) == pydantic_json(result), result.case_id


def test_a_result_not_built_here_is_written_by_pydantic_whole(evaluator: Evaluator) -> None:
    """A result read back from JSON has undecided entries of its own (plain lists of needs): its
    entries' JSON is not kept, and the line is still pydantic's."""
    kept = len(output._entries)
    for case in generated(40, seed=22):
        result = evaluator.evaluate(case)
        again = Result.model_validate_json(result.model_dump_json())
        assert again == result
        assert result_json(again) == pydantic_json(result)
        changed = again.model_copy(update={"case_id": 'say "hi"\n\u2028 \x01 é'})
        assert result_json(changed) == pydantic_json(changed)
    shared = {"Undecided": "needs", "Conclusion": "because", "StateCoverage": "missing"}
    for part in output._entries.values():
        assert type(getattr(part, shared[type(part).__name__])).__name__ == "FixedList"
    assert len(output._entries) >= kept


def test_a_kept_entry_is_forgotten_once_the_store_is_full(
    evaluator: Evaluator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "KEPT_ENTRIES", 50)
    monkeypatch.setattr(output, "_entries", {})
    monkeypatch.setattr(output, "_texts", {})
    for case in generated(30, seed=23):
        result = evaluator.evaluate(case)
        assert result_json(result) == pydantic_json(result)
        assert len(output._entries) <= 50


def test_a_batch_line_holds_the_result_as_pydantic_writes_it(evaluator: Evaluator) -> None:
    result = evaluator.evaluate(load_case(SEEDS / "zhilin.yaml"))
    line = output_line(CaseLine("cases.jsonl", 3), result)
    head = json.dumps({"input": "cases.jsonl:3", "case_id": result.case_id}, ensure_ascii=False)
    assert line == head[:-1] + f', "result": {pydantic_json(result)}}}'
    assert Result.model_validate(json.loads(line)["result"]) == result
