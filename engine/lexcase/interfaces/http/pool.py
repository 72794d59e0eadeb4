"""Worker processes for the service: durable_rules runs in them, never in the server itself.

durable_rules is C code that never releases the GIL; a bug in it (a segfault, memory running out)
kills the process it runs in. So each evaluation is sent to one of N worker processes, one
request at a time per worker. A worker that dies is replaced at once; the request it was serving
gets `WorkerDied` (the service answers 500 and says so), and the next request goes to the new
worker. A request that runs past the timeout gets `WorkerTimeout`; its worker is killed and
replaced, since there is no way to stop durable_rules half-way.

Workers are started with `spawn`: the server runs threads (uvicorn, anyio), which `fork` copies
in an undefined state.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from lexcase.interfaces.http.jobs import Job, Reply, serve_jobs


class WorkerDied(Exception):
    """The worker serving a request died before it answered."""


class WorkerTimeout(Exception):
    """The worker serving a request did not answer in time; it was killed and replaced."""


STARTUP_TIMEOUT = 300.0  # seconds a new worker may take to compile the rules (not a request's)
READY = "ready"  # what a worker sends once its evaluator is built


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False

    @classmethod
    def start(cls, rules: str | None) -> _Worker:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=serve_jobs, args=(theirs, rules), name="lexcase-worker", daemon=True
        )
        process.start()
        theirs.close()
        return cls(process, ours)

    def call(self, job: Job, timeout: float) -> Reply:
        try:
            if not self.ready:  # the time limit is the request's, not the worker's start
                if not self.conn.poll(STARTUP_TIMEOUT) or self.conn.recv() != READY:
                    raise WorkerDied
                self.ready = True
            self.conn.send(job)
            # poll() also returns when the pipe closes: the worker died.
            if not self.conn.poll(timeout):
                raise WorkerTimeout
            reply: Reply = self.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
            raise WorkerDied from None
        return reply

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class WorkerPool:
    """N worker processes, each with its own evaluator for the rule folder `rules`."""

    def __init__(self, size: int, rules: str | None = None, timeout: float = 30.0) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.size, self.rules, self.timeout = size, rules, timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._busy: dict[int, _Worker] = {}
        self._lock = threading.Lock()
        self._started = False
        self.replaced = 0  # workers replaced after a death or a timeout, for /health

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            for _ in range(self.size):
                self._idle.put(_Worker.start(self.rules))
            self._started = True

    def call(self, job: Job, timeout: float | None = None) -> Reply:
        """Run `job` on an idle worker (waiting for one); blocking, so call it from a thread."""
        self.start()
        worker = self._idle.get()
        if not worker.process.is_alive():  # died while idle: not this request's doing
            worker.stop()
            worker = _Worker.start(self.rules)
            with self._lock:
                self.replaced += 1
        key = id(worker)
        with self._lock:
            self._busy[key] = worker
        try:
            return worker.call(job, self.timeout if timeout is None else timeout)
        except (WorkerDied, WorkerTimeout):
            worker.stop()
            worker = _Worker.start(self.rules)
            with self._lock:
                self.replaced += 1
            raise
        finally:
            with self._lock:
                self._busy.pop(key, None)
            self._idle.put(worker)

    def pids(self) -> dict[str, list[int]]:
        """The worker processes' ids, busy and idle (for /health and for the tests)."""
        with self._lock:
            busy = [w.process.pid for w in self._busy.values() if w.process.pid is not None]
            idle = [w.process.pid for w in list(self._idle.queue) if w.process.pid is not None]
        return {"busy": busy, "idle": idle}

    def alive(self) -> int:
        with self._lock:
            workers = [*self._busy.values(), *list(self._idle.queue)]
        return sum(1 for w in workers if w.process.is_alive())

    def close(self) -> None:
        with self._lock:
            workers: list[Any] = [*self._busy.values()]
            self._busy.clear()
            self._started = False
        while True:
            try:
                workers.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in workers:
            worker.stop()
