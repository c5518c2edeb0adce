"""The one place where extracted text meets the page's elements.

trafilatura's structured result is a new tree, not the page's, so each piece
of it (a paragraph's line, a list item, a table row: see
:mod:`.structure`) is matched to the page's text blocks once, by its
whitespace-collapsed text (the first block with that text wins). A table row
is found by its first cell. Any other text is matched to a leaf block with
exactly its text (an element holding only text and inline markup, such as a
div with a sentence in it), to a ``<br>``-cut piece of one, or, when it is
long, to the block whose text it begins or whose whole text begins it (a
comment and the "Reply" button after it, written as one line).

With the element known, the cleaning stage's element rows judge each line
(:mod:`.element_rules`), and split bodies are continued: prose paragraphs in
sibling containers of the same class as the one that holds the extracted text
are added back, in page order.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from functools import cached_property

import regex
from lxml import html

from ..pieces import Piece, Shape
from ..rules import (
    CONTINUATION_MAX_LEVELS,
    CONTINUATION_MAX_LINK_SHARE,
    PROSE_END_CHARACTERS,
    PROSE_MIN_WORDS,
    SANDWICHED_BLOCK_TAGS,
    SANDWICHED_EDGE_CHARS,
    SANDWICHED_LIST_MIN_PROSE_SHARE,
    SANDWICHED_MARKUP,
    SANDWICHED_MAX_LINK_SHARE,
    SANDWICHED_MIN_CHARS,
)
from ._common import element_text, is_non_article, link_share, match_key, raw_text

__all__ = ["INLINE_TAGS", "ElementIndex", "is_prose"]

#: Elements whose text becomes one body line.
LINE_SOURCE_TAGS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "dd",
    "dt",
    "td",
    "th",
    "figcaption",
    "pre",
)
_LINE_SOURCE_SET = frozenset(LINE_SOURCE_TAGS)
_WORD = regex.compile(r"\w+")
#: Tags at which the search for a split body's sibling containers stops.
_SCOPE_BOUNDARY_TAGS = frozenset({"article", "main", "body"})
#: Elements whose text is never a body line.
_NO_LINE_TAGS = frozenset({"html", "head", "body", "title", "script", "style", "noscript", "meta"})
#: Tags that style a run of text inside a block rather than make one.
INLINE_TAGS = frozenset(
    {
        "a",
        "span",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "small",
        "big",
        "font",
        "sup",
        "sub",
        "abbr",
        "cite",
        "code",
        "mark",
        "q",
        "time",
        "label",
    }
)
#: A line at least this long that no block's whole text explains may be the
#: start of one; shorter ones would fit too many blocks ("Reply", "Share").
_PREFIX_MIN_CHARS = 40


def _first(item: tuple[str, html.HtmlElement]) -> str:
    return item[0]


def is_prose(line: str) -> bool:
    """A sentence of running text, not a teaser headline or a label.

    Reads the line's last character and at most its first PROSE_MIN_WORDS
    words: asked of every line, it must not count all the words of a line of
    megabytes (one text node holding a data dump) again and again."""
    if last_character(line) not in PROSE_END_CHARACTERS:
        return False
    words = itertools.islice(_WORD.finditer(line), PROSE_MIN_WORDS)
    return sum(1 for _ in words) >= PROSE_MIN_WORDS


def last_character(line: str) -> str:
    """``line.rstrip()[-1:]`` without copying the line to strip its end."""
    end = len(line)
    while end and line[end - 1].isspace():
        end -= 1
    return line[end - 1 : end]


def _pieces(el: html.HtmlElement) -> list[str]:
    """``el``'s text cut at its ``<br>`` children, as trafilatura cuts it into lines."""
    pieces: list[str] = []
    current = [el.text or ""]
    for child in el:
        if child.tag == "br":
            pieces.append("".join(current))
            current = [child.tail or ""]
            continue
        if isinstance(child.tag, str):
            current.append(child.text_content())
        current.append(child.tail or "")
    pieces.append("".join(current))
    return pieces


