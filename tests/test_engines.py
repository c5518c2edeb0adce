"""The engine-free layer of articlekit.spark / articlekit.dask (rows, parsing with
the batch guarantees, WARC rows, site memory on rows) and the Dask engine on
its local scheduler. The Spark engine is tested in tests/test_spark.py."""

from __future__ import annotations

import gzip
import os
import time
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit.batch import SiteMemory
from articlekit.engines import FIELDS, article_row, error_row, row_to_article
from articlekit.engines._memory import apply_to_row, memory_from_counts, page_entry
from articlekit.engines._run import parse_batches, parse_rows
from articlekit.engines._warc import decode_payload, warc_file_rows

from .engine_pages import (
    EXAMPLE,
    HOSTILE,
    SITE_CHROME,
    clean_articles,
    comparable,
    corpus_pages,
    corpus_references,
    reference_row,
    site_pages,
    write_warc,
)

# -- rows ----------------------------------------------------------------------------


def test_a_row_has_every_field_and_rebuilds_the_article() -> None:
    article = articlekit.parse(EXAMPLE, "https://example.org/solar")
    row = article_row(article, "https://example.org/solar")
    assert list(row) == [name for name, _kind in FIELDS]
    assert row["error"] is None and row["title"] == article.title
    assert row["published"] is not None and row["published"].tzinfo is not None
    assert row["published_iso"] == article.to_dict()["published"]
    assert row_to_article(row) == article


def test_rows_of_corpus_pages_rebuild_their_articles() -> None:
    for data, url in corpus_pages()[::10]:
        article = articlekit.parse(data, url)
        assert row_to_article(article_row(article, url)) == article


def test_an_error_row_holds_only_the_error() -> None:
    row = error_row("NotHtmlError", "binary", "https://x.example/")
    assert row["error"] == {"type": "NotHtmlError", "message": "binary"}
    assert row["source_url"] == "https://x.example/"
    assert all(row[name] is None for name, _ in FIELDS if name not in ("error", "source_url"))
    with pytest.raises(ValueError):
        row_to_article(row)


def test_a_date_past_what_engines_hold_keeps_its_text() -> None:
    far = datetime(9999, 1, 2, 10, 0, tzinfo=timezone.utc)
    article = replace(articlekit.parse(EXAMPLE), published=far, updated=date(1200, 5, 1))
    row = article_row(article)
    assert row["published"] is None and row["updated"] is None
    assert row["published_iso"] == "9999-01-02T10:00:00+00:00"
    assert row["updated_iso"] == "1200-05-01"
    assert row_to_article(row) == article


# -- parsing with the batch guarantees -------------------------------------------------


@pytest.mark.parametrize("isolate", [True, False])
def test_parse_rows_match_parse_row_by_row_on_hostile_pages(isolate: bool) -> None:
    htmls = [h for h, _ in HOSTILE]
    urls = [u for _, u in HOSTILE]
    rows = parse_rows(htmls, urls, timeout=30, isolate=isolate)
    assert len(rows) == len(HOSTILE)
    for row, (html, url) in zip(rows, HOSTILE, strict=True):
        assert comparable(row) == comparable(reference_row(html, url))
    assert rows[0]["error"]["type"] == "EmptyInputError"


def test_bytes_and_text_columns_are_parsed_as_given() -> None:
    as_bytes = parse_rows([EXAMPLE.encode("utf-8")], ["https://example.org/b"])
    as_text = parse_rows([EXAMPLE], ["https://example.org/b"])
    assert comparable(as_bytes[0]) == comparable(
        reference_row(EXAMPLE.encode(), as_bytes[0]["source_url"])
    )
    assert comparable(as_text[0]) == comparable(reference_row(EXAMPLE, "https://example.org/b"))


def test_batches_keep_their_sizes_even_when_empty() -> None:
    batches = [([], None), ([EXAMPLE, ""], None), ([], None), (["<p>x</p>"], ["u"]), ([], None)]
    out = list(parse_batches(batches, timeout=30))
    assert [len(rows) for rows in out] == [0, 2, 0, 1, 0]
    assert out[1][1]["error"]["type"] == "EmptyInputError"
    assert out[3][0]["source_url"] == "u"


@pytest.mark.parametrize("isolate", [True, False])
def test_a_page_over_the_time_limit_is_an_error_row(isolate: bool) -> None:
    rows = parse_rows([EXAMPLE, EXAMPLE], timeout=1e-9, isolate=isolate)
    assert [r["error"]["type"] for r in rows] == ["ParseTimeoutError"] * 2


