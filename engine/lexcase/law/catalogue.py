"""The rulebook for its readers: a listing of rules, and one rule's full card — its sources, what
it tests, what it concludes, what depends on it and what defeats it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from lexcase.errors import InputError, Place
from lexcase.law.overlay import RulesInput, rulebook_for
from lexcase.law.rulebook import Rulebook
from lexcase.model.rules import (
    Basis,
    Citation,
    Confidence,
    Model,
    OutcomeKind,
    Rule,
    citations_text,
)


class RuleLine(Model):
    """One rule in a listing."""

    id: str
    title: str
    jurisdiction: str
    kind: OutcomeKind | None = Field(None, description="The kind of outcome it concludes, if any.")
    concludes: list[str]
    basis: Basis
    confidence: Confidence
    source: str = Field(description="Its citations, shortly.")


class RuleListing(Model):
    rulebook: str
    version: str
    jurisdiction: str | None = None
    kind: OutcomeKind | None = None
    rules: list[RuleLine]


class Given(Model):
    conclusion: str
    concluded_by: list[str]


class Dependent(Model):
    rule: str
    title: str
    how: str = Field(description="given <conclusion>, or: defeated by this rule")


class OutcomeCard(Model):
    kind: OutcomeKind
    summary: str
    detail: dict[str, Any]


class RuleCard(Model):
    id: str
    title: str
    jurisdiction: str
    instrument: str
    file: str
    line: int | None = None
    citations: list[Citation]
    basis: Basis
    confidence: Confidence
    uncertain: str | None = None
    reported_in: list[str] = Field(default_factory=list)
    note: str | None = None
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    judged_at: str
    conditions: list[str] = Field(description="Its tests on facts, in words.")
    given: list[Given]
    concludes: list[str]
    outcome: OutcomeCard | None = None
    defeats: list[str]
    defeated_by: list[str]
    dependents: list[Dependent] = Field(description="Rules that depend on it.")


def list_rules(
    jurisdiction: str | None = None,
    kind: OutcomeKind | str | None = None,
    rules: RulesInput = None,
) -> RuleListing:
    """The rules of a rulebook, optionally of one jurisdiction and one outcome kind."""
    rulebook = rulebook_for(rules)
    wanted = OutcomeKind(kind) if kind is not None else None
    place = jurisdiction.upper() if jurisdiction else None
    known = sorted({r.jurisdiction for r in rulebook.rules})
    if place is not None and place not in known:
        raise InputError(
            f"no rule is of the jurisdiction {jurisdiction!r}",
            Place(path="--jurisdiction"),
            expected="one of " + ", ".join(known),
        )
    return RuleListing(
        rulebook=rulebook.label,
        version=rulebook.version,
        jurisdiction=place,
        kind=wanted,
        rules=[
            _line(rule)
            for rule in sorted(rulebook.rules, key=lambda r: r.id)
            if (place is None or rule.jurisdiction == place)
            and (wanted is None or (rule.outcome is not None and rule.outcome.kind == wanted))
        ],
    )


def _line(rule: Rule) -> RuleLine:
    return RuleLine(
        id=rule.id,
        title=rule.title,
        jurisdiction=rule.jurisdiction,
        kind=rule.outcome.kind if rule.outcome else None,
        concludes=list(rule.concludes),
        basis=rule.basis,
        confidence=rule.confidence,
        source=citations_text(rule.citations),
    )


def show_rule(rule_id: str, rules: RulesInput = None) -> RuleCard:
    """One rule's full card; an unknown id suggests the closest."""
    rulebook = rulebook_for(rules)
    return rule_card(rulebook, rulebook.rule(rule_id))


def rule_card(rulebook: Rulebook, rule: Rule) -> RuleCard:
    def how(dependent: str) -> str:
        if dependent in rule.defeats:
            return "defeated by this rule"
        names = [n for n in rulebook.by_id[dependent].given if n in rule.concludes]
        return "given " + ", ".join(names)

    return RuleCard(
        id=rule.id,
        title=rule.title,
        jurisdiction=rule.jurisdiction,
        instrument=rule.instrument,
        file=rule.file,
        line=rule.line,
        citations=list(rule.citations),
        basis=rule.basis,
        confidence=rule.confidence,
        uncertain=rule.uncertain,
        reported_in=list(rule.reported_in),
        note=rule.note,
        in_force_from=rule.in_force_from,
        in_force_until=rule.in_force_until,
        judged_at=rule.judged_at,
        conditions=[c.in_words() for c in rule.conditions],
        given=[
            Given(conclusion=name, concluded_by=list(rulebook.concluders.get(name, ())))
            for name in rule.given
        ],
        concludes=list(rule.concludes),
        outcome=(
            OutcomeCard(
                kind=rule.outcome.kind,
                summary=rule.outcome.summary,
                detail=rule.outcome.model_dump(mode="json")["detail"],
            )
            if rule.outcome is not None
            else None
        ),
        defeats=list(rule.defeats),
        defeated_by=list(rulebook.defeaters.get(rule.id, ())),
        dependents=[
            Dependent(rule=d, title=rulebook.by_id[d].title, how=how(d))
            for d in rulebook.dependents.get(rule.id, ())
        ],
    )
