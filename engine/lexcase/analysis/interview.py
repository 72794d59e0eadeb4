"""The interview: which unknown facts would decide the rules left undecided, asked in the order of
how much their answer could change, and the case file updated with the answers given.

A question is a fact some undecided rule needs and the case does not record. Its weight is found
by trying its answers, each in a real evaluation: both truth values of a yes/no fact, every value
of a closed vocabulary, and for a date or a number the values the rules' tests turn on
(`lexcase.analysis.boundaries`). The outcomes that appear, vanish or change under at least one
answer are the outcomes the question could change; a question whose answers change nothing is not
asked (it is listed under `not_asked`, with why). The wording comes from the case model's field
descriptions.

`record_answer` writes one answer into the case file in place: a YAML file keeps its comments,
its order and its layout (ruamel's round trip, as `lexcase.source` reads it), a JSON file its
order; the file as it was before the first answer is kept beside it as `<name>.bak`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path
from typing import Any

from pydantic import Field
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from lexcase.analysis.boundaries import trials
from lexcase.errors import CaseError, InputError, Place
from lexcase.evaluation.evaluator import CaseInput, Evaluator, evaluator_for, to_case
from lexcase.evaluation.result import Result, RulebookStamp
from lexcase.law.overlay import RulesInput
from lexcase.model.case import Case
from lexcase.model.facts import (
    FactPath,
    ValueKind,
    case_data,
    fact_path,
    value_at,
    with_facts,
)
from lexcase.model.facts import (
    as_of as case_as_of,
)
from lexcase.model.rules import Model
from lexcase.reading import STDIN, STDIN_LABEL, read_file

UNKNOWN = "?"


class TriedAnswer(Model):
    value: Any
    changes: list[str] = Field(description="Rules whose outcomes appear, vanish or change.")


class Question(Model):
    path: str
    question: str = Field(description="The question in plain words.")
    expected: str = Field(description="What an answer looks like.")
    choices: list[str] | None = Field(None, description="The answers, for a closed vocabulary.")
    decides: list[str] = Field(description="The undecided rules that need this fact.")
    could_change: list[str] = Field(description="Rules whose outcomes some answer changes.")
    answers_tried: list[TriedAnswer]


class NotAsked(Model):
    path: str
    reason: str
    decides: list[str]


class Interview(Model):
    case_id: str
    as_of: dt.date
    questions: list[Question] = Field(description="Most outcomes changed first.")
    not_asked: list[NotAsked]
    evaluations: int
    rulebook: RulebookStamp


def interview(
    case: CaseInput,
    as_of: dt.date | None = None,
    rules: RulesInput = None,
    skip: set[str] | None = None,
) -> Interview:
    """The questions that would decide the undecided rules of `case`, ranked; facts in `skip`
    (already asked) are left out."""
    whole = to_case(case)
    with evaluator_for(rules) as evaluator:
        return rank_questions(whole, case_as_of(whole, as_of), evaluator, skip or set())


def rank_questions(whole: Case, seen: Case, evaluator: Evaluator, skip: set[str]) -> Interview:
    """The questions for `seen` (the case as of its date); `whole` is the file as written, so
    that a fact it records after the as-of date is not asked again."""
    before = evaluator.evaluate(seen)
    data, recorded = case_data(seen), case_data(whole)
    needers: dict[str, list[str]] = {}
    for undecided in before.undecided:
        for path in undecided.needs:
            needers.setdefault(path, []).append(undecided.rule)
    questions, not_asked, evaluations = [], [], 0
    for path, decides in sorted(needers.items()):
        if path in skip:
            continue
        fp = fact_path(path)
        reason = _not_askable(fp, value_at(data, path), value_at(recorded, path))
        answers = [] if reason else _answers(fp, evaluator, decides, data, seen.as_of)
        tried = []
        for value in answers:
            try:
                changed = with_facts(seen, {path: value})
            except CaseError:
                continue
            evaluations += 1
            tried.append(
                TriedAnswer(value=value, changes=_changed(before, evaluator.evaluate(changed)))
            )
        could = sorted({r for t in tried for r in t.changes})
        if not reason and not could:
            reason = "no answer tried changes an outcome" if tried else "no answer to try"
        if reason:
            not_asked.append(NotAsked(path=path, reason=reason, decides=decides))
            continue
        questions.append(
            Question(
                path=path,
                question=_wording(fp),
                expected=fp.expected() + f", or {UNKNOWN} if unknown",
                choices=_choices(fp),
                decides=decides,
                could_change=could,
                answers_tried=tried,
            )
        )
    questions.sort(key=lambda q: (-len(q.could_change), q.path))
    return Interview(
        case_id=seen.case_id,
        as_of=seen.as_of,
        questions=questions,
        not_asked=not_asked,
        evaluations=evaluations,
        rulebook=before.rulebook,
    )


def _not_askable(fp: FactPath, seen: Any, recorded: Any) -> str | None:
    if seen is not None:
        return "recorded in the case"  # a fact needed as part of a record that is recorded
    if recorded is not None:
        return "recorded in the file, dated after the as-of date"
    if fp.kind in (ValueKind.RECORDS, ValueKind.RECORD):
        return "a list of records or a part of the case: write it in the case file"
    return None


def _answers(
    fp: FactPath, evaluator: Evaluator, decides: list[str], data: dict[str, Any], as_of: dt.date
) -> list[Any]:
    if fp.kind is ValueKind.BOOL:
        return [True, False]
    if fp.kind is ValueKind.ENUM:
        return list(fp.enum_values)
    # Dates, numbers, text: the values the tests of the rules that read the fact turn on.
    readers = [r for r in evaluator.rulebook.rules if fp.path in r.fact_paths]
    return [t.value for t in trials(readers, data, as_of, {fp.path})]


def _changed(before: Result, after: Result) -> list[str]:
    was = {o.rule: (o.summary, o.detail) for o in before.outcomes}
    now = {o.rule: (o.summary, o.detail) for o in after.outcomes}
    return sorted(r for r in was.keys() | now.keys() if was.get(r) != now.get(r))


def _wording(fp: FactPath) -> str:
    """The field's description as a question: "Whether he crossed at a checkpoint." asks
    "Did he...?" well enough as it stands; a statement about a yes/no fact is asked as "Is it
    so: ...?"; a fact with no description is named by its path in words."""
    text = fp.description
    if not text:
        return fp.path.replace("_", " ").replace(".", ": ") + "?"
    if fp.kind is ValueKind.BOOL and not text.startswith("Whether"):
        return f"Is it so: {text.rstrip('.')}?"
    return text.rstrip(".") + "?"


