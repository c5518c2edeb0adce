"""Tags as the page presents them: tag links first, structured keywords after."""

from __future__ import annotations

import re

from lxml import html

from ..page import Page
from ..pipeline import Draft, Finding
from ..rules import TAG_LIST_VOCABULARY
from ._common import clean_text, in_non_article_part

__all__ = ["TagsExtractor", "dedupe_tags"]

#: Link texts longer than this are headlines of teasers, not tags.
MAX_TAG_CHARS = 60
#: A "tag list" with more links than this is a site menu.
MAX_TAGS = 40
#: Hint sources that are generic keyword soup: used only when nothing else is.
_TAG_LIST_TAGS = frozenset({"ul", "ol", "div", "section", "p", "nav"})
_BREADCRUMB_PATTERN = re.compile(r"breadcrumb", re.IGNORECASE)
_SOUP_SOURCES = ("meta[name=keywords]", "meta[name=news_keywords]", "meta[name=dc.subject]")


# Separators and quotes that wrap tags in tag clouds ("#tag", "„Review”").
_TAG_STRIP = "#,;|•·\"'„“”«»‘’ "


def dedupe_tags(tags: list[str]) -> tuple[str, ...]:
    """Case-insensitive de-duplication, page order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags:
        tag = clean_text(tag).strip(_TAG_STRIP)
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return tuple(out)


def _link_texts(container: html.HtmlElement) -> list[str]:
    texts = [clean_text(a.text_content()) for a in container.iter("a")]
    return [t for t in texts if t and len(t) <= MAX_TAG_CHARS]


class TagsExtractor:
    """rel=tag links and tag-list containers, then article:tag / keywords hints."""

    name = "tags"
    provides = frozenset({"tags", "section"})
    requires: frozenset[str] = frozenset()

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        # WordPress marks category links rel="category tag": those are sections.
        rel_tags = [
            clean_text(a.text_content())
            for a in page.root.xpath(
                "//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')"
                " and not(contains(concat(' ', normalize-space(@rel), ' '), ' category '))]"
            )
        ]
        rel_tags = [t for t in rel_tags if t and len(t) <= MAX_TAG_CHARS]
        if rel_tags and len(rel_tags) <= MAX_TAGS:
            finding.set("tags", dedupe_tags(rel_tags), "a[rel=tag]")
        for el in () if "tags" in finding.values else page.with_class(TAG_LIST_VOCABULARY):
            if el.tag not in _TAG_LIST_TAGS:
                continue
            if el.tag != "nav" and in_non_article_part(el):
                continue
            texts = _link_texts(el)
            if texts and len(texts) <= MAX_TAGS:
                finding.set("tags", dedupe_tags(texts), f"{el.tag}.tags")
                break
        hints = so_far.hints("tags")
        for hint in [h for h in hints if h.source not in _SOUP_SOURCES] + [
            h for h in hints if h.source in _SOUP_SOURCES
        ]:
            finding.set("tags", dedupe_tags(list(hint.value)), f"{hint.stage}:{hint.source}")
        if so_far.get("section") is None:
            self._breadcrumb_section(page, finding)
        return finding

    @staticmethod
    def _breadcrumb_section(page: Page, finding: Finding) -> None:
        for el in page.with_class(_BREADCRUMB_PATTERN):
            crumbs = [clean_text(a.text_content()) for a in el.iter("a")]
            crumbs = [
                c
                for c in crumbs
                if c and c.casefold() not in ("home", "startseite", "accueil", "inicio")
            ]
            if crumbs:
                finding.set("section", crumbs[-1], "breadcrumb")
                return
