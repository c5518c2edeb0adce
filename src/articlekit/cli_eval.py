"""``articlekit eval``: score articlekit (and competitors) on corpora of saved pages.

::

    articlekit eval CORPUS_DIR... [--compare trafilatura,readability-lxml,...]
                    [--json FILE] [--plot FILE.png] [--speed] [--limit N]

A ``CORPUS_DIR`` is a folder with ``truth.jsonl`` (see ``docs/accuracy.md``),
or a folder whose sub-folders are such corpora. One table per corpus is printed:
a row per extractor, a column per scored field that has truth in the corpus.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import logging
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from .evaluation import (
    FIELD_NAMES,
    Corpus,
    CorpusFormatError,
    CorpusScores,
    Predict,
    articlekit_predict,
    evaluate_interleaved,
    find_corpora,
    load_corpus,
)

__all__ = ["add_parser", "format_table", "main", "plot", "run_eval", "table_cells"]

#: Exit status for a usage error (bad option value, missing corpus folder).
EXIT_USAGE = 2
#: Exit status when a corpus exists but cannot be read.
EXIT_DATA = 1

#: The name of articlekit's own row.
SELF = "articlekit"

#: Shown in a cell whose extractor does not produce that field at all.
_NOT_PREDICTED = "n/a"

#: Chatty loggers of competitor libraries, quieted during a run.
_NOISY_LOGGERS = ("goose3", "newspaper", "trafilatura", "htmldate", "readability", "justext")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``eval`` subcommand; it sets ``run`` to the handler."""
    parser = subparsers.add_parser(
        "eval",
        help="score extraction against corpora of pages with human truth",
        description=(
            "Score articlekit, and optionally other extractors, on corpora of saved pages "
            "with truth (folders with truth.jsonl and pages/; see docs/accuracy.md)."
        ),
    )
    parser.add_argument(
        "corpora",
        metavar="CORPUS_DIR",
        nargs="+",
        type=Path,
        help="a corpus folder, or a folder of corpus folders",
    )
    parser.add_argument(
        "--compare",
        metavar="NAMES",
        default="",
        help="comma-separated competitors to score alongside articlekit "
        "(trafilatura, readability-lxml, newspaper4k, goose3, justext, or 'all')",
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="write all scores as JSON")
    parser.add_argument(
        "--plot", metavar="FILE.png", type=Path, help="draw quality vs pages/s (needs matplotlib)"
    )
    parser.add_argument(
        "--speed",
        action="store_true",
        help="add median ms/page and its ratio to a bare lxml parse of the same page",
    )
    parser.add_argument(
        "--limit", metavar="N", type=int, help="score only the first N pages of each corpus"
    )
    ids = parser.add_mutually_exclusive_group()
    ids.add_argument(
        "--ids",
        metavar="FILE",
        help="score only the pages whose id FILE lists (one a line); a FILE name that "
        "is no path here is looked up in each corpus folder (--ids check.txt: the check half)",
    )
    ids.add_argument(
        "--exclude-ids",
        metavar="FILE",
        help="score every page but those FILE lists (--exclude-ids check.txt: the look half)",
    )
    parser.set_defaults(run=_run)


# -- formatting ----------------------------------------------------------------


