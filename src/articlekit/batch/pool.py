"""Running the parser over many sources, yielding results in input order.

:func:`parse_many` is the Python API. With ``jobs > 1`` a :class:`_Pool` of
worker processes is fed one page at a time, so a page that hangs or crashes
its worker costs that page only. With ``jobs == 1`` pages are parsed in this
process (see :mod:`.runner`, which also holds the workers' own loop). The
tunables of the pool (:data:`WORKER_MAX_PAGES`, ...) are read from this module
at run time: set them here, not on the ``articlekit.batch`` package.
"""

from __future__ import annotations

import contextlib
import json
import math
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ..article import Article
from ..errors import InputError
from .results import PageError, Result, _error_of, _record_of, _result_of
from .runner import (
    ERROR_TIMEOUT,
    Parser,
    _alarm_usable,
    _bare,
    _default_parser,
    _run_in_process,
    _worker_main,
)
from .site_memory import SiteMemory
from .sources import InputKind, Source, _posix, iter_sources, load_source

#: Seconds one page may take (decompression and parsing) before it is failed.
DEFAULT_TIMEOUT = 30.0
#: Results may complete out of order but are yielded in input order; at most
#: this many per job are dispatched past the oldest unfinished page. It bounds
#: the parent's reorder buffer (memory) at the price of idling workers behind a
#: page that hangs until its time limit.
REORDER_WINDOW_PER_JOB = 16
#: A worker process is replaced after this many pages, so that any slow growth
#: of caches inside the parser cannot add up over a 100,000-page run.
WORKER_MAX_PAGES = 1000
#: Parsed once in the parent before workers are forked (see ``_Pool.run``).
WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    "<p>Published 2 January 2024. A short paragraph of text.</p></article></body></html>"
)

#: Error type recorded for a page whose worker process died under it.
ERROR_WORKER_DIED = "WorkerDied"

__all__ = [
    "DEFAULT_TIMEOUT",
    "ERROR_TIMEOUT",
    "ERROR_WORKER_DIED",
    "REORDER_WINDOW_PER_JOB",
    "WARM_UP_PAGE",
    "WORKER_MAX_PAGES",
    "Parser",
    "default_jobs",
    "parse_many",
]


