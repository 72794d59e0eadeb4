"""The command line: a thin shell over the Python API.

Exit codes: 0 success; 1 a check found problems; 2 bad input (a case file, a rule file, an
option), reported as one line naming the file, the place and what was expected; 3 an internal
error of lexcase or its inference engine; 130 a batch interrupted by Ctrl-C.
"""

import contextlib
import copy
import datetime as dt
import functools
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from pydantic import BaseModel
from rich.markup import escape
from typer.main import get_command_name
from typer.models import CommandInfo

from lexcase.errors import InferenceError, InputError, LexcaseError, Place
from lexcase.interfaces import cli_texts
from lexcase.interfaces.cli_help import HELP_LANG, h, typer_in
from lexcase.interfaces.cli_texts import t
from lexcase.interfaces.i18n import Lang
from lexcase.interfaces.i18n import texts as page_texts
from lexcase.interfaces.options import (
    AsOfOption,
    CaseArgument,
    JsonOption,
    OverlayOption,
    RulesOption,
    parse_axes,
    parse_changes,
    parse_date,
    parse_kind,
)
from lexcase.interfaces.views import TerminalConsole

if TYPE_CHECKING:
    from lexcase.law.overlay import RulesInput
    from lexcase.model.case import Case

HELP = h("app").format(notice=page_texts(HELP_LANG)["notice"])
typer_in(HELP_LANG)

EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
# Piped output gets a fixed, readable width instead of rich's 80 columns.
out = TerminalConsole(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120)
err = TerminalConsole(stderr=True, highlight=False, soft_wrap=True)  # one error, one line

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=BaseModel)


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn lexcase's errors into one readable line and the documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except InferenceError as exc:
            err.print(t("internal_error", text=exc), markup=False)
            raise typer.Exit(EXIT_INTERNAL) from None
        except LexcaseError as exc:
            for line in exc.lines():  # every problem of a bad file, each with its place
                err.print(t("error", line=line), markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            # A bug in lexcase: still one line; LEXCASE_DEBUG=1 shows the traceback.
            if os.environ.get("LEXCASE_DEBUG"):
                raise
            err.print(t("bug", kind=type(exc).__name__, text=exc), markup=False)
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def chosen(rules: Path | None, overlays: list[Path] | None) -> "RulesInput":
    """The rules a command runs with: --rules (or the shipped packs) and any --rules-overlay;
    the views take the Russian rule texts from the same rules."""
    from lexcase.law.overlay import choose_rules

    choice = choose_rules(rules, overlays or [])
    cli_texts.rules_are(choice)
    return choice


def _show_version(value: bool) -> None:
    if value:
        from lexcase.interfaces.about import lexcase_version
        from lexcase.law.loader import load_rulebook

        rulebook = load_rulebook()
        out.print(
            f"lexcase {lexcase_version()} (rules {rulebook.version} sha256:{rulebook.sha256[:12]})",
            markup=False,
        )
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", is_eager=True, callback=_show_version, help=h("version")),
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", envvar="LEXCASE_LANG", case_sensitive=False, help=h("lang")),
    ] = None,
) -> None:
    # Set on every run, so one process running several commands (tests) never keeps a language.
    cli_texts.use(lang or cli_texts.lang_of_locale(os.environ))


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def model_json(model: BaseModel) -> None:
    """A result model as the JSON every command prints with --json."""
    print_json(model.model_dump(mode="json", exclude_none=True))


def emit(model: M, json_: bool, view: Callable[[TerminalConsole, M], None]) -> None:
    """What a command answers: the model as JSON with --json, else its terminal view."""
    if json_:
        model_json(model)
    else:
        view(out, model)


def show_warnings(warnings: list[str], json_: bool = False) -> None:
    """What lexcase could not apply, printed before anything else (on stderr beside --json,
    whose stdout stays JSON; `evaluate --json` carries them in the result too)."""
    for warning in warnings:
        if json_:
            err.print(t("warning", text=warning), markup=False)
        else:
            label, _, text = t("warning", text=escape(warning)).partition(" ")
            out.print(f"[bold yellow]{label}[/bold yellow] {text}")


