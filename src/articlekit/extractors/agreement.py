"""How far two extractions of one page say the same: shared word runs.

Two answers for the same page are compared by their runs of four words
(shingles), as the corpora score a body against its truth: the share of each
side's runs the other holds, combined as a harmonic mean. Word order counts
(two texts made of the same common words do not agree) and so do repeats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

__all__ = ["SHINGLE_WORDS", "agreement"]

#: Words per run: long enough that common phrases rarely match by chance.
SHINGLE_WORDS = 4
_WORD = regex.compile(r"\w+")


def _shingles(texts: Iterable[str]) -> Counter[tuple[str, ...]]:
    words = [w.casefold() for text in texts for w in _WORD.findall(text)]
    size = min(SHINGLE_WORDS, len(words))
    if not size:
        return Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def agreement(first: Iterable[str], second: Iterable[str]) -> float:
    """0 (nothing shared) to 1 (the same words in the same order) between
    two extractions, each given as its lines."""
    a, b = _shingles(first), _shingles(second)
    shared = sum((a & b).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(a.values()), shared / sum(b.values())
    return 2 * precision * recall / (precision + recall)
