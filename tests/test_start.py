"""The `lexcase` command's entry point (`lexcase.interfaces.start`): the command runs as before,
with the garbage collector on again once the command line is imported."""

from __future__ import annotations

import gc
import json
import sys
import tomllib
from pathlib import Path

import pytest

from lexcase.interfaces import start

ROOT = Path(__file__).resolve().parent.parent


def test_the_command_runs_with_the_collector_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["lexcase", "schema", "case"])
    try:
        with pytest.raises(SystemExit) as ended:
            start.main()
        assert ended.value.code == 0
        assert gc.isenabled()
        assert json.loads(capsys.readouterr().out)["title"] == "lexcase case file"
    finally:
        gc.unfreeze()  # what the command set aside is this test process's own


def test_the_installed_command_and_python_m_lexcase_start_there() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["lexcase"] == "lexcase.interfaces.start:main"
    main_module = (ROOT / "engine" / "lexcase" / "__main__.py").read_text()
    assert "from lexcase.interfaces.start import main" in main_module
