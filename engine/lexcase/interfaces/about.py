"""The installed version of lexcase, as interfaces report it (--version, /version, OpenAPI)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _dist_version


def lexcase_version() -> str:
    # The distribution's metadata, not lexcase.__version__: interfaces import no layer above
    # their own, and the package top is one.
    try:
        return _dist_version("lexcase")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"
