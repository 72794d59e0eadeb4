"""Each case runs on the part of the rulebook for its host state (`lexcase.inference.parts`): the
part must hold every rule that could apply there, whatever tests the rule folder writes on
`host_state` (a state no shipped rule names, `in`, `is_not`, `not_in`, `present` either way,
none, or only through a `given`), and the verdicts must be those of the whole rulebook's run."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from conftest import RuleFolder, kz_rules
from lexcase import evaluate_many
from lexcase.evaluation import evaluator as evaluator_module
from lexcase.evaluation.evaluator import Evaluator, to_case
from lexcase.inference.compiler import compile_rulebook
from lexcase.inference.parts import Part, Parts
from lexcase.inference.runner import Inference, Trace
from lexcase.law.loader import load_rulebook
from lexcase.model.facts import case_data
from lexcase.model.rules import Op
from lexcase.model.rules import Test as RuleTest
from reference import ReferenceTrace, evaluate_reference

DAYS = "stay.days_in_last_180"
RULES = f"""
- id: kz.two_states
  title: in KZ or AZ, after ten days
  cite: {{article: '1'}}
  basis: law
  when: {{host_state: {{in: [KZ, AZ]}}, {DAYS}: {{at_least: 10}}}}
  then: {{conclude: [kz.c_two]}}
- id: kz.not_kz
  title: anywhere but KZ
  cite: {{article: '2'}}
  basis: law
  when: {{host_state: {{is_not: KZ}}, {DAYS}: {{at_least: 5}}}}
  then: {{conclude: [kz.c_not]}}
- id: kz.neither
  title: neither in KZ nor in GE
  cite: {{article: '3'}}
  basis: law
  when: {{host_state: {{not_in: [KZ, GE]}}}}
  then: {{conclude: [kz.c_neither]}}
- id: kz.anywhere
  title: wherever the person is
  cite: {{article: '4'}}
  basis: law
  when: {{{DAYS}: {{at_least: 5}}}}
  defeats: [kz.two_states]
  then: {{conclude: [kz.c_any]}}
- id: kz.az_only
  title: in AZ, a state no shipped rule names
  cite: {{article: '5'}}
  basis: law
  when: {{host_state: AZ}}
  defeats: [kz.anywhere]
  then: {{conclude: [kz.c_az]}}
- id: kz.after_two
  title: given the rule of two states
  cite: {{article: '6'}}
  basis: law
  given: [kz.c_two]
  when: {{{DAYS}: {{at_most: 100}}}}
  then: {{conclude: [kz.c_after]}}
- id: kz.unrecorded
  title: where no host state is recorded
  cite: {{article: '7'}}
  basis: law
  when: {{host_state: {{present: false}}}}
  then: {{conclude: [kz.c_unrecorded]}}
- id: kz.recorded
  title: wherever a host state is recorded
  cite: {{article: '9'}}
  basis: law
  when: {{host_state: {{present: true}}, {DAYS}: {{at_least: 5}}}}
  then: {{conclude: [kz.c_recorded]}}
- id: kz.after_az
  title: given the AZ rule
  cite: {{article: '8'}}
  basis: law
  given: [kz.c_az]
  then: {{conclude: [kz.c_after_az]}}
