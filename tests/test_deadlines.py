"""Deadlines in rules: the format and its checks, the rule firing in the engine like any other,
and each deadline dated and placed (met, missed, overdue, running...) from the case's facts."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import pytest

from casegen import random_case
from conftest import RuleFolder, kz_rules
from lexcase import load_rulebook
from lexcase.errors import RuleFileError
from lexcase.evaluation.deadlines import Deadline, DeadlineStatus
from lexcase.evaluation.evaluator import Evaluator, to_case
from lexcase.evaluation.result import Result
from test_semantics import Run

CLAIM = """\
- id: kz.claim
  title: Asylum is claimed within 24 hours of an irregular crossing
  cite: {article: 1}
  basis: law
  when:
    crossing.at_checkpoint: false
  then:
    deadline:
      what: claim asylum
      binds: the person
      phrase: within 24 hours
      from: crossing.date
      period: {hours: 24}
      met_by: asylum.applied_on
      if_missed: the claim is out of time
"""

CHECK = """\
- id: kz.check
  title: A person held on a wanted notice is checked within 72 hours
  cite: {article: 2}
  basis: law
  when:
    host_proceedings.detentions: {contains: {basis: extradition_check}}
  then:
    deadline:
      what: check him
      binds: the authorities
      phrase: within 72 hours
      from: {records: host_proceedings.detentions, where: {basis: extradition_check}, date: from_on}
      period: {hours: 72}
      if_missed: the sources do not say
"""

PROBATION = """\
- id: kz.probation
  title: Probation lasts the term of the sentence
  cite: {article: 3}
  basis: law
  when:
    host_proceedings.sentence.disposition: conditional
  then:
    deadline:
      kind: ends
      what: probation ends
      binds: the person
      phrase: for the whole term
      from: host_proceedings.sentence.on
      period: {months: {fact: host_proceedings.sentence.months}}
"""

STAY = """\
- id: kz.stay
  title: At most 90 days in any 180
  cite: {article: 4}
  basis: law
  when:
    host_state: KZ
  then:
    deadline:
      what: leave
      binds: the person
      phrase: at most 90 days in any 180
      from: stay.counted_on
      period: {days: 90, in_any: 180, used: {fact: stay.days_in_last_180}}
      met_by: removal.on
      if_missed: an administrative offence
