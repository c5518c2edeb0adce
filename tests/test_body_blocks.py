"""The element rows of the cleaning table: pieces judged by the element they come from.

The body stage judges the lists it weighs; the cleaning stage (``chrome``)
drops what they reject. ``body()`` below runs both, as the pipeline does."""

from __future__ import annotations

import pytest
from lxml import etree

from articlekit import Page
from articlekit.extractors import BodyExtractor, ChromeExtractor
from articlekit.extractors.body import BodyOptions
from articlekit.extractors.element_rules import judge
from articlekit.extractors.tracing import ElementIndex, is_prose
from articlekit.pieces import Piece, Shape
from articlekit.rules import BLOCK_RULES
from articlekit.stage import Draft, Finding

PARAS = [
    f"Paragraph {n} of the article tells the reader what the council decided on Tuesday night."
    for n in ("one", "two", "three", "four", "five", "six")
]


def texts(finding: Finding, name: str = "candidate_pieces") -> list[str]:
    """The text of a stage's pieces (figures, which have none, left out)."""
    return [p.text for p in finding.values.get(name, ()) if p.text]


def body(html: str, options: BodyOptions = BodyOptions()) -> tuple[list[str], list[str]]:
    """The body after the body stage and the cleaning stage, and the rules that removed lines."""
    page = Page.from_input(html)
    draft = Draft()
    found = BodyExtractor(options)(page, draft)
    draft.merge("body", found)
    cleaned = ChromeExtractor()(page, draft)
    return texts(cleaned, "pieces"), [r.rule for r in [*found.removed, *cleaned.removed]]


def traced(lines: list[str], index: ElementIndex) -> list[Piece]:
    """Paragraph pieces of ``lines``, each traced to its element."""
    return [Piece(line, index.element(line), Shape("paragraph")) for line in lines]


def xml_body(lines: list[str]) -> etree._Element:
    """trafilatura's structured result for ``lines``: a ``<p>`` each."""
    root = etree.Element("body")
    for line in lines:
        etree.SubElement(root, "p").text = line
    return root


def article(inner: str) -> str:
    return f"<html><body><main><article>{inner}</article></main></body></html>"


BLOCK_EXAMPLES = {
    "inside-link": '<a href="/other"><p>{}</p></a>',
    "caption": '<div class="artImageCaption"><p>{}</p></div>',
    "author-bio": '<div class="writer-biography"><p>{}</p></div>',
    "promo": '<div class="inline-promo box"><p>{}</p></div>',
    "related-box": '<div class="story-recirc"><p>{}</p></div>',
    "share-box": '<div class="article-tools print-tools"><p>{}</p></div>',
    "newsletter-box": '<div class="optin-box"><p>{}</p></div>',
    "comments-box": '<ol class="reader-comments"><li><p>{}</p></li></ol>',
}


#: Boxes trafilatura drops itself on a page as plain as these (it keeps them on
#: real pages it reads whole): their rows are tested on the traced lines.
JUDGED_EXAMPLES = {
    "sidebar-box": '<div id="sidebar-wrapper"><dl class="profile"><dd>{}</dd></dl></div>',
}


def test_every_block_rule_has_an_example() -> None:
    assert {rule.id for rule in BLOCK_RULES} == set(BLOCK_EXAMPLES) | set(JUDGED_EXAMPLES)


def test_a_layout_named_for_its_sidebar_that_holds_the_article_is_kept() -> None:
    # "layout-with-sidebar" names the page's grid, which holds the article.
    inner = '<div class="layout-with-sidebar">' + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
    kept, removed = drop(sources_of(inner), PARAS)
    assert kept == PARAS
    assert removed == []


FOREIGN = "This sentence sits in a box beside the article and should not be in its text."


def with_box(box: str) -> str:
    """PARAS with ``box`` (holding FOREIGN) set after the third paragraph."""
    before = "".join(f"<p>{p}</p>" for p in PARAS[:3])
    after = "".join(f"<p>{p}</p>" for p in PARAS[3:])
    return before + box.format(FOREIGN) + after


@pytest.mark.parametrize("rule_id", sorted(JUDGED_EXAMPLES))
def test_block_rule_judges_the_traced_line(rule_id: str) -> None:
    inner = with_box(JUDGED_EXAMPLES[rule_id])
    kept, removed = drop(sources_of(inner), [*PARAS[:3], FOREIGN, *PARAS[3:]])
    assert kept == PARAS
    assert removed == [(rule_id, FOREIGN)]


@pytest.mark.parametrize("rule_id", sorted(BLOCK_EXAMPLES))
def test_block_rule_drops_the_line_and_records_why(rule_id: str) -> None:
    lines, rules = body(article(with_box(BLOCK_EXAMPLES[rule_id])))
    assert FOREIGN not in lines
    assert rules == [rule_id]
    assert lines == PARAS


