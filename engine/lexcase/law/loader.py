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
from typing import TYPE_CHECKING

from lexcase.errors import Place, RuleFileError, file_label
from lexcase.law import cache
from lexcase.law.files import TREATIES, FolderSnapshot, RuleFile, default_rules_dir, read_folder
from lexcase.law.rulebook import Rulebook, closest, concluders_of, find_cycle
from lexcase.model.packs import Pack
from lexcase.model.rules import Rule, RuleFileSpec
from lexcase.source import parse_document, validate

if TYPE_CHECKING:
    from lexcase.law.packs import TreatyTable

# The readers of pack descriptions, treaty tables and rules (lexcase.law.packs and .resolver,
# with the conditions and deadlines they resolve) are imported when a folder is read: a start
# served from the rule cache never needs them.


def load_rulebook(root: Path | str | None = None) -> Rulebook:
    """Load every rule file under `root` (the shipped packs by default); raise the first problem.
    A folder loaded before, unchanged, comes from the cache (see `lexcase.law.cache`)."""
    folder = Path(root) if root is not None else default_rules_dir()
    if not folder.is_dir():
        for problem in FolderChecker(folder).run():
            raise problem
    return cache.cached_folder(folder, read_folder, _load)


def _load(snapshot: FolderSnapshot) -> Rulebook:
    problems = FolderChecker(snapshot.root, snapshot)
    for problem in problems.run():
        raise problem
    return problems.rulebook()


def check_rulebook(root: Path | str | None = None) -> tuple[Rulebook | None, list[RuleFileError]]:
    """Load `root` collecting every problem; the rulebook is None when any problem was found."""
    checker = FolderChecker(Path(root) if root is not None else default_rules_dir())
    problems = list(checker.run())
    return (None if problems else checker.rulebook()), problems


def _no_treaties() -> TreatyTable:
    from lexcase.law.packs import TreatyTable
    from lexcase.model.packs import TreatyTableSpec

    return TreatyTable(TreatyTableSpec(), None)


