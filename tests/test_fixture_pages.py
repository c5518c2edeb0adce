"""Truth and golden tests over every page in tests/fixtures/pages/."""

from __future__ import annotations

import pytest

from articlekit.testing import PageCase, check_golden, discover_pages, truth_mismatches

from .conftest import FIXTURES

CASES = discover_pages(FIXTURES / "pages")


def test_fixture_pages_exist() -> None:
    assert len(CASES) >= 1, "tests/fixtures/pages/ holds no page with a truth.json"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.slug)
def test_truth(case: PageCase) -> None:
    assert truth_mismatches(case.parse(), case.truth) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.slug)
def test_golden(case: PageCase, update_goldens: bool, request: pytest.FixtureRequest) -> None:
    check_golden(
        case.parse().to_dict(), case.expected, update=update_goldens, nodeid=request.node.nodeid
    )