def test_a_wrapper_named_like_a_box_holding_most_lines_is_the_article() -> None:
    # "related" and "share" name the article's own wrapper on some sites: a
    # minority_only rule spares a container that holds most extracted lines.
    inner = '<div class="related-content share-wrap">'
    inner += "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
    lines, rules = body(article(inner))
    assert lines == PARAS
    assert rules == []


# Pieces whose text differs from the block they come from: a piece of a
# paragraph cut at <br>, a div's own text, invisible characters. Each sits in a
# caption box, so the caption rule fires only when the piece is traced back to
# its element.
CAPTION = "The council chamber in an old photograph, seen from the public gallery"
TRACED_SHAPES = {
    "list item": ("<ul><li>{}</li><li>Taken last winter.</li></ul>", CAPTION),
    "piece before a break": ("<p>{}<br/>Taken <b>last</b> winter.</p>", CAPTION),
    "div text": ("<div>{}</div>", CAPTION),
    "link in a div": ('<div><a href="/photos">{}</a></div>', CAPTION),
    # trafilatura drops zero-width joiners and soft hyphens that the page has
    "invisible characters": (
        "<p>{}</p>".replace("{}", CAPTION.replace("council", "coun&#173;cil&#8204;")),
        CAPTION,
    ),
    # the item's label and its first paragraph written as one line
    "start of a block": (
        "<ul><li><b>Archive</b> <div><p>{}</p><p>Taken last winter.</p></div></li></ul>",
        f"Archive {CAPTION}",
    ),
    # a block and the button after it written as one line
    "block with a button after it": (
        "<div>{}</div><span><a href='/reply'>Reply</a></span>",
        f"{CAPTION} Reply",
    ),
}


def sources_of(inner: str) -> ElementIndex:
    return ElementIndex(Page.from_input(article(inner)).root)


