"""The exact reader: ruamel's round trip, with the line of every value (`lexcase.source` uses it
for any file `lexcase.simple_yaml` declines, and to place a message about one it read). Imported
only then: ruamel's import alone is a twentieth of a `lexcase evaluate`.

Its scanner gathers comments in linear time:

ruamel gathers a comment one character at a time with `comment += ch`. CPython makes that
linear only once the loop's bytecode is specialised; in the first call of a process it copies the
whole comment for every character, so one 2 MB comment line took about 100 s (measured: 0.4 MB
3 s, 0.8 MB 9.5 s). Here the comment is cut from the buffer in one slice; everything else is
ruamel's own scanning. lexcase drops comments anyway, but the scanner must still pass over them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.scanner import RoundTripScanner

from lexcase.simple_yaml import MAX_DEPTH, MAX_DIGITS, MAX_VALUES

Loc = tuple[str | int, ...]

# A comment runs to the first of these (ruamel's _THE_END: line breaks and the end of input).
_END_OF_COMMENT = re.compile("[\n\0\r\x85\u2028\u2029]")


class LinearScanner(RoundTripScanner):
    def scan_to_next_token(self) -> Any:
        reader = self.reader
        if reader.index == 0 and reader.peek() == "\ufeff":
            reader.forward()
        white_space = " \t" if self.flow_level > 0 else " "
        while reader.peek() in white_space:
            reader.forward()
        if reader.peek() != "#":
            return super().scan_to_next_token()  # no comment here: ruamel's own way
        start_mark = reader.get_mark()
        buffer, start = reader.buffer, reader.pointer
        end = _END_OF_COMMENT.search(buffer, start + 1)
        stop = end.start() if end is not None else len(buffer)
        if stop >= len(buffer) - 1 or buffer[stop] == "\0":
            # As ruamel does: the end of input ends the comment with an explicit line break.
            comment = buffer[start:stop] + "\n"
            reader.forward(stop - start)
        else:
            comment = buffer[start : stop + 1]
            reader.forward(stop + 1 - start)
        line_break = self.scan_line_break()
        while line_break:  # the blank lines after the comment belong to it
            comment += line_break
            line_break = self.scan_line_break()
        end_mark = reader.get_mark()
        if not self.flow_level:
            self.allow_simple_key = True
        return comment, start_mark, end_mark


class _DatesAsText(RoundTripConstructor):
    """Dates stay the text written, for the models to check: ruamel would turn an impossible date
    such as 2022-02-30 into a ValueError with no line."""

    def construct_yaml_int(self, node: Any) -> Any:
        # int() of thousands of digits is refused by Python (and slow before that): a number
        # longer than any field can mean is bad input, reported at its line.
        digits = sum(char.isdigit() for char in str(node.value))
        if digits > MAX_DIGITS:
            raise TooManyDigits(digits, node.start_mark.line + 1)
        return super().construct_yaml_int(node)


@dataclass
class TooManyDigits(Exception):
    digits: int
    line: int


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", _DatesAsText.construct_yaml_str)
_DatesAsText.add_constructor("tag:yaml.org,2002:int", _DatesAsText.construct_yaml_int)

STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Unreadable(Exception):
    message: str
    loc: Loc
    expected: str | None = None


def round_trip(text: str) -> Any:
    """ruamel's round-trip tree of `text` (its errors are the caller's to report)."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsText
    yaml.Scanner = LinearScanner
    yaml.allow_duplicate_keys = False
    return yaml.load(text)


def to_plain(tree: Any, lines: dict[Loc, int]) -> Any:
    """The round-trip tree as JSON-compatible data; the line of every key and item in `lines`."""
    reader = _Plain(lines)
    return reader.convert(tree, ())


@dataclass
class _Plain:
    """ruamel's round-trip tree as JSON-compatible data, noting the line of every key and item."""

    lines: dict[Loc, int]
    count: int = 0

    def convert(self, node: Any, loc: Loc) -> Any:
        self.count += 1
        if len(loc) > MAX_DEPTH:
            raise Unreadable(
                f"the document is nested more than {MAX_DEPTH} levels deep",
                loc[:MAX_DEPTH],
                expected="at most a few levels of nesting",
            )
        if self.count > MAX_VALUES:
            # An alias repeats what its anchor holds: a few lines can stand for billions.
            raise Unreadable(
                f"the document holds more than {MAX_VALUES:,} values once its aliases are expanded",
                loc,
                expected="a case or rule file of ordinary size",
            )
        tag = getattr(getattr(node, "tag", None), "value", None)
        if isinstance(node, TaggedScalar) and tag == STR_TAG:
            return self.text(str(node.value), loc)  # !!str 338: text, as written
        if tag is not None:
            raise Unreadable(
                f"the YAML tag {tag} has no meaning in a lexcase file",
                loc,
                expected="plain values without ! tags",
            )
        if isinstance(node, CommentedMap):
            out: dict[str, Any] = {}
            for key in node:
                name = self.text(_key_text(key), loc)
                with contextlib.suppress(KeyError, TypeError):  # keys made by merges have no line
                    self.lines[(*loc, name)] = node.lc.key(key)[0] + 1
                out[name] = self.convert(node[key], (*loc, name))
            return out
        if isinstance(node, CommentedSeq):
            items = []
            for index, item in enumerate(node):
                with contextlib.suppress(KeyError, TypeError, IndexError):
                    self.lines[(*loc, index)] = node.lc.item(index)[0] + 1
                items.append(self.convert(item, (*loc, index)))
            return items
        if isinstance(node, dt.datetime | dt.date):
            return node.isoformat()
        # ruamel's scalar subclasses (ScalarFloat, ScalarBoolean...) become plain values.
        if isinstance(node, bool):
            return bool(node)
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            return float(node)
        if node is None:
            return None
        if isinstance(node, str):
            return self.text(str(node), loc)
        # !!binary, !!set and the like: no field of a case or rule holds them.
        raise Unreadable(
            f"a YAML {type(node).__name__} value has no meaning in a lexcase file",
            loc,
            expected="text, numbers, true/false, lists and mappings",
        )

    @staticmethod
    def text(value: str, loc: Loc) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # JSON writes a character beyond U+FFFF as a pair of \u escapes, which YAML reads as
            # two halves: join them. A half without its pair is no character at all.
            try:
                return value.encode("utf-16", "surrogatepass").decode("utf-16")
            except UnicodeDecodeError:
                lone = next(c for c in value if "\ud800" <= c <= "\udfff")
                raise Unreadable(
                    f"{lone!r} is not a character",
                    loc,
                    expected="text without lone surrogate escapes",
                ) from None
        return value


def _key_text(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)
