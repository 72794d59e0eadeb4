"""The article's case as a timeline: its events, the deadlines the packs conclude, and where each
stands on a given day; then the `lexcase timeline` command."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from lexcase import load_case
from lexcase.analysis.timeline import EntryKind, Timeline, timeline
from lexcase.evaluation.deadlines import Deadline, DeadlineStatus
from lexcase.evaluation.evaluator import Evaluator
from lexcase.interfaces.cli import app
from lexcase.model.facts import with_facts

ZHILIN = SEEDS / "zhilin.yaml"
D = dt.date
runner = CliRunner()


def by_rule(line: Timeline) -> dict[str, Deadline]:
    return {d.rule: d for d in line.deadlines}


@pytest.fixture(scope="module")
def december(evaluator: Evaluator) -> Timeline:
    return timeline(ZHILIN, D(2022, 12, 12), evaluator=evaluator)


def test_the_asylum_claim_was_made_within_24_hours_of_the_crossing(december: Timeline) -> None:
    claim = by_rule(december)["kz.refugees.claim_deadline.irregular_entry"]
    assert (claim.from_fact, claim.from_date, claim.date) == (
        "crossing.date",
        D(2022, 9, 26),
        D(2022, 9, 27),
    )
    assert (claim.status, claim.met_on) == (DeadlineStatus.MET, D(2022, 9, 26))
    assert claim.period == "24 hours" and "read as by the end of 2022-09-27" in (
        claim.counting or ""
    )
    assert claim.confidence.value == "medium" and "forced" in (claim.uncertain or "")


def test_the_refugee_decision_counts_from_the_claim_since_registration_is_not_recorded(
    december: Timeline, evaluator: Evaluator
) -> None:
    decision = by_rule(december)["kz.refugees.11.1.decision_due.from_claim"]
    assert (decision.from_fact, decision.date) == ("asylum.applied_on", D(2022, 12, 26))
    assert (decision.status, decision.met_on) == (DeadlineStatus.MET, D(2022, 11, 30))
    assert any(c.article == "11" and c.part == "1" for c in decision.citations)
    assert "date of registration is not recorded" in (decision.uncertain or "")
    extended = by_rule(december)["kz.refugees.11.1.decision_due.extended.from_claim"]
    assert (extended.date, extended.status) == (D(2023, 9, 26), DeadlineStatus.MET)
    # the rules that count from registration wait for it, and say so
    undecided = {u.rule: u.needs for u in evaluator.evaluate(ZHILIN).undecided}
    assert undecided["kz.refugees.11.1.decision_due"] == ["asylum.registered_on"]
    # with a registration date the deadline counts from it, and the fallback steps aside
    registered = with_facts(load_case(ZHILIN), {"asylum.registered_on": "2022-10-03"})
    line = by_rule(timeline(registered, evaluator=evaluator))
    assert line["kz.refugees.11.1.decision_due"].date == D(2023, 1, 3)
    assert "kz.refugees.11.1.decision_due.from_claim" not in line


def test_the_40_day_custody_runs_from_the_airport_detention_to_15_january(
    december: Timeline,
) -> None:
    custody = by_rule(december)["kz.cpc.588.request_due"]
    assert (custody.from_date, custody.date) == (D(2022, 12, 6), D(2023, 1, 15))
    assert custody.from_fact == "host_proceedings.detentions[1].from_on"
    assert (custody.status, custody.days_left) == (DeadlineStatus.RUNNING, 34)
    assert {(c.short_name, c.article) for c in custody.citations} >= {
        ("KZ Criminal Procedure Code", "588"),
        ("Minsk Convention", "62"),
    }
    assert custody.if_missed is not None and "releases him" in custody.if_missed
    # the prediction made before the court ordered custody is set aside by the order
    assert "kz.cpc.588.request_due.if_ordered" not in by_rule(december)


def test_the_72_hour_check_and_the_probation_are_placed_too(december: Timeline) -> None:
    deadlines = by_rule(december)
    check = deadlines["kz.cpc.587.check_72_hours"]
    assert (check.date, check.status) == (D(2022, 12, 9), DeadlineStatus.PASSED)
    probation = deadlines["kz.cc.63.probation_ends"]
    assert (probation.date, probation.status, probation.days_left) == (
        D(2023, 6, 2),
        DeadlineStatus.RUNNING,
        172,
    )


def test_the_timeline_merges_events_records_and_deadlines_in_date_order(
    december: Timeline,
) -> None:
    dates = [e.date for e in december.entries if e.date is not None]
    assert dates == sorted(dates)
    kinds = {e.kind for e in december.entries}
    assert kinds == {EntryKind.EVENT, EntryKind.RECORD, EntryKind.DEADLINE}
    texts = [e.text for e in december.entries]
    assert any("Astana court orders 40 days of custody" in t for t in texts)
    assert "asylum.decision.on (outcome: refused)" in texts
    first_of_sept_26 = next(e for e in december.entries if e.date == D(2022, 9, 26))
    assert first_of_sept_26.kind is EntryKind.EVENT  # on one day: events, records, deadlines


def test_earlier_the_same_case_shows_what_was_still_running(evaluator: Evaluator) -> None:
    line = by_rule(timeline(ZHILIN, D(2022, 12, 7), evaluator=evaluator))
    assert line["kz.cpc.587.check_72_hours"].days_left == 2
    predicted = line["kz.cpc.588.request_due.if_ordered"]  # custody not ordered yet
    assert (predicted.date, predicted.days_left) == (D(2023, 1, 15), 39)
    assert "kz.cpc.588.request_due" not in line
    september = by_rule(timeline(ZHILIN, D(2022, 9, 26), evaluator=evaluator))
    decision = september["kz.refugees.11.1.decision_due.from_claim"]
    assert (decision.status, decision.days_left) == (DeadlineStatus.RUNNING, 91)


def test_after_15_january_with_no_request_recorded_the_custody_is_overdue(
    evaluator: Evaluator,
) -> None:
    custody = by_rule(timeline(ZHILIN, D(2023, 1, 16), evaluator=evaluator))[
        "kz.cpc.588.request_due"
    ]
    assert custody.status is DeadlineStatus.OVERDUE and custody.flagged
    requested = with_facts(
        load_case(ZHILIN), {"host_proceedings.extradition.requested_on": "2023-01-10"}
    )
    met = by_rule(timeline(requested, D(2023, 1, 16), evaluator=evaluator))
    assert met["kz.cpc.588.request_due"].status is DeadlineStatus.MET


def test_what_followed_in_the_reporting_dates_the_later_deadlines(evaluator: Evaluator) -> None:
    # The hand-over of 29 December 2022 and the appeal of 28 December (legal-notes section 1),
    # and an extradition decision that was never reported, to show the appeal deadline.
    later = with_facts(
        load_case(ZHILIN),
        {
            "as_of": "2023-02-01",
            "removal.type": "deportation",
            "removal.on": "2022-12-29",
            "removal.destination": "RU",
            "asylum.appeal.decision.outcome": "dismissed",
            "asylum.appeal.decision.final": "true",
            "asylum.appeal.decision.on": "2022-12-28",
            "host_proceedings.extradition.decision.outcome": "granted",
            "host_proceedings.extradition.decision.on": "2022-12-20",
            "host_proceedings.extradition.appeal.filed_on": "2023-01-03",
        },
        as_text=True,
    )
    line = by_rule(timeline(later, evaluator=evaluator))
    leave = line["kz.refugees.leave_after_final_refusal.deadline"]
    assert (leave.date, leave.status, leave.met_on) == (
        D(2023, 1, 27),
        DeadlineStatus.MET,
        D(2022, 12, 29),
    )
    appeal = line["kz.cpc.extradition.appeal_deadline"]
    assert (appeal.date, appeal.status) == (D(2022, 12, 30), DeadlineStatus.MISSED)
    assert appeal.status_note() == "Done on 2023-01-03, 4 days late."
    ban = line["kz.cc.392.1.expulsion.ban_ends"]
    assert (ban.kind.value, ban.date, ban.status) == ("ends", D(2027, 12, 29), "running")
    assert "removal or from the judgment" in (ban.uncertain or "")


def test_the_court_set_ban_term_replaces_the_statutory_5_years(evaluator: Evaluator) -> None:
    case = with_facts(
        load_case(ZHILIN),
        {
            "removal.type": "expulsion",
            "removal.on": "2024-02-29",
            "host_proceedings.sentence.expulsion_years": "3",
        },
        as_text=True,
    )
    line = by_rule(timeline(case, D(2024, 3, 1), evaluator=evaluator))
    assert line["kz.cc.392.1.expulsion.ban_ends.as_sentenced"].date == D(2027, 2, 28)
    assert "kz.cc.392.1.expulsion.ban_ends" not in line


def test_the_limit_to_claim_asylum_binds_only_a_case_that_records_an_asylum_matter(
    evaluator: Evaluator,
) -> None:
    reservist = load_case(SEEDS / "reservist-2022.yaml")  # crossed at a checkpoint on 25 Sep
    line = by_rule(timeline(reservist, evaluator=evaluator))
    assert not [r for r in line if r.startswith("kz.refugees.")]
    seeking = with_facts(reservist, {"asylum": {}})
    claim = by_rule(timeline(seeking, evaluator=evaluator))[
        "kz.refugees.claim_deadline.lawful_entry"
    ]
    assert (claim.date, claim.status) == (D(2022, 9, 30), DeadlineStatus.OVERDUE)
    assert claim.period == "5 days"


def test_the_90_in_180_limit_from_27_january_2023(evaluator: Evaluator) -> None:
    reservist = load_case(SEEDS / "reservist-2022.yaml")
    assert "kz.stay.eaeu.90_in_180.last_day" not in by_rule(
        timeline(reservist, evaluator=evaluator)
    )
    # Back in Kazakhstan since `entered`: the days of stay follow from that date (and agree).
    for entered, counted_on, used, last in [
        ("2023-01-07", "2023-01-27", 21, D(2023, 4, 6)),  # 27 January + 69 days
        ("2022-12-02", "2023-03-01", 90, D(2023, 3, 1)),
    ]:
        facts = {"as_of": counted_on, "crossing.date": entered, "stay.counted_on": counted_on}
        facts["stay.days_in_last_180"] = None
        assert (
            by_rule(timeline(with_facts(reservist, facts), evaluator=evaluator))[
                "kz.stay.eaeu.90_in_180.last_day"
            ].date
            == last
        )  # computed from the crossing
        case = with_facts(reservist, {**facts, "stay.days_in_last_180": used})
        stay = by_rule(timeline(case, evaluator=evaluator))["kz.stay.eaeu.90_in_180.last_day"]
        assert stay.date == last and stay.status is DeadlineStatus.RUNNING
        assert "art. 517" in (stay.if_missed or "")
    the_day_before = with_facts(
        reservist,
        {"as_of": "2023-01-26", "stay.counted_on": "2023-01-26", "stay.days_in_last_180": None},
    )
    assert "kz.stay.eaeu.90_in_180.last_day" not in by_rule(
        timeline(the_day_before, evaluator=evaluator)
    )


# --- the command ---------------------------------------------------------------------------------


def test_the_command_prints_the_chronology_with_the_deadlines_status() -> None:
    result = runner.invoke(app, ["timeline", str(ZHILIN), "--as-of", "2022-12-12"])
    assert result.exit_code == 0, result.output
    text = result.output
    assert "zhilin: timeline as of 2022-12-12" in text
    assert "-- as of 2022-12-12 --" in text
    assert text.index("Refugee status refused") < text.index("-- as of 2022-12-12 --")
    assert "met on 2022-09-26" in text
    assert "running: 34 days left" in text
    assert "2023-01-15" in text and "Minsk Convention, art. 62" in text
    assert "sha256:" in text and "not legal advice" not in text


def test_a_missed_deadline_is_flagged_with_its_consequence() -> None:
    result = runner.invoke(app, ["timeline", str(ZHILIN), "--as-of", "2023-01-16"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())  # the table wraps long lines
    assert "OVERDUE" in text
    assert "if missed: The prosecutor releases him" in text


def test_the_command_prints_json_and_nothing_else() -> None:
    result = runner.invoke(app, ["timeline", str(ZHILIN), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["as_of"] == "2022-12-12"
    deadlines = [e["deadline"] for e in data["entries"] if e["kind"] == "deadline"]
    custody = next(d for d in deadlines if d["rule"] == "kz.cpc.588.request_due")
    assert {"date", "what", "rule", "citations", "from_fact", "status", "binds"} <= set(custody)
    assert (custody["date"], custody["days_left"]) == ("2023-01-15", 34)


def test_evaluate_json_carries_the_deadlines_in_date_order() -> None:
    result = runner.invoke(app, ["evaluate", str(ZHILIN), "--json"])
    deadlines = json.loads(result.stdout)["deadlines"]
    assert [d["date"] for d in deadlines] == sorted(d["date"] for d in deadlines)
    assert all({"date", "what", "rule", "citations", "from_fact"} <= set(d) for d in deadlines)


def test_bad_input_to_the_command_is_one_line_and_exit_2() -> None:
    bad_date = runner.invoke(app, ["timeline", str(ZHILIN), "--as-of", "12.12.2022"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.stderr
    missing = runner.invoke(app, ["timeline", "nowhere.yaml"])
    assert missing.exit_code == 2 and missing.stderr.strip().count("\n") == 0
