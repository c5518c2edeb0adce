"""Helpers for golden tests written by hand (the plugin does the same by itself).

::

    from articlekit.testing import check_golden, discover_pages, truth_mismatches

    CASES = discover_pages(Path(__file__).parent / "pages")

    @pytest.mark.parametrize("case", CASES, ids=lambda c: c.slug)
    def test_truth(case):
        assert truth_mismatches(case.parse(), case.truth) == []

    @pytest.mark.parametrize("case", CASES, ids=lambda c: c.slug)
    def test_golden(case, update_goldens, request):
        check_golden(case.parse().to_dict(), case.expected, update=update_goldens,
                     nodeid=request.node.nodeid)
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..article import Article
from .expected import dump_expected, write_atomic
from .pages import expected_path, page_inputs, page_stem, parse_page, read_json, truth_path

__all__ = ["PageCase", "check_golden", "discover_pages"]

#: The page file of the older one-folder-per-page layout (``<slug>/source.html``).
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
        """The page's address, from its truth."""
        url = self.truth.get("url")
        return url if isinstance(url, str) else None

    def parse(self) -> Article:
        """The Article for this page: ``parse`` for HTML, ``clean_text`` for ``.txt``."""
        return parse_page(self.source, page_inputs(self.truth, None))


def _folder_case(folder: Path) -> PageCase | None:
    source = next((folder / n for n in SOURCE_NAMES if (folder / n).exists()), None)
    truth = folder / "truth.json"
    if source is None or not truth.exists():
        return None
    return PageCase(folder.name, source, read_json(truth), folder / "expected.json")


def discover_pages(root: Path) -> list[PageCase]:
    """The pages below ``root`` that have a hand-written truth, sorted by slug.

    Both layouts are found: ``<slug>.html`` beside ``<slug>.truth.json`` (and
    ``<slug>.expected.json``), anywhere below ``root``; and the older
    ``<slug>/source.html`` with ``truth.json`` and ``expected.json``.
    """
    if not root.is_dir():
        return []
    cases: list[PageCase] = []
    for path in sorted(root.rglob("*")):
        stem = page_stem(path) if path.is_file() else None
        if stem is not None:
            if truth_path(path).exists():
                cases.append(PageCase(stem, path, read_json(truth_path(path)), expected_path(path)))
        elif path.is_dir() and (case := _folder_case(path)) is not None:
            cases.append(case)
    return sorted(cases, key=lambda c: c.slug)


def check_golden(actual: Mapping[str, Any], path: Path, *, update: bool, nodeid: str) -> None:
    """Assert ``actual`` equals the golden file, or rewrite it (atomically) when ``update``.

    Args:
        actual: the fresh ``Article.to_dict()``.
        path: the golden file.
        update: rewrite instead of comparing (``pytest --articlekit-update``).
        nodeid: the test's node id, for the regeneration command in the message.
    """
    import pytest  # only here: importing articlekit.testing must not need pytest

    text = dump_expected(actual)
    if update:
        write_atomic(path, text)
        return
    command = f"python -m pytest {nodeid.split('[')[0]!s} --articlekit-update"
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
