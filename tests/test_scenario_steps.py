"""The scenario steps as a scenario author meets them: what a bad step or a failing Then says."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEEDS
from lexcase.evaluation.evaluator import Evaluator
from lexcase.model.case import load_case
from rule_coverage import CoverageRecord
from scenario_steps import (
    DEFAULT_AS_OF,
    ScenarioState,
    cites,
    detail_is,
    evaluate,
    fact_is,
    fact_needed,
    facts_table,
    fresh_person,
    no_outcome_predicted,
    outcome_predicted,
    rule_fate,
    same_result,
    same_value,
)

Failed = pytest.fail.Exception


class Node:
    nodeid = "tests/test_scenario_steps.py::example"


class Request:
    node = Node()


@pytest.fixture
def state() -> ScenarioState:
    state = ScenarioState()
    state.set_case(load_case(SEEDS / "zhilin.yaml"))
    return state


def run(state: ScenarioState, evaluator: Evaluator, date: str | None = None) -> CoverageRecord:
    record = CoverageRecord()
    evaluate(state, evaluator, record, Request(), date)  # type: ignore[arg-type]
    return record


def test_an_unknown_fact_path_fails_naming_it_and_the_closest_path(state: ScenarioState) -> None:
    with pytest.raises(Failed, match=r"'crossing\.at_chekpoint' is not a fact") as failure:
        fact_is(state, "crossing.at_chekpoint", "false")
    assert "did you mean crossing.at_checkpoint?" in str(failure.value)


def test_a_bad_value_fails_naming_the_path_and_the_allowed_values(state: ScenarioState) -> None:
    with pytest.raises(Failed) as failure:
        fact_is(state, "military.status", "general")
    message = str(failure.value)
    assert "'general' is not a value of military.status" in message
    assert "one of civilian, reservist, conscript, contract, officer, mobilised" in message
    with pytest.raises(Failed, match=r"'maybe' is not a value of crossing\.at_checkpoint"):
        facts_table(state, [["path", "value"], ["crossing.at_checkpoint", "maybe"]])


def test_values_are_parsed_by_the_case_models_types(state: ScenarioState) -> None:
    facts_table(
        state,
        [
            ["path", "value"],
            ["crossing.at_checkpoint", "true"],
            ["crossing.date", "2022-09-30"],
            ["person.nationalities", "RU,KZ"],
            ["crossing.place", '"Koyanbay checkpoint"'],
            ["asylum", "unknown"],
        ],
    )
    case = state.the_case()
    assert case.crossing is not None and case.crossing.at_checkpoint is True
    assert case.crossing.date == dt.date(2022, 9, 30)
    assert case.crossing.place == "Koyanbay checkpoint"
    assert case.person.nationalities == ["RU", "KZ"]
    assert case.asylum is None


def test_a_facts_table_needs_its_header_and_two_columns(state: ScenarioState) -> None:
    with pytest.raises(Failed, match=r"first row must be \| path \| value \|"):
        facts_table(state, [["crossing.at_checkpoint", "true"]])
    with pytest.raises(Failed, match=r"each row .* not \| crossing.date \|"):
        facts_table(state, [["chemin", "valeur"], ["crossing.date"]])
    with pytest.raises(Failed, match=r"sets crossing.date twice"):
        facts_table(state, [["path", "value"], ["crossing.date", "x"], ["crossing.date", "y"]])
    with pytest.raises(Failed, match=r"needs a table below it"):
        facts_table(state)


def test_a_fresh_person_has_the_documented_defaults() -> None:
    state = ScenarioState()
    fresh_person(state, "RU", "KZ")
    case = state.the_case()
    assert (case.as_of, case.home_state, case.host_state) == (DEFAULT_AS_OF, "RU", "KZ")
    assert case.person.nationalities == ["RU"]
    fresh_person(state, "BY", None)
    assert state.the_case().host_state is None


def test_a_failing_then_shows_what_lexcase_predicted(
    state: ScenarioState, evaluator: Evaluator
) -> None:
    run(state, evaluator, "2022-09-27")
    with pytest.raises(Failed) as failure:
        outcome_predicted(state, "detention", "KZ")
    message = str(failure.value)
    assert "no outcome of kind detention in KZ was predicted" in message
    assert "What lexcase predicted for zhilin as of 2022-09-27:" in message
    assert "prosecution in KZ: kz.cc.392.1 (law) - Kazakhstan prosecutes him" in message
    assert "defeated: ru.cc.338.3 by ru.cc.338.3.charged" in message
    assert "undecided: kz.cpc.587.wanted_notice (needs" in message

    with pytest.raises(Failed, match="expected no outcome of kind prosecution") as failure:
        no_outcome_predicted(state, "prosecution", None)
    assert "cites KZ Criminal Code, art. 392(1)" in str(failure.value)


def test_it_steps_narrow_the_outcomes_in_focus(state: ScenarioState, evaluator: Evaluator) -> None:
    run(state, evaluator, "2022-09-27")
    outcome_predicted(state, "home_charge", "RU")
    assert len(state.focus) == 2
    cites(state, "RU Criminal Code", "338", "3", None)
    assert [o.rule for o in state.focus] == ["ru.cc.338.3.charged"]
    detail_is(state, "max_years", "15")
    with pytest.raises(Failed, match=r"no outcome of kind home_charge has detail max_years = 2"):
        detail_is(state, "max_years", "2")  # the 322 charge's maximum, but no longer in focus
    outcome_predicted(state, "home_charge", "RU")
    with pytest.raises(Failed, match=r"cites article 338 part 1 of RU Criminal Code"):
        cites(state, "RU Criminal Code", "338", "1", None)


def test_an_unknown_outcome_kind_or_rule_is_named(
    state: ScenarioState, evaluator: Evaluator
) -> None:
    run(state, evaluator)
    with pytest.raises(Failed, match=r"'expulsion' is not an outcome kind \(expected one of"):
        outcome_predicted(state, "expulsion", None)
    with pytest.raises(Failed, match=r"no rule kz\.cc\.392 in the rulebook; did you mean"):
        rule_fate(state, evaluator, "kz.cc.392", "holds", None)


def test_rule_fates(state: ScenarioState, evaluator: Evaluator) -> None:
    run(state, evaluator, "2022-09-27")
    rule_fate(state, evaluator, "kz.cc.392.1", "holds", None)
    rule_fate(
        state, evaluator, "ru.cc.338.3", "is defeated by ru.cc.338.3.charged", "ru.cc.338.3.charged"
    )
    rule_fate(state, evaluator, "kz.cpc.587.wanted_notice", "is undecided", None)
    rule_fate(state, evaluator, "ru.cc.328.mobilisation_not_a_crime", "does not apply", None)
    rule_fate(state, evaluator, "kz.cc.392.1", "s'applique", None)
    with pytest.raises(Failed, match=r"expected rule kz\.cc\.392\.1 does not apply, but it holds"):
        rule_fate(state, evaluator, "kz.cc.392.1", "does not apply", None)
    with pytest.raises(Failed, match=r"is defeated by ru\.cc\.338\.1, but it is defeated by"):
        rule_fate(state, evaluator, "ru.cc.338.3", "is defeated by ru.cc.338.1", "ru.cc.338.1")


def test_needed_facts(state: ScenarioState, evaluator: Evaluator) -> None:
    run(state, evaluator, "2022-09-27")
    fact_needed(state, evaluator, "risk_on_return.torture", "intl.cat.3.1")
    with pytest.raises(Failed, match=r"crossing\.date is not listed as needed by any"):
        fact_needed(state, evaluator, "crossing.date", None)
    with pytest.raises(Failed, match=r"'crossing\.dat' is not a fact"):
        fact_needed(state, evaluator, "crossing.dat", None)


def test_a_then_after_a_change_asks_for_a_new_evaluation(
    state: ScenarioState, evaluator: Evaluator
) -> None:
    with pytest.raises(Failed, match="no result yet"):
        outcome_predicted(state, "prosecution", None)
    run(state, evaluator)
    fact_is(state, "crossing.at_checkpoint", "true")
    with pytest.raises(Failed, match="facts changed after the last evaluation"):
        outcome_predicted(state, "prosecution", None)


def test_the_same_result_compares_outcomes_defeats_and_undecided_rules(
    state: ScenarioState, evaluator: Evaluator
) -> None:
    run(state, evaluator, "2022-09-27")
    state.kept["story"] = state.the_result()
    fact_is(state, "crossing.place", "elsewhere")  # no rule reads it
    run(state, evaluator, "2022-09-27")
    same_result(state, "story")
    fact_is(state, "crossing.at_checkpoint", "true")
    run(state, evaluator, "2022-09-27")
    with pytest.raises(Failed, match=r'differs from "story"') as failure:
        same_result(state, "story")
    assert "outcomes no longer: prosecution in KZ: kz.cc.392.1" in str(failure.value)
    with pytest.raises(Failed, match=r'no result kept as "before" \(kept: "story"\)'):
        same_result(state, "before")


def test_evaluations_are_recorded_for_rule_coverage(
    state: ScenarioState, evaluator: Evaluator
) -> None:
    record = run(state, evaluator, "2022-09-27")
    [fates] = record.evaluations[Node.nodeid]
    assert "kz.cc.392.1" in fates.held and fates.defeated_by["ru.cc.338.3"] == "ru.cc.338.3.charged"
    assert "kz.cpc.587.wanted_notice" in fates.undecided


@pytest.mark.parametrize(
    ("actual", "written", "same"),
    [
        (12, "12", True),
        ("1", "1", True),
        ("1", '"1"', True),
        (True, "true", True),
        (True, "True", False),
        (None, "unknown", True),
        (0, "unknown", False),
        ("2022-11-30", "2022-11-30", True),
        (["fine", "forced labour"], "fine, forced labour", True),
        ("the court's expulsion", "the court's expulsion", True),
        (5, "6", False),
    ],
)
def test_detail_values_compare_as_written(actual: object, written: str, same: bool) -> None:
    assert same_value(actual, written) is same
