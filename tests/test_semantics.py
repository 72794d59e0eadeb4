"""The rule semantics on small rule sets: chaining, exceptions, law in force, unknown facts.

Each behaviour is checked on the durable_rules engine; the reference evaluator (tests/reference.py)
is consulted too, so the two definitions of the semantics cannot drift apart unnoticed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import RuleFolder, kz_rules
from lexcase import load_rulebook
from lexcase.evaluation.evaluator import Evaluator, to_case
from lexcase.evaluation.result import Result
from lexcase.model.facts import case_data
from reference import evaluate_reference


def rule(
    rule_id: str,
    *,
    when: str = "",
    given: str = "",
    defeats: str = "",
    extra: str = "",
    conclude: str = "",
    kind: str = "remedy",
) -> str:
    lines = [f"- id: {rule_id}", f"  title: rule {rule_id}", "  cite: {article: 1}", "  basis: law"]
    if extra:
        lines.append(extra)
    if when:
        lines.append("  when:")
        lines.extend(f"    {w}" for w in when.split("; "))
    if given:
        lines.append(f"  given: [{given}]")
    if defeats:
        lines.append(f"  defeats: [{defeats}]")
    lines.append("  then:")
    if conclude:
        lines.append(f"    conclude: [{conclude}]")
    lines.append(f"    outcome: {{kind: {kind}, summary: '{rule_id}', detail: {{action: x}}}}")
    return "\n".join(lines) + "\n"


class Run:
    """Evaluate cases on a small rulebook with the engine, checking the reference agrees."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator

    def __call__(self, **case: Any) -> Result:
        data = {"case_id": "t", "as_of": "2022-12-12", **case}
        result = self.evaluator.evaluate(data)
        self.check_reference(data)
        return result

    def check_reference(self, data: dict[str, Any]) -> None:
        from lexcase.evaluation.evaluator import to_case

        facts = case_data(to_case(data))
        engine = self.evaluator.trace(to_case(data))
        reference = evaluate_reference(self.evaluator.rulebook, facts)
        assert (engine.holds, engine.defeated, engine.open) == (
            reference.holds,
            reference.defeated,
            reference.open,
        )


@pytest.fixture
def run(rule_folder: RuleFolder) -> Iterator[Any]:
    made: list[Evaluator] = []

    def make(*rules: str, shuffle: int | None = None) -> Run:
        evaluator = Evaluator(
            load_rulebook(rule_folder(kz=kz_rules("".join(rules)))), shuffle=shuffle
        )
        made.append(evaluator)
        return Run(evaluator)

    yield make
    for evaluator in made:
        evaluator.close()


def held(result: Result) -> list[str]:
    return [o.rule for o in result.outcomes]


def test_chained_conclusions_reach_a_fixed_point(run: Any) -> None:
    go = run(
        rule("kz.a", when="crossing.at_checkpoint: false", conclude="kz.one"),
        rule("kz.b", given="kz.one", conclude="kz.two"),
        rule("kz.c", given="kz.two", when="host_state: KZ", conclude="kz.three"),
        rule("kz.d", given="kz.three, kz.one"),
    )
    result = go(crossing={"at_checkpoint": False}, host_state="KZ")
    assert held(result) == ["kz.a", "kz.b", "kz.c", "kz.d"]
    d = next(o for o in result.outcomes if o.rule == "kz.d")
    assert [(r.conclusion, r.rules) for r in d.because] == [
        ("kz.three", ["kz.c"]),
        ("kz.one", ["kz.a"]),
    ]
    assert held(go(crossing={"at_checkpoint": True}, host_state="KZ")) == []


RULES_WITH_EXCEPTIONS = (
    rule(
        "kz.base", when="crossing.at_checkpoint: false", conclude="kz.expelled", kind="removal"
    ).replace("detail: {action: x}", "detail: {type: expulsion, destination: RU}"),
    rule(
        "kz.refugee",
        when="asylum.decision.outcome: granted",
        defeats="kz.base, kz.follow",
        kind="protection",
    ).replace("detail: {action: x}", "detail: {against: removal}"),
    rule("kz.follow", given="kz.expelled"),
    rule("kz.citizen", when="person.nationalities: {contains: KZ}", defeats="kz.refugee"),
)