def drop(index: ElementIndex, lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    judged = judge(traced(lines, index))
    return [p.text for p in judged.kept], [(r.rule, r.text) for r in judged.removals("chrome")]


def test_a_table_row_is_traced_by_its_first_cell() -> None:
    box = (
        f'<div class="photo-caption"><table><tr><td>{CAPTION}</td><td>1998</td></tr></table></div>'
    )
    index = sources_of("".join(f"<p>{p}</p>" for p in PARAS) + box)
    row = index.row((CAPTION, "1998"))
    assert row is not None and row.tag == "tr"


@pytest.mark.parametrize("shape", sorted(TRACED_SHAPES))
def test_lines_are_traced_to_their_element_whatever_their_shape(shape: str) -> None:
    markup, line = TRACED_SHAPES[shape]
    box = f'<div class="photo-caption">{markup.format(CAPTION)}</div>'
    sources = sources_of("".join(f"<p>{p}</p>" for p in PARAS) + box)
    kept, removed = drop(sources, [*PARAS, line])
    assert kept == PARAS
    assert removed == [("caption", line)]


def test_a_figure_caption_without_a_class_is_a_caption() -> None:
    figure = f'<figure><img src="/harbor.jpg"/><figcaption>{CAPTION}</figcaption></figure>'
    sources = sources_of("".join(f"<p>{p}</p>" for p in PARAS) + figure)
    kept, removed = drop(sources, [*PARAS, CAPTION])
    assert kept == PARAS
    assert [rule for rule, _ in removed] == ["caption"]


def test_a_line_the_page_does_not_hold_is_kept() -> None:
    sources = sources_of("".join(f"<p>{p}</p>" for p in PARAS))
    assert sources.element("A line of nothing on this page at all") is None
    kept, removed = drop(sources, [*PARAS, "A line of nothing on this page"])
    assert kept == [*PARAS, "A line of nothing on this page"]
    assert removed == []


TEASER = "Five things to know before the vote"


def test_a_paragraph_that_is_one_link_is_a_teaser() -> None:
    teaser = f'<p><a href="/2031/05/other-story">{TEASER}</a></p>'
    inner = "".join(f"<p>{p}</p>" for p in PARAS[:3]) + teaser
    inner += "".join(f"<p>{p}</p>" for p in PARAS[3:])
    lines, rules = body(article(inner))
    assert lines == PARAS
    assert rules == ["link-line"]


@pytest.mark.parametrize(
    "teaser",
    [
        f'<h3><a href="https://news.example/2031/05/other-story">{TEASER}</a></h3>',
        # an embedded post card
        f'<blockquote class="embed"><p><a href="/2031/05/other">{TEASER}</a></p></blockquote>',
    ],
)
def test_headings_and_embedded_cards_that_are_one_link_are_teasers(teaser: str) -> None:
    sources = sources_of("".join(f"<p>{p}</p>" for p in PARAS) + teaser)
    kept, removed = drop(sources, [*PARAS, TEASER])
    assert kept == PARAS
    assert removed == [("link-line", TEASER)]


@pytest.mark.parametrize(
    ("paragraph", "line"),
    [
        # a link inside a sentence
        (
            '<p>Read <a href="/report">the full report of the council</a> here.</p>',
            "Read the full report of the council here.",
        ),
        # too short to be a headline: a product or place the article lists
        (
            '<p><a href="https://shop.example/kettle">Steel Kettle Deluxe</a></p>',
            "Steel Kettle Deluxe",
        ),
        # a link to a part of the same page
        (
            '<p><a href="#budget-table">Jump to the budget table below</a></p>',
            "Jump to the budget table below",
        ),
        # two links
        (
            '<p><a href="/a">The first of two stories</a> <a href="/b">and the second</a></p>',
            "The first of two stories and the second",
        ),
    ],
)
def test_lines_with_more_than_one_link_or_more_than_a_link_stay(paragraph: str, line: str) -> None:
    sources = sources_of("".join(f"<p>{p}</p>" for p in PARAS) + paragraph)
    kept, removed = drop(sources, [*PARAS, line])
    assert kept == [*PARAS, line]
    assert removed == []


# Box names in several languages and spellings, and the rule each one meets.
NAMED_BOXES = [
    *[
        (box, "related-box")
        for box in (
            "more-stories",
            "LinkBox",
            "next-story",
            "a-lire-aussi",
            "mehr-zum-thema",
            "noticias-relacionadas",
            "polecane",
        )
    ],
    *[(box, "author-bio") for box in ("author-box", "Author_InfoContainer", "authorCard", "bio")],
]


@pytest.mark.parametrize(("box", "rule_id"), NAMED_BOXES)
def test_boxes_by_their_usual_names(box: str, rule_id: str) -> None:
    foreign = "The bridge that took forty years to build, and what it cost the town."
    sources = sources_of(
        "".join(f"<p>{p}</p>" for p in PARAS) + f'<div class="{box}"><p>{foreign}</p></div>'
    )
    kept, removed = drop(sources, [*PARAS, foreign])
    assert kept == PARAS
    assert [rule for rule, _ in removed] == [rule_id]


def test_block_rules_can_be_switched_off() -> None:
    foreign = "This sentence is a caption under the photo of the council chamber, kept."
    inner = (
        "".join(f"<p>{p}</p>" for p in PARAS) + f'<div class="imageCaption"><p>{foreign}</p></div>'
    )
    lines, rules = body(article(inner), BodyOptions(block_rules=False))
    assert rules == []
    assert foreign in lines


def test_words_like_bio_inside_other_words_do_not_fire() -> None:
    kept = "This paragraph sits in a biology section box and is part of the article text."
    inner = "".join(f"<p>{p}</p>" for p in PARAS) + f'<div class="biology"><p>{kept}</p></div>'
    lines, rules = body(article(inner))
    assert "author-bio" not in rules
    assert kept in lines


def split_body(between: str = "") -> str:
    chunk = '<div class="grid"><div class="body-chunk">{}</div></div>'
    first = "".join(f"<p>{p}</p>" for p in PARAS[:4])
    second = "".join(f"<p>{p}</p>" for p in PARAS[4:])
    return article(
        '<div class="chunks">' + chunk.format(first) + between + chunk.format(second) + "</div>"
    )


def continued(index: ElementIndex, lines: list[str]) -> list[str]:
    return [p.text for p in index.continue_split_body(traced(lines, index))]


def test_continue_split_body_adds_prose_of_same_class_siblings_in_order() -> None:
    sources = ElementIndex(Page.from_input(split_body('<div class="ad">Advertisement</div>')).root)
    assert continued(sources, PARAS[:4]) == PARAS


def test_continue_split_body_reaches_chunks_in_their_own_grid_rows() -> None:
    # Each chunk sits in a column inside a row inside a grid: the siblings are
    # found four levels up.
    row = '<div class="row"><div class="grid"><div class="col"><div class="body-part">{}</div>'
    row += "</div></div></div>"
    first = "".join(f"<p>{p}</p>" for p in PARAS[:4])
    second = "".join(f"<p>{p}</p>" for p in PARAS[4:])
    html = article(row.format(first) + '<div class="row">Advertisement</div>' + row.format(second))
    sources = ElementIndex(Page.from_input(html).root)
    assert continued(sources, PARAS[:4]) == PARAS


def test_continue_split_body_skips_link_lists_and_short_lines() -> None:
    teaser = (
        '<div class="grid"><div class="body-chunk">'
        '<p><a href="/x">{}</a></p><p>Short.</p></div></div>'
    )
    html = split_body(teaser.format(PARAS[0].replace("one", "seven")))
    sources = ElementIndex(Page.from_input(html).root)
    assert continued(sources, PARAS[:4]) == PARAS


def test_continue_split_body_does_not_repeat_paragraphs_a_list_item_holds() -> None:
    # A list of sections: each item holds a subhead and a same-class text box.
    # The item is one piece already; its paragraphs are not added again.
    box = '<div class="text">{}</div>'
    item = "<li>\n<h2>The second part</h2>\n" + box.format(
        "\n".join(f"<p>{p}</p>" for p in PARAS[4:])
    )
    html = article(box.format("".join(f"<p>{p}</p>" for p in PARAS[:4])) + f"<ul>{item}</li></ul>")
    sources = ElementIndex(Page.from_input(html).root)
    item_line = " ".join(["The second part", *PARAS[4:]])
    assert sources.element(item_line) is not None
    assert continued(sources, [*PARAS[:4], item_line]) == [*PARAS[:4], item_line]


def test_continue_split_body_leaves_readers_comments_out() -> None:
    # The comments are set in boxes of the article's own class, but inside the
    # comment section: they are not a continuation of the article.
    chunk = '<div class="item">{}</div>'
    comments = "".join(chunk.format(f"<p>{p.replace('article', 'comment')}</p>") for p in PARAS[4:])
    html = article(
        chunk.format("".join(f"<p>{p}</p>" for p in PARAS[:4]))
        + f'<div class="comment_container"><div id="comments">{comments}</div></div>'
    )
    sources = ElementIndex(Page.from_input(html).root)
    assert continued(sources, PARAS[:4]) == PARAS[:4]


def test_continue_split_body_needs_a_class_to_match() -> None:
    html = article(
        "<div>" + "".join(f"<p>{p}</p>" for p in PARAS[:4]) + "</div>"
        "<div>" + "".join(f"<p>{p}</p>" for p in PARAS[4:]) + "</div>"
    )
    sources = ElementIndex(Page.from_input(html).root)
    assert continued(sources, PARAS[:4]) == PARAS[:4]


TIPS = [
    "Start your search with a dealer you know, since a dealer offers buyers more protection.",
    "Inspect the whole car before you buy it, and look under the seats for rusted springs.",
    "Ask a mechanic for an inspection; most garages offer one for a reasonable fee.",
]


def with_list(items: str, tag: str = "ul", attrs: str = "") -> str:
    """An article of PARAS with a list set after its second paragraph."""
    before = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    after = "".join(f"<p>{p}</p>" for p in PARAS[2:])
    # No <article> or <main> around it: trafilatura's fast pass drops such a list.
    inner = f"{before}<{tag}{attrs}>{items}</{tag}>{after}"
    return f"<html><body><div><div>{inner}</div></div></body></html>"


def sandwiched(html: str, lines: list[str] = PARAS) -> list[Piece]:
    index = ElementIndex(Page.from_input(html).root)
    return index.add_sandwiched_blocks(traced(lines, index))


def test_a_prose_list_between_two_paragraphs_is_added_as_a_list_in_place() -> None:
    pieces = sandwiched(with_list("".join(f"<li>{tip}</li>" for tip in TIPS), "ol"))
    assert [p.text for p in pieces] == [*PARAS[:2], *TIPS, *PARAS[2:]]
    items = pieces[2:5]
    assert {p.shape.kind for p in items} == {"list"}
    assert len({id(p.shape) for p in items}) == 1  # one list, not three
    assert all(p.ordered for p in items)


@pytest.mark.parametrize(
    ("items", "attrs"),
    [
        # a "related stories" list set between paragraphs: links
        ("".join(f'<li><a href="/{n}">{tip}</a></li>' for n, tip in enumerate(TIPS)), ""),
        # labels, not sentences
        ("<li>Salt</li><li>Pepper</li><li>Two onions</li>", ""),
        # a rail by its name
        ("".join(f"<li>{tip}</li>" for tip in TIPS), ' class="sidebar"'),
    ],
)
def test_link_lists_labels_and_rails_between_paragraphs_are_not_added(
    items: str, attrs: str
) -> None:
    assert [p.text for p in sandwiched(with_list(items, attrs=attrs))] == PARAS


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        ("<p>Here is how you do it in two steps:</p>", "paragraph"),
        (
            "<blockquote>We will build the bridge, and we will build it this year.</blockquote>",
            "quote",
        ),
    ],
)
def test_a_paragraph_or_quote_between_two_paragraphs_is_added(block: str, kind: str) -> None:
    before = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    after = "".join(f"<p>{p}</p>" for p in PARAS[2:])
    pieces = sandwiched(f"<html><body><div>{before}{block}{after}</div></body></html>")
    assert len(pieces) == len(PARAS) + 1
    assert pieces[2].shape.kind == kind
    assert pieces[2].text == etree.fromstring(block).xpath("string()")