class ElementIndex:
    """The page's text blocks, keyed by their whitespace-collapsed text."""

    def __init__(self, root: html.HtmlElement) -> None:
        self.root = root
        #: Lines already traced: the body stage asks for most lines twice or more.
        self._traced: dict[str, html.HtmlElement | None] = {}

    @cached_property
    def by_text(self) -> dict[str, html.HtmlElement]:
        sources: dict[str, html.HtmlElement] = {}
        for el in self.root.iter(*LINE_SOURCE_TAGS):
            text = match_key(raw_text(el))
            if text:
                sources.setdefault(text, el)
        return sources

    @cached_property
    def by_leaf_text(self) -> dict[str, html.HtmlElement]:
        """Text of the page's leaf blocks (elements holding only text and
        inline markup, such as a div with a sentence in it), and the pieces
        of those cut at ``<br>``."""
        sources: dict[str, html.HtmlElement] = {}
        for el in self.root.iter():
            tag = el.tag
            if not isinstance(tag, str) or tag in _NO_LINE_TAGS:
                continue
            breaks = False
            for child in el:
                if child.tag == "br":
                    breaks = True
                elif child.tag not in INLINE_TAGS and isinstance(child.tag, str):
                    break
            else:
                if tag not in _LINE_SOURCE_SET:  # by_text has those already
                    text = match_key(raw_text(el))
                    if text:
                        sources.setdefault(text, el)
                if breaks:
                    for piece in map(match_key, _pieces(el)):
                        if piece:
                            sources.setdefault(piece, el)
        return sources

    def element(self, line: str) -> html.HtmlElement | None:
        """The element ``line`` was extracted from, or None."""
        if line not in self._traced:
            self._traced[line] = self._trace(line)
        return self._traced[line]

    def _trace(self, line: str) -> html.HtmlElement | None:
        text = match_key(line)
        el = self.by_text.get(text)
        if el is not None:
            return el
        # Built on the first line the blocks do not explain.
        el = self.by_leaf_text.get(text)
        if el is None and len(text) >= _PREFIX_MIN_CHARS:
            el = self._block_starting_with(text)
            if el is None:
                el = self._block_that_opens(text)
        return el

    @cached_property
    def _sorted_texts(self) -> list[str]:
        return sorted(self.by_text)

    def _block_starting_with(self, text: str) -> html.HtmlElement | None:
        """The block whose text begins with ``text`` (the first such text in
        sorted order): a list item whose first piece trafilatura wrote as one
        line with the item's nested blocks joined on."""
        texts = self._sorted_texts
        at = bisect.bisect_left(texts, text)
        if at < len(texts) and texts[at].startswith(text):
            return self.by_text[texts[at]]
        return None

    @cached_property
    def _sorted_blocks(self) -> list[tuple[str, html.HtmlElement]]:
        """Every traced text (blocks, leaf blocks, pieces), in sorted order."""
        return sorted({**self.by_leaf_text, **self.by_text}.items(), key=_first)

    def _block_that_opens(self, text: str) -> html.HtmlElement | None:
        """The block whose whole text begins ``text``: a comment's last piece
        and the "Reply" button after it, which trafilatura writes as one line.
        Only the nearest text below ``text`` in sorted order is tried."""
        blocks = self._sorted_blocks
        at = bisect.bisect_right(blocks, text, key=_first) - 1
        if at >= 0:
            block_text, el = blocks[at]
            if len(block_text) >= _PREFIX_MIN_CHARS and text.startswith(block_text):
                return el
        return None

    def row(self, cells: tuple[str, ...]) -> html.HtmlElement | None:
        """The table row whose cells are ``cells``, found by its first cell."""
        first = next((cell for cell in cells if cell), None)
        cell = self.element(first) if first else None
        if cell is None:
            return None
        row = cell.getparent()
        return row if row is not None and row.tag == "tr" else cell

    def continue_split_body(self, pieces: list[Piece]) -> list[Piece]:
        """``pieces`` with the prose of same-class sibling containers added, in page order."""
        holders: Counter[html.HtmlElement] = Counter()
        for piece in pieces:
            el = piece.element
            parent = el.getparent() if el is not None and el.tag == "p" else None
            if parent is not None:
                holders[parent] += 1
        if not holders:
            return pieces
        box = holders.most_common(1)[0][0]
        box_class = box.get("class")
        if not box_class:
            return pieces  # without a class there is no telling siblings from chrome
        scope = box
        for _ in range(CONTINUATION_MAX_LEVELS):
            parent = scope.getparent()
            if parent is None or scope.tag in _SCOPE_BOUNDARY_TAGS:
                break
            scope = parent
        have = {match_key(piece.text) for piece in pieces}
        # A paragraph inside a block the body already shows (a list item that
        # holds a subhead and paragraphs is one piece) is there already.
        shown = {piece.element for piece in pieces if piece.element is not None}
        missing: list[html.HtmlElement] = []
        # Same-class boxes are siblings or cousins: their ancestors are shared,
        # so each ancestor is judged once for the whole scan (not once per box).
        in_part: dict[html.HtmlElement, bool] = {}
        for other in scope.iter(box.tag):
            if other is box or other.get("class") != box_class or _in_part(other, scope, in_part):
                continue
            for paragraph in other.iterchildren("p"):
                text = match_key(raw_text(paragraph))
                if (
                    text not in have
                    and not _within_any(paragraph, shown)
                    and is_prose(text)
                    and link_share(paragraph, text) < CONTINUATION_MAX_LINK_SHARE
                ):
                    missing.append(paragraph)
        if not missing:
            return pieces
        added = [Piece(element_text(el), el, Shape("paragraph")) for el in missing]
        return self._in_page_order(pieces, added)

    def add_sandwiched_blocks(
        self, pieces: list[Piece], judged: Sequence[Piece] = ()
    ) -> list[Piece]:
        """``pieces`` with the text blocks set between two of their paragraphs
        in the same container added, in page order. ``judged``: the pieces the
        element rows judged, kept or not (a block they rejected is not brought
        back).

        Only a block that is a sibling of paragraphs the body already shows,
        with one of them before it and one after, is taken: there it is the
        article's own (a list of tips, a quoted passage, a one-line paragraph),
        however an extractor judged it. It must have a class of those
        paragraphs (or none, as they do): one styled apart is a caption or a
        notice. Links, code, rails and lists of labels are left out (see
        :func:`_sandwiched`)."""
        kept = {piece.element for piece in pieces if piece.element is not None}
        holders: dict[html.HtmlElement, list[html.HtmlElement]] = {}
        for el in kept:
            parent = el.getparent() if el.tag == "p" else None
            if parent is not None:
                holders.setdefault(parent, []).append(el)
        # Built when a candidate is found (most pages have none): the elements
        # shown and those that hold one, and the body's text, which knows the
        # lines not traced to their element (runs cut at newlines or <br>s).
        holding: set[html.HtmlElement] | None = None
        have = ""
        added: list[Piece] = []
        for parent, paragraphs in holders.items():
            if len(paragraphs) < 2:
                continue
            children = list(parent)
            position = {child: i for i, child in enumerate(children)}
            where = sorted(position[p] for p in paragraphs)
            classes = {p.get("class") for p in paragraphs}
            for child in children[where[0] + 1 : where[-1]]:
                if child in kept or child.tag not in SANDWICHED_BLOCK_TAGS:
                    continue
                if child.get("class") not in classes:
                    continue  # styled apart from the paragraphs: a caption, a notice
                if holding is None:
                    holding = _holding(
                        {*kept, *(p.element for p in judged if p.element is not None)}
                    )
                    have = " ".join(match_key(piece.text) for piece in (*pieces, *judged))
                if child in holding:
                    continue
                found = _sandwiched(child)
                if found and not any(_text_shown(match_key(piece.text), have) for piece in found):
                    added += found
        if not added:
            return pieces
        return self._in_page_order(pieces, added)

    def _in_page_order(self, pieces: list[Piece], added: list[Piece]) -> list[Piece]:
        """``pieces`` and the ``added`` pieces (each with its element) in page order."""
        position = {el: i for i, el in enumerate(self.root.iter())}
        placed: list[tuple[int, int, Piece]] = []
        last = -1
        for piece in pieces:
            el = piece.element
            # A piece with no known element stays right after the piece before it.
            last = position.get(el, last) if el is not None else last
            placed.append((last, 0, piece))
        placed += [
            (position[piece.element], 1, piece) for piece in added if piece.element is not None
        ]
        placed.sort(key=lambda item: (item[0], item[1]))
        return [piece for _, _, piece in placed]


