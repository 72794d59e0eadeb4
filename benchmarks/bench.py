"""lexcase benchmarks: speed, scale and memory, measured. Not part of the test suite.

    make bench                           # everything (about 15 minutes on 2 cores)
    make bench BENCH_ARGS=--quick        # a tenth of the work, for a quick look
    .venv/bin/python benchmarks/bench.py --only throughput,cold --callgrind

It prints a table and writes the figures as JSON to benchmarks/results/ (one file per run and
latest.json). benchmarks/README.md records them with the machine they came from. Timings on a
shared machine vary with its load, which is recorded with every section; --callgrind adds
instruction counts per case (valgrind), which do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import multiprocessing
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the reference evaluator and the case generator
sys.path.insert(0, str(ROOT / "benchmarks"))  # the peer benchmark

from casegen import random_case  # noqa: E402
from lexcase.evaluation.evaluator import Evaluator, to_case  # noqa: E402
from lexcase.inference.compiler import compile_rulebook  # noqa: E402
from lexcase.inference.runner import Inference  # noqa: E402
from lexcase.law.loader import load_rulebook  # noqa: E402
from lexcase.model.case import Case  # noqa: E402
from lexcase.model.facts import case_data  # noqa: E402
from reference import evaluate_reference  # noqa: E402

SECTIONS = [
    "load",
    "latency",
    "throughput",
    "peers",
    "workers",
    "batch",
    "dask",
    "memory",
    "cold",
    "input",
]
CHUNK = 2_000  # cases parsed at a time, outside the timed part (a parsed case holds ~11 KB)


# --- helpers ----------------------------------------------------------------------------------


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> dict[str, Any]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "commit": commit or "unknown",
        "lexcase": str(Path(sys.modules["lexcase"].__file__ or "").parent),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
    }


def generated(count: int, seed: int) -> Iterator[list[Case]]:
    """`count` distinct generated cases, parsed, `CHUNK` at a time. Each chunk is moved out of
    the garbage collector's sight while it is timed: in a real batch a case is parsed just
    before it is evaluated and dropped after, so no pile of parsed cases is scanned again and
    again (that scanning would cost a third of the time measured)."""
    rng = random.Random(seed)
    for start in range(0, count, CHUNK):
        chunk = [
            to_case(random_case(rng, f"case-{seed}-{i}"))
            for i in range(start, min(start + CHUNK, count))
        ]
        gc.collect()
        gc.freeze()
        yield chunk
        gc.unfreeze()


def timed(fn: Callable[[Any], Any], items: list[Any]) -> float:
    started = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - started


def result_builder(evaluator: Evaluator) -> Callable[[Any, Case], Any]:
    """Build a Result from a trace, with whichever API this lexcase has."""
    builder = getattr(evaluator, "_results", None)
    if builder is not None:
        return lambda trace, case: builder.build(trace, case.case_id, case.as_of, case_data(case))
    from lexcase.evaluation.result import build_result

    return lambda trace, case: build_result(
        trace, evaluator.rulebook, case.case_id, case.as_of, case_data(case)
    )


# --- sections ---------------------------------------------------------------------------------


def bench_load(quick: bool) -> dict[str, Any]:
    """Rule packs: load (YAML + validation), compile, and register with durable_rules."""
    runs = 3 if quick else 7
    loads, compiles, registers = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        rulebook = load_rulebook()
        loads.append(time.perf_counter() - started)
        started = time.perf_counter()
        compiled = compile_rulebook(rulebook)
        compiles.append(time.perf_counter() - started)
        started = time.perf_counter()
        inference = Inference(compiled)
        registers.append(time.perf_counter() - started)
        inference.close()
    return {
        "rules": len(rulebook.rules),
        "compiled_rules": len(compiled.definition),
        "stages": len(compiled.stages),
        "load_ms": round(statistics.median(loads) * 1e3, 1),
        "compile_ms": round(statistics.median(compiles) * 1e3, 1),
        "register_ms": round(statistics.median(registers) * 1e3, 1),
    }


def bench_latency(quick: bool) -> dict[str, Any]:
    """One case at a time, as a caseworker would: each seed, full Result, all rule packs."""
    evaluator = Evaluator()
    runs = 500 if quick else 3_000
    out = {}
    for seed in sorted((ROOT / "seeds").glob("*.yaml")):
        case = to_case(seed)
        for _ in range(100):
            evaluator.evaluate(case)
        times = []
        for _ in range(runs):
            started = time.perf_counter_ns()
            evaluator.evaluate(case)
            times.append(time.perf_counter_ns() - started)
        times.sort()
        out[seed.stem] = {
            "median_us": round(times[len(times) // 2] / 1e3, 1),
            "p99_us": round(times[int(len(times) * 0.99)] / 1e3, 1),
            "outcomes": len(evaluator.evaluate(case).outcomes),
        }
    evaluator.close()
    return out


def bench_throughput(quick: bool) -> dict[str, Any]:
    """Distinct generated cases in one process: the engine (trace only, and the full Result)
    against the reference evaluator (trace only, and with the same Result building)."""
    count = 10_000 if quick else 100_000
    evaluator = Evaluator()
    build = result_builder(evaluator)
    rulebook = evaluator.rulebook
    spent = {"evaluate": 0.0, "trace": 0.0, "reference": 0.0, "reference_result": 0.0}
    actions = 0
    for cases in generated(count, seed=1):
        spent["evaluate"] += timed(evaluator.evaluate, cases)
        spent["trace"] += timed(evaluator.trace, cases)
        spent["reference"] += timed(lambda c: evaluate_reference(rulebook, case_data(c)), cases)
        spent["reference_result"] += timed(
            lambda c: build(evaluate_reference(rulebook, case_data(c)), c), cases
        )
        actions += sum(evaluator.trace(c).drawn for c in cases[:200])
    rates = {k: round(count / v) for k, v in spent.items()}
    evaluator.close()
    return {
        "cases": count,
        "cases_per_s": rates,
        "engine_vs_reference": round(rates["evaluate"] / rates["reference_result"], 2),
        "trace_vs_reference": round(rates["trace"] / rates["reference"], 2),
        "actions_per_case": round(actions / (200 * -(-count // CHUNK)), 1),
        "us_per_case": {k: round(v / count * 1e6, 1) for k, v in spent.items()},
    }


def bench_peers(quick: bool) -> dict[str, Any]:
    """lexcase against zen-engine and generated Python on the same cases (benchmarks/peers.py)."""
    try:
        import zen  # noqa: F401
    except ImportError:
        return {"skipped": "zen-engine is not installed: pip install -e '.[bench]'"}
    import peers

    return peers.run(2_000 if quick else 20_000)


def _worker(share: int, seed: int, start: Any, results: Any) -> None:
    evaluator = Evaluator()
    cases = [c for chunk in generated(share, seed) for c in chunk]
    for case in cases[:200]:
        evaluator.evaluate(case)
    gc.collect()
    gc.freeze()  # as a batch worker does once it is set up (lexcase.batch.local.settle)
    start.wait()
    began = time.perf_counter()
    for case in cases:
        evaluator.evaluate(case)
    results.put((began, time.perf_counter(), len(cases)))


def bench_workers(quick: bool) -> dict[str, Any]:
    """Full Results in several processes at once, each with its own Evaluator and its own
    distinct cases, parsed beforehand: cases per second of wall time, all processes together."""
    share = 5_000 if quick else 25_000
    out = {}
    context = multiprocessing.get_context("fork")
    for workers in (1, 2):
        start = context.Barrier(workers + 1)
        results = context.Queue()
        processes = [
            context.Process(target=_worker, args=(share, 100 + w, start, results))
            for w in range(workers)
        ]
        for process in processes:
            process.start()
        start.wait()
        spans = [results.get() for _ in processes]
        for process in processes:
            process.join()
        wall = max(end for _, end, _ in spans) - min(began for began, _, _ in spans)
        out[f"{workers}_process"] = round(sum(n for _, _, n in spans) / wall)
    return {"cases_per_process": share, "cases_per_s": out}


def bench_batch(quick: bool) -> dict[str, Any]:
    """End to end, as a researcher runs a caseload: `lexcase batch cases.jsonl --out ...` as a
    new process (start-up, parsing, evaluating and writing included), and evaluate_many
    returning Result objects to this process."""
    try:
        from lexcase import evaluate_many
    except ImportError:
        return {"skipped": "this lexcase has no batch"}
    count = 4_000 if quick else 20_000
    rng = random.Random(7)
    dicts = [random_case(rng, f"batch-{i}") for i in range(count)]
    out: dict[str, Any] = {"cases": count}
    command = str(Path(sys.executable).parent / "lexcase")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cases.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in dicts))
        for workers in (1, 2):
            started = time.perf_counter()
            arguments = ["batch", str(source), "--out", f"{folder}/out.jsonl"]
            subprocess.run(
                [command, *arguments, "--workers", str(workers)], check=True, capture_output=True
            )
            out[f"batch_cli_{workers}_process_cases_per_s"] = round(
                count / (time.perf_counter() - started)
            )
    gc.collect()
    gc.freeze()  # the input cases stay alive: keep them out of the collector's way
    for workers in (1, 2):
        started = time.perf_counter()
        done = sum(1 for _ in evaluate_many(dicts, workers=workers))
        out[f"evaluate_many_{workers}_process_cases_per_s"] = round(
            done / (time.perf_counter() - started)
        )
    return out


def _worker_rss_mb() -> float:
    return round(rss_mb(), 1)


def heap_in_use() -> dict[str, float | int | None]:
    """What this process holds, beside what the system lends it (its resident memory keeps
    pages an allocator has not given back): the bytes malloc has handed out and not had back
    (glibc's mallinfo2, arenas and mmapped blocks; None elsewhere) and the blocks Python's own
    allocator has handed out (`sys.getallocatedblocks`). Both stay flat when nothing is kept."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_size_t)
            for name in (
                "arena",
                "ordblks",
                "smblks",
                "hblks",
                "hblkhd",
                "usmblks",
                "fsmblks",
                "uordblks",
                "fordblks",
                "keepcost",
            )
        ]

    in_use: float | None = None
    try:
        libc = ctypes.CDLL(None)
        libc.mallinfo2.restype = MallInfo2
        info = libc.mallinfo2()
        in_use = round((info.uordblks + info.hblkhd) / 2**20, 2)
    except (OSError, AttributeError):  # not glibc 2.33 or later
        pass
    return {"malloc_in_use_mb": in_use, "python_blocks": sys.getallocatedblocks()}


