"""The commands that go beyond the terminal: `lexcase serve` (the HTTP service and the web page)
and `lexcase memo` (a printable memo). Registered on the main app by cli.py."""

import ipaddress
from typing import Annotated

import typer

from lexcase.errors import InputError, Place
from lexcase.interfaces import cli_texts
from lexcase.interfaces.cli import app, chosen, err, handles_errors
from lexcase.interfaces.cli_help import h
from lexcase.interfaces.cli_texts import t
from lexcase.interfaces.i18n import Lang
from lexcase.interfaces.memo import MemoFormat
from lexcase.interfaces.options import (
    AsOfOption,
    CaseArgument,
    OverlayOption,
    RulesOption,
    parse_date,
)


@app.command(help=h("serve"))
@handles_errors
def serve(
    host: Annotated[str, typer.Option("--host", help=h("serve.host"))] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help=h("serve.port"))] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help=h("serve.workers"))] = 1,
    rules: RulesOption = None,
    max_body: Annotated[int, typer.Option("--max-body", min=1, help=h("serve.max_body"))] = (
        1_000_000
    ),
    max_batch_bytes: Annotated[
        int, typer.Option("--max-batch-bytes", min=1, help=h("serve.max_batch_bytes"))
    ] = 20_000_000,
    max_batch_cases: Annotated[
        int, typer.Option("--max-batch-cases", min=1, help=h("serve.max_batch_cases"))
    ] = 10_000,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help=h("serve.timeout"))] = 30.0,
) -> None:
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
        err.print(t("not_loopback", host=host), markup=False)
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


@app.command(help=h("memo"))
@handles_errors
def memo(
    case: CaseArgument,
    as_of: AsOfOption = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help=h("memo.lang"))] = None,
    fmt: Annotated[MemoFormat, typer.Option("--format", help=h("memo.format"))] = MemoFormat.MD,
    rules: RulesOption = None,
    rules_overlay: OverlayOption = None,
) -> None:
    import sys

    from lexcase.evaluation.evaluator import evaluator_for, to_case
    from lexcase.interfaces.memo import memo as build
    from lexcase.interfaces.memo import rule_translations
    from lexcase.model.facts import as_of as case_as_of

    seen = case_as_of(to_case(case), parse_date(as_of, "--as-of"))
    with evaluator_for(chosen(rules, rules_overlay)) as evaluator:
        result = evaluator.evaluate(seen)
        translations = rule_translations(evaluator.rulebook)
    text = build(
        seen.model_dump(mode="json", by_alias=True, exclude_none=True),
        result.model_dump(mode="json", exclude_none=True),
        lang or cli_texts.lang(),
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
