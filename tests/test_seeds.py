"""The article's people, end to end: what lexcase must predict for each of them."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEEDS
from lexcase.evaluation.evaluator import Evaluator
from lexcase.evaluation.result import Outcome, Result

THE_DAY_AFTER = dt.date(2022, 9, 27)


def by_rule(result: Result) -> dict[str, Outcome]:
    return {o.rule: o for o in result.outcomes}


def cites(outcome: Outcome, article: str, part: str | None = None) -> bool:
    return any(c.article == article and (part is None or c.part == part) for c in outcome.citations)


@pytest.fixture(scope="module")
def predicted(evaluator: Evaluator) -> Result:
    return evaluator.evaluate(SEEDS / "zhilin.yaml", THE_DAY_AFTER)


@pytest.fixture(scope="module")
def recorded(evaluator: Evaluator) -> Result:
    return evaluator.evaluate(SEEDS / "zhilin.yaml")


def test_the_day_after_the_crossing_lexcase_predicts_the_russian_side(predicted: Result) -> None:
    [ban] = predicted.of_kind("exit_ban")
    assert ban.jurisdiction == "RU" and cites(ban, "15", "1") and ban.basis.value == "law"
    charges = {o.detail["article"]: o for o in predicted.of_kind("home_charge")}
    assert set(charges) == {"338", "322"}
    assert charges["338"].detail["part"] == "3"
    assert (charges["338"].detail["min_years"], charges["338"].detail["max_years"]) == (5, 15)
    assert charges["322"].detail["max_years"] == 2 and cites(charges["322"], "322", "1")


def test_the_day_after_the_crossing_lexcase_predicts_prosecution_and_sentence(
    predicted: Result,
) -> None:
    [prosecution] = predicted.of_kind("prosecution")
    assert prosecution.jurisdiction == "KZ" and cites(prosecution, "392", "1")
    assert prosecution.detail["max_months"] == 12 and prosecution.detail["max_fine_mrp"] == 1000
    [sentence] = predicted.of_kind("sentence")
    assert sentence.basis.value == "practice"
    assert sentence.detail["disposition"] == "conditional"
    assert sentence.detail["expulsion_years"] == 5 and sentence.detail["max_months"] == 12
    assert sentence.reported_in  # a prediction from practice says where it is reported


def test_refusal_is_predicted_from_practice_with_the_guidelines_argument(predicted: Result) -> None:
    asylum = {o.basis.value: o for o in predicted.of_kind("asylum")}
    assert asylum["practice"].detail["decision"] == "refused"
    assert asylum["practice"].jurisdiction == "KZ"
    assert (
        asylum["law"].rule == "intl.gl10.unlawful_conflict"
    )  # law and practice diverge: both shown
    remedies = by_rule(predicted)
    assert "intl.gl10.appeal_argument" in remedies
    assert "kz.refugees.appeal" in remedies


def test_removal_by_expulsion_and_the_extradition_path(predicted: Result) -> None:
    removals = {o.rule: o.detail for o in predicted.of_kind("removal")}
    assert removals["kz.cc.392.1.expulsion"]["type"] == "expulsion"
    assert removals["kz.cc.392.1.expulsion"]["destination"] == "RU"
    assert removals["intl.minsk.56.extradition"]["type"] == "extradition"
    assert removals["kz.refugees.practice.removal_pending_appeal"]["type"] == "deportation"


def test_remedies_include_article_31_and_the_appeals(predicted: Result) -> None:
    rules = by_rule(predicted)
    assert cites(rules["intl.rc.31.1"], "31", "1")
    assert rules["kz.cpc.extradition.appeal"].detail["deadline_days"] == 10


def test_detention_waits_for_the_wanted_notice_fact(predicted: Result) -> None:
    assert predicted.of_kind("detention") == []
    undecided = {u.rule: u.needs for u in predicted.undecided}
    assert undecided["kz.cpc.587.wanted_notice"] == ["home_proceedings.wanted_notice.international"]
    # Custody follows a detention on the notice, which the Kazakh code (an international notice) or
    # the CIS interstate search (a notice circulated through it) can ground.
    assert undecided["kz.cpc.588.custody"] == [
        "home_proceedings.wanted_notice.channels",
        "home_proceedings.wanted_notice.international",
    ]


def test_at_the_file_date_outcomes_rest_on_the_recorded_decisions(recorded: Result) -> None:
    rules = by_rule(recorded)
    assert rules["kz.refugees.decision.refused"].detail == {
        "decision": "refused",
        "on": "2022-11-30",
        "status": "decided",
    }
    sentence = rules["kz.cc.392.sentence.imposed"].detail
    assert (sentence["months"], sentence["disposition"], sentence["expulsion"]) == (
        6,
        "conditional",
        True,
    )
    assert rules["kz.cc.392.1.expulsion.ordered"].detail["status"] == "ordered"
    defeats = {(d.rule, d.by) for d in recorded.defeated}
    assert (
        "kz.refugees.practice.military_claims_refused",
        "kz.refugees.decision.refused",
    ) in defeats
    assert ("kz.cc.392.1.sentence.practice", "kz.cc.392.sentence.imposed") in defeats
    assert ("kz.cc.392.1.expulsion", "kz.cc.392.1.expulsion.ordered") in defeats


def test_at_the_file_date_the_detention_has_its_40_day_limit(recorded: Result) -> None:
    detentions = {o.detail["basis"]: o for o in recorded.of_kind("detention")}
    assert detentions["extradition_check"].detail["limit_hours"] == 72
    custody = detentions["extradition_custody"]
    assert custody.detail["limit_days"] == 40 and custody.detail["status"] == "ordered"
    assert cites(custody, "588") and cites(custody, "62")
    assert "kz.cpc.extradition.practice" in by_rule(recorded)


def test_the_wife_faces_no_criminal_or_detention_outcome(evaluator: Evaluator) -> None:
    result = evaluator.evaluate(SEEDS / "zhilina.yaml")
    kinds = {o.kind.value for o in result.outcomes}
    assert not kinds & {
        "home_charge",
        "prosecution",
        "sentence",
        "detention",
        "removal",
        "exit_ban",
    }


def test_the_civilian_who_crossed_legally_faces_no_charge(evaluator: Evaluator) -> None:
    result = evaluator.evaluate(SEEDS / "reservist-2022.yaml")
    kinds = {o.kind.value for o in result.outcomes}
    assert not kinds & {"home_charge", "prosecution", "sentence", "detention", "removal"}
    rules = by_rule(result)
    assert "ru.cc.328.mobilisation_not_a_crime" in rules  # the argument open to him
    assert rules["kz.cpc.extradition.no_extradition_for_mobilisation"].basis.value == "practice"


def test_every_seed_says_where_its_facts_come_from(evaluator: Evaluator) -> None:
    from lexcase import load_case

    for path in sorted(SEEDS.glob("*.yaml")):
        assert load_case(path).sources, path.name
