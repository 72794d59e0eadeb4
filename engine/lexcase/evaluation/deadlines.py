"""Deadlines: the dates that follow from the rules that held, and where each one stands.

A rule whose `then:` carries a deadline is inferred like any other (durable_rules decides that it
holds); this module only dates it. It reads the date the rule counts from and the period the rule
sets, adds them with `lexcase.model.dates`, and compares the result with the case's as-of date and
with the fact that meets the deadline, when the rule names one. Nothing here knows any particular
deadline: everything comes from the rule's data.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import Field

from lexcase.evaluation.trusted import trusted
from lexcase.model import dates
from lexcase.model.case import Day
from lexcase.model.facts import value_at
from lexcase.model.rules import DateSource, DeadlineKind, Rule, RuleSource, source_fields


class DeadlineStatus(StrEnum):
    RUNNING = "running"  # not yet past, and not yet met
    MET = "met"  # the case records the act on or before the date
    MISSED = "missed"  # the case records the act after the date
    OVERDUE = "overdue"  # past, and the case records no act meeting it: missed, or not recorded
    PASSED = "passed"  # past; the rule names no fact that would show whether it was met
    ENDED = "ended"  # a term that has run out
    UNDATED = "undated"  # the date it counts from is not recorded


# Statuses that call for the consequence of missing the deadline to be shown.
FLAGGED = frozenset({DeadlineStatus.MISSED, DeadlineStatus.OVERDUE})


class Deadline(RuleSource):
    """A deadline concluded by a rule (the rule's fields say which, and on what sources)."""

    date: dt.date | None = Field(description="The last day of the period; null when undated.")
    what: str
    kind: DeadlineKind
    status: DeadlineStatus
    days_left: int | None = Field(
        None, description="For a running deadline: days from the as-of date (0: today is the last)."
    )
    note: str | None = None
    from_fact: str = Field(description="The fact the period counts from.")
    from_date: Day | None = None
    period: str
    phrase: str = Field(description="The words of the source that set the period.")
    counting: str | None = Field(None, description="How the period was counted, in words.")
    binds: str
    if_missed: str | None = None
    met_by: str | None = None
    met_on: Day | None = None

    @property
    def flagged(self) -> bool:
        return self.status in FLAGGED

    def status_text(self) -> str:
        """The status in a few words: `met on 2022-09-26`, `running: 34 days left`, `OVERDUE`."""
        status = self.status
        if status is DeadlineStatus.RUNNING and self.days_left is not None:
            if self.days_left == 0:
                return "running: last day"
            return f"running: {self.days_left} day{'s' if self.days_left != 1 else ''} left"
        if status is DeadlineStatus.MET and self.met_on is not None:
            return f"met on {self.met_on}"
        if status in FLAGGED:
            return status.value.upper()
        return status.value

    def status_note(self) -> str | None:
        """What the status rests on, in a sentence, where the status alone does not say it."""
        if self.status is DeadlineStatus.MISSED and self.met_on and self.date:
            late = (self.met_on - self.date).days
            return f"Done on {self.met_on}, {late} day{'s' if late != 1 else ''} late."
        if self.status is DeadlineStatus.OVERDUE:
            return f"The case records no {self.met_by}: missed, unless the record is incomplete."
        if self.status is DeadlineStatus.PASSED:
            return "Past; nothing in the case shows whether it was met."
        if self.status is DeadlineStatus.UNDATED:
            return self.counting
        return None


def compute_deadlines(rules: list[Rule], data: dict[str, Any], as_of: dt.date) -> list[Deadline]:
    """The deadlines of `rules` (the rules that held), dated from the case `data`, in date order;
    undated ones last."""
    out = [_deadline(rule, data, as_of) for rule in rules if rule.deadline is not None]
    return sorted(out, key=lambda d: (d.date is None, d.date or as_of, d.rule))


def _deadline(rule: Rule, data: dict[str, Any], as_of: dt.date) -> Deadline:
    spec = rule.deadline
    assert spec is not None
    from_fact, start = _start(spec.start, data)
    period = spec.period
    count = period.count if period.count is not None else _int(data, period.count_fact)
    used = _int(data, period.used_fact) if period.used_fact else None
    end: dt.date | None = None
    counting: str | None = None
    if start is not None and not dates.is_exact(start) and count is not None:
        counting = _approximate(start, count, period, used)
    elif start is not None and count is not None:
        try:
            if period.window is not None:
                end = dates.last_day_in_window(
                    start, count, period.window, used if used is not None else 1
                )
                counting = dates.counting_in_window(start, count, period.window, used, end)
            else:
                end = dates.add(start, count, period.unit)
                counting = dates.counting(start, count, period.unit, end)
        except (OverflowError, ValueError) as problem:
            counting = f"cannot be dated: {problem}"
    if end is None and counting is None:
        missing = from_fact if start is None else period.count_fact
        counting = f"not dated: the case does not record {missing}"
    met_on = _date(value_at(data, spec.met_by)) if spec.met_by else None
    status = _status(spec.kind, end, as_of, spec.met_by, met_on)
    shown = period.describe() if count is None else dates.describe(count, period.unit)
    if period.window is not None:
        shown += f" in any {period.window}"
    fields = source_fields(rule)  # the fields of `RuleSource` first, as declared
    fields.update(
        {
            "date": end,
            "what": spec.what,
            "kind": spec.kind,
            "status": status,
            "days_left": (end - as_of).days if status is DeadlineStatus.RUNNING and end else None,
            "note": rule.note,
            "from_fact": from_fact,
            "from_date": start,
            "period": shown,
            "phrase": spec.phrase,
            "counting": counting,
            "binds": spec.binds,
            "if_missed": spec.if_missed,
            "met_by": spec.met_by,
            "met_on": met_on,
        }
    )
    return trusted(Deadline, fields)  # every field given, as `Deadline(**fields)` would record


def _status(
    kind: DeadlineKind,
    end: dt.date | None,
    as_of: dt.date,
    met_by: str | None,
    met_on: dt.date | None,
) -> DeadlineStatus:
    if end is None:
        return DeadlineStatus.UNDATED
    if kind is DeadlineKind.ENDS:
        return DeadlineStatus.ENDED if end < as_of else DeadlineStatus.RUNNING
    if met_on is not None:
        first, last = dates.span(met_on)
        if last <= end:
            return DeadlineStatus.MET
        if first > end:
            return DeadlineStatus.MISSED
        # known only to the month or year, on both sides of the deadline: it cannot say which
        return DeadlineStatus.RUNNING if end >= as_of else DeadlineStatus.PASSED
    if end >= as_of:
        return DeadlineStatus.RUNNING
    return DeadlineStatus.OVERDUE if met_by else DeadlineStatus.PASSED


def _start(source: DateSource, data: dict[str, Any]) -> tuple[str, dt.date | None]:
    """The fact a period counts from, and its date: for a list of records, the earliest date among
    the records that match."""
    if source.fact is not None:
        return source.fact, _date(value_at(data, source.fact))
    assert source.records is not None and source.date_field is not None
    items = value_at(data, source.records) or []
    found: list[tuple[dt.date, int]] = []
    for index, item in enumerate(items):
        if all(item.get(k) == v for k, v in source.where.items()):
            day = _date(item.get(source.date_field))
            if day is not None:
                found.append((day, index))
    if not found:
        return source.describe(), None
    day, index = min(found)
    return f"{source.records}[{index}].{source.date_field}", day


def _date(value: Any) -> dt.date | None:
    """A date of case data: a `dates.Approx` when the case knows only its month or year."""
    return dates.parse_reported(value) if isinstance(value, str) else None


def _approximate(start: dt.date, count: int | None, period: Any, used: int | None) -> str:
    """Why a deadline counted from a date known only to the month or year is left undated, with
    the days it may fall on."""
    first, last = dates.span(start)
    try:
        if period.window is not None:
            ends = [
                dates.last_day_in_window(d, count or 0, period.window, used or 1)
                for d in (first, last)
            ]
        else:
            ends = [dates.add(d, count or 0, period.unit) for d in (first, last)]
    except (OverflowError, ValueError) as problem:
        return f"cannot be dated: {problem}"
    return (
        f"not dated: it counts from a date known only as {start.isoformat()}, so it falls "
        f"between {ends[0]} and {ends[1]}; the day it counts from decides it"
    )


def _int(data: dict[str, Any], path: str | None) -> int | None:
    value = value_at(data, path) if path else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