@pytest.mark.parametrize("shuffle", [None, 0, 1, 2, 3, 4, 5, 6, 7])
def test_an_exception_defeats_its_base_whatever_the_rule_order(
    run: Any, shuffle: int | None
) -> None:
    go = run(*RULES_WITH_EXCEPTIONS, shuffle=shuffle)
    granted = go(
        crossing={"at_checkpoint": False},
        asylum={"decision": {"outcome": "granted"}},
        person={"nationalities": ["RU"]},
    )
    assert held(granted) == ["kz.refugee"]
    assert [(d.rule, d.by) for d in granted.defeated] == [("kz.base", "kz.refugee")]
    assert "kz.follow" not in {u.rule for u in granted.undecided}
    # An exception to the exception: the citizen rule defeats the refugee rule, so the base holds.
    citizen = go(
        crossing={"at_checkpoint": False},
        asylum={"decision": {"outcome": "granted"}},
        person={"nationalities": ["RU", "KZ"]},
    )
    assert held(citizen) == ["kz.base", "kz.citizen", "kz.follow"]
    assert [(d.rule, d.by) for d in citizen.defeated] == [("kz.refugee", "kz.citizen")]


def test_an_undecided_exception_does_not_defeat_but_is_shown(run: Any) -> None:
    go = run(*RULES_WITH_EXCEPTIONS)
    result = go(crossing={"at_checkpoint": False}, person={"nationalities": ["RU"]})
    base = next(o for o in result.outcomes if o.rule == "kz.base")
    assert base.at_risk_from == ["kz.refugee"]
    assert {u.rule: u.needs for u in result.undecided} == {
        "kz.refugee": ["asylum.decision.outcome"]
    }


def test_the_law_in_force_on_the_date_of_the_act(run: Any) -> None:
    go = run(
        rule(
            "kz.old",
            when="crossing.at_checkpoint: false",
            extra=("  in_force: {from: 2015-01-01, until: 2025-09-16}\n  judged_at: crossing.date"),
        ),
        rule(
            "kz.new",
            when="crossing.at_checkpoint: false",
            extra=("  in_force: {from: 2025-09-17}\n  judged_at: crossing.date"),
        ),
    )
    for day, expected in [
        ("2014-12-31", []),
        ("2015-01-01", ["kz.old"]),
        ("2025-09-16", ["kz.old"]),
        ("2025-09-17", ["kz.new"]),
        ("2030-01-01", ["kz.new"]),
    ]:
        assert held(go(crossing={"at_checkpoint": False, "date": day})) == expected, day
    unknown_date = go(crossing={"at_checkpoint": False})
    assert held(unknown_date) == []
    assert {u.rule: u.needs for u in unknown_date.undecided} == {
        "kz.old": ["crossing.date"],
        "kz.new": ["crossing.date"],
    }


def test_without_judged_at_the_law_is_taken_as_of_the_evaluation_date(run: Any) -> None:
    go = run(rule("kz.x", when="host_state: KZ", extra="  in_force: {from: 2023-01-27}"))
    assert held(go(host_state="KZ", as_of="2023-01-26")) == []
    assert held(go(host_state="KZ", as_of="2023-01-27")) == ["kz.x"]


def test_unknown_is_not_false(run: Any) -> None:
    go = run(
        rule("kz.a", when="crossing.at_checkpoint: false; crossing.into: KZ", conclude="kz.c"),
        rule("kz.b", given="kz.c", when="host_state: KZ"),
    )
    partly = go(crossing={"into": "KZ"}, host_state="KZ")
    assert held(partly) == []
    assert {u.rule: u.needs for u in partly.undecided} == {
        "kz.a": ["crossing.at_checkpoint"],
        "kz.b": ["crossing.at_checkpoint"],
    }
    known_false = go(crossing={"into": "RU"}, host_state="KZ")
    assert known_false.undecided == []  # one known false test settles it


def test_present_asks_whether_the_case_records_a_fact(run: Any) -> None:
    go = run(
        rule(
            "kz.no_appeal",
            when="asylum.appeal: {present: false}; asylum.applied_on: {present: true}",
        ),
        rule("kz.no_risk", when="risk_on_return: {present: false}"),
    )
    assert held(go(asylum={"applied_on": "2022-09-26"})) == ["kz.no_appeal", "kz.no_risk"]
    assert (
        held(
            go(asylum={"applied_on": "2022-09-26", "appeal": {}}, risk_on_return={"torture": False})
        )
        == []
    )
    assert go().undecided == []


