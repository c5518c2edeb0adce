"""Extraction options as one picklable value, and the parser that applies them.

The command line's extraction flags (``--no-tables``, ``--favor``,
``--max-bytes``, ``--timeout``) become a :class:`ParseOptions`;
a :class:`PageParser` holding it is what ``articlekit parse`` calls and what
``articlekit clean`` sends to its worker processes. It is a frozen dataclass
of plain values, so it pickles to workers that are not forked, and each
process builds the pipeline it describes once (:func:`pipeline_for`).
Everything goes through the public API: ``Pipeline.default().replace("body",
BodyExtractor(BodyOptions(...)))``, ``PageLimits``, ``parse`` and
``clean_text``.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
from dataclasses import dataclass
from typing import Any, Literal

from ..article import Article
from ..errors import InputTooLargeError
from ..page import PageLimits
from ..pipeline import Pipeline

__all__ = ["FAVOR_CHOICES", "Favor", "PageParser", "ParseOptions", "pipeline_for"]

#: ``--favor``: which way the body extraction leans when it is unsure.
Favor = Literal["balanced", "precision", "recall"]
FAVOR_CHOICES: tuple[Favor, ...] = ("balanced", "precision", "recall")


# Not slots=True: frozen slotted dataclasses do not unpickle on Python 3.10,
# and these are pickled to worker processes that are not forked.
@dataclass(frozen=True)
class ParseOptions:
    """What to extract and within which limits; the defaults are ``parse()``'s.

    Attributes:
        tables: keep tables in the body (``BodyOptions.include_tables``).
        comments: also extract readers' comments, into ``Article.comments``
            (``BodyOptions.include_comments``).
        favor: ``precision`` leaves out doubtful lines, ``recall`` keeps them
            (``BodyOptions.favor_precision`` / ``favor_recall``).
        max_bytes: largest page (decompressed) or text dump read, in bytes;
            ``None``: ``PageLimits``' default.
        max_seconds: time budget of one parse (``PageLimits.max_seconds``);
            ``None``: none.
        published: the publication date of text dumps (ISO text), as
            ``clean_text(published=...)``; pages ignore it.
    """

    tables: bool = True
    comments: bool = False
    favor: Favor = "balanced"
    max_bytes: int | None = None
    max_seconds: float | None = None
    published: str | None = None

    def __post_init__(self) -> None:
        if self.favor not in FAVOR_CHOICES:
            raise ValueError(f"favor must be one of {', '.join(FAVOR_CHOICES)}, not {self.favor!r}")
        if self.max_bytes is not None and self.max_bytes < 1:
            raise ValueError(f"max_bytes must be at least 1, not {self.max_bytes}")
        self.limits()  # PageLimits checks max_seconds

    @property
    def default_body(self) -> bool:
        """Whether the body stage runs with its default options."""
        return self.tables is True and self.comments is False and self.favor == "balanced"

    def limits(self) -> PageLimits:
        """The :class:`~articlekit.PageLimits` these options ask for."""
        limits = PageLimits(max_seconds=self.max_seconds)
        if self.max_bytes is not None:
            limits = dataclasses.replace(limits, max_bytes=self.max_bytes)
        return limits


@functools.lru_cache(maxsize=8)
def pipeline_for(options: ParseOptions) -> Pipeline | None:
    """The pipeline ``options`` ask for, built once per process; ``None``
    when it is the default one (``parse()`` then uses its own)."""
    if options.default_body:
        return None
    from ..extractors import BodyExtractor, BodyOptions

    body = BodyOptions(
        include_tables=options.tables,
        include_comments=options.comments,
        favor_precision=options.favor == "precision",
        favor_recall=options.favor == "recall",
    )
    return Pipeline.default().replace("body", BodyExtractor(body))


@dataclass(frozen=True)
class PageParser:
    """``parse`` (or, for text dumps, ``clean_text``) with :class:`ParseOptions`.

    Called as ``parser(data, url=url)`` for a page and ``parser(data,
    url=url, text=True)`` for a text dump, which is how the batch runner calls
    every parser; a page that came with the transport's charset (a WARC
    record's HTTP header, :attr:`Source.encoding`)
    also gets ``encoding=label``, passed on to ``parse`` (text dumps ignore
    it). ``articlekit.parse`` and ``articlekit.clean_text`` are looked up at
    each call, so a monkeypatched one is used.
    """

    options: ParseOptions = ParseOptions()

    def __call__(
        self,
        data: bytes,
        url: str | None = None,
        *,
        text: bool = False,
        encoding: str | None = None,
    ) -> Article:
        module = importlib.import_module("articlekit")
        kwargs: dict[str, Any] = {}
        pipeline = pipeline_for(self.options)
        if pipeline is not None:
            kwargs["pipeline"] = pipeline
        if text:
            return self._text(module, data, url, kwargs)
        if self.options.max_bytes is not None or self.options.max_seconds is not None:
            kwargs["limits"] = self.options.limits()
        if encoding is not None:
            kwargs["encoding"] = encoding
        article: Article = module.parse(data, url=url, **kwargs)
        return article

    def _text(self, module: Any, data: bytes, url: str | None, kwargs: dict[str, Any]) -> Article:
        limit = self.options.limits().max_bytes
        if len(data) > limit:  # clean_text has no size limit of its own
            raise InputTooLargeError(f"the text is {len(data)} bytes, over the {limit}-byte limit")
        if self.options.max_seconds is not None:
            kwargs["timeout"] = self.options.max_seconds
        if self.options.published is not None:
            kwargs["published"] = self.options.published
        article: Article = module.clean_text(data, url=url, **kwargs)
        return article
