"""The progress bar of ``articlekit clean --progress`` (tqdm, on stderr).

tqdm is optional: without it, or when stderr is not a terminal, the bar is a
no-op, so the run itself never depends on it.
"""

from __future__ import annotations

import importlib
from typing import Any


class _Progress:
    """A tqdm bar on stderr, when tqdm is installed and stderr is a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar: Any = None
        self.failed = 0
        if not enabled:
            return
        try:
            tqdm_module = importlib.import_module("tqdm")
        except ImportError:
            return
        # tqdm's monitor thread would make the pool fall back from fork to the
        # slower forkserver when it restarts a worker.
        tqdm_module.tqdm.monitor_interval = 0
        self.bar = tqdm_module.tqdm(total=total, unit="page", dynamic_ncols=True, smoothing=0.1)

    def grow(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.total += n
            self.bar.refresh()

    def step(self, ok: bool) -> None:
        if self.bar is None:
            return
        if not ok:
            self.failed += 1
            self.bar.set_postfix(failed=self.failed, refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
