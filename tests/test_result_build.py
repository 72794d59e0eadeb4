"""The result builder makes its models without validating them (evaluation/result.py `_trusted`),
works out what undecided rules need with bit masks, and shares each undecided entry among the
results that have it (evaluation/needs.py). These tests hold that fast path to the slow one: a
result must be exactly what validating its own data gives, model by model, field by field, type
by type; what an undecided rule needs must be what the plain definition says; and the shared
entries must not be changeable through any one result."""

from __future__ import annotations

import copy
import operator
import pickle
import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel

from casegen import random_case
from lexcase.errors import LexcaseError
from lexcase.evaluation.evaluator import Evaluator, to_case
from lexcase.evaluation.needs import FixedList, decisive_paths
from lexcase.evaluation.result import Result, Undecided
from lexcase.model import counts
from lexcase.model.case import Case
from lexcase.model.counts import with_counts
from lexcase.model.facts import as_of, case_data, value_at

CASES = 300
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def generated(count: int, seed: int, blurred: bool = False) -> list[Case]:
    """Distinct generated cases as of their date; `blurred`: with about a third of their dates
    known only to the month or the year (casegen writes whole days only)."""
    rng = random.Random(seed)
    out: list[Case] = []
    while len(out) < count:
        data = random_case(rng, f"build-{seed}-{len(out)}")
        if blurred:
            data = {k: v if k in ("case_id", "as_of") else _blur(v, rng) for k, v in data.items()}
        try:
            out.append(as_of(to_case(data), None))
        except LexcaseError:  # a blurred date can make a case contradict itself: draw again
            continue
    return out


