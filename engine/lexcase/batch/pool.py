"""Worker processes that can die without taking the batch with them.

multiprocessing.Pool loses the chunk of a worker the system kills and then waits for it forever;
here every worker is watched. A worker that dies (killed, out of memory, crashed in C) is
replaced; each case of the chunk it held is tried again alone, in a worker started after the
death, and a case whose second worker dies too is answered by `lost(item, reason)`. Every case
is tried at most twice, so a batch always ends. Results come back in input order.

Workers ignore Ctrl-C: the terminal sends it to the whole process group, and the parent alone
decides what an interruption means (`stopped`: it stops the workers, keeps what was written, and
says so).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

Setup = Callable[[], Any]  # builds a worker's state (its evaluator), in the worker
Work = Callable[[Any, list[Any]], list[Any]]  # (state, items) -> one answer per item
Lost = Callable[[Any, str], Any]  # (item, why its workers died) -> its answer

AHEAD = 4  # chunks handed out per worker beyond the first one not yet written
WAKE = 0.2  # seconds between looks at whether the batch was asked to stop


@dataclass
class _Task:
    chunk: int  # the chunk's place in the input
    offset: int  # the first item's place in the chunk
    items: list[Any]
    retry: bool = False
    after: int = 0  # a retry runs only in a worker with at least this serial number


@dataclass
class _Worker:
    serial: int
    process: BaseProcess
    conn: Connection
    task: _Task | None = None


@dataclass
class Pool:
    """Up to `size` workers, each running `setup()` once and then `work(state, chunk)`."""

    size: int
    setup: Setup
    work: Work
    lost: Lost
    stopped: Callable[[], bool] = lambda: False  # asked to stop (Ctrl-C): end at once
    workers: list[_Worker] = field(default_factory=list)
    serial: int = 0
    deaths: int = 0

    def run(self, chunks: Iterable[list[Any]]) -> Iterator[Any]:
        """Every item's answer, in input order."""
        source = iter(enumerate(chunks))
        todo: deque[_Task] = deque()
        done: dict[int, list[Any]] = {}
        missing: dict[int, int] = {}  # answers still awaited per chunk
        written, exhausted = 0, False
        try:
            while True:
                while not exhausted and len(missing) < self.size * AHEAD and len(todo) < self.size:
                    number, chunk = next(source, (-1, []))
                    if number < 0:
                        exhausted = True
                        break
                    done[number], missing[number] = [None] * len(chunk), len(chunk)
                    todo.append(_Task(number, 0, chunk))
                self._hand_out(todo)
                if not missing or self.stopped():
                    return
                for task, answers in self._collect(todo):
                    done[task.chunk][task.offset : task.offset + len(answers)] = answers
                    missing[task.chunk] -= len(answers)
                while written in missing and missing[written] == 0:
                    del missing[written]
                    yield from done.pop(written)
                    written += 1
        finally:
            self.close()

    def _hand_out(self, todo: deque[_Task]) -> None:
        for task in list(todo):
            worker = next(
                (w for w in self.workers if w.task is None and w.serial >= task.after), None
            )
            if worker is None and len(self.workers) < self.size:
                worker = self._start()
            if worker is None:
                if task.retry:
                    continue  # waits for a worker started after the death
                break
            todo.remove(task)
            worker.task = task
            with contextlib.suppress(OSError):  # it died already: its sentinel says so
                worker.conn.send(task.items)

    def _collect(self, todo: deque[_Task]) -> Iterator[tuple[_Task, list[Any]]]:
        """Wait for answers; a dead worker's task goes back to `todo`, cut into single items."""
        watched: dict[object, _Worker] = {}
        for w in self.workers:
            if w.task is not None:
                watched[w.conn] = watched[w.process.sentinel] = w
        # Not longer than a moment: a Ctrl-C only raises a flag, looked at between waits.
        for ready in wait(list(watched), timeout=WAKE):  # type: ignore[arg-type]
            worker = watched[ready]
            task = worker.task
            if task is None:
                continue  # answered and handled earlier in this round
            try:
                answers = worker.conn.recv() if worker.conn.poll() else None
            except (EOFError, OSError):
                answers = None
            if answers is not None:
                worker.task = None
                yield task, answers
                continue
            if worker.process.is_alive():
                continue
            worker.task = None
            yield from self._died(worker, task, todo)

    def _died(self, worker: _Worker, task: _Task, todo: deque[_Task]) -> Iterator[Any]:
        self.workers.remove(worker)
        worker.conn.close()
        worker.process.join()
        self.deaths += 1
        reason = _death(worker.process.exitcode)
        if task.retry:
            yield task, [self.lost(task.items[0], reason)]
            return
        for index, item in enumerate(task.items):
            todo.appendleft(
                _Task(task.chunk, task.offset + index, [item], retry=True, after=self.serial)
            )

    def _start(self) -> _Worker:
        methods = multiprocessing.get_all_start_methods()
        # fork starts a worker without importing lexcase again
        context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        parent, child = context.Pipe(duplex=True)
        process = context.Process(target=_serve, args=(child, self.setup, self.work), daemon=True)
        process.start()
        child.close()
        worker = _Worker(self.serial, process, parent)
        self.serial += 1
        self.workers.append(worker)
        return worker

    def close(self) -> None:
        """Stop every worker (at the end, or when the batch is interrupted)."""
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join()
            worker.conn.close()
        self.workers.clear()


def _serve(conn: Connection, setup: Setup, work: Work) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    state = setup()
    while True:
        try:
            items = conn.recv()
        except EOFError:
            return
        conn.send(work(state, items))


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the worker process evaluating it was killed ({name}), twice"
    return f"the worker process evaluating it ended with exit code {exitcode}, twice"


def worker_limit() -> int:
    """The most workers a batch may ask for: two per processor this process may run on (more
    only cost memory: each holds its own compiled rules)."""
    try:
        processors = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        processors = os.cpu_count() or 1
    return max(2, 2 * processors)