def _choices(fp: FactPath) -> list[str] | None:
    if fp.kind is ValueKind.BOOL:
        return ["true", "false"]
    if fp.kind is ValueKind.ENUM:
        return list(fp.enum_values)
    return None


# --- answering ------------------------------------------------------------------------------


def parse_answer(path: str, text: str) -> Any:
    """An answer as typed, as the case model reads it (JSON data); a clear error if it is not."""
    fp = fact_path(path)
    try:
        value = fp.parse_text(text.strip())
    except ValueError as problem:
        raise CaseError(
            f"{text.strip()!r} is not an answer to {path}", Place(path=path), expected=str(problem)
        ) from None
    if value is None:
        raise CaseError(
            "no answer given", Place(path=path), expected=f"a value, or {UNKNOWN} if unknown"
        )
    return value


def record_answer(file: Path, path: str, value: Any, backup: bool = True) -> Path | None:
    """Write `value` (JSON data) at the fact `path` of the case file `file`, in place, after
    checking that the case still reads; return the backup written (`<name>.bak`), if any."""
    if str(file) == STDIN:
        raise InputError(
            "the answers are written into the case file; standard input cannot take them",
            Place(STDIN_LABEL),
            expected="the path of a case file",
        )
    raw, label = read_file(file, CaseError)  # a regular file, within the limits
    with_facts(to_case(file), {path: value})  # the file reads, and the answer fits the model
    text = raw.decode("utf-8")
    if file.suffix == ".json":
        data = json.loads(text)
        _put(data, path.split("."), value, dict)
        new_text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        # The layout of lexcase's own case files (2-space mappings, "  - " list items) and no
        # re-wrapping of long lines, so that only the answer changes in a file written that way.
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 1_000_000
        yaml.indent(mapping=2, sequence=4, offset=2)
        tree = yaml.load(text)
        _put(tree, path.split("."), _yaml_value(fact_path(path), value), CommentedMap)
        stream = io.StringIO()
        yaml.dump(tree, stream)
        new_text = stream.getvalue()
    saved = file.with_name(file.name + ".bak") if backup else None
    try:
        if saved is not None:
            shutil.copyfile(file, saved)
        file.write_text(new_text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the file ({exc.strerror})", Place(label)) from None
    to_case(file)  # the file as written reads back
    return saved


def _put(tree: Any, parts: list[str], value: Any, mapping: type) -> None:
    for part in parts[:-1]:
        inner = tree.get(part)
        if inner is None:
            inner = tree[part] = mapping()
        tree = inner
    tree[parts[-1]] = value


def _yaml_value(fp: FactPath, value: Any) -> Any:
    """JSON data as YAML writes it: a date unquoted, a list in brackets."""
    if fp.kind is ValueKind.DATE:
        return dt.date.fromisoformat(value)
    if isinstance(value, list):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    return value
