"""Batch cleaning: many saved pages in, one typed ``Article`` (or one error) per page out.

The pieces, in the order a run uses them:

* :func:`iter_sources` walks files and folders (recursive, sorted, so every run
  sees the same order) and WARC files (one source per HTML response record).
* :func:`load_source` reads a source's raw bytes in the parent and hashes them;
  decompression and parsing happen in the worker, where the time limit covers
  them and a crash costs only that page.
* :func:`parse_many` runs ``articlekit.parse`` over the sources, in worker
  processes (``jobs > 1``) or in-process (``jobs == 1``), with a per-page time
  limit, and yields one :class:`Result` per source **in input order**.
* :class:`SiteMemory` learns text blocks that repeat over a large share of one
  site's pages and removes them as chrome (rule ``site-repeat``).
* :func:`clean` is what ``articlekit clean`` runs: it writes a crash-safe spool,
  supports ``--resume``, and builds the output files and :class:`Report`.

Why a spool: site memory needs every page parsed before any page can be written,
and ``--resume`` needs a record of what is done that survives ``kill -9``. Both
are served by one append-only JSONL file (``OUT/.articlekit/pages.jsonl``): each
page's result is appended as one complete line as soon as it is known, and the
outputs (``articles.jsonl``, ``errors.jsonl``, per-page files, ``report.json``)
are rebuilt from it at the end of every run, each written to a temporary file
and moved into place. A killed run loses at most the pages that were in flight.
"""

from __future__ import annotations

import bz2
import contextlib
import hashlib
import importlib
import json
import math
import multiprocessing
import os
import re
import signal
import tempfile
import threading
import time
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import FrameType
from typing import IO, Any, Literal
from urllib.parse import urlsplit

import regex

from .article import Article, Removal
from .errors import ArticlekitError, InputError, InputTooLargeError

__all__ = [
    "DEFAULT_TIMEOUT",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "FORMATS",
    "SITE_REPEAT_THRESHOLDS",
    "PageError",
    "Report",
    "Result",
    "SiteMemory",
    "SiteRepeatThresholds",
    "Source",
    "UsageError",
    "clean",
    "count_sources",
    "default_jobs",
    "iter_sources",
    "load_source",
    "parse_many",
    "site_of",
    "warc_available",
]

# -- tunables ------------------------------------------------------------------

#: File name endings that are read as pages when a folder is walked.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: Compressed forms of pages, and the codec that undoes each.
COMPRESSION_SUFFIXES: Mapping[str, str] = {".gz": "gzip", ".bz2": "bz2"}
#: WARC files: every HTML response record in them is a page.
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Seconds one page may take (decompression and parsing) before it is failed.
DEFAULT_TIMEOUT = 30.0
#: Largest page, raw or decompressed, that is handed to the parser. A cap on the
#: decompressed size keeps a gzip bomb from taking a worker's memory.
MAX_PAGE_BYTES = 64 * 1024 * 1024
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
#: How often (seconds) an idle worker checks that its parent is still alive; a
#: worker whose parent was killed exits by itself instead of lingering.
WORKER_PARENT_CHECK_SECONDS = 1.0
#: The spool is fsynced after this many records or seconds, whichever is first:
#: records written before a power cut survive up to the last checkpoint (a
#: ``kill -9`` loses nothing written, since the data is in the page cache).
FSYNC_EVERY_RECORDS = 500
FSYNC_EVERY_SECONDS = 5.0

#: Output formats of ``clean``, and the file name ending of the per-page ones.
FORMATS: Mapping[str, str | None] = {
    "jsonl": None,
    "json": ".json",
    "markdown": ".md",
    "text": ".txt",
}
Format = Literal["jsonl", "json", "markdown", "text"]

#: Folder inside OUT that holds the run's spool (see the module docstring).
STATE_DIR = ".articlekit"
SPOOL_NAME = "pages.jsonl"
ARTICLES_NAME = "articles.jsonl"
ERRORS_NAME = "errors.jsonl"
REPORT_NAME = "report.json"

#: Error types recorded for failures that are not exceptions from the parser.
ERROR_TIMEOUT = "PageTimeout"
ERROR_WORKER_DIED = "WorkerDied"

#: Exit codes of ``articlekit clean``.
EXIT_OK = 0  # every page became an article
EXIT_FAILED = 1  # the run finished, some pages failed (see errors.jsonl)
EXIT_USAGE = 2  # bad arguments, missing input, OUT holds another run, ...
EXIT_INTERRUPTED = 130  # Ctrl-C / SIGTERM: outputs are complete for the pages done

Parser = Callable[..., Article]


class UsageError(ArticlekitError):
    """The command line or the OUT folder does not allow a run (exit code 2)."""


