"""What a batch run produces per page: a :class:`Result` holding an article or a
:class:`PageError`, and its JSON record.

The record form (``_record_of`` / ``_result_of``) is what the spool stores and
what the output lines are built from, so it is kept next to the types it
serialises; both the pool and the ``clean`` command depend on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..article import Article
from .sources import Source


@dataclass(frozen=True, slots=True)
class PageError:
    """Why a page has no article: the exception's class name and message, or
    ``PageTimeout`` / ``WorkerDied`` for failures the pool itself observed."""

    type: str
    message: str


@dataclass(frozen=True, slots=True)
class Result:
    """One source's outcome: exactly one of ``article`` and ``error`` is set."""

    source: Source
    article: Article | None = None
    error: PageError | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.article is not None


def _record_of(result: Result) -> dict[str, Any]:
    """The JSON record of a result (spool and output lines)."""
    src = result.source
    record: dict[str, Any] = {
        "source": src.id,
        "record_id": src.record_id,
        "url": src.url,
        "content_hash": src.content_hash,
    }
    if result.article is not None:
        record["article"] = result.article.to_dict()
    else:
        assert result.error is not None
        record["error_type"] = result.error.type
        record["message"] = result.error.message
    record["rel"] = src.rel
    return record


def _result_of(record: Mapping[str, Any]) -> Result:
    source = Source(
        id=record["source"],
        record_id=record.get("record_id"),
        url=record.get("url"),
        rel=record.get("rel"),
        content_hash=record.get("content_hash"),
    )
    if "article" in record:
        return Result(source=source, article=Article.from_dict(record["article"]))
    return Result(source=source, error=PageError(record["error_type"], record["message"]))


def _error_of(exc: BaseException) -> PageError:
    message = str(exc) or repr(exc)
    return PageError(type(exc).__name__, message)
