"""Every input answered (issue 16, items 1, 5, 6, 7, 9, 10): limits stated and enforced before
parsing, paths that are not files, escapes that never reach the terminal, and the small
inconsistencies of the command line. Each test reproduces the failure the issue reports."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from conftest import ROOT, SEEDS
from lexcase.errors import CaseError, printable
from lexcase.interfaces.cli import app
from lexcase.model.case import MAX_COUNT, load_case
from lexcase.reading import MAX_FILE_BYTES, MAX_LINE_BYTES
from lexcase.source import MAX_DIGITS
from lexcase.yaml_scanner import LinearScanner
from strategies import budget

runner = CliRunner()
ZHILIN = (SEEDS / "zhilin.yaml").read_text()
GUARD = 300  # seconds, against a hang only


def lexcase(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own: a path that blocks or never ends fails the test by the
    guard instead of hanging the suite or filling the memory."""
    return subprocess.run(
        [sys.executable, "-m", "lexcase", *args],
        cwd=ROOT,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=GUARD,
    )


def one_line_error(output: str, start: str) -> None:
    assert output.startswith(f"error: {start}"), output
    assert output.count("\n") == 1, output


# --- item 1: numbers beyond what a field can mean ---------------------------------------------


def with_convictions(number: str) -> str:
    return ZHILIN.replace(
        "  nationalities: [RU]\n", f"  nationalities: [RU]\n  prior_convictions: {number}\n"
    )


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("9" * 5000, "a number of 5000 digits is larger than any field holds"),
        ("1" + "0" * MAX_DIGITS, f"a number of {MAX_DIGITS + 1} digits"),
        (str(MAX_COUNT + 1), f"{MAX_COUNT + 1} is not accepted here"),
    ],
    ids=["5000-digits", "19-digits", "past-the-field"],
)
def test_a_number_past_its_field_is_bad_input_with_its_place(
    tmp_path: Path, number: str, message: str
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(with_convictions(number))
    run = runner.invoke(app, ["evaluate", str(path)])
    assert run.exit_code == 2, run.output
    one_line_error(run.output, f"{path}:11")
    assert message in run.output


# --- item 9 and 1: paths that are not files -------------------------------------------------


def test_dev_zero_a_fifo_and_links_as_the_case_path_are_answered(tmp_path: Path) -> None:
    fifo = tmp_path / "case.yaml"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    dangling = tmp_path / "gone.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    for path, why in [
        ("/dev/zero", "this is a character device, not a file"),
        (str(fifo), "this is a named pipe (FIFO), not a file"),
        (str(loop), "a symbolic link that loops"),
        (str(dangling), "a symbolic link to nothing"),
        (str(tmp_path), "this is a folder, not a file"),
    ]:
        run = lexcase("evaluate", path)
        assert run.returncode == 2, (path, run.stderr)
        one_line_error(run.stderr, f"{path}: {why}")


def test_a_case_from_standard_input(tmp_path: Path) -> None:
    piped = runner.invoke(app, ["evaluate", "-", "--json"], input=ZHILIN.encode())
    assert piped.exit_code == 0, piped.output
    assert json.loads(piped.output) == json.loads(
        runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml"), "--json"]).output
    )
    too_big = runner.invoke(app, ["evaluate", "-"], input=b"#" * (MAX_FILE_BYTES + 1))
    assert too_big.exit_code == 2
    one_line_error(too_big.output, "<stdin>: the file is larger than 1,000,000 bytes")


