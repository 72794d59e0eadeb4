"""An unsupported Python gets a clear message, from make and from `import lexcase`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_make_refuses_an_unsupported_python_with_a_message(tmp_path: Path) -> None:
    fake = tmp_path / "python3.13"
    fake.write_text("#!/bin/sh\nexit 1\n")  # answers "no" to the version check, as 3.13 would
    fake.chmod(0o755)
    done = subprocess.run(
        ["make", "-C", str(ROOT), "setup", f"PYTHON={fake}", f"VENV={tmp_path / 'venv'}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "lexcase needs Python 3.11 or 3.12" in done.stderr
    assert "is not one of them" in done.stderr
    assert not (tmp_path / "venv").exists()


def test_importing_lexcase_on_python_3_13_says_why_it_cannot() -> None:
    code = (
        "import sys; sys.version_info = (3, 13, 0, 'final', 0); "
        "sys.version = '3.13.0 (pretend)'\n"
        "try:\n    import lexcase\nexcept ImportError as e:\n    print(e)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert "lexcase needs Python 3.11 or 3.12; this is 3.13.0" in done.stdout
    assert "durable_rules 2.0.28" in done.stdout
