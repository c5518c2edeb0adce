"""Batch cleaning: walking, parse_many, time limits, crashes, outputs, site memory."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from articlekit import batch
from articlekit.article import Article
from articlekit.batch import Result, SiteMemory, SiteRepeatThresholds, Source, parse_many
from articlekit.blocks import Paragraph, Span
from articlekit.cli_clean import main

WORDS = [
    *("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"),
    *("juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo"),
    *("sierra", "tango"),
]


def page_html(i: int, site: str = "example.com", paragraphs: int = 5) -> str:
    """A small news page whose paragraphs are unique to ``i``."""
    paras = "".join(
        f"<p>Paragraph {k} of story {i}: "
        + " ".join(WORDS[(i * 7 + k * 3 + j) % 20] for j in range(30))
        + ".</p>"
        for k in range(paragraphs)
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<title>Story {i}</title>"
        f'<link rel="canonical" href="https://{site}/news/story-{i}"></head>'
        f"<body><article><h1>Story {i}</h1>{paras}</article></body></html>"
    )


# -- fake parsers (module level: worker processes look them up by name) --------


def fake_parse(html: str | bytes, url: str | None = None) -> Article:
    """One paragraph per non-empty line; a first line that is a URL is the
    canonical URL. Marker words make the page hang, crash or fail."""
    text = html.decode("utf-8") if isinstance(html, bytes) else html
    if "HANG" in text:
        while True:  # pure Python, so an in-process alarm can stop it too
            time.sleep(0.01)
    if "CRASH" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "BOOM" in text:
        raise ValueError("boom")
    if "SLOW" in text:
        time.sleep(0.05 * (len(text) % 5))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    canonical = lines.pop(0) if lines and lines[0].startswith("http") else None
    return Article(
        url=url,
        canonical_url=canonical,
        blocks=tuple(Paragraph((Span(line),)) for line in lines),
    )


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), "last line is not complete"
    return [json.loads(line) for line in text.splitlines()]


def accounted(out: Path) -> list[str]:
    """Sources in articles.jsonl and errors.jsonl, in that order."""
    return [r["source"] for r in read_jsonl(out / "articles.jsonl")] + [
        r["source"] for r in read_jsonl(out / "errors.jsonl")
    ]


# -- walking -------------------------------------------------------------------


def test_iter_sources_walks_sorted_and_filters_suffixes(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for name in ["b.html", "a.htm", "c.xhtml", "d.shtml", "e.html.gz", "f.htm.bz2"]:
        write(root / name, "x")
    write(root / "sub" / "z.html", "x")
    write(root / "a_dir" / "y.HTML", "x")
    for name in ["notes.txt", "data.json", "page.html.zip", "x.gz"]:
        write(root / name, "x")
    skipped = batch.Skipped()
    rels = [(s.rel, s.kind) for s in batch.iter_sources([root], skipped=skipped)]
    assert rels == [
        ("a.htm", "html"),
        ("a_dir/y.HTML", "html"),
        ("b.html", "html"),
        ("c.xhtml", "html"),
        ("d.shtml", "html"),
        ("e.html.gz", "html"),
        ("f.htm.bz2", "html"),
        ("notes.txt", "text"),  # a text dump, read with clean_text
        ("sub/z.html", "html"),
    ]
    assert [s.compression for s in batch.iter_sources([root])][-4:] == ["gzip", "bz2", None, None]
    assert batch.count_sources([root]) == (9, 0)
    assert skipped.counts == {batch.Skipped.NOT_A_PAGE: 3}
    assert list(skipped.examples[batch.Skipped.NOT_A_PAGE]) == [
        "data.json",
        "page.html.zip",
        "x.gz",
    ]


def test_several_inputs_are_placed_under_their_names(tmp_path: Path) -> None:
    write(tmp_path / "one" / "a.html", "x")
    write(tmp_path / "two" / "a.html", "x")
    single = write(tmp_path / "page.txt", "x")  # named explicitly: taken anyway
    sources = list(batch.iter_sources([tmp_path / "one", tmp_path / "two", single]))
    assert [s.rel for s in sources] == ["one/a.html", "two/a.html", "page.txt"]
    assert len({s.key for s in sources}) == 3


# -- parse_many ----------------------------------------------------------------


def test_parse_many_jobs_2_matches_jobs_1_in_input_order(tmp_path: Path) -> None:
    for i in range(12):
        write(tmp_path / f"p{i:02d}.html", page_html(i))
    one = list(parse_many([tmp_path], jobs=1))
    two = list(parse_many([tmp_path], jobs=2))
    assert [r.source.rel for r in two] == [f"p{i:02d}.html" for i in range(12)]
    assert all(r.ok for r in two)
    assert [r.article for r in one] == [r.article for r in two]
    assert two[3].article is not None and two[3].article.title == "Story 3"


def test_parse_many_keeps_order_when_pages_finish_out_of_order() -> None:
    sources = [
        Source.from_bytes(f"SLOW {'x' * i}\nline {i}", id=f"s{i}", url=f"https://a.test/{i}")
        for i in range(10)
    ]
    results = list(parse_many(sources, jobs=2, parser=fake_parse))
    assert [r.source.id for r in results] == [f"s{i}" for i in range(10)]
    assert all(
        r.article is not None and r.article.url == f"https://a.test/{i}"
        for i, r in enumerate(results)
    )
    assert all(r.source.data is None for r in results)  # results do not carry the bytes


@pytest.mark.parametrize("jobs", [1, 2])
def test_timeout_fires_and_the_run_goes_on(jobs: int) -> None:
    sources = [
        Source.from_bytes("first", id="a"),
        Source.from_bytes("HANG", id="hang"),
        Source.from_bytes("last", id="b"),
    ]
    started = time.monotonic()
    # 2 s, not less: a loaded CI machine may take a second to start a worker.
    results = list(parse_many(sources, jobs=jobs, timeout=2.0, parser=fake_parse))
    assert time.monotonic() - started < 10
    assert [r.source.id for r in results] == ["a", "hang", "b"]
    assert results[0].ok and results[2].ok
    assert results[1].error is not None and results[1].error.type == "PageTimeout"


def test_a_worker_that_dies_loses_only_its_page() -> None:
    sources = [Source.from_bytes(f"page {i}", id=str(i)) for i in range(6)]
    sources.insert(2, Source.from_bytes("CRASH", id="crash"))
    sources.insert(5, Source.from_bytes("CRASH again", id="crash2"))
    results = list(parse_many(sources, jobs=2, parser=fake_parse))
    assert [r.source.id for r in results] == [s.id for s in sources]
    failed = {r.source.id: r.error for r in results if not r.ok}
    assert set(failed) == {"crash", "crash2"}
    for error in failed.values():
        assert error is not None and error.type == "WorkerDied"
        assert "SIGKILL" in error.message


def test_parser_exceptions_become_errors_with_their_type() -> None:
    sources = [Source.from_bytes("BOOM", id="x"), Source.from_bytes("", id="empty")]
    for jobs in (1, 2):
        results = list(parse_many(sources, jobs=jobs))  # the real parser
        assert [r.error.type if r.error else None for r in results[1:]] == ["EmptyInputError"]
        fake = list(parse_many(sources[:1], jobs=jobs, parser=fake_parse))
        assert fake[0].error == batch.PageError("ValueError", "boom")


def test_monkeypatched_parse_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import articlekit

    if threading.active_count() > 1:
        # Workers are forked (and see the patch) only from a one-thread process;
        # earlier tests (Spark, Dask, Scrapy) may have left threads running.
        pytest.skip("the pool uses forkserver here: a patch in the parent is not seen")
    monkeypatch.setattr(articlekit, "parse", fake_parse)
    [result] = parse_many([Source.from_bytes("https://x.test/a\nhello", id="a")], jobs=2)
    assert result.article is not None and result.article.canonical_url == "https://x.test/a"


def test_decompression_limits_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    html = page_html(1).encode()
    assert batch._decompress(gzip.compress(html), "gzip") == html
    assert batch._decompress(bz2.compress(html), "bz2") == html
    with pytest.raises(batch.InputError, match="truncated"):
        batch._decompress(gzip.compress(html)[:-20], "gzip")
    with pytest.raises(batch.InputError, match="cannot decompress"):
        batch._decompress(b"not gzip at all", "gzip")
    monkeypatch.setattr(batch.sources, "MAX_PAGE_BYTES", 1000)
    with pytest.raises(batch.InputTooLargeError):
        batch._decompress(gzip.compress(b"a" * 5000), "gzip")


# -- the clean command ---------------------------------------------------------


LATIN1_PAGE = "<html><body><p>Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu.</p></body></html>"


def mixed_folder(root: Path) -> dict[str, bool]:
    """Good and bad inputs; value: whether the page should parse."""
    good = page_html(1).encode()
    files = {
        "good.html": good,
        "good2.htm": page_html(2),
        "zipped.html.gz": gzip.compress(good),
        "zipped.xhtml.bz2": bz2.compress(page_html(3).encode()),
        "empty.html": b"",
        "blank.html": b"   \n\t  ",
        "binary.html": bytes(range(256)) * 40,
        "truncated.html.gz": gzip.compress(good)[:-30],
        "not-gzip.html.gz": b"<p>plain text wearing a .gz suffix</p>",
        "truncated-markup.html": good[: len(good) // 2],
        "latin1.html": LATIN1_PAGE.encode("latin-1"),
    }
    for name, data in files.items():
        write(root / "sub" / name if name.startswith("zipped") else root / name, data)
    return {
        name: name.startswith(("good", "zipped", "truncated-markup", "latin1")) for name in files
    }


def test_mixed_folder_every_input_accounted_for(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    expected = mixed_folder(root)
    code = main([str(root), "--out", str(out), "--jobs", "2", "--quiet"])
    assert code == 1  # some pages failed
    articles = read_jsonl(out / "articles.jsonl")
    errors = read_jsonl(out / "errors.jsonl")
    ok_names = sorted(Path(r["source"]).name for r in articles)
    bad_names = sorted(Path(r["source"]).name for r in errors)
    assert ok_names == sorted(n for n, good in expected.items() if good)
    assert bad_names == sorted(n for n, good in expected.items() if not good)
    for record in articles:
        assert record["content_hash"].startswith("sha256:")
        Article.from_dict(record["article"])  # round-trips
    by_name = {Path(r["source"]).name: r for r in errors}
    assert by_name["empty.html"]["error_type"] == "EmptyInputError"
    assert by_name["truncated.html.gz"]["error_type"] == "InputError"
    assert all(r["message"] for r in errors)
    report = json.loads((out / "report.json").read_text())
    assert (report["pages"], report["ok"], report["failed"]) == (len(expected), 6, 5)
    assert report["exit_code"] == 1


def test_all_ok_exits_0_and_jobs_1_writes_the_same(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for i in range(4):
        write(root / f"{i}.html", page_html(i))
    assert main([str(root), "--out", str(tmp_path / "a"), "--jobs", "1", "--quiet"]) == 0
    assert main([str(root), "--out", str(tmp_path / "b"), "--jobs", "2", "--quiet"]) == 0
    a = (tmp_path / "a" / "articles.jsonl").read_text()
    assert a == (tmp_path / "b" / "articles.jsonl").read_text()
    assert (tmp_path / "a" / "errors.jsonl").read_text() == ""


@pytest.mark.parametrize(
    ("fmt", "ext", "check"),
    [
        ("json", ".json", lambda t: json.loads(t)["article"]["title"] == "Story 1"),
        ("markdown", ".md", lambda t: t.startswith("# Story")),
        ("html", ".html", lambda t: t.startswith("<!DOCTYPE html>") and "<h1>Story" in t),
        ("text", ".txt", lambda t: "Paragraph 0 of story" in t),
    ],
)
def test_per_page_formats_mirror_the_input_tree(
    tmp_path: Path, fmt: str, ext: str, check: Any
) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    write(root / "a" / "one.html.gz", gzip.compress(page_html(1).encode()))
    write(root / "two.htm", page_html(2))
    write(root / "two.html", page_html(3))  # same stem as two.htm
    write(root / "bad.html", "")
    assert main([str(root), "--out", str(out), "--format", fmt, "--quiet"]) == 1
    assert check((out / "a" / f"one{ext}").read_text())
    assert (out / f"two{ext}").exists()
    assert (out / f"two.html{ext}").exists()  # the collision keeps its full name
    assert not (out / "articles.jsonl").exists()
    assert not list(out.glob("bad*"))
    assert [Path(r["source"]).name for r in read_jsonl(out / "errors.jsonl")] == ["bad.html"]
    assert not list(out.rglob(".tmp-*"))


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "in" / "a.html", page_html(1))
    assert main([str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--jobs", "0"])
    assert exc.value.code == 2
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    # A second run into the same OUT must say --resume.
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    assert "--resume" in capsys.readouterr().err


def test_summary_goes_to_stderr_without_a_bar_when_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "in" / "a.html", page_html(1))
    write(tmp_path / "in" / "b.html", "")
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "o")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "2 pages: 1 ok, 1 failed, 0 skipped" in captured.err
    assert "\r" not in captured.err  # no progress bar


def test_timeout_option_fails_the_page_not_the_run(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    write(root / "a.html", "https://s.test/a\nfine")
    write(root / "b.html", "HANG")
    write(root / "c.html", "https://s.test/c\nfine too")
    report = batch.clean([root], out, jobs=2, timeout=2.0, parser=fake_parse)
    assert (report.ok, report.failed, report.exit_code) == (2, 1, 1)
    [error] = read_jsonl(out / "errors.jsonl")
    assert error["error_type"] == "PageTimeout" and error["source"].endswith("b.html")


# -- resume --------------------------------------------------------------------


def test_resume_skips_done_pages_and_retries_failed_and_changed(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    for i in range(5):
        write(root / f"{i}.html", page_html(i))
    write(root / "broken.html", "")
    assert batch.clean([root], out, jobs=2).exit_code == 1

    write(root / "broken.html", page_html(10))  # fixed
    write(root / "2.html", page_html(20))  # changed
    write(root / "new.html", page_html(30))  # added
    (root / "4.html").unlink()  # removed
    report = batch.clean([root], out, jobs=2, resume=True)
    assert (report.skipped, report.parsed, report.failed) == (3, 3, 0)
    assert report.exit_code == 0
    articles = read_jsonl(out / "articles.jsonl")
    names = sorted(Path(r["source"]).name for r in articles)
    assert names == ["0.html", "1.html", "2.html", "3.html", "broken.html", "new.html"]
    titles = {Path(r["source"]).name: r["article"]["title"] for r in articles}
    assert titles["2.html"] == "Story 20"
    assert read_jsonl(out / "errors.jsonl") == []


def test_resume_drops_a_half_written_last_record(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    for i in range(3):
        write(root / f"{i}.html", page_html(i))
    batch.clean([root], out, jobs=1)
    spool = out / ".articlekit" / "pages.jsonl"
    lines = spool.read_bytes().splitlines(keepends=True)
    spool.write_bytes(b"".join(lines[:2]) + lines[2][:40])  # as a kill mid-write leaves it
    report = batch.clean([root], out, jobs=1, resume=True)
    assert (report.skipped, report.parsed, report.pages) == (2, 1, 3)
    assert sorted(accounted(out)) == sorted(str(root / f"{i}.html") for i in range(3))
    assert all(line.endswith(b"\n") for line in spool.read_bytes().splitlines(keepends=True))


# -- WARC ----------------------------------------------------------------------


def make_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    """A warcinfo record, then (url, content type, body) response records."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)
    assert warcio


