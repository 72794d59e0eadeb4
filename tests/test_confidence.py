"""An outcome is no surer than what it rests on: the weakest rule behind it sets its confidence."""

from __future__ import annotations

from conftest import RuleFolder, kz_rules
from lexcase import load_rulebook
from lexcase.evaluation.evaluator import Evaluator

RULES = """\
- id: kz.premise
  title: An unverified time limit was met
  cite: {article: '1'}
  basis: law
  confidence: low
  uncertain: The article setting the limit is not verified.
  when:
    host_state: KZ
  then:
    conclude: [kz.on_time]
- id: kz.sure
  title: A remedy that needs the claim on time
  cite: {article: '2'}
  basis: law
  given: [kz.on_time]
  then:
    outcome: {kind: remedy, summary: 'Argue it.', detail: {action: argue}}
- id: kz.alone
  title: A remedy resting on facts only
  cite: {article: '3'}
  basis: law
  when:
    host_state: KZ
  then:
    outcome: {kind: remedy, summary: 'Appeal.', detail: {action: appeal}}
"""


def test_an_outcome_resting_on_an_unsure_conclusion_says_so(rule_folder: RuleFolder) -> None:
    evaluator = Evaluator(load_rulebook(rule_folder(kz=kz_rules(RULES))))
    try:
        result = evaluator.evaluate({"case_id": "c", "as_of": "2024-01-01", "host_state": "KZ"})
    finally:
        evaluator.close()
    outcomes = {o.rule: o for o in result.outcomes}
    resting = outcomes["kz.sure"]
    assert resting.confidence == "low"
    assert resting.uncertain is not None
    assert "kz.premise" in resting.uncertain and "not verified" in resting.uncertain
    assert outcomes["kz.alone"].confidence == "high" and outcomes["kz.alone"].uncertain is None
    # The conclusion itself keeps its own rule's confidence.
    [premise] = [c for c in result.conclusions if c.rule == "kz.premise"]
    assert premise.confidence == "low"
