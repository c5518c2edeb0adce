"""Field sizes stay sane (issue #13): a value far longer than any headline,
name or tag is a data dump and is refused with a warning naming its source."""

from __future__ import annotations

import json

import articlekit
from articlekit.stage import FIELD_MAX_CHARS

BODY = "<p>" + "The council met on Tuesday and voted on the new rules. " * 8 + "</p>"


def _page(ld: dict[str, object], heading: str = "", head: str = "") -> str:
    return (
        f'<html><head>{head}<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><article>{heading}{BODY}</article></body></html>"
    )


def test_a_headline_the_size_of_an_article_is_refused_with_a_warning() -> None:
    dump = "word " * 2_000
    article = articlekit.parse(_page({"@type": "NewsArticle", "headline": dump}))
    assert article.title is None
    assert any(
        w.startswith("title of 9,999 characters refused") and "NewsArticle.headline" in w
        for w in article.warnings
    ), article.warnings


def test_the_page_heading_is_still_the_title_beside_an_oversized_ld_headline() -> None:
    page = _page(
        {"@type": "NewsArticle", "headline": "x " * 5_000}, "<h1>Council votes on rules</h1>"
    )
    assert articlekit.parse(page).title == "Council votes on rules"


def test_a_long_but_real_headline_is_kept() -> None:
    headline = ("Council votes on the new parking rules for the old town after a long debate " * 3)[
        :250
    ].strip()
    article = articlekit.parse(_page({"@type": "NewsArticle", "headline": headline}))
    assert article.title == headline
    assert not any("refused" in w for w in article.warnings)


def test_oversized_tags_are_dropped_and_the_rest_kept() -> None:
    sentence = "This keyword field holds a whole sentence that somebody pasted in by mistake " * 3
    head = f'<meta name="keywords" content="Parking, Old town, {sentence}">'
    article = articlekit.parse(
        _page({"@type": "NewsArticle", "headline": "Council votes"}, head=head)
    )
    assert "Parking" in article.tags
    assert all(len(tag) <= FIELD_MAX_CHARS["tags"] for tag in article.tags)
    assert any(w.startswith("1 tags entries over 100 characters refused") for w in article.warnings)


def test_a_stage_of_ones_own_is_held_to_the_same_limits() -> None:
    from articlekit import Pipeline
    from articlekit.page import Page
    from articlekit.stage import Draft, Finding

    class LongSection:
        name = "long-section"
        provides = frozenset({"section"})
        requires: frozenset[str] = frozenset()

        def __call__(self, page: Page, so_far: Draft) -> Finding:
            finding = Finding()
            finding.set("section", "Local news " * 40, "test")
            return finding

    pipeline = Pipeline.default().without("jsonld").insert(LongSection(), before="opengraph")
    article = articlekit.parse(_page({}), pipeline=pipeline)
    assert article.section is None
    assert any(w.startswith("section of 440 characters refused") for w in article.warnings)
