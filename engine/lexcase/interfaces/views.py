"""Terminal views (rich) of results, timelines, what-if differences, sweeps, explanations and the
rule tooling.

Each view prints one model from the Python API and decides nothing: `--json` prints the same
model as data. Views print through a `TerminalConsole`, which shows the control characters of
any text (a case file's event, a fact's value, a key) escaped, never performed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from lexcase.errors import printable
from lexcase.interfaces import cli_texts as w
from lexcase.interfaces.cli_texts import state_name, t
from lexcase.interfaces.i18n import Lang

if TYPE_CHECKING:  # the analysis modules load only for the commands that show them: a fast start
    from lexcase.analysis.explain import (
        Blocker,
        Candidate,
        Explanation,
        RuleState,
        Step,
        WhyNot,
    )
    from lexcase.analysis.timeline import Timeline
    from lexcase.analysis.whatif import Sweep, WhatIf
    from lexcase.evaluation.coverage import StateCoverage
    from lexcase.evaluation.deadlines import Deadline
    from lexcase.evaluation.result import Result, RulebookStamp

MARK = {"appears": "+", "vanishes": "-", "changes": "~"}  # by Change (a StrEnum)


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
    from lexcase.analysis.explain import RuleStatus

    if state.status is RuleStatus.DEFEATED:
        return t("defeated_by", rules=", ".join(state.defeated_by))
    if state.status is RuleStatus.UNDECIDED:
        return t("undecided") + (
            t("needs_paren", facts=", ".join(state.needs)) if state.needs else ""
        )
    return t(f"rule.{state.status.value}")


def basis_text(basis: str, confidence: str, sep: str) -> str:
    """`law`, or `practice` + sep + `low confidence`: a high confidence goes without saying."""
    text = w.basis(basis)
    return text if confidence == "high" else f"{text}{sep}{w.confidence(confidence)}"


def status_text(deadline: Deadline) -> str:
    """A deadline's status in a few words (the engine's own words in English)."""
    if w.lang() is Lang.EN:
        return deadline.status_text()
    return w.status(deadline.model_dump(mode="json"))


def status_note(deadline: Deadline) -> str | None:
    """What a deadline's status rests on, where the status alone does not say it."""
    note = deadline.status_note()
    if w.lang() is Lang.EN or note is None or deadline.status.value == "undated":
        return note  # an undated deadline's note is how the period counts: the rule file's words
    late = (deadline.met_on - deadline.date).days if deadline.met_on and deadline.date else 0
    return t(f"note.{deadline.status.value}", met_on=deadline.met_on, late=late, by=deadline.met_by)


class TerminalConsole(Console):
    """A console that escapes control characters in every string it renders: an escape sequence
    in a case file (clear the screen, set the title, hide a line) is shown as text. Every string
    a view prints, whole or in a table cell or tree label, passes through `render_str`, or is
    given as rich's Text made of `printable` strings (the result's table); the markup lexcase
    adds holds no control characters, and rich styles text after this point."""

    def __init__(self, **options: Any) -> None:
        # No :name: emoji codes: a case's text that happens to hold one (":x:") is shown as
        # written, and rich never loads its table of 3,600 codes.
        options.setdefault("emoji", False)
        super().__init__(**options)

    def render_str(self, text: str, **options: Any) -> Any:
        return super().render_str(printable(text), **options)


def footer(console: Console, stamp: RulebookStamp) -> None:
    """Which rules gave the answer, so that it can be reproduced: the base folder's version and
    hash, and each overlay's; in Russian, the rules shown in English for want of a Russian text.
    (That lexcase is not legal advice is said once, in the top-level help.)"""
    line = t("rules_stamp", version=stamp.version, sha=stamp.sha256[:12])
    for overlay in stamp.overlays or []:
        line += t(
            "overlay_stamp", name=overlay.name, version=overlay.version, sha=overlay.sha256[:12]
        )
    untranslated = w.fell_back()
    if untranslated:
        console.print(f"\n[dim]{escape(w.fallback_notice())} ({', '.join(untranslated)})[/dim]")
    english = w.english_summaries()
    if english:
        console.print(f"\n[dim]{escape(t('english_summaries', rules=', '.join(english)))}[/dim]")
    console.print(f"\n[dim]{escape(line)}[/dim]")


