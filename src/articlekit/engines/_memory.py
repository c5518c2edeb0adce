"""Site memory over rows, in the steps a distributed engine runs: per row the
page's site, digest and block keys (:func:`page_entry`); the engine counts
distinct pages and blocks per site; :func:`memory_from_counts` keeps the blocks
that count as chrome; :func:`apply_to_row` applies it. Every decision is
:class:`~articlekit.batch.site_memory.SiteMemory`'s own, so a site's rows come
out as ``articlekit clean`` writes the same pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..batch.site_memory import SiteMemory, _site
from ..batch.sources import Source
from ._rows import article_row, is_error, row_to_article

#: One page's share of the first pass: (site, page digest, block keys).
Entry = tuple[str, bytes, list[bytes]]


def row_site(row: Mapping[str, Any]) -> str | None:
    """The site of a row's page, as :func:`~articlekit.batch.site_memory.site_of`
    decides it for the page's Article and source."""
    return _site(row["canonical_url"], row["url"], row["source_url"], site_name=row["site_name"])


def page_entry(row: Mapping[str, Any], memory: SiteMemory | None = None) -> Entry | None:
    """What a row adds to its site's memory; ``None`` for an error row, a page
    with no site or no paragraphs (which ``SiteMemory.learn`` ignores too)."""
    if is_error(row):
        return None
    paragraphs = list(row["paragraphs"] if row["paragraphs"] is not None else ())
    site = row_site(row)
    if site is None or not paragraphs:
        return None
    page, keys = (memory or SiteMemory()).page_key(paragraphs)
    return site, page, sorted(keys)


def memory_from_counts(
    pages: Mapping[str, int], blocks: Iterable[tuple[str, bytes, int]]
) -> SiteMemory:
    """A memory from distinct pages per site and (site, block key, distinct
    pages holding it) counts; only the blocks that count as chrome are kept."""
    empty = SiteMemory()
    chrome: dict[str, dict[bytes, int]] = {}
    for site, key, count in blocks:
        needed = empty.needed(pages.get(site, 0))
        if needed is not None and count >= needed:
            chrome.setdefault(site, {})[key] = count
    return SiteMemory.from_counts(pages, chrome)


def apply_to_row(memory: SiteMemory, row: Mapping[str, Any]) -> dict[str, Any]:
    """The row with its site's repeated blocks removed (rule ``site-repeat``);
    an error row, or a page the memory does not change, comes back as it was."""
    if is_error(row):
        return dict(row)
    paragraphs = list(row["paragraphs"] if row["paragraphs"] is not None else ())
    if not memory.changes(row_site(row), paragraphs):
        return dict(row)
    source = Source(id="", url=row["source_url"])
    article = memory.apply(row_to_article(row), source)
    return article_row(article, row["source_url"])