def _holding(shown: set[html.HtmlElement]) -> set[html.HtmlElement]:
    """``shown`` and every element that holds one of them."""
    holding = set(shown)
    for el in shown:
        for ancestor in el.iterancestors():
            if ancestor in holding:
                break  # its ancestors are in already
            holding.add(ancestor)
    return holding


def _sandwiched(el: html.HtmlElement) -> list[Piece]:
    """The pieces of ``el``, a block set between two of the body's paragraphs
    that the body does not show, when it is text: a paragraph, a quote, or a
    list of mostly prose items (a list of labels may be a menu), with few
    links, no code, not a rail or a menu by its name."""
    kind = SANDWICHED_BLOCK_TAGS[el.tag]
    if is_non_article(el) or next(el.iter("script", "style"), None) is not None:
        return []
    text = element_text(el)
    if len(text) < SANDWICHED_MIN_CHARS or link_share(el, text) >= SANDWICHED_MAX_LINK_SHARE:
        return []
    if SANDWICHED_MARKUP.search(text):
        return []  # markup shown as text: an editor's leftovers
    if kind != "list":
        return [Piece(text, el, Shape(kind))]
    items = [(element_text(item), item) for item in el.iterchildren("li")]
    prose = sum(1 for text, _ in items if is_prose(text))
    if not items or prose < SANDWICHED_LIST_MIN_PROSE_SHARE * len(items):
        return []
    shape, ordered = Shape("list"), el.tag == "ol"
    return [Piece(text, item, shape, ordered=ordered) for text, item in items]


