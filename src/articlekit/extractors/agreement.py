"""Runs of words: how the body stage compares two extractions of one page.

Texts are cut into casefolded words and compared by runs of consecutive
words, so line cuts do not matter and word order does (two texts made of the
same common words do not agree). The arbiter weighs its two answers line by
line by their sets of :func:`trigrams`; the dispute check compares two whole
answers with :func:`agreement`, by runs of four counted with their repeats,
as the corpora score a body against its truth.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["SHINGLE_WORDS", "Trigram", "agreement", "trigrams", "words"]

Trigram = tuple[str, str, str]
#: Words per run in :func:`agreement`: long enough that common phrases
#: rarely match by chance.
SHINGLE_WORDS = 4
#: Words (stdlib ``re`` is faster here than ``regex``, and agrees on ``\w``
#: for the scripts of the corpora).
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The casefolded words of ``text``."""
    return _WORD.findall(text.casefold())


def trigrams(text_words: list[str]) -> frozenset[Trigram]:
    """The runs of three consecutive words (none for fewer than three)."""
    return frozenset(zip(text_words, text_words[1:], text_words[2:], strict=False))


def _shingles(texts: Iterable[str]) -> Counter[tuple[str, ...]]:
    joined = [w for text in texts for w in words(text)]
    size = min(SHINGLE_WORDS, len(joined))  # a text shorter than a run is one run
    if not size:
        return Counter()
    return Counter(tuple(joined[i : i + size]) for i in range(len(joined) - size + 1))


def agreement(first: Iterable[str], second: Iterable[str]) -> float:
    """0 (nothing shared) to 1 (the same words in the same order) between
    two extractions, each given as its lines: the harmonic mean of the share
    of each side's runs of four words the other holds."""
    a, b = _shingles(first), _shingles(second)
    shared = sum((a & b).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(a.values()), shared / sum(b.values())
    return 2 * precision * recall / (precision + recall)
