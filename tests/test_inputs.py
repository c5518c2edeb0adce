"""The input forms of ``parse()`` (issue #13): paths (plain and compressed), open
files, bytes-like objects, ``str`` (always markup), lxml trees and BeautifulSoup
trees; and ``parse_many`` going on past a bad path."""

from __future__ import annotations

import bz2
import gzip
import io
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree, html

import articlekit
from articlekit import DecompressionError, InputTooLargeError, Page, PageLimits
from articlekit.batch import parse_many

TESTS = Path(__file__).resolve().parent
FIXTURE = TESTS / "fixtures" / "pages" / "amazon-letter-newsroom.html"

PARAGRAPHS = [
    "The city council voted on Tuesday to require solar panels on every new roof, "
    "a rule that takes effect next spring after two years of debate.",
    "Opponents said the cost would fall on young families; supporters said the "
    "panels pay for themselves within a decade at today's prices.",
    "The vote was 31 to 12, and the mayor said she would sign the rule this week.",
]
TITLE = "Council backs solar roofs"


def page_markup(lang: str = "en") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{body}</article>"
        "</body></html>"
    )


def assert_the_article(article: articlekit.Article) -> None:
    assert article.title == TITLE
    for paragraph in PARAGRAPHS:
        assert paragraph in article.body


# --- paths -----------------------------------------------------------------------------


def test_a_path_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page_markup(), encoding="utf-8")
    assert_the_article(articlekit.parse(path))


@pytest.mark.parametrize(
    ("name", "compress"), [("page.html.gz", gzip.compress), ("page.html.bz2", bz2.compress)]
)
def test_a_compressed_path_is_decompressed(
    tmp_path: Path, name: str, compress: Callable[[bytes], bytes]
) -> None:
    path = tmp_path / name
    path.write_bytes(compress(page_markup().encode()))
    article = articlekit.parse(path)
    assert_the_article(article)
    assert article.warnings == ()


def test_concatenated_gzip_members_are_all_read(tmp_path: Path) -> None:
    markup = page_markup().encode()
    half = len(markup) // 2
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(markup[:half]) + gzip.compress(markup[half:]))
    assert_the_article(articlekit.parse(path))


def test_a_truncated_gzip_file_gives_what_it_holds_with_a_warning(tmp_path: Path) -> None:
    markup = page_markup().encode() + b"<!-- " + b"padding " * 2000 + b"-->"
    packed = gzip.compress(markup)
    path = tmp_path / "page.html.gz"
    path.write_bytes(packed[: len(packed) - 40])
    article = articlekit.parse(path)
    assert_the_article(article)
    assert "the gzip data is truncated: the page is read as far as it goes" in article.warnings


def test_a_corrupt_gzip_file_is_a_decompression_error(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    with pytest.raises(DecompressionError):
        articlekit.parse(path)


def test_a_decompression_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 1_000_000 + b"</p>"))
    assert path.stat().st_size < 10_000
    with pytest.raises(InputTooLargeError):
        articlekit.parse(path, limits=PageLimits(max_bytes=100_000))


def test_a_gz_name_over_plain_markup_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_text(page_markup(), encoding="utf-8")
    assert_the_article(articlekit.parse(path))


def test_a_missing_path_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        articlekit.parse(tmp_path / "missing.html")


# --- open files and bytes-like objects ------------------------------------------------------


def test_an_open_binary_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page_markup().encode())
    with path.open("rb") as stream:
        assert_the_article(articlekit.parse(stream))


def test_an_open_gzip_stream_is_decompressed() -> None:
    stream = io.BytesIO(gzip.compress(page_markup().encode()))
    assert_the_article(articlekit.parse(stream))


def test_an_open_text_file_is_markup() -> None:
    assert_the_article(articlekit.parse(io.StringIO(page_markup())))


def test_a_file_over_the_limit_is_refused_without_reading_it_all() -> None:
    stream = io.BytesIO(b"<p>" + b"x" * 10_000 + b"</p>")
    with pytest.raises(InputTooLargeError):
        articlekit.parse(stream, limits=PageLimits(max_bytes=1000))
    assert stream.tell() == 1001


@pytest.mark.parametrize("kind", [bytearray, memoryview])
def test_bytes_like_objects_are_bytes(kind: type) -> None:
    assert_the_article(articlekit.parse(kind(page_markup().encode())))


# --- str is always markup ---------------------------------------------------------------


def test_str_is_markup() -> None:
    article = articlekit.parse(page_markup())
    assert_the_article(article)
    assert article.warnings == ()


@pytest.mark.parametrize("text", ["pages/x.html", "  /home/me/saved page.htm\n"])
def test_a_str_without_markup_names_the_likely_mistake(text: str) -> None:
    article = articlekit.parse(text)
    warning = article.warnings[0]
    assert repr(text.strip()) in warning
    assert "pass a pathlib.Path" in warning


def test_a_str_with_lone_surrogates_is_parsed() -> None:
    markup = page_markup().replace("</article>", "<p>broken \ud800 and \ud83d\ude00</p></article>")
    article = articlekit.parse(markup)
    assert_the_article(article)
    assert "\ud800" not in article.body


# --- lxml trees ---------------------------------------------------------------------------


