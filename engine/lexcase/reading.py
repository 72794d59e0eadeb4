"""Reading what a user names: a file, standard input, or a folder of files, within stated limits.

Every case and rule comes in through here, so that no input can cost more than its size: a file
is read only when it is a regular file (a FIFO would block, /dev/zero never ends), at most
`MAX_FILE_BYTES` of it, and its lines are measured before any parser sees them. A folder lists
every entry with a case or rule suffix: one that cannot be read as a file (a link to nothing, a
link that loops, a FIFO) is listed with the reason, for the caller to report, never skipped.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lexcase.errors import InputError, Place, file_label

MAX_FILE_BYTES = 1_000_000  # a case or rule file: the largest shipped rule file is 16 KB
MAX_LINE_BYTES = 100_000  # one line of a case or rule file (a JSONL line is a whole file)
STDIN = "-"  # the path that names standard input
STDIN_LABEL = "<stdin>"


def limits_text() -> str:
    return (
        f"a file of at most {MAX_FILE_BYTES:,} bytes, "
        f"with lines of at most {MAX_LINE_BYTES:,} bytes"
    )


def read_file(path: Path | str, error: type[InputError] = InputError) -> tuple[bytes, str]:
    """The bytes of the regular file `path` (or of standard input for `-`) and its label;
    anything else, or anything larger than the limits, is raised as `error`."""
    if str(path) == STDIN:
        return check_limits(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), STDIN_LABEL, error), (
            STDIN_LABEL
        )
    raw, label = read_regular(path, error, MAX_FILE_BYTES + 1)
    return check_limits(raw, label, error), label


def read_regular(path: Path | str, error: type[InputError], limit: int = -1) -> tuple[bytes, str]:
    """At most `limit` bytes (all for -1) of the regular file `path`, and its label."""
    label = file_label(path)
    problem = _open_problem(Path(path))
    if problem is not None:
        raise error(problem, Place(label), expected="a path to a readable file")
    try:
        # Not blocking: between the check and the open the path may have become a FIFO.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise error(_os_problem(exc), Place(label)) from None
    with os.fdopen(handle, "rb") as stream:
        kind = _kind(os.fstat(stream.fileno()).st_mode)
        if kind is not None:
            raise error(f"this is {kind}, not a file", Place(label), expected="a regular file")
        try:
            return stream.read(limit), label
        except OSError as exc:
            raise error(_os_problem(exc), Place(label)) from None


def check_limits(raw: bytes, label: str | None, error: type[InputError]) -> bytes:
    """`raw` when it is within the limits; else the limit it passes, as `error`."""
    if len(raw) > MAX_FILE_BYTES:
        raise error(
            f"the file is larger than {MAX_FILE_BYTES:,} bytes",
            Place(label),
            expected=limits_text(),
        )
    long_line = first_long_line(raw)
    if long_line is not None:
        raise error(
            f"the line is longer than {MAX_LINE_BYTES:,} bytes",
            Place(label, long_line),
            expected=limits_text(),
        )
    return raw


def first_long_line(raw: bytes, limit: int = MAX_LINE_BYTES) -> int | None:
    """The number of the first line of `raw` longer than `limit` bytes, if any."""
    if len(raw) <= limit:  # no line is longer than the whole (every rule file, every case)
        return None
    start, number = 0, 1
    while start <= len(raw):
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        if end - start > limit:
            return number
        start, number = end + 1, number + 1
    return None


def _open_problem(path: Path) -> str | None:
    """Why `path` cannot be opened as a file, said before opening it: a dangling link or a loop
    gives a plainer message than the system's, and a folder or a device is never opened."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a symbolic link to nothing" if path.is_symlink() else "no such file"
    except OSError as exc:
        return _os_problem(exc)
    kind = _kind(mode)
    return f"this is {kind}, not a file" if kind is not None else None


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link that loops"
    if exc.errno == errno.ENOENT:
        return "no such file"
    return f"cannot read it ({exc.strerror})"


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str | None:
    """What a path that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


# --- folders ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A file found in a folder, or an entry that looks like one and cannot be read (`problem`)."""

    path: Path
    problem: str | None = None


def folder_entries(root: Path, suffixes: Iterable[str]) -> list[Entry]:
    """Every entry under `root` whose name ends in one of `suffixes`, in path order. Links to
    files are followed; links to folders are not walked into (they could lead out of `root`, or
    round in a circle). A subfolder that cannot be listed is an entry with its problem."""
    wanted = tuple(suffixes)
    found: list[Entry] = []

    def unlisted(exc: OSError) -> None:
        found.append(Entry(Path(exc.filename), f"cannot list the folder ({exc.strerror})"))

    for folder, dirs, files in os.walk(root, onerror=unlisted):
        base = Path(folder)
        for name in files:
            if name.endswith(wanted):
                found.append(Entry(base / name, _open_problem(base / name)))
        for name in dirs:
            path = base / name
            if name.endswith(wanted) and path.is_symlink():
                found.append(Entry(path, "a symbolic link to a folder, not to a file"))
    return sorted(found, key=lambda e: e.path)
