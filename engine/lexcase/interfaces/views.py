"""Terminal views (rich) of results, timelines, what-if differences, sweeps, explanations and the
rule tooling.

Each view prints one model from the Python API and decides nothing: `--json` prints the same
model as data. Views print through a `TerminalConsole`, which shows the control characters of
any text (a case file's event, a fact's value, a key) escaped, never performed.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from lexcase.analysis.compare import Column, Comparison, Line
from lexcase.analysis.explain import (
    Blocker,
    Candidate,
    Explanation,
    RuleState,
    RuleStatus,
    Step,
    WhyNot,
)
from lexcase.analysis.lint import LintReport
from lexcase.analysis.timeline import Timeline
from lexcase.analysis.whatif import Change, Sweep, WhatIf
from lexcase.errors import printable
from lexcase.evaluation.coverage import StateCoverage
from lexcase.evaluation.result import Result, RulebookStamp
from lexcase.law.catalogue import RuleCard, RuleListing
from lexcase.model.rules import citations_text

MARK = {Change.APPEARS: "+", Change.VANISHES: "-", Change.CHANGES: "~"}


def value_text(value: Any) -> str:
    """A fact's value as typed on a command line."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "[" + ",".join(str(v) for v in value) + "]"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def state_text(state: RuleState) -> str:
    if state.status is RuleStatus.DEFEATED:
        return "defeated by " + ", ".join(state.defeated_by)
    if state.status is RuleStatus.UNDECIDED:
        return "undecided" + (f" (needs {', '.join(state.needs)})" if state.needs else "")
    return state.status.value.replace("_", " ")


class TerminalConsole(Console):
    """A console that escapes control characters in every string it renders: an escape sequence
    in a case file (clear the screen, set the title, hide a line) is shown as text. Every string
    a view prints, whole or in a table cell or tree label, passes through `render_str`; the
    markup lexcase adds holds no control characters, and rich styles text after this point."""

    def render_str(self, text: str, **options: Any) -> Any:
        return super().render_str(printable(text), **options)


def footer(console: Console, stamp: RulebookStamp) -> None:
    """Which rules gave the answer, so that it can be reproduced: the base folder's version and
    hash, and each overlay's. (That lexcase is not legal advice is said once, in the top-level
    help.)"""
    line = f"rules {stamp.version} sha256:{stamp.sha256[:12]}"
    for overlay in stamp.overlays or []:
        line += f" + overlay {overlay.name} ({overlay.version}) sha256:{overlay.sha256[:12]}"
    console.print(f"\n[dim]{escape(line)}[/dim]")


# --- results and timelines --------------------------------------------------------------------


