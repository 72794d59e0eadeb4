"""A batch survives its cases, its workers, its user and its disk (issue 16, items 1, 2, 3, 9).

Each test reproduces a failure as it happened: a real worker process killed with SIGKILL, a real
Ctrl-C sent to the batch's process group, a real file system that fills up (a 300 KB tmpfs when
the tests run as root, as on CI; else a file-size limit, RLIMIT_FSIZE, on the batch process:
both make the write fail midway). Subprocesses carry a timeout only as a guard against a hang.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from lexcase import evaluate_many
from lexcase.batch.local import run_batch
from lexcase.batch.pool import worker_limit
from lexcase.errors import InputError, WorkerError
from lexcase.evaluation.evaluator import Evaluator
from lexcase.evaluation.result import Result
from lexcase.interfaces.cli import app
from lexcase.model.case import Case
from test_batch import generated, write_jsonl

runner = CliRunner()
GUARD = 600  # seconds: only against a hang, never an assertion on speed
HUGE = "9" * 5000


def lexcase_batch(*args: str, **options: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "lexcase", "batch", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def wait_for_workers(process: subprocess.Popen[str], count: int) -> list[int]:
    while process.poll() is None:
        workers = children(process.pid)
        if len(workers) >= count:
            return workers
        time.sleep(0.05)
    raise AssertionError(f"the batch ended before it had {count} workers: {process.stderr}")


def whole_lines(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw == b"" or raw.endswith(b"\n"), "the results end in half a line"
    return [json.loads(line) for line in raw.splitlines()]


# --- item 1: one case aborts the whole batch --------------------------------------------------


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_number_of_5000_digits_is_one_bad_case_not_the_end_of_the_batch(
    tmp_path: Path, workers: str
) -> None:
    cases = generated(200)
    source = tmp_path / "cases.jsonl"
    bad = json.dumps({**cases[0], "person": {"prior_convictions": 1}}).replace(
        '"prior_convictions": 1', f'"prior_convictions": {HUGE}'
    )
    write_jsonl(source, cases, {100: bad.encode()})
    out = tmp_path / "results.jsonl"
    run = runner.invoke(app, ["batch", str(source), "--out", str(out), "--workers", workers])
    assert run.exit_code == 1, run.output  # some cases not evaluated; none internal
    lines = whole_lines(out)
    assert len(lines) == 201
    error = lines[100]["error"]
    assert error["line"] == 101 and error["internal"] is False
    assert "5000 digits" in error["message"]
    assert [line["case_id"] for line in lines if "result" in line] == [c["case_id"] for c in cases]


def test_a_bug_met_by_one_case_is_its_internal_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Evaluator.evaluate_seen  # what the batch runs each case with, once it is read

    def evaluate(self: Evaluator, seen: Case, data: dict[str, Any]) -> Result:
        if seen.case_id == "case-3":
            raise ZeroDivisionError("planted")
        return real(self, seen, data)

    monkeypatch.setattr(Evaluator, "evaluate_seen", evaluate)
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(6), {})
    lines: list[str] = []
    summary = run_batch(source, lines.append)
    assert summary.cases == 6 and summary.errors == 1 and summary.internal_errors == 1
    error = json.loads(lines[3])["error"]
    assert error["internal"] is True and "ZeroDivisionError: planted" in error["message"]


# --- item 2: a worker killed by the system ----------------------------------------------------


def test_a_worker_killed_mid_batch_is_replaced_and_no_case_is_lost(tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(400, seed=5), {})
    alone = tmp_path / "alone.jsonl"
    assert runner.invoke(app, ["batch", str(source), "--out", str(alone)]).exit_code == 0
    out = tmp_path / "results.jsonl"
    batch = lexcase_batch(str(source), "--out", str(out), "--workers", "2")
    victim = wait_for_workers(batch, 2)[0]
    os.kill(victim, signal.SIGKILL)
    stdout, stderr = batch.communicate(timeout=GUARD)
    assert batch.returncode == 0, stderr
    assert stdout.startswith("400 cases, 400 evaluated, 0 errors")
    assert out.read_bytes() == alone.read_bytes()  # every case, answered as in one process


def test_a_case_that_kills_its_worker_twice_is_reported_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, evaluator: Evaluator
) -> None:
    """Workers are forked, so they inherit this patch: the case 'poison' kills the worker that
    evaluates it, the first time and again in the fresh worker it is retried in."""
    real = Evaluator.evaluate_seen  # what the batch runs each case with, once it is read

    def evaluate(self: Evaluator, seen: Case, data: dict[str, Any]) -> Result:
        if seen.case_id == "poison":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, seen, data)

    cases: list[Any] = generated(150, seed=8)
    cases.insert(70, {**cases[0], "case_id": "poison"})
    monkeypatch.setattr(Evaluator, "evaluate_seen", evaluate)
    answers = list(evaluate_many(cases, workers=2))
    monkeypatch.setattr(Evaluator, "evaluate_seen", real)
    assert len(answers) == 151
    lost = answers[70]
    assert isinstance(lost, WorkerError)
    assert "killed (SIGKILL), twice" in str(lost)
    # Every other case of the dead worker's chunk was retried and answered as in one process.
    others = [a for i, a in enumerate(answers) if i != 70]
    expected = [evaluator.evaluate(c) for i, c in enumerate(cases) if i != 70]
    assert [a.model_dump_json() for a in others] == [  # type: ignore[union-attr]
        e.model_dump_json() for e in expected
    ]


# --- item 2: Ctrl-C ---------------------------------------------------------------------------


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_keeps_whole_lines_and_prints_the_summary(tmp_path: Path, workers: str) -> None:
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(3000, seed=9), {})
    out = tmp_path / "results.jsonl"
    batch = lexcase_batch(
        str(source), "--out", str(out), "--workers", workers, start_new_session=True
    )
    if workers == "2":
        wait_for_workers(batch, 2)
    else:
        time.sleep(3)  # into the evaluation (a sleep before acting, not an assertion)
    os.killpg(batch.pid, signal.SIGINT)  # as the terminal sends it: to the whole group
    stdout, stderr = batch.communicate(timeout=GUARD)
    assert batch.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    lines = whole_lines(out)
    assert f"holds the results of the first {len(lines)} of the 3000 cases" in stderr
    assert stdout.startswith(f"{len(lines)} cases, {len(lines)} evaluated")
    assert [line["input"] for line in lines] == [f"{source}:{i + 1}" for i in range(len(lines))]
    assert not list(tmp_path.glob(".results.jsonl.*"))  # no temporary file left behind


# --- item 3: the results file destroyed before the input is read -------------------------------


def test_out_equal_to_the_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(3), {})
    before = source.read_bytes()
    run = runner.invoke(app, ["batch", str(source), "--out", str(source)])
    assert run.exit_code == 2 and "would overwrite an input" in run.output
    assert source.read_bytes() == before
    # Named another way, and a case file of a folder batch, too.
    other = runner.invoke(app, ["batch", str(source), "--out", f"{tmp_path}/./cases.jsonl"])
    assert other.exit_code == 2
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "zhilin.yaml").write_bytes((SEEDS / "zhilin.yaml").read_bytes())
    inside = runner.invoke(app, ["batch", str(folder), "--out", str(folder / "zhilin.yaml")])
    assert inside.exit_code == 2 and "would overwrite an input" in inside.output
    assert (folder / "zhilin.yaml").read_bytes() == (SEEDS / "zhilin.yaml").read_bytes()


def test_a_mistyped_input_leaves_the_results_file_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    out.write_text("earlier results\n")
    run = runner.invoke(app, ["batch", str(tmp_path / "casse.jsonl"), "--out", str(out)])
    assert run.exit_code == 2 and "no such file or folder" in run.output
    assert out.read_text() == "earlier results\n"
    device = runner.invoke(app, ["batch", str(SEEDS), "--out", "/dev/null"])
    assert device.exit_code == 2 and "not a regular file" in device.output


def limit_file_size() -> None:  # in the batch process, where no tmpfs can be mounted
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
    resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], None] | None]]:
    """A folder on a 300 KB file system, and the preexec function the batch needs (none on a
    real tmpfs; a file-size limit where mounting is not allowed)."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() == 0:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(folder)], capture_output=True
        )
        if mounted.returncode == 0:
            yield folder, None
            subprocess.run(["umount", str(folder)], check=True)
            return
    yield folder, limit_file_size


