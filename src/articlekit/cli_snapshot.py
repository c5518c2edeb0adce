"""``articlekit snapshot``: write the expected files of saved pages.

::

    articlekit snapshot PATH... [--force] [--pipeline package.module:factory]
                        [--url URL] [--published DAY]

For each saved page (``.html .htm .html.gz .txt``; folders are walked
recursively) it writes ``<page>.expected.json`` beside it, the file the pytest
plugin compares against (``docs/testing.md``). A page that already has one is
left alone unless ``--force`` is given.

Exit codes: 0 every page has an expected file, 1 some pages could not be
parsed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .errors import ArticlekitError
from .pipeline import Pipeline

__all__ = ["add_parser", "run_snapshot"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

DESCRIPTION = """\
Write <page>.expected.json beside each saved page under PATH (files, or folders
walked recursively: .html .htm .html.gz and .txt dumps). Existing expected files
are kept unless --force is given. The page's address is --url, else the "url" of
<page>.truth.json, else the one the old expected file recorded.
"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the ``snapshot`` subcommand; it sets ``run`` to the handler."""
    parser = subparsers.add_parser(
        "snapshot",
        help="write the expected files of saved pages for the pytest plugin",
        description=DESCRIPTION,
        epilog="exit codes: 0 ok, 1 some pages could not be parsed, 2 usage error.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="saved pages or folders")
    parser.add_argument(
        "--force", action="store_true", help="rewrite expected files that already exist"
    )
    parser.add_argument(
        "--pipeline",
        metavar="MODULE:FACTORY",
        help="the Pipeline factory to parse with (default: articlekit_pipeline of "
        "[tool.pytest.ini_options] in the nearest pyproject.toml, else the default pipeline)",
    )
    parser.add_argument("--url", help="the page's address (one page only)")
    parser.add_argument(
        "--published",
        metavar="DAY",
        help="ISO date of the article, for .txt dumps whose stamps give only a time of day",
    )
    parser.set_defaults(run=run_snapshot)


def _pipeline(spec: str | None) -> Pipeline | None:
    from .testing.config import find_pyproject, pytest_ini_option
    from .testing.pages import load_pipeline

    pyproject = find_pyproject(Path.cwd())
    if spec is None:
        spec = pytest_ini_option(pyproject, "articlekit_pipeline")
    if spec is None:
        return None
    # The spec names a module of the project, as pytest would import it from there.
    root = str(pyproject.parent if pyproject else Path.cwd())
    if root not in sys.path:
        sys.path.insert(0, root)
    return load_pipeline(spec)


def run_snapshot(args: Any) -> int:
    """Handle ``articlekit snapshot``: write expected files, one line per page."""
    from .testing import snapshot
    from .testing.pages import find_pages, page_stem

    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"articlekit snapshot: no such file or folder: {missing[0]}", file=sys.stderr)
        return EXIT_USAGE
    pages = find_pages(paths)
    not_pages = [p for p in pages if page_stem(p) is None]
    if not_pages:
        print(
            f"articlekit snapshot: {not_pages[0]} is not a saved page (.html .htm .html.gz .txt)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.url is not None and len(pages) != 1:
        print(f"articlekit snapshot: --url needs one page, got {len(pages)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        pipeline = _pipeline(args.pipeline)
    except ValueError as exc:
        print(f"articlekit snapshot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    for page in pages:
        try:
            result = snapshot(
                page, pipeline=pipeline, url=args.url, published=args.published, force=args.force
            )
        except (ArticlekitError, ValueError, OSError) as exc:
            print(f"failed     {page}: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed += 1
            continue
        note = " (exists; --force rewrites it)" if result.status == "kept" else ""
        print(f"{result.status:<10} {result.expected}{note}")
    return EXIT_FAILED if failed else EXIT_OK
