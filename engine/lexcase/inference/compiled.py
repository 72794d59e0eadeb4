"""What the compiler makes of a rulebook (`lexcase.inference.compiler`), and what the inference
run reads: a durable_rules ruleset with the actions its rules record, its stages and the shape of
the facts it reads. Apart from the compiler so that a warm start, which reads a kept compiled
ruleset back (`lexcase.inference.stored`), does not import the compiler itself.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic_core import to_json

Json = dict[str, Any]

# A fact's type is the name of a property it has, "@<type>" (value 1), and what a derived fact
# says is the name of another property, not a value: durable_rules finds the alpha nodes below a
# node by property name (a hash), then tests each one found. Types as values of one property `t`
# made every fact test every type at the root, and every "held" fact test the 200 rule ids of its
# bucket, one string comparison each (a fifth of the trace's instructions).
TYPE = "@"
STAGE = "stage"  # {@stage: 1, <phase><stratum>.<chunk>: 1}: wakes the rules of one stage


class ActionKind(StrEnum):
    HOLDS = "holds"
    DEFEATED = "defeated"
    OPEN = "open"


@dataclass(frozen=True)
class Action:
    """What the inference run records when a compiled durable rule fires."""

    kind: ActionKind
    rule: str
    by: str | None = None  # the defeater, for DEFEATED
    also: tuple[str, ...] = ()  # OPEN: more rules undecided by the same check (compiler._shared)
    asserts: tuple[Json, ...] = ()  # conclusion facts the inference run asserts in turn
    # DEFEATED by any of several defeaters (`by` None): the key of each one's held fact, and the
    # defeater; the one bound to the action's pattern `by` is the defeater
    defeaters: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Stage:
    """One stage of the inference run, woken by one stage fact per chunk of its rules."""

    phase: str
    stratum: int
    chunks: int

    def facts(self) -> list[Json]:
        return [{type_key(STAGE): 1, self.key(n): 1} for n in range(self.chunks)]

    def key(self, chunk: int) -> str:
        return f"{self.phase}{self.stratum}.{chunk}"


def durable_json(data: Any) -> str:
    """JSON as durable_rules reads it. durable compares strings as written, escapes included, so
    the ruleset and the facts must be written alike: UTF-8, no \\u escapes beyond JSON's own.
    pydantic_core writes it three times faster than the json module, the same way (tested)."""
    return to_json(data).decode()


def type_key(fact_type: str) -> str:
    """The property that gives a fact its type (see TYPE)."""
    return TYPE + fact_type


@dataclass(frozen=True)
class CompiledRulebook:
    name: str
    # The durable_rules ruleset, as the JSON text handed to durable (`durable_json`): kept and
    # read back as text, a warm start neither parses it nor writes it again (about a fiftieth
    # of `lexcase evaluate`).
    ruleset: str
    actions: dict[str, Action]
    stages: tuple[Stage, ...]  # in the order the inference run asserts them
    facets: dict[str, tuple[str, ...]]  # section -> the fact types that carry it
    reads: dict[str, tuple[str, ...]]  # fact type -> the keys its patterns read
    root: str = "<rules>"  # the rule folder, for errors about the ruleset as a whole

    @functools.cached_property
    def definition(self) -> dict[str, Json]:
        """The ruleset as data: compiled rule name -> durable_rules' rule."""
        parsed: dict[str, Json] = json.loads(self.ruleset)
        return parsed

    @property
    def empty(self) -> bool:
        """No compiled rule: nothing can fire (and durable_rules crashes on facts for none)."""
        return self.ruleset == "{}"
