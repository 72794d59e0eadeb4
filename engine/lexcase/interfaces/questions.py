"""The commands that ask questions of the rules rather than evaluate one case: `counterfactual`
(the least that would have to be different), `interview` (which fact to ask for next) and
`impact` (what a change of the rules does to a caseload). They register on the CLI's app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lexcase.evaluation.result import Result

if TYPE_CHECKING:
    from lexcase.analysis.impact import Impact
from lexcase.interfaces.cli import (
    AsOfOption,
    CaseArgument,
    JsonOption,
    OverlayOption,
    RulesOption,
    app,
    chosen,
    err,
    handles_errors,
    model_json,
    out,
    progress,
    warn_about,
)
from lexcase.interfaces.options import parse_date
from lexcase.interfaces.views import footer


@app.command()
@handles_errors
def counterfactual(
    case: CaseArgument,
    avoid: Annotated[
        list[str] | None,
        typer.Option(
            "--avoid",
            metavar="KIND[:JURISDICTION]",
            help="An outcome kind that should not follow (repeatable; all must hold).",
        ),
    ] = None,
    reach: Annotated[
        list[str] | None,
        typer.Option(
            "--reach", metavar="KIND[:JURISDICTION]", help="An outcome kind that should follow."
        ),
    ] = None,
    max_changes: Annotated[
        int, typer.Option("--max-changes", min=1, help="The most facts an answer may change.")
    ] = 3,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    """The smallest sets of changes to the facts a person could have made otherwise (declared
    mutable on the case model) that make an outcome vanish or appear, each verified by a real
    evaluation and shown as the what-if difference it makes.

    \b
    Example: lexcase counterfactual seeds/zhilin.yaml --avoid prosecution:KZ
    Example: lexcase counterfactual seeds/zhilin.yaml --avoid removal --max-changes 3
    """
    from lexcase.analysis.counterfactual import counterfactual as search

    loaded = warn_about(case, rules, json_)
    answer = search(
        loaded,
        max_changes=max_changes,
        as_of=parse_date(as_of, "--as-of"),
        rules=chosen(rules, rules_overlay),
        avoid=avoid or [],
        reach=reach or [],
    )
    if json_:
        model_json(answer)
        return
    goal_text = " and ".join(g.describe() for g in answer.goals)
    out.print(f"[bold]{answer.case_id}[/bold] as of {answer.as_of}: {escape(goal_text)}")
    if answer.targets:
        out.print(f"[dim]predicted now: {', '.join(answer.targets)}[/dim]")
    for index, found in enumerate(answer.answers, start=1):
        changes = "; ".join(
            f"{c.path}: {_shown(c.before)} -> {_shown(c.after)}" for c in found.changes
        )
        out.print(f"\n[bold]{index}. {found.size} change(s)[/bold]: {escape(changes)}")
        for diff in found.difference.outcomes:
            _line(diff.change.value, diff.kind.value, diff.jurisdiction, diff.summary, diff.rule)
        if found.still_open:
            still = ", ".join(found.still_open)
            out.print(f"   [yellow]still undecided, and could conclude it: {still}[/yellow]")
    if not answer.answers:
        out.print(
            "\n"
            + {"already": "Nothing to change: every goal holds as the case stands."}.get(
                answer.status.value,
                f"No set of up to {answer.max_changes} changes among the values tried does it.",
            )
        )
    out.print("\n[bold]Searched[/bold]")
    for tried in answer.tried:
        out.print(f"  {tried.path}: {', '.join(_shown(v) for v in tried.values)}", markup=False)
    for limit in answer.limits:
        out.print(f"  - {escape(limit)}")
    cost = answer.cost
    out.print(
        f"[dim]{cost.evaluations} evaluations, {cost.skipped} supersets of answers skipped, "
        f"{cost.seconds:.3f} s[/dim]"
    )
    footer(out, answer.rulebook)


def _line(mark: str, kind: str, where: str, summary: str, rule: str) -> None:
    out.print(f" {mark:<8} {kind:<11} {where:<5} {escape(summary)} [dim]- {rule}[/dim]")


def _shown(value: object) -> str:
    if value is None:
        return "not recorded"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- interview ------------------------------------------------------------------------------


@app.command()
@handles_errors
def interview(
    case: CaseArgument,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    """Ask for the facts that would decide the undecided rules, one at a time, most outcomes
    changed first. Each answer is written into the case file (comments and order kept; the file
    as it was is kept as CASE.bak) and the outcomes are shown again. Answer ? for unknown; an
    empty answer ends the interview. --json lists the ranked questions without asking.

    \b
    Example: lexcase interview seeds/zhilina.yaml
    Example: lexcase interview seeds/zhilina.yaml --json
    """
    from lexcase.analysis.interview import UNKNOWN, parse_answer, record_answer
    from lexcase.analysis.interview import interview as rank
    from lexcase.errors import CaseError, InputError, Place
    from lexcase.evaluation.evaluator import evaluate

    date, choice = parse_date(as_of, "--as-of"), chosen(rules, rules_overlay)
    if str(case) == "-" and not json_:
        raise InputError(
            "the interview writes its answers into the case file, and reads them from the "
            "terminal: give a file, not -",
            Place("<stdin>"),
            expected="the path of a case file (--json lists the questions of a case on stdin)",
        )
    loaded = warn_about(case, rules, json_)
    asked: set[str] = set()
    ranked = rank(loaded, date, choice)
    if json_:
        model_json(ranked)
        return
    before = evaluate(loaded, date, choice)
    backup: Path | None = None
    answered = 0
    out.print(
        f"[bold]{ranked.case_id}[/bold] as of {ranked.as_of}: "
        f"{len(ranked.questions)} question(s) could change an outcome."
    )
    while ranked.questions:
        question = ranked.questions[0]
        out.print(f"\n[bold]{escape(question.question)}[/bold]  [dim]({question.path})[/dim]")
        out.print(f"  could change: {', '.join(question.could_change)}", markup=False)
        out.print(f"  decides: {', '.join(question.decides)}", markup=False)
        if not question.choices:
            out.print(f"  answer: {question.expected}", markup=False)
        text = _ask(question.choices)
        while text not in ("", UNKNOWN):
            try:
                value = parse_answer(question.path, text)
                break
            except CaseError as problem:
                err.print(f"{problem.message}: expected {problem.expected}", markup=False)
                text = _ask(question.choices)
        if text == "":
            break
        asked.add(question.path)
        if text != UNKNOWN:
            saved = record_answer(case, question.path, value, backup=backup is None)
            backup = backup or saved
            answered += 1
            after = evaluate(case, date, choice)
            _show_outcomes(before, after)
            before = after
        ranked = rank(case, date, choice, skip=asked)
    out.print(
        f"\n{answered} answer(s) written to {case}"
        + (f"; the file as it was is {backup}" if backup else ""),
        markup=False,
    )
    footer(out, before.rulebook)


def _ask(choices: list[str] | None) -> str:
    """One answer: a value, ? for unknown, or nothing (Enter, or the end of the input) to stop.
    A closed vocabulary is offered as choices, and an answer outside them is asked again."""
    from rich.prompt import Prompt

    from lexcase.analysis.interview import UNKNOWN

    try:
        answer = Prompt.ask(
            ">",
            console=out,
            choices=[*choices, UNKNOWN] if choices else None,
            default="",
            show_default=False,
        )
    except EOFError:
        return ""
    return str(answer).strip()


def _show_outcomes(before: Result, after: Result) -> None:
    old = {o.rule for o in before.outcomes}
    new = {o.rule for o in after.outcomes}
    out.print("[bold]Outcomes now[/bold] (+ new, - gone)")
    for o in after.outcomes:
        _line("+" if o.rule not in old else "", o.kind.value, o.jurisdiction, o.summary, o.rule)
    for o in before.outcomes:
        if o.rule not in new:
            _line("-", o.kind.value, o.jurisdiction, o.summary, o.rule)


# --- impact ---------------------------------------------------------------------------------


@app.command()
@handles_errors
def impact(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="CASES",
            help="A JSONL file (one case per line) or a folder of case files.",
            show_default=False,
        ),
    ],
    overlay: Annotated[
        list[Path] | None,
        typer.Option(
            "--overlay",
            metavar="DIR",
            help="The reform: an overlay applied on the rules (repeatable, in order).",
        ),
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option("--against", metavar="DIR", help="The reform as a whole rule folder."),
    ] = None,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    """Run a caseload under the rules and under a reform, and count per outcome kind and
    jurisdiction the cases that gain, lose or change an outcome, with examples.

    \b
    Example: lexcase impact cases.jsonl --overlay docs/examples/kz-392-2025 \\
               --rules-overlay docs/examples/kz-392-unamended
    """
    from lexcase.analysis.impact import impact as run
    from lexcase.batch.inputs import read_input
    from lexcase.errors import InputError, Place
    from lexcase.law.overlay import choose_rules

    if not overlay and against is None:
        raise InputError(
            "no reform to compare with",
            Place(path="--overlay"),
            expected="--overlay DIR or --against DIR",
        )
    base = chosen(rules, rules_overlay)
    reform = (
        choose_rules(against, overlay or [])
        if against is not None
        else choose_rules(rules, [*(rules_overlay or []), *(overlay or [])])
    )
    cases = read_input(source)
    with progress() as advance:
        report = run(
            cases,
            reform,
            base,
            parse_date(as_of, "--as-of"),
            (lambda done: advance(done, len(cases))) if advance else None,
        )
    if json_:
        model_json(report)
    else:
        _show_impact(report)
    if report.failed:
        raise typer.Exit(1)


def _show_impact(report: Impact) -> None:
    table = Table(show_lines=False, expand=False)
    for column in ("kind", "where", "gain", "lose", "change", "examples"):
        table.add_column(column, no_wrap=column != "examples", overflow="fold")
    for cell in report.cells:
        examples = "; ".join(f"{how}: {', '.join(v)}" for how, v in cell.examples.items())
        table.add_row(
            cell.kind.value,
            cell.jurisdiction,
            str(cell.gain),
            str(cell.lose),
            str(cell.change),
            escape(examples),
        )
    out.print(
        f"{report.cases} cases, {report.evaluated} evaluated under both, {report.affected} affected"
    )
    if report.cells:
        out.print(table)
    else:
        out.print("No case gains, loses or changes an outcome.")
    for failure in report.failures:
        out.print(f"  could not evaluate {failure.input}: {failure.message}", markup=False)
    out.print("[dim]base:[/dim]", end="")
    footer(out, report.base)
    out.print("[dim]reform:[/dim]", end="")
    footer(out, report.reform)
