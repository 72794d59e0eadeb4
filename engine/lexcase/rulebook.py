"""The rulebook: every rule file under a folder, loaded, resolved against the case model, checked.

Loading stops at the first problem and raises it, naming the file, the line and the rule; `check`
collects every problem instead, for `lexcase rules lint`. Once loaded, a rulebook knows who
concludes what, who defeats whom, and the level of each rule: a rule's level is above every rule
it depends on (the rules concluding what it is `given`, and the rules that can defeat it), so
evaluating level by level gives the same result whatever order rules fire in within a level.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lexcase.dates import Unit
from lexcase.errors import FactPathError, Place, RuleFileError, RuleNotFoundError, file_label
from lexcase.facts import FactPath, ValueKind, fact_path
from lexcase.rules import (
    DATE_OPS,
    LIST_OPS,
    NUMBER_OPS,
    PLACEHOLDER,
    RELATIONAL_OPS,
    REQUIRED_DETAIL,
    Basis,
    Citation,
    Condition,
    Confidence,
    DateSource,
    DeadlineKind,
    DeadlineRule,
    DeadlineSpec,
    FactRef,
    Op,
    Period,
    Rule,
    RuleFileSpec,
    RuleSpec,
    Test,
)
from lexcase.source import Document, load_document, validate

MANIFEST = "rulebook.yaml"
MAX_CHOICES = 200  # values in one in/not_in/contains_any test
DEFAULT_JUDGED_AT = "as_of"
SCALAR_KINDS = frozenset(
    {ValueKind.TEXT, ValueKind.BOOL, ValueKind.INT, ValueKind.DATE, ValueKind.ENUM}
)


def default_rules_dir() -> Path:
    """The shipped rule packs: inside the installed package, or the checkout's rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if (candidate / MANIFEST).is_file():
            return candidate
    raise RuleFileError(
        "the shipped rule packs are missing",
        Place(str(here / "rules")),
        expected=f"a folder with {MANIFEST}",
    )


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[Rule, ...]
    root: str
    version: str
    sha256: str
    files: tuple[str, ...]

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    @cached_property
    def concluders(self) -> dict[str, tuple[str, ...]]:
        """For each named conclusion, the rules that conclude it."""
        return _concluders(self.rules)

    @cached_property
    def defeaters(self) -> dict[str, tuple[str, ...]]:
        """For each rule, the rules that defeat it when they hold."""
        return _index((target, r.id) for r in self.rules for target in r.defeats)

    @cached_property
    def dependents(self) -> dict[str, tuple[str, ...]]:
        """For each rule, the rules that use its conclusion or that it defeats."""
        out: dict[str, set[str]] = {r.id: set() for r in self.rules}
        for rule in self.rules:
            for name in rule.given:
                for source in self.concluders.get(name, ()):
                    out[source].add(rule.id)
            for target in rule.defeats:
                out[rule.id].add(target)
        return {k: tuple(sorted(v)) for k, v in out.items()}

    @cached_property
    def levels(self) -> dict[str, int]:
        """Each rule's level: one above the highest rule it depends on (0: facts only)."""
        return _levels(self.rules)

    def rule(self, rule_id: str) -> Rule:
        if rule_id in self.by_id:
            return self.by_id[rule_id]
        raise RuleNotFoundError(
            f"no rule has the id '{rule_id}'",
            Place(self.root),
            expected="an id listed by `lexcase rules list`",
            suggestion=_closest(rule_id, list(self.by_id)),
        )


def load_rulebook(root: Path | str | None = None) -> Rulebook:
    """Load every rule file under `root` (the shipped packs by default); raise the first problem.
    A folder loaded before, unchanged, comes from the cache (see `rulecache`)."""
    from lexcase import rulecache

    folder = Path(root) if root is not None else default_rules_dir()
    return rulecache.cached(folder, _load)


def _load(root: Path) -> Rulebook:
    problems = _Checker(root)
    for problem in problems.run():
        raise problem
    return problems.rulebook()


