"""The fixture settings a project keeps in ``pyproject.toml``.

``[tool.articlekit.fixtures]`` holds the global field policy (see
:mod:`articlekit.testing.policy`); ``articlekit snapshot`` also reads the
``articlekit_pipeline`` of ``[tool.pytest.ini_options]`` so that it writes what
the tests will compare against.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .policy import Policy

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 (the articlekit[pytest] extra installs tomli)
    import tomli as tomllib

__all__ = ["find_pyproject", "load_policy", "pytest_ini_option"]


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` or a folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {exc}") from None


def load_policy(pyproject: Path | None) -> Policy:
    """The global policy of ``[tool.articlekit.fixtures]`` (all exact when absent).

    Raises :class:`~articlekit.testing.policy.PolicyError` for an unknown field or rule.
    """
    if pyproject is None or not pyproject.is_file():
        return Policy()
    table = _read(pyproject).get("tool", {}).get("articlekit", {}).get("fixtures", {})
    return Policy.from_mapping(table, f"{pyproject} [tool.articlekit.fixtures]")


def pytest_ini_option(pyproject: Path | None, name: str) -> str | None:
    """A string option of ``[tool.pytest.ini_options]``, or ``None``."""
    if pyproject is None or not pyproject.is_file():
        return None
    value = _read(pyproject).get("tool", {}).get("pytest", {}).get("ini_options", {}).get(name)
    return value if isinstance(value, str) and value else None
