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
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__
from .article import Article
from .batch.options import PageParser
from .batch.runner import _parse_one
from .batch.sources import (
    NO_DOWNLOAD,
    WARC_EXTRA,
    InputKind,
    Skipped,
    Source,
    _is_warc,
    file_sources,
    is_web_address,
    load_source,
    warc_available,
)
from .cli_options import add_extraction_options, add_input_option, iso_date, options_from_args
from .errors import ArticlekitError, InputTooLargeError, ParseTimeoutError

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class _StopError(Exception):
    """Ends ``parse`` with a message and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


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


def _stdin_source(kind: InputKind) -> Source:
    data = sys.stdin.buffer.read()
    return Source.from_bytes(data, id="-", kind="text" if kind == "text" else "html")


def _file_source(name: str, kind: InputKind, record: str | None, skipped: Skipped) -> Source:
    """The one page of file ``name``: the file itself, or one HTML record of a
    WARC file (``record`` picks it by WARC-Record-ID or URL when there are more)."""
    if Path(name).is_dir():
        raise _StopError(f"{name} is a folder: 'articlekit clean' reads folders", EXIT_USAGE)
    if not Path(name).exists():
        raise _StopError(f"cannot read {name}: no such file", EXIT_USAGE)
    sources = file_sources(name, Path(name).name, kind=kind, skipped=skipped)
    if not _is_warc(name):
        return next(sources)
    if not warc_available():
        raise _StopError(f"reading {name} needs the 'warc' extra: {WARC_EXTRA}", EXIT_USAGE)
    return _warc_record(name, sources, record)


def _warc_record(name: str, sources: Iterator[Source], record: str | None) -> Source:
    pages: list[Source] = []
    for source in sources:
        if source.record_id is None and source.problem is not None:  # the file breaks here
            raise _StopError(f"cannot read {name}: {source.problem}", EXIT_USAGE)
        if record is None:
            pages.append(replace(source, data=None) if pages else source)  # one page's bytes kept
        elif record in (source.record_id, source.url):
            return source
    if record is not None:
        raise _StopError(f"{name} holds no HTML record with id or URL {record}", EXIT_USAGE)
    if not pages:
        raise _StopError(f"{name} holds no HTML page", EXIT_FAILED)
    if len(pages) > 1:
        first = pages[0]
        raise _StopError(
            f"{name} holds {len(pages)} HTML pages: pick one with --record "
            f"(the first is {first.record_id or first.url}), or run 'articlekit clean' on it",
            EXIT_USAGE,
        )
    return pages[0]


def _flag_hint(exc: ArticlekitError) -> str:
    """Which flag moves the limit an error hit."""
    if isinstance(exc, InputTooLargeError):
        return " (--max-bytes sets the limit)"
    if isinstance(exc, ParseTimeoutError):
        return " (--timeout sets the budget)"
    return ""


def _run_parse(args: argparse.Namespace) -> int:
    name: str = args.file
    skipped = Skipped()
    try:
        if name != "-" and is_web_address(name):
            raise _StopError(NO_DOWNLOAD.format(url=name), EXIT_USAGE)
        if name == "-":
            source = _stdin_source(args.input)
        else:
            source = _file_source(name, args.input, args.record, skipped)
        if source.problem is not None:
            raise _StopError(f"cannot read {name}: {source.problem}", EXIT_USAGE)
        try:
            loaded = load_source(source)
        except InputTooLargeError as exc:  # over the file reader's cap, not --max-bytes
            raise _StopError(f"{name}: {exc}", EXIT_FAILED) from None
        assert loaded.data is not None
        parser = PageParser(options_from_args(args))
        url = args.url or loaded.url
        article = _parse_one(
            parser, loaded.data, loaded.compression, url, loaded.kind, loaded.encoding
        )
    except _StopError as stop:
        print(f"articlekit: {stop}", file=sys.stderr)
        if skipped:
            print(f"articlekit: {skipped.summary()}", file=sys.stderr)
        return stop.code
    except OSError as exc:
        print(f"articlekit: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except ArticlekitError as exc:
        print(f"articlekit: {name}: {exc}{_flag_hint(exc)}", file=sys.stderr)
        return EXIT_FAILED
    if skipped:
        print(f"articlekit: {skipped.summary()}", file=sys.stderr)
    sys.stdout.write(_render(article, args.format))
    if args.explain:
        sys.stderr.write(explain(article))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Turn saved news pages into clean, typed articles.",
        epilog="Exit codes: 0 success, 1 extraction failed (clean: some pages failed), "
        "2 usage error or unreadable file.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "parse",
        help="extract one article and print it",
        description="Extract one article from a saved page, a text dump or a WARC record. "
        "Pages may be compressed (.gz, .bz2). articlekit does not download pages.",
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="a saved page (.html, .txt dump, .gz/.bz2, WARC); '-' reads standard input",
    )
    p.add_argument("--url", help="the page's address (helps with dates and the headline)")
    p.add_argument(
        "--format",
        choices=("json", "text", "markdown", "html"),
        default="json",
        help="output format (default: json)",
    )
    add_input_option(p, stdin=True)
    p.add_argument(
        "--published",
        type=iso_date,
        metavar="DATE",
        help="ISO date of the article (2018-06-21), for text dumps whose stamps give "
        "only a time of day",
    )
    p.add_argument(
        "--record",
        metavar="ID",
        help="with a WARC file of several pages: the WARC-Record-ID or URL of the one to parse",
    )
    p.add_argument(
        "--explain",
        action="store_true",
        help="also print, on stderr, where each field came from and why each removed line went",
    )
    add_extraction_options(p, timeout=True)
    p.set_defaults(run=_run_parse)

    from . import cli_clean, cli_eval, cli_snapshot  # each registers its own subcommand

    cli_clean.add_parser(sub)
    cli_eval.add_parser(sub)
    cli_snapshot.add_parser(sub)
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
