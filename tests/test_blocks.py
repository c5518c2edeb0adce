"""Typed blocks: hand-written pages with every block type, renderers, JSON, values."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

import articlekit
from articlekit import Article, Pipeline
from articlekit.blocks import (
    Block,
    Code,
    Embed,
    Figure,
    Heading,
    List,
    ListItem,
    Paragraph,
    Quote,
    Span,
    Table,
    block_from_dict,
    drop_paragraphs,
)
from articlekit.errors import UnmetRequirementError
from articlekit.extractors.structure import _is_layout
from articlekit.stage import Draft, Finding

BLOCK_PAGES = Path(__file__).parent / "fixtures" / "blocks"
#: The page with every block type is also the docs' example, so it lives in examples/.
EVERY_BLOCK_PAGE = Path(__file__).parents[1] / "examples" / "ferry-pier.html"
EN_URL = "https://courier.example/news/2031/05/14/pier"
DE_URL = "https://stadtanzeiger.example/lokales/radwege"


def parse_page(name: str, url: str) -> Article:
    path = EVERY_BLOCK_PAGE if name == "every-block-en" else BLOCK_PAGES / f"{name}.html"
    return articlekit.parse(path.read_bytes(), url=url)


def text(value: str) -> tuple[Span, ...]:
    return (Span(value),)


# -- one of each block type, in English ------------------------------------------------

EVERY_BLOCK_EN: tuple[Block, ...] = (
    Paragraph(
        (
            Span("The new pier opened on Monday, "),
            Span("three weeks early", emphasis=True),
            Span(", after a winter in which the old one was closed by storms on "),
            Span("eleven separate occasions", strong=True),
            Span(". The council's "),
            Span("harbour plan", href="https://courier.example/council/harbour-plan"),
            Span(" had promised a pier that could take the larger ferries."),
        )
    ),
    Figure(
        src="https://courier.example/images/pier-crane.jpg",
        alt="A crane lifts a concrete section onto the pier",
        caption="The last section of the deck goes in, in March.",
        credit="Photo: Dan Moyo",
    ),
    Heading(2, text("What changed")),
    Paragraph(
        text(
            "Engineers replaced the timber piles with steel ones and raised the deck by 80 "
            "centimetres, enough to clear the storm surges recorded over the past decade. The "
            "work was paid for from three sources:"
        )
    ),
    List(
        ordered=False,
        items=(
            ListItem(text("a national coastal fund, which paid for the piles;")),
            ListItem(
                text("the council's own reserves, spent on"),
                (
                    List(
                        ordered=False,
                        items=(
                            ListItem(text("the new deck, and")),
                            ListItem(text("the waiting room at the landward end;")),
                        ),
                    ),
                ),
            ),
            ListItem(text("a loan from the ferry operator.")),
        ),
    ),
    Paragraph(
        text(
            "The harbour master listed the order in which the ferries will move over to the new "
            "berth, starting with the smallest boats and ending with the freight service."
        )
    ),
    List(
        ordered=True,
        items=(
            ListItem(text("The island shuttle moves first, on 20 May.")),
            ListItem(text("The car ferry follows a week later.")),
            ListItem(text("The freight service moves last, once the new ramp is tested.")),
        ),
    ),
    Quote(
        text("We built it for the storms we will get, not the ones we used to get."),
        attribution="Amara Lewis, harbour engineer",
    ),
    Paragraph(
        text(
            "The costs came in slightly under the budget the council set in 2029, as the table "
            "below shows for each of the three parts of the work."
        )
    ),
    Table(
        header=("Part", "Budget", "Spent"),
        rows=(
            ("Piles", "£4.1m", "£3.9m"),
            ("Deck", "£2.6m", "£2.7m"),
            ("Waiting room", "£0.8m", "£0.7m"),
        ),
    ),
    Paragraph(
        text(
            "The operator publishes the berth allocation as a plain text file, which the harbour "
            "office reads every morning with a short script:"
        )
    ),
    Code(
        "for berth in berths:\n    if berth.free:\n        assign(berth, next_ferry())\n\n"
        'print("done")'
    ),
    Paragraph(
        text(
            "Islanders shared the opening on social media within minutes of the first crossing, "
            "and the council's own account posted a short film of the arrival."
        )
    ),
    Embed(
        kind="post",
        url="https://twitter.com/harbourcouncil/status/1790000000000000000",
        text="The first ferry has tied up at the new pier. Thank you to everyone who waited "
        "through the winter! — Harbour Council (@harbourcouncil) May 14, 2031",
    ),
    Embed(kind="video", url="https://www.youtube-nocookie.com/embed/abc123xyz"),
    Paragraph(
        text(
            "The old pier will be taken down over the summer, and its timber will be reused for "
            "a boardwalk along the beach, the council said on Monday."
        )
    ),
)


def test_a_page_with_every_block_type_gives_exactly_those_blocks() -> None:
    assert parse_page("every-block-en", EN_URL).blocks == EVERY_BLOCK_EN


def test_a_page_with_every_block_type_gives_the_expected_markdown() -> None:
    expected = (BLOCK_PAGES / "every-block-en.md").read_text(encoding="utf-8")
    assert parse_page("every-block-en", EN_URL).to_markdown() == expected


def test_plain_text_fields_are_read_from_the_blocks() -> None:
    article = parse_page("every-block-en", EN_URL)
    assert "- the new deck, and" in article.paragraphs  # a nested item is a line too
    assert "| Piles | £4.1m | £3.9m |" in article.paragraphs
    assert not any("pier-crane" in p for p in article.paragraphs)  # figures are not text
    assert article.body == "\n".join(article.paragraphs)
    assert article.links[0].url == "https://courier.example/council/harbour-plan"
    assert article.links[0].internal
    assert article.images == (EVERY_BLOCK_EN[1],)


# -- the traps, in German ---------------------------------------------------------------

TRAPS_DE: tuple[Block, ...] = (
    Paragraph(
        text(
            "Die Stadt baut bis zum Herbst vier neue Radwege durch die Altstadt. Der "
            "Bauausschuss hat die Pläne am Mittwoch ohne Gegenstimmen gebilligt, nachdem die "
            "Verwaltung die Streckenführung zweimal überarbeitet hatte."
        )
    ),
    # The caption repeats the alt text: kept as data, printed once.
    Figure(
        src="https://stadtanzeiger.example/bilder/radweg.jpg",
        alt="Radfahrer auf der Brückenstraße",
        caption="Radfahrer auf der Brückenstraße",
    ),
    Paragraph(
        text(
            "1984. war das Jahr, in dem die Brückenstraße zur Einbahnstraße wurde; seitdem "
            "fahren Radler dort *auf eigene Gefahr* gegen den Verkehr, sagt die Verwaltung."
        )
    ),
    Heading(3, text("Die Strecken im Überblick")),
    # A numbered list nested in a bulleted one.
    List(
        ordered=False,
        items=(
            ListItem(
                text("Brückenstraße"),
                (
                    List(
                        ordered=True,
                        items=(
                            ListItem(text("zwischen Markt und Fluss")),
                            ListItem(text("über die alte Brücke")),
                        ),
                    ),
                ),
            ),
            ListItem(text("Am Stadtgraben")),
        ),
    ),
    Paragraph(
        text(
            "Die Verkehrsplaner haben die Ampelschaltung für die neuen Wege in einer "
            "Konfigurationsdatei beschrieben, die auch die Einrückung der Werte festlegt:"
        )
    ),
    # Significant whitespace, kept exactly.
    Code("ampel:\n  markt:\n    gruen: 25\n    rot:   40"),
    # A blockquote that is an embedded post, not a quotation.
    Embed(
        kind="post",
        url="https://www.instagram.com/p/XYZ123/",
        text="Endlich! Die Radwege kommen. #altstadt",
    ),
    Paragraph(
        text(
            "Die Kosten von rund 1,2 Millionen Euro trägt zu zwei Dritteln das Land. Baubeginn "
            "ist im Juni, zunächst am Stadtgraben, wo die Arbeiten den Verkehr am wenigsten "
            "stören."
        )
    ),
)


def test_the_traps_give_the_right_block_types() -> None:
    assert parse_page("traps-de", DE_URL).blocks == TRAPS_DE


def test_the_traps_give_the_expected_markdown() -> None:
    markdown = parse_page("traps-de", DE_URL).to_markdown()
    assert markdown == (BLOCK_PAGES / "traps-de.md").read_text(encoding="utf-8")
    assert "1984\\. war" in markdown  # would open a numbered list
    assert "\\*auf eigene Gefahr\\*" in markdown  # would turn into emphasis
    assert markdown.count("Radfahrer auf der Brückenstraße") == 1  # caption = alt, once


def test_a_table_that_lays_out_the_page_is_no_table() -> None:
    article = articlekit.parse((BLOCK_PAGES / "layout-table-en.html").read_bytes())
    assert not any(isinstance(b, Table) for b in article.blocks)
    prose = [b.text for b in article.blocks if isinstance(b, Paragraph) and len(b.text) > 100]
    assert len(prose) == 2
    assert prose[0].startswith("The town council voted on Thursday")


@pytest.mark.parametrize(
    ("rows", "layout"),
    [
        # a sidebar menu set in a table with a spacer column: no data
        ([["", "Front Page"], ["", "Nation"], ["", "Opinion"], ["Sudoku", ""]], True),
        # counterexample: a data table with a gap or two still fills its rows
        ([["Berlin", "3.2 %"], ["Paris", ""], ["Rome", "2.9 %"], ["Madrid", "3.0 %"]], False),
        ([["City", "Rate"], ["Berlin", "3.2 %"]], False),
    ],
)
def test_a_table_whose_rows_fill_one_cell_lays_out_a_list(
    rows: list[list[str]], layout: bool
) -> None:
    assert _is_layout(rows) is layout


# -- renderers --------------------------------------------------------------------------


def article_of(*blocks: Block, **fields: object) -> Article:
    return Article(blocks=blocks, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "markdown"),
    [
        ("A *bold* claim", "A \\*bold\\* claim"),
        ("1984. A year", "1984\\. A year"),
        ("# not a heading", "\\# not a heading"),
        ("- not an item", "\\- not an item"),
        ("> not a quote", "\\> not a quote"),
        ("[not](a link)", "\\[not\\](a link)"),
        ("snake_case_name", "snake\\_case\\_name"),
        ("<b>not html</b>", "\\<b\\>not html\\</b\\>"),
        ("plain words stay plain", "plain words stay plain"),
    ],
)
def test_markdown_escapes_text_that_would_be_markup(line: str, markdown: str) -> None:
    assert article_of(Paragraph(text(line))).to_markdown() == markdown + "\n"


def test_markdown_does_not_repeat_a_subtitle_the_body_opens_with() -> None:
    dek = "The council will decide on the plan next week."
    opening = Paragraph(text(dek + " Until then, the old rules apply."))
    assert "*The council will decide" not in article_of(opening, subtitle=dek).to_markdown()
    other = Paragraph(text("Until then, the old rules apply."))
    assert f"*{dek}*" in article_of(other, subtitle=dek).to_markdown()


def test_markdown_shows_dates_as_a_reader_reads_them() -> None:
    stamp = datetime(2024, 3, 12, 17, 30, tzinfo=timezone(timedelta(hours=1)))
    markdown = article_of(published=stamp, updated=date(2024, 3, 13)).to_markdown()
    assert "Published 12 March 2024, 17:30 (UTC+01:00)" in markdown
    assert "Updated 13 March 2024" in markdown


def test_two_lists_in_a_row_stay_two_lists_in_markdown() -> None:
    first = List(ordered=False, items=(ListItem(text("a")),))
    second = List(ordered=False, items=(ListItem(text("b")),))
    tokens = MarkdownIt("commonmark").parse(article_of(first, second).to_markdown())
    assert [t.type for t in tokens].count("bullet_list_open") == 2


INJECTION = """<html><head><title>Safe</title><script>alert(1)</script></head><body><article>
<h1 onclick="alert(2)">A headline about the harbour and its ferries</h1>
<p onmouseover="alert(3)">The harbour reopened on Monday after <a href="javascript:alert(4)">a
long closure</a> and <a href="JaVaScRiPt:alert(5)">a storm</a>, the council said in a statement
that was read out at the quay by the harbour master in front of a small crowd.</p>
<p style="color:red">Ferries will run every hour from Tuesday, and a <a href="https://ok.example/t"
onclick="steal()">timetable</a> is posted at the ticket office <img src="x" onerror="alert(6)">
beside the waiting room, where the old benches have been replaced.</p>
<figure><img src="javascript:alert(7)" alt="x" width="600"><figcaption>A pier</figcaption></figure>
<script>document.write("<p>injected</p>")</script>
</article></body></html>"""


def test_html_output_is_safe_whatever_the_page_holds() -> None:
    output = articlekit.parse(INJECTION, url="https://harbour.example/a").to_html()
    lowered = output.lower()
    assert "<script" not in lowered
    assert "javascript:" not in lowered
    assert " on" not in lowered.replace(" on monday", "").replace(" on tuesday", "")
    assert "style=" not in lowered
    assert '<a href="https://ok.example/t">timetable</a>' in output
    assert "a\nlong closure" not in output and "long closure" in output


# -- JSON -------------------------------------------------------------------------------


@pytest.mark.parametrize("block", EVERY_BLOCK_EN + TRAPS_DE, ids=lambda b: b.type)
def test_every_block_round_trips_through_json(block: Block) -> None:
    assert block_from_dict(json.loads(json.dumps(block.to_dict()))) == block


@pytest.mark.parametrize(("name", "url"), [("every-block-en", EN_URL), ("traps-de", DE_URL)])
def test_articles_round_trip_and_follow_the_published_schema(name: str, url: str) -> None:
    article = parse_page(name, url)
    data = json.loads(article.to_json())
    jsonschema.validate(data, Article.json_schema())
    assert Article.from_dict(data) == article


def test_the_schema_refuses_an_unknown_block_type() -> None:
    data = parse_page("traps-de", DE_URL).to_dict()
    data["blocks"].append({"type": "carousel", "items": []})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, Article.json_schema())


def test_json_written_before_blocks_still_reads() -> None:
    old = {"title": "Old", "body": "One.\nTwo.", "paragraphs": ["One.", "Two."]}
    article = Article.from_dict(old)
    assert article.blocks == (Paragraph(text("One.")), Paragraph(text("Two.")))


# -- the Article is a value -------------------------------------------------------------


def test_an_article_pickles_deep_copies_and_hashes() -> None:
    article = parse_page("every-block-en", EN_URL)
    assert pickle.loads(pickle.dumps(article)) == article
    assert copy.deepcopy(article) == article
    assert hash(article) == hash(pickle.loads(pickle.dumps(article)))
    assert len({article, copy.deepcopy(article)}) == 1


def test_derived_fields_follow_a_replace() -> None:
    article = parse_page("every-block-en", EN_URL)
    shorter = dataclasses.replace(article, blocks=(Paragraph(text("Only three words.")),))
    assert shorter.body == "Only three words."
    assert shorter.paragraphs == ("Only three words.",)
    assert shorter.word_count == 3


def test_stamps_have_a_sortable_utc_form_and_a_precision() -> None:
    cet = timezone(timedelta(hours=1))
    cases = [
        (datetime(2024, 3, 12, 17, 30, tzinfo=cet), datetime(2024, 3, 12, 16, 30), "datetime"),
        (datetime(2024, 3, 12, 17, 30), datetime(2024, 3, 12, 17, 30), "naive-datetime"),
        (date(2024, 3, 12), datetime(2024, 3, 12), "date"),
    ]
    for stamp, utc, precision in cases:
        article = Article(published=stamp)
        assert article.published_at == utc.replace(tzinfo=timezone.utc)
        assert article.published_precision == precision
    batch = sorted((Article(published=s) for s, _, _ in cases), key=lambda a: a.published_at)
    assert [a.published_precision for a in batch] == ["date", "datetime", "naive-datetime"]


def test_repr_is_short() -> None:
    article = parse_page("every-block-en", EN_URL)
    shown = repr(article)
    assert len(shown) < 400
    assert "How the harbour town rebuilt its ferry pier" in shown
    assert f"blocks={len(article.blocks)}" in shown


def test_the_lead_image_is_the_marked_one_with_its_figure_when_the_body_shows_it() -> None:
    article = parse_page("every-block-en", EN_URL)
    assert article.image == "https://courier.example/images/pier-wide.jpg"  # resolved
    assert article.lead_image == Figure(src="https://courier.example/images/pier-wide.jpg")
    shown = dataclasses.replace(article, image="https://courier.example/images/pier-crane.jpg")
    assert shown.lead_image == EVERY_BLOCK_EN[1]


def test_site_memory_drops_paragraphs_inside_lists_and_tables() -> None:
    blocks = (
        Paragraph(text("keep")),
        List(ordered=False, items=(ListItem(text("drop")), ListItem(text("keep item")))),
        Table(header=("h",), rows=(("drop row",), ("keep row",))),
        Figure(src="https://x.example/i.jpg"),
    )
    kept = drop_paragraphs(blocks, [False, True, False, False, True, False])
    assert Article(blocks=kept).paragraphs == ("keep", "- keep item", "| h |", "| keep row |")
    assert isinstance(kept[-1], Figure)


# -- custom fields and honest stage contracts ------------------------------------------


class ReadingTime:
    """A user's stage: minutes to read, into ``extra``."""

    name = "reading-time"
    provides = frozenset({"extra"})
    requires = frozenset({"pieces"})

    def __call__(self, page: articlekit.Page, so_far: Draft) -> Finding:
        words = sum(len(p.text.split()) for p in so_far["pieces"])
        finding = Finding()
        finding.set("extra", {"reading_minutes": max(1, round(words / 200))}, "words/200")
        return finding