"""


@pytest.fixture
def go(rule_folder: RuleFolder) -> Iterator[Run]:
    evaluator = Evaluator(load_rulebook(rule_folder(kz=kz_rules(CLAIM + CHECK + PROBATION + STAY))))
    yield Run(evaluator)
    evaluator.close()


def deadline(result: Result, rule: str) -> Deadline:
    [found] = [d for d in result.deadlines if d.rule == rule]
    return found


def crossing(day: str = "2022-09-26") -> dict[str, Any]:
    return {"at_checkpoint": False, "date": day}


# --- status -------------------------------------------------------------------------------------


def test_an_act_on_or_before_the_date_meets_the_deadline(go: Run) -> None:
    for applied in ("2022-09-25", "2022-09-26", "2022-09-27"):
        claim = deadline(go(crossing=crossing(), asylum={"applied_on": applied}), "kz.claim")
        assert claim.date == dt.date(2022, 9, 27)
        assert (claim.status, str(claim.met_on)) == (DeadlineStatus.MET, applied)


def test_an_act_after_the_date_misses_it_and_says_by_how_much(go: Run) -> None:
    claim = deadline(go(crossing=crossing(), asylum={"applied_on": "2022-09-29"}), "kz.claim")
    assert claim.status is DeadlineStatus.MISSED and claim.flagged
    assert claim.status_note() == "Done on 2022-09-29, 2 days late."
    assert claim.if_missed == "the claim is out of time"


def test_with_no_act_recorded_it_runs_until_its_last_day_then_is_overdue(go: Run) -> None:
    on_the_day = deadline(go(crossing=crossing(), as_of="2022-09-27"), "kz.claim")
    assert (on_the_day.status, on_the_day.days_left) == (DeadlineStatus.RUNNING, 0)
    assert on_the_day.status_text() == "running: last day"
    before = deadline(go(crossing=crossing(), as_of="2022-09-26"), "kz.claim")
    assert before.status_text() == "running: 1 day left"
    after = deadline(go(crossing=crossing(), as_of="2022-09-28"), "kz.claim")
    assert after.status is DeadlineStatus.OVERDUE and after.flagged
    assert "records no asylum.applied_on" in (after.status_note() or "")


def test_an_act_recorded_after_the_as_of_date_is_not_yet_known(go: Run) -> None:
    data = {"crossing": crossing(), "asylum": {"applied_on": "2022-09-27"}}
    assert deadline(go(**data), "kz.claim").status is DeadlineStatus.MET
    case = to_case({"case_id": "t", "as_of": "2022-12-12", **data})
    earlier = go.evaluator.evaluate(case, dt.date(2022, 9, 26))
    assert deadline(earlier, "kz.claim").status is DeadlineStatus.RUNNING


def test_without_a_fact_that_meets_it_a_past_deadline_has_passed(go: Run) -> None:
    held = {
        "host_proceedings": {
            "detentions": [{"basis": "extradition_check", "from_on": "2022-12-06"}]
        }
    }
    check = deadline(go(**held), "kz.check")
    assert (check.date, check.status) == (dt.date(2022, 12, 9), DeadlineStatus.PASSED)
    assert not check.flagged


def test_a_term_runs_then_ends(go: Run) -> None:
    sentence = {"disposition": "conditional", "months": 6, "on": "2022-12-02"}
    running = deadline(go(host_proceedings={"sentence": sentence}), "kz.probation")
    assert (running.date, running.status, running.days_left) == (
        dt.date(2023, 6, 2),
        DeadlineStatus.RUNNING,
        172,
    )
    assert running.period == "6 months"
    ended = deadline(
        go(host_proceedings={"sentence": sentence}, as_of="2023-06-03"), "kz.probation"
    )
    assert ended.status is DeadlineStatus.ENDED and not ended.flagged


# --- what it counts from ------------------------------------------------------------------------


def test_an_unknown_start_leaves_the_rule_undecided_and_names_the_fact(go: Run) -> None:
    result = go(crossing={"at_checkpoint": False})
    assert [d.rule for d in result.deadlines] == []
    assert {u.rule: u.needs for u in result.undecided}["kz.claim"] == ["crossing.date"]
    # a number fact the period reads is needed the same way
    result = go(host_proceedings={"sentence": {"disposition": "conditional", "on": "2022-12-02"}})
    assert {u.rule: u.needs for u in result.undecided}["kz.probation"] == [
        "host_proceedings.sentence.months"
    ]
    # and a false condition still wins over an unknown start
    assert "kz.claim" not in {u.rule for u in go(crossing={"at_checkpoint": True}).undecided}


def test_from_records_takes_the_earliest_matching_record(go: Run) -> None:
    detentions = [
        {"basis": "criminal", "from_on": "2022-11-01"},
        {"basis": "extradition_check", "from_on": "2022-12-20"},
        {"basis": "extradition_check", "from_on": "2022-12-06"},
    ]
    check = deadline(go(host_proceedings={"detentions": detentions}), "kz.check")
    assert check.from_fact == "host_proceedings.detentions[2].from_on"
    assert check.from_date == dt.date(2022, 12, 6) and check.date == dt.date(2022, 12, 9)


def test_a_matching_record_without_the_date_gives_an_undated_deadline(go: Run) -> None:
    result = go(
        crossing=crossing(),
        host_proceedings={"detentions": [{"basis": "extradition_check"}]},
    )
    check = deadline(result, "kz.check")
    assert (check.date, check.status) == (None, DeadlineStatus.UNDATED)
    assert "does not record host_proceedings.detentions[basis=extradition_check].from_on" in (
        check.status_note() or ""
    )
    assert result.deadlines[-1] is check  # undated deadlines come last


def test_the_stay_limit_counts_the_days_already_used(go: Run) -> None:
    stay = {"counted_on": "2023-03-01", "days_in_last_180": 21}
    last = deadline(go(host_state="KZ", stay=stay, as_of="2023-03-01"), "kz.stay")
    assert last.date == dt.date(2023, 5, 9) and last.days_left == 69
    assert last.period == "90 days in any 180"
    over = deadline(
        go(host_state="KZ", stay={**stay, "days_in_last_180": 95}, as_of="2023-03-01"), "kz.stay"
    )
    assert over.date == dt.date(2023, 2, 24) and over.status is DeadlineStatus.OVERDUE


def test_deadlines_come_in_date_order(go: Run) -> None:
    result = go(
        crossing=crossing(),
        host_state="KZ",
        stay={"counted_on": "2022-10-01", "days_in_last_180": 5},
        host_proceedings={
            "sentence": {"disposition": "conditional", "months": 6, "on": "2022-12-02"},
            "detentions": [{"basis": "extradition_check", "from_on": "2022-12-06"}],
        },
    )
    assert [d.rule for d in result.deadlines] == ["kz.claim", "kz.check", "kz.stay", "kz.probation"]
    dates = [d.date for d in result.deadlines]
    assert dates == sorted(dates)


# --- the rule format ----------------------------------------------------------------------------


def error_for(rule_folder: RuleFolder, body: str) -> RuleFileError:
    with pytest.raises(RuleFileError) as caught:
        load_rulebook(rule_folder(kz=kz_rules(body)))
    return caught.value


@pytest.mark.parametrize(
    ("old", "new", "message", "line"),
    [
        ("from: crossing.date", "from: crossing.place", "from: 'crossing.place' is not a date", 15),
        ("from: crossing.date", "from: crossing.dat", "not a fact of the case model", 15),
        ("period: {hours: 24}", "period: {weeks: 2}", "'weeks' is not a unit of time", 16),
        ("period: {hours: 24}", "period: {day: 2}", "'day' is not a unit of time", 16),
        ("period: {hours: 24}", "period: {days: 1, hours: 2}", "exactly one unit", 16),
        ("period: {hours: 24}", "period: {hours: -1}", "-1 is not a length", 16),
        (
            "period: {hours: 24}",
            "period: {months: {fact: crossing.date}}",
            "fact: 'crossing.date' is not a whole number",
            16,
        ),
        ("period: {hours: 24}", "period: {months: 3, in_any: 180}", "in_any counts days", 16),
        ("met_by: asylum.applied_on", "met_by: asylum", "met_by: 'asylum' is not a date", 17),
        ("      if_missed: the claim is out of time\n", "", "what follows if it is missed", 11),
        ("      what: claim", "      kind: ends\n      what: claim", "has no if_missed", 19),
        (
            "crossing.at_checkpoint: false",
            "crossing.date: {present: false}",
            "not to be recorded",
            11,
        ),
        ("crossing.at_checkpoint: false", "crossing.date: {known: false}", "known takes true", 9),
    ],
)
def test_a_bad_deadline_is_named_by_file_line_and_rule(
    rule_folder: RuleFolder, old: str, new: str, message: str, line: int
) -> None:
    assert old in CLAIM
    error = error_for(rule_folder, CLAIM.replace(old, new))
    assert message in error.message
    assert error.message.startswith("rule kz.claim: ")
    assert error.place.file is not None and error.place.file.endswith("kz/code.yaml")
    assert error.place.line == line


def test_a_suggestion_for_a_misspelt_unit_and_a_wrong_record_field(rule_folder: RuleFolder) -> None:
    unit = error_for(rule_folder, CLAIM.replace("{hours: 24}", "{hour: 24}"))
    assert unit.suggestion == "did you mean hours?"
    assert unit.expected == "one of hours, days, months, years"
    field = error_for(rule_folder, CHECK.replace("date: from_on", "date: from"))
    assert "'from' is not a date field" in field.message
    assert field.expected == "one of from_on, ordered_on"
    value = error_for(
        rule_folder, CHECK.replace("where: {basis: extradition_check}", "where: {basis: jail}")
    )
    assert "'jail' is not a value of host_proceedings.detentions.basis" in value.message


def test_a_rule_may_conclude_a_deadline_and_nothing_else(rule_folder: RuleFolder) -> None:
    book = load_rulebook(rule_folder(kz=kz_rules(CLAIM)))
    rule = book.rule("kz.claim")
    assert rule.outcome is None and rule.concludes == ()
    assert rule.deadline is not None and rule.deadline.period.describe() == "24 hours"
    # the start date became a condition: unknown, the rule is undecided
    assert [c.path for c in rule.conditions] == ["crossing.at_checkpoint", "crossing.date"]


# --- the shipped packs --------------------------------------------------------------------------


def test_every_shipped_deadline_quotes_its_words_and_cites_its_source() -> None:
    book = load_rulebook()
    deadlines = [r for r in book.rules if r.deadline is not None]
    assert len(deadlines) >= 12
    for rule in deadlines:
        assert rule.deadline is not None and rule.deadline.phrase and rule.citations
        if rule.confidence.value != "high":
            assert rule.uncertain, rule.id


def test_random_cases_give_well_formed_deadlines(evaluator: Evaluator) -> None:
    rng = random.Random(5)
    seen: set[str] = set()
    for index in range(400):
        case = to_case(random_case(rng, f"case-{index}", known=0.7))
        result = evaluator.evaluate(case)
        dated = [d.date for d in result.deadlines if d.date is not None]
        assert dated == sorted(dated)
        for item in result.deadlines:
            seen.add(item.rule)
            assert item.rule in {o for o in evaluator.trace(case).holds}
            if item.status is DeadlineStatus.RUNNING:
                assert item.days_left is not None and item.days_left >= 0
            if item.status is DeadlineStatus.MET:
                assert item.met_on is not None and item.date is not None
                assert item.met_on <= item.date
    assert len(seen) >= 6  # the random cases reach most of the deadline rules
