"""The cache of loaded rulebooks: a rule folder read once is not parsed again while it is unchanged.

Reading the shipped packs (YAML with line numbers, then validation) takes about a third of
`lexcase evaluate`'s start-up; reading a cached rulebook takes a hundredth of that.

The rule files are read and hashed only when one of them may have changed: the folder's record
beside the entries holds each file's status (size, modification and change times, inode) and
the SHA-256 they had, and while every file of the folder has the status recorded, that SHA-256
stands for them (`cached_folder`). Any write of a file gives it a new change time, which no
tool sets back; a file added, removed or replaced changes the list or an inode. A file changed
within the clock's step of its last change could keep its change time, so a folder is recorded
only when no file of it changed in the last `STEADY_NS` (git's racily clean files): a change
after the record always shows.

An entry is data, never code: JSON of lexcase's own rule models, read back by pydantic into those
models and nothing else (no pickle: a planted pickle runs its author's code). The entry's name is
the SHA-256 of lexcase's code (every module at any depth), the Python version, the labels files
are shown with (they depend on the working directory) and the SHA-256 of the rule files as read
for this load; the entry holds that stamp and a checksum of itself, and is used only when both
match (the code's digest is kept in the folder beside each module's status and used while no
module was written: `_code_digest`). So a changed rule, a moved folder, another lexcase, a
damaged entry or one written for other rules is a miss: the folder is parsed, and the entry
written again. A folder that fails
to load is never cached: its errors are reported as always.

The cache lives in $LEXCASE_CACHE_DIR, else $XDG_CACHE_HOME/lexcase, else ~/.cache/lexcase. The
folder is created private (0700); a folder or an entry that another user owns or can write is
not used, with a warning (`CacheWarning`), and neither is anything but a regular file (a FIFO
or a link planted as an entry never blocks or redirects a read). It keeps the most recent `KEEP`
entries. LEXCASE_NO_CACHE=1 turns it off. Any other problem with the cache (unwritable, full)
only means the folder is parsed again.

Beside an entry, a layer above may keep what it made from that very rulebook (`read_aside`,
`store_aside`: the compiled ruleset), under the entry's key and with the same checks. Only a
rulebook this module returned has a key (`entry_key`); a rulebook made from it (an overlay, a
test's edit) has none, so nothing made from other rules is ever read for it.

The folder also keeps the core schemas of the pydantic models every start builds (the case's,
an entry's: `build_models`, `lexcase.law.core_schemas`), one file a model, used only while
lexcase's code (the same digest), Python, pydantic and pydantic-core are those that wrote it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
import time
import warnings
import weakref
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pydantic
import pydantic_core
from pydantic import BaseModel, ConfigDict, ValidationError

from lexcase.errors import file_label
from lexcase.law import core_schemas
from lexcase.law.files import FolderSnapshot, Status, folder_status, unchanged
from lexcase.law.rulebook import Rulebook
from lexcase.model.packs import Pack
from lexcase.model.rules import Rule

KEEP = 32
FORMAT = 1  # of the entries; a new one is a miss for entries of the old
MAX_ENTRY_BYTES = 64_000_000  # far above any rulebook (the shipped one is about 100 KB)
PACKAGE = Path(__file__).resolve().parent.parent  # lexcase/, whose code the key covers
STEADY_NS = 2_000_000_000  # a folder is recorded only when no file of it changed for this long


class CacheWarning(UserWarning):
    """The cache was not used, or an entry was not, for a reason its owner should know."""


class Entry(BaseModel):
    """What a cache entry holds: a loaded rulebook as data, and what it was loaded from."""

    # defer_build: its validator comes from the kept core schema (`build_models`) when read
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    format: int
    key: str
    rules_sha256: str  # the stamp of the rule files it was loaded from
    root: str
    version: str
    files: tuple[str, ...]
    rules: tuple[Rule, ...]
    packs: tuple[Pack, ...] = ()


def code_files() -> list[Path]:
    """Every module of lexcase, at any depth of its sub-packages, in a fixed order."""
    return [PACKAGE / name for name in _module_names()]


def _module_names() -> list[str]:
    """The modules' paths relative to the package, with / between parts, sorted. Listed with
    os.walk, not Path.rglob: this runs on every start, and pathlib costs more than the hashing."""
    root = str(PACKAGE)
    names: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        names.extend(prefix + name for name in files if name.endswith(".py"))
    return sorted(names)


def cache_dir() -> Path | None:
    if os.environ.get("LEXCASE_NO_CACHE"):
        return None
    explicit = os.environ.get("LEXCASE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lexcase"


def cached_folder(
    root: Path,
    read: Callable[[Path], FolderSnapshot],
    load: Callable[[FolderSnapshot], Rulebook],
) -> Rulebook:
    """The rulebook of the rule folder `root`: from the cache without reading the files when
    each has the status the folder's record holds and the entry for them is there and intact;
    else `cached(read(root), load)`, and the folder recorded again."""
    folder = _private_folder(cache_dir())
    if folder is None:
        return cached(read(root), load)
    record = _folder_record(folder, root)
    before = folder_status(root)
    known = _recorded(record, root, before) if before is not None else None
    if known is not None:
        names, sha256 = known
        labels = [file_label(root / name) for name in names]  # as read_folder
        key = _key_of(root, labels, sha256)
        rulebook = _read(folder / f"rulebook-{key}.json", key, sha256)
        if rulebook is not None:
            return _returned(rulebook, folder, key)
    snapshot = read(root)
    rulebook = cached(snapshot, load)
    if before is not None and not snapshot.problems:
        _record_folder(record, root, before, snapshot)
    return rulebook


def _folder_record(folder: Path, root: Path) -> Path:
    return _record(folder, "folder", os.path.abspath(root))


def _record(folder: Path, kind: str, of: str) -> Path:
    """The file in `folder` keeping `kind` for `of` (a folder, lexcase's code) and this Python."""
    where = hashlib.sha256(f"{of}\0{sys.version}".encode()).hexdigest()[:32]
    return folder / f"{kind}-{where}.json"


def _recorded(record: Path, root: Path, now: list[Status]) -> tuple[list[str], str] | None:
    """The names of the files read, in the order read, and their SHA-256, that `record` holds
    for `root` when its files have the statuses `now`; else None."""
    kept = _read_checked(record)
    if kept is None:
        return None
    with contextlib.suppress(ValueError, TypeError, KeyError):
        data = json.loads(kept)
        same = data["format"] == FORMAT and data["root"] == os.path.abspath(root)
        if same and data["files"] == [list(status) for status in now]:
            return [str(name) for name in data["read"]], str(data["sha256"])
    return None


def _record_folder(record: Path, root: Path, before: list[Status], read: FolderSnapshot) -> None:
    """Keep the statuses `before` of the files of `root`, read as `read`, with their SHA-256:
    only when none changed while they were read, nor in the last STEADY_NS before."""
    steady = time.time_ns() - STEADY_NS
    if folder_status(root) != before or any(status[3] > steady for status in before):
        return
    if sorted(file.name for file in read.read) != [status[0] for status in before]:
        return  # not the files `folder_status` lists: never recorded, always read
    plain = {
        "format": FORMAT,
        "root": os.path.abspath(root),
        "files": before,
        "read": [file.name for file in read.read],
        "sha256": read.sha256,
    }
    _write(record.parent, record, json.dumps(plain).encode())


def cached(snapshot: FolderSnapshot, load: Callable[[FolderSnapshot], Rulebook]) -> Rulebook:
    """The rulebook of the folder read in `snapshot`: from the cache when an entry for exactly
    these files is there and intact, else `load(snapshot)` (and stored)."""
    folder = _private_folder(cache_dir())
    if folder is None or snapshot.problems:
        return load(snapshot)
    key = _key(snapshot)
    entry = folder / f"rulebook-{key}.json"
    rulebook = _read(entry, key, snapshot.sha256)
    if rulebook is None:
        rulebook = load(snapshot)
        _store(folder, entry, key, rulebook)
    return _returned(rulebook, folder, key)


def _returned(rulebook: Rulebook, folder: Path, key: str) -> Rulebook:
    _keys[id(rulebook)] = (weakref.ref(rulebook), folder, key)
    weakref.finalize(rulebook, _keys.pop, id(rulebook), None)
    return rulebook


# The rulebooks this module returned, by id: (the rulebook itself, weakly; folder; entry key).
_keys: dict[int, tuple[weakref.ref[Rulebook], Path, str]] = {}


def entry_key(rulebook: Rulebook) -> tuple[Path, str] | None:
    """The cache folder and entry key of `rulebook` if this module returned it, else None."""
    known = _keys.get(id(rulebook))
    if known is None or known[0]() is not rulebook:
        return None
    return known[1], known[2]


def read_aside(rulebook: Rulebook, kind: str) -> bytes | None:
    """What was stored beside `rulebook`'s entry as `kind` (checked as entries are), if any."""
    known = entry_key(rulebook)
    if known is None:
        return None
    folder, key = known
    return _read_checked(folder / f"{kind}-{key}.json")


def store_aside(rulebook: Rulebook, kind: str, body: bytes) -> None:
    """Keep `body` beside `rulebook`'s entry as `kind` (nothing when it has no entry)."""
    known = entry_key(rulebook)
    if known is not None:
        folder, key = known
        _write(folder, folder / f"{kind}-{key}.json", body)


@cache
def _code_digest() -> str:
    """The SHA-256 of every module of lexcase, names and bytes: a new version of lexcase never
    reads an older one's entry. Hashing them was about a hundredth of a start, so the digest is
    kept in the cache folder beside each module's status (size, modification and change times,
    inode): while no module is added, removed or written, the status shows it and the kept
    digest is used. A written module has a new change time, which no tool sets back (unlike
    the modification time), so any edit makes the modules be hashed again."""
    names = _module_names()
    status = [_status(name) for name in names]
    folder = _private_folder(cache_dir())
    record = None
    if folder is not None and None not in status:
        record = _record(folder, "code", str(PACKAGE))
        kept = _read_checked(record)
        if kept is not None:
            with contextlib.suppress(ValueError, TypeError, KeyError):
                data = json.loads(kept)
                if data["package"] == str(PACKAGE) and data["status"] == [names, status]:
                    return str(data["digest"])
    digest = hashlib.sha256()
    for name in names:
        digest.update(f"{name}\0".encode())
        with open(os.path.join(PACKAGE, name), "rb") as module:
            digest.update(module.read())
    if record is not None and folder is not None:
        plain = {"package": str(PACKAGE), "status": [names, status], "digest": digest.hexdigest()}
        _write(folder, record, json.dumps(plain).encode())
    return digest.hexdigest()


# The models given their validator by `build_models` in this process.
_built: set[type[BaseModel]] = set()


def build_models(*models: type[BaseModel]) -> None:
    """Give each of `models` not yet built its validator and serializer from the core schema kept
    in the cache folder; where none is kept for this code, Python and pydantic (or it cannot be
    read), the model is built as pydantic builds it, and its core schema kept if it can be."""
    wanted = [m for m in models if m not in _built and not m.__pydantic_complete__]
    folder = _private_folder(cache_dir()) if wanted else None  # nothing touched once built
    for model in wanted:
        if folder is None:  # no cache: built as pydantic builds it
            model.model_rebuild()
            continue
        record, key = _schema_record(folder, model)
        kept = _read_checked(record)
        written, _, schema = (kept or b"").partition(b"\n")  # the key, then the schema
        if written == key.encode():
            with contextlib.suppress(ValueError, TypeError, pydantic_core.SchemaError):
                core_schemas.install(model, core_schemas.restore(schema))
                _built.add(model)
                continue
        model.model_rebuild()
        with contextlib.suppress(core_schemas.NotKept):
            text = core_schemas.plain(model.__pydantic_core_schema__)
            _write(folder, record, f"{key}\n{text}".encode())


def _schema_record(folder: Path, model: type[BaseModel]) -> tuple[Path, str]:
    """Where `model`'s core schema is kept, and the key it is kept under."""
    name = f"{model.__module__}.{model.__qualname__}"
    key = hashlib.sha256(
        f"{FORMAT}\0{_code_digest()}\0{sys.version}\0{pydantic.VERSION}\0"
        f"{pydantic_core.__version__}\0{name}".encode()
    ).hexdigest()
    return _record(folder, f"schema-{name}", str(PACKAGE)), key


def _status(name: str) -> list[int] | None:
    try:
        info = os.stat(os.path.join(PACKAGE, name))
    except OSError:
        return None
    return list(unchanged(info))


def _key(snapshot: FolderSnapshot) -> str:
    return _key_of(snapshot.root, [file.label for file in snapshot.read], snapshot.sha256)


def _key_of(root: Path, labels: list[str], sha256: str) -> str:
    """An entry's key: lexcase's code, Python, how the folder and its files are named from
    here, and the files' SHA-256."""
    digest = hashlib.sha256(f"{FORMAT}\0{_code_digest()}\0{sys.version}\0".encode())
    digest.update(f"{file_label(root)}\0".encode())
    for label in labels:
        digest.update(f"{label}\0".encode())
    digest.update(sha256.encode())
    return digest.hexdigest()


def _warn(message: str) -> None:
    warnings.warn(f"rule cache: {message}", CacheWarning, stacklevel=3)


def _unsafe(info: os.stat_result) -> str | None:
    """Why a cache folder or entry with this status must not be trusted, if it must not."""
    if info.st_uid != os.geteuid():
        return "is owned by another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "can be written by other users"
    return None


def _private_folder(folder: Path | None) -> Path | None:
    """`folder`, created private if missing; None when it cannot be made or must not be used."""
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
    except OSError:
        return None  # unwritable, or below a file: parse every time
    problem = _unsafe(info)
    if problem is not None:
        _warn(f"the folder {folder} {problem}, so it is not used (see docs/security.md)")
        return None
    return folder


def _read_checked(entry: Path, again: str = "it is made again") -> bytes | None:
    """The body of the entry file `entry` when it is safe to read and its checksum holds."""
    try:
        handle = os.open(entry, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError:
        _warn(f"{entry.name} is not a regular file (a link?), so it is not used")
        return None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        problem = "is not a regular file" if not stat.S_ISREG(info.st_mode) else _unsafe(info)
        if problem is not None:
            _warn(f"{entry.name} {problem}, so it is not used")
            return None
        raw = stream.read(MAX_ENTRY_BYTES + 1)
    checksum, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != checksum:
        _warn(f"{entry.name} is damaged; {again} and the entry rewritten")
        return None
    return body


def _read(entry: Path, key: str, sha256: str) -> Rulebook | None:
    body = _read_checked(entry, "the rules are read again")
    if body is None:
        return None
    build_models(Entry)
    try:
        data = Entry.model_validate_json(body)
    except (ValueError, ValidationError):
        _warn(f"{entry.name} is damaged; the rules are read again and the entry rewritten")
        return None
    if data.format != FORMAT or data.key != key or data.rules_sha256 != sha256:
        _warn(f"{entry.name} holds another rulebook than its name says; it is rewritten")
        return None
    return Rulebook(
        rules=data.rules,
        root=data.root,
        version=data.version,
        sha256=sha256,  # of the files as read now, which the entry was checked against
        files=data.files,
        packs=data.packs,
    )


def _store(folder: Path, entry: Path, key: str, rulebook: Rulebook) -> None:
    build_models(Entry)  # and its core schema kept for the next start, which reads the entry
    data = Entry(
        format=FORMAT,
        key=key,
        rules_sha256=rulebook.sha256,
        root=rulebook.root,
        version=rulebook.version,
        files=rulebook.files,
        rules=rulebook.rules,
        packs=rulebook.packs,
    )
    _write(folder, entry, data.model_dump_json().encode())
    _prune(folder)


def _write(folder: Path, entry: Path, body: bytes) -> None:
    with contextlib.suppress(OSError):
        # Written aside (mkstemp: 0600), then renamed: a reader never sees half an entry.
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
            os.replace(temporary, entry)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob("rulebook-*.json"):
        with contextlib.suppress(OSError):
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode):
                entries.append((info.st_mtime, path))
    for _, old in sorted(entries)[:-KEEP]:
        key = old.name.removeprefix("rulebook-")
        for path in [old, *folder.glob(f"*-{key}")]:  # what was kept beside it goes with it
            with contextlib.suppress(OSError):
                path.unlink()
