"""A second opinion on the body: content scoring of the same parsed tree.

trafilatura reads a page through its own vocabularies of containers; on pages
built differently from the ones those were written for (table layouts, text
set loose in cells and divs between ``<br>`` tags, comments in unmarked
containers) it takes in the whole page or too little of it. This module reads
the page the other classic way, by *where the prose is*:

1. every run of text is credited to the block that holds it (the nearest
   ancestor that is not inline markup), so text set loose in a ``<td>`` or a
   ``<div>`` counts as that block's paragraph, and a double line break
   (``<br><br>``) starts a new one, as it does on the screen;
2. a block with enough text earns points for its length (text inside links
   earns nothing) and its clause marks (commas: running prose has them,
   menus and teaser headlines rarely do); the points go to the block's
   parent in full and to the ancestors above at a decaying share, so the
   element that holds most of the prose collects the most;
3. a candidate starts from a prior for its tag and its class/id words
   (``article-body`` for, ``sidebar`` against), and its total is scaled by the
   share of its text that is not link text;
4. the best candidate is taken with the siblings that belong with it (high
   scorers, same-class chunks, loose prose paragraphs beside it);
5. a copy of what was taken, with scripts, forms, hidden parts, unlikely boxes
   and link lists pruned from it, is cut into pieces by
   :func:`.structure.pieces_from_xml`, each traced to its page element as the
   body stage's own pieces are.

The page's tree is never changed: scoring only reads it, and pruning happens
on a copy. Every tunable is a named constant or a field of
:class:`ScoringOptions` below, with the reason for its value.
"""

from __future__ import annotations

import copy
import heapq
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

from lxml import etree, html

from ..page import Page
from ..pieces import Piece
from ._common import clean_text, element_text, raw_text
from .structure import pieces_from_xml
from .tracing import INLINE_TAGS, ElementIndex

__all__ = [
    "LIKELY_VOCABULARY",
    "UNLIKELY_VOCABULARY",
    "Opinion",
    "ScoringOptions",
    "common_ancestor",
    "second_opinion",
]

# --- vocabularies --------------------------------------------------------------
# Matched against the page's lower-cased class/id/role strings
# (:meth:`~articlekit.page.Page.with_class`), so they are written in lower
# case and compiled without IGNORECASE: case-blind matching made each search
# about eight times slower, which on a page of a few hundred distinct class
# strings cost milliseconds.

#: class/id/role words of the article's own container. Example: ``post-body``,
#: ``storytext``, ``entry-content``, ``main-article``; counterexample: a bare
#: ``content`` wraps the whole page on most sites, so it is not listed.
LIKELY_VOCABULARY = re.compile(
    r"article|story|entry|post-?body|post-?content|blog-?post|body-?text|text-?body"
    r"|main-?text|content-?body|articletext|storytext|prose|hentry",
)

#: class/id/role words of page parts that are never the article. Example:
#: ``sidebar``, ``comment-list``, ``site-footer``, ``related-links``, ``share``;
#: counterexample: ``header`` (an article's header holds its lede),
#: ``subscriber-only`` (a paywalled body, whole in the saved page), ``meta``
#: (too often part of a body class such as ``metabody``), ``ad`` as a bare
#: substring (``head``, ``read``, ``shadow``).
UNLIKELY_VOCABULARY = re.compile(
    r"comment|disqus|respond|reply|footer|foot\b|sidebar|side-?bar|side-?col|rail|widget"
    r"|\bnav|menu|breadcrumb|masthead|related|recommend|popular|trending|promo|sponsor"
    r"|advert|\bads?\b|banner|share|social|newsletter|subscribe(?!r)|sign-?up|login|pagination"
    r"|pager|popup|modal|cookie|consent|tool-?bar|teaser|outbrain|taboola|tag-?cloud",
)

#: Tags that are never page chrome, whatever their class says.
_NEVER_CHROME_TAGS = frozenset({"html", "body", "article", "main"})

#: Tags whose text is never shown as article text.
SKIPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "textarea",
        "select",
        "option",
        "button",
        "svg",
        "canvas",
        "iframe",
        "object",
        "head",
        "title",
        "nav",
        "aside",
    }
)

