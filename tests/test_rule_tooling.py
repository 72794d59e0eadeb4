"""`lexcase rules list | show | lint`, and the help and exit codes of every new command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS, RuleFolder, kz_rules
from lexcase.analysis.lint import Check, lint
from lexcase.errors import RuleNotFoundError
from lexcase.interfaces.cli import app
from lexcase.law.catalogue import list_rules, show_rule

runner = CliRunner()


def test_the_shipped_rule_packs_lint_clean() -> None:
    report = lint()
    assert report.problems == [], "\n".join(str(p) for p in report.problems)
    assert report.rules > 40
    done = runner.invoke(app, ["rules", "lint"])
    assert done.exit_code == 0 and "no problems found" in done.stdout


def test_rules_list_filters_by_jurisdiction_and_kind() -> None:
    listing = list_rules("kz", "removal")
    assert listing.jurisdiction == "KZ"
    ids = [r.id for r in listing.rules]
    assert "kz.cc.392.1.expulsion" in ids and "kz.cpc.extradition.practice" in ids
    assert all(r.jurisdiction == "KZ" and r.kind == "removal" for r in listing.rules)
    assert "intl.minsk.56.extradition" not in ids
    everything = list_rules()
    assert len(everything.rules) == lint().rules
    assert any(r.kind is None and r.concludes for r in everything.rules)  # conclusions only


def test_rules_list_cli_text_and_json() -> None:
    done = runner.invoke(app, ["rules", "list", "--jurisdiction", "RU", "--kind", "exit_ban"])
    assert done.exit_code == 0, done.output
    assert "ru.114fz.15.1" in done.stdout and "RU Law 114-FZ, art. 15(1)" in done.stdout
    assert "2 rule(s)" in done.stdout
    data = json.loads(runner.invoke(app, ["rules", "list", "--json"]).stdout)
    assert {"id", "title", "kind", "concludes", "basis", "confidence", "source"} <= set(
        data["rules"][0]
    )
    bad = runner.invoke(app, ["rules", "list", "--jurisdiction", "FR"])
    assert bad.exit_code == 2 and "expected one of AM, GE, INTL, " in bad.stderr


def test_rules_show_gives_sources_conditions_dependents_and_defeaters() -> None:
    card = show_rule("kz.cc.392.1.expulsion")
    assert card.citations[0].article == "392" and card.confidence == "medium"
    assert card.conditions == ["host_state is KZ", "person.nationalities not contains KZ"]
    assert [(g.conclusion, g.concluded_by) for g in card.given] == [
        ("kz.charge.illegal_crossing.text_2014", ["kz.cc.392.1"])
    ]
    # The treaties' bars defeat it through the neutral conclusion it draws
    # (defeats: [host.removal_to_home_state]), not by naming it.
    assert set(card.defeated_by) == {
        "am.constitution.55.torture",
        "am.refugees.appeal_pending",
        "am.refugees.claim_pending",
        "ge.refugees.non_refoulement",
        "intl.cat.3.1",
        "intl.echr.3",
        "intl.rc.33.1",
        "kz.cc.392.1.expulsion.ordered",
        "kz.cc.392.1.expulsion.ordered.length_by_law",
        "kz.cc.392.1.expulsion.not_imposed",
        "kz.cc.392.1.expulsion.cancelled_on_appeal",
        "kz.removal.carried_out.expulsion",
        "kz.removal.carried_out.extradition",
        "kz.removal.carried_out.handover",
    }
    dependents = {d.rule: d.how for d in card.dependents}
    assert dependents["kz.refugees.practice.removal_pending_appeal"] == "given kz.expulsion"
    assert dependents["intl.cat.3.1.raise_risk"] == "given host.removal_to_home_state"
    exception = show_rule("ru.cc.338.3.charged")
    assert {d.rule: d.how for d in exception.dependents}["ru.cc.338.1"] == "defeated by this rule"
    assert exception.in_force_from is not None and exception.judged_at == "military.left_service.on"


def test_rules_show_cli_and_an_unknown_id() -> None:
    done = runner.invoke(app, ["rules", "show", "kz.refugees.appeal"])
    assert done.exit_code == 0, done.output
    text = done.stdout
    assert "low confidence" in text and "The appeal deadline" in text
    assert "given        host.refugee_status_refused" in text
    data = json.loads(runner.invoke(app, ["rules", "show", "intl.cat.3.1", "--json"]).stdout)
    assert data["outcome"]["detail"]["against"] == "expulsion, return and extradition"
    # defeats: [host.removal_to_home_state] stands for every rule concluding it, in any pack.
    assert data["defeats"] == [
        "ge.practice.extradites_ordinary_crimes",
        "intl.ece.extradition.ordinary_charge",
        "intl.minsk.56.extradition",
        "kz.aoc.517.expulsion",
        "kz.cc.392.1.expulsion",
        "kz.cc.392.1.expulsion.ordered",
        "kz.cc.392.1.expulsion.ordered.length_by_law",
        "kz.cpc.extradition.practice",
        "kz.practice.returns_of_asylum_seekers",
        "kz.refugees.practice.removal_pending_appeal",
        "mn.extradition.treaty_1999",
        "rs.extradition.ordinary_charge",
        "tr.lfip.52.deportation",
        "tr.practice.expulsion_after_interpol_detention",
    ]
    with pytest.raises(RuleNotFoundError):
        show_rule("kz.cc.392")
    bad = runner.invoke(app, ["rules", "show", "kz.cc.392"])
    assert bad.exit_code == 2 and "did you mean kz.cc.392.1" in bad.stderr


BAD_RULES = """\
- id: kz.contradiction
  title: contradictory counts
  cite: {article: 1}
  basis: law
  when:
    stay.days_in_last_180: {more_than: 90, less_than: 50}
  then:
    conclude: [kz.x]