def test_a_custom_stage_sets_its_own_fields() -> None:
    pipeline = Pipeline.default().insert(ReadingTime(), after="chrome")
    html = EVERY_BLOCK_PAGE.read_bytes()
    article = articlekit.parse(html, url=EN_URL, pipeline=pipeline)
    assert article.extra == {"reading_minutes": 2}
    assert article.provenance.get("extra") == "reading-time:words/200"
    assert Article.from_json(article.to_json()) == article


def test_a_stage_placed_before_what_it_reads_is_refused() -> None:
    # chrome reads the headline; moving the headline stage after it would run
    # chrome without one and degrade silently.
    headline = Pipeline.default()["headline"]
    with pytest.raises(UnmetRequirementError, match="reads"):
        Pipeline.default().without("jsonld", "opengraph", "meta", "headline").insert(
            headline, after="chrome"
        )


def test_a_menu_cell_of_a_layout_table_is_dropped_and_recorded() -> None:
    article = articlekit.parse((BLOCK_PAGES / "layout-table-en.html").read_bytes())
    assert [r.rule for r in article.removed if r.stage == "body"] == ["layout-menu"]
    assert not any(p in ("Home", "News", "Contact") for p in article.paragraphs)


LINKED_ARTICLE_CELL = """<html><body><table><tr>
<td><a href="/">Home</a><br><a href="/a">Archive</a></td>
<td><p>The <a href="/council">council</a> met the <a href="/unions">unions</a> at the
<a href="/hall">town hall</a> on <a href="/monday">Monday</a> to talk about the
<a href="/buses">night buses</a>, the <a href="/ferries">ferries</a> and the
<a href="/bridge">bridge</a>, and agreed to meet again before the summer.</p>
<p>Both sides said the talks went well and that they expected a deal on the
<a href="/fares">fares</a> by the end of the month, when the new timetable starts.</p>
</td></tr></table></body></html>"""


