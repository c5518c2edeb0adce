"""A Scrapy log formatter that does not write whole pages into the log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.logformatter import LogFormatter, LogFormatterResult

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.http import Response
    from twisted.python.failure import Failure

__all__ = ["ArticleLogFormatter"]


def shortened(item: Any) -> Any:
    """``item`` with its ``html`` field, if any, replaced by its size."""
    adapter = ItemAdapter(item)
    html = adapter.get("html")
    if not isinstance(html, (bytes, str)):
        return item
    unit = "bytes" if isinstance(html, bytes) else "characters"
    return {**adapter.asdict(), "html": f"<{len(html)} {unit}>"}


class ArticleLogFormatter(LogFormatter):
    """Scrapy's log formatter, but a dropped page item is logged without its page.

    Scrapy logs every dropped item whole, and the ``html`` of a page item is the
    whole page: a crawl that drops many pages would fill its log with them.
    Enable with ``LOG_FORMATTER = "articlekit.scrapy.ArticleLogFormatter"``.
    """

    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        """Scrapy's message for a dropped item, with ``html`` shown as its size."""
        return super().dropped(shortened(item), exception, response, spider)
