"""The core schemas of the models every start builds, kept in the rule cache's folder
(`lexcase.law.core_schemas`, `cache.build_models`): read back, a schema is the very one pydantic
generates (the same classes, enum members and functions); a damaged, foreign or planted file is a
miss; and what a user sees (results, errors with their places, the JSON Schema) is the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from conftest import ROOT, SEEDS
from lexcase.law import cache as rulecache
from lexcase.law import core_schemas
from lexcase.law.cache import Entry
from lexcase.model.case import Case
from lexcase.model.rules import Rule

BROKEN = """\
case_id: broken
as_of: 2024-11-08
host_state: KG
person:
  nationalities: [RU, ZZZ]
military:
  left_service: {how: flew_away}
host_proceedings:
  detentions:
    - {basis: 7}
home_proceedings:
  wanted_notice: {international: maybe, known_by: 2022-02-30}
"""


@pytest.mark.parametrize("model", [Case, Entry, Rule])
def test_a_schema_read_back_is_the_one_pydantic_generates(model: type[BaseModel]) -> None:
    model.model_rebuild()
    schema = model.__pydantic_core_schema__
    text = core_schemas.plain(schema)
    assert core_schemas.restore(text) == core_schemas.bare(schema)
    assert "metadata" not in text  # pydantic-core never reads it; the JSON Schema's functions


class Outside(BaseModel):
    """A model of another package: its class cannot be named within lexcase and pydantic."""

    model_config = ConfigDict(frozen=True)
    n: int = 0


def test_what_cannot_be_read_back_the_same_is_not_kept() -> None:
    Outside.model_rebuild()
    with pytest.raises(core_schemas.NotKept):
        core_schemas.plain(Outside.__pydantic_core_schema__)
    unnamed = {"type": "function-plain", "function": {"type": "no-info", "function": len}}
    with pytest.raises(core_schemas.NotKept):  # a builtin, from no module of lexcase
        core_schemas.plain(unnamed)
    lambdas = {"type": "function-plain", "function": {"function": lambda v: v}}
    with pytest.raises(core_schemas.NotKept):
        core_schemas.plain(lambdas)
    with pytest.raises(core_schemas.NotKept):  # a set: JSON would give it back as a list
        core_schemas.plain({"type": "int", "default": {1}})


@pytest.mark.parametrize(
    "planted",
    [
        '{"\\u0000ref": "os:system"}',
        '{"\\u0000ref": "lexcase.model.case:Case.nothing"}',
        '{"\\u0000member": ["lexcase.model.case:Case", "X"]}',
        '{"\\u0000member": ["lexcase.model.case:ServiceExit", "NOBODY"]}',
        '{"\\u0000what": 1}',
        '{"\\u0000ref": "lexcase.model.case:MAX_DAYS"}',
    ],
)
def test_a_planted_reference_is_never_followed_out_of_lexcase(planted: str) -> None:
    with pytest.raises(core_schemas.NotKept):
        core_schemas.restore(planted)


def _run(cache: Path, code: str) -> str:
    """`code` run in a fresh process with the cache folder `cache`; what it printed."""
    environment = {**os.environ, "LEXCASE_CACHE_DIR": str(cache)}
    environment.pop("LEXCASE_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


EVALUATE = f"""
import json
from lexcase.evaluation.evaluator import evaluate, to_case
from lexcase.errors import CaseError
from lexcase.model.case import Case, case_schema
from lexcase.law.cache import Entry
for name in ("zhilin", "samat"):
    print(json.dumps(evaluate("{SEEDS}/" + name + ".yaml").model_dump(mode="json")))
try:
    to_case({{"case_id": "x"}})
except CaseError as exc:
    print(exc.lines())
try:
    to_case({{"case_id": "x", "as_of": "2022-13-01", "person": {{"nationalities": ["RU", "r"]}}}})
except CaseError as exc:
    print(exc.lines())
