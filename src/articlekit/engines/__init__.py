"""Engine-free code shared by :mod:`articlekit.spark` and :mod:`articlekit.dask`.

Both engines publish the same flat row per page (:mod:`._rows`), parse with the
batch layer's guarantees (:mod:`._run`), read WARC files the same way
(:mod:`._warc`) and apply site memory to rows the same way (:mod:`._memory`),
so the two cannot drift apart. Nothing here imports pyspark or dask.
"""

from __future__ import annotations

from ._rows import FIELDS, FieldKind, article_row, error_row, row_to_article

__all__ = ["FIELDS", "FieldKind", "article_row", "error_row", "row_to_article"]
