"""Authors: the visible byline weighed against structured author fields.

Structured sources (JSON-LD, meta) name authors reliably but often list more
people than the byline shows (editors, photographers) or an organisation. The
page's own byline names the people readers see. So:

* byline and structured names agree → the byline's people, in page order,
  when they include every structured name; else the structured names the
  byline shows;
* only one source → its people;
* names that are the site's or publisher's name are left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lxml import html

from ..page import Page
from ..people import clean_authors
from ..pipeline import Draft, Finding
from ..rules import BYLINE_PREFIX, BYLINE_VOCABULARY
from ._common import article_region, clean_text, in_foreign_part, text_owners

__all__ = ["AuthorsExtractor"]

#: Byline elements longer than this are author bios, not bylines.
MAX_BYLINE_CHARS = 120
#: At most this many byline-like elements are read.
MAX_BYLINE_ELEMENTS = 12
# Text nodes that start like a byline ("By", "Von", "Par", "Por", "Door").
_BY_LINE = re.compile(
    r"^\s*(?:by|von|par|por|door|di|autor|autorin|auteur|author|redaktion"
    r"|eine? (?:artikel|beitrag|kolumne|kommentar|gastbeitrag|text) von"
    r"|text (?:&|und) fotos?|text)(?:\s|:|$)",
    re.IGNORECASE,
)
# A label alone ("Autor", "By:"), with the name in the element after it.
_LABEL_ONLY = re.compile(
    r"^\s*(?:by|von|autor|autorin|auteur|author|autoren|authors)\s*:?\s*$", re.I
)
_BYLINE_TAGS = frozenset({"span", "div", "p", "a", "address", "li", "ul"})


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class AuthorsExtractor:
    """People from the visible byline and from structured author hints."""

    name = "authors"
    provides = frozenset({"authors"})
    requires: frozenset[str] = frozenset()

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        structured: tuple[str, ...] = ()
        structured_source = ""
        for hint in so_far.hints("authors"):
            if hint.value:
                structured, structured_source = tuple(hint.value), f"{hint.stage}:{hint.source}"
                break
        region = article_region(page, so_far)
        visible, visible_source, byline_text = self._visible(page, region)
        sites = {
            _key(str(v))
            for v in (so_far.get("site_name"), *[h.value for h in so_far.hints("site_name")])
            if v
        }
        structured = tuple(a for a in structured if _key(a) not in sites)
        visible = tuple(a for a in visible if _key(a) not in sites)
        if structured and visible:
            shown = _key(byline_text)
            in_byline = tuple(a for a in structured if _key(a) in shown)
            if len(in_byline) == len(structured):
                finding.set("authors", visible, visible_source)
            elif in_byline:
                finding.set("authors", in_byline, f"{structured_source}+byline")
            else:
                finding.set("authors", structured, structured_source)
        elif structured:
            finding.set("authors", structured, structured_source)
        elif visible:
            finding.set("authors", visible, visible_source)
        return finding

    @staticmethod
    def _visible(page: Page, region: html.HtmlElement) -> tuple[tuple[str, ...], str, str]:
        """People of the first byline that names any, its source and its text."""
        for source, pieces in _bylines(page, region):
            people = clean_authors(pieces)
            if people:
                return people, source, " ".join(pieces)
        return (), "", ""


def _pieces(el: html.HtmlElement) -> list[str]:
    """The byline's text split where its elements split it.

    "<a>Deborah Netburn</a><span>Staff Writer</span>" must not become one
    run-on name, so each text node is a piece of its own.
    """
    return [t for t in (clean_text(x) for x in el.itertext()) if t]


def _bylines(page: Page, region: html.HtmlElement) -> Iterator[tuple[str, list[str]]]:
    """Byline candidates in trust order: "By …" lines, microdata, byline classes, rel=author.

    A generator: the caller stops at the first that names people, so the
    costlier searches further down run only on pages that need them.
    """

    def usable(el: html.HtmlElement | None) -> bool:
        if el is None or not isinstance(el.tag, str):
            return False
        text = clean_text(el.text_content())
        return bool(text) and len(text) <= MAX_BYLINE_CHARS and not in_foreign_part(el)

    for owner, _ in text_owners(region, _BY_LINE):
        text = clean_text(owner.text_content())
        if _LABEL_ONLY.match(text):
            following = owner.getnext()
            if usable(following):
                yield "visible:label", _pieces(following)
        elif usable(owner) and BYLINE_PREFIX.match(text):
            yield "visible:by", _pieces(owner)
    names = []
    for el in page.root.xpath("//*[@itemprop='author']"):
        inner = el.xpath(".//*[@itemprop='name']")
        target = inner[0] if inner else el
        if usable(target):
            names.append(clean_text(target.get("content") or target.text_content()))
    if names:
        yield "[itemprop=author]", names
    # Bylines sit with the headline: the article's region first, then the page.
    seen: set[int] = set()
    for scope in (region, page.root):
        for el in page.with_class(BYLINE_VOCABULARY, within=scope)[:MAX_BYLINE_ELEMENTS]:
            if id(el) not in seen and el.tag in _BYLINE_TAGS and usable(el):
                seen.add(id(el))
                yield f"{el.tag}.byline", _pieces(el)
    links = [
        clean_text(a.text_content())
        for a in page.root.xpath(
            "//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
        )
        if usable(a)
    ]
    if links:
        yield "a[rel=author]", links
