"""Terminal views (rich) of the rule tooling (list, show, lint) and of destinations compared.

Like `views`, each prints one model from the Python API and decides nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lexcase.interfaces import cli_texts as w
from lexcase.interfaces.cli_texts import t
from lexcase.interfaces.views import basis_text

if TYPE_CHECKING:
    from lexcase.analysis.compare import Column, Comparison, Line
    from lexcase.analysis.lint import LintReport
    from lexcase.law.catalogue import RuleCard, RuleListing


# --- rules ----------------------------------------------------------------------------------


def show_listing(console: Console, listing: RuleListing) -> None:
    table = Table(expand=False)
    table.add_column(t("col.rule"), no_wrap=True)
    table.add_column(t("col.concludes"), overflow="fold")
    table.add_column(t("col.basis"), no_wrap=True)
    table.add_column(t("col.title_source"), ratio=1)
    for line in listing.rules:
        concludes = [w.kind(line.kind.value)] if line.kind else []
        concludes += line.concludes
        basis = w.basis(line.basis.value)
        if line.confidence.value != "high":
            basis += "\n" + t(f"level.{line.confidence.value}")
        table.add_row(
            line.id,
            escape("\n".join(concludes)),
            basis,
            f"{escape(w.title(line.id, line.title))}\n[dim]{escape(line.source)}[/dim]",
        )
    console.print(table)
    console.print(
        t("listed", n=len(listing.rules), version=listing.version, rulebook=listing.rulebook)
    )


def show_card(console: Console, card: RuleCard) -> None:
    table = Table(box=None, show_header=False, expand=False, padding=(0, 2, 0, 0))
    table.add_column(no_wrap=True, style="bold")
    table.add_column(overflow="fold")

    def row(label: str, text: str) -> None:
        table.add_row(label, escape(text))

    console.print(f"[bold]{card.id}[/bold]  {escape(w.title(card.id, card.title))}")
    row(t("card.where"), f"{card.jurisdiction}, {card.file}:{card.line}")
    for citation in card.citations:
        text = w.cite([citation])
        if citation.text:
            text += f" - {citation.text}"
        if citation.url:
            text += f" <{citation.url}>"
        row(t("card.cites"), text)
    confidence = w.confidence(card.confidence.value)
    row(t("col.basis"), f"{w.basis(card.basis.value)}, {confidence}")
    if card.uncertain:
        row(t("card.uncertain"), w.uncertain(card.id, card.uncertain))
    for report in card.reported_in:
        row(t("card.reported_in"), report)
    if card.note:
        row(t("card.note"), card.note)
    if card.in_force_from or card.in_force_until:
        start, end = card.in_force_from or "...", card.in_force_until or "..."
        row(t("card.in_force"), t("in_force", start=start, end=end, judged=card.judged_at))
    for condition in card.conditions:
        row(t("card.when"), w.test(condition))
    for given in card.given:
        by = ", ".join(given.concluded_by)
        row(t("card.given"), t("concluded_by", conclusion=given.conclusion, rules=by))
    if card.outcome is not None:
        text = w.summary(card.id, card.outcome.summary)
        row(t("card.outcome"), f"{w.kind(card.outcome.kind.value)}: {text}")
        row(t("card.detail"), json.dumps(card.outcome.detail, ensure_ascii=False))
    if card.concludes:
        row(t("col.concludes"), ", ".join(card.concludes))
    if card.defeats:
        row(t("card.defeats"), ", ".join(card.defeats))
    row(t("card.defeated_by"), ", ".join(card.defeated_by) or t("no_rule"))
    for dependent in card.dependents:
        row(t("card.dependent"), f"{dependent.rule} ({dependent.how})")
    if not card.dependents:
        row(t("card.dependent"), t("no_dependent"))
    console.print(table)


def show_lint(console: Console, report: LintReport) -> None:
    for problem in report.problems:
        console.print(str(problem), markup=False, soft_wrap=True)
    for key, listed in (
        ("untranslated", report.untranslated),
        ("untranslated_citations", report.untranslated_citations),
    ):
        if listed:
            console.print(
                t(key, n=len(listed), rules=", ".join(listed)), markup=False, soft_wrap=True
            )
    if report.clean:
        console.print(t("lint_clean", n=report.rules, root=report.root), markup=False)
    else:
        console.print(t("lint_problems", n=len(report.problems), root=report.root), markup=False)


def show_comparison(out: Console, comparison: Comparison) -> None:
    """Destinations side by side: a column per host, a row per outcome kind, worst first."""
    home = comparison.home_name or comparison.home_state or t("the_home_state")
    case = t("as_of", case=f"[bold]{comparison.case_id}[/bold]", date=comparison.as_of)
    out.print(case + t("same_person", hosts=", ".join(comparison.hosts)))
    table = Table(show_lines=True, expand=False)
    table.add_column("", no_wrap=True)
    for column in comparison.columns:
        name = column.coverage.name or column.host
        label = f"{name} ({column.host})" + (t("as_recorded") if column.real else "")
        cover = t(f"coverage.{column.coverage.coverage.value}")
        table.add_column(f"{label}\n{t('rules_cover', level=cover)}", overflow="fold", ratio=1)
    kinds = sorted(
        {line.kind for c in comparison.columns for line in c.lines},
        key=lambda k: min(x.rank for c in comparison.columns for x in c.lines if x.kind is k),
    )
    for kind in kinds:
        cells = []
        for column in comparison.columns:
            lines = [x for x in column.lines if x.kind is kind]
            cells.append("\n".join(_comparison_cell(x) for x in lines) or "[dim]-[/dim]")
        table.add_row(w.kind(kind.value), *cells)
    out.print(table)
    out.print(f"[dim]{t('worst_mark')}[/dim]")
    if comparison.home:
        out.print(f"\n[bold]{t('every_destination')}[/bold] {escape(t('own_law', home=home))}")
        for line in comparison.home:
            text = escape(w.summary(line.rule, line.summary))
            out.print(
                f"  {text} [dim]{escape(w.source(line.rule, line.citation))} - {line.rule}[/dim]"
            )
    for column in comparison.columns:
        _comparison_notes(out, column)
    stamp = t(
        "rules_stamp", version=comparison.rulebook.version, sha=comparison.rulebook.sha256[:12]
    )
    out.print(f"\n[dim]{escape(stamp)}[/dim]")


def _comparison_cell(line: Line) -> str:
    mark = "[bold red]▲[/bold red] " if line.worst else ""
    basis = basis_text(line.basis, line.confidence, ", ")
    text = escape(w.summary(line.rule, line.summary))
    cited = escape(w.source(line.rule, line.citation))
    return f"{mark}{text}\n[dim]{basis}: {cited} - {line.rule}[/dim]"


def _comparison_notes(out: Console, column: Column) -> None:
    name = column.coverage.name or column.host
    out.print(f"\n[bold]{escape(name)}[/bold]")
    if column.coverage.missing:
        out.print(escape(t("leave_out", what="; ".join(column.coverage.missing))))
    if column.set_aside:
        facts = ", ".join(s.path for s in column.set_aside)
        out.print(escape(t("set_aside", facts=facts)))
    for defeat in column.defeated:
        title = w.title(defeat.rule, defeat.title)
        out.print(t("stopped", title=title, rule=defeat.rule, by=defeat.by), markup=False)
    if column.undecided:
        needs = sorted({n for u in column.undecided for n in u.needs})
        out.print(escape(t("column_undecided", n=len(column.undecided), facts=", ".join(needs))))
