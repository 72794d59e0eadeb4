"""The inference run: durable_rules fires the compiled rules on one case.

This module is the only one that touches durable_rules. It drives the engine's C core directly
(`durable_rules_engine`), in the same call order as durable's own `Ruleset` (assert, then start and
complete each action), without durable's `Host`: the host starts dispatcher threads that crash the
process when sessions are deleted, and spends about 20 microseconds of Python per action on state
we do not use. Quirks handled here, each measured (see the durable_rules field guide):

* one session serves every case: creating a session builds the state of every join node (with
  durable's own build, 16 KB of cleared indexes per compiled pattern, two-thirds of the time of a
  small case; less with the build lexcase pins, which allocates them zeroed and small), so the
  session is kept, and every fact asserted for a case carries an id and is retracted after it,
  stage facts first so that no rule can wake while the rest go. Nothing is left for the next
  case (checked: no action may start after the retraction);
* a fact that matches nothing is reported as "not handled" (code 1) and not stored; that is normal
  for facts no rule is waiting for, so it is not an error;
* errors come back as bare numeric codes, translated into our own errors that say what happened: a
  ruleset durable_rules refuses to compile is a problem of the rule files (`RuleFileError`), any
  other failure is an `InferenceError`;
* after an error the ruleset may hold a half-run session, so it is dropped and rebuilt rather
  than risk touching that session again;
* three memory bugs of durable_rules' C core are fixed in the build lexcase pins
  (`vendor/wheels/README.md`): clearing facts read past a frame's slots (a rare segmentation
  fault once several large rulesets lived in one process), compiling an `$iany` test read a
  node field nothing set (a spurious code 102 after the process had reused memory), and a batch
  of no facts handed back an uninitialised session offset, at which `start_action_for_state`
  then read (a segmentation fault). A ruleset that reads no section of the case (a part whose
  host state settles every test) sends such a batch first: now it reaches no session, so no
  action starts, and the stages that follow run as on any other ruleset.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any, NoReturn

from lexcase.errors import InferenceError, Place, RuleFileError
from lexcase.inference.compiled import ActionKind, CompiledRulebook, durable_json, type_key
from lexcase.model.facts import FactReader, fact_shape, section_fact

try:
    import durable_rules_engine as _dre
except ImportError as exc:  # pragma: no cover - depends on the interpreter
    raise ImportError(
        "durable_rules' C engine could not be imported; lexcase needs Python 3.11 or 3.12 "
        f"with durable-rules 2.0.28 built for it ({exc})"
    ) from exc

_SID = "1"
_HOLDS, _OPEN = ActionKind.HOLDS, ActionKind.OPEN
_names = itertools.count()

_CODES = {
    101: "out of memory",
    106: "more than 4,096 compiled rules, or more than 512 different tests under one test",
    107: "more than 128 rules test the absence of the same value",
    108: "more than 256 compiled rules share the same conditions",
    113: "a condition is too complex",
    302: "a section of the case has more than 253 values",
    303: "a section of the case matches more conditions than durable_rules can follow at once",
    304: "too many facts in one rule match",
    311: "a rule refers to a value that a fact does not have",
    313: "a section of the case is too large",
    314: "a value in the case is too long (16 MiB or more)",
}
# Codes with which durable_rules refuses a ruleset because of what the rule files ask of it.
_TOO_BIG = frozenset({106, 107, 108, 113})


@dataclass
class Trace:
    """What fired: the rules that held, the defeats, and the rules left undecided."""

    holds: set[str] = field(default_factory=set)
    defeated: set[tuple[str, str]] = field(default_factory=set)  # (rule, by)
    open: set[str] = field(default_factory=set)
    # verdicts the actions drew, each time one was drawn: more than the verdicts if a rule fired
    # twice (one action can draw several: an undecided check shared by rules with the same one)
    drawn: int = 0


def _code(exc: Exception) -> int | None:
    match = re.search(r"error code: (\d+)", str(exc))
    return int(match.group(1)) if match else None


def _error(exc: Exception, doing: str) -> InferenceError:
    code = _code(exc)
    meaning = _CODES.get(code or 0, "an internal error")
    return InferenceError(
        f"durable_rules failed while {doing}: {meaning} (code {code})",
        Place("<engine>"),
        suggestion="this is a limit of the engine, not a problem in your input; please report it",
    )


@dataclass(frozen=True)
class _Fact:
    """A fact the run asserts, already as JSON, and the message that retracts it."""

    id: str
    assert_json: str
    retract_json: str


def _fact(fact_id: str, fact: dict[str, Any]) -> _Fact:
    return _Fact(fact_id, durable_json({**fact, "sid": _SID, "id": fact_id}), _retraction(fact_id))


def _retraction(fact_id: str) -> str:
    return durable_json({"sid": _SID, "id": fact_id})


@dataclass(frozen=True)
class _Fired:
    """A compiled rule's action, ready to record (kind, rule, by) and to assert its facts."""

    kind: ActionKind
    rule: str
    rules: tuple[str, ...]  # OPEN: the rule and those sharing its check (Action.also)
    by: str | None
    asserts: tuple[_Fact, ...]
    defeaters: tuple[tuple[str, str], ...]  # see Action.defeaters

    def defeater(self, message: str) -> str:
        """Who defeated the rule: `by`, or the defeater whose held fact the action's message
        binds to the pattern `by` (the message is {"<rule name>": {"by": {...}, ...}})."""
        if self.by is not None:
            return self.by
        (bound,) = json.loads(message).values()
        return next(rule for key, rule in self.defeaters if key in bound["by"])


