"""lexcase against its peers on the same work: the shipped rules, the same distinct generated cases.

    .venv/bin/python benchmarks/peers.py [--cases 20000]      # or: make bench (section peers)

Contenders, each handed the same parsed case (already as of its date):

* `floor`: the rules as generated straight-line Python (`peer_compilers.floor`): verdicts only,
  no engine, no explanation; the fastest plain Python can decide these rules;
* `zen`: the rules as a GoRules zen-engine decision graph (`peer_compilers.zen_graph`), verdicts
  only; zen-engine is the bench-only extra `lexcase[bench]`;
* `lexcase trace`: what durable_rules decides (`Evaluator.trace`): the same verdicts;
* `lexcase Result`: the full Result (`Evaluator.evaluate`): verdicts with reasons, sources,
  deadlines and what an undecided rule needs;
* `lexcase line`: the full Result written as a `lexcase batch` line writes it (`result_json`,
  the same bytes as `model_dump_json(exclude_none=True)`).

Before any time counts, every contender runs on every case and the verdicts must be equal (and the
full Result equal, byte for byte as JSON, to the Result built from the floor's verdicts, and its
batch line to pydantic's JSON of it); a difference stops the run. Then the contenders run
interleaved, chunk by chunk, in an order that turns round each chunk, so that a change in the
machine's load falls on all of them alike. The load average is recorded before and after: the
machine is shared, so read the ratios.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from casegen import random_case  # noqa: E402
from lexcase.batch.output import result_json  # noqa: E402
from lexcase.evaluation.evaluator import Evaluator, to_case  # noqa: E402
from lexcase.inference.runner import Trace  # noqa: E402
from lexcase.model.case import Case  # noqa: E402
from lexcase.model.facts import ValueKind, as_of, case_data, fact_path  # noqa: E402
from peer_compilers import (  # noqa: E402
    Verdicts,
    floor,
    ordered,
    verdicts_from,
    zen_graph,
    zen_statuses,
)

CHUNK = 500  # cases per turn of the contenders


def _trace_verdicts(trace: Any) -> Verdicts:
    return frozenset(trace.holds), frozenset(trace.defeated), frozenset(trace.open)


class Peers:
    """The five contenders over one rulebook."""

    def __init__(self) -> None:
        import zen  # the bench-only extra: pip install -e '.[bench]'

        self.evaluator = Evaluator()
        self.rulebook = self.evaluator.rulebook
        self.floor = floor(self.rulebook)
        paths = {p for r in self.rulebook.rules for p in r.fact_paths}
        dates = frozenset(p for p in paths if fact_path(p).kind is ValueKind.DATE)
        graph = json.dumps(zen_graph(self.rulebook, dates))
        self.zen = zen.ZenEngine().create_decision(graph)
        self.ids = [r.id for r in ordered(self.rulebook)]
        self.contenders: dict[str, Callable[[Case], Any]] = {
            "floor": lambda case: self.floor(case_data(case)),
            "zen": lambda case: self.zen.evaluate(case_data(case)),
            "lexcase_trace": self.evaluator.trace,
            "lexcase_result": self.evaluator.evaluate,
            "lexcase_line": lambda case: result_json(self.evaluator.evaluate(case)),
        }

    def check(self, case: Case) -> None:
        """Every contender's verdicts on `case` are the same, and so is the Result."""
        status = self.floor(case_data(case))
        expected = verdicts_from(self.rulebook, status)
        zen_status = zen_statuses(self.rulebook, self.zen.evaluate(case_data(case))["result"])
        got = {
            "zen": verdicts_from(self.rulebook, zen_status),
            "lexcase_trace": _trace_verdicts(self.evaluator.trace(case)),
        }
        for name, verdicts in got.items():
            if verdicts != expected:
                raise SystemExit(
                    f"{name} differs from the floor on {case.case_id}: {verdicts} != {expected}"
                )
        trace = Trace(set(expected[0]), set(expected[1]), set(expected[2]))
        data = case_data(case)
        built = self.evaluator._results.build(trace, case.case_id, case.as_of, data)
        result = self.evaluator.evaluate(case)
        if built.model_dump_json() != result.model_dump_json():
            raise SystemExit(f"the Result of {case.case_id} differs from the floor's verdicts'")
        if result_json(result) != result.model_dump_json(exclude_none=True):
            raise SystemExit(f"the batch line of {case.case_id} is not pydantic's JSON")


