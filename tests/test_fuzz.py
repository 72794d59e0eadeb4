"""Bad input, generated: case files and rule files broken in every way hypothesis can find, read
through the loader and through the CLI. Each must end in lexcase's own error naming the file and
the place (a line, a field path or both), with exit code 2: never a traceback, never a field
silently dropped.

Each mutation is either sure to break the file (a wrong type, a missing or unknown key, a bad
date, bytes that are not UTF-8, a string past its limit, nesting or aliases past the reader's
limits) or may leave it valid (text inserted or cut anywhere); for the latter, loading may also
succeed, but nothing else may happen.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from conftest import SEEDS, RuleFolder, kz_rules
from lexcase.errors import InputError, RuleFileError, file_label
from lexcase.evaluation.evaluator import Evaluator, to_case
from lexcase.inference import runner as inference
from lexcase.interfaces.cli import app
from lexcase.law.loader import load_rulebook
from lexcase.model.case import MAX_FINE, load_case
from lexcase.model.facts import case_data
from lexcase.source import parse_document
from reference import evaluate_reference
from strategies import budget, cases, rule_sets

runner = CliRunner()
Loc = tuple[str | int, ...]

# --- generic mutations ------------------------------------------------------------------------


def locations(data: Any, loc: Loc = ()) -> list[tuple[Loc, Any]]:
    """Every value below the top of `data`, with where it is."""
    found: list[tuple[Loc, Any]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        here = (*loc, key)
        found.append((here, value))
        if isinstance(value, dict | list):
            found.extend(locations(value, here))
    return found


def put(data: Any, loc: Loc, value: Any) -> None:
    target = data
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = value


def wrong_type(value: Any) -> Any:
    """A value of another JSON type, which a strict field of `value`'s type refuses."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int):
        return "7"
    if isinstance(value, str):
        return 7
    if isinstance(value, list):
        return {"zz": 1}
    return [1]


BAD_DATES = ["2022-02-30", "2022-13-01", "22-09-26", "yesterday", "2022-09-26T10:00:00", 20220926]
INSERTS = [
    "{",
    "[",
    "]",
    ": :",
    "\t",
    "'",
    '"',
    "- - -\n",
    "&a",
    "*nope",
    "!!",
    "%",
    "@",
    "`",
    "\n  x",
]
BYTES = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"]
CONTROLS = ["\x00", "\x07", "\x1b", "\x7f\x08"]


def yaml_text(data: Any, as_json: bool) -> bytes:
    if as_json:
        return json.dumps(data, indent=2, ensure_ascii=False).encode()
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(data, out)
    return out.getvalue().encode()


