"""Standard and vendor ``<meta>`` tags, ``<link rel=canonical>``, microdata, ``<title>``."""

from __future__ import annotations

from ..dates import parse_iso, parse_stamp
from ..page import Page
from ..people import clean_authors
from ..stage import Draft, Finding
from ._common import clean_text, language_code, split_list

__all__ = ["MetaExtractor"]

#: Meta names per field, most trusted first. Lower-cased, as Page.meta keys are.
PUBLISHED_KEYS = (
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "published-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "og:article:published_time",
    "date.available",
    "displaydate",
)
UPDATED_KEYS = (
    "datemodified",
    "article.updated",
    "lastmod",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "og:article:modified_time",
    "revised",
)
AUTHOR_KEYS = (
    "author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "citation_author",
    "byl",
    "article.author",
    "dcterms.creator",
)
TAG_KEYS = ("parsely-tags", "sailthru.tags", "news_keywords", "keywords", "dc.subject")
SECTION_KEYS = ("parsely-section", "article.section", "section", "category")
TITLE_KEYS = (
    "parsely-title",
    "sailthru.title",
    "dc.title",
    "citation_title",
    "twitter:title",
    "headline",
    "title",
)
LANGUAGE_KEYS = ("content-language", "language", "dc.language", "og:locale", "inlanguage")
DESCRIPTION_KEYS = ("description", "twitter:description", "dc.description")
IMAGE_KEYS = ("twitter:image", "twitter:image:src", "image", "thumbnail")
SITE_KEYS = ("application-name", "apple-mobile-web-app-title", "publisher", "twitter:site")


class MetaExtractor:
    """Plain meta tags, vendor meta (parsely, sailthru, Dublin Core, citation_*),
    itemprop microdata with ``content``/``datetime``, the canonical link, the
    ``<html lang>`` and the ``<title>`` element."""

    name = "meta"
    provides = frozenset(
        {
            "canonical_url",
            "section",
            "language",
            "description",
            "image",
            "site_name",
        }
    )
    requires: frozenset[str] = frozenset()

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        self._dates(page, finding)
        self._microdata_dates(page, finding)
        for el in page.root.iter("link"):
            if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
                finding.set("canonical_url", el.get("href", "").strip(), "link[rel=canonical]")
                break
        for field, keys in (
            ("section", SECTION_KEYS),
            ("description", DESCRIPTION_KEYS),
            ("image", IMAGE_KEYS),
        ):
            found = page.meta_first(*keys)
            if found:
                finding.set(field, found[0], f"meta[name={found[1]}]")
        if page.html_lang:
            finding.set("language", language_code(page.html_lang), "html[lang]")
        found = page.meta_first(*LANGUAGE_KEYS)
        if found:
            finding.set("language", language_code(found[0]), f"meta[name={found[1]}]")
        found = page.meta_first(*SITE_KEYS)
        if found and not found[0].startswith("@"):
            finding.hint("site_name", found[0], f"meta[name={found[1]}]")
        for key in TITLE_KEYS:
            for value in page.meta.get(key, ()):
                finding.hint("title", clean_text(value), f"meta[name={key}]")
        title_el = next(page.root.iter("title"), None)
        if title_el is not None:
            finding.hint("title", clean_text(title_el.text_content()), "title")
        for key in AUTHOR_KEYS:
            authors = clean_authors(page.meta.get(key, ()))
            finding.hint("authors", authors, f"meta[name={key}]")
        for key in TAG_KEYS:
            tags: list[str] = []
            for value in page.meta.get(key, ()):
                tags.extend(split_list(value))
            finding.hint("tags", tuple(dict.fromkeys(tags)), f"meta[name={key}]")
        return finding

    @staticmethod
    def _dates(page: Page, finding: Finding) -> None:
        for field, keys in (("published", PUBLISHED_KEYS), ("updated", UPDATED_KEYS)):
            for key in keys:
                for raw in page.meta.get(key, ()):
                    value = parse_iso(raw) or parse_stamp(raw)
                    if value is not None:
                        finding.hint(field, value, f"meta[name={key}]")
                        finding.hint(f"{field}_text", raw, f"meta[name={key}]")
                        break

    @staticmethod
    def _microdata_dates(page: Page, finding: Finding) -> None:
        for el in page.with_itemprop("datePublished", "dateModified"):
            # Blogger puts the ISO stamp in <abbr title> and a bare time in the text.
            raw = (
                el.get("datetime")
                or el.get("content")
                or el.get("title")
                or clean_text(el.text_content())
            )
            if not raw:
                continue
            value = parse_iso(raw) or parse_stamp(raw)
            field = "published" if el.get("itemprop") == "datePublished" else "updated"
            if value is not None:
                source = f"[itemprop={el.get('itemprop')}]"
                finding.hint(field, value, source)
                finding.hint(f"{field}_text", raw, source)
