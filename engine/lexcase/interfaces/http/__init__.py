"""The HTTP service and the web page (`lexcase serve`): FastAPI over the Python API, with the
evaluation in worker processes. Needs the `serve` extra (fastapi, uvicorn, jinja2).

Nothing is imported here: the worker processes import `jobs` from this package, and must not
import FastAPI. With FastAPI imported first, durable_rules 2.0.28 crashes (SIGSEGV in
retract_facts) on some cases in a fresh process, reproducibly (a heap-layout-dependent bug in its
C core, measured: tests/test_http_workers.py keeps a case that showed it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """The service; see `lexcase.interfaces.http.app.create_app`."""
    from lexcase.interfaces.http.app import create_app as make

    return make(*args, **kwargs)


__all__ = ["create_app"]
