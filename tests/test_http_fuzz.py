"""Schemathesis over the OpenAPI document: requests generated from its schemas (valid ones and
broken ones) never get a 500, nor a traceback in any answer."""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

OPERATIONS = [
    ("POST", "/evaluate"),
    ("POST", "/what-if"),
    ("POST", "/explain"),
    ("POST", "/timeline"),
    ("POST", "/compare"),
    ("POST", "/counterfactual"),
    ("POST", "/interview"),
    ("POST", "/batch"),
    ("GET", "/rules"),
    ("GET", "/rules/{rule_id}"),
    ("GET", "/schema/case"),
    ("GET", "/schema/result"),
    ("GET", "/schema/rules"),
    ("GET", "/health"),
    ("GET", "/version"),
    ("GET", "/limits"),
]


# /batch reads JSON lines: lines of well-formed cases, broken cases and noise.
_LINE = st.one_of(
    st.fixed_dictionaries(
        {
            "case_id": st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
            "as_of": st.just("2022-01-01"),
        }
    ).map(json.dumps),
    st.dictionaries(st.text(max_size=8), st.integers() | st.text(max_size=8), max_size=3).map(
        json.dumps
    ),
    st.text(max_size=40),
)
schemathesis.openapi.media_type(
    "application/x-ndjson",
    st.lists(_LINE, min_size=0, max_size=5).map(lambda lines: "\n".join(lines).encode()),
)


@pytest.fixture(scope="session")
def api_schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_fuzzed(api_schema: Any) -> None:
    documented = {
        (method.upper(), path)
        for path, methods in api_schema.raw_schema["paths"].items()
        for method in methods
    }
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_generated_request_gets_a_500(api_schema: Any, method: str, path: str) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def run(case: Any) -> None:
        response = case.call()
        assert response.status_code < 500, (path, case.body, response.text[:500])
        assert "Traceback" not in response.text

    run()
