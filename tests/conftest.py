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


# -- hypothesis profiles (tests/test_property.py) -------------------------------------
# Registered here, before hypothesis's pytest plugin reads --hypothesis-profile.
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the property tests skip without hypothesis
    pass
else:
    #: Examples per property in CI: enough to reach every strategy branch.
    CI_EXAMPLES = 40
    #: Examples per property in the ``local`` profile, for a longer hunt.
    LOCAL_EXAMPLES = 2_000
    settings.register_profile(
        "ci",
        max_examples=CI_EXAMPLES,
        deadline=None,  # a parse takes milliseconds; CI machines vary
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.register_profile(
        "local", parent=settings.get_profile("ci"), max_examples=LOCAL_EXAMPLES
    )
    settings.load_profile("ci")