class _PageTimeout(BaseException):
    """Raised by the in-process alarm. A ``BaseException`` on purpose: the
    parser's own ``except Exception`` blocks must not swallow it."""


# -- sources -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """One page to parse: a file, a WARC record, or bytes given in memory.

    ``id`` is what the outputs call the page: the file's path as walked, or
    ``"<warc path>#<WARC-Record-ID>"``. ``rel`` is the page's place in the output
    tree of the per-page formats. ``data`` and ``content_hash`` are filled by
    :func:`load_source`; results carry the source without ``data``.
    """

    id: str
    path: str | None = None
    record_id: str | None = None
    url: str | None = None
    rel: str | None = None
    compression: str | None = None
    content_hash: str | None = None
    data: bytes | None = field(default=None, repr=False, compare=False)
    #: Set when the input could not even be read as a source (a broken WARC).
    problem: str | None = None

    @classmethod
    def from_bytes(
        cls, data: bytes | str, *, id: str, url: str | None = None, compression: str | None = None
    ) -> Source:
        """A page held in memory (``str`` is encoded as UTF-8)."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        return cls(
            id=id, url=url, rel=id, compression=compression, data=raw, content_hash=_hash(raw)
        )

    @property
    def key(self) -> str:
        """Identity of the page across runs (path, plus record id in a WARC)."""
        return self.id


def _hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _lower_name(path: str) -> str:
    return Path(path).name.lower()


def _is_warc(path: str) -> bool:
    return _lower_name(path).endswith(WARC_SUFFIXES)


def _compression_of(path: str) -> str | None:
    name = _lower_name(path)
    for suffix, codec in COMPRESSION_SUFFIXES.items():
        if name.endswith(suffix):
            return codec
    return None


def _is_page(path: str) -> bool:
    name = _lower_name(path)
    for suffix in COMPRESSION_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.endswith(PAGE_SUFFIXES)


def _walk(root: str) -> Iterator[tuple[str, str | None]]:
    """(path, problem) of the files under ``root`` in path order: the entries
    of each folder sorted by name, a subfolder's files in its place among them.
    A folder that cannot be listed is reported (problem set) rather than
    stopping the run. Symlinked folders are not followed (no loops)."""
    try:
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield root, f"cannot list folder: {exc}"
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path, None


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")


def _input_files(inputs: list[str]) -> Iterator[tuple[str, str, str | None]]:
    """(path, rel, problem) of every input file, in run order.

    With one folder input, ``rel`` is relative to it; with several inputs each
    folder's files are placed under the folder's name (as ``cp -r A B OUT``
    would). A file named on the command line is taken whatever its suffix.
    """
    several = len(inputs) > 1
    for item in inputs:
        if Path(item).is_dir():
            base = Path(item).resolve().name if several else ""
            for path, problem in _walk(item):
                if problem or _is_page(path) or _is_warc(path):
                    rel = _posix(os.path.relpath(path, item))
                    yield path, f"{base}/{rel}" if base else rel, problem
        elif Path(item).exists():
            yield item, Path(item).name, None
        else:
            raise FileNotFoundError(f"no such file or folder: {item}")


def count_sources(inputs: Iterable[str | os.PathLike[str]]) -> tuple[int, int]:
    """(page files, WARC files) under ``inputs``; WARC records are not counted
    here because that would mean reading every WARC twice."""
    pages = warcs = 0
    for path, _rel, _problem in _input_files([os.fspath(i) for i in inputs]):
        if _is_warc(path):
            warcs += 1
        else:
            pages += 1
    return pages, warcs


def iter_sources(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Source]:
    """Every page under ``inputs``, in a deterministic order, without data.

    WARC records come with their data (the record has to be read to be found).
    A WARC that cannot be read (truncated, or the ``warc`` extra missing) gives a
    source with ``problem`` set; :func:`parse_many` turns it into a failed
    result, so it is accounted for.
    """
    for path, rel, problem in _input_files([os.fspath(i) for i in inputs]):
        if problem:
            yield Source(id=_posix(path), path=path, rel=rel, problem=problem)
        elif _is_warc(path):
            yield from _iter_warc(path, rel)
        else:
            yield Source(id=_posix(path), path=path, rel=rel, compression=_compression_of(path))


def _import_warcio() -> Any:
    try:
        return importlib.import_module("warcio.archiveiterator")
    except ImportError as exc:
        raise ImportError(
            "reading WARC files needs the 'warc' extra: pip install 'articlekit[warc]'"
        ) from exc


def warc_available() -> bool:
    try:
        _import_warcio()
    except ImportError:
        return False
    return True


