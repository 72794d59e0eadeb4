"""The web page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import FastAPI

if TYPE_CHECKING:
    from lexcase.interfaces.http.app import Service


def add_web(app: FastAPI, service: Service) -> None:
    pass
