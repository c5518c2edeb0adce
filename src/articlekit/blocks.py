"""The typed body: blocks in reading order, each with the fields it needs.

An :class:`~articlekit.Article`'s ``blocks`` is a tuple of these frozen
values. Inline text is a tuple of :class:`Span` (a run of text with one style:
a link, emphasis, strong, code); a hard line break inside a paragraph is a
``"\\n"`` in a span's text. ``paragraphs`` and ``body`` are derived from the
blocks (see :func:`block_paragraphs`): figures are not part of the body text,
every other block is.

Every block has ``type`` (its JSON tag), ``text`` (its plain text) and
``to_dict()``; :func:`block_from_dict` reads any of them back. The JSON shape is
published as a JSON Schema in ``articlekit/schema/article.schema.json``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Union

__all__ = [
    "Block",
    "Code",
    "Embed",
    "Figure",
    "Heading",
    "Link",
    "List",
    "ListItem",
    "Paragraph",
    "Quote",
    "Span",
    "Table",
    "block_from_dict",
    "block_paragraphs",
    "drop_paragraphs",
    "iter_spans",
    "spans_text",
]


#: How a list item reads in the plain-text body (and in trafilatura's text).
LIST_ITEM_PREFIX = "- "


@dataclass(frozen=True, slots=True)
class Span:
    """A run of inline text with one style. ``href`` is absolute when the
    page URL was known (else as the page wrote it)."""

    text: str
    href: str | None = None
    strong: bool = False
    emphasis: bool = False
    code: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        if self.href is not None:
            out["href"] = self.href
        for flag in ("strong", "emphasis", "code"):
            if getattr(self, flag):
                out[flag] = True
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(
            text=data["text"],
            href=data.get("href"),
            strong=bool(data.get("strong", False)),
            emphasis=bool(data.get("emphasis", False)),
            code=bool(data.get("code", False)),
        )


Spans = tuple[Span, ...]


def spans_text(spans: Spans) -> str:
    """The plain text of ``spans``."""
    return "".join(span.text for span in spans)


def _spans_to_list(spans: Spans) -> list[dict[str, Any]]:
    return [span.to_dict() for span in spans]


def _spans_from_list(data: Any) -> Spans:
    return tuple(Span.from_dict(item) for item in data)


@dataclass(frozen=True, slots=True)
class Link:
    """A link of the article's text: ``internal`` when it points to the same site."""

    text: str
    url: str
    internal: bool


@dataclass(frozen=True, slots=True)
class Paragraph:
    type: ClassVar[str] = "paragraph"
    spans: Spans

    @property
    def text(self) -> str:
        return spans_text(self.spans)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "spans": _spans_to_list(self.spans)}


@dataclass(frozen=True, slots=True)
class Heading:
    type: ClassVar[str] = "heading"
    level: int
    spans: Spans

    @property
    def text(self) -> str:
        return spans_text(self.spans)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "level": self.level, "spans": _spans_to_list(self.spans)}


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item; ``children`` are the lists nested in it."""

    spans: Spans
    children: tuple[List, ...] = ()

    @property
    def text(self) -> str:
        return spans_text(self.spans)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"spans": _spans_to_list(self.spans)}
        if self.children:
            out["children"] = [child.to_dict() for child in self.children]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ListItem:
        children = tuple(List.from_dict(c) for c in data.get("children", ()))
        return cls(spans=_spans_from_list(data["spans"]), children=children)


@dataclass(frozen=True, slots=True)
class List:
    type: ClassVar[str] = "list"
    ordered: bool
    items: tuple[ListItem, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> Iterator[str]:
        """Every item's text as a "- " line, nested items after their parent."""
        for item in self.items:
            yield LIST_ITEM_PREFIX + item.text
            for child in item.children:
                yield from child.lines()

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "ordered": self.ordered,
            "items": [item.to_dict() for item in self.items],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> List:
        return cls(
            ordered=bool(data["ordered"]),
            items=tuple(ListItem.from_dict(i) for i in data["items"]),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation set off from the text; ``attribution`` is who said it,
    when the page marks that (a ``<cite>`` or ``<footer>`` in the quote)."""

    type: ClassVar[str] = "quote"
    spans: Spans
    attribution: str | None = None

    @property
    def text(self) -> str:
        return spans_text(self.spans)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "spans": _spans_to_list(self.spans)}
        if self.attribution is not None:
            out["attribution"] = self.attribution
        return out


@dataclass(frozen=True, slots=True)
class Table:
    """A data table: ``header`` is the header row (empty when the page marks
    none), ``rows`` the body rows, cells as plain text."""

    type: ClassVar[str] = "table"
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> Iterator[str]:
        """One line a row: "| a | b |"."""
        for row in (self.header, *self.rows) if self.header else self.rows:
            yield "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "header": list(self.header),
            "rows": [list(row) for row in self.rows],
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """An image of the article: ``src`` resolved against the page URL."""

    type: ClassVar[str] = "figure"
    src: str
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None

    @property
    def text(self) -> str:
        return self.caption or ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "src": self.src}
        for name in ("alt", "caption", "credit"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True, slots=True)
class Code:
    """Preformatted text, kept exactly (indentation and blank lines too)."""

    type: ClassVar[str] = "code"
    text: str
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "text": self.text}
        if self.language is not None:
            out["language"] = self.language
        return out


#: What an :class:`Embed` holds.
EMBED_KINDS = ("post", "video", "audio", "map", "other")


@dataclass(frozen=True, slots=True)
class Embed:
    """Content from another service set in the article: a social post, a
    video or audio player, a map (``kind``, one of :data:`EMBED_KINDS`).
    ``text`` is the post's text, when the page carries it."""

    type: ClassVar[str] = "embed"
    kind: str
    url: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "kind": self.kind}
        if self.url is not None:
            out["url"] = self.url
        if self.text:
            out["text"] = self.text
        return out


