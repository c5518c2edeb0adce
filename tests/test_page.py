"""Page input: decoding (BOM, declared charset, detection) and refusing bad input."""

from __future__ import annotations

import codecs
import random
import re

import pytest

import articlekit
from articlekit import (
    ArticlekitError,
    DecodingError,
    DecompressionError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NotHtmlError,
    Page,
    PageLimits,
    errors,
)
from articlekit.page import decode_html

CAFE_TEXT = "Le café “bien” est ouvert"


def html_page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article><p>{body}</p></article></body></html>"


def text_of(page: Page) -> str:
    return " ".join(page.root.text_content().split())


# --- the error hierarchy --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "InputError",
        "EmptyInputError",
        "InputTooLargeError",
        "NotHtmlError",
        "DecodingError",
        "DecompressionError",
        "PipelineError",
        "UnknownStageError",
        "UnmetRequirementError",
        "ExtractionError",
    ],
)
def test_every_error_is_an_articlekit_error(name: str) -> None:
    cls = getattr(errors, name)
    assert issubclass(cls, ArticlekitError)
    assert getattr(articlekit, name) is cls


@pytest.mark.parametrize(
    "cls", [EmptyInputError, InputTooLargeError, NotHtmlError, DecodingError, DecompressionError]
)
def test_input_errors_share_input_error(cls: type[Exception]) -> None:
    assert issubclass(cls, InputError)


# --- UTF-8 and byte order marks ---------------------------------------------------


def test_utf8_bytes_decode() -> None:
    page = Page.from_input(html_page(CAFE_TEXT).encode("utf-8"))
    assert page.encoding == "utf-8"
    assert CAFE_TEXT in text_of(page)