print(Case.__pydantic_complete__, Entry.__pydantic_complete__)
print(json.dumps(case_schema()))
print(Case.__pydantic_complete__)
"""


def _kept(cache: Path) -> dict[str, Path]:
    return {p.name.split("-")[1]: p for p in cache.glob("schema-*.json")}


def test_a_start_with_the_kept_schemas_answers_as_one_without(cache: Path, tmp_path: Path) -> None:
    """Built from its kept schema, a model validates and serializes as when pydantic builds it;
    it stays not complete for pydantic, so its JSON Schema is generated as always."""
    cold = _run(cache, EVALUATE)  # the rule cache and the schemas written
    assert set(_kept(cache)) == {"lexcase.model.case.Case", "lexcase.law.cache.Entry"}
    warm = _run(cache, EVALUATE)
    lines, first = warm.splitlines(), cold.splitlines()
    assert first[-3] == "True True"  # built by pydantic, the first time
    assert lines[-3] == "False False"  # built from the kept schemas, not by pydantic
    assert lines[:-3] + lines[-2:] == first[:-3] + first[-2:]  # and the same answers
    assert lines[-1] == "True"  # the JSON Schema had pydantic build the case model
    uncached = _run(
        tmp_path / "none", "import os; os.environ['LEXCASE_NO_CACHE'] = '1'\n" + EVALUATE
    )
    assert uncached.splitlines()[-3] == "True False"  # no rule cache: no entry read
    assert uncached.splitlines()[:-3] + uncached.splitlines()[-2:] == lines[:-3] + lines[-2:]


def test_errors_keep_their_places_with_a_kept_schema(cache: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN)
    command = [sys.executable, "-m", "lexcase", "evaluate", str(broken)]
    environment = {**os.environ, "LEXCASE_CACHE_DIR": str(cache)}
    runs = [
        subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
        for _ in range(2)
    ]
    assert _kept(cache)
    assert [r.returncode for r in runs] == [2, 2]
    assert runs[0].stderr == runs[1].stderr
    assert f"{broken}:5: person.nationalities[1]" in runs[1].stderr
    assert f"{broken}:7: military.left_service.how" in runs[1].stderr


def test_a_damaged_foreign_or_planted_schema_file_is_a_miss(cache: Path) -> None:
    build = "from lexcase.evaluation.evaluator import to_case\n"
    build += f"print(to_case('{SEEDS}/zhilin.yaml').case_id)\n"
    build += "from lexcase.model.case import Case\nprint(Case.__pydantic_complete__)"
    assert _run(cache, build) == "zhilin\nTrue\n"  # a miss: pydantic built it, and it is kept
    record = _kept(cache)["lexcase.model.case.Case"]
    good = record.read_bytes()  # a checksum, the key, the schema: a line each
    assert _run(cache, build) == "zhilin\nFalse\n"  # a hit
    checksum, _, body = good.partition(b"\n")
    key, _, schema = body.partition(b"\n")

    def planted(new_key: bytes, new_schema: bytes) -> None:
        rulecache._write(cache, record, new_key + b"\n" + new_schema)

    for damage in (
        good[:-10],  # cut short: its checksum fails
        checksum + b"\n" + key + b"\n" + schema.replace(b"strict", b"strikt"),
    ):
        record.write_bytes(damage)
        assert _run(cache, build) == "zhilin\nTrue\n"
        assert _run(cache, build) == "zhilin\nFalse\n"  # made again, kept again and read
    for key_, schema_ in (
        (b"0" * 64, schema),  # written by another lexcase, Python or pydantic
        (key, schema.replace(b"lexcase.model.case:_reported_date", b"os:system")),
        (key, b"[1, 2"),
        (key, json.dumps({"type": "nothing"}).encode()),  # pydantic-core refuses it
    ):
        planted(key_, schema_)
        assert _run(cache, build) == "zhilin\nTrue\n"
        assert record.read_bytes().partition(b"\n")[2].startswith(key + b"\n")  # kept again


def test_a_model_once_built_costs_a_later_case_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """`to_case` asks for the case model at every case: once it is built, the cache folder is
    not even looked at (an evaluation loop does not pay for it per case)."""
    rulecache.build_models(Case)

    def looked(*_: object) -> None:
        raise AssertionError("the cache folder was looked at")

    monkeypatch.setattr(rulecache, "_private_folder", looked)
    rulecache.build_models(Case)
    from lexcase.evaluation.evaluator import to_case

    assert to_case(SEEDS / "samat.yaml").case_id == "samat"