@pytest.mark.parametrize(
    "block",
    [
        '<p><a href="/next">Read more: the council and the bridge</a></p>',  # a link line
        '<div class="wp-caption">The council chamber on Tuesday night</div>',  # a caption
        "<p>Advertisement<script>var slot = 'mid-article';</script></p>",  # an ad slot
        "<p>Short line.</p>",  # too short to tell
        # styled apart from the paragraphs around it: a notice
        '<p class="slideshow-noscript">This slideshow needs JavaScript to run.</p>',
        # markup shown as text
        '<p>&lt;span class="bookmark" style="width: 0px"&gt;&lt;/span&gt;</p>',
    ],
)
def test_links_captions_ads_and_scraps_between_paragraphs_are_not_added(block: str) -> None:
    before = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    after = "".join(f"<p>{p}</p>" for p in PARAS[2:])
    pieces = sandwiched(f"<html><body><div>{before}{block}{after}</div></body></html>")
    assert [p.text for p in pieces] == PARAS


def test_a_block_the_body_shows_cut_into_other_lines_is_not_added_again() -> None:
    # The body holds the quote's text as lines of its own, which were not traced
    # to the quote (a text node cut at its newlines): it is there already.
    quote = "We will build the bridge this year, and we will build it across the river."
    before = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    after = "".join(f"<p>{p}</p>" for p in PARAS[2:])
    html = f"<html><body><div>{before}<blockquote>{quote}</blockquote>{after}</div></body></html>"
    index = ElementIndex(Page.from_input(html).root)
    cut = [quote[:30], quote[30:]]
    pieces = [*traced(PARAS[:2], index), *(Piece(line, None, Shape("paragraph")) for line in cut)]
    pieces += traced(PARAS[2:], index)
    assert index.add_sandwiched_blocks(pieces) == pieces


