"""The plugin's other cases in temporary projects: missing files, truth, policy, pipelines."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from articlekit.cli import main
from articlekit.testing import snapshot

from .plugin_pages import FERRY, INNER, STORM, STORM_REDESIGNED, parsing_loaded, write_pages

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.usefixtures(parsing_loaded.__name__)

INI = '[tool.pytest.ini_options]\narticlekit_fixtures = ["pages"]\n'

#: A Pipeline factory of the temporary project: the default pipeline without bylines.
NO_AUTHORS = """\
import articlekit


def pipeline():
    return articlekit.Pipeline.default().without("authors")
"""


def _project(pytester: pytest.Pytester, extra: str = "") -> dict[str, Path]:
    pytester.makepyprojecttoml(INI + extra)
    pages = write_pages(pytester.path / "pages")
    for page in pages.values():
        snapshot(page)
    return pages


def test_a_page_without_an_expected_file_is_reported(pytester: pytest.Pytester) -> None:
    pages = _project(pytester)
    (pytester.path / "pages" / "ferry.expected.json").unlink()
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*pages/ferry.html has no expected file (ferry.expected.json).",
            "*articlekit snapshot pages/ferry.html",
        ]
    )
    assert pages["ferry"].exists()


def test_gzip_pages_and_text_dumps_are_collected(pytester: pytest.Pytester) -> None:
    pytester.makepyprojecttoml(INI)
    folder = pytester.mkdir("pages")
    (folder / "ferry.html.gz").write_bytes(gzip.compress(FERRY.encode("utf-8")))
    dump = "Harbour wall repaired\nUpdated: 9:45 p.m.\nCrews finished the sea wall on Friday."
    (folder / "wall.txt").write_text(dump, encoding="utf-8")
    (folder / "notes.md").write_text("not a page", encoding="utf-8")
    assert snapshot(folder / "ferry.html.gz").status == "written"
    assert snapshot(folder / "wall.txt", published="2024-02-02").status == "written"
    wall = json.loads((folder / "wall.expected.json").read_text("utf-8"))
    assert wall["fixture"] == {"published": "2024-02-02"}
    assert wall["updated"].startswith("2024-02-02T21:45")  # the time placed on the given day
    result = pytester.runpytest(*INNER, "-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(
        ["pages/ferry.html.gz::expected PASSED*", "pages/wall.txt::expected PASSED*"]
    )


def test_updating_still_checks_the_truth(pytester: pytest.Pytester) -> None:
    pages = _project(pytester)
    truth = {"title": "Storm closes the coast road for two days", "authors": ["Ada Brennan"]}
    (pytester.path / "pages" / "storm.truth.json").write_text(json.dumps(truth), "utf-8")
    pytester.runpytest(*INNER).assert_outcomes(passed=4)

    # The redesign breaks the headline: updating rewrites the expected file, but the
    # hand-written truth still fails, so the regression is not blessed silently.
    pages["storm"].write_text(STORM_REDESIGNED, encoding="utf-8")
    result = pytester.runpytest(*INNER, "--articlekit-update")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*pages/storm.html disagrees with the hand-written storm.truth.json:",
            "*title: want 'Storm closes the coast road for two days', "
            "got 'Coast road shut until Sunday after storm'",
            "*The truth file is never regenerated*",
            "FAILED pages/storm.html::truth*",
        ]
    )
    assert json.loads((pytester.path / "pages" / "storm.truth.json").read_text("utf-8")) == truth


def test_the_old_option_name_still_updates(pytester: pytest.Pytester) -> None:
    pages = _project(pytester)
    pages["storm"].write_text(STORM_REDESIGNED, encoding="utf-8")
    result = pytester.runpytest(*INNER, "--update-goldens")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(["*rewrote 1 expected file(s)*"])


def test_a_global_policy_ignores_a_field(pytester: pytest.Pytester) -> None:
    table = '\n[tool.articlekit.fixtures]\ntitle = "ignore"\nremoved = "ignore"\n'
    pages = _project(pytester, table)
    pages["storm"].write_text(STORM_REDESIGNED, encoding="utf-8")
    pytester.runpytest(*INNER).assert_outcomes(passed=3)


def test_a_page_policy_in_the_expected_file_wins(pytester: pytest.Pytester) -> None:
    pages = _project(pytester, '\n[tool.articlekit.fixtures]\ntitle = "ignore"\n')
    expected = pytester.path / "pages" / "storm.expected.json"
    data = json.loads(expected.read_text("utf-8"))
    data["fixture"] = {"policy": {"title": "exact", "removed": "ignore"}}
    expected.write_text(json.dumps(data), "utf-8")
    pages["storm"].write_text(STORM_REDESIGNED, encoding="utf-8")
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*1 field(s) differ from pages/storm.expected.json: title"])
    # Updating rewrites the Article fields and keeps the page's own table.
    pytester.runpytest(*INNER, "--articlekit-update").assert_outcomes(passed=3)
    rewritten = json.loads(expected.read_text("utf-8"))
    assert rewritten["fixture"] == data["fixture"]
    assert rewritten["title"] == "Coast road shut until Sunday after storm"


def test_a_bad_policy_table_stops_the_run_with_the_reason(pytester: pytest.Pytester) -> None:
    _project(pytester, '\n[tool.articlekit.fixtures]\nheadline = "ignore"\n')
    result = pytester.runpytest(*INNER)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*[[]tool.articlekit.fixtures]: unknown field 'headline'*"])


def test_the_configured_pipeline_parses_the_pages(
    pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    pytester.makepyfile(myextraction=NO_AUTHORS)
    pytester.makepyprojecttoml(
        INI + 'articlekit_pipeline = "myextraction:pipeline"\npythonpath = ["."]\n'
    )
    folder = pytester.mkdir("pages")
    page = folder / "storm.html"
    page.write_text(STORM, encoding="utf-8")
    snapshot(page)  # from Python with no pipeline given: the default one finds the byline
    expected = folder / "storm.expected.json"
    assert json.loads(expected.read_text("utf-8"))["authors"] == ["Ada Brennan"]
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*field(s) differ from pages/storm.expected.json: authors*",
            "*set by:   no stage (no value found)",
            "*expected: stage authors, source visible:by",
        ]
    )
    # The CLI reads articlekit_pipeline from pyproject.toml too: its snapshot matches.
    assert main(["snapshot", "--force", "pages"]) == 0
    assert "rewritten" in capsys.readouterr().out
    assert json.loads(expected.read_text("utf-8"))["authors"] == []
    pytester.runpytest(*INNER).assert_outcomes(passed=1)


def test_a_pipeline_that_does_not_import_is_a_usage_error(pytester: pytest.Pytester) -> None:
    _project(pytester, 'articlekit_pipeline = "nosuchmodule:pipeline"\n')
    result = pytester.runpytest(*INNER)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*articlekit_pipeline: pipeline 'nosuchmodule:pipeline'*"])


def test_a_missing_fixture_folder_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyprojecttoml(INI)
    result = pytester.runpytest(*INNER)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*articlekit_fixtures: *pages is not a folder*"])


def test_the_article_fixture_yields_the_parsed_page(pytester: pytest.Pytester) -> None:
    _project(pytester)
    pytester.makepyfile(
        test_hand_written="""
