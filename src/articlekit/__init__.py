"""articlekit: saved news pages in, clean typed articles out.

>>> import articlekit
>>> article = articlekit.parse(html_bytes, url="https://example.com/story")
>>> article.title, article.published, article.tags

The public API is flat: everything a user needs is importable from here.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import collector, errors
from .article import Article, Removal, Stamp
from .errors import (
    ArticlekitError,
    DecodingError,
    DecompressionError,
    EmptyInputError,
    ExtractionError,
    InputError,
    InputTooLargeError,
    NotHtmlError,
    ParseTimeoutError,
    PipelineError,
    UnknownStageError,
    UnmetRequirementError,
)
from .page import Page, PageInput, PageLimits
from .pipeline import Draft, Extractor, Finding, Pipeline

if TYPE_CHECKING:
    from .batch import PageError, Result, Source, parse_many

__version__ = "0.1.0"

#: Names served from articlekit.batch on first use: batch processing pulls in
#: multiprocessing and friends, which a plain ``parse()`` user should not pay for.
_BATCH_NAMES = frozenset({"PageError", "Result", "Source", "parse_many"})


def __getattr__(name: str) -> Any:
    if name in _BATCH_NAMES:
        from . import batch

        return getattr(batch, name)
    raise AttributeError(f"module 'articlekit' has no attribute {name!r}")


__all__ = [
    "Article",
    "ArticlekitError",
    "DecodingError",
    "DecompressionError",
    "Draft",
    "EmptyInputError",
    "ExtractionError",
    "Extractor",
    "Finding",
    "InputError",
    "InputTooLargeError",
    "NotHtmlError",
    "Page",
    "PageError",
    "PageInput",
    "PageLimits",
    "ParseTimeoutError",
    "Pipeline",
    "PipelineError",
    "Removal",
    "Result",
    "Source",
    "Stamp",
    "UnknownStageError",
    "UnmetRequirementError",
    "__version__",
    "clean_text",
    "errors",
    "parse",
    "parse_many",
]

_DEFAULT: Pipeline | None = None


def _default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline.default()
    return _DEFAULT


def parse(
    html: PageInput,
    url: str | None = None,
    *,
    pipeline: Pipeline | None = None,
    limits: PageLimits = PageLimits(),
    timeout: float | None = None,
    encoding: str | None = None,
) -> Article:
    """Extract the article from one saved page.

    ``html`` may be:

    * ``bytes``: decoded by BOM, then as UTF-8 when valid, then by
      ``encoding`` (the transport's charset), then by the charset the markup
      declares, then by detection; a declaration the bytes contradict is
      overruled, with a warning;
    * ``str``: always the page's markup (a str with no markup gets a warning:
      pass a ``pathlib.Path`` to read a file);
    * a path (``os.PathLike``) or an open file: read, and decompressed when
      gzip or bzip2;
    * an lxml element or tree, used without serialising it, or a
      BeautifulSoup tree or tag (the ``articlekit[bs4]`` extra), converted
      node by node.

    ``encoding`` is the charset label the page came with from outside its
    markup: the ``charset`` of the HTTP ``Content-Type`` header (``httpx``'s
    ``response.charset_encoding``, a WARC record's header). It outranks the
    page's own ``<meta charset>``, as in browsers, when the bytes decode under
    it without error; a BOM and valid UTF-8 still come first. A label the bytes
    contradict is overruled and an unknown one ignored, each with a warning.
    It applies to bytes (and paths and files of bytes); a ``str`` is text
    already and ignores it, as does a tree.

    ``timeout`` (seconds) is a shortcut for ``limits=PageLimits(max_seconds=...)``
    and overrides it: the whole call, reading the input included, gets that
    budget. Past it, :class:`ParseTimeoutError` is raised between two steps
    (reading the input, each stage, assembling the Article), so the call
    returns at most one step's time after the budget ends: a running step is
    never interrupted.

    Raises an :class:`ArticlekitError` subclass for input that is not a page
    (empty, binary, too large, undecodable) and for a page over its time
    budget; ``OSError`` for a path or file that cannot be read; ``TypeError``
    for any other type. Anything else yields a best-effort Article whose
    ``warnings`` say what went wrong.
    """
    started = time.monotonic()  # the budget covers reading the input too
    if timeout is not None:
        limits = dataclasses.replace(limits, max_seconds=timeout)
    with collector.paused():
        page = Page.from_input(html, url, limits=limits, encoding=encoding)
        return (_default_pipeline() if pipeline is None else pipeline).run(
            page, max_seconds=limits.max_seconds, started=started
        )


def clean_text(
    text: str | bytes,
    url: str | None = None,
    *,
    published: Stamp | str | None = None,
    pipeline: Pipeline | None = None,
    timeout: float | None = None,
) -> Article:
    """Clean an already-extracted text dump with the same rules as :func:`parse`.

    The first line is taken as the headline when it looks like one. Give
    ``published`` (a date, datetime or ISO text) when you know it: time-only
    stamps such as "Updated: 9:45 p.m." are then placed on that day.

    ``timeout`` (seconds) is a time budget as in :func:`parse`: past it,
    :class:`ParseTimeoutError` is raised between two stages.
    """
    started = time.monotonic()
    if timeout is not None:
        PageLimits(max_seconds=timeout)  # the same check of the value as parse()
    given: Mapping[str, Any] = {}
    if published is not None:
        from .article import stamp_from_iso

        stamp = stamp_from_iso(published) if isinstance(published, str) else published
        given = {"published": stamp}
    with collector.paused():
        page = Page.from_text(text, url)
        return (_default_pipeline() if pipeline is None else pipeline).run(
            page, given=given, max_seconds=timeout, started=started
        )
