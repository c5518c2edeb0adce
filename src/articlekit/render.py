"""Text, Markdown and HTML renderings of an Article, all read from its blocks.

Markdown is CommonMark plus GFM tables; text that would turn into markup is
escaped. HTML is a minimal document built from the blocks alone, so nothing
of the source page (scripts, event attributes, styles) can reach it, and
links are kept only with a scheme a reader can follow.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from .blocks import Block, Code, Embed, Figure, Heading, List, Paragraph, Quote, Span, Table

if TYPE_CHECKING:
    from .article import Article, Stamp

__all__ = ["format_stamp", "to_html", "to_markdown", "to_text"]

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
#: Link schemes kept in HTML output; anything else (javascript:, data:, vbscript:) is dropped.
SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")
_WORD = re.compile(r"\w+")


def format_stamp(value: Stamp) -> str:
    """A stamp as a reader reads it: "12 March 2024, 17:30 (UTC+01:00)"."""
    if isinstance(value, datetime):
        day = f"{value.day} {_MONTHS[value.month - 1]} {value.year}, {value:%H:%M}"
        offset = value.utcoffset()
        if offset is None:
            return day
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        hours, rest = divmod(abs(minutes), 60)
        return f"{day} (UTC{sign}{hours:02d}:{rest:02d})"
    if isinstance(value, date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    assert isinstance(value, time)
    return f"{value:%H:%M}"


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _subtitle_repeated(article: Article) -> bool:
    """The body opens with the subtitle (a lede the page set twice)."""
    if not article.subtitle:
        return False
    first = next((b for b in article.blocks if not isinstance(b, Figure)), None)
    if first is None:
        return False
    dek, opening = _words(article.subtitle), _words(first.text)
    return bool(dek) and opening[: len(dek)] == dek


def _meta_line(article: Article) -> str:
    parts = []
    if article.authors:
        parts.append("By " + ", ".join(article.authors))
    if article.published is not None:
        parts.append("Published " + format_stamp(article.published))
    if article.updated is not None:
        parts.append("Updated " + format_stamp(article.updated))
    return " · ".join(parts)


# -- text -----------------------------------------------------------------------------


def to_text(article: Article) -> str:
    """Headline, a blank line, then the body."""
    head = f"{article.title}\n\n" if article.title else ""
    return head + article.body + "\n"


# -- Markdown ---------------------------------------------------------------------------

#: Characters that are markup anywhere in a line ("!" only opens an image
#: before "[", which is escaped; "|" only matters in a table cell).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")
#: Line starts that open a block: a heading, a quote, a list item, a rule, a fence.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)](?=\s|$))")


def escape_markdown(text: str) -> str:
    """``text`` with everything that would read as Markdown escaped."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return "\n".join(_escape_line_start(line) for line in text.split("\n"))


def _escape_line_start(line: str) -> str:
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # "1984. was a year" would start an ordered list
        return f"{lead}{marker[:-1]}\\{marker[-1]}{line[match.end() :]}"
    return f"{lead}\\{line[len(lead) :]}"


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _inline_markdown(spans: tuple[Span, ...]) -> str:
    out: list[str] = []
    for span in spans:
        if span.text == "\n":
            out.append("\\\n")  # a hard line break
            continue
        core = span.text.strip()
        if not core:
            out.append(span.text)
            continue
        lead = span.text[: len(span.text) - len(span.text.lstrip())]
        trail = span.text[len(span.text.rstrip()) :]
        text = _code_span(core) if span.code else _escape_inline(core)
        if span.emphasis:
            text = f"*{text}*"
        if span.strong:
            text = f"**{text}**"
        if span.href is not None:
            text = f"[{text}](<{span.href.replace('>', '%3E')}>)"
        out.append(f"{lead}{text}{trail}")
    return _escape_line_starts("".join(out))


def _escape_inline(text: str) -> str:
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _escape_line_starts(text: str) -> str:
    return "\n".join(_escape_line_start(line) for line in text.split("\n"))


