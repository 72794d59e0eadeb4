"""Write a generated caseload of crossings from Russia into Kazakhstan as JSONL, for
`lexcase impact` (docs/impact.md). Seeded: the same arguments give the same file.

    python docs/examples/crossings.py 10000 > crossings.jsonl

The cases are invented, not drawn from any statistics: crossing dates spread evenly from the
mobilisation (21 September 2022) to June 2026, about a third outside a checkpoint, a mix of
military statuses, some asylum claims; each case is seen 1 to 60 days after the crossing.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys

START, END = dt.date(2022, 9, 21), dt.date(2026, 6, 30)
STATUSES = ["civilian", "reservist", "conscript", "contract", "officer", "mobilised"]


def case(index: int, rng: random.Random) -> dict[str, object]:
    crossed = START + dt.timedelta(days=rng.randrange((END - START).days + 1))
    seen = crossed + dt.timedelta(days=rng.randint(1, 60))
    outside = rng.random() < 0.35
    data: dict[str, object] = {
        "case_id": f"crossing-{index:05d}",
        "as_of": seen.isoformat(),
        "home_state": "RU",
        "host_state": "KZ",
        "person": {"nationalities": ["RU"], "prior_convictions": 0},
        "military": {"state": "RU", "status": rng.choice(STATUSES)},
        "crossing": {
            "from": "RU",
            "into": "KZ",
            "date": crossed.isoformat(),
            "at_checkpoint": not outside,
            "documents": "none" if outside else "internal_passport",
        },
    }
    if rng.random() < 0.3:
        applied = crossed + dt.timedelta(days=rng.randint(0, min(10, (seen - crossed).days)))
        data["asylum"] = {"applied_on": applied.isoformat()}
    return data


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(392)
    for index in range(count):
        sys.stdout.write(json.dumps(case(index, rng)) + "\n")


if __name__ == "__main__":
    main()
