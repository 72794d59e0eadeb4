"""Law tied to no one state: the treaty table, defeats naming a conclusion, the role lint, the
sources check, and each pack's coverage."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from conftest import RuleFolder
from lexcase import Evaluator
from lexcase.analysis.lint import Check, lint
from lexcase.law.loader import check_rulebook, load_rulebook
from lexcase.model.case import Case, parse_case

TREATY = """\
treaties:
  - id: pact
    title: A test pact
    binds: [host, home]
    parties:
      - {state: AM, from: 2002-04-25, source: the AM row, as: [host]}
      - {state: RU, source: the RU row, as: [home]}
"""

PACT = {
    "pact.yaml": """\
        instrument: {title: A test pact}
        jurisdiction: INTL
        treaty: pact
        rules:
          - id: intl.pact.bar
            title: no removal under the pact
            cite: {article: 1}
            basis: law
            when: {risk_on_return.torture: true}
            defeats: [host.removal_to_home_state]
            then:
              outcome: {kind: protection, summary: s, detail: {against: removal}}
        """
}

HOST = """\
    instrument: {{title: {cc} code}}
    jurisdiction: {cc}
    rules:
      - id: {lower}.removal
        title: removal from {cc}
        cite: {{article: 1}}
        basis: law
        when: {{host_state: {cc}}}
        then:
          conclude: [host.removal_to_home_state]
          outcome: {{kind: removal, summary: s, detail: {{type: expulsion, destination: RU}}}}
    """


def folder(rule_folder: RuleFolder, tmp: Path) -> Path:
    root = rule_folder(
        intl=PACT,
        am={"code.yaml": HOST.format(cc="AM", lower="am")},
        kz={"code.yaml": HOST.format(cc="KZ", lower="kz")},
    )
    (root / "treaties.yaml").write_text(TREATY)
    return root


def case(host: str, as_of: str, torture: bool = True) -> Case:
    return parse_case(
        {
            "case_id": "t",
            "as_of": as_of,
            "home_state": "RU",
            "host_state": host,
            "risk_on_return": {"torture": torture},
        }
    )


def test_a_treaty_rule_holds_only_between_its_parties_from_the_date_it_binds(
    rule_folder: RuleFolder, tmp_path: Path
) -> None:
    evaluator = Evaluator(load_rulebook(folder(rule_folder, tmp_path)))
    in_force = evaluator.evaluate(case("AM", "2002-04-25"))
    assert [o.rule for o in in_force.outcomes if o.kind == "protection"] == ["intl.pact.bar"]
    # The neutral conclusion stood for Armenia's removal rule: it is defeated, the KZ one is not
    # even a candidate in Armenia.
    assert {(d.rule, d.by) for d in in_force.defeated} == {("am.removal", "intl.pact.bar")}
    before = evaluator.evaluate(case("AM", "2002-04-24"))
    assert [o.rule for o in before.outcomes] == ["am.removal"]
    not_a_party = evaluator.evaluate(case("KZ", "2020-01-01"))
    assert [o.rule for o in not_a_party.outcomes] == ["kz.removal"]
    assert not_a_party.defeated == []


def test_defeats_naming_a_conclusion_compiles_to_a_defeat_of_each_concluder(
    rule_folder: RuleFolder, tmp_path: Path
) -> None:
    rulebook = load_rulebook(folder(rule_folder, tmp_path))
    bar = rulebook.by_id["intl.pact.bar"]
    assert bar.defeats == ("am.removal", "kz.removal")
    assert bar.defeats_named == ("host.removal_to_home_state",)
    assert rulebook.defeaters["kz.removal"] == ("intl.pact.bar",)
    # The table's rows are rules, each given to the treaty's rules.
    assert set(bar.given) == {"intl.pact.binds_host", "intl.pact.binds_home"}
    assert rulebook.by_id["intl.pact.party.am.host"].in_force_from == dt.date(2002, 4, 25)


def test_a_defeat_naming_nothing_known_is_refused(rule_folder: RuleFolder, tmp_path: Path) -> None:
    root = folder(rule_folder, tmp_path)
    text = (root / "intl" / "pact.yaml").read_text()
    (root / "intl" / "pact.yaml").write_text(
        text.replace("host.removal_to_home_state", "host.nope")
    )
    _, problems = check_rulebook(root)
    assert any("no rule has that id and no rule concludes it" in str(p) for p in problems)


def test_a_treaty_the_table_does_not_list_is_refused(
    rule_folder: RuleFolder, tmp_path: Path
) -> None:
    root = folder(rule_folder, tmp_path)
    (root / "treaties.yaml").write_text(TREATY.replace("id: pact", "id: other"))
    _, problems = check_rulebook(root)
    assert any("names treaty 'pact', which treaties.yaml does not list" in str(p) for p in problems)


ROLELESS = {
    "code.yaml": """\
        instrument: {title: KZ code}
        jurisdiction: KZ
        rules:
          - id: kz.anywhere
            title: tests no host state
            cite: {article: 1}
            basis: law
            when: {person.nationalities: {contains: KZ}}
            then: {conclude: [kz.citizen]}
          - id: kz.through_given
            title: tests the host state through its given only
            cite: {article: 2}
            basis: law
            given: [kz.in_kz]
            then:
              outcome: {kind: remedy, summary: s, detail: {action: a}}
          - id: kz.in_kz
            title: in Kazakhstan
            cite: {article: 3}
            basis: law
            when: {host_state: {in: [KZ]}}
            then: {conclude: [kz.in_kz]}
          - id: kz.uses
            title: uses the citizen conclusion
            cite: {article: 4}
            basis: law
            when: {host_state: KZ}
            given: [kz.citizen]
            then:
              outcome: {kind: remedy, summary: s, detail: {action: b}}
        """
}


def test_the_lint_refuses_a_national_rule_that_could_fire_in_another_state(
    rule_folder: RuleFolder,
) -> None:
    root = rule_folder(kz=ROLELESS)
    (root / "kz" / "pack.yaml").write_text(
        "state: KZ\nname: Kazakhstan\nroles: [host]\ncoverage: full\n"
    )
    report = lint(root)
    roles = [p for p in report.problems if p.check is Check.ROLE]
    assert [p.rule for p in roles] == ["kz.anywhere"]
    assert "could fire for a case in another state" in roles[0].message
    assert "host_state: KZ" in roles[0].message and "home_state" not in roles[0].message


def test_practice_reports_must_be_entries_of_the_sources_file(rule_folder: RuleFolder) -> None:
    root = rule_folder(
        kz={
            "code.yaml": """\
                instrument: {title: KZ practice}
                jurisdiction: KZ
                rules:
                  - id: kz.practice
                    title: a practice
                    cite: {article: 1}
                    basis: practice
                    reported_in: [kz-a, kz-missing]
                    when: {host_state: KZ}
                    then:
                      outcome: {kind: remedy, summary: s, detail: {action: a}}
                """
        }
    )
    (root / "rulebook.yaml").write_text("version: test\nsources: docs/sources.md\n")
    assert [p.check for p in lint(root).problems] == [Check.SOURCES]  # the file is missing
    docs = root.parent / "docs"
    docs.mkdir()
    (docs / "sources.md").write_text(
        textwrap.dedent(
            """\
            # Sources
            - `kz-a` **A report** - an outlet, 1 Jan 2023.
              Mentions `kz-missing` in prose, which is not an entry.
            """
        )
    )
    problems = lint(root).problems
    assert [(p.check, p.rule) for p in problems] == [(Check.SOURCES, "kz.practice")]
    assert "'kz-missing'" in problems[0].message and "'kz-a'" not in problems[0].message
