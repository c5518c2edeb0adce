"""trafilatura's structured result (its XML body) cut into pieces of blocks.

trafilatura returns the article as an XML tree of ``p``, ``head``, ``list`` /
``item``, ``table`` / ``row`` / ``cell``, ``quote`` and ``code`` elements, with
``lb`` for line breaks. Each becomes a :class:`~articlekit.pieces.Piece` (a
paragraph per ``<br>``-cut line, a piece per list item and table row) with the
page element it came from, traced once here by :class:`.tracing.ElementIndex`.
Nothing downstream reads trafilatura's text format.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree, html

from ..article import Removal
from ..pieces import Piece, Shape
from ..rules import (
    EMBEDDED_POST_VOCABULARY,
    LAYOUT_MENU_MIN_LINK_SHARE,
    LAYOUT_TABLE_MAX_COLUMNS_FOR_PROSE,
    LAYOUT_TABLE_PROSE_CELL_CHARS,
    LAYOUT_TABLE_SPARSE_ROW_SHARE,
)
from ._common import clean_text, element_text, link_share, raw_text, visible_text
from .tracing import INLINE_TAGS, ElementIndex

__all__ = ["pieces_from_xml"]

#: trafilatura's heading levels ("h2"), and the level when it gives none.
_DEFAULT_HEADING_LEVEL = 2


#: trafilatura's tag names, and the HTML ones it sometimes leaves unconverted.
_BREAK_TAGS = frozenset({"lb", "br"})
_HEAD_TAGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})
_LIST_TAGS = frozenset({"list", "ul", "ol"})
_ITEM_TAGS = frozenset({"item", "li"})
_ROW_TAGS = frozenset({"row", "tr"})
_CELL_TAGS = frozenset({"cell", "td", "th"})
_QUOTE_TAGS = frozenset({"quote", "blockquote"})
_CODE_TAGS = frozenset({"code", "pre"})
#: Block-level tags: a separate block at the top level, a word break inside
#: an item or a cell.
_BLOCK_TAGS = frozenset(
    {"p", "div", "note", "table", *_HEAD_TAGS, *_LIST_TAGS, *_QUOTE_TAGS, *_CODE_TAGS}
)
#: ...but inside a paragraph a ``code`` element is inline code, part of the
#: sentence (``<p>Pass a <code>Retry</code> policy</p>``): trafilatura writes a
#: code block (from ``<pre>``) between paragraphs, never inside one.
_PARAGRAPH_BLOCK_TAGS = _BLOCK_TAGS - {"code"}


#: Tags that style a run of text inside a line (trafilatura's and HTML's);
#: any other element inside a line is set off by spaces, as trafilatura does.
_INLINE_TAGS = INLINE_TAGS | {"hi", "ref", "del", "graphic", "kbd", "var"}


def _text_with_breaks(
    el: etree._Element,
    skip: frozenset[str] = frozenset(),
    *,
    block_lines: bool = False,
    newlines_are_spaces: bool = False,
) -> str:
    """``el``'s text with line breaks as newlines and a space around nested
    blocks; children tagged in ``skip`` left out. Unseen characters (soft
    hyphens) are dropped, as trafilatura's text output drops them.

    trafilatura writes a line break as a newline in the text too, except in
    a paragraph that holds inline code: there it leaves the page's source
    newlines, which HTML shows as spaces (``newlines_are_spaces``)."""

    def text_of(text: str | None) -> str:
        return (text or "").replace("\n", " ") if newlines_are_spaces else text or ""

    parts: list[str] = [text_of(el.text)]
    for child in el:
        tag = child.tag
        if tag in _BREAK_TAGS:
            parts.append("\n")
        elif tag in skip or not isinstance(tag, str):
            pass
        else:
            inner = _text_with_breaks(
                child, skip, block_lines=block_lines, newlines_are_spaces=newlines_are_spaces
            )
            if tag in _INLINE_TAGS:
                parts.append(inner)
            else:  # a block, or page markup trafilatura passed through (<header>)
                edge = "\n" if block_lines else " "
                parts += [edge, inner, edge]
        parts.append(text_of(child.tail))
    return "".join(parts)


def _line(text: str) -> str:
    return visible_text(text.replace("\n", " "))


def _lines(
    el: etree._Element, skip: frozenset[str] = frozenset(), *, block_lines: bool = False
) -> list[str]:
    """``el``'s lines: cut at line breaks (and, with ``block_lines``, around
    nested blocks), whitespace collapsed, empty ones left out."""
    inline_code = el.tag == "p" and any(child.tag == "code" for child in el)
    text = _text_with_breaks(el, skip, block_lines=block_lines, newlines_are_spaces=inline_code)
    return [line for line in map(visible_text, text.split("\n")) if line]


def _heading_level(el: etree._Element) -> int:
    rend = el.get("rend") or ""
    if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456":
        return int(rend[1])
    return _DEFAULT_HEADING_LEVEL


class _Builder:
    def __init__(self, index: ElementIndex, stage: str) -> None:
        self.index = index
        self.stage = stage
        self.pieces: list[Piece] = []
        self.removed: list[Removal] = []

    def lines(self, el: etree._Element, shape: Shape) -> None:
        for line in _lines(el):
            self.pieces.append(Piece(line, self.index.element(line), shape))

    def heading(self, el: etree._Element) -> None:
        text = _line(_text_with_breaks(el))
        if text:
            shape = Shape("heading", level=_heading_level(el))
            self.pieces.append(Piece(text, self.index.element(text), shape))

    def items(self, el: etree._Element, shape: Shape, depth: int) -> None:
        ordered = el.get("rend") == "ol" or el.tag == "ol"
        for item in el:
            if item.tag not in _ITEM_TAGS:
                continue
            lines = _lines(item, _LIST_TAGS)
            for number, text in enumerate(lines):
                element = self.index.element(text)
                piece = Piece(text, element, shape, depth=depth, ordered=ordered)
                self.pieces.append(piece if number == 0 else replace(piece, continues=True))
            for nested in item:
                if nested.tag in _LIST_TAGS:
                    self.items(nested, shape, depth + 1)

    def table(self, el: etree._Element) -> None:
        rows = [[cell for cell in row if cell.tag in _CELL_TAGS] for row in el.iter(*_ROW_TAGS)]
        texts = [[_line(_text_with_breaks(cell)) for cell in row] for row in rows]
        if not any(text for row in texts for text in row):
            return
        if _is_layout(texts):
            # A table that lays out the page: its cells hold blocks, not data,
            # and a cell of links beside the article is the site's menu. The
            # cell with the most text is the article's, whatever its links.
            longest = max((len(t) for row_texts in texts for t in row_texts), default=0)
            for row, row_texts in zip(rows, texts, strict=True):
                for cell, cell_text in zip(row, row_texts, strict=True):
                    if cell_text and len(cell_text) < longest and self._is_menu(cell):
                        reason = "a layout table's cell of links beside the article: a menu"
                        removal = Removal(
                            stage=self.stage, rule="layout-menu", text=cell_text, reason=reason
                        )
                        self.removed.append(removal)
                    else:
                        self.nested(cell)
            return
        shape = Shape("table")
        for row, row_texts in zip(rows, texts, strict=True):
            if not any(row_texts):
                continue
            cells = tuple(row_texts)
            header = all(_is_head(cell) for cell, text in zip(row, row_texts, strict=True) if text)
            text = " | ".join(c for c in cells if c)
            piece = Piece(text, self.index.row(cells), shape, cells=cells, header=header)
            self.pieces.append(piece)

    def _is_menu(self, cell: etree._Element) -> bool:
        """The cell's page element is mostly link text (LAYOUT_MENU_MIN_LINK_SHARE)."""
        lines = _lines(cell, block_lines=True)
        element = self.index.element(lines[0]) if lines else None
        while element is not None and element.tag not in ("td", "th"):
            element = element.getparent()
        if element is None:
            return False
        text = element_text(element)
        return link_share(element, text) >= LAYOUT_MENU_MIN_LINK_SHARE

    def quote(self, el: etree._Element) -> None:
        lines = _lines(el, block_lines=True)
        if not lines:
            return
        traced = [self.index.element(line) for line in lines]
        source = next((e for e in traced if e is not None), None)
        post = _embedded_post(source)
        if post is not None:
            shape = Shape("embed", media=_post_media(post))
        else:
            shape = Shape("quote", attribution=_attribution(source))
        for line, element in zip(lines, traced, strict=True):
            self.pieces.append(Piece(line, element, shape))

    def code(self, el: etree._Element) -> None:
        exact = _text_with_breaks(el)
        text = visible_text(exact)
        if not text:
            return
        element = self.index.element(text)
        if element is not None:
            pre = element if element.tag == "pre" else next(element.iterancestors("pre"), None)
            if pre is not None:
                exact = raw_text(pre)
        shape = Shape("code", exact_text=exact.strip("\n"))
        self.pieces.append(Piece(text, element, shape))

    def add(self, el: etree._Element) -> None:
        tag = el.tag
        blocks = _block_tags(el)
        if tag in _HEAD_TAGS:
            self.heading(el)
        elif tag in _LIST_TAGS:
            self.items(el, Shape("list"), 0)
        elif tag == "table":
            self.table(el)
        elif tag in _QUOTE_TAGS:
            self.quote(el)
        elif tag in _CODE_TAGS:
            self.code(el)
        elif any(child.tag in blocks for child in el):
            self.nested(el)
        else:
            self.lines(el, Shape("paragraph"))

    def nested(self, el: etree._Element) -> None:
        """A container holding blocks (a ``div`` trafilatura kept): its own
        text runs are paragraphs, its block children are added in order."""
        run: list[str] = [el.text or ""]

        def flush() -> None:
            for line in map(visible_text, "".join(run).split("\n")):
                if line:
                    self.pieces.append(Piece(line, self.index.element(line), Shape("paragraph")))
            run.clear()

        blocks = _block_tags(el)
        for child in el:
            if child.tag in blocks:
                flush()
                self.add(child)
            elif child.tag in _BREAK_TAGS:
                run.append("\n")
            else:
                run.append(_text_with_breaks(child))
            run.append(child.tail or "")
        flush()