def test_list_tests_including_empty_lists(run: Any) -> None:
    go = run(
        rule("kz.has", when="person.nationalities: {contains: KZ}"),
        rule("kz.hasnt", when="person.nationalities: {not_contains: KZ}"),
        rule("kz.eaeu", when="person.nationalities: {contains_any: [RU, BY]}"),
        rule("kz.charged", when="home_proceedings.charges: {contains: {part: '3'}}"),
    )
    assert held(go(person={"nationalities": ["RU", "KZ"]})) == ["kz.eaeu", "kz.has"]
    assert held(go(person={"nationalities": []})) == ["kz.hasnt"]
    assert {u.rule for u in go().undecided} == {"kz.has", "kz.hasnt", "kz.eaeu", "kz.charged"}
    charges = [{"article": "322", "part": "1"}, {"article": "338", "part": "3"}]
    assert held(go(home_proceedings={"charges": charges})) == ["kz.charged"]
    # A charge whose part is not recorded might be part 3: undecided, not false.
    unsure = go(home_proceedings={"charges": [{"article": "338"}]})
    assert "kz.charged" in {u.rule for u in unsure.undecided}
    # Every charge recorded with another part: false, so neither held nor undecided.
    other = go(home_proceedings={"charges": [{"article": "322", "part": "1"}]})
    assert "kz.charged" not in {u.rule for u in other.undecided} | set(held(other))


def test_relational_date_tests(run: Any) -> None:
    go = run(
        rule(
            "kz.on_time",
            when="asylum.applied_on: {within_days_after: {fact: crossing.date, days: 1}}",
        ),
        rule(
            "kz.late",
            when="asylum.applied_on: {more_than_days_after: {fact: crossing.date, days: 1}}",
        ),
    )
    crossed = {"date": "2022-02-28"}
    cases = {
        "2022-02-28": ["kz.on_time"],
        "2022-03-01": ["kz.on_time"],
        "2022-03-02": ["kz.late"],
        "2022-02-27": [],
    }
    for applied, expected in cases.items():
        assert held(go(crossing=crossed, asylum={"applied_on": applied})) == expected, applied
    assert {u.rule for u in go(asylum={"applied_on": "2022-03-01"}).undecided} == {
        "kz.on_time",
        "kz.late",
    }
    assert {u.rule for u in go(crossing=crossed).undecided} == {"kz.on_time", "kz.late"}


def test_many_conditions_on_one_section_are_spread_over_fact_copies(run: Any) -> None:
    # durable_rules follows at most 64 matching tests per fact (error 303): 150 rules on one
    # section, all true at once, must still evaluate.
    rules = [rule(f"kz.r{i}", when=f"stay.days_in_last_180: {{at_least: {i}}}") for i in range(150)]
    go = run(*rules)
    assert len(go.evaluator.compiled.facets["stay"]) > 2
    assert len(held(go(stay={"days_in_last_180": 180}))) == 150
    assert len(go(stay={}).undecided) == 150


@pytest.mark.parametrize("values", list(itertools.product([None, True, False], repeat=2)))
def test_every_combination_of_two_three_valued_facts(
    run: Any, values: tuple[bool | None, bool | None]
) -> None:
    go = run(
        rule("kz.both", when="crossing.at_checkpoint: false; military.state_secrets_access: true")
    )
    checkpoint, secrets = values
    case: dict[str, Any] = {"crossing": {}, "military": {}}
    if checkpoint is not None:
        case["crossing"]["at_checkpoint"] = checkpoint
    if secrets is not None:
        case["military"]["state_secrets_access"] = secrets
    result = go(**case)
    if checkpoint is False and secrets is True:
        assert held(result) == ["kz.both"]
    elif checkpoint is True or secrets is False:
        assert held(result) == [] and result.undecided == []
    else:
        assert [u.rule for u in result.undecided] == ["kz.both"]


def test_a_value_listed_twice_draws_its_rule_once(run: Any) -> None:
    # durable_rules matches an `$or` once per true branch: `in: [RU, RU]` fired its rule twice
    # (found by the differential test's generated rule sets).
    go = run(
        rule("kz.twice", when="home_state: {in: [RU, RU]}", conclude="kz.c"),
        rule("kz.not_twice", when="home_state: {not_in: [BY, BY]}"),
        rule("kz.after", given="kz.c"),
    )
    case = {"case_id": "t", "as_of": "2022-12-12", "home_state": "RU"}
    trace = go.evaluator.trace(to_case(case))
    assert trace.holds == {"kz.twice", "kz.not_twice", "kz.after"}
    assert trace.drawn == 3
    assert go.evaluator.trace(to_case({**case, "home_state": "BY"})).holds == set()
