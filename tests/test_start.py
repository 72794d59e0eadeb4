"""The `lexcase` command's entry point (`lexcase.interfaces.start`): the command runs as before,
with the garbage collector on again once the command line is imported, pydantic's plugin loader
imported without `importlib.metadata`, and the process ended at once when the command is done."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import pytest

from lexcase.interfaces import start

ROOT = Path(__file__).resolve().parent.parent
LEAVE = start.leave  # the real one: the fixture below stands in for it in every test


@pytest.fixture(autouse=True)
def _environment_restored(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What a command sets in the environment (pydantic's plugin switch) ends with the test, and
    a command run here raises SystemExit instead of ending the test process (`leave`; tested
    in a process of its own below)."""
    monkeypatch.setattr(start, "leave", lambda code: None)
    with patch.dict(os.environ):
        yield


def _command(*args: str, before: str = "") -> subprocess.CompletedProcess[str]:
    """`lexcase ARGS` in a process of its own, started as the installed command starts, with
    the Python code `before` run first (in the environment the tests run in)."""
    script = (
        f"import sys\n{before}\nsys.argv = ['lexcase', *{list(args)!r}]\n"
        "from lexcase.interfaces.start import main\nmain()\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != start.PLUGINS_SWITCH}
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        check=False,
    )


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


def test_pydantic_is_told_there_are_no_plugins_only_where_none_can_be_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The search `importlib.metadata` would make for pydantic's entry points finds nothing
    wherever the scan says no plugin is possible; a distribution declaring one, a zipped path or
    an egg is left to pydantic's own search."""
    import importlib
    from importlib.machinery import PathFinder
    from importlib.metadata import entry_points

    site = tmp_path / "site"
    (site / "plain-1.0.dist-info").mkdir(parents=True)
    (site / "plain-1.0.dist-info" / "entry_points.txt").write_text("[console_scripts]\nx = y:z\n")
    (site / "bare-1.0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    # Another library's distribution finder (importlib_metadata's, once some test imported it:
    # it also takes the standard finder's place) lists distributions of its own: the scan then
    # leaves the search to pydantic. The scan is checked here without it; `entry_points`, with.
    searching = list(sys.meta_path)
    foreign = [
        f
        for f in searching
        if getattr(f, "find_distributions", None) is not None and f is not PathFinder
    ]
    assert start.pydantic_plugins_possible() == bool(foreign)

    def possible() -> bool:
        with monkeypatch.context() as patched:
            patched.setattr(sys, "meta_path", [f for f in searching if f not in foreign])
            return start.pydantic_plugins_possible()

    assert not possible()
    importlib.invalidate_caches()  # importlib.metadata caches folder listings by their mtime
    assert list(entry_points(group="pydantic")) == []

    plugin = site / "Plugin-1.0.dist-info"
    plugin.mkdir()
    (plugin / "entry_points.txt").write_text("[pydantic]\nspy = spy_module:plugin\n")
    importlib.invalidate_caches()
    assert [e.name for e in entry_points(group="pydantic")] == ["spy"]
    assert possible()

    plugin.rename(site / "Plugin-1.0.egg-info")  # the older form: searched too
    assert possible()
    (site / "Plugin-1.0.egg-info" / "entry_points.txt").unlink()
    assert not possible()

    class Listing:
        def find_spec(self, *_: object) -> None:
            return None

        def find_distributions(self, *_: object) -> list[object]:
            return []

    searching.insert(0, Listing())
    assert possible()
    searching.pop(0)

    zipped = tmp_path / "more.zip"
    zipped.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys, "path", [*sys.path, str(zipped)])
    assert possible()


