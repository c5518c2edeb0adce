"""Is the page an article? The verdict stage's score and warnings."""

from __future__ import annotations

from pathlib import Path

import articlekit
from articlekit.extractors.verdict import ARTICLE_SCORE_THRESHOLD

EVERY_BLOCK_PAGE = Path(__file__).parents[1] / "examples" / "ferry-pier.html"

NAV_ONLY = (
    "<html><head><title>Sections</title></head><body><nav><a href='/a'>News</a> "
    "<a href='/b'>Sport</a> <a href='/c'>Weather</a></nav><ul>"
    "<li><a href='/x'>Ferry fares to rise in the spring</a></li>"
    "<li><a href='/y'>Storm closes the pier again</a></li></ul></body></html>"
)

GALLERY = (
    "<html><head><title>In pictures: the new pier</title></head><body><article>"
    "<h1>In pictures: the new pier</h1>"
    + "".join(
        f'<figure><img src="/p{n}.jpg" width="800" alt="Photo {n}">'
        f"<figcaption>Photo {n} of the pier</figcaption></figure>"
        for n in range(6)
    )
    + "<p>Photos of the opening day at the harbour.</p></article></body></html>"
)

SHORT_POST = (
    "<html><head><title>Back on Monday</title></head><body><article><h1>Back on Monday</h1>"
    "<p>The office is closed for the holiday weekend, and the shop reopens on Monday at nine. "
    "Orders placed before then will ship on Tuesday, as usual, and the phone line stays open "
    "for questions about them. We will post the new opening hours for the summer here next "
    "week, once the council has agreed the market days.</p></article></body></html>"
)


def test_an_article_page_is_an_article() -> None:
    article = articlekit.parse(EVERY_BLOCK_PAGE.read_bytes())
    assert article.article_score is not None
    assert article.article_score >= 0.8
    assert article.is_article
    assert not [w for w in article.warnings if w.startswith("body:")]


def test_a_page_of_links_is_no_article_and_says_so() -> None:
    article = articlekit.parse(NAV_ONLY)
    assert article.article_score is not None
    assert article.article_score < ARTICLE_SCORE_THRESHOLD
    assert not article.is_article
    assert any("may not be an article" in w for w in article.warnings)


def test_a_gallery_is_flagged() -> None:
    article = articlekit.parse(GALLERY, url="https://harbour.example/gallery")
    assert len(article.images) == 6
    assert any("a gallery" in w for w in article.warnings)


def test_a_short_post_of_three_sentences_is_still_an_article() -> None:
    article = articlekit.parse(SHORT_POST)
    assert article.is_article
    assert article.word_count == 57
    assert not [w for w in article.warnings if w.startswith("body:")]


def test_the_score_says_which_evidence_it_found() -> None:
    article = articlekit.parse(NAV_ONLY)
    assert article.provenance["article_score"].startswith("verdict:")
    assert "prose" not in article.provenance["article_score"]


def test_without_the_verdict_stage_nothing_is_judged() -> None:
    pipeline = articlekit.Pipeline.default().without("verdict")
    article = articlekit.parse(NAV_ONLY, pipeline=pipeline)
    assert article.article_score is None
    assert article.is_article  # no judgement is no verdict against the page