def test_a_list_after_the_last_paragraph_is_not_added() -> None:
    # Lists after the text are as often a teaser rail as the article's end.
    html = article(
        "<div>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "<ul>"
        + "".join(f"<li>{tip}</li>" for tip in TIPS)
        + "</ul></div>"
    )
    assert [p.text for p in sandwiched(html)] == PARAS


def test_a_list_the_body_shows_in_part_or_rejected_is_left_alone() -> None:
    html = with_list("".join(f"<li>{tip}</li>" for tip in TIPS))
    index = ElementIndex(Page.from_input(html).root)
    lines = [*PARAS[:2], TIPS[0], *PARAS[2:]]
    assert [p.text for p in index.add_sandwiched_blocks(traced(lines, index))] == lines
    # the element rows judged the list's first item and rejected it: kept pieces lack it
    judged = traced(lines, index)
    kept = [p for p in judged if p.text != TIPS[0]]
    assert [p.text for p in index.add_sandwiched_blocks(kept, judged)] == PARAS


def test_sandwiched_blocks_can_be_switched_off() -> None:
    html = with_list("".join(f"<li>{tip}</li>" for tip in TIPS))
    on, _ = body(html)
    off, _ = body(html, BodyOptions(add_sandwiched_blocks=False))
    assert all(tip in on for tip in TIPS)
    assert not any(tip in off for tip in TIPS)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The council voted on Tuesday to build the new bridge across the river.", True),
        ("“We will build it,” the mayor said after the vote on Tuesday night in town.”", True),
        ("Council votes on new bridge across the river in a late night session", False),
        ("Short sentence.", False),
    ],
)
def test_is_prose(line: str, expected: bool) -> None:
    assert is_prose(line) is expected


class _Scripted(BodyExtractor):
    """trafilatura's two modes replaced by fixed answers, to test the choice between them."""

    def __init__(self, fast_text: str, full_text: str, options: BodyOptions = BodyOptions()):
        super().__init__(options)
        self.texts = {True: fast_text, False: full_text}
        self.calls: list[bool] = []

    def _trafilatura(
        self, page: Page, *, fast: bool, tree: object = None
    ) -> tuple[etree._Element, str, tuple[str, ...]]:
        self.calls.append(fast)
        text = self.texts[fast]
        return xml_body(text.splitlines()), text, ()


def run_scripted(stage: _Scripted) -> tuple[tuple[str, ...], str]:
    finding = stage(Page.from_input(article("<p>x</p>")), Draft())
    return tuple(texts(finding)), finding.sources["candidate_pieces"]


