"""Loading a folder of rule files into a rulebook, with every problem named by file, line and rule.

`load_rulebook` stops at the first problem and raises it (and serves an unchanged folder from
the cache, `lexcase.law.cache`); `check_rulebook` collects every problem instead, for
`lexcase rules lint`. The checks that span files live here: unique ids, conclusions that some rule
draws, defeats naming a loaded rule, and no circle of dependencies.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lexcase.errors import Place, RuleFileError, file_label
from lexcase.law import cache
from lexcase.law.files import MANIFEST, default_rules_dir, digest, rule_files
from lexcase.law.resolver import resolve_rule
from lexcase.law.rulebook import Rulebook, closest, find_cycle
from lexcase.model.rules import Rule, RuleFileSpec
from lexcase.source import load_document, validate


def load_rulebook(root: Path | str | None = None) -> Rulebook:
    """Load every rule file under `root` (the shipped packs by default); raise the first problem.
    A folder loaded before, unchanged, comes from the cache (see `lexcase.law.cache`)."""
    folder = Path(root) if root is not None else default_rules_dir()
    return cache.cached(folder, _load)


def _load(root: Path) -> Rulebook:
    problems = FolderChecker(root)
    for problem in problems.run():
        raise problem
    return problems.rulebook()


def check_rulebook(root: Path | str | None = None) -> tuple[Rulebook | None, list[RuleFileError]]:
    """Load `root` collecting every problem; the rulebook is None when any problem was found."""
    checker = FolderChecker(Path(root) if root is not None else default_rules_dir())
    problems = list(checker.run())
    return (None if problems else checker.rulebook()), problems


@dataclass
class FolderChecker:
    root: Path
    rules: list[Rule] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    version: str = "unversioned"

    def rulebook(self) -> Rulebook:
        return Rulebook(
            rules=tuple(self.rules),
            root=file_label(self.root) or str(self.root),
            version=self.version,
            sha256=digest(self.root, self.files),
            files=tuple(file_label(f) or str(f) for f in self.files),
        )

    def run(self) -> Iterator[RuleFileError]:
        if not self.root.is_dir():
            yield RuleFileError(
                "no such folder of rules",
                Place(file_label(self.root)),
                expected="a folder holding <jurisdiction>/<instrument>.yaml files",
            )
            return
        manifest = self.root / MANIFEST
        if manifest.is_file():
            self.files.append(manifest)
            try:
                document = load_document(manifest, RuleFileError)
                version = document.data.get("version") if isinstance(document.data, dict) else None
                if not isinstance(version, str):
                    yield RuleFileError(
                        "the rulebook needs a version",
                        document.place(("version",)),
                        expected="text such as 2026.11.0",
                    )
                else:
                    self.version = version
            except RuleFileError as problem:
                yield problem
        paths = rule_files(self.root)
        if not paths:
            yield RuleFileError(
                "the folder holds no rule files",
                Place(file_label(self.root)),
                expected="files such as kz/criminal-code.yaml",
            )
        for path in paths:
            self.files.append(path)
            yield from self._file(path)
        yield from self._references()

    # --- one file ---------------------------------------------------------------------------

    def _file(self, path: Path) -> Iterator[RuleFileError]:
        try:
            document = load_document(path, RuleFileError)
            spec = validate(RuleFileSpec, document, RuleFileError, "rule file")
        except RuleFileError as problem:
            yield problem
            return
        folder = path.parent.name.upper()
        if path.parent != self.root and folder != spec.jurisdiction:
            yield RuleFileError(
                f"the file says jurisdiction {spec.jurisdiction} but lies in the folder "
                f"{path.parent.name}/",
                document.place(("jurisdiction",)),
                expected=f"jurisdiction: {folder}, or the file in {spec.jurisdiction.lower()}/",
            )
        for index, rule_spec in enumerate(spec.rules):
            try:
                rule = resolve_rule(rule_spec, spec, document, ("rules", index))
            except RuleFileError as problem:
                yield problem
                continue
            if rule.id in self.places:
                yield RuleFileError(
                    f"rule {rule.id}: the id is already used at {self.places[rule.id]}",
                    document.place(("rules", index, "id")),
                    expected="a unique rule id",
                )
                continue
            self.places[rule.id] = document.place(("rules", index))
            self.rules.append(rule)

    # --- across files -------------------------------------------------------------------------

    def _references(self) -> Iterator[RuleFileError]:
        ids = {r.id for r in self.rules}
        concluded = {name for r in self.rules for name in r.concludes}
        for rule in self.rules:
            place = self.places[rule.id]
            for name in rule.given:
                if name not in concluded:
                    yield RuleFileError(
                        f"rule {rule.id}: no rule concludes '{name}', which it is given",
                        place,
                        expected="a name some rule has under then.conclude",
                        suggestion=closest(name, concluded),
                    )
            for target in rule.defeats:
                if target not in ids:
                    yield RuleFileError(
                        f"rule {rule.id}: it defeats '{target}', but no rule has that id",
                        place,
                        expected="the id of a loaded rule",
                        suggestion=closest(target, ids),
                    )
                elif target == rule.id:
                    yield RuleFileError(f"rule {rule.id}: a rule cannot defeat itself", place)
        cycle = find_cycle(self.rules)
        if cycle:
            yield RuleFileError(
                "rules depend on each other in a circle: " + " -> ".join(cycle),
                self.places[cycle[0]],
                expected="no rule depending, through given or defeats, on itself",
            )
