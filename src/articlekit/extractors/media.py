"""Figures and embedded players of the article, placed among its text pieces.

trafilatura's result holds text only. The article's images and players are
read from the page itself, inside the region that holds the extracted text
(the nearest element around every traced piece), in one walk of that region:
each lands after the last text piece that precedes it in the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html

from ..pieces import Piece, Shape, resolve_url
from ..rules import (
    BLOCK_RULE_MAX_ANCESTORS,
    EMBED_HOSTS,
    FIGURE_CREDIT_VOCABULARY,
    FIGURE_MIN_WIDTH,
    IMAGE_SOURCE_ATTRIBUTES,
)
from ._common import clean_text, raw_text
from .element_rules import own_rule

__all__ = ["with_media"]

#: Words in an image's file name or class that mark page furniture, not a
#: figure: "icn_comments.png", "logo-small.svg", "avatar_42.jpg",
#: "spacer.gif", class "emoji"; not "iconic-bridge.jpg" (whole words only).
IMAGE_FURNITURE_WORDS = re.compile(
    r"(?<![a-z])(?:icons?|icn|logos?|avatars?|sprites?|spinner|spacer|pixel|blank|emoji"
    r"|badge|gravatar|loader|placeholder)(?![a-z])",
    re.IGNORECASE,
)
#: Tags that never wrap a figure of the article's own.
_REGION_TOO_WIDE = frozenset({"html", "body"})
#: Block rules that may sit around a figure of the article (its caption box).
_FIGURE_FRIENDLY_RULES = frozenset({"caption"})


def _region(pieces: Sequence[Piece]) -> html.HtmlElement | None:
    """The nearest element that holds every traced piece."""
    elements = [p.element for p in pieces if p.element is not None]
    if not elements:
        return None
    path = [elements[0], *elements[0].iterancestors()]
    depth_of = {el: i for i, el in enumerate(path)}
    deepest = 0
    for el in elements[1:]:
        for node in (el, *el.iterancestors()):
            if node in depth_of:
                deepest = max(deepest, depth_of[node])
                break
    region = path[deepest]
    return None if region.tag in _REGION_TOO_WIDE else region


def _image_source(img: html.HtmlElement) -> str | None:
    for name in IMAGE_SOURCE_ATTRIBUTES:
        value = (img.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = (img.get("srcset") or img.get("data-srcset") or "").strip()
    return srcset.split(",")[0].split()[0] if srcset else None


def _too_small(img: html.HtmlElement) -> bool:
    width = (img.get("width") or "").strip().removesuffix("px")
    return width.isdigit() and int(width) < FIGURE_MIN_WIDTH


def _furniture(img: html.HtmlElement, src: str) -> bool:
    """An icon, logo, avatar or spacer, by its file name or class."""
    name = src.rsplit("/", 1)[-1].split("?", 1)[0]
    return bool(IMAGE_FURNITURE_WORDS.search(f"{name} {img.get('class') or ''}"))


def _in_chrome(el: html.HtmlElement, region: html.HtmlElement) -> bool:
    """Inside a link (a teaser card) or a box a block rule removes."""
    for depth, node in enumerate(el.iterancestors()):
        if node is region or depth >= BLOCK_RULE_MAX_ANCESTORS:
            return False
        if node.tag == "a":
            return True
        rule = own_rule(node, minority=True)
        if rule is not None and rule.id not in _FIGURE_FRIENDLY_RULES:
            return True
    return False


def _figure(el: html.HtmlElement, base: str | None) -> Shape | None:
    """A figure's shape from a ``<figure>`` or a lone ``<img>``."""
    img = el if el.tag == "img" else next(el.iter("img"), None)
    if img is None or _too_small(img):
        return None
    src = resolve_url(_image_source(img), base)
    if src is None or _furniture(img, src):
        return None
    media = {"src": src}
    alt = clean_text(img.get("alt"))
    if alt:
        media["alt"] = alt
    if el.tag == "figure":
        credit_el = next(
            (
                node
                for node in el.iter()
                if node is not el
                and FIGURE_CREDIT_VOCABULARY.search(
                    f"{node.get('class') or ''} {node.get('id') or ''}"
                )
            ),
            None,
        )
        credit = clean_text(raw_text(credit_el)) if credit_el is not None else ""
        caption_el = next(el.iter("figcaption"), None)
        caption = clean_text(raw_text(caption_el)) if caption_el is not None else ""
        if credit and caption.endswith(credit):
            caption = caption[: -len(credit)].rstrip(" |/–—-")
        if caption:
            media["caption"] = caption
        if credit:
            media["credit"] = credit
    return Shape("figure", media=media)


def _embed(el: html.HtmlElement, base: str | None) -> Shape | None:
    src = resolve_url(el.get("src") or el.get("data-src"), base)
    if src is None:
        return None
    lowered = src.lower()
    for host, kind in EMBED_HOSTS:
        if host in lowered:
            return Shape("embed", media={"kind": kind, "url": src})
    return None


def _new_medium(shape: Shape, seen: set[str]) -> bool:
    """False for an image or player already placed: lazy-loading pages write
    the same picture twice (the script's ``<img>`` and a ``<noscript>`` copy)."""
    address = shape.media.get("src") or shape.media.get("url") or ""
    if address in seen:
        return False
    seen.add(address)
    return True


def with_media(
    pieces: list[Piece], base: str | None, fallback: html.HtmlElement | None = None
) -> list[Piece]:
    """``pieces`` with the article's figures and embedded players added in
    page order (an empty-text piece each). ``fallback`` is the region to read
    when no piece could be traced (the article element around the headline)."""
    region = _region(pieces)
    if region is None:
        region = fallback
    if region is None or region.tag in _REGION_TOO_WIDE:
        return pieces
    last_index = {p.element: i for i, p in enumerate(pieces) if p.element is not None}
    inserts: list[tuple[int, Piece]] = []
    seen: set[str] = set()
    after = -1
    inside_figure: html.HtmlElement | None = None
    for el in region.iter():
        if not isinstance(el.tag, str):
            continue
        index = last_index.get(el)
        if index is not None:
            after = max(after, index)
        if inside_figure is not None:
            if any(a is inside_figure for a in el.iterancestors()):
                continue
            # Page order: once past the figure, no later element is inside it,
            # so the ancestors of the rest of the region are not walked.
            inside_figure = None
        tag = el.tag
        if tag not in ("figure", "img", "iframe") or _in_chrome(el, region):
            continue
        shape = _embed(el, base) if tag == "iframe" else _figure(el, base)
        if tag == "figure":
            inside_figure = el
        if shape is not None and _new_medium(shape, seen):
            inserts.append((after, Piece("", el, shape)))
    if not inserts:
        return pieces
    # Never inside a block: a medium placed after a piece goes after the last
    # piece of that piece's block (a quote's untraced last line, say).
    ends: dict[int, int] = {}
    for i in range(len(pieces) - 1, -1, -1):
        later = ends.get(i + 1)
        ends[i] = later if later is not None and pieces[i + 1].shape is pieces[i].shape else i
    placed: dict[int, list[Piece]] = {}
    for after_index, piece in inserts:
        placed.setdefault(ends.get(after_index, after_index), []).append(piece)
    out = list(placed.get(-1, []))
    for i, piece in enumerate(pieces):
        out.append(piece)
        out.extend(placed.get(i, []))
    return out
