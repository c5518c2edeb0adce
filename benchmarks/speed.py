"""Speed of articlekit.parse against trafilatura on the same saved pages.

    python benchmarks/speed.py [--corpus DIR ...] [--limit N] [--repeat R]

For every page the three calls below run in turn (in reverse order on every
other page, so machine noise and shared caches favour none), each timed with
``time.perf_counter``:

* ``articlekit.parse(html, url)``
* ``trafilatura.bare_extraction(html, url=url, with_metadata=True)``
* ``lxml.html.document_fromstring(html)``: the bare parse, as a yardstick

Printed: per corpus and overall, the median ms/page of each, the ratio of
the medians, and the median of the per-page ratios articlekit / trafilatura;
then the time of ``import articlekit`` (and ``import trafilatura``) in a fresh
interpreter. articlekit uses trafilatura and htmldate internally, so when run
interleaved each may profit from caches the other filled; ``--separate`` times
each extractor alone in its own interpreter instead. Each extractor is called
once on the first page before timing starts, so lazy imports do not count as
page time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from _corpora import corpora_root

from articlekit.evaluation import find_corpora, load_corpus

#: Fresh interpreters started to time ``import``; the median is reported.
IMPORT_RUNS = 5


def default_corpora() -> list[Path]:
    return [p for p in find_corpora(corpora_root()) if p.name.endswith("-dev")]


def _articlekit() -> Callable[[bytes, str | None], object]:
    import articlekit

    return lambda html, url: articlekit.parse(html, url)


def _trafilatura() -> Callable[[bytes, str | None], object]:
    from trafilatura import bare_extraction

    return lambda html, url: bare_extraction(html, url=url, with_metadata=True)


def _lxml() -> Callable[[bytes, str | None], object]:
    import lxml.html

    return lambda html, url: lxml.html.document_fromstring(html)


NAMES = ("articlekit", "trafilatura", "lxml")
_FACTORIES = {"articlekit": _articlekit, "trafilatura": _trafilatura, "lxml": _lxml}


def time_corpus(
    folder: Path, limit: int | None, repeat: int, names: Sequence[str] = NAMES
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Per-page times (fastest of ``repeat``) and error counts of ``names``, interleaved."""
    corpus = load_corpus(folder)
    pages = corpus.pages[:limit] if limit else corpus.pages
    calls = {name: _FACTORIES[name]() for name in names}
    times: dict[str, list[float]] = {name: [] for name in calls}
    errors = dict.fromkeys(calls, 0)
    names = list(calls)
    if pages:  # warm-up: first calls pay for lazy imports
        html = corpus.read_html(pages[0])
        for call in calls.values():
            with contextlib.suppress(Exception):
                call(html, pages[0].url)
    for number, page in enumerate(pages):
        html = corpus.read_html(page)
        order = names if number % 2 == 0 else names[::-1]
        best: dict[str, float] = {}
        for _ in range(repeat):
            for name in order:
                start = time.perf_counter()
                try:
                    calls[name](html, page.url)
                except Exception:
                    errors[name] += 1
                ms = (time.perf_counter() - start) * 1000
                best[name] = min(ms, best.get(name, ms))
        for name, ms in best.items():
            times[name].append(ms)
    return times, errors


HEADER = (
    f"{'corpus':<32} {'pages':>5}  {'articlekit ms':>13}  {'trafilatura ms':>14}  "
    f"{'lxml ms':>7}  {'ratio':>5}  {'per-page ratio':>14}  {'errors ak/tf':>12}"
)


def report(label: str, times: dict[str, list[float]], errors: dict[str, int]) -> None:
    """One row: medians, ratio of medians, median of per-page ratios."""
    ak, tf = times["articlekit"], times["trafilatura"]
    if not ak:
        print(f"{label:<32} {0:>5}")
        return
    med = {name: statistics.median(values) for name, values in times.items()}
    per_page = statistics.median(a / t for a, t in zip(ak, tf, strict=True) if t > 0)
    ratio = med["articlekit"] / med["trafilatura"]
    errs = f"{errors['articlekit']}/{errors['trafilatura']}"
    print(
        f"{label:<32} {len(ak):>5}  {med['articlekit']:>13.1f}  {med['trafilatura']:>14.1f}  "
        f"{med['lxml']:>7.1f}  {ratio:>5.2f}  {per_page:>14.2f}  {errs:>12}"
    )


def import_time(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = []
    for _ in range(IMPORT_RUNS):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        runs.append(float(done.stdout.strip()) * 1000)
    return statistics.median(runs)


def time_separately(
    folder: Path, limit: int | None, repeat: int
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Each extractor alone in a fresh interpreter: no cache is shared between them."""
    times: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    for name in NAMES:
        command = [sys.executable, __file__, "--only", name, "--corpus", str(folder)]
        command += ["--repeat", str(repeat)] + (["--limit", str(limit)] if limit else [])
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        data = json.loads(done.stdout)
        times[name], errors[name] = data["times"], data["errors"]
    return times, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", help="corpus folder (repeatable)")
    parser.add_argument("--limit", type=int, help="first N pages of each corpus")
    parser.add_argument(
        "--repeat", type=int, default=1, help="calls per page and extractor; the fastest counts"
    )
    parser.add_argument(
        "--separate",
        action="store_true",
        help="time each extractor alone in its own interpreter instead of interleaved",
    )
    parser.add_argument("--only", choices=NAMES, help=argparse.SUPPRESS)  # for --separate
    args = parser.parse_args()
    folders = args.corpus or default_corpora()
    if not folders:
        print("no corpus found: pass --corpus DIR or set ARTICLEKIT_CORPORA", file=sys.stderr)
        return 2
    repeat = max(args.repeat, 1)
    if args.only:
        only_times, only_errors = time_corpus(folders[0], args.limit, repeat, [args.only])
        print(json.dumps({"times": only_times[args.only], "errors": only_errors[args.only]}))
        return 0
    mode = "each alone in its own interpreter" if args.separate else "interleaved"
    print(
        f"python {sys.version.split()[0]} on {sys.platform}; {mode}; fastest of {repeat} per page"
    )
    print("ms = median per page; ratio = articlekit median / trafilatura median")
    print(HEADER)
    all_times: dict[str, list[float]] = {"articlekit": [], "trafilatura": [], "lxml": []}
    all_errors = dict.fromkeys(all_times, 0)
    for folder in folders:
        if args.separate:
            times, errors = time_separately(folder, args.limit, repeat)
        else:
            times, errors = time_corpus(folder, args.limit, repeat)
        report(folder.name, times, errors)
        for name in all_times:
            all_times[name] += times[name]
            all_errors[name] += errors[name]
    if len(folders) > 1:
        report("all", all_times, all_errors)
    for module in ("articlekit", "trafilatura"):
        print(f"import {module}: {import_time(module):.0f} ms (median of {IMPORT_RUNS})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