def _crashing_parser(page: Any, url: str | None = None) -> articlekit.Article:
    """Kills its process on a page that says so; parses the rest."""
    text = page if isinstance(page, str) else page.decode("utf-8", "replace")
    if "KILL-ME" in text:
        os._exit(3)
    if "HANG-ME" in text:
        time.sleep(60)
    return articlekit.parse(page, url)


def test_a_page_that_kills_its_worker_costs_that_page_only() -> None:
    pages = [EXAMPLE, "<p>KILL-ME</p>", EXAMPLE]
    rows = parse_rows(pages, timeout=30, parser=_crashing_parser)
    assert len(rows) == 3
    assert rows[1]["error"]["type"] == "WorkerDied"
    assert rows[0]["error"] is None and rows[2]["error"] is None
    assert comparable(rows[2]) == comparable(reference_row(EXAMPLE, None))


def test_a_stage_that_never_returns_is_stopped_by_the_hard_limit() -> None:
    started = time.monotonic()
    rows = parse_rows(["<p>HANG-ME</p>", EXAMPLE], timeout=0.5, parser=_crashing_parser)
    assert time.monotonic() - started < 30  # the page sleeps 60 s
    assert rows[0]["error"]["type"] == "PageTimeout"
    assert rows[1]["title"] == articlekit.parse(EXAMPLE).title


# -- WARC rows -------------------------------------------------------------------------


