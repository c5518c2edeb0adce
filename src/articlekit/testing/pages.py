"""Saved pages in a fixture folder, the files beside them, and parsing them.

A fixture folder holds saved pages and, beside each, files named after it::

    tests/pages/
      storm.html              the saved page (.html, .htm, .html.gz or a .txt dump)
      storm.expected.json     generated: Article.to_dict(), written by `articlekit snapshot`
      storm.truth.json        optional, hand-written: corpus truth keys, never rewritten

The page's address (for dates, the headline and absolute links) is the
``url`` of its truth file, else the ``url`` recorded in its expected file.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..article import Article
from ..pipeline import Pipeline

__all__ = [
    "FIXTURE_KEY",
    "PAGE_SUFFIXES",
    "PageInputs",
    "expected_path",
    "find_pages",
    "fixture_table",
    "load_pipeline",
    "namesakes",
    "page_inputs",
    "page_stem",
    "parse_page",
    "read_json",
    "truth_path",
]

#: Saved-page suffixes, longest first so ``.html.gz`` wins over ``.gz``.
PAGE_SUFFIXES = (".html.gz", ".html", ".htm", ".txt")

#: The key of an expected file that holds the page's own settings (its policy,
#: the day given to a text dump) rather than an Article field; kept on rewrite.
FIXTURE_KEY = "fixture"


def page_stem(path: Path) -> str | None:
    """The page's name without its suffix, or ``None`` when ``path`` is no saved page."""
    name = path.name
    lowered = name.lower()
    for suffix in PAGE_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def _sidecar(page: Path, kind: str) -> Path:
    stem = page_stem(page)
    if stem is None:
        raise ValueError(f"{page} is not a saved page ({', '.join(PAGE_SUFFIXES)})")
    return page.with_name(f"{stem}.{kind}.json")


def expected_path(page: Path) -> Path:
    """``<page>.expected.json`` beside the page (generated)."""
    return _sidecar(page, "expected")


def truth_path(page: Path) -> Path:
    """``<page>.truth.json`` beside the page (hand-written)."""
    return _sidecar(page, "truth")


def namesakes(page: Path) -> list[Path]:
    """Other saved pages beside ``page`` with the same name (``a.html``, ``a.txt``): they
    would share one expected file, so neither can be tested."""
    stem = page_stem(page)
    return sorted(
        p for p in page.parent.iterdir() if p != page and p.is_file() and page_stem(p) == stem
    )


def find_pages(paths: Iterable[Path]) -> list[Path]:
    """The saved pages among ``paths``: files as given, folders walked recursively, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and page_stem(p))
        else:
            found.append(path)
    return found


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object from ``path`` (``ValueError`` naming the file when it is not one)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object, found {type(data).__name__}")
    return data


#: What the ``fixture`` table of an expected file may hold.
FIXTURE_KEYS = frozenset({"policy", "published"})


def fixture_table(expected: Mapping[str, Any] | None, where: str) -> Mapping[str, Any]:
    """The ``fixture`` table of an expected file (empty when absent), checked.

    Raises ``ValueError`` naming ``where`` for a table that is no object or has
    keys other than ``policy`` and ``published``.
    """
    table = (expected or {}).get(FIXTURE_KEY)
    if table is None:
        return {}
    if not isinstance(table, Mapping) or not isinstance(table.get("policy", {}), Mapping):
        raise ValueError(
            f'{where}: "{FIXTURE_KEY}" must be {{"policy": {{...}}, "published": ...}}'
        )
    unknown = sorted(set(table) - FIXTURE_KEYS)
    if unknown:
        raise ValueError(
            f'{where}: unknown key {unknown[0]!r} in "{FIXTURE_KEY}"; '
            f"keys: {', '.join(sorted(FIXTURE_KEYS))}"
        )
    return table


@dataclass(frozen=True, slots=True)
class PageInputs:
    """What parsing a fixture page needs besides its bytes."""

    url: str | None = None
    #: The article's day, given to :func:`articlekit.clean_text` for ``.txt`` dumps.
    published: str | None = None


def page_inputs(truth: Mapping[str, Any] | None, expected: Mapping[str, Any] | None) -> PageInputs:
    """The address and day of a page: the hand-written truth first, then the expected file."""
    truth = truth or {}
    expected = expected or {}
    fixture = fixture_table(expected, "the expected file")
    url = truth.get("url") or expected.get("url")
    published = truth.get("given_published") or fixture.get("published")
    return PageInputs(
        url if isinstance(url, str) else None,
        published if isinstance(published, str) else None,
    )


def parse_page(page: Path, inputs: PageInputs, pipeline: Pipeline | None = None) -> Article:
    """The Article for a saved page: ``clean_text`` for ``.txt`` dumps, ``parse`` otherwise."""
    from .. import clean_text, parse

    if page.name.lower().endswith(".txt"):
        return clean_text(
            page.read_text("utf-8"), inputs.url, published=inputs.published, pipeline=pipeline
        )
    return parse(page, inputs.url, pipeline=pipeline)


def load_pipeline(spec: str) -> Pipeline:
    """The pipeline a ``package.module:factory`` spec names: the factory, called without arguments.

    Raises ``ValueError`` saying what is wrong (bad spec, module not importable,
    no such name, not a Pipeline).
    """
    module_name, sep, attr = spec.strip().partition(":")
    if not sep or not module_name or not attr:
        raise ValueError(f"pipeline {spec!r}: write it as package.module:factory")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ValueError(f"pipeline {spec!r}: cannot import {module_name}: {exc}") from None
    factory: Any = module
    for part in attr.split("."):
        if not hasattr(factory, part):
            raise ValueError(f"pipeline {spec!r}: {module_name} has no {attr}")
        factory = getattr(factory, part)
    pipeline = factory() if callable(factory) and not isinstance(factory, Pipeline) else factory
    if not isinstance(pipeline, Pipeline):
        raise ValueError(
            f"pipeline {spec!r}: gave {type(pipeline).__name__}, not an articlekit.Pipeline"
        )
    return pipeline
