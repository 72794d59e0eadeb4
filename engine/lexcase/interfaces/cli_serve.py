"""The commands that go beyond the terminal: `lexcase serve` (the HTTP service and the web page)
and `lexcase memo` (a printable memo). Registered on the main app by cli.py."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from lexcase.errors import InputError, Place
from lexcase.interfaces.cli import (
    AsOfOption,
    CaseArgument,
    RulesOption,
    app,
    case_input,
    err,
    handles_errors,
    parse_date,
)


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


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


__all__ = ["AsOfOption", "CaseArgument", "Path", "case_input", "parse_date", "serve"]
