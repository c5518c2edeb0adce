"""Benchmarks of batch cleaning (``articlekit clean`` / ``parse_many``).

    python benchmarks/batch_bench.py speed   [--corpora DIR] [--repeat N] [--limit N]
    python benchmarks/batch_bench.py memory  [--pages 10000] [--jobs 2] [--recycle N]
    python benchmarks/batch_bench.py site    [--corpora DIR] [--min-pages N]

speed   pages/s of a plain ``parse()`` loop, ``clean --jobs 1`` and ``clean --jobs 2``
        over every page of the ``*-dev`` corpora: the jobs-2/jobs-1 ratio and the
        batch overhead of ``--jobs 1`` over the loop (best of ``--repeat`` runs).
memory  builds a folder of N pages by repeating corpus pages (in a temporary
        folder, deleted afterwards), runs ``articlekit clean`` on it as a
        subprocess and samples the resident memory of the parent and of every
        worker process: peak per worker, and RSS along the run (flatness).
site    the gain of site memory: the pages of every site with at least
        ``--min-pages`` pages in the corpora are parsed together, with and
        without site memory; body F1 against the truth, the share of
        ``without`` (chrome) snippets left out and of ``with`` snippets kept.

Corpus pages are only read, never copied into the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from _corpora import corpora_root

import articlekit
from articlekit import batch
from articlekit.evaluation import body_match, load_corpus, snippet_hits

CORPORA = corpora_root()
#: How often the memory benchmark samples /proc (seconds).
SAMPLE_SECONDS = 0.2


def corpus_pages(root: Path) -> list[Path]:
    return sorted(p for d in sorted(root.glob("*-dev")) for p in (d / "pages").iterdir())


# -- speed ---------------------------------------------------------------------


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (the workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def parse_loop(pages: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds for read + decompress + parse() of every page."""
    started, cpu = time.perf_counter(), _cpu()
    for path in pages:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        with contextlib.suppress(articlekit.ArticlekitError):
            articlekit.parse(data)
    return time.perf_counter() - started, _cpu() - cpu


def clean_run(pages: list[Path], jobs: int, site_memory: bool) -> tuple[float, float]:
    """(wall, CPU) seconds for ``articlekit clean`` of ``pages``, outputs included."""
    with tempfile.TemporaryDirectory() as out:
        started, cpu = time.perf_counter(), _cpu()
        batch.clean(pages, Path(out) / "o", jobs=jobs, site_memory=site_memory)
        return time.perf_counter() - started, _cpu() - cpu


def speed(args: argparse.Namespace) -> None:
    pages = corpus_pages(args.corpora)[: args.limit]
    n = len(pages)
    parse_loop(pages[:20])  # warm up the pipeline and imports
    times: dict[str, list[float]] = defaultdict(list)
    cpus: dict[str, list[float]] = defaultdict(list)
    print(f"load average before: {os.getloadavg()}")
    for _ in range(args.repeat):  # interleaved, so drift hits every variant alike
        for name, run in (
            ("parse() loop", lambda: parse_loop(pages)),
            ("clean --jobs 1", lambda: clean_run(pages, 1, site_memory=True)),
            ("clean --jobs 1 --no-site-memory", lambda: clean_run(pages, 1, site_memory=False)),
            ("clean --jobs 2", lambda: clean_run(pages, 2, site_memory=True)),
        ):
            wall, cpu = run()
            times[name].append(wall)
            cpus[name].append(cpu)
    print(f"load average after: {os.getloadavg()}")
    best = {name: min(ts) for name, ts in times.items()}
    print(f"{n} pages, best of {args.repeat} runs (all runs in seconds in brackets)")
    for name, seconds in best.items():
        runs = ", ".join(f"{t:.2f}" for t in times[name])
        cpu = min(cpus[name])
        print(f"  {name:34s} {n / seconds:7.1f} pages/s  [{runs}]  CPU {cpu:.1f} s")
    ratio = best["clean --jobs 1"] / best["clean --jobs 2"]
    overhead = best["clean --jobs 1"] / best["parse() loop"] - 1
    overhead_plain = best["clean --jobs 1 --no-site-memory"] / best["parse() loop"] - 1
    print(f"jobs 2 / jobs 1 pages/s ratio: {ratio:.2f}x (bar: >= 1.8x)")
    print(f"batch overhead of --jobs 1 over the parse() loop: {overhead:+.1%} (bar: < 10%)")
    print(f"  ... without site memory: {overhead_plain:+.1%}")
    cpu_ratio = min(cpus["clean --jobs 2"]) / min(cpus["clean --jobs 1"])
    print(f"CPU seconds of --jobs 2 (parent + workers) / --jobs 1: {cpu_ratio:.2f}")


