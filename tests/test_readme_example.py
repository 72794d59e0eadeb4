"""The README's Python example runs as written, from the repository's root: a reader copies it."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_the_readmes_python_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S)
    assert block, "the README has a Python example"
    done = subprocess.run(
        [sys.executable, "-c", block.group(1)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    # What the example's comments promise: the prosecution is among the outcomes, and vanishes
    # with a crossing at a checkpoint.
    assert "prosecution Kazakhstan prosecutes him" in done.stdout
    assert "'vanishes'>, 'kz.cc.392.1')" in done.stdout
