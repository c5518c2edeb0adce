"""``articlekit snapshot`` and the expected files it writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit
from articlekit.cli import main
from articlekit.testing import PageCase, check_golden, discover_pages, snapshot
from articlekit.testing.expected import write_atomic

from .plugin_pages import STORM, STORM_REDESIGNED, write_pages


def test_snapshot_writes_the_article_of_each_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = write_pages(tmp_path / "pages")
    assert main(["snapshot", str(tmp_path / "pages")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["written"] * 3
    for page in pages.values():
        written = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
        assert written == articlekit.parse(page).to_dict()


def test_snapshot_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write_pages(tmp_path)["storm"]
    expected = tmp_path / "storm.expected.json"
    assert main(["snapshot", str(page)]) == 0
    before = expected.read_text("utf-8")
    page.write_text(STORM_REDESIGNED, encoding="utf-8")
    capsys.readouterr()

    assert main(["snapshot", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("kept       ") and "(exists; --force rewrites it)" in out
    assert expected.read_text("utf-8") == before

    assert main(["snapshot", "--force", str(page)]) == 0
    assert capsys.readouterr().out.startswith("rewritten  ")
    assert json.loads(expected.read_text("utf-8"))["title"] == (
        "Coast road shut until Sunday after storm"
    )
    assert main(["snapshot", "--force", str(page)]) == 0
    assert capsys.readouterr().out.startswith("unchanged  ")


def test_the_address_comes_from_the_option_the_truth_or_the_old_file(tmp_path: Path) -> None:
    page = write_pages(tmp_path)["storm"]
    expected = tmp_path / "storm.expected.json"
    snapshot(page, url="https://harbour-post.example/a")
    assert json.loads(expected.read_text("utf-8"))["url"] == "https://harbour-post.example/a"
    snapshot(page, force=True)  # the old file's address is kept
    assert json.loads(expected.read_text("utf-8"))["url"] == "https://harbour-post.example/a"
    (tmp_path / "storm.truth.json").write_text('{"url": "https://harbour-post.example/b"}')
    snapshot(page, force=True)  # the hand-written truth wins
    assert json.loads(expected.read_text("utf-8"))["url"] == "https://harbour-post.example/b"


def test_snapshot_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = write_pages(tmp_path)
    assert main(["snapshot", str(tmp_path / "missing.html")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    (tmp_path / "notes.md").write_text("x")
    assert main(["snapshot", str(tmp_path / "notes.md")]) == 2
    assert "is not a saved page" in capsys.readouterr().err
    assert main(["snapshot", str(tmp_path), "--url", "https://x.example/"]) == 2
    assert "--url needs one page, got 3" in capsys.readouterr().err
    assert main(["snapshot", str(pages["storm"]), "--pipeline", "nomodule"]) == 2
    assert "write it as package.module:factory" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.expected.json"))


def test_a_page_that_cannot_be_parsed_fails_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(tmp_path)
    (tmp_path / "empty.html").write_bytes(b"")
    assert main(["snapshot", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "failed     " in captured.err and "empty.html: EmptyInputError" in captured.err
    assert captured.out.count("written") == 3
    assert not (tmp_path / "empty.expected.json").exists()


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "storm.expected.json"
    target.write_text("old\n", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("articlekit.testing.expected.os.fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new\n")
    assert target.read_text("utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["storm.expected.json"]


def test_discover_pages_reads_both_layouts(tmp_path: Path) -> None:
    # The flat layout the plugin uses, and the older <slug>/source.html folders.
    (tmp_path / "storm.html").write_text(STORM, encoding="utf-8")
    (tmp_path / "storm.truth.json").write_text('{"title": "x"}', encoding="utf-8")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "source.html").write_text(STORM, encoding="utf-8")
    (tmp_path / "old" / "truth.json").write_text('{"url": "https://a.example/"}')
    (tmp_path / "untruthed.html").write_text(STORM, encoding="utf-8")
    cases = discover_pages(tmp_path)
    assert [(c.slug, c.source.name, c.expected.name) for c in cases] == [
        ("old", "source.html", "expected.json"),
        ("storm", "storm.html", "storm.expected.json"),
    ]
    assert cases[0].parse().url == "https://a.example/"


def test_check_golden_rewrites_on_update_and_fails_with_the_command(tmp_path: Path) -> None:
    case = PageCase("storm", tmp_path / "storm.html", {}, tmp_path / "storm.expected.json")
    case.source.write_text(STORM, encoding="utf-8")
    data = case.parse().to_dict()
    check_golden(data, case.expected, update=True, nodeid="tests/test_x.py::test_golden[storm]")
    check_golden(data, case.expected, update=False, nodeid="tests/test_x.py::test_golden[storm]")
    with pytest.raises(pytest.fail.Exception) as info:
        check_golden(
            {**data, "title": "changed"},
            case.expected,
            update=False,
            nodeid="tests/test_x.py::test_golden[storm]",
        )
    assert "python -m pytest tests/test_x.py::test_golden --articlekit-update" in str(info.value)