def test_warc_records_are_pages_with_record_ids_and_urls(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    make_warc(
        root / "crawl.warc.gz",
        [
            ("https://w.test/1", "text/html; charset=utf-8", page_html(1)),
            ("https://w.test/img.png", "image/png", "PNG"),
            ("https://w.test/2", "text/html", page_html(2)),
        ],
    )
    write(root / "plain.html", page_html(3))
    assert main([str(root), "--out", str(out), "--quiet"]) == 0
    articles = read_jsonl(out / "articles.jsonl")
    assert len(articles) == 3
    warc_lines = [r for r in articles if r["record_id"]]
    assert [r["article"]["url"] for r in warc_lines] == ["https://w.test/1", "https://w.test/2"]
    assert all(r["source"].endswith("#" + r["record_id"]) for r in warc_lines)
    assert len({r["content_hash"] for r in articles}) == 3
    # Resume knows WARC records too.
    report = batch.clean([root], out, resume=True)
    assert (report.skipped, report.parsed) == (3, 0)


def test_a_truncated_warc_is_accounted_for(tmp_path: Path) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    warc = root / "crawl.warc.gz"
    make_warc(warc, [(f"https://w.test/{i}", "text/html", page_html(i)) for i in range(3)])
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 200])
    assert main([str(root), "--out", str(out), "--quiet"]) == 1
    articles = read_jsonl(out / "articles.jsonl")
    errors = read_jsonl(out / "errors.jsonl")
    # The two whole records parse; the cut one and the cut file are failures.
    assert len(articles) == 2
    assert [e["message"] for e in errors] == [
        "the record is truncated",
        "cannot read WARC after record 3: the file is truncated",
    ]


