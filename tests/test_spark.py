"""articlekit.spark on pyspark ``local[2]``: the UDF against parse() row by row on
corpus and hostile pages, the WARC reader, and site memory against clean.

One Spark session serves the whole test session (starting a JVM costs seconds).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="the 'spark' extra is not installed")

from pyspark.sql import SparkSession
from pyspark.sql.types import StructType, TimestampType

from articlekit import spark as aks
from articlekit.engines import FIELDS, row_to_article

from .engine_pages import (
    EXAMPLE,
    HOSTILE,
    SITE_CHROME,
    clean_articles,
    comparable,
    corpus_pages,
    corpus_references,
    reference_row,
    site_pages,
    write_warc,
)


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    # The Python workers must run this interpreter (articlekit is installed in it).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("articlekit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_the_schema_is_a_struct_of_the_row_fields() -> None:
    assert isinstance(aks.ARTICLE_SCHEMA, StructType)
    assert aks.ARTICLE_SCHEMA.fieldNames() == [name for name, _ in FIELDS]
    assert isinstance(aks.ARTICLE_SCHEMA["published"].dataType, TimestampType)


def _parsed(spark: SparkSession, pages: list[tuple[Any, str | None]], kind: str) -> list[Any]:
    frame = spark.createDataFrame(
        [(i, h, u) for i, (h, u) in enumerate(pages)], f"i long, html {kind}, url string"
    ).repartition(2)
    out = frame.select("i", aks.parse_udf("html", "url", timeout=30).alias("a"))
    return [r.a for r in sorted(out.collect(), key=lambda r: r.i)]


def test_corpus_pages_as_binary_match_parse_row_by_row(spark: SparkSession) -> None:
    pages: list[tuple[Any, str | None]] = list(corpus_pages())
    rows = _parsed(spark, pages, "binary")
    assert len(rows) == len(pages)
    for row, expected in zip(rows, corpus_references(), strict=True):
        assert comparable(row) == comparable(expected)


def test_hostile_pages_as_text_give_one_row_each(spark: SparkSession) -> None:
    rows = _parsed(spark, HOSTILE, "string")
    assert len(rows) == len(HOSTILE)
    for row, (html, url) in zip(rows, HOSTILE, strict=True):
        assert comparable(row) == comparable(reference_row(html, url))
    assert rows[0].error.type == "EmptyInputError"


def test_without_a_url_column_and_without_isolation(spark: SparkSession) -> None:
    frame = spark.createDataFrame([(EXAMPLE,), ("",)], "html string")
    rows = frame.select(aks.parse_udf("html", isolate=False).alias("a")).collect()
    assert comparable(rows[0].a) == comparable(reference_row(EXAMPLE, None))
    assert rows[1].a.error.type == "EmptyInputError"


def test_a_page_over_the_time_limit_is_an_error_row(spark: SparkSession) -> None:
    frame = spark.createDataFrame([(EXAMPLE,), (EXAMPLE,)], "html string")
    rows = frame.select(aks.parse_udf("html", timeout=1e-9).alias("a")).collect()
    assert [r.a.error.type for r in rows] == ["ParseTimeoutError"] * 2


def test_warc_files_are_read_and_parsed(spark: SparkSession, tmp_path: Path) -> None:
    expected = write_warc(tmp_path / "one.warc.gz")
    (tmp_path / "sub").mkdir()
    write_warc(tmp_path / "sub" / "two.warc.gz")
    pages = aks.read_warc(spark, str(tmp_path))
    got = pages.select("url", "html", "warc_record_id", "warc_file").collect()
    assert [(r.url, r.html) for r in got] == expected * 2
    assert all(r.warc_record_id for r in got)
    parsed = pages.select(aks.parse_udf("html", "url").alias("a")).collect()
    for row, (url, html) in zip(parsed, expected * 2, strict=True):
        assert comparable(row.a) == comparable(reference_row(html, url))


@pytest.mark.parametrize("whole_files", [False, True])
def test_warc_files_by_uri(spark: SparkSession, tmp_path: Path, whole_files: bool) -> None:
    expected = write_warc(tmp_path / "one.warc.gz")
    uri = (tmp_path / "one.warc.gz").as_uri()
    # whole_files: the binaryFile route that hdfs:// and s3a:// URIs take.
    got = aks.read_warc(spark, [uri], whole_files=whole_files).collect()
    assert [(r.url, r.html) for r in got] == expected


def test_site_memory_equals_clean(spark: SparkSession, tmp_path: Path) -> None:
    pages = site_pages()
    frame = spark.createDataFrame(list(enumerate(pages)), "i long, html string").repartition(3)
    parsed = frame.withColumn("article", aks.parse_udf("html"))
    out = aks.apply_site_memory(parsed).select("i", "article").collect()
    rows = [comparable(r.article) for r in sorted(out, key=lambda r: r.i)]
    expected = clean_articles(pages, tmp_path)
    for row, article in zip(rows, expected, strict=True):
        assert (row["error"] is None) == (article is not None)
        if article is not None:
            assert row_to_article(row).to_dict() == article
    assert sum(SITE_CHROME not in (r["body"] or SITE_CHROME) for r in rows) == 8
