"""Pages and helpers shared by the engine tests (tests/test_engines.py,
tests/test_spark.py): corpus pages, hostile inputs, a small site with chrome
that repeats, a WARC written with warcio, and the reference rows of parse()."""

from __future__ import annotations

import gzip
import io
import json
from datetime import timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import articlekit
from articlekit import ArticlekitError
from articlekit.engines import FIELDS, article_row, error_row
from articlekit.page import MAX_TREE_DEPTH

from .conftest import shared_path

EXAMPLE = (Path(__file__).parents[1] / "examples" / "rathaus-solar.html").read_text("utf-8")

#: Corpus pages per corpus: six corpora make ~200 pages, enough to meet the
#: pipeline's odd cases while keeping the engine tests to seconds.
PER_CORPUS = 34

#: Empty, blank, binary, nested past libxml2's depth limit, cut off mid-tag,
#: null, and a page with no markup at all (as in tests/test_hostile.py).
HOSTILE: list[tuple[Any, str | None]] = [
    ("", None),
    ("   \n\t ", "https://hostile.example/blank"),
    ("\x00\x01\x02\x03PNG\x00\x00binary\xff" * 50, None),
    ("<div>" * (MAX_TREE_DEPTH + 200) + "<p>deep text of the page</p>", None),
    (EXAMPLE[: len(EXAMPLE) // 2], "https://hostile.example/truncated"),
    (None, "https://hostile.example/null"),
    ("just some words and no markup", None),
]


@lru_cache(maxsize=1)
def corpus_pages() -> tuple[tuple[bytes, str | None], ...]:
    """(bytes, url) of the first pages of every corpus (skips without them)."""
    root = shared_path("corpora")
    pages: list[tuple[bytes, str | None]] = []
    for corpus in sorted(p for p in root.iterdir() if (p / "truth.jsonl").is_file()):
        lines = (corpus / "truth.jsonl").read_text("utf-8").splitlines()[:PER_CORPUS]
        for line in lines:
            record = json.loads(line)
            data = gzip.decompress((corpus / record["file"]).read_bytes())
            pages.append((data, record.get("url")))
    return tuple(pages)


@lru_cache(maxsize=1)
def corpus_references() -> tuple[dict[str, Any], ...]:
    """:func:`reference_row` of every corpus page, computed once per session."""
    return tuple(reference_row(html, url) for html, url in corpus_pages())


def reference_row(html: Any, url: str | None) -> dict[str, Any]:
    """The row ``articlekit.parse`` gives a page, or the error row of what it raised."""
    if html is None:
        return error_row("InputError", "no HTML: the value is null", url)
    try:
        return article_row(articlekit.parse(html, url), url)
    except ArticlekitError as exc:
        return error_row(type(exc).__name__, str(exc), url)


def _plain(value: Any) -> Any:
    if hasattr(value, "asDict"):
        return _plain(value.asDict(recursive=True))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def comparable(row: Any) -> dict[str, Any]:
    """A row from any engine as plain values; timestamps as aware UTC (Spark
    hands back naive ones in the session zone, which the tests set to UTC)."""
    out = _plain(row)
    assert list(out) == [name for name, _kind in FIELDS]
    for name, kind in FIELDS:
        value = out[name]
        if kind == "timestamp" and value is not None:
            if value.tzinfo is None:
                value = value.replace(tzinfo=timezone.utc)
            out[name] = value.astimezone(timezone.utc)
    return out


# -- a site whose pages share chrome -----------------------------------------------

TOWNS = ["Aldham", "Brinkley", "Corfe", "Dunmore", "Elston", "Fairlie", "Garth", "Hollin"]
ITEMS = ["roads", "schools", "parks", "libraries"]
SITE_CHROME = "Our journalism is funded by readers like you, thank you for your support."


def site_page(n: int, host: str = "news.example.org") -> str:
    """Page ``n`` of a site: four paragraphs of its own, one block of chrome."""
    town = TOWNS[n % len(TOWNS)]
    body = "".join(
        f"<p>The council of {town} debated the {item} budget at length on Tuesday "
        f"evening, and {town} voted on {item} after a long night.</p>"
        for item in ITEMS
    )
    return (
        f"<html><head><title>{town} votes</title>"
        f'<link rel="canonical" href="https://{host}/{town.lower()}-{n}"></head>'
        f"<body><article><h1>{town} votes</h1>{body}<p>{SITE_CHROME}</p></article></body></html>"
    )


def site_pages() -> list[str]:
    """Seven pages of one site (one of them twice: a copy counts once), three
    of a site too small for site memory, and two failures."""
    big = [site_page(n) for n in range(7)]
    small = [site_page(n, host="small.example.net") for n in range(3)]
    return [*big, big[0], *small, "", "\x00\x01binary\x02" * 20]


# -- WARC ------------------------------------------------------------------------

LATIN = (
    "<html><head><title>Größe</title></head><body><article><h1>Größe</h1>"
    + "".join(
        f"<p>Die Straße von {t} wird im Frühjahr für die Bürger von Grund auf erneuert.</p>"
        for t in TOWNS[:4]
    )
    + "</article></body></html>"
)


def write_warc(path: Path) -> list[tuple[str, str]]:
    """A gzipped WARC of: an HTML response in UTF-8, one in ISO-8859-1 that only
    its HTTP header names, an image response, a request, and an HTML resource.
    Returns (url, html) of the two records the reader must yield."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def http(ctype: str) -> StatusAndHeaders:
        return StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def add(url: str, kind: str, data: bytes, ctype: str | None) -> None:
            headers = http(ctype) if ctype and kind == "response" else None
            extra = {"warc_content_type": ctype} if kind == "resource" and ctype else {}
            record = writer.create_warc_record(
                url, kind, payload=io.BytesIO(data), http_headers=headers, **extra
            )
            writer.write_record(record)

        add("https://a.example/utf8", "response", EXAMPLE.encode("utf-8"), "text/html")
        add(
            "https://a.example/latin",
            "response",
            LATIN.encode("latin-1"),
            "text/html; charset=ISO-8859-1",
        )
        add("https://a.example/logo.png", "response", b"\x89PNG\r\n\x1a\n" * 10, "image/png")
        add("https://a.example/utf8", "request", b"GET /utf8 HTTP/1.1\r\n\r\n", None)
        add("https://a.example/res", "resource", EXAMPLE.encode("utf-8"), "text/html")
    return [("https://a.example/utf8", EXAMPLE), ("https://a.example/latin", LATIN)]


def clean_articles(pages: list[str], folder: Path) -> list[dict[str, Any] | None]:
    """What ``articlekit clean`` (site memory on) writes for ``pages``, in order:
    the article dict of each page, ``None`` for a page that failed."""
    from articlekit import batch

    inputs = folder / "in"
    inputs.mkdir()
    names = [f"p{i:03d}.html" for i in range(len(pages))]
    for name, page in zip(names, pages, strict=True):
        (inputs / name).write_text(page, encoding="utf-8")
    batch.clean([inputs], folder / "out", jobs=1)
    found: dict[str, dict[str, Any]] = {}
    for line in (folder / "out" / "articles.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        found[Path(record["source"]).name] = record["article"]
    return [found.get(name) for name in names]
