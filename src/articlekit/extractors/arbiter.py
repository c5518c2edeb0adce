"""The arbiter between the body stage's pieces and the content scoring's.

Both answers are read from the same page, so they can be compared line by
line and located element by element. The evidence is what transfers from
site to site, not any site's markup:

* **agreement**: how much of the second opinion's text our answer holds, and
  how much of ours it holds (word trigrams, so line cuts do not matter);
* **our extra**: our lines the second opinion lacks, and *where* they lie:
  before the headline (a masthead, navigation), after the part the content
  scoring chose (comments, teaser rails, a site footer), or between the
  headline and that part (where an article's first paragraphs are);
* **markup**: whether our text and our extra sit in the page's marked article
  container (``itemprop=articleBody``, ``article-body``, ``<article>``): a
  page that marks its article is the kind our first pass was built for;
* **prose**: how much running text each answer holds.

The second opinion replaces ours in two cases only. Ours holds almost no
prose and the second opinion holds an article's worth (we found the page's
chrome, not its article). Or the second opinion is nearly all inside ours,
and what ours has beyond it is chrome by where it lies: not in the marked
container, before the headline or after the chosen part, and not a data table
(tables after an article's text are mostly its own; a table that is mostly
links is a menu or an advertisement, not data). A line tracing could not
place lies where its traced neighbours lie. Between the headline and
the chosen part, running text counts against it (an article's first
paragraphs are there); short lines there (labels, a sidebar's blurbs set
before the article in the page's order) count as chrome.
Either way the second opinion must keep a fair share of our prose, so a good
answer of ours is never traded for a fragment of it.

The content scoring costs about as much as a walk of the page's text, so the
body stage asks first whether it could matter: not when all of our prose
lies in the marked container (:func:`could_overrule`); only inside the part
of the page that holds ours when ours has prose (:func:`scope`); and the
second opinion's pieces are cut and compared only when enough of ours lies
outside the part it chose (:func:`worth_weighing`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lxml import html

from ..pieces import Piece
from ..rules import (
    BODY_CONTAINER_TAGS,
    BODY_CONTAINER_VOCABULARY,
    PROSE_END_CHARACTERS,
    PROSE_MIN_WORDS,
)
from ._common import element_text, link_share
from .agreement import Trigram, trigrams, words
from .second_opinion import Opinion, common_ancestor
from .tracing import is_prose, last_character

__all__ = [
    "ARBITER",
    "ArbiterOptions",
    "Evidence",
    "Verdict",
    "arbitrate",
    "could_overrule",
    "scope",
    "weigh",
    "worth_weighing",
]

#: A sentence's end inside a line, with more text after it.
_SENTENCE_END_INSIDE = re.compile(r"[.!?…][\"”’»)]?\s+\S")


@dataclass(frozen=True, slots=True)
class ArbiterOptions:
    """When the second opinion overrules the body stage's first answer.
    Thresholds chosen on the look halves of the body corpora."""

    #: Our answer with fewer prose characters than this found no article...
    empty_prose_chars: int = 150
    #: ...and the second opinion replaces it when it has at least this much
    #: prose (a short blog post has more; a stray caption has less)...
    empty_second_min_prose: int = 300
    #: ...and at least this many times as much as ours.
    empty_second_ratio: float = 2.0
    #: Share of the second opinion's word trigrams that ours must hold: the
    #: two agree on the article, and ours has more around it.
    min_second_covered: float = 0.85
    #: A line of ours is *extra* when less than this share of its trigrams
    #: are the second opinion's.
    extra_line_max_shared: float = 0.5
    #: When at least this share of our text and of our extra lies in the
    #: marked article container, our extra is the article's: ours stays.
    marked_share: float = 0.5
    #: At most this share of our extra may lie between the headline and the
    #: chosen part: that is where an article's first paragraphs are.
    max_extra_between: float = 0.5
    #: At least this share of our extra must be located as chrome (before
    #: the headline or after the chosen part); lines we cannot place, even
    #: by their traced neighbours (see :func:`_inherited_zones`), count
    #: against it.
    min_extra_located: float = 0.3
    #: Before the second opinion's pieces are cut: at least this share of our
    #: text must lie outside the part it chose, or the extra that could be
    #: located as chrome is a line or two, not worth cutting and comparing
    #: the second opinion's pieces for. A speed gate.
    min_outside_share: float = 0.01
    #: The second opinion must keep at least this share of our prose. The
    #: look halves' switches that won kept 0.36 of it or more; of the values
    #: that score the same there, the most cautious is taken.
    min_prose_kept: float = 0.35
    #: A table whose text is at least this share link text is navigation, a
    #: share bar or an advertisement laid out as a table (old table-layout
    #: pages), not data: its rows after the chosen part are located chrome
    #: like any other line, instead of keeping ours as a data table's do.
    #: On the look halves the data tables that kept ours had no links, the
    #: link tables a share of 0.296 or more; every value between scores the
    #: same there, and the most cautious with a margin is taken.
    data_table_max_link_share: float = 0.25


#: The defaults.
ARBITER = ArbiterOptions()


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the arbiter weighs, measured on both answers (characters of text
    unless said otherwise)."""

    ours_prose: int
    second_prose: int
    #: Share of the second opinion's word trigrams ours holds, and the reverse.
    second_covered: float
    ours_covered: float
    #: Our extra lines: all of them, those before the headline, those after
    #: the chosen part, the prose and the other lines between the headline
    #: and it, and the data table rows after it.
    extra: int
    extra_before_title: int
    extra_after: int
    extra_between: int
    extra_between_other: int
    extra_table_after: int
    #: Shares of our text, and of our extra, inside a marked article container.
    ours_marked: float
    extra_marked: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """The pieces to keep, and the name of the choice ("" for ours)."""

    pieces: list[Piece]
    choice: str


