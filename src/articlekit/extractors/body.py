"""The body before chrome stripping: trafilatura on a copy of the parsed tree.

trafilatura's structured result (its XML body) is cut into pieces of blocks,
each traced once to its page element (:mod:`.structure`, :mod:`.tracing`);
the marked-container check, the arbiter, split bodies, the lede and the
article's figures all work on those pieces.

Each list weighed is judged once by the element rows of the cleaning table
(:mod:`.element_rules`), and the stage decides with the pieces they keep;
it does not drop them. It hands on the chosen list with the rejected pieces
in place and the verdicts beside it (``element_verdicts``): the cleaning stage
(``chrome``) applies them, with the text rows, and records each removal.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from typing import Any

import regex
from lxml import html

from ..article import Removal
from ..page import Page
from ..pieces import Piece, Shape, text_pieces
from ..rules import (
    BODY_CONTAINER_TAGS,
    BODY_CONTAINER_VOCABULARY,
    CONTAINER_CHECK,
    INLINE_POPUP_MAX_DEPTH,
    INLINE_POPUP_MIN_LINK_SHARE,
    INLINE_POPUP_VOCABULARY,
    LEDE_MIN_CHARS,
    ContainerCheck,
)
from ..stage import Draft, Finding
from ..textdump import split_dump
from ._common import clean_text, element_text, link_share, match_key, more_nodes
from .agreement import agreement
from .arbiter import (
    ARBITER,
    ArbiterOptions,
    Verdict,
    arbitrate,
    could_overrule,
    scope,
    weigh,
    worth_weighing,
)
from .element_rules import Judged, judge
from .media import with_media
from .second_opinion import SCORING, Opinion, ScoringOptions, second_opinion
from .structure import pieces_from_xml
from .tracing import ElementIndex

__all__ = ["BodyExtractor", "BodyOptions"]

_WORD = regex.compile(r"\w+")
#: The rule id and reason of our lines the arbiter replaced by the second opinion.
_ARBITER_RULE = "second-opinion"
_ARBITER_REASON = "outside the article the content scoring found, where chrome lies"
#: The source of a huge page's body (see ``huge_pages_scored_only``).
_SCORED_ONLY_SOURCE = "second-opinion:huge-page"
#: The source of a short fast answer the content scoring sided with.
_FAST_CONFIRMED_SOURCE = "trafilatura:fast-agreed"
#: The rule id and reason of a huge page's blocks past ``huge_page_max_blocks``.
_HUGE_PAGE_RULE = "huge-page"
_HUGE_PAGE_REASON = "past the number of blocks a huge page's body keeps"
#: Nodes trafilatura's copy of the page loses before extraction.
_ALWAYS_PRUNED = ("//comment()", "//processing-instruction()")


@dataclass(frozen=True, slots=True)
class BodyOptions:
    """How trafilatura is asked to extract (metadata stays off: we do our own)."""

    include_tables: bool = True
    #: Also extract readers' comments, into ``Article.comments`` (never the
    #: body): trafilatura finds the comment section and gives its texts.
    include_comments: bool = False
    favor_precision: bool = False
    favor_recall: bool = False
    #: Skip trafilatura's second opinions (readability, jusText): about twice as
    #: fast, and after our chrome stage no less accurate on the dev corpora.
    fast: bool = True
    #: When the fast pass returns fewer characters than this, the full cascade
    #: runs too and the longer text is kept (a short article costs two
    #: passes), unless the content scoring of the whole page agrees with the
    #: fast answer (``disputed_max_agreement`` or more) and more than with the
    #: longer one: then the full cascade only added chrome. 1,000 keeps 0.4
    #: points more snippets on trafilatura-evaldata but costs 8% of the total
    #: parse time (min-of-3 timing), on big pages whose fast answer is short.
    full_cascade_below_chars: int = 500
    #: ...but not on a page with more nodes (elements, comments) than this:
    #: the full cascade's jusText and readability rescues cost seconds on a
    #: huge page (most of the 12 s a short story over 100,000 links took
    #: before this bound). The largest of the 2,996 dev corpus pages has 10,534
    #: nodes, so no real page loses the rescue. Counted with an iterator
    #: that stops at the bound, so the check costs at most this many steps.
    full_cascade_max_nodes: int = 15_000
    #: A fast answer shorter than this (but not shorter than
    #: ``full_cascade_below_chars``) is checked against the content scoring
    #: of the whole page (:mod:`.second_opinion`). When the two disagree
    #: (:func:`~.agreement.agreement` below ``disputed_max_agreement``), the
    #: full cascade is asked too, and its answer is kept when it agrees with
    #: the scoring by ``disputed_min_gain`` more than the fast one: the fast
    #: pass had taken a login box, or one fragment of a story whose rest sits
    #: in text between rules, in a speaker's bio, after a quote. Where the
    #: full cascade only adds a comment form or a blog's description, it
    #: agrees less and the fast answer stays. The check costs a scoring of
    #: the whole page, so it is kept to the shortest answers, where fragments
    #: are. None: never.
    disputed_below_chars: int | None = 1_200
    disputed_max_agreement: float = 0.6
    disputed_min_gain: float = 0.1
    #: ...and the full cascade is asked only when the scoring found more text
    #: than the fast pass (this many times as much): it can only help by
    #: finding what the fast pass missed, and it costs a second extraction.
    disputed_min_more_text: float = 1.0
    #: On a page with more nodes than this, trafilatura is handed only the
    #: ``<article>`` or ``<main>`` around the headline (when that has at most
    #: this many nodes): trafilatura's time grows with the whole tree (some
    #: 15-25 microseconds a node: 2.7 s for a short story followed by 100,000
    #: links, 12.7 s for 15 MB of short items), while the article is one part
    #: of it. Three times the largest dev page (10,534 nodes), so no dev page
    #: is bounded; None: never bound.
    trafilatura_max_nodes: int | None = 30_000
    #: ...and the part's extraction is kept only when it holds at least this
    #: many characters; less (the part holds only the header), and the whole
    #: page is extracted after all.
    bounded_min_chars: int = 150
    #: A page over ``trafilatura_max_nodes`` with no such part (the headline
    #: sits in no ``<article>``/``<main>`` within the bound) is not given to
    #: trafilatura at all: the content scoring alone (:mod:`.second_opinion`,
    #: linear in the page) gives the body, and ``warnings`` say so.
    #: trafilatura's pass over such a page costs seconds (some 70
    #: microseconds a paragraph), and the arbiter would weigh the two at the
    #: same size again. False: trafilatura reads the whole page however big.
    huge_pages_scored_only: bool = True
    #: ...and such a page's body keeps at most this many blocks, in page
    #: order; the others are recorded as removed (rule ``huge-page``) and
    #: ``warnings`` say so. Every block costs the tracing, judging, cleaning and
    #: assembling stages some tens of microseconds, so a page of 50,000
    #: paragraphs would take seconds more; the longest body on the 2,996 dev
    #: corpus pages has 712 blocks. None: no bound.
    huge_page_max_blocks: int | None = 10_000
    #: Second opinion from the page's marked body container; None: off.
    container_check: ContainerCheck | None = CONTAINER_CHECK
    #: Judge lines by where they sit (teaser cards, captions, author bios;
    #: the element rows of :data:`articlekit.rules.CLEANING_RULES`): the
    #: stage decides with the lines they keep, the cleaning stage drops the
    #: others. False: every line is kept.
    block_rules: bool = True
    #: Add back the prose of an article cut into same-class containers, which
    #: trafilatura's fast mode reads only the first of.
    continue_split_bodies: bool = True
    #: Add back text blocks set between two of the article's paragraphs in the
    #: same container (lists of tips, quotes), which trafilatura sometimes drops.
    add_sandwiched_blocks: bool = True
    #: Remove hover cards set inside paragraphs (see INLINE_POPUP_VOCABULARY).
    drop_inline_popups: bool = True
    #: A marked lede (the ``subtitle`` field) at least this long that the text
    #: lacks opens the body; see LEDE_MIN_CHARS. None: never.
    lede_min_chars: int | None = LEDE_MIN_CHARS
    #: Add the article's figures and embedded players (read from the page
    #: around the extracted text) as blocks.
    media: bool = True
    #: Content scoring of the same tree (:mod:`.second_opinion`), weighed
    #: against trafilatura's answer by :mod:`.arbiter`; None: off.
    second_opinion: ScoringOptions | None = SCORING
    arbiter: ArbiterOptions = ARBITER


class BodyExtractor:
    """Candidate pieces of the main text, each with its element, in page order."""

    name = "body"
    provides = frozenset({"candidate_pieces", "element_verdicts", "comments"})
    requires: frozenset[str] = frozenset()
    #: The marked lede opens the body when the text lacks it; the headline's
    #: element places figures when no extracted text can be traced.
    reads = frozenset({"subtitle", "title_element"})

    def __init__(self, options: BodyOptions = BodyOptions()) -> None:
        self.options = options

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        if page.text_dump is not None:
            _, lines = split_dump(page.text_dump)
            finding.set("candidate_pieces", tuple(text_pieces(lines)), "text:lines")
            return finding
        bounded = self._bounded(page, so_far)
        if bounded is None:
            return self._from_scoring(page, so_far, finding)
        body, text, comments, source = bounded
        if comments:
            finding.set("comments", comments, "trafilatura:comments")
        index = ElementIndex(page.root)
        if (
            self.options.fast
            and len(text) < self.options.full_cascade_below_chars
            and not more_nodes(page.root, self.options.full_cascade_max_nodes)
        ):
            # The fast pass found little: trafilatura's full cascade (its
            # readability and jusText second opinions) often finds the rest.
            fuller_body, fuller, _ = self._trafilatura(page, fast=False)
            if len(fuller) > len(text):
                if self._fast_confirmed(page, so_far, index, text, fuller):
                    source = _FAST_CONFIRMED_SOURCE
                else:
                    body, source = fuller_body, "trafilatura:full-cascade"
        left_out: list[Removal] = []
        first = pieces_from_xml(body, index, left_out)
        if source == "trafilatura" and self._disputable(page, text):
            settled = self._settled(page, so_far, index, first)
            if settled is not None:
                first, left_out = settled
                source = "trafilatura:full-cascade-agreed"
        judged = self._judge(first)
        if self.options.container_check is not None:
            from_container = self._from_marked_container(page, judged.kept, index)
            if from_container is not None:
                judged = self._judge(from_container)
                source = "trafilatura:marked-container"
        if self.options.second_opinion is not None:
            judged, source = self._arbitrated(page, so_far, judged, index, source, finding)
        return self._finished(page, so_far, finding, judged, index, source, left_out)

    def _finished(
        self,
        page: Page,
        so_far: Draft,
        finding: Finding,
        judged: Judged,
        index: ElementIndex,
        source: str,
        left_out: list[Removal],
    ) -> Finding:
        """``finding`` with the chosen pieces, completed (split bodies, blocks
        between paragraphs, media, the lede) and with the rejected ones beside
        them."""
        pieces = judged.kept
        if self.options.continue_split_bodies:
            pieces = index.continue_split_body(pieces)
        if self.options.add_sandwiched_blocks:
            pieces = index.add_sandwiched_blocks(pieces, judged.pieces)
        if self.options.media:
            pieces = with_media(pieces, page.url, _article_around(so_far.get("title_element")))
        finding.removed = [*left_out, *finding.removed]
        lede = self._missing_lede(so_far, pieces)
        if lede is not None:
            pieces = [Piece(lede, None, Shape("paragraph")), *pieces]
        if not pieces:
            # The element rows rejected every line and nothing was added: there
            # is no body to clean. Left unset, the candidates cannot stand in
            # for a cleaned body; the rejections are recorded here, since no
            # cleaning stage will see them.
            finding.removed = [*finding.removed, *judged.removals(self.name)]
            return finding
        # The rejected pieces go on with their verdicts: the cleaning stage drops them.
        candidates = judged.around(pieces)
        finding.set("candidate_pieces", tuple(candidates.pieces), source)
        finding.set("element_verdicts", candidates.verdicts, "element-rows")
        return finding

    def _from_scoring(self, page: Page, so_far: Draft, finding: Finding) -> Finding:
        """The body of a huge page from the content scoring alone."""
        assert self.options.second_opinion is not None
        index = ElementIndex(page.root)
        opinion = second_opinion(
            page, index, so_far.get("title_element"), self.options.second_opinion
        )
        finding.warnings.append(
            f"body: a page over {self.options.trafilatura_max_nodes:,} nodes with no article"
            " part that small; its body comes from the content scoring alone"
        )
        bound = self.options.huge_page_max_blocks
        pieces: list[Piece] = []
        beyond: list[str] = []
        if opinion is not None:
            pieces, beyond = (opinion.pieces, []) if bound is None else opinion.first_pieces(bound)
        if beyond:
            finding.warnings.append(
                f"body: kept the first {bound:,} blocks of a huge page; the"
                f" {len(beyond):,} texts after them are recorded as removed"
            )
        left_out = [
            Removal(stage=self.name, rule=_HUGE_PAGE_RULE, text=text, reason=_HUGE_PAGE_REASON)
            for text in beyond
        ]
        judged = self._judge(pieces)
        return self._finished(page, so_far, finding, judged, index, _SCORED_ONLY_SOURCE, left_out)

    def _bounded(self, page: Page, so_far: Draft) -> tuple[Any, str, tuple[str, ...], str] | None:
        """trafilatura's body, text and comments, and their source: of the article
        around the headline alone on a page over ``trafilatura_max_nodes``
        nodes (see there), else of the page. None: the page is over the bound
        with no article part within it, and is left to the content scoring
        (see ``huge_pages_scored_only``)."""
        options = self.options
        bound = options.trafilatura_max_nodes
        if bound is not None and more_nodes(page.root, bound):
            part = _article_around(so_far.get("title_element"))
            if part is not None and not more_nodes(part, bound):
                alone = html.document_fromstring("<html><body></body></html>")
                alone[0].append(copy.deepcopy(part))  # <html><body>
                body, text, comments = self._trafilatura(page, fast=options.fast, tree=alone)
                if len(text) >= options.bounded_min_chars:
                    return body, text, comments, "trafilatura:article-part"
            elif options.huge_pages_scored_only and options.second_opinion is not None:
                return None
        body, text, comments = self._trafilatura(page, fast=options.fast)
        return body, text, comments, "trafilatura"

    def _fast_confirmed(
        self, page: Page, so_far: Draft, index: ElementIndex, fast: str, fuller: str
    ) -> bool:
        """Whether the content scoring of the whole page sides with the short
        fast answer ``fast`` against the full cascade's longer ``fuller``: it
        agrees with the fast answer (``disputed_max_agreement`` or more) and
        more than with the full cascade's. The article is short, and what the
        full cascade added (a comment thread, other stories' teasers) is
        chrome: two of the three extractions say so."""
        options = self.options
        scored = self._scored_texts(page, so_far, index)
        if scored is None:
            return False
        fast_agreement = agreement(fast.splitlines(), scored)
        return fast_agreement >= options.disputed_max_agreement and fast_agreement > agreement(
            fuller.splitlines(), scored
        )

    def _scored_texts(self, page: Page, so_far: Draft, index: ElementIndex) -> list[str] | None:
        """The texts of the elements the content scoring of the whole page
        chose, or None when it is off or found no article. The chosen
        elements' text, not the opinion's pieces: cutting those from a pruned
        copy costs more than a vote between answers is worth."""
        options = self.options.second_opinion
        if options is None:
            return None
        opinion = second_opinion(page, index, so_far.get("title_element"), options)
        return None if opinion is None else [element_text(el) for el in opinion.chosen]

    def _disputable(self, page: Page, text: str) -> bool:
        """Whether the fast answer ``text`` is short enough to be checked
        against the content scoring (see ``disputed_below_chars``)."""
        options = self.options
        below = options.disputed_below_chars
        return (
            options.fast
            and options.second_opinion is not None
            and below is not None
            and options.full_cascade_below_chars <= len(text) < below
            and not more_nodes(page.root, options.full_cascade_max_nodes)
        )

    def _settled(
        self, page: Page, so_far: Draft, index: ElementIndex, fast: list[Piece]
    ) -> tuple[list[Piece], list[Removal]] | None:
        """The full cascade's pieces and what tracing left out of them, when
        the content scoring disputes the fast answer and agrees with the full
        cascade's clearly more; else None."""
        options = self.options
        scored = self._scored_texts(page, so_far, index)
        if scored is None:
            return None
        fast_chars = sum(len(p.text) for p in fast)
        if sum(map(len, scored)) < options.disputed_min_more_text * fast_chars:
            return None
        fast_agreement = agreement((p.text for p in fast), scored)
        if fast_agreement >= options.disputed_max_agreement:
            return None
        fuller_body, fuller, _ = self._trafilatura(page, fast=False)
        if len(fuller) <= fast_chars:
            return None
        left_out: list[Removal] = []
        fuller_pieces = pieces_from_xml(fuller_body, index, left_out)
        gain = agreement((p.text for p in fuller_pieces), scored) - fast_agreement
        return (fuller_pieces, left_out) if gain >= options.disputed_min_gain else None

    def _arbitrated(
        self,
        page: Page,
        so_far: Draft,
        ours: Judged,
        index: ElementIndex,
        source: str,
        finding: Finding,
    ) -> tuple[Judged, str]:
        """Our judged pieces or the second opinion's, as the arbiter decides
        between the pieces each keeps."""
        options = self.options.second_opinion
        assert options is not None
        pieces = ours.kept
        if not could_overrule(pieces, self.options.arbiter):
            return ours, source
        within = scope(pieces, self.options.arbiter)
        opinion = second_opinion(page, index, so_far.get("title_element"), options, within)
        if opinion is None or not worth_weighing(pieces, opinion, self.options.arbiter):
            return ours, source
        second = self._judge(opinion.pieces)
        verdict = self._verdict(pieces, second.kept, opinion, so_far)
        if verdict.pieces is pieces:
            return ours, source
        # Our lines the second opinion lacks are removals too, under the
        # arbiter's rule; so are those the element rows took from our list,
        # which the cleaning stage never sees.
        kept = {match_key(p.text) for p in verdict.pieces}
        replaced = [
            Removal(stage=self.name, rule=_ARBITER_RULE, text=p.text, reason=_ARBITER_REASON)
            for p in pieces
            if p.text and match_key(p.text) not in kept
        ]
        finding.removed = [*finding.removed, *ours.removals(self.name), *replaced]
        return second, f"{source}+{verdict.choice}"

    def _verdict(
        self, ours: list[Piece], second: list[Piece], opinion: Opinion, so_far: Draft
    ) -> Verdict:
        options = self.options.arbiter
        evidence = weigh(ours, second, opinion, so_far.get("title_element"), options)
        return arbitrate(ours, second, evidence, options)

    def _missing_lede(self, so_far: Draft, pieces: list[Piece]) -> str | None:
        """The marked lede, when it is long enough to be the article's first
        paragraph and the extractor left it out (it sits in the header)."""
        lede = so_far.get("subtitle")
        least = self.options.lede_min_chars
        if not isinstance(lede, str) or least is None or len(lede) < least:
            return None
        words = _words(lede)
        if words in _words(" ".join(p.text for p in pieces)):
            return None
        return lede

    def _judge(self, pieces: list[Piece]) -> Judged:
        """``pieces`` with the element rows' verdicts (all kept when they are off)."""
        return judge(pieces) if self.options.block_rules else Judged.unjudged(pieces)

    def _from_marked_container(
        self, page: Page, pieces: list[Piece], index: ElementIndex
    ) -> list[Piece] | None:
        """The container's own extraction, when the first one mostly missed it."""
        check = self.options.container_check
        assert check is not None
        candidates = page.with_itemprop("articleBody") or [
            el for el in page.with_class(BODY_CONTAINER_VOCABULARY) if el.tag in BODY_CONTAINER_TAGS
        ]
        if not candidates:
            return None
        # The outermost candidates hold the others' text: only they are measured.
        marked = set(candidates)
        outermost = [el for el in candidates if not any(a in marked for a in el.iterancestors())]
        sizes = {el: len(element_text(el)) for el in outermost}
        box = max(outermost, key=sizes.__getitem__)
        if sizes[box] < check.min_container_chars:
            return None
        bound = self.options.trafilatura_max_nodes
        if bound is not None and more_nodes(box, bound):
            return None  # a second trafilatura pass over a huge part: see trafilatura_max_nodes
        total = sum(len(p.text) for p in pieces)
        inside = sum(len(p.text) for p in pieces if _within(p.element, box))
        if total and inside / total >= check.min_share_inside:
            return None
        alone = html.document_fromstring("<html><body></body></html>")
        alone[0].append(copy.deepcopy(box))  # <html><body>
        body, _, _ = self._trafilatura(page, fast=True, tree=alone)
        second = pieces_from_xml(body, index)
        if not second or sum(len(p.text) for p in second) < check.min_length_ratio * total:
            return None
        return second

    def _trafilatura(
        self, page: Page, *, fast: bool, tree: html.HtmlElement | None = None
    ) -> tuple[Any, str, tuple[str, ...]]:
        """trafilatura's structured result (its XML body, or None), its text,
        and the readers' comments it found when they are asked for."""
        import trafilatura  # lazy: ~160 ms to import

        # trafilatura copies a tree it is given before pruning it, so the
        # page's own tree is handed over and what we remove is removed from
        # that copy (prune_xpath), not from the page. Comments and processing
        # instructions change which container it picks (one page lost half its
        # text to them).
        # Markup is parsed without them; a tree the caller built may hold some.
        prune = list(_ALWAYS_PRUNED) if page.encoding == "tree" else []
        if tree is None:
            tree = page.root
            if self.options.drop_inline_popups:
                prune += _inline_popups(page)
        document = trafilatura.bare_extraction(
            tree,
            url=page.url,
            with_metadata=False,
            include_comments=self.options.include_comments,
            include_tables=self.options.include_tables,
            favor_precision=self.options.favor_precision,
            favor_recall=self.options.favor_recall,
            fast=fast,
            prune_xpath=prune or None,
        )
        comments = (
            _comment_texts(getattr(document, "commentsbody", None))
            if self.options.include_comments
            else ()
        )
        return getattr(document, "body", None), getattr(document, "text", None) or "", comments


def _inline_popups(page: Page) -> list[str]:
    """Tree paths of hover cards inside paragraphs: two links or more and
    mostly links. Of nested matches the innermost is the card; the ones
    around it also hold the name that opens it, which is the sentence's."""
    cards = set()
    for el in page.with_class(INLINE_POPUP_VOCABULARY):
        ancestors = itertools.islice(el.iterancestors(), INLINE_POPUP_MAX_DEPTH)
        if not any(a.tag == "p" for a in ancestors):
            continue
        text = clean_text(el.text_content())
        links = sum(1 for _ in el.iter("a"))
        if links >= 2 and link_share(el, text) >= INLINE_POPUP_MIN_LINK_SHARE:
            cards.add(el)
    innermost = [el for el in cards if not any(d in cards for d in el.iterdescendants())]
    return [el.getroottree().getpath(el) for el in innermost]


#: Elements that hold one whole article; the nearest one around the headline
#: is where figures are looked for when no extracted text could be traced.
_ARTICLE_TAGS = frozenset({"article", "main"})


def _article_around(headline: object) -> html.HtmlElement | None:
    if not isinstance(headline, html.HtmlElement):
        return None
    return next((a for a in headline.iterancestors() if a.tag in _ARTICLE_TAGS), None)


def _words(text: str) -> str:
    """Words only, case-folded, soft hyphens dropped: a lede matches its copy
    in the text whatever the markup."""
    return " ".join(_WORD.findall(match_key(text).casefold()))


def _within(el: html.HtmlElement | None, box: html.HtmlElement) -> bool:
    return el is not None and (el is box or any(a is box for a in el.iterancestors()))


def _comment_texts(comments: Any) -> tuple[str, ...]:
    """The texts of trafilatura's comment section, one per paragraph it holds."""
    if comments is None:
        return ()
    texts = (clean_text("".join(child.itertext())) for child in comments)
    return tuple(text for text in texts if text)
