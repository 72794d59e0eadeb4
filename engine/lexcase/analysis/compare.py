"""Compare destinations: the same person as if his journey had ended in each host state.

For each destination the case is re-targeted: the host state and the crossing's destination
become that state, and the facts that only made sense for the real host are set aside (left
unknown) and listed: the host's proceedings, the asylum decision and appeal, the stay, the
removal, and how and where he crossed. Everything else stays: who he is, his service, the home
state's charges and wanted notice, the date of his crossing and of his asylum claim. The real host
is evaluated as the case stands. Each destination is then evaluated by the engine like any case;
nothing here decides the law.

The outcomes of each destination are sorted by the severity order of `severity.yaml` (data, not
scores), and the worst line of each destination is marked. Outcomes of the home state's law
(its charges, its exit ban) do not depend on the destination and are listed once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field

from lexcase.errors import InputError, Place
from lexcase.evaluation.coverage import StateCoverage, coverage_of
from lexcase.evaluation.evaluator import CaseInput, evaluator_for, to_case
from lexcase.evaluation.result import Defeat, Outcome, Result, RulebookStamp, Undecided
from lexcase.law.overlay import RulesInput
from lexcase.model.case import Case
from lexcase.model.facts import as_of as case_as_of
from lexcase.model.facts import value_at, with_facts
from lexcase.model.packs import Role
from lexcase.model.rules import Model, OutcomeKind
from lexcase.source import COUNTRY_PATTERN, load_document

SEVERITY_FILE = Path(__file__).with_name("severity.yaml")

# Facts that describe the person's situation in the host he actually reached, not in another.
HOST_FACTS = (
    "host_proceedings",
    "stay",
    "removal",
    "asylum.registered_on",
    "asylum.decision",
    "asylum.appeal",
    "crossing.at_checkpoint",
    "crossing.documents",
    "crossing.place",
)


class SetAside(Model):
    path: str
    value: Any = Field(description="The value the case records, as JSON data.")


class Line(Model):
    """One outcome in a destination's column."""

    kind: OutcomeKind
    rule: str
    jurisdiction: str
    summary: str
    basis: str
    confidence: str
    citation: str
    uncertain: str | None = None
    severity: str = Field(description="The label of the severity level it matches.")
    rank: int = Field(description="Its level's place in severity.yaml, 0 the worst.")
    worst: bool = False


class Column(Model):
    host: str
    real: bool = Field(description="The host the case records: evaluated as it stands.")
    coverage: StateCoverage
    warnings: list[str]
    set_aside: list[SetAside]
    lines: list[Line]
    defeated: list[Defeat] = Field(description="Outcomes an exception stopped, and by which rule.")
    undecided: list[Undecided]


class Comparison(Model):
    case_id: str
    as_of: dt.date
    home_state: str | None
    home_name: str | None = Field(None, description="The home state's name, when it has a pack.")
    hosts: list[str]
    home: list[Line] = Field(description="Outcomes of the home state's law, the same everywhere.")
    columns: list[Column]
    severity: list[str] = Field(description="The severity levels, worst first.")
    rulebook: RulebookStamp
    notice: str


class Level(Model):
    label: str
    kind: OutcomeKind | list[OutcomeKind]
    detail: dict[str, str | list[str]] = Field(default_factory=dict)

    def matches(self, outcome: Outcome) -> bool:
        kinds = self.kind if isinstance(self.kind, list) else [self.kind]
        if outcome.kind not in kinds:
            return False
        for key, wanted in self.detail.items():
            allowed = wanted if isinstance(wanted, list) else [wanted]
            if outcome.detail.get(key) not in allowed:
                return False
        return True


class SeverityOrder(Model):
    levels: list[Level]


@cache
def severity_order() -> SeverityOrder:
    from lexcase.errors import RuleFileError
    from lexcase.source import validate

    document = load_document(SEVERITY_FILE, RuleFileError)
    return validate(SeverityOrder, document, RuleFileError, "severity order")