#: Tags that style text inside a block rather than make one: text inside them
#: belongs to the nearest ancestor that is not one of them. ``font`` wraps
#: whole articles on pages from before CSS, but it styles the text it holds:
#: the paragraphs are its block's.
TEXT_INLINE_TAGS = INLINE_TAGS | frozenset(
    {"font", "nobr", "tt", "ins", "del", "kbd", "samp", "var", "dfn", "bdi", "bdo", "wbr", "br"}
)

#: Tags :func:`.structure.pieces_from_xml` reads as blocks or as the parts of
#: one; any other element holding blocks becomes a ``div`` in the copy, and
#: any other block-level element holding text only a ``p``.
_BUILDER_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "blockquote",
        "pre",
    }
)
#: The builder's block tags: an element holding one of these holds blocks.
_BLOCK_TAGS = frozenset({"p", "div", "table", "ul", "ol", "blockquote", "pre"}) | {
    f"h{n}" for n in range(1, 7)
}
#: Table parts that cannot be the root of what is cut into pieces.
_TABLE_PARTS = frozenset({"tr", "tbody", "thead", "tfoot", "td", "th"})
#: Clause marks: commas in Latin, CJK and Arabic scripts (the wide ones
#: are looked for only in text that is not ASCII).
_CLAUSE_MARKS = re.compile("[,\uff0c\u3001\u060c]")
_WIDE_CLAUSE_MARKS = re.compile("[\uff0c\u3001\u060c]")
#: Non-blank text nodes of the page's body (blank ones are indentation).
_BODY_TEXTS = etree.XPath("//body//text()[normalize-space()]")
#: ...and those of one part of the page.
_PART_TEXTS = etree.XPath(".//text()[normalize-space()]")
#: Line breaks in the markup, which a browser shows as spaces.
_BREAKS = re.compile(r"[\r\n]+")
_LINE_BREAK = "\n"
#: Sentence ends of a short paragraph that still reads as prose.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)]*$")


@dataclass(frozen=True, slots=True)
class ScoringOptions:
    """The tunables of the content scoring: set from the method's idea (a
    paragraph's worth of points, shared upwards with a decay) and checked on
    the look halves of the body corpora."""

    #: A block with less text than this (characters) is a label, a button or
    #: a date: it earns no points. Example: "Posted by admin" (15).
    min_paragraph_chars: int = 30
    #: Unlinked characters worth one point...
    chars_per_point: float = 90.0
    #: ...up to this many points for one block: one long block is no more
    #: evidence of the article than a few ordinary paragraphs.
    max_length_points: float = 4.0
    #: Points per clause mark (commas), up to ``max_clause_points``: prose has
    #: them, teaser headlines and menus rarely do.
    clause_point: float = 1.0
    max_clause_points: float = 8.0
    #: Points every scoring block earns for being a paragraph at all.
    paragraph_point: float = 1.0
    #: A block whose text is at least this share link text earns nothing: it
    #: is a list of links, whatever its length.
    max_paragraph_link_share: float = 0.5
    #: Share of a block's points passed to each ancestor level, the nearest
    #: first (a paragraph's parent, grandparent, great-grandparent).
    propagation: tuple[float, ...] = (1.0, 0.5, 0.25)
    #: Prior of a candidate matching the likely / unlikely vocabularies.
    likely_weight: float = 20.0
    unlikely_weight: float = -20.0
    #: Prior of a candidate by its tag: containers of prose up, lists, forms
    #: and headings (which hold link lists and labels) down.
    tag_priors: tuple[tuple[str, float], ...] = (
        ("article", 8.0),
        ("main", 4.0),
        ("div", 4.0),
        ("section", 3.0),
        ("td", 2.0),
        ("blockquote", 2.0),
        ("pre", 2.0),
        ("form", -3.0),
        ("ul", -3.0),
        ("ol", -3.0),
        ("dl", -3.0),
        ("li", -3.0),
        ("address", -3.0),
        ("th", -5.0),
        *((f"h{n}", -5.0) for n in range(1, 7)),
    )
    #: Only the best candidates by raw score have their link density measured
    #: (a walk of all their text each): it only lowers a score, and a
    #: candidate below the sixth rarely climbs to the top once scaled.
    measured_candidates: int = 6
    #: A sibling of the best candidate joins it when it scores at least this
    #: share of the best score...
    sibling_share: float = 0.25
    #: ...and at least this much (tiny scores on both sides mean nothing)...
    sibling_min_score: float = 8.0
    #: ...with this share of the best score added when it has the best
    #: candidate's class (an article cut into same-class chunks).
    same_class_bonus_share: float = 0.25
    #: A paragraph beside the best candidate joins it when it has this many
    #: characters and at most ``loose_max_link_share`` link text, or when it
    #: is shorter, has no link and ends like a sentence.
    loose_prose_chars: int = 80
    loose_max_link_share: float = 0.2
    #: Boxes of the best candidate's tag and class this many levels around it
    #: join it too (an article set in several same-class text boxes).
    cousin_levels: int = 3
    #: A list, table or div inside the chosen part is pruned when at least
    #: this share of its text is link text and it has fewer clause marks
    #: than ``link_list_max_clauses`` (a link list, a "more stories" box).
    link_list_min_share: float = 0.5
    link_list_max_clauses: int = 6
    #: The winner must hold at least this many unlinked characters of
    #: scoring paragraphs; less is no article at all (a blog post of two
    #: sentences still has more).
    min_article_chars: int = 100


