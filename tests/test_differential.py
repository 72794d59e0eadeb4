"""The durable_rules engine against the reference evaluator (tests/reference.py), on cases that
hypothesis draws across the whole case model: on the shipped rule packs, and on small rule sets
it writes as rule files and loads through the real loader.

Budgets (examples per test) are kept small so that `make test` stays quick; raise them with
LEXCASE_FUZZ_SCALE (see tests/strategies.py). A difference is a bug: its minimal example is kept
below as a regression test.

A crash of durable_rules' C core ends the process before hypothesis can save the example, so with
LEXCASE_FUZZ_DUMP=DIR each generated rule set and its cases are written to DIR/<n>.json (n counting
up in the process) before they run: the last file is the example that crashed, the earlier ones
what the process did before it (`{"rules": <the rules: list>, "cases": [<case data>, ...]}`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from conftest import kz_rules
from lexcase import load_rulebook
from lexcase.evaluation.evaluator import Evaluator, to_case
from lexcase.model.facts import as_of, case_data
from reference import ReferenceTrace, evaluate_reference
from strategies import ANCHOR, budget, cases, rule_sets


def assert_agree(evaluator: Evaluator, data: dict[str, Any], on: dt.date | None = None) -> None:
    """The engine's trace and result against the reference, for one case seen as of `on`."""
    seen = as_of(to_case(data), on)
    facts = case_data(seen)
    engine = evaluator.trace(seen)
    reference: ReferenceTrace = evaluate_reference(evaluator.rulebook, facts)
    assert engine.holds == reference.holds, facts
    assert engine.defeated == reference.defeated, facts
    assert engine.open == reference.open, facts
    # each verdict is drawn once: a rule given a conclusion that several rules draw fires once,
    # not once per rule drawing it (durable's work per case grew with every drawer)
    assert engine.drawn == len(engine.holds) + len(engine.defeated) + len(engine.open), facts
    result = evaluator.evaluate(seen)
    rules = evaluator.rulebook.by_id
    assert {o.rule for o in result.outcomes} == {
        r for r in reference.holds if rules[r].outcome is not None
    }
    assert {(d.rule, d.by) for d in result.defeated} == reference.defeated
    assert {u.rule for u in result.undecided} == reference.open


dates = st.integers(-400, 400).map(lambda d: ANCHOR + dt.timedelta(days=d))


@budget(300)
@given(data=cases(), on=st.none() | dates)
def test_the_engine_agrees_with_the_reference_on_the_shipped_packs(
    evaluator: Evaluator, data: dict[str, Any], on: dt.date | None
) -> None:
    assert_agree(evaluator, data, on)


@budget(60)
@given(rules=rule_sets(), drawn=st.lists(cases(), min_size=1, max_size=8))
def test_the_engine_agrees_with_the_reference_on_generated_rule_sets(
    tmp_path_factory: Any, rules: str, drawn: list[dict[str, Any]]
) -> None:
    dump(rules, drawn)
    root = write_rules(tmp_path_factory.mktemp("rules"), rules)
    evaluator = Evaluator(load_rulebook(root))
    try:
        for data in drawn:
            assert_agree(evaluator, data)
    finally:
        evaluator.close()


_dumped = itertools.count()


def dump(rules: str, drawn: list[dict[str, Any]]) -> None:
    """Write an example to LEXCASE_FUZZ_DUMP before it runs (see the module's docstring)."""
    folder = os.environ.get("LEXCASE_FUZZ_DUMP")
    if folder:
        path = Path(folder) / f"{next(_dumped):05d}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"rules": rules, "cases": drawn}, default=str))


def write_rules(root: Path, rules: str) -> Path:
    (root / "rulebook.yaml").write_text("version: generated\n")
    (root / "kz").mkdir()
    for name, text in kz_rules(rules).items():
        (root / "kz" / name).write_text(text)
    return root


# 338 ch.3 <<dezertirstvo>> and an emoji: Cyrillic, guillemets, a character beyond U+FFFF.
LABEL = (
    "338 \u0447.3 \u00ab\u0434\u0435\u0437\u0435\u0440\u0442\u0438\u0440\u0441\u0442"
    "\u0432\u043e\u00bb \U0001f600"
)


def test_text_beyond_ascii_matches_however_the_files_write_it(tmp_path: Path) -> None:
    # durable_rules compares strings as JSON text, escapes included: the ruleset and the facts
    # must be written alike, whether the rule file has the characters or \u escapes for them.
    rules = ""
    for name, written in (
        ("kz.raw", json.dumps(LABEL, ensure_ascii=False)),
        ("kz.escaped", json.dumps(LABEL)),
    ):
        rules += (
            f"- id: {name}\n  title: A charge under a Russian label\n  cite: {{article: '1'}}\n"
            f"  basis: law\n  when:\n"
            f"    home_proceedings.charges: {{contains: {{article: {written}}}}}\n"
            f"  then:\n    conclude: [kz.c]\n"
        )
    assert "\\u0447" in rules and "\u0447" in rules
    evaluator = Evaluator(load_rulebook(write_rules(tmp_path, rules)))
    try:
        case = {
            "case_id": "t",
            "as_of": "2022-12-12",
            "home_proceedings": {"charges": [{"article": LABEL}]},
        }
        assert evaluator.trace(to_case(case)).holds == {"kz.raw", "kz.escaped"}
        assert_agree(evaluator, case)
    finally:
        evaluator.close()