def _is_html_record(record: Any) -> bool:
    if record.rec_type == "response":
        headers = record.http_headers
        ctype = headers.get_header("Content-Type", "") if headers is not None else ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type", "")
    else:
        return False
    ctype = (ctype or "").lower()
    # No content type at all: let the parser decide rather than drop the page.
    return not ctype or "html" in ctype


def _gzip_complete(path: str) -> bool:
    """Whether every gzip member of the file ends properly. warcio reads a
    truncated ``.warc.gz`` as if it simply ended, which would lose its last
    records without a trace; this pass (decompression only, output dropped)
    turns that into an error record."""
    engine: Any = None  # the decompressor of the member being read
    pending = b""  # input past the end of the last member
    with Path(path).open("rb") as fh:
        while chunk := pending or fh.read(1 << 20):
            pending = b""
            while chunk:
                if engine is None:
                    engine = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
                engine.decompress(chunk, 1 << 20)  # output capped, then dropped
                chunk = engine.unconsumed_tail
                if engine.eof:
                    pending, engine = engine.unused_data, None
                    break
    return engine is None


def _iter_warc(path: str, rel: str) -> Iterator[Source]:
    stem = rel
    for suffix in WARC_SUFFIXES[::-1]:  # ".warc.gz" before ".warc"
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    index = 0

    def broken(why: str) -> Source:
        return Source(
            id=f"{_posix(path)}#error-after-{index}",
            path=path,
            rel=f"{stem}/error-{index:06d}",
            problem=f"cannot read WARC after record {index}: {why}",
        )

    try:
        module = _import_warcio()
        with Path(path).open("rb") as fh:
            for record in module.ArchiveIterator(fh):
                if not _is_html_record(record):
                    continue
                index += 1
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                data = record.content_stream().read(MAX_PAGE_BYTES + 1)
                short = len(data) <= MAX_PAGE_BYTES and getattr(record.raw_stream, "limit", 0) > 0
                yield Source(
                    id=f"{_posix(path)}#{record_id or index}",
                    path=path,
                    record_id=record_id,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    rel=f"{stem}/{index:06d}",
                    data=data,
                    content_hash=_hash(data),
                    problem="the record is truncated" if short else None,
                )
        if _lower_name(path).endswith(".gz") and not _gzip_complete(path):
            yield broken("the file is truncated")
    except Exception as exc:  # a broken WARC is one failed input, not a crashed run
        yield broken(f"{type(exc).__name__}: {exc}")


def load_source(source: Source) -> Source:
    """The source with its raw bytes and content hash (file sources are read
    here; sources that hold data are returned as they are). Raises ``OSError``
    or :class:`InputTooLargeError`."""
    if source.problem is not None:
        raise InputError(source.problem)
    if source.data is not None or source.path is None:
        return source
    size = Path(source.path).stat().st_size
    if size > MAX_PAGE_BYTES:
        raise InputTooLargeError(f"{size} bytes is over the {MAX_PAGE_BYTES}-byte limit")
    data = Path(source.path).read_bytes()
    return replace(source, data=data, content_hash=_hash(data))


# -- results -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageError:
    """Why a page has no article: the exception's class name and message, or
    ``PageTimeout`` / ``WorkerDied`` for failures the pool itself observed."""

    type: str
    message: str


@dataclass(frozen=True, slots=True)
class Result:
    """One source's outcome: exactly one of ``article`` and ``error`` is set."""

    source: Source
    article: Article | None = None
    error: PageError | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.article is not None


def _record_of(result: Result) -> dict[str, Any]:
    """The JSON record of a result (spool and output lines)."""
    src = result.source
    record: dict[str, Any] = {
        "source": src.id,
        "record_id": src.record_id,
        "url": src.url,
        "content_hash": src.content_hash,
    }
    if result.article is not None:
        record["article"] = result.article.to_dict()
    else:
        assert result.error is not None
        record["error_type"] = result.error.type
        record["message"] = result.error.message
    record["rel"] = src.rel
    return record


def _result_of(record: Mapping[str, Any]) -> Result:
    source = Source(
        id=record["source"],
        record_id=record.get("record_id"),
        url=record.get("url"),
        rel=record.get("rel"),
        content_hash=record.get("content_hash"),
    )
    if "article" in record:
        return Result(source=source, article=Article.from_dict(record["article"]))
    return Result(source=source, error=PageError(record["error_type"], record["message"]))


# -- the work done for one page (in a worker, or in-process) ---------------------


