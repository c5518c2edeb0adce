"""The content-scoring second opinion and the arbiter between it and the body
stage's first answer, on small hand-written pages."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from lxml import etree

import articlekit
from articlekit import Pipeline
from articlekit.extractors.arbiter import (
    ARBITER,
    Evidence,
    _inherited_zones,
    _Line,
    _measure,
    arbitrate,
    could_overrule,
    scope,
    weigh,
    worth_weighing,
)
from articlekit.extractors.body import BodyExtractor, BodyOptions
from articlekit.extractors.second_opinion import _cut_after_blocks, second_opinion
from articlekit.extractors.tracing import ElementIndex
from articlekit.page import Page
from articlekit.pieces import Piece, Shape
from articlekit.stage import Draft

from .conftest import FIXTURES

PAGES = FIXTURES / "pages"
#: An old table-layout page: the article is text set loose in a cell between
#: double line breaks, the readers' comments sit in the next table row in
#: unmarked divs. trafilatura takes the comments in with the article.
OLD_PAGE = PAGES / "table-layout-comments-below.html"
OLD_URL = "http://kellby-courier.example/news/2008/10/14/harbour-ferry-winter-timetable.html"
#: A page whose standfirst sits in the header with the headline and whose
#: copy sits in a box of its own: the content scoring picks the copy alone.
SPLIT_PAGE = PAGES / "standfirst-apart-from-copy.html"
SPLIT_URL = "https://valley-ledger.example/farming/2024/04/orchard-netting-frost/"

PROSE = (
    "The council agreed on Tuesday to keep the swimming pool open through the winter, "
    "after a petition signed by more than two thousand residents, and will review the "
    "cost again in the spring."
)

#: The story's paragraphs: each different, as tracing finds a line's first element.
STORY = [f"{PROSE[:-1]}, the clerk said in statement number {n}." for n in range(1, 5)]

NEWS_PAGE = f"""<html><body>
<div id="nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></div>
<div class="sidebar"><p>{PROSE} {PROSE}</p><p>{PROSE}</p></div>
<div class="main"><h1>Pool stays open</h1>
<div class="story">{"".join(f"<p>{line}</p>" for line in STORY)}</div>
<div class="links"><a href="/a">One story about something else</a>
<a href="/b">Another story about something else</a>
<a href="/c">A third story about something else</a></div></div>
</body></html>"""


def _page(markup: str, url: str | None = None) -> Page:
    return Page.from_input(markup, url)


def _body_stage(page: Page, options: BodyOptions = BodyOptions()) -> tuple[tuple[Piece, ...], str]:
    finding = BodyExtractor(options)(page, Draft())
    return finding.values["candidate_pieces"], finding.sources["candidate_pieces"]


# -- the content scoring -------------------------------------------------------------


def test_scoring_picks_the_story_box_not_the_sidebar_or_the_menus() -> None:
    page = _page(NEWS_PAGE)
    opinion = second_opinion(page, ElementIndex(page.root))
    assert opinion is not None
    assert opinion.top.get("class") == "story"
    assert [p.text for p in opinion.pieces] == STORY
    # Each piece is traced to the page's own paragraph, not to the pruned copy.
    parents = {p.element.getparent() for p in opinion.pieces if p.element is not None}
    assert parents == {opinion.top}


def test_scoring_never_changes_the_page() -> None:
    page = Page.from_input(OLD_PAGE.read_bytes(), OLD_URL)
    before = etree.tostring(page.root)
    opinion = second_opinion(page, ElementIndex(page.root))
    assert opinion is not None and opinion.pieces
    assert etree.tostring(page.root) == before


def test_double_line_breaks_make_paragraphs_and_outweigh_short_comments() -> None:
    page = Page.from_input(OLD_PAGE.read_bytes(), OLD_URL)
    opinion = second_opinion(page, ElementIndex(page.root))
    assert opinion is not None
    texts = [p.text for p in opinion.pieces]
    assert any(t.startswith("The harbour ferry between Kellby quay") for t in texts)
    assert any(t.startswith("Tickets bought for the summer timetable") for t in texts)
    assert not any("wrote on 14 Oct 2008" in t for t in texts)
    # Each paragraph is a block of its own, not one block cut by line breaks.
    shapes = {id(p.shape) for p in opinion.pieces if p.text.startswith(("The harbour", "Boats"))}
    assert len(shapes) == 2


def test_a_page_without_prose_has_no_second_opinion() -> None:
    page = _page(
        "<html><body><ul><li><a href='/a'>Home</a></li><li><a href='/b'>About</a></li></ul>"
        "<p>Short line.</p></body></html>"
    )
    assert second_opinion(page, ElementIndex(page.root)) is None


# -- the arbiter on its evidence -----------------------------------------------------

#: Evidence of a page where ours holds the article and chrome after it.
CHROME_AFTER = Evidence(
    ours_prose=2000,
    second_prose=1400,
    second_covered=1.0,
    ours_covered=0.6,
    extra=900,
    extra_before_title=0,
    extra_after=900,
    extra_between=0,
    extra_between_other=0,
    extra_table_after=0,
    ours_marked=0.0,
    extra_marked=0.0,
)
OURS = [Piece("ours", None, Shape("paragraph"))]
SECOND = [Piece("second", None, Shape("paragraph"))]


def test_extra_after_the_chosen_part_is_chrome() -> None:
    verdict = arbitrate(OURS, SECOND, CHROME_AFTER)
    assert verdict.pieces is SECOND
    assert verdict.choice == "second-opinion:chrome-around"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"extra_between": 600, "extra_after": 300}, "extra between headline and article"),
        ({"ours_marked": 1.0, "extra_marked": 1.0}, "extra inside the marked container"),
        ({"extra_table_after": 200}, "a data table after the text"),
        ({"second_prose": 500}, "the second opinion keeps too little of our prose"),
        ({"second_covered": 0.5}, "the two do not agree on the article"),
        ({"extra_after": 100}, "our extra cannot be placed as chrome"),
        (
            {"extra_between": 600, "extra_between_other": 300, "extra_after": 0},
            "running text between headline and article, however many short lines beside it",
        ),
    ],
)
def test_ours_stays(change: dict[str, Any], why: str) -> None:
    verdict = arbitrate(OURS, SECOND, replace(CHROME_AFTER, **change))
    assert verdict.pieces is OURS, why


def test_a_few_lines_of_chrome_after_a_shared_article_still_go() -> None:
    # The two hold nearly the same text: what ours has beyond it is a
    # footer line or two, located after the chosen part, and it goes.
    evidence = replace(CHROME_AFTER, ours_covered=0.99, extra=60, extra_after=60)
    assert arbitrate(OURS, SECOND, evidence).choice == "second-opinion:chrome-around"


def test_an_empty_first_answer_gives_way_to_an_article() -> None:
    evidence = replace(CHROME_AFTER, ours_prose=0, second_covered=0.0, ours_covered=0.0)
    assert arbitrate(OURS, SECOND, evidence).choice == "second-opinion:ours-empty"
    # ...but not to a stray caption's worth of prose.
    tiny = replace(evidence, second_prose=ARBITER.empty_second_min_prose - 1)
    assert arbitrate(OURS, SECOND, tiny).pieces is OURS


def test_a_first_answer_wholly_in_the_marked_container_is_not_second_guessed() -> None:
    page = _page(
        f"<html><body><div class='nav'><a href='/'>Home</a></div>"
        f"<div class='article-body'><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    )
    lines = [Piece(PROSE, el, Shape("paragraph")) for el in page.root.iter("p")]
    assert not could_overrule(lines)
    assert could_overrule([*lines, Piece("Home", next(page.root.iter("a")), Shape("paragraph"))])
    assert could_overrule([Piece("Home", None, Shape("paragraph"))])  # no prose at all


def test_a_first_answer_with_prose_is_second_guessed_only_within_its_part() -> None:
    page = _page(NEWS_PAGE)
    story = [Piece(el.text or "", el, Shape("paragraph")) for el in page.root.iter("p")][-4:]
    part = scope(story)
    assert part is not None and part.get("class") == "story"
    opinion = second_opinion(page, ElementIndex(page.root), within=part)
    assert opinion is not None and opinion.top is part
    # With no prose of ours, the article may be anywhere: the whole page.
    assert scope([Piece("Home News Sport", next(page.root.iter("ul")), Shape("list"))]) is None


def test_the_chosen_part_holding_all_of_ours_needs_no_weighing() -> None:
    page = _page(NEWS_PAGE)
    opinion = second_opinion(page, ElementIndex(page.root))
    assert opinion is not None
    inside = [Piece(el.text or "", el, Shape("paragraph")) for el in opinion.top.iter("p")]
    assert not worth_weighing(inside, opinion)
    outside = next(page.root.iter("ul"))
    assert worth_weighing([*inside, Piece("Home News Sport", outside, Shape("list"))], opinion)


# -- the body stage --------------------------------------------------------------------


def test_the_second_opinion_drops_comments_our_first_pass_took_in() -> None:
    page = Page.from_input(OLD_PAGE.read_bytes(), OLD_URL)
    first, first_source = _body_stage(page, BodyOptions(second_opinion=None))
    assert any("wrote on 14 Oct 2008" in p.text for p in first)
    assert "second-opinion" not in first_source

    pieces, source = _body_stage(page)
    assert source.endswith("+second-opinion:chrome-around")
    texts = [p.text for p in pieces]
    assert not any("wrote on 14 Oct 2008" in t or "Post your comment" in t for t in texts)
    opening = ("The harbour ferry", "Boats will", "Tickets bought")
    assert sum(t.startswith(opening) for t in texts) == 3


def test_replaced_lines_are_recorded_as_removals() -> None:
    article = articlekit.parse(OLD_PAGE.read_bytes(), OLD_URL)
    removed = [r.text for r in article.removed if r.rule == "second-opinion"]
    assert any(t.startswith("mariner_jo wrote") for t in removed)
    assert "Reader comments (4)" in removed
    assert "half-hourly boats" not in article.body


def test_ours_stays_when_the_second_opinion_misses_the_standfirst() -> None:
    page = Page.from_input(SPLIT_PAGE.read_bytes(), SPLIT_URL)
    opinion = second_opinion(page, ElementIndex(page.root))
    assert opinion is not None and opinion.top.get("class") == "copy"
    pieces, source = _body_stage(page)
    assert "second-opinion" not in source
    assert pieces[0].text.startswith("Three apple growers on the eastern slopes")


def test_the_second_opinion_can_be_turned_off() -> None:
    off = Pipeline.default().replace("body", BodyExtractor(BodyOptions(second_opinion=None)))
    article = articlekit.parse(OLD_PAGE.read_bytes(), OLD_URL, pipeline=off)
    assert "half-hourly boats" in article.body


def test_short_lines_between_headline_and_article_are_chrome() -> None:
    # A sidebar's labels and one-line blurbs set between the headline and the
    # chosen part, with no running text among them: no article opens there.
    evidence = replace(CHROME_AFTER, extra_after=100, extra_between_other=800)
    assert arbitrate(OURS, SECOND, evidence).choice == "second-opinion:chrome-around"


@pytest.mark.parametrize(
    ("text", "running"),
    [
        ("A paragraph of the story, long enough, that ends with its full stop.", True),
        (
            "A long paragraph with a sentence inside it. Then the last one lost its "
            "full stop at the end",
            True,
        ),
        ("Buy the author's twelve bestsellers from these online retailers near you", False),
        ("Specifications:", False),
    ],
)
def test_running_text_is_prose_or_a_long_line_with_a_sentence_inside(
    text: str, running: bool
) -> None:
    assert _measure(text)[1] is running


# -- tables after the chosen part: data or link rows ------------------------------------

#: A table of links set after the story (an old table-layout page's
#: directory of site sections), and a table of figures with one link in it.
LINK_TABLE = (
    "<table><tr><td><a href='/eat'>Restaurants</a></td><td><a href='/drink'>Bars</a></td>"
    "<td><a href='/stay'>Hotels</a></td><td><a href='/wed'>Weddings</a></td></tr></table>"
)
DATA_TABLE = (
    "<table><tr><td>North ward</td><td>1,204 votes for, 312 against</td></tr>"
    "<tr><td>South ward</td><td>980 votes for, 455 against <a href='/n'>notes</a></td></tr>"
    "</table>"
)


def _evidence_with_table(table: str) -> Evidence:
    page = _page(
        "<html><body><div class='main'><h1>Pool stays open</h1><div class='story'>"
        + "".join(f"<p>{line}</p>" for line in STORY)
        + f"</div></div>{table}</body></html>"
    )
    opinion = second_opinion(page, ElementIndex(page.root))
    assert opinion is not None and opinion.top.get("class") == "story"
    story = [Piece(el.text or "", el, Shape("paragraph")) for el in opinion.top.iter("p")]
    rows = [
        Piece(" | ".join(td.text_content() for td in tr), tr, Shape("table"))
        for tr in page.root.iter("tr")
    ]
    title = next(page.root.iter("h1"))
    return weigh([*story, *rows], opinion.pieces, opinion, title)


def test_rows_of_a_link_table_after_the_article_are_no_data_table() -> None:
    evidence = _evidence_with_table(LINK_TABLE)
    assert evidence.extra_after > 0
    assert evidence.extra_table_after == 0


def test_rows_of_a_data_table_after_the_article_keep_ours() -> None:
    evidence = _evidence_with_table(DATA_TABLE)
    assert evidence.extra_table_after == evidence.extra_after > 0
    assert arbitrate([], [], evidence).choice == ""


# -- untraced lines placed by their neighbours ---------------------------------------------


def _line(text: str, element: Any) -> _Line:
    return _Line(Piece(text, element, Shape("paragraph")), len(text), False, False, frozenset())


def _placed(ours: list[_Line], zones: dict[int, str | None]) -> dict[int, str | None]:
    """Each traced line's place, by its element."""
    return {
        id(line): zones[id(line.piece.element)] for line in ours if line.piece.element is not None
    }


