"""The commands that ask questions of the rules rather than evaluate one case: `counterfactual`
(the least that would have to be different), `interview` (which fact to ask for next) and
`impact` (what a change of the rules does to a caseload). They register on the CLI's app."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lexcase.evaluation.result import Result
from lexcase.interfaces import cli_texts as w
from lexcase.interfaces.cli import (
    app,
    chosen,
    err,
    handles_errors,
    model_json,
    out,
    progress,
    warn_about,
)
from lexcase.interfaces.cli_help import h
from lexcase.interfaces.cli_texts import t
from lexcase.interfaces.i18n import Lang
from lexcase.interfaces.options import (
    AsOfOption,
    CaseArgument,
    CasesArgument,
    JsonOption,
    OverlayOption,
    RulesOption,
    parse_date,
)
from lexcase.interfaces.views import footer

if TYPE_CHECKING:
    from lexcase.analysis.counterfactual import Goal
    from lexcase.analysis.impact import Impact


@app.command(help=h("counterfactual"))
@handles_errors
def counterfactual(
    case: CaseArgument,
    avoid: Annotated[
        list[str] | None,
        typer.Option("--avoid", metavar="KIND[:JURISDICTION]", help=h("counterfactual.avoid")),
    ] = None,
    reach: Annotated[
        list[str] | None,
        typer.Option("--reach", metavar="KIND[:JURISDICTION]", help=h("counterfactual.reach")),
    ] = None,
    max_changes: Annotated[
        int, typer.Option("--max-changes", min=1, help=h("counterfactual.max_changes"))
    ] = 3,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
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
    goal_text = t("and").join(_goal(g) for g in answer.goals)
    heading = t("as_of", case=f"[bold]{answer.case_id}[/bold]", date=answer.as_of)
    out.print(f"{heading}: {escape(goal_text)}")
    if answer.targets:
        out.print(f"[dim]{t('predicted_now', rules=', '.join(answer.targets))}[/dim]")
    for index, found in enumerate(answer.answers, start=1):
        changes = "; ".join(
            f"{c.path}: {_shown(c.before)} -> {_shown(c.after)}" for c in found.changes
        )
        size = t("n_changes", i=index, n=found.size)
        out.print(f"\n[bold]{size}[/bold]: {escape(changes)}")
        for diff in found.difference.outcomes:
            _line(
                w.change(diff.change.value),
                diff.kind.value,
                diff.jurisdiction,
                diff.summary,
                diff.rule,
            )
        if found.still_open:
            still = t("still_open", rules=", ".join(found.still_open))
            out.print(f"   [yellow]{escape(still)}[/yellow]")
    if not answer.answers:
        already = answer.status.value == "already"
        out.print("\n" + (t("already") if already else t("no_set", n=answer.max_changes)))
    out.print(f"\n[bold]{t('searched')}[/bold]")
    for tried in answer.tried:
        out.print(f"  {tried.path}: {', '.join(_shown(v) for v in tried.values)}", markup=False)
    for limit in answer.limits:
        out.print(f"  - {escape(limit)}")
    cost = answer.cost
    seconds = f"{cost.seconds:.3f}"
    out.print(f"[dim]{t('cost', n=cost.evaluations, skipped=cost.skipped, seconds=seconds)}[/dim]")
    footer(out, answer.rulebook)


def _goal(goal: "Goal") -> str:
    if w.lang() is Lang.EN:
        return goal.describe()
    where = t("goal_in", where=goal.jurisdiction) if goal.jurisdiction else ""
    return t(f"goal.{goal.direction.value}", kind=w.kind(goal.kind.value)) + where


def _line(mark: str, kind: str, where: str, summary: str, rule: str) -> None:
    kind, summary = w.kind(kind), w.summary(rule, summary)
    out.print(f" {mark:<8} {kind:<11} {where:<5} {escape(summary)} [dim]- {rule}[/dim]")


def _shown(value: object) -> str:
    if value is None:
        return t("not_recorded")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --- interview ------------------------------------------------------------------------------


@app.command(help=h("interview"))
@handles_errors
def interview(
    case: CaseArgument,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
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
    case_line = t("as_of", case=f"[bold]{ranked.case_id}[/bold]", date=ranked.as_of)
    out.print(case_line + t("questions", n=len(ranked.questions)))
    while ranked.questions:
        question = ranked.questions[0]
        out.print(f"\n[bold]{escape(question.question)}[/bold]  [dim]({question.path})[/dim]")
        out.print(t("could_change", rules=", ".join(question.could_change)), markup=False)
        out.print(t("decides", rules=", ".join(question.decides)), markup=False)
        if not question.choices:
            out.print(t("answer", expected=question.expected), markup=False)
        text = _ask(question.choices)
        while text not in ("", UNKNOWN):
            try:
                value = parse_answer(question.path, text)
                break
            except CaseError as problem:
                err.print(
                    t("expected", message=problem.message, expected=problem.expected), markup=False
                )
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
    kept = t("backup", backup=backup) if backup else ""
    out.print("\n" + t("answers_written", n=answered, case=case) + kept, markup=False)
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
    out.print(f"[bold]{t('outcomes_now')}[/bold] {t('outcomes_now_hint')}")
    for o in after.outcomes:
        _line("+" if o.rule not in old else "", o.kind.value, o.jurisdiction, o.summary, o.rule)
    for o in before.outcomes:
        if o.rule not in new:
            _line("-", o.kind.value, o.jurisdiction, o.summary, o.rule)


# --- impact ---------------------------------------------------------------------------------


@app.command(help=h("impact"))
@handles_errors
def impact(
    source: CasesArgument,
    overlay: Annotated[
        list[Path] | None,
        typer.Option("--overlay", metavar="DIR", help=h("impact.overlay")),
    ] = None,
    against: Annotated[
        Path | None, typer.Option("--against", metavar="DIR", help=h("impact.against"))
    ] = None,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
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


def _show_impact(report: "Impact") -> None:
    table = Table(show_lines=False, expand=False)
    for column in ("kind", "where", "gain", "lose", "change", "examples"):
        table.add_column(t(f"col.{column}"), no_wrap=column != "examples", overflow="fold")
    for cell in report.cells:
        examples = "; ".join(f"{how}: {', '.join(v)}" for how, v in cell.examples.items())
        table.add_row(
            w.kind(cell.kind.value),
            cell.jurisdiction,
            str(cell.gain),
            str(cell.lose),
            str(cell.change),
            escape(examples),
        )
    out.print(t("impact", n=report.cases, evaluated=report.evaluated, affected=report.affected))
    if report.cells:
        out.print(table)
    else:
        out.print(t("no_case_affected"))
    for failure in report.failures:
        out.print(t("not_evaluated", input=failure.input, message=failure.message), markup=False)
    out.print(f"[dim]{t('base')}[/dim]", end="")
    footer(out, report.base)
    out.print(f"[dim]{t('reform')}[/dim]", end="")
    footer(out, report.reform)
