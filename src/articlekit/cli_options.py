"""Flags shared by ``articlekit parse`` and ``articlekit clean``.

The extraction flags (body options and page limits) and ``--input`` are
declared once here, so both commands spell them, check them and word their
errors the same way. Every value is checked by an argparse ``type`` that
says, in the user's words, what the flag expects; argparse then names the
flag in the error (``argument --published: expected ...``) and exits with 2.
"""

from __future__ import annotations

import argparse
import re

from .article import stamp_from_iso
from .batch.options import FAVOR_CHOICES, ParseOptions
from .batch.sources import INPUT_KINDS, MAX_PAGE_BYTES

__all__ = [
    "add_extraction_options",
    "add_input_option",
    "byte_size",
    "iso_date",
    "options_from_args",
    "seconds",
]

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def byte_size(text: str) -> int:
    """A size such as ``500000``, ``512k``, ``5M`` or ``1GiB`` (k = 1024 bytes)."""
    match = _SIZE.match(text)
    if match is None:
        raise argparse.ArgumentTypeError(
            f"expected a size in bytes such as 5000000, 500k or 5M, not {text!r}"
        )
    value = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte, not {text!r}")
    if value > MAX_PAGE_BYTES:
        raise argparse.ArgumentTypeError(
            f"at most {MAX_PAGE_BYTES // 1024**2}M, the largest page articlekit reads "
            f"from a file, not {text!r}"
        )
    return value


def seconds(text: str) -> float:
    """A number of seconds, at least 0 (``0``: no limit)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds such as 30 or 2.5, not {text!r}"
        ) from None
    if not value >= 0:  # also refuses NaN
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {text!r}")
    return value


def iso_date(text: str) -> str:
    """An ISO date or date-time (``2018-06-21``, ``2018-06-21T09:30+02:00``)."""
    try:
        stamp_from_iso(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            "expected an ISO date such as 2018-06-21 or a date and time such as "
            f"2018-06-21T09:30:00+02:00, not {text!r}"
        ) from None
    return text.strip()


def add_input_option(parser: argparse.ArgumentParser, *, stdin: bool) -> None:
    """``--input auto|html|text`` (``stdin``: the command reads ``-`` too)."""
    parser.add_argument(
        "--input",
        choices=INPUT_KINDS,
        default="auto",
        help="read files as HTML pages or as already-extracted text dumps "
        "(default auto: .txt and .text files, also .gz/.bz2, are text"
        + ("; standard input is HTML)" if stdin else ")"),
    )


def add_extraction_options(parser: argparse.ArgumentParser, *, timeout: bool) -> None:
    """The body options and page limits; ``timeout`` adds ``--timeout`` as
    the parse's time budget (``clean`` has its own ``--timeout``)."""
    group = parser.add_argument_group("extraction options")
    group.add_argument(
        "--no-tables",
        dest="tables",
        action="store_false",
        help="leave tables out of the body (default: kept)",
    )
    group.add_argument(
        "--comments",
        action="store_true",
        help="also extract readers' comments, into the article's comments field "
        "(never the body; default: off)",
    )
    group.add_argument(
        "--favor",
        choices=FAVOR_CHOICES,
        default="balanced",
        help="when unsure whether a line belongs to the article: precision leaves it out, "
        "recall keeps it (default: balanced)",
    )
    group.add_argument(
        "--max-bytes",
        type=byte_size,
        metavar="SIZE",
        help="refuse pages larger than SIZE once decompressed, e.g. 5M (default: 50M; at most 64M)",
    )
    if timeout:
        group.add_argument(
            "--timeout",
            dest="parse_timeout",
            type=seconds,
            metavar="S",
            help="stop with an error once the parse has taken S seconds; checked between "
            "stages, so it may overrun by one stage (default: no limit)",
        )


def options_from_args(args: argparse.Namespace) -> ParseOptions:
    """The :class:`ParseOptions` of parsed arguments (flags a command lacks
    keep their defaults)."""
    max_seconds: float | None = getattr(args, "parse_timeout", None)
    return ParseOptions(
        tables=args.tables,
        comments=args.comments,
        favor=args.favor,
        max_bytes=args.max_bytes,
        max_seconds=max_seconds or None,
        published=getattr(args, "published", None),
    )
