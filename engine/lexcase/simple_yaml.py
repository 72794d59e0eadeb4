"""The common shape of a case or rule file, read without ruamel: a fast way in, not the only one.

ruamel's round-trip reader (`lexcase.yaml_scanner`) knows the line of every value, which error
messages need; it is pure Python and costs a `lexcase evaluate` about a tenth of its start (its
import and the parse of one small case). Most files use a small part of YAML: block mappings and
lists, keys that are plain names, plain and quoted one-line values, one-line flow lists and
mappings of such values, `>-` and `|-` texts, comments. `read_simple` reads exactly that part and
gives the data ruamel's reader would give (tests/test_simple_yaml.py holds it to that on every
seed, on generated cases and on the fuzz tests' broken files); anything else (an anchor, a tag,
an escape, a value over several lines, a key that is not a plain name, a number that is not a
plain whole number...) it declines with None, and the exact reader reads the file. It never
reports an error: a file it declines may well be valid, and one it reads is one the exact reader
reads the same.
"""

from __future__ import annotations

import re
from typing import Any

MAX_VALUES = 100_000  # values in one document (the exact reader refuses more)
MAX_DEPTH = 64  # levels of nesting (likewise)
MAX_DIGITS = 18  # digits of a whole number (likewise)

# Control characters, tabs and carriage returns (which change what counts as indentation and line
# ends), the characters YAML treats specially (U+2028 and U+2029 break lines, U+FEFF is a
# byte-order mark) and non-characters: the exact reader's; so are lone surrogates, found by
# encoding. (A class of the allowed ranges, or one with the surrogates' range, takes Python
# milliseconds to compile, at every start.)
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +|$)")
# Keys YAML would read as something else than their text (null, or a true/false written
# otherwise than lexcase's key text would give back).
_TYPED_KEYS = {"null", "Null", "NULL", "True", "TRUE", "False", "FALSE", "true", "false"}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NULLS = {"~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# What YAML 1.2 (the exact reader's resolver) reads as a number, a merge or a value indicator:
# every plain value matching it, but for the plain whole numbers above, is declined.
_TYPED = re.compile(
    r"""[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN)
    |[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+
    |<<
    |=""",
    re.X,
)
# A plain value may not start with these (YAML's indicators; `-` only before a digit).
_NOT_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_STOP = re.compile(r"[,\[\]{}#:]")


class _Declined(Exception):
    """Not the simple shape: the exact reader reads this file."""


def read_simple(text: str) -> dict[str, Any] | None:
    """The data of `text` when it is a mapping in the simple shape, else None."""
    if _UNUSUAL.search(text):
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    try:
        reader = _Reader(text.split("\n"))
        data = reader.block(0, 0)
        if reader.next_line() is not None or not isinstance(data, dict) or not data:
            return None
        return data
    except _Declined:
        return None


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.at = 0  # the next line to read
        self.values = 0
        # A list item's mapping starts on the item's own line: that line, as the mapping sees it.
        self.pending: tuple[int, str] | None = None

    def next_line(self) -> tuple[int, str] | None:
        """The indentation and text of the next line that is not blank or a comment."""
        if self.pending is not None:
            return self.pending
        while self.at < len(self.lines):
            line = self.lines[self.at]
            text = line.lstrip(" ")
            if text and not text.startswith("#"):
                if line.startswith(("%", "---", "...")):
                    raise _Declined  # directives and document markers
                return len(line) - len(text), text
            self.at += 1
        return None

    def advance(self) -> None:
        if self.pending is not None:
            self.pending = None
        else:
            self.at += 1

    def count(self, depth: int) -> None:
        # Well inside the exact reader's limits, so that what it refuses is never read here.
        self.values += 1
        if self.values > MAX_VALUES // 2 or depth > MAX_DEPTH // 2:
            raise _Declined

    def block(self, indent: int, depth: int) -> Any:
        """The mapping or list whose lines start at `indent` (the next line's indentation)."""
        line = self.next_line()
        if line is None or line[0] != indent:
            raise _Declined
        if line[1] == "-" or line[1].startswith("- "):
            return self.sequence(indent, depth)
        return self.mapping(indent, depth)

    def mapping(self, indent: int, depth: int) -> dict[str, Any]:
        self.count(depth)
        out: dict[str, Any] = {}
        while (line := self.next_line()) is not None and line[0] >= indent:
            at, text = line
            match = _KEY.match(text)
            if at != indent or match is None:
                raise _Declined  # deeper than the mapping, a list item, or not a plain key
            key = match.group(1)
            if key in out or key in _TYPED_KEYS:
                raise _Declined  # a repeated key is an error the exact reader reports
            rest = text[match.end() :]
            self.advance()
            if rest and not rest.startswith("#"):
                out[key] = self.inline(rest, indent, depth + 1)
                continue
            following = self.next_line()
            if following is not None and following[0] > indent:
                out[key] = self.block(following[0], depth + 1)
            elif following is not None and following[0] == indent and following[1][:2] == "- ":
                out[key] = self.sequence(indent, depth + 1)
            else:
                self.count(depth + 1)
                out[key] = None
        return out

    def sequence(self, indent: int, depth: int) -> list[Any]:
        self.count(depth)
        items: list[Any] = []
        while (line := self.next_line()) is not None and line[0] == indent:
            at, text = line
            if not text.startswith("- "):
                break  # the parent mapping's next key, at the same indentation
            item = text[2:].lstrip(" ")
            column = at + len(text) - len(item)
            if not item or item.startswith("#") or item.startswith("- "):
                raise _Declined  # an item on the following lines, or a list in a list
            if _KEY.match(item):
                self.at += 1
                self.pending = (column, item)  # the item's mapping starts here
                items.append(self.mapping(column, depth + 1))
            elif item[0] in ">|":
                raise _Declined
            else:
                self.advance()
                items.append(self.inline(item, indent, depth + 1))
        return items

    def inline(self, text: str, indent: int, depth: int) -> Any:
        """A value written after `key: ` or `- ` on a line of `indent`."""
        self.count(depth)
        if text[0] in "\"'":
            value, rest = _quoted(text)
        elif text[0] in "[{":
            value, rest = self.flow(text, depth)
        elif text[0] in ">|":
            return self.block_text(text, indent)
        else:
            value = text.partition(" #")[0]
            value = value.rstrip(" ")
            if ": " in value or value.endswith(":"):
                raise _Declined
            rest = ""
            value = _plain(value)
        _comment_only(rest)
        self.no_continuation(indent)
        return value

    def no_continuation(self, indent: int) -> None:
        # A deeper line after a value would continue it (a value over several lines).
        line = self.next_line()
        if line is not None and line[0] > indent:
            raise _Declined

    def flow(self, text: str, depth: int) -> tuple[Any, str]:
        """A one-line flow list or mapping of plain or quoted values, and what follows it.
        Read by position, never by cutting the rest of the line: linear in the line's length."""
        closing = "]" if text[0] == "[" else "}"
        at = _skip_spaces(text, 1)
        if text.startswith(closing, at):
            return ([] if closing == "]" else {}), text[at + 1 :]
        items: list[Any] = []
        pairs: dict[str, Any] = {}
        while True:
            if closing == "}":
                match = _KEY.match(text, at)
                if match is None or not match.group(0).endswith(" "):
                    raise _Declined
                key = match.group(1)
                if key in pairs or key in _TYPED_KEYS:
                    raise _Declined
                at = match.end()
            self.count(depth + 1)
            if at >= len(text):
                raise _Declined
            if text[at] in "\"'":
                value, at = _quoted_at(text, at)
            else:
                stop = _FLOW_STOP.search(text, at)
                if stop is None or stop.group() not in ",]}":
                    raise _Declined  # a nested flow, a comment, a key or the line's end
                value, at = _plain(text[at : stop.start()].rstrip(" ")), stop.start()
            if closing == "}":
                pairs[key] = value
            else:
                items.append(value)
            at = _skip_spaces(text, at)
            if text.startswith(closing, at):
                return (items if closing == "]" else pairs), text[at + 1 :]
            if not text.startswith(",", at):
                raise _Declined
            at = _skip_spaces(text, at + 1)
            if at >= len(text) or text[at] in ",]}":
                raise _Declined  # an empty item, or a trailing comma

    def block_text(self, header: str, indent: int) -> str:
        """A `>-` (folded) or `|-` (literal) text on the lines below, all at one indentation,
        without blank lines inside or trailing spaces."""
        kind, comment = header[:2], header[2:]
        if kind not in (">-", "|-") or (comment and not comment.lstrip(" ").startswith("#")):
            raise _Declined
        if comment and not comment.startswith(" "):
            raise _Declined
        lines: list[str] = []
        column = None
        blank_seen = False
        while self.at < len(self.lines):
            line = self.lines[self.at]
            text = line.lstrip(" ")
            if not text:
                blank_seen = True
                self.at += 1
                continue
            at = len(line) - len(text)
            if at <= indent:
                break
            if blank_seen or (column is not None and at != column) or line.endswith(" "):
                raise _Declined
            column = at
            lines.append(text)
            self.at += 1
        if not lines:
            raise _Declined
        return (" " if kind == ">-" else "\n").join(lines)


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


def _quoted(text: str) -> tuple[str, str]:
    """A one-line quoted value without escapes, and what follows it."""
    value, end = _quoted_at(text, 0)
    return value, text[end:]


def _quoted_at(text: str, start: int) -> tuple[str, int]:
    """The quoted value starting at `start` (one line, no escapes) and the position after it."""
    quote = text[start]
    if quote == '"':
        end = text.find('"', start + 1)
        if end < 0 or text.find("\\", start + 1, end) >= 0:
            raise _Declined
        return text[start + 1 : end], end + 1
    parts, at = [], start + 1
    while True:
        end = text.find("'", at)
        if end < 0:
            raise _Declined
        parts.append(text[at:end])
        if not text.startswith("'", end + 1):
            return "'".join(parts), end + 1
        at = end + 2


def _comment_only(rest: str) -> None:
    """What follows a value on its line: nothing, or spaces and a comment."""
    stripped = rest.lstrip(" ")
    if stripped and not (stripped.startswith("#") and stripped != rest):
        raise _Declined


def _plain(text: str) -> Any:
    """A plain value as YAML 1.2 reads it: null, true/false, a plain whole number, or text."""
    if not text:
        raise _Declined
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.fullmatch(text):
        if len(text.lstrip("-")) > MAX_DIGITS:
            raise _Declined
        return int(text)
    if text[0] in _NOT_PLAIN_START or _TYPED.fullmatch(text):
        raise _Declined
    return text