def _block_tags(el: etree._Element) -> frozenset[str]:
    """The tags of ``el``'s children that are blocks of their own."""
    return _PARAGRAPH_BLOCK_TAGS if el.tag == "p" else _BLOCK_TAGS


def _is_head(cell: etree._Element) -> bool:
    return cell.get("role") == "head" or cell.tag == "th"


def _is_layout(rows: list[list[str]]) -> bool:
    """A table of one row or one column, or of few columns holding long prose,
    lays out text (see LAYOUT_TABLE_PROSE_CELL_CHARS): data has a series."""
    widest = max(len(row) for row in rows)
    if widest <= 1 or len(rows) <= 1:
        return True
    sparse = sum(1 for row in rows if sum(1 for text in row if text) <= 1)
    if sparse > LAYOUT_TABLE_SPARSE_ROW_SHARE * len(rows):
        return True
    return widest <= LAYOUT_TABLE_MAX_COLUMNS_FOR_PROSE and any(
        len(text) >= LAYOUT_TABLE_PROSE_CELL_CHARS for row in rows for text in row
    )


def _embedded_post(el: html.HtmlElement | None) -> html.HtmlElement | None:
    """The blockquote of an embedded social post around ``el``, if any."""
    if el is None:
        return None
    for node in (el, *el.iterancestors("blockquote")):
        if node.tag == "blockquote":
            label = f"{node.get('class') or ''} {node.get('id') or ''}"
            if EMBEDDED_POST_VOCABULARY.search(label):
                return node
    return None


