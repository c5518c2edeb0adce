"""``clean``: what ``articlekit clean`` runs, from checking its arguments to the
report.

It ties the other modules together: it walks the inputs, skips the pages that
an earlier run finished (``--resume``), parses the rest through the pool,
appends each result to the spool, and rebuilds the outputs from the spool. See
the ``articlekit.batch`` package docstring for why there is a spool.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ArticlekitError
from .interrupts import _Interrupts
from .manifest import ManifestError, ManifestRow, iter_manifest, read_manifest
from .options import PageParser, ParseOptions
from .outputs import FORMATS, Format, _build_outputs
from .pool import DEFAULT_TIMEOUT, _parse_ordered, default_jobs
from .progress import _Progress
from .report import Report
from .results import _record_of
from .runner import Parser
from .sources import (
    INPUT_KINDS,
    NO_DOWNLOAD,
    InputKind,
    Source,
    _is_warc,
    count_sources,
    is_web_address,
    iter_sources,
    load_source,
    warc_available,
)
from .spool import _AppendLog, _read_log

#: Folder inside OUT that holds the run's spool (see the package docstring).
STATE_DIR = ".articlekit"
SPOOL_NAME = "pages.jsonl"
#: The extraction options and input kind of the run, beside the spool: a
#: ``--resume`` with other options would mix two kinds of articles in OUT.
SETTINGS_NAME = "settings.json"


class UsageError(ArticlekitError):
    """The command line or the OUT folder does not allow a run (exit code 2)."""


def clean(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    fmt: Format = "jsonl",
    jobs: int | None = None,
    resume: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    progress: bool = False,
    site_memory: bool = True,
    articles_only: bool = False,
    parser: Parser | None = None,
    options: ParseOptions | None = None,
    kind: InputKind = "auto",
    manifest: str | os.PathLike[str] | None = None,
) -> Report:
    """Run ``articlekit clean``: parse every page under ``inputs`` into ``out``.

    ``options`` are the extraction options every page is parsed with (they
    reach the worker processes inside a :class:`PageParser`); ``parser``, when
    given, replaces that parser. ``kind`` reads every file as HTML or as a
    text dump instead of by suffix. ``manifest`` names a JSONL or CSV file of
    pages and their URLs (see :mod:`.manifest`), parsed after ``inputs``.

    Raises :class:`UsageError` for problems found before any page is parsed.
    Ctrl-C/SIGTERM stop the run cleanly: in-flight pages are dropped (a
    ``--resume`` run parses them), outputs are built from every page done, and
    the report says ``interrupted``.
    """
    paths = [os.fspath(i) for i in inputs]
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}")
    if kind not in INPUT_KINDS:
        raise UsageError(f"unknown input kind {kind!r}; one of {', '.join(INPUT_KINDS)}")
    if not paths and manifest is None:
        raise UsageError("no input given")
    for item in paths:
        if is_web_address(item):
            raise UsageError(NO_DOWNLOAD.format(url=item))
        if not Path(item).exists():
            raise UsageError(f"no such file or folder: {item}")
    rows: list[ManifestRow] = []
    if manifest is not None:
        try:
            rows = read_manifest(manifest)
        except ManifestError as exc:
            raise UsageError(f"--manifest {exc}") from None
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir} exists and is not a folder")
    state = out_dir / STATE_DIR
    spool_path = state / SPOOL_NAME
    if spool_path.exists() and not resume:
        raise UsageError(
            f"{out_dir} holds an earlier run: pass --resume to continue it, or use another --out"
        )
    pages, warcs = count_sources(paths)
    row_warcs = sum(1 for row in rows if _is_warc(row.path))
    pages, warcs = pages + len(rows) - row_warcs, warcs + row_warcs
    if warcs and not warc_available():
        raise UsageError(
            "reading WARC files needs the 'warc' extra: pip install 'articlekit[warc]'"
        )
    parser = parser or PageParser(options or ParseOptions())
    _check_settings(state / SETTINGS_NAME, _settings_of(parser, kind), resume)
    state.mkdir(parents=True, exist_ok=True)
    _write_settings(state / SETTINGS_NAME, _settings_of(parser, kind))

    # What earlier runs finished: key -> content hash of its ok record.
    done: dict[str, str] = {}
    for _offset, record in _read_log(spool_path, repair=True):
        if "article" in record:
            done[record["source"]] = record.get("content_hash") or ""
        else:  # a failed page is retried; a later ok line would re-add it
            done.pop(record["source"], None)

    report = Report(site_memory=site_memory, articles_only=articles_only)
    seen: set[str] = set()
    bar = _Progress(pages, progress)
    walked_all = False
    skipped = report.not_read

    def every_source() -> Iterator[Source]:
        yield from iter_sources(paths, kind=kind, skipped=skipped)
        yield from iter_manifest(rows, kind=kind, skipped=skipped)

    def pending() -> Iterator[Source]:
        nonlocal walked_all
        for source in every_source():
            if source.record_id is not None or source.problem is not None:
                bar.grow()
            seen.add(source.key)
            if source.key in done:
                try:
                    source = load_source(source)
                except Exception:
                    pass  # parse_many records the failure
                else:
                    if done[source.key] == source.content_hash:
                        report.skipped += 1
                        bar.step(ok=True)
                        continue
            yield source
        walked_all = True

    log = _AppendLog(spool_path)
    limit = timeout if timeout and not math.isinf(timeout) else None
    results = _parse_ordered(pending(), jobs or default_jobs(), limit, parser)
    started = time.perf_counter()
    try:
        with _Interrupts() as interrupts:
            try:
                for result in results:
                    with interrupts.critical():
                        log.write(_record_of(result))
                    report.parsed += 1
                    bar.step(result.ok)
            except KeyboardInterrupt:
                report.interrupted = True
            finally:
                # From here on a Ctrl-C is noted but does not stop anything:
                # building the outputs is what keeps the work done so far.
                interrupts.hold()
            report.seconds = time.perf_counter() - started
            results.close()  # stops the workers now, not when collected
            bar.close()
            log.close()
            _build_outputs(
                out_dir,
                spool_path,
                fmt,
                report,
                seen if walked_all else None,
                site_memory,
                articles_only,
            )
            report.interrupted = report.interrupted or interrupts.pending
    finally:
        results.close()
        bar.close()
        with contextlib.suppress(OSError):
            os.close(log.fd)
    return report


def _settings_of(parser: Parser, kind: InputKind) -> dict[str, Any] | None:
    """What decides the articles of a run, as JSON; None for a parser of the
    caller's own, which cannot be compared."""
    if not isinstance(parser, PageParser):
        return None
    return {"input": kind, "options": dataclasses.asdict(parser.options)}


