"""A rule's conditions, typed against the case model, and the typed way problems are reported.

Every test under `when:` names a fact path of the case model and is checked against that fact's
type here: a comparison of numbers on a date, a list test on a scalar, a value the fact cannot
hold are refused with the rule, the file and the line. `Reporter` makes those errors, so every
helper of the law layer reports a problem in one rule the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lexcase.errors import FactPathError, RuleFileError
from lexcase.law.rulebook import closest
from lexcase.model.facts import FactPath, ValueKind, fact_path
from lexcase.model.rules import DATE_OPS, LIST_OPS, NUMBER_OPS, RELATIONAL_OPS, Condition, Op, Test
from lexcase.source import Document

MAX_CHOICES = 200  # values in one in/not_in/contains_any test
SCALAR_KINDS = frozenset(
    {ValueKind.TEXT, ValueKind.BOOL, ValueKind.INT, ValueKind.DATE, ValueKind.ENUM}
)
Where = tuple[Any, ...]


@dataclass(frozen=True)
class Reporter:
    """Makes the error for a problem in one rule: `where` is the path below the rule's entry."""

    rule_id: str
    document: Document
    loc: Where

    def __call__(
        self,
        message: str,
        where: Where = (),
        expected: str | None = None,
        suggestion: str | None = None,
    ) -> RuleFileError:
        return RuleFileError(
            f"rule {self.rule_id}: {message}",
            self.document.place((*self.loc, *where)),
            expected=expected,
            suggestion=suggestion,
        )

    def line(self, *where: Any) -> int | None:
        return self.document.line_of((*self.loc, *where))


def path_of(path: str, fail: Reporter, where: Where) -> FactPath:
    """The fact path `path`, or the problem reported at `where`."""
    try:
        return fact_path(path)
    except FactPathError as problem:
        raise fail(
            problem.message, where, expected=problem.expected, suggestion=problem.suggestion
        ) from None


def typed_path(path: str, kind: ValueKind, fail: Reporter, where: Where, expected: str) -> FactPath:
    """The fact path `path`, which must hold values of `kind`."""
    fp = path_of(path, fail, where)
    if fp.kind is not kind:
        noun = {ValueKind.DATE: "a date", ValueKind.INT: "a whole number"}.get(kind, "a list")
        raise fail(f"{where[-1]}: '{path}' is not {noun}", where, expected=expected)
    return fp


def condition(path: str, raw: Any, fail: Reporter, where: Where, line: int | None) -> Condition:
    fp = path_of(path, fail, where)
    ops = {o.value for o in Op}
    if isinstance(raw, dict) and raw and all(k in ops for k in raw):
        pairs = [(Op(k), v) for k, v in raw.items()]
    elif isinstance(raw, dict):
        unknown = [k for k in raw if k not in ops]
        raise fail(
            f"'{unknown[0] if unknown else '{}'}' is not a test",
            where,
            expected="one of " + ", ".join(o.value for o in Op),
            suggestion=closest(unknown[0], ops) if unknown else None,
        )
    elif fp.kind in (ValueKind.LIST, ValueKind.RECORDS):
        raise fail(
            f"{path} is a list: say how to test it",
            where,
            expected="contains:, contains_any: or not_contains:",
        )
    else:
        pairs = [(Op.IS, raw)]
    tests = tuple(_test(fp, op, value, fail, (*where, op.value)) for op, value in pairs)
    return Condition(path=path, tests=tests, line=line)


def parse_value(value: Any, target: FactPath, fail: Reporter, where: Where) -> Any:
    try:
        parsed = target.parse(value)
    except ValueError as problem:
        raise fail(
            f"{show(value)} is not a value of {target.path}", where, expected=str(problem)
        ) from None
    if target.kind is ValueKind.DATE and isinstance(parsed, str) and len(parsed) != 10:
        # A case may know a date only to the month; the law's dates are days.
        raise fail(
            f"{show(value)} is not a day", where, expected="a date written YYYY-MM-DD in a rule"
        )
    return parsed


def _test(fp: FactPath, op: Op, value: Any, fail: Reporter, where: Where) -> Test:
    if op is Op.PRESENT:
        if not isinstance(value, bool):
            raise fail("present takes true or false", where, expected="true or false")
        return Test(op=op, value=value)
    if op is Op.KNOWN:
        if value is not True:
            raise fail("known takes true only", where, expected="known: true")
        return Test(op=op, value=True)
    if op in RELATIONAL_OPS:
        return _relational_test(fp, op, value, fail, where)
    if op in LIST_OPS:
        return _list_test(fp, op, value, fail, where)
    return _scalar_test(fp, op, value, fail, where)


