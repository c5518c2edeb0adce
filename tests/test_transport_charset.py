"""The transport's charset: ``parse(..., encoding=...)``, ``decode_bytes(data,
transport_charset=...)``, and the WARC and batch paths that carry an HTTP
header's charset to them.

Precedence: a BOM; valid UTF-8; the transport's charset (when the bytes decode
under it strictly); the markup's declaration; detection. Every page here is
generated: a sentence in some language, encoded with some codec, under some
declaration (or none).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import Page, Source
from articlekit.batch import PageParser, parse_many
from articlekit.cli import main
from articlekit.page import content_type_charset, decode_bytes, decode_html

RUSSIAN = "Горсовет утвердил бюджет на будущий год: новости дня и статья про Москву."
JAPANESE = "日本語のテキストです。今日は天気がいいです。東京のニュースをお伝えします。"
KOREAN = "오늘의 뉴스입니다. 서울시는 새로운 교통 규칙을 발표했습니다."
CHINESE = "今天的新闻很重要。北京市政府宣布了新的交通规则，市民表示欢迎。"
GERMAN = "Größere Straßen für Müller und Schäfer, täglich geöffnet."


def page(text: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{n}. {text}</p>" for n in range(1, 9))
    return (
        f"<html><head>{head}<title>{text[:20]}</title></head>"
        f"<body><article><h1>{text[:20]}</h1>{paragraphs}</article></body></html>"
    )


def meta(label: str) -> str:
    return f'<meta charset="{label}">'


def text_of(p: Page) -> str:
    return " ".join(p.root.text_content().split())


def given(label: str) -> str:
    """How the warnings name a transport charset."""
    return f"encoding={label!r}"


def notes_about(warnings: tuple[str, ...], label: str) -> list[str]:
    return [w for w in warnings if given(label) in w]


# -- 1. a byte-order mark ---------------------------------------------------------


@pytest.mark.parametrize("bom_codec", ["utf-8-sig", "utf-16"])
def test_a_bom_outranks_the_transport_charset_silently(bom_codec: str) -> None:
    data = page(GERMAN).encode(bom_codec)
    decoded = decode_bytes(data, "windows-1251")
    assert GERMAN in decoded.as_text()
    assert decoded.warnings == ()
    assert decoded == decode_bytes(data)


# -- 2. valid UTF-8 -----------------------------------------------------------------


def test_valid_utf8_outranks_a_legacy_transport_charset_with_a_warning() -> None:
    decoded = decode_bytes(page(RUSSIAN).encode(), "windows-1251")
    assert decoded.encoding == "utf-8"
    assert RUSSIAN in decoded.as_text()
    (note,) = decoded.warnings
    assert note.startswith(given("windows-1251")) and "overruled" in note and "UTF-8" in note


def test_valid_utf8_overrules_both_a_header_and_a_meta_that_name_legacy_charsets() -> None:
    decoded = decode_bytes(page(RUSSIAN, meta("iso-8859-1")).encode(), "windows-1251")
    assert decoded.encoding == "utf-8" and RUSSIAN in decoded.as_text()
    header, markup = decoded.warnings
    assert given("windows-1251") in header
    assert "'iso-8859-1'" in markup and "UTF-8" in markup


def test_ascii_bytes_contradict_no_transport_charset() -> None:
    decoded = decode_bytes(page("Plain news of the day").encode("ascii"), "windows-1251")
    assert (decoded.encoding, decoded.warnings) == ("cp1251", ())


def test_a_utf8_transport_charset_outranks_a_stale_meta_silently() -> None:
    data = page(RUSSIAN, meta("windows-1251")).encode()
    assert decode_bytes(data).warnings != ()  # alone, the stale <meta> is reported
    decoded = decode_bytes(data, "utf-8")
    assert (decoded.encoding, decoded.warnings) == ("utf-8", ())
    assert RUSSIAN in decoded.as_text()


# -- 3. the transport's charset ------------------------------------------------------------


def test_a_cp1251_page_whose_meta_says_iso_8859_1_reads_right_with_its_header() -> None:
    data = page(RUSSIAN, meta("iso-8859-1")).encode("cp1251")
    article = articlekit.parse(data, encoding="windows-1251")
    assert RUSSIAN in article.body
    assert article.warnings == ()  # the header outranks the <meta>: nothing to overrule
    # Without the header the stale <meta> decides, and the text is mojibake.
    assert RUSSIAN not in articlekit.parse(data).body
    assert Page.from_input(data, encoding="windows-1251").encoding == "cp1251"


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [
        (JAPANESE, "shift_jis", "shift_jis"),
        (JAPANESE, "shift_jis", "Shift_JIS"),
        (KOREAN, "euc-kr", "EUC-KR"),
        (CHINESE, "gb18030", "GB18030"),
        (CHINESE, "gbk", "gb2312"),  # gb2312 and gbk are read as gb18030, as in markup
        (RUSSIAN, "koi8-r", "koi8-r"),
    ],
)
def test_a_transport_charset_the_bytes_agree_with_decodes_them(
    text: str, codec: str, label: str
) -> None:
    data = page(text).encode(codec)
    decoded = decode_bytes(data, label)
    assert text in decoded.as_text()
    assert decoded.warnings == ()
    # Labels resolve as the markup's do.
    assert decoded.encoding == decode_bytes(page(text, meta(label)).encode(codec)).encoding


def test_shift_jis_bytes_with_a_wrong_meta_read_by_the_header() -> None:
    data = page(JAPANESE, meta("euc-kr")).encode("shift_jis")
    assert JAPANESE not in decode_bytes(data).as_text()
    assert JAPANESE in articlekit.parse(data, encoding="shift_jis").body


def test_iso_8859_1_is_read_as_windows_1252() -> None:
    text = "„Größe“ – 5 € für Müller"
    decoded = decode_bytes(page(text).encode("cp1252"), "ISO-8859-1")
    assert decoded.encoding == "cp1252" and text in decoded.as_text()


@pytest.mark.parametrize("label", ["shift_jis", "gb18030", "euc-kr", "big5", "utf-8"])
def test_a_multibyte_charset_the_bytes_break_is_overruled_and_the_meta_decides(
    label: str,
) -> None:
    data = page(RUSSIAN, meta("windows-1251")).encode("cp1251")
    decoded = decode_bytes(data, label)
    assert RUSSIAN in decoded.as_text()
    assert decoded.encoding == "cp1251"
    (note,) = notes_about(decoded.warnings, label)
    assert "overruled" in note


def test_a_single_byte_charset_with_an_undefined_byte_is_overruled() -> None:
    data = page(RUSSIAN).encode("cp1251") + b"\x98"  # 0x98 is no character in windows-1251
    decoded = decode_bytes(data, "windows-1251")
    assert len(notes_about(decoded.warnings, "windows-1251")) == 1
    assert decoded.warnings[1:] == decode_bytes(data).warnings


def test_a_utf8_header_over_invalid_utf8_is_overruled_with_a_warning() -> None:
    # Mostly UTF-8 with one stray windows-1252 byte: repaired as without the header.
    stray = page(GERMAN).encode() + b"\xe9"
    decoded = decode_bytes(stray, "utf-8")
    (note,) = notes_about(decoded.warnings, "utf-8")
    assert "overruled" in note
    assert decoded.as_text() == decode_bytes(stray).as_text()
    assert decoded.as_text().endswith("é")
    # A windows-1251 page served as UTF-8: its own <meta> decides.
    russian = page(RUSSIAN, meta("windows-1251")).encode("cp1251")
    article = articlekit.parse(russian, encoding="UTF-8")
    assert RUSSIAN in article.body
    assert len(notes_about(article.warnings, "UTF-8")) == 1


def test_utf16_needs_bytes_that_look_like_utf16() -> None:
    wide = page(GERMAN).encode("utf-16-le")  # no BOM: only the header says UTF-16
    decoded = decode_bytes(wide, "utf-16-le")
    assert (decoded.encoding, decoded.warnings) == ("utf-16-le", ())
    assert GERMAN in decoded.as_text()
    # Ordinary bytes are no UTF-16, though they would decode as it.
    narrow = page(GERMAN).encode("cp1252")
    overruled = decode_bytes(narrow, "utf-16")
    assert GERMAN in overruled.as_text()
    assert len(notes_about(overruled.warnings, "utf-16")) == 1
    # And UTF-16 bytes are no windows-1252, though they decode as it (and
    # UTF-16 of ASCII text is even valid UTF-8).
    for text in (GERMAN, "Plain news of the day"):
        utf16 = page(text).encode("utf-16-le")
        wrong = decode_bytes(utf16, "windows-1252")
        assert len(notes_about(wrong.warnings, "windows-1252")) == 1
        assert wrong.as_text() == decode_bytes(utf16).as_text()
        assert wrong.encoding == decode_bytes(utf16).encoding


# -- unknown labels, str input, the other entry points ------------------------------------


@pytest.mark.parametrize("label", ["x-no-such-charset", "", "  "])
def test_an_unknown_label_is_ignored_with_a_warning(label: str) -> None:
    data = page(RUSSIAN, meta("windows-1251")).encode("cp1251")
    decoded = decode_bytes(data, label)
    note = f"{given(label.strip())} (the transport's charset) is unknown: ignored"
    assert decoded.warnings[0] == note
    assert decoded.as_text() == decode_bytes(data).as_text()
    assert decoded.warnings[1:] == decode_bytes(data).warnings


def test_a_str_input_ignores_the_transport_charset() -> None:
    text = page(RUSSIAN, meta("iso-8859-1"))
    for label in ("shift_jis", "x-no-such-charset"):
        read = Page.from_input(text, encoding=label)
        assert (read.encoding, read.warnings) == ("str", ())
        assert articlekit.parse(text, encoding=label) == articlekit.parse(text)


def test_paths_and_open_files_of_bytes_take_it(tmp_path: Path) -> None:
    data = page(RUSSIAN, meta("iso-8859-1")).encode("cp1251")
    path = tmp_path / "page.html"
    path.write_bytes(data)
    for source in (path, io.BytesIO(data)):
        assert RUSSIAN in text_of(Page.from_input(source, encoding="windows-1251"))


def test_decode_html_takes_it_too() -> None:
    data = page(RUSSIAN).encode("cp1251")
    assert decode_html(data, "windows-1251") == (decode_bytes(data, "cp1251").as_text(), "cp1251")


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("text/html; charset=windows-1251", "windows-1251"),
        ('text/html; Charset="KOI8-R"', "KOI8-R"),
        ("text/html;charset=utf-8; format=flowed", "utf-8"),
        ("text/html; charset=", None),
        ("text/html", None),
        ("", None),
    ],
)
def test_content_type_charset_is_the_label_as_written(value: str, label: str | None) -> None:
    assert content_type_charset(value) == label


# -- batch: per source -------------------------------------------------------------------


def test_page_parser_passes_it_to_parse() -> None:
    data = page(RUSSIAN, meta("iso-8859-1")).encode("cp1251")
    article = PageParser()(data, url="https://example.ru/1", encoding="windows-1251")
    assert article == articlekit.parse(data, url="https://example.ru/1", encoding="windows-1251")
    assert RUSSIAN in article.body


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_carries_it_per_source(jobs: int) -> None:
    data = page(RUSSIAN, meta("iso-8859-1")).encode("cp1251")
    sources = [
        Source.from_bytes(data, id="with", encoding="windows-1251"),
        Source.from_bytes(data, id="without"),
    ]
    results = list(parse_many(sources, jobs=jobs))
    assert [r.source.id for r in results] == ["with", "without"]
    with_header, without = (r.article for r in results)
    assert with_header is not None and without is not None
    assert RUSSIAN in with_header.body
    assert RUSSIAN not in without.body


# -- WARC: clean and the engines' reader agree ----------------------------------------------

URL = "https://example.ru/news/budget"


def write_warc(path: Path) -> bytes:
    """A WARC with one response: windows-1251 bytes whose <meta> says
    ISO-8859-1 and whose HTTP header says windows-1251. Returns the payload."""
    warcio = pytest.importorskip("warcio", reason="the WARC tests need the extra articlekit[warc]")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    payload = page(RUSSIAN, meta("iso-8859-1")).encode("cp1251")
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=windows-1251")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            URL, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    assert warcio
    return payload


def clean_bodies(inputs: Path, out: Path) -> list[dict[str, Any]]:
    argv = ["clean", str(inputs), "--out", str(out), "--jobs", "1", "--no-site-memory", "--quiet"]
    assert main(argv) == 0
    lines = (out / "articles.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line)["article"] for line in lines]


def test_clean_and_the_engines_read_a_warc_record_by_its_header_charset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from articlekit.engines._run import parse_rows
    from articlekit.engines._warc import warc_file_rows

    inputs = tmp_path / "in"
    inputs.mkdir()
    warc = inputs / "crawl.warc.gz"
    payload = write_warc(warc)

    (cleaned,) = clean_bodies(inputs, tmp_path / "out")
    assert RUSSIAN in cleaned["body"]
    assert cleaned["warnings"] == []

    (row,) = warc_file_rows(str(warc))
    assert row["html"] is not None and RUSSIAN in row["html"]
    (parsed,) = parse_rows([row["html"]], [row["url"]], isolate=False)
    assert parsed["body"] == cleaned["body"]
    assert parsed["title"] == cleaned["title"]

    # `articlekit parse` of the WARC file reads the record the same way.
    assert main(["parse", str(warc), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["body"] == cleaned["body"]
    # And so does parse() given the payload and the header's charset.
    assert articlekit.parse(payload, url=URL, encoding="windows-1251").body == cleaned["body"]
