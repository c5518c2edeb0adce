"""The ``articlekit`` command: output formats, stdin, exit codes, --explain."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from articlekit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

from .conftest import FIXTURES

PAGE = FIXTURES / "pages" / "amazon-letter-newsroom.html"
TITLE = "Amazon employees protest sale of facial recognition tech to law enforcement"


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(PAGE)]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == TITLE
    assert data["tags"] == ["Amazon", "Donald Trump"]
    assert data["updated_text"] == "Updated: 9:45 p.m."


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("text", TITLE + "\n\n"), ("markdown", "# " + TITLE), ("html", "<!DOCTYPE html>")],
)
def test_parse_text_and_markdown(fmt: str, marker: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(PAGE), "--format", fmt]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(marker)
    assert "Load more" not in out


def test_parse_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.read_bytes())))
    assert main(["parse", "-", "--url", "https://example.com/a"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == TITLE
    assert data["url"] == "https://example.com/a"


def test_explain_names_rules_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(PAGE), "--format", "text", "--explain"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "[chrome:stamp-updated] -> updated 'Updated: 9:45 p.m.'" in err
    assert "tags            tags:a[rel=tag]" in err


def test_text_dump_by_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text("A headline of the dump\n\nFirst paragraph of it.\n\nLoad more\n", "utf-8")
    assert main(["parse", str(dump), "--published", "2018-06-21"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "A headline of the dump"
    assert data["paragraphs"] == ["First paragraph of it."]
    assert data["published"] == "2018-06-21"


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.html")]) == EXIT_USAGE
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"   \n", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8])
def test_unreadable_input_fails_with_the_library_error(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "bad.html"
    page.write_bytes(content)
    assert main(["parse", str(page)]) == EXIT_FAILED
    assert str(page) in capsys.readouterr().err


def test_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text("Headline here\n\nBody.\n", "utf-8")
    assert main(["parse", str(dump), "--published", "not-a-date"]) == EXIT_USAGE


@pytest.mark.parametrize(
    ("argv", "code"), [([], EXIT_USAGE), (["--help"], EXIT_OK), (["frobnicate"], EXIT_USAGE)]
)
def test_usage(argv: list[str], code: int) -> None:
    assert main(argv) == code
