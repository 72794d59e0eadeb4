"""durable_rules' C core, as lexcase builds it, does not read memory it does not own.

durable_rules 2.0.28 read past a frame's slots when clearing facts (vendor/wheels/README.md). With
the shipped rulebook, a case that records only its id and date, evaluated in a fresh process
whose memory was laid out by importing pytest first, crashed with a segmentation fault every time
on the unpatched build; the build lexcase pins must evaluate it.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import pytest  # lays the process's memory out the way that made the unpatched build crash
import lexcase
result = lexcase.evaluate({"case_id": "bare", "as_of": "2022-09-27"})
print("evaluated", len(result.undecided) > 0)
"""


def test_a_bare_case_in_a_fresh_process_is_evaluated_not_crashed() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-500:]}"
    assert done.stdout.strip() == "evaluated True"