@dataclass
class FolderChecker:
    root: Path
    snapshot: FolderSnapshot | None = None  # the folder's files, read once; read on `run`
    rules: list[Rule] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    version: str = "unversioned"
    treaties: TreatyTable = field(default_factory=_no_treaties)
    packs: list[Pack] = field(default_factory=list)

    def rulebook(self) -> Rulebook:
        assert self.snapshot is not None, "run() first"
        return Rulebook(
            rules=tuple(self.rules),
            root=file_label(self.root),
            version=self.version,
            sha256=self.snapshot.sha256,  # of the bytes parsed, not of the files read again
            files=tuple(f.label for f in self.snapshot.read),
            packs=tuple(sorted(self.packs, key=lambda p: p.state)),
        )

    def run(self) -> Iterator[RuleFileError]:
        if not self.root.is_dir():
            yield RuleFileError(
                "no such folder of rules",
                Place(file_label(self.root)),
                expected="a folder holding <jurisdiction>/<instrument>.yaml files",
            )
            return
        if self.snapshot is None:
            self.snapshot = read_folder(self.root)
        manifest = self.snapshot.manifest
        if manifest is not None:
            try:
                document = parse_document(manifest.raw, manifest.label, RuleFileError)
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
        yield from self.snapshot.problems
        yield from self._data(self.snapshot)
        if not self.snapshot.files and not self.snapshot.problems:
            yield RuleFileError(
                "the folder holds no rule files",
                Place(file_label(self.root)),
                expected="files such as kz/criminal-code.yaml",
            )
        for file in self.snapshot.files:
            yield from self._file(file)
        yield from self._references()

    # --- the treaty table and the packs' descriptions ---------------------------------------

    def _data(self, snapshot: FolderSnapshot) -> Iterator[RuleFileError]:
        from lexcase.law.packs import read_pack, read_treaties

        for file in snapshot.data:
            try:
                if file.path.name == TREATIES:
                    self.treaties = read_treaties(file)
                else:
                    self.packs.append(read_pack(file))
            except RuleFileError as problem:
                yield problem
        names_ru = {p.state: p.name_ru for p in self.packs if p.name_ru}
        for made in self.treaties.rules(names_ru):
            if isinstance(made, RuleFileError):
                yield made
            else:
                yield from self._add(made, Place(file_label(self.root / TREATIES), made.line))

    def _add(self, rule: Rule, place: Place) -> Iterator[RuleFileError]:
        if rule.id in self.places:
            yield RuleFileError(
                f"rule {rule.id}: the id is already used at {self.places[rule.id]}",
                place,
                expected="a unique rule id",
            )
            return
        self.places[rule.id] = place
        self.rules.append(rule)

    # --- one file ---------------------------------------------------------------------------

    def _file(self, file: RuleFile) -> Iterator[RuleFileError]:
        from lexcase.law.packs import INTL
        from lexcase.law.resolver import resolve_rule

        path = file.path
        try:
            document = parse_document(file.raw, file.label, RuleFileError)
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
        givens: tuple[str, ...] = ()
        if spec.treaty is not None:
            if spec.treaty not in self.treaties.by_id:
                yield RuleFileError(
                    f"the file names treaty '{spec.treaty}', which {TREATIES} does not list",
                    document.place(("treaty",)),
                    expected=f"the id of a treaty in {TREATIES}",
                    suggestion=closest(spec.treaty, list(self.treaties.by_id)),
                )
                return
            if spec.jurisdiction != INTL:
                yield RuleFileError(
                    "only international law belongs to a treaty",
                    document.place(("treaty",)),
                    expected="jurisdiction: INTL",
                )
                return
            givens = self.treaties.givens(spec.treaty)
        for index, rule_spec in enumerate(spec.rules):
            try:
                rule = resolve_rule(rule_spec, spec, document, ("rules", index))
            except RuleFileError as problem:
                yield problem
                continue
            if givens:
                # A treaty rule holds only where the treaty binds the states it names.
                rule = rule.model_copy(update={"given": (*rule.given, *givens)})
            yield from self._add(rule, document.place(("rules", index)))

    # --- across files -------------------------------------------------------------------------

    def _references(self) -> Iterator[RuleFileError]:
        ids = {r.id for r in self.rules}
        concluders = concluders_of(self.rules)
        for index, rule in enumerate(self.rules):
            place = self.places[rule.id]
            for name in rule.given:
                if name not in concluders:
                    yield RuleFileError(
                        f"rule {rule.id}: no rule concludes '{name}', which it is given",
                        place,
                        expected="a name some rule has under then.conclude",
                        suggestion=closest(name, list(concluders)),
                    )
            defeated: list[str] = []
            for target in rule.defeats:
                if target in ids:
                    defeated.append(target)
                elif target in concluders:
                    # A conclusion's name defeats every rule concluding it, in any pack.
                    defeated.extend(r for r in concluders[target] if r != rule.id)
                else:
                    yield RuleFileError(
                        f"rule {rule.id}: it defeats '{target}', but no rule has that id and "
                        "no rule concludes it",
                        place,
                        expected="the id of a loaded rule, or a conclusion some rule draws",
                        suggestion=closest(target, ids | set(concluders)),
                    )
                if target == rule.id:
                    yield RuleFileError(f"rule {rule.id}: a rule cannot defeat itself", place)
            expanded = tuple(dict.fromkeys(defeated))
            if expanded != rule.defeats:
                self.rules[index] = rule.model_copy(
                    update={"defeats": expanded, "defeats_named": rule.defeats}
                )
        cycle = find_cycle(self.rules)
        if cycle:
            yield RuleFileError(
                "rules depend on each other in a circle: " + " -> ".join(cycle),
                self.places[cycle[0]],
                expected="no rule depending, through given or defeats, on itself",
            )
