"""One page as one flat row: the published fields and their types, Article ->
row, error -> row, and row -> Article (so site memory can rebuild a page).

Dates are given twice: as a UTC timestamp (sortable, what an engine's date
functions want) and as the ISO text at the page's own precision, beside the raw
text the page showed. ``blocks``, ``provenance`` and ``extra`` travel as JSON
text, so a row rebuilds the exact Article.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any, Literal

from ..article import Article, stamp_to_iso, stamp_utc

#: The engine-free type of a field; each engine maps these to its own types.
FieldKind = Literal["string", "strings", "timestamp", "long", "double", "removals", "error"]

#: The fields of a row, in order. Every field is null on an error row except
#: ``source_url`` and ``error``; ``error`` is null on every other row.
FIELDS: tuple[tuple[str, FieldKind], ...] = (
    ("source_url", "string"),  # the URL given with the page (None when none was)
    ("url", "string"),
    ("canonical_url", "string"),
    ("title", "string"),
    ("subtitle", "string"),
    ("authors", "strings"),
    ("published", "timestamp"),
    ("published_iso", "string"),
    ("published_text", "string"),
    ("updated", "timestamp"),
    ("updated_iso", "string"),
    ("updated_text", "string"),
    ("tags", "strings"),
    ("section", "string"),
    ("language", "string"),
    ("site_name", "string"),
    ("description", "string"),
    ("image", "string"),
    ("body", "string"),
    ("paragraphs", "strings"),
    ("word_count", "long"),
    ("comments", "strings"),
    ("article_score", "double"),
    ("removed", "removals"),
    ("warnings", "strings"),
    ("blocks_json", "string"),
    ("provenance_json", "string"),
    ("extra_json", "string"),
    ("error", "error"),
)

#: Field names of one :data:`FIELDS` entry of kind ``removals`` and ``error``.
REMOVAL_KEYS = ("stage", "rule", "text", "reason", "moved_to")
ERROR_KEYS = ("type", "message")

#: Timestamps an engine can hold in nanoseconds (pandas, Arrow): a stamp outside
#: this range (a page that says year 1 or 9999) gets a null timestamp, while its
#: ISO and raw text are kept.
_EARLIEST = datetime(1678, 1, 1, tzinfo=timezone.utc)
_LATEST = datetime(2262, 1, 1, tzinfo=timezone.utc)


def _timestamp(value: Any) -> datetime | None:
    utc = stamp_utc(value)
    if utc is None or not _EARLIEST <= utc < _LATEST:
        return None
    return utc


def article_row(article: Article, source_url: str | None = None) -> dict[str, Any]:
    """The row of a parsed page; ``source_url`` is the URL it was parsed with."""
    data = article.to_dict()
    return {
        "source_url": source_url,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "published": _timestamp(article.published),
        "published_iso": stamp_to_iso(article.published),
        "published_text": article.published_text,
        "updated": _timestamp(article.updated),
        "updated_iso": stamp_to_iso(article.updated),
        "updated_text": article.updated_text,
        "tags": list(article.tags),
        "section": article.section,
        "language": article.language,
        "site_name": article.site_name,
        "description": article.description,
        "image": article.image,
        "body": data["body"],
        "paragraphs": data["paragraphs"],
        "word_count": data["word_count"],
        "comments": list(article.comments),
        "article_score": article.article_score,
        "removed": data["removed"],
        "warnings": list(article.warnings),
        "blocks_json": json.dumps(data["blocks"], ensure_ascii=False),
        "provenance_json": json.dumps(data["provenance"], ensure_ascii=False),
        "extra_json": json.dumps(data["extra"], ensure_ascii=False),
        "error": None,
    }


def error_row(error_type: str, message: str, source_url: str | None = None) -> dict[str, Any]:
    """The row of a page that has no article: every field null but ``error``."""
    row: dict[str, Any] = dict.fromkeys(name for name, _kind in FIELDS)
    row["source_url"] = source_url
    row["error"] = {"type": error_type, "message": message}
    return row


def _plain(value: Any) -> Any:
    """An engine's struct value (a Spark Row, a dict) as a dict."""
    as_dict = getattr(value, "asDict", None)
    if as_dict is not None:
        return as_dict()
    return dict(value)


def is_error(row: Mapping[str, Any]) -> bool:
    """Whether the row is an error row (its ``error`` field is set)."""
    return row.get("error") is not None


def row_to_article(row: Mapping[str, Any]) -> Article:
    """The Article a non-error row was made from (``ValueError`` for an error row)."""
    if is_error(row):
        raise ValueError("an error row holds no article")
    data: dict[str, Any] = {
        name: row[name]
        for name in (
            "url",
            "canonical_url",
            "title",
            "subtitle",
            "published_text",
            "updated_text",
            "section",
            "language",
            "site_name",
            "description",
            "image",
            "article_score",
        )
    }
    for name in ("authors", "tags", "comments", "warnings"):
        data[name] = list(row[name] if row[name] is not None else ())
    data["published"] = row["published_iso"]
    data["updated"] = row["updated_iso"]
    data["blocks"] = json.loads(row["blocks_json"])
    data["provenance"] = json.loads(row["provenance_json"])
    data["extra"] = json.loads(row["extra_json"])
    data["removed"] = [_plain(r) for r in (row["removed"] if row["removed"] is not None else ())]
    return Article.from_dict(data)
