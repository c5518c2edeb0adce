"""Python's cyclic garbage collector, paused while a page is parsed.

A parse creates tens of thousands of short-lived objects (lxml element
proxies, text pieces) and almost no reference cycles, so the collector's
generation-0 passes during a parse find nothing to free, yet cost a
measurable share of its time (more on pages of many small text nodes).
Memory is still freed by reference counting as usual; the collector runs
again once the parse returns.

The pause is shared between threads: the collector is disabled by the first
parse to start and enabled again by the last to finish, and only if it was
enabled before (a caller who turned it off keeps it off). Set
:data:`PAUSE_DURING_PARSE` to ``False`` to leave the collector alone.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["PAUSE_DURING_PARSE", "paused"]

#: Whether :func:`articlekit.parse` and :func:`articlekit.clean_text` pause
#: the cyclic collector while they run.
PAUSE_DURING_PARSE = True

_lock = threading.Lock()
_running = 0  # parses in progress that paused the collector
_resume = False  # whether the collector was on when the first of them began


@contextmanager
def paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector off (see the module docstring)."""
    global _running, _resume
    if not PAUSE_DURING_PARSE:
        yield
        return
    with _lock:
        if _running == 0:
            _resume = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _resume:
                gc.enable()
