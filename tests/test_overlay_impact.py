"""Overlays (a reform as a few rule files on top of the packs) and the impact of a reform on a
caseload."""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from lexcase.analysis.impact import impact
from lexcase.errors import RuleFileError
from lexcase.evaluation.evaluator import default_evaluator, evaluate
from lexcase.interfaces.cli import app
from lexcase.law.loader import load_rulebook
from lexcase.law.overlay import RuleChoice, rulebook_for
from lexcase.model.case import parse_case

runner = CliRunner()
EXAMPLES = ROOT / "docs" / "examples"
UNAMENDED = EXAMPLES / "kz-392-unamended"
AMENDMENT = EXAMPLES / "kz-392-2025"
sys.path.insert(0, str(EXAMPLES))
from crossings import case as crossing_case  # noqa: E402


def _comparable(rulebook: object) -> dict[str, object]:
    # A rule's file and lines say where it was read from; everything else is what it means.
    out = {}
    for rule in rulebook.rules:  # type: ignore[attr-defined]
        data = rule.model_dump(exclude={"file", "line"})
        data["conditions"] = [{**c, "line": None} for c in data["conditions"]]
        out[rule.id] = data
    return out


def test_an_overlay_never_leaks_into_the_base() -> None:
    case = SEEDS / "zhilin.yaml"
    before = default_evaluator().evaluate(case).model_dump(mode="json")
    base = load_rulebook()
    rules = _comparable(base)
    overlaid = rulebook_for(RuleChoice(None, (UNAMENDED,)))
    assert "kz.cc.392.1.text_2025" not in overlaid.by_id
    assert _comparable(load_rulebook()) == rules and "kz.cc.392.1.text_2025" in base.by_id
    assert default_evaluator().evaluate(case).model_dump(mode="json") == before
    plain = evaluate(case)
    assert plain.rulebook.overlays is None


def test_the_amendment_on_the_unamended_baseline_gives_back_the_shipped_rules() -> None:
    both = rulebook_for(RuleChoice(None, (UNAMENDED, AMENDMENT)))
    assert _comparable(both) == _comparable(load_rulebook())
    assert [o.name for o in both.overlays] == [
        "KZ CC art. 392(1) unamended (counterfactual baseline)",
        "KZ CC art. 392 as amended on 17 September 2025",
    ]
    first, second = both.overlays
    assert first.repealed == ("kz.cc.392.1.text_2025", "kz.cc.392.1.text_2025.sentence.range")
    assert second.added == ("kz.cc.392.1.text_2025", "kz.cc.392.1.text_2025.sentence.range")
    assert "kz.cc.392.sentence.imposed no longer defeats" in first.unlinked[0]


def test_the_stamp_names_base_and_overlay_in_json_and_on_screen() -> None:
    args = ["evaluate", str(SEEDS / "zhilin.yaml"), "--rules-overlay", str(UNAMENDED)]
    data = json.loads(runner.invoke(app, [*args, "--json"]).output)
    stamp = data["rulebook"]
    assert stamp["version"] == load_rulebook().version and len(stamp["sha256"]) == 64
    assert stamp["overlays"][0]["version"] == "2014-text"
    assert len(stamp["overlays"][0]["sha256"]) == 64
    shown = runner.invoke(app, args).output
    assert "+ overlay KZ CC art. 392(1) unamended" in shown


def test_a_crossing_after_the_amendment_is_judged_by_whichever_text_the_rules_hold() -> None:
    late = parse_case(
        {
            "case_id": "late",
            "as_of": "2025-10-01",
            "host_state": "KZ",
            "home_state": "RU",
            "person": {"nationalities": ["RU"]},
            "crossing": {"into": "KZ", "date": "2025-09-20", "at_checkpoint": False},
        }
    )
    shipped = {o.rule for o in evaluate(late).of_kind("prosecution")}
    unamended = evaluate(late, rules=RuleChoice(None, (UNAMENDED,)))
    assert shipped == {"kz.cc.392.1.text_2025"}
    assert {o.rule for o in unamended.of_kind("prosecution")} == {"kz.cc.392.1"}
    assert unamended.of_kind("removal"), "the 2014 text expels a foreigner"


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("name: x\nversion: '1'\n", "the base rules already have this id"),
        (
            "name: x\nversion: '1'\nreplaces: [kz.cc.392.1]\nrepeals: [kz.cc.392.x]\n",
            "no base rule",
        ),
        (
            "name: x\nversion: '1'\nreplaces: [kz.cc.392.1, kz.cc.63.probation_ends]\n",
            "no rule 'kz.cc.63",
        ),
    ],
)
def test_an_overlay_that_would_replace_unseen_or_name_nothing_is_refused(
    tmp_path: Path, manifest: str, message: str
) -> None:
    folder = tmp_path / "overlay"
    (folder / "kz").mkdir(parents=True)
    (folder / "kz" / "criminal-code.yaml").write_text(
        (UNAMENDED / "kz" / "criminal-code.yaml").read_text()
    )
    (folder / "overlay.yaml").write_text(manifest)
    with pytest.raises(RuleFileError) as error:
        rulebook_for(RuleChoice(None, (folder,)))
    assert message in str(error.value)
    result = runner.invoke(app, ["rules", "lint", "--rules-overlay", str(folder)])
    assert result.exit_code == 1 and message in result.output


