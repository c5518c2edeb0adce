"""``articlekit clean``: batch-clean folders of saved pages.

A thin layer over :func:`articlekit.batch.clean`; see ``docs/batch.md``.

Exit codes: 0 every page became an article, 1 some pages failed (listed in
``OUT/errors.jsonl``), 2 usage error, 130 interrupted (Ctrl-C or SIGTERM; the
outputs hold every page finished before the interrupt).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from . import batch
from .batch.sources import NO_DOWNLOAD, is_web_address
from .cli_options import add_extraction_options, add_input_option, options_from_args, seconds

__all__ = ["add_parser", "build_parser", "main"]

DESCRIPTION = """\
Parse every saved page under INPUT (files and folders, walked recursively in
sorted order; .html .htm .xhtml .shtml pages, .txt .text dumps, their .gz/.bz2
forms, and WARC files) and every page a --manifest lists, into OUT:
articles.jsonl (or one file per page with --format json|markdown|text),
errors.jsonl (one line per failed page), and report.json. The summary on
stderr says which files were not read and why.
"""

EPILOG = """\
exit codes: 0 all pages ok, 1 some pages failed, 2 usage error, 130 interrupted.
"""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="page files, text dumps, folders, WARC files"
    )
    parser.add_argument(
        "--manifest",
        metavar="FILE",
        help="a .jsonl or .csv file listing pages (path, relative to FILE's folder) and the "
        "URL each was fetched from, so dates, headlines and links use it",
    )
    add_input_option(parser, stdin=False)
    parser.add_argument("--out", required=True, metavar="OUT", help="output folder")
    parser.add_argument(
        "--format",
        choices=list(batch.FORMATS),
        default="jsonl",
        help="jsonl (default): OUT/articles.jsonl; json, markdown, html, text: one file per page",
    )
    parser.add_argument(
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: all cores; 1 parses in this process)",
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue the run in OUT: skip pages done with the same content, retry failed ones",
    )
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=batch.DEFAULT_TIMEOUT,
        metavar="S",
        help=f"seconds per page before it is failed (default {batch.DEFAULT_TIMEOUT:g}; 0: none)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    parser.add_argument(
        "--no-site-memory",
        dest="site_memory",
        action="store_false",
        help="do not remove text blocks that repeat across many pages of one site",
    )
    parser.add_argument(
        "--articles-only",
        action="store_true",
        help="leave pages that are no article (Article.is_article is false: link lists, "
        "galleries, empty pages) out of the outputs and list them in OUT/not-articles.jsonl",
    )
    add_extraction_options(parser, timeout=False)
    parser.set_defaults(run=_run)


def add_parser(subparsers: Any) -> None:
    """Register ``clean`` on the ``articlekit`` command's subparsers."""
    parser = subparsers.add_parser(
        "clean",
        help="batch-clean folders of saved pages",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _configure(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlekit clean",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _configure(parser)
    return parser


def _usage(message: str) -> int:
    print(f"articlekit clean: error: {message}", file=sys.stderr)
    return batch.EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    progress = not args.quiet and sys.stderr.isatty()
    if not args.inputs and args.manifest is None:
        return _usage("give INPUT files or folders, or --manifest FILE")
    for item in args.inputs:
        if is_web_address(item):
            return _usage(NO_DOWNLOAD.format(url=item))
    try:
        report = batch.clean(
            args.inputs,
            args.out,
            fmt=args.format,
            jobs=args.jobs,
            resume=args.resume,
            timeout=args.timeout,
            progress=progress,
            site_memory=args.site_memory,
            articles_only=args.articles_only,
            options=options_from_args(args),
            kind=args.input,
            manifest=args.manifest,
        )
    except batch.UsageError as exc:
        return _usage(str(exc))
    except KeyboardInterrupt:  # before the run had started writing
        print("articlekit clean: interrupted", file=sys.stderr)
        return batch.EXIT_INTERRUPTED
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    return report.exit_code


def main(argv: list[str] | None = None) -> int:
    """Run ``articlekit clean`` with ``argv`` (default: ``sys.argv[1:]``)."""
    args = build_parser().parse_args(argv)  # exits with 2 on a usage error
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
