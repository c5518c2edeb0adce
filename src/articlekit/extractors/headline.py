"""The headline as readers see it, and the subtitle (dek) where one is marked.

``<title>``, og:title and JSON-LD ``headline`` are evidence (hints), not the
answer: they often carry a site-name suffix or an SEO variant. The page's own
``<h1>`` wins when it agrees with the evidence.
"""

from __future__ import annotations

import unicodedata

from lxml import html

from ..page import Page
from ..pipeline import Draft, Finding
from ..rules import SUBTITLE_VOCABULARY, TITLE_SEPARATORS
from ..textdump import split_dump
from ._common import class_and_id, clean_text, in_non_article_part

__all__ = ["HeadlineExtractor", "strip_site_name"]

#: A heading longer than this is not a headline.
MAX_HEADLINE_CHARS = 300
#: Headings with fewer words than this are labels ("News", "Menu").
MIN_HEADLINE_WORDS = 2
#: A title part with at most this many words may be a site name or section.
MAX_SITE_PART_WORDS = 4


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def strip_site_name(title: str, site_name: str | None, host: str | None) -> str:
    """Remove " | Site" / "Site - " parts from a document title."""
    for sep in TITLE_SEPARATORS:
        if sep not in title:
            continue
        parts = [p.strip() for p in title.split(sep)]
        site_keys = {_key(site_name)} if site_name else set()
        kept = [
            p
            for p in parts
            if _key(p) not in site_keys and not (host and _key(p).replace(" ", "") in host)
        ]
        if len(kept) < len(parts) and kept:
            return sep.join(kept)
        # No named site: the last (or first) short part is probably it.
        last_words, first_words = len(parts[-1].split()), len(parts[0].split())
        if len(parts) >= 2 and last_words <= MAX_SITE_PART_WORDS and first_words > last_words:
            return sep.join(parts[:-1])
        if len(parts) >= 2 and first_words <= MAX_SITE_PART_WORDS and last_words > first_words:
            return sep.join(parts[1:])  # "Site - Headline"
    return title


def _agrees(heading: str, evidence: list[str]) -> bool:
    key = _key(heading)
    return any(key and (key == _key(e) or key in _key(e)) for e in evidence)


def _host(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    return url.split("://", 1)[1].split("/", 1)[0].lower().removeprefix("www.")


class HeadlineExtractor:
    """The article's own heading; hints as a fallback with the site name removed."""

    name = "headline"
    provides = frozenset({"title", "subtitle"})
    requires: frozenset[str] = frozenset()

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        if page.text_dump is not None:
            title, _ = split_dump(page.text_dump)
            finding.set("title", title, "text:first-line")
            return finding
        evidence = [str(h.value) for h in so_far.hints("title")]
        headings = [
            el
            for el in page.root.iter("h1")
            if len(clean_text(el.text_content()).split()) >= MIN_HEADLINE_WORDS
            and len(clean_text(el.text_content())) <= MAX_HEADLINE_CHARS
        ]
        chosen: html.HtmlElement | None = None
        for el in headings:
            if _agrees(clean_text(el.text_content()), evidence):
                chosen = el
                break
        if chosen is None:
            in_article = [el for el in headings if not in_non_article_part(el)]
            if len(in_article) == 1 and not evidence:
                chosen = in_article[0]
        if chosen is not None:
            finding.set("title", clean_text(chosen.text_content()), "h1")
            finding.set("subtitle", _subtitle(chosen), "h1+subtitle")
        elif evidence:
            site = so_far.get("site_name") or next(
                (str(h.value) for h in so_far.hints("site_name")), None
            )
            best = so_far.hints("title")[0]
            finding.set(
                "title",
                strip_site_name(str(best.value), site, _host(page.url)),
                f"{best.stage}:{best.source}",
            )
        return finding


def _subtitle(heading: html.HtmlElement) -> str | None:
    """A dek marked by class right after the headline, within its container."""
    container = heading.getparent()
    for _ in range(2):  # the headline's container and the one around it
        if container is None:
            return None
        after = False
        for el in container.iter():
            if el is heading:
                after = True
                continue
            if not after or not isinstance(el.tag, str) or el.tag in ("script", "style"):
                continue
            if el.tag in ("p", "h2", "div", "span") and SUBTITLE_VOCABULARY.search(
                class_and_id(el)
            ):
                text = clean_text(el.text_content())
                if len(text.split()) >= MIN_HEADLINE_WORDS and len(text) <= 2 * MAX_HEADLINE_CHARS:
                    return text
        container = container.getparent()
    return None
