"""The article's people, end to end: what lexcase must predict for each of them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

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
    assert rules["kz.cc.392.1.expulsion.ordered.length_by_law"].detail["status"] == "ordered"
    defeats = {(d.rule, d.by) for d in recorded.defeated}
    assert (
        "kz.refugees.practice.military_claims_refused",
        "kz.refugees.decision.refused",
    ) in defeats
    assert ("kz.cc.392.1.sentence.practice", "kz.cc.392.sentence.imposed") in defeats
    assert ("kz.cc.392.1.expulsion", "kz.cc.392.1.expulsion.ordered.length_by_law") in defeats


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


# --- the destinations' seeds (issue 11): Armenia and Kyrgyzstan ---------------------------------


def rules_named(result: Result) -> set[str]:
    """Every rule the result names: outcomes, defeats and undecided rules."""
    return (
        {o.rule for o in result.outcomes}
        | {d.rule for d in result.defeated}
        | {u.rule for u in result.undecided}
    )


def host_coverage(result: Result) -> tuple[str | None, str]:
    [host] = [c for c in result.coverage if c.role.value == "host"]
    return host.state, host.coverage.value


@pytest.fixture(scope="module")
def setrakov(evaluator: Evaluator) -> Result:
    return evaluator.evaluate(SEEDS / "setrakov.yaml")


@pytest.fixture(scope="module")
def samat(evaluator: Evaluator) -> Result:
    return evaluator.evaluate(SEEDS / "samat.yaml")


@pytest.mark.parametrize("seed", ["setrakov", "samat"])
def test_a_person_outside_kazakhstan_gets_no_kazakh_rule(
    seed: str, request: pytest.FixtureRequest
) -> None:
    result: Result = request.getfixturevalue(seed)
    assert not [r for r in rules_named(result) if r.startswith("kz.")]
    assert not result.warnings  # both hosts have a pack: nothing is left unsaid about them


def test_setrakov_in_armenia_the_seizure_by_russian_forces_is_the_risk(setrakov: Result) -> None:
    assert host_coverage(setrakov) == ("AM", "partial")
    seizure = by_rule(setrakov)["am.practice.seizure_by_russian_military_police"]
    assert seizure.kind.value == "removal" and seizure.jurisdiction == "AM"
    assert seizure.basis.value == "practice" and {"am-c", "am-f"} <= set(seizure.reported_in)
    assert seizure.detail["procedure"] == "none"


def test_setrakov_desertion_cannot_ground_an_extradition_and_none_is_predicted(
    setrakov: Result,
) -> None:
    bar = by_rule(setrakov)["intl.ece.4.military_offences"]
    assert bar.kind.value == "protection" and cites(bar, "4")
    extraditions = [o for o in setrakov.of_kind("removal") if o.detail["type"] == "extradition"]
    assert extraditions == []  # only the seizure outside any procedure, as reported


def test_setrakov_before_the_first_reported_seizure_that_risk_is_not_shown(
    evaluator: Evaluator,
) -> None:
    # The practice is taken to hold from its first report (6 December 2023).
    before = evaluator.evaluate(SEEDS / "setrakov.yaml", dt.date(2023, 12, 5))
    assert "am.practice.seizure_by_russian_military_police" not in by_rule(before)
    assert "intl.ece.4.military_offences" in by_rule(before)


def test_samat_held_in_kyrgyzstan_on_a_charge_the_russian_pack_does_not_judge(
    samat: Result,
) -> None:
    assert host_coverage(samat) == ("KG", "partial")
    [home] = [c for c in samat.coverage if c.role.value == "home"]
    # The charge (art. 337, leaving his unit before the mobilisation) is on record without its
    # part: a home charge whatever its part, the part not guessed (issue 12, point 1).
    assert any("337 part 4" in m for m in home.missing)
    charged = {o.rule: o for o in samat.of_kind("home_charge")}
    assert charged["ru.cc.337.charged"].detail["part"] == "not reported"
    # with a criminal charge on record, the practice of hand-overs now applies to him
    assert "kg.practice.handover_without_court" in {o.rule for o in samat.outcomes}
    # His custody deadline cannot be dated: the day of his detention is not reported.
    [custody] = [d for d in samat.deadlines if d.rule == "intl.minsk.62.request_due"]
    assert custody.status.value == "undated"


def test_samat_as_a_kyrgyz_citizen_he_should_not_be_extradited(evaluator: Evaluator) -> None:
    from lexcase import load_case
    from lexcase.model.facts import with_facts

    case = load_case(SEEDS / "samat.yaml")
    assert "kg.cc.citizens_not_extradited" not in by_rule(evaluator.evaluate(case))
    as_kyrgyz = with_facts(case, {"person.nationalities": ["RU", "KG"]})
    protection = by_rule(evaluator.evaluate(as_kyrgyz))["kg.cc.citizens_not_extradited"]
    assert protection.kind.value == "protection" and protection.confidence.value == "low"


def test_setrakov_compared_with_the_thin_packs() -> None:
    from lexcase.analysis.compare import compare

    comparison = compare(SEEDS / "setrakov.yaml", hosts=["AM", "RS", "TR", "UZ", "MN"])
    columns = {c.host: c for c in comparison.columns}
    assert [h for h, c in columns.items() if c.real] == ["AM"]
    assert {h: c.coverage.coverage.value for h, c in columns.items()} == dict.fromkeys(
        columns, "partial"
    )
    [worst_in_armenia] = [line for line in columns["AM"].lines if line.worst]
    assert worst_in_armenia.rule == "am.practice.seizure_by_russian_military_police"
    # ECE art. 4 protects a deserter where the Convention binds the host (RS, TR), not in UZ or MN.
    art4 = {
        h for h, c in columns.items() if "intl.ece.4.military_offences" in {x.rule for x in c.lines}
    }
    assert art4 == {"AM", "RS", "TR"}
    for column in columns.values():
        named = {x.rule for x in column.lines} | {u.rule for u in column.undecided}
        assert not [r for r in named if r.startswith("kz.")], column.host


# --- two more reported Kazakh cases (issue 12) ---------------------------------------------


def evaluate_json(seed: str, *options: str) -> dict[str, Any]:
    from typer.testing import CliRunner

    from lexcase.interfaces.cli import app

    run = CliRunner().invoke(app, ["evaluate", str(SEEDS / seed), "--json", *options])
    assert run.exit_code == 0, run.output
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def rules_of(data: dict[str, Any], kind: str) -> set[str]:
    return {o["rule"] for o in data["outcomes"] if o["kind"] == kind}


def test_sandzhiev_at_the_file_date_lexcase_gives_what_the_reports_record() -> None:
    data = evaluate_json("sandzhiev.yaml")
    assert "kz.cc.392.sentence.imposed" in rules_of(data, "sentence")
    assert "kz.cc.392.1.expulsion.ordered" in rules_of(data, "removal")  # 5 years, as reported
    assert "kz.refugees.decision.refused" in rules_of(data, "asylum")
    assert "ru.cc.338.3.charged" in rules_of(data, "home_charge")  # mobilised, left in March 2023


def test_sandzhiev_before_his_conviction_lexcase_predicts_it() -> None:
    data = evaluate_json("sandzhiev.yaml", "--as-of", "2023-04-15")
    assert "kz.cc.392.1.sentence.practice" in rules_of(data, "sentence")
    assert "kz.cc.392.1.expulsion" in rules_of(data, "removal")
    assert not rules_of(data, "sentence") & {"kz.cc.392.sentence.imposed"}


def test_bazhukov_at_the_file_date_the_hand_over_is_on_record_beside_his_protection() -> None:
    data = evaluate_json("bazhukov.yaml")
    assert rules_of(data, "removal") == {"kz.removal.carried_out.handover"}
    assert "kz.refugees.asylum_seeker.not_returned" in rules_of(data, "protection")


def test_bazhukov_the_day_before_the_hand_over_lexcase_predicts_a_return() -> None:
    data = evaluate_json("bazhukov.yaml", "--as-of", "2026-02-01")
    assert rules_of(data, "removal") == {"kz.practice.returns_of_asylum_seekers"}