@dataclass(frozen=True, slots=True)
class _Line:
    """A piece with what the arbiter reads from its text, measured once."""

    piece: Piece
    chars: int
    prose: bool
    #: Running text: prose, or a long line with a sentence's end inside it
    #: (a paragraph whose last sentence lost its full stop).
    running: bool
    grams: frozenset[Trigram]


def _measure(text: str) -> tuple[bool, bool, frozenset[Trigram]]:
    text_words = words(text)
    enough = len(text_words) >= PROSE_MIN_WORDS
    # As tracing.is_prose: enough words, and the end of a sentence.
    prose = enough and last_character(text) in PROSE_END_CHARACTERS
    running = prose or (enough and _SENTENCE_END_INSIDE.search(text) is not None)
    return prose, running, trigrams(text_words)


def _lines(pieces: Iterable[Piece]) -> list[_Line]:
    """The pieces with text, each measured; a text repeated on the page (a
    paragraph a broken CMS printed 50,000 times) is measured once."""
    measured: dict[str, tuple[bool, bool, frozenset[Trigram]]] = {}
    lines = []
    for piece in pieces:
        text = piece.text
        if not text:
            continue
        known = measured.get(text)
        if known is None:
            known = measured[text] = _measure(text)
        lines.append(_Line(piece, len(text), *known))
    return lines


def _chars(lines: Iterable[_Line]) -> int:
    return sum(line.chars for line in lines)


def _prose_chars(lines: Iterable[_Line]) -> int:
    return sum(line.chars for line in lines if line.prose)


def _all_grams(lines: Iterable[_Line]) -> set[Trigram]:
    grams: set[Trigram] = set()
    for line in lines:
        grams |= line.grams
    return grams


def _is_marked(el: html.HtmlElement) -> bool:
    """An ``<article>``, an ``itemprop=articleBody`` or a container whose
    class/id names the article's body (BODY_CONTAINER_VOCABULARY)."""
    tag = el.tag
    if tag == "article" or el.get("itemprop") == "articleBody":
        return True
    if tag not in BODY_CONTAINER_TAGS:
        return False
    label = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}".lower()
    return BODY_CONTAINER_VOCABULARY.search(label) is not None


class _Marks:
    """Whether an element lies in a marked article container, memoised per
    element: only the ancestors of the lines asked about are looked at,
    which is cheaper than finding every marked container of a big page."""

    def __init__(self) -> None:
        self.memo: dict[html.HtmlElement, bool] = {}

    def inside(self, el: html.HtmlElement | None) -> bool:
        path: list[html.HtmlElement] = []
        answer = False
        while el is not None:
            known = self.memo.get(el)
            if known is not None:
                answer = known
                break
            path.append(el)
            if isinstance(el.tag, str) and _is_marked(el):
                answer = True
                break
            el = el.getparent()
        for seen in path:
            self.memo[seen] = answer
        return answer


def _marked_share(lines: Sequence[_Line], marks: _Marks) -> float:
    total = _chars(lines)
    inside = sum(line.chars for line in lines if marks.inside(line.piece.element))
    return inside / total if total else 0.0


def _extra(
    ours: Sequence[_Line], second_grams: set[Trigram], opinion: Opinion, share: float
) -> list[_Line]:
    """Our lines the second opinion lacks: few of their trigrams are its, or
    (too short for a trigram) they lie outside the part it chose."""
    extra = []
    for line in ours:
        if line.grams:
            if len(line.grams & second_grams) < share * len(line.grams):
                extra.append(line)
        elif not opinion.holds(line.piece.element):
            extra.append(line)
    return extra


@dataclass(frozen=True, slots=True)
class _Places:
    """Where our extra lines lie, in characters."""

    before_title: int = 0
    after: int = 0
    between: int = 0
    between_other: int = 0
    table_after: int = 0