def _relational_test(fp: FactPath, op: Op, value: Any, fail: Reporter, where: Where) -> Test:
    if fp.kind is not ValueKind.DATE:
        raise fail(f"{op.value} compares dates, and {fp.path} is not a date", where)
    if not (
        isinstance(value, dict)
        and set(value) == {"fact", "days"}
        and isinstance(value["days"], int)
        and not isinstance(value["days"], bool)
        and value["days"] >= 0
    ):
        raise fail(
            f"{op.value} needs the other date and a number of days",
            where,
            expected="{fact: crossing.date, days: 1}",
        )
    other = path_of(str(value["fact"]), fail, (*where, "fact"))
    if other.kind is not ValueKind.DATE:
        raise fail(f"{other.path} is not a date", (*where, "fact"), expected="a date fact")
    if other.section == fp.section:
        raise fail(
            "both dates of a relational test lie in the same part of the case",
            where,
            expected="dates from two different parts, such as asylum and crossing",
        )
    return Test(op=op, other=other.path, days=value["days"])


def _list_test(fp: FactPath, op: Op, value: Any, fail: Reporter, where: Where) -> Test:
    if fp.kind is ValueKind.LIST:
        assert fp.item is not None
        if op is Op.CONTAINS_ANY:
            if not isinstance(value, list) or not value:
                raise fail("contains_any takes a list of values", where, expected="[RU, BY]")
            _few_choices(value, op, fail, where)
            return Test(op=op, value=[parse_value(v, fp.item, fail, where) for v in value])
        return Test(op=op, value=parse_value(value, fp.item, fail, where))
    if fp.kind is ValueKind.RECORDS and op is not Op.CONTAINS_ANY:
        return Test(op=op, value=_record_fields(fp, op, value, fail, where))
    raise fail(
        f"{op.value} tests lists, and {fp.path} is not one",
        where,
        expected="is, in, or a comparison",
    )


def _record_fields(
    fp: FactPath, op: Op, value: Any, fail: Reporter, where: Where
) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise fail(
            f"{fp.path} holds records: give the fields to match",
            where,
            expected="a mapping such as {article: '338'}",
        )
    scalars = sorted(k for k, f in fp.item_fields.items() if f.kind in SCALAR_KINDS)
    fields = {}
    for name, v in value.items():
        field_fp = fp.item_fields.get(name)
        if field_fp is None or field_fp.kind not in SCALAR_KINDS:
            raise fail(
                f"'{name}' is not a field of the records in {fp.path}",
                where,
                expected="one of " + ", ".join(scalars),
            )
        fields[name] = parse_value(v, field_fp, fail, where)
    if len(fields) > 1:
        # A record that fails a test on several fields fails one field *or* another, and
        # durable_rules evaluates an `or` inside a list item by its last operand only
        # (measured): such a test could never be false, so it is refused.
        raise fail(
            f"{op.value} on the records in {fp.path} matches {len(fields)} fields",
            where,
            expected="one field, such as {article: '338'} (durable_rules cannot tell "
            "when a record fails a match on several fields)",
        )
    return fields


def _scalar_test(fp: FactPath, op: Op, value: Any, fail: Reporter, where: Where) -> Test:
    if fp.kind not in SCALAR_KINDS:
        raise fail(
            f"{fp.path} is a {fp.kind.value}; {op.value} does not apply",
            where,
            expected="present: true/false, or a test on one of its fields",
        )
    if op in NUMBER_OPS and fp.kind is not ValueKind.INT:
        raise fail(
            f"{op.value} compares numbers, and {fp.path} is {fp.expected()}",
            where,
            expected="on_or_after/on_or_before/after/before for dates",
        )
    if op in DATE_OPS and fp.kind is not ValueKind.DATE:
        raise fail(f"{op.value} compares dates, and {fp.path} is {fp.expected()}", where)
    if op in (Op.IN, Op.NOT_IN):
        if not isinstance(value, list) or not value:
            raise fail(
                f"{op.value} takes a list of values", where, expected="a list such as [a, b]"
            )
        _few_choices(value, op, fail, where)
        return Test(op=op, value=[parse_value(v, fp, fail, where) for v in value])
    return Test(op=op, value=parse_value(value, fp, fail, where))


def _few_choices(values: list[Any], op: Op, fail: Reporter, where: Where) -> None:
    # Each value is one branch of a durable_rules condition, which hangs past 512 branches.
    if len(values) > MAX_CHOICES:
        raise fail(
            f"{op.value} lists {len(values)} values",
            where,
            expected=f"at most {MAX_CHOICES} values (split the rule, or test another fact)",
        )


def show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)
