"""Manifests: a list of saved pages with the address each was fetched from.

A saved page does not know its own URL, yet dates in the URL, the headline and
absolute links need it. A manifest gives it: a JSON Lines file
(``{"path": "pages/a.html", "url": "https://example.com/a"}`` per line) or a
CSV file with a header row holding ``path`` and ``url`` columns. Relative
paths are read from the manifest's folder. Rows are read and checked in full
before any page is parsed, so a mistake in row 9,000 stops the run before it
starts, with the row's line number.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ArticlekitError
from .sources import InputKind, Skipped, Source, _kind_of, _posix, file_sources

__all__ = ["MANIFEST_SUFFIXES", "ManifestError", "ManifestRow", "iter_manifest", "read_manifest"]

#: Manifest formats by suffix.
MANIFEST_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


class ManifestError(ArticlekitError):
    """A manifest that cannot be read or holds a bad row (a usage error)."""


@dataclass(frozen=True, slots=True)
class ManifestRow:
    """One page of a manifest: its path as written, the file, and its URL."""

    line: int
    rel: str
    path: str
    url: str | None


def read_manifest(manifest: str | os.PathLike[str]) -> list[ManifestRow]:
    """Every row of ``manifest``, checked; raises :class:`ManifestError`.

    A row needs a ``path``; ``url``, when present and not empty, must be an
    absolute ``http``/``https`` address. Other keys or columns are ignored. A
    path given twice is refused: its two results would share one source id.
    """
    where = Path(manifest)
    fmt = MANIFEST_SUFFIXES.get(where.suffix.lower())
    if fmt is None:
        raise ManifestError(
            f"{where}: a manifest is a .jsonl or .csv file (path and url of each page)"
        )
    try:
        text = where.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ManifestError(f"cannot read {where}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ManifestError(f"{where} is not UTF-8 text") from None
    raw = _jsonl_rows(text, where) if fmt == "jsonl" else _csv_rows(text, where)
    rows: list[ManifestRow] = []
    first_line: dict[str, int] = {}
    for line, path_text, url in raw:
        if not path_text:
            raise ManifestError(f"{where} line {line}: no path")
        if url and not _absolute_http(url):
            raise ManifestError(
                f"{where} line {line}: url {url!r} is not an absolute http(s) address"
            )
        path = path_text if Path(path_text).is_absolute() else str(where.parent / path_text)
        key = os.path.normpath(path)
        if key in first_line:
            raise ManifestError(
                f"{where} line {line}: {path_text!r} is already on line {first_line[key]}"
            )
        first_line[key] = line
        rows.append(ManifestRow(line, _posix(path_text), path, url or None))
    return rows


def iter_manifest(
    rows: list[ManifestRow], *, kind: InputKind = "auto", skipped: Skipped | None = None
) -> Iterator[Source]:
    """The sources of the rows, each with its URL; a row whose file is
    missing becomes a failed source (``problem`` set), so it is accounted
    for like any page."""
    for row in rows:
        if not Path(row.path).is_file():
            yield Source(
                id=_posix(row.path),
                path=row.path,
                rel=row.rel,
                url=row.url,
                kind=_kind_of(row.path, kind),
                problem=f"manifest line {row.line}: no such file: {row.path}",
            )
            continue
        yield from file_sources(row.path, row.rel, kind=kind, url=row.url, skipped=skipped)


def _absolute_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _jsonl_rows(text: str, where: Path) -> Iterator[tuple[int, str, str]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            column = getattr(exc, "colno", None)
            at = f" (at column {column})" if column else ""
            raise ManifestError(f"{where} line {number} is not valid JSON{at}") from None
        if not isinstance(row, dict):
            raise ManifestError(f'{where} line {number}: expected {{"path": ..., "url": ...}}')
        path, url = row.get("path", ""), row.get("url")
        if not isinstance(path, str) or (url is not None and not isinstance(url, str)):
            raise ManifestError(f"{where} line {number}: path and url must be text")
        yield number, path.strip(), (url or "").strip()


def _csv_rows(text: str, where: Path) -> Iterator[tuple[int, str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    names = [name.strip().lower() for name in reader.fieldnames or []]
    if "path" not in names:
        raise ManifestError(
            f"{where}: the first row must name the columns, with a 'path' column "
            "(and a 'url' column)"
        )
    reader.fieldnames = names
    for row in reader:
        line = reader.line_num
        if None in row:  # more cells than the header names
            raise ManifestError(f"{where} line {line}: more cells than columns")
        yield line, (row.get("path") or "").strip(), (row.get("url") or "").strip()