def _context() -> Any:
    """fork when this process has one thread (fast start, and workers share the
    parent's imported parser); forkserver otherwise, since forking a process
    with threads can deadlock the child."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


@dataclass
class _Task:
    seq: int
    source: Source
    started: float


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: _Task | None = None
    pages: int = 0


class _Pool:
    """Worker processes, each fed one page at a time over its own pipe, so a
    page that hangs or kills its worker costs that page only: the parent kills
    or reaps the worker, records the page as failed and starts a new one."""

    def __init__(self, jobs: int, parser: Parser, timeout: float | None) -> None:
        self.jobs = jobs
        self.parser = parser
        self.timeout = timeout
        self.ctx: Any = _context()
        self.workers: list[_Worker] = []
        self.forking = self.ctx.get_start_method() == "fork"

    def _spawn(self) -> _Worker:
        parent_end, child_end = self.ctx.Pipe(duplex=True)
        # A forked child inherits every pipe end the parent holds; it closes
        # them, else a worker would keep its siblings' pipes open after the
        # parent dies.
        inherited = [w.conn for w in self.workers] + [parent_end] if self.forking else []
        process = self.ctx.Process(
            target=_worker_main,
            args=(child_end, self.parser, inherited),
            daemon=True,
            name="articlekit-worker",
        )
        process.start()
        child_end.close()
        worker = _Worker(process=process, conn=parent_end)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        self.workers.remove(worker)
        if kill:
            worker.process.kill()
        else:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        worker.process.join(timeout=None if kill else 5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def close(self) -> None:
        for worker in list(self.workers):
            self._retire(worker, kill=True)

    def run(self, sources: Iterator[Source]) -> Generator[Result, None, None]:
        window = max(1, self.jobs * REORDER_WINDOW_PER_JOB)
        done: dict[int, Result] = {}
        next_out = 0  # seq of the next result to yield
        next_in = 0  # seq of the next source taken
        exhausted = False
        try:
            if self.forking:
                # Build the parser's lazy state (pipeline, imports) once here so
                # that every forked worker, and every replacement, starts warm.
                with contextlib.suppress(Exception):
                    self.parser(WARM_UP_PAGE)
            for _ in range(self.jobs):
                self._spawn()
            while True:
                # Hand pages to idle workers while the reorder window allows.
                for worker in list(self.workers):
                    while worker.task is None and not exhausted and next_in - next_out < window:
                        source = next(sources, None)
                        if source is None:
                            exhausted = True
                            break
                        seq, next_in = next_in, next_in + 1
                        started = time.perf_counter()
                        try:
                            loaded = load_source(source)
                            if loaded.data is None:
                                raise InputError("unreadable input")
                        except Exception as exc:
                            done[seq] = Result(_bare(source), error=_error_of(exc))
                            continue
                        worker = self._send(worker, _Task(seq, loaded, started))
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
                busy = [w for w in self.workers if w.task is not None]
                if not busy:
                    if exhausted:
                        return
                    continue
                self._collect(busy, done)
        finally:
            self.close()

    def _send(self, worker: _Worker, task: _Task) -> _Worker:
        data = task.source.data
        source = task.source
        message = (data, source.compression, source.url, source.kind, source.encoding)
        for _attempt in range(2):
            try:
                worker.conn.send(message)
            except OSError:  # died while idle: the page was never started
                self._retire(worker, kill=True)
                worker = self._spawn()
                continue
            worker.task = replace(task, source=_bare(task.source))
            return worker
        raise RuntimeError("cannot start a worker process")

    def _collect(self, busy: list[_Worker], done: dict[int, Result]) -> None:
        now = time.perf_counter()
        wait_for: float | None = None
        if self.timeout:
            deadline = min(w.task.started for w in busy if w.task) + self.timeout
            wait_for = max(0.0, deadline - now)
        handles: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(handles, timeout=wait_for))
        now = time.perf_counter()
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.conn in ready or worker.process.sentinel in ready:
                reply: Any = None
                with contextlib.suppress(EOFError, OSError):
                    if worker.conn.poll():
                        reply = worker.conn.recv()
                if reply is None:
                    worker.process.join(timeout=1)  # exitcode is known once reaped
                    code = worker.process.exitcode
                    self._retire(worker, kill=True)
                    self._spawn()
                    done[task.seq] = Result(
                        task.source,
                        error=PageError(ERROR_WORKER_DIED, _death_message(code)),
                        seconds=now - task.started,
                    )
                    continue
                worker.task = None
                worker.pages += 1
                seconds = now - task.started
                if reply[0] == "ok":
                    article = Article.from_dict(reply[1])
                    done[task.seq] = Result(task.source, article=article, seconds=seconds)
                else:
                    error = PageError(reply[1], reply[2])
                    done[task.seq] = Result(task.source, error=error, seconds=seconds)
                if worker.pages >= WORKER_MAX_PAGES:
                    self._retire(worker, kill=False)
                    self._spawn()
            elif self.timeout and now - task.started >= self.timeout:
                self._retire(worker, kill=True)
                self._spawn()
                done[task.seq] = Result(
                    task.source,
                    error=PageError(
                        ERROR_TIMEOUT, f"page took longer than {self.timeout:g} s; worker killed"
                    ),
                    seconds=now - task.started,
                )


def _death_message(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process was killed by {name} while parsing this page"
    return f"worker process exited (code {code}) while parsing this page"


# -- the Python API ------------------------------------------------------------


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def parse_many(
    sources: Iterable[str | os.PathLike[str] | Source],
    *,
    jobs: int | None = None,
    timeout: float | None = None,
    site_memory: bool = False,
    parser: Parser | None = None,
    kind: InputKind = "auto",
) -> Iterator[Result]:
    """Parse many pages; yield one :class:`Result` per page, in input order.

    ``sources`` holds paths (files, folders walked recursively, WARC files) and
    :class:`Source` objects (e.g. ``Source.from_bytes(html, id="a", url=...)``).
    Nothing is read before it is needed, so memory does not grow with the number
    of sources.

    ``jobs``: worker processes; ``None`` means all cores, ``1`` parses in this
    process. ``timeout``: seconds per page, ``None`` means
    :data:`DEFAULT_TIMEOUT`, ``0`` or ``math.inf`` means no limit. With
    ``jobs=1`` the limit is an in-process ``SIGALRM`` timer; where that is not
    available (not the main thread, not POSIX) one worker process is used.

    ``site_memory=True`` applies :class:`SiteMemory`: every page is parsed first
    (results are spooled to a temporary file, not held in memory), then the
    results are yielded with site-wide repeated blocks removed.

    ``parser`` replaces ``articlekit.parse`` (it must be a module-level function
    or a picklable object when worker processes are not forked). It is called
    as ``parser(data, url=url)``, and for a text dump as ``parser(data,
    url=url, text=True)``; a page whose source carries a transport charset
    (``Source.encoding``: a WARC record's HTTP header charset, or
    ``Source.from_bytes(..., encoding=...)``) is also given ``encoding=label``.
    ``PageParser(ParseOptions(...))`` parses with extraction options.

    Files are read as pages or text dumps (``.txt``, ``.text``) by suffix;
    ``kind="html"`` or ``"text"`` reads every file that way.
    """
    limit = DEFAULT_TIMEOUT if timeout is None else timeout
    if limit <= 0 or math.isinf(limit):
        limit = 0.0
    njobs = default_jobs() if jobs is None else jobs
    if njobs < 1:
        raise ValueError("jobs must be at least 1")
    results = _parse_ordered(
        _expand_each(sources, kind), njobs, limit or None, parser or _default_parser()
    )
    if not site_memory:
        return results
    return _with_site_memory(results)


def _expand_each(
    sources: Iterable[str | os.PathLike[str] | Source], kind: InputKind = "auto"
) -> Iterator[Source]:
    """The sources of each item in turn. A path that cannot be walked (missing,
    unreadable) becomes one failed source, so that its error is a result like
    any other page's and the items after it are still parsed."""
    for item in sources:
        if isinstance(item, Source):
            yield item
            continue
        path = os.fspath(item)
        try:
            yield from iter_sources([path], kind=kind)
        except OSError as exc:
            problem = f"{type(exc).__name__}: {exc}"
            yield Source(id=_posix(path), path=path, rel=Path(path).name, problem=problem)


def _parse_ordered(
    sources: Iterator[Source], jobs: int, timeout: float | None, parser: Parser
) -> Generator[Result, None, None]:
    if jobs == 1 and (timeout is None or _alarm_usable()):
        return _run_in_process(sources, parser, timeout)
    return _Pool(jobs, parser, timeout).run(sources)


def _with_site_memory(results: Iterator[Result]) -> Iterator[Result]:
    memory = SiteMemory()
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as spool:
        for result in results:
            if result.article is not None:
                memory.learn(result.article, result.source)
            spool.write(json.dumps(_record_of(result), ensure_ascii=False) + "\n")
        spool.seek(0)
        for line in spool:
            result = _result_of(json.loads(line))
            if result.article is not None:
                result = replace(result, article=memory.apply(result.article, result.source))
            yield result
