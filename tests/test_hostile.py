"""Hostile and malformed pages (issue #13): broken XML declarations, nesting past
libxml2's depth limit, huge pages of short text nodes, and arbitrary input, which
must give an Article or an ``ArticlekitError``, never anything else.

Speed is measured in ``benchmarks/stress.py``, not asserted here.
"""

from __future__ import annotations

import copy
import gzip
import itertools
import random
from typing import Any

import pytest
import regex
from lxml import etree, html

import articlekit
from articlekit import ArticlekitError, Page
from articlekit.extractors import BodyExtractor
from articlekit.extractors import dates as dates_module
from articlekit.extractors.body import BodyOptions
from articlekit.extractors.chrome import ChromeExtractor, _WordShare
from articlekit.extractors.dates import DatesExtractor, _copy_up_to
from articlekit.extractors.tracing import is_prose, last_character
from articlekit.extractors.verdict import EVIDENCE
from articlekit.page import MAX_TREE_DEPTH, PageLimits
from articlekit.pieces import Piece, Shape
from articlekit.pipeline import Pipeline
from articlekit.rules import CONTAINER_CHECK, PROSE_END_CHARACTERS, PROSE_MIN_WORDS
from articlekit.stage import Draft, Finding

from .conftest import shared_path

PARAGRAPHS = [
    f"Paragraph {i} of the deep story has enough words to be read as prose here." for i in range(5)
]
ARTICLE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)

#: The opening of a real page (l3s-gn1-dev): a declaration whose encoding is a
#: run of keywords, closed by "/>" instead of "?>".
BROKEN_DECLARATION = (
    '<?xml version="1.0" encoding="ilashack, necessarily, palestinian, pornography, '
    'sacrificial, superpowers, unsubscribe, absolutely, Sri Lanka" />\n'
)


def depth_of(root: etree._Element) -> int:
    deepest = 0
    for el in root.iter(etree.Element):
        deepest = max(deepest, sum(1 for _ in el.iterancestors()))
    return deepest


# --- broken XML declarations ----------------------------------------------------------


def _declared_page() -> str:
    return (
        BROKEN_DECLARATION + '<meta name="robots" content="index, follow" />\n'
        "<html><head><title>Declared</title></head><body><article>"
        + ARTICLE
        + "</article></body></html>"
    )


@pytest.mark.parametrize("form", ["bytes", "str"])
def test_a_broken_xml_declaration_is_skipped(form: str) -> None:
    source: str | bytes = _declared_page() if form == "str" else _declared_page().encode()
    article = articlekit.parse(source)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.body


def test_a_broken_xml_declaration_in_windows_1252_bytes() -> None:
    # Not UTF-8 and declaring nothing usable: detection decides, and the page parses.
    source = _declared_page().replace("story", "stóry").encode("cp1252")
    article = articlekit.parse(source)
    assert "Paragraph 0 of the deep stóry" in article.body


def test_an_unclosed_xml_declaration_does_not_swallow_the_page() -> None:
    source = '<?xml version="1.0" encoding="utf-8"\n<html><body>' + ARTICLE + "</body></html>"
    page = Page.from_input(source)
    assert PARAGRAPHS[0] in page.root.text_content()


def test_the_real_page_with_a_broken_declaration_parses() -> None:
    folder = shared_path("corpora", "l3s-gn1-dev", "pages")
    data = gzip.decompress((folder / "43fb5dbe-6f8c-45f8-bd59-7b258df028fb.html.gz").read_bytes())
    assert data.startswith(b'<?xml version="1.0" encoding="ilashack,')
    for source in (data, data.decode("utf-8")):
        article = articlekit.parse(source)
        assert article.word_count > 200


# --- nesting deeper than libxml2 allows ---------------------------------------------------------


@pytest.mark.parametrize("depth", [2100, 5000])
@pytest.mark.parametrize("form", ["bytes", "str"])
def test_text_below_libxml2s_depth_limit_is_kept(depth: int, form: str) -> None:
    markup = (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + ARTICLE
        + "</div>" * depth
        + "<p>After the divs.</p></body></html>"
    )
    page = Page.from_input(markup if form == "str" else markup.encode())
    assert [p.text_content() for p in page.root.iter("p")] == [*PARAGRAPHS, "After the divs."]
    assert depth_of(page.root) <= MAX_TREE_DEPTH + 1
    article = articlekit.parse(markup)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.paragraphs


