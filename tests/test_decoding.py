"""Decoding page bytes (issue #13): valid UTF-8 is UTF-8, declarations the bytes
contradict are overruled with a warning, legacy codecs that agree with the bytes
are honoured, and detection is the last resort.

Every page here is generated: a sentence in some language, encoded with some
codec, under some declaration (or none).
"""

from __future__ import annotations

import bz2
import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

import articlekit
from articlekit import Page
from articlekit.page import UTF8_WITH_WINDOWS_1252, decode_bytes, decode_html

GERMAN = "Größere Straßen für Müller und Schäfer, täglich geöffnet."
FRENCH = "Le café “bien” est ouvert à Genève, déjà très connu."

#: (language, text long enough for detection, codecs that write it)
CHINESE = "今天的新闻很重要。北京市政府宣布了新的交通规则，市民表示欢迎。"
TAIWANESE = "今天的新聞很重要。臺北市政府宣布了新的交通規則，市民表示歡迎。"
JAPANESE = "日本語のテキストです。今日は天気がいいです。東京のニュースをお伝えします。"
KOREAN = "오늘의 뉴스입니다. 서울시는 새로운 교통 규칙을 발표했습니다."
RUSSIAN = "Привет, мир! Это новости дня и статья про погоду в Москве и области."

#: (language, text long enough for detection, a codec that writes it)
LEGACY = [
    ("Simplified Chinese", CHINESE, "gbk"),
    ("Simplified Chinese", CHINESE, "gb18030"),
    ("Traditional Chinese", TAIWANESE, "big5"),
    ("Japanese", JAPANESE, "shift_jis"),
    ("Korean", KOREAN, "euc-kr"),
    ("Russian", RUSSIAN, "windows-1251"),
    ("Russian", RUSSIAN, "koi8-r"),
]


def page_bytes(text: str, codec: str, head: str = "") -> bytes:
    markup = (
        f"<html><head>{head}<title>Page</title></head>"
        f"<body><article><p>{text}</p><p>{text}</p></article></body></html>"
    )
    return markup.encode(codec)


def meta(label: str) -> str:
    return f'<meta charset="{label}">'


def text_of(page: Page) -> str:
    return " ".join(page.root.text_content().split())


# --- valid UTF-8 is UTF-8, whatever is declared -------------------------------------


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("iso-8859-1", GERMAN),  # was "GrÃ¶ÃŸere"
        ("windows-1252", FRENCH),
        ("gb2312", "北京的新闻"),  # was mojibake
        ("shift_jis", "日本語のテキスト"),
        ("windows-1251", "Привет, мир"),
    ],
)
def test_utf8_bytes_declaring_another_charset_are_utf8(label: str, text: str) -> None:
    page = Page.from_input(page_bytes(text, "utf-8", meta(label)))
    assert page.encoding == "utf-8"
    assert text in text_of(page)
    assert page.warnings == (
        f"the page declares charset {label!r} but its bytes are UTF-8: read as UTF-8",
    )


def test_the_overruled_declaration_reaches_the_article() -> None:
    article = articlekit.parse(page_bytes(GERMAN, "utf-8", meta("iso-8859-1")))
    assert GERMAN in article.body
    assert any("declares charset 'iso-8859-1'" in w for w in article.warnings)


def test_the_xml_declaration_is_overruled_too() -> None:
    data = b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + page_bytes(GERMAN, "utf-8")
    page = Page.from_input(data)
    assert GERMAN in text_of(page)
    assert page.warnings and "ISO-8859-1" in page.warnings[0]


def test_ascii_bytes_keep_their_declared_charset_silently() -> None:
    page = Page.from_input(page_bytes("plain ASCII text", "ascii", meta("koi8-r")))
    assert page.encoding == "koi8-r"
    assert page.warnings == ()


def test_utf8_as_declared_gives_no_warning() -> None:
    page = Page.from_input(page_bytes(GERMAN, "utf-8", meta("utf-8")))
    assert (page.encoding, page.warnings) == ("utf-8", ())


# --- legacy codecs that the bytes agree with are honoured ------------------------------


@pytest.mark.parametrize(("language", "text", "codec"), LEGACY)
def test_declared_legacy_codec_is_honoured(language: str, text: str, codec: str) -> None:
    page = Page.from_input(page_bytes(text, codec, meta(codec)))
    assert text in text_of(page), language
    assert page.warnings == ()


@pytest.mark.parametrize(("language", "text", "codec"), LEGACY)
def test_declared_legacy_codec_in_http_equiv(language: str, text: str, codec: str) -> None:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={codec}">'
    article = articlekit.parse(page_bytes(text, codec, head))
    assert text in article.body, language