def cases(count: int, seed: int) -> Iterator[list[Case]]:
    """`count` distinct generated cases as of their own date, `CHUNK` at a time, out of the
    collector's sight while they are timed (as in bench.generated)."""
    rng = random.Random(seed)
    for start in range(0, count, CHUNK):
        chunk = [
            as_of(to_case(random_case(rng, f"peer-{seed}-{i}")), None)
            for i in range(start, min(start + CHUNK, count))
        ]
        gc.collect()
        gc.freeze()
        yield chunk
        gc.unfreeze()


def run(count: int, seed: int = 11) -> dict[str, Any]:
    peers = Peers()
    names = list(peers.contenders)
    before = [round(x, 2) for x in os.getloadavg()]
    checked = 0
    for chunk in cases(count, seed):
        for case in chunk:
            peers.check(case)
            checked += 1
    spent = dict.fromkeys(names, 0.0)
    for turn, chunk in enumerate(cases(count, seed)):
        for name in names[turn % len(names) :] + names[: turn % len(names)]:
            fn = peers.contenders[name]
            started = time.perf_counter()
            for case in chunk:
                fn(case)
            spent[name] += time.perf_counter() - started
    after = [round(x, 2) for x in os.getloadavg()]
    peers.evaluator.close()
    rate = {name: round(count / seconds) for name, seconds in spent.items()}
    return {
        "cases": count,
        "checked_equal": checked,
        "rules": len(peers.ids),
        "cases_per_s": rate,
        "us_per_case": {name: round(s / count * 1e6, 1) for name, s in spent.items()},
        "result_vs_zen": round(rate["lexcase_result"] / rate["zen"], 2),
        "line_vs_zen": round(rate["lexcase_line"] / rate["zen"], 2),
        "trace_vs_zen": round(rate["lexcase_trace"] / rate["zen"], 2),
        "floor_vs_result": round(rate["floor"] / rate["lexcase_result"], 2),
        "floor_vs_trace": round(rate["floor"] / rate["lexcase_trace"], 2),
        "floor_vs_zen": round(rate["floor"] / rate["zen"], 2),
        "load_average": {"before": before, "after": after, "cores": os.cpu_count()},
    }


def rows(r: dict[str, Any]) -> list[tuple[str, str]]:
    out = [
        (f"{name.replace('_', ' ')}", f"{rate:,} cases/s ({r['us_per_case'][name]} us)")
        for name, rate in r["cases_per_s"].items()
    ]
    out += [
        ("lexcase Result / zen (target >= 3)", str(r["result_vs_zen"])),
        ("lexcase trace / zen (target >= 5)", str(r["trace_vs_zen"])),
        ("lexcase batch line / zen", str(r["line_vs_zen"])),
        (
            "floor / lexcase Result; trace; zen",
            f"{r['floor_vs_result']}; {r['floor_vs_trace']}; {r['floor_vs_zen']}",
        ),
        ("cases, all checked equal", f"{r['cases']:,} ({r['checked_equal']:,} checked)"),
        (
            "load average before / after",
            f"{r['load_average']['before']} / "
            f"{r['load_average']['after']} on {r['load_average']['cores']} cores",
        ),
    ]
    return out


def table(r: dict[str, Any]) -> str:
    width = max(len(name) for name, _ in rows(r))
    return "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows(r))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = run(args.cases)
    print(json.dumps(figures) if args.json else table(figures))


if __name__ == "__main__":
    main()