def bench_dask(quick: bool) -> dict[str, Any]:
    """`lexcase batch` on a local Dask cluster of 1 and 2 workers (lexcase.batch.distributed),
    from a JSONL file to a results file: cluster start-up apart, the workers warmed up (each
    has compiled the rules) before the clock starts. Compared with --workers 1 in this process."""
    try:
        from lexcase.batch import distributed
    except ImportError:
        return {"skipped": "dask is not installed: pip install -e '.[dask]'"}
    from lexcase.batch.local import run_batch

    count = DASK_CASES or (10_000 if quick else 100_000)
    rng = random.Random(9)
    out: dict[str, Any] = {"cases": count}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cases.jsonl"
        with source.open("w") as f:
            for i in range(count):
                f.write(json.dumps(random_case(rng, f"dask-{i}")) + "\n")
        files: dict[str, bytes] = {}
        for workers in (1, 2):
            started = time.perf_counter()
            with distributed.connect(f"local:{workers}") as client:
                client.run(distributed.warm)  # each worker compiles the rules
                out[f"cluster_start_{workers}_s"] = round(time.perf_counter() - started, 1)
                target = Path(folder) / f"dask{workers}.jsonl"
                started = time.perf_counter()
                with target.open("w") as f:
                    run_batch(source, lambda line, f=f: f.write(line + "\n"), client=client)
                spent = time.perf_counter() - started
                out[f"dask_{workers}_worker_cases_per_s"] = round(count / spent)
                print(
                    f"dask, {workers} worker(s): {count:,} cases in {spent:.0f} s, load "
                    f"{os.getloadavg()[0]:.1f}",
                    file=sys.stderr,
                    flush=True,
                )
                out[f"dask_{workers}_worker_rss_mb"] = sorted(client.run(_worker_rss_mb).values())
                files[f"dask{workers}"] = target.read_bytes()
        started = time.perf_counter()
        target = Path(folder) / "local.jsonl"
        with target.open("w") as f:
            run_batch(source, lambda line: f.write(line + "\n"))
        out["local_1_process_cases_per_s"] = round(count / (time.perf_counter() - started))
        same = files["dask1"] == files["dask2"] == target.read_bytes()
        out["same_file_as_one_process"] = same
    out["scaling_2_vs_1"] = round(
        out["dask_2_worker_cases_per_s"] / out["dask_1_worker_cases_per_s"], 2
    )
    return out


