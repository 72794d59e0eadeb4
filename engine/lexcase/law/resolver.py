"""Resolving one rule as written in a rule file against the case model.

A `RuleResolver` turns a `RuleSpec` into a `Rule`: it checks the citation and provenance, types
every test of `when:` against the fact it names (`conditions`), adds the law-in-force dates as a
condition on the `judged_at` fact, checks the outcome's detail and resolves the deadline
(`deadline_specs`). The first problem found is raised as a `RuleFileError` naming the rule, the
file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass

from lexcase.law.conditions import Reporter, Where, condition, path_of
from lexcase.law.deadline_specs import needs_dates, resolve_deadline
from lexcase.model.facts import ValueKind
from lexcase.model.rules import (
    PLACEHOLDER,
    REQUIRED_DETAIL,
    Basis,
    Citation,
    Condition,
    Confidence,
    FactRef,
    Op,
    Rule,
    RuleFileSpec,
    RuleSpec,
    Test,
)
from lexcase.source import Document

DEFAULT_JUDGED_AT = "as_of"


def resolve_rule(spec: RuleSpec, file: RuleFileSpec, document: Document, loc: Where) -> Rule:
    """The rule `spec` (at `loc` in `document`), resolved; raises its first problem."""
    return RuleResolver(spec, file, Reporter(spec.id, document, loc)).rule()


@dataclass(frozen=True)
class RuleResolver:
    spec: RuleSpec
    file: RuleFileSpec
    fail: Reporter

    def rule(self) -> Rule:
        spec, fail = self.spec, self.fail
        self._check_id()
        citations = self._citations()
        self._check_provenance()
        concludes = self._concludes()
        judged_at = self._judged_at()
        conditions = [
            condition(path, raw, fail, ("when", path), fail.line("when", path))
            for path, raw in spec.when.items()
        ]
        conditions.extend(self._in_force(judged_at))
        deadline = None
        if spec.then.deadline is not None:
            deadline = resolve_deadline(spec.then.deadline, fail)
            conditions.extend(
                needs_dates(deadline, conditions, fail, fail.line("then", "deadline"))
            )
        if not conditions and not spec.given:
            raise fail(
                "it has no condition",
                ("when",),
                expected="at least one fact under when: or one conclusion under given:",
            )
        self._check_outcome()
        return Rule(
            id=spec.id,
            title=spec.title,
            title_ru=spec.title_ru,
            uncertain_ru=spec.uncertain_ru,
            jurisdiction=self.file.jurisdiction,
            instrument=self.file.instrument.title,
            file=fail.document.file or "<rules>",
            line=fail.line(),
            citations=citations,
            basis=spec.basis,
            confidence=spec.confidence,
            uncertain=spec.uncertain,
            reported_in=tuple(spec.reported_in),
            note=spec.note,
            in_force_from=spec.in_force.from_ if spec.in_force else None,
            in_force_until=spec.in_force.until if spec.in_force else None,
            judged_at=judged_at,
            conditions=tuple(conditions),
            given=tuple(spec.given),
            defeats=tuple(spec.defeats),
            concludes=concludes,
            outcome=spec.then.outcome,
            deadline=deadline,
        )

    def _check_id(self) -> None:
        prefix = self.file.jurisdiction.lower() + "."
        if not self.spec.id.startswith(prefix):
            raise self.fail(
                f"its id should start with '{prefix}' (the file's jurisdiction)",
                ("id",),
                expected=f"an id such as {prefix}{self.spec.id}",
            )

    def _citations(self) -> tuple[Citation, ...]:
        cited = self.spec.cite if isinstance(self.spec.cite, list) else [self.spec.cite]
        if not cited:
            raise self.fail(
                "it cites no source",
                ("cite",),
                expected="cite: with the article (and part, url) it rests on",
            )
        instrument = self.file.instrument
        return tuple(
            Citation(
                instrument=c.instrument or instrument.title,
                short_name=c.short if c.instrument else (instrument.short or None),
                short_name_ru=c.short_ru if c.instrument else instrument.short_ru,
                part_word_ru=c.part_ru or (None if c.instrument else instrument.part_ru),
                article=c.article,
                part=c.part,
                paragraph=c.paragraph,
                url=c.url or (None if c.instrument else instrument.url),
                text=c.text,
                whole=c.whole,
            )
            for c in cited
        )

    def _check_provenance(self) -> None:
        if self.spec.basis is Basis.PRACTICE and not self.spec.reported_in:
            raise self.fail(
                "a rule on practice must say where the practice is reported",
                ("reported_in",),
                expected="reported_in: a list of the reports, with their dates",
            )
        if self.spec.confidence is Confidence.LOW and not self.spec.uncertain:
            raise self.fail(
                "a low-confidence rule must say what is uncertain",
                ("confidence",),
                expected="uncertain: what is unverified, in words",
            )

    def _concludes(self) -> tuple[str, ...]:
        then = self.spec.then
        concludes = tuple([then.conclude] if isinstance(then.conclude, str) else then.conclude)
        if len(set(concludes)) != len(concludes):
            raise self.fail("it lists a conclusion twice", ("then", "conclude"))
        if then.outcome is None and not concludes and then.deadline is None:
            raise self.fail(
                "it concludes nothing",
                ("then",),
                expected="then: with conclude, outcome or deadline",
            )
        return concludes

    def _judged_at(self) -> str:
        judged_at = self.spec.judged_at or DEFAULT_JUDGED_AT
        if path_of(judged_at, self.fail, ("judged_at",)).kind is not ValueKind.DATE:
            raise self.fail(
                f"judged_at names '{judged_at}', which is not a date",
                ("judged_at",),
                expected="the path of a date fact, such as crossing.date",
            )
        return judged_at

    def _in_force(self, judged_at: str) -> list[Condition]:
        """The dates in force, as a condition on the fact whose date decides the law."""
        if self.spec.in_force is None:
            return []
        start, end = self.spec.in_force.from_, self.spec.in_force.until
        if start is not None and end is not None and end < start:
            raise self.fail(
                "in_force ends before it starts",
                ("in_force",),
                expected="from: on or before until:",
            )
        tests = []
        if start is not None:
            tests.append(Test(op=Op.ON_OR_AFTER, value=start.isoformat()))
        if end is not None:
            tests.append(Test(op=Op.ON_OR_BEFORE, value=end.isoformat()))
        if not tests:
            return []
        line = self.fail.line("in_force")
        return [Condition(path=judged_at, tests=tuple(tests), in_force=True, line=line)]

    def _check_outcome(self) -> None:
        outcome, fail = self.spec.then.outcome, self.fail
        if outcome is None:
            return
        where = ("then", "outcome", "detail")
        required, one_of = REQUIRED_DETAIL[outcome.kind]
        missing = sorted(required - outcome.detail.keys())
        if missing:
            raise fail(
                f"a {outcome.kind.value} outcome needs detail {', '.join(missing)}",
                where,
                expected=f"detail with {', '.join(missing)}",
            )
        if one_of and not one_of & outcome.detail.keys():
            raise fail(
                f"a {outcome.kind.value} outcome needs a penalty or term in its detail",
                where,
                expected="one of " + ", ".join(sorted(one_of)),
            )
        for key, value in outcome.detail.items():
            if isinstance(value, FactRef):
                path_of(value.fact, fail, (*where, key))
        for name in PLACEHOLDER.findall(outcome.summary):
            if name not in outcome.detail:
                raise fail(
                    f"the summary uses {{{name}}}, which is not a detail key",
                    ("then", "outcome", "summary"),
                    expected="placeholders naming keys of detail",
                )
