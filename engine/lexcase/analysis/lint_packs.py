"""The lint's checks of how rules fit their packs and their sources.

* Role: a rule in `rules/<cc>/` is the law of state CC, which applies only where CC plays its
  role in the case: the host state's law where `host_state` is CC, the home state's law where
  `home_state` is CC (the roles `pack.yaml` declares; either one without a pack). A rule must test
  that itself (`host_state: KZ`, or `in: [KZ]`), or through a `given` every concluder of which
  does. Otherwise it could fire for a person in another state, and the lint names it.
* Sources: every practice rule's `reported_in` names entries of the sources file the manifest
  points to (`sources:` in rulebook.yaml, relative to the project folder above `rules/`). An
  entry is a list item whose first word is its id in backticks: "- `am-c` **Title** ...".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lexcase.errors import RuleFileError
from lexcase.law.files import MANIFEST
from lexcase.law.rulebook import Rulebook
from lexcase.model.packs import Role
from lexcase.model.rules import Basis, Op, Rule
from lexcase.source import load_document

INTL = "INTL"
ENTRY = re.compile(r"^\s*[-*]\s+`([a-z0-9][a-z0-9._-]*)`", re.MULTILINE)

Finding = tuple[Rule, str]


def role_findings(rulebook: Rulebook) -> Iterator[Finding]:
    """National rules that do not confine themselves to their state's role."""
    roles = {p.state: p.roles for p in rulebook.packs}
    memo: dict[tuple[str, str, str], bool] = {}
    for rule in rulebook.rules:
        if rule.jurisdiction == INTL:
            continue
        state = rule.jurisdiction
        allowed = roles.get(state, (Role.HOST, Role.HOME))
        if any(_fixes(rule, role.fact, state, rulebook, memo, set()) for role in allowed):
            continue
        tests = " or ".join(f"{role.fact}: {state}" for role in allowed)
        yield (
            rule,
            f"it is {state} law but could fire for a case in another state: it tests neither "
            f"{tests} itself nor through a given every concluder of which tests it",
        )


def _fixes(
    rule: Rule,
    path: str,
    state: str,
    rulebook: Rulebook,
    memo: dict[tuple[str, str, str], bool],
    seen: set[str],
) -> bool:
    """Whether `rule` can hold only where the fact `path` is `state`."""
    key = (rule.id, path, state)
    if key in memo:
        return memo[key]
    if rule.id in seen:  # no circles in a loaded rulebook; kept safe all the same
        return False
    seen = seen | {rule.id}
    direct = any(
        (t.op is Op.IS and t.value == state) or (t.op is Op.IN and t.value == [state])
        for c in rule.conditions
        if c.path == path
        for t in c.tests
    )
    through = any(
        bool(rulebook.concluders.get(name))
        and all(
            _fixes(rulebook.by_id[r], path, state, rulebook, memo, seen)
            for r in rulebook.concluders[name]
        )
        for name in rule.given
    )
    memo[key] = direct or through
    return memo[key]


def sources_file(root: Path) -> Path | None:
    """The sources file the manifest of the rule folder `root` names, if it names one."""
    manifest = root / MANIFEST
    if not manifest.is_file():
        return None
    try:
        data = load_document(manifest, RuleFileError).data
    except RuleFileError:
        return None  # the load check reports it
    named = data.get("sources") if isinstance(data, dict) else None
    return (root.parent / named) if isinstance(named, str) else None


def source_ids(path: Path) -> set[str]:
    return set(ENTRY.findall(path.read_text(encoding="utf-8")))


def source_findings(rulebook: Rulebook, root: Path) -> Iterator[Finding | str]:
    """Practice rules whose reports are not entries of the sources file; or, as text, why the
    file itself cannot be read."""
    path = sources_file(root)
    if path is None:
        return
    if not path.is_file():
        yield f"{MANIFEST} names the sources file {path}, which does not exist"
        return
    known = source_ids(path)
    for rule in rulebook.rules:
        if rule.basis is not Basis.PRACTICE:
            continue
        missing = [r for r in rule.reported_in if r not in known]
        if missing:
            yield (
                rule,
                f"reported_in names {', '.join(repr(m) for m in missing)}, which "
                f"{path.name} does not list (an entry starts with its id in backticks)",
            )
