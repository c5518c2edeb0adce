"""One input contract for ``articlekit parse`` and ``articlekit clean``.

Both read compressed pages, text dumps and WARC records the same way, both
take ``--input html|text``, and ``clean`` says in its summary what it did not
read and why.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from articlekit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "rathaus-solar.html"
TITLE = "Stadtrat beschließt Solarpflicht für neue Dächer"
DUMP = "A headline of the dump\n\nFirst paragraph of it, a sentence or two long.\n\nLoad more\n"


def parse_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(["parse", *argv]) == EXIT_OK, capsys.readouterr().err
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def clean(tmp_path: Path, *argv: str) -> tuple[int, Path]:
    out = tmp_path / "out"
    code = main(["clean", *argv, "--out", str(out), "--jobs", "1", "--no-site-memory"])
    return code, out


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A folder of every kind of input, plus files that are no page."""
    root = tmp_path / "in"
    root.mkdir()
    html = EXAMPLE.read_bytes()
    (root / "a.html").write_bytes(html)
    (root / "b.html.gz").write_bytes(gzip.compress(html))
    (root / "c.htm.bz2").write_bytes(bz2.compress(html))
    (root / "d.txt").write_text(DUMP, "utf-8")
    (root / "e.txt.gz").write_bytes(gzip.compress(DUMP.encode()))
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "style.css").write_text("p { color: red }", "utf-8")
    return root


