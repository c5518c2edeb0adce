"""Authors: the visible byline weighed against structured author fields.

Structured sources (JSON-LD, meta) name authors reliably but often list more
people than the byline shows (editors, photographers) or an organisation. The
page's own byline names the people readers see. So:

* a byline that names exactly the people of a structured source → its
  people (the first "By" on a page may show one of two names, list every
  author on the page, or credit a photo; structured data picks the byline);
* byline and structured names agree → the byline's people, in page order,
  when they include every structured name; else the structured names the
  byline shows;
* only one source → its people;
* names that are the site's or publisher's name (compared letters-only) are
  left out; "By" lines in figures or under captioned images credit photos.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Iterator

from lxml import etree, html

from ..page import Page
from ..people import clean_authors, compact_name, looks_like_person
from ..rules import BYLINE_LABEL_ONLY, BYLINE_LINE, BYLINE_PREFIX, BYLINE_VOCABULARY, POSTED_BY
from ..stage import Draft, Finding
from ._common import article_region, clean_text, in_foreign_part, text_owners

__all__ = ["AuthorsExtractor"]

#: Byline elements longer than this are author bios, not bylines.
MAX_BYLINE_CHARS = 120
#: At most this many byline-like elements are read.
MAX_BYLINE_ELEMENTS = 12
#: At most this many byline candidates are weighed against structured authors.
MAX_BYLINE_CANDIDATES = 30
# The byline words of rules.BYLINE_WORDS, compiled there: text nodes that
# start like a byline, a label alone, a "posted … by" line.
_POSTED_BY = POSTED_BY
_BY_LINE = BYLINE_LINE
_LABEL_ONLY = BYLINE_LABEL_ONLY
_BYLINE_TAGS = frozenset({"span", "div", "p", "a", "address", "li", "ul"})


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class AuthorsExtractor:
    """People from the visible byline and from structured author hints."""

    name = "authors"
    provides = frozenset({"authors"})
    requires: frozenset[str] = frozenset()
    #: The headline's element (bylines are looked for around it first) and the
    #: site's name (a byline that is the site is no person).
    reads = frozenset({"title_element", "site_name"})

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        sites = _site_keys(so_far)
        # Every structured source's people, without the site's own name; the
        # first is the most trusted, the others may agree with the byline.
        claims: list[tuple[tuple[str, ...], str]] = []
        for hint in so_far.hints("authors"):
            names = tuple(a for a in hint.value or () if compact_name(a) not in sites)
            if names and all({_key(a) for a in names} != _people_key(c[0]) for c in claims):
                claims.append((names, f"{hint.stage}:{hint.source}"))
        structured, structured_source = claims[0] if claims else ((), "")
        region = article_region(page, so_far)
        unnamed: list[str] = []
        visible, visible_source, byline_text, agreed = self._visible(
            page, region, sites, claims, so_far.get("title_element"), unnamed
        )
        if agreed:
            finding.set("authors", visible, visible_source)
        elif structured and visible:
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
        elif unnamed:
            # Say why a page with a "By" line has no authors: what follows "By"
            # is a role, a label, an organisation (rules.PEOPLE_WORDS,
            # ORGANISATION_WORDS) or a name of one word.
            finding.warnings.append(f"authors: no person's name in the byline {unnamed[0]!r}")
        return finding

    @staticmethod
    def _visible(
        page: Page,
        region: html.HtmlElement,
        sites: set[str],
        claims: list[tuple[tuple[str, ...], str]],
        headline: html.HtmlElement | None = None,
        unnamed: list[str] | None = None,
    ) -> tuple[tuple[str, ...], str, str, bool]:
        """The byline to use: its people, source, text, and whether structured data agrees.

        Without structured authors, the first byline that names people. With
        them, a later byline naming exactly the people of a structured source
        wins over the first (the first "By" on a page may be a label with
        one of two names, a list of every author on the page, or a credit).
        "By" lines in which no word reads as a person's name are added to
        ``unnamed``.
        """
        first: tuple[tuple[str, ...], str, str] | None = None
        first_element: html.HtmlElement | None = None
        last: html.HtmlElement | None = None  # the first byline's last element
        covered = False  # the first byline shows every name of a structured source
        wanted = [_people_key(c[0]) for c in claims]
        bylines = _bylines(page, region, headline)
        for count, (source, pieces, element) in enumerate(bylines):
            if count >= MAX_BYLINE_CANDIDATES:
                break
            if source == LINES_DONE[0]:
                if first is not None and not wanted:
                    break  # no sibling "By" block left; the page-wide scans cost
                continue
            named = clean_authors(pieces)
            people = tuple(a for a in named if compact_name(a) not in sites)
            if not people:
                if not named and source == "visible:by" and unnamed is not None:
                    line = " ".join(pieces)
                    if _looks_like_byline(line):
                        unnamed.append(line)
                continue
            if first is None:
                first, first_element = (people, source, " ".join(pieces)), element
                last = element
                covered = any(w <= _people_key(people) for w in wanted)
                if _people_key(people) in wanted:
                    return (*first, True)
                continue
            if (
                last is not None
                and element is not None
                and source.startswith("visible:")
                and first[1].startswith("visible:")
                and _next_alike(last, element)
            ):
                # One "By" block per author: "<div>By A</div><div>By B</div>"
                # (class-found blocks side by side are more often a list of
                # other stories' bylines).
                merged = first[0] + tuple(p for p in people if p not in first[0])
                first, last = (merged, first[1], f"{first[2]} {' '.join(pieces)}"), element
                continue
            last = None
            if not wanted:
                break
            # Lists gathered from the whole page are no byline to agree with;
            # nor is a part of a first byline that shows more names than the
            # structured data (which often lists only the first author).
            if element is None or (covered and _contains(first_element, element)):
                continue
            if _people_key(people) in wanted:
                return people, source, " ".join(pieces), True
        if first is None:
            return (), "", "", False
        return (*first, _people_key(first[0]) in wanted)


#: A "By" line is worth a warning when it names nothing only if it reads like
#: a byline: a few capitalised words ("By Slate Staff"), not a sentence ("By
#: subscribing to our newsletter, you …").
MAX_UNNAMED_BYLINE_WORDS = 6


def _looks_like_byline(line: str) -> bool:
    words = BYLINE_PREFIX.sub("", line).split()
    return 0 < len(words) <= MAX_UNNAMED_BYLINE_WORDS and all(
        w[:1].isupper() or not w[:1].isalpha() for w in words
    )


#: How many levels above two bylines their blocks may be the repeated ones.
SIBLING_BYLINE_LEVELS = 3


def _next_alike(before: html.HtmlElement, after: html.HtmlElement) -> bool:
    """``after`` sits in the block right after ``before``'s, a block of the same kind.

    "<address><div>By A</div></address><address><div>By B</div></address>":
    each byline, or an ancestor of it a few levels up, is the next sibling
    of the other's with the same tag and class.
    """
    a: html.HtmlElement | None = before
    b: html.HtmlElement | None = after
    for _ in range(SIBLING_BYLINE_LEVELS):
        if a is None or b is None or a is b:
            return False
        if a.tag != b.tag or a.get("class") != b.get("class"):
            return False
        following = a.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is b:
            return True
        a, b = a.getparent(), b.getparent()
    return False


#: A byline this close to the headline (levels up to their common block) is
#: the article's even in a part whose class says "teaser" (a header reusing
#: the teaser's metadata markup).
HEADLINE_NEIGHBOUR_LEVELS = 2


def _beside(el: html.HtmlElement, headline: html.HtmlElement | None) -> bool:
    """``el`` and the headline share a block a level or two above ``el``."""
    if headline is None:
        return False
    node = el.getparent()
    for _ in range(HEADLINE_NEIGHBOUR_LEVELS):
        if node is None:
            return False
        if any(a is node for a in headline.iterancestors()):
            return True
        node = node.getparent()
    return False


#: Marks the end of the "By …" lines among the byline candidates: what follows
#: (microdata, class scans) is only read when needed.
LINES_DONE: tuple[str, list[str], None] = ("lines-done", [], None)


#: A caption sentence before a "By" line has at least this many words.
MIN_CAPTION_WORDS = 8
#: How far up a "By" line is looked at for a figure or an image around it.
CAPTION_LEVELS = 3
_IMAGE_TAGS = ("img", "picture")


def _photo_credit(owner: html.HtmlElement) -> bool:
    """A "By" line that credits a photo: inside a figure, or after a caption under an image.

    "<div><img …><div><span>Members of the union …</span><span>By Jane Doe</span>
    </div></div>" names the photographer, not the author.
    """
    node: html.HtmlElement | None = owner
    for _ in range(CAPTION_LEVELS):
        if node is None:
            return False
        if node.tag in ("figure", "figcaption"):
            return True
        node = node.getparent()
    before = owner.getprevious()
    while before is not None and (not isinstance(before.tag, str) or before.tag in _UNSHOWN_TAGS):
        before = before.getprevious()
    if before is None:
        return False
    if len(clean_text(before.text_content()).split()) < MIN_CAPTION_WORDS:
        return False
    container = owner.getparent()
    for _ in range(2):
        if container is None:
            return False
        if any(child.tag in _IMAGE_TAGS for child in container):
            return True
        container = container.getparent()
    return False


def _contains(outer: html.HtmlElement | None, inner: html.HtmlElement) -> bool:
    return outer is not None and any(a is outer for a in inner.iterancestors())


def _people_key(names: tuple[str, ...]) -> set[str]:
    return {_key(a) for a in names}


def _site_keys(so_far: Draft) -> set[str]:
    """The site's and publisher's names, compacted: authors that are these are not people."""
    values = (so_far.get("site_name"), *[h.value for h in so_far.hints("site_name")])
    return {compact_name(str(v)) for v in values if v}


#: Elements whose text is never shown as words of a byline.
_UNSHOWN_TAGS = ("script", "style", "noscript", "template")


def _pieces(el: html.HtmlElement) -> list[str]:
    """The byline's text split where its elements split it.

    "<a>Deborah Netburn</a><span>Staff Writer</span>" must not become one
    run-on name, so each text node is a piece of its own. Inline styles and
    scripts (CSS-in-JS pages put them inside bylines) are not text.
    """
    if next(el.iter(*_UNSHOWN_TAGS), None) is not None:
        el = copy.deepcopy(el)
        etree.strip_elements(el, *_UNSHOWN_TAGS, with_tail=False)
    return [t for t in (clean_text(x) for x in el.itertext()) if t]


def _bylines(
    page: Page, region: html.HtmlElement, headline: html.HtmlElement | None = None
) -> Iterator[tuple[str, list[str], html.HtmlElement | None]]:
    """Byline candidates in trust order: "By …" lines, microdata, byline classes, rel=author.

    Each comes with the element that shows it, or None for the lists
    gathered from the whole page (microdata, rel=author).

    A generator: the caller stops at the first that names people, so the
    costlier searches further down run only on pages that need them.
    """

    def usable(el: html.HtmlElement | None) -> bool:
        if el is None or not isinstance(el.tag, str):
            return False
        text = clean_text(el.text_content())
        if not text or len(text) > MAX_BYLINE_CHARS:
            return False
        return not in_foreign_part(el) or _beside(el, headline)

    for owner, node_text in text_owners(page, region, _BY_LINE):
        if _photo_credit(owner):
            continue
        text = clean_text(owner.text_content())
        line = clean_text(node_text)
        if _LABEL_ONLY.match(text):
            # The label's line, when short and led by the label, holds the
            # names beside it ("<b>Von:</b> Jane Doe", "<span>By</span> <a>A</a>
            # and <a>B</a>"); else the text right after the label, else the
            # element after it.
            parent = owner.getparent()
            tail = clean_text(owner.tail)
            if (
                usable(parent)
                and parent is not region
                and clean_text(parent.text_content()).startswith(text)
            ):
                yield "visible:label", _pieces(parent), parent
            elif tail:
                yield "visible:label", [tail], parent
            elif usable(following := owner.getnext()):
                yield "visible:label", _pieces(following), following
        elif usable(owner) and (BYLINE_PREFIX.match(text) or _POSTED_BY.match(text)):
            yield "visible:by", _pieces(owner), owner
        elif (
            len(line) <= MAX_BYLINE_CHARS
            and (BYLINE_PREFIX.match(line) or _POSTED_BY.match(line))
            and line != text
            and not in_foreign_part(owner)
        ):
            # The line itself, when its element also holds the headline or a
            # caption: "<div><h1>…</h1> posted on … by Jane Doe</div>".
            yield "visible:by", [line], owner
    yield LINES_DONE
    names = []
    for el in page.with_itemprop("author"):
        inner = el.xpath(".//*[@itemprop='name']")
        target = inner[0] if inner else el
        if usable(target):
            names.append(clean_text(target.get("content") or target.text_content()))
    if names:
        yield "[itemprop=author]", names, None
    # Bylines sit with the headline: the article's region first, then the page.
    seen: set[int] = set()
    boxes: list[html.HtmlElement] = []
    for scope in (region, page.root):
        for el in page.with_class(BYLINE_VOCABULARY, within=scope)[:MAX_BYLINE_ELEMENTS]:
            if id(el) in seen or el.tag not in _BYLINE_TAGS:
                continue
            seen.add(id(el))
            if usable(el):
                yield f"{el.tag}.byline", _pieces(el), el
            else:
                boxes.append(el)
    # An author box with a bio or a rating, when no byline is short enough:
    # its first link, when that is a name ("<div class=author><a>Jane Doe</a>,
    # 21. Jan …").
    for box in boxes:
        link = next(box.iter("a"), None)
        if link is not None and usable(link) and looks_like_person(clean_text(link.text_content())):
            yield f"{box.tag}.byline>a", _pieces(link), link
    links = [
        clean_text(a.text_content())
        for a in page.root.xpath(
            "//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
        )
        if usable(a)
    ]
    if links:
        yield "a[rel=author]", links, None