#: The defaults.
SCORING = ScoringOptions()


@dataclass(slots=True)
class _Run:
    """Text of one paragraph: characters, link characters, clause marks."""

    chars: int = 0
    link_chars: int = 0
    clauses: int = 0


@dataclass(slots=True)
class _Block(_Run):
    """A block's text, as credited to it from the text nodes it holds, in
    total and cut into paragraphs at double line breaks (``<br><br>``),
    which set paragraphs apart on pages written before ``<p>`` was usual."""

    runs: list[_Run] = field(default_factory=list)


class Opinion:
    """What the content scoring chose: the best candidate, the elements taken
    (it and the siblings that belong with it, in page order) and its score.
    The pieces are cut from a pruned copy of those elements when first asked
    for: the arbiter often decides without them."""

    def __init__(
        self,
        top: html.HtmlElement,
        chosen: tuple[html.HtmlElement, ...],
        score: float,
        cut: Callable[[int | None], tuple[list[Piece], list[str]]] | None = None,
    ) -> None:
        self.top = top
        self.chosen = chosen
        self.score = score
        self._cut = cut
        self._chosen_set = frozenset(chosen)

    @cached_property
    def pieces(self) -> list[Piece]:
        return self._cut(None)[0] if self._cut is not None else []

    def first_pieces(self, blocks: int) -> tuple[list[Piece], list[str]]:
        """The pieces of the first ``blocks`` blocks of the chosen elements,
        and the texts of what follows them, cut from the copy before any of
        it is traced: on a page of 50,000 paragraphs the tracing is what costs."""
        return self._cut(blocks) if self._cut is not None else ([], [])

    def holds(self, el: html.HtmlElement | None) -> bool:
        """Whether ``el`` lies in (or is) one of the chosen elements."""
        if el is None:
            return False
        chosen = self._chosen_set
        return el in chosen or any(a in chosen for a in el.iterancestors())


# --- reading the page -------------------------------------------------------------


class _Words:
    """Whether an element's lower-cased class/id/role matches a vocabulary,
    memoised per distinct string. Asked only about the elements scoring
    reaches (the ancestors of text and the candidates), which is cheaper than
    matching every classed element of a big page."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.memo: dict[str, bool] = {}

    def __call__(self, el: html.HtmlElement) -> bool:
        attrib = el.attrib
        if "class" not in attrib and "id" not in attrib and "role" not in attrib:
            return False
        label = f"{attrib.get('class', '')} {attrib.get('id', '')} {attrib.get('role', '')}"
        label = label.lower()
        found = self.memo.get(label)
        if found is None:
            found = self.memo[label] = self.pattern.search(label) is not None
        return found


def common_ancestor(elements: Iterable[html.HtmlElement]) -> html.HtmlElement | None:
    """The nearest element holding all of ``elements`` (None for none)."""
    found: list[html.HtmlElement] | None = None
    for el in elements:
        chain = [el, *el.iterancestors()]
        if found is None:
            found = chain
            continue
        held = set(chain)
        while found and found[0] not in held:
            found.pop(0)
    return found[0] if found else None


def _protected(page: Page, title: html.HtmlElement | None) -> set[html.HtmlElement]:
    """Elements never skipped as chrome whatever their class: those around
    the headline, an ``<article>`` or ``<main>``, or a box named like the
    article's own (a wrapper named for a layout with a sidebar,
    ``container penci_sidebar``, holds the article on some sites)."""
    protected: set[html.HtmlElement] = set(page.with_class(LIKELY_VOCABULARY))
    keep = [*protected, *page.root.iter("article", "main")]
    if title is not None:
        keep.append(title)
    for el in keep:
        for ancestor in el.iterancestors():
            if ancestor in protected:
                break
            protected.add(ancestor)
    return protected


def _hidden(el: html.HtmlElement) -> bool:
    """Marked hidden. An inline ``display: none`` is not enough: paywalls
    hide the article's rest that way, and the saved page holds it whole."""
    return el.get("hidden") is not None or el.get("aria-hidden") == "true"


