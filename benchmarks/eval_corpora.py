"""Score articlekit and its competitors on every corpus; print a Markdown report.

    python benchmarks/eval_corpora.py [--corpora DIR] [--compare NAMES] [--limit N]
                                      [--out FILE.md] [--json FILE] [--plot FILE.png]

``--corpora`` is a corpus folder or a folder of them (default: the ``shared``
corpora beside the checkout, or ``$ARTICLEKIT_CORPORA``). The extractors run
interleaved page by page (see ``articlekit.evaluation.evaluate_interleaved``);
competitors that are not installed are listed as such. The output is meant to
replace the results section of the README.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
import warnings
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path

from _corpora import corpora_root

import articlekit
from articlekit.cli_eval import plot, table_cells
from articlekit.competitors import COMPETITORS, NotInstalled, resolve
from articlekit.evaluation import (
    BODY_SHINGLE_SIZE,
    BOOTSTRAP_ITERATIONS,
    Corpus,
    CorpusScores,
    Predict,
    articlekit_predict,
    evaluate_interleaved,
    find_corpora,
    load_corpus,
)


def default_root() -> Path:
    return corpora_root()


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def esc(cell: str) -> str:
        return cell.replace("|", "\\|").replace("±", " ± ")

    lines = ["| " + " | ".join(headers) + " |"]
    lines.append("|" + "|".join(["---"] + ["---:"] * (len(headers) - 1)) + "|")
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render(
    results: Sequence[tuple[Corpus, Mapping[str, CorpusScores]]],
    fields: Mapping[str, frozenset[str]],
    versions: Mapping[str, str | None],
    missing: Sequence[NotInstalled],
    command: str,
) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    tools = ", ".join(f"{n} {v}" for n, v in versions.items())
    out = [
        "## Results",
        "",
        f"Generated on {stamp} by `{command}` with Python {platform.python_version()} "
        f"on {platform.machine()}: articlekit {articlekit.__version__}"
        + (f", {tools}" if tools else "")
        + ".",
        "",
        f"Body: precision / recall / F1 of {BODY_SHINGLE_SIZE}-token shingles, averaged "
        "over pages; accuracy = exact token match; ± is the bootstrap standard deviation "
        f"({BOOTSTRAP_ITERATIONS} resamples of the pages). `with` = share of article "
        "snippets found, `without` = share of boilerplate snippets absent; title, authors, "
        "published, tags = share of exact matches (see docs/accuracy.md). ms/page is the "
        "median time of one call on this machine, the extractors interleaved page by page; "
        "`vs lxml` is the median ratio to a bare lxml parse of the same page. "
        "`n/a`: the tool does not extract that field.",
    ]
    for corpus, scores in results:
        title, headers, rows = table_cells(corpus, scores, predicted_fields=fields, speed=True)
        out += ["", f"### {title.split(':', 1)[0]}", "", title.split(":", 1)[1].strip() + ".", ""]
        out.append(markdown_table(headers, rows))
    if missing:
        out += ["", "Not installed, so not scored: " + ", ".join(m.name for m in missing) + "."]
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=None, help="corpus folder(s) root")
    parser.add_argument("--compare", default="all", help="comma-separated competitors, or all")
    parser.add_argument("--limit", type=int, help="first N pages of each corpus")
    parser.add_argument("--out", type=Path, help="write the Markdown here (default: stdout)")
    parser.add_argument("--json", type=Path, help="also write every score as JSON")
    parser.add_argument("--plot", type=Path, help="also draw quality vs pages/s")
    args = parser.parse_args()

    root = args.corpora or default_root()
    folders = find_corpora(root)
    if not folders:
        print(f"no corpus under {root}", file=sys.stderr)
        return 2
    names = list(COMPETITORS) if args.compare == "all" else args.compare.split(",")
    extractors: dict[str, Predict] = {"articlekit": articlekit_predict}
    fields: dict[str, frozenset[str]] = {}
    versions: dict[str, str | None] = {}
    missing: list[NotInstalled] = []
    for name in names:
        found = resolve(name.strip())
        if isinstance(found, NotInstalled):
            print(str(found), file=sys.stderr)
            missing.append(found)
            continue
        extractors[found.name] = found.predict
        fields[found.name] = found.fields
        versions[found.name] = found.version()
    for logger in ("goose3", "newspaper", "trafilatura", "htmldate", "readability", "justext"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)

    results: list[tuple[Corpus, Mapping[str, CorpusScores]]] = []
    for folder in folders:
        corpus = load_corpus(folder)
        count = min(len(corpus.pages), args.limit or len(corpus.pages))
        print(f"{corpus.name}: {count} pages ...", file=sys.stderr, flush=True)
        with warnings.catch_warnings():  # competitors warn about pages on stderr
            warnings.simplefilter("ignore")
            scores = evaluate_interleaved(corpus, extractors, limit=args.limit, baseline=True)
        results.append((corpus, scores))

    shown = (Path(a).name if Path(a).is_absolute() else a for a in sys.argv[1:])
    command = " ".join(["python benchmarks/eval_corpora.py", *shown])
    text = render(results, fields, versions, missing, command)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.json:
        data = {
            corpus.name: {name: s.to_dict(pages=True) for name, s in scores.items()}
            for corpus, scores in results
        }
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    if args.plot:
        plot(args.plot, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
