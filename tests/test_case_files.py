"""Case files: what a user sees when one is wrong, and what the case model publishes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lexcase import load_case
from lexcase.errors import CaseError
from lexcase.model.case import case_schema
from lexcase.model.facts import as_of, case_data

GOOD = """\
case_id: sample
as_of: 2022-12-12
home_state: RU
crossing:
  from: RU
  into: KZ
  date: 2022-09-26
  at_checkpoint: false
"""


def write(tmp_path: Path, text: str | bytes, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


def error_for(tmp_path: Path, text: str | bytes, name: str = "case.yaml") -> CaseError:
    with pytest.raises(CaseError) as caught:
        load_case(write(tmp_path, text, name))
    return caught.value


def test_a_good_case_loads_with_unknown_fields_left_unknown(tmp_path: Path) -> None:
    case = load_case(write(tmp_path, GOOD))
    assert case.crossing is not None and case.crossing.at_checkpoint is False
    assert case.asylum is None  # not stated: unknown, not "no asylum claim"
    assert case.person.nationalities is None


def test_a_wrong_boolean_names_the_file_line_path_and_what_was_expected(tmp_path: Path) -> None:
    error = error_for(tmp_path, GOOD.replace("at_checkpoint: false", "at_checkpoint: maybe"))
    assert error.place.line == 8
    assert error.place.path == "crossing.at_checkpoint"
    assert error.place.file is not None and error.place.file.endswith("case.yaml")
    assert error.expected == "true or false"
    assert '"maybe"' in str(error)


def test_a_misspelt_field_is_rejected_with_a_suggestion(tmp_path: Path) -> None:
    error = error_for(tmp_path, GOOD.replace("at_checkpoint", "at_chekpoint"))
    assert error.place.path == "crossing.at_chekpoint"
    assert error.suggestion == "did you mean 'at_checkpoint'?"
    assert "not part of the format" in error.message


def test_a_key_that_looks_like_a_pydantic_type_is_still_placed(tmp_path: Path) -> None:
    # Found by the fuzz tests: a key with a bracket was taken for one of pydantic's union tags
    # and dropped from the place, leaving the message without line or path.
    error = error_for(tmp_path, GOOD + "s[tay: {}\n")
    assert (error.place.line, error.place.path) == (9, "s[tay")
    assert error.suggestion == "did you mean 'stay'?"


def test_a_bad_date_and_a_bad_enum_value_say_what_is_allowed(tmp_path: Path) -> None:
    bad_date = error_for(tmp_path, GOOD.replace("date: 2022-09-26", "date: 26/09/2022"))
    assert bad_date.place.path == "crossing.date"
    assert bad_date.expected == (
        "a date written YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known"
    )
    month = load_case(write(tmp_path, GOOD.replace("date: 2022-09-26", "date: 2022-09")))
    assert month.crossing is not None and str(month.crossing.date) == "2022-09"
    for wrong in ("2022-13", "2022-9", "22-09"):
        error = error_for(tmp_path, GOOD.replace("date: 2022-09-26", f'date: "{wrong}"'))
        assert error.place.path == "crossing.date", wrong
    bad_status = error_for(tmp_path, GOOD + "military: {status: general}\n")
    assert bad_status.place.path == "military.status"
    assert "'civilian'" in (bad_status.expected or "") and "'mobilised'" in (
        bad_status.expected or ""
    )


def test_a_country_code_must_be_two_capital_letters(tmp_path: Path) -> None:
    error = error_for(tmp_path, GOOD.replace("home_state: RU", "home_state: Russia"))
    assert error.place.path == "home_state"
    assert "two-letter" in (error.expected or "")


def test_yaml_syntax_errors_and_duplicate_keys_point_at_the_line(tmp_path: Path) -> None:
    syntax = error_for(tmp_path, GOOD + "person: {name: [unclosed\n")
    assert "not valid YAML or JSON" in syntax.message and syntax.place.line is not None
    duplicate = error_for(tmp_path, GOOD + "home_state: KZ\n")
    assert "home_state" in duplicate.message and duplicate.place.line == 9


def test_other_unreadable_files(tmp_path: Path) -> None:
    assert "not UTF-8" in error_for(tmp_path, b"case_id: x\nas_of: \xff\n").message
    assert error_for(tmp_path, b"case_id: x\nas_of: \xff\n").place.line == 2
    assert "empty" in error_for(tmp_path, "").message
    assert "list" in error_for(tmp_path, "- a\n- b\n").message
    missing = error_for(tmp_path, "case_id: x\n")
    assert missing.place.path == "as_of" and "missing" in missing.message
    with pytest.raises(CaseError, match="no such file"):
        load_case(tmp_path / "absent.yaml")


def test_several_problems_are_reported_all_at_once_each_with_its_place(tmp_path: Path) -> None:
    bad = GOOD.replace("from: RU", "from: 1").replace("into: KZ", "into: 2")
    error = error_for(tmp_path, bad + "events:\n  - {on: 2022-09-26}\n")
    lines = str(error).splitlines()
    assert len(lines) == 3, lines
    assert any("crossing.from" in line and "1 is not accepted" in line for line in lines)
    assert any("crossing.into" in line and "2 is not accepted" in line for line in lines)
    assert any("events[0].what" in line and "missing" in line for line in lines)
    assert all(line.startswith(str(error.place.file)) and ":" in line for line in lines)


def test_json_case_files_load_with_line_numbers(tmp_path: Path) -> None:
    data = {"case_id": "j", "as_of": "2022-12-12", "crossing": {"at_checkpoint": "no"}}
    error = error_for(tmp_path, json.dumps(data, indent=2), name="case.json")
    assert error.place.path == "crossing.at_checkpoint" and error.place.line == 5
    good = load_case(
        write(tmp_path, json.dumps({"case_id": "j", "as_of": "2022-12-12"}), "ok.json")
    )
    assert good.as_of == dt.date(2022, 12, 12)


def test_as_of_leaves_out_every_record_dated_later() -> None:
    case = load_case(Path(__file__).parent.parent / "seeds" / "zhilin.yaml")
    early = as_of(case, dt.date(2022, 9, 27))
    assert early.as_of == dt.date(2022, 9, 27)
    assert early.asylum is not None and early.asylum.applied_on == dt.date(2022, 9, 26)
    assert early.asylum.decision is None  # refused on 30 November
    assert early.host_proceedings.sentence is None and early.host_proceedings.detentions == []
    assert early.home_proceedings.wanted_notice is None  # known by 6 December
    assert [c.article for c in early.home_proceedings.charges or []] == ["338", "322"]  # 27 Sep
    before_custody = as_of(case, dt.date(2022, 12, 8))
    assert [d.basis.value for d in before_custody.host_proceedings.detentions or []] == [
        "extradition_check"
    ]  # the custody order came on 12 December
    # Seen on its own date, the case is the file plus the numbers its dates settle.
    seen = case_data(as_of(case, None))
    assert seen["stay"] == {"days_in_last_180": 78, "counted_on": "2022-12-12"}  # since 26 Sep
    assert seen["military"]["left_service"]["absence_days"] == 77
    assert "age" not in seen["crossing"]  # "36" on 7 Dec 2022: 35 or 36 on 26 Sep 2022
    assert seen.keys() - case_data(case).keys() == {"stay"}


def test_the_schema_describes_case_files() -> None:
    schema = case_schema()
    assert schema["title"] == "lexcase case file"
    assert set(schema["required"]) == {"case_id", "as_of"}
    crossing = schema["$defs"]["Crossing"]["properties"]
    assert "from" in crossing and "at_checkpoint" in crossing
    assert schema["$defs"]["Military"]["additionalProperties"] is False


def test_facts_are_set_by_path_with_the_models_own_types() -> None:
    from lexcase.errors import FactPathError
    from lexcase.model.facts import with_facts

    case = load_case(Path(__file__).parent.parent / "seeds" / "zhilin.yaml")
    changed = with_facts(
        case,
        {
            "crossing.at_checkpoint": "true",
            "person.nationalities": "RU,KZ",
            "asylum.decision.outcome": "granted",
            "stay.days_in_last_180": "91",
        },
        as_text=True,
    )
    assert changed.crossing is not None and changed.crossing.at_checkpoint is True
    assert changed.person.nationalities == ["RU", "KZ"]
    assert changed.stay is not None and changed.stay.days_in_last_180 == 91
    unknown = with_facts(case, {"asylum.decision": "unknown"}, as_text=True)
    assert unknown.asylum is not None and unknown.asylum.decision is None
    with pytest.raises(FactPathError) as wrong_path:
        with_facts(case, {"crossing.at_chekpoint": "true"}, as_text=True)
    assert wrong_path.value.suggestion == "did you mean crossing.at_checkpoint?"
    with pytest.raises(CaseError) as wrong_value:
        with_facts(case, {"military.status": "general"}, as_text=True)
    assert wrong_value.value.place.path == "military.status"
    assert "civilian" in (wrong_value.value.expected or "")


def test_the_case_guide_lists_every_fact_path() -> None:
    from lexcase.model.facts import fact_paths

    guide = (Path(__file__).parent.parent / "docs" / "case.md").read_text()
    listed = {line.split("`")[1] for line in guide.splitlines() if line.startswith("| `")}
    assert listed == set(fact_paths())


def test_the_case_guide_names_every_required_key() -> None:
    from pydantic import BaseModel

    from lexcase.model.case import Case

    guide = (Path(__file__).parent.parent / "docs" / "case.md").read_text()
    section = guide.split("## Every record's required keys", 1)[1].split("\n## ", 1)[0]
    seen: set[type[BaseModel]] = set()

    def required(model: type[BaseModel]) -> set[str]:
        if model in seen:
            return set()
        seen.add(model)
        names = {info.alias or n for n, info in model.model_fields.items() if info.is_required()}
        for info in model.model_fields.values():
            for inner in _models_in(info.annotation):
                names |= required(inner)
        return names

    for name in required(Case):
        assert f"`{name}`" in section, name


def _models_in(annotation: object) -> list[type]:
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]