@st.composite
def raw_mutation(draw: Any, text: bytes) -> tuple[bytes, bool]:
    """A break in the file's text: (the new text, whether it is sure to be refused)."""
    kind = draw(st.sampled_from(["insert", "bytes", "control", "truncate", "bomb", "deep"]))
    at = draw(st.integers(0, len(text)))
    if kind == "insert":
        return text[:at] + draw(st.sampled_from(INSERTS)).encode() + text[at:], False
    if kind == "bytes":
        return text[:at] + draw(st.sampled_from(BYTES)) + text[at:], True
    if kind == "control":
        return text[:at] + draw(st.sampled_from(CONTROLS)).encode() + text[at:], False
    if kind == "truncate":
        return text[:at], False
    if kind == "bomb":  # "billion laughs": each line repeats the one before nine times
        lines = ["zz0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for i in range(1, 9):
            lines.append(f"zz{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
        return text.rstrip(b"\n") + b"\n" + "\n".join(lines).encode() + b"\n", True
    depth = draw(st.sampled_from([50, 70, 400]))  # deeper costs seconds in ruamel
    nested = ("zz: " + "[" * depth + "]" * depth + "\n").encode()
    return text.rstrip(b"\n") + b"\n" + nested, True


def assert_refused(load: Callable[[], Any], path: Path, sure: bool, cli: list[str]) -> None:
    """Loading `path` ends in lexcase's own error naming it and the place (or, when the break
    may have left it valid, loads), and so does the CLI."""
    label = file_label(path)
    assert label is not None
    try:
        load()
    except InputError as error:
        assert_own_error(error, label)
    else:
        assert not sure, "a file sure to be refused was loaded"
    assert_cli_refuses(cli, label, sure)


def assert_own_error(error: InputError, label: str) -> None:
    assert error.place.file == label, error
    assert error.place.line is not None or error.place.path, error
    assert str(error).startswith(label)


def assert_cli_refuses(args: list[str], label: str, sure: bool) -> None:
    run = runner.invoke(app, args)
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    assert "Traceback" not in run.output
    if run.exit_code == 0 and not sure:
        return
    assert run.exit_code == 2, run.output
    # every problem of the file, one line each, each with its place in the file
    lines = run.output.splitlines()
    assert lines and all(line.startswith(f"error: {label}") for line in lines), run.output


# --- case files -------------------------------------------------------------------------------


@st.composite
def broken_case(draw: Any) -> tuple[bytes, bool, str]:
    """A case file broken one way: (its bytes, whether it is sure to be refused, suffix)."""
    data = draw(cases())
    data["notes"] = "a case"
    as_json = draw(st.booleans())
    suffix = ".json" if as_json else ".yaml"
    kind = draw(
        st.sampled_from(
            ["type", "unknown", "missing", "date", "huge", "number", "raw", "raw", "raw"]
        )
    )
    if kind == "raw":
        text, sure = draw(raw_mutation(yaml_text(data, as_json)))
        return text, sure, suffix
    places = locations(data)
    if kind == "number":
        return beyond_its_field(draw, data, places, as_json), True, suffix
    if kind == "type":
        loc, value = draw(st.sampled_from(places))
        put(data, loc, wrong_type(value))
    elif kind == "unknown":
        mappings = [()] + [loc for loc, v in places if isinstance(v, dict)]
        loc = draw(st.sampled_from(mappings))
        name = "zz_" + draw(st.text("abcdefgh", min_size=1, max_size=6))
        put(data, (*loc, name), True) if loc else data.__setitem__(name, True)
    elif kind == "missing":
        required = [("case_id",), ("as_of",)] + [
            (*loc, key)
            for loc, v in places
            if isinstance(v, dict) and len(loc) == 3 and loc[0].endswith("proceedings")
            # a detention's basis is required; a charge's article is not (issue 12: a case the
            # reports give without its article)
            for key in ("basis",)
            if key in v
        ]
        loc = draw(st.sampled_from(required))
        target = data
        for part in loc[:-1]:
            target = target[part]
        del target[loc[-1]]
    elif kind == "date":
        dates = [("as_of",)] + [
            loc for loc, v in places if isinstance(v, str) and v[:2] in ("19", "20") and "-" in v
        ]
        put(data, draw(st.sampled_from(dates)), draw(st.sampled_from(BAD_DATES)))
    else:
        size = draw(st.sampled_from([10_001, 200_000]))
        data["notes"] = "x" * size
    return yaml_text(data, as_json), True, suffix


# Numbers no field can mean: negative counts, past any field's bound, past what an integer of
# the reader holds, and the 5,000 digits (which int() itself refuses).
BEYOND = ["-1", str(MAX_FINE + 1), "1" + "0" * 19, "9" * 5000]
NUMBER_MARK = "zz-number-here"


def beyond_its_field(draw: Any, data: dict[str, Any], places: list[Any], as_json: bool) -> bytes:
    """The case with one whole-number field (or a new one) set to a number beyond it."""
    numbers = [loc for loc, v in places if isinstance(v, int) and not isinstance(v, bool)]
    if numbers:
        loc = draw(st.sampled_from(numbers))
    else:
        loc = ("person", "prior_convictions")
        data.setdefault("person", {})
    put(data, loc, NUMBER_MARK)
    number = draw(st.sampled_from(BEYOND)).encode()
    text = yaml_text(data, as_json)  # written with a mark: no dumper writes 5,000 digits
    return text.replace(f'"{NUMBER_MARK}"'.encode(), number).replace(NUMBER_MARK.encode(), number)


@budget(100)
@given(broken=broken_case())
def test_a_broken_case_file_is_refused_with_its_file_and_place(
    broken: tuple[bytes, bool, str],
) -> None:
    text, sure, suffix = broken
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{suffix}"
        path.write_bytes(text)
        assert_refused(lambda: load_case(path), path, sure, ["evaluate", str(path)])


@budget(40)
@given(broken=broken_case(), source=st.sampled_from(["file", "stdin", "folder", "jsonl"]))
@example(  # two errors in one file: both reported, each on its own line
    broken=(b"as_of: '1998-06-25'\nasylum:\n  appeal:\n    f", True, ".yaml"), source="file"
)
def test_every_source_of_a_case_ends_in_a_result_or_a_reported_error(
    broken: tuple[bytes, bool, str], source: str
) -> None:
    """A broken case given as a file, on standard input, as an entry of a folder batch beside a
    good case, or as a JSONL line between two good ones: one answer for each case, never a
    traceback, never a case skipped or the others lost."""
    text, sure, suffix = broken
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        if source in ("file", "stdin"):
            path = root / f"case{suffix}"
            path.write_bytes(text)
            label = "<stdin>" if source == "stdin" else file_label(path)
            assert label is not None
            args = ["evaluate", "-" if source == "stdin" else str(path)]
            run = runner.invoke(app, args, input=text if source == "stdin" else None)
            assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
            assert run.exit_code == 2 or (run.exit_code == 0 and not sure), run.output
            if run.exit_code == 2:
                lines = run.output.splitlines()  # one line per error, each with the file
                assert lines and all(line.startswith(f"error: {label}") for line in lines)
            return
        good = (SEEDS / "zhilin.yaml").read_bytes()
        if source == "folder":
            cases = root / "cases"
            cases.mkdir()
            (cases / "a-good.yaml").write_bytes(good)
            (cases / f"b-broken{suffix}").write_bytes(text)
            expected = 2
            given_input = cases
        else:
            seed = load_case(SEEDS / "zhilin.yaml").model_dump(mode="json", by_alias=True)
            line = json.dumps(seed).encode()
            flat = text.replace(b"\r", b" ").replace(b"\n", b" ")
            given_input = root / "cases.jsonl"
            given_input.write_bytes(b"\n".join([line, flat, line]) + b"\n")
            expected = 3 if flat.strip() else 2
        out = root / "results.jsonl"
        run = runner.invoke(app, ["batch", str(given_input), "--out", str(out)])
        assert run.exit_code in (0, 1), run.output
        answers = [json.loads(line) for line in out.read_text().splitlines()]
        assert len(answers) == expected
        assert "result" in answers[0] and (source == "folder" or "result" in answers[-1])
        for answer in answers:
            assert ("result" in answer) != ("error" in answer)
            if "error" in answer:
                error = answer["error"]
                assert error["internal"] is False and error["file"], error
        if sure:
            assert "error" in answers[1]


@budget(60)
@given(data=cases(), as_json=st.booleans())
def test_no_field_of_a_valid_case_file_is_dropped(data: dict[str, Any], as_json: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("case.json" if as_json else "case.yaml")
        path.write_bytes(yaml_text(data, as_json))
        case = load_case(path)
    loaded = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    for loc, value in locations(data):
        if not isinstance(value, dict | list):
            target: Any = loaded
            for part in loc:
                target = target[part]
            assert target == value, loc


# --- rule files -------------------------------------------------------------------------------

RULE_KEYS = ["id", "title", "basis", "then"]


@st.composite
def broken_rules(draw: Any) -> tuple[bytes, bool]:
    """A rule file broken one way: (its bytes, whether it is sure to be refused)."""
    source = kz_rules(draw(rule_sets(max_rules=4)))["code.yaml"]
    data = parse_document(source, None, RuleFileError).data
    as_json = draw(st.booleans())
    kind = draw(
        st.sampled_from(["type", "unknown", "missing", "path", "date", "huge", "raw", "raw"])
    )
    rules = data["rules"]
    rule = draw(st.sampled_from(rules))
    if kind == "raw":
        return draw(raw_mutation(yaml_text(data, as_json)))
    if kind == "type":
        # Some fields take several types (an article may be a number): not sure to break.
        loc, value = draw(st.sampled_from(locations(data)))
        put(data, loc, wrong_type(value))
        return yaml_text(data, as_json), False
    if kind == "unknown":
        rule["zz_" + draw(st.text("abcdefgh", min_size=1, max_size=6))] = True
    elif kind == "missing":
        if draw(st.booleans()):
            del rule[draw(st.sampled_from(RULE_KEYS))]
        else:
            del data[draw(st.sampled_from(["instrument", "jurisdiction"]))]
    elif kind == "path":
        rule.setdefault("when", {})[draw(st.sampled_from(["crossing.nope", "nope", "stay."]))] = 1
    elif kind == "date":
        rule["in_force"] = {"from": draw(st.sampled_from(BAD_DATES))}
    else:
        rule["title"] = "x" * draw(st.sampled_from([4_001, 100_000]))
    return yaml_text(data, as_json), True


@budget(80)
@given(broken=broken_rules(), suffix=st.sampled_from([".yaml", ".json"]))
def test_a_broken_rule_file_is_refused_with_its_file_and_place(
    broken: tuple[bytes, bool], suffix: str
) -> None:
    text, sure = broken
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "rulebook.yaml").write_text("version: fuzz\n")
        (root / "kz").mkdir()
        path = root / "kz" / f"code{suffix}"
        path.write_bytes(text)
        cli = ["evaluate", str(SEEDS / "zhilin.yaml"), "--rules", str(root)]
        assert_refused(lambda: load_rulebook(root), path, sure, cli)


# --- rule folders too big for durable_rules -----------------------------------------------------


def numbered_rules(
    count: int, when: str = "host_state: KZ", first: str = "", rest: str = ""
) -> str:
    """`count` rules kz.r0... testing `when` ({i}: the rule's number); `first` and `rest` are
    more lines for the first rule and for the others."""
    text = ""
    for i in range(count):
        text += f"- id: kz.r{i}\n  title: rule {i}\n  cite: {{article: '1'}}\n  basis: law\n"
        text += f"  when:\n    {when.format(i=i)}\n"
        extra = first if i == 0 else rest
        text += f"  {extra}\n" if extra else ""
        text += f"  then:\n    conclude: [kz.c{i}]\n"
    return text


DEFEATS_200 = "defeats: [" + ", ".join(f"kz.r{i}" for i in range(1, 201)) + "]"
BY_STAY = "stay.days_in_last_180: {{at_least: {i}}}"


@pytest.mark.parametrize(
    "rules",
    [
        numbered_rules(300),  # 300 rules behind one identical condition: durable's error 108
        numbered_rules(201, first=DEFEATS_200),  # one rule defeats 200
        numbered_rules(300, BY_STAY.replace("{i}", "0"), rest="given: [kz.c0]"),
        numbered_rules(600, BY_STAY),  # 600 rule ids under one condition: durable hangs
    ],
    ids=["300-same-test", "defeats-200", "300-given-one", "600-rules"],
)
def test_rule_sets_past_durable_rules_fanout_limits_still_evaluate(
    rule_folder: RuleFolder, rules: str
) -> None:
    evaluator = Evaluator(load_rulebook(rule_folder(kz=kz_rules(rules))))
    try:
        for stay in ({}, {"days_in_last_180": 180}):
            data = {"case_id": "t", "as_of": "2022-12-12", "host_state": "KZ", "stay": stay}
            engine = evaluator.trace(to_case(data))
            reference = evaluate_reference(evaluator.rulebook, case_data(to_case(data)))
            assert (engine.holds, engine.defeated, engine.open) == (
                reference.holds,
                reference.defeated,
                reference.open,
            )
        assert len(engine.holds) + len(engine.defeated) >= 181
    finally:
        evaluator.close()


def test_more_compiled_rules_than_durable_rules_takes_is_a_rule_file_error(
    rule_folder: RuleFolder,
) -> None:
    # Every four defeaters of a rule add a compiled rule: 450 rules, each defeating the forty
    # before it.
    rules = numbered_rules(450, BY_STAY.replace("{i}", "1"), rest="defeats: [{defeated}]")
    for i in range(1, 450):
        defeated = ", ".join(f"kz.r{j}" for j in range(max(i - 40, 0), i))
        rules = rules.replace("{defeated}", defeated, 1)
    root = rule_folder(kz=kz_rules(rules))
    with pytest.raises(RuleFileError) as refused:
        Evaluator(load_rulebook(root))
    assert refused.value.place.file == file_label(root)
    assert "4,096" in str(refused.value) and "split the rules" in str(refused.value)
    run = runner.invoke(app, ["evaluate", str(SEEDS / "zhilin.yaml"), "--rules", str(root)])
    assert run.exit_code == 2 and run.output.startswith("error: ")


def test_a_ruleset_durable_rules_refuses_names_the_folder(
    rule_folder: RuleFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever limit durable_rules finds that the compiler did not foresee, it is the rule
    # folder's size, not a bug: a RuleFileError (exit 2), not an InferenceError (exit 3).
    def refuse(name: str, definition: str) -> Any:
        raise inference._dre.error("Could not create ruleset, error code: 108")

    monkeypatch.setattr(inference._dre, "create_ruleset", refuse)
    root = rule_folder(kz=kz_rules(numbered_rules(2)))
    with pytest.raises(RuleFileError) as refused:
        Evaluator(load_rulebook(root))
    assert refused.value.place.file == file_label(root)
    assert "code 108" in str(refused.value)


def test_an_in_test_with_too_many_values_is_refused_at_its_line(rule_folder: RuleFolder) -> None:
    codes = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    rules = numbered_rules(1, f"host_state: {{{{in: [{', '.join(codes[:300])}]}}}}")
    with pytest.raises(RuleFileError) as refused:
        load_rulebook(rule_folder(kz=kz_rules(rules)))
    assert refused.value.place.line == 9
    assert refused.value.place.path == "rules[0].when.host_state.in"
    assert "at most 200 values" in str(refused.value)
