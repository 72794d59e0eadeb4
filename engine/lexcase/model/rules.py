"""The rule model: the law as data.

A rule file holds the rules drawn from one instrument (a code, a law, a treaty, a body of reported
practice about it). The *file format* models (`RuleFileSpec`, `RuleSpec`) mirror the YAML a lawyer
reads and writes; the loader turns them into resolved `Rule`s, whose conditions are typed against
the case model.
"""

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from lexcase.model.dates import Unit
from lexcase.source import IDENTIFIER_PATTERN, JURISDICTION_PATTERN


def _number_as_text(value: Any) -> Any:
    # Lawyers write `article: 392`; an article is a label, not a number.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Label = Annotated[
    str, BeforeValidator(_number_as_text), StringConstraints(min_length=1, max_length=40)
]
Identifier = Annotated[str, StringConstraints(pattern=IDENTIFIER_PATTERN, max_length=120)]
Jurisdiction = Annotated[str, StringConstraints(pattern=JURISDICTION_PATTERN)]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=4_000)]


class Basis(StrEnum):
    LAW = "law"  # a statute, code or treaty says so
    PRACTICE = "practice"  # what authorities actually did in reported cases


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"  # rests on something legal-notes marks unverified


class OutcomeKind(StrEnum):
    EXIT_BAN = "exit_ban"
    HOME_CHARGE = "home_charge"
    PROSECUTION = "prosecution"
    SENTENCE = "sentence"
    ADMINISTRATIVE_PENALTY = "administrative_penalty"
    ASYLUM = "asylum"
    DETENTION = "detention"
    REMOVAL = "removal"
    PROTECTION = "protection"
    REMEDY = "remedy"
    DUTY = "duty"  # a duty on the person (to leave), with its deadline: not an option he may take


# What `detail` must carry for each kind of outcome: every key of the first set, and at least one
# key of the second when it is not empty.
REQUIRED_DETAIL: dict[OutcomeKind, tuple[frozenset[str], frozenset[str]]] = {
    OutcomeKind.EXIT_BAN: (frozenset({"ground"}), frozenset()),
    OutcomeKind.HOME_CHARGE: (
        frozenset({"article"}),
        frozenset({"max_years", "max_months", "min_years", "max_fine_rub", "penalty"}),
    ),
    OutcomeKind.PROSECUTION: (
        frozenset({"article"}),
        # `penalty` where the notes give none: the rule then says so, at low confidence
        frozenset({"max_years", "max_months", "max_fine_mrp", "penalty"}),
    ),
    OutcomeKind.SENTENCE: (
        frozenset({"disposition"}),
        frozenset({"months", "max_months", "max_years", "fine_mrp", "max_fine_mrp"}),
    ),
    OutcomeKind.ADMINISTRATIVE_PENALTY: (frozenset({"article", "penalty"}), frozenset()),
    OutcomeKind.ASYLUM: (frozenset({"decision"}), frozenset()),
    OutcomeKind.DETENTION: (frozenset({"basis", "limit_days"}), frozenset()),
    OutcomeKind.REMOVAL: (frozenset({"type", "destination"}), frozenset()),
    OutcomeKind.PROTECTION: (frozenset({"against"}), frozenset()),
    OutcomeKind.REMEDY: (frozenset({"action"}), frozenset()),
    OutcomeKind.DUTY: (frozenset({"duty"}), frozenset()),
}


def no_items() -> list[Any]:
    """An empty list: the `default_factory` of the models' list fields. Pydantic asks a factory
    for its signature each time it builds a validator with it, and the signature of a builtin
    such as `list` is parsed from text (about 11 M instructions each, at every start, against
    almost nothing for a function)."""
    return []


def no_entries() -> dict[str, Any]:
    """An empty dict: the `default_factory` of the models' dict fields (see `no_items`)."""
    return {}


class Spec(BaseModel):
    # defer_build: a model builds its validator when first used, so a nested model that is only
    # ever validated inside its parent (most are) is built once, and the CLI starts sooner.
    model_config = ConfigDict(
        strict=True, frozen=True, extra="forbid", populate_by_name=True, defer_build=True
    )


# --- the file format --------------------------------------------------------------------------


