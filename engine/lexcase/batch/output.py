"""The results file of a batch: written beside its target and renamed into place, whole lines only.

Lines go to a temporary file in the target's folder, in input order; the target is replaced by
one rename when the batch ends. Until then an earlier results file stays as it was, whatever
happens: a mistyped input, a bad rule folder, a crash. When the batch ends early (Ctrl-C, a full
disk), the lines written whole so far are what is renamed into place, and the summary says how
many of the inputs they answer: the file never ends in half a line.

The target may not be one of the inputs (writing it would destroy the cases before they are read)
nor anything but a regular file (a rename over /dev/null would replace the device).

Each line holds a result as `Result.model_dump_json(exclude_none=True)` writes it, byte for byte
(`result_json`), with the JSON of the parts results share (undecided entries, conclusions,
coverage) written once per shared part, not once per line.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from lexcase.errors import InputError, Place, file_label
from lexcase.evaluation.coverage import StateCoverage
from lexcase.evaluation.needs import FixedList
from lexcase.evaluation.result import Conclusion, Result, Undecided

FLUSH_BYTES = 1 << 20  # lines are written in batches of about this size
KEPT_ENTRIES = 16_384  # shared parts whose JSON is remembered (memory stays flat)

# The parts results share (frozen, their lists `FixedList`s: evaluation/result.py and needs.py),
# each field with the list of its shared part: a part's JSON is written once and kept
_SHARED: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("coverage", StateCoverage, "missing"),
    ("conclusions", Conclusion, "because"),
    ("undecided", Undecided, "needs"),
)
_FIELDS = list(Result.model_fields)
# where each field's items go back in: before the key of the field after it (a list, never left
# out), found from the end for the last two (no field of what follows has that key), from the
# start for coverage (only strings come before it)
_NEXT = {name: f',"{_FIELDS[_FIELDS.index(name) + 1]}":' for name, _, _ in _SHARED}
# the JSON of each kept part by its id, and the part itself (kept alive, so no other object can
# take its id while it is here)
_texts: dict[int, str] = {}
_entries: dict[int, BaseModel] = {}


def result_json(result: Result) -> str:
    """`result.model_dump_json(exclude_none=True)`, byte for byte. A generated case's result
    holds about seventy undecided entries, five conclusions and two coverage entries that are
    frozen parts shared by every result that has them (their lists `FixedList`s, which refuse
    changes), and they were most of a line's bytes: each one's JSON is written once and kept,
    the rest of the result is pydantic's own JSON. A field holding anything else (parts of its
    own) is written by pydantic, and a subclass of `Result` whole.
    tests/test_result_json.py holds it to pydantic's JSON."""
    if result.__class__ is not Result:
        return result.model_dump_json(exclude_none=True)
    fields = result.__dict__
    kept: dict[str, str] = {}
    for name, kind, shared in _SHARED:
        parts = fields[name]
        if parts.__class__ is list:
            texts = list(map(_texts.get, map(id, parts)))
            if None not in texts or _keep(parts, texts, kind, shared):
                kept[name] = ",".join(cast(list[str], texts))  # each one kept now
    if not kept:
        return result.model_dump_json(exclude_none=True)
    line = result.model_dump_json(exclude_none=True, exclude=set(kept))
    pieces: list[str] = []
    end = len(line)
    for name, _, _ in reversed(_SHARED):  # from the end, so each place found is the field's own
        if name in kept:
            at = line.find(_NEXT[name]) if name == "coverage" else line.rfind(_NEXT[name], 0, end)
            if at < 0:  # not a result's JSON as lexcase writes it: pydantic's JSON of it, whole
                return result.model_dump_json(exclude_none=True)
            pieces += (line[at:end], "]", kept[name], f',"{name}":[')
            end = at
    pieces.append(line[:end])
    return "".join(reversed(pieces))


def _keep(parts: list[Any], texts: list[str | None], kind: type[BaseModel], shared: str) -> bool:
    """Write and keep the JSON of the parts not kept yet (in `texts`); False if one of them is
    not a shared part (of `kind`, its list `shared` a `FixedList`)."""
    for index, part in enumerate(parts):
        if texts[index] is None:
            if part.__class__ is not kind or getattr(part, shared).__class__ is not FixedList:
                return False
            if len(_entries) >= KEPT_ENTRIES:
                _texts.clear()  # first: an id in `_texts` always has its entry alive
                _entries.clear()
            _entries[id(part)] = part
            texts[index] = _texts[id(part)] = part.model_dump_json(exclude_none=True)
    return True


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


@dataclass
class ResultsFile:
    target: Path
    temporary: Path
    handle: int
    mode: int
    pending: bytearray = field(default_factory=bytearray)
    pending_lines: int = 0
    lines: int = 0  # lines on disk, whole
    size: int = 0  # their bytes

    @classmethod
    def create(cls, target: Path, inputs: Iterable[Path]) -> ResultsFile:
        """A results file for `target`; refused when `target` is an input or not a file."""
        label = file_label(target)
        for source in inputs:
            if _same(target, source):
                raise InputError(
                    "the results would overwrite an input of the batch",
                    Place(label, path="--out"),
                    expected="a results file apart from the cases",
                )
        with contextlib.suppress(FileNotFoundError):
            existing = os.stat(target).st_mode
            if not stat.S_ISREG(existing):
                raise InputError(
                    "--out names something that is not a regular file",
                    Place(label, path="--out"),
                    expected="a new file, or a results file to replace",
                )
        folder = target.parent
        try:
            handle, name = tempfile.mkstemp(
                dir=folder, prefix=f".{target.name}.", suffix=".partial"
            )
        except OSError as exc:
            raise InputError(
                f"cannot write in the folder ({exc.strerror})", Place(label, path="--out")
            ) from None
        return cls(target, Path(name), handle, _mode_for(target))

    def write(self, line: str) -> None:
        """Add one line (without its newline); an OSError means the disk took no more."""
        self.pending += line.encode("utf-8") + b"\n"
        self.pending_lines += 1
        if len(self.pending) >= FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        data, lines = bytes(self.pending), self.pending_lines
        self.pending.clear()
        self.pending_lines = 0
        done = 0
        try:
            while done < len(data):
                done += os.write(self.handle, data[done:])
        except OSError:
            # Keep only the whole lines: cut what part of these lines reached the disk.
            os.ftruncate(self.handle, self.size)
            os.lseek(self.handle, self.size, os.SEEK_SET)
            raise
        self.size += len(data)
        self.lines += lines

    def commit(self) -> None:
        """Rename the whole lines written into place (call `flush` first for the rest)."""
        with contextlib.suppress(OSError):
            os.fsync(self.handle)
        os.fchmod(self.handle, self.mode)
        os.close(self.handle)
        os.replace(self.temporary, self.target)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.handle)
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)


def _mode_for(target: Path) -> int:
    """The permissions the results get: those of the file replaced, else the usual ones."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(target).st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
