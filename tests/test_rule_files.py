"""Rule files: loading, every structural problem named by file, line and rule, and the rulebook's
version and hash."""

from __future__ import annotations

import pytest

from conftest import RuleFolder, kz_rules
from lexcase import load_rulebook
from lexcase.errors import RuleFileError
from lexcase.law.loader import check_rulebook

RULE = """\
- id: kz.a
  title: A crossing outside a checkpoint is a crime
  cite: {article: 1}
  basis: law
  when:
    crossing.at_checkpoint: false
  then:
    conclude: kz.crime
    outcome: {kind: prosecution, summary: prosecuted, detail: {article: "1", max_months: 12}}
"""


def error_for(rule_folder: RuleFolder, body: str, **extra: dict[str, str]) -> RuleFileError:
    root = rule_folder(kz=kz_rules(body), **extra)
    with pytest.raises(RuleFileError) as caught:
        load_rulebook(root)
    return caught.value


def test_a_good_file_loads(rule_folder: RuleFolder) -> None:
    book = load_rulebook(rule_folder(kz=kz_rules(RULE)))
    rule = book.rule("kz.a")
    assert rule.citations[0].instrument == "Test Code" and rule.citations[0].article == "1"
    assert rule.jurisdiction == "KZ" and rule.line == 4
    assert rule.concludes == ("kz.crime",)


def test_an_unknown_fact_path_names_file_line_rule_and_suggests(rule_folder: RuleFolder) -> None:
    error = error_for(rule_folder, RULE.replace("crossing.at_checkpoint", "crossing.at_chekpoint"))
    assert error.place.file is not None and error.place.file.endswith("kz/code.yaml")
    assert error.place.line == 9
    assert "rule kz.a" in error.message and "crossing.at_chekpoint" in error.message
    assert error.suggestion is not None and "crossing.at_checkpoint" in error.suggestion


def test_a_value_outside_the_fact_type_is_rejected(rule_folder: RuleFolder) -> None:
    error = error_for(
        rule_folder, RULE.replace("crossing.at_checkpoint: false", "military.status: general")
    )
    assert "not a value of military.status" in error.message
    assert "civilian" in (error.expected or "")
    dates = error_for(
        rule_folder, RULE.replace("crossing.at_checkpoint: false", "crossing.date: {at_least: 3}")
    )
    assert "compares numbers" in dates.message


def test_an_unknown_test_and_a_bare_list_are_rejected(rule_folder: RuleFolder) -> None:
    error = error_for(
        rule_folder, RULE.replace("crossing.at_checkpoint: false", "crossing.into: {equals: KZ}")
    )
    assert "'equals' is not a test" in error.message
    bare = error_for(
        rule_folder, RULE.replace("crossing.at_checkpoint: false", "person.nationalities: [KZ]")
    )
    assert "is a list" in bare.message and "contains" in (bare.expected or "")


def test_a_record_test_on_several_fields_is_refused(rule_folder: RuleFolder) -> None:
    # Found by the differential tests: durable_rules evaluates an `or` inside a list item by its
    # last operand, so "every charge fails article 338 or date X" was never seen false and the
    # rule was reported undecided where it did not apply.
    error = error_for(
        rule_folder,
        RULE.replace(
            "crossing.at_checkpoint: false",
            "home_proceedings.charges: {contains: {article: '338', opened_on: 2022-09-27}}",
        ),
    )
    assert error.place.line == 9
    assert "matches 2 fields" in error.message and "one field" in (error.expected or "")


def test_duplicate_ids_across_files_name_the_first(rule_folder: RuleFolder) -> None:
    root = rule_folder(
        kz={
            **kz_rules(RULE),
            "other.yaml": (
                "instrument: {title: Other}\njurisdiction: KZ\nrules:\n"
                + "\n".join("  " + line for line in RULE.splitlines())
                + "\n"
            ),
        }
    )
    with pytest.raises(RuleFileError) as caught:
        load_rulebook(root)
    assert "already used at" in caught.value.message and "code.yaml:4" in caught.value.message
    assert caught.value.place.file is not None and caught.value.place.file.endswith("other.yaml")


