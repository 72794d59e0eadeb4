"""The rule lint: what a rule reviewer wants flagged before a rule pack ships.

First every problem the loader finds (`rulebook.check_rulebook`: unreadable files, unknown fact
paths, dangling references, duplicate ids, dependency circles...). On a rulebook that loads, then:

* outcomes: a detail key that is not a name (an unquoted comma in a YAML flow mapping);
* references: a rule id named in a title, note or `uncertain:` that no rule has;
* citations: a rule on law must cite an article, a paragraph or a whole instrument, or say what
  is unverified under `uncertain:`; a rule that says something is unverified is not `high`
  confidence;
* rules that can never hold: tests on one fact that no value passes together (the law in force
  included, so an `in_force` window that misses the rule's own date tests shows here); a test
  that needs a fact inside a part the rule requires to be unrecorded; a defeater that holds
  whenever the rule would; a `given` whose every concluder tests a fact the rule tests too in a
  way no value passes together (in force windows that do not meet); a `given` that only rules
  which can never hold conclude;
* rules with no effect: no outcome, no deadline, no conclusion any rule uses, nothing defeated.

Whether tests on a fact can hold together is asked of durable_rules: each test is compiled alone
(`probes`) and run on the values where a test's verdict can change (each boundary value, its
neighbours, every enum value, an unmentioned value, unknown).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from lexcase.analysis.lint_packs import role_findings, source_findings
from lexcase.errors import Place, RuleFileError, file_label
from lexcase.inference.probes import Prober, Truth
from lexcase.law.files import default_rules_dir
from lexcase.law.loader import check_rulebook
from lexcase.law.overlay import apply_overlay
from lexcase.law.rulebook import Rulebook
from lexcase.model.facts import FactPath, ValueKind, fact_path
from lexcase.model.rules import RELATIONAL_OPS, Basis, Condition, Confidence, Op, Rule, Test

DETAIL_KEY = re.compile(r"[a-z_][a-z0-9_]*")
MAX_LIST_ITEMS = 6  # list candidates are every subset of the items rules mention; 2**6 at most


class Check(StrEnum):
    LOAD = "load"
    CITATION = "citation"
    OUTCOME = "outcome"
    REFERENCE = "reference"
    NEVER_HOLDS = "never_holds"
    NO_EFFECT = "no_effect"
    ROLE = "role"
    SOURCES = "sources"


class Problem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    check: Check
    file: str | None = None
    line: int | None = None
    rule: str | None = None
    message: str

    def __str__(self) -> str:
        where = str(Place(self.file, self.line))
        return (
            f"{where}: rule {self.rule}: {self.message}"
            if self.rule
            else f"{where}: {self.message}"
        )


class LintReport(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    root: str
    rules: int
    problems: list[Problem]
    untranslated: list[str] = Field(
        default_factory=list,
        description="Rules without a Russian title (title_ru) or, for an outcome, summary "
        "(summary_ru), or, for a deadline, what_ru, binds_ru and if_missed_ru, or an uncertain "
        "text without uncertain_ru: the memo and the page show them in English, and say so. "
        "Listed, not a problem.",
    )
    untranslated_citations: list[str] = Field(
        default_factory=list,
        description="Citations whose instrument has no Russian short name (short_ru), as "
        "'rule id: instrument': a Russian memo cites them in English. Listed, not a problem.",
    )

    @property
    def clean(self) -> bool:
        return not self.problems


def lint(root: Path | str | None = None, overlays: Sequence[Path | str] = ()) -> LintReport:
    """Every problem in the rule folder `root` (the shipped packs by default), with `overlays`
    applied on it in order (the first problem of an overlay stops the checks, as in loading)."""
    folder = Path(root) if root is not None else default_rules_dir()
    if not folder.is_dir():
        raise RuleFileError(
            "no such folder of rules",
            Place(file_label(folder)),
            expected="a folder holding <jurisdiction>/<instrument>.yaml files",
        )
    rulebook, errors = check_rulebook(folder)
    label = file_label(folder)
    if rulebook is None:
        # The checks below need the rulebook as a whole; they run once it loads.
        return LintReport(root=label, rules=0, problems=[_load_problem(e) for e in errors])
    for overlay in overlays:
        try:
            rulebook = apply_overlay(rulebook, Path(overlay))
        except RuleFileError as error:
            return LintReport(root=label, rules=0, problems=[_load_problem(error)])
    label = rulebook.label if overlays else label
    problems = [
        *_citations(rulebook),
        *_outcomes(rulebook),
        *_prose_references(rulebook),
        *_never_holds(rulebook),
        *_no_effect(rulebook),
        *(_problem(Check.ROLE, rule, message) for rule, message in role_findings(rulebook)),
        *_sources(rulebook, folder),
    ]
    problems.sort(key=lambda p: (p.file or "", p.line or 0, p.check))
    untranslated = sorted(rule.id for rule in rulebook.rules if not _in_russian(rule))
    return LintReport(
        root=label,
        rules=len(rulebook.rules),
        problems=problems,
        untranslated=untranslated,
        untranslated_citations=[
            f"{rule.id}: {c.instrument}"
            for rule in sorted(rulebook.rules, key=lambda r: r.id)
            for c in rule.citations
            if not c.short_name_ru
        ],
    )


def _in_russian(rule: Rule) -> bool:
    """Whether the rule gives every text a Russian memo shows of it in Russian."""
    deadline = rule.deadline
    return bool(
        rule.title_ru
        and (rule.outcome is None or rule.outcome.summary_ru)
        and (rule.uncertain is None or rule.uncertain_ru)
        and (
            deadline is None
            or (
                deadline.what_ru
                and deadline.binds_ru
                and (deadline.if_missed is None or deadline.if_missed_ru)
            )
        )
    )


def _sources(rulebook: Rulebook, folder: Path) -> Iterator[Problem]:
    for finding in source_findings(rulebook, folder):
        if isinstance(finding, str):
            yield Problem(
                check=Check.SOURCES, file=file_label(folder / "rulebook.yaml"), message=finding
            )
        else:
            yield _problem(Check.SOURCES, *finding)


def _load_problem(error: RuleFileError) -> Problem:
    text = str(error)
    prefix = f"{error.place}: "
    return Problem(
        check=Check.LOAD,
        file=error.place.file,
        line=error.place.line,
        message=text[len(prefix) :] if text.startswith(prefix) else text,
    )


def _problem(check: Check, rule: Rule, message: str, line: int | None = None) -> Problem:
    return Problem(
        check=check, file=rule.file, line=line or rule.line, rule=rule.id, message=message
    )


# --- citations ------------------------------------------------------------------------------


def _citations(rulebook: Rulebook) -> Iterator[Problem]:
    for rule in rulebook.rules:
        pinned = any(c.article or c.paragraph or c.whole for c in rule.citations)
        if rule.basis is Basis.LAW and not pinned and not rule.uncertain:
            yield _problem(
                Check.CITATION,
                rule,
                "it rests on law but cites no article, paragraph or whole instrument; cite the "
                "provision, or say under uncertain: that it is not verified",
            )
        if rule.uncertain and rule.confidence is Confidence.HIGH:
            yield _problem(
                Check.CITATION,
                rule,
                "it says something is unverified (uncertain:) but has high confidence; "
                "give confidence: medium or low",
            )


# --- outcomes -------------------------------------------------------------------------------


def _outcomes(rulebook: Rulebook) -> Iterator[Problem]:
    for rule in rulebook.rules:
        if rule.outcome is None:
            continue
        for key in rule.outcome.detail:
            if not DETAIL_KEY.fullmatch(key):
                # In a YAML flow mapping {a: x, y}, an unquoted comma starts a new key.
                yield _problem(
                    Check.OUTCOME,
                    rule,
                    f"its outcome detail has the key {key!r}, which is not a name; if it is part "
                    "of a value written with a comma, quote the value",
                )


def _prose_references(rulebook: Rulebook) -> Iterator[Problem]:
    """Rule ids named in a title, note or uncertain: text that no rule carries."""
    prefixes = "|".join(sorted({re.escape(r.jurisdiction.lower()) for r in rulebook.rules}))
    mention = re.compile(rf"\b(?:{prefixes})\.[A-Za-z0-9_.\-]*[A-Za-z0-9_]")
    for rule in rulebook.rules:
        for text in (rule.title, rule.note or "", rule.uncertain or ""):
            for name in mention.findall(text):
                if name not in rulebook.by_id:
                    yield _problem(
                        Check.REFERENCE,
                        rule,
                        f"its text mentions {name}, but no rule has that id",
                    )


# --- rules that can never hold ---------------------------------------------------------------


def _never_holds(rulebook: Rulebook) -> list[Problem]:
    table = _PassTable(rulebook)
    reasons: dict[str, tuple[str, int | None]] = {}
    for rule in rulebook.rules:
        found = (
            table.contradiction(rule)
            or _unrecorded_parent(rule)
            or _always_defeated(rule, rulebook)
            or _apart_from_its_givens(rule, rulebook, table)
        )
        if found:
            reasons[rule.id] = found
    # A given that only rules which can never hold conclude can never hold either.
    for rule in sorted(rulebook.rules, key=lambda r: rulebook.levels[r.id]):
        if rule.id in reasons:
            continue
        for name in rule.given:
            sources = rulebook.concluders.get(name, ())
            if sources and all(s in reasons for s in sources):
                reasons[rule.id] = (
                    f"it is given {name}, which only rules that can never hold conclude "
                    f"({', '.join(sources)})",
                    None,
                )
                break
    return [
        _problem(Check.NEVER_HOLDS, rulebook.by_id[rule_id], f"it can never hold: {text}", line)
        for rule_id, (text, line) in sorted(reasons.items())
    ]


Placed = tuple[int, Condition, Test]  # a test with its index among the rule's tests


def _tests_by_path(rule: Rule) -> dict[str, list[Placed]]:
    """A rule's tests on each fact, relational ones left out (their verdict turns on two
    facts)."""
    out: dict[str, list[Placed]] = {}
    tests = [(c, t) for c in rule.conditions for t in c.tests]
    for index, (condition, test) in enumerate(tests):
        if test.op not in RELATIONAL_OPS:
            out.setdefault(condition.path, []).append((index, condition, test))
    return out


class _PassTable:
    """For each fact the rules test, the values where a verdict can change, and at each value
    the rules whose tests on that fact all pass, as durable_rules runs them."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.groups = {rule.id: _tests_by_path(rule) for rule in rulebook.rules}
        tested: dict[str, list[Test]] = {}
        for by_path in self.groups.values():
            for path, placed in by_path.items():
                tested.setdefault(path, []).extend(t for _, _, t in placed)
        self.passing: dict[str, list[frozenset[str]]] = {}
        with Prober(rulebook.rules) as prober:
            for path, tests in sorted(tested.items()):
                candidates = _candidates(fact_path(path), tests)
                if candidates is None:
                    continue  # no finite set of values to try: taken as passable
                rows = []
                for value in candidates:
                    truths = prober.truths(_data_with(path, value))
                    rows.append(
                        frozenset(
                            rule_id
                            for rule_id, by_path in self.groups.items()
                            if path in by_path
                            and all(truths[rule_id, i] is Truth.TRUE for i, _, _ in by_path[path])
                        )
                    )
                self.passing[path] = rows

    def together(self, rule_ids: set[str], path: str) -> bool:
        """Whether some value of `path` passes the tests of all `rule_ids` on it."""
        rows = self.passing.get(path)
        return rows is None or any(rule_ids <= row for row in rows)

    def words(self, rule_id: str, path: str) -> str:
        return "; ".join(c.in_words(t) for _, c, t in self.groups[rule_id][path])

    def contradiction(self, rule: Rule) -> tuple[str, int | None] | None:
        for path, placed in self.groups[rule.id].items():
            if not self.together({rule.id}, path):
                line = next((c.line for _, c, _ in placed if c.line and not c.in_force), None)
                return f"no value of {path} passes all its tests: {self.words(rule.id, path)}", line
        return None


