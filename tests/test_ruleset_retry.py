"""durable_rules' spurious code 102 on creating a ruleset is tried again, and only then reported."""

from __future__ import annotations

from typing import Any

import pytest

import lexcase.inference.runner as runner
from conftest import SEEDS
from lexcase.errors import InferenceError
from lexcase.evaluation.evaluator import Evaluator


def failing(times: int, code: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    real = runner._dre.create_ruleset
    calls: list[str] = []

    def create(name: str, definition: str) -> Any:
        calls.append(name)
        if len(calls) <= times:
            raise runner._dre.error(f"Could not create ruleset, error code: {code}")
        return real(name, definition)

    monkeypatch.setattr(runner._dre, "create_ruleset", create)
    return calls


def test_a_spurious_102_is_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = failing(runner.RETRIES, runner.UNEXPECTED_TYPE, monkeypatch)
    evaluator = Evaluator()
    assert len(calls) == runner.RETRIES + 1 and len(set(calls)) == len(calls)
    assert evaluator.evaluate(SEEDS / "zhilin.yaml").outcomes
    evaluator.close()


def test_a_102_that_persists_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    failing(runner.RETRIES + 1, runner.UNEXPECTED_TYPE, monkeypatch)
    with pytest.raises(InferenceError, match="code 102"):
        Evaluator()


def test_other_codes_are_not_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = failing(1, 101, monkeypatch)
    with pytest.raises(InferenceError, match="out of memory"):
        Evaluator()
    assert len(calls) == 1
