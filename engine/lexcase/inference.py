"""The inference run: durable_rules fires the compiled rules on one case.

This module is the only one that touches durable_rules. It drives the engine's C core directly
(`durable_rules_engine`), in the same call order as durable's own `Ruleset` (assert, then start and
complete each action), without durable's `Host`: the host starts dispatcher threads that crash the
process when sessions are deleted, and spends about 20 microseconds of Python per action on state
we do not use. Quirks handled here, each measured (see the durable_rules field guide):

* every session is deleted after its case, after a final "flush" fact that completes an action,
  because deleting a session that never completed an action crashes the process;
* a fact that matches nothing is reported as "not handled" (code 1) and not stored; that is normal
  for facts no rule is waiting for, so it is not an error;
* errors come back as bare numeric codes, translated into `InferenceError`s that say what happened;
* after an error the ruleset may hold a half-run session, so it is dropped and rebuilt rather
  than risk deleting that session.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from lexcase.compiler import FLUSH, STAGE, ActionKind, CompiledRulebook
from lexcase.errors import InferenceError, Place
from lexcase.facts import section_facts

try:
    import durable_rules_engine as _dre
except ImportError as exc:  # pragma: no cover - depends on the interpreter
    raise ImportError(
        "durable_rules' C engine could not be imported; lexcase needs Python 3.11 or 3.12 "
        f"with durable-rules 2.0.28 built for it ({exc})"
    ) from exc

_SID = "1"
_names = itertools.count()

_CODES = {
    101: "out of memory",
    106: "more than 4,096 compiled rules in one ruleset",
    108: "more than 256 compiled rules share the same first conditions",
    113: "a condition is too complex",
    302: "a section of the case has more than 253 values",
    303: "a section of the case matches more conditions than durable_rules can follow at once",
    304: "too many facts in one rule match",
    311: "a rule refers to a value that a fact does not have",
    313: "a section of the case is too large",
    314: "a value in the case is too long (16 MiB or more)",
}


@dataclass
class Trace:
    """What fired: the rules that held, the defeats, and the rules left undecided."""

    holds: set[str] = field(default_factory=set)
    defeated: set[tuple[str, str]] = field(default_factory=set)  # (rule, by)
    open: set[str] = field(default_factory=set)
    actions: int = 0


def _error(exc: Exception, doing: str) -> InferenceError:
    match = re.search(r"error code: (\d+)", str(exc))
    code = int(match.group(1)) if match else None
    meaning = _CODES.get(code or 0, "an internal error")
    return InferenceError(
        f"durable_rules failed while {doing}: {meaning} (code {code})",
        Place("<engine>"),
        suggestion="this is a limit of the engine, not a problem in your input; please report it",
    )


class Inference:
    """One compiled rulebook loaded into durable_rules, evaluating one case at a time."""

    def __init__(self, compiled: CompiledRulebook) -> None:
        self.compiled = compiled
        self._lock = threading.Lock()
        self._handle: Any = None
        self._register()

    def _register(self) -> None:
        name = f"{self.compiled.name}_{next(_names)}"
        try:
            self._handle = _dre.create_ruleset(name, json.dumps(self.compiled.definition))
        except _dre.error as exc:
            raise _error(exc, "compiling the rules") from None

    def close(self) -> None:
        """Free the compiled ruleset (durable_rules never frees it on its own)."""
        with self._lock:
            if self._handle is not None:
                _dre.delete_ruleset(self._handle)
                self._handle = None

    def run(self, case_data: dict[str, Any]) -> Trace:
        with self._lock:
            if self._handle is None:
                self._register()
            try:
                return self._run(case_data)
            except _dre.error as exc:
                # The session may be half-run: deleting it could crash, so leave it and the
                # ruleset behind and start a fresh one for the next case.
                self._handle = None
                raise _error(exc, "evaluating the case") from None

    def _run(self, case_data: dict[str, Any]) -> Trace:
        trace = Trace()
        handle = self._handle
        facts: list[dict[str, Any]] = []
        for fact in section_facts(case_data, frozenset(self.compiled.facets)):
            for facet in self.compiled.facets[fact["t"]]:
                facts.append({**fact, "t": facet, "sid": _SID})
        pending: dict[tuple[str, str, str], dict[str, Any]] = {}
        if facts:
            self._assert(handle, facts, trace, pending)
        for level, phase in self.compiled.stages:
            # Conclusions drawn at the previous stage go in before the stage fact that wakes
            # the rules depending on them.
            batch = [*pending.values(), {"sid": _SID, "t": STAGE, "k": level, "ph": phase}]
            pending = {}
            self._assert(handle, batch, trace, pending)
        self._assert(handle, [{"sid": _SID, "t": FLUSH}], trace, pending)
        _dre.delete_state(handle, _SID)
        return trace

    def _assert(
        self,
        handle: Any,
        facts: list[dict[str, Any]],
        trace: Trace,
        pending: dict[tuple[str, str, str], dict[str, Any]],
    ) -> None:
        code, state = _dre.assert_facts(handle, json.dumps(facts))
        if code not in (0, 1):  # 1: some fact matched nothing, which is allowed
            raise _dre.error(f"Could not assert facts, error code: {code}")
        result = _dre.start_action_for_state(handle, state)
        actions = self.compiled.actions
        while result:
            message = result[1] if isinstance(result, tuple) else result
            # The message is {"<rule name>": {...}}; names are plain, so no need to parse it all.
            name = message[2 : message.index('"', 2)]
            action = actions[name]
            trace.actions += 1
            if action.kind is ActionKind.HOLDS:
                trace.holds.add(action.rule)  # type: ignore[arg-type]
            elif action.kind is ActionKind.DEFEATED:
                trace.defeated.add((action.rule, action.by))  # type: ignore[arg-type]
            elif action.kind is ActionKind.OPEN:
                trace.open.add(action.rule)  # type: ignore[arg-type]
            for fact in action.asserts:
                # A rule can fire more than once (a given held and undecided at once); durable
                # refuses a fact it already has, so each conclusion goes in once.
                pending[(fact["t"], fact["r"], fact.get("g", ""))] = {**fact, "sid": _SID}
            result = _dre.complete_and_start_action(handle, state)