"""
# the rules that test the host state, or are given what only such rules conclude
ON_HOST_STATE = {
    "kz.two_states",
    "kz.not_kz",
    "kz.neither",
    "kz.az_only",
    "kz.after_two",
    "kz.after_az",
    "kz.recorded",
}


def verdicts(trace: Trace | ReferenceTrace) -> tuple[Any, ...]:
    return trace.holds, trace.defeated, trace.open


def case(host: str | None, days: int | None) -> dict[str, Any]:
    data: dict[str, Any] = {"case_id": "part", "as_of": "2024-06-01"}
    if host is not None:
        data["host_state"] = host
    if days is not None:
        data["stay"] = {"days_in_last_180": days}
    return data


def test_every_case_runs_on_a_part_with_every_rule_that_can_apply(
    rule_folder: RuleFolder,
) -> None:
    rulebook = load_rulebook(rule_folder(kz=kz_rules(RULES)))
    evaluator = Evaluator(rulebook)
    whole = Inference(compile_rulebook(rulebook))
    try:
        seen: set[Part | None] = set()
        for host, days in itertools.product(["KZ", "AZ", "GE", "TR", None], [None, 3, 7, 12]):
            data = case_data(to_case(case(host, days)))
            seen.add(Parts(rulebook).part_of(data))
            part = evaluator.inference_for(data)
            reference = evaluate_reference(rulebook, data)
            full = whole.run(data)
            trace = evaluator.trace(to_case(data))
            assert verdicts(trace) == verdicts(reference) == verdicts(full), data
            # every rule with a verdict in the whole run is in the part the case ran on
            in_part = {r for a in part.compiled.actions.values() for r in (a.rule, *a.also)}
            assert full.holds | full.open | {rule for rule, _ in full.defeated} <= in_part, data
        # a part per state named (KZ, AZ, GE), one for TR (named by none), one for unknown
        assert seen == {Part("KZ"), Part("AZ"), Part("GE"), Part(None), Part(None, known=False)}
    finally:
        whole.close()
        evaluator.close()


def test_a_part_leaves_out_only_rules_that_cannot_apply(rule_folder: RuleFolder) -> None:
    rulebook = load_rulebook(rule_folder(kz=kz_rules(RULES)))
    parts = Parts(rulebook)

    def ids(part: Part) -> set[str]:
        return {rule.id for rule in parts.rules_of(part).rulebook.rules}

    shared = {"kz.anywhere", "kz.unrecorded"}
    assert ids(Part("AZ")) == shared | ON_HOST_STATE
    recorded = {"kz.recorded"}  # wherever the host state is known
    assert ids(Part("KZ")) == shared | recorded | {"kz.two_states", "kz.after_two"}
    assert ids(Part("GE")) == shared | recorded | {"kz.not_kz"}
    assert ids(Part(None)) == shared | recorded | {"kz.not_kz", "kz.neither"}
    unknown = parts.rules_of(Part(None, known=False))
    assert len(unknown.rulebook.rules) == len(rulebook.rules)
    # where the host state is unknown, a rule testing it can only be undecided, and so can a
    # rule given what only such rules conclude
    assert unknown.undecided_only == ON_HOST_STATE
    # a part's ruleset has no pattern waiting for a test on the host state to be false where it
    # cannot be: any such test where it is unknown but `present: true` (false there), a test of
    # equality it passes where it is known
    is_kz, not_kz, days = (
        RuleTest(op=Op.IS, value="KZ"),
        RuleTest(op=Op.IS_NOT, value="KZ"),
        RuleTest(op=Op.KNOWN),
    )
    assert unknown.never_false("host_state", is_kz) and unknown.never_false("host_state", days)
    assert not unknown.never_false(DAYS, days)
    assert not unknown.never_false("host_state", RuleTest(op=Op.PRESENT, value=True))
    assert unknown.never_false("host_state", RuleTest(op=Op.PRESENT, value=False))
    in_kz, elsewhere = parts.rules_of(Part("KZ")), parts.rules_of(Part(None))
    assert in_kz.never_false("host_state", is_kz) and not in_kz.never_false("host_state", not_kz)
    assert elsewhere.never_false("host_state", not_kz)
    assert not elsewhere.never_false("host_state", RuleTest(op=Op.PRESENT, value=False))


def test_the_shipped_rules_have_one_part_a_named_state_and_a_bounded_number(
    evaluator: Evaluator,
) -> None:
    parts = Parts(evaluator.rulebook)
    assert {"KZ", "AM", "GE", "KG"} <= parts.named
    for state in parts.named:
        kept = parts.rules_of(Part(state)).rulebook.rules
        # the state's own rules are in its part, other host states' are not
        assert any(rule.jurisdiction == state for rule in kept)
        assert not any(rule.jurisdiction in parts.named - {state} for rule in kept)


def test_past_the_parts_kept_a_case_runs_on_the_whole_rulebook(
    rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(evaluator_module, "MAX_PARTS", 1)
    rulebook = load_rulebook(rule_folder(kz=kz_rules(RULES)))
    evaluator = Evaluator(rulebook)
    try:
        for host in ["GE", "KZ", "GE", None]:
            data = case_data(to_case(case(host, 12)))
            ran_on = evaluator.inference_for(data).compiled
            assert (ran_on == evaluator.compiled) == (host != "GE")  # GE came first
            reference = evaluate_reference(rulebook, data)
            assert verdicts(evaluator.trace(to_case(data))) == verdicts(reference)
    finally:
        evaluator.close()


def test_a_batch_runs_the_cases_of_one_part_together_and_answers_in_input_order(
    evaluator: Evaluator,
) -> None:
    hosts = ["KZ", "AM", None, "KZ", "DE", "AM", "RU", None]
    cases = [to_case({**case(host, 12), "case_id": f"c{i}"}) for i, host in enumerate(hosts)]
    # KZ, AM, unknown, then any state the rules do not name (DE and RU share that part)
    assert evaluator.run_order([case_data(c) for c in cases]) == [0, 3, 1, 5, 2, 7, 4, 6]
    answers = list(evaluate_many(cases))
    assert [a.case_id for a in answers] == [c.case_id for c in cases]
    assert [a.model_dump_json() for a in answers] == [
        evaluator.evaluate(c).model_dump_json() for c in cases
    ]
