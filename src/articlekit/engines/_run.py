"""Parsing a stream of (html, url) values into rows, with the batch layer's
guarantees: a per-page time limit, an error row instead of an exception, and
exactly one row per input value, in input order, even when a page runs out of
time or kills the process parsing it.

The time limit has two levels. ``parse(..., timeout=)`` is checked between
stages and gives a ``ParseTimeoutError`` row; a stage itself is never
interrupted, so with ``isolate=True`` (the default) pages are parsed in a
worker process of the batch pool (:class:`articlekit.batch.pool._Pool`), which
is killed when a page takes :data:`HARD_LIMIT_FACTOR` times the limit plus
:data:`HARD_LIMIT_GRACE` seconds (a ``PageTimeout`` row) and replaced when it
dies (a ``WorkerDied`` row).
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..article import Article
from ..batch.pool import DEFAULT_TIMEOUT, _Pool
from ..batch.results import Result
from ..batch.runner import Parser, _run_in_process
from ..batch.sources import Source
from ._rows import article_row, error_row

__all__ = [
    "DEFAULT_TIMEOUT",
    "HARD_LIMIT_FACTOR",
    "HARD_LIMIT_GRACE",
    "parse_batches",
    "parse_rows",
]

#: With ``isolate=True`` a worker is killed when one page has run this many
#: times its time limit, plus the grace: the soft limit (between stages) did
#: not stop it. The grace keeps a tiny limit from killing workers that the
#: soft limit would have stopped a moment later.
HARD_LIMIT_FACTOR = 2.0
HARD_LIMIT_GRACE = 1.0

PageValue = str | bytes | bytearray | memoryview | None


#: The first byte of a page sent to the parser: a ``str`` page travels as UTF-8
#: and is decoded back, so that it is parsed as the text it was.
_TEXT, _BYTES = b"T", b"B"


@dataclass(frozen=True)
class _PageParser:
    """``articlekit.parse`` with a time budget, of a page tagged by
    :func:`_source`. A module-level class so that it pickles into workers."""

    timeout: float | None
    parser: Parser | None = None

    def __call__(self, data: bytes, url: str | None = None) -> Article:
        page: str | bytes = data[1:].decode("utf-8") if data[:1] == _TEXT else data[1:]
        if self.parser is not None:
            return self.parser(page, url=url)
        parse = importlib.import_module("articlekit").parse
        article: Article = parse(page, url, timeout=self.timeout)
        return article


def _limit(timeout: float | None) -> float | None:
    if timeout is None or timeout <= 0 or timeout == float("inf"):
        return None
    return float(timeout)


def _source(seq: int, html: PageValue, url: str | None) -> Source:
    if html is None:
        return Source(id=str(seq), url=url, problem="no HTML: the value is null")
    data = _TEXT + html.encode("utf-8") if isinstance(html, str) else _BYTES + bytes(html)
    return Source(id=str(seq), url=url, data=data)


def _results(sources: Iterator[Source], parser: _PageParser, isolate: bool) -> Iterator[Result]:
    if isolate:
        hard = None
        if parser.timeout is not None:
            hard = parser.timeout * HARD_LIMIT_FACTOR + HARD_LIMIT_GRACE
        return _Pool(1, parser, hard).run(sources)
    return _run_in_process(sources, parser, None)


def _row(result: Result) -> dict[str, Any]:
    url = result.source.url
    if result.article is not None:
        return article_row(result.article, url)
    assert result.error is not None
    return error_row(result.error.type, result.error.message, url)


def parse_batches(
    batches: Iterable[tuple[Sequence[PageValue], Sequence[str | None] | None]],
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    isolate: bool = True,
    parser: Parser | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """One list of rows per batch of ``(htmls, urls)`` (``urls`` may be
    ``None``), each as long as its batch. One worker process serves every batch,
    so it is started once per task, not once per batch.

    A ``str`` page is parsed as text, a ``bytes`` page as bytes (decoded as
    :func:`articlekit.parse` decodes). ``timeout``: seconds per page (``None``
    or ``0``: no limit). ``parser`` replaces ``articlekit.parse`` (tests).
    """
    page_parser = _PageParser(_limit(timeout), parser)
    sizes: deque[int] = deque()  # batches read so far whose rows are not all out

    def sources() -> Iterator[Source]:
        seq = 0
        for htmls, urls in batches:
            sizes.append(len(htmls))
            links = urls if urls is not None else [None] * len(htmls)
            for html, url in zip(htmls, links, strict=True):
                yield _source(seq, html, url)
                seq += 1

    rows: list[dict[str, Any]] = []
    results = _results(sources(), page_parser, isolate)
    for result in results:
        while sizes and len(rows) == sizes[0]:  # empty batches before this result
            sizes.popleft()
            yield rows
            rows = []
        rows.append(_row(result))
        if sizes and len(rows) == sizes[0]:
            sizes.popleft()
            yield rows
            rows = []
    while sizes:  # trailing empty batches
        assert not rows and sizes[0] == 0
        sizes.popleft()
        yield []


def parse_rows(
    htmls: Iterable[PageValue],
    urls: Iterable[str | None] | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    isolate: bool = True,
    parser: Parser | None = None,
) -> list[dict[str, Any]]:
    """The rows of one batch of pages (see :func:`parse_batches`)."""
    pages = list(htmls)
    links = list(urls) if urls is not None else None
    if links is not None and len(links) != len(pages):
        raise ValueError(f"{len(pages)} pages but {len(links)} URLs")
    batches = parse_batches([(pages, links)], timeout=timeout, isolate=isolate, parser=parser)
    return [row for batch in batches for row in batch]