def test_the_depth_limit_is_noticed_after_many_parse_errors() -> None:
    # libxml2's error log is bounded; the depth error must still be seen.
    noise = "".join(f"<foo{i}>x</bar{i}>" for i in range(500))
    markup = "<html><body>" + noise + "<div>" * 5000 + ARTICLE + "</div>" * 5000 + "</body></html>"
    page = Page.from_input(markup)
    assert PARAGRAPHS[-1] in page.root.text_content()


def test_a_page_within_the_limit_keeps_its_structure() -> None:
    markup = "<html><body>" + "<div>" * 1000 + ARTICLE + "</div>" * 1000 + "</body></html>"
    page = Page.from_input(markup)
    assert depth_of(page.root) == 1000 + 2  # html, body, the divs, then the <p>s


def test_unclosed_inline_tags_past_the_limit_keep_their_text() -> None:
    markup = "<html><body><p>start " + "<b>bold " * 3000 + "end</p></body></html>"
    page = Page.from_input(markup)
    text = page.root.text_content()
    assert text.startswith("start bold bold")
    assert text.count("bold") == 3000
    assert text.endswith("end")


# --- short text nodes -------------------------------------------------------------------------


def test_short_texts_are_the_short_text_nodes_in_page_order() -> None:
    markup = (
        "<html><body><div><span>By Jane Doe</span> and <b>Updated 9:45</b>"
        f"<p>{'long ' * 60}</p><div><i>tail label</i> after</div></div></body></html>"
    )
    page = Page.from_input(markup)
    region = next(page.root.iter("div"))
    texts = [str(t) for t in page.short_texts(region)]
    assert texts == ["By Jane Doe", " and ", "Updated 9:45", "tail label", " after"]
    assert page.short_texts(region) is page.short_texts(region)  # memoised
    owners = [t.getparent().tag for t in page.short_texts(region)]
    assert owners == ["span", "span", "b", "i", "i"]  # tails hang on the element before


# --- arbitrary input: an Article or an ArticlekitError ----------------------------------------

SMALL_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title>'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "T"}</script>'
    "</head><body><article><h1>T</h1>" + ARTICLE + "</article></body></html>"
)
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    "<text>label</text><script>alert(1)</script></svg>"
)


def _mutations(rng: random.Random) -> list[str | bytes]:
    data = SMALL_PAGE.encode()
    cut = rng.randrange(len(data))
    flipped = bytearray(data)
    for _ in range(20):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    return [
        data[:cut],
        bytes(flipped),
        bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))),
        "".join(chr(rng.randrange(0x110000)) for _ in range(200)).replace("\x00", "\x01"),
        SMALL_PAGE.replace("<p>", "<p>\x00\x07\ud800", 2),
        '<?xml version="1.0" encoding="' + "x" * rng.randrange(200) + SMALL_PAGE,
        SVG,
        SVG.encode("utf-16"),
        b"\x00" * rng.randrange(1, 50) + data,
    ]


def _outcome(source: str | bytes) -> str:
    try:
        article = articlekit.parse(source)
    except ArticlekitError as exc:
        return type(exc).__name__
    assert isinstance(article, articlekit.Article)
    return "article"


@pytest.mark.parametrize("seed", range(6))
def test_arbitrary_input_gives_an_article_or_a_library_error(seed: int) -> None:
    rng = random.Random(seed)
    outcomes = [_outcome(source) for source in _mutations(rng)]
    assert outcomes[-3] == "article"  # the SVG is markup like any other


# --- bounded work: each cause of a slow hostile page, by its outcome ---------------------------
# (the times themselves are measured in benchmarks/stress.py)

STORY = [
    f"Paragraph {i} of the council story says what was decided, by whom and why it matters."
    for i in range(4)
]


def _story_page(links: int, *, story_in_article: bool = True) -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    items = "".join(
        f"<li><a href='/story/{i}'>Another story number {i}</a></li>" for i in range(links)
    )
    article = (
        f"<article><h1>The council vote on solar roofs</h1>{story}</article>"
        if story_in_article
        else f"<article><h1>The council vote on solar roofs</h1></article>{story}"
    )
    return f"<html><head><title>Vote</title></head><body>{article}<ul>{items}</ul></body></html>"


def _body_finding(source: str, options: BodyOptions) -> Finding:
    """The body stage's finding, after the stages before it ran as usual."""
    page = Page.from_input(source)
    draft = Draft()
    for stage in Pipeline.default():
        if stage.name == "body":
            return BodyExtractor(options)(page, draft)
        draft.merge(stage.name, stage(page, draft))
    raise AssertionError("no body stage")


def _texts(finding: Finding) -> list[str]:
    return [p.text for p in finding.values["candidate_pieces"] if p.text]