@pytest.mark.parametrize("name", ["a.html", "b.html.gz", "c.htm.bz2"])
def test_parse_reads_compressed_pages(
    name: str, pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert parse_json(capsys, str(pages / name))["title"] == TITLE


@pytest.mark.parametrize("name", ["d.txt", "e.txt.gz"])
def test_parse_reads_text_dumps_compressed_or_not(
    name: str, pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = parse_json(capsys, str(pages / name))
    assert data["title"] == "A headline of the dump"
    assert data["paragraphs"] == ["First paragraph of it, a sentence or two long."]


def test_a_gzip_page_without_the_suffix_is_still_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "saved.html"  # what a crawler wrote, still gzip-encoded
    page.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    assert parse_json(capsys, str(page))["title"] == TITLE


def test_clean_gives_each_file_the_article_parse_gives(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = clean(tmp_path, str(pages))
    assert code == EXIT_OK
    records = {Path(r["source"]).name: r["article"] for r in read_jsonl(out / "articles.jsonl")}
    assert sorted(records) == ["a.html", "b.html.gz", "c.htm.bz2", "d.txt", "e.txt.gz"]
    capsys.readouterr()
    for name, article in records.items():
        assert parse_json(capsys, str(pages / name)) == article, name


def test_clean_says_what_it_did_not_read_and_why(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = clean(tmp_path, str(pages))
    assert code == EXIT_OK
    err = capsys.readouterr().err
    assert "5 pages: 5 ok" in err
    assert "not read: 2 files that are not pages by their suffix (logo.png, style.css)" in err
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["not_read"] == {"files that are not pages by their suffix": 2}


def test_clean_summary_has_no_not_read_line_when_all_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out = clean(tmp_path, str(EXAMPLE))
    assert code == EXIT_OK
    assert "not read" not in capsys.readouterr().err


@pytest.mark.parametrize("command", ["parse", "clean"])
def test_input_text_reads_an_html_file_as_a_dump(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text(DUMP, "utf-8")
    if command == "parse":
        as_html = parse_json(capsys, str(page))
        as_text = parse_json(capsys, str(page), "--input", "text")
    else:
        code, out = clean(tmp_path / "1", str(page))
        assert code == EXIT_OK
        as_html = read_jsonl(out / "articles.jsonl")[0]["article"]
        code, out = clean(tmp_path / "2", str(page), "--input", "text")
        assert code == EXIT_OK
        as_text = read_jsonl(out / "articles.jsonl")[0]["article"]
    assert as_text["title"] == "A headline of the dump"
    assert as_html["title"] != as_text["title"]  # as HTML it is one run of text


@pytest.mark.parametrize("command", ["parse", "clean"])
def test_input_html_reads_a_txt_file_as_markup(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"  # a saved page that was given the wrong suffix
    page.write_bytes(EXAMPLE.read_bytes())
    if command == "parse":
        article = parse_json(capsys, str(page), "--input", "html")
    else:
        code, out = clean(tmp_path, str(page), "--input", "html")
        assert code == EXIT_OK
        article = read_jsonl(out / "articles.jsonl")[0]["article"]
    assert article["title"] == TITLE
    assert "<html" not in article["body"]


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_takes_input_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, DUMP.encode())
    data = parse_json(capsys, "-", "--input", "text", "--published", "2018-06-21")
    assert data["title"] == "A headline of the dump"
    assert data["published"] == "2018-06-21"


def test_stdin_may_be_compressed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(monkeypatch, gzip.compress(EXAMPLE.read_bytes()))
    assert parse_json(capsys, "-")["title"] == TITLE


def test_a_broken_gz_fails_the_page_with_our_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(EXAMPLE.read_bytes())[:200])
    assert main(["parse", str(page)]) == EXIT_FAILED
    assert capsys.readouterr().err == f"articlekit: {page}: gzip data is truncated\n"


# -- WARC ----------------------------------------------------------------------


def make_warc(path: Path, records: list[tuple[str, str, bytes]]) -> Path:
    """A warcinfo record, then (url, content type, body) response records."""
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, ctype, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return path


URL = "https://kurier.example/2024/03/12/solarpflicht"


def test_parse_reads_the_html_record_of_a_warc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warc = make_warc(
        tmp_path / "one.warc.gz",
        [
            ("https://kurier.example/logo.png", "image/png", b"PNG"),
            (URL, "text/html", EXAMPLE.read_bytes()),
        ],
    )
    assert main(["parse", str(warc)]) == EXIT_OK
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert (data["title"], data["url"]) == (TITLE, URL)  # the record's URL is the page's
    assert captured.err == ("articlekit: not read: 1 WARC records that are not HTML (image/png)\n")


def test_parse_of_a_warc_with_several_pages_asks_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = URL.replace("solarpflicht", "other")
    warc = make_warc(
        tmp_path / "two.warc",
        [(URL, "text/html", EXAMPLE.read_bytes()), (other, "text/html", EXAMPLE.read_bytes())],
    )
    assert main(["parse", str(warc)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "holds 2 HTML pages: pick one with --record" in err
    assert "articlekit clean" in err
    assert parse_json(capsys, str(warc), "--record", other)["url"] == other
    assert main(["parse", str(warc), "--record", "https://nowhere.example/"]) == EXIT_USAGE
    assert "no HTML record with id or URL https://nowhere.example/" in capsys.readouterr().err


def test_clean_counts_the_warc_records_it_did_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warc = make_warc(
        tmp_path / "crawl.warc.gz",
        [
            (URL, "text/html; charset=utf-8", EXAMPLE.read_bytes()),
            ("https://kurier.example/a.jpg", "image/jpeg", b"JPEG"),
            ("https://kurier.example/b.jpg", "image/jpeg", b"JPEG"),
            ("https://kurier.example/feed", "application/rss+xml", b"<rss/>"),
        ],
    )
    code, out = clean(tmp_path, str(warc))
    assert code == EXIT_OK
    assert [r["article"]["url"] for r in read_jsonl(out / "articles.jsonl")] == [URL]
    assert (
        "not read: 3 WARC records that are not HTML (image/jpeg ×2, application/rss+xml)"
        in capsys.readouterr().err
    )


def test_parse_of_a_warc_without_html_says_what_it_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warc = make_warc(tmp_path / "img.warc", [("https://k.example/a.png", "image/png", b"PNG")])
    assert main(["parse", str(warc)]) == EXIT_FAILED
    assert capsys.readouterr().err == (
        f"articlekit: {warc} holds no HTML page\n"
        "articlekit: not read: 1 WARC records that are not HTML (image/png)\n"
    )


def test_the_not_read_line_gives_a_few_examples_and_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_bytes(EXAMPLE.read_bytes())
    for name in ("a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.js"):
        (folder / name).write_bytes(b"x")
    code, _out = clean(tmp_path, str(folder))
    assert code == EXIT_OK
    assert (
        "\nnot read: 5 files that are not pages by their suffix (a.jpg, b.jpg, c.jpg, …)\n"
        in capsys.readouterr().err
    )


def test_parse_of_a_warc_without_the_extra_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import articlekit.cli

    warc = make_warc(tmp_path / "one.warc", [(URL, "text/html", EXAMPLE.read_bytes())])
    monkeypatch.setattr(articlekit.cli, "warc_available", lambda: False)
    assert main(["parse", str(warc)]) == EXIT_USAGE
    assert capsys.readouterr().err == (
        f"articlekit: reading {warc} needs the 'warc' extra: pip install 'articlekit[warc]'\n"
    )


def test_parse_of_a_truncated_warc_is_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = make_warc(
        tmp_path / "whole.warc.gz",
        [(URL, "text/html", EXAMPLE.read_bytes()), (URL + "2", "text/html", EXAMPLE.read_bytes())],
    )
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-200])
    assert main(["parse", str(cut)]) == EXIT_USAGE
    assert (
        f"articlekit: cannot read {cut}: cannot read WARC after record" in capsys.readouterr().err
    )
    # The record before the break can still be picked.
    assert parse_json(capsys, str(cut), "--record", URL)["url"] == URL


def test_per_page_formats_name_dumps_like_pages(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["clean", str(pages), "--out", str(out), "--format", "text", "--jobs", "1"]
    assert main(argv) == EXIT_OK
    names = sorted(p.name for p in out.iterdir() if p.is_file())
    # Compression, page and dump suffixes all give way to the format's.
    assert names == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "errors.jsonl", "report.json"]
    assert (out / "d.txt").read_text("utf-8").startswith("A headline of the dump\n")