def _check_settings(path: Path, settings: dict[str, Any] | None, resume: bool) -> None:
    if not resume or settings is None or not path.exists():
        return
    try:
        earlier = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # unreadable: the run goes on, and rewrites it
    if earlier != settings:
        changed = "; ".join(_differences(earlier, settings)) or "the options"
        raise UsageError(
            f"{path.parent.parent} was cleaned with other options ({changed}): resume with "
            "the same options, or use another --out"
        )


def _differences(earlier: Any, now: dict[str, Any]) -> list[str]:
    if not isinstance(earlier, dict):
        return []
    flat_then = {"input": earlier.get("input"), **(earlier.get("options") or {})}
    flat_now = {"input": now["input"], **now["options"]}
    return [
        f"{_FLAGS.get(name, name)} was {_shown(name, flat_then.get(name))}, "
        f"now {_shown(name, value)}"
        for name, value in flat_now.items()
        if flat_then.get(name) != value
    ]


#: The command line's name of each setting, for the message.
_FLAGS = {
    "input": "--input",
    "tables": "--no-tables",
    "favor": "--favor",
    "max_bytes": "--max-bytes",
}


def _shown(name: str, value: Any) -> str:
    if name == "tables" and isinstance(value, bool):
        return "off" if value else "on"  # --no-tables is on when tables are off
    return "not given" if value is None else str(value)


def _write_settings(path: Path, settings: dict[str, Any] | None) -> None:
    if settings is None:
        path.unlink(missing_ok=True)
        return
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
