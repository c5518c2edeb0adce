"""Shared test helpers: where the fixtures and the shared corpora live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
#: ``../shared`` beside the checkout (the corpora and the seed page); tests that
#: need it skip when it is absent.
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", TESTS.parents[1] / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpora are not on this machine)")
    return path
