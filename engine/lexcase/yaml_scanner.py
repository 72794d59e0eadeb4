"""ruamel's round-trip scanner with comments gathered in linear time.

ruamel gathers a comment one character at a time with `comment += ch`. CPython makes that
linear only once the loop's bytecode is specialised; in the first call of a process it copies the
whole comment for every character, so one 2 MB comment line took about 100 s (measured: 0.4 MB
3 s, 0.8 MB 9.5 s). Here the comment is cut from the buffer in one slice; everything else is
ruamel's own scanning. lexcase drops comments anyway, but the scanner must still pass over them.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.scanner import RoundTripScanner

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
