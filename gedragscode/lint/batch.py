"""Linting many documents: in input order, in this process or on several cores, streaming.

:func:`lint_each` takes the documents to check (what the folder walk yields: paths, and
:class:`LintFailure` values for paths that could not be walked) and yields one result per item,
**in input order**, as soon as that item and all before it are done. With ``jobs=1`` everything runs
in this process, one document at a time. With more jobs the documents are linted by a pool of
worker processes (start method ``spawn`` on every platform, so Linux behaves as Windows and macOS
do); each worker receives the model once, and at most ``jobs * WINDOW_PER_JOB`` documents are in
flight, so memory does not grow with the number of documents: the caller writes each result and
lets it go. A batch of fewer than :data:`MIN_PARALLEL` documents is linted in this process, since
starting workers would cost more than it saves.

The result for a document is the same whichever way it was linted, byte for byte in every report
(``lint --jobs 1`` and ``lint --jobs 4`` print the same). A worker that dies (a crash in a native
library on a hostile file) costs only the document it was reading: the pool is restarted, the
document is tried once more on its own and, if it kills that worker too, reported as a
:class:`LintFailure`; the other documents are linted as usual.

``multiprocessing`` and ``concurrent.futures`` are imported only when a pool is started: a one-file
lint does not pay for them (about a tenth of its start-up time).
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

from gedragscode.errors import GedragscodeError
from gedragscode.lint.result import LintFailure, LintResult
from gedragscode.model import Model

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["MIN_PARALLEL", "WINDOW_PER_JOB", "default_jobs", "lint_each"]

MIN_PARALLEL = 4
"""Batches with fewer documents than this are linted in this process."""

WINDOW_PER_JOB = 4
"""Documents handed to the pool ahead of the one being reported, per worker."""

CRASHED = ("het programma stopte onverwacht bij het lezen van dit document (het document is mogelijk "
           "beschadigd of misvormd); de andere documenten zijn wel gecontroleerd")

Item: TypeAlias = "str | os.PathLike[str] | LintFailure"
Outcome: TypeAlias = "LintResult | LintFailure"
Task: TypeAlias = "Callable[[Model, Mapping[str, Any], Any], Outcome]"


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint_one(model: Model, options: Mapping[str, Any], item: Any) -> Outcome:
    """Read and check one document; a document that cannot be read becomes a :class:`LintFailure`."""
    from gedragscode.lint.engine import lint

    try:
        return lint(item, model=model, **options)
    except GedragscodeError as exc:
        return LintFailure(str(item), exc.message)


# ---------------------------------------------------------------- worker processes

_WORKER: tuple[Model, Mapping[str, Any], Task] | None = None


def _init_worker(model_data: bytes, options: Mapping[str, Any], task: Task) -> None:
    # Ctrl-C is the parent's to handle: it stops handing out work and waits for the workers.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import gc

    from gedragscode.model_cache import loads_model

    global _WORKER
    gc.disable()  # the model and the lint modules live as long as the worker: loaded, then frozen
    import gedragscode.lint.engine  # noqa: F401
    _WORKER = (loads_model(model_data), options, task)
    gc.freeze()  # the collector leaves them alone from now on, and looks at each document's objects only
    gc.enable()


def _run_in_worker(item: Any) -> Outcome:
    if _WORKER is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker not initialised")
    model, options, task = _WORKER
    return task(model, options, item)


class _Pool:
    """A process pool that hands out documents and restarts itself when a worker dies."""

    def __init__(self, model: Model, options: Mapping[str, Any], task: Task, jobs: int) -> None:
        from gedragscode.model_cache import dumps_model

        self.args = (dumps_model(model), dict(options), task)
        self.jobs = jobs
        self.executor = self._start(jobs)

    def _start(self, workers: int) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=self.args)

    def submit(self, item: Any) -> Future[Outcome]:
        return self.executor.submit(_run_in_worker, item)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start(self.jobs)

    def alone(self, item: Any) -> Outcome:
        """Lint ``item`` in a worker of its own: the document that killed a worker, or a bystander."""
        from concurrent.futures.process import BrokenProcessPool

        executor = self._start(1)
        try:
            return executor.submit(_run_in_worker, item).result()
        except BrokenProcessPool:
            return LintFailure(str(item), CRASHED)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _succeeded(future: Future[Outcome]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _parallel(items: Iterator[Any], model: Model, options: Mapping[str, Any], task: Task,
              jobs: int) -> Iterator[Outcome]:
    from concurrent.futures.process import BrokenProcessPool

    pool = _Pool(model, options, task, jobs)
    window = jobs * WINDOW_PER_JOB
    pending: deque[tuple[Any, Future[Outcome] | None]] = deque()

    def outcome(item: Any, future: Future[Outcome] | None) -> Outcome:
        if future is None:
            assert isinstance(item, LintFailure)
            return item
        try:
            return future.result()
        except BrokenProcessPool:
            # A worker died: every unfinished document in the pool is lost with it. Restart the
            # pool, try this document on its own, and hand the others out again.
            pool.restart()
            for index, (other, other_future) in enumerate(pending):
                if other_future is not None and not _succeeded(other_future):
                    pending[index] = (other, pool.submit(other))
            return pool.alone(item)

    def ready(limit: int) -> Iterator[Outcome]:
        while pending:
            item, future = pending[0]
            if future is not None and not future.done() and len(pending) <= limit:
                return
            pending.popleft()
            yield outcome(item, future)

    try:
        for item in items:
            pending.append((item, None if isinstance(item, LintFailure) else pool.submit(item)))
            yield from ready(window)
        yield from ready(0)
    finally:
        pool.close()


def lint_each(items: Iterable[Item], *, model: Model, options: Mapping[str, Any] | None = None,
              jobs: int | None = 1, task: Task = lint_one) -> Iterator[Outcome]:
    """One result per item, in input order, each yielded as soon as it (and all before it) is done.

    ``items`` are paths to read and :class:`LintFailure` values (passed through in their place).
    ``options`` are the keyword arguments of :func:`gedragscode.lint` besides the model (``body``,
    ``offices``, ``suggest`` ...). ``jobs``: worker processes; ``None`` or ``0`` for one per core.
    ``task`` is the function that checks one item (for tests; it must be importable by name).
    """
    options = dict(options or {})
    count = default_jobs() if not jobs or jobs < 0 else jobs
    iterator = iter(items)

    def here(item: Any) -> Outcome:
        return item if isinstance(item, LintFailure) else task(model, options, item)

    if count == 1:
        for item in iterator:
            yield here(item)
        return
    head = list(itertools.islice(iterator, MIN_PARALLEL))
    if len(head) < MIN_PARALLEL:
        for item in head:
            yield here(item)
        return
    yield from _parallel(itertools.chain(head, iterator), model, options, task, count)
