"""``articlekit clean --manifest``: saved pages get the URL they were fetched from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from articlekit.batch import ManifestError, iter_manifest, read_manifest
from articlekit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

# No canonical link, no date on the page, a relative link: only the URL can
# give the date and make the link absolute.
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens after storm repairs</title></head>
<body><article><h1>Harbour reopens after storm repairs</h1>
<p>The harbour reopened to ferries on Monday after three weeks of repairs to the pier that the
winter storm had damaged, the port authority said in a statement.</p>
<p>Ferry crews had moved to the <a href="/ports/north">north landing</a> while engineers replaced
the broken pilings and the old lights along the outer wall of the pier.</p>
<p>Local shops near the water said they were glad to see the passengers back, since the quiet
weeks had cost them most of their usual trade at this time of year.</p>
</article></body></html>
"""
URL = "https://news.example/2021/05/04/harbour.html"


def articles(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "articles.jsonl").read_text("utf-8").splitlines()
    return {json.loads(line)["source"]: json.loads(line)["article"] for line in lines}


def link_hrefs(article: dict[str, Any]) -> list[str]:
    return [
        span["href"]
        for block in article["blocks"]
        for span in block.get("spans", [])
        if span.get("href")
    ]


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "harbour.html").write_text(PAGE, "utf-8")
    (folder / "pages" / "plain.html").write_text(PAGE, "utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_manifest_urls_give_dates_and_absolute_links(
    fmt: str, saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if fmt == "jsonl":
        manifest = saved / "manifest.jsonl"
        rows = [{"path": "pages/harbour.html", "url": URL}, {"path": "pages/plain.html"}]
        manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    else:
        manifest = saved / "manifest.csv"
        manifest.write_text(
            f"path,url,status\npages/harbour.html,{URL},200\npages/plain.html,,200\n"
        )
    out = tmp_path / "out"
    assert main(["clean", "--manifest", str(manifest), "--out", str(out), "--jobs", "1"]) == EXIT_OK
    got = articles(out)
    with_url = got[f"{saved.as_posix()}/pages/harbour.html"]
    without = got[f"{saved.as_posix()}/pages/plain.html"]
    assert (with_url["url"], with_url["published"]) == (URL, "2021-05-04")
    assert link_hrefs(with_url) == ["https://news.example/ports/north"]
    assert (without["url"], without["published"]) == (None, None)
    assert link_hrefs(without) == ["/ports/north"]  # no address to resolve it against
    assert "2 pages: 2 ok" in capsys.readouterr().err


def test_manifest_and_inputs_together_and_per_page_names(saved: Path, tmp_path: Path) -> None:
    manifest = saved / "m.jsonl"
    manifest.write_text(json.dumps({"path": "pages/harbour.html", "url": URL}) + "\n")
    other = tmp_path / "other.html"
    other.write_text(PAGE, "utf-8")
    out = tmp_path / "out"
    argv = ["clean", str(other), "--manifest", str(manifest), "--out", str(out), "--quiet"]
    assert main([*argv, "--format", "json", "--jobs", "1"]) == EXIT_OK
    # A manifest row is placed in the output tree by its path as written.
    assert (out / "pages" / "harbour.json").is_file()
    assert (out / "other.json").is_file()


def test_a_missing_page_is_a_failed_page_not_a_crash(saved: Path, tmp_path: Path) -> None:
    manifest = saved / "m.jsonl"
    rows = [{"path": "pages/harbour.html", "url": URL}, {"path": "pages/gone.html", "url": URL}]
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out"
    argv = ["clean", "--manifest", str(manifest), "--out", str(out), "--quiet", "--jobs", "1"]
    assert main(argv) == EXIT_FAILED
    [error] = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert error["message"] == f"manifest line 2: no such file: {saved / 'pages' / 'gone.html'}"


def test_resume_knows_manifest_pages(saved: Path, tmp_path: Path) -> None:
    manifest = saved / "m.csv"
    manifest.write_text(f"url,path\n{URL},pages/harbour.html\n")
    out = tmp_path / "out"
    argv = ["clean", "--manifest", str(manifest), "--out", str(out), "--quiet", "--jobs", "1"]
    assert main(argv) == EXIT_OK
    assert main([*argv, "--resume"]) == EXIT_OK
    report = json.loads((out / "report.json").read_text())
    assert (report["skipped"], report["parsed"], report["ok"]) == (1, 0, 1)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("m.jsonl", '{"path": "a.html"}\n{"path": "b.html",\n', "m.jsonl line 2 is not valid JSON"),
        ("m.jsonl", '["a.html"]\n', 'm.jsonl line 1: expected {"path": ..., "url": ...}'),
        ("m.jsonl", '{"url": "https://a.example/"}\n', "m.jsonl line 1: no path"),
        ("m.jsonl", '{"path": 3}\n', "m.jsonl line 1: path and url must be text"),
        (
            "m.csv",
            "path,url\na.html,example.com/a\n",
            "m.csv line 2: url 'example.com/a' is not an absolute http(s) address",
        ),
        ("m.csv", "file,url\na.html,\n", "m.csv: the first row must name the columns"),
        ("m.csv", "path,url\na.html,,extra\n", "m.csv line 2: more cells than columns"),
        ("m.csv", "path\na.html\n./a.html\n", "m.csv line 3: './a.html' is already on line 2"),
        ("m.txt", "a.html\n", "m.txt: a manifest is a .jsonl or .csv file"),
    ],
)
def test_a_bad_manifest_is_a_usage_error_with_its_line(
    name: str, content: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / name
    manifest.write_text(content, "utf-8")
    out = tmp_path / "out"
    assert main(["clean", "--manifest", str(manifest), "--out", str(out)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("articlekit clean: error: --manifest ")
    assert message in err
    assert not out.exists()  # nothing was started


def test_an_unreadable_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["clean", "--manifest", str(tmp_path / "no.csv"), "--out", str(tmp_path / "o")])
    assert code == EXIT_USAGE
    assert "cannot read" in capsys.readouterr().err


def test_clean_needs_inputs_or_a_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", "--out", str(tmp_path / "o")]) == EXIT_USAGE
    assert "give INPUT files or folders, or --manifest FILE" in capsys.readouterr().err


def test_manifest_rows_from_python(saved: Path) -> None:
    manifest = saved / "m.csv"
    manifest.write_text(f"path,url\npages/harbour.html,{URL}\n/abs/gone.txt,\n")
    rows = read_manifest(manifest)
    assert [(r.line, r.rel, r.url) for r in rows] == [
        (2, "pages/harbour.html", URL),
        (3, "/abs/gone.txt", None),
    ]
    sources = list(iter_manifest(rows))
    assert [(s.url, s.kind, s.problem is None) for s in sources] == [
        (URL, "html", True),
        (None, "text", False),
    ]
    with pytest.raises(ManifestError):
        read_manifest(saved / "nope.jsonl")