def _decompress(data: bytes, codec: str | None) -> bytes:
    if codec is None:
        return data
    engine: Any
    if codec == "gzip":
        engine = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    elif codec == "bz2":
        engine = bz2.BZ2Decompressor()
    else:
        raise InputError(f"unknown compression {codec!r}")
    try:
        out = engine.decompress(data, MAX_PAGE_BYTES + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise InputError(f"cannot decompress {codec} data: {exc}") from exc
    if len(out) > MAX_PAGE_BYTES:
        raise InputTooLargeError(f"decompresses to over {MAX_PAGE_BYTES} bytes")
    if not engine.eof:
        raise InputError(f"{codec} data is truncated")
    return bytes(out)


def _parse_one(parser: Parser, data: bytes, codec: str | None, url: str | None) -> Article:
    return parser(_decompress(data, codec), url=url)


def _error_of(exc: BaseException) -> PageError:
    message = str(exc) or repr(exc)
    return PageError(type(exc).__name__, message)


def _default_parser() -> Parser:
    # Looked up at call time so that a monkeypatched ``articlekit.parse`` is used.
    module = importlib.import_module("articlekit")
    parser: Parser = module.parse
    return parser


# -- in-process runner (jobs == 1) ----------------------------------------------


def _alarm_usable() -> bool:
    """SIGALRM can bound a page's time only on POSIX and in the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _PageTimeout


def _run_in_process(
    sources: Iterator[Source], parser: Parser, timeout: float | None
) -> Generator[Result, None, None]:
    """Parse in this process. The time limit is an interval timer whose signal
    raises inside the parser; it fires between Python bytecodes, so a page stuck
    in one long C call is stopped only when that call returns."""
    previous = signal.signal(signal.SIGALRM, _on_alarm) if timeout else None
    try:
        for source in sources:
            started = time.perf_counter()
            try:
                loaded = load_source(source)
                if loaded.data is None:
                    raise InputError("unreadable input")
                try:
                    try:
                        if timeout:
                            signal.setitimer(signal.ITIMER_REAL, timeout)
                        article = _parse_one(parser, loaded.data, loaded.compression, loaded.url)
                    finally:
                        if timeout:
                            signal.setitimer(signal.ITIMER_REAL, 0)
                except _PageTimeout:
                    error = PageError(ERROR_TIMEOUT, f"page took longer than {timeout:g} s")
                    yield Result(_bare(loaded), error=error, seconds=_since(started))
                    continue
                yield Result(_bare(loaded), article=article, seconds=_since(started))
            except Exception as exc:
                yield Result(_bare(source), error=_error_of(exc), seconds=_since(started))
    finally:
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)


def _since(started: float) -> float:
    return time.perf_counter() - started


def _bare(source: Source) -> Source:
    """The source without its bytes, so that results stay small."""
    return replace(source, data=None) if source.data is not None else source


# -- worker pool (jobs > 1) -----------------------------------------------------


def _worker_main(conn: Connection, parser: Parser, inherited: list[Connection]) -> None:
    """A worker: receive (data, codec, url), send back ("ok", dict) or
    ("error", type, message). It ignores Ctrl-C (the parent decides) and exits
    when its parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in inherited:  # forked copies of the parent's pipe ends
        other.close()
    parent = os.getppid()
    while True:
        if not conn.poll(WORKER_PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                return
            continue
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        data, codec, url = task
        try:
            article = _parse_one(parser, data, codec, url)
            reply: tuple[Any, ...] = ("ok", article.to_dict())
        except Exception as exc:
            error = _error_of(exc)
            reply = ("error", error.type, error.message)
        try:
            conn.send(reply)
        except OSError:  # the parent is gone
            return
        except Exception as exc:  # e.g. a result that does not pickle
            with contextlib.suppress(OSError):
                conn.send(("error", type(exc).__name__, f"cannot send the result: {exc}"))


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
        message = (data, task.source.compression, task.source.url)
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


def _expand(sources: Iterable[str | os.PathLike[str] | Source]) -> Iterator[Source]:
    for item in sources:
        if isinstance(item, Source):
            yield item
        else:
            yield from iter_sources([item])


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
    when worker processes are not forked).
    """
    limit = DEFAULT_TIMEOUT if timeout is None else timeout
    if limit <= 0 or math.isinf(limit):
        limit = 0.0
    njobs = default_jobs() if jobs is None else jobs
    if njobs < 1:
        raise ValueError("jobs must be at least 1")
    results = _parse_ordered(_expand(sources), njobs, limit or None, parser or _default_parser())
    if not site_memory:
        return results
    return _with_site_memory(results)


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


# -- site memory ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SiteRepeatThresholds:
    """When a block counts as site chrome (see :data:`SITE_REPEAT_THRESHOLDS`)."""

    #: A site needs this many distinct pages in the run before anything is
    #: removed: with fewer, "repeats on most pages" is not evidence of chrome.
    min_pages: int
    #: A block is chrome when it is on at least this share of the site's pages...
    min_share: float
    #: ...and on at least this many of them, so text that merely repeats on a
    #: couple of pages (a quote, a correction, a shared intro) stays.
    min_repeats: int
    #: Blocks longer than this are never removed: boilerplate is short, and a
    #: long shared block is more likely a syndicated story than a menu.
    max_chars: int


#: The thresholds of rule ``site-repeat``. Pages that are byte-for-byte copies
#: of another page of the run (same paragraphs) count once, so a folder that
#: holds one article several times does not make that article "chrome".
SITE_REPEAT_THRESHOLDS = SiteRepeatThresholds(
    min_pages=5, min_share=0.5, min_repeats=3, max_chars=400
)

_DIGITS = re.compile(r"\d+")
_WORD = regex.compile(r"\w+")  # as the pipeline counts words


def _block_key(text: str) -> bytes:
    """Blocks are compared after Unicode NFKC, case folding, collapsed spaces
    and digits masked ("© 2023 ..." and "© 2024 ..." are one block); the key is a
    short digest to keep the per-site table small."""
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    norm = _DIGITS.sub("0", norm)
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()


def _site(*urls: str | None, site_name: str | None = None) -> str | None:
    for url in urls:
        if url:
            host = urlsplit(url).hostname
            if host:
                return host.removeprefix("www.")
    if site_name and site_name.strip():
        return "name:" + site_name.strip().casefold()
    return None


def site_of(article: Article, source: Source | None = None) -> str | None:
    """The site a page belongs to: the host of its canonical URL, its URL or
    the source's URL (without ``www.``), else its site name; ``None`` when the
    page says nothing about its site."""
    source_url = source.url if source else None
    return _site(article.canonical_url, article.url, source_url, site_name=article.site_name)


def _record_site(record: Mapping[str, Any]) -> str | None:
    """:func:`site_of` for a spool record, without building the Article."""
    art = record["article"]
    return _site(
        art.get("canonical_url"), art.get("url"), record.get("url"), site_name=art.get("site_name")
    )


class SiteMemory:
    """Learns text blocks that repeat across many pages of one site, then
    removes them from each page's paragraphs as chrome (rule ``site-repeat``).

    Use: ``learn`` every article of the run, then ``apply`` to each. Memory is
    one 8-byte digest and a count per distinct short block per site, plus one
    digest per distinct page.
    """

    STAGE = "site-memory"
    RULE = "site-repeat"

    def __init__(self, thresholds: SiteRepeatThresholds = SITE_REPEAT_THRESHOLDS) -> None:
        self.thresholds = thresholds
        self._counts: dict[str, Counter[bytes]] = {}
        self._pages: dict[str, set[bytes]] = {}

    def learn(self, article: Article, source: Source | None = None) -> None:
        self.learn_blocks(site_of(article, source), article.paragraphs)

    def learn_blocks(self, site: str | None, paragraphs: Sequence[str]) -> None:
        """Count one page's paragraphs for ``site`` (``None``: ignored)."""
        if site is None or not paragraphs:
            return
        page = hashlib.blake2b("\n".join(paragraphs).encode("utf-8"), digest_size=8).digest()
        seen = self._pages.setdefault(site, set())
        if page in seen:  # an identical copy of a page already counted
            return
        seen.add(page)
        limit = self.thresholds.max_chars
        keys = {_block_key(p) for p in paragraphs if len(p) <= limit}
        self._counts.setdefault(site, Counter()).update(keys)

    def pages(self, site: str) -> int:
        return len(self._pages.get(site, ()))

    def _needed(self, site: str | None) -> int | None:
        n = 0 if site is None else self.pages(site)
        if n < self.thresholds.min_pages:
            return None
        return max(self.thresholds.min_repeats, math.ceil(self.thresholds.min_share * n))

    def repeated(self, site: str) -> int:
        """How many distinct blocks of ``site`` count as chrome."""
        needed = self._needed(site)
        if needed is None:
            return 0
        return sum(1 for c in self._counts[site].values() if c >= needed)

    def _seen(self, site: str | None, paragraphs: Sequence[str]) -> list[int] | None:
        """Per paragraph, on how many of the site's pages it is when that makes
        it chrome (else 0); ``None`` when nothing is removed."""
        needed = self._needed(site)
        if site is None or needed is None:
            return None
        counts = self._counts[site]
        limit = self.thresholds.max_chars
        seen = [counts.get(_block_key(p), 0) if len(p) <= limit else 0 for p in paragraphs]
        seen = [c if c >= needed else 0 for c in seen]
        return seen if any(seen) else None

    def changes(self, site: str | None, paragraphs: Sequence[str]) -> bool:
        """Whether :meth:`apply` would change a page with these paragraphs."""
        return self._seen(site, paragraphs) is not None

    def apply(self, article: Article, source: Source | None = None) -> Article:
        site = site_of(article, source)
        seen = self._seen(site, article.paragraphs)
        if site is None or seen is None:
            return article
        if all(seen):  # everything repeats: this is a copy, not chrome
            return replace(
                article,
                warnings=(
                    *article.warnings,
                    "site-memory: every paragraph repeats across the site; none removed",
                ),
            )
        n = self.pages(site)
        kept = [p for p, c in zip(article.paragraphs, seen, strict=True) if not c]
        removed = [
            Removal(
                stage=self.STAGE,
                rule=self.RULE,
                text=p,
                reason=f"on {c} of {n} pages of {site}",
            )
            for p, c in zip(article.paragraphs, seen, strict=True)
            if c
        ]
        return replace(
            article,
            paragraphs=tuple(kept),
            body=_rebuild_body(article, kept),
            word_count=_count_words(article, kept),
            removed=(*article.removed, *removed),
        )


def _rebuild_body(article: Article, kept: list[str]) -> str:
    for sep in ("\n\n", "\n"):
        if article.body == sep.join(article.paragraphs):
            return sep.join(kept)
    return "\n".join(kept)


def _count_words(article: Article, kept: list[str]) -> int:
    """The parser counts ``\\w+`` tokens of the body; keep doing so, unless the
    article was counted some other way, then scale its count by what is left."""
    if article.word_count == len(_WORD.findall(article.body)):
        return len(_WORD.findall("\n".join(kept)))
    before = sum(len(_WORD.findall(p)) for p in article.paragraphs)
    after = sum(len(_WORD.findall(p)) for p in kept)
    return round(article.word_count * after / before) if before else article.word_count


# -- clean: spool, resume, outputs, report --------------------------------------


@dataclass
class Report:
    """What a ``clean`` run did; owns the exit code and ``report.json``."""

    pages: int = 0  # inputs accounted for in the outputs
    ok: int = 0
    failed: int = 0
    skipped: int = 0  # done by an earlier run (--resume), not parsed again
    parsed: int = 0  # parsed by this run
    seconds: float = 0.0  # time spent parsing in this run
    interrupted: bool = False
    site_memory: bool = True
    removals: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def pages_per_second(self) -> float:
        return self.parsed / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_FAILED if self.failed else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "ok": self.ok,
            "failed": self.failed,
            "skipped": self.skipped,
            "parsed": self.parsed,
            "seconds": round(self.seconds, 3),
            "pages_per_second": round(self.pages_per_second, 2),
            "interrupted": self.interrupted,
            "site_memory": self.site_memory,
            "removals": dict(sorted(self.removals.items())),
            "errors": dict(sorted(self.errors.items())),
            "exit_code": self.exit_code,
        }

    def summary(self) -> str:
        head = "interrupted: " if self.interrupted else ""
        return (
            f"{head}{self.pages} pages: {self.ok} ok, {self.failed} failed, "
            f"{self.skipped} skipped; {self.parsed} parsed at {self.pages_per_second:.1f} pages/s"
        )


