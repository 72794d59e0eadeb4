"""Rule coverage of the Gherkin scenarios: which rules each scenario exercised, and which rules no
scenario exercises. A pytest plugin, loaded by `conftest.py`.

Every evaluation a scenario runs is recorded with the fate of each rule in it: the rule **held**,
was **defeated**, was left **undecided**, or did not apply. A rule is *exercised* when it held or
was defeated in at least one evaluation of a scenario that passed. Being undecided does not count:
an undecided rule's conditions were never all known, so no scenario has shown what it concludes.
A scenario that failed (or is marked `wip`, which makes it an expected failure) exercises nothing.

The judgement is an extra test, `rule coverage`, run after every other test. It is added only
when every scenario the scenario module defines is selected: with `-k`, `-m`, `--deselect`, a node
id or `--lf`, a subset of the scenarios runs and rules would look unexercised, so the test is not
added and the summary says why. The scenarios defined are counted from the module itself (one test
per scenario, one per Examples row), since `--lf` narrows even what collection reports.
`--rule-coverage` lists every rule with the number of scenarios that exercised it.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from types import ModuleType
from typing import Any

import pytest

from lexcase.evaluation.result import Result
from lexcase.law.rulebook import Rulebook

SCENARIO_MARK = "scenario"  # carried by every test generated from a feature file
PLUGIN_NAME = "lexcase-rule-coverage"
ITEM_NAME = "rule coverage"


class Fate(StrEnum):
    """What became of one rule in one evaluation (the four cases of the compiler's semantics)."""

    HOLDS = "holds"
    DEFEATED = "is defeated"
    UNDECIDED = "is undecided"
    DOES_NOT_APPLY = "does not apply"


@dataclass(frozen=True)
class Fates:
    """The fate of every rule in one result."""

    held: frozenset[str]
    defeated_by: dict[str, str]
    undecided: frozenset[str]

    @classmethod
    def of(cls, result: Result) -> Fates:
        # A rule that holds shows in the result through its outcome, its conclusions or its
        # deadline (a rule must have one of them to load).
        held = (
            {o.rule for o in result.outcomes}
            | {c.rule for c in result.conclusions}
            | {d.rule for d in result.deadlines}
        )
        return cls(
            held=frozenset(held),
            defeated_by={d.rule: d.by for d in result.defeated},
            undecided=frozenset(u.rule for u in result.undecided),
        )

    def of_rule(self, rule: str) -> Fate:
        if rule in self.held:
            return Fate.HOLDS
        if rule in self.defeated_by:
            return Fate.DEFEATED
        if rule in self.undecided:
            return Fate.UNDECIDED
        return Fate.DOES_NOT_APPLY

    @property
    def exercised(self) -> frozenset[str]:
        return self.held | self.defeated_by.keys()


@dataclass(frozen=True)
class RuleCoverage:
    """For one rule: the scenarios that exercised it and those that left it undecided."""

    rule: str
    place: str  # file:line of the rule
    exercised_by: tuple[str, ...]
    undecided_in: tuple[str, ...]

    @property
    def exercised(self) -> bool:
        return bool(self.exercised_by)

    def describe(self) -> str:
        if self.exercised:
            return f"{self.rule}: {len(self.exercised_by)} scenario(s)"
        why = (
            f"only undecided, in {len(self.undecided_in)} scenario(s)"
            if self.undecided_in
            else "never held, defeated or undecided"
        )
        return f"{self.rule} ({self.place}): {why}"


@dataclass
class CoverageRecord:
    """The evaluations each scenario ran, and which scenarios passed."""

    rulebook: Rulebook | None = None
    evaluations: dict[str, list[Fates]] = field(default_factory=dict)
    passed: set[str] = field(default_factory=set)

    def record(self, scenario: str, rulebook: Rulebook, result: Result) -> None:
        if self.rulebook is None:
            self.rulebook = rulebook
        elif rulebook.sha256 != self.rulebook.sha256:
            raise ValueError("scenarios evaluated cases with two different rulebooks")
        self.evaluations.setdefault(scenario, []).append(Fates.of(result))

    def coverage(self) -> list[RuleCoverage]:
        """Each rule of the rulebook, in rulebook order, with the passed scenarios that used it."""
        if self.rulebook is None:
            return []
        out = []
        for rule in self.rulebook.rules:
            exercised, undecided = [], []
            for scenario, evaluations in sorted(self.evaluations.items()):
                if scenario not in self.passed:
                    continue
                if any(rule.id in f.exercised for f in evaluations):
                    exercised.append(scenario)
                elif any(rule.id in f.undecided for f in evaluations):
                    undecided.append(scenario)
            out.append(
                RuleCoverage(
                    rule.id, f"{rule.file}:{rule.line}", tuple(exercised), tuple(undecided)
                )
            )
        return out

    def unexercised(self) -> list[RuleCoverage]:
        return [c for c in self.coverage() if not c.exercised]

    def summary(self) -> str:
        rules = self.coverage()
        done = sum(c.exercised for c in rules)
        scenarios = len(self.passed & self.evaluations.keys())
        return f"{done} of {len(rules)} rules exercised by {scenarios} passing scenario(s)"


def defined_tests(module: ModuleType) -> int:
    """How many tests a module defines: one per test function, times its parametrized cases (for
    scenarios: one per scenario, one per row of an outline's Examples)."""
    count = 0
    for name, obj in vars(module).items():
        if name.startswith("test") and inspect.isfunction(obj):
            cases = 1
            for mark in getattr(obj, "pytestmark", []):
                if mark.name == "parametrize":
                    cases *= len(mark.args[1])
            count += cases
    return count


def whole_suite_selected(defined: int, selected: int) -> bool:
    """Whether coverage can be judged: every scenario defined is selected to run."""
    return defined > 0 and selected == defined


def suggest_rule(rule: str, known: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(rule, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


# --- the pytest plugin -------------------------------------------------------------------------


class CoverageFailure(Exception):
    """Rules no scenario exercises; the message is the report."""


class RuleCoverageItem(pytest.Item):
    """The test that fails while some rule has no scenario."""

    def __init__(self, *, record: CoverageRecord, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.record = record

    def runtest(self) -> None:
        if self.record.rulebook is None:
            raise CoverageFailure("no scenario evaluated a case, so no rule is exercised")
        missing = self.record.unexercised()
        if missing:
            lines = [
                f"{len(missing)} rule(s) that no passing scenario exercises "
                "(held or defeated in at least one evaluation):",
                *(f"  {c.describe()}" for c in missing),
                "Add a scenario under features/ in which each of them holds or is defeated "
                f"({self.record.summary()}).",
            ]
            raise CoverageFailure("\n".join(lines))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CoverageFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[str, int | None, str]:
        return str(self.path), None, ITEM_NAME


class RuleCoveragePlugin:
    """Collects which scenarios exist, are selected, pass, and what their evaluations did."""

    def __init__(self, *, listing: bool = False) -> None:
        self.record = CoverageRecord()
        self.selected: set[str] = set()
        self.defined = 0
        self.judged = False
        self.listing = listing

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        # Once every plugin has selected and ordered the items (-k, -m, --deselect, --lf, --ff),
        # so that the check runs last, and only after the whole suite.
        scenarios = [
            item
            for item in session.items
            if isinstance(item, pytest.Function) and item.get_closest_marker(SCENARIO_MARK)
        ]
        self.selected = {item.nodeid for item in scenarios}
        modules = {item.module for item in scenarios}
        self.defined = sum(defined_tests(module) for module in modules)
        if not whole_suite_selected(self.defined, len(self.selected)):
            return
        parent = scenarios[-1].parent
        assert parent is not None
        session.items.append(
            RuleCoverageItem.from_parent(parent, name=ITEM_NAME, record=self.record)
        )
        self.judged = True

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" and report.passed and report.nodeid in self.selected:
            self.record.passed.add(report.nodeid)

    def pytest_terminal_summary(self, terminalreporter: Any, config: pytest.Config) -> None:
        if not self.selected or config.option.collectonly:
            return
        write = terminalreporter.write_line
        terminalreporter.ensure_newline()
        terminalreporter.section("rule coverage")
        if not self.judged:
            write(
                f"not judged: {len(self.selected)} of {self.defined} scenarios were "
                "selected; run them all to judge rule coverage"
            )
            return
        write(self.record.summary())
        if self.listing:
            for rule in self.record.coverage():
                write(f"  {rule.describe()}")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("lexcase").addoption(
        "--rule-coverage",
        action="store_true",
        help="list every rule with the number of scenarios that exercise it",
    )


def pytest_configure(config: pytest.Config) -> None:
    listing = bool(config.getoption("--rule-coverage"))
    config.pluginmanager.register(RuleCoveragePlugin(listing=listing), PLUGIN_NAME)


@pytest.fixture(scope="session")
def rule_coverage(pytestconfig: pytest.Config) -> CoverageRecord:
    """Where the scenario steps record each evaluation."""
    plugin = pytestconfig.pluginmanager.get_plugin(PLUGIN_NAME)
    assert isinstance(plugin, RuleCoveragePlugin)
    return plugin.record
