"""Numbers that follow from dated facts: computed, not typed.

The reports give dates ("he left his unit on 26 September", "he crossed on 26 September"); the
law counts days and years (days of absence, days of stay in the last 180, age at the act). A case
may write those numbers, but they follow from its dates: `computed` works them out, `check` says
where a written number contradicts the dates (naming both), and `with_counts` fills in those the
case leaves out, as the case is seen on its as-of date.

Only what the dates settle is computed: a date known only to the month or year gives no day
count, and an age only where every possible birth date gives the same one.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from functools import partial

from lexcase.model import dates
from lexcase.model.case import Case, Crossing, LeftService, ServiceExit, Stay

WINDOW = 180  # "at most 90 days in any 180": the window the stay count is kept in


@dataclass(frozen=True)
class Counts:
    """What the dates of a case settle (None: they do not)."""

    absence_days: int | None = None
    stay_days: int | None = None
    stay_counted_on: dt.date | None = None
    age_at_crossing: int | None = None


def computed(case: Case) -> Counts:
    stay = _stay_days(case)
    return Counts(
        absence_days=_absence_days(case),
        stay_days=stay[0] if stay else None,
        stay_counted_on=stay[1] if stay else None,
        age_at_crossing=_age_at_crossing(case),
    )


def _absence_days(case: Case) -> int | None:
    left = case.military.left_service
    away = (ServiceExit.DESERTED, ServiceExit.ABSENT_WITHOUT_LEAVE)
    if left is None or left.on is None or left.how not in away or not dates.is_exact(left.on):
        return None
    days = (case.as_of - left.on).days
    return days if days >= 0 else None


def _stay_days(case: Case) -> tuple[int, dt.date] | None:
    """Days of presence in the window to the count date, from the crossing that brought him to
    the host state (he has been there since, unless a removal ended it)."""
    crossing = case.crossing
    if crossing is None or crossing.date is None or not dates.is_exact(crossing.date):
        return None
    if case.host_state is None or crossing.into != case.host_state:
        return None
    counted = case.stay.counted_on if case.stay and case.stay.counted_on else case.as_of
    if not dates.is_exact(counted) or crossing.date > counted:
        return None
    last = counted
    if case.removal and case.removal.on and dates.is_exact(case.removal.on):
        last = min(last, case.removal.on)
    return dates.days_present(counted, WINDOW, [(crossing.date, last)]), counted


def _age_at_crossing(case: Case) -> int | None:
    crossing = case.crossing
    if crossing is None or crossing.date is None or not dates.is_exact(crossing.date):
        return None
    person = case.person
    if person.born_on is not None:
        first, last = dates.span(person.born_on)
        return dates.age_between(first, last, crossing.date)
    reported = person.reported_age
    if reported and reported.years is not None and reported.on and dates.is_exact(reported.on):
        first, last = dates.births_for_age(reported.years, reported.on)
        return dates.age_between(first, last, crossing.date)
    return None


def check(case: Case) -> list[tuple[str, str]]:
    """Each written number its dates contradict, as (fact path, why): the number and the dates
    named together."""
    found = computed(case)
    problems: list[tuple[str, str]] = []
    left = case.military.left_service
    written = left.absence_days if left else None
    if written is not None and found.absence_days is not None and written > found.absence_days:
        assert left is not None
        problems.append(
            (
                "military.left_service.absence_days",
                f"{written} days of absence, but military.left_service.on "
                f"({left.on}) is only {found.absence_days} days before as_of ({case.as_of})",
            )
        )
    stay = case.stay
    written = stay.days_in_last_180 if stay else None
    if written is not None and found.stay_days is not None and written < found.stay_days:
        assert case.crossing is not None
        problems.append(
            (
                "stay.days_in_last_180",
                f"{written} days of stay, but crossing.date "
                f"({case.crossing.date}) gives {found.stay_days} days of presence in the "
                f"{WINDOW} days to {found.stay_counted_on}",
            )
        )
    crossing = case.crossing
    written = crossing.age if crossing else None
    if written is not None and found.age_at_crossing not in (None, written):
        assert crossing is not None
        source = "person.born_on" if case.person.born_on else "person.reported_age"
        problems.append(
            (
                "crossing.age",
                f"age {written} at the crossing, but {source} gives "
                f"{found.age_at_crossing} on crossing.date ({crossing.date})",
            )
        )
    return problems


def with_counts(case: Case) -> Case:
    """The case with the numbers its dates settle filled in: a written absence no longer than the
    days since leaving is kept (he may have come back), as is a written stay count above the days
    since the crossing (earlier stays in the window); a written age is kept."""
    # A case this function returned has its counts (it would come back as it is: every number
    # it fills in is then written, and kept): it is not worked out again. Cases are frozen, so
    # one counted stays counted (issue 14, session 4: about 5 % of building a result).
    seen = _counted.get(id(case))
    if seen is not None and seen() is case:
        return case
    counted = _with_counts(case)
    if len(_counted) >= KEPT_COUNTED:
        _counted.clear()
    _counted[id(counted)] = weakref.ref(counted, partial(_forget, id(counted)))
    return counted


def _forget(key: int, _: object) -> None:
    _counted.pop(key, None)


KEPT_COUNTED = 16_384  # counted cases remembered while alive (each forgotten when it is freed)
# id of a case `with_counts` returned -> a weak reference to it: alive, it is that case
_counted: dict[int, weakref.ref[Case]] = {}


def _with_counts(case: Case) -> Case:
    found = computed(case)
    updates: dict[str, object] = {}
    left = case.military.left_service
    if left is not None and found.absence_days is not None:
        days = found.absence_days
        if left.absence_days is not None:
            days = min(left.absence_days, days)
        if days != left.absence_days:
            military = case.military.model_copy(
                update={"left_service": _copy(left, absence_days=days)}
            )
            updates["military"] = military
    if found.stay_days is not None:
        stay = case.stay or Stay()
        days = found.stay_days
        if stay.days_in_last_180 is not None:
            days = max(stay.days_in_last_180, days)
        # A case already seen as of its date (by `as_of`, say) has its count: it stays as it is
        # (result3, issue 14: two model copies and a dump of them less per evaluation).
        if (
            case.stay is None
            or stay.days_in_last_180 != days
            or stay.counted_on != found.stay_counted_on
        ):
            updates["stay"] = _copy(stay, days_in_last_180=days, counted_on=found.stay_counted_on)
    crossing = case.crossing
    if crossing is not None and crossing.age is None and found.age_at_crossing is not None:
        updates["crossing"] = _copy(crossing, age=found.age_at_crossing)
    return case.model_copy(update=updates) if updates else case


def _copy(part: LeftService | Stay | Crossing, **values: object) -> object:
    return part.model_copy(update=values)