class _Skipper:
    """Whether an element lies in a part that never holds the article,
    memoised per element (the blocks of one page share most ancestors)."""

    def __init__(self, protected: set[html.HtmlElement], unlikely: _Words) -> None:
        self.protected = protected
        self.unlikely = unlikely
        self.memo: dict[html.HtmlElement, bool] = {}

    def chrome(self, el: html.HtmlElement) -> bool:
        """``el`` itself is never the article's."""
        tag = el.tag
        if tag in SKIPPED_TAGS or _hidden(el):
            return True
        return tag not in _NEVER_CHROME_TAGS and el not in self.protected and self.unlikely(el)

    def skipped(self, el: html.HtmlElement) -> bool:
        path: list[html.HtmlElement] = []
        node: html.HtmlElement | None = el
        answer = False
        while node is not None:
            known = self.memo.get(node)
            if known is not None:
                answer = known
                break
            path.append(node)
            if self.chrome(node):
                answer = True
                break
            node = node.getparent()
        for seen in path:
            self.memo[seen] = answer
        return answer


def _blocks(
    root: html.HtmlElement, skipper: _Skipper, within: html.HtmlElement | None = None
) -> dict[html.HtmlElement, _Block]:
    """Each block of the page (or of the part ``within``) with the text
    credited to it: a text node belongs to its nearest ancestor that is not
    inline markup."""
    texts = _BODY_TEXTS(root) if within is None else _PART_TEXTS(within)
    blocks: dict[html.HtmlElement, _Block] = {}
    owners: dict[html.HtmlElement, tuple[html.HtmlElement, bool]] = {}
    # lxml types an XPath's result loosely: these are text results ("smart
    # strings") that know their element and whether they are a tail.
    for node in cast("list[Any]", texts):
        el = node.getparent()
        if el is None:
            continue
        before = None
        if node.is_tail:  # text after an element is its parent's
            before, el = el, el.getparent()
            if el is None:
                continue
        # The block and whether the text is link text, found once per
        # element that holds text directly (most hold several runs).
        found = owners.get(el)
        if found is None:
            found = owners[el] = _owner(el)
        block_el, linked = found
        block = blocks.get(block_el)
        if block is None:
            block = blocks[block_el] = _Block()
            block.runs.append(_Run())
        elif before is not None and before.tag == "br" and _double_break(before):
            block.runs.append(_Run())
        run = block.runs[-1]
        text = node.strip()
        size = len(text)
        clauses = text.count(",")
        if not text.isascii():
            clauses += len(_WIDE_CLAUSE_MARKS.findall(text))
        block.chars += size
        block.clauses += clauses
        run.chars += size
        run.clauses += clauses
        if linked:
            block.link_chars += size
            run.link_chars += size
    return {
        el: block
        for el, block in blocks.items()
        if isinstance(el.tag, str) and not skipper.skipped(el)
    }


def _double_break(br: html.HtmlElement) -> bool:
    """Whether ``br`` follows another line break with nothing between them."""
    previous = br.getprevious()
    return previous is not None and previous.tag == "br" and not (previous.tail or "").strip()


def _owner(el: html.HtmlElement) -> tuple[html.HtmlElement, bool]:
    """The block that text directly inside ``el`` belongs to, and whether it
    is link text there."""
    linked = False
    node: html.HtmlElement | None = el
    while node is not None and node.tag in TEXT_INLINE_TAGS:
        linked = linked or node.tag == "a"
        parent = node.getparent()
        if parent is None:
            break
        node = parent
    return node if node is not None else el, linked


def _holds_blocks(el: html.HtmlElement) -> bool:
    return any(child.tag not in TEXT_INLINE_TAGS and isinstance(child.tag, str) for child in el)


