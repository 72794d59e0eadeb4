"""Explanations: derivation trees, and why an outcome is not predicted.

The test verdicts `--why-not` reports come from durable_rules running each test alone (probes);
they are checked here against the reference evaluator, test by test, on random cases.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from typing import Any

from typer.testing import CliRunner

from casegen import random_case
from conftest import SEEDS, RuleFolder, kz_rules
from lexcase.analysis.explain import (
    Candidate,
    RuleStatus,
    build_explanation,
    explain,
    why_not,
)
from lexcase.evaluation.evaluator import Evaluator, to_case
from lexcase.inference.probes import Prober, Truth
from lexcase.interfaces.cli import app
from lexcase.law.rulebook import Rulebook
from lexcase.model.facts import as_of, case_data, value_at
from lexcase.model.rules import OutcomeKind
from reference import V, evaluate_reference
from reference import test_value as reference_test_value

runner = CliRunner()
ZHILIN = SEEDS / "zhilin.yaml"
TRUTH = {V.TRUE: Truth.TRUE, V.FALSE: Truth.FALSE, V.UNKNOWN: Truth.UNKNOWN}


def reference_truths(evaluator: Evaluator, data: dict[str, Any]) -> dict[tuple[str, int], Truth]:
    out = {}
    for rule in evaluator.rulebook.rules:
        tests = [(c, t) for c in rule.conditions for t in c.tests]
        for index, (condition, test) in enumerate(tests):
            out[rule.id, index] = TRUTH[
                reference_test_value(test, value_at(data, condition.path), data)
            ]
    return out


def test_probes_give_the_reference_verdict_of_every_test(evaluator: Evaluator) -> None:
    rng = random.Random(4)
    seen = {Truth.TRUE: 0, Truth.FALSE: 0, Truth.UNKNOWN: 0}
    with Prober(evaluator.rulebook.rules) as prober:
        for index in range(300):
            data = case_data(to_case(random_case(rng, f"case-{index}")))
            probed = prober.truths(data)
            assert probed == reference_truths(evaluator, data), data
            for truth in probed.values():
                seen[truth] += 1
    # Every verdict occurs often; the shipped rules have relational and record tests too.
    assert min(seen.values()) > 1000


def test_explain_lays_out_each_outcome_down_to_the_facts() -> None:
    explanation = explain(ZHILIN, kind="removal")
    assert {o.kind for o in explanation.outcomes} == {OutcomeKind.REMOVAL}
    pending = next(
        o for o in explanation.outcomes if o.rule == "kz.refugees.practice.removal_pending_appeal"
    )
    step = pending.step
    assert step.basis.value == "practice" and step.citations[0].article == "1"
    assert [(f.path, f.value) for f in step.facts] == [("host_state", "KZ")]
    givens = {g.conclusion: [s.rule for s in g.by] for g in step.given}
    assert givens == {
        "kz.expulsion": ["kz.cc.392.1.expulsion.ordered.length_by_law"],
        "host.refugee_status_refused": ["kz.refugees.decision.refused"],
    }
    ordered = step.given[0].by[0]
    assert [(f.path, f.value) for f in ordered.facts] == [
        ("host_state", "KZ"),
        ("host_proceedings.sentence.expulsion", True),
        ("host_proceedings.sentence.expulsion_years", None),
    ]
    # The prediction the court's order replaced is shown where it lost.
    assert [(d.rule, d.by) for d in ordered.defeated] == [
        ("kz.cc.392.1.expulsion", "kz.cc.392.1.expulsion.ordered.length_by_law")
    ]
    # what could still lift it: a torture risk, or an appeal that cancels it (not yet recorded)
    assert ordered.at_risk_from == ["intl.cat.3.1", "kz.cc.392.1.expulsion.cancelled_on_appeal"]


def test_explain_follows_intermediate_conclusions_several_levels_down() -> None:
    explanation = explain(ZHILIN, kind="home_charge")
    desertion = next(o for o in explanation.outcomes if o.rule == "ru.cc.338.3.charged")
    mobilisation = desertion.step.given[0]
    assert mobilisation.conclusion == "ru.left_service_during_mobilisation"
    decree = mobilisation.by[0]
    assert decree.rule == "ru.decree647.mobilisation" and decree.citations[0].whole
    in_force = [f for f in decree.facts if f.test.startswith("the law in force")]
    assert in_force[0].value == "2022-09-26"
    assert {d.rule for d in desertion.step.defeated} == {
        "ru.cc.338.1",
        "ru.cc.338.3",
        "ru.cc.338.charged",
        "ru.cc.charges_on_record",
    }


def test_explain_cli_prints_the_tree_with_citations() -> None:
    done = runner.invoke(app, ["explain", str(ZHILIN), "--kind", "sentence"])
    assert done.exit_code == 0, done.output
    text = done.stdout
    assert "sentence KZ: Sentenced on 2022-12-02: 6 months, conditional" in text
    assert "kz.cc.392.sentence.imposed" in text and "KZ Criminal Code, art. 392 (law)" in text
    assert "host_proceedings.conviction.article is 392" in text
    assert "defeated kz.cc.392.1.sentence.practice" in text
    data = json.loads(runner.invoke(app, ["explain", str(ZHILIN), "--json"]).stdout)
    assert len(data["outcomes"]) == len(explain(ZHILIN).outcomes) > 10
    assert data["outcomes"][0]["step"]["citations"][0]["instrument"]


def test_explain_of_a_kind_not_predicted_points_to_why_not() -> None:
    done = runner.invoke(app, ["explain", str(ZHILIN), "--kind", "protection"])
    assert done.exit_code == 0
    assert "No protection is predicted" in done.stdout and "--why-not" in done.stdout


def test_why_not_names_the_failed_condition_and_the_missing_facts() -> None:
    answer = why_not(ZHILIN, "protection")
    assert answer.predicted == []
    by_rule = {c.rule: c for c in answer.candidates}
    assert set(by_rule) == {
        "intl.cat.3.1",
        "intl.rc.33.1",
        "intl.echr.3",
        "intl.ece.4.military_offences",
        "kz.constitution.11.1",
        "kz.cpc.extradition.no_extradition_for_mobilisation",
        "kz.refugees.asylum_seeker.not_returned",
        "kz.cc.15.1.under_16",
        "kz.cc.392.1.no_limb",
        "kz.cc.392.1.expulsion.cancelled_on_appeal",
    }
    # Kazakhstan is not a party to the European Convention on Extradition: its art. 4 is blocked
    # by the treaty table, not by the charges.
    ece = by_rule["intl.ece.4.military_offences"]
    assert ece.blocked_by is not None and ece.blocked_by.given == "intl.ece.binds_host"
    torture = by_rule["intl.cat.3.1"]
    assert torture.state.status is RuleStatus.UNDECIDED
    assert torture.state.needs == ["risk_on_return.torture"]
    assert [r.test for r in torture.unknown] == ["risk_on_return.torture is true"]
    citizen = by_rule["kz.constitution.11.1"]
    assert citizen.blocked_by is not None and citizen.blocked_by.test is not None
    assert citizen.blocked_by.test.test == "person.nationalities contains KZ"
    assert citizen.blocked_by.test.value == ["RU"]
    # A conclusion no rule drew: the rules that could have drawn it, and why they did not.
    refugee = by_rule["intl.rc.33.1"]
    assert refugee.blocked_by is not None and refugee.blocked_by.given == "host.refugee_status"
    granted = refugee.blocked_by.concluders[0]
    assert granted.rule == "kz.refugees.decision.granted"
    assert granted.blocked_by is not None and granted.blocked_by.test is not None
    assert granted.blocked_by.test.value == "refused"
    # The rule it rests on is blocked by the days of stay, which follow from his crossing.
    [overstay] = why_not(ZHILIN, "administrative_penalty").candidates
    assert overstay.state.status is RuleStatus.DOES_NOT_APPLY
    assert overstay.blocked_by is not None and overstay.blocked_by.given == "kz.stay_limit_exceeded"


def test_why_not_reports_defeated_rules_and_those_a_holding_exception_pre_empts(
    rule_folder: RuleFolder,
) -> None:
    body = """\
        - id: kz.base
          title: base
          cite: {article: 1}
          basis: law
          when: {crossing.at_checkpoint: false, crossing.into: KZ}
          then: {outcome: {kind: removal, summary: out, detail: {type: expulsion, destination: RU}}}
        - id: kz.bar
          title: bar
          cite: {article: 2}
          basis: law
          when: {asylum.decision.outcome: granted}
          defeats: [kz.base]
          then: {outcome: {kind: protection, summary: stays, detail: {against: removal}}}
        """
    root = rule_folder(kz=kz_rules(body))
    case = {
        "case_id": "t",
        "as_of": "2022-12-12",
        "crossing": {"at_checkpoint": False, "into": "KZ"},
        "asylum": {"decision": {"outcome": "granted"}},
    }
    defeated = why_not(case, "removal", rules=root).candidates[0]
    assert defeated.state.status is RuleStatus.DEFEATED
    assert defeated.state.defeated_by == ["kz.bar"]
    # With the crossing's destination unknown the base would be undecided, but the exception
    # holds: it does not apply, and nothing the case could add would change that.
    case["crossing"] = {"at_checkpoint": False}
    pre_empted = why_not(case, "removal", rules=root).candidates[0]
    assert pre_empted.state.status is RuleStatus.DOES_NOT_APPLY
    assert pre_empted.blocked_by is not None
    assert pre_empted.blocked_by.pre_empted_by == ["kz.bar"]
    assert [r.test for r in pre_empted.unknown] == ["crossing.into is KZ"]


def test_why_not_agrees_with_the_reference_on_random_cases(evaluator: Evaluator) -> None:
    rng = random.Random(7)
    kinds = list(OutcomeKind)
    checked: Counter[str] = Counter()
    for index in range(300):
        case = to_case(random_case(rng, f"case-{index}"))
        data = case_data(as_of(case, None))  # as lexcase sees it: with the numbers dates settle
        reference = evaluate_reference(evaluator.rulebook, data)
        truths = reference_truths(evaluator, data)
        answer = why_not(case, kinds[index % len(kinds)])
        for candidate in answer.candidates:
            checked.update(
                check_candidate(candidate, evaluator.rulebook, reference, truths, ours(data))
            )
    # Every kind of answer is exercised, not only the easy ones.
    assert min(checked[k] for k in ("defeated", "undecided", "test", "given", "pre-empted")) >= 3


def ours(data: dict[str, Any]) -> set[str] | None:
    """The jurisdictions why-not looks at: international law and the case's own states (every
    one while a state is unknown)."""
    states = {value_at(data, "host_state"), value_at(data, "home_state")}
    return None if None in states else {"INTL", *(str(s) for s in states)}


def check_candidate(
    candidate: Candidate,
    rulebook: Rulebook,
    reference: Any,
    truths: dict[Any, Truth],
    jurisdictions: set[str] | None = None,
) -> list[str]:
    """Check one answer (and those nested in it) against the reference; say what was checked."""
    rule = rulebook.by_id[candidate.rule]
    status = candidate.state.status
    assert rule.id not in reference.holds
    assert (status is RuleStatus.DEFEATED) == any(r == rule.id for r, _ in reference.defeated)
    assert (status is RuleStatus.UNDECIDED) == (rule.id in reference.open)
    tests = [(c, t) for c in rule.conditions for t in c.tests]
    verdicts = [truths[rule.id, i] for i in range(len(tests))]
    assert [r.test for r in candidate.unknown] == [
        c.in_words(t) for (c, t), v in zip(tests, verdicts, strict=True) if v is Truth.UNKNOWN
    ]
    if status is RuleStatus.UNDECIDED:
        assert candidate.pending == [
            n for n in rule.given if not any(s in reference.holds for s in rulebook.concluders[n])
        ]
    blocker = candidate.blocked_by
    assert (blocker is not None) == (status is RuleStatus.DOES_NOT_APPLY)
    if blocker is None:
        return [status.value]
    if blocker.test is not None:
        condition, test = tests[verdicts.index(Truth.FALSE)]
        assert blocker.test.test == condition.in_words(test)
        return ["test"]
    assert Truth.FALSE not in verdicts
    if blocker.given is not None:
        sources = rulebook.concluders[blocker.given]
        assert not any(s in reference.holds or s in reference.open for s in sources)
        assert [c.rule for c in blocker.concluders] == [
            r
            for r in sources
            if jurisdictions is None or rulebook.by_id[r].jurisdiction in jurisdictions
        ]
        nested = ["given"]
        for source in blocker.concluders:
            nested.extend(check_candidate(source, rulebook, reference, truths, jurisdictions))
        return nested
    assert blocker.pre_empted_by
    assert all(d in reference.holds for d in blocker.pre_empted_by)
    return ["pre-empted"]


def test_why_not_cli_text_json_and_bad_kinds() -> None:
    done = runner.invoke(app, ["explain", str(ZHILIN), "--why-not", "protection"])
    assert done.exit_code == 0, done.output
    text = done.stdout
    assert "why no protection?" in text
    assert (
        "failed: person.nationalities contains KZ (the case has person.nationalities = [RU])"
        in (text)
    )
    assert "undecided (needs risk_on_return.torture)" in text
    assert "given host.refugee_status, which no rule concluded" in text
    data = json.loads(
        runner.invoke(
            app,
            ["explain", str(ZHILIN), "--why-not", "detention", "--as-of", "2022-09-27", "--json"],
        ).stdout
    )
    assert data["kind"] == "detention" and data["as_of"] == "2022-09-27"
    assert {c["rule"] for c in data["candidates"]} >= {"kz.cpc.587.wanted_notice"}
    bad = runner.invoke(app, ["explain", str(ZHILIN), "--why-not", "deportation"])
    assert bad.exit_code == 2 and "not an outcome kind" in bad.stderr and "removal" in bad.stderr
    both = runner.invoke(app, ["explain", str(ZHILIN), "--kind", "removal", "--why-not", "asylum"])
    assert both.exit_code == 2 and both.stderr.count("\n") == 1


def test_an_explanation_is_read_off_the_result_without_evaluating_again(
    evaluator: Evaluator,
) -> None:
    result = evaluator.evaluate(ZHILIN, dt.date(2022, 9, 27))
    explanation = build_explanation(result, evaluator.rulebook)
    assert [o.rule for o in explanation.outcomes] == [o.rule for o in result.outcomes]