# -- site memory ---------------------------------------------------------------

FOOTER = "Copyright 2024 Example News. All rights reserved."
RAIL = "Most Popular: see all video"


def site_page(i: int, *extra: str, site: str = "news.test") -> str:
    word = WORDS[i]  # digits are masked when blocks are compared: differ in words
    lines = [f"https://www.{site}/story/{i}", f"Unique opening line of the {word} story."]
    lines += [f"Another unique line, {word}.", *extra]
    return "\n".join(lines)


def test_site_memory_removes_blocks_repeated_across_the_site() -> None:
    memory = SiteMemory()
    pages = [
        fake_parse(site_page(i, RAIL, FOOTER.replace("2024", str(2020 + i)))) for i in range(6)
    ]
    pages.append(fake_parse(site_page(6, "A quote shared by two stories.")))
    pages.append(fake_parse(site_page(7, "A quote shared by two stories.")))
    for article in pages:
        memory.learn(article)
    cleaned = [memory.apply(a) for a in pages]
    assert memory.pages("news.test") == 8
    assert memory.repeated("news.test") == 2  # the rail and the footer (years masked)
    assert cleaned[0].paragraphs == (
        "Unique opening line of the alpha story.",
        "Another unique line, alpha.",
    )
    removal = cleaned[0].removed[-1]
    assert (removal.stage, removal.rule) == ("site-memory", "site-repeat")
    assert "6 of 8 pages" in removal.reason
    assert "A quote shared by two stories." in cleaned[7].paragraphs
    assert cleaned[0].body == "\n".join(cleaned[0].paragraphs)
    assert cleaned[0].word_count == len(" ".join(cleaned[0].paragraphs).split())


