"""Batch cleaning: many saved pages in, one typed ``Article`` (or one error) per page out.

The pieces, in the order a run uses them:

* :func:`iter_sources` walks files and folders (recursive, sorted, so every run
  sees the same order) and WARC files (one source per HTML response record).
* :func:`load_source` reads a source's raw bytes in the parent and hashes them;
  decompression and parsing happen in the worker, where the time limit covers
  them and a crash costs only that page.
* :func:`parse_many` runs ``articlekit.parse`` over the sources, in worker
  processes (``jobs > 1``) or in-process (``jobs == 1``), with a per-page time
  limit, and yields one :class:`Result` per source **in input order**.
* :class:`SiteMemory` learns text blocks that repeat over a large share of one
  site's pages and removes them as chrome (rule ``site-repeat``).
* :func:`clean` is what ``articlekit clean`` runs: it writes a crash-safe spool,
  supports ``--resume``, and builds the output files and :class:`Report`.

Why a spool: site memory needs every page parsed before any page can be written,
and ``--resume`` needs a record of what is done that survives ``kill -9``. Both
are served by one append-only JSONL file (``OUT/.articlekit/pages.jsonl``): each
page's result is appended as one complete line as soon as it is known, and the
outputs (``articles.jsonl``, ``errors.jsonl``, per-page files, ``report.json``)
are rebuilt from it at the end of every run, each written to a temporary file
and moved into place. A killed run loses at most the pages that were in flight.

The modules, one job each:

* :mod:`.sources`: inputs: the folder walk, pages and text dumps, compression,
  WARC files, page bytes, what was not read and why.
* :mod:`.manifest`: JSONL/CSV lists of saved pages with their URLs.
* :mod:`.options`: :class:`ParseOptions` and :class:`PageParser`, the extraction
  options that reach the worker processes.
* :mod:`.results`: :class:`Result` / :class:`PageError` and their JSON records.
* :mod:`.pool`: :func:`parse_many`: a pool of worker processes, results in input order.
* :mod:`.runner`: one page at a time: in this process under a time limit, and
  the loop each worker process runs.
* :mod:`.site_memory`: :class:`SiteMemory` (rule ``site-repeat``).
* :mod:`.spool`: the append-only JSONL log.
* :mod:`.outputs`: the output files, rebuilt from the spool and written atomically.
* :mod:`.interrupts`, :mod:`.progress`: Ctrl-C/SIGTERM handling, the progress bar.
* :mod:`.report`: :class:`Report` and the exit codes.
* :mod:`.run`: :func:`clean`, which ties them together.

This package only re-exports their names. Tunables such as ``MAX_PAGE_BYTES``
or ``WORKER_MAX_PAGES`` are read from the module that defines them: to change
one at run time, set it there (``articlekit.batch.pool.WORKER_MAX_PAGES = 10``);
setting it on this package has no effect.
"""

from __future__ import annotations

from ..errors import ArticlekitError as ArticlekitError
from ..errors import InputError as InputError
from ..errors import InputTooLargeError as InputTooLargeError
from .manifest import ManifestError, ManifestRow, iter_manifest, read_manifest
from .options import PageParser, ParseOptions
from .outputs import ARTICLES_NAME as ARTICLES_NAME
from .outputs import ERRORS_NAME as ERRORS_NAME
from .outputs import FORMATS
from .outputs import REPORT_NAME as REPORT_NAME
from .outputs import Format as Format
from .pool import DEFAULT_TIMEOUT, default_jobs, parse_many
from .pool import ERROR_WORKER_DIED as ERROR_WORKER_DIED
from .pool import REORDER_WINDOW_PER_JOB as REORDER_WINDOW_PER_JOB
from .pool import WARM_UP_PAGE as WARM_UP_PAGE
from .pool import WORKER_MAX_PAGES as WORKER_MAX_PAGES
from .report import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Report
from .results import PageError, Result
from .run import SPOOL_NAME as SPOOL_NAME
from .run import STATE_DIR as STATE_DIR
from .run import UsageError, clean
from .runner import ERROR_TIMEOUT as ERROR_TIMEOUT
from .runner import WORKER_PARENT_CHECK_SECONDS as WORKER_PARENT_CHECK_SECONDS
from .runner import Parser as Parser
from .site_memory import SITE_REPEAT_THRESHOLDS, SiteMemory, SiteRepeatThresholds, site_of
from .sources import COMPRESSION_SUFFIXES as COMPRESSION_SUFFIXES
from .sources import MAX_PAGE_BYTES as MAX_PAGE_BYTES
from .sources import PAGE_SUFFIXES as PAGE_SUFFIXES
from .sources import TEXT_SUFFIXES as TEXT_SUFFIXES
from .sources import WARC_SUFFIXES as WARC_SUFFIXES
from .sources import InputKind as InputKind
from .sources import Skipped, Source, count_sources, iter_sources, load_source, warc_available
from .sources import _decompress as _decompress
from .spool import FSYNC_EVERY_RECORDS as FSYNC_EVERY_RECORDS
from .spool import FSYNC_EVERY_SECONDS as FSYNC_EVERY_SECONDS

__all__ = [
    "DEFAULT_TIMEOUT",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "FORMATS",
    "SITE_REPEAT_THRESHOLDS",
    "ManifestError",
    "ManifestRow",
    "PageError",
    "PageParser",
    "ParseOptions",
    "Report",
    "Result",
    "SiteMemory",
    "SiteRepeatThresholds",
    "Skipped",
    "Source",
    "UsageError",
    "clean",
    "count_sources",
    "default_jobs",
    "iter_manifest",
    "iter_sources",
    "load_source",
    "parse_many",
    "read_manifest",
    "site_of",
    "warc_available",
]
