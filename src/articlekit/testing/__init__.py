"""Testing extraction against saved pages: a pytest plugin and helpers.

The plugin (:mod:`articlekit.testing.plugin`, loaded by pytest through the
``pytest11`` entry point) turns a folder of saved pages into tests once the
project's pytest configuration names it (``articlekit_fixtures``); see
``docs/testing.md``. Importing this package does not import pytest.

Helpers for tests written by hand:

* :func:`assert_article` compares an Article with expected values, under a policy;
* :func:`snapshot` writes a page's expected file (what ``articlekit snapshot`` does);
* :func:`truth_mismatches` scores an Article against a hand-written truth;
* :func:`discover_pages` and :func:`check_golden` build golden tests by hand.
"""

from __future__ import annotations

from .assertions import assert_article
from .expected import SnapshotResult, snapshot
from .golden import PageCase, check_golden, discover_pages
from .pages import expected_path, find_pages, load_pipeline, parse_page, truth_path
from .policy import Policy, PolicyError
from .truth import truth_mismatches

__all__ = [
    "PageCase",
    "Policy",
    "PolicyError",
    "SnapshotResult",
    "assert_article",
    "check_golden",
    "discover_pages",
    "expected_path",
    "find_pages",
    "load_pipeline",
    "parse_page",
    "snapshot",
    "truth_mismatches",
    "truth_path",
]
