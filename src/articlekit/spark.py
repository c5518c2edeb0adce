"""articlekit on Apache Spark (the ``articlekit[spark]`` extra).

:func:`parse_udf` parses a column of pages into a struct column of the Article
fields (:data:`ARTICLE_SCHEMA`); :func:`read_warc` reads WARC files into rows of
``url``, ``html`` and ``warc_record_id``; :func:`apply_site_memory` removes the
text blocks that repeat across a site's pages, as ``articlekit clean`` does.
See docs/crawl-scale.md.

The Python workers must run a Python that has articlekit installed (set
``PYSPARK_PYTHON``, or ship a packed environment with ``--archives``).
"""

# No ``from __future__ import annotations`` here: pandas_udf reads the type hints
# of the functions it wraps at run time.

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

try:
    import pandas as pd
    from pyspark import StorageLevel
    from pyspark.sql import Column, DataFrame, SparkSession
    from pyspark.sql import functions as F  # noqa: N812 (Spark's own convention)
    from pyspark.sql.types import (
        ArrayType,
        BinaryType,
        DataType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
        TimestampType,
    )
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "articlekit.spark needs the 'spark' extra: pip install 'articlekit[spark]'"
    ) from exc

from .batch.site_memory import SiteMemory
from .batch.sources import WARC_SUFFIXES
from .engines._frames import frame_to_rows, rows_to_frame
from .engines._memory import apply_to_row, memory_from_counts, page_entry
from .engines._rows import ERROR_KEYS, FIELDS, REMOVAL_KEYS, FieldKind
from .engines._run import DEFAULT_TIMEOUT, parse_batches
from .engines._warc import WARC_COLUMNS, warc_file_rows, warc_rows

__all__ = [
    "ARTICLE_SCHEMA",
    "WARC_SCHEMA",
    "apply_site_memory",
    "parse_udf",
    "read_warc",
]


def _spark_type(kind: FieldKind) -> DataType:
    strings = ArrayType(StringType())
    if kind == "string":
        return StringType()
    if kind == "strings":
        return strings
    if kind == "timestamp":
        return TimestampType()
    if kind == "long":
        return LongType()
    if kind == "double":
        return DoubleType()
    if kind == "removals":
        return ArrayType(StructType([StructField(k, StringType()) for k in REMOVAL_KEYS]))
    return StructType([StructField(k, StringType()) for k in ERROR_KEYS])


#: The struct that :func:`parse_udf` returns: the Article's fields, flat.
#: ``published``/``updated`` are UTC timestamps (null outside 1678-2261); beside
#: each, ``*_iso`` keeps the page's own precision and ``*_text`` its raw text.
#: ``error`` (type, message) is set, and every other field but ``source_url``
#: null, when the page gave no article.
ARTICLE_SCHEMA = StructType([StructField(name, _spark_type(kind)) for name, kind in FIELDS])

#: The rows of :func:`read_warc`; ``read_error`` is set (and ``html`` null) on a
#: record or file that could not be read.
WARC_SCHEMA = StructType([StructField(name, StringType()) for name in WARC_COLUMNS])


def _pages(values: pd.Series) -> list[Any]:
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in values]


def parse_udf(
    html_col: "Column | str",
    url_col: "Column | str | None" = None,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    isolate: bool = True,
) -> Column:
    """A struct column (:data:`ARTICLE_SCHEMA`) parsed from a column of pages.

    Args:
        html_col: the pages, as string (parsed as text) or binary (decoded as
            :func:`articlekit.parse` decodes bytes).
        url_col: the pages' URLs, or ``None``.
        timeout: seconds per page; ``None`` or ``0`` for no limit. Checked
            between stages (a ``ParseTimeoutError`` row); with ``isolate`` a
            page still running at twice the limit has its worker killed (a
            ``PageTimeout`` row).
        isolate: parse in a worker process per task, so that a page that
            crashes or hangs costs that page only; ``False`` parses in the
            Python worker itself (a little faster, no such guarantee).

    Every input row gives exactly one output row: a page that fails gets its
    ``error`` field set instead of failing the task.
    """
    limit = timeout

    def parse_pages(batches: Iterator[tuple[pd.Series, pd.Series]]) -> Iterator[pd.DataFrame]:
        pairs = ((_pages(htmls), _pages(urls)) for htmls, urls in batches)
        for rows in parse_batches(pairs, timeout=limit, isolate=isolate):
            yield rows_to_frame(rows)

    udf = F.pandas_udf(parse_pages, ARTICLE_SCHEMA)
    urls = F.lit(None).cast(StringType()) if url_col is None else url_col
    column: Column = udf(html_col, urls)
    return column


# -- reading WARC files ------------------------------------------------------------


def _local(path: str) -> str | None:
    """The local file system path of ``path`` (a plain path, ``file:/...`` or
    ``file:///...``), or ``None`` for another scheme."""
    parts = urlsplit(path)
    if parts.scheme == "file":
        return unquote(parts.path)
    return path if len(parts.scheme) <= 1 else None  # "C:\..." is a path


