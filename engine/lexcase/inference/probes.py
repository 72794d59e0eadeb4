"""Probes: the tests of chosen rules, each run alone by durable_rules, to tell which are true,
false or unknown for a case.

Explanations need more than the verdict on a rule: which of its tests failed, which are unknown.
Rather than state the test semantics a second time in Python, the tests are compiled from the same
atoms as the rulebook (`compiler.compile_probes`) and durable_rules runs them: a test is true when
its true probe fires, false when one of its false probes fires, unknown when neither does.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from types import TracebackType
from typing import Any

from lexcase.inference.compiler import Probe, compile_probes
from lexcase.inference.runner import Inference
from lexcase.model.rules import Rule


class Truth(StrEnum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


class Prober:
    """The tests of `rules` compiled into durable_rules, ready to run on any number of cases.
    Close it (or use it as a context manager) to free the compiled ruleset."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        compiled, self._probes = compile_probes(self.rules)
        self._inference = Inference(compiled)

    def truths(self, data: dict[str, Any]) -> dict[tuple[str, int], Truth]:
        """Each test's truth on the case data `data`, by (rule id, test index)."""
        fired = self._inference.run(data).holds
        out = {
            (rule.id, index): Truth.UNKNOWN
            for rule in self.rules
            for index in range(sum(len(c.tests) for c in rule.conditions))
        }
        for key in fired:
            probe: Probe = self._probes[key]
            out[probe.rule, probe.test] = Truth.TRUE if probe.truth else Truth.FALSE
        return out

    def close(self) -> None:
        self._inference.close()

    def __enter__(self) -> Prober:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