def _text_shown(text: str, have: str) -> bool:
    """The start or the end of ``text`` is in ``have`` (the body's text, its
    lines joined by spaces): the body shows it, cut into other lines."""
    edge = SANDWICHED_EDGE_CHARS
    return text[:edge] in have or text[-edge:] in have


def _within_any(el: html.HtmlElement, blocks: set[html.HtmlElement]) -> bool:
    """``el`` is one of ``blocks`` or inside one of them."""
    return el in blocks or any(a in blocks for a in el.iterancestors())


def _in_part(
    el: html.HtmlElement, scope: html.HtmlElement, known: dict[html.HtmlElement, bool]
) -> bool:
    """``el`` sits in a part of ``scope`` that is not the article (readers'
    comments, a rail): a comment box of the article's class is no chunk of it.

    ``known`` holds the answer for ancestors already walked in this scope (an
    ancestor's answer is whether it or an ancestor of it below ``scope`` is
    such a part); the ancestors walked here are added to it."""
    walked: list[html.HtmlElement] = []
    answer = False
    for node in el.iterancestors():
        if node is scope:
            break
        found = known.get(node)
        if found is not None:
            answer = found
            break
        walked.append(node)
        if is_non_article(node):
            answer = True
            break
    for node in walked:
        known[node] = answer
    return answer