def test_over_the_node_bound_trafilatura_reads_the_article_around_the_headline() -> None:
    source = _story_page(400)
    bounded = _body_finding(source, BodyOptions(trafilatura_max_nodes=300))
    whole = _body_finding(source, BodyOptions(trafilatura_max_nodes=None))
    assert bounded.sources["candidate_pieces"] == "trafilatura:article-part"
    assert whole.sources["candidate_pieces"] == "trafilatura"
    for paragraph in STORY:
        assert paragraph in _texts(bounded)
    assert not any("Another story" in text for text in _texts(bounded))
    assert [t for t in _texts(bounded) if t in STORY] == [t for t in _texts(whole) if t in STORY]


def test_under_the_node_bound_the_whole_page_is_read() -> None:
    finding = _body_finding(_story_page(40), BodyOptions())
    assert finding.sources["candidate_pieces"] == "trafilatura"
    assert [t for t in _texts(finding) if t in STORY] == STORY


def test_an_article_part_holding_only_the_header_falls_back_to_the_page() -> None:
    source = _story_page(400, story_in_article=False)
    finding = _body_finding(source, BodyOptions(trafilatura_max_nodes=300))
    assert finding.sources["candidate_pieces"] == "trafilatura"
    assert [t for t in _texts(finding) if t in STORY] == STORY


def _unmarked_story_page(links: int) -> str:
    """The story with its headline in no ``<article>`` or ``<main>``, before a link list."""
    story = "".join(f"<p>{p}</p>" for p in STORY)
    items = "".join(f"<li><a href='/story/{i}'>Another story {i}</a></li>" for i in range(links))
    return (
        "<html><head><title>Vote</title></head><body><div>"
        f"<h1>The council vote on solar roofs</h1>{story}</div><ul>{items}</ul></body></html>"
    )


def test_a_huge_page_without_an_article_part_is_read_by_the_content_scoring_alone() -> None:
    finding = _body_finding(_unmarked_story_page(400), BodyOptions(trafilatura_max_nodes=300))
    assert finding.sources["candidate_pieces"] == "second-opinion:huge-page"
    assert [t for t in _texts(finding) if t in STORY] == STORY
    assert not any("Another story" in text for text in _texts(finding))
    assert any("content scoring alone" in w for w in finding.warnings)


def test_the_scoring_alone_is_used_over_the_bound_only_and_can_be_switched_off() -> None:
    source = _unmarked_story_page(400)
    within = _body_finding(source, BodyOptions())
    off = _body_finding(
        source, BodyOptions(trafilatura_max_nodes=300, huge_pages_scored_only=False)
    )
    assert within.sources["candidate_pieces"].startswith("trafilatura")
    assert off.sources["candidate_pieces"].startswith("trafilatura")
    assert not within.warnings and not off.warnings


def test_a_huge_pages_body_keeps_its_first_blocks_and_records_the_rest() -> None:
    source = _unmarked_story_page(400)
    whole = _texts(_body_finding(source, BodyOptions(trafilatura_max_nodes=300)))
    options = BodyOptions(trafilatura_max_nodes=300, huge_page_max_blocks=2)
    finding = _body_finding(source, options)
    assert len(whole) > 3 and STORY[-1] in whole
    assert _texts(finding) == whole[:2]
    assert [(r.rule, r.text) for r in finding.removed] == [("huge-page", t) for t in whole[2:]]
    assert any(
        f"kept the first 2 blocks of a huge page; the {len(whole) - 2} texts" in w
        for w in finding.warnings
    )


def test_a_text_of_megabytes_is_cut_at_a_word_with_a_warning() -> None:
    node = " ".join(f"word{i}" for i in range(400))  # 3,000 characters or so
    script = "var data = '" + "x" * 5_000 + "';"
    markup = f"<html><body><p>{node}</p><script>{script}</script></body></html>"
    page = Page.from_input(markup, limits=PageLimits(max_text_chars=1_000))
    paragraph, kept_script = page.root.find(".//p"), page.root.find(".//script")
    assert paragraph is not None and kept_script is not None
    assert 900 < len(paragraph.text or "") <= 1_000
    assert node.startswith(paragraph.text or "") and node[len(paragraph.text or "")] == " "
    assert kept_script.text == script
    assert page.warnings == (
        f"a text of {len(node):,} characters was cut to "
        f"{len(paragraph.text or ''):,} (PageLimits.max_text_chars)",
    )
    whole = Page.from_input(markup, limits=PageLimits(max_text_chars=None))
    assert whole.root.find(".//p").text == node and not whole.warnings