class _Order:
    """Document order of elements as their child-index paths from the root,
    memoised: comparing the paths of a few dozen lines is cheaper than
    numbering every element of a big page."""

    def __init__(self) -> None:
        self.memo: dict[html.HtmlElement, tuple[int, ...]] = {}

    def path(self, el: html.HtmlElement) -> tuple[int, ...]:
        known = self.memo.get(el)
        if known is not None:
            return known
        # Up to the nearest ancestor with a known path, then down again.
        chain: list[html.HtmlElement] = []
        node: html.HtmlElement | None = el
        path: tuple[int, ...] = ()
        while node is not None:
            found = self.memo.get(node)
            if found is not None:
                path = found
                break
            chain.append(node)
            node = node.getparent()
        for child in reversed(chain):
            parent = child.getparent()
            path = () if parent is None else (*path, parent.index(child))
            self.memo[child] = path
        return path


#: Where a line of ours lies, for :func:`_places`.
_AFTER, _BEFORE_TITLE, _BETWEEN, _BETWEEN_OTHER = (
    "after",
    "before-title",
    "between",
    "between-other",
)
#: Where an untraced line's traced neighbours may place it: chrome zones only.
_INHERITED_ZONES = frozenset({_AFTER, _BEFORE_TITLE})


def _places(
    ours: Sequence[_Line],
    extra: Sequence[_Line],
    opinion: Opinion,
    title: html.HtmlElement | None,
    options: ArbiterOptions,
) -> _Places:
    order = _Order()
    link_tables: dict[html.HtmlElement | None, bool] = {}
    first = min(order.path(el) for el in opinion.chosen)
    last = max(order.path(el) for el in opinion.chosen)
    headline = order.path(title) if title is not None else None

    def zone(line: _Line) -> str | None:
        el = line.piece.element
        if el is None or opinion.holds(el):
            return None
        at = order.path(el)
        if at > last:  # after the last chosen element and outside it
            return _AFTER
        if headline is not None and at < headline:
            return _BEFORE_TITLE
        if at < first:
            # An article's first paragraphs are running text; labels, link
            # lines and a sidebar's one-line blurbs set between the headline
            # and the chosen part are not.
            return _BETWEEN if line.running else _BETWEEN_OTHER
        return None

    # Each traced extra line is placed once; the untraced ones read their
    # neighbours' places from here.
    placed = {id(line): zone(line) for line in extra if line.piece.element is not None}
    inherited = _inherited_zones(ours, {id(line) for line in extra}, placed)
    chars = dict.fromkeys((_AFTER, _BEFORE_TITLE, _BETWEEN, _BETWEEN_OTHER), 0)
    table_after = 0
    for line in extra:
        el = line.piece.element
        where = placed[id(line)] if el is not None else inherited.get(id(line))
        if where is None:
            continue
        chars[where] += line.chars
        data_row = line.piece.shape.kind == "table" and (
            el is None or not _in_link_table(el, link_tables, options)
        )
        if where == _AFTER and data_row:
            table_after += line.chars
    return _Places(
        chars[_BEFORE_TITLE], chars[_AFTER], chars[_BETWEEN], chars[_BETWEEN_OTHER], table_after
    )


def _inherited_zones(
    ours: Sequence[_Line], extra: set[int], placed: Mapping[int, str | None]
) -> dict[int, str]:
    """Where our untraced extra lines lie, read from their traced neighbours:
    a line tracing could not place (a list item trafilatura joined from
    several elements, a row of a layout table) lies where the traced lines
    on both sides of it in our list lie, when both (or the one there is, at
    an end of the list) are extra lines in the same chrome zone. A line of
    the article on either side places nothing."""
    found: dict[int, str] = {}
    traced = [i for i, line in enumerate(ours) if line.piece.element is not None]
    for i, line in enumerate(ours):
        if line.piece.element is not None or id(line) not in extra:
            continue
        at = bisect.bisect_left(traced, i)
        sides = [ours[j] for j in traced[max(at - 1, 0) : at + 1]]
        if not sides or any(id(side) not in extra for side in sides):
            continue
        zones = {placed[id(side)] for side in sides}
        if len(zones) == 1 and (only := zones.pop()) in _INHERITED_ZONES:
            found[id(line)] = only
    return found


def _in_link_table(
    el: html.HtmlElement,
    memo: dict[html.HtmlElement | None, bool],
    options: ArbiterOptions,
) -> bool:
    """Whether the table around ``el`` (a row or a cell) is mostly link text."""
    table = el if el.tag == "table" else next(el.iterancestors("table"), None)
    known = memo.get(table)
    if known is None:
        text = element_text(table) if table is not None else ""
        known = memo[table] = (
            table is not None and link_share(table, text) >= options.data_table_max_link_share
        )
    return known


