"""Golden-file tests over page fixtures: a pytest plugin and its helpers.

A fixture folder holds one sub-folder per page::

    pages/<slug>/
      source.html     the saved page
      truth.json      written by a person, never regenerated (corpus truth keys)
      expected.json   golden: Article.to_dict(), regenerated with --update-goldens

Use it in a test module::

    from articlekit.testing import discover_pages, check_golden, truth_mismatches

    CASES = discover_pages(Path(__file__).parent / "fixtures" / "pages")

    @pytest.mark.parametrize("case", CASES, ids=lambda c: c.slug)
    def test_truth(case):
        assert truth_mismatches(case.parse(), case.truth) == []

    @pytest.mark.parametrize("case", CASES, ids=lambda c: c.slug)
    def test_golden(case, update_goldens, request):
        check_golden(case.parse().to_dict(), case.expected, update=update_goldens,
                     nodeid=request.node.nodeid)

``pytest --update-goldens`` rewrites the golden files; the truth tests still
run, so a regression cannot hide behind a regenerated golden file. A failing
golden test prints a readable diff and the exact command that regenerates it.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .article import Article

__all__ = [
    "PageCase",
    "check_golden",
    "discover_pages",
    "pytest_addoption",
    "truth_mismatches",
    "update_goldens",
]

SOURCE_NAMES = ("source.html", "source.htm", "source.txt")


@dataclass(frozen=True, slots=True)
class PageCase:
    """One fixture page: its source, the human truth and the golden file path."""

    slug: str
    source: Path
    truth: Mapping[str, Any]
    expected: Path

    @property
    def url(self) -> str | None:
        url = self.truth.get("url")
        return url if isinstance(url, str) else None

    def parse(self) -> Article:
        """The Article for this page: ``parse`` for HTML, ``clean_text`` for ``.txt``."""
        from . import clean_text, parse

        if self.source.suffix == ".txt":
            return clean_text(
                self.source.read_text("utf-8"),
                self.url,
                published=self.truth.get("given_published"),
            )
        return parse(self.source.read_bytes(), self.url)


def discover_pages(root: Path) -> list[PageCase]:
    """Every ``<slug>/`` folder below ``root`` with a source and a truth.json, sorted."""
    cases: list[PageCase] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        source = next((folder / n for n in SOURCE_NAMES if (folder / n).exists()), None)
        truth_path = folder / "truth.json"
        if source is None or not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text("utf-8"))
        cases.append(PageCase(folder.name, source, truth, folder / "expected.json"))
    return cases


def _dump(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def check_golden(actual: Mapping[str, Any], path: Path, *, update: bool, nodeid: str) -> None:
    """Assert ``actual`` equals the golden file, or rewrite it when ``update``."""
    text = _dump(actual)
    if update:
        path.write_text(text, "utf-8")
        return
    command = f"python -m pytest {nodeid.split('[')[0]!s} --update-goldens"
    if not path.exists():
        pytest.fail(f"no golden file {path}; create it with:\n  {command}", pytrace=False)
    expected = path.read_text("utf-8")
    if expected != text:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"{path} (golden)",
                tofile="actual",
                n=2,
            )
        )
        pytest.fail(
            f"output differs from the golden file:\n{diff}\n"
            f"If the change is intended, regenerate with:\n  {command}",
            pytrace=False,
        )


def truth_mismatches(article: Article, truth: Mapping[str, Any]) -> list[str]:
    """What ``article`` gets wrong against a human truth (corpus FORMAT keys).

    Scored as the corpora are: exact match after NFKC, case folding and
    whitespace collapsing; authors and tags as sets; dates on the calendar day
    unless both sides give a time; ``body`` as an exact token sequence. Also
    checks ``subtitle``, ``section``, ``site_name``, ``updated_text`` and
    ``published_text`` when the truth gives them. ``null`` means "not scored".
    """
    from .evaluation import body_match, same_names, same_stamp, same_text, snippet_hits

    got = article.to_dict()
    problems: list[str] = []
    for key in (
        "title",
        "subtitle",
        "section",
        "site_name",
        "language",
        "updated_text",
        "published_text",
    ):
        want = truth.get(key)
        if want is not None and not same_text(want, got.get(key)):
            problems.append(f"{key}: want {want!r}, got {got.get(key)!r}")
    for key in ("authors", "tags"):
        want = truth.get(key)
        if want is not None and not same_names(want, got.get(key)):
            problems.append(f"{key}: want {want!r}, got {got.get(key)!r}")
    for key in ("published", "updated"):
        want = truth.get(key)
        if want is not None and not same_stamp(want, got.get(key)):
            problems.append(f"{key}: want {want!r}, got {got.get(key)!r}")
    if truth.get("body") is not None and not body_match(truth["body"], article.body).exact:
        problems.append("body: token sequence differs from the truth")
    if truth.get("with"):
        found, counted = snippet_hits(truth["with"], article.body)
        if found < counted:
            problems.append(f"with: {counted - found} of {counted} snippets missing")
    for snippet in truth.get("without") or ():
        if snippet_hits([snippet], article.body)[0]:
            problems.append(f"without: chrome kept: {snippet!r}")
    return problems


# -- the pytest plugin -------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("articlekit")
    group.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite golden expected.json files instead of comparing against them",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when pytest runs with ``--update-goldens``."""
    return bool(request.config.getoption("--update-goldens"))
