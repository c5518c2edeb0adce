"""Speed of articlekit.parse against trafilatura on the same saved pages.

    python benchmarks/speed.py [--corpus DIR ...] [--limit N] [--repeat R]
                               [--input bytes|str ...] [--separate] [--no-warm-pass]

Every page is given in two input forms, each timed for both extractors:

* ``bytes``: the file's bytes as saved;
* ``str``: the page decoded as ``response.text`` would be (our own
  ``decode_html``; the decoding itself is not timed).

For every page and form the calls below run in turn (in reverse order on every
other page, so machine noise and shared caches favour none), each timed with
``time.perf_counter``:

* ``articlekit.parse(page, url)``
* ``trafilatura.bare_extraction(page, url=url, with_metadata=True)``
* ``lxml.html.document_fromstring(page)``: the bare parse, as a yardstick

Printed per corpus, form and overall: the mean, 95th percentile and median
ms/page of articlekit and trafilatura and the ratios articlekit / trafilatura
of the means and of the 95th percentiles (the standing floor of issue #13:
both must stay under 1, the goal is 0.80). Then the *first call*: ``import``
plus the first ``parse()`` of a page in a fresh interpreter, for each library.
Both are timed as installed: pip compiles a package's modules to bytecode at
install, so the fresh interpreters write and read bytecode in a temporary
``PYTHONPYCACHEPREFIX`` folder (with ``PYTHONDONTWRITEBYTECODE`` removed from
their environment), after one untimed run that fills it. Without that, a
machine that sets ``PYTHONDONTWRITEBYTECODE`` would time the compiling of
every module from source on every run.

articlekit uses trafilatura and htmldate internally, so when run interleaved
each may profit from caches the other filled; ``--separate`` times each
extractor alone in its own interpreter instead. Before timing starts, each
extractor is called once on every page of the corpus (untimed; on the first
page only with ``--no-warm-pass``), so lazy imports and one-time set-up do not
count as page time (the first-call figures measure exactly that). The set-up
some pages trigger costs seconds: dateparser compiles each language's patterns
the first time a date string needs them, into a cache both libraries share
through htmldate, and without the warm pass that lands on whichever library
meets such a page first.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from _corpora import corpora_root

from articlekit.evaluation import find_corpora, load_corpus
from articlekit.page import decode_html

#: Fresh interpreters started to time the first call; the median is reported.
FIRST_CALL_RUNS = 5
#: The input forms timed: the bytes as saved, and the page decoded to str.
FORMS = ("bytes", "str")

Call = Callable[[bytes | str, str | None], object]


def default_corpora() -> list[Path]:
    return [p for p in find_corpora(corpora_root()) if p.name.endswith("-dev")]


def _articlekit() -> Call:
    import articlekit

    return lambda page, url: articlekit.parse(page, url)


def _trafilatura() -> Call:
    from trafilatura import bare_extraction

    return lambda page, url: bare_extraction(page, url=url, with_metadata=True)


def _lxml() -> Call:
    import lxml.html

    return lambda page, url: lxml.html.document_fromstring(page)


NAMES = ("articlekit", "trafilatura", "lxml")
_FACTORIES = {"articlekit": _articlekit, "trafilatura": _trafilatura, "lxml": _lxml}

#: Times of one extractor: form -> per-page ms; errors: form -> count.
Times = dict[str, dict[str, list[float]]]
Errors = dict[str, dict[str, int]]


def _as_form(data: bytes, form: str) -> bytes | str:
    return decode_html(data)[0] if form == "str" else data


def time_corpus(
    folder: Path,
    limit: int | None,
    repeat: int,
    names: Sequence[str] = NAMES,
    forms: Sequence[str] = FORMS,
    warm_pass: bool = True,
) -> tuple[Times, Errors]:
    """Per-page ms (fastest of ``repeat``) and error counts, per extractor and form."""
    corpus = load_corpus(folder)
    pages = corpus.pages[:limit] if limit else corpus.pages
    calls = {name: _FACTORIES[name]() for name in names}
    times: Times = {name: {form: [] for form in forms} for name in calls}
    errors: Errors = {name: dict.fromkeys(forms, 0) for name in calls}
    order = list(calls)
    # Warm-up: first calls pay for lazy imports. With ``warm_pass``, every
    # page goes through every extractor once before the timing: set-up that
    # a page's content triggers once per process (dateparser compiles each
    # language's patterns the first time a date string needs them, a cache
    # both libraries share through htmldate) then lands on neither library,
    # instead of on whichever meets the page first.
    # One form is enough for that; the first page warms every form.
    for number, page in enumerate(pages if warm_pass else pages[:1]):
        data = corpus.read_html(page)
        for call in calls.values():
            for form in forms if number == 0 else forms[:1]:
                with contextlib.suppress(Exception):
                    call(_as_form(data, form), page.url)
    for number, page in enumerate(pages):
        data = corpus.read_html(page)
        for form in forms:
            source = _as_form(data, form)
            turn = order if number % 2 == 0 else order[::-1]
            best: dict[str, float] = {}
            for _ in range(repeat):
                for name in turn:
                    start = time.perf_counter()
                    try:
                        calls[name](source, page.url)
                    except Exception:
                        errors[name][form] += 1
                    ms = (time.perf_counter() - start) * 1000
                    best[name] = min(ms, best.get(name, ms))
            for name, ms in best.items():
                times[name][form].append(ms)
    return times, errors


def p95(values: Sequence[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20, method="inclusive")[18]


HEADER = (
    f"{'corpus':<32} {'input':<5} {'pages':>5}  "
    f"{'ak mean':>7} {'ak p95':>7} {'ak med':>7}  "
    f"{'tf mean':>7} {'tf p95':>7} {'tf med':>7}  "
    f"{'mean ratio':>10} {'p95 ratio':>9}  {'lxml med':>8}  {'errors ak/tf':>12}"
)


def report(label: str, form: str, times: Times, errors: Errors) -> None:
    """One row: mean, p95 and median of both extractors and their ratios."""
    ak, tf = times["articlekit"][form], times["trafilatura"][form]
    if not ak:
        print(f"{label:<32} {form:<5} {0:>5}")
        return
    lxml_median = statistics.median(times["lxml"][form]) if times.get("lxml") else 0.0
    ak_mean, tf_mean = statistics.mean(ak), statistics.mean(tf)
    errs = f"{errors['articlekit'][form]}/{errors['trafilatura'][form]}"
    print(
        f"{label:<32} {form:<5} {len(ak):>5}  "
        f"{ak_mean:>7.1f} {p95(ak):>7.1f} {statistics.median(ak):>7.1f}  "
        f"{tf_mean:>7.1f} {p95(tf):>7.1f} {statistics.median(tf):>7.1f}  "
        f"{ak_mean / tf_mean:>10.2f} {p95(ak) / p95(tf):>9.2f}  {lxml_median:>8.1f}  {errs:>12}"
    )


_FIRST_CALL_CODE = {
    "articlekit": "import articlekit as m; call = lambda d: m.parse(d)",
    "trafilatura": (
        "import trafilatura as m; call = lambda d: m.bare_extraction(d, with_metadata=True)"
    ),
}


def first_call(name: str, page: Path | None) -> tuple[float, float]:
    """Median ms of ``import`` alone and of ``import`` + the first call on
    ``page``, in fresh interpreters with the bytecode compiled once before."""
    read = f"data = open({str(page)!r}, 'rb').read()" if page else "data = None"
    code = (
        f"import gzip, time\n{read}\n"
        "if data and data[:2] == b'\\x1f\\x8b': data = gzip.decompress(data)\n"
        f"t = time.perf_counter()\n{_FIRST_CALL_CODE[name]}\n"
        "i = time.perf_counter()\n"
        "if data: call(data)\n"
        "print(i - t, time.perf_counter() - t)"
    )
    imports, totals = [], []
    with tempfile.TemporaryDirectory(prefix="speed-pycache-") as cache:
        # Bytecode as an installed package has it (see the module docstring).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for run in range(FIRST_CALL_RUNS + 1):
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
            )
            if run == 0:
                continue  # the warm-up: it compiles and writes the bytecode
            imported, total = (float(x) * 1000 for x in done.stdout.split())
            imports.append(imported)
            totals.append(total)
    return statistics.median(imports), statistics.median(totals)


def time_separately(
    folder: Path, limit: int | None, repeat: int, forms: Sequence[str], warm_pass: bool = True
) -> tuple[Times, Errors]:
    """Each extractor alone in a fresh interpreter: no cache is shared between them."""
    times: Times = {}
    errors: Errors = {}
    for name in NAMES:
        command = [sys.executable, __file__, "--only", name, "--corpus", str(folder)]
        command += ["--repeat", str(repeat)] + (["--limit", str(limit)] if limit else [])
        command += [] if warm_pass else ["--no-warm-pass"]
        for form in forms:
            command += ["--input", form]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        data = json.loads(done.stdout)
        times[name], errors[name] = data["times"], data["errors"]
    return times, errors


def _first_page(folders: Sequence[Path]) -> Path | None:
    for folder in folders:
        corpus = load_corpus(folder)
        if corpus.pages:
            return corpus.pages[0].file
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", help="corpus folder (repeatable)")
    parser.add_argument("--limit", type=int, help="first N pages of each corpus")
    parser.add_argument(
        "--repeat", type=int, default=1, help="calls per page and extractor; the fastest counts"
    )
    parser.add_argument(
        "--input", choices=FORMS, action="append", help="input form(s) to time; default both"
    )
    parser.add_argument(
        "--separate",
        action="store_true",
        help="time each extractor alone in its own interpreter instead of interleaved",
    )
    parser.add_argument("--no-first-call", action="store_true", help="skip the first-call timing")
    parser.add_argument(
        "--no-warm-pass",
        action="store_true",
        help="warm up on the first page only, not on every page before the timing",
    )
    parser.add_argument("--only", choices=NAMES, help=argparse.SUPPRESS)  # for --separate
    args = parser.parse_args()
    folders = args.corpus or default_corpora()
    if not folders:
        print("no corpus found: pass --corpus DIR or set ARTICLEKIT_CORPORA", file=sys.stderr)
        return 2
    repeat = max(args.repeat, 1)
    forms = tuple(dict.fromkeys(args.input)) if args.input else FORMS
    if args.only:
        only_times, only_errors = time_corpus(
            folders[0], args.limit, repeat, [args.only], forms, not args.no_warm_pass
        )
        print(json.dumps({"times": only_times[args.only], "errors": only_errors[args.only]}))
        return 0
    mode = "each alone in its own interpreter" if args.separate else "interleaved"
    warm = not args.no_warm_pass
    warmed = "every page warmed first" if warm else "first page warmed"
    print(
        f"python {sys.version.split()[0]} on {sys.platform}; {mode}; {warmed}; "
        f"fastest of {repeat} per page"
    )
    print("ms per page; ak = articlekit, tf = trafilatura; ratio = ak / tf (mean, p95)")
    print(HEADER)
    all_times: Times = {name: {form: [] for form in forms} for name in NAMES}
    all_errors: Errors = {name: dict.fromkeys(forms, 0) for name in NAMES}
    for folder in folders:
        if args.separate:
            times, errors = time_separately(folder, args.limit, repeat, forms, warm)
        else:
            times, errors = time_corpus(folder, args.limit, repeat, NAMES, forms, warm)
        for form in forms:
            report(folder.name, form, times, errors)
            for name in NAMES:
                all_times[name][form] += times[name][form]
                all_errors[name][form] += errors[name][form]
    if len(folders) > 1:
        for form in forms:
            report("all", form, all_times, all_errors)
    if not args.no_first_call:
        page = _first_page(folders)
        shown = page.name if page else "no page"
        print(
            f"first call in a fresh interpreter, bytecode compiled "
            f"(median of {FIRST_CALL_RUNS}; page {shown}):"
        )
        for name in ("articlekit", "trafilatura"):
            imported, total = first_call(name, page)
            print(f"  {name:<12} import {imported:6.0f} ms   import + first call {total:6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