Block = Union[Paragraph, Heading, List, Quote, Table, Figure, Code, Embed]  # noqa: UP007


def block_from_dict(data: Mapping[str, Any]) -> Block:
    """Read back any block's :meth:`to_dict` output."""
    kind = data.get("type")
    if kind == "paragraph":
        return Paragraph(spans=_spans_from_list(data["spans"]))
    if kind == "heading":
        return Heading(level=int(data["level"]), spans=_spans_from_list(data["spans"]))
    if kind == "list":
        return List.from_dict(data)
    if kind == "quote":
        return Quote(spans=_spans_from_list(data["spans"]), attribution=data.get("attribution"))
    if kind == "table":
        return Table(
            header=tuple(data.get("header", ())),
            rows=tuple(tuple(row) for row in data["rows"]),
        )
    if kind == "figure":
        return Figure(
            src=data["src"],
            alt=data.get("alt"),
            caption=data.get("caption"),
            credit=data.get("credit"),
        )
    if kind == "code":
        return Code(text=data["text"], language=data.get("language"))
    if kind == "embed":
        return Embed(kind=data["kind"], url=data.get("url"), text=data.get("text", ""))
    raise ValueError(f"unknown block type {kind!r}")


def block_paragraphs(block: Block) -> Iterator[str]:
    """The body paragraphs a block contributes: none for a figure, a line per
    list item ("- item") and table row ("| a | b |"), the whole text of any
    other block. These are the plain-text conventions ``body`` has always had."""
    if isinstance(block, Figure):
        return
    if isinstance(block, (List, Table)):
        yield from block.lines()
        return
    if block.text:
        yield block.text


def iter_spans(blocks: tuple[Block, ...]) -> Iterator[Span]:
    """Every span of ``blocks``, in reading order (list items included)."""
    for block in blocks:
        if isinstance(block, (Paragraph, Heading, Quote)):
            yield from block.spans
        elif isinstance(block, List):
            yield from _list_spans(block)


def _list_spans(block: List) -> Iterator[Span]:
    for item in block.items:
        yield from item.spans
        for child in item.children:
            yield from _list_spans(child)


def drop_paragraphs(blocks: tuple[Block, ...], dropped: Sequence[bool]) -> tuple[Block, ...]:
    """``blocks`` without the paragraphs flagged in ``dropped`` (one flag per
    paragraph of :func:`block_paragraphs`, in order): a list loses the flagged
    items, a table the flagged rows, any other block goes when its one
    paragraph is flagged."""
    flags = iter(dropped)
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, List):
            kept_list = _drop_items(block, flags)
            if kept_list is not None:
                out.append(kept_list)
        elif isinstance(block, Table):
            drop_header = bool(block.header) and next(flags)
            header = () if drop_header else block.header
            rows = tuple(row for row, drop in zip(block.rows, flags, strict=False) if not drop)
            if header or rows:
                out.append(Table(header=header, rows=rows))
        elif isinstance(block, Figure) or not block.text or not next(flags):
            out.append(block)
    return tuple(out)


def _drop_items(block: List, flags: Iterator[bool]) -> List | None:
    items: list[ListItem] = []
    for item in block.items:
        drop = next(flags)
        children = tuple(c for c in (_drop_items(child, flags) for child in item.children) if c)
        if not drop:
            items.append(ListItem(item.spans, children))
        elif children:  # the item goes, its nested items move up a level
            items.extend(i for child in children for i in child.items)
    return List(ordered=block.ordered, items=tuple(items)) if items else None
