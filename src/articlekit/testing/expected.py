"""Writing expected files: generated content, atomic replacement, what changed.

An expected file is ``Article.to_dict()`` as sorted, indented JSON, plus the
page's own ``fixture`` table (its policy, the day given to a text dump) when it
has one; rewriting keeps that table. A file is replaced atomically (written
beside it, then renamed over it), so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from ..article import Article
from ..pipeline import Pipeline
from .pages import (
    FIXTURE_KEY,
    expected_path,
    namesakes,
    page_inputs,
    parse_page,
    read_json,
    truth_path,
)

__all__ = [
    "SnapshotResult",
    "dump_expected",
    "expected_content",
    "snapshot",
    "write_atomic",
]


def dump_expected(data: Mapping[str, Any]) -> str:
    """The text of an expected file: sorted keys, two-space indent, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def expected_content(article: Article, previous: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What the expected file holds for ``article``, keeping ``previous``'s ``fixture`` table."""
    data = article.to_dict()
    if previous and FIXTURE_KEY in previous:
        data[FIXTURE_KEY] = previous[FIXTURE_KEY]
    return data


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` in one rename: readers see the old file or the new one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class SnapshotResult:
    """What :func:`snapshot` did for one page."""

    page: Path
    expected: Path
    #: ``written``: a new file; ``rewritten``: replaced (``force``); ``kept``: it
    #: existed and ``force`` was not given; ``unchanged``: rewritten to the same text.
    status: Literal["written", "rewritten", "kept", "unchanged"]


def snapshot(
    page: Path,
    *,
    pipeline: Pipeline | None = None,
    url: str | None = None,
    published: str | None = None,
    force: bool = False,
) -> SnapshotResult:
    """Write ``<page>.expected.json`` for a saved page; never overwrite without ``force``.

    The page's address is ``url``, else the ``url`` of its truth file, else
    the one its old expected file recorded. ``published`` is the day handed to
    :func:`articlekit.clean_text` for ``.txt`` dumps; it is stored in the
    file's ``fixture`` table so later runs parse the dump the same way.
    Raises the parse's :class:`articlekit.ArticlekitError` for a page that is
    not one, and ``ValueError`` for an unreadable truth or expected file.
    """
    target = expected_path(page)
    clash = namesakes(page)
    if clash:
        raise ValueError(f"{page} and {clash[0]} would share {target.name}: rename one of them")
    exists = target.exists()
    if exists and not force:
        return SnapshotResult(page, target, "kept")
    previous = read_json(target) if exists else None
    truth_file = truth_path(page)
    truth = read_json(truth_file) if truth_file.exists() else None
    if published is not None:
        fixture = dict((previous or {}).get(FIXTURE_KEY) or {})
        fixture["published"] = published
        previous = {**(previous or {}), FIXTURE_KEY: fixture}
    inputs = page_inputs(truth, previous)
    if url is not None:
        inputs = replace(inputs, url=url)
    text = dump_expected(expected_content(parse_page(page, inputs, pipeline), previous))
    if exists and target.read_text("utf-8") == text:
        return SnapshotResult(page, target, "unchanged")
    write_atomic(target, text)
    return SnapshotResult(page, target, "rewritten" if exists else "written")