class Inference:
    """One compiled rulebook loaded into durable_rules, evaluating one case at a time."""

    def __init__(self, compiled: CompiledRulebook) -> None:
        self.compiled = compiled
        self._lock = threading.Lock()
        self._handle: Any = None
        # Everything but the case is known now: serialise it once, not once per case.
        self._shapes = [
            (section, facet, FactReader.of(fact_shape(compiled.reads[facet])))
            for section, facets in sorted(compiled.facets.items())
            for facet in facets
        ]
        self._marks = [(type_key(facet), f"s:{facet}") for _, facet, _ in self._shapes]
        self._stages = [[_fact(":".join(f), f) for f in stage.facts()] for stage in compiled.stages]
        # what every case retracts: stage facts first, so that no rule wakes while facts go
        self._fixed_retractions = ",".join(
            [f.retract_json for stage in self._stages for f in stage]
            + [_retraction(f"s:{facet}") for _, facet, _ in self._shapes]
        )
        self._fired = {
            name: _Fired(
                action.kind,
                action.rule,
                (action.rule, *action.also),
                action.by,
                tuple(_fact(":".join(f), f) for f in action.asserts),
                action.defeaters,
            )
            for name, action in compiled.actions.items()
        }
        self._register()

    def _register(self) -> None:
        name = f"{self.compiled.name}_{next(_names)}"
        try:
            self._handle = _dre.create_ruleset(name, self.compiled.ruleset)
        except _dre.error as exc:
            self._refuse(exc)

    def _refuse(self, exc: Exception) -> NoReturn:
        code = _code(exc)
        if code in _TOO_BIG:
            raise RuleFileError(
                f"durable_rules refuses to compile these rules: {_CODES[code or 0]} "
                f"(code {code}; {len(self.compiled.definition)} compiled rules)",
                Place(self.compiled.root),
                expected="a rule folder within durable_rules' limits",
                suggestion="split the rules over several folders, or make fewer rules share "
                "the same tests, givens and defeats",
            ) from None
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
            except (_dre.error, InferenceError) as exc:
                # The session may be half-run: touching it again could crash, so leave it and
                # the ruleset behind and start a fresh one for the next case.
                self._handle = None
                if isinstance(exc, InferenceError):
                    raise
                raise _error(exc, "evaluating the case") from None

    def _run(self, case_data: dict[str, Any]) -> Trace:
        trace = Trace()
        if self.compiled.empty:
            return trace  # nothing can fire, and durable_rules crashes on facts for no rules
        handle = self._handle
        facts = []
        for (section, _, shape), (type_, fact_id) in zip(self._shapes, self._marks, strict=True):
            fact = section_fact(case_data, section, shape)
            fact[type_], fact["sid"], fact["id"] = 1, _SID, fact_id
            facts.append(fact)
        batch = [durable_json(facts)[1:-1]]
        # and each conclusion drawn, once (a ruleset may read no section and have no stage)
        retract = [self._fixed_retractions] if self._fixed_retractions else []
        seen: set[str] = set()
        # The case alone first: the rules that negate nothing fire as soon as their facts are in,
        # and every stage must find those of the earlier strata fired.
        for stage in [[], *self._stages]:
            batch.extend(f.assert_json for f in stage)
            while batch:
                # Conclusions drawn in this stage go in at once, until none is new.
                drawn = self._assert(handle, batch, trace)
                batch = []
                for conclusion in drawn:
                    if conclusion.id not in seen:
                        seen.add(conclusion.id)
                        batch.append(conclusion.assert_json)
                        retract.append(conclusion.retract_json)
        self._retract(handle, retract)
        return trace

    def _assert(self, handle: Any, facts: list[str], trace: Trace) -> list[_Fact]:
        code, state = _dre.assert_facts(handle, "[" + ",".join(facts) + "]")
        if code not in (0, 1):  # 1: some fact matched nothing, which is allowed
            raise _dre.error(f"Could not assert facts, error code: {code}")
        drawn: list[_Fact] = []
        result = _dre.start_action_for_state(handle, state)
        # this loop runs for every action of every case: names looked up once, not per action
        fired, holds, opened, draw = self._fired, trace.holds.add, trace.open.update, drawn.extend
        next_action, count = _dre.complete_and_start_action, 0
        while result:
            message = result[1] if isinstance(result, tuple) else result
            # The message is {"<rule name>": {...}}; names are plain, so no need to parse it all.
            action = fired[message[2 : message.index('"', 2)]]
            if action.kind is _HOLDS:
                holds(action.rule)
                count += 1
            elif action.kind is _OPEN:
                opened(action.rules)
                count += len(action.rules)
            else:
                trace.defeated.add((action.rule, action.defeater(message)))
                count += 1
            # A rule can fire more than once (a given both held and undecided); durable refuses
            # a fact it already has, so the caller asserts each conclusion once.
            draw(action.asserts)
            result = next_action(handle, state)
        trace.drawn += count
        return drawn

    def _retract(self, handle: Any, messages: list[str]) -> None:
        code, state = _dre.retract_facts(handle, "[" + ",".join(messages) + "]")
        if code not in (0, 1):
            raise _dre.error(f"Could not retract facts, error code: {code}")
        if _dre.start_action_for_state(handle, state):
            # Every compiled rule waits for a stage fact, and those went first: a rule woken
            # now means the session would not start the next case clean.
            raise InferenceError(
                "a rule fired while the facts of a case were being cleared",
                Place("<engine>"),
                suggestion="this is a bug in lexcase; please report it",
            )
