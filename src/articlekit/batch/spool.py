"""The spool of a ``clean`` run: an append-only JSONL file with one complete
line per page result (``OUT/.articlekit/pages.jsonl``).

It is what ``--resume`` reads to skip pages already done, and what every output
is rebuilt from; it must survive ``kill -9`` (at most one cut line, dropped on
reading) and a power cut (fsynced at checkpoints).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

#: The spool is fsynced after this many records or seconds, whichever is first:
#: records written before a power cut survive up to the last checkpoint (a
#: ``kill -9`` loses nothing written, since the data is in the page cache).
FSYNC_EVERY_RECORDS = 500
FSYNC_EVERY_SECONDS = 5.0


class _AppendLog:
    """An append-only JSONL file whose every record is one complete line.

    Each record is written with ``os.write`` as a single buffer ending in a
    newline, so a ``kill -9`` can leave at most one unterminated line at the
    end, which :func:`_read_log` drops (and truncates before appending)."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.unsynced = 0
        self.last_sync = time.monotonic()

    def write(self, record: Mapping[str, Any]) -> None:
        view = memoryview((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        while view:
            view = view[os.write(self.fd, view) :]
        self.unsynced += 1
        if (
            self.unsynced >= FSYNC_EVERY_RECORDS
            or time.monotonic() - self.last_sync >= FSYNC_EVERY_SECONDS
        ):
            self.sync()

    def sync(self) -> None:
        os.fsync(self.fd)
        self.unsynced = 0
        self.last_sync = time.monotonic()

    def close(self) -> None:
        self.sync()
        os.close(self.fd)


def _read_log(path: Path, *, repair: bool) -> Iterator[tuple[int, dict[str, Any]]]:
    """(offset, record) of every complete line; with ``repair`` a trailing
    partial line (a write cut by a kill) is truncated away."""
    if not path.exists():
        return
    end = 0
    with path.open("rb") as fh:
        offset = 0
        for line in fh:
            if not line.endswith(b"\n"):
                break
            end = offset + len(line)
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if isinstance(record, dict) and "source" in record:
                yield offset, record
            offset = end
    if repair and path.stat().st_size != end:
        with path.open("r+b") as fh:
            fh.truncate(end)
