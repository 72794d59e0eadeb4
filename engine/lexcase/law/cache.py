"""The cache of loaded rulebooks: a rule folder read once is not parsed again while it is unchanged.

Reading the shipped packs (YAML with line numbers, then validation) takes about a third of
`lexcase evaluate`'s start-up; unpickling the loaded rulebook takes a tenth of that. The key is
the SHA-256 of every file in the folder with its name, the labels files are shown with (they
depend on the working directory), and lexcase's own code, so a changed rule, a moved
folder or another lexcase version never reads a stale entry. A folder that fails to load is
never cached: its errors are reported as always.

The cache lives in $LEXCASE_CACHE_DIR, else $XDG_CACHE_HOME/lexcase, else ~/.cache/lexcase,
and keeps the most recent `KEEP` entries. LEXCASE_NO_CACHE=1 turns it off. Any problem with the
cache (unwritable, corrupt, from another Python) only means the folder is parsed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from lexcase.errors import file_label
from lexcase.law.files import MANIFEST, data_files, rule_files
from lexcase.law.rulebook import Rulebook

KEEP = 32
PACKAGE = Path(__file__).resolve().parent.parent  # lexcase/, whose code the key covers


def code_files() -> list[Path]:
    """Every module of lexcase, at any depth of its sub-packages, in a fixed order."""
    return sorted(PACKAGE.rglob("*.py"))


def cache_dir() -> Path | None:
    if os.environ.get("LEXCASE_NO_CACHE"):
        return None
    explicit = os.environ.get("LEXCASE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lexcase"


def cached(root: Path, load: Callable[[Path], Rulebook]) -> Rulebook:
    """The rulebook of `root`: from the cache when the folder is unchanged, else `load(root)`."""
    folder = cache_dir()
    key = _key(root) if folder is not None and root.is_dir() else None
    if folder is None or key is None:
        return load(root)
    entry = folder / f"rulebook-{key}.pickle"
    with contextlib.suppress(Exception):  # a stale or broken entry is only a miss
        with entry.open("rb") as stream:
            rulebook: Rulebook = pickle.load(stream)
        return rulebook
    rulebook = load(root)
    _store(folder, entry, rulebook)
    return rulebook


def _key(root: Path) -> str | None:
    digest = hashlib.sha256()
    for module in code_files():  # all of lexcase's code: a new version never reads an
        digest.update(f"{module.relative_to(PACKAGE).as_posix()}\0".encode())  # entry pickled
        digest.update(module.read_bytes())  # by an older one
    digest.update(f"{sys.version}\0{file_label(root)}\0".encode())
    manifest = root / MANIFEST
    try:
        for path in [manifest] if manifest.is_file() else []:
            digest.update(path.read_bytes())
        for path in data_files(root) + rule_files(root):
            digest.update(f"\0{file_label(path)}\0".encode())
            digest.update(path.read_bytes())
    except OSError:
        return None  # let the loader report it
    return digest.hexdigest()


def _store(folder: Path, entry: Path, rulebook: Rulebook) -> None:
    with contextlib.suppress(OSError, pickle.PicklingError):
        folder.mkdir(parents=True, exist_ok=True)
        # Written aside, then renamed: a reader never sees half an entry.
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(rulebook, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        entries = sorted(folder.glob("rulebook-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink()