def rule_files(root: Path) -> list[Path]:
    """The rule files under `root`, in name order (its manifest, rulebook.yaml, apart)."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix in (".yaml", ".yml", ".json") and p.name != MANIFEST and p.is_file()
    )


def check_rulebook(root: Path | str | None = None) -> tuple[Rulebook | None, list[RuleFileError]]:
    """Load `root` collecting every problem; the rulebook is None when any problem was found."""
    checker = _Checker(Path(root) if root is not None else default_rules_dir())
    problems = list(checker.run())
    return (None if problems else checker.rulebook()), problems


@dataclass
class _Checker:
    root: Path
    rules: list[Rule] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    version: str = "unversioned"

    def rulebook(self) -> Rulebook:
        return Rulebook(
            rules=tuple(self.rules),
            root=file_label(self.root) or str(self.root),
            version=self.version,
            sha256=_digest(self.root, self.files),
            files=tuple(file_label(f) or str(f) for f in self.files),
        )

    def run(self) -> Iterator[RuleFileError]:
        if not self.root.is_dir():
            yield RuleFileError(
                "no such folder of rules",
                Place(file_label(self.root)),
                expected="a folder holding <jurisdiction>/<instrument>.yaml files",
            )
            return
        manifest = self.root / MANIFEST
        if manifest.is_file():
            self.files.append(manifest)
            try:
                document = load_document(manifest, RuleFileError)
                version = document.data.get("version") if isinstance(document.data, dict) else None
                if not isinstance(version, str):
                    yield RuleFileError(
                        "the rulebook needs a version",
                        document.place(("version",)),
                        expected="text such as 2026.11.0",
                    )
                else:
                    self.version = version
            except RuleFileError as problem:
                yield problem
        paths = rule_files(self.root)
        if not paths:
            yield RuleFileError(
                "the folder holds no rule files",
                Place(file_label(self.root)),
                expected="files such as kz/criminal-code.yaml",
            )
        for path in paths:
            self.files.append(path)
            yield from self._file(path)
        yield from self._references()

    # --- one file ---------------------------------------------------------------------------

    def _file(self, path: Path) -> Iterator[RuleFileError]:
        try:
            document = load_document(path, RuleFileError)
            spec = validate(RuleFileSpec, document, RuleFileError, "rule file")
        except RuleFileError as problem:
            yield problem
            return
        folder = path.parent.name.upper()
        if path.parent != self.root and folder != spec.jurisdiction:
            yield RuleFileError(
                f"the file says jurisdiction {spec.jurisdiction} but lies in the folder "
                f"{path.parent.name}/",
                document.place(("jurisdiction",)),
                expected=f"jurisdiction: {folder}, or the file in {spec.jurisdiction.lower()}/",
            )
        for index, rule_spec in enumerate(spec.rules):
            try:
                rule = _resolve(rule_spec, spec, document, ("rules", index))
            except RuleFileError as problem:
                yield problem
                continue
            if rule.id in self.places:
                yield RuleFileError(
                    f"rule {rule.id}: the id is already used at {self.places[rule.id]}",
                    document.place(("rules", index, "id")),
                    expected="a unique rule id",
                )
                continue
            self.places[rule.id] = document.place(("rules", index))
            self.rules.append(rule)

    # --- across files -------------------------------------------------------------------------

    def _references(self) -> Iterator[RuleFileError]:
        ids = {r.id for r in self.rules}
        concluded = {name for r in self.rules for name in r.concludes}
        for rule in self.rules:
            place = self.places[rule.id]
            for name in rule.given:
                if name not in concluded:
                    yield RuleFileError(
                        f"rule {rule.id}: no rule concludes '{name}', which it is given",
                        place,
                        expected="a name some rule has under then.conclude",
                        suggestion=_closest(name, concluded),
                    )
            for target in rule.defeats:
                if target not in ids:
                    yield RuleFileError(
                        f"rule {rule.id}: it defeats '{target}', but no rule has that id",
                        place,
                        expected="the id of a loaded rule",
                        suggestion=_closest(target, ids),
                    )
                elif target == rule.id:
                    yield RuleFileError(f"rule {rule.id}: a rule cannot defeat itself", place)
        cycle = _find_cycle(self.rules)
        if cycle:
            yield RuleFileError(
                "rules depend on each other in a circle: " + " -> ".join(cycle),
                self.places[cycle[0]],
                expected="no rule depending, through given or defeats, on itself",
            )


def _resolve(spec: RuleSpec, file: RuleFileSpec, document: Document, loc: tuple[Any, ...]) -> Rule:
    def fail(
        message: str,
        where: tuple[Any, ...] = (),
        expected: str | None = None,
        suggestion: str | None = None,
    ) -> RuleFileError:
        return RuleFileError(
            f"rule {spec.id}: {message}",
            document.place((*loc, *where)),
            expected=expected,
            suggestion=suggestion,
        )

    prefix = file.jurisdiction.lower() + "."
    if not spec.id.startswith(prefix):
        raise fail(
            f"its id should start with '{prefix}' (the file's jurisdiction)",
            ("id",),
            expected=f"an id such as {prefix}{spec.id}",
        )
    citations_spec = spec.cite if isinstance(spec.cite, list) else [spec.cite]
    if not citations_spec:
        raise fail(
            "it cites no source",
            ("cite",),
            expected="cite: with the article (and part, url) it rests on",
        )
    citations = tuple(
        Citation(
            instrument=c.instrument or file.instrument.title,
            short_name=c.short if c.instrument else (file.instrument.short or None),
            article=c.article,
            part=c.part,
            paragraph=c.paragraph,
            url=c.url or (None if c.instrument else file.instrument.url),
            text=c.text,
            whole=c.whole,
        )
        for c in citations_spec
    )
    if spec.basis is Basis.PRACTICE and not spec.reported_in:
        raise fail(
            "a rule on practice must say where the practice is reported",
            ("reported_in",),
            expected="reported_in: a list of the reports, with their dates",
        )
    if spec.confidence is Confidence.LOW and not spec.uncertain:
        raise fail(
            "a low-confidence rule must say what is uncertain",
            ("confidence",),
            expected="uncertain: what is unverified, in words",
        )
    concludes = tuple(
        [spec.then.conclude] if isinstance(spec.then.conclude, str) else spec.then.conclude
    )
    if len(set(concludes)) != len(concludes):
        raise fail("it lists a conclusion twice", ("then", "conclude"))
    if spec.then.outcome is None and not concludes and spec.then.deadline is None:
        raise fail(
            "it concludes nothing",
            ("then",),
            expected="then: with conclude, outcome or deadline",
        )

    judged_at = spec.judged_at or DEFAULT_JUDGED_AT
    judged = _path(judged_at, fail, ("judged_at",))
    if judged.kind is not ValueKind.DATE:
        raise fail(
            f"judged_at names '{judged_at}', which is not a date",
            ("judged_at",),
            expected="the path of a date fact, such as crossing.date",
        )

    conditions = [
        _condition(path, raw, fail, ("when", path), document.line_of((*loc, "when", path)))
        for path, raw in spec.when.items()
    ]
    if spec.in_force is not None:
        start, end = spec.in_force.from_, spec.in_force.until
        if start is not None and end is not None and end < start:
            raise fail(
                "in_force ends before it starts",
                ("in_force",),
                expected="from: on or before until:",
            )
        tests = []
        if start is not None:
            tests.append(Test(op=Op.ON_OR_AFTER, value=start.isoformat()))
        if end is not None:
            tests.append(Test(op=Op.ON_OR_BEFORE, value=end.isoformat()))
        if tests:
            conditions.append(
                Condition(
                    path=judged_at,
                    tests=tuple(tests),
                    in_force=True,
                    line=document.line_of((*loc, "in_force")),
                )
            )
    deadline = None
    if spec.then.deadline is not None:
        deadline = _deadline(spec.then.deadline, fail)
        conditions.extend(
            _needs_dates(deadline, conditions, fail, document.line_of((*loc, "then", "deadline")))
        )
    if not conditions and not spec.given:
        raise fail(
            "it has no condition",
            ("when",),
            expected="at least one fact under when: or one conclusion under given:",
        )

    outcome = spec.then.outcome
    if outcome is not None:
        required, one_of = REQUIRED_DETAIL[outcome.kind]
        missing = sorted(required - outcome.detail.keys())
        if missing:
            raise fail(
                f"a {outcome.kind.value} outcome needs detail {', '.join(missing)}",
                ("then", "outcome", "detail"),
                expected=f"detail with {', '.join(missing)}",
            )
        if one_of and not one_of & outcome.detail.keys():
            raise fail(
                f"a {outcome.kind.value} outcome needs a penalty or term in its detail",
                ("then", "outcome", "detail"),
                expected="one of " + ", ".join(sorted(one_of)),
            )
        for key, value in outcome.detail.items():
            if isinstance(value, FactRef):
                _path(value.fact, fail, ("then", "outcome", "detail", key))
        for name in PLACEHOLDER.findall(outcome.summary):
            if name not in outcome.detail:
                raise fail(
                    f"the summary uses {{{name}}}, which is not a detail key",
                    ("then", "outcome", "summary"),
                    expected="placeholders naming keys of detail",
                )

    return Rule(
        id=spec.id,
        title=spec.title,
        jurisdiction=file.jurisdiction,
        instrument=file.instrument.title,
        file=document.file or "<rules>",
        line=document.line_of(loc),
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
        outcome=outcome,
        deadline=deadline,
    )


def _path(path: str, fail: Any, where: tuple[Any, ...]) -> FactPath:
    try:
        return fact_path(path)
    except FactPathError as problem:
        raise fail(
            problem.message, where, expected=problem.expected, suggestion=problem.suggestion
        ) from None


def _condition(
    path: str, raw: Any, fail: Any, where: tuple[Any, ...], line: int | None
) -> Condition:
    fp = _path(path, fail, where)
    ops = {o.value for o in Op}
    if isinstance(raw, dict) and raw and all(k in ops for k in raw):
        pairs = [(Op(k), v) for k, v in raw.items()]
    elif isinstance(raw, dict):
        unknown = [k for k in raw if k not in ops]
        raise fail(
            f"'{unknown[0] if unknown else '{}'}' is not a test",
            where,
            expected="one of " + ", ".join(o.value for o in Op),
            suggestion=_closest(unknown[0], ops) if unknown else None,
        )
    elif fp.kind in (ValueKind.LIST, ValueKind.RECORDS):
        raise fail(
            f"{path} is a list: say how to test it",
            where,
            expected="contains:, contains_any: or not_contains:",
        )
    else:
        pairs = [(Op.IS, raw)]
    tests = tuple(_test(fp, op, value, fail, (*where, op.value)) for op, value in pairs)
    return Condition(path=path, tests=tests, line=line)


def _test(fp: FactPath, op: Op, value: Any, fail: Any, where: tuple[Any, ...]) -> Test:
    def parse(v: Any, target: FactPath = fp) -> Any:
        try:
            return target.parse(v)
        except ValueError as problem:
            raise fail(
                f"{_show(v)} is not a value of {target.path}", where, expected=str(problem)
            ) from None

    if op is Op.PRESENT:
        if not isinstance(value, bool):
            raise fail("present takes true or false", where, expected="true or false")
        return Test(op=op, value=value)
    if op is Op.KNOWN:
        if value is not True:
            raise fail("known takes true only", where, expected="known: true")
        return Test(op=op, value=True)
    if op in RELATIONAL_OPS:
        if fp.kind is not ValueKind.DATE:
            raise fail(f"{op.value} compares dates, and {fp.path} is not a date", where)
        if not (
            isinstance(value, dict)
            and set(value) == {"fact", "days"}
            and isinstance(value["days"], int)
            and not isinstance(value["days"], bool)
            and value["days"] >= 0
        ):
            raise fail(
                f"{op.value} needs the other date and a number of days",
                where,
                expected="{fact: crossing.date, days: 1}",
            )
        other = _path(str(value["fact"]), fail, (*where, "fact"))
        if other.kind is not ValueKind.DATE:
            raise fail(f"{other.path} is not a date", (*where, "fact"), expected="a date fact")
        if other.section == fp.section:
            raise fail(
                "both dates of a relational test lie in the same part of the case",
                where,
                expected="dates from two different parts, such as asylum and crossing",
            )
        return Test(op=op, other=other.path, days=value["days"])
    if op in LIST_OPS:
        if fp.kind is ValueKind.LIST:
            assert fp.item is not None
            if op is Op.CONTAINS_ANY:
                if not isinstance(value, list) or not value:
                    raise fail("contains_any takes a list of values", where, expected="[RU, BY]")
                _few_choices(value, op, fail, where)
                return Test(op=op, value=[parse(v, fp.item) for v in value])
            return Test(op=op, value=parse(value, fp.item))
        if fp.kind is ValueKind.RECORDS and op is not Op.CONTAINS_ANY:
            if not isinstance(value, dict) or not value:
                raise fail(
                    f"{fp.path} holds records: give the fields to match",
                    where,
                    expected="a mapping such as {article: '338'}",
                )
            fields = {}
            for name, v in value.items():
                field_fp = fp.item_fields.get(name)
                if field_fp is None or field_fp.kind not in SCALAR_KINDS:
                    raise fail(
                        f"'{name}' is not a field of the records in {fp.path}",
                        where,
                        expected="one of "
                        + ", ".join(
                            sorted(k for k, f in fp.item_fields.items() if f.kind in SCALAR_KINDS)
                        ),
                    )
                fields[name] = parse(v, field_fp)
            if len(fields) > 1:
                # A record that fails a test on several fields fails one field *or* another, and
                # durable_rules evaluates an `or` inside a list item by its last operand only
                # (measured): such a test could never be false, so it is refused.
                raise fail(
                    f"{op.value} on the records in {fp.path} matches {len(fields)} fields",
                    where,
                    expected="one field, such as {article: '338'} (durable_rules cannot tell "
                    "when a record fails a match on several fields)",
                )
            return Test(op=op, value=fields)
        raise fail(
            f"{op.value} tests lists, and {fp.path} is not one",
            where,
            expected="is, in, or a comparison",
        )
    if fp.kind not in SCALAR_KINDS:
        raise fail(
            f"{fp.path} is a {fp.kind.value}; {op.value} does not apply",
            where,
            expected="present: true/false, or a test on one of its fields",
        )
    if op in NUMBER_OPS and fp.kind is not ValueKind.INT:
        raise fail(
            f"{op.value} compares numbers, and {fp.path} is {fp.expected()}",
            where,
            expected="on_or_after/on_or_before/after/before for dates",
        )
    if op in DATE_OPS and fp.kind is not ValueKind.DATE:
        raise fail(f"{op.value} compares dates, and {fp.path} is {fp.expected()}", where)
    if op in (Op.IN, Op.NOT_IN):
        if not isinstance(value, list) or not value:
            raise fail(
                f"{op.value} takes a list of values", where, expected="a list such as [a, b]"
            )
        _few_choices(value, op, fail, where)
        return Test(op=op, value=[parse(v) for v in value])
    return Test(op=op, value=parse(value))


def _few_choices(values: list[Any], op: Op, fail: Any, where: tuple[Any, ...]) -> None:
    # Each value is one branch of a durable_rules condition, which hangs past 512 branches.
    if len(values) > MAX_CHOICES:
        raise fail(
            f"{op.value} lists {len(values)} values",
            where,
            expected=f"at most {MAX_CHOICES} values (split the rule, or test another fact)",
        )


# --- deadlines ---------------------------------------------------------------------------------

DEADLINE = ("then", "deadline")
UNITS = ", ".join(u.value for u in Unit)
FROM_EXPECTED = (
    "the path of a date fact, such as crossing.date, or "
    "{records: host_proceedings.detentions, where: {basis: extradition_custody}, date: from_on}"
)


def _deadline(spec: DeadlineSpec, fail: Any) -> DeadlineRule:
    start = _date_source(spec.from_, fail, (*DEADLINE, "from"))
    period = _period(spec.period, fail, (*DEADLINE, "period"))
    if spec.kind is DeadlineKind.ENDS:
        for name in ("if_missed", "met_by"):
            if getattr(spec, name) is not None:
                raise fail(
                    f"a deadline of kind ends has no {name}: a term runs out, nobody misses it",
                    (*DEADLINE, name),
                    expected="kind: due, or no " + name,
                )
    elif spec.if_missed is None:
        raise fail(
            "a due deadline must say what follows if it is missed",
            DEADLINE,
            expected="if_missed: the consequence, or that the sources do not give one",
        )
    if spec.met_by is not None:
        _typed_path(
            spec.met_by,
            ValueKind.DATE,
            fail,
            (*DEADLINE, "met_by"),
            "the path of a date fact whose date meets the deadline",
        )
    return DeadlineRule(
        kind=spec.kind,
        what=spec.what,
        phrase=spec.phrase,
        start=start,
        period=period,
        binds=spec.binds,
        if_missed=spec.if_missed,
        met_by=spec.met_by,
    )


def _date_source(raw: Any, fail: Any, where: tuple[Any, ...]) -> DateSource:
    if isinstance(raw, str):
        _typed_path(raw, ValueKind.DATE, fail, where, FROM_EXPECTED)
        return DateSource(fact=raw)
    if not (
        isinstance(raw, dict) and {"records", "date"} <= set(raw) <= {"records", "where", "date"}
    ):
        raise fail("from: must name a date fact", where, expected=FROM_EXPECTED)
    records = _typed_path(
        str(raw["records"]),
        ValueKind.RECORDS,
        fail,
        (*where, "records"),
        "a list of records, such as host_proceedings.detentions",
    )
    dates = sorted(k for k, f in records.item_fields.items() if f.kind is ValueKind.DATE)
    if raw["date"] not in dates:
        raise fail(
            f"'{raw['date']}' is not a date field of the records in {records.path}",
            (*where, "date"),
            expected="one of " + ", ".join(dates),
        )
    wanted = raw.get("where") or {}
    if not isinstance(wanted, dict):
        raise fail("from.where takes fields to match", (*where, "where"), expected="{basis: ...}")
    matched = {}
    for name, value in wanted.items():
        field_fp = records.item_fields.get(name)
        if field_fp is None or field_fp.kind not in SCALAR_KINDS:
            raise fail(
                f"'{name}' is not a field of the records in {records.path}",
                (*where, "where", name),
                expected="one of " + ", ".join(sorted(records.item_fields)),
            )
        try:
            matched[name] = field_fp.parse(value)
        except ValueError as problem:
            raise fail(
                f"{_show(value)} is not a value of {records.path}.{name}",
                (*where, "where", name),
                expected=str(problem),
            ) from None
    return DateSource(records=records.path, where=matched, date_field=raw["date"])


def _period(raw: Any, fail: Any, where: tuple[Any, ...]) -> Period:
    if not isinstance(raw, dict) or not raw:
        raise fail("period: must give a length", where, expected="{days: 40}, {hours: 72}, ...")
    units = [k for k in raw if k in {u.value for u in Unit}]
    extras = {"in_any", "used"}
    for key in raw:
        if key not in units and key not in extras:
            raise fail(
                f"'{key}' is not a unit of time",
                (*where, key),
                expected=f"one of {UNITS}",
                suggestion=_closest(str(key), [u.value for u in Unit]),
            )
    if len(units) != 1:
        raise fail(
            "period: takes exactly one unit of time",
            where,
            expected=f"one of {UNITS}, such as {{days: 40}}",
        )
    unit = Unit(units[0])
    count, count_fact = _count(raw[unit.value], fail, (*where, unit.value))
    window = raw.get("in_any")
    if window is not None:
        if unit is not Unit.DAYS:
            raise fail("in_any counts days in a window", (*where, "in_any"), expected="days: N")
        if not _whole(window) or window < 1 or (count is not None and count > window):
            raise fail(
                "in_any takes the length of the window in days, no shorter than the limit",
                (*where, "in_any"),
                expected="a whole number, such as in_any: 180",
            )
    used_fact = None
    if "used" in raw:
        if window is None:
            raise fail("used needs in_any", (*where, "used"), expected="{days: 90, in_any: 180}")
        _, used_fact = _count(raw["used"], fail, (*where, "used"))
        if used_fact is None:
            raise fail(
                "used reads the days used from the case",
                (*where, "used"),
                expected=("{fact: stay.days_in_last_180}"),
            )
    return Period(unit=unit, count=count, count_fact=count_fact, window=window, used_fact=used_fact)


def _typed_path(
    path: str, kind: ValueKind, fail: Any, where: tuple[Any, ...], expected: str
) -> FactPath:
    """The fact path `path`, which must hold values of `kind`."""
    fp = _path(path, fail, where)
    if fp.kind is not kind:
        noun = {ValueKind.DATE: "a date", ValueKind.INT: "a whole number"}.get(kind, "a list")
        raise fail(f"{where[-1]}: '{path}' is not {noun}", where, expected=expected)
    return fp


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _count(raw: Any, fail: Any, where: tuple[Any, ...]) -> tuple[int | None, str | None]:
    """A number of units: a whole number, or {fact: path} of a number fact."""
    if _whole(raw) and raw >= 0:
        return raw, None
    if isinstance(raw, dict) and set(raw) == {"fact"}:
        fp = _typed_path(
            str(raw["fact"]),
            ValueKind.INT,
            fail,
            (*where, "fact"),
            "a whole-number fact, such as host_proceedings.sentence.months",
        )
        return None, fp.path
    raise fail(
        f"{_show(raw)} is not a length", where, expected="a whole number, or {fact: <number fact>}"
    )


def _needs_dates(
    deadline: DeadlineRule, conditions: list[Condition], fail: Any, line: int | None
) -> list[Condition]:
    """The facts a deadline is counted from must be known for the rule to hold: unknown, the rule
    is undecided and says which fact it needs. Facts the rule already tests are left as they are."""
    added = []
    paths = (deadline.start.fact, deadline.period.count_fact, deadline.period.used_fact)
    for path in (p for p in paths if p is not None):
        tests = [t for c in conditions if c.path == path for t in c.tests]
        if any(t.op is Op.PRESENT and t.value is False for t in tests):
            raise fail(
                f"it requires {path} not to be recorded, yet its deadline is counted from it",
                DEADLINE,
                expected="a deadline counted from a fact the rule can know",
            )
        if not tests:
            added.append(Condition(path=path, tests=(Test(op=Op.KNOWN, value=True),), line=line))
    return added


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _closest(name: str, options: set[str] | list[str]) -> str | None:
    close = difflib.get_close_matches(name, list(options), n=2, cutoff=0.6)
    return f"did you mean {' or '.join(close)}?" if close else None


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """(key, value) pairs as key -> sorted values."""
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _concluders(rules: Iterable[Rule]) -> dict[str, tuple[str, ...]]:
    return _index((name, r.id) for r in rules for name in r.concludes)


def _edges(rules: list[Rule] | tuple[Rule, ...]) -> dict[str, list[str]]:
    """rule -> the rules it depends on (those concluding its givens, and its defeaters)."""
    concluders = _concluders(rules)
    depends: dict[str, list[str]] = {r.id: [] for r in rules}
    for rule in rules:
        for name in rule.given:
            depends[rule.id].extend(concluders.get(name, []))
        for target in rule.defeats:
            if target in depends:
                depends[target].append(rule.id)
    return depends


def _find_cycle(rules: list[Rule]) -> list[str] | None:
    """A circle of dependencies, as rule ids from its first rule back to it, or None."""
    return _depth_first(_edges(rules))[1]


def _levels(rules: tuple[Rule, ...]) -> dict[str, int]:
    depends = _edges(rules)
    levels: dict[str, int] = {}
    for node in _depth_first(depends)[0]:  # every rule after those it depends on
        levels[node] = 1 + max((levels[d] for d in depends[node]), default=-1)
    return levels


def _depth_first(depends: dict[str, list[str]]) -> tuple[list[str], list[str] | None]:
    """The rules in an order that puts each after those it depends on, and the first circle
    met, if any. Iterative: a chain of a few hundred rules would overflow Python's stack."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    order: list[str] = []
    for root in sorted(depends):
        if root in state:
            continue
        state[root] = 1
        path = [root]
        todo = [iter(sorted(depends[root]))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                done = path.pop()
                todo.pop()
                state[done] = 2
                order.append(done)
            elif state.get(nxt) == 1:
                return order, [*path[path.index(nxt) :], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(sorted(depends[nxt])))
    return order, None


def _digest(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