def test_site_memory_needs_enough_pages_and_counts_copies_once() -> None:
    memory = SiteMemory()
    pages = [fake_parse(site_page(i, RAIL)) for i in range(4)]
    for article in pages + pages:  # every page twice: still four distinct pages
        memory.learn(article)
    assert memory.pages("news.test") == 4
    assert memory.apply(pages[0]) == pages[0]  # under min_pages: nothing removed
    other = SiteMemory(
        SiteRepeatThresholds(min_pages=3, min_share=0.5, min_repeats=3, max_chars=400)
    )
    for article in pages:
        other.learn(article)
    assert RAIL not in other.apply(pages[0]).paragraphs


def test_site_memory_keeps_a_page_that_is_all_repeats() -> None:
    memory = SiteMemory()
    pages = [fake_parse(site_page(i, RAIL)) for i in range(6)]
    only_rail = fake_parse(f"https://news.test/x\n{RAIL}")
    for article in [*pages, only_rail]:
        memory.learn(article)
    kept = memory.apply(only_rail)
    assert kept.paragraphs == (RAIL,)
    assert any("site-memory" in w for w in kept.warnings)


def test_sites_are_kept_apart() -> None:
    memory = SiteMemory()
    a = [fake_parse(site_page(i, RAIL, site="a.test")) for i in range(3)]
    b = [fake_parse(site_page(i, RAIL, site="b.test")) for i in range(3)]
    for article in a + b:
        memory.learn(article)
    assert memory.apply(a[0]) == a[0]  # 3 pages each: neither site qualifies


