"""Time and memory of articlekit.parse on hostile pages, at growing sizes.

    python benchmarks/stress.py [--case NAME ...] [--runs R] [--trafilatura]
                                [--timeout S] [--save OUT.json] [--compare BEFORE.json]
    python benchmarks/stress.py --profile NAME SIZE     # where the time goes
    python benchmarks/stress.py --stages NAME SIZE      # the time of each stage

Every page is generated here (nothing is read from disk) and parsed in a fresh
interpreter, so that its peak memory is its own. Printed per case and size:
the bytes of the page, the worst of ``--runs`` wall times of ``parse()`` and
the CPU time of that run (on a shared machine the CPU time is the steadier
figure), the time of ``Page.from_input`` alone (reading and parsing, the Page
side), the peak resident memory the parse added, the words found and the
warnings; then the growth of the time from one size to the next (``x10``
bytes should cost about ``x10`` time: growth is linear). Each hostile page
should take at most :data:`BUDGET_SECONDS`.

``--timeout S`` also parses each page with ``parse(..., timeout=S)`` and
prints when :class:`~articlekit.ParseTimeoutError` came (``to s``; empty: the
page finished in time), which shows how far one stage overruns the budget.
``--save`` writes the measures as JSON; ``--compare`` prints the wall time,
CPU time, memory and words of a saved run beside each page (``was``).

Cases (issue #13): a short article followed by many links; many identical
paragraphs; one huge text node; deep ``<div>`` nesting around five
paragraphs; a big page of short text nodes (bylines, labels, stamps are looked
for among those).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: The most one hostile page may take.
BUDGET_SECONDS = 2.0

_ARTICLE = (
    "<h1>A short article about the council vote</h1>"
    "<p>The council voted on Tuesday evening to require solar panels on every new roof "
    "in the city, a rule that takes effect next spring after two years of debate.</p>"
    "<p>Opponents argued that the cost would fall on young families; supporters said "
    "the panels pay for themselves within a decade at current electricity prices.</p>"
    "<p>The vote was 31 to 12. The mayor said she would sign the rule this week.</p>"
)


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Council vote - Example News</title></head><body>" + body + "</body></html>"
    )


def links(n: int) -> str:
    """A short article, then ``n`` links (a site map pasted under the story)."""
    items = "".join(f"<li><a href='/story/{i}'>Another story number {i}</a></li>" for i in range(n))
    return _page(f"<article>{_ARTICLE}</article><ul>{items}</ul>")


def paragraphs(n: int) -> str:
    """``n`` identical paragraphs (a broken CMS repeating its text)."""
    para = "<p>The same paragraph of the story, repeated by a broken publishing system.</p>"
    return _page("<article><h1>Repeated paragraphs</h1>" + para * n + "</article>")


def text_node(n: int) -> str:
    """One text node of ``n`` bytes (a data dump inside a paragraph)."""
    word = "lorem "
    return _page(f"<article>{_ARTICLE}<p>{word * (n // len(word))}</p></article>")


def deep(n: int) -> str:
    """Five paragraphs inside ``n`` nested ``<div>`` elements."""
    return _page("<div>" * n + _ARTICLE + "<p>Closing paragraph.</p>" * 2 + "</div>" * n)


def short_texts(n: int) -> str:
    """About ``n`` bytes of small items, each a few short text nodes."""
    item = (
        "<div class='item'><span>Label {i}</span> <b>by Reporter {i}</b> <i>2 hours ago</i></div>"
    )
    count = n // len(item.format(i=10000))
    return _page(f"<article>{_ARTICLE}</article>" + "".join(item.format(i=i) for i in range(count)))


#: Case name -> (page builder, the sizes it is built at, what the size counts).
CASES: dict[str, tuple[Callable[[int], str], tuple[int, ...], str]] = {
    "links": (links, (1_000, 10_000, 100_000), "links"),
    "paragraphs": (paragraphs, (1_000, 10_000, 50_000), "paragraphs"),
    "text-node": (text_node, (100_000, 1_000_000, 10_000_000), "bytes"),
    "deep": (deep, (500, 2_000, 5_000), "levels"),
    "short-texts": (short_texts, (150_000, 1_500_000, 15_000_000), "bytes"),
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


@dataclass
class Measure:
    """What one hostile page cost (seconds of wall time, MB of resident memory)."""

    bytes: int
    seconds: float
    page_seconds: float
    added_mb: float
    words: int
    warnings: list[str] = field(default_factory=list)
    trafilatura_seconds: float | None = None
    cpu_seconds: float | None = None
    #: With ``--timeout``: when ParseTimeoutError was raised (None: in time).
    timeout_seconds: float | None = None


def child(case: str, size: int, runs: int, trafilatura: bool, timeout: float | None) -> Measure:
    """Run in a fresh interpreter: generate, parse ``runs`` times, measure."""
    import articlekit
    from articlekit.page import Page

    articlekit.parse(_page(_ARTICLE))  # warm-up: imports and the pipeline
    source = CASES[case][0](size).encode("utf-8")
    before = _peak_mb()
    start = time.perf_counter()
    Page.from_input(source)
    page_seconds = time.perf_counter() - start
    worst = worst_cpu = 0.0
    article = None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        article = articlekit.parse(source)
        seconds = time.perf_counter() - start
        if seconds >= worst:
            worst, worst_cpu = seconds, time.process_time() - cpu
    assert article is not None
    result = Measure(
        bytes=len(source),
        seconds=worst,
        page_seconds=page_seconds,
        added_mb=_peak_mb() - before,
        words=article.word_count,
        warnings=list(article.warnings),
        cpu_seconds=worst_cpu,
    )
    if timeout is not None:
        start = time.perf_counter()
        try:
            articlekit.parse(source, timeout=timeout)
        except articlekit.ParseTimeoutError:
            result.timeout_seconds = time.perf_counter() - start
    if trafilatura:
        from trafilatura import bare_extraction

        start = time.perf_counter()
        bare_extraction(source, with_metadata=True)
        result.trafilatura_seconds = time.perf_counter() - start
    return result


def profile(case: str, size: int) -> None:
    import articlekit

    articlekit.parse(_page(_ARTICLE))
    source = CASES[case][0](size).encode("utf-8")
    profiler = cProfile.Profile()
    profiler.runcall(articlekit.parse, source)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def stages(case: str, size: int) -> None:
    """Wall and CPU time of reading the page, of each default stage and of
    assembling the Article (the stages run as ``Pipeline.run`` runs them)."""
    import articlekit
    from articlekit.page import Page
    from articlekit.pipeline import Pipeline
    from articlekit.stage import Draft

    articlekit.parse(_page(_ARTICLE))
    source = CASES[case][0](size).encode("utf-8")
    rows: list[tuple[str, float, float]] = []

    def timed(name: str, work: Callable[[], Any]) -> Any:
        start, cpu = time.perf_counter(), time.process_time()
        out = work()
        rows.append((name, time.perf_counter() - start, time.process_time() - cpu))
        return out

    page = timed("(read the page)", lambda: Page.from_input(source))
    draft = Draft()
    for message in page.warnings:
        draft.warn(message)
    for stage in Pipeline.default():
        finding = timed(stage.name, lambda stage=stage: stage(page, draft))
        draft.merge(stage.name, finding)
    article = timed("(assemble)", lambda: draft.to_article(page.url))
    print(f"{case} {size:,}: {len(source) / 1e6:.1f} MB, {article.word_count} words")
    print(f"{'stage':<16} {'wall s':>7} {'cpu s':>6}")
    for name, wall, cpu in rows:
        print(f"{name:<16} {wall:>7.2f} {cpu:>6.2f}")
    print(f"{'total':<16} {sum(r[1] for r in rows):>7.2f} {sum(r[2] for r in rows):>6.2f}")


def run_case(
    case: str, size: int, runs: int, trafilatura: bool, timeout: float | None
) -> Measure | str:
    """The measure of one page, from a fresh interpreter, or why it failed."""
    command = [sys.executable, __file__, "--child", case, str(size), "--runs", str(runs)]
    if trafilatura:
        command.append("--trafilatura")
    if timeout is not None:
        command += ["--timeout", str(timeout)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return (done.stderr.strip().splitlines() or ["?"])[-1]
    return Measure(**json.loads(done.stdout))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", choices=CASES, action="append", help="cases to run (default all)")
    parser.add_argument("--runs", type=int, default=2, help="parses per page; the worst counts")
    parser.add_argument("--trafilatura", action="store_true", help="time trafilatura once too")
    parser.add_argument("--profile", nargs=2, metavar=("CASE", "SIZE"), help="cProfile one page")
    parser.add_argument("--stages", nargs=2, metavar=("CASE", "SIZE"), help="time each stage")
    parser.add_argument("--timeout", type=float, help="also parse with timeout=S; print when")
    parser.add_argument("--save", metavar="JSON", help="write the measures to this file")
    parser.add_argument("--compare", metavar="JSON", help="a saved run to print beside this one")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        out = child(
            args.child[0], int(args.child[1]), max(1, args.runs), args.trafilatura, args.timeout
        )
        print(json.dumps(asdict(out)))
        return 0
    if args.profile:
        profile(args.profile[0], int(args.profile[1]))
        return 0
    if args.stages:
        stages(args.stages[0], int(args.stages[1]))
        return 0
    was: dict[str, dict[str, Any]] = {}
    if args.compare:
        was = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    print(f"worst of {args.runs} parse() calls per page; budget {BUDGET_SECONDS:g} s per page")
    print(
        f"{'case':<12} {'size':>11} {'MB':>6} {'parse s':>8} {'cpu s':>6} {'Page s':>7} "
        f"{'growth':>7} {'+peak MB':>8} {'words':>6} {'tf s':>6} {'to s':>5}  warnings"
    )
    over = 0
    saved: dict[str, dict[str, Any]] = {}
    for case in args.case or list(CASES):
        _, sizes, unit = CASES[case]
        previous: float | None = None
        for size in sizes:
            m = run_case(case, size, args.runs, args.trafilatura, args.timeout)
            if isinstance(m, str):
                print(f"{case:<12} {size:>11,} failed: {m}")
                over += 1
                continue
            saved[f"{case} {size}"] = asdict(m)
            growth = f"x{m.seconds / previous:.1f}" if previous else ""
            previous = m.seconds
            over += m.seconds > BUDGET_SECONDS
            print(
                f"{case:<12} {size:>11,} {m.bytes / 1e6:>6.1f} {m.seconds:>8.2f} "
                f"{_figure(m.cpu_seconds, 6)} {m.page_seconds:>7.2f} {growth:>7} "
                f"{m.added_mb:>8.0f} {m.words:>6} {_figure(m.trafilatura_seconds, 6)} "
                f"{_figure(m.timeout_seconds, 5)}  {'; '.join(m.warnings)[:60]}"
            )
            before = was.get(f"{case} {size}")
            if before is not None:
                print(
                    f"{'  was':<12} {'':>11} {'':>6} {before['seconds']:>8.2f} "
                    f"{_figure(before.get('cpu_seconds'), 6)} {before['page_seconds']:>7.2f} "
                    f"{'':>7} {before['added_mb']:>8.0f} {before['words']:>6}"
                )
        print(f"{'':<12} ({unit})")
    print(f"pages over the budget: {over}")
    if args.save:
        Path(args.save).write_text(json.dumps(saved, indent=1), encoding="utf-8")
    return 1 if over else 0


def _figure(seconds: float | None, width: int) -> str:
    return f"{seconds:{width}.2f}" if seconds is not None else " " * width


if __name__ == "__main__":
    raise SystemExit(main())
