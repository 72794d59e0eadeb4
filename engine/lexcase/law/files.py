"""Rule files on disk: the folder of the shipped packs, its manifest, the files it holds, and the
SHA-256 that stamps every result evaluated with them.

A folder is read once (`read_folder`): the bytes hashed into the stamp and into the cache key are
the bytes parsed, so a file saved while lexcase loads cannot give rules of one version under the
stamp of another. An entry that cannot be read is an error of the folder, never a silent gap in
its rules."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lexcase.errors import Place, RuleFileError, file_label
from lexcase.reading import folder_entries, read_file

MANIFEST = "rulebook.yaml"
TREATIES = "treaties.yaml"  # at the top of the folder: which states each treaty binds, and when
PACK = "pack.yaml"  # in a jurisdiction's folder: the state, its role and the pack's coverage
RULE_SUFFIXES = (".yaml", ".yml", ".json")


def default_rules_dir() -> Path:
    """The shipped rule packs: inside the installed package, or the checkout's rules/."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "rules", package.parent.parent / "rules"):
        if (candidate / MANIFEST).is_file():
            return candidate
    raise RuleFileError(
        "the shipped rule packs are missing",
        Place(str(package / "rules")),
        expected=f"a folder with {MANIFEST}",
    )


@dataclass(frozen=True)
class RuleFile:
    """A rule file as read, once: what is parsed is what is hashed into the rulebook's stamp."""

    path: Path
    name: str  # relative to the folder, with / between parts: what the stamp hashes
    label: str  # how messages name it
    raw: bytes


@dataclass(frozen=True)
class FolderSnapshot:
    """Every file of a rule folder read once, in name order, and the entries that could not be
    read (a link to nothing, a link that loops, a FIFO, a file past the limits) as errors."""

    root: Path
    manifest: RuleFile | None
    data: tuple[RuleFile, ...]  # the treaty table and each folder's pack description
    files: tuple[RuleFile, ...]
    problems: tuple[RuleFileError, ...]

    @property
    def read(self) -> tuple[RuleFile, ...]:
        """The manifest, if any, the data files, then the rule files: every file the rulebook
        comes from."""
        return ((self.manifest,) if self.manifest is not None else ()) + self.data + self.files

    @cached_property
    def sha256(self) -> str:
        """The SHA-256 of the files with their names relative to the folder: the stamp."""
        sha = hashlib.sha256()
        for file in sorted(self.read, key=lambda f: f.path):
            sha.update(file.name.encode())
            sha.update(b"\0")
            sha.update(file.raw)
            sha.update(b"\0")
        return sha.hexdigest()


def read_folder(root: Path) -> FolderSnapshot:
    """Read the manifest and the rule files under `root` (which must be a folder), each once."""
    manifest: RuleFile | None = None
    data: list[RuleFile] = []
    files: list[RuleFile] = []
    problems: list[RuleFileError] = []
    if (root / MANIFEST).is_file():
        try:
            manifest = _read(root, root / MANIFEST)
        except RuleFileError as problem:
            problems.append(problem)
    for entry in folder_entries(root, RULE_SUFFIXES):
        if entry.path.name == MANIFEST and entry.path.parent == root:
            continue
        try:
            if entry.problem is not None:
                label = file_label(entry.path)
                raise RuleFileError(entry.problem, Place(label), expected="a readable rule file")
            read = _read(root, entry.path)
            (data if _is_data(root, entry.path) else files).append(read)
        except RuleFileError as problem:
            problems.append(problem)
    return FolderSnapshot(root, manifest, tuple(data), tuple(files), tuple(problems))


def _is_data(root: Path, path: Path) -> bool:
    """The treaty table (top of the folder) and a pack description (a jurisdiction's folder)."""
    return (path.parent == root and path.name == TREATIES) or (
        path.parent.parent == root and path.name == PACK
    )


def _read(root: Path, path: Path) -> RuleFile:
    raw, label = read_file(path, RuleFileError)
    return RuleFile(path, path.relative_to(root).as_posix(), label, raw)


Status = tuple[str, int, int, int, int]  # a file's name in its folder, and its `unchanged` key


def unchanged(info: os.stat_result) -> tuple[int, int, int, int]:
    """What shows that a file was not written since it was last seen: size, modification and
    change times, inode. Any write gives it a new change time, which no tool sets back (unlike
    the modification time); a file replaced has another inode."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def folder_status(root: Path) -> list[Status] | None:
    """The name and status of every file `read_folder(root)` reads, sorted by name, without
    reading them; None when any entry is not a plain file (`read_folder` reports it, or reads a
    folder named like a rule file), or a folder cannot be listed. Listed with os.walk and
    strings: this runs on every start."""
    found: list[Status] = []
    unlisted: list[OSError] = []
    top = str(root)
    for folder, dirs, files in os.walk(top, onerror=unlisted.append):
        if any(name.endswith(RULE_SUFFIXES) for name in dirs):
            return None
        relative = folder[len(top) :].strip(os.sep).replace(os.sep, "/")
        prefix = relative + "/" if relative else ""
        for name in files:
            if name.endswith(RULE_SUFFIXES):
                try:
                    info = os.stat(os.path.join(folder, name))
                except OSError:
                    return None
                if not stat.S_ISREG(info.st_mode):
                    return None
                found.append((prefix + name, *unchanged(info)))
    return None if unlisted else sorted(found)