def test_a_folder_batch_reports_every_entry_it_cannot_read(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.yaml").write_text(ZHILIN)
    (folder / "b.yaml").symlink_to(folder / "nowhere.yaml")
    (folder / "c.yaml").symlink_to(folder / "c.yaml")
    os.mkfifo(folder / "d.yaml")
    (folder / "e.yaml").symlink_to(SEEDS)
    out = tmp_path / "results.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "lexcase", "batch", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=GUARD,
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("5 cases, 1 evaluated, 4 errors")
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [Path(line["input"]).name for line in lines] == [f"{c}.yaml" for c in "abcde"]
    errors = [line["error"]["message"] for line in lines[1:]]
    assert "a symbolic link to nothing" in errors[0]
    assert "a symbolic link that loops" in errors[1]
    assert "a named pipe (FIFO)" in errors[2]
    assert "a symbolic link to a folder" in errors[3]


# --- item 5: quadratic input -------------------------------------------------------------------


def test_input_limits_are_checked_before_parsing(tmp_path: Path) -> None:
    """The issue's 2 MB case with one comment line, and a long line within the file size."""
    huge = tmp_path / "huge.yaml"
    huge.write_text("# " + "a" * 2_000_000 + "\n" + ZHILIN)
    run = runner.invoke(app, ["evaluate", str(huge)])
    assert run.exit_code == 2
    one_line_error(run.output, f"{huge}: the file is larger than 1,000,000 bytes")
    long_line = tmp_path / "long.yaml"
    long_line.write_text(ZHILIN + "# " + "a" * MAX_LINE_BYTES + "\n")
    run = runner.invoke(app, ["evaluate", str(long_line)])
    assert run.exit_code == 2
    line = ZHILIN.count("\n") + 1
    one_line_error(run.output, f"{long_line}:{line}: the line is longer than 100,000 bytes")


def round_trip(text: str, linear: bool) -> str:
    yaml = YAML(typ="rt")
    if linear:
        yaml.Scanner = LinearScanner
    try:
        tree = yaml.load(text)
    except Exception as exc:  # the same error, or the test fails
        return f"error: {type(exc).__name__}: {exc}"
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


COMMENT_LINES = st.lists(
    st.tuples(
        st.integers(0, ZHILIN.count("\n")),
        st.sampled_from(["", "  ", "    ", "\t"]),
        st.text(st.sampled_from("ab #:-\t'\"[]{}\u2028\r"), max_size=30),
    ),
    max_size=4,
)


@budget(60)
@given(comments=COMMENT_LINES, end=st.sampled_from(["", "\n", "\n\n", "# last"]))
def test_the_linear_scanner_reads_what_ruamel_reads(
    comments: list[tuple[int, str, str]], end: str
) -> None:
    """Comments anywhere, of any text: the same data, the same comments kept, or the same
    error, as ruamel's own scanner (which takes quadratic time over a long comment)."""
    lines = ZHILIN.split("\n")
    for at, indent, text in comments:
        lines.insert(at, f"{indent}#{text}")
    text = "\n".join(lines) + end
    assert round_trip(text, linear=True) == round_trip(text, linear=False)


# --- item 6 and 10: control characters in what is shown ----------------------------------------


def test_escapes_in_a_case_file_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(
        ZHILIN.replace(
            'what: "Refugee status refused"',
            'what: "Refugee \\e[2J\\e]0;pwned\\a status \\u202erefused"',
        )
    )
    for command in ("timeline", "evaluate", "explain"):
        run = runner.invoke(app, [command, str(path)])
        assert run.exit_code == 0, run.output
        assert "\x1b" not in run.output and "\x07" not in run.output, command
    shown = runner.invoke(app, ["timeline", str(path)]).output
    assert "Refugee \\x1b[2J\\x1b]0;pwned\\x07 status \\u202erefused" in shown


def test_a_key_holding_a_newline_or_an_escape_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(ZHILIN.replace("  name: Mikhail Zhilin\n", '  "bad\\e[2Jkey\\nx": 1\n'))
    run = runner.invoke(app, ["evaluate", str(path)])
    assert run.exit_code == 2
    one_line_error(run.output, f"{path}:9: person.bad\\x1b[2Jkey\\nx: this field is not part")
    with pytest.raises(CaseError) as caught:
        load_case(path)
    assert "\n" not in str(caught.value)


def test_printable_escapes_controls_and_keeps_text() -> None:
    assert printable("a\x1b[2Jb\u202ec\x00") == "a\\x1b[2Jb\\u202ec\\x00"
    assert printable("two\nlines\tand tab") == "two\nlines\tand tab"
    assert printable("two\nlines", keep="") == "two\\nlines"
    assert printable("Жилин, ¶ 3 — «ok»") == "Жилин, ¶ 3 — «ok»"


# --- item 10: small inconsistencies ------------------------------------------------------------


def test_a_bom_on_a_jsonl_file_is_not_part_of_its_first_case(tmp_path: Path) -> None:
    case = load_case(SEEDS / "zhilin.yaml").model_dump(mode="json", by_alias=True)
    source = tmp_path / "cases.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(case).encode() + b"\n")
    out = tmp_path / "results.jsonl"
    run = runner.invoke(app, ["batch", str(source), "--out", str(out)])
    assert run.exit_code == 0, run.output
    assert json.loads(out.read_text())["case_id"] == "zhilin"


@pytest.mark.parametrize("text", ["20220927", "2022-W39-2", "2022-09-27T00:00", "2022-9-27"])
def test_as_of_takes_the_dates_case_files_take(text: str) -> None:
    run = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml"), "--as-of", text])
    assert run.exit_code == 2
    one_line_error(run.output, f"<input>: --as-of: '{text}' is not a date")


def test_an_empty_set_or_rules_value_is_refused() -> None:
    empty = runner.invoke(
        app, ["what-if", str(SEEDS / "zhilin.yaml"), "--set", "person.nationalities="]
    )
    assert empty.exit_code == 2
    assert "person.nationalities is given no value" in empty.output
    listed = runner.invoke(
        app, ["what-if", str(SEEDS / "zhilin.yaml"), "--set", "person.nationalities=[]"]
    )
    assert listed.exit_code == 0 and "[RU] -> []" in listed.output
    rules = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml"), "--rules", ""])
    assert rules.exit_code == 2
    assert "an empty path" in rules.output