def _apart_from_its_givens(
    rule: Rule, rulebook: Rulebook, table: _PassTable
) -> tuple[str, int | None] | None:
    """A given whose every concluder tests a fact the rule tests too, in a way no value passes
    together with the rule's own tests (e.g. law in force in windows that do not meet)."""
    for name in rule.given:
        clashes = []
        for source in rulebook.concluders.get(name, ()):
            shared = sorted(table.groups[rule.id].keys() & table.groups[source].keys())
            apart = [p for p in shared if not table.together({rule.id, source}, p)]
            if not apart:
                break
            clashes.append(
                f"{source} tests {table.words(source, apart[0])}, against its own "
                f"{table.words(rule.id, apart[0])}"
            )
        else:
            if clashes:
                return (
                    f"it is given {name}, but no rule concluding it can hold with it: "
                    + "; ".join(clashes),
                    None,
                )
    return None


def _data_with(path: str, value: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if value is None:
        return data
    target = data
    *parents, leaf = path.split(".")
    for parent in parents:
        target = target.setdefault(parent, {})
    target[leaf] = value
    return data


def _candidates(fp: FactPath, tests: list[Test]) -> list[Any] | None:
    """The values of `fp` on which some test's verdict can change, and unknown; None when the
    fact's kind has no finite set of such values (lists of records)."""
    # present/known ask whether a fact is recorded; relational tests compare with another fact.
    values: list[Any] = [
        t.value for t in tests if t.op not in (Op.PRESENT, Op.KNOWN) and t.value is not None
    ]
    flat: list[Any] = []
    for value in values:
        flat.extend(value if isinstance(value, list) else [value])
    kind = fp.kind
    out: list[Any]
    if kind is ValueKind.BOOL:
        out = [True, False]
    elif kind is ValueKind.ENUM:
        out = list(fp.enum_values)
    elif kind is ValueKind.INT:
        out = sorted({n + d for n in [0, *flat] for d in (-1, 0, 1)})
    elif kind is ValueKind.DATE:
        days = {dt.date.fromisoformat(v) for v in flat}
        out = sorted({(d + dt.timedelta(days=k)).isoformat() for d in days for k in (-1, 0, 1)})
        out = out or ["2000-01-01"]
    elif kind is ValueKind.TEXT:
        out = [*dict.fromkeys(flat), _fresh(flat)]
    elif kind is ValueKind.LIST and fp.item is not None:
        items = list(dict.fromkeys(flat))
        if fp.item.kind is ValueKind.ENUM:
            items.extend([v for v in fp.item.enum_values if v not in items][:1])
        else:
            items.append(_fresh(items))
        items = items[:MAX_LIST_ITEMS]
        out = [
            list(subset)
            for size in range(len(items) + 1)
            for subset in itertools.combinations(items, size)
        ]
    else:
        return None
    return [None, *out]


def _fresh(taken: list[Any]) -> str:
    """A value none of the tests mentions (country codes are two capitals)."""
    for candidate in ("ZZ", "ZY", "ZX", "zz-other"):
        if candidate not in taken:
            return candidate
    return "-".join(str(t) for t in taken) + "-other"


def _unrecorded_parent(rule: Rule) -> tuple[str, int | None] | None:
    """A test that needs a fact recorded inside a part the rule requires to be unrecorded."""
    unrecorded = {
        c.path for c in rule.conditions for t in c.tests if t.op is Op.PRESENT and t.value is False
    }
    for condition in rule.conditions:
        for test in condition.tests:
            if test.op is Op.PRESENT and test.value is False:
                continue
            paths = [condition.path, *([test.other] if test.other else [])]
            for path in paths:
                for parent in unrecorded:
                    if path.startswith(parent + "."):
                        return (
                            f"{test.describe(condition.path)} needs {path}, but the rule "
                            f"requires {parent} not to be recorded",
                            condition.line,
                        )
    return None


def _always_defeated(rule: Rule, rulebook: Rulebook) -> tuple[str, int | None] | None:
    """A defeater that nothing defeats and whose tests and givens are all among the rule's own:
    whenever the rule would hold, it holds too."""
    own = _test_keys(rule)
    for defeater_id in rulebook.defeaters.get(rule.id, ()):
        defeater = rulebook.by_id[defeater_id]
        if rulebook.defeaters.get(defeater_id):
            continue
        if _test_keys(defeater) <= own and set(defeater.given) <= set(rule.given):
            return (
                f"{defeater_id} defeats it and holds whenever it would (all of its tests and "
                "givens are among this rule's)",
                None,
            )
    return None


def _test_keys(rule: Rule) -> set[tuple[str, str]]:
    return {(c.path, t.model_dump_json()) for c in rule.conditions for t in c.tests}


# --- rules with no effect --------------------------------------------------------------------


def _no_effect(rulebook: Rulebook) -> Iterator[Problem]:
    used = {name for rule in rulebook.rules for name in rule.given}
    for rule in rulebook.rules:
        effects = (rule.outcome, rule.deadline, rule.defeats, set(rule.concludes) & used)
        if not any(effects):
            yield _problem(
                Check.NO_EFFECT,
                rule,
                "it has no effect: no outcome, no deadline, no conclusion that any rule is given "
                f"({', '.join(rule.concludes)}), and it defeats nothing",
            )
