"""The body between the stages: pieces of blocks, each with its page element.

The body stage cuts the extracted text into *pieces*: a paragraph's lines (cut
at ``<br>``), a list's items, a table's rows, a heading, a quote's lines, a code
block, a figure or an embedded player. Every piece carries the page element it
came from (found once, by the body stage) and the :class:`Shape` of the block
it belongs to, shared by the block's pieces. Cleaning stages drop pieces; what
is left is grouped back into typed blocks by :func:`build_blocks`, which reads
links and emphasis from each piece's element.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import html

from .blocks import (
    Block,
    Code,
    Embed,
    Figure,
    Heading,
    List,
    ListItem,
    Paragraph,
    Quote,
    Span,
    Spans,
    Table,
)

__all__ = ["Piece", "Shape", "build_blocks", "resolve_url", "spans_of", "text_pieces"]

#: Block kinds a :class:`Shape` may have.
SHAPE_KINDS = frozenset(
    {"paragraph", "heading", "list", "quote", "table", "code", "figure", "embed"}
)


@dataclass(eq=False, slots=True)
class Shape:
    """What kind of block a run of pieces forms. Compared by identity: two
    paragraphs are two shapes even when their fields are equal."""

    kind: str
    #: Heading level (1-6).
    level: int = 0
    #: A code block's exact text; a quote's attribution.
    exact_text: str | None = None
    attribution: str | None = None
    #: A figure's or embed's fields (its URL, alt, caption, credit, kind).
    media: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of a block: its text as the rules read it (whitespace
    collapsed), the element it came from, and its block's shape."""

    text: str
    element: html.HtmlElement | None
    shape: Shape
    #: List items: how deep the item's list is nested (0: top level), and
    #: whether that list is numbered.
    depth: int = 0
    ordered: bool = False
    #: Table rows: the cells, and whether the row is a header row.
    cells: tuple[str, ...] | None = None
    header: bool = False
    #: A list item's later line (after a ``<br>``): it joins the item before it.
    continues: bool = False


def text_pieces(lines: Iterable[str]) -> list[Piece]:
    """One paragraph per line, with no element: a text dump's body."""
    return [Piece(line, None, Shape("paragraph")) for line in lines]


def resolve_url(href: str | None, base: str | None) -> str | None:
    """``href`` made absolute against ``base`` (as written when there is no base)."""
    if href is None:
        return None
    href = href.strip()
    if not href:
        return None
    if base is None:
        return href
    return _joined(base, href)


@lru_cache(maxsize=4096)
def _joined(base: str, href: str) -> str:
    # Cached: a page links the same addresses many times, and urljoin is slow.
    try:
        return urljoin(base, href)
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket) stays as written
        return href


def is_internal(url: str, base: str | None) -> bool:
    """Whether ``url`` points to the site of ``base`` (www. is ignored)."""
    if base is None:
        return not urlsplit(url).netloc
    host = urlsplit(url).netloc.lower().removeprefix("www.")
    return host == urlsplit(base).netloc.lower().removeprefix("www.") or not host


# -- inline spans -------------------------------------------------------------------

#: Tags that make a run strong, emphasised or code.
_STRONG_TAGS = frozenset({"strong", "b"})
_EMPHASIS_TAGS = frozenset({"em", "i", "cite"})
_CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
#: Tags whose text is never shown to a reader.
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "button", "svg"})
#: Link targets that go nowhere a reader can follow.
_DEAD_LINK_PREFIXES = ("javascript:", "#", "data:", "vbscript:")


@dataclass(frozen=True, slots=True)
class _Style:
    href: str | None = None
    strong: bool = False
    emphasis: bool = False
    code: bool = False


def _styled(el: html.HtmlElement, style: _Style, base: str | None) -> _Style:
    tag = el.tag
    href = style.href
    if tag == "a":
        target = (el.get("href") or "").strip()
        if target and not target.lower().startswith(_DEAD_LINK_PREFIXES):
            href = resolve_url(target, base)
    return _Style(
        href=href,
        strong=style.strong or tag in _STRONG_TAGS,
        emphasis=style.emphasis or tag in _EMPHASIS_TAGS,
        code=style.code or tag in _CODE_TAGS,
    )