def _local_files(paths: Sequence[str]) -> list[str]:
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):  # noqa: PTH112 (plain strings for Spark)
            for folder, _dirs, names in sorted(os.walk(path)):
                files += [
                    os.path.join(folder, n)  # noqa: PTH118
                    for n in sorted(names)
                    if n.lower().endswith(WARC_SUFFIXES)
                ]
        else:
            files.append(path)
    return files


def _rows_of_files(paths: Iterable[str]) -> Iterator[tuple[str | None, ...]]:
    for path in paths:
        for row in warc_file_rows(path):
            yield tuple(row[c] for c in WARC_COLUMNS)


def _rows_of_contents(files: Iterable[Any]) -> Iterator[tuple[str | None, ...]]:
    import io

    for item in files:
        for row in warc_rows(io.BytesIO(item["content"]), item["path"]):
            yield tuple(row[c] for c in WARC_COLUMNS)


def read_warc(
    spark: SparkSession, paths: "str | Sequence[str]", *, whole_files: bool = False
) -> DataFrame:
    """WARC files as rows of :data:`WARC_SCHEMA` (``url``, ``html``,
    ``warc_record_id``, ``warc_file``, ``read_error``), one per HTML response.

    ``paths``: files or folders (walked for ``.warc`` and ``.warc.gz``). Local
    paths are streamed record by record, one task per file; any other URI that
    Hadoop reads (``hdfs://``, ``s3a://``, ...) is read with Spark's
    ``binaryFile`` source, which holds each file whole in a task's memory (files
    up to 2 GB; Common Crawl's are about 1 GB). ``whole_files=True`` reads
    local files that way too.
    """
    names = [paths] if isinstance(paths, str) else list(paths)
    local = [_local(p) for p in names]
    if not whole_files and all(p is not None for p in local):
        files = _local_files([p for p in local if p is not None])
        if not files:
            return spark.createDataFrame([], WARC_SCHEMA)
        rdd = spark.sparkContext.parallelize(files, len(files)).mapPartitions(_rows_of_files)
        return spark.createDataFrame(rdd, WARC_SCHEMA)
    found = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.warc*")
        .load(names)
        .select("path", "content")
    )
    return spark.createDataFrame(found.rdd.mapPartitions(_rows_of_contents), WARC_SCHEMA)


# -- site memory -----------------------------------------------------------------

_ENTRY_SCHEMA = StructType(
    [
        StructField("site", StringType()),
        StructField("page", BinaryType()),
        StructField("keys", ArrayType(BinaryType())),
    ]
)


def _entries(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    memory = SiteMemory()
    for frame in batches:
        entries = [page_entry(row, memory) for row in frame_to_rows(frame)]
        yield pd.DataFrame(
            {
                "site": [e[0] if e else None for e in entries],
                "page": [e[1] if e else None for e in entries],
                "keys": [e[2] if e else None for e in entries],
            }
        )


def learn_site_memory(df: DataFrame, article_col: str = "article") -> SiteMemory:
    """The site memory of every page in ``df`` (a column of
    :data:`ARTICLE_SCHEMA`), counted by Spark: distinct pages per site, and for
    each block the distinct pages of its site that hold it. Only the blocks that
    count as chrome come back to the driver."""
    entry = F.pandas_udf(_entries, _ENTRY_SCHEMA)
    entries = (
        df.select(entry(F.col(article_col)).alias("e"))
        .select("e.*")
        .where(F.col("site").isNotNull())
        .dropDuplicates(["site", "page"])
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    pages = {r["site"]: r["count"] for r in entries.groupBy("site").count().collect()}
    memory = SiteMemory()
    needed = [(s, memory.needed(n)) for s, n in pages.items() if memory.needed(n) is not None]
    blocks: list[tuple[str, bytes, int]] = []
    if needed:
        spark = df.sparkSession
        floor = spark.createDataFrame(needed, "site string, needed long")
        counted = (
            entries.select("site", F.explode("keys").alias("key"))
            .groupBy("site", "key")
            .count()
            .join(F.broadcast(floor), "site")
            .where(F.col("count") >= F.col("needed"))
        )
        blocks = [(r["site"], bytes(r["key"]), r["count"]) for r in counted.collect()]
    entries.unpersist()
    return memory_from_counts(pages, blocks)


def apply_site_memory(
    df: DataFrame, article_col: str = "article", memory: SiteMemory | None = None
) -> DataFrame:
    """``df`` with the text blocks that repeat across a site's pages removed
    from ``article_col`` (rule ``site-repeat``), as ``articlekit clean`` does.

    Two passes: :func:`learn_site_memory` (unless ``memory`` is given), then the
    memory is broadcast and applied row by row. ``df`` is persisted first so
    that pages are not parsed twice; a site's result is the one ``clean`` gives
    for the same pages.
    """
    df = df.persist(StorageLevel.MEMORY_AND_DISK)
    learned = memory if memory is not None else learn_site_memory(df, article_col)
    shared = df.sparkSession.sparkContext.broadcast(learned)

    def apply(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        chrome = shared.value
        for frame in batches:
            yield rows_to_frame([apply_to_row(chrome, row) for row in frame_to_rows(frame)])

    udf = F.pandas_udf(apply, ARTICLE_SCHEMA)
    return df.withColumn(article_col, udf(F.col(article_col)))
