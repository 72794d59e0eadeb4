"""What-if: outcomes that appear, vanish or change when facts change, and sweeps over values."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from lexcase.analysis.explain import RuleStatus
from lexcase.analysis.whatif import Change, sweep, what_if
from lexcase.errors import CaseError, FactPathError, InputError
from lexcase.interfaces.cli import app
from lexcase.interfaces.options import parse_axes, parse_changes, split_values
from lexcase.model.case import load_case
from lexcase.model.facts import with_facts

runner = CliRunner()
ZHILIN = str(SEEDS / "zhilin.yaml")
CROSSED = dt.date(2022, 9, 27)


def test_crossing_at_a_checkpoint_removes_the_criminal_path() -> None:
    # With his own passport and by the procedure: no limb of art. 392(1) fits (issue 12, point 2).
    base = with_facts(
        load_case(ZHILIN),
        {"crossing.documents": "internal_passport", "crossing.procedure_breached": False},
    )
    diff = what_if(base, {"crossing.at_checkpoint": True}, as_of=CROSSED)
    assert [(c.path, c.before, c.after) for c in diff.changes] == [
        ("crossing.at_checkpoint", False, True)
    ]
    changes = {d.rule: d for d in diff.outcomes}
    prosecution = changes["kz.cc.392.1"]
    assert prosecution.change is Change.VANISHES and prosecution.kind == "prosecution"
    assert prosecution.citations[0].short() == "KZ Criminal Code, art. 392(1)"
    assert prosecution.before.status is RuleStatus.HOLDS
    assert prosecution.after.status is RuleStatus.DOES_NOT_APPLY
    assert changes["kz.cc.392.1.sentence.practice"].change is Change.VANISHES
    # The practice of removal while an appeal is pending now waits on the court's sentence.
    # No crime, so no expulsion for the practice of removal to carry out.
    pending = changes["kz.refugees.practice.removal_pending_appeal"]
    assert pending.after.status is RuleStatus.DOES_NOT_APPLY
    # what appears is only the statement that the crossing fits no limb
    assert [d.rule for d in diff.outcomes if d.change is Change.APPEARS] == ["kz.cc.392.1.no_limb"]
    assert ("kz.cc.392.1.sentence.range", "kz.cc.392.1.sentence.practice") in {
        (d.rule, d.by) for d in diff.defeats if d.change is Change.VANISHES
    }
    assert diff.unchanged > 5


def test_kazakh_citizenship_brings_a_bar_to_extradition_that_defeats_it() -> None:
    diff = what_if(ZHILIN, {"person.nationalities": ["RU", "KZ"]})
    changes = {d.rule: d for d in diff.outcomes}
    bar = changes["kz.constitution.11.1"]
    assert bar.change is Change.APPEARS and bar.kind == "protection"
    assert bar.before.status is RuleStatus.DOES_NOT_APPLY
    for extradition in ("intl.minsk.56.extradition", "kz.cpc.extradition.practice"):
        assert changes[extradition].change is Change.VANISHES
        assert changes[extradition].after.defeated_by == ["kz.constitution.11.1"]


def test_a_changed_detail_is_reported_with_both_values() -> None:
    diff = what_if(ZHILIN, {"host_proceedings.sentence.months": 12})
    [sentence] = diff.outcomes
    assert sentence.change is Change.CHANGES and sentence.rule == "kz.cc.392.sentence.imposed"
    assert [(d.key, d.before, d.after) for d in sentence.details] == [("months", 6, 12)]
    assert "12 months, conditional" in sentence.summary


def test_making_a_fact_unknown_leaves_its_rules_undecided() -> None:
    diff = what_if(ZHILIN, {"risk_on_return": None, "asylum.decision": None})
    appeared = {u.rule for u in diff.undecided if u.change is Change.APPEARS}
    assert "kz.refugees.decision.refused" in appeared
    asylum = {d.rule: d.change for d in diff.outcomes if d.kind == "asylum"}
    assert asylum == {
        "kz.refugees.decision.refused": Change.VANISHES,
        "kz.refugees.practice.military_claims_refused": Change.APPEARS,
    }


def test_bad_changes_are_named_with_what_was_expected() -> None:
    with pytest.raises(FactPathError) as unknown:
        what_if(ZHILIN, {"crossing.at_chekpoint": True})
    assert "crossing.at_checkpoint" in (unknown.value.suggestion or "")
    with pytest.raises(CaseError) as value:
        what_if(ZHILIN, {"crossing.at_checkpoint": "maybe"})
    assert value.value.expected == "true or false"
    assert value.value.place.path == "crossing.at_checkpoint"  # the change, not an option
    with pytest.raises(InputError) as typed:
        parse_changes(["crossing.at_checkpoint=maybe"])
    assert typed.value.place.path == "--set" and typed.value.expected == "true or false"
    with pytest.raises(InputError, match="set twice"):
        parse_changes(["crossing.date=2022-09-26", "crossing.date=2022-09-27"])
    with pytest.raises(InputError, match="nothing to change"):
        what_if(ZHILIN, {})


def test_sweep_values_split_at_commas_outside_brackets() -> None:
    assert split_values("true,false,unknown") == ["true", "false", "unknown"]
    assert split_values('[RU],[RU,KZ],["BY","KZ"]') == ["RU", "RU,KZ", '["BY","KZ"]']


def test_a_sweep_gives_one_row_per_combination_and_the_kinds_that_vary() -> None:
    grid = sweep(
        ZHILIN,
        parse_axes(["crossing.at_checkpoint=true,false", "person.nationalities=[RU],[RU,KZ]"]),
    )
    assert [a.path for a in grid.axes] == ["crossing.at_checkpoint", "person.nationalities"]
    assert [r.values for r in grid.rows] == [
        [True, ["RU"]],
        [True, ["RU", "KZ"]],
        [False, ["RU"]],
        [False, ["RU", "KZ"]],
    ]
    assert [r.as_given for r in grid.rows] == [False, False, True, False]
    assert grid.columns == ["prosecution", "removal", "protection", "remedy"]
    assert "exit_ban" in grid.steady and "asylum" in grid.steady
    assert [r.cells["protection"] for r in grid.rows] == [
        [],
        ["kz.constitution.11.1"],
        [],
        ["kz.constitution.11.1"],
    ]
    assert [r.cells["prosecution"] for r in grid.rows] == [[], [], ["kz.cc.392.1"], ["kz.cc.392.1"]]
    # the recorded expulsion rests on the offence, which a checkpoint leaves undecided
    assert "kz.cc.392.1.expulsion.ordered.length_by_law" in grid.rows[2].cells["removal"]
    assert {e.rule for e in grid.legend} >= {"kz.constitution.11.1", "kz.cc.392.1"}


def test_a_sweep_with_fixed_changes_and_a_cap() -> None:
    grid = sweep(
        ZHILIN,
        [("asylum.decision.outcome", ["granted", "refused"])],
        fixed={"person.nationalities": ["RU", "KZ"]},
    )
    assert [(c.path, c.before, c.after) for c in grid.fixed] == [
        ("person.nationalities", ["RU"], ["RU", "KZ"])
    ]
    assert grid.rows[0].cells["protection"] == ["intl.rc.33.1", "kz.constitution.11.1"]
    with pytest.raises(InputError, match="65 combinations, more than the 64"):
        sweep(ZHILIN, [("stay.days_in_last_180", list(range(65)))])
    with pytest.raises(InputError, match="changed more than once"):
        sweep(ZHILIN, [("host_state", ["KZ"])], fixed={"host_state": "AM"})


def test_what_if_cli_shows_the_difference_with_sources() -> None:
    done = runner.invoke(
        app,
        ["what-if", ZHILIN, "--as-of", "2022-09-27", "--set", "crossing.at_checkpoint=true"],
    )
    assert done.exit_code == 0, done.output
    text = done.stdout
    assert "crossing.at_checkpoint: false -> true" in text
    assert "- vanishes" in text and "KZ Criminal Code, art. 392(1) - kz.cc.392.1" in text
    # at a checkpoint, his documents and the procedure decide art. 392(1) (issue 12, point 2)
    assert "now: undecided (needs crossing.documents, crossing.procedure_breached)" in text
    assert "+ kz.refugees.practice.removal_pending_appeal: needs" in text
    data = json.loads(
        runner.invoke(
            app, ["what-if", ZHILIN, "--set", "person.nationalities=RU,KZ", "--json"]
        ).stdout
    )
    assert data["changes"] == [
        {"path": "person.nationalities", "before": ["RU"], "after": ["RU", "KZ"]}
    ]
    assert {(o["rule"], o["change"]) for o in data["outcomes"]} >= {
        ("kz.constitution.11.1", "appears"),
        ("intl.minsk.56.extradition", "vanishes"),
    }


def test_sweep_cli_prints_the_grid() -> None:
    done = runner.invoke(
        app,
        [
            "what-if",
            ZHILIN,
            "--sweep",
            "crossing.at_checkpoint=true,false",
            "--sweep",
            "person.nationalities=[RU],[RU,KZ]",
        ],
    )
    assert done.exit_code == 0, done.output
    text = done.stdout
    assert "4 combination(s)" in text
    assert "protection" in text and "kz.constitution.11.1" in text
    assert "Unchanged on every row: exit_ban, home_charge, sentence, asylum, detention" in text
    assert "Kazakhstan does not extradite its own citizens" in text
    data = json.loads(
        runner.invoke(
            app, ["what-if", ZHILIN, "--sweep", "crossing.at_checkpoint=true,false", "--json"]
        ).stdout
    )
    assert len(data["rows"]) == 2 and data["columns"] == ["prosecution", "removal", "remedy"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--set", "crossing.at_chekpoint=true"], "did you mean crossing.at_checkpoint?"),
        (["--set", "crossing.at_checkpoint=maybe"], "expected true or false"),
        (["--set", "military.status=general"], "expected one of civilian, reservist"),
        (["--set", "crossing.at_checkpoint"], "is not PATH=VALUE"),
        ([], "nothing to change"),
        (["--sweep", f"stay.days_in_last_180={','.join(map(str, range(70)))}"], "at most 64"),
        (["--set", "crossing.date=26/09/2022"], "YYYY-MM-DD"),
        (["--set", "as_of=2022-09-27"], "expected --as-of DATE"),
        (["--sweep", "as_of=2022-09-27,2022-12-12"], "not a fact to change"),
    ],
)
def test_what_if_bad_input_is_one_line_and_exit_2(arguments: list[str], message: str) -> None:
    done = runner.invoke(app, ["what-if", ZHILIN, *arguments])
    assert done.exit_code == 2, done.output
    assert message in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.output
    assert done.stdout == ""