def test_an_overlay_file_that_would_not_be_read_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "overlay"
    (folder / "kz").mkdir(parents=True)
    (folder / "overlay.yaml").write_text(
        "name: x\nversion: '1'\nrepeals: [kz.cc.392.1.text_2025]\n"
    )
    (folder / "kz" / "pack.yaml").write_text("state: KZ\n")
    with pytest.raises(RuleFileError) as error:
        rulebook_for(RuleChoice(None, (folder,)))
    assert "would not be read" in str(error.value) and "pack.yaml" in str(error.value)


def test_an_added_rule_is_defeated_by_the_base_rules_that_defeat_its_conclusion(
    tmp_path: Path,
) -> None:
    # The Refugee Convention's art. 33 defeats whatever concludes a removal to the home state,
    # in any pack: a removal rule an overlay adds is defeated by it too.
    folder = tmp_path / "overlay"
    (folder / "kz").mkdir(parents=True)
    (folder / "overlay.yaml").write_text("name: new removal\nversion: '1'\n")
    (folder / "kz" / "removal.yaml").write_text(
        """instrument: {title: Test Law}
jurisdiction: KZ
rules:
  - id: kz.test.removal
    title: A test removal
    cite: {article: 1}
    basis: law
    when: {host_state: KZ, crossing.into: KZ}
    then:
      conclude: [host.removal_to_home_state]
      outcome: {kind: removal, summary: Removed., detail: {type: expulsion, destination: RU}}
"""
    )
    rulebook = rulebook_for(RuleChoice(None, (folder,)))
    assert "kz.test.removal" in rulebook.by_id["intl.rc.33.1"].defeats
    assert "kz.test.removal" not in load_rulebook().by_id["intl.rc.33.1"].defeats


class _Line:
    def __init__(self, number: int, data: dict[str, object]) -> None:
        self.label, self._data = f"case:{number}", data

    def read(self):  # type: ignore[no-untyped-def]
        return parse_case(self._data)


def test_the_amendment_moves_exactly_the_crossings_outside_a_checkpoint_after_it() -> None:
    rng = random.Random(7)
    cases = [crossing_case(i, rng) for i in range(60)]
    report = impact(
        [_Line(i, c) for i, c in enumerate(cases)],
        reform=RuleChoice(None, (UNAMENDED, AMENDMENT)),
        base=RuleChoice(None, (UNAMENDED,)),
    )
    moved = {
        f"case:{i}"
        for i, c in enumerate(cases)
        if not c["crossing"]["at_checkpoint"]  # type: ignore[index]
        and dt.date.fromisoformat(c["crossing"]["date"]) >= dt.date(2025, 9, 17)  # type: ignore[index]
    }
    assert moved, "the generated caseload has crossings after the amendment"
    assert report.evaluated == 60 and report.affected == len(moved)
    cells = {(c.kind.value, c.jurisdiction): c for c in report.cells}
    assert set(cells) == {("prosecution", "KZ"), ("sentence", "KZ"), ("removal", "KZ")}
    assert cells["prosecution", "KZ"].change == len(moved)
    assert cells["removal", "KZ"].lose == len(moved)
    assert set(cells["removal", "KZ"].examples["lose"]) <= moved
    assert report.reform.overlays and len(report.reform.overlays) == 2


def test_the_impact_command_prints_a_table_and_json(tmp_path: Path) -> None:
    rng = random.Random(3)
    lines = [json.dumps(crossing_case(i, rng)) for i in range(30)]
    cases = tmp_path / "cases.jsonl"
    cases.write_text("\n".join(lines) + "\n")
    args = ["impact", str(cases), "--rules-overlay", str(UNAMENDED), "--overlay", str(AMENDMENT)]
    shown = runner.invoke(app, args)
    assert shown.exit_code == 0, shown.output
    assert "30 cases, 30 evaluated under both" in shown.output
    data = json.loads(runner.invoke(app, [*args, "--json"]).output)
    assert data["cases"] == 30 and data["base"]["overlays"][0]["version"] == "2014-text"
    with cases.open("a") as stream:
        stream.write('{"case_id": "broken"}\n')
    broken = runner.invoke(app, [*args, "--json"])
    assert broken.exit_code == 1  # one case could not be read; the others were compared
    report = json.loads(broken.output)
    assert report["evaluated"] == 30 and report["failed"] == 1
    assert report["failures"][0]["input"].endswith("cases.jsonl:31")
    nothing = runner.invoke(app, ["impact", str(cases)])
    assert nothing.exit_code == 2 and "--overlay" in nothing.output