@pytest.mark.parametrize(("language", "text", "codec"), LEGACY)
def test_undeclared_legacy_codec_is_detected(language: str, text: str, codec: str) -> None:
    page = Page.from_input(page_bytes(text * 3, codec))
    assert text in text_of(page), language


def test_gb2312_label_reads_gbk_characters() -> None:
    # Pages labelled gb2312 use GBK's extra characters; the label is read as gb18030.
    text = "镕基总理在北京"  # 镕 is GBK, not GB2312
    page = Page.from_input(page_bytes(text, "gbk", meta("gb2312")))
    assert text in text_of(page)


# --- declarations the bytes contradict -----------------------------------------------------


def test_windows_1252_bytes_declaring_utf8_are_read_as_windows_1252() -> None:
    page = Page.from_input(page_bytes(FRENCH, "cp1252", meta("utf-8")))
    assert page.encoding == "cp1252"
    assert FRENCH in text_of(page)
    assert len(page.warnings) == 1
    assert page.warnings[0].startswith("the page declares UTF-8 but")
    assert "windows-1252" in page.warnings[0]


@pytest.mark.parametrize(("language", "text", "codec"), LEGACY)
def test_legacy_bytes_declaring_utf8_are_detected(language: str, text: str, codec: str) -> None:
    page = Page.from_input(page_bytes(text * 3, codec, meta("utf-8")))
    assert text in text_of(page), language
    assert page.warnings, language
    assert page.warnings[0].startswith("the page declares UTF-8 but its bytes are not UTF-8")


def test_a_utf8_page_with_a_stray_windows_1252_byte_stays_utf8() -> None:
    # A UTF-8 page with one pasted windows-1252 apostrophe (0x92): both are right.
    data = page_bytes(GERMAN, "utf-8", meta("utf-8")).replace("Schäfer".encode(), b"Sch\x92s")
    page = Page.from_input(data)
    assert page.encoding == "utf-8"
    assert "Größere Straßen für Müller und Sch’s" in text_of(page)
    assert "2 byte(s) are not UTF-8" in page.warnings[0]  # the paragraph is there twice


def test_a_truncated_utf8_character_at_the_end_does_not_change_the_codec() -> None:
    data = page_bytes(GERMAN, "utf-8") + "ü".encode()[:1]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert GERMAN in decoded.as_text()


def test_the_mixed_decoding_handler_reads_bad_bytes_as_windows_1252() -> None:
    assert b"caf\xc3\xa9 \x93ok\x94".decode("utf-8", UTF8_WITH_WINDOWS_1252) == "café “ok”"


def test_undeclared_windows_1252_is_not_warned_about() -> None:
    page = Page.from_input(page_bytes(FRENCH * 3, "cp1252"))
    assert page.encoding == "cp1252"
    assert FRENCH in text_of(page)
    assert page.warnings == ()


# --- byte order marks ---------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_bom_wins_over_any_declaration(codec: str) -> None:
    page = Page.from_input(page_bytes(GERMAN, codec, meta("koi8-r")))
    assert GERMAN in text_of(page)


# --- the same decoding for text dumps -----------------------------------------------------


def test_clean_text_takes_bytes_decoded_like_pages() -> None:
    dump = f"A headline about streets\n\n{GERMAN}\n\n{GERMAN}\n"
    article = articlekit.clean_text(dump.encode("utf-8"))
    assert GERMAN in article.body


def test_clean_text_bytes_in_a_legacy_codec() -> None:
    text = RUSSIAN
    dump = f"Новости дня\n\n{text}\n\n{text}\n{text}\n"
    article = articlekit.clean_text(dump.encode("windows-1251"))
    assert text in article.body


def test_clean_text_bytes_with_a_bom() -> None:
    dump = "Headline here\n\nA paragraph of text."
    article = articlekit.clean_text(dump.encode("utf-8-sig"))
    assert "\ufeff" not in article.body + (article.title or "")


def test_decode_html_is_decode_bytes_as_text() -> None:
    data = page_bytes(FRENCH, "cp1252", meta("windows-1252"))
    assert decode_html(data) == (decode_bytes(data).as_text(), "cp1252")


# --- compressed files decode the same way ---------------------------------------------------


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_compressed_legacy_page(tmp_path: Path, compress: Callable[[bytes], bytes]) -> None:
    text, codec = JAPANESE, "shift_jis"
    path = tmp_path / "page.html.gz"
    path.write_bytes(compress(page_bytes(text, codec, meta(codec))))
    assert text in articlekit.parse(path).body