def _blur(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        return {k: _blur(v, rng) for k, v in value.items()}
    if isinstance(value, list):
        return [_blur(v, rng) for v in value]
    if isinstance(value, str) and DAY.fullmatch(value) and rng.random() < 0.35:
        return value[:7] if rng.random() < 0.7 else value[:4]
    return value


def same(built: Any, validated: Any, where: str = "result") -> None:
    """`built` and `validated` alike in every model, field, value, type and order of fields (a
    shared list of needs stands for a list)."""
    kind: Any = list if type(built) is FixedList else type(built)
    assert kind is type(validated), f"{where}: {type(built)} != {type(validated)}"
    if isinstance(built, BaseModel):
        assert list(built.__dict__) == list(validated.__dict__), where
        assert built.model_fields_set == validated.model_fields_set, where
        assert built.__pydantic_extra__ == validated.__pydantic_extra__, where
        assert built.__pydantic_private__ == validated.__pydantic_private__, where
        for name, value in built.__dict__.items():
            same(value, validated.__dict__[name], f"{where}.{name}")
    elif isinstance(built, list | tuple):
        assert len(built) == len(validated), where
        for index, (a, b) in enumerate(zip(built, validated, strict=True)):
            same(a, b, f"{where}[{index}]")
    elif isinstance(built, dict):
        assert list(built) == list(validated), where
        for key, value in built.items():
            same(value, validated[key], f"{where}[{key!r}]")
    else:
        assert built == validated, where


@pytest.mark.parametrize("blurred", [False, True])
def test_a_built_result_is_its_own_data_validated(evaluator: Evaluator, blurred: bool) -> None:
    for case in generated(CASES // 2, seed=1, blurred=blurred):
        result = evaluator.evaluate(case)
        again = Result.model_validate(result.model_dump(exclude_unset=True))
        same(result, again)
        assert result == again
        assert result.model_dump_json() == again.model_dump_json()
        assert result.model_dump_json(exclude_none=True) == again.model_dump_json(exclude_none=True)


def test_a_result_built_on_a_fresh_evaluator_is_the_same(evaluator: Evaluator) -> None:
    """The shared entries and the remembered coverage change nothing: a result is the same
    whether the evaluator has built thousands before it or none."""
    cases = generated(60, seed=2)
    warm = [evaluator.evaluate(case).model_dump_json() for case in cases]
    fresh = Evaluator()
    try:
        assert [fresh.evaluate(case).model_dump_json() for case in reversed(cases)] == list(
            reversed(warm)
        )
    finally:
        fresh.close()


def plain_needs(evaluator: Evaluator, case: Any, rule_id: str, result: Result) -> list[str]:
    """What an undecided rule needs, by the definition: its decisive facts the case leaves
    unknown (or knows only to the month or year), and the needs of the undecided rules
    concluding a given that no rule concluded."""
    data = case_data(case)
    rulebook = evaluator.rulebook
    concluded = {name for c in result.conclusions for name in [c.name]}
    undecided = {u.rule for u in result.undecided}

    def unknown(path: str) -> bool:
        value = value_at(data, path)
        if value is None:
            return True
        return isinstance(value, str) and len(value) in (4, 7) and value[:4].isdigit()

    def needs(rule_id: str) -> set[str]:
        rule = rulebook.by_id[rule_id]
        found = {p for p in decisive_paths(rule) if unknown(p)}
        for name in rule.given:
            if name not in concluded:
                for source in rulebook.concluders.get(name, ()):
                    if source in undecided:
                        found |= needs(source)
        return found

    return sorted(needs(rule_id))


@pytest.mark.parametrize("blurred", [False, True])
def test_each_undecided_rule_needs_what_the_definition_says(
    evaluator: Evaluator, blurred: bool
) -> None:
    checked = partly_known = 0
    for case in generated(CASES // 2, seed=3, blurred=blurred):
        result = evaluator.evaluate(case)
        assert [u.rule for u in result.undecided] == sorted(u.rule for u in result.undecided)
        data = case_data(case)
        for entry in result.undecided:
            assert entry.needs == plain_needs(evaluator, case, entry.rule, result), entry.rule
            checked += 1
            partly_known += any(value_at(data, p) is not None for p in entry.needs)
    assert checked > CASES * 5  # generated cases leave dozens of rules undecided
    # blurred cases have rules needing a date they know only to the month or the year
    assert (partly_known > 0) == blurred


def test_a_shared_undecided_entry_cannot_be_changed_through_one_result(
    evaluator: Evaluator,
) -> None:
    cases = generated(200, seed=4)
    results = [evaluator.evaluate(case) for case in cases]
    entries: dict[tuple[str, tuple[str, ...]], list[Undecided]] = {}
    for result in results:
        for entry in result.undecided:
            entries.setdefault((entry.rule, tuple(entry.needs)), []).append(entry)
    shared = next(e for e in entries.values() if len(e) > 1 and e[0].needs)
    assert all(e is shared[0] for e in shared)  # one entry, many results
    entry = shared[0]
    before = list(entry.needs)
    changes: list[Callable[[list[str]], object]] = [
        lambda n: n.append("x"),
        lambda n: n.extend(["x"]),
        lambda n: n.clear(),
        lambda n: n.pop(),
        lambda n: n.sort(reverse=True),
        lambda n: n.__setitem__(0, "x"),
        lambda n: n.__delitem__(0),
        lambda n: n.__iadd__(["x"]),
    ]
    for change in changes:
        with pytest.raises(TypeError):
            change(entry.needs)
    assert entry.needs == before
    with pytest.raises(Exception, match="frozen"):
        entry.needs = []  # type: ignore[misc]
    # copies are plain lists of their own; a result travels to another process as plain data
    for copied in (copy.copy(entry.needs), copy.deepcopy(entry.needs)):
        assert type(copied) is list and copied == before
    travelled = pickle.loads(pickle.dumps(results[0]))
    assert travelled == results[0]
    assert all(type(u.needs) is list for u in travelled.undecided)
    changed = entry.model_copy(update={"needs": ["x"]})
    assert changed.needs == ["x"] and entry.needs == before


def test_a_shared_reason_cannot_be_changed_through_one_result(evaluator: Evaluator) -> None:
    """Reasons are shared as undecided entries are: the same fact with the same value under the
    same test is one frozen `Reason` in every result giving it; its `rules` refuse changes."""
    results = [evaluator.evaluate(case) for case in generated(100, seed=5)]
    reasons: dict[tuple[object, ...], list[Any]] = {}
    for result in results:
        for model in [*result.outcomes, *result.conclusions]:
            for reason in model.because:
                if isinstance(reason.value, list | dict):  # a value that can change: its own
                    assert type(reason.rules) is list and not reason.rules
                    continue
                key = (reason.fact, repr(reason.value), reason.test, reason.conclusion)
                reasons.setdefault(key + tuple(reason.rules), []).append(reason)
    shared = [found for found in reasons.values() if len(found) > 1]
    assert shared and all(all(r is found[0] for r in found) for found in shared)
    for found in shared:
        with pytest.raises(TypeError):
            found[0].rules.append("x")
        with pytest.raises(Exception, match="frozen"):
            found[0].value = "x"
    # each outcome's list of reasons is its own (a conclusion's is shared: below)
    lists = [m.because for r in results for m in r.outcomes]
    assert len({id(b) for b in lists}) == len(lists)
    travelled = pickle.loads(pickle.dumps(results[0]))
    assert travelled == results[0]


def test_a_shared_conclusion_and_coverage_cannot_be_changed_through_one_result(
    evaluator: Evaluator,
) -> None:
    """The same rule drawing the same conclusion on the same reasons is one frozen `Conclusion`
    in every result drawing it, and a host or home state's coverage one frozen entry: their
    lists refuse changes, copies and pickles of them are plain lists."""
    results = [evaluator.evaluate(case) for case in generated(100, seed=6)]
    drawn: dict[tuple[object, ...], list[Any]] = {}
    for result in results:
        for conclusion in result.conclusions:
            key = (conclusion.rule, conclusion.name, *map(id, conclusion.because))
            drawn.setdefault(key, []).append(conclusion)
    shared = [found for found in drawn.values() if len(found) > 1]
    assert shared and all(all(c is found[0] for c in found) for found in shared)
    states = [state for result in results for state in result.coverage]
    by_pair: dict[tuple[object, ...], list[Any]] = {}
    for result in results:
        by_pair.setdefault(tuple(s.state for s in result.coverage), []).append(result.coverage)
    assert any(len(found) > 1 for found in by_pair.values())
    for found in by_pair.values():  # the results naming the same states share their entries
        assert all(all(map(operator.is_, c, found[0])) for c in found)
    parts: list[tuple[Any, tuple[str, ...]]] = [
        (found[0], ("because", "citations", "reported_in")) for found in shared
    ]
    parts += [(state, ("missing",)) for state in states]
    for model, lists in parts:
        for name in lists:
            value = getattr(model, name)
            with pytest.raises(TypeError):
                value.append(value[0] if value else "x")
            assert type(copy.copy(value)) is list and copy.copy(value) == value
        with pytest.raises(Exception, match="frozen"):
            setattr(model, lists[0], [])
    for result in results[:10]:
        travelled = pickle.loads(pickle.dumps(result))
        assert travelled == result
        assert all(type(c.because) is list for c in travelled.conclusions)


@pytest.mark.parametrize("blurred", [False, True])
def test_a_counted_case_is_not_counted_again_and_is_forgotten_once_freed(blurred: bool) -> None:
    """`with_counts` remembers the cases it returned (they have their counts): each comes back
    as it is, and counting a copy of it afresh gives the same case."""
    for case in generated(CASES, seed=7, blurred=blurred):  # seen as of their date: counted
        assert with_counts(case) is case
        afresh = case.model_copy()
        assert id(afresh) not in counts._counted
        assert with_counts(afresh) == case
    case = as_of(generated(1, seed=8)[0], None)
    key = id(case)
    assert counts._counted[key]() is case
    del case
    assert key not in counts._counted
