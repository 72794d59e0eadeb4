"""The commands that go beyond the terminal: `lexcase serve` (the HTTP service and the web page)
and `lexcase memo` (a printable memo). Registered on the main app by cli.py."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from lexcase.errors import InputError, Place
from lexcase.interfaces.cli import (
    AsOfOption,
    CaseArgument,
    RulesOption,
    app,
    err,
    handles_errors,
)
from lexcase.interfaces.i18n import Lang
from lexcase.interfaces.memo import MemoFormat
from lexcase.interfaces.options import parse_date


@app.command()
@handles_errors
def serve(
    host: Annotated[
        str, typer.Option("--host", help="The address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, help="Worker processes that evaluate (one request at a time each)."
        ),
    ] = 1,
    rules: RulesOption = None,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1, help="Largest request body, in bytes.")
    ] = 1_000_000,
    max_batch_bytes: Annotated[
        int, typer.Option("--max-batch-bytes", min=1, help="Largest /batch body, in bytes.")
    ] = 20_000_000,
    max_batch_cases: Annotated[
        int, typer.Option("--max-batch-cases", min=1, help="Most cases in one /batch.")
    ] = 10_000,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0.1, help="Seconds one request may run in a worker."),
    ] = 30.0,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs and /openapi.json) and the web page at /.

    Evaluation runs in worker processes: a worker that dies is replaced, and its request gets
    a 500 that says so. Bodies, batches and the time per request are limited (see the options).

    Example: lexcase serve --port 8000 --workers 2
    """
    try:
        import uvicorn

        from lexcase.interfaces.http import create_app
        from lexcase.interfaces.http.models import Limits
    except ImportError as missing:
        raise InputError(
            f"lexcase serve needs {missing.name}, which is not installed",
            Place(path="serve"),
            expected="the serve extra: pip install 'lexcase[serve]'",
        ) from None
    if rules is not None:
        from lexcase.law.loader import load_rulebook

        load_rulebook(rules)  # a bad rule folder stops here, with the usual one-line error
    if not _loopback(host):
        err.print(
            f"note: listening on {host}, reachable from other machines; lexcase has no "
            "authentication (put it behind a proxy that has).",
            markup=False,
        )
    limits = Limits(
        max_body_bytes=max_body,
        max_batch_bytes=max_batch_bytes,
        max_batch_cases=max_batch_cases,
        timeout_seconds=timeout,
    )
    application = create_app(
        workers=workers, rules=str(rules) if rules is not None else None, limits=limits
    )
    uvicorn.run(application, host=host, port=port, log_level="info")


@app.command()
@handles_errors
def memo(
    case: CaseArgument,
    as_of: AsOfOption = None,
    lang: Annotated[Lang, typer.Option("--lang", help="The memo's language.")] = Lang.EN,
    fmt: Annotated[
        MemoFormat,
        typer.Option("--format", help="Markdown, or HTML to print (print CSS included)."),
    ] = MemoFormat.MD,
    rules: RulesOption = None,
) -> None:
    """A memo of the case for the client or the court: the facts as understood, each predicted
    outcome with its reasons and sources (law and practice apart), what is uncertain, the
    deadlines, the facts still needed, the rulebook's version and hash.

    Example: lexcase memo seeds/zhilin.yaml --as-of 2022-09-27 --lang ru --format html > memo.html
    """
    import sys

    from lexcase.evaluation.evaluator import evaluator_for, to_case
    from lexcase.interfaces.memo import memo as build
    from lexcase.interfaces.memo import rule_translations
    from lexcase.model.facts import as_of as case_as_of

    seen = case_as_of(to_case(case), parse_date(as_of, "--as-of"))
    with evaluator_for(rules) as evaluator:
        result = evaluator.evaluate(seen)
        translations = rule_translations(evaluator.rulebook)
    text = build(
        seen.model_dump(mode="json", by_alias=True, exclude_none=True),
        result.model_dump(mode="json", exclude_none=True),
        lang,
        fmt,
        translations,
    )
    sys.stdout.write(text)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