def compare(
    case: CaseInput,
    hosts: Sequence[str] | None = None,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
) -> Comparison:
    """The case as if it had ended in each of `hosts` (default: every host state with a pack)."""
    seen = case_as_of(to_case(case), as_of)
    with evaluator_for(rules) as evaluator:
        packs = evaluator.rulebook.packs
        chosen = _hosts(hosts, [p.state for p in packs if Role.HOST in p.roles])
        results = []
        for host in chosen:
            retargeted, aside = retarget(seen, host)
            results.append((host, aside, evaluator.evaluate(retargeted)))
        stamp = results[0][2].rulebook
        jurisdiction = {r.id: r.jurisdiction for r in evaluator.rulebook.rules}
    order = severity_order()
    columns = []
    home: list[Line] = []
    for host, aside, result in results:
        lines = [_line(o, order) for o in result.outcomes]
        own = [x for x in lines if x.jurisdiction != seen.home_state]
        if not home:
            home = sorted((x for x in lines if x.jurisdiction == seen.home_state), key=_key)
        own.sort(key=_key)
        if own:
            own[0] = own[0].model_copy(update={"worst": True})
        columns.append(
            Column(
                host=host,
                real=host == seen.host_state,
                coverage=_host_coverage(result, packs, host, seen.home_state),
                warnings=result.warnings,
                set_aside=aside,
                lines=own,
                # what the home state's own law stopped is the same everywhere
                defeated=[d for d in result.defeated if jurisdiction[d.rule] != seen.home_state],
                undecided=result.undecided,
            )
        )
    return Comparison(
        case_id=seen.case_id,
        as_of=seen.as_of,
        home_state=seen.home_state,
        home_name=next((p.name for p in packs if p.state == seen.home_state), None),
        hosts=list(chosen),
        home=home,
        columns=columns,
        severity=[level.label for level in order.levels],
        rulebook=stamp,
        notice=results[0][2].notice,
    )


def retarget(case: Case, host: str) -> tuple[Case, list[SetAside]]:
    """The case as if it had ended in `host`, and the facts set aside to make it so."""
    if host == case.host_state:
        return case, []
    data = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    aside = [
        SetAside(path=path, value=value)
        for path in HOST_FACTS
        if (value := value_at(data, path)) is not None
    ]
    changes: dict[str, Any] = {path: None for path in HOST_FACTS}
    changes["host_state"] = host
    if case.crossing is not None:
        changes["crossing.into"] = host
    return with_facts(case, changes), aside


def _hosts(asked: Sequence[str] | None, with_packs: list[str]) -> list[str]:
    import re

    if asked is None:
        return sorted(with_packs)
    chosen: list[str] = []
    for code in asked:
        if not re.match(COUNTRY_PATTERN, code):
            raise InputError(
                f"'{code}' is not a country code",
                Place(path="--hosts"),
                expected="two-letter codes in capitals, such as AM,GE,KG,KZ",
            )
        if code not in chosen:
            chosen.append(code)
    if not chosen:
        raise InputError("no destination to compare", Place(path="--hosts"), expected="AM,KZ")
    return chosen


def _host_coverage(result: Result, packs: Any, host: str, home: str | None) -> StateCoverage:
    states = result.coverage or coverage_of(packs, host, home).states
    return next(s for s in states if s.role is Role.HOST)


def _line(outcome: Outcome, order: SeverityOrder) -> Line:
    rank = next((i for i, lv in enumerate(order.levels) if lv.matches(outcome)), len(order.levels))
    label = order.levels[rank].label if rank < len(order.levels) else "other"
    return Line(
        kind=outcome.kind,
        rule=outcome.rule,
        jurisdiction=outcome.jurisdiction,
        summary=outcome.summary,
        basis=outcome.basis.value,
        confidence=outcome.confidence.value,
        citation="; ".join(c.short() for c in outcome.citations),
        uncertain=outcome.uncertain,
        severity=label,
        rank=rank,
    )


def _key(line: Line) -> tuple[int, str, str]:
    return line.rank, line.jurisdiction, line.rule
