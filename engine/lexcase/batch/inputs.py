"""The cases of a batch: the lines of a JSONL file, or the case files of a folder, each read only
when it is evaluated, each ending in a case or in an error with its place.

Every entry of a folder that looks like a case file is a case of the batch, even one that cannot
be read (a link to nothing, a link that loops, a FIFO): it is answered with that reason in its
place in the output, never skipped.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lexcase.errors import CaseError, InputError, Place, file_label
from lexcase.evaluation.evaluator import to_case
from lexcase.model.case import Case, parse_case
from lexcase.reading import MAX_FILE_BYTES, folder_entries, read_regular
from lexcase.source import MAX_DIGITS

CASE_SUFFIXES = (".yaml", ".yml", ".json")
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class CaseLine:
    """One case of a batch input, not yet read: a line of a JSONL file, or a case file (or a
    folder entry that cannot be one, with the reason in `problem`)."""

    file: str
    line: int | None = None  # for a JSONL line
    raw: bytes | None = None  # the line itself
    path: Path | None = None  # for a case file
    problem: str | None = None  # why the folder entry cannot be read

    @property
    def label(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def read(self) -> Case:
        """The case; an input error names the file, the line and the field."""
        if self.problem is not None:
            raise CaseError(self.problem, Place(self.file), expected="a readable case file")
        if self.path is not None:
            return to_case(self.path)
        assert self.raw is not None
        if len(self.raw) > MAX_FILE_BYTES:
            raise self._error(
                f"the line is longer than {MAX_FILE_BYTES:,} bytes",
                f"a case of at most {MAX_FILE_BYTES:,} bytes, as for a case file",
            )
        try:
            data = json.loads(
                self.raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_int=_whole
            )
        except UnicodeDecodeError as exc:
            raise self._error(f"byte 0x{self.raw[exc.start]:02x} is not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise self._error(
                f"not valid JSON: {exc.msg} (column {exc.colno})", "one JSON object per line"
            ) from None
        except _Duplicate as exc:
            raise self._error(f"the key '{exc}' appears twice", "each key once") from None
        except _TooManyDigits as exc:
            raise self._error(
                f"a number of {exc} digits is larger than any field holds",
                f"a whole number of at most {MAX_DIGITS} digits",
            ) from None
        except RecursionError:
            raise self._error("the case is nested too deeply to read") from None
        if not isinstance(data, dict):
            raise self._error("the line does not hold a case", "one JSON object per line")
        try:
            return parse_case(data, self.file)
        except CaseError as error:
            where = dataclasses.replace(error.place, line=self.line)
            raise dataclasses.replace(error, place=where) from None

    def _error(self, message: str, expected: str | None = None) -> CaseError:
        return CaseError(message, Place(self.file, self.line), expected=expected)


class _Duplicate(Exception):
    pass


class _TooManyDigits(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads would keep the last of two equal keys and drop the first without a word.
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def _whole(text: str) -> int:
    # int() refuses more than 4,300 digits with a ValueError that json.loads lets through.
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise _TooManyDigits(digits)
    return int(text)


def read_input(source: Path | str) -> list[CaseLine]:
    """The cases of a JSONL file (one JSON object per line; blank lines are skipped) or of a
    folder of case files (every .yaml, .yml and .json entry under it, in name order)."""
    path = Path(source)
    label = file_label(path)
    if path.is_dir():
        entries = folder_entries(path, CASE_SUFFIXES)
        if not entries:
            raise InputError(
                "the folder holds no case files",
                Place(label),
                expected="files ending in .yaml, .yml or .json",
            )
        return [CaseLine(file_label(e.path), path=e.path, problem=e.problem) for e in entries]
    if not path.exists() and not path.is_symlink():
        raise InputError(
            "no such file or folder", Place(label), expected="a JSONL file or a folder of cases"
        )
    raw, label = read_regular(path, InputError)
    if raw.startswith(BOM):  # written by some editors; not part of the first case
        raw = raw[len(BOM) :]
    lines = [
        CaseLine(label, number, text)
        for number, text in enumerate(raw.split(b"\n"), start=1)
        if text.strip()
    ]
    if not lines:
        raise InputError("the file holds no cases", Place(label), expected="one case per line")
    return lines
