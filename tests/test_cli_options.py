"""Extraction options on the command line: body options and page limits on
``parse`` and ``clean``, and their way into ``clean``'s worker processes."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import pickle
from pathlib import Path
from typing import Any

import pytest

from articlekit.batch import PageParser, ParseOptions, pool
from articlekit.batch.options import pipeline_for
from articlekit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

from .conftest import shared_path

PAGE_WITH_TABLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council sets new budget for city parks</title>
</head><body><article><h1>Council sets new budget for city parks</h1>
<p>The city council on Tuesday approved a new budget for the parks department, raising spending
on playgrounds and trees for the second year in a row after a long debate.</p>
<p>Members argued for three hours about how the money should be split between the districts, and
the final vote was seven to four in favour of the plan put forward by the mayor.</p>
<table>
<tr><th>District</th><th>Budget 2024</th><th>Budget 2025</th></tr>
<tr><td>North district parks</td><td>1.2 million euros</td><td>1.5 million euros</td></tr>
<tr><td>South district parks</td><td>0.9 million euros</td><td>1.1 million euros</td></tr>
</table>
<p>The mayor said the new playgrounds would open next summer and that more trees would be planted
along the river, where residents had asked for shade during the hot months.</p>
</article></body></html>
"""


def block_types(article: dict[str, Any]) -> list[str]:
    return [block["type"] for block in article["blocks"]]


