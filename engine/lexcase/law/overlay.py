"""Overlays: a reform written as a few rule files on top of a rule folder, without copying it.

An overlay is a folder holding `overlay.yaml` (its name and version, and the ids of the base
rules it replaces or repeals) and rule files laid out as in any rule folder. Applied to a loaded
rulebook it adds its rules, puts each rule listed under `replaces:` in the place of the base rule
with that id, and drops the rules listed under `repeals:`. A rule of the overlay whose id the base
already has must be listed under `replaces:`, so that a typing slip never replaces a rule unseen.
A repealed rule is no longer defeated by anyone (those `defeats` entries are dropped, and the
overlay's stamp lists them); every other reference is checked on the result as the loader checks
a folder: conclusions some rule draws, defeats naming a loaded rule, no circle.

The base rulebook is never changed: applying an overlay builds a new one, whose stamp names the
base (version, SHA-256) and each overlay (name, version, SHA-256 of its files). Overlaid
rulebooks are not cached: an overlay is a few files, read in milliseconds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from lexcase.errors import Place, RuleFileError, file_label
from lexcase.law.files import MANIFEST, FolderSnapshot, RuleFile, read_folder
from lexcase.law.loader import FolderChecker, load_rulebook
from lexcase.law.rulebook import AppliedOverlay, Rulebook, closest
from lexcase.model.rules import Identifier, Prose, Rule, Spec
from lexcase.source import Document, parse_document, validate

OVERLAY_MANIFEST = "overlay.yaml"


class OverlaySpec(Spec):
    """The file `overlay.yaml`."""

    name: Prose = Field(description="What the overlay is, e.g. the amendment it writes.")
    version: Prose = Field(description="Its version, shown in every result's stamp.")
    replaces: list[Identifier] = Field(
        default_factory=list, description="Base rules replaced by the overlay's rule of that id."
    )
    repeals: list[Identifier] = Field(
        default_factory=list, description="Base rules removed, with nothing in their place."
    )
    note: Prose | None = None


@dataclass(frozen=True)
class RuleChoice:
    """A rule folder (the shipped packs when None) with overlays applied on it in order."""

    base: Path | str | None = None
    overlays: tuple[Path | str, ...] = ()


RulesInput = Path | str | RuleChoice | None


def choose_rules(base: Path | str | None, overlays: Iterable[Path | str] = ()) -> RulesInput:
    """`base` alone, or `base` with `overlays`: what the `rules` argument of the API takes."""
    chosen = tuple(overlays)
    return RuleChoice(base, chosen) if chosen else base


def rulebook_for(rules: RulesInput = None) -> Rulebook:
    """The rulebook of a rule folder, or of a folder with overlays applied on it."""
    if not isinstance(rules, RuleChoice):
        return load_rulebook(rules)
    rulebook = load_rulebook(rules.base)
    for overlay in rules.overlays:
        rulebook = apply_overlay(rulebook, Path(overlay))
    return rulebook


def shipped(rules: RulesInput) -> bool:
    """Whether `rules` means the shipped packs, unchanged."""
    return rules is None or (
        isinstance(rules, RuleChoice) and rules.base is None and not rules.overlays
    )


def apply_overlay(base: Rulebook, root: Path) -> Rulebook:
    """`base` with the overlay in the folder `root` applied; raise the first problem found."""
    spec, document, snapshot, files = _read_overlay(root)
    checker = FolderChecker(root, snapshot)
    for file in files:
        for problem in checker._file(file):
            raise problem
    ids = set(base.by_id)
    _check_lists(spec, document, ids, {r.id for r in checker.rules})
    for rule in checker.rules:
        if rule.id in ids and rule.id not in spec.replaces:
            raise RuleFileError(
                f"rule {rule.id}: the base rules already have this id",
                checker.places[rule.id],
                expected=f"its id under replaces: in {OVERLAY_MANIFEST} to replace the base rule, "
                "or a new id to add a rule",
            )
    new = {r.id: r for r in checker.rules}
    repealed = set(spec.repeals)
    rules: list[Rule] = []
    unlinked: list[str] = []
    for rule in base.rules:
        if rule.id in repealed:
            continue
        rule = new.pop(rule.id, rule)
        # `defeats` as written: a conclusion it names is expanded again below, so that a rule
        # the overlay adds under that conclusion is defeated too.
        written = rule.defeats_named or rule.defeats
        unlinked.extend(
            f"{rule.id} no longer defeats {t} (repealed)" for t in written if t in repealed
        )
        kept = tuple(t for t in written if t not in repealed)
        rules.append(rule.model_copy(update={"defeats": kept, "defeats_named": ()}))
    rules.extend(new.values())
    places = {r.id: Place(r.file, r.line, r.id) for r in rules}
    places.update(checker.places)
    merged = FolderChecker(root, snapshot, rules=rules, places=places)
    for problem in merged._references():
        raise problem
    applied = AppliedOverlay(
        name=spec.name,
        version=spec.version,
        sha256=snapshot.sha256,  # of the bytes parsed: overlay.yaml and the rule files
        root=file_label(root),
        added=tuple(sorted(new)),
        replaced=tuple(sorted(spec.replaces)),
        repealed=tuple(sorted(spec.repeals)),
        unlinked=tuple(unlinked),
    )
    # Everything else the base knows (its version, hash, packs...) stays as it is.
    return dataclasses.replace(
        base,
        rules=tuple(merged.rules),
        files=base.files + tuple(f.label for f in snapshot.files),
        overlays=(*base.overlays, applied),
    )


def _read_overlay(root: Path) -> tuple[OverlaySpec, Document, FolderSnapshot, list[RuleFile]]:
    """The overlay's manifest and its rule files, each read once (as the loader reads a
    folder); a file that would not be read, or could not be, is an error."""
    label = file_label(root)
    if not root.is_dir():
        raise RuleFileError(
            "no such folder", Place(label), expected=f"a folder holding {OVERLAY_MANIFEST}"
        )
    snapshot = read_folder(root)
    for problem in snapshot.problems:
        raise problem
    manifest = next((f for f in snapshot.files if f.path == root / OVERLAY_MANIFEST), None)
    if manifest is None:
        whole = snapshot.manifest is not None
        raise RuleFileError(
            f"an overlay needs {OVERLAY_MANIFEST}"
            + (f" (this folder has {MANIFEST}: a whole rule folder, for --rules)" if whole else ""),
            Place(label),
            expected=f"{OVERLAY_MANIFEST} with name:, version:, and replaces: or repeals: lists",
        )
    # A pack description, a treaty table or a manifest would not be read: say so.
    unread = [*snapshot.data, *([snapshot.manifest] if snapshot.manifest else [])]
    if unread:
        raise RuleFileError(
            "an overlay holds rule files only; this file would not be read",
            Place(unread[0].label),
            expected="rule files beside overlay.yaml (pack descriptions and the treaty table "
            "stay the base folder's)",
        )
    document = parse_document(manifest.raw, manifest.label, RuleFileError)
    spec = validate(OverlaySpec, document, RuleFileError, "overlay manifest")
    files = [f for f in snapshot.files if f is not manifest]
    if not files and not spec.repeals:
        raise RuleFileError(
            "the overlay changes nothing",
            document.place(()),
            expected="rule files beside overlay.yaml, or ids under repeals:",
        )
    return spec, document, snapshot, files


def _check_lists(spec: OverlaySpec, document: Document, base: set[str], mine: set[str]) -> None:
    for key, listed in (("replaces", spec.replaces), ("repeals", spec.repeals)):
        for index, rule_id in enumerate(listed):
            place = document.place((key, index))
            if rule_id not in base:
                raise RuleFileError(
                    f"{key}: no base rule has the id '{rule_id}'",
                    place,
                    expected="the id of a rule of the base folder (`lexcase rules list`)",
                    suggestion=closest(rule_id, base),
                )
            if listed.count(rule_id) > 1:
                raise RuleFileError(f"{key}: '{rule_id}' is listed twice", place)
            if key == "replaces" and rule_id not in mine:
                raise RuleFileError(
                    f"replaces: the overlay has no rule '{rule_id}' to put in its place",
                    place,
                    expected="a rule with that id in the overlay's files, or the id under "
                    "repeals: to remove the rule",
                )
            if key == "repeals" and rule_id in mine:
                raise RuleFileError(
                    f"repeals: '{rule_id}' is also a rule of the overlay",
                    place,
                    expected="the id under replaces: to replace the rule",
                )
            if key == "repeals" and rule_id in spec.replaces:
                raise RuleFileError(f"'{rule_id}' is both replaced and repealed", place)
