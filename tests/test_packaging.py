"""A plain, non-editable install carries the rule packs and evaluates a case from any folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from conftest import ROOT, SEEDS


def test_the_wheel_ships_the_rules_and_evaluates_from_any_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = wheels.glob("lexcase-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "lexcase/rules/kz/criminal-code.yaml" in names
    assert "lexcase/rules/rulebook.yaml" in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import json, lexcase; r = lexcase.evaluate({!r}); "
        "print(json.dumps([lexcase.load_rulebook().root, len(r.outcomes)]))"
    ).format(str(SEEDS / "zhilin.yaml"))
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    root, outcomes = json.loads(done.stdout)
    assert str(target) in str(Path(root).resolve()) or root.startswith(str(target))
    assert outcomes > 10


def test_the_vendored_durable_rules_wheels_are_the_pinned_version() -> None:
    # `make` installs durable_rules from vendor/wheels where it can (no C compiler needed).
    pinned = re.search(
        r'"durable-rules==([0-9.]+\+lexcase\.[0-9]+)"', (ROOT / "pyproject.toml").read_text()
    )
    assert pinned is not None
    wheels = sorted((ROOT / "vendor" / "wheels").glob("*.whl"))
    for python in ("311", "312"):
        [wheel] = [w for w in wheels if f"-cp{python}-cp{python}-" in w.name]
        assert wheel.name.startswith(f"durable_rules-{pinned.group(1)}-")
        assert "manylinux_2_17_x86_64" in wheel.name
        names = zipfile.ZipFile(wheel).namelist()
        assert f"durable_rules_engine.cpython-{python}-x86_64-linux-gnu.so" in names


def test_the_vendored_source_carries_lexcase_s_fixes_and_changes() -> None:
    """Elsewhere than Linux x86_64 pip builds the vendored source, which must hold the changes of
    vendor/patches (durable_rules 2.0.28 read past an array when clearing facts, read a node
    field nothing set when compiling $iany tests, and handed back an uninitialised session offset
    for a batch of no facts; it read every compiled node before each action, walked every action
    state from the first, and printed the matched facts with snprintf; it wrote every join index
    of a new session, read each rule four times for its settings, grew its pools one item at a
    time, and gave each join node two indexes of 512 buckets)."""
    [sdist] = (ROOT / "vendor" / "wheels").glob("durable_rules-*.tar.gz")
    with tarfile.open(sdist) as tar:
        top = sdist.name.removesuffix(".tar.gz")
        state = tar.extractfile(f"{top}/src/rules/state.c")
        rete = tar.extractfile(f"{top}/src/rules/rete.c")
        events = tar.extractfile(f"{top}/src/rules/events.c")
        header = tar.extractfile(f"{top}/src/rules/state.h")
        assert state is not None and rete is not None and events is not None
        assert header is not None
        state_h = header.read()
        assert b"    *stateOffset = UNDEFINED_HASH_OFFSET;\n    while (*first" in events.read()
        state_c = state.read()
        assert b"i < MAX_MESSAGE_FRAMES && c < frame->messageCount" in state_c
        assert b"if (actionNode->resultPool.count && actionNode->reteNode) {" in state_c
        assert b"unsigned int index = state->firstResultIndex;" in state_c
        assert b"first = putResultTuple(first, name, value);" in state_c
        assert b"node->betaState = calloc(" in state_c
        assert b"memset(betaNode->leftFrameIndex" not in state_c
        rete_c = rete.read()
        assert b"memset(*newNode, 0, sizeof(node));" in rete_c
        assert b"CHECK_RESULT(getSettings(first," in rete_c
        assert b"getSetting(HASH_" not in rete_c
        assert b"CHECK_RESULT(growPool((void **)&tree->nodePool," in rete_c
        assert b"#define MAX_LEFT_FRAME_INDEX_LENGTH 32\n" in state_h
    patch = (ROOT / "vendor" / "patches" / "durable_rules-2.0.28-lexcase.7.patch").read_text()
    assert "MAX_MESSAGE_FRAMES && c < frame->messageCount" in patch
    assert "+    *stateOffset = UNDEFINED_HASH_OFFSET;" in patch
    assert "+            if (actionNode->resultPool.count && actionNode->reteNode) {" in patch
    assert "+        state->firstResultIndex = reteNode->value.c.index;" in patch
    assert "+static char *putResultTuple(char *first, const char *name" in patch
    assert "+    node->betaState = calloc(" in patch
    assert "+static unsigned int getSettings(char *rule, " in patch
    assert "+static unsigned int growPool(void **pool, " in patch
    assert "+#define MAX_RIGHT_FRAME_INDEX_LENGTH 32" in patch