#: Characters a reader never sees (soft hyphens, zero-width spaces, word
#: joiners, byte-order marks): dropped from spans as from the pieces' text.
_UNSEEN = re.compile("[\u00ad\u200b\u2060\ufeff]")


def _walk(
    el: html.HtmlElement, style: _Style, base: str | None, out: list[tuple[str, _Style]]
) -> None:
    if el.text:
        out.append((el.text, style))
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _HIDDEN_TAGS:
            if tag == "br":
                out.append(("\n", style))
            else:
                _walk(child, _styled(child, style, base), base, out)
        if child.tail:
            out.append((child.tail, style))


def _merged(runs: list[tuple[str, _Style]]) -> Spans:
    """Runs with whitespace collapsed (line breaks kept) and equal neighbours joined."""
    spans: list[Span] = []
    text_so_far = ""
    for text, style in runs:
        if text == "\n":
            text_so_far = text_so_far.rstrip(" ")
            if spans and spans[-1].text.endswith(" "):
                last = spans[-1]
                spans[-1] = Span(
                    last.text.rstrip(" "), last.href, last.strong, last.emphasis, last.code
                )
            if text_so_far and not text_so_far.endswith("\n"):
                spans.append(Span("\n"))
                text_so_far += "\n"
            continue
        text = _UNSEEN.sub("", text)
        collapsed = " ".join(text.split())
        if text[:1].isspace() and text_so_far and not text_so_far.endswith((" ", "\n")):
            collapsed = " " + collapsed
        if text[-1:].isspace() and collapsed and not collapsed.endswith(" "):
            collapsed += " "
        if not collapsed.strip():
            if collapsed and text_so_far and not text_so_far.endswith((" ", "\n")):
                collapsed = " "
            else:
                continue
        if not text_so_far or text_so_far.endswith("\n"):
            collapsed = collapsed.lstrip()
        text_so_far += collapsed
        last_span = spans[-1] if spans else None
        if (
            last_span is not None
            and last_span.text != "\n"
            and (last_span.href, last_span.strong, last_span.emphasis, last_span.code)
            == (style.href, style.strong, style.emphasis, style.code)
        ):
            spans[-1] = Span(
                last_span.text + collapsed, style.href, style.strong, style.emphasis, style.code
            )
        else:
            spans.append(Span(collapsed, style.href, style.strong, style.emphasis, style.code))
    while spans and (spans[-1].text == "\n" or not spans[-1].text.strip()):
        spans.pop()
    if spans:
        last = spans[-1]
        spans[-1] = Span(last.text.rstrip(), last.href, last.strong, last.emphasis, last.code)
    return tuple(span for span in spans if span.text)


def spans_of(el: html.HtmlElement, base: str | None, *, skip: Sequence[str] = ()) -> Spans:
    """``el``'s text as styled spans: links (absolute against ``base``),
    strong, emphasis and code runs; ``<br>`` as a line break. Children with
    a tag in ``skip`` (a list item's nested lists) are left out."""
    runs: list[tuple[str, _Style]] = []
    style = _styled(el, _Style(), base)
    if skip:
        if el.text:
            runs.append((el.text, style))
        for child in el:
            if (
                isinstance(child.tag, str)
                and child.tag not in skip
                and child.tag not in _HIDDEN_TAGS
            ):
                if child.tag == "br":
                    runs.append(("\n", style))
                else:
                    _walk(child, _styled(child, style, base), base, runs)
            if child.tail:
                runs.append((child.tail, style))
    else:
        _walk(el, style, base, runs)
    return _merged(runs)


def _plain(text: str) -> Spans:
    return (Span(text),) if text else ()


def _same_words(spans: Spans, text: str) -> bool:
    return " ".join("".join(s.text for s in spans).split()) == text


#: Tags that give a span a style or a link; an element without any of them
#: below it is plain text.
_SPAN_TAGS = frozenset({"a", "br", *_STRONG_TAGS, *_EMPHASIS_TAGS, *_CODE_TAGS})


def _styled_inside(el: html.HtmlElement) -> bool:
    return any(node.tag in _SPAN_TAGS for node in el.iterdescendants())


