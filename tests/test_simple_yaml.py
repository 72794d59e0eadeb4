"""The fast reader of case and rule files (`lexcase.simple_yaml`) gives exactly the data of the
exact one (ruamel's round trip) or declines: on every seed, on every shipped rule file it reads,
on generated cases written every way, and on the fuzz tests' broken files. A file it declines is
read by the exact reader as before, and a message about a file it read still names the line.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import SEEDS
from lexcase.errors import CaseError, InputError
from lexcase.model.case import load_case
from lexcase.simple_yaml import read_simple
from lexcase.source import _parse_exact, parse_document
from strategies import budget, cases
from test_fuzz import BYTES, CONTROLS, INSERTS

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = sorted(SEEDS.glob("*.yaml"))


def exact(text: str) -> Any:
    """The exact reader's data, or the error it reports."""
    try:
        return _parse_exact(text, "f.yaml", InputError).data
    except InputError as error:
        return error


def assert_same_or_declined(text: str) -> Any:
    """`read_simple(text)` is None, or the exact reader's data, keys in the same order."""
    fast = read_simple(text)
    if fast is not None:
        expected = exact(text)
        assert not isinstance(expected, InputError), (
            f"read a file the exact reader refuses: {text!r}"
        )
        assert json.dumps(fast) == json.dumps(expected), text
        assert fast == expected
    return fast


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_every_seed_is_read_fast_and_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert assert_same_or_declined(text) is not None, "a seed is declined: the fast way is unused"


def test_the_shipped_rule_files_it_reads_are_the_same() -> None:
    files = sorted((ROOT / "rules").rglob("*.yaml"))
    read = [f for f in files if assert_same_or_declined(f.read_text(encoding="utf-8")) is not None]
    assert read  # the pack descriptions and the manifest at least


def yaml_dump(data: Any, flow: bool | None, width: int) -> str:
    out = io.StringIO()
    yaml = YAML(typ="rt")
    yaml.default_flow_style = flow
    yaml.width = width
    yaml.dump(data, out)
    return out.getvalue()


@given(cases(), st.sampled_from([False, None, True]), st.sampled_from([40, 80, 4096]))
@budget(150)
def test_generated_cases_written_any_way_read_the_same(
    data: dict[str, Any], flow: bool | None, width: int
) -> None:
    assert_same_or_declined(yaml_dump(data, flow, width))


@given(
    st.sampled_from(SEED_FILES),
    st.data(),
)
@budget(300)
def test_broken_seeds_are_declined_or_read_the_same(path: Path, data: st.DataObject) -> None:
    """The fuzz tests' breaks (inserted text, control characters, cuts) at any place of a seed."""
    text = path.read_text(encoding="utf-8")
    at = data.draw(st.integers(0, len(text)))
    kind = data.draw(st.sampled_from(["insert", "control", "truncate", "bytes"]))
    if kind == "insert":
        text = text[:at] + data.draw(st.sampled_from(INSERTS)) + text[at:]
    elif kind == "control":
        text = text[:at] + data.draw(st.sampled_from(CONTROLS)) + text[at:]
    elif kind == "bytes":
        text = text[:at] + data.draw(st.sampled_from(BYTES)).decode("latin-1") + text[at:]
    else:
        text = text[:at]
    assert_same_or_declined(text)


@given(st.text(alphabet=st.sampled_from(list("ab: -#'\"[]{},\n>|~01.&*!%")), max_size=80))
@budget(400)
def test_any_text_of_yaml_characters_is_declined_or_read_the_same(text: str) -> None:
    assert_same_or_declined("k: " + text)
    assert_same_or_declined(text)