def test_the_command_keeps_the_users_own_plugin_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    monkeypatch.setenv(start.PLUGINS_SWITCH, "logfire")
    monkeypatch.setattr(sys, "argv", ["lexcase", "schema", "case"])
    try:
        with pytest.raises(SystemExit):
            start.main()
        assert os.environ[start.PLUGINS_SWITCH] == "logfire"
        monkeypatch.delenv(start.PLUGINS_SWITCH)
        monkeypatch.setattr(start, "pydantic_plugins_possible", lambda: True)
        with pytest.raises(SystemExit):
            start.main()
        assert start.PLUGINS_SWITCH not in os.environ
    finally:
        gc.unfreeze()
    capsys.readouterr()


def test_a_run_builds_only_the_command_it_names() -> None:
    """A command named first is the only one typer builds; options first, a group, a mistyped
    name, no arguments and shell completion get the whole app (click lists or corrects the
    commands there)."""
    import typer.main

    from lexcase.interfaces.cli import app, app_for

    lean = typer.main.get_command(app_for(["what-if", "case.yaml"]))
    assert list(lean.commands) == ["what-if"]  # type: ignore[attr-defined]
    assert [p.name for p in lean.params] == [p.name for p in typer.main.get_command(app).params]
    for args in (["--lang", "ru", "evaluate"], ["rules", "list"], ["evaluat"], [], ["--help"]):
        assert app_for(args) is app
    everything = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert {"evaluate", "what-if", "rules", "batch"} <= set(everything)
    assert all(
        list(typer.main.get_command(app_for([n])).commands) == [n]  # type: ignore[attr-defined]
        for n in everything
        if n != "rules"
    )


def test_completion_gets_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from lexcase.interfaces.cli import app, app_for

    monkeypatch.setenv("_LEXCASE_COMPLETE", "bash_complete")
    assert app_for(["evaluate"]) is app


def test_the_command_ends_with_its_output_its_code_and_the_exit_functions_run() -> None:
    """Ended at once, the process still writes everything, runs what was registered to run at
    exit (after the output, as at any exit) and exits with the command's code."""
    at_exit = "import atexit\natexit.register(lambda: print('exit function ran'))"
    done = _command("evaluate", "seeds/zhilin.yaml", before=at_exit)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("zhilin as of 2022-12-12\n")
    assert "law applied:" in done.stdout
    assert done.stdout.endswith("\nexit function ran\n")
    broken = _command("evaluate", "seeds/no-such-case.yaml", before=at_exit)
    assert broken.returncode == 2
    assert broken.stderr.startswith("error: seeds/no-such-case.yaml: no such file")
    assert broken.stdout == "exit function ran\n"


def test_the_process_is_left_to_python_while_anything_else_may_run() -> None:
    """Another thread alive, or an exit that is not a plain code: `leave` returns, and Python
    ends the process as always (waiting for the thread)."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    returned = []
    try:
        LEAVE(0)  # had it ended the process, this test run would have ended here
        returned.append(0)
    finally:
        release.set()
        other.join()
    LEAVE("a message")
    returned.append(1)
    assert returned == [0, 1]


def test_pydantic_s_plugin_loader_is_imported_without_importlib_metadata() -> None:
    """Where the command tells pydantic there are no plugins, `importlib.metadata` is not
    imported for its loader; its `entry_points` still answers what the real one does."""
    report = (
        "import atexit\n"
        "def report():\n"
        "    print('metadata imported:', 'importlib.metadata' in sys.modules)\n"
        "    from pydantic.plugin import _loader\n"
        "    from importlib.metadata import entry_points\n"
        "    print('same:', list(_loader.entry_points(group='console_scripts'))\n"
        "          == list(entry_points(group='console_scripts')))\n"
        "atexit.register(report)"
    )
    done = _command("evaluate", "seeds/zhilin.yaml", "--json", before=report)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.split("\nmetadata imported:")[0])["case_id"] == "zhilin"
    assert done.stdout.endswith("metadata imported: False\nsame: True\n")
    plugins = _command(
        "schema", "case", before=f"import os\nos.environ[{start.PLUGINS_SWITCH!r}] = 'x'\n{report}"
    )
    assert plugins.returncode == 0, plugins.stderr
    assert plugins.stdout.endswith("metadata imported: True\nsame: True\n")