EVALUATIONS: int | None = None  # --evaluations: the memory run's length, when not the default
DASK_CASES: int | None = None  # --dask-cases: the Dask run's cases, when not the default


def _count_outcomes(evaluator: Evaluator, as_of: Any, cases: list[Any]) -> list[int]:
    """A batch's work on a Dask worker that sends back only a number per case."""
    return [len(evaluator.evaluate(case, as_of).outcomes) for case in cases]


def _lost(case: Any, why: str) -> int:
    return -1


def _memory_marks(total: int) -> set[int]:
    """Where the memory runs read the resident memory: 10,000, then every 100,000, and the end."""
    return {m for m in (10_000, *range(100_000, total, 100_000)) if m < total} | {total}


def _progress(where: str, done: int, *mb: float) -> None:
    """A memory run's reading as it goes (stderr): a long run cut short still says something."""
    at = time.strftime("%H:%M:%S")
    print(
        f"memory, {where}: {done:,} evaluations, {' / '.join(map(str, mb))} MB, {at}, "
        f"load {os.getloadavg()[0]:.1f}",
        file=sys.stderr,
        flush=True,
    )


def bench_memory_dask(total: int) -> dict[str, Any]:
    """A Dask worker's resident memory while it evaluates `total` cases sent in chunks."""
    try:
        from lexcase.batch import distributed
    except ImportError:
        return {"skipped": "dask is not installed"}
    rng = random.Random(5)
    dicts = [random_case(rng, f"memory-{i}") for i in range(2_000)]

    def cases(count: int) -> Iterator[dict[str, Any]]:
        for i in range(count):
            yield dicts[i % len(dicts)]

    seen: dict[str, float] = {}
    held: dict[str, dict[str, float | int | None]] = {}  # the worker's heap_in_use()
    driving: dict[str, float] = {}  # this process: the client and, for local:1, the scheduler
    with distributed.connect("local:1") as client:
        client.run(distributed.warm)
        seen["start_mb"] = next(iter(client.run(_worker_rss_mb).values()))
        driving["start_mb"] = round(rss_mb(), 1)
        marks = _memory_marks(total)
        # One run over every case, as one `lexcase batch --dask` is, read at the marks as its
        # answers come in (the chunks still in flight then are bounded: AHEAD a worker). A run
        # per mark would also count what Dask keeps per run (a span, a task group).
        run = distributed.run_on_cluster(
            client, _count_outcomes, cases(total), rules=None, as_of=None, lost=_lost
        )
        for done, _ in enumerate(run, start=1):
            if done not in marks:
                continue
            client.run(gc.collect)
            gc.collect()
            seen[f"after_{done}_mb"] = next(iter(client.run(_worker_rss_mb).values()))
            held[f"after_{done}"] = next(iter(client.run(heap_in_use).values()))
            driving[f"after_{done}_mb"] = round(rss_mb(), 1)
            _progress("dask worker", done, seen[f"after_{done}_mb"], driving[f"after_{done}_mb"])
            print(f"  worker holds {held[f'after_{done}']}", file=sys.stderr, flush=True)
    return {
        "evaluations": total,
        "rss": seen,
        "growth_after_10k_mb": round(seen[f"after_{total}_mb"] - seen["after_10000_mb"], 1),
        "held": held,
        "driving_process_rss": driving,
        "driving_growth_after_10k_mb": round(
            driving[f"after_{total}_mb"] - driving["after_10000_mb"], 1
        ),
    }


