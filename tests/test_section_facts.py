"""The facts the engine receives for one section of a case: only the values its rules read, with
day numbers beside dates and lengths beside lists, and nothing for what the case leaves unknown."""

from __future__ import annotations

import datetime as dt

from lexcase.model.facts import (
    COUNT_SUFFIX,
    DAY_SUFFIX,
    PRESENT_KEY,
    FactReader,
    fact_shape,
    section_fact,
)


def reader(*keys: str) -> FactReader:
    return FactReader.of(fact_shape(keys))


def test_a_section_fact_carries_what_is_read_and_leaves_unknowns_out() -> None:
    data = {
        "crossing": {
            "date": "2022-09-26",
            "at_checkpoint": False,
            "countries": ["RU", "KZ"],
            "note": "not read by any rule",
            "guard": {"armed": True, "rank": None},
        }
    }
    read = reader(
        "at_checkpoint",
        "date" + DAY_SUFFIX,
        "countries" + COUNT_SUFFIX,
        "countries",
        "missing",
        "guard.armed",
        "guard.rank",
        PRESENT_KEY,
    )
    assert section_fact(data, "crossing", read) == {
        "at_checkpoint": False,
        "date" + DAY_SUFFIX: dt.date(2022, 9, 26).toordinal(),
        "countries" + COUNT_SUFFIX: 2,
        "countries": ["RU", "KZ"],
        "guard": {"armed": True},
        PRESENT_KEY: True,
    }


def test_a_section_the_case_does_not_record_is_an_empty_fact() -> None:
    assert section_fact({}, "crossing", reader("at_checkpoint", PRESENT_KEY)) == {}


def test_the_case_section_reads_top_level_values_and_is_never_marked_recorded() -> None:
    data = {"home_state": "RU", "as_of": "2023-01-02", "crossing": {"at_checkpoint": True}}
    read = reader("home_state", "as_of" + DAY_SUFFIX, PRESENT_KEY)
    assert section_fact(data, "case", read) == {
        "home_state": "RU",
        "as_of" + DAY_SUFFIX: dt.date(2023, 1, 2).toordinal(),
    }


def test_a_record_read_both_whole_and_by_field_is_kept_when_recorded() -> None:
    read = reader("guard", "guard.armed")
    assert section_fact({"s": {"guard": {"rank": 3}}}, "s", read) == {"guard": {}}
    assert section_fact({"s": {}}, "s", read) == {}