def _markdown_list(block: List, indent: str = "") -> Iterator[str]:
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}. " if block.ordered else "- "
        text = _inline_markdown(item.spans).replace("\n", "\n" + indent + " " * len(marker))
        yield f"{indent}{marker}{text}"
        for child in item.children:
            yield from _markdown_list(child, indent + " " * len(marker))


def _cell(text: str) -> str:
    return _escape_inline(text).replace("|", "\\|").replace("\n", " ")


def _markdown_table(block: Table) -> Iterator[str]:
    width = max([len(block.header), *(len(row) for row in block.rows)])
    header = list(block.header) + [""] * (width - len(block.header))
    yield "| " + " | ".join(_cell(c) for c in header) + " |"
    yield "|" + "|".join(" --- " for _ in range(width)) + "|"
    for row in block.rows:
        cells = list(row) + [""] * (width - len(row))
        yield "| " + " | ".join(_cell(c) for c in cells) + " |"


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"^\s*(`{3,})", text, re.M)), default=0)
    return "`" * max(3, longest + 1)


def markdown_block(block: Block, heading_offset: int = 0) -> str:
    """One block as Markdown (no trailing blank line)."""
    if isinstance(block, Paragraph):
        return _inline_markdown(block.spans)
    if isinstance(block, Heading):
        level = min(6, block.level + heading_offset)
        return "#" * level + " " + _inline_markdown(block.spans).replace("\\\n", " ")
    if isinstance(block, List):
        return "\n".join(_markdown_list(block))
    if isinstance(block, Quote):
        lines = _inline_markdown(block.spans).split("\n")
        if block.attribution and block.attribution not in block.text:
            lines += ["", "— " + _escape_inline(block.attribution)]
        return "\n".join(f"> {line}" if line else ">" for line in lines)
    if isinstance(block, Table):
        return "\n".join(_markdown_table(block))
    if isinstance(block, Code):
        fence = _fence(block.text)
        return f"{fence}{block.language or ''}\n{block.text}\n{fence}"
    if isinstance(block, Figure):
        alt = _escape_inline(block.alt or block.caption or "")
        line = f"![{alt}](<{block.src.replace('>', '%3E')}>)"
        # A caption that only repeats the alt text is not printed twice.
        caption = block.caption if block.caption != block.alt else None
        notes = [n for n in (caption, block.credit) if n]
        if notes:
            line += "\\\n*" + _escape_inline(" — ".join(notes)) + "*"
        return line
    assert isinstance(block, Embed)
    label = f"Embedded {block.kind}"
    link = f"[{label}](<{block.url}>)" if block.url else label
    if block.text:
        return f"> {_escape_inline(block.text)}\n>\n> {link}"
    return link


def to_markdown(article: Article) -> str:
    """CommonMark with GFM tables: headline, dek, byline and dates, blocks, tags."""
    parts: list[str] = []
    if article.title:
        parts.append("# " + _escape_inline(article.title))
    if article.subtitle and not _subtitle_repeated(article):
        parts.append("*" + _escape_inline(article.subtitle) + "*")
    meta = _meta_line(article)
    if meta:
        parts.append(_escape_inline(meta))
    # Below the title (an h1), the article's own headings start at h2.
    offset = 1 if any(isinstance(b, Heading) and b.level == 1 for b in article.blocks) else 0
    previous: Block | None = None
    for block in article.blocks:
        if isinstance(block, List) and isinstance(previous, List):
            # Two lists in a row would read as one: an empty comment parts them.
            parts.append("<!-- -->")
        parts.append(markdown_block(block, offset))
        previous = block
    if article.tags:
        parts.append("Tags: " + ", ".join(_escape_inline(t) for t in article.tags))
    return "\n\n".join(parts) + "\n"


# -- HTML ---------------------------------------------------------------------------------


def _e(text: str) -> str:
    return htmllib.escape(text, quote=True)