def bench_memory(quick: bool) -> dict[str, Any]:
    """Resident memory while one Evaluator evaluates 2,000 distinct cases over and over, in this
    process and in a Dask worker."""
    total = EVALUATIONS or (100_000 if quick else 1_000_000)
    evaluator = Evaluator()
    cases = next(generated(2_000, seed=5))
    marks = _memory_marks(total)
    seen: dict[str, float] = {"start_mb": round(rss_mb(), 1)}
    done = 0
    started = time.perf_counter()
    while done < total:
        for case in cases:
            evaluator.evaluate(case)
            done += 1
            if done in marks:
                gc.collect()
                seen[f"after_{done}_mb"] = round(rss_mb(), 1)
                _progress("one process", done, seen[f"after_{done}_mb"])
    evaluator.close()
    return {
        "evaluations": total,
        "rss": seen,
        "growth_after_10k_mb": round(seen[f"after_{total}_mb"] - seen["after_10000_mb"], 1),
        "peak_mb": round(peak_mb(), 1),
        "seconds": round(time.perf_counter() - started, 1),
        "dask_worker": bench_memory_dask(total),
    }


def bench_cold(quick: bool) -> dict[str, Any]:
    """`lexcase evaluate seeds/zhilin.yaml` as a new process, start to finish: the median of 21
    runs, with bytecode written as an installed lexcase has it (PYTHONDONTWRITEBYTECODE, where
    the shell sets it, would have every run compile lexcase's modules from source)."""
    command = cold_command()
    runs = 5 if quick else 21
    out: dict[str, Any] = {}
    variants = {"warm_cache": None, "no_cache": "1"}
    for name, no_cache in variants.items():
        env = cold_environment()
        if no_cache:
            env["LEXCASE_NO_CACHE"] = no_cache
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)  # warm up
        times = []
        before = load()
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)
            times.append(time.perf_counter() - started)
        out[name] = {
            "median_s": round(statistics.median(times), 3),
            "min_s": round(min(times), 3),
            "max_s": round(max(times), 3),
            "runs": runs,
            "load_before_after": [before[0], load()[0]],
        }
    return out


