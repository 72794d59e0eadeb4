"""Batches on a Dask cluster: a LocalCluster of two worker processes answers as one process does."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lexcase import evaluate_many
from lexcase.batch import distributed
from lexcase.batch.local import run_batch
from lexcase.evaluation.result import Result
from lexcase.interfaces.cli import app
from test_batch import BAD_LINES, generated, write_jsonl

dask_distributed = pytest.importorskip("distributed")  # the extra lexcase[dask]; make test has it

runner = CliRunner()


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.connect("local:2") as client:
        yield client


def answers(outcomes: Iterator[Any]) -> list[str]:
    return [r.model_dump_json() if isinstance(r, Result) else str(r) for r in outcomes]


def test_evaluate_many_on_a_cluster_gives_what_one_process_gives(client: Any) -> None:
    cases: list[Any] = generated(300)
    cases.insert(7, {"case_id": "bad", "as_of": "yesterday"})
    expected = answers(evaluate_many(cases))
    assert answers(evaluate_many(cases, client=client)) == expected
    assert expected[7].startswith('<input>: as_of: "yesterday" is not accepted')


def test_a_rule_folder_is_read_here_and_sent_to_the_workers(client: Any) -> None:
    folder = Path(__file__).resolve().parent.parent / "rules"
    cases: list[Any] = generated(60, seed=8)
    expected = answers(evaluate_many(cases, rules=folder))
    assert answers(evaluate_many(cases, rules=folder, client=client)) == expected


def test_each_worker_compiles_the_rules_once_for_all_its_chunks(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(distributed, "CHUNK", 10)  # 40 chunks for two workers
    before = client.run(distributed.compilations)
    assert sum(1 for _ in evaluate_many(generated(400, seed=3), client=client)) == 400
    after = client.run(distributed.compilations)
    assert len(after) == 2
    for worker, count in after.items():  # once at most (none if an earlier test compiled it)
        assert 1 <= count <= before[worker] + 1


def copies_held(prefix: str) -> int:
    """How many case dicts whose id starts with `prefix` this process holds (a worker's, or the
    driving process with its client and local scheduler)."""
    gc.collect()
    return sum(
        1
        for o in gc.get_objects()
        if type(o) is dict and str(o.get("case_id", "")).startswith(prefix)
    )


def test_finished_chunks_leave_no_copies_of_their_cases_behind(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Dask logs its last 1,000 messages per stream, and a chunk's message holds its cases: with
    # Dask's own setting every one of these 200 chunks would stay in this process and a worker.
    monkeypatch.setattr(distributed, "CHUNK", 3)
    cases: list[Any] = generated(600, seed=12)
    for case in cases:
        case["case_id"] = "held-" + case["case_id"]
    assert sum(1 for _ in evaluate_many(cases, client=client)) == 600
    log = distributed.LOG_LENGTH * 3  # at most the logged messages' chunks, a few per message
    assert copies_held("held-") - len(cases) <= 3 * log
    assert all(held <= 3 * log for held in client.run(copies_held, "held-").values())


def _samples_kept(dask_worker: Any = None, dask_scheduler: Any = None) -> int | None:
    server = dask_worker or dask_scheduler
    return server.monitor.maxlen  # type: ignore[no-any-return]


def _arenas() -> str | None:
    return os.environ.get("MALLOC_ARENA_MAX")


def test_a_local_cluster_s_workers_start_with_one_malloc_arena(client: Any) -> None:
    # with an arena per thread, a worker's memory rose by steps over 1,000,000 evaluations
    assert set(client.run(_arenas).values()) == {distributed.ARENAS}


def test_the_cluster_keeps_a_few_cpu_and_memory_samples_not_an_hour_of_them(client: Any) -> None:
    # Dask's default, 7,200 samples at 0.5 s, grew an idle cluster's processes for an hour.
    assert set(client.run(_samples_kept).values()) == {distributed.SAMPLES}
    assert client.run_on_scheduler(_samples_kept) == distributed.SAMPLES


def _profiling(dask_worker: Any) -> bool:
    return dask_worker.periodic_callbacks.get("profile") is not None


def test_the_workers_do_not_profile_the_evaluations(client: Any) -> None:
    # Dask's profiler keeps every stack it sampled: a worker grew with it over long runs.
    assert set(client.run(_profiling).values()) == {False}


def batch_file(tmp_path: Path, count: int) -> Path:
    source = tmp_path / "cases.jsonl"
    write_jsonl(source, generated(count, seed=5), BAD_LINES)
    return source


def test_a_batch_on_a_cluster_writes_the_same_lines_as_one_process(
    client: Any, tmp_path: Path
) -> None:
    source = batch_file(tmp_path, 200)
    alone: list[str] = []
    expected = run_batch(source, alone.append)
    shared: list[str] = []
    summary = run_batch(source, shared.append, client=client)
    assert shared == alone
    assert summary == expected
    assert summary.errors == len([b for b in BAD_LINES.values() if b]) and summary.cases == 205
    assert 'cases.jsonl:5", "error"' in shared[4] and "not valid JSON" in shared[4]  # in its place


def test_a_worker_killed_mid_batch_costs_a_retry_of_its_chunks_not_a_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(distributed, "CHUNK", 8)
    source = batch_file(tmp_path, 600)
    alone: list[str] = []
    run_batch(source, alone.append)
    with distributed.connect("local:2") as client:  # its own cluster: this test breaks one
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        killed: list[int] = []

        def kill_one(done: int, total: int) -> None:
            if done == 1:
                os.kill(victim, signal.SIGKILL)
                killed.append(done)

        shared: list[str] = []
        summary = run_batch(source, shared.append, client=client, progress=kill_one)
        assert killed and victim not in client.run(os.getpid).values()
    assert shared == alone
    assert summary.internal_errors == 0


def test_the_batch_command_on_a_local_cluster_writes_the_same_file(tmp_path: Path) -> None:
    source = batch_file(tmp_path, 100)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = runner.invoke(app, ["batch", str(source), "--out", str(one)])
    second = runner.invoke(app, ["batch", str(source), "--out", str(two), "--dask", "local:2"])
    assert first.exit_code == second.exit_code == 1  # the bad lines
    assert one.read_bytes() == two.read_bytes()
    assert second.stdout.strip().endswith(first.stdout.strip().split(";")[-1].strip())


def test_bad_dask_options_exit_2_with_what_was_expected(tmp_path: Path) -> None:
    source = batch_file(tmp_path, 3)
    out = str(tmp_path / "out.jsonl")
    bad = runner.invoke(app, ["batch", str(source), "--out", out, "--dask", "local:many"])
    assert bad.exit_code == 2
    assert "local:N with N from 1 to 256" in bad.stderr
    both = runner.invoke(
        app, ["batch", str(source), "--out", out, "--dask", "local:2", "--workers", "2"]
    )
    assert both.exit_code == 2
    assert "--workers and --dask" in both.stderr
    nowhere = runner.invoke(app, ["batch", str(source), "--out", out, "--dask", "nonsense"])
    assert nowhere.exit_code == 2
    assert "cannot reach a Dask scheduler at 'nonsense'" in nowhere.stderr