def details_for_summaries(
    json_: bool, rules: "RulesInput", case: "Case", date: dt.date | None, *more: "Case"
) -> None:
    """Russian summaries are filled in from the outcomes' details, which an explanation or a
    what-if does not carry: the evaluations of `case` (as of `date`) and `more` give them, the
    later ones winning (a what-if's outcomes as changed). Nothing is evaluated in English."""
    if json_ or cli_texts.lang() is Lang.EN:
        return
    from lexcase.evaluation.evaluator import evaluate

    results = [evaluate(case, date, rules), *(evaluate(c, None, rules) for c in more)]
    cli_texts.details_are([o for result in results for o in result.outcomes])


def warn_about(case: Path, rules: Path | None, json_: bool) -> "Case":
    """The coverage warnings of the case file `case`, first, for commands that show no Result;
    the case as read, for the command to use (standard input can be read only once)."""
    from lexcase.evaluation.coverage import coverage_of
    from lexcase.evaluation.evaluator import to_case
    from lexcase.law.loader import load_rulebook

    seen = to_case(case)
    packs = load_rulebook(rules).packs
    show_warnings(coverage_of(packs, seen.host_state, seen.home_state).warnings, json_)
    return seen


@app.command(help=h("evaluate"))
@handles_errors
def evaluate(
    case: CaseArgument,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    from lexcase.evaluation.evaluator import evaluate as run
    from lexcase.interfaces import views

    result = run(case, parse_date(as_of, "--as-of"), chosen(rules, rules_overlay))
    show_warnings(result.warnings, json_)
    emit(result, json_, views.show_result)


@app.command(help=h("timeline"))
@handles_errors
def timeline(
    case: CaseArgument,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    from lexcase.analysis.timeline import timeline as build
    from lexcase.interfaces import views

    loaded = warn_about(case, rules, json_)
    result = build(loaded, parse_date(as_of, "--as-of"), chosen(rules, rules_overlay))
    emit(result, json_, views.show_timeline)


@app.command(help=h("batch"))
@handles_errors
def batch(
    source: Annotated[Path, typer.Argument(metavar="INPUT", help=h("cases"), show_default=False)],
    out_file: Annotated[Path, typer.Option("--out", help=h("batch.out"))],
    workers: Annotated[int, typer.Option("--workers", help=h("batch.workers"))] = 1,
    as_of: AsOfOption = None,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="ADDRESS", help=h("batch.dask"), show_default=False),
    ] = None,
) -> None:
    from lexcase.batch.inputs import read_input
    from lexcase.batch.local import check_workers, run_batch, settle
    from lexcase.batch.output import ResultsFile
    from lexcase.evaluation.evaluator import default_evaluator

    on = parse_date(as_of, "--as-of")
    check_workers(workers)
    if dask is not None and workers != 1:
        raise InputError(
            "--workers and --dask both say where to evaluate",
            Place(path="--workers"),
            expected="one of them: --workers N on this machine, or --dask for a cluster",
        )
    cases = read_input(source)  # before anything is written: a mistyped input costs nothing
    if rules is None and not rules_overlay and workers == 1 and dask is None:
        default_evaluator()  # built before settle(), which freezes what lives long
    settle()
    with contextlib.ExitStack() as stack:
        client = None
        if dask is not None:
            from lexcase.batch.distributed import connect

            client = stack.enter_context(connect(dask))
        if str(out_file) == "-":  # standard output: the lines as they come, the summary on stderr
            summary = run_batch(
                cases,
                lambda line: sys.stdout.write(line + "\n"),
                workers=workers,
                as_of=on,
                rules=chosen(rules, rules_overlay),
                client=client,
            )
            _batch_end(summary, summary.total, out_file, console=err)
            return
        results = ResultsFile.create(out_file, [source, *(c.path for c in cases if c.path)])
        try:
            with progress() as advance:
                summary = run_batch(
                    cases,
                    results.write,
                    workers=workers,
                    as_of=on,
                    rules=chosen(rules, rules_overlay),
                    progress=advance,
                    client=client,
                )
            try:
                results.flush()
            except OSError as exc:
                summary.write_error = exc.strerror or str(exc)
            results.commit()
        except BaseException:
            results.discard()  # the earlier results file, if any, stays as it was
            raise
    _batch_end(summary, results.lines, out_file)