def bench_input(quick: bool) -> dict[str, Any]:
    """Reading documents at the input limits, each in a fresh process (ruamel's comment scanner
    was quadratic on the first long comment of a process): seconds to parse, by shape and
    size. Linear reading shows as a time that doubles with the size."""
    from lexcase.reading import MAX_LINE_BYTES

    seed = (ROOT / "seeds" / "zhilin.yaml").read_text()
    line = MAX_LINE_BYTES - 10
    shapes = {
        "comment": lambda n: "# " + "a" * min(n, line) + "\n" + seed,
        "comment_lines": lambda n: ("# " + "a" * line + "\n") * (n // line) + seed,
        "quoted_text": lambda n: (
            seed + "".join(f"zz{i}: '" + "a" * line + "'\n" for i in range(max(1, n // line)))
        ),
    }
    sizes = [25_000, 50_000] if quick else [50_000, 100_000, 400_000, 900_000]
    script = (
        "import sys, time; sys.path.insert(0, 'engine'); "
        "from lexcase.source import parse_document; "
        "raw = sys.stdin.buffer.read(); started = time.perf_counter(); "
        "parse_document(raw, 'bench', ValueError); print(time.perf_counter() - started)"
    )
    out: dict[str, Any] = {}
    for name, make in shapes.items():
        for size in sizes:
            text = make(size).encode()
            key = f"parse {name} {len(text) // 1000} KB s"
            if len(text) > 1_000_000 or key in out:
                continue
            run = subprocess.run(
                [sys.executable, "-c", script],
                input=text,
                capture_output=True,
                check=True,
                cwd=ROOT,
            )
            out[key] = round(float(run.stdout), 3)
    return out


def cold_command() -> list[str]:
    return [str(Path(sys.executable).parent / "lexcase"), "evaluate", "seeds/zhilin.yaml"]


def cold_environment() -> dict[str, str]:
    """The environment of the cold runs: bytecode written, as an installed lexcase has it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def callgrind_instructions(command: list[str], env: dict[str, str] | None = None) -> int:
    """The instructions `command` runs under valgrind --tool=callgrind, start to end."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
    refs = [line for line in run.stderr.splitlines() if "refs:" in line]
    return int(refs[-1].split()[-1].replace(",", ""))


def bench_callgrind() -> dict[str, Any]:
    """Instructions per case (valgrind --tool=callgrind): repeatable, whatever the load; and
    the instructions of the cold section's command as a whole process (warm rule cache)."""
    script = (
        "import sys, random; sys.path.insert(0, 'tests')\n"
        "from casegen import random_case\n"
        "from lexcase.evaluation.evaluator import Evaluator, to_case\n"
        "rng = random.Random(3); ev = Evaluator()\n"
        "cases = [to_case(random_case(rng, f'c{i}')) for i in range(int(sys.argv[2]))]\n"
        "f = ev.trace if sys.argv[1] == 'trace' else ev.evaluate\n"
        "for c in cases: f(c)\n"
    )
    counts: dict[str, Any] = {}
    for mode in ("trace", "evaluate"):
        totals = [
            callgrind_instructions([sys.executable, "-c", script, mode, str(n)]) for n in (100, 400)
        ]
        # Subtract the run with fewer cases: start-up and case generation cancel out, mostly.
        counts[f"{mode}_instructions_per_case"] = (totals[1] - totals[0]) // 300
    env = cold_environment()
    subprocess.run(cold_command(), cwd=ROOT, env=env, capture_output=True, check=True)  # warm up
    counts["cli_cold_start_instructions"] = callgrind_instructions(
        [sys.executable, *cold_command()], env
    )
    counts["note"] = "includes generating and parsing each case (about 0.4 M instructions)"
    return counts


# --- the report ------------------------------------------------------------------------------


def table(results: dict[str, Any]) -> str:
    rows: list[tuple[str, str]] = []

    def add(name: str, value: Any) -> None:
        rows.append((name, str(value)))

    m = results["machine"]
    add("machine", f"{m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['commit']}")
    if "load" in results:
        r = results["load"]
        add(
            "rules / compiled rules / stages",
            f"{r['rules']} / {r['compiled_rules']} / {r['stages']}",
        )
        add(
            "rule packs: load / compile / register",
            f"{r['load_ms']} / {r['compile_ms']} / {r['register_ms']} ms",
        )
    for seed, r in results.get("latency", {}).items():
        add(f"latency {seed} (median / p99)", f"{r['median_us']} / {r['p99_us']} us")
    if "throughput" in results:
        r = results["throughput"]
        rates = r["cases_per_s"]
        add(f"1 process, {r['cases']:,} cases: full Result", f"{rates['evaluate']:,} cases/s")
        add("1 process: trace only", f"{rates['trace']:,} cases/s")
        add(
            "reference: trace only / with Result",
            f"{rates['reference']:,} / {rates['reference_result']:,} cases/s",
        )
        add(
            "engine / reference (Result; trace)",
            f"{r['engine_vs_reference']}; {r['trace_vs_reference']}",
        )
        add("verdicts drawn by durable_rules' actions per case", r["actions_per_case"])
    if "peers" in results and "skipped" not in results["peers"]:
        import peers

        for name, value in peers.rows(results["peers"]):
            add(f"peers: {name}", value)
    if "workers" in results:
        for key, rate in results["workers"]["cases_per_s"].items():
            add(f"full Result, {key.replace('_', ' ')} (parsed cases)", f"{rate:,} cases/s")
    for key, value in results.get("batch", {}).items():
        if key != "cases":
            add(key.replace("_", " "), value)
    for key, value in results.get("dask", {}).items():
        add(f"dask: {key.replace('_', ' ')}", value)
    if "memory" in results:
        r = results["memory"]
        last = r["rss"][f"after_{r['evaluations']}_mb"]
        add(
            f"RSS after 10k / after {r['evaluations']:,} evaluations",
            f"{r['rss']['after_10000_mb']} / {last} MB",
        )
        add("peak RSS", f"{r['peak_mb']} MB")
        w = r.get("dask_worker", {})
        if "rss" in w:
            last = w["rss"][f"after_{w['evaluations']}_mb"]
            add(
                f"Dask worker RSS after 10k / after {w['evaluations']:,} evaluations",
                f"{w['rss']['after_10000_mb']} / {last} MB",
            )
    for name, r in results.get("cold", {}).items():
        add(f"CLI cold start, {name.replace('_', ' ')} (median)", f"{r['median_s']} s")
    for name, value in results.get("input", {}).items():
        add(name, value)
    for name, value in results.get("callgrind", {}).items():
        if name != "note":
            add(name.replace("_", " "), f"{value:,}")
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the work")
    parser.add_argument("--only", help="comma-separated sections: " + ",".join(SECTIONS))
    parser.add_argument("--callgrind", action="store_true", help="add instruction counts")
    parser.add_argument("--out", type=Path, help="the JSON file to write")
    parser.add_argument("--evaluations", type=int, help="the memory run's length (1,000,000)")
    parser.add_argument("--dask-cases", type=int, help="the Dask run's cases (100,000)")
    parser.add_argument("--section", choices=SECTIONS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global EVALUATIONS, DASK_CASES
    EVALUATIONS, DASK_CASES = args.evaluations, args.dask_cases
    os.chdir(ROOT)
    chosen = args.only.split(",") if args.only else SECTIONS
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick, "load_average": {}}
    runners: dict[str, Callable[[bool], dict[str, Any]]] = {
        "load": bench_load,
        "latency": bench_latency,
        "throughput": bench_throughput,
        "peers": bench_peers,
        "workers": bench_workers,
        "batch": bench_batch,
        "dask": bench_dask,
        "memory": bench_memory,
        "cold": bench_cold,
        "input": bench_input,
    }
    if args.section:
        # One section, in this fresh process: its memory and collector state are its own.
        print(json.dumps(runners[args.section](args.quick)))
        return
    for name in chosen:
        before = load()
        print(f"{name}...", file=sys.stderr, flush=True)
        command = [sys.executable, __file__, "--section", name, *(["--quick"] * args.quick)]
        if args.evaluations:
            command += ["--evaluations", str(args.evaluations)]
        if args.dask_cases:
            command += ["--dask-cases", str(args.dask_cases)]
        # stdout carries the section's JSON; its stderr (progress) goes to the terminal
        run = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
        results[name] = json.loads(run.stdout)
        results["load_average"][name] = {"before": before, "after": load()}
    if args.callgrind:
        results["callgrind"] = bench_callgrind()
    print(table(results))
    folder = ROOT / "benchmarks" / "results"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = json.dumps(results, indent=2) + "\n"
    for path in [args.out or folder / f"{stamp}.json", folder / "latest.json"]:
        path.write_text(text)
    print(f"written: {args.out or folder / f'{stamp}.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
