"""The counterfactual search: answers that hold when evaluated, are minimal, come from the rules'
structure, and say where the search stopped."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import SEEDS, RuleFolder, kz_rules
from lexcase.analysis.counterfactual import (
    Counterfactual,
    Direction,
    Goal,
    Status,
    counterfactual,
    parse_goal,
)
from lexcase.evaluation.evaluator import evaluate
from lexcase.interfaces.cli import app
from lexcase.law.overlay import RulesInput
from lexcase.model.case import load_case
from lexcase.model.facts import as_of as case_as_of
from lexcase.model.facts import with_facts
from lexcase.model.rules import OutcomeKind

runner = CliRunner()
ZHILIN = SEEDS / "zhilin.yaml"
AVOID_KZ_PROSECUTION = Goal(
    direction=Direction.AVOID, kind=OutcomeKind.PROSECUTION, jurisdiction="KZ"
)


def assert_verified_and_minimal(
    answer: Counterfactual, case: Path, rules: RulesInput = None
) -> None:
    """Every answer meets its goals when evaluated, and no proper subset of it does."""
    base = case_as_of(load_case(case), answer.as_of)
    for found in answer.answers:
        changes = {c.path: c.after for c in found.changes}
        result = evaluate(with_facts(base, changes), rules=rules)
        assert all(g.met(result) for g in answer.goals), changes
        for size in range(len(changes)):
            for subset in itertools.combinations(changes, size):
                partial = with_facts(base, {p: changes[p] for p in subset})
                met = all(g.met(evaluate(partial, rules=rules)) for g in answer.goals)
                assert not met, f"{changes} is not minimal: {subset} does the same"
    sizes = [a.size for a in answer.answers]
    assert sizes == sorted(sizes)


def test_crossing_at_a_checkpoint_removes_the_kazakh_prosecution() -> None:
    answer = counterfactual(ZHILIN, [AVOID_KZ_PROSECUTION], as_of=dt.date(2022, 9, 27))
    assert answer.status is Status.FOUND
    assert answer.targets == ["kz.cc.392.1"]
    changes = [[(c.path, c.after) for c in a.changes] for a in answer.answers]
    assert [("crossing.at_checkpoint", True)] in changes
    checkpoint = answer.answers[changes.index([("crossing.at_checkpoint", True)])]
    vanished = {d.rule for d in checkpoint.difference.outcomes if d.change.value == "vanishes"}
    assert "kz.cc.392.1" in vanished
    # Only mutable facts are changed, at values the rules' tests turn on.
    assert {c.path for a in answer.answers for c in a.changes} <= set(answer.mutable)
    assert "crossing.at_checkpoint" in [t.path for t in answer.tried]
    assert answer.complete
    assert_verified_and_minimal(answer, ZHILIN)


def test_a_removal_resting_on_recorded_facts_has_no_counterfactual_and_says_what_was_tried() -> (
    None
):
    # As of 12 December 2022 his removal rests on the court's expulsion order and on Russia's
    # charges: records, not choices he could have made otherwise.
    answer = counterfactual(ZHILIN, [parse_goal("removal", Direction.AVOID)])
    assert answer.status is Status.NONE
    assert answer.answers == []
    assert answer.complete
    assert any("mutable" in limit for limit in answer.limits)
    assert answer.tried  # it did try the values the removal rules turn on


def test_two_changes_are_needed_when_two_rules_conclude_the_outcome(
    rule_folder: RuleFolder, tmp_path: Path
) -> None:
    rules = rule_folder(
        kz=kz_rules(
            """
            - id: kz.t.outside
              title: Crossing outside a checkpoint is prosecuted
              cite: {article: 1}
              basis: law
              when: {crossing.at_checkpoint: false}
              then:
                outcome:
                  kind: prosecution
                  summary: Prosecuted.
                  detail: {article: "1", max_months: 12}
            - id: kz.t.no_papers
              title: Crossing without documents is prosecuted
              cite: {article: 2}
              basis: law
              when: {crossing.documents: none}
              then:
                outcome:
                  kind: prosecution
                  summary: Prosecuted.
                  detail: {article: "2", max_months: 12}
            """
        )
    )
    case = tmp_path / "case.yaml"
    case.write_text(
        "case_id: two\nas_of: 2022-10-01\nhost_state: KZ\n"
        "crossing: {into: KZ, date: 2022-09-26, at_checkpoint: false, documents: none}\n"
    )
    answer = counterfactual(case, [AVOID_KZ_PROSECUTION], rules=rules)
    assert answer.status is Status.FOUND
    assert {a.size for a in answer.answers} == {2}
    assert len(answer.answers) == 3  # at a checkpoint, with each of the three other documents
    assert_verified_and_minimal(answer, case, rules)
    # The search skipped every superset of an answer instead of reporting it.
    limited = counterfactual(case, [AVOID_KZ_PROSECUTION], max_changes=1, rules=rules)
    assert limited.status is Status.NONE


def test_a_search_that_runs_out_of_budget_says_so(rule_folder: RuleFolder, tmp_path: Path) -> None:
    answer = counterfactual(ZHILIN, [parse_goal("remedy", Direction.AVOID)], budget=5)
    assert not answer.complete
    assert answer.cost.evaluations == 5
    assert any("Stopped after 5 evaluations" in limit for limit in answer.limits)


def test_a_goal_already_met_is_said_and_nothing_searched() -> None:
    answer = counterfactual(
        ZHILIN, [parse_goal("detention", Direction.AVOID)], as_of=dt.date(2022, 9, 27)
    )
    assert answer.status is Status.ALREADY
    assert answer.cost.evaluations == 0


def test_the_command_prints_the_answers_and_json() -> None:
    args = ["counterfactual", str(ZHILIN), "--avoid", "prosecution:KZ", "--as-of", "2022-09-27"]
    shown = runner.invoke(app, args)
    assert shown.exit_code == 0, shown.output
    assert "crossing.at_checkpoint: false -> true" in shown.output
    assert "vanishes" in shown.output and "kz.cc.392.1" in shown.output
    data = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert data["status"] == "found"
    assert data["cost"]["evaluations"] >= 1
    bad = runner.invoke(app, ["counterfactual", str(ZHILIN), "--avoid", "exile"])
    assert bad.exit_code == 2
    assert "--avoid" in bad.output and "prosecution" in bad.output


def test_which_facts_are_mutable_is_declared_on_the_case_model_and_shown_in_the_schema() -> None:
    from lexcase.model.case import case_schema
    from lexcase.model.facts import fact_paths

    mutable = {p for p, f in fact_paths().items() if f.mutable}
    assert {"crossing.at_checkpoint", "crossing.date", "asylum.applied_on"} <= mutable
    assert not {p for p in mutable if p.startswith(("host_proceedings", "home_proceedings"))}
    crossing = case_schema()["$defs"]["Crossing"]["properties"]
    assert crossing["at_checkpoint"]["mutable"] is True
    assert "mutable" not in crossing["into"]