def test_warc_rows_are_html_responses_decoded_by_their_header(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    expected = write_warc(path)
    rows = list(warc_file_rows(str(path)))
    assert [(r["url"], r["html"]) for r in rows] == expected
    assert all(r["warc_record_id"] and r["read_error"] is None for r in rows)
    assert "Größe" in (rows[1]["html"] or "")


def test_a_truncated_warc_ends_in_an_error_row(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
    rows = list(warc_file_rows(str(cut)))
    assert rows[-1]["read_error"] is not None and rows[-1]["html"] is None
    assert rows[0]["html"] == write_warc(tmp_path / "again.warc.gz")[0][1]


def test_the_header_charset_decides_unless_the_bytes_are_utf8_or_deny_it() -> None:
    # ISO-8859-1 is read as windows-1252, as browsers (and parse()) read it.
    quoted = "„Größe“ – 5 €"
    assert decode_payload(quoted.encode("cp1252"), 'text/html; charset="ISO-8859-1"') == quoted
    assert decode_payload("Größe".encode("latin-1"), "text/html; charset=latin1") == "Größe"
    # Valid UTF-8 is UTF-8, whatever the header says (as parse() treats a <meta>).
    assert decode_payload("Größe".encode(), "text/html; charset=ascii") == "Größe"
    # Bytes the header's codec cannot decode fall back to articlekit's decoding.
    text = "<p>Die Straße wird für die Bürger im Frühjahr erneuert.</p>" * 3
    assert decode_payload(text.encode("latin-1"), "text/html; charset=utf-8") == text


def test_gzip_payload_bytes_are_not_mistaken_for_text() -> None:
    data = gzip.compress(b"<p>x</p>")
    assert isinstance(decode_payload(data, "text/html"), str)


# -- site memory on rows -----------------------------------------------------------------


def test_site_memory_seam_learns_as_learn_blocks_does() -> None:
    pages = [articlekit.parse(p) for p in site_pages()[:8]]
    whole = SiteMemory()
    stepwise = SiteMemory()
    for article in pages:
        whole.learn(article)
        site = "news.example.org"
        stepwise.learn_page(site, *stepwise.page_key(article.paragraphs))
    assert whole.pages("news.example.org") == stepwise.pages("news.example.org") == 7
    assert whole.repeated("news.example.org") == stepwise.repeated("news.example.org") == 1
    assert whole.needed(7) == 4 and whole.needed(4) is None
    # Made from the chrome counts alone, it removes the same blocks.
    counts = {"news.example.org": dict(whole._counts["news.example.org"])}
    small = SiteMemory.from_counts({"news.example.org": 7}, counts)
    for article in pages:
        assert small.apply(article) == whole.apply(article)
    assert SITE_CHROME not in whole.apply(pages[0]).body


def _rows_with_memory(pages: list[str]) -> list[dict[str, Any]]:
    """Site memory over rows, counted here as an engine counts it."""
    rows = parse_rows(pages, timeout=30)
    entries = {(e[0], e[1]): e for e in map(page_entry, rows) if e is not None}
    per_site: dict[str, int] = {}
    blocks: dict[tuple[str, bytes], int] = {}
    for site, _page, keys in entries.values():
        per_site[site] = per_site.get(site, 0) + 1
        for key in keys:
            blocks[(site, key)] = blocks.get((site, key), 0) + 1
    memory = memory_from_counts(per_site, ((s, k, n) for (s, k), n in blocks.items()))
    return [apply_to_row(memory, row) for row in rows]


def test_site_memory_on_rows_equals_clean(tmp_path: Path) -> None:
    pages = site_pages()
    rows = _rows_with_memory(pages)
    expected = clean_articles(pages, tmp_path)
    assert [r["error"] is None for r in rows] == [e is not None for e in expected]
    for row, article in zip(rows, expected, strict=True):
        if article is not None:
            assert row_to_article(row).to_dict() == article
    assert any("site-repeat" in [r["rule"] for r in row["removed"] or ()] for row in rows)
    assert all(SITE_CHROME in (r["body"] or "") for r in rows if r["site_name"] == "x")


# -- Dask --------------------------------------------------------------------------------

dask = pytest.importorskip("dask", reason="the 'dask' extra is not installed")
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

from articlekit import dask as akd  # noqa: E402


@pytest.fixture(autouse=False)
def synchronous() -> Any:
    """Dask's local scheduler in this thread: tasks see the test's module."""
    with dask.config.set(scheduler="synchronous"):
        yield


def test_dask_bag_rows_match_parse_row_by_row(synchronous: None) -> None:
    # Every other corpus page: tests/test_spark.py runs them all.
    pages = [*corpus_pages()[::2], *HOSTILE]
    expected = [*corpus_references()[::2], *(reference_row(h, u) for h, u in HOSTILE)]
    bag = db.from_sequence([{"html": h, "url": u} for h, u in pages], npartitions=2)
    rows = akd.parse_bag(bag, timeout=30).compute()
    assert len(rows) == len(pages)
    for row, reference in zip(rows, expected, strict=True):
        assert comparable(row) == comparable(reference)


def test_dask_bag_on_the_threaded_scheduler() -> None:
    bag = db.from_sequence([EXAMPLE, "", EXAMPLE], npartitions=2)
    rows = akd.parse_bag(bag).compute(scheduler="threads")
    assert [r["error"] is None for r in rows] == [True, False, True]


def test_dask_dataframe_rows_keep_the_index(synchronous: None) -> None:
    pages = [h for h, _ in HOSTILE if isinstance(h, str)] + [EXAMPLE]
    frame = pd.DataFrame(
        {"html": pages, "url": [None] * len(pages)}, index=range(10, 10 + len(pages))
    )
    parsed = akd.parse_dataframe(dd.from_pandas(frame, npartitions=2), "html", "url").compute()
    assert list(parsed.index) == list(frame.index)
    assert list(parsed.columns) == [name for name, _ in FIELDS]
    assert str(parsed["published"].dtype) == "datetime64[ns, UTC]"
    from articlekit.engines._frames import frame_to_rows

    for row, html in zip(frame_to_rows(parsed), pages, strict=True):
        assert comparable(row) == comparable(reference_row(html, None))


def test_dask_reads_warc_and_parses_it(tmp_path: Path, synchronous: None) -> None:
    expected = write_warc(tmp_path / "a.warc.gz")
    rows = akd.read_warc(str(tmp_path)).compute()
    assert [(r["url"], r["html"]) for r in rows] == expected
    parsed = akd.parse_bag(akd.read_warc([str(tmp_path / "a.warc.gz")])).compute()
    for row, (url, html) in zip(parsed, expected, strict=True):
        assert comparable(row) == comparable(reference_row(html, url))


@pytest.mark.parametrize("form", ["bag", "dataframe"])
def test_dask_site_memory_equals_clean(tmp_path: Path, form: str, synchronous: None) -> None:
    pages = site_pages()
    if form == "bag":
        rows = akd.parse_bag(db.from_sequence(pages, npartitions=3))
        out = akd.apply_site_memory(rows.persist()).compute()
    else:
        frame = dd.from_pandas(pd.DataFrame({"html": pages}), npartitions=3)
        from articlekit.engines._frames import frame_to_rows

        parsed = akd.parse_dataframe(frame, "html").persist()
        out = frame_to_rows(akd.apply_site_memory(parsed).compute())
    expected = clean_articles(pages, tmp_path)
    for row, article in zip(out, expected, strict=True):
        assert (row["error"] is None) == (article is not None)
        if article is not None:
            assert row_to_article(row).to_dict() == article
    assert sum(SITE_CHROME not in (r["body"] or SITE_CHROME) for r in out) == 8
