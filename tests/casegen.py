"""Distinct, valid cases across the whole case model, from a seeded random generator: any field
may be unknown, dates cluster around the rules' boundaries, every enum value appears."""

from __future__ import annotations

import json
import random
from typing import Any

from pydantic import ValidationError

from lexcase.model.case import CONTRADICTION_ERROR, MAX_YEARS, Case
from lexcase.model.facts import FactPath, ValueKind, fact_paths

DATES = [
    "2014-12-31",
    "2015-01-01",
    "2022-02-28",
    "2022-03-01",
    "2022-09-20",
    "2022-09-21",
    "2022-09-23",
    "2022-09-24",
    "2022-09-25",
    "2022-09-26",
    "2022-09-27",
    "2022-09-30",
    "2022-11-30",
    "2022-12-06",
    "2022-12-12",
    "2023-01-26",
    "2023-01-27",
    "2024-02-29",
    "2025-09-16",
    "2025-09-17",
    "2026-01-01",
]
COUNTRIES = ["RU", "KZ", "AM", "BY", "KG", "GE", "DE"]
ARTICLES = ["338", "322", "392", "337", "328", "1"]
NUMBERS = [0, 1, 2, 3, 9, 10, 11, 29, 30, 31, 40, 89, 90, 91, 100, 180]
COUNTRY_FIELDS = ("state", "from", "into", "home_state", "host_state", "destination")
ROLES = {"host_state": "KZ", "home_state": "RU"}


def _value(fp: FactPath, rng: random.Random) -> Any:
    kind = fp.kind
    if kind is ValueKind.BOOL:
        return rng.random() < 0.5
    if kind is ValueKind.INT:
        # within what the field can mean: days in the last 180, years of a life
        years = fp.path.endswith(("_years", ".years", ".age"))
        limit = 180 if "180" in fp.path else MAX_YEARS if years else None
        return rng.choice([n for n in NUMBERS if limit is None or n <= limit])
    if kind is ValueKind.DATE:
        return rng.choice(DATES)
    if kind is ValueKind.ENUM:
        return rng.choice(fp.enum_values)
    if kind is ValueKind.LIST:
        assert fp.item is not None
        if fp.item.kind is ValueKind.ENUM:  # a list of enum values, such as notice channels
            return rng.sample(fp.item.enum_values, rng.randint(0, len(fp.item.enum_values)))
        return rng.sample(COUNTRIES, rng.randint(0, 3))
    if kind is ValueKind.RECORDS:
        items = []
        for _ in range(rng.randint(0, 3)):
            item = {}
            for name, field in fp.item_fields.items():
                required = name in ("article", "basis")
                if required or rng.random() < 0.6:
                    item[name] = _value(field, rng)
            items.append(item)
        return items
    if fp.path in ROLES and rng.random() < 0.5:
        # Every national rule tests its state's role: half the cases are in the states the packs
        # speak for, so their exceptions and defeats are exercised too.
        return ROLES[fp.path]
    if fp.path.split(".")[-1] in COUNTRY_FIELDS:
        return rng.choice(COUNTRIES)
    return rng.choice(ARTICLES)


def random_case(
    rng: random.Random, case_id: str = "generated", known: float = 0.55
) -> dict[str, Any]:
    """A case as JSON data; each fact is known with probability `known`."""
    data: dict[str, Any] = {"case_id": case_id, "as_of": rng.choice(DATES)}
    for path, fp in fact_paths().items():
        if fp.kind is ValueKind.RECORD or path == "as_of" or rng.random() > known:
            continue
        target = data
        *parents, leaf = path.split(".")
        for parent in parents:
            target = target.setdefault(parent, {})
        target[leaf] = _value(fp, rng)
    return consistent(data)


def consistent(data: dict[str, Any]) -> dict[str, Any]:
    """`data` without what lexcase derives or refuses as contradicting the dates: the article_part
    of charges (lexcase writes it) and any written number its dates contradict (lexcase refuses
    such a case, naming both; a generator wants cases that load)."""
    for side in ("home_proceedings", "host_proceedings"):
        for charge in (data.get(side) or {}).get("charges") or []:
            charge.pop("article_part", None)
    for _ in range(4):
        try:
            Case.model_validate_json(json.dumps(data), strict=True)
            return data
        except ValidationError as exc:
            paths = [
                str((e.get("ctx") or {}).get("path"))
                for e in exc.errors()
                if e["type"] == CONTRADICTION_ERROR
            ]
            if not paths:
                return data  # another problem: the caller wanted it, or will see it
            *parents, leaf = paths[0].split(".")
            target = data
            for part in parents:
                target = target[part]
            target.pop(leaf)
    return data