def show_result(console: Console, result: Result) -> None:
    console.print(f"[bold]{result.case_id}[/bold] as of {result.as_of}")
    console.print(f"[dim]{escape(coverage_line(result.coverage))}[/dim]")
    table = Table(show_lines=True, expand=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("where", no_wrap=True)
    table.add_column("basis", no_wrap=True)
    table.add_column("outcome, and its source", overflow="fold", ratio=1)
    for outcome in result.outcomes:
        basis = outcome.basis.value
        if outcome.confidence.value != "high":
            basis += f"\n{outcome.confidence.value} confidence"
        sources = citations_text(outcome.citations)
        table.add_row(
            outcome.kind.value,
            outcome.jurisdiction,
            basis,
            f"{escape(outcome.summary)}\n[dim]{escape(sources)} - {outcome.rule}[/dim]",
        )
    if result.outcomes:
        console.print(table)
    else:
        console.print("No outcome follows from these facts and rules.")
    if result.deadlines:
        console.print(
            "\n[bold]Deadlines[/bold] (lexcase timeline shows them among the case's events)"
        )
        for deadline in result.deadlines:
            when = str(deadline.date) if deadline.date else "undated   "
            status = escape(deadline.status_text())
            if deadline.flagged:
                status = f"[bold red]{status}[/bold red]"
            console.print(
                f"  {when}  {status}  {escape(deadline.what)} [dim]- {deadline.rule}[/dim]"
            )
    if result.defeated:
        console.print("\n[bold]Defeated[/bold]")
        for defeat in result.defeated:
            console.print(f"  {defeat.rule}  by {defeat.by}", markup=False)
    if result.undecided:
        console.print("\n[bold]Undecided[/bold] (facts that would decide them)")
        for undecided in result.undecided:
            needs = ", ".join(undecided.needs) or "-"
            console.print(f"  {undecided.rule}: {needs}", markup=False)
    footer(console, result.rulebook)


def show_timeline(console: Console, result: Timeline) -> None:
    console.print(f"[bold]{result.case_id}[/bold]: timeline as of {result.as_of}")
    table = Table(show_lines=False, expand=False, show_edge=False, pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("what, and its source", overflow="fold", ratio=1)
    marked, last_day = False, ""
    for entry in result.entries:
        if not marked and (entry.date is None or entry.date > result.as_of):
            table.add_row("", "", "", f"[bold]-- as of {result.as_of} --[/bold]")
            marked = True
        day = str(entry.date) if entry.date else "undated"
        shown_day, last_day = ("" if day == last_day else day), day
        deadline = entry.deadline
        if deadline is None:
            text = escape(entry.text)
            table.add_row(
                shown_day,
                entry.kind.value,
                "",
                text if entry.kind.value == "event" else f"[dim]{text}[/dim]",
            )
            continue
        status = escape(deadline.status_text())
        if deadline.flagged:
            status = f"[bold red]{status}[/bold red]"
        lines = [
            escape(deadline.what),
            f"[dim]{escape(deadline.period)} from {escape(deadline.from_fact)}"
            f"{f' ({deadline.from_date})' if deadline.from_date else ''}; "
            f"binds {escape(deadline.binds)}[/dim]",
        ]
        note = deadline.status_note()
        if note:
            lines.append(escape(note))
        if deadline.flagged and deadline.if_missed:
            lines.append(f"[red]if missed: {escape(deadline.if_missed)}[/red]")
        sources = citations_text(deadline.citations)
        confidence = deadline.confidence.value
        sources += f"; {confidence} confidence" if confidence != "high" else ""
        lines.append(f"[dim]{escape(sources)} - {deadline.rule}[/dim]")
        table.add_row(shown_day, "deadline", status, "\n".join(lines))
    if not marked:
        table.add_row("", "", "", f"[bold]-- as of {result.as_of} --[/bold]")
    console.print(table)
    footer(console, result.rulebook)


# --- what-if --------------------------------------------------------------------------------


def show_what_if(console: Console, diff: WhatIf) -> None:
    console.print(f"[bold]{diff.case_id}[/bold] as of {diff.as_of}: what if")
    for change in diff.changes:
        console.print(
            f"  {change.path}: {value_text(change.before)} -> {value_text(change.after)}",
            markup=False,
        )
    if diff.outcomes:
        table = Table(show_lines=True, expand=False)
        table.add_column("", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("where", no_wrap=True)
        table.add_column("outcome, its source, and its rule on the other side", ratio=1)
        for d in diff.outcomes:
            lines = [
                escape(d.summary),
                f"[dim]{escape(citations_text(d.citations))} - {d.rule}[/dim]",
            ]
            if d.change is Change.APPEARS:
                lines.append(f"was: {escape(state_text(d.before))}")
            elif d.change is Change.VANISHES:
                lines.append(f"now: {escape(state_text(d.after))}")
            for detail in d.details:
                lines.append(
                    escape(
                        f"{detail.key}: {value_text(detail.before)} -> {value_text(detail.after)}"
                    )
                )
            table.add_row(
                f"{MARK[d.change]} {d.change.value}", d.kind.value, d.jurisdiction, "\n".join(lines)
            )
        console.print(table)
    else:
        console.print("\nNo outcome appears, vanishes or changes.")
    console.print(f"{diff.unchanged} outcome(s) unchanged.")
    if diff.undecided:
        console.print("\n[bold]Undecided[/bold] (+ now undecided, - now decided)")
        for u in diff.undecided:
            needs = f": needs {', '.join(u.needs)}" if u.needs else ""
            console.print(f"  {MARK[u.change]} {u.rule}{needs}", markup=False)
    if diff.defeats:
        console.print("\n[bold]Defeats[/bold] (+ now defeated, - no longer)")
        for defeat in diff.defeats:
            console.print(f"  {MARK[defeat.change]} {defeat.rule} by {defeat.by}", markup=False)
    footer(console, diff.rulebook)


def show_sweep(console: Console, grid: Sweep) -> None:
    paths = " x ".join(a.path for a in grid.axes)
    console.print(
        f"[bold]{grid.case_id}[/bold] as of {grid.as_of}: "
        f"{escape(paths)}, {len(grid.rows)} combination(s)"
    )
    for change in grid.fixed:
        console.print(f"  on every row {change.path} = {value_text(change.after)}", markup=False)
    table = Table(show_lines=True, expand=False)
    table.add_column("", no_wrap=True)
    for axis in grid.axes:
        table.add_column(axis.path, overflow="fold")
    for kind in grid.columns:
        table.add_column(kind.value, overflow="fold")
    for row in grid.rows:
        cells = [[r for r in row.cells[k] if r not in grid.common[k]] for k in grid.columns]
        table.add_row(
            "*" if row.as_given else "",
            *(escape(value_text(v)) for v in row.values),
            *("\n".join(cell) or "-" for cell in cells),
        )
    console.print(table)
    console.print(
        "[dim]* the case's own values. A cell lists the rules whose outcome of that kind holds, "
        "leaving out those that hold on every row:[/dim]"
    )
    for kind in grid.columns:
        if grid.common[kind]:
            console.print(f"  {kind.value}: {', '.join(grid.common[kind])}", markup=False)
    if not grid.columns:
        console.print("No outcome differs between the rows.")
    if grid.steady:
        console.print("Unchanged on every row: " + ", ".join(k.value for k in grid.steady))
    if grid.legend:
        console.print("\n[bold]Rules in the grid[/bold]")
        legend = Table(box=None, show_header=False, expand=False, padding=(0, 1, 0, 2))
        legend.add_column(no_wrap=True)
        legend.add_column()
        for entry in grid.legend:
            legend.add_row(entry.rule, escape(f"{entry.title} [{entry.source}]"))
        console.print(legend)
    footer(console, grid.rulebook)


# --- explanations ---------------------------------------------------------------------------


def _step_label(step: Step) -> str:
    basis = step.basis.value
    if step.confidence.value != "high":
        basis += f", {step.confidence.value} confidence"
    return (
        f"[bold]{step.rule}[/bold] {escape(step.title)}\n"
        f"[dim]{escape(citations_text(step.citations))} ({basis})[/dim]"
    )


def _add_step(tree: Tree, step: Step) -> None:
    for fact in step.facts:
        text = f"fact {fact.test}"
        if fact.test != f"{fact.path} is {value_text(fact.value)}":
            text += f"  [{fact.path} = {value_text(fact.value)}]"
        tree.add(escape(text))
    for given in step.given:
        branch = tree.add(escape(f"given {given.conclusion}, concluded by"))
        for source in given.by:
            _add_step(branch.add(_step_label(source)), source)
    for defeat in step.defeated:
        would = f": {defeat.would_conclude}" if defeat.would_conclude else ""
        tree.add(escape(f"defeated {defeat.rule} ({defeat.title}){would}"))
    if step.at_risk_from:
        tree.add(escape("at risk from undecided " + ", ".join(step.at_risk_from)))


def show_explanation(console: Console, explanation: Explanation) -> None:
    of = f" ({explanation.kind.value})" if explanation.kind else ""
    console.print(f"[bold]{explanation.case_id}[/bold] as of {explanation.as_of}{of}")
    if not explanation.outcomes:
        kind = explanation.kind.value if explanation.kind else "outcome"
        console.print(
            f"No {kind} is predicted; `lexcase explain CASE --why-not KIND` says why.",
            markup=False,
        )
    for outcome in explanation.outcomes:
        tree = Tree(
            f"[bold]{outcome.kind.value}[/bold] {outcome.jurisdiction}: {escape(outcome.summary)}"
        )
        branch = tree.add(_step_label(outcome.step))
        _add_step(branch, outcome.step)
        console.print(tree)
    footer(console, explanation.rulebook)


def _blocker_text(blocker: Blocker) -> str:
    if blocker.test is not None:
        return (
            f"failed: {blocker.test.test} (the case has {blocker.test.path} = "
            f"{value_text(blocker.test.value)})"
        )
    if blocker.given is not None:
        return f"given {blocker.given}, which no rule concluded:"
    return "pre-empted: " + ", ".join(blocker.pre_empted_by) + " holds and defeats it"


def _add_candidate(tree: Tree, candidate: Candidate) -> None:
    basis = candidate.basis.value
    if candidate.confidence.value != "high":
        basis += f", {candidate.confidence.value} confidence"
    node = tree.add(
        f"[bold]{candidate.rule}[/bold] {escape(candidate.title)}\n"
        f"[dim]{escape(citations_text(candidate.citations))} ({basis})[/dim]"
    )
    node.add(escape(state_text(candidate.state)))
    if candidate.blocked_by is not None:
        blocked = node.add(escape(_blocker_text(candidate.blocked_by)))
        for source in candidate.blocked_by.concluders:
            _add_candidate(blocked, source)
    if candidate.state.status is RuleStatus.UNDECIDED:
        for reading in candidate.unknown:
            node.add(escape(f"unknown: {reading.test}"))
        for name in candidate.pending:
            node.add(escape(f"given {name}, which is undecided too"))


def show_why_not(console: Console, answer: WhyNot) -> None:
    console.print(
        f"[bold]{answer.case_id}[/bold] as of {answer.as_of}: why no {answer.kind.value}?"
    )
    if answer.predicted:
        console.print(
            f"Predicted {answer.kind.value}: " + ", ".join(answer.predicted) + ". The others:",
            markup=False,
        )
    if not answer.candidates:
        console.print(f"Every rule that concludes {answer.kind.value} holds.", markup=False)
    tree = Tree(f"{len(answer.candidates)} rule(s) could conclude {answer.kind.value} and did not")
    for candidate in answer.candidates:
        _add_candidate(tree, candidate)
    if answer.candidates:
        console.print(tree)
    footer(console, answer.rulebook)


# --- rules ----------------------------------------------------------------------------------


def show_listing(console: Console, listing: RuleListing) -> None:
    table = Table(expand=False)
    table.add_column("rule", no_wrap=True)
    table.add_column("concludes", overflow="fold")
    table.add_column("basis", no_wrap=True)
    table.add_column("title and source", ratio=1)
    for line in listing.rules:
        concludes = [line.kind.value] if line.kind else []
        concludes += line.concludes
        basis = line.basis.value
        if line.confidence.value != "high":
            basis += f"\n{line.confidence.value}"
        table.add_row(
            line.id,
            escape("\n".join(concludes)),
            basis,
            f"{escape(line.title)}\n[dim]{escape(line.source)}[/dim]",
        )
    console.print(table)
    console.print(f"{len(listing.rules)} rule(s); rules {listing.version} in {listing.rulebook}")


def show_card(console: Console, card: RuleCard) -> None:
    table = Table(box=None, show_header=False, expand=False, padding=(0, 2, 0, 0))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(overflow="fold")

    def row(label: str, text: str) -> None:
        table.add_row(label, escape(text))

    console.print(f"[bold]{card.id}[/bold]  {escape(card.title)}")
    row("where", f"{card.jurisdiction}, {card.file}:{card.line}")
    for citation in card.citations:
        text = citation.short()
        if citation.text:
            text += f" - {citation.text}"
        if citation.url:
            text += f" <{citation.url}>"
        row("cites", text)
    row("basis", f"{card.basis.value}, {card.confidence.value} confidence")
    if card.uncertain:
        row("uncertain", card.uncertain)
    for report in card.reported_in:
        row("reported in", report)
    if card.note:
        row("note", card.note)
    if card.in_force_from or card.in_force_until:
        window = f"{card.in_force_from or '...'} to {card.in_force_until or '...'}"
        row("in force", f"{window}, judged at {card.judged_at}")
    for condition in card.conditions:
        row("when", condition)
    for given in card.given:
        row("given", f"{given.conclusion} (concluded by {', '.join(given.concluded_by)})")
    if card.outcome is not None:
        row("outcome", f"{card.outcome.kind.value}: {card.outcome.summary}")
        row("detail", json.dumps(card.outcome.detail, ensure_ascii=False))
    if card.concludes:
        row("concludes", ", ".join(card.concludes))
    if card.defeats:
        row("defeats", ", ".join(card.defeats))
    row("defeated by", ", ".join(card.defeated_by) or "no rule")
    for dependent in card.dependents:
        row("dependent", f"{dependent.rule} ({dependent.how})")
    if not card.dependents:
        row("dependent", "no rule depends on it")
    console.print(table)


def show_lint(console: Console, report: LintReport) -> None:
    for problem in report.problems:
        console.print(str(problem), markup=False, soft_wrap=True)
    if report.clean:
        console.print(f"{report.rules} rules in {report.root}: no problems found.", markup=False)
    else:
        console.print(f"{len(report.problems)} problem(s) in {report.root}.", markup=False)


def coverage_line(coverage: list[StateCoverage]) -> str:
    """Whose law was applied, in one line: "law applied: Kazakhstan (host, partial), ..."."""
    parts = []
    for entry in coverage:
        who = entry.name or entry.state or "unknown"
        parts.append(f"{who} ({entry.role.value}, {entry.coverage.value})")
    return "law applied: " + ", ".join([*parts, "international law"])


def show_comparison(out: Console, comparison: Comparison) -> None:
    """Destinations side by side: a column per host, a row per outcome kind, worst first."""
    home = comparison.home_name or comparison.home_state or "the home state"
    out.print(
        f"[bold]{comparison.case_id}[/bold] as of {comparison.as_of}: "
        f"the same person in {', '.join(comparison.hosts)}"
    )
    table = Table(show_lines=True, expand=False)
    table.add_column("", no_wrap=True)
    for column in comparison.columns:
        name = column.coverage.name or column.host
        label = f"{name} ({column.host})" + (" - as recorded" if column.real else "")
        cover = column.coverage.coverage.value
        table.add_column(f"{label}\nrules: {cover}", overflow="fold", ratio=1)
    kinds = sorted(
        {line.kind for c in comparison.columns for line in c.lines},
        key=lambda k: min(x.rank for c in comparison.columns for x in c.lines if x.kind is k),
    )
    for kind in kinds:
        cells = []
        for column in comparison.columns:
            lines = [x for x in column.lines if x.kind is kind]
            cells.append("\n".join(_comparison_cell(x) for x in lines) or "[dim]-[/dim]")
        table.add_row(kind.value, *cells)
    out.print(table)
    out.print("[dim]▲ marks the worst line of each destination (order: see severity.yaml).[/dim]")
    if comparison.home:
        out.print(f"\n[bold]In every destination[/bold] ({escape(home)}'s own law)")
        for line in comparison.home:
            out.print(f"  {escape(line.summary)} [dim]{escape(line.citation)} - {line.rule}[/dim]")
    for column in comparison.columns:
        _comparison_notes(out, column)
    out.print(
        f"\n[dim]rules {comparison.rulebook.version} sha256:{comparison.rulebook.sha256[:12]}[/dim]"
    )


def _comparison_cell(line: Line) -> str:
    mark = "[bold red]▲[/bold red] " if line.worst else ""
    basis = (
        line.basis if line.confidence == "high" else f"{line.basis}, {line.confidence} confidence"
    )
    return (
        f"{mark}{escape(line.summary)}\n[dim]{basis}: {escape(line.citation)} - {line.rule}[/dim]"
    )


def _comparison_notes(out: Console, column: Column) -> None:
    name = column.coverage.name or column.host
    out.print(f"\n[bold]{escape(name)}[/bold]")
    if column.coverage.missing:
        out.print("  rules leave out: " + escape("; ".join(column.coverage.missing)))
    if column.set_aside:
        facts = ", ".join(s.path for s in column.set_aside)
        out.print(f"  set aside (facts of the real host): {escape(facts)}")
    for defeat in column.defeated:
        out.print(f"  stopped: {defeat.title} ({defeat.rule}), by {defeat.by}", markup=False)
    if column.undecided:
        needs = sorted({n for u in column.undecided for n in u.needs})
        out.print(
            f"  undecided: {len(column.undecided)} rule(s); facts that would decide them: "
            + escape(", ".join(needs))
        )
