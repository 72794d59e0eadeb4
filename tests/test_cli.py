"""The command line, in process and once as a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from lexcase.interfaces.cli import app

runner = CliRunner()


def test_evaluate_prints_outcomes_with_basis_and_citation() -> None:
    result = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml"), "--as-of", "2022-09-27"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert "zhilin as of 2022-09-27" in text
    assert "KZ Criminal Code, art. 392(1)" in text
    assert "practice" in text and "Likely sentence: 6 months, conditional" in text
    assert "Undecided" in text and "home_proceedings.wanted_notice.international" in text
    assert re.search(r"rules \S+ sha256:[0-9a-f]{12}", text)  # the rulebook that answered
    assert "not legal advice" not in text  # said once, in the top-level help


def test_evaluate_json_is_the_result_object_and_nothing_else() -> None:
    result = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml"), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {
        "case_id",
        "as_of",
        "warnings",
        "coverage",
        "outcomes",
        "conclusions",
        "defeated",
        "undecided",
        "deadlines",
        "rulebook",
        "notice",
    }
    assert data["warnings"] == []  # both states have packs
    assert [(c["role"], c["state"], c["coverage"]) for c in data["coverage"]] == [
        ("host", "KZ", "partial"),
        ("home", "RU", "partial"),
    ]
    custody = next(o for o in data["outcomes"] if o["rule"] == "kz.cpc.588.custody.ordered")
    assert custody["detail"]["limit_days"] == 40
    assert {"instrument", "article"} <= set(custody["citations"][0])
    assert len(data["rulebook"]["sha256"]) == 64


def test_a_bad_case_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("case_id: x\nas_of: 2022-12-12\ncrossing: {at_checkpoint: maybe}\n")
    result = runner.invoke(app, ["evaluate", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "bad.yaml:3: crossing.at_checkpoint" in result.stderr
    assert "expected true or false" in result.stderr
    assert "Traceback" not in result.output


def test_bad_options_and_missing_files_exit_2() -> None:
    bad_date = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml"), "--as-of", "27/09/2022"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.stderr
    missing = runner.invoke(app, ["evaluate", "nowhere.yaml"])
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_a_bad_rule_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "rulebook.yaml").write_text("version: x\n")
    (tmp_path / "kz").mkdir()
    (tmp_path / "kz" / "code.yaml").write_text(
        "instrument: {title: T}\njurisdiction: KZ\nrules: [1]\n"
    )
    result = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml"), "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert "kz/code.yaml:3: rules[0]" in result.stderr


def test_schema_prints_the_case_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "lexcase case file"


def test_help_says_once_that_it_is_not_legal_advice() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert result.output.count("not legal advice") == 1


def test_the_installed_command_runs_as_a_subprocess(tmp_path: Path) -> None:
    command = Path(sys.executable).parent / "lexcase"
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [str(command), "evaluate", str(SEEDS / "zhilina.yaml"), "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["case_id"] == "zhilina"
    bad = subprocess.run(
        [str(command), "evaluate", str(ROOT / "README.md")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and bad.stderr.startswith("error: ")


def test_an_internal_error_is_one_line_and_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    from lexcase.evaluation import evaluator as evaluation

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(evaluation, "evaluate", broken)
    monkeypatch.delenv("LEXCASE_DEBUG", raising=False)
    result = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml")])
    assert result.exit_code == 3
    assert result.stderr.startswith("internal error: ZeroDivisionError: division by zero")
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.output


def test_evaluate_lists_the_deadlines_that_run() -> None:
    result = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml")])
    assert result.exit_code == 0
    deadlines = result.output.split("Deadlines", 1)[1].split("Defeated", 1)[0]
    assert "2023-01-15  running: 34 days left" in deadlines
    assert "kz.cpc.588.request_due" in deadlines