def parse_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(["parse", *argv]) == EXIT_OK, capsys.readouterr().err
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def clean_articles(out: Path, *argv: str) -> list[dict[str, Any]]:
    code = main(["clean", *argv, "--out", str(out), "--no-site-memory", "--quiet"])
    assert code == EXIT_OK
    lines = (out / "articles.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line)["article"] for line in lines]


@pytest.fixture
def table_page(tmp_path: Path) -> Path:
    page = tmp_path / "in" / "budget.html"
    page.parent.mkdir()
    page.write_text(PAGE_WITH_TABLE, "utf-8")
    return page


def test_parse_no_tables(table_page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "table" in block_types(parse_json(capsys, str(table_page)))
    without = parse_json(capsys, str(table_page), "--no-tables")
    assert block_types(without) == ["paragraph"] * 3
    assert "North district" not in without["body"]


def test_clean_no_tables_reaches_forked_workers(table_page: Path, tmp_path: Path) -> None:
    (table_page.parent / "copy.html").write_text(PAGE_WITH_TABLE, "utf-8")
    default = clean_articles(tmp_path / "a", str(table_page.parent), "--jobs", "2")
    without = clean_articles(tmp_path / "b", str(table_page.parent), "--jobs", "2", "--no-tables")
    assert all("table" in block_types(a) for a in default)
    assert [block_types(a) for a in without] == [["paragraph"] * 3] * 2


def test_clean_options_reach_workers_that_are_not_forked(
    table_page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # forkserver and spawn workers get the parser pickled, options and all.
    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(pool, "_context", lambda: spawn)
    (table_page.parent / "copy.html").write_text(PAGE_WITH_TABLE, "utf-8")
    without = clean_articles(tmp_path / "b", str(table_page.parent), "--jobs", "2", "--no-tables")
    assert [block_types(a) for a in without] == [["paragraph"] * 3] * 2


def test_page_parser_pickles_with_its_options() -> None:
    parser = PageParser(ParseOptions(tables=False, favor="recall", max_bytes=1000))
    assert pickle.loads(pickle.dumps(parser)) == parser
    assert pipeline_for(ParseOptions()) is None  # the default pipeline is parse()'s own
    body = pipeline_for(parser.options)["body"]  # type: ignore[index]
    assert (body.options.include_tables, body.options.favor_recall) == (False, True)


# Pages of the scrapinghub corpus whose body changes with --favor (found by
# comparing word counts over the pages of the corpus; on most pages the
# arbiter trims what the recall mode adds back to the same article).
PRECISION_PAGE = "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz"
RECALL_PAGE = "f81c6c05d9cbc93316992fa23ef74ec405194e292611f2e94f6a814868903665.html.gz"


@pytest.mark.parametrize(
    ("name", "favor"), [(PRECISION_PAGE, "precision"), (RECALL_PAGE, "recall")]
)
def test_favor_moves_the_body_both_ways(
    name: str, favor: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = shared_path("corpora", "scrapinghub-dev", "pages", name)
    default = parse_json(capsys, str(page))["word_count"]
    leaning = parse_json(capsys, str(page), "--favor", favor)
    assert (
        (leaning["word_count"] < default)
        if favor == "precision"
        else (leaning["word_count"] > default)
    )
    # clean, in worker processes, gives the same article as parse.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(page.read_bytes())
    [cleaned] = clean_articles(tmp_path / "out", str(folder), "--jobs", "2", "--favor", favor)
    assert cleaned == leaning


def test_max_bytes_on_parse_names_the_flag(
    table_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert table_page.stat().st_size > 500
    assert main(["parse", str(table_page), "--max-bytes", "500"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "the limit is 500" in err
    assert "(--max-bytes sets the limit)" in err
    assert main(["parse", str(table_page), "--max-bytes", "1M"]) == EXIT_OK


def test_max_bytes_counts_the_decompressed_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "budget.html.gz"
    page.write_bytes(gzip.compress(PAGE_WITH_TABLE.encode() * 4))
    assert page.stat().st_size < 1024
    assert main(["parse", str(page), "--max-bytes", "1k"]) == EXIT_FAILED


def test_max_bytes_on_clean_fails_pages_and_dumps_over_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.html").write_text(PAGE_WITH_TABLE, "utf-8")
    (folder / "big.txt").write_text("A headline\n\n" + "Some words of text. " * 100, "utf-8")
    (folder / "small.txt").write_text("A headline\n\nOne short paragraph of text.\n", "utf-8")
    out = tmp_path / "out"
    code = main(["clean", str(folder), "--out", str(out), "--quiet", "--max-bytes", "1000"])
    assert code == EXIT_FAILED
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert sorted((Path(e["source"]).name, e["error_type"]) for e in errors) == [
        ("big.html", "InputTooLargeError"),
        ("big.txt", "InputTooLargeError"),
    ]


@pytest.mark.parametrize("command", ["parse", "clean"])
def test_max_bytes_is_capped_by_the_file_reader(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ["--out", str(tmp_path / "o")] if command == "clean" else []
    assert main([command, str(tmp_path), *out, "--max-bytes", "1G"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "argument --max-bytes: at most 64M, the largest page articlekit reads" in err
    assert main([command, str(tmp_path), *out, "--max-bytes", "64M", "--help"]) == EXIT_OK


def test_parse_timeout_is_the_parse_budget(
    table_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A budget of a microsecond is spent before the first stage starts.
    assert main(["parse", str(table_page), "--timeout", "0.000001"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "over its budget of 1e-06 s" in err
    assert "(--timeout sets the budget)" in err
    assert main(["parse", str(table_page), "--timeout", "0"]) == EXIT_OK  # 0: no budget


def test_resume_with_other_options_is_refused(
    table_page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["clean", str(table_page.parent), "--out", str(out), "--quiet", "--jobs", "1"]
    assert main(argv) == EXIT_OK
    assert main([*argv, "--resume", "--no-tables", "--favor", "recall"]) == EXIT_USAGE
    assert (
        "was cleaned with other options (--no-tables was off, now on; "
        "--favor was balanced, now recall): resume with the same options"
    ) in capsys.readouterr().err
    assert main([*argv, "--resume", "--input", "text"]) == EXIT_USAGE
    assert "--input was auto, now text" in capsys.readouterr().err
    assert main([*argv, "--resume"]) == EXIT_OK  # the same options: resumed


def test_a_file_over_the_reader_cap_does_not_point_at_max_bytes(
    table_page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from articlekit.batch import sources

    monkeypatch.setattr(sources, "MAX_PAGE_BYTES", 100)  # stands in for 64 MiB
    assert main(["parse", str(table_page)]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "over the 100-byte limit" in err
    assert "--max-bytes" not in err  # the flag cannot raise this cap


@pytest.mark.parametrize(
    ("argv", "precision", "recall", "tables"),
    [
        ([], False, False, True),
        (["--favor", "precision"], True, False, True),
        (["--favor", "recall", "--no-tables"], False, True, False),
    ],
)
def test_flags_reach_the_body_stage(
    argv: list[str],
    precision: bool,
    recall: bool,
    tables: bool,
    table_page: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import articlekit

    seen: list[Any] = []
    real = articlekit.parse

    def spy(data: bytes, url: str | None = None, **kwargs: Any) -> Any:
        seen.append(kwargs.get("pipeline"))
        return real(data, url, **kwargs)

    monkeypatch.setattr(articlekit, "parse", spy)
    parse_json(capsys, str(table_page), *argv)
    [pipeline] = seen
    options = (pipeline or articlekit.Pipeline.default())["body"].options
    assert (options.favor_precision, options.favor_recall) == (precision, recall)
    assert options.include_tables is tables
