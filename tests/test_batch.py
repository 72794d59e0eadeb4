"""Batches: many cases from a JSONL file or a folder, in one process or in workers."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from casegen import random_case
from conftest import SEEDS
from lexcase import evaluate_many
from lexcase.errors import CaseError
from lexcase.evaluation.evaluator import Evaluator
from lexcase.evaluation.result import Result
from lexcase.interfaces.cli import app

runner = CliRunner()


def generated(count: int, seed: int = 11) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [random_case(rng, f"case-{i}") for i in range(count)]


def test_evaluate_many_gives_what_one_process_gives_in_input_order(evaluator: Evaluator) -> None:
    cases: list[Any] = generated(150)
    cases.insert(7, {"case_id": "bad", "as_of": "yesterday"})
    cases.append(SEEDS / "zhilin.yaml")
    expected = []
    for case in cases:
        try:
            expected.append(evaluator.evaluate(case).model_dump_json())
        except CaseError as error:
            expected.append(str(error))
    for workers in (1, 2):
        got = [
            r.model_dump_json() if isinstance(r, Result) else str(r)
            for r in evaluate_many(cases, workers=workers)
        ]
        assert got == expected, workers
    assert expected[7].startswith('<input>: as_of: "yesterday" is not accepted')


def write_jsonl(path: Path, cases: list[dict[str, Any]], extra: dict[int, bytes]) -> None:
    lines = [json.dumps(c).encode() for c in cases]
    for index, raw in sorted(extra.items()):
        lines.insert(index, raw)
    path.write_bytes(b"\n".join(lines) + b"\n")


BAD_LINES = {
    2: b'{"case_id": "x", "as_of": "2022-09-27", "crossing": {"at_checkpoint": "yes"}}',
    4: b"{not json",
    5: b"",  # blank lines are skipped, and still counted for line numbers
    6: b'{"case_id": "x", "as_of": "2022-09-27", "as_of": "2022-09-28"}',
    8: b'{"case_id": "caf\xe9", "as_of": "2022-09-27"}',
    9: b'["a list"]',
}


def test_the_batch_command_writes_one_line_per_case_and_goes_on_past_bad_ones(
    tmp_path: Path, evaluator: Evaluator
) -> None:
    cases = generated(40)
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, cases, BAD_LINES)
    out = tmp_path / "results.jsonl"
    run = runner.invoke(app, ["batch", str(source), "--out", str(out)])
    assert run.exit_code == 1, run.output  # some cases were not evaluated
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 45
    errors = {line["input"]: line["error"] for line in lines if "error" in line}
    label = str(source)
    assert errors[f"{label}:3"]["path"] == "crossing.at_checkpoint"
    assert errors[f"{label}:3"]["expected"] == "true or false"
    assert "not valid JSON" in errors[f"{label}:5"]["message"]
    assert "appears twice" in errors[f"{label}:7"]["message"]
    assert "0xe9 is not UTF-8" in errors[f"{label}:9"]["message"]
    assert "does not hold a case" in errors[f"{label}:10"]["message"]
    assert all(e["line"] == int(k.rsplit(":", 1)[1]) for k, e in errors.items())
    # The good lines are the results of evaluating each case alone, in input order.
    good = [line for line in lines if "result" in line]
    assert [line["case_id"] for line in good] == [c["case_id"] for c in cases]
    first = evaluator.evaluate(cases[0]).model_dump(mode="json", exclude_none=True)
    assert good[0]["result"] == first
    outcomes = sum(len(line["result"]["outcomes"]) for line in good)
    summary = run.stdout.strip()
    assert summary.startswith("45 cases, 40 evaluated, 5 errors; outcomes: ")
    counted = sum(int(part.rsplit(" ", 1)[1]) for part in summary.split(": ", 1)[1].split(", "))
    assert counted == outcomes


def test_two_workers_write_the_same_file_as_one_process(tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(300, seed=3), BAD_LINES)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        run = runner.invoke(app, ["batch", str(source), "--out", str(out), "--workers", workers])
        assert run.exit_code == 1, run.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_a_folder_of_case_files_with_as_of(tmp_path: Path, evaluator: Evaluator) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    for seed in SEEDS.glob("*.yaml"):
        shutil.copy(seed, folder / seed.name)
    (folder / "broken.yaml").write_text("case_id: broken\nas_of: 2022-09-27\ncrossing: [\n")
    out = tmp_path / "results.jsonl"
    run = runner.invoke(
        app, ["batch", str(folder), "--out", str(out), "--as-of", "2022-09-27", "--workers", "2"]
    )
    assert run.exit_code == 1, run.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [Path(line["input"]).name for line in lines] == sorted(
        ["broken.yaml", *(p.name for p in SEEDS.glob("*.yaml"))]
    )
    broken = next(line for line in lines if line["input"].endswith("broken.yaml"))["error"]
    assert broken["file"].endswith("broken.yaml") and broken["line"] == 4
    zhilin = next(line for line in lines if line["input"].endswith("zhilin.yaml"))
    alone = evaluator.evaluate(SEEDS / "zhilin.yaml", as_of=None)
    assert zhilin["result"]["as_of"] == "2022-09-27" != str(alone.as_of)


def test_a_clean_batch_exits_0_and_bad_arguments_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(5), {})
    out = tmp_path / "results.jsonl"
    run = runner.invoke(app, ["batch", str(source), "--out", str(out)])
    assert run.exit_code == 0, run.output
    assert run.stdout.startswith("5 cases, 5 evaluated, 0 errors; outcomes:")
    missing = runner.invoke(app, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(out)])
    assert missing.exit_code == 2
    assert "nope.jsonl: no such file or folder" in missing.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    assert runner.invoke(app, ["batch", str(empty), "--out", str(out)]).exit_code == 2
    no_workers = runner.invoke(app, ["batch", str(source), "--out", str(out), "--workers", "0"])
    assert no_workers.exit_code == 2