def _post_media(post: html.HtmlElement) -> dict[str, str]:
    links = [a.get("href") for a in post.iter("a") if a.get("href")]
    media = {"kind": "post"}
    if links:
        media["url"] = str(links[-1])  # the post's own link closes the quote
    return media


def _attribution(el: html.HtmlElement | None) -> str | None:
    """Who is quoted: the ``<footer>`` or ``<cite>`` of the blockquote around ``el``."""
    if el is None:
        return None
    quote = el if el.tag == "blockquote" else next(el.iterancestors("blockquote"), None)
    if quote is None:
        return None
    for tag in ("footer", "cite", "figcaption"):
        found = next(quote.iter(tag), None)
        if found is not None:
            text = clean_text(raw_text(found)).lstrip("—–- ").strip()
            if text:
                return text
    return None


def pieces_from_xml(
    body: etree._Element | None,
    index: ElementIndex,
    removed: list[Removal] | None = None,
    stage: str = "body",
) -> list[Piece]:
    """Pieces of trafilatura's XML ``body``, each traced to its page element;
    what is left out on the way is added to ``removed``."""
    if body is None:
        return []
    builder = _Builder(index, stage)
    # Text may sit loose between the blocks (a subhead trafilatura did not
    # wrap): the body is read as a container of blocks and text runs.
    builder.nested(body)
    if removed is not None:
        removed += builder.removed
    return builder.pieces
