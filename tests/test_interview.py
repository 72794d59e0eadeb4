"""The interview: questions that could change an outcome, ranked, and answers written into the
case file in place."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import SEEDS
from lexcase.analysis.interview import interview, record_answer
from lexcase.evaluation.evaluator import evaluate
from lexcase.interfaces.cli import app
from lexcase.model.case import load_case
from lexcase.model.facts import with_facts

runner = CliRunner()
ZHILINA = SEEDS / "zhilina.yaml"


def _outcomes(result: object) -> dict[str, tuple[str, object]]:
    return {o.rule: (o.summary, o.detail) for o in result.outcomes}  # type: ignore[attr-defined]


def test_every_question_asked_changes_an_outcome_for_some_answer() -> None:
    asked = interview(ZHILINA)
    assert asked.questions, "the officer's wife has undecided rules"
    base = load_case(ZHILINA)
    before = _outcomes(evaluate(base))
    for question in asked.questions:
        moved = [
            a.value
            for a in question.answers_tried
            if _outcomes(evaluate(with_facts(base, {question.path: a.value}))) != before
        ]
        assert moved, f"{question.path} changes nothing, yet it is asked"
        assert question.decides and question.question
    counts = [len(q.could_change) for q in asked.questions]
    assert counts == sorted(counts, reverse=True)
    # Facts that change nothing, or cannot be typed in a prompt, are listed with why.
    reasons = {n.path: n.reason for n in asked.not_asked}
    assert "list of records" in reasons["home_proceedings.charges"]
    assert not {q.path for q in asked.questions} & set(reasons)


def test_an_answer_is_written_in_place_keeping_comments_and_a_backup(tmp_path: Path) -> None:
    case = tmp_path / "zhilina.yaml"
    shutil.copyfile(ZHILINA, case)
    original = case.read_text()
    backup = record_answer(case, "military.call_up.reported", False)
    assert backup is not None and backup.read_text() == original
    text = case.read_text()
    assert text.splitlines()[0] == original.splitlines()[0]  # the comment on top
    assert load_case(case).military.call_up is not None
    assert load_case(case).military.call_up.reported is False
    # Nothing but the answer was added: every line of the file is still there, in order.
    kept = iter(text.splitlines())
    assert all(line in kept for line in original.splitlines())


def test_the_command_asks_validates_writes_and_shows_the_outcomes(tmp_path: Path) -> None:
    case = tmp_path / "zhilina.yaml"
    shutil.copyfile(ZHILINA, case)
    first = interview(case).questions[0]
    assert first.choices, "the first question of this case has a closed set of answers"
    answer = first.choices[0]
    # A wrong answer is asked again; then an answer; then ? for the next; then an empty line ends.
    result = runner.invoke(app, ["interview", str(case)], input=f"nonsense\n{answer}\n?\n\n")
    assert result.exit_code == 0, result.output
    assert "select one of the available options" in result.output  # refused, asked again
    assert "Outcomes now" in result.output
    assert "1 answer(s) written" in result.output
    assert (tmp_path / "zhilina.yaml.bak").read_text() == ZHILINA.read_text()
    data = json.loads(json.dumps(load_case(case).model_dump(mode="json", by_alias=True)))
    value = data
    for part in first.path.split("."):
        value = value[part]
    assert str(value).lower() == answer.lower()


def test_json_lists_the_ranked_questions_without_asking(tmp_path: Path) -> None:
    case = tmp_path / "zhilina.yaml"
    shutil.copyfile(ZHILINA, case)
    result = runner.invoke(app, ["interview", str(case), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["questions"] and all(q["could_change"] for q in data["questions"])
    assert case.read_text() == ZHILINA.read_text()
    assert not (tmp_path / "zhilina.yaml.bak").exists()


def test_an_answer_in_a_json_case_file_keeps_its_order(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps({"case_id": "j", "as_of": "2022-10-01", "host_state": "KZ", "notes": "n"})
    )
    record_answer(case, "crossing.date", "2022-09-26", backup=False)
    data = json.loads(case.read_text())
    assert list(data) == ["case_id", "as_of", "host_state", "notes", "crossing"]
    assert data["crossing"] == {"date": "2022-09-26"}
    assert not (tmp_path / "case.json.bak").exists()


def test_an_answer_that_does_not_fit_the_case_model_leaves_the_file_alone(tmp_path: Path) -> None:
    import pytest

    from lexcase.errors import CaseError

    case = tmp_path / "zhilina.yaml"
    shutil.copyfile(ZHILINA, case)
    with pytest.raises(CaseError):
        record_answer(case, "stay.days_in_last_180", 400)
    assert case.read_text() == ZHILINA.read_text()


def test_a_case_file_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:  # root writes read-only files: make the backup's folder unwritable
        folder = tmp_path / "dir"
        folder.mkdir()
        case = folder / "zhilina.yaml"
        shutil.copyfile(ZHILINA, case)
        blocker = folder / "zhilina.yaml.bak"
        blocker.mkdir()  # the backup cannot be written where a folder stands
    else:
        case = tmp_path / "zhilina.yaml"
        shutil.copyfile(ZHILINA, case)
        case.chmod(0o444)
    answer = (interview(case).questions[0].choices or ["?"])[0]
    result = runner.invoke(app, ["interview", str(case)], input=f"{answer}\n\n")
    assert result.exit_code == 2, result.output
    assert "cannot write the file" in result.output
    assert case.read_text() == ZHILINA.read_text()


def test_a_case_on_standard_input_is_read_once() -> None:
    text = ZHILINA.read_text()
    listed = runner.invoke(app, ["interview", "-", "--json"], input=text)
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.stdout)["case_id"] == "zhilina"
    asked = runner.invoke(app, ["interview", "-"], input=text)
    assert asked.exit_code == 2 and "give a file, not -" in asked.output
    # The commands that print coverage warnings first read the case once, too.
    for command in (["what-if", "-", "--set", "crossing.at_checkpoint=false"], ["timeline", "-"]):
        result = runner.invoke(app, command, input=text)
        assert result.exit_code == 0, (command, result.output)


def test_a_case_with_dates_known_only_to_the_month_is_interviewed() -> None:
    # sandzhiev's crossing and asylum claim are known to the month (2023-03): a relational date
    # test counting from them is tried around both ends of the month, not refused.
    result = runner.invoke(app, ["interview", str(SEEDS / "sandzhiev.yaml"), "--json"])
    assert result.exit_code == 0, result.output
    asked = json.loads(result.output)
    assert "risk_on_return.torture" in {q["path"] for q in asked["questions"]}
    tried = {n["path"]: n["reason"] for n in asked["not_asked"]}
    assert tried["asylum.registered_on"] == "no answer tried changes an outcome"


def test_a_date_known_only_to_the_year_is_tried_around_both_ends_of_the_year() -> None:
    """A reported date may be a year or a month ("0001", "2022-03"): the questions tried around
    a relational test's boundary start from both ends of that span, never from the text as if it
    were a day (the HTTP fuzz test found a 500 here), even at the first year of the calendar."""
    for reported in ("0001", "2022", "2022-03"):
        case = {"case_id": "year", "as_of": "2022-09-26", "asylum": {"applied_on": reported}}
        asked = interview(case)
        assert asked.questions, reported
