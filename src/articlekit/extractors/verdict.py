"""Is this page an article at all? A score, and warnings when the body looks wrong.

A page of navigation links, a photo gallery or a video page still yields
*some* text. This stage weighs the evidence that the page is one article
(:data:`EVIDENCE`) into ``article_score`` between 0 and 1
(``Article.is_article`` is ``article_score >= ARTICLE_SCORE_THRESHOLD``), and
warns when the body is empty, very short, or looks like a gallery or a video
menu, so that a batch can tell those pages apart instead of counting them ok.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..jsonld_parse import type_names
from ..page import Page
from ..pieces import Piece
from ..stage import Draft, Finding
from .jsonld import ARTICLE_TYPES
from .tracing import is_prose

__all__ = [
    "ARTICLE_SCORE_THRESHOLD",
    "EVIDENCE",
    "Evidence",
    "VerdictExtractor",
    "judged_an_article",
]

_WORD = regex.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One kind of evidence that the page is an article, and its weight."""

    id: str
    weight: float
    why: str


#: The evidence, weights summing to 1. Body text weighs most: structured data
#: says what the site's template is, not what this page holds (category pages
#: carry og:type=article on many sites).
EVIDENCE: tuple[Evidence, ...] = (
    Evidence("prose", 0.45, "the body holds sentences of running text"),
    Evidence("length", 0.20, "the body is article-length"),
    Evidence("structured", 0.15, "JSON-LD or og:type says the page is an article"),
    Evidence("title", 0.10, "the page has a headline"),
    Evidence("dated", 0.10, "the page states when it was published"),
)
#: Words in sentences (paragraphs of SENTENCE_MIN_WORDS or more with a
#: sentence end in them) for the full weight of "prose"; fewer give a share of
#: it. A short blog post of two sentences is an article; a list of links,
#: however long, holds no sentence.
SENTENCE_WORDS_FOR_FULL_WEIGHT = 80
SENTENCE_MIN_WORDS = 8
#: A sentence end: ".", "!", "?", "…" or their CJK forms, maybe closed by a
#: quote or bracket, then a space or the end ("…rose 3%." yes; "v2.1" no).
_SENTENCE_END = regex.compile(r"[.!?…。！？][\"'»”’)]?(?:\s|$)")
#: Body words for the full weight of "length"; fewer give a share of it.
WORDS_FOR_FULL_WEIGHT = 250
#: ``Article.is_article`` is true from this score on. A titled page with
#: some 60 words of sentences reaches it; a dated, titled list of links does not.
ARTICLE_SCORE_THRESHOLD = 0.4
#: A body shorter than this many words gets a warning.
SHORT_BODY_WORDS = 50
#: A body with at least this many figures and fewer than GALLERY_MAX_WORDS
#: words is a gallery; one whose players outnumber its prose paragraphs and
#: that has fewer than that many words is a video or audio page.
GALLERY_MIN_FIGURES = 3
GALLERY_MAX_WORDS = 150
#: og:type values that mean an article.
ARTICLE_OG_TYPES = frozenset({"article", "blog", "blogposting", "news", "newsarticle"})


def judged_an_article(score: float | None) -> bool:
    """Whether an ``article_score`` says article; no score (no verdict stage
    ran) is no judgement against the page."""
    return score is None or score >= ARTICLE_SCORE_THRESHOLD


def _structured_article(page: Page) -> bool:
    if any(type_names(obj) & ARTICLE_TYPES - {"WebPage", "ItemPage"} for obj in page.jsonld):
        return True
    og_type = page.meta_first("og:type")
    return og_type is not None and og_type[0].strip().lower() in ARTICLE_OG_TYPES


def _share(value: int, full: int) -> float:
    return min(1.0, value / full) if full else 0.0


class VerdictExtractor:
    """``article_score`` for the page, and warnings about an odd body."""

    name = "verdict"
    provides = frozenset({"article_score"})
    requires: frozenset[str] = frozenset()
    reads = frozenset({"pieces", "candidate_pieces", "title", "published"})

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        pieces: Sequence[Piece] = so_far.get("pieces") or so_far.get("candidate_pieces") or ()
        texts = [p.text for p in pieces if p.text]
        counts = _word_counts(texts)
        words = sum(counts[t].words for t in texts)
        prose = sum(counts[t].prose for t in texts)
        sentence_words = sum(counts[t].sentence_words for t in texts)
        figures = sum(1 for p in pieces if p.shape.kind == "figure")
        players = sum(1 for p in pieces if p.shape.kind == "embed" and not p.text)
        found = {
            "prose": _share(sentence_words, SENTENCE_WORDS_FOR_FULL_WEIGHT),
            "length": _share(words, WORDS_FOR_FULL_WEIGHT),
            "structured": 1.0 if page.text_dump is None and _structured_article(page) else 0.0,
            "title": 1.0 if so_far.get("title") else 0.0,
            "dated": 1.0 if so_far.get("published") is not None else 0.0,
        }
        score = round(sum(e.weight * found[e.id] for e in EVIDENCE), 3)
        finding = Finding()
        finding.set("article_score", score, "+".join(e.id for e in EVIDENCE if found[e.id]))
        finding.warnings += _warnings(words, prose, figures, players)
        return finding


@dataclass(frozen=True, slots=True)
class _Counts:
    """What the verdict reads from one text."""

    words: int
    prose: bool
    #: ``words`` when the text holds a sentence, else 0.
    sentence_words: int


def _word_counts(texts: Sequence[str]) -> dict[str, _Counts]:
    """Each distinct text measured once: a body of megabytes is counted in one
    pass, and a body repeating one paragraph measures it once."""
    counts: dict[str, _Counts] = {}
    for text in texts:
        if text in counts:
            continue
        n = len(_WORD.findall(text))
        sentence = n >= SENTENCE_MIN_WORDS and _SENTENCE_END.search(text) is not None
        counts[text] = _Counts(n, is_prose(text), n if sentence else 0)
    return counts


def _warnings(words: int, prose: int, figures: int, players: int) -> list[str]:
    if words == 0:
        return ["body: no article text found on the page"]
    out = []
    if words < SHORT_BODY_WORDS:
        out.append(f"body: only {words} words; the page may not be an article")
    if figures >= GALLERY_MIN_FIGURES and words < GALLERY_MAX_WORDS:
        out.append(f"body: {figures} figures and {words} words: a gallery, not an article")
    elif players and players > prose and words < GALLERY_MAX_WORDS:
        out.append(f"body: {players} players and {words} words: a video or audio page")
    return out