def test_a_short_fast_extraction_asks_the_full_cascade_and_keeps_the_longer() -> None:
    stage = _Scripted(PARAS[0], "\n".join(PARAS))
    assert run_scripted(stage) == (tuple(PARAS), "trafilatura:full-cascade")
    assert stage.calls == [True, False]


def test_a_long_enough_fast_extraction_is_kept_alone() -> None:
    stage = _Scripted("\n".join(PARAS * 3), "")
    assert run_scripted(stage) == (tuple(PARAS * 3), "trafilatura")
    assert stage.calls == [True]


def test_the_full_cascade_answer_is_dropped_when_it_is_not_longer() -> None:
    stage = _Scripted(PARAS[0], "")
    assert run_scripted(stage) == ((PARAS[0],), "trafilatura")


TEASERS = [f"Teaser number {n} about another story on the site" for n in range(12)]
CONTAINER_PAGE = (
    "<html><body><div class='teasers'>"
    + "".join(f"<p>{t}</p>" for t in TEASERS)
    + "</div><div class='article-body'>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</div></body></html>"
)


class _TwoOpinions(BodyExtractor):
    """First answer fixed; the answer on the container alone is what trafilatura gives."""

    def __init__(
        self, first: list[str], options: BodyOptions = BodyOptions(full_cascade_below_chars=0)
    ) -> None:
        super().__init__(options)
        self.first = first
        self.trees: list[bool] = []

    def _trafilatura(
        self, page: Page, *, fast: bool, tree: object = None
    ) -> tuple[etree._Element | None, str, tuple[str, ...]]:
        self.trees.append(tree is not None)
        if tree is None:
            return xml_body(self.first), "\n".join(self.first), ()
        return super()._trafilatura(page, fast=fast, tree=tree)  # type: ignore[arg-type,no-any-return]


def test_a_first_answer_outside_the_marked_container_yields_to_the_container() -> None:
    stage = _TwoOpinions(TEASERS)
    finding = stage(Page.from_input(CONTAINER_PAGE), Draft())
    assert texts(finding) == PARAS
    assert finding.sources["candidate_pieces"] == "trafilatura:marked-container"
    assert stage.trees == [False, True]


def test_a_first_answer_inside_the_marked_container_stands() -> None:
    stage = _TwoOpinions(PARAS)
    finding = stage(Page.from_input(CONTAINER_PAGE), Draft())
    assert texts(finding) == PARAS
    assert finding.sources["candidate_pieces"] == "trafilatura"
    assert stage.trees == [False]


def test_the_container_check_can_be_switched_off() -> None:
    # The content-scoring second opinion off too: it would replace a first
    # answer with no prose (tests/test_second_opinion.py).
    options = BodyOptions(full_cascade_below_chars=0, container_check=None, second_opinion=None)
    stage = _TwoOpinions(TEASERS, options)
    finding = stage(Page.from_input(CONTAINER_PAGE), Draft())
    assert texts(finding) == TEASERS
    assert stage.trees == [False]


# --- hover cards inside the text ---------------------------------------------------

HOVER_CARD = (
    '<span class="rollover-person"><a href="/people/ann-lee">Ann Lee</a>'
    '<span class="rollover-card"><img src="/ann.jpg" alt=""><a href="/people/ann-lee">Ann Lee</a>'
    '<a href="/news/1">Ferry timetable changes from Monday</a>'
    '<a href="/news/2">Council delays the harbor budget vote</a></span></span>'
)


def with_sentence(inline: str) -> str:
    sentence = f"<p>The mayor said {inline} would chair the inquiry into the bridge repairs.</p>"
    return article("".join(f"<p>{p}</p>" for p in PARAS[:3]) + sentence)


def test_hover_card_inside_a_sentence_is_removed_and_its_name_kept() -> None:
    lines, _ = body(with_sentence(HOVER_CARD))
    assert "The mayor said Ann Lee would chair the inquiry into the bridge repairs." in lines
    assert not any("Ferry timetable" in line for line in lines)


@pytest.mark.parametrize(
    ("inline", "expected"),
    [
        # a glossary tooltip explains in words: text, not a card of links
        (
            '<span class="tooltip">the ombudsman<span class="tooltip-text"> (an official who '
            "looks into complaints)</span></span>",
            "the ombudsman (an official who looks into complaints) would chair",
        ),
        # a tooltip trigger that is a single link
        ('<a class="tooltip" href="/people/ann-lee">Ann Lee</a>', "Ann Lee would chair"),
    ],
)
def test_tooltips_that_are_text_or_a_single_link_stay(inline: str, expected: str) -> None:
    lines, _ = body(with_sentence(inline))
    assert expected in " ".join(lines)


def test_hover_cards_can_be_kept() -> None:
    lines, _ = body(with_sentence(HOVER_CARD), BodyOptions(drop_inline_popups=False))
    assert any("Ferry timetable" in line for line in lines)