class _AppendLog:
    """An append-only JSONL file whose every record is one complete line.

    Each record is written with ``os.write`` as a single buffer ending in a
    newline, so a ``kill -9`` can leave at most one unterminated line at the
    end, which :func:`_read_log` drops (and truncates before appending)."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.unsynced = 0
        self.last_sync = time.monotonic()

    def write(self, record: Mapping[str, Any]) -> None:
        view = memoryview((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        while view:
            view = view[os.write(self.fd, view) :]
        self.unsynced += 1
        if (
            self.unsynced >= FSYNC_EVERY_RECORDS
            or time.monotonic() - self.last_sync >= FSYNC_EVERY_SECONDS
        ):
            self.sync()

    def sync(self) -> None:
        os.fsync(self.fd)
        self.unsynced = 0
        self.last_sync = time.monotonic()

    def close(self) -> None:
        self.sync()
        os.close(self.fd)


def _read_log(path: Path, *, repair: bool) -> Iterator[tuple[int, dict[str, Any]]]:
    """(offset, record) of every complete line; with ``repair`` a trailing
    partial line (a write cut by a kill) is truncated away."""
    if not path.exists():
        return
    end = 0
    with path.open("rb") as fh:
        offset = 0
        for line in fh:
            if not line.endswith(b"\n"):
                break
            end = offset + len(line)
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if isinstance(record, dict) and "source" in record:
                yield offset, record
            offset = end
    if repair and path.stat().st_size != end:
        with path.open("r+b") as fh:
            fh.truncate(end)


def _mkstemp(folder: Path) -> tuple[int, str]:
    """A temporary file next to its final place, with the permissions a plain
    ``open`` would give it (``mkstemp`` makes it private)."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    mask = os.umask(0)
    os.umask(mask)
    os.fchmod(fd, 0o666 & ~mask)
    return fd, tmp


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _mkstemp(path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _AtomicTextFile:
    """A file written in full under a temporary name, then moved into place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, self.tmp = _mkstemp(path.parent)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        Path(self.tmp).replace(self.path)

    def abort(self) -> None:
        self.fh.close()
        Path(self.tmp).unlink(missing_ok=True)


class _Interrupts:
    """Turns SIGINT and SIGTERM into ``KeyboardInterrupt``, except inside a
    ``critical()`` block (a record being written), where it is held until the
    block ends: an interrupted run never leaves half a record."""

    def __init__(self) -> None:
        self.depth = 0
        self.held = False
        self.pending = False
        self.previous: dict[int, Any] = {}

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        if self.depth or self.held:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def hold(self) -> None:
        """From now on signals are only noted (``pending``), never raised."""
        self.held = True

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.previous[sig] = signal.signal(sig, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
        if not self.depth and self.pending and not self.held:
            self.pending = False
            raise KeyboardInterrupt


class _Progress:
    """A tqdm bar on stderr, when tqdm is installed and stderr is a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar: Any = None
        self.failed = 0
        if not enabled:
            return
        try:
            tqdm_module = importlib.import_module("tqdm")
        except ImportError:
            return
        # tqdm's monitor thread would make the pool fall back from fork to the
        # slower forkserver when it restarts a worker.
        tqdm_module.tqdm.monitor_interval = 0
        self.bar = tqdm_module.tqdm(total=total, unit="page", dynamic_ncols=True, smoothing=0.1)

    def grow(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.total += n
            self.bar.refresh()

    def step(self, ok: bool) -> None:
        if self.bar is None:
            return
        if not ok:
            self.failed += 1
            self.bar.set_postfix(failed=self.failed, refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _output_path(out: Path, rel: str, fmt: Format) -> Path:
    """The per-page output file: the input's place in the tree, compression
    and page suffix replaced by the format's."""
    name = rel
    lower = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix):
            name, lower = name[: -len(suffix)], lower[: -len(suffix)]
            break
    for suffix in PAGE_SUFFIXES:
        if lower.endswith(suffix):
            name = name[: -len(suffix)]
            break
    ext = FORMATS[fmt] or ""
    parts = [p for p in name.split("/") if p not in ("", ".", "..")]
    return out.joinpath(*parts).with_name(parts[-1] + ext) if parts else out / ("page" + ext)


def _render(record: Mapping[str, Any], article: Article, fmt: Format) -> str:
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "text":
        return article.to_text()
    data = _output_record(record, article.to_dict())
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _output_record(record: Mapping[str, Any], article: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "source": record["source"],
        "record_id": record.get("record_id"),
        "content_hash": record.get("content_hash"),
        "article": article,
    }


def _error_record(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "source": record["source"],
        "record_id": record.get("record_id"),
        "content_hash": record.get("content_hash"),
        "error_type": record["error_type"],
        "message": record["message"],
    }


def clean(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    fmt: Format = "jsonl",
    jobs: int | None = None,
    resume: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    progress: bool = False,
    site_memory: bool = True,
    parser: Parser | None = None,
) -> Report:
    """Run ``articlekit clean``: parse every page under ``inputs`` into ``out``.

    Raises :class:`UsageError` for problems found before any page is parsed.
    Ctrl-C/SIGTERM stop the run cleanly: in-flight pages are dropped (a
    ``--resume`` run parses them), outputs are built from every page done, and
    the report says ``interrupted``.
    """
    paths = [os.fspath(i) for i in inputs]
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}")
    if not paths:
        raise UsageError("no input given")
    for item in paths:
        if not Path(item).exists():
            raise UsageError(f"no such file or folder: {item}")
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir} exists and is not a folder")
    state = out_dir / STATE_DIR
    spool_path = state / SPOOL_NAME
    if spool_path.exists() and not resume:
        raise UsageError(
            f"{out_dir} holds an earlier run: pass --resume to continue it, or use another --out"
        )
    pages, warcs = count_sources(paths)
    if warcs and not warc_available():
        raise UsageError(
            "reading WARC files needs the 'warc' extra: pip install 'articlekit[warc]'"
        )
    state.mkdir(parents=True, exist_ok=True)

    # What earlier runs finished: key -> content hash of its ok record.
    done: dict[str, str] = {}
    for _offset, record in _read_log(spool_path, repair=True):
        if "article" in record:
            done[record["source"]] = record.get("content_hash") or ""
        else:  # a failed page is retried; a later ok line would re-add it
            done.pop(record["source"], None)

    report = Report(site_memory=site_memory)
    seen: set[str] = set()
    bar = _Progress(pages, progress)
    walked_all = False

    def pending() -> Iterator[Source]:
        nonlocal walked_all
        for source in iter_sources(paths):
            if source.record_id is not None or source.problem is not None:
                bar.grow()
            seen.add(source.key)
            if source.key in done:
                try:
                    source = load_source(source)
                except Exception:
                    pass  # parse_many records the failure
                else:
                    if done[source.key] == source.content_hash:
                        report.skipped += 1
                        bar.step(ok=True)
                        continue
            yield source
        walked_all = True

    log = _AppendLog(spool_path)
    limit = timeout if timeout and not math.isinf(timeout) else None
    results = _parse_ordered(pending(), jobs or default_jobs(), limit, parser or _default_parser())
    started = time.perf_counter()
    try:
        with _Interrupts() as interrupts:
            try:
                for result in results:
                    with interrupts.critical():
                        log.write(_record_of(result))
                    report.parsed += 1
                    bar.step(result.ok)
            except KeyboardInterrupt:
                report.interrupted = True
            finally:
                # From here on a Ctrl-C is noted but does not stop anything:
                # building the outputs is what keeps the work done so far.
                interrupts.hold()
            report.seconds = time.perf_counter() - started
            results.close()  # stops the workers now, not when collected
            bar.close()
            log.close()
            _build_outputs(
                out_dir, spool_path, fmt, report, seen if walked_all else None, site_memory
            )
            report.interrupted = report.interrupted or interrupts.pending
    finally:
        results.close()
        bar.close()
        with contextlib.suppress(OSError):
            os.close(log.fd)
    return report