TRICKY = [
    "a: yes\nb: no\non: off\ny: n\n",  # YAML 1.2: text, not true/false
    "a: 012\n",  # an octal number in YAML 1.1, declined
    "a: 1_000\n",
    "a: 1e3\n",
    "a: .5\n",
    "a: .inf\n",
    "a: +1\n",
    "a: -0\n",
    "a: 0x1F\n",
    "a: 1234567890123456789\n",  # past the exact reader's digits: declined, so refused there
    "a: ~\nb: null\nc:\nd: Null\n",
    "null: 1\n",
    "True: 1\n",
    "true: 1\n",
    "a: True\nb: FALSE\n",
    "a: 1\na: 2\n",  # a repeated key: the exact reader's error
    "a: {b: 1, b: 2}\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 338\n",
    "a: !tag x\n",
    'a: "x\\ty"\n',
    "a: 'it''s'\n",
    "a: 'x\n  y'\n",
    "a: x\n  y\n",
    "a: >-\n  one\n  two\n",
    "a: >-\n  one\n\n  two\n",
    "a: >-\n  one\n    two\n",
    "a: |-\n  one\n  two\n",
    "a: >\n  one\n",
    "a: |\n  one\n",
    "a: >-\n  one  \n  two\n",
    "a: >- # note\n  one\n",
    "a:\n- 1\n- 2\nb: 3\n",
    "a:\n  - 1\n  -  x: 1\n     y: 2\n",
    "a:\n  - x: 1\n   y: 2\n",
    "- 1\n- 2\n",
    "a: [1, 2,]\n",
    "a: [1, [2]]\n",
    "a: [a: 1]\n",
    "a: {b: c:d}\n",
    "a: {b:1}\n",
    "a: [x #y]\n",
    "a: x #y\n",
    "a: x#y\n",
    "a: x: y\n",
    "a: x:\n",
    "a: http://x.y/z\n",
    "a: 10:30\n",
    "a: 2022-09-26\nb: 2022-9-6\nc: 2022-09-26 10:00:00\n",
    "a: <<\n",
    "a: =\n",
    "a: -x\n",
    "a: ?x\n",
    "a: @x\n",
    "a: `x\n",
    "a: %x\n",
    "%YAML 1.1\n---\na: yes\n",
    "---\na: 1\n",
    "a: 1\n...\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\r\nb: 2\r\n",
    "a:\t1\n",
    "\ufeffa: 1\n",
    "a: x\u2028y\n",
    "a: \x85\n",
    "a: Михаил\n",
    "a: \U0001f600\n",
    "a: []\nb: {}\nc: [ ]\n",
    "a: ''\nb: \"\"\n",
    "a:    spaced   out   \n",
    'a: "x" y\n',
    'a: "x"#y\n',
    'a: "x" #y\n',
    "  a: 1\n",
    "a: 1\n b: 2\n",
    "a:\n  b: 1\n c: 2\n",
    "# only a comment\n",
    "",
    "a: -\n",
    "a:\n  -\n",
    "a:\n  - - 1\n",
    "a-b: 1\n",
    "'a': 1\n",
    "a : 1\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_yaml_is_declined_or_read_the_same(text: str) -> None:
    assert_same_or_declined(text)


def test_the_common_shapes_are_read() -> None:
    text = (
        'a: x\nb: \'q\'\nc: "r"\nd: [RU, KZ]\ne: {x: 1, y: "2"}\nf:\n  - {g: 1}\n'
        "  - h: 2\n    i: 3\nj: >-\n  one\n  two\nk: true\nl: 2022-09-26  # a date\nm:\n"
    )
    assert read_simple(text) == {
        "a": "x",
        "b": "q",
        "c": "r",
        "d": ["RU", "KZ"],
        "e": {"x": 1, "y": "2"},
        "f": [{"g": 1}, {"h": 2, "i": 3}],
        "j": "one two",
        "k": True,
        "l": "2022-09-26",
        "m": None,
    }
    assert_same_or_declined(text)


def test_a_case_read_fast_still_names_the_line_of_a_mistake(tmp_path: Path) -> None:
    text = (SEEDS / "zhilin.yaml").read_text(encoding="utf-8")
    broken = text.replace("  at_checkpoint: false", "  at_checkpoint: sometimes")
    assert read_simple(broken) is not None  # the fast way reads it; the model refuses it
    path = tmp_path / "case.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        load_case(path)
    line = broken.splitlines().index("  at_checkpoint: sometimes") + 1
    assert caught.value.place.line == line
    assert caught.value.place.path == "crossing.at_checkpoint"


def test_a_document_read_fast_has_the_exact_readers_lines() -> None:
    text = (SEEDS / "zhilin.yaml").read_text(encoding="utf-8")
    fast = parse_document(text, "z.yaml", InputError)
    slow = _parse_exact(text, "z.yaml", InputError)
    assert fast.data == slow.data
    assert dict(fast.lines) == dict(slow.lines)
    assert fast.place(("crossing", "date")) == slow.place(("crossing", "date"))
