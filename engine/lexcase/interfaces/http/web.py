"""The web page for caseworkers, at /: server-rendered Jinja2 templates and a little JavaScript
(static/app.js, shipped in the package: no CDN, no build step, works offline).

The page's own endpoints (/ui/...) answer HTML fragments or small JSON documents; they are not
part of the API (left out of the OpenAPI document). Evaluation goes through the same worker pool
as the API. Checking the case as it is typed runs here: it only reads YAML and validates it
against the case model (the model /schema/case is made from), without durable_rules.
"""

from __future__ import annotations

import json
import urllib.parse
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from lexcase.errors import LexcaseError
from lexcase.interfaces.http import casetext, examples
from lexcase.interfaces.http.jobs import Job, Op
from lexcase.interfaces.http.models import ErrorBody, ErrorDetail
from lexcase.interfaces.i18n import Lang, RuleTexts, lang_of
from lexcase.interfaces.memo import MemoFormat, memo, rule_translations
from lexcase.interfaces.options import typed_value
from lexcase.interfaces.render import Wording, render

if TYPE_CHECKING:
    from lexcase.interfaces.http.app import Service

STATIC = Path(__file__).resolve().parent / "static"


def add_web(app: FastAPI, service: Service) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page(lang: str | None = None) -> HTMLResponse:
        wording = Wording(lang_of(lang))
        html = render(
            "page.html",
            wording,
            seeds=list(examples.seed_texts()),
            fields=casetext.form_fields(),
            other_lang=Lang.RU if wording.lang is Lang.EN else Lang.EN,
        )
        return HTMLResponse(html)

    @app.get("/ui/seed/{name}", include_in_schema=False)
    async def seed(name: str) -> Response:
        text = examples.seed_texts().get(name)
        if text is None:
            return _error(404, "not_found", f"no example called {name!r}")
        return PlainTextResponse(text)

    @app.post("/ui/check", include_in_schema=False)
    async def check(request: Request) -> JSONResponse:
        form = await _form(service, request)
        answer = await run_in_threadpool(casetext.check, form.get("text", ""))
        return JSONResponse(answer)

    @app.post("/ui/set", include_in_schema=False)
    async def set_fact(request: Request) -> Response:
        form = await _form(service, request)
        try:
            text = await run_in_threadpool(
                casetext.set_fact, form.get("text", ""), form.get("path", ""), form.get("value", "")
            )
        except LexcaseError as error:
            return _error_of(error)
        return JSONResponse({"text": text})

    @app.post("/ui/result", include_in_schema=False)
    async def result(request: Request) -> Response:
        form = await _form(service, request)
        reply = await _page_data(service, form)
        if isinstance(reply, Response):
            return reply
        wording = await _wording(service, form.get("lang"))
        return HTMLResponse(_with_fallback(wording, render("_result.html", wording, **reply)))

    @app.post("/ui/what-if", include_in_schema=False)
    async def what_if(request: Request) -> Response:
        form = await _form(service, request)
        path, text = form.get("path", ""), form.get("value", "").strip()
        try:
            value = None if text in ("", "unknown") else typed_value(path, text, "value")
        except LexcaseError as error:
            return _error_of(error)
        body = {
            "case": form.get("text", ""),
            "as_of": form.get("as_of") or None,
            "set": {path: value},
        }
        diff = await _data(service, Op.WHAT_IF, body)
        if isinstance(diff, Response):
            return diff
        wording = await _wording(service, form.get("lang"))
        return HTMLResponse(_with_fallback(wording, render("_whatif.html", wording, diff=diff)))

    @app.post("/ui/compare", include_in_schema=False)
    async def compare(request: Request) -> Response:
        form = await _form(service, request)
        body = {"case": form.get("text", ""), "as_of": form.get("as_of") or None}
        comparison = await _data(service, Op.COMPARE, body)
        if isinstance(comparison, Response):
            return comparison
        wording = await _wording(service, form.get("lang"))
        html = render("_compare.html", wording, comparison=comparison)
        return HTMLResponse(_with_fallback(wording, html))

    @app.post("/memo", include_in_schema=False)
    async def memo_view(request: Request) -> Response:
        """The printable memo of the case in the page (a form post, so it opens in a tab)."""
        form = await _form(service, request)
        data = await _page_data(service, form)
        if isinstance(data, Response):
            return data
        fmt = MemoFormat.MD if form.get("format") == "md" else MemoFormat.HTML
        wording = await _wording(service, form.get("lang"))
        text = memo(data["case"], data["result"], wording.lang, fmt, wording.translations)
        if fmt is MemoFormat.MD:
            return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
        return HTMLResponse(text)


async def _wording(service: Service, lang: str | None) -> Wording:
    """The words of the page in `lang`, with the rules' own Russian texts for Russian."""
    chosen = lang_of(lang)
    if chosen is Lang.EN:
        return Wording(chosen)
    return Wording(chosen, await run_in_threadpool(_translations, service.pool.rules))


@cache
def _translations(rules: str | None) -> dict[str, RuleTexts]:
    # Read here, once: the rule files only (no durable_rules), from the rule cache.
    from lexcase.law.loader import load_rulebook

    return rule_translations(load_rulebook(rules))


def _with_fallback(wording: Wording, html: str) -> str:
    if not wording.fell_back:
        return html
    return f'<p class="fallback">{escape(wording.t["fallback"])}</p>\n{html}'


async def _form(service: Service, request: Request) -> dict[str, str]:
    """The page's fields, posted as JSON (by app.js) or as a form (the memo's button)."""
    body = await service.body(request, service.limits.max_body_bytes)
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        pairs = urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        return dict(pairs)
    try:
        data = json.loads(body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}
    return (
        {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}
        if isinstance(data, dict)
        else {}
    )


async def _page_data(service: Service, form: dict[str, str]) -> dict[str, Any] | Response:
    body = {"case": form.get("text", ""), "as_of": form.get("as_of") or None}
    return await _data(service, Op.PAGE, body)


async def _data(service: Service, op: Op, body: dict[str, Any]) -> dict[str, Any] | Response:
    """The worker's answer as data, or its error passed on as it is."""
    reply = await service.run(Job(op, json.dumps(body).encode()))
    if reply.status != 200:
        return Response(reply.body, status_code=reply.status, media_type="application/json")
    data: dict[str, Any] = json.loads(reply.body)
    return data


def _error(status: int, code: Any, message: str) -> JSONResponse:
    detail = ErrorDetail(code=code, message=message, internal=False)
    return JSONResponse(ErrorBody(error=detail).model_dump(exclude_none=True), status_code=status)


def _error_of(error: LexcaseError) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail.of(error)).model_dump(exclude_none=True)
    return JSONResponse(body, status_code=422)