RU_SHORT = (
    "The short name in Russian legal usage, written as it follows «ст. N» (genitive): УК РК, "
    "Конвенции о статусе беженцев."
)


class Instrument(Spec):
    title: Prose
    short: Prose | None = Field(None, description="A short name for tables, e.g. KZ Criminal Code.")
    short_ru: Prose | None = Field(None, description=RU_SHORT)
    part_ru: Prose | None = Field(
        None, description="How Russian writes a numbered part of an article: ч. (default) or п."
    )
    number: Prose | None = None
    url: Prose | None = None
    note: Prose | None = None


class CitationSpec(Spec):
    instrument: Prose | None = Field(None, description="Defaults to the file's instrument.")
    short: Prose | None = Field(None, description="A short name of that instrument.")
    short_ru: Prose | None = Field(None, description=RU_SHORT)
    part_ru: Prose | None = Field(
        None, description="How Russian writes a numbered part of that instrument: ч. or п."
    )
    article: Label | None = None
    part: Label | None = None
    paragraph: Label | None = None
    url: Prose | None = None
    text: Prose | None = Field(None, description="The words of the provision, where quoted.")
    whole: bool = Field(False, description="The instrument as a whole is the source (a decree).")


def citations_text(citations: "Iterable[Citation]") -> str:
    """Citations as one line, the way every view and legend shows them."""
    return "; ".join(c.short() for c in citations)


class InForce(Spec):
    from_: dt.date | None = Field(None, alias="from")
    until: dt.date | None = None


class FactRef(Spec):
    """A detail value read from the case: `{fact: home_state}`."""

    fact: Prose


DetailValue = FactRef | str | int | float | bool | list[str] | list[int] | None


class OutcomeSpec(Spec):
    kind: OutcomeKind
    summary: Prose = Field(description="One plain sentence; {key} inserts a detail value.")
    summary_ru: Prose | None = Field(None, description="The summary in Russian ({key} as well).")
    detail: dict[str, DetailValue] = Field(default_factory=no_entries)


class DeadlineKind(StrEnum):
    DUE = "due"  # something must be done by the date
    ENDS = "ends"  # a term (custody, probation, a ban) runs out on the date


class DeadlineSpec(Spec):
    """A dated deadline the rule concludes; `from` and `period` are checked by the loader."""

    kind: DeadlineKind = DeadlineKind.DUE
    what: Prose = Field(description="What falls due, or what ends, in plain words.")
    what_ru: Prose | None = Field(None, description="`what` in Russian (memo, web page).")
    phrase: Prose = Field(description="The words of the source that set the period, quoted.")
    from_: Any = Field(
        alias="from",
        description="A date fact, or {records: <list of records>, where: {...}, date: <field>}.",
    )
    period: Any = Field(description="{hours|days|months|years: N or {fact: path}}, once.")
    binds: Prose = Field(description="Who must act by the date, or whom the term binds.")
    binds_ru: Prose | None = Field(None, description="`binds` in Russian (memo, web page).")
    if_missed: Prose | None = Field(None, description="For `due`: what follows if it is missed.")
    if_missed_ru: Prose | None = Field(None, description="`if_missed` in Russian.")
    met_by: Prose | None = Field(None, description="For `due`: a date fact whose date meets it.")


class Then(Spec):
    conclude: Identifier | list[Identifier] = Field(
        default_factory=no_items,
        description="Named conclusions other rules can require with `given`.",
    )
    outcome: OutcomeSpec | None = None
    deadline: DeadlineSpec | None = None


class RuleSpec(Spec):
    id: Identifier
    title: Prose
    title_ru: Prose | None = Field(None, description="The title in Russian (memo, web page).")
    cite: CitationSpec | list[CitationSpec] = Field(default_factory=no_items)
    basis: Basis
    confidence: Confidence = Confidence.HIGH
    uncertain: Prose | None = Field(None, description="What is unverified, in words.")
    uncertain_ru: Prose | None = Field(None, description="`uncertain` in Russian.")
    reported_in: list[Prose] = Field(default_factory=no_items)
    note: Prose | None = None
    in_force: InForce | None = None
    judged_at: Prose | None = Field(
        None, description="The fact whose date selects the law in force."
    )
    when: dict[str, Any] = Field(default_factory=no_entries)
    given: list[Identifier] = Field(default_factory=no_items)
    defeats: list[Identifier] = Field(default_factory=no_items)
    then: Then


