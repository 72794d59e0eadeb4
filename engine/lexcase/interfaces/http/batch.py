"""POST /batch: JSONL in (one case per line), JSONL out, streamed in input order.

Each output line is the batch command's: `{"input": "request:3", "case_id": ..., "result": ...}`
or `{"input": ..., "error": {...}}`. Chunks of cases go to the workers concurrently; a chunk whose
worker dies or times out gets an error line per case, and the batch goes on.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Annotated

from fastapi import FastAPI, Query, Request
from fastapi.responses import StreamingResponse

from lexcase.batch.inputs import CaseLine
from lexcase.interfaces.http.jobs import Job, Op

if TYPE_CHECKING:
    from lexcase.interfaces.http.app import Service

CHUNK = 16  # cases per job: small enough to spread a short batch over every worker


def add_batch(app: FastAPI, service: Service) -> None:
    from lexcase.interfaces.http.app import ServiceError

    @app.post(
        "/batch",
        summary="Many cases: JSONL in, JSONL out (streamed, in input order)",
        tags=["cases"],
        response_class=StreamingResponse,
        responses={200: {"content": {"application/x-ndjson": {}}}},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/x-ndjson": {
                        "schema": {"type": "string", "description": "One case (JSON) per line."}
                    }
                },
            }
        },
    )
    async def batch(
        request: Request, as_of: Annotated[dt.date | None, Query()] = None
    ) -> StreamingResponse:
        body = await service.body(request, service.limits.max_batch_bytes)
        cases = [
            CaseLine("request", number, raw)
            for number, raw in enumerate(body.split(b"\n"), start=1)
            if raw.strip()
        ]
        most = service.limits.max_batch_cases
        if len(cases) > most:
            raise ServiceError(
                413,
                "too_large",
                f"the batch holds {len(cases):,} cases, more than {most:,}",
                expected="fewer cases per request (lexcase serve --max-batch-cases)",
            )
        if not cases:
            raise ServiceError(
                422, "bad_input", "the batch holds no cases", expected="one case (JSON) per line"
            )
        return StreamingResponse(_stream(service, cases, as_of), media_type="application/x-ndjson")


async def _stream(
    service: Service, cases: list[CaseLine], as_of: dt.date | None
) -> AsyncIterator[bytes]:
    chunks = [cases[i : i + CHUNK] for i in range(0, len(cases), CHUNK)]
    window = asyncio.Semaphore(service.pool.size * 2)

    async def run(chunk: list[CaseLine]) -> list[str]:
        async with window:
            return await _lines(service, chunk, as_of)

    tasks = [asyncio.ensure_future(run(chunk)) for chunk in chunks]
    try:
        for task in tasks:
            for line in await task:
                yield (line + "\n").encode()
    finally:
        for task in tasks:
            task.cancel()


async def _lines(service: Service, chunk: list[CaseLine], as_of: dt.date | None) -> list[str]:
    from lexcase.interfaces.http.app import ServiceError

    try:
        reply = await service.run(Job(Op.BATCH, params={"cases": chunk, "as_of": as_of}))
    except ServiceError as failure:
        error = {"message": failure.detail.message, "internal": failure.detail.internal}
        return [json.dumps({"input": case.label, "error": error}) for case in chunk]
    if reply.status != 200:
        error = json.loads(reply.body)["error"]
        return [json.dumps({"input": case.label, "error": error}) for case in chunk]
    lines: list[str] = json.loads(reply.body)
    return lines