# --- scoring ----------------------------------------------------------------------


def _points(block: _Run, options: ScoringOptions) -> float:
    """A block's points; 0 for one too short or mostly links."""
    if block.chars < options.min_paragraph_chars:
        return 0.0
    if block.link_chars >= options.max_paragraph_link_share * block.chars:
        return 0.0
    unlinked = block.chars - block.link_chars
    length = min(unlinked / options.chars_per_point, options.max_length_points)
    clauses = min(block.clauses * options.clause_point, options.max_clause_points)
    return options.paragraph_point + length + clauses


class _Scores:
    """Candidates and their scores; a candidate's prior is added once, the
    first time it is credited."""

    def __init__(self, options: ScoringOptions, likely: _Words, unlikely: _Words) -> None:
        self.options = options
        self.priors = dict(options.tag_priors)
        self.likely = likely
        self.unlikely = unlikely
        self.score: dict[html.HtmlElement, float] = {}

    def prior(self, el: html.HtmlElement) -> float:
        # A class with words of both kinds (``entry-footer``) gets both.
        prior = self.priors.get(el.tag, 0.0)
        if self.likely(el):
            prior += self.options.likely_weight
        if self.unlikely(el):
            prior += self.options.unlikely_weight
        return prior

    def credit(self, el: html.HtmlElement, points: float) -> None:
        if el not in self.score:
            self.score[el] = self.prior(el)
        self.score[el] += points


def _score(
    blocks: dict[html.HtmlElement, _Block], options: ScoringOptions, unlikely: _Words
) -> _Scores:
    """Every paragraph's points, passed up to the candidates above it."""
    scores = _Scores(options, _Words(LIKELY_VOCABULARY), unlikely)
    for el, block in blocks.items():
        # A block's own paragraph credits its parent first. Loose text in a
        # container of blocks, or text cut into several paragraphs by double
        # line breaks, makes paragraphs *of* the block: it is credited first.
        first = el if len(block.runs) > 1 or _holds_blocks(el) else el.getparent()
        for run in block.runs:
            points = _points(run, options)
            if points:
                _credit_up(scores, first, points)
    return scores


def _credit_up(scores: _Scores, node: html.HtmlElement | None, points: float) -> None:
    for share in scores.options.propagation:
        if node is None or not isinstance(node.tag, str) or node.tag == "html":
            break
        scores.credit(node, points * share)
        node = node.getparent()


def _ink(text: str) -> int:
    """Characters of ``text`` that are not white space: a length that
    collapsing white space would not change much, counted without copying."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")


def _link_density(el: html.HtmlElement) -> float:
    text = _ink(raw_text(el))
    if not text:
        return 1.0
    linked = sum(_ink(raw_text(a)) for a in el.iter("a"))
    return min(linked / text, 1.0)


def _best(scores: _Scores) -> tuple[html.HtmlElement, float] | None:
    """The candidate with the highest score once scaled by its unlinked share."""
    ranked = heapq.nlargest(
        scores.options.measured_candidates, scores.score.items(), key=lambda item: item[1]
    )
    best: tuple[html.HtmlElement, float] | None = None
    for el, raw in ranked:
        scaled = raw * (1.0 - _link_density(el))
        if best is None or scaled > best[1]:
            best = (el, scaled)
    return best


def _loose_prose(sibling: html.HtmlElement, block: _Block | None, options: ScoringOptions) -> bool:
    """A paragraph beside the best candidate that reads as the article's."""
    if block is None or sibling.tag not in ("p", "div") or _holds_blocks(sibling):
        return False
    if block.chars >= options.loose_prose_chars:
        return block.link_chars <= options.loose_max_link_share * block.chars
    text = clean_text(raw_text(sibling))
    return block.link_chars == 0 and bool(text) and _SENTENCE_END.search(text) is not None


def _with_siblings(
    top: html.HtmlElement,
    best: float,
    scores: _Scores,
    blocks: dict[html.HtmlElement, _Block],
    skipper: _Skipper,
) -> tuple[html.HtmlElement, ...]:
    """``top`` and the siblings that belong with it, in page order."""
    parent = top.getparent()
    if parent is None or top.tag in ("body", "html"):
        return (top,)
    options = scores.options
    least = max(options.sibling_min_score, best * options.sibling_share)
    top_class = top.get("class")
    chosen: list[html.HtmlElement] = []
    for sibling in parent:
        if sibling is top:
            chosen.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or skipper.skipped(sibling):
            continue
        score = scores.score.get(sibling, 0.0)
        if top_class and sibling.get("class") == top_class:
            score += best * options.same_class_bonus_share
        if score >= least or _loose_prose(sibling, blocks.get(sibling), options):
            chosen.append(sibling)
    return tuple(_with_cousins(chosen, top, scores, skipper))