class _Reader:
    """:func:`spans_of` for the pieces of one :func:`build_blocks` call, each
    element read once: every line of a ``<br>``-cut block has that block's
    element, whose spans would otherwise be read again for each line."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self._read: dict[tuple[html.HtmlElement, tuple[str, ...]], Spans] = {}

    def spans(self, el: html.HtmlElement, skip: tuple[str, ...]) -> Spans:
        key = (el, skip)
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = spans_of(el, self.base, skip=skip)
        return found


def _piece_spans(piece: Piece, reader: _Reader, skip: tuple[str, ...] = ()) -> Spans:
    """The piece's spans read from its element when the element's text is the
    piece's text; otherwise (a piece of a ``<br>``-cut block, a text dump, an
    element with no styled run inside) the plain text."""
    el = piece.element
    if el is not None and el.tag != "a" and (len(el) == 0 or not _styled_inside(el)):
        return _plain(piece.text)
    if el is not None:
        spans = reader.spans(el, skip)
        if _same_words(spans, piece.text):
            return spans
    return _plain(piece.text)


# -- grouping pieces back into blocks ----------------------------------------------


def _runs(pieces: Sequence[Piece]) -> Iterator[tuple[Shape, list[Piece]]]:
    """Consecutive pieces of one shape."""
    run: list[Piece] = []
    for piece in pieces:
        if run and piece.shape is not run[0].shape:
            yield run[0].shape, run
            run = []
        run.append(piece)
    if run:
        yield run[0].shape, run


def _joined_lines(pieces: Sequence[Piece], reader: _Reader) -> Spans:
    """Spans of several lines of one block, a line break between each two."""
    out: list[Span] = []
    for piece in pieces:
        if out:
            out.append(Span("\n"))
        out.extend(_piece_spans(piece, reader))
    return tuple(out)


def _nested_list(items: Sequence[Piece], reader: _Reader) -> List:
    """A list from items with depths: deeper items nest under the item before them."""
    top: list[tuple[Spans, list[Piece]]] = []
    least = min(p.depth for p in items)
    for item in items:
        if item.depth == least and item.continues and top and not top[-1][1]:
            spans, nested = top[-1]
            top[-1] = ((*spans, Span("\n"), *_piece_spans(item, reader)), nested)
        elif item.depth == least or not top:
            top.append((_piece_spans(item, reader, skip=("ul", "ol")), []))
        else:
            top[-1][1].append(item)
    return List(
        ordered=items[0].ordered,
        items=tuple(
            ListItem(spans, (_nested_list(nested, reader),) if nested else ())
            for spans, nested in top
        ),
    )


def _block(shape: Shape, pieces: list[Piece], reader: _Reader) -> Block | None:
    kind = shape.kind
    if kind == "heading":
        return Heading(level=shape.level or 2, spans=_joined_lines(pieces, reader))
    if kind == "list":
        return _nested_list(pieces, reader)
    if kind == "quote":
        return Quote(spans=_joined_lines(pieces, reader), attribution=shape.attribution)
    if kind == "table":
        header = next((p.cells for p in pieces if p.header and p.cells), None)
        rows = tuple(p.cells or (p.text,) for p in pieces if not (p.header and p.cells))
        return Table(header=header or (), rows=rows)
    if kind == "code":
        exact = shape.exact_text
        text = (
            exact if exact is not None and len(pieces) == 1 else "\n".join(p.text for p in pieces)
        )
        return Code(text=text, language=shape.media.get("language"))
    if kind == "figure":
        media = shape.media
        return Figure(
            src=media["src"],
            alt=media.get("alt"),
            caption=media.get("caption"),
            credit=media.get("credit"),
        )
    if kind == "embed":
        media = shape.media
        return Embed(
            kind=media.get("kind", "other"),
            url=media.get("url"),
            text=" ".join(p.text for p in pieces if p.text),
        )
    spans = _joined_lines(pieces, reader)
    return Paragraph(spans=spans) if spans else None


def build_blocks(pieces: Sequence[Piece], base: str | None) -> tuple[Block, ...]:
    """Group ``pieces`` back into typed blocks, in order."""
    reader = _Reader(base)
    blocks = (_block(shape, run, reader) for shape, run in _runs(pieces))
    return tuple(block for block in blocks if block is not None)