@pytest.mark.parametrize(
    ("bom", "codec", "expected_encoding"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_bom_decides_the_encoding(bom: bytes, codec: str, expected_encoding: str) -> None:
    data = bom + html_page(CAFE_TEXT).encode(codec)
    page = Page.from_input(data)
    assert page.encoding == expected_encoding
    assert CAFE_TEXT in text_of(page)
    assert "\ufeff" not in page.root.text_content()


def test_bom_wins_over_a_declared_charset() -> None:
    data = codecs.BOM_UTF8 + html_page(CAFE_TEXT, '<meta charset="iso-8859-1">').encode()
    text, encoding = decode_html(data)
    assert encoding == "utf-8"
    assert CAFE_TEXT in text


@pytest.mark.parametrize("data", [codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n\t "])
def test_bom_only_is_empty(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        Page.from_input(data)


# --- declared charsets ---------------------------------------------------------------

# "café “bien”" in cp1252 / iso-8859-1 bytes: é = 0xE9, curly quotes 0x93/0x94.
LATIN_BODY = b"Le caf\xe9 \x93bien\x94 est ouvert"


@pytest.mark.parametrize(
    "head",
    [
        b'<meta charset="windows-1252">',
        b"<meta charset=iso-8859-1>",
        b'<meta charset="ISO-8859-1" />',
        b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        b"<meta http-equiv='content-type' content='text/html;charset=windows-1252'>",
        b'<meta content="text/html; charset=latin1" http-equiv="Content-Type">',
    ],
)
def test_declared_western_charset(head: bytes) -> None:
    data = b"<html><head>" + head + b"</head><body><p>" + LATIN_BODY + b"</p></body></html>"
    page = Page.from_input(data)
    # iso-8859-1 is read as its browser superset cp1252 (WHATWG), so 0x93/0x94 are quotes.
    assert page.encoding == "cp1252"
    assert CAFE_TEXT in text_of(page)


@pytest.mark.parametrize(
    ("label", "codec", "text"),
    [
        ("shift_jis", "shift_jis", "日本語のテキストです。今日は天気がいいです。"),
        ("Shift_JIS", "shift_jis", "東京のニュース"),
        ("koi8-r", "koi8-r", "Привет, мир! Новости дня"),
        ("windows-1251", "cp1251", "Привет, мир! Новости дня"),
        ("gb2312", "gb18030", "今天的新闻很重要"),
        ("euc-kr", "euc-kr", "오늘의 뉴스"),
    ],
)
def test_declared_non_western_charset(label: str, codec: str, text: str) -> None:
    head = f'<meta charset="{label}">'.encode("ascii")
    data = b"<html><head>" + head + b"</head><body><p>" + text.encode(codec) + b"</p></body>"
    page = Page.from_input(data)
    assert text in text_of(page)


def test_declaration_after_a_long_script_is_found() -> None:
    # Beyond the 1024 bytes browsers prescan, within the 4096 we look at.
    script = b"<script>" + b"var x = 1;\n" * 200 + b"</script>"
    data = (
        b"<html><head>"
        + script
        + b'<meta charset="koi8-r"></head><body><p>'
        + "Привет, мир".encode("koi8-r")
        + b"</p></body></html>"
    )
    assert 1024 < data.index(b"<meta") < 4096
    page = Page.from_input(data)
    assert page.encoding == "koi8-r"
    assert "Привет, мир" in text_of(page)


def test_valid_utf8_overrules_a_declared_charset_with_a_warning() -> None:
    # These bytes are valid UTF-8 ("café") but the page says windows-1252:
    # non-ASCII bytes that are all valid UTF-8 are UTF-8 (issue #13), and the
    # overruled declaration is reported.
    data = b'<html><head><meta charset="windows-1252"></head><body><p>caf\xc3\xa9</p></body></html>'
    page = Page.from_input(data)
    assert page.encoding == "utf-8"
    assert "café" in text_of(page)
    assert page.warnings == (
        "the page declares charset 'windows-1252' but its bytes are UTF-8: read as UTF-8",
    )


def test_declared_charset_wins_over_detection_on_short_text() -> None:
    # A short koi8-r snippet that detection alone gets wrong.
    body = "Привет, мир! Это новости дня и статья про погоду."
    data = (
        b'<html><head><meta charset="koi8-r"></head><body><p>'
        + body.encode("koi8-r")
        + b"</p></body></html>"
    )
    page = Page.from_input(data)
    assert page.encoding == "koi8-r"
    assert body in text_of(page)


@pytest.mark.parametrize("label", ["utf-16", "utf-32", "x-no-such-charset"])
def test_unusable_declaration_falls_back(label: str) -> None:
    # An ASCII-readable "utf-16" declaration is stale; an unknown label is ignored.
    data = f'<meta charset="{label}"><p>caf\u00e9</p>'.encode()
    text, encoding = decode_html(data)
    assert encoding == "utf-8"
    assert "café" in text


def test_utf16_without_bom_is_detected() -> None:
    source = (
        '<html><head><meta charset="utf-16"></head><body>'
        "<p>Hello café world, this page was saved as UTF-16 without a BOM.</p></body></html>"
    )
    text, _ = decode_html(source.encode("utf-16-le"))
    assert text == source


# --- undeclared, non-UTF-8 bytes: detection ----------------------------------------


@pytest.mark.parametrize(
    ("codec", "sentence"),
    [
        ("koi8-r", "Привет, мир! Это новости дня и статья про погоду. "),
        ("cp1251", "Привет, мир! Это новости дня и статья про погоду. "),
        ("shift_jis", "日本語のテキストです。今日は天気がいいです。"),
        ("cp1252", "El niño comió paella en España, ¿verdad? Sí, señor. "),
        ("cp1252", "Über die Straße gehen Müller und Schäfer täglich. "),
        # Western pages without a declaration are common; these must not come
        # out as cp1257 ("trčs") or cp1250.
        ("cp1252", "Le café est très bon, déjà vu à Genève. "),
        ("cp1252", "He said “hello” — and left. It’s a café, naïve résumé. "),
    ],
)
def test_undeclared_encoding_is_detected(codec: str, sentence: str) -> None:
    source = html_page(sentence * 5)
    page = Page.from_input(source.encode(codec))
    assert page.encoding != "utf-8"
    assert (sentence * 5).strip() in page.root.text_content()


# --- str input -----------------------------------------------------------------------


def test_str_input_is_used_as_is() -> None:
    page = Page.from_input(html_page(CAFE_TEXT), "https://example.com/a")
    assert page.encoding == "str"
    assert page.url == "https://example.com/a"
    assert CAFE_TEXT in text_of(page)


def test_str_input_with_meta_charset_is_not_re_decoded() -> None:
    page = Page.from_input(html_page(CAFE_TEXT, '<meta charset="koi8-r">'))
    assert CAFE_TEXT in text_of(page)


@pytest.mark.parametrize("value", [None, 42, ["<p>x</p>"], {"html": "<p>x</p>"}])
def test_other_input_types_are_refused(value: object) -> None:
    with pytest.raises(TypeError):
        Page.from_input(value)  # type: ignore[arg-type]


# --- bad input ----------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t\r\n ", "", "  \n\t  ", "\u3000\n"])
def test_empty_or_whitespace_input(data: str | bytes) -> None:
    with pytest.raises(EmptyInputError):
        Page.from_input(data)
    with pytest.raises(ArticlekitError):
        articlekit.parse(data)


def _png_junk(seed: int) -> bytes:
    rng = random.Random(seed)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_binary_junk_is_not_html(seed: int) -> None:
    # errors.py documents NotHtmlError for "binary data"; DecodingError is for
    # text bytes that no encoding explains.
    with pytest.raises(NotHtmlError):
        Page.from_input(_png_junk(seed))


@pytest.mark.parametrize("seed", [0, 1])
def test_binary_junk_is_refused_with_a_library_error(seed: int) -> None:
    with pytest.raises(InputError):
        articlekit.parse(_png_junk(seed), "https://example.com/img.png")


def test_binary_that_decodes_is_refused_by_the_control_share() -> None:
    data = bytes(range(1, 32)) * 200 + b"<p>x</p>"  # valid UTF-8, mostly control bytes
    with pytest.raises(NotHtmlError):
        Page.from_input(data)


def test_binary_junk_as_str_is_not_html() -> None:
    with pytest.raises(NotHtmlError):
        Page.from_input(_png_junk(3).decode("latin-1"))


def test_control_share_is_configurable() -> None:
    data = "<p>" + "\x01" * 5 + "x" * 95 + "</p>"  # 5 % control characters
    assert Page.from_input(data).root is not None
    with pytest.raises(NotHtmlError):
        Page.from_input(data, limits=PageLimits(max_control_share=0.01))


@pytest.mark.parametrize("kind", [bytes, str])
def test_input_over_the_size_limit(kind: type) -> None:
    source = html_page("x" * 500)
    data = source.encode() if kind is bytes else source
    limits = PageLimits(max_bytes=100)
    with pytest.raises(InputTooLargeError, match="100"):
        Page.from_input(data, limits=limits)
    with pytest.raises(InputTooLargeError):
        articlekit.parse(data, limits=limits)


def test_input_at_the_size_limit_is_accepted() -> None:
    data = html_page("x" * 50).encode()
    page = Page.from_input(data, limits=PageLimits(max_bytes=len(data)))
    assert "x" * 50 in text_of(page)


def test_the_size_limit_is_checked_before_decoding() -> None:
    # Binary junk over the limit is refused for its size, without detection.
    with pytest.raises(InputTooLargeError):
        Page.from_input(_png_junk(4), limits=PageLimits(max_bytes=64))


# --- odd but real markup ------------------------------------------------------------


def test_deeply_nested_markup_keeps_its_text() -> None:
    # 5000 levels is past libxml2's limit (2048), which used to lose the paragraph;
    # its time is measured in benchmarks/stress.py ("deep").
    source = (
        "<html><head><title>Deep page title</title></head><body>"
        + "<div>" * 5000
        + "<p>The deepest paragraph of this page.</p>"
        + "</div>" * 5000
        + "</body></html>"
    )
    article = articlekit.parse(source, "https://example.com/deep")
    assert "The deepest paragraph of this page." in article.body


def test_unclosed_divs_do_not_lose_later_paragraphs() -> None:
    # Legacy pages that never close their <div>s nest ever deeper; the parser's
    # default depth limit (256) silently drops everything below it.
    source = "<html><body>" + "".join(
        f"<div><p>Paragraph number {i} of the story.</p>" for i in range(300)
    )
    page = Page.from_input(source)
    assert "Paragraph number 299 of the story." in page.root.text_content()


@pytest.mark.parametrize(
    "cut",
    [
        "<p>The second paragraph is cut <a hre",
        "<p>The second paragraph is cut <",
        '<p>The second paragraph is cut</p><div class="x',
        "<p>The second paragraph is cut <!-- a comment that never",
    ],
)
def test_truncated_html_gives_an_article(cut: str) -> None:
    source = (
        "<html><head><title>A truncated page</title></head><body><article>"
        "<h1>A truncated page</h1>"
        "<p>The first paragraph of the article is complete and long enough to keep.</p>" + cut
    )
    article = articlekit.parse(source, "https://example.com/cut")
    assert isinstance(article, articlekit.Article)
    assert article.title == "A truncated page"
    assert "The first paragraph of the article is complete" in article.body


@pytest.mark.parametrize(
    ("declaration", "codec"),
    [
        ('<?xml version="1.0" encoding="iso-8859-1"?>', "cp1252"),
        ("<?xml version='1.0' encoding='koi8-r'?>", "koi8-r"),
        ('<?xml version="1.0" encoding="UTF-8"?>', "utf-8"),
    ],
)
def test_xhtml_with_xml_declaration(declaration: str, codec: str) -> None:
    text = "Привет" if codec == "koi8-r" else "café"
    source = (
        declaration + "\n"
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>X</title></head>'
        f"<body><p>{text}</p></body></html>"
    )
    page = Page.from_input(source.encode(codec))
    assert page.encoding == codec
    assert text in text_of(page)
    assert page.html_lang == "en"


def test_xhtml_declaration_in_str_input() -> None:
    # lxml refuses str input that carries an encoding declaration.
    source = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>café</p></body></html>'
    page = Page.from_input(source)
    assert "café" in text_of(page)


def test_nul_bytes_in_a_page_are_dropped() -> None:
    page = Page.from_input(b"<html><body><p>ab\x00cd</p></body></html>")
    assert "abcd" in page.root.text_content()


# --- Page helpers --------------------------------------------------------------------


def test_page_meta_and_meta_first() -> None:
    head = (
        '<meta property="og:title" content="  OG title ">'
        '<meta name="Description" content="A description">'
        '<meta name="empty" content="  ">'
        '<meta itemprop="datePublished" content="2018-06-20">'
    )
    page = Page.from_input(html_page("x", head))
    assert page.meta["og:title"] == ["OG title"]
    assert page.meta["description"] == ["A description"]
    assert "empty" not in page.meta
    assert page.meta_first("nope", "datepublished") == ("2018-06-20", "datepublished")
    assert page.meta_first("nope") is None


def test_copy_root_is_independent() -> None:
    page = Page.from_input(html_page("keep me"))
    copy = page.copy_root()
    for p in copy.iter("p"):
        p.getparent().remove(p)
    assert "keep me" in page.root.text_content()
    assert "keep me" not in copy.text_content()


@pytest.mark.parametrize("as_bytes", [True, False])
def test_control_characters_are_dropped_so_the_body_survives(as_bytes: bool) -> None:
    # A stray BEL in one footnote made trafilatura's XML output reject the page.
    paragraph = "The report\x07 (2020) is linked below, with the figures for every region."
    html = "<html><body><article>" + f"<p>{paragraph}</p>" * 4 + "</article></body></html>"
    source: str | bytes = html.encode() if as_bytes else html
    article = articlekit.parse(source)
    assert "\x07" not in article.body
    assert "The report (2020) is linked below" in article.body


def test_comments_and_processing_instructions_are_not_in_the_tree() -> None:
    from articlekit.page import Page

    markup = (
        "<html><body><article><p>Before<!-- an editor's note -->after the note.</p>"
        "<?php echo 1; ?><p>Second paragraph.</p></article></body></html>"
    )
    root = Page.from_input(markup).root
    assert [n for n in root.iter() if not isinstance(n.tag, str)] == []
    # the text around a dropped comment is joined, not lost
    assert root.findtext(".//p") == "Beforeafter the note."


def test_with_class_within_a_part_is_that_parts_classed_elements() -> None:
    """A part's answer is cut from the page's class index: the same elements,
    in page order, as a walk of the part alone finds."""
    from articlekit.page import _class_keys

    page = Page.from_input(
        '<html><body><div class="nav">m</div><main id="m"><p class="by">A</p>'
        '<section><span>x</span><span role="note">n</span><p class="by x">B</p></section>'
        '</main><footer class="by">C</footer></body></html>'
    )
    main = page.root.find(".//main")
    section = page.root.find(".//section")
    assert main is not None and section is not None
    pattern = re.compile(r"by|note")
    for part in (main, section, section[0]):
        expected = [el for el, key in _class_keys(part) if pattern.search(key)]
        assert page.with_class(pattern, within=part) == expected
    assert [el.text for el in page.with_class(pattern, within=main)] == ["A", "n", "B"]
    assert page.with_class(pattern, within=section[0]) == []


def test_with_class_answers_alike_whichever_is_asked_first() -> None:
    """Elements sharing a class string are all found, and the memo of class
    strings searched for a pattern serves a region, the page and a tree apart
    from the page alike, in any order."""
    page = Page.from_input(
        '<html><body><ul class="menu"><li class="item">a</li><li class="item">b</li></ul>'
        '<main><p class="item">c</p><p class="Item lead">d</p><p class="other">e</p></main>'
        "</body></html>"
    )
    main = page.root.find(".//main")
    assert main is not None
    pattern = re.compile(r"\bitem\b")
    assert [el.text for el in page.with_class(pattern, within=main)] == ["c", "d"]
    assert [el.text for el in page.with_class(pattern)] == ["a", "b", "c", "d"]
    assert [el.text for el in page.with_class(pattern, within=main)] == ["c", "d"]
    apart = Page.from_input('<html><body><div class="item x">f</div></body></html>').root
    assert [el.text for el in page.with_class(pattern, within=apart)] == ["f"]