# --- a long lede in the header opens the body ---------------------------------------

LEDE = (
    "The council voted on Tuesday night to keep the harbor bridge closed until the autumn, "
    "after inspectors found cracks in two of its main girders during a routine check."
)


def body_with_subtitle(
    subtitle: str, inner: str, options: BodyOptions = BodyOptions()
) -> list[str]:
    draft = Draft()
    headline = Finding()
    headline.set("subtitle", subtitle, "h1+subtitle")
    draft.merge("headline", headline)
    finding = BodyExtractor(options)(Page.from_input(article(inner)), draft)
    return texts(finding)


def test_long_lede_missing_from_the_text_opens_the_body() -> None:
    inner = "".join(f"<p>{p}</p>" for p in PARAS)
    assert body_with_subtitle(LEDE, inner) == [LEDE, *PARAS]


def test_short_dek_stays_a_subtitle_only() -> None:
    inner = "".join(f"<p>{p}</p>" for p in PARAS)
    assert body_with_subtitle("Cracks found in two girders", inner) == PARAS


def test_lede_already_in_the_text_is_not_repeated() -> None:
    inner = f"<p><b>{LEDE}</b></p>" + "".join(f"<p>{p}</p>" for p in PARAS)
    assert body_with_subtitle(LEDE, inner) == [LEDE, *PARAS]


def test_lede_with_soft_hyphens_the_text_has_without_is_not_repeated() -> None:
    hyphenated = LEDE.replace("inspect", "in\u00adspect")
    assert hyphenated != LEDE
    inner = f"<p>{LEDE}</p>" + "".join(f"<p>{p}</p>" for p in PARAS)
    assert body_with_subtitle(hyphenated, inner) == [LEDE, *PARAS]


def test_lede_can_be_left_out() -> None:
    inner = "".join(f"<p>{p}</p>" for p in PARAS)
    assert body_with_subtitle(LEDE, inner, BodyOptions(lede_min_chars=None)) == PARAS


def test_body_stage_leaves_the_page_tree_unchanged() -> None:
    # trafilatura copies the tree it is given and prunes only its copy; if a
    # new trafilatura version stopped copying, every later stage would read a
    # pruned page. Comments and a hover card are what the body stage prunes.
    inner = "<!-- a comment -->" + "".join(f"<p>{p}</p>" for p in PARAS)
    inner += f"<p>The mayor said {HOVER_CARD} would chair the inquiry into the repairs.</p>"
    page = Page.from_input(article(inner))
    before = etree.tostring(page.root)
    BodyExtractor(BodyOptions(full_cascade_below_chars=100_000))(page, Draft())
    assert etree.tostring(page.root) == before


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="promo-story">{}</div>',  # a wrapper named like a promotion box
        '<a href="/story/1">{}</a>',  # a story wrapped in one big link
    ],
)
def test_no_block_rule_removes_the_box_that_holds_most_of_the_text(wrapper: str) -> None:
    foreign = '<div class="inline-promo"><p>Try our new app for news on the go.</p></div>'
    lines, rules = body(article(wrapper.format("".join(f"<p>{p}</p>" for p in PARAS)) + foreign))
    assert lines == PARAS
    assert rules == ["promo"]


GALLERY_CAPTIONS = [
    f"Picture {n}: the harbour wall after the storm, seen from the {side} pier at dawn."
    for n, side in (("one", "north"), ("two", "south"), ("three", "east"), ("four", "west"))
]


def gallery(captions: list[str], paragraphs: list[str]) -> str:
    figures = "".join(
        f'<figure><img src="/{n}.jpg"/><figcaption>{c}</figcaption></figure>'
        for n, c in enumerate(captions)
    )
    return "".join(f"<p>{p}</p>" for p in paragraphs) + figures


def test_captions_that_hold_most_of_the_text_are_the_story_and_stay() -> None:
    # A photo gallery: one short intro and the captions are what there is to read.
    index = sources_of(gallery(GALLERY_CAPTIONS, PARAS[:1]))
    kept, removed = drop(index, [PARAS[0], *GALLERY_CAPTIONS])
    assert kept == [PARAS[0], *GALLERY_CAPTIONS]
    assert removed == []


def test_captions_beside_an_article_that_holds_most_of_the_text_go() -> None:
    index = sources_of(gallery(GALLERY_CAPTIONS[:2], PARAS))
    kept, removed = drop(index, [*PARAS, *GALLERY_CAPTIONS[:2]])
    assert kept == PARAS
    assert removed == [("caption", c) for c in GALLERY_CAPTIONS[:2]]


