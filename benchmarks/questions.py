"""The cost of the questions lexcase answers beyond one evaluation: the counterfactual search on
every seed, the interview's ranking, and the throughput of an impact run. Not a test: it prints
figures (and writes benchmarks/results/questions.json); no figure is asserted anywhere.

    .venv/bin/python benchmarks/questions.py [--cases 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "examples"))

from crossings import case as crossing_case  # noqa: E402

from lexcase.analysis.counterfactual import Direction, Goal, counterfactual  # noqa: E402
from lexcase.analysis.impact import impact  # noqa: E402
from lexcase.analysis.interview import interview  # noqa: E402
from lexcase.law.overlay import RuleChoice  # noqa: E402
from lexcase.model.case import Case, parse_case  # noqa: E402
from lexcase.model.rules import OutcomeKind  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.yaml"))
EXAMPLES = ROOT / "docs" / "examples"


def searches() -> list[dict[str, object]]:
    """Every seed, as of its own date and as of 27 September 2022, for every outcome kind, to
    avoid and to reach: the evaluations each search needed and its wall time."""
    rows = []
    for seed in SEEDS:
        for as_of in (None, dt.date(2022, 9, 27)):
            for direction in Direction:
                for kind in OutcomeKind:
                    answer = counterfactual(
                        seed, [Goal(direction=direction, kind=kind)], as_of=as_of
                    )
                    rows.append(
                        {
                            "seed": seed.stem,
                            "as_of": str(answer.as_of),
                            "goal": f"{direction.value} {kind.value}",
                            "status": answer.status.value,
                            "answers": len(answer.answers),
                            "evaluations": answer.cost.evaluations,
                            "seconds": answer.cost.seconds,
                        }
                    )
    return rows


def interviews() -> list[dict[str, object]]:
    rows = []
    for seed in SEEDS:
        started = time.perf_counter()
        asked = interview(seed)
        rows.append(
            {
                "seed": seed.stem,
                "questions": len(asked.questions),
                "not_asked": len(asked.not_asked),
                "evaluations": asked.evaluations,
                "seconds": round(time.perf_counter() - started, 3),
            }
        )
    return rows


class _Line:
    def __init__(self, number: int, data: dict[str, object]) -> None:
        self.label, self._data = f"crossings:{number}", data

    def read(self) -> Case:
        return parse_case(self._data)


def impact_run(count: int) -> dict[str, object]:
    rng = random.Random(392)
    cases = [_Line(i, crossing_case(i, rng)) for i in range(count)]
    started = time.perf_counter()
    report = impact(
        cases,
        reform=RuleChoice(None, (EXAMPLES / "kz-392-unamended", EXAMPLES / "kz-392-2025")),
        base=RuleChoice(None, (EXAMPLES / "kz-392-unamended",)),
    )
    seconds = time.perf_counter() - started
    return {
        "cases": report.cases,
        "affected": report.affected,
        "seconds": round(seconds, 2),
        "cases_per_second": round(report.cases / seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    search = searches()
    evaluations = [int(r["evaluations"]) for r in search]  # type: ignore[call-overload]
    seconds = [float(r["seconds"]) for r in search]  # type: ignore[arg-type]
    print(f"counterfactual: {len(search)} searches on {len(SEEDS)} seeds")
    print(
        f"  evaluations per search: median {statistics.median(evaluations):.0f}, "
        f"max {max(evaluations)}; seconds: median {statistics.median(seconds):.3f}, "
        f"max {max(seconds):.3f}; total {sum(seconds):.2f}"
    )
    for row in sorted(search, key=lambda r: -int(r["evaluations"]))[:5]:  # type: ignore[call-overload]
        print(f"  {row}")
    asked = interviews()
    for row in asked:
        print(f"interview: {row}")
    run = impact_run(args.cases)
    print(f"impact: {run}")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "questions.json").write_text(
        json.dumps({"counterfactual": search, "interview": asked, "impact": run}, indent=2)
    )


if __name__ == "__main__":
    main()