- id: kz.window
  title: the law in force misses the rule's own date test
  cite: {article: 1}
  basis: law
  in_force: {from: 2022-09-24}
  judged_at: crossing.date
  when:
    crossing.date: {before: 2022-09-01}
  then:
    outcome: {kind: remedy, summary: s, detail: {action: a}}
- id: kz.chain
  title: given only what a rule that never holds concludes
  cite: {article: 1}
  basis: law
  given: [kz.x]
  then:
    outcome: {kind: remedy, summary: s, detail: {action: a}}
- id: kz.parent
  title: a date inside a part required unrecorded
  cite: {article: 1}
  basis: law
  when:
    asylum.appeal: {present: false}
    asylum.appeal.filed_on: {before: 2022-01-01}
  then:
    outcome: {kind: remedy, summary: s, detail: {action: a}}
- id: kz.enum
  title: every value excluded
  cite: {article: 1}
  basis: law
  when:
    asylum.decision.outcome: {not_in: [granted, refused]}
  then:
    outcome: {kind: remedy, summary: s, detail: {action: b}}
- id: kz.list
  title: a list both containing and not containing
  cite: {article: 1}
  basis: law
  when:
    person.nationalities: {contains: KZ, not_contains: KZ}
  then:
    outcome: {kind: remedy, summary: s, detail: {action: b}}
- id: kz.target
  title: always defeated
  cite: {article: 3}
  basis: law
  when: {host_state: KZ, home_state: RU}
  then:
    outcome: {kind: remedy, summary: s, detail: {action: a}}
- id: kz.winner
  title: defeats whenever the target would hold
  cite: {article: 3}
  basis: law
  when: {host_state: KZ}
  defeats: [kz.target]
  then:
    outcome: {kind: remedy, summary: s, detail: {action: b}}
- id: kz.nocite
  title: law without an article
  cite: {text: a report}
  basis: law
  when: {host_state: KZ}
  then:
    outcome: {kind: remedy, summary: s, detail: {action: a, against: expulsion, return or not}}
- id: kz.sure
  title: unverified but high confidence
  cite: {article: 2}
  basis: law
  uncertain: not sure
  note: see kz.nothere
  when: {host_state: KZ}
  then:
    conclude: [kz.unused]
- id: kz.new_text
  title: the new text of an offence
  cite: {article: 4}
  basis: law
  in_force: {from: 2025-09-17}
  judged_at: crossing.date
  when: {crossing.at_checkpoint: false}
  then: {conclude: [kz.new_charge]}
- id: kz.old_window
  title: given the new text, in force only under the old one
  cite: {article: 4}
  basis: law
  in_force: {until: 2025-09-16}
  judged_at: crossing.date
  given: [kz.new_charge]
  then:
    outcome: {kind: remedy, summary: s, detail: {action: d}}
- id: kz.fine
  title: tests that can hold together
  cite: {article: 3}
  basis: law
  when:
    person.nationalities: {contains_any: [RU, BY], not_contains: KZ}
    stay.days_in_last_180: {at_least: 5, at_most: 9, not_in: [5, 6, 7]}
    crossing.date: {after: 2022-09-20, before: 2022-09-22}
    military.status: {is_not: officer, in: [officer, conscript]}
  then:
    outcome: {kind: remedy, summary: s, detail: {action: c}}