def _with_cousins(
    chosen: list[html.HtmlElement],
    top: html.HtmlElement,
    scores: _Scores,
    skipper: _Skipper,
) -> list[html.HtmlElement]:
    """``chosen`` and the boxes of ``top``'s tag and class a few levels
    around it that scored: page builders set an article in several
    same-class text boxes, each in its own wrapper (a row, a column)."""
    top_class = top.get("class")
    if not top_class:
        return chosen
    scope = top
    for _ in range(scores.options.cousin_levels):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
    if scope is top:
        return chosen
    taken = set(chosen)
    found = list(chosen)
    for other in scope.iter(top.tag):
        if (
            other.get("class") == top_class
            and other not in taken
            and scores.score.get(other, 0.0) > 0
            and not any(a in taken for a in other.iterancestors())
            and not any(d in taken for d in other.iterdescendants())
            and not skipper.skipped(other)
        ):
            found.append(other)
            taken.add(other)
    if len(found) == len(chosen):
        return chosen
    order = {el: i for i, el in enumerate(scope.iter())}
    return sorted(found, key=lambda el: order.get(el, -1))


# --- cutting the chosen part into pieces ------------------------------------------


def _link_list(el: html.HtmlElement, options: ScoringOptions) -> bool:
    """A list, table or box that is mostly links and holds little prose."""
    if el.tag not in ("ul", "ol", "dl", "table", "div", "section"):
        return False
    text = raw_text(el)
    size = _ink(text)
    if not size:
        return False
    linked = sum(_ink(raw_text(a)) for a in el.iter("a"))
    return (
        linked >= options.link_list_min_share * size
        and len(_CLAUSE_MARKS.findall(text)) < options.link_list_max_clauses
    )


def _pruned_copy(
    chosen: Sequence[html.HtmlElement], skipper: _Skipper, options: ScoringOptions
) -> html.HtmlElement:
    """A ``div`` holding copies of ``chosen`` with chrome pruned and tags
    renamed to what :func:`.structure.pieces_from_xml` reads."""
    wrapper = html.Element("div")
    for el in chosen:
        twin = copy.deepcopy(el)
        doomed = [
            twin_node
            for node, twin_node in zip(el.iter(), twin.iter(), strict=True)
            if isinstance(node.tag, str)
            and node is not el
            and (skipper.skipped(node) or _link_list(node, options))
        ]
        for node in doomed:
            _drop(node)
        # Comments would be read as text; the kept text is on one line per
        # block, as in trafilatura's result (a line break is a <br>).
        etree.strip_elements(twin, etree.Comment, etree.ProcessingInstruction, with_tail=False)
        _one_line(twin)
        _paragraph_breaks(twin)
        if twin.tag in _TABLE_PARTS:
            _untable(twin)
        wrapper.append(twin)
    _normalise(wrapper)
    return wrapper


def _drop(el: html.HtmlElement) -> None:
    """Remove ``el`` from its copy, keeping the text after it."""
    parent = el.getparent()
    if parent is None:
        return  # inside a subtree already dropped
    tail = el.tail
    previous = el.getprevious()
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _one_line(root: html.HtmlElement) -> None:
    """Line breaks in the markup's text become spaces, except in ``<pre>``."""
    for el in root.iter():
        if el.tag == "pre" or any(a.tag == "pre" for a in el.iterancestors()):
            continue
        if el.text and _LINE_BREAK in el.text:
            el.text = _BREAKS.sub(" ", el.text)
        if el.tail and _LINE_BREAK in el.tail:
            el.tail = _BREAKS.sub(" ", el.tail)


def _paragraph_breaks(root: html.HtmlElement) -> None:
    """A double line break sets paragraphs apart: the second ``<br>`` becomes
    an empty ``<p>``, which makes the builder cut a paragraph there (and the
    inline element around it a ``div``, see :func:`_normalise`)."""
    for br in list(root.iter("br")):
        previous = br.getprevious()
        if (
            previous is not None
            and previous.tag == "br"
            and not (previous.tail or "").strip()
            and br.getparent() is not None
        ):
            br.tag = "p"


