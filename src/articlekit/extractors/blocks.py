"""Body lines judged by where they sit in the page.

The body stage gets text back from trafilatura, one line per block. Two things
need the element behind a line, so lines are matched to the page's text blocks
by their whitespace-collapsed text (the first block with that text wins):

* :data:`~articlekit.rules.BLOCK_RULES` drop lines by their container (teaser
  cards, captions, author bios);
* split bodies: prose paragraphs in sibling containers of the same class as the
  one that holds the extracted text are added back, in page order.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property

import regex
from lxml import html

from ..article import Removal
from ..rules import (
    BLOCK_RULE_MAX_ANCESTORS,
    BLOCK_RULES,
    CONTINUATION_MAX_LEVELS,
    CONTINUATION_MAX_LINK_SHARE,
    PROSE_END_CHARACTERS,
    PROSE_MIN_WORDS,
    BlockRule,
)
from ._common import clean_text, link_share

__all__ = ["LineSources", "is_prose"]

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
_WORD = regex.compile(r"\w+")
#: Tags at which the search for a split body's sibling containers stops.
_SCOPE_BOUNDARY_TAGS = frozenset({"article", "main", "body"})


def is_prose(line: str) -> bool:
    """A sentence of running text, not a teaser headline or a label."""
    return (
        len(_WORD.findall(line)) >= PROSE_MIN_WORDS and line.rstrip()[-1:] in PROSE_END_CHARACTERS
    )


def _own_rule(node: html.HtmlElement) -> BlockRule | None:
    """The block rule that ``node`` itself (not its ancestors) satisfies."""
    label = f"{node.get('class') or ''} {node.get('id') or ''}"
    for rule in BLOCK_RULES:
        if node.tag in rule.inside_tags:
            return rule
        if rule.container is not None and label != " " and rule.container.search(label):
            return rule
    return None


class LineSources:
    """The page's text blocks, keyed by their whitespace-collapsed text."""

    def __init__(self, root: html.HtmlElement) -> None:
        self.root = root

    @cached_property
    def by_text(self) -> dict[str, html.HtmlElement]:
        sources: dict[str, html.HtmlElement] = {}
        for el in self.root.iter(*LINE_SOURCE_TAGS):
            text = clean_text(el.text_content())
            if text:
                sources.setdefault(text, el)
        return sources

    def element(self, line: str) -> html.HtmlElement | None:
        return self.by_text.get(clean_text(line))

    def _rule_for(
        self, el: html.HtmlElement, memo: dict[html.HtmlElement, BlockRule | None]
    ) -> BlockRule | None:
        node: html.HtmlElement | None = el
        for _ in range(BLOCK_RULE_MAX_ANCESTORS):
            if node is None:
                return None
            if node not in memo:  # lines of one article share most ancestors
                memo[node] = _own_rule(node)
            if memo[node] is not None:
                return memo[node]
            node = node.getparent()
        return None

    def drop_chrome(self, lines: list[str], stage: str) -> tuple[list[str], list[Removal]]:
        """``lines`` without those a block rule rejects, and a removal for each of those."""
        kept: list[str] = []
        removed: list[Removal] = []
        memo: dict[html.HtmlElement, BlockRule | None] = {}
        for line in lines:
            el = self.element(line)
            rule = self._rule_for(el, memo) if el is not None else None
            if rule is None:
                kept.append(line)
            else:
                removed.append(Removal(stage=stage, rule=rule.id, text=line, reason=rule.reason))
        return kept, removed

    def continue_split_body(self, lines: list[str]) -> list[str]:
        """``lines`` with the prose of same-class sibling containers added, in page order."""
        holders: Counter[html.HtmlElement] = Counter()
        for line in lines:
            el = self.element(line)
            parent = el.getparent() if el is not None and el.tag == "p" else None
            if parent is not None:
                holders[parent] += 1
        if not holders:
            return lines
        box = holders.most_common(1)[0][0]
        box_class = box.get("class")
        if not box_class:
            return lines  # without a class there is no telling siblings from chrome
        scope = box
        for _ in range(CONTINUATION_MAX_LEVELS):
            parent = scope.getparent()
            if parent is None or scope.tag in _SCOPE_BOUNDARY_TAGS:
                break
            scope = parent
        have = {clean_text(line) for line in lines}
        missing: list[html.HtmlElement] = []
        for other in scope.iter(box.tag):
            if other is box or other.get("class") != box_class:
                continue
            for paragraph in other.iterchildren("p"):
                text = clean_text(paragraph.text_content())
                if (
                    text not in have
                    and is_prose(text)
                    and link_share(paragraph, text) < CONTINUATION_MAX_LINK_SHARE
                ):
                    missing.append(paragraph)
        if not missing:
            return lines
        return self._in_page_order(lines, missing)

    def _in_page_order(self, lines: list[str], added: list[html.HtmlElement]) -> list[str]:
        position = {el: i for i, el in enumerate(self.root.iter())}
        placed: list[tuple[int, int, str]] = []
        last = -1
        for line in lines:
            el = self.element(line)
            # A line with no known element stays right after the line before it.
            last = position.get(el, last) if el is not None else last
            placed.append((last, 0, line))
        placed += [(position[el], 1, clean_text(el.text_content())) for el in added]
        placed.sort(key=lambda item: (item[0], item[1]))
        return [line for _, _, line in placed]
