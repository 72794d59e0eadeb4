"""Which states' law a result applied, and how completely: never silent about a state lexcase has
no rules for.

Each national pack declares its state, its roles and its coverage (`rules/<cc>/pack.yaml`). A
case names a host state (where the person is) and a home state (the state he fled); for each, the
result says which pack was applied in that role and how completely (`full`, `partial` with what
is missing), or `none`, with a warning such as "lexcase has no rules for UZ (the host state): only
the law of Russia and international law were applied". This reports what the rulebook holds; it
decides nothing about the law.
"""

from __future__ import annotations

from pydantic import Field

from lexcase.model.packs import CoverageLevel, Pack, Role
from lexcase.model.rules import Model, no_items


class StateCoverage(Model):
    role: Role
    state: str | None = Field(description="The state in that role; None when the case omits it.")
    name: str | None = None
    coverage: CoverageLevel
    missing: list[str] = Field(default_factory=no_items, description="What the pack leaves out.")


class Coverage(Model):
    states: list[StateCoverage]
    warnings: list[str]


def coverage_of(packs: tuple[Pack, ...], host: str | None, home: str | None) -> Coverage:
    """The coverage of a case whose host and home states are `host` and `home`."""
    found = {(p.state, role): p for p in packs for role in p.roles}
    states = []
    for role, state in ((Role.HOST, host), (Role.HOME, home)):
        pack = found.get((state, role)) if state is not None else None
        if pack is None:
            states.append(StateCoverage(role=role, state=state, coverage=CoverageLevel.NONE))
        else:
            states.append(
                StateCoverage(
                    role=role,
                    state=state,
                    name=pack.name,
                    coverage=pack.coverage,
                    missing=list(pack.missing),
                )
            )
    applied = [s.name for s in states if s.coverage is not CoverageLevel.NONE and s.name]
    laws = [f"the law of {n}" for n in applied] + ["international law"]
    what = " and ".join(laws) + (" were" if len(laws) > 1 else " was")
    warnings = []
    for entry in states:
        if entry.coverage is not CoverageLevel.NONE:
            continue
        if entry.state is None:
            warnings.append(
                f"the case does not say the {entry.role.value} state: no {entry.role.value} "
                f"state's law could be applied; only {what} applied"
            )
        else:
            warnings.append(
                f"lexcase has no rules for {entry.state} (the {entry.role.value} state): "
                f"only {what} applied"
            )
    return Coverage(states=states, warnings=warnings)
