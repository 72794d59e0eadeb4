"""One process, many cases: every result right, nothing carried from one case to the next."""

from __future__ import annotations

import json
import random

from casegen import random_case
from conftest import SEEDS
from lexcase.evaluation.evaluator import Evaluator, to_case
from lexcase.model.facts import case_data
from reference import evaluate_reference


def test_5000_distinct_cases_match_the_reference_with_no_state_leaking(
    evaluator: Evaluator,
) -> None:
    rng = random.Random(20221212)
    first = evaluator.evaluate(SEEDS / "zhilin.yaml")
    seen: set[str] = set()
    fired = 0
    for index in range(5000):
        case = to_case(random_case(rng, f"case-{index}"))
        data = case_data(case)
        seen.add(json.dumps(data, sort_keys=True))
        engine = evaluator.trace(case)
        reference = evaluate_reference(evaluator.rulebook, data)
        assert (engine.holds, engine.defeated, engine.open) == (
            reference.holds,
            reference.defeated,
            reference.open,
        ), data
        fired += len(engine.holds)
    assert len(seen) == 5000
    assert fired > 5000  # the cases exercise the rules, not only the empty corners
    assert evaluator.evaluate(SEEDS / "zhilin.yaml") == first


def test_the_same_case_and_rules_always_give_the_same_result(evaluator: Evaluator) -> None:
    runs = {evaluator.evaluate(SEEDS / "zhilin.yaml").model_dump_json() for _ in range(5)}
    shuffled = Evaluator(evaluator.rulebook, shuffle=99)
    try:
        runs.add(shuffled.evaluate(SEEDS / "zhilin.yaml").model_dump_json())
    finally:
        shuffled.close()
    assert len(runs) == 1
