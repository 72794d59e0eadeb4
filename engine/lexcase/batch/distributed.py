"""Caseloads beyond one machine: the cases of a batch shared out to the workers of a Dask cluster.

The cases go out in chunks; each chunk is evaluated on a worker by the same per-case function as
a local batch (`lexcase.batch.local`), so a case gets the same answer, and a case that cannot be
read or evaluated is reported in its own line as it is there. Each worker process loads and
compiles the rulebook once, the first time a chunk reaches it, and keeps it for every chunk after.
Results come back in input order. A worker lost mid-run costs its chunks, not the batch: the
scheduler gives them to another worker (Dask's own recovery); a chunk that kills every worker it
is given (`distributed.scheduler.allowed-failures` times) is reported case by case as an internal
error, and the batch goes on.

Dask and distributed are the optional extra `lexcase[dask]`; nothing here is imported until a
batch asks for a cluster. Workers should run one thread each (`--nthreads 1`): durable_rules holds
the GIL, so a second thread in a worker only waits.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import os
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any

from lexcase.errors import InputError, Place
from lexcase.evaluation.evaluator import Evaluator
from lexcase.law.rulebook import Rulebook

CHUNK = 256  # cases per task: a task costs the scheduler about a millisecond; 256 cases ~0.1 s
AHEAD = 4  # chunks in flight per worker: enough to keep each busy, few enough to bound memory
SHIPPED = "<shipped>"  # the evaluator key for the rule packs that ship with lexcase
# Dask keeps the last `distributed.admin.low-level-log-length` (1,000) messages of each of its
# streams, and of each worker's stimuli, for debugging; a chunk's message holds its cases, so
# those logs held the last 1,000 chunks (256,000 cases) in the driving process and in every
# worker: 1.3 GB there after 300,000 cases. Measured with 16: flat (benchmarks/README.md).
LOG_LENGTH = 16
# Each Dask process also samples its CPU and memory every 0.5 s and keeps the last 7,200 samples
# (an hour) for the dashboard: an idle local:1 cluster grew by 0.08 MB a minute in the driving
# process and 0.03 MB in its worker for that hour; with 16 samples both stayed flat.
SAMPLES = 16
# And each worker samples its running thread's stack every 10 ms for the dashboard's profile,
# keeping every stack ever seen per task name and the source lines it read: tracemalloc in a
# worker found 1.8 MB there after 600,000 evaluations, still growing (benchmarks/README.md).
PROFILE = False
# glibc's malloc gives each thread that allocates its own arena; a Dask worker evaluates in its
# task thread and receives and answers in its event loop's: its resident memory rose by steps
# (+4.1 MB over 1,000,000 evaluations) where one process running the same evaluations stayed
# flat. With one arena it started 6 MB lower and grew 1.3 MB (benchmarks/README.md). Set for
# the workers of a `local:N` cluster, unless the environment says otherwise.
ARENAS = "1"

Work = Callable[[Evaluator, "dt.date | None", list[Any]], list[Any]]
Lost = Callable[[Any, str], Any]

# In a worker process: one evaluator per rulebook, built by the first chunk that needs it.
_evaluators: dict[str, Evaluator] = {}
_building = threading.Lock()
_compiled = 0  # how many times this worker compiled a rulebook


def _evaluator(rulebook: Rulebook | None) -> Evaluator:
    # An overlaid rulebook keeps its base's hash: the overlays' own hashes tell them apart.
    key = SHIPPED if rulebook is None else "+".join([rulebook.sha256, *_overlays(rulebook)])
    with _building:
        evaluator = _evaluators.get(key)
        if evaluator is None:
            from lexcase.batch.local import settle

            global _compiled
            _compiled += 1
            evaluator = _evaluators[key] = Evaluator(rulebook)
            settle()  # the evaluator lives as long as the worker: out of the collector's way
    return evaluator


def _overlays(rulebook: Rulebook) -> list[str]:
    return [overlay.sha256 for overlay in rulebook.overlays]


def _chunk(work: Work, rulebook: Rulebook | None, as_of: dt.date | None, cases: list[Any]) -> Any:
    """One chunk, on a worker."""
    return work(_evaluator(rulebook), as_of, cases)


def warm(rulebook: Rulebook | None = None) -> int:
    """Compile the rulebook in this worker now (`client.run(warm)`), not with the first chunk;
    how many times the worker has compiled one."""
    _evaluator(rulebook)
    return _compiled


def compilations() -> int:
    """How many times this worker process has compiled a rulebook (for tests)."""
    return _compiled


def _dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise InputError(
            "Dask is not installed",
            Place(path="--dask"),
            expected="lexcase installed with its Dask extra: pip install 'lexcase[dask]'",
        ) from None
    return distributed


@contextlib.contextmanager
def connect(address: str) -> Iterator[Any]:
    """A Dask client: for `local:N`, on a new cluster of N worker processes on this machine
    (closed on exit); otherwise on the scheduler at `address` (e.g. tcp://10.0.0.5:8786).
    Dask's message logs and its CPU and memory samples are kept short, and its workers' profiler
    off, in this process and in the scheduler and workers of a local cluster, whose workers also
    start with one malloc arena (a cluster started by hand needs the same in its own
    environment: docs/dask.md)."""
    distributed = _dask()
    import dask

    logs = "distributed.admin.low-level-log-length"
    samples = "distributed.admin.system-monitor.log-length"
    short = {logs: min(LOG_LENGTH, dask.config.get(logs))}
    short[samples] = min(SAMPLES, dask.config.get(samples) or SAMPLES)  # None keeps every sample
    short["distributed.worker.profile.enabled"] = PROFILE
    environ = "distributed.nanny.pre-spawn-environ"  # what a worker process starts with
    spawn = dict(dask.config.get(environ) or {})
    if "MALLOC_ARENA_MAX" not in os.environ:
        spawn.setdefault("MALLOC_ARENA_MAX", ARENAS)
    short[environ] = spawn
    with dask.config.set(short):
        yield from _connect(distributed, address)


def _connect(distributed: Any, address: str) -> Generator[Any, None, None]:
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or not 1 <= int(count) <= 256:
            raise InputError(
                f"'{address}' is not a local cluster lexcase can start",
                Place(path="--dask"),
                expected="local:N with N from 1 to 256, or a scheduler address",
            )
        with (
            distributed.LocalCluster(
                n_workers=int(count),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: never a clash with another cluster
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = distributed.Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            f"cannot reach a Dask scheduler at '{address}' ({exc})",
            Place(path="--dask"),
            expected="a running scheduler's address (tcp://host:8786) or local:N",
        ) from None
    with client:
        yield client


def run_on_cluster(
    client: Any,
    work: Work,
    cases: Iterable[Any],
    *,
    rules: Rulebook | None,
    as_of: dt.date | None,
    lost: Lost,
    chunk: int | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> Generator[Any, None, None]:
    """`work` over chunks of `cases` on the cluster of `client`, answers in input order; ends
    early, between chunks, once `stopped()` (the chunks still out are cancelled)."""
    distributed = _dask()
    from lexcase.batch.local import _chunks

    # The rulebook goes to every worker once, not once per chunk.
    shared = client.scatter(rules, broadcast=True, hash=False) if rules is not None else None
    ahead = AHEAD * max(1, len(client.scheduler_info().get("workers", {})))
    pending: collections.deque[tuple[Any, list[Any]]] = collections.deque()
    try:
        for items in _chunks(cases, chunk or CHUNK):
            if stopped():
                return
            pending.append((client.submit(_chunk, work, shared, as_of, items, pure=False), items))
            if len(pending) >= ahead:
                yield from _answers(distributed, *pending.popleft(), lost)
        while pending and not stopped():
            yield from _answers(distributed, *pending.popleft(), lost)
    finally:
        for future, _ in pending:
            future.cancel()


def _answers(distributed: Any, future: Any, items: list[Any], lost: Lost) -> list[Any]:
    try:
        answers: list[Any] = future.result()
    except distributed.KilledWorker:
        reason = "every worker this case was given to died while evaluating it"
        return [lost(item, reason) for item in items]
    return answers
