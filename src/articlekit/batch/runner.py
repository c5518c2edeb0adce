"""One page at a time: the in-process runner (``jobs == 1``, a ``SIGALRM``
time limit) and the loop of a worker process of :class:`~.pool._Pool`.

Worker entry points are module-level functions so that they pickle when
workers are not forked. :data:`WORKER_PARENT_CHECK_SECONDS` is read from this
module at run time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import replace
from multiprocessing.connection import Connection
from types import FrameType
from typing import Any

from ..article import Article
from ..errors import InputError
from .options import PageParser
from .results import PageError, Result, _error_of
from .sources import Source, _decompress, load_source

#: How often (seconds) an idle worker checks that its parent is still alive; a
#: worker whose parent was killed exits by itself instead of lingering.
WORKER_PARENT_CHECK_SECONDS = 1.0
#: Error type recorded for a page that ran out of time.
ERROR_TIMEOUT = "PageTimeout"

#: Called as ``parser(data, url=url)`` for a page, and as
#: ``parser(data, url=url, text=True)`` for a text dump (see :class:`.options.PageParser`);
#: a page whose source carries the transport's charset (a WARC record's HTTP
#: header) gets it too, as ``parser(data, url=url, encoding=label)``.
Parser = Callable[..., Article]


class _PageTimeout(BaseException):
    """Raised by the in-process alarm. A ``BaseException`` on purpose: the
    parser's own ``except Exception`` blocks must not swallow it."""


def _parse_one(
    parser: Parser,
    data: bytes,
    codec: str | None,
    url: str | None,
    kind: str = "html",
    encoding: str | None = None,
) -> Article:
    page = _decompress(data, codec)
    if kind == "text":
        return parser(page, url=url, text=True)
    if encoding is not None:  # only then: parsers written before it need not take it
        return parser(page, url=url, encoding=encoding)
    return parser(page, url=url)


def _default_parser() -> Parser:
    # PageParser looks ``articlekit.parse`` up at each call, so that a
    # monkeypatched one is used.
    return PageParser()


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
                        article = _parse_one(
                            parser,
                            loaded.data,
                            loaded.compression,
                            loaded.url,
                            loaded.kind,
                            loaded.encoding,
                        )
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


# -- a worker process's loop ----------------------------------------------------


def _worker_main(conn: Connection, parser: Parser, inherited: list[Connection]) -> None:
    """A worker: receive (data, codec, url, kind, encoding), send back ("ok", dict) or
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
        data, codec, url, kind, encoding = task
        try:
            article = _parse_one(parser, data, codec, url, kind, encoding)
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
