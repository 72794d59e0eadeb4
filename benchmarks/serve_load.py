"""Load on `lexcase serve` over loopback: latency and throughput of POST /evaluate. Not a test.

    .venv/bin/python benchmarks/serve_load.py [--workers 2] [--concurrency 1,4,16] [--seconds 10]

Starts `lexcase serve` in a subprocess on a free loopback port, waits for /health, then for
each concurrency level runs that many clients (asyncio, one keep-alive connection each) sending
the article's case (seeds/zhilin.yaml, as a case object) back to back for --seconds, and
prints requests per second and the latency percentiles. The server, its workers and the load
generator share the machine: on 2 cores the generator takes part of what it measures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx2 as httpx

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _body() -> bytes:
    from lexcase.model.case import load_case

    case = load_case(ROOT / "seeds" / "zhilin.yaml")
    data = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps({"case": data, "as_of": "2022-09-27"}).encode()


async def _client(url: str, body: bytes, until: float, latencies: list[float]) -> int:
    errors = 0
    async with httpx.AsyncClient(timeout=60) as client:
        while time.perf_counter() < until:
            start = time.perf_counter()
            answer = await client.post(
                url, content=body, headers={"content-type": "application/json"}
            )
            latencies.append(time.perf_counter() - start)
            errors += answer.status_code != 200
    return errors


async def _level(base: str, body: bytes, concurrency: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    start = time.perf_counter()
    until = start + seconds
    errors = await asyncio.gather(
        *(_client(base + "/evaluate", body, until, latencies) for _ in range(concurrency))
    )
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    return {
        "concurrency": concurrency,
        "requests": len(ordered),
        "errors": sum(errors),
        "rps": round(len(ordered) / elapsed, 1),
        "p50_ms": round(pct(0.50), 1),
        "p95_ms": round(pct(0.95), 1),
        "p99_ms": round(pct(0.99), 1),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    port = _free_port()
    lexcase = Path(sys.executable).with_name("lexcase")
    server = subprocess.Popen(
        [str(lexcase), "serve", "--port", str(port), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        body = _body()
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).json()["alive"] == args.workers:
                    break
            except (httpx.HTTPError, ValueError, KeyError):
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not come up")
            time.sleep(0.2)
        asyncio.run(_level(base, body, 1, 2.0))  # warm: every worker has built its evaluator
        print(
            f"lexcase serve --workers {args.workers}; {os.cpu_count()} cores; "
            f"load {os.getloadavg()[0]:.2f}; {platform.python_version()}; body {len(body)} bytes"
        )
        rows = [
            asyncio.run(_level(base, body, int(c), args.seconds))
            for c in args.concurrency.split(",")
        ]
        print(json.dumps(rows, indent=1))
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
