"""Date arithmetic for deadlines: a date plus a period, read the way the rule packs read periods.

The rules say which date a period counts from and how long it is; this module only adds. Each
unit is read as follows, and a rule quotes the words of its source (`phrase:`) above the period
it sets, so a reader can check the reading against the words.

* **The day of the event is not counted.** A period of N days from an event on day D ends at the
  end of day D + N: 40 days from a detention on 6 December 2022 end on 15 January 2023.
* **Hours.** Dates in a case carry no hour, so the hour of the event is unknown. A period of H hours
  from an event on day D ends, at the latest, at the end of day D + ceil(H / 24): an event at 23:59
  on D is followed by H hours that run to 23:59 on D + H/24. "Within 24 hours" of a crossing on
  26 September is therefore read as by the end of 27 September, and "72 hours" from a detention on
  6 December as by the end of 9 December. An act recorded on that last day counts as on time,
  though it may have come a few hours late; every such deadline says so in its `counting`.
* **Months.** The same day of the month N months later; when that month has no such day, its last
  day: 31 January + 1 month is 28 February (29 February in a leap year), 30 November + 3 months is
  28 February.
* **Years.** 12 months, so 29 February 2024 + 1 year is 28 February 2025.
* **Days in a window** ("at most 90 days in any 180"). Days of presence are counted, the day of
  the count included. With `used` days in the window that ends on day C (C included) and presence
  continuing, the last day within the limit is C + (limit - used). That is the earliest day the
  limit can be reached: if some of the used days lie early in the window, they drop out of it as
  it moves and push the limit later, so a deadline read this way is never late. Without a count
  of used days, the day the period counts from is the first day of presence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from typing import Any

HOURS_PER_DAY = 24


class Unit(StrEnum):
    HOURS = "hours"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


def add(start: dt.date, count: int, unit: Unit) -> dt.date:
    """The last day of a period of `count` units from an event on `start` (see the module notes).
    Raises OverflowError past the calendar's end (year 9999)."""
    if count < 0:
        raise ValueError(f"a period cannot be negative ({count} {unit.value})")
    if unit is Unit.HOURS:
        return start + dt.timedelta(days=-(-count // HOURS_PER_DAY))
    if unit is Unit.DAYS:
        return start + dt.timedelta(days=count)
    months = count * 12 if unit is Unit.YEARS else count
    return add_months(start, months)


def add_months(start: dt.date, months: int) -> dt.date:
    """`start` moved by `months` calendar months, clamped to the end of a shorter month."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError("date beyond the calendar")
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def last_day_in_window(counted_on: dt.date, limit: int, window: int, used: int = 1) -> dt.date:
    """The last day within "at most `limit` days in any `window`", with `used` days of presence in
    the window that ends on `counted_on` (that day included) and presence continuing."""
    if not 0 <= used <= window:
        raise ValueError(f"{used} days cannot be used in a window of {window}")
    if limit > window:
        raise ValueError(f"a limit of {limit} days does not fit a window of {window}")
    return counted_on + dt.timedelta(days=limit - used)


def days_present(day: dt.date, window: int, presence: list[tuple[dt.date, dt.date]]) -> int:
    """Days of presence in the `window` days that end on `day` (that day included), given stays as
    (first day, last day) pairs. The plain count that `last_day_in_window` shortcuts."""
    first = day - dt.timedelta(days=window - 1)
    total = 0
    for start, end in presence:
        lo, hi = max(start, first), min(end, day)
        if lo <= hi:
            total += (hi - lo).days + 1
    return total


def describe(count: int, unit: Unit) -> str:
    """`3 months`, `1 day`."""
    word = unit.value if count != 1 else unit.value[:-1]
    return f"{count} {word}"


def counting(start: dt.date, count: int, unit: Unit, end: dt.date) -> str:
    """How a period was counted, in words, for the reader of a deadline."""
    if unit is Unit.HOURS:
        return (
            f"{describe(count, unit)} from {start} (a date without an hour): "
            f"read as by the end of {end}, the latest the period can end"
        )
    if unit is Unit.DAYS:
        return f"{describe(count, unit)} from {start}, that day not counted: ends on {end}"
    clamped = end.day != start.day
    text = f"{describe(count, unit)} from {start}: the same day of the month, {end}"
    if clamped:
        text = (
            f"{describe(count, unit)} from {start}: that month has no day {start.day}, "
            f"so its last day, {end}"
        )
    return text


def counting_in_window(
    counted_on: dt.date, limit: int, window: int, used: int | None, end: dt.date
) -> str:
    if used is None:
        return (
            f"at most {limit} days in any {window}, present from {counted_on} (that day counted): "
            f"the last day within the limit is {end}"
        )
    return (
        f"at most {limit} days in any {window}; {used} used in the {window} days to {counted_on}: "
        f"with presence continuing, the last day within the limit is {end} (the earliest it can be)"
    )


# --- dates known only to the month or the year ------------------------------------------------

# The press often reports "in March 2023" or "in 2022". A case file may write such a date as
# `2023-03` or `2022`: it stands for every day of that month or year, and a rule whose answer
# depends on the day is decided only when every one of those days gives the same answer.
REPORTED_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Approx(dt.date):
    """A date known only to the month or the year. As a `date` it is the first day of the span
    (so it sorts where the span begins); `last` is the span's last day. Code that does day
    arithmetic must ask `span()` first, never use it as the day it is not."""

    precision: Precision

    def __new__(cls, year: int, month: int | None = None) -> Approx:
        self = super().__new__(cls, year, month or 1, 1)
        self.precision = Precision.YEAR if month is None else Precision.MONTH
        return self

    @property
    def last(self) -> dt.date:
        if self.precision is Precision.YEAR:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def isoformat(self) -> str:
        if self.precision is Precision.YEAR:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"Approx({self.isoformat()!r})"

    def __reduce__(self) -> Any:
        return (Approx, (self.year, None if self.precision is Precision.YEAR else self.month))


def parse_reported(text: str) -> dt.date:
    """`2023-03-15` as a date; `2023-03` and `2023` as an `Approx` spanning the month or year.
    Raises ValueError for anything else."""
    if not re.match(REPORTED_DATE_PATTERN, text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD, YYYY-MM or YYYY")
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    return Approx(parts[0], parts[1] if len(parts) == 2 else None)


def span(value: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a date may be: the same day for a date known to the day."""
    if isinstance(value, Approx):
        return dt.date(value.year, value.month, value.day), value.last
    return value, value


def is_exact(value: dt.date) -> bool:
    return not isinstance(value, Approx)


# --- numbers that follow from dated facts -------------------------------------------------------


def age_on(born: dt.date, on: dt.date) -> int:
    """Age in whole years on `on` of a person born on `born` (a birthday on 29 February falls on
    28 February in other years, as `add_months` reads a year)."""
    years = on.year - born.year
    return years if add_months(born, 12 * years) <= on else years - 1


def age_between(born_first: dt.date, born_last: dt.date, on: dt.date) -> int | None:
    """The age on `on` when every birth date from `born_first` to `born_last` gives the same one;
    None when they do not."""
    oldest, youngest = age_on(born_first, on), age_on(born_last, on)
    return oldest if oldest == youngest else None


def births_for_age(years: int, reported_on: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last birth dates of a person reported to be `years` old on `reported_on`."""
    last = add_months(reported_on, -12 * years)
    first = add_months(reported_on, -12 * (years + 1)) + dt.timedelta(days=1)
    return first, last