def test_the_cell_with_the_most_text_is_never_taken_for_a_menu() -> None:
    # The article's own cell is mostly links here, and still the article.
    article = articlekit.parse(LINKED_ARTICLE_CELL)
    assert any(p.startswith("The council met the unions") for p in article.paragraphs)


ICONS = """<html><body><article><h1>Harbour reopens after the storm season</h1>
<p>The harbour reopened on Monday after a winter of storms closed it on eleven days,
and the first ferry left at dawn with a full deck of trucks and passengers.</p>
<p><img src="/static/icn_comments.png"> 12 <img src="/static/avatars/avatar_42.jpg"> Ruth</p>
<figure><img src="/photos/iconic-bridge.jpg" alt="The bridge"></figure>
<p>The council said the new timetable starts next week and runs through the summer.</p>
</article></body></html>"""


def test_icons_avatars_and_spacers_are_not_figures() -> None:
    article = articlekit.parse(ICONS, url="https://harbour.example/news/1")
    assert [f.src for f in article.images] == ["https://harbour.example/photos/iconic-bridge.jpg"]


LAZY_TWICE = """<html><body><article><h1>Hiking the ridge above the harbour town</h1>
<p>We walked the ridge on Sunday, starting at the harbour and climbing for two hours
until the whole bay lay below us, with the ferries crossing to the islands.</p>
<p><img src="data:image/gif;base64,R0lGOD" data-src="/img/ridge.jpg" alt="The ridge">
<noscript><img src="/img/ridge.jpg" alt="The ridge"></noscript></p>
<p>The path is steep near the top, so bring water and good shoes, and start early.</p>
</article></body></html>"""