def fix_widths(console: Console, table: Table) -> None:
    """Give each column of a boxed `table` of text cells, at most one of them wrapping, the width
    rich would work out for it when it prints the table, so that it does not measure every cell
    (twice where the table is wider than the console): about a fifth of the result's view.

    Rich gives a column the width of its longest line, header included, plus its padding; if the
    columns are then wider than the console, it narrows the wrapping column alone by the excess.
    Where even that would not fit, rich is left to measure and decide."""
    columns = table.columns
    plain = table.box and table.show_edge and table.pad_edge and table.show_header
    plain = plain and not (table.expand or table.collapse_padding or table.min_width)
    if not plain or sum(not column.no_wrap for column in columns) > 1:
        return
    if any(column.min_width or column.max_width for column in columns):
        return
    natural = []
    for column in columns:
        header = column.header
        cells = [console.render_str(header) if isinstance(header, str) else header, *column.cells]
        texts = [cell.plain for cell in cells if isinstance(cell, Text)]
        if len(texts) < len(cells):
            return
        natural.append(max((cell_len(ln) for text in texts for ln in text.splitlines()), default=0))
    pad = table.padding[1] + table.padding[3]
    room = (table.width or console.width) - (len(columns) + 1)  # the box's lines, edges included
    fixed = sum(
        width + pad for width, column in zip(natural, columns, strict=True) if column.no_wrap
    )
    if room - fixed - pad < 1:
        return  # rich narrows every column then
    for width, column in zip(natural, columns, strict=True):
        column.width = width if column.no_wrap else min(width, room - fixed - pad)


# --- results and timelines --------------------------------------------------------------------


def show_result(console: Console, result: Result) -> None:
    console.print(t("as_of", case=f"[bold]{result.case_id}[/bold]", date=result.as_of))
    console.print(f"[dim]{escape(coverage_line(result.coverage))}[/dim]")
    table = Table(show_lines=True, expand=False)
    table.add_column(t("col.kind"), no_wrap=True)
    table.add_column(t("col.where"), no_wrap=True)
    table.add_column(t("col.basis"), no_wrap=True)
    table.add_column(t("col.outcome_source"), overflow="fold", ratio=1)
    # The cells as rich's Text, not markup to parse: parsing them was a tenth of the view. What
    # the console's render_str does to a string (control characters shown) is done here.
    for outcome in result.outcomes:
        sources = w.cite(outcome.citations)
        text = w.summary(outcome.rule, outcome.summary, outcome.detail)
        said = Text(printable(text) + "\n")
        said.append(printable(f"{sources} - {outcome.rule}"), style="dim")
        table.add_row(
            Text(printable(w.kind(outcome.kind.value))),
            Text(printable(outcome.jurisdiction)),
            Text(printable(basis_text(outcome.basis.value, outcome.confidence.value, "\n"))),
            said,
        )
    if result.outcomes:
        fix_widths(console, table)
        console.print(table)
    else:
        console.print(t("no_outcomes"))
    if result.deadlines:
        console.print(f"\n[bold]{t('deadlines')}[/bold] {t('deadlines_hint')}")
        for deadline in result.deadlines:
            when = str(deadline.date) if deadline.date else t("undated_padded")
            status = escape(status_text(deadline))
            if deadline.flagged:
                status = f"[bold red]{status}[/bold red]"
            what = escape(w.deadline(deadline.rule, "what", deadline.what))
            console.print(f"  {when}  {status}  {what} [dim]- {deadline.rule}[/dim]")
    # The lines of a list printed at once: rich wraps each line of a text as it would wrap the
    # line printed alone, and a print costs about as much as rendering its few lines.
    if result.defeated:
        console.print(f"\n[bold]{t('defeated')}[/bold]")
        lines = [t("defeated_line", rule=d.rule, by=d.by) for d in result.defeated]
        console.print("\n".join(lines), markup=False)
    if result.undecided:
        console.print(f"\n[bold]{t('undecided_title')}[/bold] {t('undecided_hint')}")
        lines = [f"  {u.rule}: {', '.join(u.needs) or '-'}" for u in result.undecided]
        console.print("\n".join(lines), markup=False)
    footer(console, result.rulebook)


