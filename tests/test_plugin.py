"""The walk-through of docs/testing.md, run for real in a temporary project with pytester."""

from __future__ import annotations

import json

import pytest

from articlekit.cli import main

from .plugin_pages import INNER, STORM_REDESIGNED, parsing_loaded, write_pages

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.usefixtures(parsing_loaded.__name__)

INI = '[tool.pytest.ini_options]\narticlekit_fixtures = ["tests/pages"]\n'


def test_walk_through(pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]) -> None:
    pytester.makepyprojecttoml(INI)
    pages = write_pages(pytester.path / "tests" / "pages")

    # 1. Three saved pages and a snapshot.
    assert main(["snapshot", "tests/pages"]) == 0
    out = capsys.readouterr().out
    assert out.count("written") == 3, out
    storm_expected = pytester.path / "tests" / "pages" / "storm.expected.json"
    assert json.loads(storm_expected.read_text("utf-8"))["title"] == (
        "Storm closes the coast road for two days"
    )

    # 2. Passing.
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(passed=3)

    # 3. A simulated redesign: the headline changes.
    pages["storm"].write_text(STORM_REDESIGNED, encoding="utf-8")

    # 4. One readable failure naming the field and the update command.
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*tests/pages/storm.html: 2 field(s) differ from tests/pages/storm.expected.json: "
            "title, removed",
            '*expected: "Storm closes the coast road for two days"',
            '*got:      "Coast road shut until Sunday after storm"',
            "*set by:   stage headline, source h1",
            # The headline repeated atop the body is removed by rule; the text changed too.
            "*- [[]chrome:headline-repeat] -> title 'Storm closes the coast road for two days'",
            "*+ [[]chrome:headline-repeat] -> title 'Coast road shut until Sunday after storm'",
            "*python -m pytest tests/pages/storm.html --articlekit-update",
            "FAILED tests/pages/storm.html::expected*",
        ]
    )

    # 5. --articlekit-update rewrites the one file and says what changed.
    result = pytester.runpytest(*INNER, "--articlekit-update")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(
        [
            "*articlekit: rewrote 1 expected file(s)*",
            "tests/pages/storm.expected.json: title, removed",
        ]
    )
    assert json.loads(storm_expected.read_text("utf-8"))["title"] == (
        "Coast road shut until Sunday after storm"
    )
    assert not list(storm_expected.parent.glob(".*.tmp")), "the atomic write left a temp file"

    # 6. Passing again, with nothing left to rewrite.
    result = pytester.runpytest(*INNER, "--articlekit-update")
    result.assert_outcomes(passed=3)
    assert "rewrote" not in result.stdout.str()
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(passed=3)


def test_project_without_the_ini_option_is_untouched(
    pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    # 7. The same pages and expected files, but the configuration names no folder.
    pytester.makepyprojecttoml("[tool.pytest.ini_options]\naddopts = '-ra'\n")
    write_pages(pytester.path / "tests" / "pages")
    assert main(["snapshot", "tests/pages"]) == 0
    capsys.readouterr()
    result = pytester.runpytest(*INNER)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.fnmatch_lines(["collected 0 items"])
    # A project's own tests run as before, with nothing added.
    pytester.makepyfile(test_own="def test_own():\n    assert True\n")
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(passed=1)
