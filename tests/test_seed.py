"""The seed page (../shared/seed/): a real text dump that must come out exactly right,
and our own HTML rendering of the same article giving the same Article."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

import articlekit

from .conftest import FIXTURES, shared_path

SEED = ("seed", "thehill-amazon-employees-letter.txt")
TITLE = "Amazon employees protest sale of facial recognition tech to law enforcement"
CHROME = {
    "See all Hill.TV See all Video": "see-all",
    "Most Popular": "rail-heading",
    "Load more": "load-more",
    "See all Video": "see-all",
}
HTML_FIXTURE = FIXTURES / "pages" / "amazon-letter-newsroom.html"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return shared_path(*SEED).read_text("utf-8")


def _dump_paragraphs(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("A group of Amazon"))
    end = next(i for i, line in enumerate(lines) if "to end the forced separations." in line)
    return lines[start : end + 1]


def test_seed_title_body_tags_and_stamp(seed_text: str) -> None:
    article = articlekit.clean_text(seed_text)
    assert article.title == TITLE
    assert list(article.paragraphs) == _dump_paragraphs(seed_text)
    assert len(article.paragraphs) == 15
    assert "a similar letter my Microsoft employees" in article.body  # the typo survives
    assert "“zero tolerance”" in article.body  # and the curly quotes
    assert article.tags == ("Amazon", "Donald Trump")
    assert article.updated_text == "Updated: 9:45 p.m."
    # No day is known: the time of day alone, never a guessed date.
    assert article.updated == time(21, 45)


def test_seed_chrome_lines_removed_with_their_rules(seed_text: str) -> None:
    article = articlekit.clean_text(seed_text)
    chrome = {r.text: r.rule for r in article.removed if r.moved_to is None}
    assert chrome == CHROME
    moved = {r.text: r.moved_to for r in article.removed if r.moved_to}
    assert moved == {"Updated: 9:45 p.m.": "updated", "Tags Amazon Donald Trump": "tags"}
    for line in CHROME:
        assert line not in article.paragraphs


def test_seed_stamp_lands_on_a_given_day(seed_text: str) -> None:
    article = articlekit.clean_text(seed_text, published=date(2018, 6, 21))
    assert article.updated == datetime(2018, 6, 21, 21, 45)
    aware = articlekit.clean_text(seed_text, published="2018-06-21T18:04:10-04:00")
    assert isinstance(aware.updated, datetime)
    assert aware.updated.isoformat() == "2018-06-21T21:45:00-04:00"
    assert aware.updated.utcoffset() == timedelta(hours=-4)


def _collapsed(paragraphs: tuple[str, ...]) -> list[str]:
    return [" ".join(p.split()) for p in paragraphs]


def test_html_page_gives_the_same_article_as_the_dump(seed_text: str) -> None:
    from_html = articlekit.parse(HTML_FIXTURE.read_bytes())
    from_text = articlekit.clean_text(seed_text, published=from_html.published)
    assert from_html.title == from_text.title == TITLE
    # The dump keeps its bytes exactly (one paragraph holds a no-break space);
    # HTML rendering collapses whitespace, &nbsp; included. The words match.
    assert _collapsed(from_html.paragraphs) == _collapsed(from_text.paragraphs)
    assert len(from_html.paragraphs) == len(from_text.paragraphs) == 15
    assert from_html.tags == from_text.tags
    assert from_html.updated_text == from_text.updated_text == "Updated: 9:45 p.m."
    assert from_html.updated == from_text.updated