class RuleFileSpec(Spec):
    instrument: Instrument
    jurisdiction: Jurisdiction
    treaty: Identifier | None = Field(
        None,
        description="The treaty of rules/treaties.yaml these rules belong to: they apply only "
        "where it binds the states it names.",
    )
    rules: list[RuleSpec] = Field(default_factory=no_items)


# --- resolved rules -------------------------------------------------------------------------


class Op(StrEnum):
    IS = "is"
    IS_NOT = "is_not"
    IN = "in"
    NOT_IN = "not_in"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    ON_OR_AFTER = "on_or_after"
    ON_OR_BEFORE = "on_or_before"
    AFTER = "after"
    BEFORE = "before"
    CONTAINS = "contains"
    CONTAINS_ANY = "contains_any"
    NOT_CONTAINS = "not_contains"
    PRESENT = "present"
    KNOWN = "known"  # the case records the fact; never false, unknown when it is not recorded
    WITHIN_DAYS_AFTER = "within_days_after"
    MORE_THAN_DAYS_AFTER = "more_than_days_after"


NUMBER_OPS = frozenset({Op.AT_LEAST, Op.AT_MOST, Op.MORE_THAN, Op.LESS_THAN})
DATE_OPS = frozenset({Op.ON_OR_AFTER, Op.ON_OR_BEFORE, Op.AFTER, Op.BEFORE})
LIST_OPS = frozenset({Op.CONTAINS, Op.CONTAINS_ANY, Op.NOT_CONTAINS})
RELATIONAL_OPS = frozenset({Op.WITHIN_DAYS_AFTER, Op.MORE_THAN_DAYS_AFTER})


class Model(BaseModel):
    # defer_build: a model builds its validator when first used, so a nested model that is only
    # ever validated inside its parent (most are) is built once, and the CLI starts sooner.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Test(Model):
    """One test on a fact: `op` applied to `value` (JSON data, typed by the fact's path)."""

    op: Op
    value: Any = None
    other: str | None = None  # the second fact of a relational test
    days: int | None = None

    def describe(self, path: str) -> str:
        if self.op in RELATIONAL_OPS:
            words = "within" if self.op is Op.WITHIN_DAYS_AFTER else "more than"
            return f"{path} {words} {self.days} day(s) after {self.other}"
        if self.op is Op.PRESENT:
            return f"{path} is {'recorded' if self.value else 'not recorded'}"
        if self.op is Op.KNOWN:
            return f"{path} is known"
        return f"{path} {self.op.value.replace('_', ' ')} {_show(self.value)}"


class Condition(Model):
    path: str
    tests: tuple[Test, ...]
    in_force: bool = False  # the test of the date that selects the law in force
    line: int | None = None

    @property
    def relational(self) -> tuple[Test, ...]:
        return tuple(t for t in self.tests if t.op in RELATIONAL_OPS)

    def describe(self) -> str:
        return " and ".join(t.describe(self.path) for t in self.tests)

    def in_words(self, test: Test | None = None) -> str:
        """The condition (or one of its tests) in words, saying when it selects the law in force."""
        text = test.describe(self.path) if test is not None else self.describe()
        return f"the law in force on {self.path} ({text})" if self.in_force else text


class Citation(Model):
    instrument: str
    short_name: str | None = None
    short_name_ru: str | None = None
    part_word_ru: str | None = None
    article: str | None = None
    part: str | None = None
    paragraph: str | None = None
    url: str | None = None
    text: str | None = None
    whole: bool = False

    def short(self) -> str:
        text = self.short_name or self.instrument
        if self.article:
            text += f", art. {self.article}"
            if self.part:
                # "art. 392(1)", but "art. 1A(2)" where the part is a lettered section
                text += f"({self.part})" if self.part[0].isdigit() else self.part
        if self.paragraph:
            text += f" ¶{self.paragraph}"
        return text

    def short_ru(self) -> str | None:
        """As Russian lawyers write it: «ч. 3 ст. 338 УК РФ», «п. 169-171 Руководства УВКБ»;
        None where the instrument has no Russian short name."""
        name = self.short_name_ru
        if name is None:
            return None
        parts = []
        if self.paragraph:
            parts.append(f"п. {self.paragraph}")
        if self.part:
            numbered = self.part[0].isdigit()
            parts.append(
                f"{self.part_word_ru or 'ч.'} {self.part}" if numbered else f"п. {self.part}"
            )
        if self.article:
            parts.append(f"ст. {self.article}")
        return " ".join([*parts, name])