def test_a_full_disk_leaves_whole_lines_and_says_how_many(
    tmp_path: Path, small_disk: tuple[Path, Callable[[], None] | None]
) -> None:
    folder, preexec = small_disk
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(400, seed=4), {})  # about 1.5 MB of results
    out = folder / "results.jsonl"
    # Lines are written in batches of 64 KB here, so that some fit before the disk is full.
    code = (
        "import lexcase.batch.output as o; o.FLUSH_BYTES = 65536; "
        "from lexcase.interfaces.cli import main; import sys; "
        f"sys.argv = ['lexcase', 'batch', {str(source)!r}, '--out', {str(out)!r}]; main()"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=GUARD,
        preexec_fn=preexec,
        env={**os.environ, "LEXCASE_NO_CACHE": "1"},
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = whole_lines(out)
    assert 0 < len(lines) < 400
    assert "cannot write: " in run.stderr
    assert f"holds the results of the first {len(lines)} of the 400 cases" in run.stderr
    assert [line["input"] for line in lines] == [f"{source}:{i + 1}" for i in range(len(lines))]


# --- item 9: --workers 100000 ------------------------------------------------------------------


def test_workers_are_bounded(tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(3), {})
    out = tmp_path / "results.jsonl"
    run = runner.invoke(app, ["batch", str(source), "--out", str(out), "--workers", "100000"])
    assert run.exit_code == 2
    assert f"(expected 1 to {worker_limit()}" in run.output
    assert not out.exists()
    with pytest.raises(InputError, match="--workers"):
        list(evaluate_many([], workers=0))
