"""Hostile and malformed pages (issue #13): broken XML declarations, nesting past
libxml2's depth limit, huge pages of short text nodes, and arbitrary input, which
must give an Article or an ``ArticlekitError``, never anything else.

Speed is measured in ``benchmarks/stress.py``, not asserted here.
"""

from __future__ import annotations

import gzip
import random

import pytest
from lxml import etree

import articlekit
from articlekit import ArticlekitError, Page
from articlekit.page import MAX_TREE_DEPTH

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
