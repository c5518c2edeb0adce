"""A Scrapy response, or a page item, to an Article.

The response's bytes go to ``articlekit.parse`` with the charset of its HTTP
``Content-Type`` header as ``encoding``: a BOM and valid UTF-8 still come
first, then the header's charset (ahead of the markup's own declaration, as in
browsers), and a header charset the bytes contradict is overruled with a
warning in ``Article.warnings``.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from .. import parse
from ..article import Article
from ..page import content_type_charset
from .items import item_from_article
from .options import ScrapyOptions

__all__ = [
    "article_from_response",
    "header_charset",
    "parse_page",
    "parse_response",
]


def header_charset(response: Response) -> str | None:
    """The charset label of the response's ``Content-Type`` header, as written
    (``"windows-1251"``), or ``None``."""
    content_type = response.headers.get(b"Content-Type")
    if not content_type:
        return None
    return content_type_charset(content_type.decode("latin-1"))


def parse_page(
    html: bytes | str,
    url: str | None,
    charset: str | None = None,
    options: ScrapyOptions | None = None,
) -> Article:
    """``articlekit.parse`` of a page fetched with ``charset`` in its HTTP header
    (``parse(..., encoding=charset)``; a ``str`` page is text already).

    Raises what :func:`articlekit.parse` raises.
    """
    options = options or ScrapyOptions()
    return parse(
        html, url=url, encoding=charset, pipeline=options.pipeline, timeout=options.timeout
    )


def parse_response(response: Response, options: ScrapyOptions | None = None) -> Article:
    """The Article of a Scrapy response.

    The response's bytes are parsed with its URL (after redirects) and the
    charset of its ``Content-Type`` header.

    Args:
        response: a downloaded page (``HtmlResponse`` or any ``Response``).
        options: pipeline, output and time budget; build them from the
            crawl's settings with ``ScrapyOptions.from_settings(self.settings)``.

    Raises:
        articlekit.ArticlekitError: for a body that is not a page (empty,
            binary, undecodable) or over its time budget. In a callback Scrapy
            logs it and counts it under ``spider_exceptions/<type>``; use
            :class:`~articlekit.scrapy.ArticlePipeline` to turn failures into
            dropped items instead.
    """
    return parse_page(response.body, response.url, header_charset(response), options)


def article_from_response(
    response: Response, options: ScrapyOptions | None = None
) -> dict[str, Any]:
    """The article item of a Scrapy response, for a spider callback to yield.

    The Article of :func:`parse_response` as the plain ``dict`` of
    :func:`~articlekit.scrapy.item_from_article`, with ``options.output``
    deciding whether the typed blocks are kept. Raises as
    :func:`parse_response` does.
    """
    options = options or ScrapyOptions()
    return item_from_article(parse_response(response, options), options.output)