def weigh(
    ours: Sequence[Piece],
    second: Sequence[Piece],
    opinion: Opinion,
    title: html.HtmlElement | None,
    options: ArbiterOptions = ARBITER,
) -> Evidence:
    """The evidence about ``ours`` and the second opinion's pieces ``second``."""
    our_lines, second_lines = _lines(ours), _lines(second)
    ours_grams, second_grams = _all_grams(our_lines), _all_grams(second_lines)
    shared = len(ours_grams & second_grams)
    extra = _extra(our_lines, second_grams, opinion, options.extra_line_max_shared)
    places = _places(our_lines, extra, opinion, title, options)
    marks = _Marks()
    return Evidence(
        ours_prose=_prose_chars(our_lines),
        second_prose=_prose_chars(second_lines),
        second_covered=shared / len(second_grams) if second_grams else 0.0,
        ours_covered=shared / len(ours_grams) if ours_grams else 0.0,
        extra=_chars(extra),
        extra_before_title=places.before_title,
        extra_after=places.after,
        extra_between=places.between,
        extra_between_other=places.between_other,
        extra_table_after=places.table_after,
        ours_marked=_marked_share(our_lines, marks),
        extra_marked=_marked_share(extra, marks),
    )


def _has_prose(pieces: Iterable[Piece], least: int) -> bool:
    """Whether ``pieces`` hold ``least`` characters of prose (stops there)."""
    found = 0
    for piece in pieces:
        if piece.text and is_prose(piece.text):
            found += len(piece.text)
            if found >= least:
                return True
    return False


def could_overrule(ours: Sequence[Piece], options: ArbiterOptions = ARBITER) -> bool:
    """Whether any second opinion could replace ``ours``: not when ours has
    an article's prose and every line of it lies in the page's marked
    article container (then our extra is marked too, and stays). Checked
    before the content scoring runs, which it spares on most pages that
    mark their article."""
    if not _has_prose(ours, options.empty_prose_chars):
        return True
    marks = _Marks()
    return any(p.text and not marks.inside(p.element) for p in ours)


def scope(ours: Sequence[Piece], options: ArbiterOptions = ARBITER) -> html.HtmlElement | None:
    """Where a second opinion that could replace ``ours`` must be found: when
    ours holds prose, only one that agrees with it can (most of its text
    ours), so the part of the page that holds all of ours is scored, not
    the page (that is less than half of a page's elements on most pages);
    when ours found nothing, the whole page (None)."""
    if not _has_prose(ours, options.empty_prose_chars):
        return None
    region = common_ancestor(p.element for p in ours if p.element is not None)
    return None if region is None or region.tag in ("html", "body") else region


def worth_weighing(
    ours: Sequence[Piece], opinion: Opinion, options: ArbiterOptions = ARBITER
) -> bool:
    """Whether the chosen part leaves enough of our text outside it for our
    extra to be chrome around it (or ours found nothing): checked before the
    second opinion's pieces are cut and compared. Our lines outside the
    chosen part are where located extra can only be."""
    if not _has_prose(ours, options.empty_prose_chars):
        return True
    total = outside = 0
    for piece in ours:
        total += len(piece.text)
        if piece.element is not None and not opinion.holds(piece.element):
            outside += len(piece.text)
    return outside >= options.min_outside_share * total


def _found_nothing(evidence: Evidence, options: ArbiterOptions) -> bool:
    """Ours holds no article and the second opinion holds one."""
    return evidence.ours_prose < options.empty_prose_chars and evidence.second_prose >= max(
        options.empty_second_min_prose, options.empty_second_ratio * evidence.ours_prose
    )


def _extra_is_chrome(evidence: Evidence, options: ArbiterOptions) -> bool:
    """The two agree on the article and what ours has beyond it is chrome by
    where it lies."""
    extra = evidence.extra
    if not extra:
        return False
    if evidence.second_covered < options.min_second_covered:
        return False
    if evidence.second_prose < options.min_prose_kept * evidence.ours_prose:
        return False
    if (
        evidence.ours_marked >= options.marked_share
        and evidence.extra_marked >= options.marked_share
    ):
        return False
    if evidence.extra_between > options.max_extra_between * extra:
        return False
    if evidence.extra_table_after:
        return False
    located = evidence.extra_before_title + evidence.extra_after + evidence.extra_between_other
    return located >= options.min_extra_located * extra


def arbitrate(
    ours: list[Piece],
    second: list[Piece],
    evidence: Evidence,
    options: ArbiterOptions = ARBITER,
) -> Verdict:
    """Our pieces or the second opinion's, as the evidence says."""
    if _found_nothing(evidence, options):
        return Verdict(second, "second-opinion:ours-empty")
    if _extra_is_chrome(evidence, options):
        return Verdict(second, "second-opinion:chrome-around")
    return Verdict(ours, "")
