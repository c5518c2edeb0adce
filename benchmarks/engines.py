"""The overhead of the distributed engines: pages/s of ``articlekit.spark`` on
``local[2]`` and of ``articlekit.dask`` (threads, 2 partitions) against
``articlekit clean --jobs 2``, on the same corpus pages, and a scaling estimate.

    python benchmarks/engines.py [--corpora DIR] [--limit N] [--repeat N]

Every engine parses the same N pages (the first of each ``*-dev`` corpus, in
turn), with site memory off, best of ``--repeat`` runs. Spark's session is
started once before timing (its JVM start is reported apart). The estimate
prints the per-core rate of each engine and what one million and ten million
pages cost in core-hours at that rate. Needs the ``spark`` and ``dask`` extras
and Java 17. Corpus pages are only read, never copied into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _corpora import corpora_root

CORES = 2


def load_pages(root: Path, limit: int) -> list[tuple[bytes, str | None]]:
    """Round-robin over the corpora so every corpus is in the sample."""
    per_corpus: list[list[tuple[bytes, str | None]]] = []
    for corpus in sorted(p for p in root.iterdir() if (p / "truth.jsonl").is_file()):
        pages = []
        for line in (corpus / "truth.jsonl").read_text("utf-8").splitlines():
            rec = json.loads(line)
            pages.append((gzip.decompress((corpus / rec["file"]).read_bytes()), rec.get("url")))
        per_corpus.append(pages)
    out: list[tuple[bytes, str | None]] = []
    i = 0
    while len(out) < limit and any(i < len(p) for p in per_corpus):
        out += [p[i] for p in per_corpus if i < len(p)]
        i += 1
    return out[:limit]


def best(repeat: int, run: Callable[[], None]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def time_clean(pages: list[tuple[bytes, str | None]], repeat: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, (data, _url) in enumerate(pages):
            (folder / f"p{i:05d}.html").write_bytes(data)
        runs = iter(range(repeat))

        def run() -> None:  # a fresh OUT each time: clean refuses a used one
            out = Path(tmp) / f"out-{next(runs)}"
            cmd = [sys.executable, "-m", "articlekit.cli", "clean", str(folder), "--out", str(out)]
            cmd += ["--jobs", str(CORES), "--quiet", "--no-site-memory"]
            subprocess.run(cmd, check=False)
            lines = (out / "articles.jsonl").read_text("utf-8").count("\n")
            errors = (out / "errors.jsonl").read_text("utf-8").count("\n")
            assert lines + errors == len(pages), "clean did not write every page"

        return best(repeat, run)


def time_spark(pages: list[tuple[bytes, str | None]], repeat: int) -> tuple[float, float]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    from articlekit import spark as aks

    started = time.perf_counter()
    session = (
        SparkSession.builder.master(f"local[{CORES}]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    frame = session.createDataFrame(pages, "html binary, url string").repartition(CORES).cache()
    frame.count()
    startup = time.perf_counter() - started

    def run() -> None:
        out = frame.select(aks.parse_udf("html", "url").alias("a"))
        out.write.format("noop").mode("overwrite").save()

    seconds = best(repeat, run)
    session.stop()
    return seconds, startup


def time_dask(pages: list[tuple[bytes, str | None]], repeat: int) -> float:
    import dask.bag as db

    from articlekit import dask as akd

    bag = db.from_sequence([{"html": h, "url": u} for h, u in pages], npartitions=CORES)
    return best(repeat, lambda: akd.parse_bag(bag).compute(scheduler="threads", num_workers=CORES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=corpora_root())
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    pages = load_pages(args.corpora, args.limit)
    n = len(pages)
    print(f"{n} pages, {CORES} cores, best of {args.repeat}")
    results = {"clean --jobs 2": time_clean(pages, args.repeat)}
    spark_seconds, startup = time_spark(pages, args.repeat)
    results["spark local[2]"] = spark_seconds
    results["dask threads x2"] = time_dask(pages, args.repeat)
    base = n / results["clean --jobs 2"]
    print(f"spark session start (JVM, data cached): {startup:.1f} s, not counted below")
    print("| engine | s | pages/s | vs clean | pages/s/core | core-h per 1M | core-h per 10M |")
    print("|---|---|---|---|---|---|---|")
    for name, seconds in results.items():
        rate = n / seconds
        per_core = rate / CORES
        million = 1e6 / per_core / 3600
        print(
            f"| {name} | {seconds:.1f} | {rate:.1f} | {rate / base:.2f} | {per_core:.1f} "
            f"| {million:.1f} | {10 * million:.0f} |"
        )


if __name__ == "__main__":
    main()
