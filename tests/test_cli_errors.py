"""Errors in the user's words: the flag is named, the expected form is said,
no library-internal message is shown bare, and the exit codes hold."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "rathaus-solar.html"

#: Wordings of Python and lxml that must never reach the user unexplained.
INTERNAL = ("Invalid isoformat", "must be in 1..", "could not convert", "Traceback", "Errno")


def error_of(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = EXIT_USAGE) -> str:
    assert main(argv) == code
    err = capsys.readouterr().err
    for internal in INTERNAL:
        assert internal not in err
    return err


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.txt"
    path.write_text("A headline of the dump\n\nUpdated: 9:45 p.m.\n\nA paragraph.\n", "utf-8")
    return path


@pytest.mark.parametrize("value", ["yesterday", "2018-13-45", "21.06.2018", ""])
def test_published_names_the_flag_and_the_format(
    value: str, dump: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = error_of(capsys, ["parse", str(dump), "--published", value])
    assert "argument --published: expected an ISO date such as 2018-06-21" in err
    assert repr(value) in err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--max-bytes", "lots"], "argument --max-bytes: expected a size in bytes such as"),
        (["--max-bytes", "0"], "argument --max-bytes: must be at least 1 byte"),
        (["--timeout", "soon"], "argument --timeout: expected a number of seconds such as 30"),
        (["--timeout", "-1"], "argument --timeout: must be 0 (no limit) or more"),
        (["--timeout", "nan"], "argument --timeout: must be 0 (no limit) or more"),
        (["--favor", "speed"], "argument --favor: invalid choice: 'speed'"),
        (["--input", "pdf"], "argument --input: invalid choice: 'pdf'"),
    ],
)
def test_parse_flags_name_themselves(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert said in error_of(capsys, ["parse", str(EXAMPLE), *argv])


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--max-bytes", "5 apples"], "argument --max-bytes: expected a size in bytes"),
        (["--timeout", "abc"], "argument --timeout: expected a number of seconds such as 30"),
        (["--timeout", "-5"], "argument --timeout: must be 0 (no limit) or more"),
        (["--jobs", "0"], "argument --jobs: must be at least 1"),
        (["--input", "pdf"], "argument --input: invalid choice: 'pdf'"),
    ],
)
def test_clean_flags_name_themselves(
    argv: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = error_of(capsys, ["clean", str(EXAMPLE), "--out", str(tmp_path / "o"), *argv])
    assert said in err


def test_sizes_take_units(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for size in ("5M", "5 MB", "5MiB", "5242880", "5120k"):
        assert main(["parse", str(EXAMPLE), "--max-bytes", size, "--format", "text"]) == EXIT_OK
    assert main(["parse", str(EXAMPLE), "--max-bytes", "1.5k"]) == EXIT_FAILED  # 1536 < 4062
    assert "the limit is 1536" in capsys.readouterr().err


def test_a_web_address_is_not_downloaded(capsys: pytest.CaptureFixture[str]) -> None:
    err = error_of(capsys, ["parse", "https://example.com/news/a.html"])
    assert err.count("\n") == 1  # one line
    assert "https://example.com/news/a.html is a web address" in err
    assert "articlekit does not download pages" in err
    assert "docs/fetching.md" in err


def test_clean_does_not_download_either(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = error_of(capsys, ["clean", "http://example.com/", "--out", str(tmp_path / "o")])
    assert "articlekit does not download pages" in err
    assert not (tmp_path / "o").exists()


def test_a_file_named_like_an_address_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "http:").mkdir()
    (tmp_path / "http:" / "page.html").write_bytes(EXAMPLE.read_bytes())
    # An existing file wins over the look of an address ("//" is "/" to the OS).
    assert main(["parse", "http://page.html", "--format", "text"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Stadtrat beschließt Solarpflicht")


@pytest.mark.parametrize(
    ("name", "said"),
    [("missing.html", "cannot read {path}: no such file"), (".", "{path} is a folder")],
)
def test_unreadable_paths_exit_2(
    name: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / name)
    assert said.format(path=path) in error_of(capsys, ["parse", path])


def test_a_page_that_is_no_page_exits_1_with_our_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html.bz2"
    page.write_bytes(b"BZh9 not really bzip2 at all")
    err = error_of(capsys, ["parse", str(page)], EXIT_FAILED)
    assert err.startswith(f"articlekit: {page}: cannot decompress bz2 data:")


def test_end_to_end_in_a_subprocess(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    command = [sys.executable, "-m", "articlekit.cli", "parse"]
    done = subprocess.run(
        [*command, str(page), "--format", "text", "--no-tables"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (EXIT_OK, "")
    assert done.stdout.startswith("Stadtrat beschließt Solarpflicht für neue Dächer\n")
    done = subprocess.run(
        [*command, "https://example.com/a"], capture_output=True, text=True, check=False
    )
    assert done.returncode == EXIT_USAGE
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("name", ["HTTPS://example.com/a", "ftp://example.com/a.html"])
def test_other_web_addresses_are_named_too(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert f"{name} is a web address" in error_of(capsys, ["parse", name])


def test_a_file_url_is_no_web_address(capsys: pytest.CaptureFixture[str]) -> None:
    err = error_of(capsys, ["parse", "file:///nowhere/page.html"])
    assert err == "articlekit: cannot read file:///nowhere/page.html: no such file\n"
