"""Where the benchmarks find the evaluation corpora: one place for every script.

``$ARTICLEKIT_CORPORA`` when set, else the ``shared/corpora`` folder beside the
checkout (the corpora are third-party pages and never live in the repository).
"""

from __future__ import annotations

import os
from pathlib import Path


def corpora_root() -> Path:
    env = os.environ.get("ARTICLEKIT_CORPORA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
