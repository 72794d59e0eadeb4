"""The timeline of a case: one chronology of what happened and what falls due.

It merges the case's events (`events:`), the dates its records carry (a crossing, a decision, a
detention...) and the deadlines the rules conclude (see `lexcase.evaluation.deadlines`), as known
on the as-of date. Each deadline keeps its status: met, missed, overdue, running with the days
left, and so on; those missed or overdue carry the consequence of missing them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from lexcase.evaluation.deadlines import Deadline
from lexcase.evaluation.evaluator import CaseInput, Evaluator, evaluator_for, to_case
from lexcase.evaluation.result import NOT_ADVICE, Result, RulebookStamp
from lexcase.law.overlay import RulesInput
from lexcase.model.case import Case, Event, Record
from lexcase.model.facts import as_of as case_as_of


class EntryKind(StrEnum):
    EVENT = "event"  # an entry of the case's `events`
    RECORD = "record"  # a date carried by a record of the case
    DEADLINE = "deadline"  # a date the rules conclude


KIND_ORDER = {kind: index for index, kind in enumerate(EntryKind)}


class TimelineEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date | None
    kind: EntryKind
    text: str
    fact: str | None = Field(None, description="For a record: the path of the dated fact.")
    deadline: Deadline | None = None


class Timeline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    case_id: str
    as_of: dt.date
    entries: list[TimelineEntry] = Field(
        description="By date; on one day events, then records, then deadlines; undated last."
    )
    rulebook: RulebookStamp
    notice: str = NOT_ADVICE

    @property
    def deadlines(self) -> list[Deadline]:
        return [e.deadline for e in self.entries if e.deadline is not None]


def timeline(
    case: CaseInput,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
    evaluator: Evaluator | None = None,
) -> Timeline:
    """The timeline of `case` as known on `as_of` (the case's own date by default), with the
    shipped rules, the rule folder `rules`, or a ready `evaluator`."""
    loaded = to_case(case)
    if evaluator is not None:
        return build_timeline(loaded, evaluator.evaluate(loaded, as_of))
    with evaluator_for(rules) as own:
        return build_timeline(loaded, own.evaluate(loaded, as_of))


def build_timeline(case: Case, result: Result) -> Timeline:
    """Merge the case as known on the result's date with the result's deadlines."""
    seen = case_as_of(case, result.as_of)
    entries = [TimelineEntry(date=e.on, kind=EntryKind.EVENT, text=e.what) for e in seen.events]
    entries.extend(_records(seen))
    entries.extend(
        TimelineEntry(date=d.date, kind=EntryKind.DEADLINE, text=d.what, deadline=d)
        for d in result.deadlines
    )
    entries.sort(
        key=lambda e: (
            e.date is None,
            e.date or result.as_of,
            KIND_ORDER[e.kind],
            e.fact or "",
            e.deadline.rule if e.deadline else "",
        )
    )
    return Timeline(
        case_id=result.case_id, as_of=result.as_of, entries=entries, rulebook=result.rulebook
    )


def _records(case: Case) -> list[TimelineEntry]:
    """Every date a record of the case carries, with the record's other plain values as words."""
    out: list[TimelineEntry] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, BaseModel):
            if isinstance(value, Record) and not isinstance(value, Event):
                out.extend(_dated(value, path))
            for name, info in type(value).model_fields.items():
                if path == "" and name in ("events", "sources"):
                    continue
                child = getattr(value, name)
                walk(child, f"{path}.{info.alias or name}" if path else (info.alias or name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")

    walk(case, "")
    return out


def _dated(record: Record, path: str) -> list[TimelineEntry]:
    dates: list[tuple[str, dt.date]] = []
    plain: list[str] = []
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        alias = info.alias or name
        if isinstance(value, dt.date):
            dates.append((alias, value))
        elif isinstance(value, bool):
            plain.append(f"{alias}: {'yes' if value else 'no'}")
        elif isinstance(value, str | int):
            plain.append(f"{alias}: {value}")
    detail = f" ({', '.join(plain)})" if plain else ""
    return [
        TimelineEntry(
            date=day, kind=EntryKind.RECORD, text=f"{path}.{alias}{detail}", fact=f"{path}.{alias}"
        )
        for alias, day in dates
    ]