# -- memory --------------------------------------------------------------------


def build_folder(root: Path, pages: list[Path], count: int) -> None:
    """``count`` page files made by repeating ``pages``, 500 to a subfolder."""
    for i in range(count):
        src = pages[i % len(pages)]
        folder = root / f"part{i // 500:03d}"
        folder.mkdir(exist_ok=True)
        shutil.copyfile(src, folder / f"{i:06d}-{src.name}")


def _status(pid: int) -> dict[str, int]:
    out = {}
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return out
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM", "PPid"):
            out[key] = int(value.split()[0])
    return out


def _children(pid: int) -> list[int]:
    kids = []
    for status in Path("/proc").glob("[0-9]*/status"):
        info = _status(int(status.parent.name))
        if info.get("PPid") == pid:
            kids.append(int(status.parent.name))
    return kids


def memory(args: argparse.Namespace) -> None:
    pages = corpus_pages(args.corpora)
    with tempfile.TemporaryDirectory(prefix="articlekit-mem-") as tmp:
        root, out = Path(tmp) / "in", Path(tmp) / "out"
        root.mkdir()
        build_folder(root, pages, args.pages)
        size = sum(p.stat().st_size for p in root.rglob("*"))
        print(f"folder: {args.pages} pages, {size / 2**20:.0f} MiB gzip, in {root}")
        # The CLI, with the worker recycling period set from the command line.
        script = (
            "import sys; from articlekit import cli_clean; from articlekit.batch import pool; "
            "pool.WORKER_MAX_PAGES = int(sys.argv[1]); sys.exit(cli_clean.main(sys.argv[2:]))"
        )
        cmd = [sys.executable, "-c", script, str(args.recycle), str(root), "--out", str(out)]
        cmd += ["--jobs", str(args.jobs), "--quiet"]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd)
        peak_worker: dict[int, int] = {}
        parent_rss: list[tuple[float, int, int]] = []  # (t, parent kB, max worker kB)
        spool = out / ".articlekit" / "pages.jsonl"
        done_marks: list[tuple[int, int]] = []  # (pages done, max worker RSS kB)
        while proc.poll() is None:
            kids = _children(proc.pid)
            worker_rss = 0
            for kid in kids:
                info = _status(kid)
                if info:
                    peak_worker[kid] = max(peak_worker.get(kid, 0), info.get("VmHWM", 0))
                    worker_rss = max(worker_rss, info.get("VmRSS", 0))
            parent = _status(proc.pid)
            parent_rss.append((time.perf_counter() - started, parent.get("VmRSS", 0), worker_rss))
            if spool.exists():
                with spool.open("rb") as fh:
                    done = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
                done_marks.append((done, worker_rss))
            time.sleep(SAMPLE_SECONDS * (5 if spool.exists() else 1))
        seconds = time.perf_counter() - started
        report = json.loads((out / "report.json").read_text())
    print(
        f"exit code {proc.returncode}; {report['pages']} pages, {report['ok']} ok, "
        f"{report['failed']} failed in {seconds:.0f} s ({report['pages_per_second']} pages/s)"
    )
    peaks = sorted(peak_worker.values())
    print(f"worker processes seen: {len(peaks)} (replaced every {args.recycle} pages)")
    if peaks:
        print(
            f"peak RSS per worker: max {peaks[-1] / 1024:.0f} MiB, "
            f"median {statistics.median(peaks) / 1024:.0f} MiB (bar: < 300 MB)"
        )
    print(f"parent RSS: max {max(r[1] for r in parent_rss) / 1024:.0f} MiB")
    print("worker RSS along the run (pages done -> largest worker RSS):")
    step = max(1, len(done_marks) // 10)
    for done, rss in done_marks[::step]:
        print(f"  {done:6d} pages  {rss / 1024:6.0f} MiB")


# -- site memory ---------------------------------------------------------------


def site(args: argparse.Namespace) -> None:
    by_host: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
    for folder in sorted(args.corpora.glob("*-dev")):
        corpus = load_corpus(folder)
        for page in corpus.pages:
            host = urlsplit(page.url or "").hostname
            if host and host != "web.archive.org":
                by_host[host.removeprefix("www.")].append((corpus, page))
    hosts = {h: ps for h, ps in by_host.items() if len(ps) >= args.min_pages}
    print(
        f"{len(hosts)} sites with >= {args.min_pages} pages: "
        + ", ".join(f"{h} ({len(ps)})" for h, ps in sorted(hosts.items()))
    )
    thresholds = batch.SiteRepeatThresholds(
        min_pages=args.min_pages,
        min_share=batch.SITE_REPEAT_THRESHOLDS.min_share,
        min_repeats=batch.SITE_REPEAT_THRESHOLDS.min_repeats,
        max_chars=batch.SITE_REPEAT_THRESHOLDS.max_chars,
    )
    totals: dict[str, list[float]] = defaultdict(list)
    removed_total = 0
    examples: list[str] = []
    for host, items in sorted(hosts.items()):
        memory = batch.SiteMemory(thresholds)
        articles = []
        for corpus, page in items:
            try:
                article = articlekit.parse(corpus.read_html(page), url=page.url)
            except articlekit.ArticlekitError:
                continue
            articles.append((page, article))
            memory.learn(article)
        for page, before in articles:
            after = memory.apply(before)
            gone = [r.text for r in after.removed if r.rule == "site-repeat"]
            removed_total += len(gone)
            examples += [f"{host}: {t[:70]}" for t in gone[:2]]
            for label, art in (("before", before), ("after", after)):
                if page.body is not None:
                    match = body_match(page.body, art.body)
                    totals[f"{label} precision"].append(match.precision)
                    totals[f"{label} recall"].append(match.recall)
                if page.without:
                    found, counted = snippet_hits(page.without, art.body)
                    totals[f"{label} without-found"].append(found)
                    totals[f"{label} without-counted"].append(counted)
                if page.with_:
                    found, counted = snippet_hits(page.with_, art.body)
                    totals[f"{label} with-found"].append(found)
                    totals[f"{label} with-counted"].append(counted)
    print(f"site-repeat removed {removed_total} blocks; examples:")
    for line in examples[:15]:
        print("   ", line)
    for label in ("before", "after"):
        p = statistics.fmean(totals[f"{label} precision"] or [0])
        r = statistics.fmean(totals[f"{label} recall"] or [0])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        n_chrome = sum(totals[f"{label} without-counted"])
        chrome = sum(totals[f"{label} without-found"]) / max(1, n_chrome)
        text = sum(totals[f"{label} with-found"]) / max(1, sum(totals[f"{label} with-counted"]))
        print(
            f"{label:6s} body P {p:.4f} R {r:.4f} F1 {f1:.4f} "
            f"({len(totals[f'{label} precision'])} pages with body truth); "
            f"chrome snippets left in {chrome:.1%} of {n_chrome:.0f}; "
            f"article snippets kept {text:.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    for name in ("speed", "memory", "site"):
        p = sub.add_parser(name)
        p.add_argument("--corpora", type=Path, default=CORPORA)
    sub.choices["speed"].add_argument("--repeat", type=int, default=3)
    sub.choices["speed"].add_argument("--limit", type=int, default=None, help="first N pages")
    sub.choices["memory"].add_argument("--pages", type=int, default=10_000)
    sub.choices["memory"].add_argument("--jobs", type=int, default=2)
    sub.choices["memory"].add_argument(
        "--recycle",
        type=int,
        default=batch.WORKER_MAX_PAGES,
        help="replace a worker after this many pages (a huge number: never)",
    )
    sub.choices["site"].add_argument(
        "--min-pages", type=int, default=batch.SITE_REPEAT_THRESHOLDS.min_pages
    )
    args = parser.parse_args()
    {"speed": speed, "memory": memory, "site": site}[args.what](args)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
