"""Adapters that let other extractors be scored like articlekit.

Each adapter has the :data:`articlekit.evaluation.Predict` signature: page
bytes and URL in, a prediction dict (``body``, ``title``, ``authors``,
``published``, ``updated``, ``tags``) out. Every library is imported on first
use only; they are the optional extra ``articlekit[compare]`` (trafilatura is a
core dependency). :func:`resolve` returns a :class:`NotInstalled` instead of
raising when a library cannot be imported.

Each tool runs with its own defaults, except where a default would reach the
network (newspaper4k fetches images to pick a top image; that is turned off).
Libraries that read bytes themselves get the bytes; those that want text get
the page decoded by :func:`decode_html`.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import metadata
from typing import Any

from .evaluation import Predict, Prediction

__all__ = [
    "COMPETITORS",
    "Competitor",
    "NotInstalled",
    "decode_html",
    "goose3_predict",
    "html_to_text",
    "justext_predict",
    "newspaper4k_predict",
    "readability_predict",
    "resolve",
    "trafilatura_predict",
]

#: Bytes of a page searched for a declared charset when it is not UTF-8.
_CHARSET_SNIFF_BYTES = 4096

#: URL given to newspaper4k when the page has none (it requires one).
_NEWSPAPER_PLACEHOLDER_URL = "http://x"

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# -- helpers -------------------------------------------------------------------


def decode_html(html: bytes) -> str:
    """Text of a page for libraries that want ``str``: BOM / UTF-8 / declared charset.

    UTF-8 (with or without BOM) is tried first, then the charset of a
    ``<meta>`` tag, then charset-normalizer's guess, then cp1252 with
    replacement characters.
    """
    if html.startswith(b"\xef\xbb\xbf"):
        return html[3:].decode("utf-8", errors="replace")
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET_RE.search(html[:_CHARSET_SNIFF_BYTES])
    if declared:
        try:
            return html.decode(declared.group(1).decode("ascii"), errors="replace")
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(html).best()
        if best is not None:
            return str(best)
    except ImportError:  # pragma: no cover - a core dependency
        pass
    return html.decode("cp1252", errors="replace")


#: Elements that start a new line in :func:`html_to_text`.
_BLOCK_TAG_NAMES = """
    address article aside blockquote br dd div dl dt figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul
"""
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style"):
            if el.tail:
                parts.append(el.tail)
            return
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _stamp(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _names(values: Iterable[object] | None) -> list[str]:
    out: list[str] = []
    for value in values or ():
        text = str(value).strip()
        if text and text not in out:
            out.append(text)
    return out


# -- adapters ------------------------------------------------------------------


def trafilatura_predict(html: bytes, url: str | None) -> Prediction:
    """trafilatura's ``bare_extraction`` with metadata; authors split on ``;``."""
    from trafilatura import bare_extraction

    doc = bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {}
    get = doc.get if isinstance(doc, dict) else lambda key: getattr(doc, key, None)
    author = get("author")
    tags = _names(get("tags")) or _names(get("categories"))
    return {
        "body": get("text"),
        "title": get("title"),
        "authors": _names(author.split(";")) if isinstance(author, str) else [],
        "published": _stamp(get("date")),
        "tags": tags,
    }


def readability_predict(html: bytes, url: str | None) -> Prediction:
    """readability-lxml: the summary's text and the short title."""
    from readability import Document

    doc = Document(html, url=url)
    return {"body": html_to_text(doc.summary(html_partial=True)), "title": doc.short_title()}


def newspaper4k_predict(html: bytes, url: str | None) -> Prediction:
    """newspaper4k: text, title, authors, publish date, tags (else meta keywords)."""
    import newspaper

    article = newspaper.Article(url or _NEWSPAPER_PLACEHOLDER_URL, fetch_images=False)
    article.download(input_html=decode_html(html))
    article.parse()
    tags = _names(article.tags) or _names(getattr(article, "meta_keywords", None))
    return {
        "body": article.text,
        "title": article.title,
        "authors": _names(article.authors),
        "published": _stamp(article.publish_date),
        "tags": tags,
    }


@cache
def _goose() -> Any:
    from goose3 import Goose

    return Goose({"enable_image_fetching": False})


def goose3_predict(html: bytes, url: str | None) -> Prediction:
    """goose3: cleaned text, title, authors, publish date, tags (else meta keywords)."""
    result = _goose().extract(url=url, raw_html=decode_html(html))
    keywords = result.meta_keywords
    tags = _names(result.tags) or _names(
        keywords.split(",") if isinstance(keywords, str) else keywords
    )
    return {
        "body": result.cleaned_text,
        "title": result.title,
        "authors": _names(result.authors),
        "published": _stamp(result.publish_datetime_utc or result.publish_date),
        "tags": tags,
    }


@cache
def _justext_stoplist() -> frozenset[str]:
    import justext

    words: set[str] = set()
    for language in justext.get_stoplists():
        words |= justext.get_stoplist(language)
    return frozenset(words)


def justext_predict(html: bytes, url: str | None) -> Prediction:
    """jusText: the non-boilerplate paragraphs.

    The corpora are multilingual and jusText wants one stop-word list, so it
    gets the union of all the lists it ships (no language detection).
    """
    import justext

    paragraphs = justext.justext(html, _justext_stoplist())
    return {"body": "\n".join(p.text for p in paragraphs if not p.is_boilerplate)}


# -- registry ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NotInstalled:
    """A competitor that cannot be used here, and why."""

    name: str
    distribution: str
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.name}: not installed ({self.reason}); "
            f"pip install 'articlekit[compare]' or pip install {self.distribution}"
        )


@dataclass(frozen=True, slots=True)
class Competitor:
    """A competing extractor: its adapter and what it can predict."""

    name: str
    distribution: str
    module: str
    predict: Predict
    fields: frozenset[str]

    def version(self) -> str | None:
        """The installed version of the library, ``None`` when it is absent."""
        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return None


_ALL = frozenset({"body", "title", "authors", "published", "tags"})

#: The competitors by the name ``articlekit eval --compare`` uses.
COMPETITORS: dict[str, Competitor] = {
    c.name: c
    for c in (
        Competitor("trafilatura", "trafilatura", "trafilatura", trafilatura_predict, _ALL),
        Competitor(
            "readability-lxml",
            "readability-lxml",
            "readability",
            readability_predict,
            frozenset({"body", "title"}),
        ),
        Competitor("newspaper4k", "newspaper4k", "newspaper", newspaper4k_predict, _ALL),
        Competitor("goose3", "goose3", "goose3", goose3_predict, _ALL),
        Competitor("justext", "jusText", "justext", justext_predict, frozenset({"body"})),
    )
}


def resolve(name: str) -> Competitor | NotInstalled:
    """The competitor ``name`` when its library imports, else :class:`NotInstalled`.

    Raises ``KeyError`` for a name that is not in :data:`COMPETITORS`.
    """
    competitor = COMPETITORS[name]
    try:
        with warnings.catch_warnings():  # e.g. newspaper4k warns that nltk is absent
            warnings.simplefilter("ignore")
            importlib.import_module(competitor.module)
    except Exception as exc:  # ImportError, or a broken install failing on import
        return NotInstalled(name, competitor.distribution, f"{type(exc).__name__}: {exc}")
    return competitor