import pytest
from articlekit.testing import assert_article

@pytest.mark.parametrize("articlekit_article", ["pages/storm.html"], indirect=True)
def test_storm(articlekit_article):
    assert_article(articlekit_article, {"authors": ["Ada Brennan"], "site_name": "Harbour Post"})

@pytest.mark.parametrize("articlekit_article", ["pages/ferry.html"], indirect=True)
def test_ferry_wrong(articlekit_article):
    assert_article(articlekit_article, {"authors": ["Someone Else"]})
"""
    )
    result = pytester.runpytest(*INNER, "test_hand_written.py")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*1 field(s) differ: authors*"])


def test_two_pages_with_one_name_are_refused(pytester: pytest.Pytester) -> None:
    _project(pytester)
    (pytester.path / "pages" / "storm.txt").write_text("Storm\nThe road is shut.", "utf-8")
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(
        ["*pages/storm.html and pages/storm.txt would share storm.expected.json: rename one*"]
    )


def test_broken_expected_files_fail_with_the_reason(pytester: pytest.Pytester) -> None:
    _project(pytester)
    folder = pytester.path / "pages"
    (folder / "storm.expected.json").write_text("{not json", "utf-8")
    ferry = json.loads((folder / "ferry.expected.json").read_text("utf-8"))
    (folder / "ferry.expected.json").write_text(json.dumps({**ferry, "fixture": {"polcy": {}}}))
    result = pytester.runpytest(*INNER)
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "*storm.expected.json: not valid JSON: *",
            "*pages/ferry.expected.json: unknown key 'polcy' in \"fixture\"; "
            "keys: policy, published",
        ]
    )