def show_timeline(console: Console, result: Timeline) -> None:
    console.print(t("timeline_as_of", case=f"[bold]{result.case_id}[/bold]", date=result.as_of))
    table = Table(show_lines=False, expand=False, show_edge=False, pad_edge=False)
    table.add_column(t("col.date"), no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column(t("col.status"), no_wrap=True)
    table.add_column(t("col.what_source"), overflow="fold", ratio=1)
    now = f"[bold]{t('as_of_marker', date=result.as_of)}[/bold]"
    marked, last_day = False, ""
    for entry in result.entries:
        if not marked and (entry.date is None or entry.date > result.as_of):
            table.add_row("", "", "", now)
            marked = True
        day = str(entry.date) if entry.date else t("undated")
        shown_day, last_day = ("" if day == last_day else day), day
        deadline = entry.deadline
        if deadline is None:
            text = escape(w.entry(entry.model_dump(mode="json")))
            table.add_row(
                shown_day,
                t(f"entry.{entry.kind.value}"),
                "",
                text if entry.kind.value == "event" else f"[dim]{text}[/dim]",
            )
            continue
        status = escape(status_text(deadline))
        if deadline.flagged:
            status = f"[bold red]{status}[/bold red]"
        start = f" ({deadline.from_date})" if deadline.from_date else ""
        lines = [
            escape(w.deadline(deadline.rule, "what", deadline.what)),
            "[dim]"
            + escape(
                t(
                    "period_line",
                    period=w.period(deadline.period),
                    fact=deadline.from_fact + start,
                    binds=w.deadline(deadline.rule, "binds", deadline.binds),
                )
            )
            + "[/dim]",
        ]
        note = status_note(deadline)
        if note:
            lines.append(escape(note))
        if deadline.flagged and deadline.if_missed:
            missed = w.deadline(deadline.rule, "if_missed", deadline.if_missed)
            lines.append(f"[red]{escape(t('if_missed', text=missed))}[/red]")
        sources = w.cite(deadline.citations)
        confidence = deadline.confidence.value
        sources += f"; {w.confidence(confidence)}" if confidence != "high" else ""
        lines.append(f"[dim]{escape(sources)} - {deadline.rule}[/dim]")
        table.add_row(shown_day, t("entry.deadline"), status, "\n".join(lines))
    if not marked:
        table.add_row("", "", "", now)
    console.print(table)
    footer(console, result.rulebook)


# --- what-if --------------------------------------------------------------------------------


def show_what_if(console: Console, diff: WhatIf) -> None:
    from lexcase.analysis.whatif import Change

    console.print(t("what_if_title", case=f"[bold]{diff.case_id}[/bold]", date=diff.as_of))
    for change in diff.changes:
        console.print(
            f"  {change.path}: {value_text(change.before)} -> {value_text(change.after)}",
            markup=False,
        )
    if diff.outcomes:
        table = Table(show_lines=True, expand=False)
        table.add_column("", no_wrap=True)
        table.add_column(t("col.kind"), no_wrap=True)
        table.add_column(t("col.where"), no_wrap=True)
        table.add_column(t("col.outcome_other_side"), ratio=1)
        for d in diff.outcomes:
            lines = [
                escape(w.summary(d.rule, d.summary)),
                f"[dim]{escape(w.cite(d.citations))} - {d.rule}[/dim]",
            ]
            if d.change is Change.APPEARS:
                lines.append(escape(t("was", state=state_text(d.before))))
            elif d.change is Change.VANISHES:
                lines.append(escape(t("now", state=state_text(d.after))))
            for detail in d.details:
                lines.append(
                    escape(
                        f"{detail.key}: {value_text(detail.before)} -> {value_text(detail.after)}"
                    )
                )
            table.add_row(
                f"{MARK[d.change]} {w.change(d.change.value)}",
                w.kind(d.kind.value),
                d.jurisdiction,
                "\n".join(lines),
            )
        console.print(table)
    else:
        console.print("\n" + t("nothing_changes"))
    console.print(t("unchanged", n=diff.unchanged))
    if diff.undecided:
        console.print(f"\n[bold]{t('undecided_title')}[/bold] {t('undecided_change_hint')}")
        for u in diff.undecided:
            needs = t("needs_colon", facts=", ".join(u.needs)) if u.needs else ""
            console.print(f"  {MARK[u.change]} {u.rule}{needs}", markup=False)
    if diff.defeats:
        console.print(f"\n[bold]{t('defeats')}[/bold] {t('defeats_hint')}")
        for defeat in diff.defeats:
            line = t("defeat", rule=defeat.rule, by=defeat.by)
            console.print(f"  {MARK[defeat.change]} {line}", markup=False)
    footer(console, diff.rulebook)


def show_sweep(console: Console, grid: Sweep) -> None:
    paths = " x ".join(a.path for a in grid.axes)
    case = t("as_of", case=f"[bold]{grid.case_id}[/bold]", date=grid.as_of)
    console.print(f"{case}: {escape(paths)}, {t('combinations', n=len(grid.rows))}")
    for change in grid.fixed:
        console.print(
            t("every_row", path=change.path, value=value_text(change.after)), markup=False
        )
    table = Table(show_lines=True, expand=False)
    table.add_column("", no_wrap=True)
    for axis in grid.axes:
        table.add_column(axis.path, overflow="fold")
    for kind in grid.columns:
        table.add_column(w.kind(kind.value), overflow="fold")
    for row in grid.rows:
        cells = [[r for r in row.cells[k] if r not in grid.common[k]] for k in grid.columns]
        table.add_row(
            "*" if row.as_given else "",
            *(escape(value_text(v)) for v in row.values),
            *("\n".join(cell) or "-" for cell in cells),
        )
    console.print(table)
    console.print(f"[dim]{t('sweep_key')}[/dim]")
    for kind in grid.columns:
        if grid.common[kind]:
            console.print(f"  {w.kind(kind.value)}: {', '.join(grid.common[kind])}", markup=False)
    if not grid.columns:
        console.print(t("no_row_differs"))
    if grid.steady:
        console.print(t("steady") + ", ".join(w.kind(k.value) for k in grid.steady))
    if grid.legend:
        console.print(f"\n[bold]{t('grid_rules')}[/bold]")
        legend = Table(box=None, show_header=False, expand=False, padding=(0, 1, 0, 2))
        legend.add_column(no_wrap=True)
        legend.add_column()
        for entry in grid.legend:
            legend.add_row(
                entry.rule,
                escape(
                    f"{w.title(entry.rule, entry.title)} [{w.source(entry.rule, entry.source)}]"
                ),
            )
        console.print(legend)
    footer(console, grid.rulebook)


# --- explanations ---------------------------------------------------------------------------


def _rule_label(source: Step | Candidate) -> str:
    """A rule in an explanation tree: id, title, citations, basis and confidence."""
    return (
        f"[bold]{source.rule}[/bold] {escape(w.title(source.rule, source.title))}\n"
        f"[dim]{escape(w.cite(source.citations))} "
        f"({basis_text(source.basis.value, source.confidence.value, ', ')})[/dim]"
    )


def _add_step(tree: Tree, step: Step) -> None:
    for fact in step.facts:
        text = t("fact", test=w.test(fact.test))
        if fact.test != f"{fact.path} is {value_text(fact.value)}":
            text += f"  [{fact.path} = {value_text(fact.value)}]"
        tree.add(escape(text))
    for given in step.given:
        branch = tree.add(escape(t("given_by", conclusion=given.conclusion)))
        for source in given.by:
            _add_step(branch.add(_rule_label(source)), source)
    for defeat in step.defeated:
        would = f": {defeat.would_conclude}" if defeat.would_conclude else ""
        title = w.title(defeat.rule, defeat.title)
        tree.add(escape(t("defeated_rule", rule=defeat.rule, title=title) + would))
    if step.at_risk_from:
        tree.add(escape(t("at_risk", rules=", ".join(step.at_risk_from))))


def show_explanation(console: Console, explanation: Explanation) -> None:
    of = f" ({w.kind(explanation.kind.value)})" if explanation.kind else ""
    console.print(
        t("as_of", case=f"[bold]{explanation.case_id}[/bold]", date=explanation.as_of) + of
    )
    if not explanation.outcomes:
        kind = w.kind(explanation.kind.value) if explanation.kind else t("outcome")
        console.print(t("none_predicted", kind=kind), markup=False)
    for outcome in explanation.outcomes:
        text = w.summary(outcome.rule, outcome.summary)
        tree = Tree(
            f"[bold]{w.kind(outcome.kind.value)}[/bold] {outcome.jurisdiction}: {escape(text)}"
        )
        branch = tree.add(_rule_label(outcome.step))
        _add_step(branch, outcome.step)
        console.print(tree)
    footer(console, explanation.rulebook)


def _blocker_text(blocker: Blocker) -> str:
    if blocker.test is not None:
        test = blocker.test
        value = value_text(test.value)
        return t("failed", test=w.test(test.test), path=test.path, value=value)
    if blocker.given is not None:
        return t("given_unconcluded", given=blocker.given)
    return t("pre_empted", rules=", ".join(blocker.pre_empted_by))


def _add_candidate(tree: Tree, candidate: Candidate) -> None:
    from lexcase.analysis.explain import RuleStatus

    node = tree.add(_rule_label(candidate))
    node.add(escape(state_text(candidate.state)))
    if candidate.blocked_by is not None:
        blocked = node.add(escape(_blocker_text(candidate.blocked_by)))
        for source in candidate.blocked_by.concluders:
            _add_candidate(blocked, source)
    if candidate.state.status is RuleStatus.UNDECIDED:
        for reading in candidate.unknown:
            node.add(escape(t("unknown_test", test=w.test(reading.test))))
        for name in candidate.pending:
            node.add(escape(t("given_pending", given=name)))


def show_why_not(console: Console, answer: WhyNot) -> None:
    kind = w.kind(answer.kind.value)
    case = t("as_of", case=f"[bold]{answer.case_id}[/bold]", date=answer.as_of)
    console.print(case + t("why_no", kind=kind))
    if answer.predicted:
        console.print(t("predicted", kind=kind, rules=", ".join(answer.predicted)), markup=False)
    if not answer.candidates:
        console.print(t("every_rule_holds", kind=kind), markup=False)
    tree = Tree(t("could_conclude", n=len(answer.candidates), kind=kind))
    for candidate in answer.candidates:
        _add_candidate(tree, candidate)
    if answer.candidates:
        console.print(tree)
    footer(console, answer.rulebook)


def coverage_line(coverage: list[StateCoverage]) -> str:
    """Whose law was applied, in one line: "law applied: Kazakhstan (host, partial), ..."."""
    parts = []
    for entry in coverage:
        who = state_name(entry.state, entry.name) or entry.state or t("unknown")
        role, level = t(f"role.{entry.role.value}"), t(f"coverage.{entry.coverage.value}")
        parts.append(f"{who} ({role}, {level})")
    return t("law_applied") + ", ".join([*parts, t("international_law")])