def _fmt_rate(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def table_cells(
    corpus: Corpus,
    scores: Mapping[str, CorpusScores],
    *,
    predicted_fields: Mapping[str, frozenset[str]] | None = None,
    speed: bool = False,
) -> tuple[str, list[str], list[list[str]]]:
    """Caption, column headers and rows of one corpus's score table.

    Columns without truth in the corpus are left out; ``predicted_fields`` names
    the fields an extractor produces at all (others show ``n/a``).
    """
    any_scores = next(iter(scores.values()), None)
    counts = corpus.truth_counts()
    if any_scores is not None:  # counts over the pages actually scored
        counts = _scored_counts(any_scores, counts)
    headers = ["extractor"]
    if counts["body"]:
        headers += ["body P", "body R", "body F1", "body acc"]
    if counts["with"]:
        headers.append("with")
    if counts["without"]:
        headers.append("without")
    headers += [name for name in FIELD_NAMES if counts[name]]
    headers.append("errors")
    if speed:
        headers += ["ms/page", "vs lxml", "pages/s"]

    rows: list[list[str]] = []
    for name, s in scores.items():
        fields = (predicted_fields or {}).get(name)

        def cell(field: str, text: str, fields: frozenset[str] | None = fields) -> str:
            return text if fields is None or field in fields else _NOT_PREDICTED

        row = [name]
        if counts["body"] and s.body is not None:
            row += [str(s.body.precision), str(s.body.recall), str(s.body.f1), str(s.body.accuracy)]
        elif counts["body"]:
            row += [""] * 4
        if counts["with"]:
            row.append(cell("body", _fmt_rate(s.with_.value)))
        if counts["without"]:
            row.append(cell("body", _fmt_rate(s.without.value)))
        for field in FIELD_NAMES:
            if counts[field]:
                row.append(cell(field, _fmt_rate(s.fields[field].value)))
        row.append(str(s.errors))
        if speed:
            ratio = s.median_lxml_ratio
            row += [
                f"{s.median_ms:.1f}",
                "" if ratio is None else f"{ratio:.1f}",
                f"{s.pages_per_s:.1f}",
            ]
        rows.append(row)

    scored = any_scores.pages if any_scores is not None else len(corpus.pages)
    truth = ", ".join(
        f"{k} {v}" + (" snippets" if k in ("with", "without") else "")
        for k, v in counts.items()
        if v
    )
    return f"{corpus.name}: {scored} pages scored; truth: {truth or 'none'}", headers, rows


def format_table(
    corpus: Corpus,
    scores: Mapping[str, CorpusScores],
    *,
    predicted_fields: Mapping[str, frozenset[str]] | None = None,
    speed: bool = False,
) -> str:
    """One corpus's scores as an aligned text table (a row per extractor)."""
    title, headers, rows = table_cells(
        corpus, scores, predicted_fields=predicted_fields, speed=speed
    )
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    out = [title, line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out)


def _scored_counts(scores: CorpusScores, counts: dict[str, int]) -> dict[str, int]:
    scored = dict.fromkeys(counts, 0)
    scored["body"] = scores.body.pages if scores.body is not None else 0
    scored["with"] = scores.with_.total
    scored["without"] = scores.without.total
    for name in FIELD_NAMES:
        scored[name] = scores.fields[name].total
    return scored


# -- running -------------------------------------------------------------------


def _progress(name: str, stream: TextIO) -> Callable[[int, int], None] | None:
    if not stream.isatty():
        return None

    def report(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        stream.write(f"\r{name}: {done}/{total} pages{end}")
        stream.flush()

    return report


def run_eval(
    corpora: Sequence[Corpus],
    extractors: Mapping[str, Predict],
    *,
    predicted_fields: Mapping[str, frozenset[str]] | None = None,
    speed: bool = False,
    limit: int | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> list[tuple[Corpus, dict[str, CorpusScores]]]:
    """Evaluate ``extractors`` interleaved on each corpus and print a table each.

    ``out`` (default: standard output) gets the tables; ``err`` (default:
    standard error) gets progress when it is a terminal.
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    results: list[tuple[Corpus, dict[str, CorpusScores]]] = []
    for number, corpus in enumerate(corpora):
        scores = evaluate_interleaved(
            corpus,
            extractors,
            limit=limit,
            baseline=speed,
            progress=_progress(corpus.name, err),
        )
        if number:
            out.write("\n")
        out.write(
            format_table(corpus, scores, predicted_fields=predicted_fields, speed=speed) + "\n"
        )
        results.append((corpus, scores))
    return results


def _parse_compare(text: str) -> list[str]:
    from .competitors import COMPETITORS

    names = [n.strip() for n in text.split(",") if n.strip()]
    if names == ["all"]:
        return list(COMPETITORS)
    unknown = [n for n in names if n not in COMPETITORS]
    if unknown:
        known = ", ".join(COMPETITORS)
        raise ValueError(f"unknown competitor(s): {', '.join(unknown)} (known: {known}, all)")
    return list(dict.fromkeys(names))


def _read_ids(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def select_pages(corpus: Corpus, ids_file: str, *, keep: bool) -> Corpus:
    """``corpus`` with only (``keep``) or without the pages ``ids_file`` lists.

    ``ids_file`` is a path, or else the name of a file in the corpus folder
    (each corpus has its own ``check.txt``). The corpus name says which half
    it is, so the tables of the two halves cannot be mixed up.
    """
    given = Path(ids_file)
    path = given if given.is_file() else corpus.path / ids_file
    if not path.is_file():
        raise FileNotFoundError(f"{ids_file}: no such file, here or in {corpus.path}")
    ids = _read_ids(path)
    pages = tuple(p for p in corpus.pages if (p.id in ids) == keep)
    label = f"{corpus.name} [{'' if keep else 'not '}{path.name}]"
    return dataclasses.replace(corpus, name=label, pages=pages)


def _load_all(paths: Sequence[Path]) -> list[Corpus]:
    corpora: list[Corpus] = []
    for path in paths:
        found = find_corpora(path)
        if not found:
            raise FileNotFoundError(
                f"{path}: not a corpus folder (no truth.jsonl) nor a folder of them"
            )
        corpora += [load_corpus(p) for p in found]
    return corpora


def _run(args: argparse.Namespace) -> int:
    err = sys.stderr
    if args.limit is not None and args.limit < 1:
        print("articlekit eval: --limit must be at least 1", file=err)
        return EXIT_USAGE
    for option, path in (("--json", args.json), ("--plot", args.plot)):
        if path is not None and not path.parent.is_dir():
            print(f"articlekit eval: {option}: folder {path.parent} does not exist", file=err)
            return EXIT_USAGE
    if args.plot is not None and importlib.util.find_spec("matplotlib") is None:
        print("articlekit eval: --plot needs matplotlib (pip install matplotlib)", file=err)
        return EXIT_USAGE
    try:
        compare = _parse_compare(args.compare)
    except ValueError as exc:
        print(f"articlekit eval: {exc}", file=err)
        return EXIT_USAGE
    try:
        corpora = _load_all(args.corpora)
        if args.ids is not None:
            corpora = [select_pages(c, args.ids, keep=True) for c in corpora]
        elif args.exclude_ids is not None:
            corpora = [select_pages(c, args.exclude_ids, keep=False) for c in corpora]
    except FileNotFoundError as exc:
        print(f"articlekit eval: {exc}", file=err)
        return EXIT_USAGE
    except CorpusFormatError as exc:
        print(f"articlekit eval: {exc}", file=err)
        return EXIT_DATA

    from .competitors import NotInstalled, resolve

    extractors: dict[str, Predict] = {SELF: articlekit_predict}
    fields: dict[str, frozenset[str]] = {}
    versions: dict[str, str | None] = {}
    missing: list[NotInstalled] = []
    for name in compare:
        found = resolve(name)
        if isinstance(found, NotInstalled):
            missing.append(found)
            continue
        extractors[name] = found.predict
        fields[name] = found.fields
        versions[name] = found.version()
    for item in missing:
        print(str(item), file=err)

    for logger in _NOISY_LOGGERS:
        logging.getLogger(logger).setLevel(logging.CRITICAL)
    with warnings.catch_warnings():  # competitors warn about pages on stderr
        warnings.simplefilter("ignore")
        results = run_eval(
            corpora, extractors, predicted_fields=fields, speed=args.speed, limit=args.limit
        )
    if missing:
        print("\nnot installed: " + ", ".join(m.name for m in missing))

    if args.json is not None:
        _write_json(args.json, results, versions, missing)
    if args.plot is not None:
        plot(args.plot, results)
    return 0


def _write_json(
    path: Path,
    results: Sequence[tuple[Corpus, Mapping[str, CorpusScores]]],
    versions: Mapping[str, str | None],
    missing: Sequence[Any],
) -> None:
    from . import __version__

    data = {
        "articlekit": __version__,
        "competitors": dict(versions),
        "not_installed": {m.name: m.reason for m in missing},
        "corpora": [
            {
                "name": corpus.name,
                "path": str(corpus.path),
                "truth": corpus.truth_counts(),
                "scores": {name: s.to_dict(pages=True) for name, s in scores.items()},
            }
            for corpus, scores in results
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


_MARKERS = "osD^vP*Xph"


def plot(path: Path, results: Sequence[tuple[Corpus, Mapping[str, CorpusScores]]]) -> None:
    """Quality (body F1, else ``with`` rate) against pages/s; a marker per corpus."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import ScalarFormatter

    fig, ax = plt.subplots(figsize=(8, 5.5))
    names = list(dict.fromkeys(n for _, scores in results for n in scores))
    colors = {n: f"C{i % 10}" for i, n in enumerate(names)}
    handles: list[Any] = []
    for number, (corpus, scores) in enumerate(results):
        marker = _MARKERS[number % len(_MARKERS)]
        drawn = False
        for name, s in scores.items():
            quality = s.body.f1.value if s.body is not None else s.with_.value
            if quality is None:  # neither body nor snippet truth: nothing to draw
                continue
            ax.scatter(s.pages_per_s, quality, marker=marker, color=colors[name], s=60)
            drawn = True
        if drawn:
            measure = "body F1" if any(s.body for s in scores.values()) else "with rate"
            label = f"{corpus.name} ({measure})"
            handles.append(Line2D([], [], marker=marker, color="grey", ls="none", label=label))
    handles += [Patch(color=colors[name], label=name) for name in names]
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_formatter(ScalarFormatter())
    ax.set_xlabel("pages per second (log scale)")
    ax.set_ylabel("body F1, or share of 'with' snippets found")
    ax.set_title("Extraction quality vs speed")
    ax.grid(True, alpha=0.3)
    ax.legend(handles=handles, fontsize="small", loc="best")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``eval`` on its own (``python -m articlekit.cli_eval CORPUS_DIR ...``)."""
    parser = argparse.ArgumentParser(prog="articlekit")
    subparsers = parser.add_subparsers(dest="command", required=True)
    add_parser(subparsers)
    args = parser.parse_args(["eval", *(sys.argv[1:] if argv is None else argv)])
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
