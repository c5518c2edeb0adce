"""The outputs of a ``clean`` run, rebuilt from the spool at the end of every run:
``articles.jsonl`` or one file per page, ``errors.jsonl`` and ``report.json``.

Every output is written under a temporary name and moved into place, so a run
that is killed while writing leaves the previous outputs whole.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal

from ..article import Article
from .report import Report
from .results import _result_of
from .site_memory import SiteMemory, _record_site
from .sources import COMPRESSION_SUFFIXES, PAGE_SUFFIXES, TEXT_SUFFIXES
from .spool import _read_log

#: Output formats of ``clean``, and the file name ending of the per-page ones.
FORMATS: Mapping[str, str | None] = {
    "jsonl": None,
    "json": ".json",
    "markdown": ".md",
    "html": ".html",
    "text": ".txt",
}
Format = Literal["jsonl", "json", "markdown", "html", "text"]

#: Files in OUT rebuilt from the spool at the end of every run.
ARTICLES_NAME = "articles.jsonl"
ERRORS_NAME = "errors.jsonl"
#: With --articles-only: the pages that parsed but are no article, one line each.
NOT_ARTICLES_NAME = "not-articles.jsonl"
REPORT_NAME = "report.json"


def _mkstemp(folder: Path) -> tuple[int, str]:
    """A temporary file next to its final place, with the permissions a plain
    ``open`` would give it (``mkstemp`` makes it private)."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    mask = os.umask(0)
    os.umask(mask)
    os.fchmod(fd, 0o666 & ~mask)
    return fd, tmp


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _mkstemp(path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _AtomicTextFile:
    """A file written in full under a temporary name, then moved into place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, self.tmp = _mkstemp(path.parent)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        Path(self.tmp).replace(self.path)

    def abort(self) -> None:
        self.fh.close()
        Path(self.tmp).unlink(missing_ok=True)


def _output_path(out: Path, rel: str, fmt: Format) -> Path:
    """The per-page output file: the input's place in the tree, compression
    and page (or text dump) suffix replaced by the format's."""
    name = rel
    lower = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix):
            name, lower = name[: -len(suffix)], lower[: -len(suffix)]
            break
    for suffix in PAGE_SUFFIXES + TEXT_SUFFIXES:
        if lower.endswith(suffix):
            name = name[: -len(suffix)]
            break
    ext = FORMATS[fmt] or ""
    parts = [p for p in name.split("/") if p not in ("", ".", "..")]
    return out.joinpath(*parts).with_name(parts[-1] + ext) if parts else out / ("page" + ext)


def _render(record: Mapping[str, Any], article: Article, fmt: Format) -> str:
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "html":
        return article.to_html()
    if fmt == "text":
        return article.to_text()
    data = _output_record(record, article.to_dict())
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _output_record(record: Mapping[str, Any], article: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "source": record["source"],
        "record_id": record.get("record_id"),
        "content_hash": record.get("content_hash"),
        "article": article,
    }


def _is_article(data: Mapping[str, Any]) -> bool:
    from ..extractors.verdict import judged_an_article

    return judged_an_article(data.get("article_score"))


def _not_article_record(record: Mapping[str, Any], data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "source": record["source"],
        "article_score": data.get("article_score"),
        "title": data.get("title"),
        "word_count": data.get("word_count"),
        "warnings": data.get("warnings", []),
    }


def _error_record(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "source": record["source"],
        "record_id": record.get("record_id"),
        "content_hash": record.get("content_hash"),
        "error_type": record["error_type"],
        "message": record["message"],
    }


def _build_outputs(
    out: Path,
    spool: Path,
    fmt: Format,
    report: Report,
    seen: set[str] | None,
    site_memory: bool,
    articles_only: bool = False,
) -> None:
    """Rebuild every output from the spool: the last record of each page wins,
    pages no longer among the inputs are left out (unless the walk was cut short
    by an interrupt), and site memory is learned in a first pass."""
    last: dict[str, int] = {}
    for offset, record in _read_log(spool, repair=False):
        if seen is None or record["source"] in seen:
            last[record["source"]] = offset

    def selected() -> Iterator[dict[str, Any]]:
        for offset, record in _read_log(spool, repair=False):
            if last.get(record["source"]) == offset:
                yield record

    memory = SiteMemory() if site_memory else None
    if memory is not None:
        for record in selected():
            if "article" in record:
                memory.learn_blocks(_record_site(record), record["article"]["paragraphs"])

    per_page = FORMATS[fmt] is not None
    articles = None if per_page else _AtomicTextFile(out / ARTICLES_NAME)
    errors = _AtomicTextFile(out / ERRORS_NAME)
    not_articles = _AtomicTextFile(out / NOT_ARTICLES_NAME) if articles_only else None
    used: set[Path] = set()
    try:
        for record in selected():
            report.pages += 1
            if "article" not in record:
                report.failed += 1
                report.errors[record["error_type"]] += 1
                errors.write(json.dumps(_error_record(record), ensure_ascii=False) + "\n")
                if per_page:  # a page that failed now must not keep an old file
                    with contextlib.suppress(OSError):
                        _output_path(out, record.get("rel") or record["source"], fmt).unlink()
                continue
            report.ok += 1
            data = record["article"]
            if not _is_article(data):
                report.not_articles += 1
                if not_articles is not None:
                    not_articles.write(json.dumps(_not_article_record(record, data)) + "\n")
                    continue
            article: Article | None = None  # built only when needed: it costs time
            if memory is not None and memory.changes(_record_site(record), data["paragraphs"]):
                result = _result_of(record)
                assert result.article is not None
                article = memory.apply(result.article, result.source)
                data = article.to_dict()
            report.removals.update(r["rule"] for r in data["removed"])
            if articles is not None:
                line = json.dumps(_output_record(record, data), ensure_ascii=False)
                articles.write(line + "\n")
            else:
                if article is None:
                    article = Article.from_dict(data)
                target = _output_path(out, record.get("rel") or record["source"], fmt)
                if target in used:  # e.g. a.html and a.htm: keep the full name
                    target = target.with_name(Path(record.get("rel") or "page").name)
                    target = target.with_name(target.name + (FORMATS[fmt] or ""))
                used.add(target)
                _atomic_write(target, _render(record, article, fmt))
        if articles is not None:
            articles.commit()
        if not_articles is not None:
            not_articles.commit()
        errors.commit()
    except BaseException:
        if articles is not None:
            articles.abort()
        if not_articles is not None:
            not_articles.abort()
        errors.abort()
        raise
    _atomic_write(out / REPORT_NAME, json.dumps(report.to_dict(), indent=2) + "\n")
