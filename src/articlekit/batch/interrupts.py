"""Ctrl-C and SIGTERM during a ``clean`` run: turned into ``KeyboardInterrupt``
only between spool records, and held while the outputs are built, so that an
interrupted run never leaves half a record and always keeps the work done.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any


class _Interrupts:
    """Turns SIGINT and SIGTERM into ``KeyboardInterrupt``, except inside a
    ``critical()`` block (a record being written), where it is held until the
    block ends: an interrupted run never leaves half a record."""

    def __init__(self) -> None:
        self.depth = 0
        self.held = False
        self.pending = False
        self.previous: dict[int, Any] = {}

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        if self.depth or self.held:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def hold(self) -> None:
        """From now on signals are only noted (``pending``), never raised."""
        self.held = True

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.previous[sig] = signal.signal(sig, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
        if not self.depth and self.pending and not self.held:
            self.pending = False
            raise KeyboardInterrupt
