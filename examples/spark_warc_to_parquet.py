"""A folder of WARC files in, Parquet out: articlekit on Apache Spark.

    PYSPARK_PYTHON=$(which python) spark-submit examples/spark_warc_to_parquet.py \
        WARC_FOLDER_OR_URI OUT_PARQUET [--no-site-memory] [--timeout 30]

Every HTML response of the WARC files becomes one row: the record's URL and id,
the Article fields in a struct column ``article`` (``articlekit.spark.ARTICLE_SCHEMA``),
and ``read_error`` for records that could not be read. Pages that failed have
``article.error`` set. Site memory (blocks that repeat across a site's pages)
is applied as ``articlekit clean`` applies it, unless --no-site-memory.
"""

from __future__ import annotations

import argparse

from pyspark.sql import SparkSession

from articlekit import spark as aks


def main() -> None:
    parser = argparse.ArgumentParser(description="WARC files to Parquet with articlekit")
    parser.add_argument("warcs", nargs="+", help="WARC files or folders (any Hadoop URI)")
    parser.add_argument("out", help="output Parquet folder")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per page")
    parser.add_argument("--no-site-memory", dest="site_memory", action="store_false")
    args = parser.parse_args()

    spark = (
        SparkSession.builder.appName("articlekit-warc-to-parquet")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    pages = aks.read_warc(spark, args.warcs)
    parsed = pages.select(
        "url",
        "warc_record_id",
        "warc_file",
        "read_error",
        aks.parse_udf("html", "url", timeout=args.timeout).alias("article"),
    )
    if args.site_memory:
        parsed = aks.apply_site_memory(parsed, "article")
    parsed.write.mode("overwrite").parquet(args.out)
    spark.stop()


if __name__ == "__main__":
    main()