def test_a_tree_the_caller_passes_is_never_cut() -> None:
    node = "word " * 600
    tree = html.document_fromstring(f"<html><body><p>{node}</p></body></html>")
    page = Page.from_input(tree, limits=PageLimits(max_text_chars=1_000))
    assert page.root.find(".//p").text == node and not page.warnings


def test_htmldates_copy_of_a_huge_page_is_its_first_nodes() -> None:
    items = "".join(f"<li><a href='/s/{i}'>Story {i}</a> tail {i}</li>" for i in range(50))
    page = Page.from_input(
        f"<html><head><title>T</title></head><body><ul>{items}</ul></body></html>"
    )
    for count in (1, 3, 8, 40, 100):
        last = next(itertools.islice(page.root.iter(), count - 1, None))
        cut = copy.deepcopy(page.root)
        cut_last = next(itertools.islice(cut.iter(), count - 1, None))
        del cut_last[:]
        node, parent = cut_last, cut_last.getparent()
        while parent is not None:  # everything after it in page order goes
            del parent[parent.index(node) + 1 :]
            node, parent = parent, parent.getparent()
        assert etree.tostring(_copy_up_to(page.root, last)) == etree.tostring(cut)


def test_htmldate_searches_only_the_markup_of_a_page_over_its_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import htmldate

    asked: list[bool] = []

    def find_date(tree: Any, **options: Any) -> None:
        asked.append(options["extensive_search"])

    monkeypatch.setattr(htmldate, "find_date", find_date)
    items = "".join(f"<li>item {i}</li>" for i in range(100))
    page = Page.from_input(f"<html><body><ul>{items}</ul></body></html>")
    DatesExtractor._htmldate(page)
    monkeypatch.setattr(dates_module, "HTMLDATE_MAX_NODES", 50)
    DatesExtractor._htmldate(page)
    assert asked == [True, False]


class _TeasersFirst(BodyExtractor):
    """trafilatura's answer on the page is the teaser rail (scripted); its
    passes over a part of the page are real, and counted."""

    def __init__(self, teasers: list[str], options: BodyOptions) -> None:
        super().__init__(options)
        self.teasers = teasers
        self.parts = 0

    def _trafilatura(self, page: Page, *, fast: bool, tree: object = None) -> Any:
        if tree is None:
            body = etree.Element("body")
            for line in self.teasers:
                etree.SubElement(body, "p").text = line
            return body, "\n".join(self.teasers), ()
        self.parts += 1
        return super()._trafilatura(page, fast=fast, tree=tree)  # type: ignore[arg-type]


def test_a_marked_container_over_the_node_bound_is_not_extracted_again() -> None:
    # The first answer (the teaser rail) lies outside the marked container:
    # under the bound the container is extracted on its own, over it not.
    teasers = [f"Teaser number {i} about another story on the site" for i in range(12)]
    filler = "<span>x</span>" * 400
    source = (
        "<html><body><div class='teasers'>"
        + "".join(f"<p>{t}</p>" for t in teasers)
        + "</div><div class='article-body'>"
        + "".join(f"<p>{p}</p>" for p in STORY * 2)
        + filler
        + "</div></body></html>"
    )
    small, big = (
        _TeasersFirst(
            teasers,
            BodyOptions(
                trafilatura_max_nodes=bound,
                full_cascade_below_chars=0,
                second_opinion=None,
                container_check=CONTAINER_CHECK,
            ),
        )
        for bound in (10_000, 300)
    )
    page = Page.from_input(source)
    assert STORY[0] in _texts(small(page, Draft()))
    assert STORY[0] not in _texts(big(page, Draft()))
    assert (small.parts, big.parts) == (1, 0)


def test_identical_paragraphs_are_all_kept_and_repeated_chrome_all_removed() -> None:
    line = "The same paragraph of the story, repeated by a broken publishing system."
    pieces = []
    for _ in range(300):
        pieces += [
            Piece(line, None, Shape("paragraph")),
            Piece("Share this article", None, Shape("paragraph")),
        ]
    draft = Draft()
    given = Finding()
    given.set("candidate_pieces", tuple(pieces), "test")
    draft.merge("body", given)
    finding = ChromeExtractor()(Page.from_input("<html><body><p>x</p></body></html>"), draft)
    assert [p.text for p in finding.values["pieces"]] == [line] * 300
    assert [r.rule for r in finding.removed] == ["share"] * 300