def _untable(el: html.HtmlElement) -> None:
    """A table part chosen on its own: it and its cells become divs."""
    for node in (el, *el.iterdescendants(*_TABLE_PARTS)):
        node.tag = "div"


def _normalise(wrapper: html.HtmlElement) -> None:
    """Rename what the piece builder does not know: an element holding blocks
    becomes a ``div``, a block-level element holding text only a ``p``."""
    for el in reversed(list(wrapper.iterdescendants())):
        tag = el.tag
        if not isinstance(tag, str) or tag in _BUILDER_TAGS:
            continue
        holds = any(child.tag in _BLOCK_TAGS for child in el)
        if holds:
            el.tag = "div"
        elif tag not in TEXT_INLINE_TAGS:
            el.tag = "p"


def _pieces(
    chosen: Sequence[html.HtmlElement],
    skipper: _Skipper,
    index: ElementIndex,
    options: ScoringOptions,
    blocks: int | None = None,
) -> tuple[list[Piece], list[str]]:
    """The pieces of the pruned copy of ``chosen``, and the texts cut off
    after its first ``blocks`` blocks (None: nothing is cut)."""
    wrapper = _pruned_copy(chosen, skipper, options)
    beyond = [] if blocks is None else _cut_after_blocks(wrapper, blocks)
    return pieces_from_xml(wrapper, index), beyond


#: The elements :func:`_cut_after_blocks` counts: one piece of text each.
_COUNTED_BLOCKS = (
    "p",
    "li",
    "tr",
    "pre",
    "blockquote",
    "dt",
    "dd",
    *(f"h{n}" for n in range(1, 7)),
)


def _cut_after_blocks(wrapper: html.HtmlElement, blocks: int) -> list[str]:
    """Remove from ``wrapper`` everything after its ``blocks``-th block in
    page order (1 or more), and give the texts removed, in page order: each
    removed element's and each removed tail's."""
    last = next(itertools.islice(wrapper.iter(*_COUNTED_BLOCKS), max(blocks, 1) - 1, None), None)
    if last is None:  # no more blocks than that
        return []
    removed: list[str] = []
    node = last
    parent = node.getparent()
    while parent is not None and node is not wrapper:
        tail = clean_text(node.tail)
        if tail:
            removed.append(tail)
        node.tail = None
        for sibling in node.itersiblings():
            removed += [t for t in (element_text(sibling), clean_text(sibling.tail)) if t]
        del parent[parent.index(node) + 1 :]
        node, parent = parent, parent.getparent()
    return removed


def _article_chars(
    chosen: Iterable[html.HtmlElement],
    blocks: dict[html.HtmlElement, _Block],
    options: ScoringOptions,
) -> int:
    """Unlinked characters of the scoring paragraphs inside ``chosen``."""
    inside = set(chosen)
    total = 0
    for el, block in blocks.items():
        scoring = sum(run.chars - run.link_chars for run in block.runs if _points(run, options))
        if scoring and (el in inside or any(a in inside for a in el.iterancestors())):
            total += scoring
    return total


def second_opinion(
    page: Page,
    index: ElementIndex,
    title: html.HtmlElement | None = None,
    options: ScoringOptions = SCORING,
    within: html.HtmlElement | None = None,
) -> Opinion | None:
    """The article as content scoring of ``page``'s tree finds it, or None
    when no part of the page holds enough prose. ``title`` is the headline's
    element, if known: the parts around it are never skipped as chrome.
    ``within``: score the text of that part of the page only (its
    candidates may still be the elements around it)."""
    unlikely = _Words(UNLIKELY_VOCABULARY)
    skipper = _Skipper(_protected(page, title), unlikely)
    blocks = _blocks(page.root, skipper, within)
    scores = _score(blocks, options, unlikely)
    best = _best(scores)
    if best is None:
        return None
    top, score = best
    chosen = _with_siblings(top, score, scores, blocks, skipper)
    if _article_chars(chosen, blocks, options) < options.min_article_chars:
        return None
    return Opinion(
        top, chosen, score, lambda blocks: _pieces(chosen, skipper, index, options, blocks)
    )
