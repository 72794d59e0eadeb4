"""`lexcase compare` and `lexcase.compare`: the same person in each destination."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import lexcase
from conftest import SEEDS
from lexcase.analysis.compare import severity_order
from lexcase.interfaces.cli import app

runner = CliRunner()
ZHILIN = SEEDS / "zhilin.yaml"


def test_each_destination_gets_its_own_law_and_the_real_host_stays_as_recorded() -> None:
    comparison = lexcase.compare(ZHILIN, hosts=["KZ", "AM"])
    kz, am = comparison.columns
    assert (kz.host, kz.real, kz.set_aside) == ("KZ", True, [])
    assert am.real is False
    assert {a.path for a in am.set_aside} == {
        "host_proceedings",
        "stay",  # his days in Kazakhstan, which lexcase counts from the crossing
        "asylum.decision",
        "crossing.at_checkpoint",
        "crossing.place",
    }
    # No Kazakh rule holds or waits for him in Armenia, and Armenia's own law is there.
    assert not [x for x in am.lines if x.rule.startswith("kz.")]
    assert not [u for u in am.undecided if u.rule.startswith("kz.")]
    assert {"am.practice.police_hold", "intl.ece.4.military_offences"} <= {x.rule for x in am.lines}
    assert any(x.rule == "kz.cc.392.sentence.imposed" for x in kz.lines)
    # The home state's charges are the same everywhere and listed once.
    assert {x.rule for x in comparison.home} == {
        "ru.114fz.15.1",
        "ru.cc.322.1.charged",
        "ru.cc.338.3.charged",
    }
    assert all(x.jurisdiction != "RU" for c in comparison.columns for x in c.lines)


def test_the_worst_line_of_each_destination_follows_the_severity_data() -> None:
    comparison = lexcase.compare(ZHILIN, hosts=["KZ", "AM"])
    labels = [level.label for level in severity_order().levels]
    assert comparison.severity == labels
    for column in comparison.columns:
        ranks = [x.rank for x in column.lines]
        assert ranks == sorted(ranks)
        assert [x.worst for x in column.lines].count(True) == 1 and column.lines[0].worst
        assert column.lines[0].severity == labels[column.lines[0].rank]
    kz, am = comparison.columns
    assert kz.lines[0].kind == "removal" and am.lines[0].kind == "detention"


def test_the_default_is_every_host_with_a_pack_and_a_state_without_one_is_flagged() -> None:
    default = lexcase.compare(ZHILIN)
    with_packs = sorted(p.state for p in lexcase.load_rulebook().packs if "host" in p.roles)
    assert default.hosts == with_packs and {"AM", "GE", "KG", "KZ"} <= set(with_packs)
    assert all(c.coverage.coverage != "none" for c in default.columns)
    flagged = lexcase.compare(ZHILIN, hosts=["DE"])
    (column,) = flagged.columns
    assert column.coverage.coverage == "none"
    assert column.warnings == [
        "lexcase has no rules for DE (the host state): only the law of Russia and international "
        "law were applied"
    ]


def test_the_command_prints_warnings_first_and_json_alone() -> None:
    done = runner.invoke(app, ["compare", str(ZHILIN), "--hosts", "KZ,DE"])
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("warning: lexcase has no rules for DE")
    assert "Kazakhstan (KZ) - as recorded" in done.stdout and "▲" in done.stdout
    data = json.loads(
        runner.invoke(app, ["compare", str(ZHILIN), "--hosts", "KZ,AM", "--json"]).stdout
    )
    assert data["hosts"] == ["KZ", "AM"] and data["home_name"] == "Russia"
    assert data["columns"][1]["set_aside"][0]["path"] == "host_proceedings"


def test_a_bad_host_code_is_bad_input() -> None:
    done = runner.invoke(app, ["compare", str(ZHILIN), "--hosts", "KZ,Armenia"])
    assert done.exit_code == 2
    assert "'Armenia' is not a country code" in done.stderr
