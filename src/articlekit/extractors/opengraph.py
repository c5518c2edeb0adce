"""OpenGraph (``og:*``) and ``article:*`` meta properties."""

from __future__ import annotations

from ..dates import parse_iso, parse_stamp
from ..page import Page
from ..people import clean_authors
from ..stage import Draft, Finding

__all__ = ["OpenGraphExtractor"]


class OpenGraphExtractor:
    """Reads og:title, og:site_name, article:published_time and their kin."""

    name = "opengraph"
    provides = frozenset(
        {
            "section",
            "site_name",
            "description",
            "image",
        }
    )
    requires: frozenset[str] = frozenset()

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        meta = page.meta
        for key, field in (
            ("article:published_time", "published"),
            ("og:published_time", "published"),
            ("article:modified_time", "updated"),
            ("og:updated_time", "updated"),
        ):
            for raw in meta.get(key, ()):
                value = parse_iso(raw) or parse_stamp(raw)
                if value is not None:
                    finding.hint(field, value, f"meta[property={key}]")
                    finding.hint(f"{field}_text", raw, f"meta[property={key}]")
                    break
        for key, field in (
            ("og:site_name", "site_name"),
            ("og:description", "description"),
            ("og:image", "image"),
            ("article:section", "section"),
        ):
            values = meta.get(key)
            if values:
                finding.set(field, values[0], f"meta[property={key}]")
        if meta.get("og:title"):
            finding.hint("title", meta["og:title"][0], "meta[property=og:title]")
        if meta.get("og:url"):
            finding.hint("canonical_url", meta["og:url"][0], "meta[property=og:url]")
        tags = tuple(dict.fromkeys(t.strip() for t in meta.get("article:tag", ()) if t.strip()))
        finding.hint("tags", tags, "meta[property=article:tag]")
        authors = [a for a in meta.get("article:author", ()) if "://" not in a]
        finding.hint("authors", clean_authors(authors), "meta[property=article:author]")
        return finding