def test_dangling_references_and_cycles(rule_folder: RuleFolder) -> None:
    given = error_for(
        rule_folder, RULE.replace("  basis: law\n", "  basis: law\n  given: [kz.crme]\n")
    )
    assert "no rule concludes 'kz.crme'" in given.message
    assert given.suggestion == "did you mean kz.crime?"
    defeats = error_for(
        rule_folder, RULE.replace("  basis: law\n", "  basis: law\n  defeats: [kz.b]\n")
    )
    assert "defeats 'kz.b', but no rule has that id" in defeats.message
    loop = RULE + RULE.replace("kz.a", "kz.b").replace("conclude: kz.crime", "conclude: kz.other")
    loop = loop.replace("  basis: law\n", "  basis: law\n  given: [kz.other]\n", 1)
    loop = loop.replace(
        "  cite: {article: 1}\n  basis: law\n  when",
        "  cite: {article: 1}\n  basis: law\n  given: [kz.crime]\n  when",
        1,
    )
    cycle = error_for(rule_folder, loop)
    assert "circle" in cycle.message and "kz.a" in cycle.message and "kz.b" in cycle.message


def test_sources_must_be_stated(rule_folder: RuleFolder) -> None:
    assert (
        "cites no source"
        in error_for(rule_folder, RULE.replace("  cite: {article: 1}\n", "")).message
    )
    practice = error_for(rule_folder, RULE.replace("basis: law", "basis: practice"))
    assert "where the practice is reported" in practice.message
    low = error_for(rule_folder, RULE.replace("basis: law", "basis: law\n  confidence: low"))
    assert "what is uncertain" in low.message


def test_outcome_details_must_carry_what_their_kind_needs(rule_folder: RuleFolder) -> None:
    error = error_for(
        rule_folder,
        RULE.replace('detail: {article: "1", max_months: 12}', 'detail: {article: "1"}'),
    )
    assert "penalty or term" in error.message
    removal = error_for(
        rule_folder,
        RULE.replace(
            'kind: prosecution, summary: prosecuted, detail: {article: "1", max_months: 12}',
            "kind: removal, summary: removed, detail: {type: expulsion}",
        ),
    )
    assert "needs detail destination" in removal.message
    placeholder = error_for(rule_folder, RULE.replace("summary: prosecuted", "summary: '{where}'"))
    assert "{where}" in placeholder.message


def test_files_must_sit_in_their_jurisdiction_and_ids_carry_it(rule_folder: RuleFolder) -> None:
    root = rule_folder(ru=kz_rules(RULE))
    with pytest.raises(RuleFileError, match="lies in the folder ru/"):
        load_rulebook(root)
    prefix = error_for(rule_folder, RULE.replace("id: kz.a", "id: ru.a"))
    assert "should start with 'kz.'" in prefix.message


def test_check_collects_every_problem(rule_folder: RuleFolder) -> None:
    body = RULE.replace("crossing.at_checkpoint", "crossing.nowhere") + RULE.replace(
        "kz.a", "kz.b"
    ).replace("basis: law", "basis: practice")
    book, problems = check_rulebook(rule_folder(kz=kz_rules(body)))
    assert book is None
    assert len(problems) == 2
    assert {p.message.split(":")[0] for p in problems} == {"rule kz.a", "rule kz.b"}


def test_the_shipped_rulebook_loads_and_is_stamped() -> None:
    book = load_rulebook()
    assert book.version == "2026.11.0"
    assert len(book.sha256) == 64
    # Every national folder has a pack description, and only national folders do.
    states = {r.jurisdiction for r in book.rules} - {"INTL"}
    assert {"KZ", "RU", "AM", "KG", "GE"} <= states
    assert {p.state for p in book.packs} == states
    assert all(r.citations for r in book.rules)
    assert all(r.reported_in for r in book.rules if r.basis.value == "practice")
    assert all(r.uncertain for r in book.rules if r.confidence.value == "low")


def test_the_hash_changes_with_any_rule_file(rule_folder: RuleFolder) -> None:
    root = rule_folder(kz=kz_rules(RULE))
    first = load_rulebook(root).sha256
    assert load_rulebook(root).sha256 == first
    path = root / "kz" / "code.yaml"
    path.write_text(path.read_text().replace("prosecuted", "prosecuted at once"))
    assert load_rulebook(root).sha256 != first


def test_citations_read_as_lawyers_write_them() -> None:
    rules = load_rulebook().by_id
    assert rules["kz.cc.392.1"].citations[0].short() == "KZ Criminal Code, art. 392(1)"
    [convention] = [c for c in rules["intl.gl10.unlawful_conflict"].citations if c.article == "1"]
    assert convention.short() == "Refugee Convention, art. 1A(2)"  # a lettered section
