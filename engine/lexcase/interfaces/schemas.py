"""JSON Schemas for editors and other tools: of case files, of results, and of rule files, each
with a title, a description and an example (the examples are checked against the models by the
tests, so they cannot drift)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from lexcase.evaluation.result import NOT_ADVICE, Result
from lexcase.model.case import case_schema
from lexcase.model.rules import RuleFileSpec

DRAFT = "https://json-schema.org/draft/2020-12/schema"


class SchemaOf(StrEnum):
    CASE = "case"
    RESULT = "result"
    RULES = "rules"


CASE_EXAMPLE: dict[str, Any] = {
    "case_id": "example",
    "as_of": "2022-09-27",
    "home_state": "RU",
    "host_state": "KZ",
    "person": {"nationalities": ["RU"]},
    "crossing": {"from": "RU", "into": "KZ", "date": "2022-09-26", "at_checkpoint": False},
}

RESULT_EXAMPLE: dict[str, Any] = {
    "case_id": "example",
    "as_of": "2022-09-27",
    "outcomes": [
        {
            "rule": "kz.cc.392.1",
            "title": "Crossing into Kazakhstan outside a checkpoint is a crime",
            "jurisdiction": "KZ",
            "basis": "law",
            "confidence": "high",
            "citations": [
                {"instrument": "Criminal Code of the Republic of Kazakhstan", "article": "392"}
            ],
            "kind": "prosecution",
            "summary": "Kazakhstan prosecutes him for illegal border crossing (art. 392(1)).",
            "detail": {"article": "392", "part": "1"},
            "because": [{"fact": "crossing.at_checkpoint", "value": False}],
        }
    ],
    "conclusions": [],
    "defeated": [],
    "undecided": [
        {
            "rule": "intl.cat.3.1",
            "title": "No expulsion where torture is a substantial risk",
            "kind": "protection",
            "jurisdiction": "INTL",
            "needs": ["risk_on_return.torture"],
        }
    ],
    "rulebook": {"version": "2026.11.0", "sha256": "0" * 64, "rules": 66},
    "notice": NOT_ADVICE,
}

RULE_FILE_EXAMPLE: dict[str, Any] = {
    "instrument": {
        "title": "Criminal Code of the Republic of Kazakhstan",
        "short": "KZ Criminal Code",
    },
    "jurisdiction": "KZ",
    "rules": [
        {
            "id": "kz.cc.392.1",
            "title": "Crossing into Kazakhstan outside a checkpoint is a crime",
            "cite": {"article": "392", "part": "1"},
            "basis": "law",
            "when": {"host_state": "KZ", "crossing.into": "KZ", "crossing.at_checkpoint": False},
            "then": {
                "conclude": ["kz.charge.illegal_crossing"],
                "outcome": {
                    "kind": "prosecution",
                    "summary": "Kazakhstan prosecutes him for illegal border crossing.",
                    "detail": {"article": "392", "part": "1"},
                },
            },
        }
    ],
}


def schema_of(what: SchemaOf) -> dict[str, Any]:
    if what is SchemaOf.CASE:
        schema = case_schema()
        schema["description"] = "A person's case as of a date: the facts lexcase reasons from."
        schema["examples"] = [CASE_EXAMPLE]
        return schema
    if what is SchemaOf.RESULT:
        schema = Result.model_json_schema(mode="serialization")
        schema.update(
            title="lexcase result",
            description="What lexcase predicts for a case: outcomes with reasons and sources, "
            "the rules defeated and undecided, the deadlines, the rulebook that gave it.",
            examples=[RESULT_EXAMPLE],
        )
    else:
        schema = RuleFileSpec.model_json_schema(by_alias=True, mode="validation")
        schema.update(
            title="lexcase rule file",
            description="One instrument's rules (rules/<jurisdiction>/<instrument>.yaml); "
            "see docs/rules.md.",
            examples=[RULE_FILE_EXAMPLE],
        )
    schema["$schema"] = DRAFT
    return schema
