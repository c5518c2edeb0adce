"""articlekit on Dask (the ``articlekit[dask]`` extra).

:func:`parse_bag` and :func:`parse_dataframe` parse pages held in a Dask bag or
dataframe into rows of the Article fields (the same fields as
:data:`articlekit.spark.ARTICLE_SCHEMA`, see :data:`articlekit.engines.FIELDS`);
:func:`read_warc` reads WARC files into a bag; :func:`apply_site_memory`
removes the text blocks that repeat across a site's pages, as
``articlekit clean`` does. See docs/crawl-scale.md.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "articlekit.dask needs the 'dask' extra: pip install 'articlekit[dask]'"
    ) from exc

from .batch.site_memory import SiteMemory
from .batch.sources import WARC_SUFFIXES
from .engines._frames import empty_frame, frame_to_rows, rows_to_frame
from .engines._memory import Entry, apply_to_row, memory_from_counts, page_entry
from .engines._run import DEFAULT_TIMEOUT, parse_rows
from .engines._warc import warc_file_rows, warc_rows

__all__ = [
    "apply_site_memory",
    "learn_site_memory",
    "parse_bag",
    "parse_dataframe",
    "read_warc",
]


def _page_of(item: Any) -> tuple[Any, str | None]:
    """(html, url) of a bag element: a page, or a mapping with ``html`` and
    optionally ``url`` (what :func:`read_warc` yields)."""
    if isinstance(item, Mapping):
        return item.get("html"), item.get("url")
    return item, None


def _parse_partition(
    items: Iterable[Any], timeout: float | None, isolate: bool
) -> list[dict[str, Any]]:
    pages = [_page_of(item) for item in items]
    return parse_rows(
        [html for html, _ in pages], [url for _, url in pages], timeout=timeout, isolate=isolate
    )


def parse_bag(
    bag: db.Bag, *, timeout: float | None = DEFAULT_TIMEOUT, isolate: bool = True
) -> db.Bag:
    """A bag of row dicts, one per element of ``bag``, in the same order.

    Args:
        bag: pages (``str`` parsed as text, ``bytes`` decoded as
            :func:`articlekit.parse` decodes) or mappings with ``html`` and
            optionally ``url``, such as the rows of :func:`read_warc`.
        timeout: seconds per page; ``None`` or ``0`` for no limit. Checked
            between stages (a ``ParseTimeoutError`` row); with ``isolate`` a
            page still running at twice the limit has its worker killed (a
            ``PageTimeout`` row).
        isolate: parse in a worker process per partition, so that a page that
            crashes or hangs costs that page only.

    A page that fails gives a row whose ``error`` is ``{"type", "message"}``.
    """
    parsed: db.Bag = bag.map_partitions(_parse_partition, timeout, isolate)
    return parsed


def _parse_frame(
    frame: pd.DataFrame, html_col: str, url_col: str | None, timeout: float | None, isolate: bool
) -> pd.DataFrame:
    htmls = [None if v is None or v is pd.NA or v != v else v for v in frame[html_col]]
    urls = None if url_col is None else [u if isinstance(u, str) else None for u in frame[url_col]]
    rows = parse_rows(htmls, urls, timeout=timeout, isolate=isolate)
    return rows_to_frame(rows, index=frame.index)


def parse_dataframe(
    df: dd.DataFrame,
    html_col: str = "html",
    url_col: str | None = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    isolate: bool = True,
) -> dd.DataFrame:
    """A dataframe of the Article fields, one row per row of ``df`` and with
    its index (so it joins back to ``df``); see :func:`parse_bag` for the
    arguments and guarantees."""
    parsed: dd.DataFrame = df.map_partitions(
        _parse_frame, html_col, url_col, timeout, isolate, meta=empty_frame()
    )
    return parsed


# -- reading WARC files ------------------------------------------------------------


def _files(paths: Sequence[str]) -> list[str]:
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):  # noqa: PTH112 (plain strings, as fsspec takes them)
            for folder, _dirs, names in sorted(os.walk(path)):
                files += [
                    os.path.join(folder, n)  # noqa: PTH118
                    for n in sorted(names)
                    if n.lower().endswith(WARC_SUFFIXES)
                ]
        else:
            files.append(path)
    return files


def _read_file(path: str) -> Iterator[dict[str, str | None]]:
    if "://" not in path or path.startswith("file://"):
        yield from warc_file_rows(path.removeprefix("file://"))
        return
    import fsspec  # a dependency of dask; its protocols read remote files

    with fsspec.open(path, "rb") as fh:
        yield from warc_rows(fh, path)


def read_warc(paths: str | Sequence[str]) -> db.Bag:
    """WARC files as a bag of dicts (``url``, ``html``, ``warc_record_id``,
    ``warc_file``, ``read_error``), one per HTML response, one partition per
    file. ``paths``: local files or folders (walked for ``.warc``/``.warc.gz``),
    or URLs that fsspec opens (``s3://...`` with s3fs installed)."""
    files = _files([paths] if isinstance(paths, str) else list(paths))
    if not files:
        return db.from_sequence([], npartitions=1)
    bag: db.Bag = db.from_sequence(files, npartitions=len(files)).map(_read_file).flatten()
    return bag


# -- site memory -----------------------------------------------------------------


def _rows_bag(rows: db.Bag | dd.DataFrame) -> db.Bag:
    if isinstance(rows, dd.DataFrame):
        convert = dask.delayed(frame_to_rows)
        bag: db.Bag = db.from_delayed([convert(part) for part in rows.to_delayed()])
        return bag
    return rows


def _entry(row: Mapping[str, Any]) -> Entry | None:
    return page_entry(row)


def _keyed(entry: Entry) -> list[tuple[str, bytes]]:
    return [(entry[0], key) for key in entry[2]]


def learn_site_memory(rows: db.Bag | dd.DataFrame) -> SiteMemory:
    """The site memory of the rows of :func:`parse_bag` or
    :func:`parse_dataframe`, counted by Dask: distinct pages per site, and for
    each block the distinct pages of its site that hold it."""
    entries = (
        _rows_bag(rows)
        .map(_entry)
        .filter(lambda e: e is not None)
        .distinct(key=lambda e: (e[0], e[1]))
    )
    pages, blocks = dask.compute(
        entries.pluck(0).frequencies(), entries.map(_keyed).flatten().frequencies()
    )
    per_site: Counter[str] = Counter(dict(pages))
    return memory_from_counts(per_site, ((s, k, n) for (s, k), n in blocks))


def _apply_partition(rows: Iterable[Mapping[str, Any]], memory: SiteMemory) -> list[dict[str, Any]]:
    return [apply_to_row(memory, row) for row in rows]


def _apply_frame(frame: pd.DataFrame, memory: SiteMemory) -> pd.DataFrame:
    return rows_to_frame(_apply_partition(frame_to_rows(frame), memory), index=frame.index)


def apply_site_memory(
    rows: db.Bag | dd.DataFrame, memory: SiteMemory | None = None
) -> db.Bag | dd.DataFrame:
    """``rows`` (a bag or dataframe of article rows) with the text blocks that
    repeat across a site's pages removed (rule ``site-repeat``), as
    ``articlekit clean`` does. Two passes: :func:`learn_site_memory` (unless
    ``memory`` is given), then the memory is applied partition by partition.
    Persist ``rows`` first (``rows.persist()``) so that pages are not parsed
    twice."""
    learned = memory if memory is not None else learn_site_memory(rows)
    if isinstance(rows, dd.DataFrame):
        frame: dd.DataFrame = rows.map_partitions(_apply_frame, learned, meta=empty_frame())
        return frame
    bag: db.Bag = rows.map_partitions(_apply_partition, learned)
    return bag