def test_a_picture_written_twice_for_lazy_loading_is_one_figure() -> None:
    article = articlekit.parse(LAZY_TWICE, url="https://walks.example/ridge")
    assert [f.src for f in article.images] == ["https://walks.example/img/ridge.jpg"]


INLINE_CODE = """<html><body><article><h1>Retrying failed requests safely</h1>
<p>A request that fails with a server error can be sent again, but only when sending it
twice does no harm, which is why the client does not retry unless told to.</p>
<p>Pass a <code>Retry</code> policy to the client, and list other methods in
<code>allowed_methods</code>.</p>
<pre><code>client = Client(retry=Retry(attempts=3))
client.get("/status")</code></pre>
<p>The policy then applies to every request the client sends unless one overrides it.</p>
</article></body></html>"""


def test_inline_code_stays_inside_its_sentence_and_a_code_block_stands_apart() -> None:
    blocks = articlekit.parse(INLINE_CODE, url="https://docs.example/retries").blocks
    sentence = next(b for b in blocks if b.text.startswith("Pass a"))
    assert (
        sentence.text
        == "Pass a Retry policy to the client, and list other methods in allowed_methods."
    )
    assert [s.text for s in sentence.spans if s.code] == ["Retry", "allowed_methods"]
    assert Code('client = Client(retry=Retry(attempts=3))\nclient.get("/status")') in blocks
    assert not any(
        isinstance(b, Paragraph) and b.text in ("Retry", "allowed_methods") for b in blocks
    )
