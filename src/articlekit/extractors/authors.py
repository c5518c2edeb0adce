"""Authors: structured hints first, else the visible byline."""

from __future__ import annotations

from ..page import Page
from ..people import clean_authors
from ..pipeline import Draft, Finding
from ..rules import BYLINE_VOCABULARY
from ._common import class_and_id, clean_text, in_non_article_part

__all__ = ["AuthorsExtractor"]

#: Byline elements longer than this are author bios, not bylines.
MAX_BYLINE_CHARS = 120


class AuthorsExtractor:
    """People from JSON-LD/meta hints, else from rel=author links and byline elements."""

    name = "authors"
    provides = frozenset({"authors"})
    requires: frozenset[str] = frozenset()

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        for hint in so_far.hints("authors"):
            if hint.value:
                finding.set("authors", tuple(hint.value), f"{hint.stage}:{hint.source}")
                return finding
        for source, texts in self._bylines(page):
            people = clean_authors(texts)
            if people:
                finding.set("authors", people, source)
                break
        return finding

    @staticmethod
    def _bylines(page: Page) -> list[tuple[str, list[str]]]:
        found: list[tuple[str, list[str]]] = []
        links = [
            clean_text(a.text_content())
            for a in page.root.xpath(
                "//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
            )
            if not in_non_article_part(a)
        ]
        if links:
            found.append(("a[rel=author]", links))
        for el in page.root.xpath("//*[@itemprop='author']"):
            names = el.xpath(".//*[@itemprop='name']")
            text = clean_text((names[0] if names else el).text_content())
            if text and not in_non_article_part(el):
                found.append(("[itemprop=author]", [text]))
                break
        for el in page.root.iter("span", "div", "p", "a", "address", "li"):
            if not BYLINE_VOCABULARY.search(class_and_id(el)):
                continue
            text = clean_text(el.text_content())
            if text and len(text) <= MAX_BYLINE_CHARS and not in_non_article_part(el):
                found.append((f"{el.tag}.byline", [text]))
                break
        return found