def _batch_end(
    summary: Any, written: int, target: Path, console: TerminalConsole | None = None
) -> None:
    """Print what the batch did and exit with its code: 130 interrupted, 2 the results could not
    all be written, 3 internal errors, 1 some cases not evaluated, 0 all evaluated."""
    (console or out).print(summary.line(), markup=False, soft_wrap=True)
    if not summary.complete:
        why = (
            t("interrupted") if summary.interrupted else t("cannot_write", why=summary.write_error)
        )
        partial = t("partial", why=why, target=target, n=written, total=summary.total)
        err.print(partial, markup=False)
        raise typer.Exit(EXIT_INTERRUPTED if summary.interrupted else EXIT_BAD_INPUT)
    if summary.internal_errors:
        raise typer.Exit(EXIT_INTERNAL)
    if summary.errors:
        raise typer.Exit(EXIT_CHECK_FAILED)


@contextlib.contextmanager
def progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal; nothing when stderr is a file or a pipe."""
    if not err.is_terminal:
        yield None
        return
    from rich.progress import Progress

    # No refresh thread: batch workers are forked, and a fork beside a running thread can
    # inherit a lock that thread held. The bar is redrawn as cases complete instead.
    with Progress(console=err, transient=True, auto_refresh=False) as bar:
        task = bar.add_task(t("evaluating"), total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, refresh=True)

        yield advance


@app.command(help=h("schema"))
@handles_errors
def schema(
    of: Annotated[str, typer.Argument(metavar="[case|result|rules]", help=h("schema.of"))] = "case",
) -> None:
    from lexcase.interfaces.schemas import SchemaOf, schema_of

    try:
        which = SchemaOf(of)
    except ValueError:
        raise InputError(
            f"{of!r} has no schema", Place(path="schema"), expected="case, result or rules"
        ) from None
    print_json(schema_of(which))


# --- what-if, explanations, rules ------------------------------------------------------------


@app.command("what-if", help=h("what_if"))
@handles_errors
def what_if(
    case: CaseArgument,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="PATH=VALUE", help=h("what_if.set")),
    ] = None,
    sweep: Annotated[
        list[str] | None,
        typer.Option("--sweep", metavar="PATH=V1,V2", help=h("what_if.sweep")),
    ] = None,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    from lexcase.analysis import whatif
    from lexcase.interfaces import views

    date = parse_date(as_of, "--as-of")
    changes = parse_changes(set_ or [], "--set")
    loaded = warn_about(case, rules, json_)
    if sweep:
        grid = whatif.sweep(
            loaded, parse_axes(sweep, "--sweep"), changes, date, chosen(rules, rules_overlay)
        )
        emit(grid, json_, views.show_sweep)
        return
    if not changes:
        raise InputError(
            "nothing to change", Place(path="--set"), expected="at least one PATH=VALUE"
        )
    diff = whatif.what_if(loaded, changes, date, chosen(rules, rules_overlay))
    if not json_ and cli_texts.lang() is not Lang.EN:
        from lexcase.model.facts import as_of as case_as_of
        from lexcase.model.facts import with_facts

        changed = with_facts(case_as_of(loaded, date), changes)
        details_for_summaries(json_, chosen(rules, rules_overlay), loaded, date, changed)
    emit(diff, json_, views.show_what_if)


@app.command(help=h("explain"))
@handles_errors
def explain(
    case: CaseArgument,
    kind: Annotated[str | None, typer.Option("--kind", help=h("kind"))] = None,
    why_not: Annotated[
        str | None, typer.Option("--why-not", metavar="KIND", help=h("explain.why_not"))
    ] = None,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    from lexcase.analysis.explain import explain as run_explain
    from lexcase.analysis.explain import why_not as run_why_not
    from lexcase.interfaces import views

    date = parse_date(as_of, "--as-of")
    wanted, missing = parse_kind(kind, "--kind"), parse_kind(why_not, "--why-not")
    loaded = warn_about(case, rules, json_)
    if wanted is not None and missing is not None:
        raise InputError(
            "--kind and --why-not ask different questions",
            Place(path="--why-not"),
            expected="one of them",
        )
    if missing is not None:
        answer = run_why_not(loaded, missing, date, chosen(rules, rules_overlay))
        emit(answer, json_, views.show_why_not)
        return
    explanation = run_explain(loaded, wanted, date, chosen(rules, rules_overlay))
    details_for_summaries(json_, chosen(rules, rules_overlay), loaded, date)
    emit(explanation, json_, views.show_explanation)


@app.command(help=h("compare"))
@handles_errors
def compare(
    case: CaseArgument,
    hosts: Annotated[
        str | None, typer.Option("--hosts", metavar="AM,GE,KG,KZ", help=h("compare.hosts"))
    ] = None,
    as_of: AsOfOption = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    from lexcase.analysis.compare import compare as run
    from lexcase.interfaces import views_more

    wanted = [h.strip() for h in hosts.split(",") if h.strip()] if hosts is not None else None
    comparison = run(case, wanted, parse_date(as_of, "--as-of"), chosen(rules, rules_overlay))
    show_warnings(list(dict.fromkeys(w for c in comparison.columns for w in c.warnings)), json_)
    emit(comparison, json_, views_more.show_comparison)


rules_app = typer.Typer(
    help=h("rules_app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(rules_app, name="rules")


@rules_app.command("list", help=h("rules.list"))
@handles_errors
def rules_list(
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", help=h("rules.jurisdiction"))
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help=h("rules.kind"))] = None,
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    from lexcase.interfaces import views_more
    from lexcase.law.catalogue import list_rules

    listing = list_rules(jurisdiction, parse_kind(kind, "--kind"), chosen(rules, rules_overlay))
    emit(listing, json_, views_more.show_listing)


@rules_app.command("show", help=h("rules.show"))
@handles_errors
def rules_show(
    rule_id: Annotated[str, typer.Argument(help=h("rules.rule_id"), show_default=False)],
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    from lexcase.interfaces import views_more
    from lexcase.law.catalogue import show_rule

    card = show_rule(rule_id, chosen(rules, rules_overlay))
    emit(card, json_, views_more.show_card)


@rules_app.command("lint", help=h("rules.lint"))
@handles_errors
def rules_lint(
    json_: JsonOption = False,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    from lexcase.analysis.lint import lint
    from lexcase.interfaces import views_more

    report = lint(rules, rules_overlay or [])
    emit(report, json_, views_more.show_lint)
    if not report.clean:
        raise typer.Exit(EXIT_CHECK_FAILED)


def _one_line_warning(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
    err.print(t("warning", text=message), markup=False)


# The commands that search, interview and measure impact live in their own module.
from lexcase.interfaces import cli_serve as _cli_serve  # noqa: E402, F401  (serve and memo)
from lexcase.interfaces import questions as _questions  # noqa: E402, F401


def main() -> None:
    warnings.showwarning = _one_line_warning  # a warning is one line, as an error is
    app_for(sys.argv[1:])()


def app_for(args: list[str]) -> typer.Typer:
    """The app, with only the command `args` run when they start with a top-level command's
    exact name: typer builds every registered command's parameters before it parses anything,
    and the others' are never used by that run (its usage lines, help and errors are the
    command's own). Anything else (options first, a mistyped name that click offers to
    correct, help, shell completion) gets the whole app."""
    if not args or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return app
    own = [c for c in app.registered_commands if _command_name(c) == args[0]]
    if not own:
        return app
    lean = copy.copy(app)
    lean.registered_commands, lean.registered_groups = own, []
    return lean


def _command_name(command: CommandInfo) -> str | None:
    """The name typer gives a registered command (typer.main.get_command_from_info's)."""
    callback = command.callback
    return command.name or (get_command_name(callback.__name__) if callback else None)


if __name__ == "__main__":  # pragma: no cover
    main()
