"""The ``articlekit`` command: a thin layer over the library.

Exit codes (all subcommands):

* 0 — success
* 1 — the input was read but could not be turned into an article
  (``articlekit clean``: some pages failed)
* 2 — usage error: bad arguments, or a file that cannot be read
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, clean_text, parse
from .article import Article
from .errors import ArticlekitError

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

#: File suffixes read as already-extracted text rather than HTML.
TEXT_SUFFIXES = frozenset({".txt", ".text"})


def _render(article: Article, fmt: str) -> str:
    if fmt == "json":
        return article.to_json(indent=2) + "\n"
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "html":
        return article.to_html()
    return article.to_text()


def explain(article: Article) -> str:
    """Where each field came from and every removal with its rule: for humans."""
    lines = ["provenance:"]
    lines += [f"  {name:<15} {source}" for name, source in sorted(article.provenance.items())]
    lines.append("removed:")
    for r in article.removed:
        target = f" -> {r.moved_to}" if r.moved_to else ""
        lines.append(f"  [{r.stage}:{r.rule}]{target} {r.text!r}")
    if not article.removed:
        lines.append("  (nothing)")
    lines += [f"warning: {w}" for w in article.warnings]
    return "\n".join(lines) + "\n"


def _run_parse(args: argparse.Namespace) -> int:
    name: str = args.file
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        print(f"articlekit: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    as_text = args.input == "text" or (
        args.input == "auto" and Path(name).suffix.lower() in TEXT_SUFFIXES
    )
    try:
        if as_text:
            article = clean_text(
                data.decode("utf-8", errors="replace"), args.url, published=args.published
            )
        else:
            article = parse(data, args.url)
    except ArticlekitError as exc:
        print(f"articlekit: {name}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ValueError as exc:  # a malformed --published
        print(f"articlekit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(_render(article, args.format))
    if args.explain:
        sys.stderr.write(explain(article))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Turn saved news pages into clean, typed articles.",
        epilog="Exit codes: 0 success, 1 extraction failed (clean: some pages failed), "
        "2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "parse",
        help="extract one article and print it",
        description="Extract one article from a saved page (or a text dump).",
    )
    p.add_argument("file", metavar="FILE", help="a saved page; '-' reads standard input")
    p.add_argument("--url", help="the page's address (helps with dates and the headline)")
    p.add_argument(
        "--format",
        choices=("json", "text", "markdown", "html"),
        default="json",
        help="output format (default: json)",
    )
    p.add_argument(
        "--input",
        choices=("auto", "html", "text"),
        default="auto",
        help="read FILE as HTML or as an extracted text dump (default: by suffix; .txt is text)",
    )
    p.add_argument(
        "--published",
        help="ISO date of the article, for text dumps whose stamps give only a time of day",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="also print, on stderr, where each field came from and why each removed line went",
    )
    p.set_defaults(run=_run_parse)

    from . import cli_clean, cli_eval  # each registers its own subcommand

    cli_clean.add_parser(sub)
    cli_eval.add_parser(sub)
    __import__("articlekit.cli_snapshot", fromlist=["add_parser"]).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
