"""Small helpers shared by the extractors: text of an element, non-article parts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, cast

from lxml import etree, html

from ..page import Page
from ..rules import DATE_FOREIGN_PATTERN, NON_ARTICLE_PATTERN, NON_ARTICLE_TAGS

__all__ = [
    "article_region",
    "class_and_id",
    "clean_text",
    "element_text",
    "in_foreign_part",
    "in_non_article_part",
    "is_non_article",
    "language_code",
    "raw_text",
    "select",
    "split_list",
    "text_owners",
]

#: How many ancestors are looked at when deciding whether an element sits in a
#: non-article part; article markup rarely nests deeper than this below one.
MAX_ANCESTORS = 12


def clean_text(text: str | None) -> str:
    """Collapse whitespace; ``None`` gives ``""``."""
    return " ".join(text.split()) if text else ""


#: Characters a reader never sees and that shape nothing: soft hyphens (sites
#: set them inside long words), zero-width spaces, word joiners, byte-order marks.
_UNSEEN_CHARS = "\u00ad\u200b\u2060\ufeff"
#: The zero-width (non-)joiners shape Indic and Arabic letters, but extractors
#: drop them (trafilatura too): text is matched without them.
_JOINERS = "\u200c\u200d"
_UNSEEN = re.compile(f"[{_UNSEEN_CHARS}]")
_UNSEEN_OR_JOINER = re.compile(f"[{_UNSEEN_CHARS}{_JOINERS}]")


def visible_text(text: str) -> str:
    """``text`` with whitespace collapsed and unseen characters dropped."""
    if _UNSEEN.search(text) is None:  # nearly every text: skip the copy
        return clean_text(text)
    return clean_text(_UNSEEN.sub("", text))


def match_key(text: str) -> str:
    """``text`` as two copies of it are compared: whitespace collapsed, unseen
    characters and zero-width joiners dropped."""
    if _UNSEEN_OR_JOINER.search(text) is None:
        return clean_text(text)
    return clean_text(_UNSEEN_OR_JOINER.sub("", text))


def raw_text(el: html.HtmlElement) -> str:
    """``el``'s text as ``text_content()`` gives it: serialising the text is
    about twice as fast as lxml.html's XPath ``string()``."""
    text: str = etree.tostring(el, method="text", encoding=str, with_tail=False)
    return text


def element_text(el: html.HtmlElement) -> str:
    """``el``'s collapsed text."""
    return clean_text(raw_text(el))


def link_share(el: html.HtmlElement, text: str) -> float:
    """Share of ``text`` (``el``'s collapsed text) that is link text; 0 when empty."""
    linked = sum(len(clean_text(a.text_content())) for a in el.iter("a"))
    return linked / len(text) if text else 0.0


def more_nodes(root: html.HtmlElement, bound: int) -> bool:
    """Whether ``root`` and what it holds are more than ``bound`` nodes;
    counted with an iterator that stops there, so at most ``bound`` steps."""
    return next(itertools.islice(root.iter(), bound, None), None) is not None


def class_and_id(el: html.HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"


def is_non_article(el: html.HtmlElement) -> bool:
    """True when ``el`` itself is navigation, a rail, comments, a footer..."""
    return el.tag in NON_ARTICLE_TAGS or NON_ARTICLE_PATTERN.search(class_and_id(el)) is not None


#: Tags whose element is the article (or the page) itself: the search for an
#: enclosing rail or footer stops there.
ARTICLE_BOUNDARY_TAGS = frozenset({"article", "main", "body"})
#: ...and the ARIA roles that say the same of any element (``<div role="main">``
#: is the page's main part as ``<main>`` is): documentation themes wrap it in
#: a container named after the navigation beside it ("wy-nav-content").
ARTICLE_BOUNDARY_ROLES = frozenset({"article", "main"})


def _inside(el: html.HtmlElement, is_outside: Callable[[html.HtmlElement], bool]) -> bool:
    """True when ``el`` or a near ancestor (below the article) is ``is_outside``."""
    node: html.HtmlElement | None = el
    for _ in range(MAX_ANCESTORS):
        if node is None:
            return False
        if isinstance(node.tag, str) and (
            node.tag in ARTICLE_BOUNDARY_TAGS or node.get("role") in ARTICLE_BOUNDARY_ROLES
        ):
            return False
        if is_outside(node):
            return True
        node = node.getparent()
    return False


def _is_foreign(el: html.HtmlElement) -> bool:
    return el.tag in ("nav", "aside") or DATE_FOREIGN_PATTERN.search(class_and_id(el)) is not None


def in_foreign_part(el: html.HtmlElement) -> bool:
    """True when ``el`` sits in navigation, a teaser rail or a comment thread.

    Narrower than :func:`in_non_article_part`: an article's own footer or
    share bar may hold its byline or date, a rail or a comment never does.
    """
    return _inside(el, _is_foreign)


def in_non_article_part(el: html.HtmlElement) -> bool:
    """True when ``el`` or a near ancestor is navigation, a rail, comments, a footer..."""
    return _inside(el, is_non_article)


def split_list(value: str) -> list[str]:
    """Split a comma/semicolon list such as meta keywords; empties dropped."""
    return [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]


def language_code(value: str) -> str | None:
    """``en-US`` / ``en_US`` / ``EN`` -> ``en``; nonsense -> None."""
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


#: How many levels above the headline the article's header region reaches
#: when the headline has no <article> ancestor.
HEADER_REGION_LEVELS = 3


def article_region(page: Page, so_far: Mapping[str, Any]) -> html.HtmlElement:
    """The part of the page that holds the article: where bylines and stamps are.

    The headline's ``<article>`` ancestor, else a few levels above the
    headline, else the first ``<article>`` or ``<main>``, else the whole page.
    Scanning this rather than the page keeps text searches cheap on big pages.
    """
    title = so_far.get("title_element")
    if title is not None:
        node = title
        for ancestor in title.iterancestors("article"):
            return ancestor
        for _ in range(HEADER_REGION_LEVELS):
            parent = node.getparent()
            if parent is None:
                break
            node = parent
        return node
    for tag in ("article", "main"):
        found = next(page.root.iter(tag), None)
        if found is not None:
            return found
    return page.root


def select(xpath: etree.XPath, root: html.HtmlElement) -> list[html.HtmlElement]:
    """Run an XPath that selects elements (lxml types its result loosely)."""
    return cast(list[html.HtmlElement], xpath(root))


def text_owners(
    page: Page, root: html.HtmlElement, pattern: re.Pattern[str]
) -> Iterator[tuple[html.HtmlElement, str]]:
    """Short text nodes below ``root`` that ``pattern`` finds, with the element showing each.

    A text node after an element (its "tail") belongs, on the page, to that
    element's parent; text after a comment likewise. The pattern runs in
    Python: lxml's EXSLT ``re:test`` calls back into Python per node anyway,
    and costs more.
    """
    for node in page.short_texts(root):
        if not pattern.search(node):
            continue
        owner = text_owner(node)
        if owner is not None:
            yield owner, str(node)


def text_owner(node: Any) -> html.HtmlElement | None:
    """The element that shows a text node (an lxml "smart" string): a tail
    belongs to its element's parent; None for text outside any element."""
    owner = node.getparent()
    if owner is not None and node.is_tail:
        owner = owner.getparent()
    return owner if owner is not None and isinstance(owner.tag, str) else None