def test_a_repeated_byline_is_read_once_where_bylines_stand() -> None:
    # Whether a data line's value is taken depends on where it stands: the
    # same text is a byline at the top and kept as text further down.
    byline = "By Jane Doe"
    texts = [byline, *STORY, byline]
    draft = Draft()
    given = Finding()
    given.set("candidate_pieces", tuple(Piece(t, None, Shape("paragraph")) for t in texts), "test")
    draft.merge("body", given)
    finding = ChromeExtractor()(Page.from_input("<html><body><p>x</p></body></html>"), draft)
    assert [p.text for p in finding.values["pieces"]] == [*STORY, byline]
    assert [(r.rule, r.moved_to) for r in finding.removed] == [("byline", "authors")]
    assert finding.values["authors"] == ("Jane Doe",)


def test_the_share_of_kept_words_is_counted_as_pieces_are_added() -> None:
    rng = random.Random(3)
    words = ["alpha", "beta", "gamma", "delta,", "eps."]
    texts = [" ".join(rng.choices(words, k=rng.randrange(1, 12))) for _ in range(60)]
    full_text = "\n".join(texts)
    share = _WordShare(full_text)
    kept: list[Piece] = []
    total = len(full_text.split())
    for text in texts:
        if rng.random() < 0.6:
            kept.append(Piece(text, None, Shape("paragraph")))
        expected = sum(len(p.text.split()) for p in kept) / total
        assert share.of(kept) == pytest.approx(expected)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "Short line.",
        "One two three four five six seven eight nine ten.",
        "One two three four five six seven eight nine ten.  \n\t",
        "One two three four five six seven eight nine ten.\u3000",
        "One two three four five six seven eight nine ten",
        "One two three four five six seven eight nine.",
        "« Un deux trois quatre cinq six sept huit neuf dix »",
    ],
)
def test_is_prose_reads_as_before(line: str) -> None:
    words = len(regex.findall(r"\w+", line))
    assert is_prose(line) == (
        words >= PROSE_MIN_WORDS and line.rstrip()[-1:] in PROSE_END_CHARACTERS
    )
    assert last_character(line) == line.rstrip()[-1:]


def test_a_text_node_of_megabytes_is_prose_and_counted_once() -> None:
    node = "lorem " * 50_000 + "end."
    assert is_prose(node)
    markup = f"<html><body><article><h1>Dump</h1>{ARTICLE}<p>{node}</p></article></body></html>"
    article = articlekit.parse(markup)
    # The headline (one word) opens the body.
    assert article.word_count == 1 + sum(len(p.split()) for p in PARAGRAPHS) + 50_001


def test_repeated_paragraphs_count_every_copy_in_the_verdict() -> None:
    para = "The same paragraph of the story, repeated by a broken publishing system."
    markup = "<html><body><article><h1>Repeated paragraphs</h1>" + f"<p>{para}</p>" * 400
    article = articlekit.parse(markup + "</article></body></html>")
    assert article.word_count == 400 * len(para.split())
    weights = {e.id: e.weight for e in EVIDENCE}
    assert article.article_score == round(
        weights["prose"] + weights["length"] + weights["title"], 3
    )
    assert not any(w.startswith("body:") for w in article.warnings)


# -- bounds on scans of short texts and of the dek ----------------------------------


def test_short_texts_are_the_first_of_a_part_in_page_order_up_to_the_bound() -> None:
    from articlekit.page import MAX_SHORT_TEXTS

    items = "".join(f"<span>label {i}</span>" for i in range(MAX_SHORT_TEXTS + 500))
    page = Page.from_input(f"<html><body><div>{items}</div></body></html>")
    found = page.short_texts(page.root)
    assert len(found) == MAX_SHORT_TEXTS
    assert (str(found[0]), str(found[-1])) == ("label 0", f"label {MAX_SHORT_TEXTS - 1}")


def test_blank_and_long_text_nodes_are_no_short_texts() -> None:
    page = Page.from_input(
        "<html><body>\n  <p>By Ann Lee</p>\n  <p>" + "word " * 60 + "</p>\n</body></html>"
    )
    assert [str(t) for t in page.short_texts(page.root)] == ["By Ann Lee"]


def test_the_dek_is_looked_for_right_after_the_headline_only() -> None:
    from articlekit.extractors.headline import SUBTITLE_MAX_FOLLOWING

    dek = '<p class="dek">Why the council chose solar panels for every new roof in town</p>'
    filler = "<div><span>x</span></div>" * (SUBTITLE_MAX_FOLLOWING)
    near = articlekit.parse(
        f"<html><body><article><h1>Solar roofs for all</h1>{dek}</article></body></html>"
    )
    far = articlekit.parse(
        f"<html><body><article><h1>Solar roofs for all</h1>{filler}{dek}</article></body></html>"
    )
    assert near.subtitle == "Why the council chose solar panels for every new roof in town"
    assert far.subtitle is None