def test_an_untraced_extra_line_lies_where_its_traced_neighbours_lie() -> None:
    footer, rail, story = (etree.Element(tag) for tag in ("footer", "aside", "p"))
    zones = {id(footer): "after", id(rail): "before-title", id(story): None}
    ours = [
        _line("The story's paragraph.", story),
        _line("Contact", footer),
        _line("About us |", None),  # between two footer lines: after
        _line("Jobs", footer),
        _line("Archive |", None),  # the list's end, after a footer line: after
    ]
    extra = {id(line) for line in ours[1:]}
    found = _inherited_zones(ours, extra, _placed(ours, zones))
    assert found == {id(ours[2]): "after", id(ours[4]): "after"}


def test_an_untraced_line_beside_the_article_or_between_zones_stays_unplaced() -> None:
    footer, rail, story = (etree.Element(tag) for tag in ("footer", "aside", "p"))
    zones = {id(footer): "after", id(rail): "before-title", id(story): None}
    ours = [
        _line("Home", rail),
        _line("Sections |", None),  # a rail line before it, a footer line after
        _line("Contact", footer),
        _line("Pictures: the ferry", None),  # the article's line after it
        _line("The story's paragraph.", story),
    ]
    extra = {id(line) for line in ours[:4]}
    assert _inherited_zones(ours, extra, _placed(ours, zones)) == {}


def test_a_copy_is_cut_after_its_first_blocks_with_the_rest_given_back() -> None:
    wrapper = etree.fromstring(
        "<div><div><p>one</p><div><p>two</p>after two<p>three</p></div>after the box"
        "<ul><li>four</li></ul></div><p>five</p></div>"
    )
    removed = _cut_after_blocks(wrapper, 2)
    assert removed == ["after two", "three", "after the box", "four", "five"]
    assert etree.tostring(wrapper) == b"<div><div><p>one</p><div><p>two</p></div></div></div>"
    assert _cut_after_blocks(wrapper, 5) == []  # fewer blocks than that: nothing is cut
