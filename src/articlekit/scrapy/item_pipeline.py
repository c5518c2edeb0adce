"""``ArticlePipeline``: a Scrapy item pipeline from page items to article items."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, NoReturn

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from ..errors import ArticlekitError
from .items import item_from_article
from .options import ScrapyOptions
from .response import parse_page

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

__all__ = ["CONSUMED_FIELDS", "STATS_PREFIX", "ArticlePipeline"]

logger = logging.getLogger(__name__)

#: Stats keys start with this: ``articlekit/parsed``, ``articlekit/dropped``
#: and ``articlekit/dropped/<reason>`` (an error type, or ``not-article``).
STATS_PREFIX = "articlekit"

#: Fields of a page item that the article item replaces.
CONSUMED_FIELDS = frozenset({"html", "encoding"})


def _type_problem(html: object, url: object, charset: object) -> str | None:
    """What is wrong with the types of a page item's fields, if anything."""
    if not isinstance(html, (bytes, str)):
        return f"html is a {type(html).__name__}, not bytes or str"
    for name, value in (("url", url), ("encoding", charset)):
        if value is not None and not isinstance(value, str):
            return f"{name} is a {type(value).__name__}, not str"
    return None


class ArticlePipeline:
    """Turns items that carry a page into article items.

    An item (a dict, a ``scrapy.Item``, a dataclass: anything ``itemadapter``
    reads) with an ``html`` field is parsed: ``html`` is the page as ``bytes``
    (``response.body``) or ``str`` (``response.text``), ``url`` its address,
    and ``encoding``, optional, the charset of its HTTP header for bytes. The
    item returned is a plain ``dict``: the item's other fields, then the
    fields of :func:`~articlekit.scrapy.item_from_article` (which win over
    fields of the same name). Items without ``html`` pass through unchanged.

    A page that cannot be parsed is dropped (``DropItem``, which Scrapy logs
    and counts), and counted in the stats under ``articlekit/dropped`` and
    ``articlekit/dropped/<error type>``; a crawl never stops for one page.
    Pages parsed (dropped later as no article or not) are counted under
    ``articlekit/parsed``.

    Enable it in the settings with ``ITEM_PIPELINES =
    {"articlekit.scrapy.ArticlePipeline": 500}``; ``ARTICLEKIT_*`` settings
    configure it (see :class:`~articlekit.scrapy.ScrapyOptions`).
    """

    def __init__(
        self,
        options: ScrapyOptions | None = None,
        stats: StatsCollector | None = None,
        *,
        articles_only: bool = False,
    ) -> None:
        self.options = options or ScrapyOptions()
        self.stats = stats
        #: Drop pages that parse but are no article (``Article.is_article`` false).
        self.articles_only = articles_only

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticlePipeline:
        """The pipeline configured by the crawler's ``ARTICLEKIT_*`` settings."""
        return cls(
            ScrapyOptions.from_settings(crawler.settings),
            crawler.stats,
            articles_only=crawler.settings.getbool("ARTICLEKIT_ARTICLES_ONLY"),
        )

    # ``spider`` has a default so that Scrapy 2.13+ calls this without it
    # (passing it is deprecated there) while older versions still may.
    def process_item(self, item: Any, spider: object = None) -> dict[str, Any] | Any:
        """The article item for a page item; other items unchanged.

        Raises:
            scrapy.exceptions.DropItem: the page could not be parsed, or is no
                article and ``ARTICLEKIT_ARTICLES_ONLY`` is set.
        """
        adapter = ItemAdapter(item)
        if "html" not in adapter:
            return item
        html, url, charset = adapter["html"], adapter.get("url"), adapter.get("encoding")
        problem = _type_problem(html, url, charset)
        if problem is not None:
            self._drop("TypeError", url, problem)
        try:
            article = parse_page(html, url, charset, self.options)
        except ArticlekitError as error:
            self._drop(type(error).__name__, url, str(error))
        except Exception as error:
            # A bug, not a bad page: keep the traceback, but lose only this item.
            logger.exception("articlekit failed on %s", url or "an item")
            self._drop(type(error).__name__, url, str(error))
        self._count("parsed")
        if self.articles_only and not article.is_article:
            score = article.article_score
            self._drop("not-article", url, f"no article (article_score {score})")
        kept = {key: value for key, value in adapter.items() if key not in CONSUMED_FIELDS}
        return {**kept, **item_from_article(article, self.options.output)}

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"{STATS_PREFIX}/{key}")

    def _drop(self, reason: str, url: object, message: str) -> NoReturn:
        self._count("dropped")
        self._count(f"dropped/{reason}")
        raise DropItem(f"articlekit: {url or 'an item'}: {reason}: {message}")
