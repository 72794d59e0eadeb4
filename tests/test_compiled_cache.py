"""The compiled ruleset kept beside the rule cache's entry: a warm start reads it instead of
compiling, and gives exactly what compiling gives; a damaged, foreign or misplaced file is
compiled again and rewritten, never used."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SEEDS, RuleFolder, kz_rules
from lexcase.evaluation.evaluator import Evaluator
from lexcase.inference import compiler
from lexcase.inference.compiled import durable_json
from lexcase.inference.compiler import CompiledRulebook, compile_rulebook
from lexcase.law import cache as rulecache
from lexcase.law.loader import load_rulebook
from test_rulecache import RULE

RULES = ROOT / "rules"


def compilations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry for each real compilation from here on."""
    seen: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> CompiledRulebook:
        seen.append(1)
        return compile_rulebook(*args, **kwargs)

    # PartRules.compile imports it when it compiles
    monkeypatch.setattr(compiler, "compile_rulebook", counting, raising=True)
    return seen


def results(evaluator: Evaluator) -> list[str]:
    return [evaluator.evaluate(seed).model_dump_json() for seed in sorted(SEEDS.glob("*.yaml"))]


def test_a_warm_start_reads_the_compiled_rules_and_answers_as_a_cold_one(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEXCASE_NO_CACHE", "1")
    cold = Evaluator(load_rulebook(RULES))
    monkeypatch.delenv("LEXCASE_NO_CACHE")
    compiled = compilations(monkeypatch)
    first = Evaluator(load_rulebook(RULES))  # compiles, and keeps what it compiled
    (kept,) = cache.glob("compiled-*.json")
    warm = Evaluator(load_rulebook(RULES))
    assert compiled == [1]  # the second evaluator read the compiled rules
    assert warm.compiled == first.compiled == cold.compiled
    assert results(warm) == results(cold)
    assert kept.stat().st_mode & 0o777 == 0o600
    assert kept.name.removeprefix("compiled-") in {
        p.name.removeprefix("rulebook-") for p in cache.glob("rulebook-*.json")
    }


def body_of(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_bytes().split(b"\n", 1)[1])
    return data


def write_checked(path: Path, data: dict[str, Any]) -> None:
    body = json.dumps(data).encode()
    path.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def test_a_damaged_or_foreign_compiled_file_is_compiled_again_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = Evaluator(load_rulebook(RULES)).compiled
    (kept,) = cache.glob("compiled-*.json")
    pristine = kept.read_bytes()
    data = body_of(kept)
    ruleset = json.loads(data["compiled"]["ruleset"])  # kept as the text durable_rules reads
    first_rule = next(iter(ruleset))
    altered = json.loads(json.dumps(data))
    altered["compiled"]["ruleset"] = durable_json({**ruleset, first_rule: {"all": []}})
    other_key = json.loads(json.dumps(data))
    other_key["key"] = "0" * 64  # another rulebook's file, renamed
    extra_field = json.loads(json.dumps(data))
    extra_field["compiled"]["version"] = 2
    wrong_type = json.loads(json.dumps(data))
    wrong_type["compiled"]["stages"] = "stages"
    flipped = bytearray(pristine)
    flipped[len(flipped) // 2] ^= 0x01
    compiled = compilations(monkeypatch)
    plants: list[Any] = [other_key, extra_field, wrong_type, bytes(flipped), b"not json"]
    for plant in plants:
        if isinstance(plant, bytes):
            kept.write_bytes(plant)
        else:
            write_checked(kept, plant)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", rulecache.CacheWarning)
            assert Evaluator(load_rulebook(RULES)).compiled == good
        assert kept.read_bytes() == pristine  # written again, whole
    assert len(compiled) == len(plants)
    # A well-formed file for these rules' key is data of the cache's own writing: it is read
    # (the cache folder is private and checked; tests/test_rulecache.py shows the attacks).
    write_checked(kept, altered)
    assert Evaluator(load_rulebook(RULES)).compiled.definition[first_rule] == {"all": []}


def test_a_rulebook_the_cache_did_not_return_is_compiled(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rulebook = load_rulebook(RULES)
    Evaluator(rulebook)
    compiled = compilations(monkeypatch)
    edited = dataclasses.replace(rulebook, rules=rulebook.rules[:-1])  # as an overlay makes one
    assert rulecache.entry_key(edited) is None
    assert Evaluator(edited).compiled == compile_rulebook(edited)
    assert Evaluator(load_rulebook(RULES), shuffle=3).compiled == compile_rulebook(
        rulebook, shuffle=3
    )
    assert len(compiled) == 2  # neither came from the file kept for the shipped rules


def test_what_is_kept_beside_an_entry_goes_with_it(
    cache: Path, monkeypatch: pytest.MonkeyPatch, rule_folder: RuleFolder
) -> None:
    monkeypatch.setattr(rulecache, "KEEP", 1)
    Evaluator(load_rulebook(RULES))
    (first,) = cache.glob("compiled-*.json")
    Evaluator(load_rulebook(rule_folder(kz=kz_rules(RULE))))
    assert not first.exists()
    assert len(list(cache.glob("rulebook-*.json"))) == len(list(cache.glob("compiled-*.json")))


def test_each_host_states_part_is_kept_and_read_back(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEXCASE_NO_CACHE", "1")
    cold = results(Evaluator(load_rulebook(RULES)))
    monkeypatch.delenv("LEXCASE_NO_CACHE")
    assert results(Evaluator(load_rulebook(RULES))) == cold  # compiles each part, keeps it
    labels = {p.name.split("-", 1)[0] for p in cache.glob("compiled.*.json")}
    assert labels == {"compiled.vKZ", "compiled.vAM", "compiled.vKG"}  # the seeds' states
    compiled = compilations(monkeypatch)
    assert results(Evaluator(load_rulebook(RULES))) == cold
    assert compiled == []  # the whole and every part read back
