"""Markdown read back into a sequence of block types, with a CommonMark + GFM parser.

Tests use it to show that :meth:`Article.to_markdown` writes each block as
the block it is: nothing escapes into markup, no two blocks merge.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from articlekit.blocks import Block, Embed, Figure

_PARSER = MarkdownIt("commonmark").enable("table")

#: Opening tokens of the top-level blocks and the block type each one writes.
_OPENERS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "blockquote_open": "quote",
    "table_open": "table",
    "fence": "code",
    "code_block": "code",
    "hr": "rule",
    "html_block": "html",
}


def _inline_after(tokens: Sequence[Token], index: int) -> Token | None:
    for token in tokens[index + 1 :]:
        if token.type == "inline":
            return token
    return None


def markdown_block_types(markdown: str) -> list[str]:
    """The top-level blocks of ``markdown``: a paragraph holding only an image
    is a figure, a quote or paragraph ending in an "Embedded …" link an embed."""
    tokens = _PARSER.parse(markdown)
    types: list[str] = []
    depth = 0
    for index, token in enumerate(tokens):
        if depth == 0 and token.type in _OPENERS:
            kind = _OPENERS[token.type]
            inline = _inline_after(tokens, index)
            children = inline.children or [] if inline is not None else []
            if kind == "paragraph" and children and children[0].type == "image":
                kind = "figure"
            if kind in ("paragraph", "quote"):
                last = _last_inline(tokens, index) if kind == "quote" else inline
                if last is not None and last.content.startswith(("[Embedded ", "Embedded ")):
                    kind = "embed"
            if kind != "html":  # the empty comment that parts two lists
                types.append(kind)
        depth += token.nesting if token.type != "fence" else 0
    return types


def _last_inline(tokens: Sequence[Token], index: int) -> Token | None:
    """The last inline token of the container opened at ``index``."""
    depth = 0
    last: Token | None = None
    for token in tokens[index:]:
        depth += token.nesting
        if token.type == "inline":
            last = token
        if depth == 0:
            break
    return last


def expected_block_types(blocks: Sequence[Block]) -> list[str]:
    """What :func:`markdown_block_types` should read for ``blocks``."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Figure):
            out.append("figure")
        elif isinstance(block, Embed):
            out.append("embed")
        else:
            out.append(block.type)
    return out
