"""An Article as a Scrapy item: a plain dict made of ``Article.to_dict()``."""

from __future__ import annotations

from typing import Any

from ..article import Article
from .options import Output

__all__ = ["item_from_article"]


def item_from_article(article: Article, output: Output = "fields") -> dict[str, Any]:
    """The item for ``article``: a plain ``dict`` ready for Scrapy's feed exports.

    The keys and values are those of :meth:`articlekit.Article.to_dict`: dates
    as ISO 8601 text beside the raw stamp text (``published`` and
    ``published_text``), lists for tuples, and ``body``, ``paragraphs`` and
    ``word_count`` read from the blocks.

    Args:
        article: the parsed article.
        output: ``"fields"`` leaves out ``blocks`` (the typed body, the bulk of
            the item); ``"blocks"`` keeps it, so that ``Article.from_dict(item)``
            rebuilds the Article exactly.
    """
    item = article.to_dict()
    if output == "fields":
        del item["blocks"]
    return item