def test_teaser_cards_that_hold_most_of_the_text_still_go() -> None:
    # Only captions stand down: a list that is mostly teasers is a teaser list.
    cards = "".join(f'<a href="/story/{n}"><p>{c}</p></a>' for n, c in enumerate(GALLERY_CAPTIONS))
    index = sources_of(f"<p>{PARAS[0]}</p>{cards}")
    kept, removed = drop(index, [PARAS[0], *GALLERY_CAPTIONS])
    assert kept == [PARAS[0]]
    assert removed == [("inside-link", c) for c in GALLERY_CAPTIONS]


# A story of ten paragraphs that the fast pass reads only the start of (as
# when the rest sits in text between rules), for the dispute check.
STORY = [
    f"Part {n} of the story: the {n} inspectors of the river authority walked the "
    f"{n} kilometres of the embankment on {day}, counting cracks and noting where the "
    f"water had risen since the {n} floods of the winter before last."
    for n, day in zip(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday") * 2,
        strict=True,
    )
]
STORY_PAGE = (
    "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
    + "".join(f"<p>{p}</p>" for p in STORY)
    + "</article></body></html>"
)
FORM = ["Report this comment to the moderators.", "Select the reason for your report:"]


def run_disputed(fast: list[str], full: list[str]) -> tuple[list[str], str, list[bool]]:
    stage = _Scripted("\n".join(fast), "\n".join(full))
    finding = stage(Page.from_input(STORY_PAGE), Draft())
    return texts(finding), finding.sources["candidate_pieces"], stage.calls


def test_a_fragment_the_scoring_disputes_yields_to_the_full_cascade_it_agrees_with() -> None:
    assert len("\n".join(STORY[:3])) >= BodyOptions().full_cascade_below_chars
    lines, source, calls = run_disputed(STORY[:3], STORY)
    assert lines == STORY
    assert source == "trafilatura:full-cascade-agreed"
    assert calls == [True, False]


def test_a_full_cascade_that_only_adds_chrome_is_not_taken() -> None:
    lines, source, calls = run_disputed(STORY[:3], STORY[:3] + FORM)
    assert lines == STORY[:3]
    assert source == "trafilatura"
    assert calls == [True, False]


def test_a_fast_answer_the_scoring_agrees_with_is_not_checked_again() -> None:
    below = BodyOptions().disputed_below_chars
    assert below is not None and len("\n".join(STORY[:5])) < below  # it is disputable
    lines, _, calls = run_disputed(STORY[:5], STORY)
    assert lines == STORY[:5]
    assert calls == [True]


def test_the_dispute_check_can_be_switched_off() -> None:
    options = BodyOptions(disputed_below_chars=None)
    stage = _Scripted("\n".join(STORY[:3]), "\n".join(STORY), options)
    finding = stage(Page.from_input(STORY_PAGE), Draft())
    assert texts(finding) == STORY[:3]
    assert stage.calls == [True]


# A short article with a comment thread after it, for the vote between a
# short fast answer, the full cascade and the content scoring.
COMMENTS = [
    f"Reader {n} wrote that the embankment near the old mill has cracked again, and asked "
    f"when the authority will send someone to look at it before the spring floods come."
    for n in ("one", "two", "three", "four")
]
SHORT_STORY_PAGE = (
    "<html><body><article>"
    + "".join(f"<p>{p}</p>" for p in STORY[:2])
    + "</article><div class='comments'>"
    + "".join(f"<div class='comment'><p>{c}</p></div>" for c in COMMENTS)
    + "</div></body></html>"
)


def test_a_short_fast_answer_the_scoring_sides_with_keeps_out_the_full_cascades_extra() -> None:
    assert len("\n".join(STORY[:2])) < BodyOptions().full_cascade_below_chars
    stage = _Scripted("\n".join(STORY[:2]), "\n".join(STORY[:2] + COMMENTS))
    finding = stage(Page.from_input(SHORT_STORY_PAGE), Draft())
    assert texts(finding) == STORY[:2]
    assert finding.sources["candidate_pieces"] == "trafilatura:fast-agreed"
    assert stage.calls == [True, False]


def test_a_short_fast_answer_the_scoring_finds_more_of_gives_way_to_the_full_cascade() -> None:
    lines, source, calls = run_disputed(STORY[:1], STORY)
    assert (lines, source, calls) == (STORY, "trafilatura:full-cascade", [True, False])


def test_without_the_scoring_the_longer_answer_is_kept() -> None:
    options = BodyOptions(second_opinion=None)
    stage = _Scripted("\n".join(STORY[:2]), "\n".join(STORY[:2] + COMMENTS), options)
    finding = stage(Page.from_input(SHORT_STORY_PAGE), Draft())
    assert texts(finding) == STORY[:2] + COMMENTS
    assert finding.sources["candidate_pieces"] == "trafilatura:full-cascade"
