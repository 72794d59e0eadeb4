"""Shared fixtures: one evaluator for the shipped rules per test session (durable_rules never frees
a compiled ruleset, so tests do not compile the packs again and again), and small rule folders."""

from __future__ import annotations

import os
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# Rulebooks the tests load are cached in a folder of their own, not in the user's ~/.cache.
os.environ.setdefault("LEXCASE_CACHE_DIR", tempfile.mkdtemp(prefix="lexcase-test-cache-"))
# The command line speaks the caseworker's language (LEXCASE_LANG, else the locale): the tests
# read its English unless they ask for Russian, whatever the machine's locale.
os.environ["LEXCASE_LANG"] = "en"

from lexcase.evaluation.evaluator import Evaluator, default_evaluator

# The scenarios' step vocabulary and their rule coverage check (see features/README.md).
pytest_plugins = [
    "pytester",
    "rule_coverage",
    "scenario_steps",
    "http_fixtures",
]  # steps import the coverage record

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def evaluator() -> Evaluator:
    return default_evaluator()


RuleFolder = Callable[..., Path]


@pytest.fixture
def rule_folder(tmp_path: Path) -> RuleFolder:
    """Write rule files into a fresh folder: rule_folder(kz={"code.yaml": "..."})."""

    def make(version: str = "test", **packs: dict[str, str]) -> Path:
        root = tmp_path / "rules"
        root.mkdir(exist_ok=True)
        (root / "rulebook.yaml").write_text(f"version: {version}\n")
        for jurisdiction, files in packs.items():
            folder = root / jurisdiction
            folder.mkdir(exist_ok=True)
            for name, text in files.items():
                (folder / name).write_text(textwrap.dedent(text))
        return root

    return make


# One KZ rule (the `rules:` body for kz_rules): the rule cache's tests load it again and again.
ONE_KZ_RULE = """\
- id: kz.a
  title: A rule
  cite: {article: '1'}
  basis: law
  when:
    host_state: KZ
  then:
    outcome: {kind: remedy, summary: 'Appeal.', detail: {action: appeal}}
"""


def kz_rules(body: str, title: str = "Test Code") -> dict[str, str]:
    """One KZ rule file whose `rules:` list is `body` (indented YAML items)."""
    return {
        "code.yaml": f"instrument: {{title: {title}}}\njurisdiction: KZ\nrules:\n"
        + textwrap.indent(textwrap.dedent(body), "  ")
    }


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private rule cache folder of its own for the test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LEXCASE_CACHE_DIR", str(folder))
    monkeypatch.delenv("LEXCASE_NO_CACHE", raising=False)
    return folder
