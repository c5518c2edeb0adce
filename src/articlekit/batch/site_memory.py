"""Site memory: text blocks that repeat over a large share of one site's pages
are chrome (menus, footers, newsletter boxes), and are removed (rule
``site-repeat``).

It is a separate pass because it needs every page of a site parsed before it
can decide about any of them; :func:`parse_many` and ``clean`` both learn all
pages first, then apply. :data:`SITE_REPEAT_THRESHOLDS` documents why each
threshold has its value.

The distributed engines (:mod:`articlekit.spark`, :mod:`articlekit.dask`) learn
the same thing in steps: :meth:`SiteMemory.page_key` per page, a count of
distinct pages and blocks per site done by the engine, then
:meth:`SiteMemory.from_counts` with the blocks over :meth:`SiteMemory.needed`.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import regex

from ..article import Article, Removal
from ..blocks import drop_paragraphs
from .sources import Source


@dataclass(frozen=True, slots=True)
class SiteRepeatThresholds:
    """When a block counts as site chrome (see :data:`SITE_REPEAT_THRESHOLDS`)."""

    #: A site needs this many distinct pages in the run before anything is
    #: removed: with fewer, "repeats on most pages" is not evidence of chrome.
    min_pages: int
    #: A block is chrome when it is on at least this share of the site's pages...
    min_share: float
    #: ...and on at least this many of them, so text that merely repeats on a
    #: couple of pages (a quote, a correction, a shared intro) stays.
    min_repeats: int
    #: Blocks longer than this are never removed: boilerplate is short, and a
    #: long shared block is more likely a syndicated story than a menu.
    max_chars: int


#: The thresholds of rule ``site-repeat``. Pages that are byte-for-byte copies
#: of another page of the run (same paragraphs) count once, so a folder that
#: holds one article several times does not make that article "chrome".
SITE_REPEAT_THRESHOLDS = SiteRepeatThresholds(
    min_pages=5, min_share=0.5, min_repeats=3, max_chars=400
)


_DIGITS = re.compile(r"\d+")
_WORD = regex.compile(r"\w+")  # as the pipeline counts words


def _block_key(text: str) -> bytes:
    """Blocks are compared after Unicode NFKC, case folding, collapsed spaces
    and digits masked ("© 2023 ..." and "© 2024 ..." are one block); the key is a
    short digest to keep the per-site table small."""
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    norm = _DIGITS.sub("0", norm)
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()


def _site(*urls: str | None, site_name: str | None = None) -> str | None:
    for url in urls:
        if url:
            host = urlsplit(url).hostname
            if host:
                return host.removeprefix("www.")
    if site_name and site_name.strip():
        return "name:" + site_name.strip().casefold()
    return None


def site_of(article: Article, source: Source | None = None) -> str | None:
    """The site a page belongs to: the host of its canonical URL, its URL or
    the source's URL (without ``www.``), else its site name; ``None`` when the
    page says nothing about its site."""
    source_url = source.url if source else None
    return _site(article.canonical_url, article.url, source_url, site_name=article.site_name)


def _record_site(record: Mapping[str, Any]) -> str | None:
    """:func:`site_of` for a spool record, without building the Article."""
    art = record["article"]
    return _site(
        art.get("canonical_url"), art.get("url"), record.get("url"), site_name=art.get("site_name")
    )


class SiteMemory:
    """Learns text blocks that repeat across many pages of one site, then
    removes them from each page's paragraphs as chrome (rule ``site-repeat``).

    Use: ``learn`` every article of the run, then ``apply`` to each. Memory is
    one 8-byte digest and a count per distinct short block per site, plus one
    digest per distinct page.
    """

    STAGE = "site-memory"
    RULE = "site-repeat"

    def __init__(self, thresholds: SiteRepeatThresholds = SITE_REPEAT_THRESHOLDS) -> None:
        self.thresholds = thresholds
        self._counts: dict[str, Counter[bytes]] = {}
        #: Digests of the pages learned, so that a copy of a page counts once.
        self._pages: dict[str, set[bytes]] = {}
        #: Distinct pages per site (the size of ``_pages``, or given to from_counts).
        self._npages: dict[str, int] = {}

    @classmethod
    def from_counts(
        cls,
        pages: Mapping[str, int],
        blocks: Mapping[str, Mapping[bytes, int]],
        thresholds: SiteRepeatThresholds = SITE_REPEAT_THRESHOLDS,
    ) -> SiteMemory:
        """A memory made from counts taken elsewhere (a distributed engine).

        ``pages``: distinct pages per site (copies counted once, as
        :meth:`learn_page` does); ``blocks``: per site, block key (see
        :meth:`page_key`) to the number of distinct pages holding it. Blocks
        under :meth:`needed` may be left out: they change nothing, so a memory
        made from the chrome blocks alone is small enough to broadcast. Such a
        memory holds no page digests: learn nothing more into it.
        """
        memory = cls(thresholds)
        memory._npages = {site: n for site, n in pages.items() if n > 0}
        memory._counts = {site: Counter(counts) for site, counts in blocks.items()}
        return memory

    def learn(self, article: Article, source: Source | None = None) -> None:
        self.learn_blocks(site_of(article, source), article.paragraphs)

    def learn_blocks(self, site: str | None, paragraphs: Sequence[str]) -> None:
        """Count one page's paragraphs for ``site`` (``None``: ignored)."""
        if site is None or not paragraphs:
            return
        self.learn_page(site, *self.page_key(paragraphs))

    def page_key(self, paragraphs: Sequence[str]) -> tuple[bytes, frozenset[bytes]]:
        """What one page contributes: a digest of its paragraphs (copies of a
        page share it) and the keys of its blocks short enough to be chrome."""
        page = hashlib.blake2b("\n".join(paragraphs).encode("utf-8"), digest_size=8).digest()
        limit = self.thresholds.max_chars
        return page, frozenset(_block_key(p) for p in paragraphs if len(p) <= limit)

    def learn_page(self, site: str, page: bytes, keys: Iterable[bytes]) -> None:
        """Count one page given as :meth:`page_key` made it; a page whose
        digest was already learned for ``site`` is a copy and counts nothing."""
        seen = self._pages.setdefault(site, set())
        if page in seen:  # an identical copy of a page already counted
            return
        seen.add(page)
        self._npages[site] = self._npages.get(site, 0) + 1
        self._counts.setdefault(site, Counter()).update(set(keys))

    def pages(self, site: str) -> int:
        return self._npages.get(site, 0)

    def needed(self, pages: int) -> int | None:
        """On how many of a site's ``pages`` a block must be to be chrome;
        ``None`` when the site has too few pages for anything to be removed."""
        if pages < self.thresholds.min_pages:
            return None
        return max(self.thresholds.min_repeats, math.ceil(self.thresholds.min_share * pages))

    def _needed(self, site: str | None) -> int | None:
        return self.needed(0 if site is None else self.pages(site))

    def repeated(self, site: str) -> int:
        """How many distinct blocks of ``site`` count as chrome."""
        needed = self._needed(site)
        if needed is None:
            return 0
        return sum(1 for c in self._counts.get(site, Counter()).values() if c >= needed)

    def _seen(self, site: str | None, paragraphs: Sequence[str]) -> list[int] | None:
        """Per paragraph, on how many of the site's pages it is when that makes
        it chrome (else 0); ``None`` when nothing is removed."""
        needed = self._needed(site)
        if site is None or needed is None:
            return None
        counts = self._counts.get(site, Counter())
        limit = self.thresholds.max_chars
        seen = [counts.get(_block_key(p), 0) if len(p) <= limit else 0 for p in paragraphs]
        seen = [c if c >= needed else 0 for c in seen]
        return seen if any(seen) else None

    def changes(self, site: str | None, paragraphs: Sequence[str]) -> bool:
        """Whether :meth:`apply` would change a page with these paragraphs."""
        return self._seen(site, paragraphs) is not None

    def apply(self, article: Article, source: Source | None = None) -> Article:
        site = site_of(article, source)
        seen = self._seen(site, article.paragraphs)
        if site is None or seen is None:
            return article
        if all(seen):  # everything repeats: this is a copy, not chrome
            return replace(
                article,
                warnings=(
                    *article.warnings,
                    "site-memory: every paragraph repeats across the site; none removed",
                ),
            )
        n = self.pages(site)
        removed = [
            Removal(
                stage=self.STAGE,
                rule=self.RULE,
                text=p,
                reason=f"on {c} of {n} pages of {site}",
            )
            for p, c in zip(article.paragraphs, seen, strict=True)
            if c
        ]
        return replace(
            article,
            blocks=drop_paragraphs(article.blocks, [bool(c) for c in seen]),
            removed=(*article.removed, *removed),
        )