def test_parse_many_with_site_memory_and_cli_switch(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for i in range(6):
        write(root / f"{i}.html", site_page(i, RAIL, FOOTER))
    results: list[Result] = list(parse_many([root], jobs=2, site_memory=True, parser=fake_parse))
    assert [r.source.rel for r in results] == [f"{i}.html" for i in range(6)]
    assert all(r.article is not None and RAIL not in r.article.paragraphs for r in results)

    on = batch.clean([root], tmp_path / "on", parser=fake_parse)
    off = batch.clean([root], tmp_path / "off", parser=fake_parse, site_memory=False)
    assert on.removals["site-repeat"] == 12 and "site-repeat" not in off.removals
    lines = read_jsonl(tmp_path / "off" / "articles.jsonl")
    assert all(RAIL in r["article"]["paragraphs"] for r in lines)
    report = json.loads((tmp_path / "on" / "report.json").read_text())
    assert report["removals"]["site-repeat"] == 12


def test_a_folder_that_cannot_be_listed_is_an_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    write(root / "a.html", page_html(1))
    write(root / "locked" / "b.html", page_html(2))
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(batch.sources.os, "scandir", scandir)
    report = batch.clean([root], out, jobs=1)
    assert (report.ok, report.failed) == (1, 1)
    [error] = read_jsonl(out / "errors.jsonl")
    assert error["source"].endswith("locked") and "cannot list folder" in error["message"]


def test_progress_bar_only_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    for i in range(3):
        write(tmp_path / "in" / f"{i}.html", page_html(i))
    write(tmp_path / "in" / "bad.html", "")
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "4/4" in err and "failed=1" in err and "page/s" in err
    assert main([str(tmp_path / "in"), "--out", str(tmp_path / "q"), "--quiet"]) == 1
    assert capsys.readouterr().err == ""


NAV_ONLY = (
    "<html><head><title>Sections</title></head><body><nav><a href='/a'>News</a> "
    "<a href='/b'>Sport</a></nav><ul><li><a href='/x'>Story one</a></li>"
    "<li><a href='/y'>Story two</a></li></ul></body></html>"
)


@pytest.mark.parametrize("articles_only", [False, True])
def test_pages_that_are_no_article_are_counted_and_can_be_left_out(
    tmp_path: Path, articles_only: bool
) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    write(root / "one.html", page_html(1))
    write(root / "two.html", page_html(2))
    write(root / "sections.html", NAV_ONLY)
    flags = ["--articles-only"] if articles_only else []
    assert main([str(root), "--out", str(out), "--quiet", "--jobs", "1", *flags]) == 0
    report = json.loads((out / "report.json").read_text())
    assert (report["ok"], report["not_articles"], report["failed"]) == (3, 1, 0)
    titles = sorted(r["article"]["title"] for r in read_jsonl(out / "articles.jsonl"))
    if articles_only:
        assert titles == ["Story 1", "Story 2"]
        left_out = read_jsonl(out / "not-articles.jsonl")
        assert [Path(r["source"]).name for r in left_out] == ["sections.html"]
        assert left_out[0]["article_score"] < 0.5
    else:
        assert titles == ["Sections", "Story 1", "Story 2"]
        assert not (out / "not-articles.jsonl").exists()