def safe_href(url: str | None) -> str | None:
    """``url`` when a reader can follow it safely (see SAFE_LINK_SCHEMES), else None."""
    if url is None:
        return None
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    lowered = cleaned.lower()
    if lowered.startswith(SAFE_LINK_SCHEMES):
        return cleaned
    if ":" not in lowered.split("/", 1)[0] and not lowered.startswith("//"):
        return cleaned  # a relative address (the page URL was unknown)
    return None


def _inline_html(spans: tuple[Span, ...]) -> str:
    out: list[str] = []
    for span in spans:
        if span.text == "\n":
            out.append("<br>")
            continue
        text = _e(span.text)
        if span.code:
            text = f"<code>{text}</code>"
        if span.emphasis:
            text = f"<em>{text}</em>"
        if span.strong:
            text = f"<strong>{text}</strong>"
        href = safe_href(span.href)
        if href is not None:
            text = f'<a href="{_e(href)}">{text}</a>'
        out.append(text)
    return "".join(out)


def _html_list(block: List) -> str:
    tag = "ol" if block.ordered else "ul"
    items = []
    for item in block.items:
        children = "".join(_html_list(child) for child in item.children)
        items.append(f"<li>{_inline_html(item.spans)}{children}</li>")
    return f"<{tag}>{''.join(items)}</{tag}>"


def html_block(block: Block) -> str:
    """One block as HTML."""
    if isinstance(block, Paragraph):
        return f"<p>{_inline_html(block.spans)}</p>"
    if isinstance(block, Heading):
        level = min(6, max(2, block.level))
        return f"<h{level}>{_inline_html(block.spans)}</h{level}>"
    if isinstance(block, List):
        return _html_list(block)
    if isinstance(block, Quote):
        cite = f"<footer>{_e(block.attribution)}</footer>" if block.attribution else ""
        return f"<blockquote><p>{_inline_html(block.spans)}</p>{cite}</blockquote>"
    if isinstance(block, Table):
        head = "".join(f"<th>{_e(c)}</th>" for c in block.header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        thead = f"<thead><tr>{head}</tr></thead>" if head else ""
        return f"<table>{thead}<tbody>{rows}</tbody></table>"
    if isinstance(block, Code):
        return f"<pre><code>{_e(block.text)}</code></pre>"
    if isinstance(block, Figure):
        src = safe_href(block.src)
        img = f'<img src="{_e(src)}" alt="{_e(block.alt or "")}">' if src else ""
        notes = " — ".join(n for n in (block.caption, block.credit) if n)
        caption = f"<figcaption>{_e(notes)}</figcaption>" if notes else ""
        return f"<figure>{img}{caption}</figure>"
    assert isinstance(block, Embed)
    href = safe_href(block.url)
    link = f'<a href="{_e(href)}">Embedded {_e(block.kind)}</a>' if href else ""
    text = f"<p>{_e(block.text)}</p>" if block.text else ""
    return f'<aside class="embed embed-{_e(block.kind)}">{text}{link}</aside>'


def to_html(article: Article) -> str:
    """A minimal, safe HTML document of the article."""
    lang = f' lang="{_e(article.language)}"' if article.language else ""
    title = _e(article.title or "")
    parts = [f"<h1>{title}</h1>"] if article.title else []
    if article.subtitle and not _subtitle_repeated(article):
        parts.append(f'<p class="subtitle">{_e(article.subtitle)}</p>')
    meta = _meta_line(article)
    if meta:
        parts.append(f'<p class="byline">{_e(meta)}</p>')
    parts += [html_block(block) for block in article.blocks]
    if article.tags:
        parts.append(
            '<ul class="tags">' + "".join(f"<li>{_e(t)}</li>" for t in article.tags) + "</ul>"
        )
    body = "\n".join(parts)
    return (
        f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<article>\n{body}\n</article>\n</body>\n</html>\n"
    )