def test_an_lxml_html_document_is_used_as_it_is() -> None:
    root = html.document_fromstring(page_markup())
    before = etree.tostring(root)
    page = Page.from_input(root)
    assert page.root is root  # no copy, no serialisation
    assert page.encoding == "tree"
    assert_the_article(articlekit.parse(root))
    assert etree.tostring(root) == before  # read-only: the caller's tree is untouched


def test_an_lxml_element_tree_is_accepted() -> None:
    tree = html.document_fromstring(page_markup()).getroottree()
    assert_the_article(articlekit.parse(tree))


def test_plain_etree_elements_are_copied_into_html_elements() -> None:
    root = etree.HTML(page_markup().encode())
    before = etree.tostring(root)
    page = Page.from_input(root)
    assert isinstance(page.root, html.HtmlElement)
    assert page.root.get("lang") == "en"
    assert_the_article(articlekit.parse(root))
    assert etree.tostring(root) == before


def test_a_subtree_becomes_the_body_of_a_page() -> None:
    document = html.document_fromstring(page_markup())
    article_element = next(document.iter("article"))
    article_element.tail = "tail text that is not inside the article"
    page = Page.from_input(article_element)
    assert page.root.tag == "html"
    body = page.root.find("body")
    assert body is not None
    assert [child.tag for child in body] == ["article"]
    assert "tail text" not in page.root.text_content()
    assert article_element.getparent() is not None  # the caller's element stays in place


def test_namespaced_xhtml_loses_its_namespaces() -> None:
    xhtml = (
        page_markup()
        .replace("<!DOCTYPE html>", "")
        .replace("<html ", '<html xmlns="http://www.w3.org/1999/xhtml" ')
    )
    xhtml = xhtml.replace('<meta charset="utf-8">', '<meta charset="utf-8"/>')
    root = etree.fromstring(xhtml.encode())
    assert root.tag == "{http://www.w3.org/1999/xhtml}html"
    page = Page.from_input(root)
    assert {el.tag for el in page.root.iter(etree.Element)} >= {"html", "head", "body", "p"}
    assert_the_article(articlekit.parse(root))


def test_a_comment_is_not_a_page() -> None:
    with pytest.raises(articlekit.NotHtmlError):
        Page.from_input(etree.Comment("just a comment"))


# --- BeautifulSoup --------------------------------------------------------------------------


@pytest.fixture
def bs4() -> ModuleType:
    return pytest.importorskip("bs4")


def test_a_soup_gives_the_same_article_as_its_markup(bs4: ModuleType) -> None:
    markup = FIXTURE.read_text(encoding="utf-8")
    soup = bs4.BeautifulSoup(markup, "lxml")
    from_soup = articlekit.parse(soup)
    from_markup = articlekit.parse(markup)
    assert from_soup.title == from_markup.title
    assert from_soup.authors == from_markup.authors
    assert from_soup.published == from_markup.published
    assert from_soup.paragraphs == from_markup.paragraphs


def test_a_soup_from_html_parser(bs4: ModuleType) -> None:
    soup = bs4.BeautifulSoup(page_markup(), "html.parser")
    page = Page.from_input(soup)
    assert page.encoding == "tree"
    assert page.root.get("lang") == "en"
    assert_the_article(articlekit.parse(soup))


def test_a_soup_tag_becomes_the_body_of_a_page(bs4: ModuleType) -> None:
    soup = bs4.BeautifulSoup(page_markup(), "html.parser")
    page = Page.from_input(soup.find("article"))
    assert [el.tag for el in page.root] == ["body"]
    assert PARAGRAPHS[0] in page.root.text_content()


def test_a_fragment_soup_is_wrapped_in_a_document(bs4: ModuleType) -> None:
    soup = bs4.BeautifulSoup("<p>one</p><p>two</p>", "html.parser")
    page = Page.from_input(soup)
    assert html.tostring(page.root) == b"<html><body><p>one</p><p>two</p></body></html>"


def test_soup_attributes_comments_and_odd_names_survive(bs4: ModuleType) -> None:
    markup = (
        '<html><body><div class="a b" data-x="1"><!-- a -- comment -->'
        "<p>kept\x01 text</p><weird:tag>inner text</weird:tag></div></body></html>"
    )
    soup = bs4.BeautifulSoup(markup, "html.parser")
    page = Page.from_input(soup)
    div = next(page.root.iter("div"))
    assert div.get("class") == "a b"  # bs4's multi-valued class is joined again
    assert div.get("data-x") == "1"
    assert "kept text" in page.root.text_content()  # the control character lxml refuses is gone
    assert "inner text" in page.root.text_content()


def test_a_deep_soup_is_flattened_not_lost(bs4: ModuleType) -> None:
    markup = "<div>" * 3000 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>" * 3000
    soup = bs4.BeautifulSoup(markup, "html.parser")
    page = Page.from_input(soup)
    found = [p.text_content() for p in page.root.iter("p")]
    assert found == PARAGRAPHS


# --- parse_many goes on past a bad path ------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_reports_a_missing_path_and_goes_on(tmp_path: Path, jobs: int) -> None:
    good = tmp_path / "good.html"
    good.write_text(page_markup(), encoding="utf-8")
    missing = tmp_path / "missing.html"
    results = list(parse_many([good, missing, str(good)], jobs=jobs, timeout=60))
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert error is not None
    assert "FileNotFoundError" in error.message
    assert results[1].source.id.endswith("missing.html")
