"""Scrapy integration: articles from responses in callbacks, or from page items
in an item pipeline. Needs the optional extra ``pip install 'articlekit[scrapy]'``.

* :func:`article_from_response` (in a spider callback): the article item of a
  response, parsed from its bytes with its URL and its HTTP header charset;
  :func:`parse_response` gives the :class:`~articlekit.Article` itself.
* :class:`ArticlePipeline` (``ITEM_PIPELINES``): items carrying ``html`` and
  ``url`` become the same article items; a page that fails is dropped and
  counted, never stopping the crawl; :class:`ArticleLogFormatter` keeps the
  pages of dropped items out of the log.

Items are plain dicts of :meth:`articlekit.Article.to_dict` (see
:func:`item_from_article`). ``ARTICLEKIT_*`` settings are read by
:meth:`ScrapyOptions.from_settings`.
"""

from __future__ import annotations

try:
    import scrapy as _scrapy  # noqa: F401  (only to fail early with the extra's name)
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError("articlekit.scrapy needs Scrapy: pip install 'articlekit[scrapy]'") from error

from .item_pipeline import STATS_PREFIX, ArticlePipeline
from .items import item_from_article
from .logformatter import ArticleLogFormatter
from .options import OUTPUTS, Output, ScrapyOptions, load_pipeline
from .response import (
    article_from_response,
    header_charset,
    parse_page,
    parse_response,
)

__all__ = [
    "OUTPUTS",
    "STATS_PREFIX",
    "ArticleLogFormatter",
    "ArticlePipeline",
    "Output",
    "ScrapyOptions",
    "article_from_response",
    "header_charset",
    "item_from_article",
    "load_pipeline",
    "parse_page",
    "parse_response",
]