"""


def test_lint_finds_every_kind_of_problem(rule_folder: RuleFolder) -> None:
    report = lint(rule_folder(kz=kz_rules(BAD_RULES)))
    # Most of these rules test no host state: tests/test_packs.py checks the role lint.
    found = {(p.rule, p.check) for p in report.problems if p.check is not Check.ROLE}
    assert found == {
        ("kz.contradiction", Check.NEVER_HOLDS),
        ("kz.window", Check.NEVER_HOLDS),
        ("kz.chain", Check.NEVER_HOLDS),
        ("kz.parent", Check.NEVER_HOLDS),
        ("kz.enum", Check.NEVER_HOLDS),
        ("kz.list", Check.NEVER_HOLDS),
        ("kz.target", Check.NEVER_HOLDS),
        ("kz.old_window", Check.NEVER_HOLDS),
        ("kz.nocite", Check.CITATION),
        ("kz.nocite", Check.OUTCOME),
        ("kz.sure", Check.CITATION),
        ("kz.sure", Check.NO_EFFECT),
        ("kz.sure", Check.REFERENCE),
    }
    messages = {p.rule: p.message for p in report.problems if p.check is Check.NEVER_HOLDS}
    assert "the law in force on crossing.date" in messages["kz.window"]
    assert "kz.contradiction" in messages["kz.chain"]
    assert "kz.winner" in messages["kz.target"]
    assert "kz.new_text tests the law in force on crossing.date" in messages["kz.old_window"]
    window = next(
        p for p in report.problems if p.rule == "kz.window" and p.check is Check.NEVER_HOLDS
    )
    assert window.file is not None and window.file.endswith("kz/code.yaml")
    assert window.line == 19  # the `when` entry of the date test


def test_lint_reports_load_problems_and_exits_1(rule_folder: RuleFolder) -> None:
    duplicated = BAD_RULES.split("- id: kz.window")[0] * 2
    root = rule_folder(kz=kz_rules(duplicated))
    report = lint(root)
    assert [p.check for p in report.problems] == [Check.LOAD]
    assert "already used" in report.problems[0].message
    done = runner.invoke(app, ["rules", "lint", "--rules", str(root), "--json"])
    assert done.exit_code == 1
    data = json.loads(done.stdout)
    assert data["problems"][0]["check"] == "load" and data["problems"][0]["line"] == 12
    missing = runner.invoke(app, ["rules", "lint", "--rules", str(root / "nowhere")])
    assert missing.exit_code == 2 and "no such folder" in missing.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["what-if"],
        ["explain"],
        ["rules"],
        ["rules", "list"],
        ["rules", "show"],
        ["rules", "lint"],
    ],
)
def test_every_command_has_help_with_a_worked_example(command: list[str]) -> None:
    done = runner.invoke(app, [*command, "--help"])
    assert done.exit_code == 0
    assert "Example: lexcase " + command[0] in done.stdout
    assert "not legal advice" not in done.stdout  # said once, in the top-level help


def test_the_new_commands_run_as_a_subprocess(tmp_path: Path, rule_folder: RuleFolder) -> None:
    command = Path(sys.executable).parent / "lexcase"
    env = {**os.environ, "NO_COLOR": "1"}

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(command), *arguments],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            check=False,
        )

    diff = run(
        "what-if", str(SEEDS / "zhilin.yaml"), "--set", "risk_on_return.torture=true", "--json"
    )
    assert diff.returncode == 0, diff.stderr
    changes = {(o["rule"], o["change"]) for o in json.loads(diff.stdout)["outcomes"]}
    assert ("intl.cat.3.1", "appears") in changes
    assert ("kz.cc.392.1.expulsion.ordered.length_by_law", "vanishes") in changes
    lint_bad = run("rules", "lint", "--rules", str(rule_folder(kz=kz_rules(BAD_RULES))))
    assert lint_bad.returncode == 1
    assert "rule kz.window: it can never hold" in lint_bad.stdout
    # One line a problem, then the count (9 rules there test no host state: the role check),
    # one line listing the rules without Russian texts, one the citations without a Russian name.
    assert len(lint_bad.stdout.splitlines()) == 14 + 9 + 2
    assert "citation(s) whose instrument has no Russian short name" in lint_bad.stdout
    bad = run("explain", str(ROOT / "README.md"))
    assert (
        bad.returncode == 2 and bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr
    )
