"""durable_rules' C core, as lexcase builds it, does not read memory it does not own.

durable_rules 2.0.28 read past a frame's slots when clearing facts (vendor/wheels/README.md). With
the shipped rulebook, a case that records only its id and date, evaluated in a fresh process
whose memory was laid out by importing pytest first, crashed with a segmentation fault every time
on the unpatched build; the build lexcase pins must evaluate it.

durable_rules 2.0.28 also handed back an uninitialised session offset when asked to assert no
facts at all, which a ruleset that reads no section of the case does (a part of the rulebook
whose host state settles every test): the next call read a session at that garbage offset. That
crashed every time it was replayed on `+lexcase.3`; the differential test met such a
rule set about once in 4,000 generated ones.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import RuleFolder, kz_rules

SCRIPT = """
import pytest  # lays the process's memory out the way that made the unpatched build crash
import lexcase
result = lexcase.evaluate({"case_id": "bare", "as_of": "2022-09-27"})
print("evaluated", len(result.undecided) > 0)
"""


def test_a_bare_case_in_a_fresh_process_is_evaluated_not_crashed() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-500:]}"
    assert done.stdout.strip() == "evaluated True"


# The generated rule set that crashed the differential test, reduced: a rule testing only that the
# host state is known, and a case that does not record one. The part of the rulebook for an
# unknown host state settles that test, so its ruleset reads no section and the case's first
# batch of facts is empty.
HOST_STATE_ONLY = """\
- id: kz.r0
  title: rule 0
  cite: {article: '1'}
  basis: law
  when:
    host_state: {known: true}
  then:
    conclude: [kz.c0]
"""

EVALUATE_IN = """
import sys
from pathlib import Path
from lexcase import load_rulebook
from lexcase.evaluation.evaluator import Evaluator
evaluator = Evaluator(load_rulebook(Path(sys.argv[1])))
result = evaluator.evaluate({"case_id": "t", "as_of": "2022-10-02"})
print("undecided", *sorted(u.rule for u in result.undecided))
"""


def test_a_ruleset_that_reads_no_section_of_the_case_evaluates_it(
    rule_folder: RuleFolder,
) -> None:
    root: Path = rule_folder(kz=kz_rules(HOST_STATE_ONLY))
    done = subprocess.run(
        [sys.executable, "-c", EVALUATE_IN, str(root)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-500:]}"
    assert done.stdout.strip() == "undecided kz.r0"


def test_a_batch_of_no_facts_reaches_no_session() -> None:
    # The cause, at durable_rules' own interface: no fact, no session (offset 0, for which no
    # action is available), not whatever the C stack held (on `+lexcase.3`: 32679, 32704, ...).
    import durable_rules_engine

    handle = durable_rules_engine.create_ruleset("empty", '{"r": {"all": [{"m": {"a": 1}}]}}')
    try:
        assert durable_rules_engine.assert_facts(handle, "[]") == (0, 0)
        assert durable_rules_engine.retract_facts(handle, "[]") == (0, 0)
        assert durable_rules_engine.start_action_for_state(handle, 0) is None
    finally:
        durable_rules_engine.delete_ruleset(handle)
