"""Date arithmetic at its edges: month ends, leap years, day boundaries, the 180-day window."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lexcase.model.dates import (
    Unit,
    add,
    add_months,
    counting,
    days_present,
    describe,
    last_day_in_window,
)

D = dt.date


@pytest.mark.parametrize(
    ("start", "count", "unit", "end"),
    [
        # the article's custody: 40 days from the airport detention
        (D(2022, 12, 6), 40, Unit.DAYS, D(2023, 1, 15)),
        # the day of the event is not counted: 1 day from 31 December is 1 January
        (D(2022, 12, 31), 1, Unit.DAYS, D(2023, 1, 1)),
        (D(2024, 2, 28), 1, Unit.DAYS, D(2024, 2, 29)),
        (D(2023, 2, 28), 1, Unit.DAYS, D(2023, 3, 1)),
        (D(2022, 9, 25), 5, Unit.DAYS, D(2022, 9, 30)),
        # hours: to the end of the last day the period can reach
        (D(2022, 9, 26), 24, Unit.HOURS, D(2022, 9, 27)),
        (D(2022, 12, 6), 72, Unit.HOURS, D(2022, 12, 9)),
        (D(2022, 12, 31), 24, Unit.HOURS, D(2023, 1, 1)),
        (D(2022, 9, 26), 1, Unit.HOURS, D(2022, 9, 27)),
        (D(2022, 9, 26), 25, Unit.HOURS, D(2022, 9, 28)),
        (D(2022, 9, 26), 48, Unit.HOURS, D(2022, 9, 28)),
        (D(2022, 9, 26), 0, Unit.HOURS, D(2022, 9, 26)),
        # months clamp at month ends
        (D(2023, 1, 31), 1, Unit.MONTHS, D(2023, 2, 28)),
        (D(2024, 1, 31), 1, Unit.MONTHS, D(2024, 2, 29)),
        (D(2022, 11, 30), 3, Unit.MONTHS, D(2023, 2, 28)),
        (D(2023, 11, 30), 3, Unit.MONTHS, D(2024, 2, 29)),
        (D(2022, 8, 31), 1, Unit.MONTHS, D(2022, 9, 30)),
        (D(2022, 9, 26), 3, Unit.MONTHS, D(2022, 12, 26)),
        (D(2022, 12, 2), 6, Unit.MONTHS, D(2023, 6, 2)),
        (D(2022, 10, 15), 3, Unit.MONTHS, D(2023, 1, 15)),  # across the year end
        (D(2023, 2, 28), 1, Unit.MONTHS, D(2023, 3, 28)),  # not moved to the month end
        # years are 12 months: 29 February clamps outside leap years
        (D(2024, 2, 29), 1, Unit.YEARS, D(2025, 2, 28)),
        (D(2024, 2, 29), 4, Unit.YEARS, D(2028, 2, 29)),
        (D(2022, 12, 29), 5, Unit.YEARS, D(2027, 12, 29)),
    ],
)
def test_a_period_ends_where_the_module_notes_say(
    start: dt.date, count: int, unit: Unit, end: dt.date
) -> None:
    assert add(start, count, unit) == end


def test_hours_never_end_before_the_event_could_have_run_its_course() -> None:
    # An event at 23:59 on D is followed by H hours that end on the day read here.
    start = D(2022, 9, 26)
    for hours in range(1, 24 * 5):
        latest = dt.datetime.combine(start, dt.time(23, 59)) + dt.timedelta(hours=hours)
        assert add(start, hours, Unit.HOURS) == latest.date()


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)), st.integers(0, 600))
def test_months_land_in_the_right_month_and_never_overshoot(start: dt.date, months: int) -> None:
    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day <= start.day
    if end.day < start.day:  # clamped: the target month is too short, and this is its last day
        assert (end + dt.timedelta(days=1)).day == 1


def test_years_are_twelve_months() -> None:
    assert add(D(2023, 3, 31), 2, Unit.YEARS) == add(D(2023, 3, 31), 24, Unit.MONTHS)


def test_past_the_calendar_or_negative_is_refused() -> None:
    with pytest.raises(OverflowError):
        add(D(9999, 6, 1), 1, Unit.YEARS)
    with pytest.raises(OverflowError):
        add(D(9999, 12, 31), 1, Unit.DAYS)
    with pytest.raises(ValueError):
        add(D(2022, 1, 1), -1, Unit.DAYS)


# --- the 90-in-180-day window -------------------------------------------------------------------


def test_a_continuous_stay_reaches_90_days_on_its_90th_day() -> None:
    entry = D(2023, 2, 1)
    last = last_day_in_window(entry, 90, 180)  # the day of entry is the first day of presence
    assert last == D(2023, 5, 1)
    assert days_present(last, 180, [(entry, last)]) == 90
    after = last + dt.timedelta(days=1)
    assert days_present(after, 180, [(entry, after)]) == 91


def test_with_days_used_the_limit_counts_from_the_day_of_the_count() -> None:
    counted_on = D(2023, 3, 1)
    assert last_day_in_window(counted_on, 90, 180, used=21) == D(2023, 5, 9)
    assert last_day_in_window(counted_on, 90, 180, used=90) == counted_on  # today is the last
    assert last_day_in_window(counted_on, 90, 180, used=91) == D(2023, 2, 28)  # already over
    with pytest.raises(ValueError):
        last_day_in_window(counted_on, 90, 180, used=181)


@given(
    entry=st.dates(min_value=D(2023, 1, 27), max_value=D(2030, 1, 1)),
    offset=st.integers(0, 89),
)
def test_the_window_shortcut_agrees_with_counting_days_for_a_continuous_stay(
    entry: dt.date, offset: int
) -> None:
    counted_on = entry + dt.timedelta(days=offset)
    used = days_present(counted_on, 180, [(entry, counted_on)])
    last = last_day_in_window(counted_on, 90, 180, used)
    stay = [(entry, last + dt.timedelta(days=1))]
    assert days_present(last, 180, stay) == 90
    assert days_present(last + dt.timedelta(days=1), 180, stay) == 91


@given(
    earlier=st.integers(1, 60),
    gap=st.integers(1, 170),
    entry_offset=st.integers(0, 30),
)
def test_with_earlier_stays_the_shortcut_is_never_later_than_the_true_limit(
    earlier: int, gap: int, entry_offset: int
) -> None:
    first = D(2023, 2, 1)
    first_end = first + dt.timedelta(days=earlier - 1)
    entry = first_end + dt.timedelta(days=gap + 1)
    counted_on = entry + dt.timedelta(days=entry_offset)
    stays = [(first, first_end), (entry, counted_on)]
    used = days_present(counted_on, 180, stays)
    if used > 90:
        return
    shortcut = last_day_in_window(counted_on, 90, 180, used)

    def present_until(day: dt.date) -> int:  # presence continuing from the entry up to `day`
        return days_present(day, 180, [stays[0], (entry, day)])

    day = counted_on  # walk day by day to the true last day within the limit
    while present_until(day + dt.timedelta(days=1)) <= 90:
        day += dt.timedelta(days=1)
    assert shortcut <= day
    assert present_until(shortcut) <= 90


def test_the_window_is_180_days_ending_on_the_day_itself() -> None:
    day = D(2023, 7, 1)
    first_in = day - dt.timedelta(days=179)
    assert days_present(day, 180, [(first_in, first_in)]) == 1
    assert days_present(day, 180, [(first_in - dt.timedelta(days=1),) * 2]) == 0


def test_descriptions_read_as_words() -> None:
    assert describe(1, Unit.DAYS) == "1 day" and describe(3, Unit.MONTHS) == "3 months"
    assert "that month has no day 30" in counting(D(2022, 11, 30), 3, Unit.MONTHS, D(2023, 2, 28))
    assert "read as by the end of 2022-09-27" in counting(
        D(2022, 9, 26), 24, Unit.HOURS, D(2022, 9, 27)
    )
