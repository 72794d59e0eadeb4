"""The command line: a thin shell over the Python API.

Exit codes: 0 success; 1 a check found problems; 2 bad input (a case file, a rule file, an
option), reported as one line naming the file, the place and what was expected; 3 an internal
error of lexcase or its inference engine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lexcase.errors import InferenceError, InputError, LexcaseError, Place
from lexcase.result import NOT_ADVICE, Result

HELP = f"""Predict what a legal system will do in a person's case, with reasons and sources.

{NOT_ADVICE}

Example: lexcase evaluate seeds/zhilin.yaml --as-of 2022-09-27
"""

EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
# Piped output gets a fixed, readable width instead of rich's 80 columns.
out = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one error, one line

P = ParamSpec("P")
R = TypeVar("R")


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn lexcase's errors into one readable line and the documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except InferenceError as exc:
            err.print(f"internal error: {exc}", markup=False)
            raise typer.Exit(EXIT_INTERNAL) from None
        except LexcaseError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None

    return wrapper


def parse_date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{text!r} is not a date",
            Place(path=option),
            expected="a date written YYYY-MM-DD, such as 2022-09-27",
        ) from None


CaseArgument = Annotated[
    Path, typer.Argument(help="A case file (YAML or JSON).", show_default=False)
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="See the case as known on this date (YYYY-MM-DD): records dated later are left out.",
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print the result as JSON, and nothing else.")
]
RulesOption = Annotated[
    Path | None,
    typer.Option("--rules", help="A folder of rule packs to use instead of the shipped ones."),
]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def result_json(result: Result) -> Any:
    return result.model_dump(mode="json", exclude_none=True)


@app.command()
@handles_errors
def evaluate(
    case: CaseArgument,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
) -> None:
    """Evaluate a case: the predicted outcomes, each with its basis and citation, and the rules
    left undecided with the facts they need.

    Example: lexcase evaluate seeds/zhilin.yaml --as-of 2022-09-27
    """
    from lexcase.evaluation import evaluate as run

    result = run(case, parse_date(as_of, "--as-of"), rules)
    if json_:
        print_json(result_json(result))
    else:
        show_result(result)


def show_result(result: Result) -> None:
    out.print(f"[bold]{result.case_id}[/bold] as of {result.as_of}")
    table = Table(show_lines=True, expand=False)
    table.add_column("kind", no_wrap=True)
    table.add_column("where", no_wrap=True)
    table.add_column("basis", no_wrap=True)
    table.add_column("outcome, and its source", overflow="fold", ratio=1)
    for outcome in result.outcomes:
        basis = outcome.basis.value
        if outcome.confidence.value != "high":
            basis += f"\n{outcome.confidence.value} confidence"
        sources = "; ".join(c.short() for c in outcome.citations)
        table.add_row(
            outcome.kind.value,
            outcome.jurisdiction,
            basis,
            f"{escape(outcome.summary)}\n[dim]{escape(sources)} - {outcome.rule}[/dim]",
        )
    if result.outcomes:
        out.print(table)
    else:
        out.print("No outcome follows from these facts and rules.")
    if result.defeated:
        out.print("\n[bold]Defeated[/bold]")
        for defeat in result.defeated:
            out.print(f"  {defeat.rule}  by {defeat.by}", markup=False)
    if result.undecided:
        out.print("\n[bold]Undecided[/bold] (facts that would decide them)")
        for undecided in result.undecided:
            needs = ", ".join(undecided.needs) or "-"
            out.print(f"  {undecided.rule}: {needs}", markup=False)
    out.print(
        f"\n[dim]rules {result.rulebook.version} sha256:{result.rulebook.sha256[:12]}; "
        f"{result.notice}[/dim]"
    )


@app.command()
@handles_errors
def batch(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT",
            help="A JSONL file (one case per line) or a folder of case files.",
            show_default=False,
        ),
    ],
    out_file: Annotated[
        Path,
        typer.Option("--out", help="The file to write: one JSON line per case, in input order."),
    ],
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes to evaluate with.")
    ] = 1,
    as_of: AsOfOption = None,
    rules: RulesOption = None,
) -> None:
    """Evaluate many cases. Each output line holds the input it comes from ("input": file or
    file:line) and its result, or the error that kept it from being evaluated; the batch goes
    on past bad cases. Exit 0 when every case was evaluated, 1 when some were not.

    Example: lexcase batch cases.jsonl --out results.jsonl --workers 2
    """
    from lexcase.batch import run_batch, settle
    from lexcase.evaluation import default_evaluator

    on = parse_date(as_of, "--as-of")
    if rules is None and workers == 1:
        default_evaluator()  # built before settle(), which freezes what lives long
    settle()
    try:
        target = out_file.open("w", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the file ({exc.strerror})", Place(str(out_file))) from None
    with target, _progress() as progress:
        summary = run_batch(
            source,
            lambda line: target.write(line + "\n"),
            workers=workers,
            as_of=on,
            rules=rules,
            progress=progress,
        )
    out.print(summary.line(), markup=False, soft_wrap=True)
    if summary.internal_errors:
        raise typer.Exit(EXIT_INTERNAL)
    if summary.errors:
        raise typer.Exit(EXIT_CHECK_FAILED)


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal; nothing when stderr is a file or a pipe."""
    if not err.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("evaluating", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


@app.command()
@handles_errors
def schema() -> None:
    """Print the JSON Schema of case files, for checking them with other tools.

    Example: lexcase schema > case.schema.json
    """
    from lexcase.case import case_schema

    print_json(case_schema())


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