class DateSource(Model):
    """Where a deadline's period counts from: a date fact, or the date field of the earliest record
    of a list whose fields match `where`."""

    fact: str | None = None
    records: str | None = None
    where: dict[str, Any] = {}
    date_field: str | None = None

    def describe(self) -> str:
        if self.fact is not None:
            return self.fact
        where = ", ".join(f"{k}={_show(v)}" for k, v in self.where.items())
        return f"{self.records}[{where}].{self.date_field}"


class Period(Model):
    """A period: `count` units, or as many as a number fact holds; for days, optionally a limit
    within a moving window (`count` days in any `window`) with the days already used read from a
    fact."""

    unit: Unit
    count: int | None = None
    count_fact: str | None = None
    window: int | None = None
    used_fact: str | None = None

    def describe(self) -> str:
        amount = str(self.count) if self.count is not None else f"{{{self.count_fact}}}"
        text = f"{amount} {self.unit.value}"
        if self.window is not None:
            text += f" in any {self.window}"
        return text


class DeadlineRule(Model):
    kind: DeadlineKind
    what: str
    phrase: str
    start: DateSource
    period: Period
    binds: str
    if_missed: str | None = None
    met_by: str | None = None
    # The Russian texts, for the memo and the page only (a result carries the English ones).
    what_ru: str | None = None
    binds_ru: str | None = None
    if_missed_ru: str | None = None


class Rule(Model):
    id: str
    title: str
    title_ru: str | None = None
    jurisdiction: str
    instrument: str
    file: str
    line: int | None
    citations: tuple[Citation, ...]
    basis: Basis
    confidence: Confidence
    uncertain: str | None = None
    uncertain_ru: str | None = None  # for the memo and the page only, as title_ru
    reported_in: tuple[str, ...] = ()
    note: str | None = None
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    judged_at: str
    conditions: tuple[Condition, ...]
    given: tuple[str, ...]
    defeats: tuple[
        str, ...
    ]  # rule ids; a conclusion named under defeats: stands for its concluders
    concludes: tuple[str, ...]
    outcome: OutcomeSpec | None
    deadline: DeadlineRule | None = None
    defeats_named: tuple[str, ...] = ()  # defeats: as written, when it names a conclusion

    @property
    def fact_paths(self) -> tuple[str, ...]:
        """Every fact the rule reads, the relational second facts included, in order."""
        seen: dict[str, None] = {}
        for condition in self.conditions:
            seen.setdefault(condition.path, None)
            for test in condition.relational:
                assert test.other is not None
                seen.setdefault(test.other, None)
        return tuple(seen)

    def in_force_on(self, day: dt.date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_until is None or day <= self.in_force_until
        )


class RuleSource(Model):
    """A rule as results, deadlines and explanations name it: its id and title, what it rests on,
    how sure it is, and its sources. Models that speak of a rule extend it."""

    rule: str
    title: str
    jurisdiction: str
    basis: Basis
    confidence: Confidence
    uncertain: str | None = None
    citations: list[Citation]
    reported_in: list[str] = Field(default_factory=no_items)


def source_fields(rule: Rule) -> dict[str, Any]:
    """The fields of `RuleSource` for `rule`, to build any model that extends it."""
    return {
        "rule": rule.id,
        "title": rule.title,
        "jurisdiction": rule.jurisdiction,
        "basis": rule.basis,
        "confidence": rule.confidence,
        "uncertain": rule.uncertain,
        "citations": list(rule.citations),
        "reported_in": list(rule.reported_in),
    }


PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return str(value)