def _build_outputs(
    out: Path,
    spool: Path,
    fmt: Format,
    report: Report,
    seen: set[str] | None,
    site_memory: bool,
) -> None:
    """Rebuild every output from the spool: the last record of each page wins,
    pages no longer among the inputs are left out (unless the walk was cut short
    by an interrupt), and site memory is learned in a first pass."""
    last: dict[str, int] = {}
    for offset, record in _read_log(spool, repair=False):
        if seen is None or record["source"] in seen:
            last[record["source"]] = offset

    def selected() -> Iterator[dict[str, Any]]:
        for offset, record in _read_log(spool, repair=False):
            if last.get(record["source"]) == offset:
                yield record

    memory = SiteMemory() if site_memory else None
    if memory is not None:
        for record in selected():
            if "article" in record:
                memory.learn_blocks(_record_site(record), record["article"]["paragraphs"])

    per_page = FORMATS[fmt] is not None
    articles = None if per_page else _AtomicTextFile(out / ARTICLES_NAME)
    errors = _AtomicTextFile(out / ERRORS_NAME)
    used: set[Path] = set()
    try:
        for record in selected():
            report.pages += 1
            if "article" not in record:
                report.failed += 1
                report.errors[record["error_type"]] += 1
                errors.write(json.dumps(_error_record(record), ensure_ascii=False) + "\n")
                if per_page:  # a page that failed now must not keep an old file
                    with contextlib.suppress(OSError):
                        _output_path(out, record.get("rel") or record["source"], fmt).unlink()
                continue
            report.ok += 1
            data = record["article"]
            article: Article | None = None  # built only when needed: it costs time
            if memory is not None and memory.changes(_record_site(record), data["paragraphs"]):
                result = _result_of(record)
                assert result.article is not None
                article = memory.apply(result.article, result.source)
                data = article.to_dict()
            report.removals.update(r["rule"] for r in data["removed"])
            if articles is not None:
                line = json.dumps(_output_record(record, data), ensure_ascii=False)
                articles.write(line + "\n")
            else:
                if article is None:
                    article = Article.from_dict(data)
                target = _output_path(out, record.get("rel") or record["source"], fmt)
                if target in used:  # e.g. a.html and a.htm: keep the full name
                    target = target.with_name(Path(record.get("rel") or "page").name)
                    target = target.with_name(target.name + (FORMATS[fmt] or ""))
                used.add(target)
                _atomic_write(target, _render(record, article, fmt))
        if articles is not None:
            articles.commit()
        errors.commit()
    except BaseException:
        if articles is not None:
            articles.abort()
        errors.abort()
        raise
    _atomic_write(out / REPORT_NAME, json.dumps(report.to_dict(), indent=2) + "\n")
