"""The HTTP service and the web page (`lexcase serve`): FastAPI over the Python API, with the
evaluation in worker processes. Needs the `serve` extra (fastapi, uvicorn, jinja2)."""

from __future__ import annotations

from lexcase.interfaces.http.app import create_app

__all__ = ["create_app"]
