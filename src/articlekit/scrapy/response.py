"""A Scrapy response, or a page item, to an Article.

``articlekit.parse`` decodes bytes by a byte-order mark, then as UTF-8 when
they are valid UTF-8, then by the charset declared *in the markup*, then by
detection; it has no parameter for the charset of the HTTP ``Content-Type``
header. That header outranks the markup's declaration in browsers, so it is
applied here, in the same order as ``parse`` applies its own rules: a BOM
and valid UTF-8 still win, and a header charset that the bytes contradict is
overruled (and said so in ``Article.warnings``), as ``parse`` does with a
contradicted ``<meta charset>``.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from typing import Any

from scrapy.http import Response
from w3lib.encoding import resolve_encoding

from .. import parse
from ..article import Article
from .items import item_from_article
from .options import ScrapyOptions

__all__ = [
    "article_from_response",
    "decode_with_charset",
    "header_charset",
    "parse_page",
    "parse_response",
]

#: ``charset=label`` in a Content-Type header value, the label quoted or not.
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s;"']+)""", re.IGNORECASE)

_BOMS = (
    codecs.BOM_UTF8,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


def header_charset(response: Response) -> str | None:
    """The charset label of the response's ``Content-Type`` header, as written
    (``"windows-1251"``), or ``None``."""
    content_type = response.headers.get(b"Content-Type")
    if not content_type:
        return None
    match = _CHARSET.search(content_type.decode("latin-1"))
    return match.group(1) if match else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_with_charset(body: bytes, charset: str | None) -> tuple[bytes | str, str | None]:
    """What to give ``parse`` for ``body`` sent with ``charset``, and a warning.

    The body as ``str`` when the charset decided its decoding; else the bytes
    unchanged, for ``parse`` to decode by its own rules: with no charset, with
    a BOM, with valid UTF-8 (also when UTF-8 is declared but the bytes are
    broken, which ``parse`` repairs), and with a charset that is unknown or
    that the bytes contradict. The warning (or ``None``) says when the
    charset was overruled.
    """
    if charset is None or body.startswith(_BOMS) or _is_utf8(body):
        return body, None
    codec = resolve_encoding(charset)
    if codec is None:
        return body, f"the HTTP header declares the unknown charset {charset!r}: ignored"
    if codecs.lookup(codec).name == "utf-8":
        return body, None
    try:
        return body.decode(codec), None
    except UnicodeDecodeError:
        return body, (
            f"the HTTP header declares charset {charset!r} but the bytes are not {codec}: "
            "read by the page's own declaration or detection"
        )


def parse_page(
    html: bytes | str,
    url: str | None,
    charset: str | None = None,
    options: ScrapyOptions | None = None,
) -> Article:
    """``articlekit.parse`` of a page fetched with ``charset`` in its HTTP header.

    Raises what :func:`articlekit.parse` raises.
    """
    options = options or ScrapyOptions()
    note = None
    if isinstance(html, bytes):
        html, note = decode_with_charset(html, charset)
    article = parse(html, url=url, pipeline=options.pipeline, timeout=options.timeout)
    if note is None:
        return article
    return dataclasses.replace(article, warnings=(*article.warnings, note))


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
