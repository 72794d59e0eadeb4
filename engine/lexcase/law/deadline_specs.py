"""A rule's deadline, as written under `then: deadline:`, resolved against the case model.

The date a deadline counts from is a date fact, or a date field of the records that match some
fields (`{records: host_proceedings.detentions, where: {basis: ...}, date: from_on}`); its length
is a whole number of one unit (`lexcase.model.dates` says how each is counted) or a number fact;
`in_any` and `used` make it a limit within a rolling window. A rule whose deadline counts from a
fact needs that fact known: unknown, the rule is undecided and says so.
"""

from __future__ import annotations

from typing import Any

from lexcase.law.conditions import SCALAR_KINDS, Reporter, Where, show, typed_path
from lexcase.law.rulebook import closest
from lexcase.model.dates import Unit
from lexcase.model.facts import ValueKind
from lexcase.model.rules import (
    Condition,
    DateSource,
    DeadlineKind,
    DeadlineRule,
    DeadlineSpec,
    Op,
    Period,
    Test,
)

DEADLINE = ("then", "deadline")
UNITS = ", ".join(u.value for u in Unit)
FROM_EXPECTED = (
    "the path of a date fact, such as crossing.date, or "
    "{records: host_proceedings.detentions, where: {basis: extradition_custody}, date: from_on}"
)


def resolve_deadline(spec: DeadlineSpec, fail: Reporter) -> DeadlineRule:
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
        typed_path(
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
        what_ru=spec.what_ru,
        binds_ru=spec.binds_ru,
        if_missed_ru=spec.if_missed_ru,
    )


def _date_source(raw: Any, fail: Reporter, where: Where) -> DateSource:
    if isinstance(raw, str):
        typed_path(raw, ValueKind.DATE, fail, where, FROM_EXPECTED)
        return DateSource(fact=raw)
    if not (
        isinstance(raw, dict) and {"records", "date"} <= set(raw) <= {"records", "where", "date"}
    ):
        raise fail("from: must name a date fact", where, expected=FROM_EXPECTED)
    records = typed_path(
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
                f"{show(value)} is not a value of {records.path}.{name}",
                (*where, "where", name),
                expected=str(problem),
            ) from None
    return DateSource(records=records.path, where=matched, date_field=raw["date"])


def _period(raw: Any, fail: Reporter, where: Where) -> Period:
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
                suggestion=closest(str(key), [u.value for u in Unit]),
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


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _count(raw: Any, fail: Reporter, where: Where) -> tuple[int | None, str | None]:
    """A number of units: a whole number, or {fact: path} of a number fact."""
    if _whole(raw) and raw >= 0:
        return raw, None
    if isinstance(raw, dict) and set(raw) == {"fact"}:
        fp = typed_path(
            str(raw["fact"]),
            ValueKind.INT,
            fail,
            (*where, "fact"),
            "a whole-number fact, such as host_proceedings.sentence.months",
        )
        return None, fp.path
    raise fail(
        f"{show(raw)} is not a length", where, expected="a whole number, or {fact: <number fact>}"
    )


def needs_dates(
    deadline: DeadlineRule, conditions: list[Condition], fail: Reporter, line: int | None
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
