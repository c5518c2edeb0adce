"""Already-extracted text dumps: the layout of a dump and the helpers that read it.

A dump is what a naive scraper saves: the headline on the first line, then
paragraphs (separated by blank lines or one per line), with the page's chrome
and data lines mixed in. :func:`articlekit.clean_text` runs the same pipeline
over it as :func:`articlekit.parse` runs over HTML.
"""

from __future__ import annotations

import regex

__all__ = ["HEADLINE_MAX_WORDS", "split_dump", "split_tag_run"]

#: A first line longer than this is prose, not a headline.
HEADLINE_MAX_WORDS = 30

_SENTENCE_END = regex.compile(r"[.!?…:;]['\"”’»)]*$")
_COMMA_LIST = regex.compile(r"\s*[,;|•·]\s*")


def split_dump(text: str) -> tuple[str | None, list[str]]:
    """``(headline or None, paragraphs)`` of a text dump; lines keep their text."""
    # Lines are kept exactly as written (no-break spaces, curly quotes and
    # all); only the line ends are trimmed.
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return None, []
    first = " ".join(lines[0].split())
    if len(first.split()) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(first):
        return first, lines[1:]
    return None, lines


def _phrase_in(phrase: str, text: str) -> bool:
    return regex.search(r"(?<!\w)" + regex.escape(phrase) + r"(?!\w)", text, regex.I) is not None


def split_tag_run(value: str, body: str) -> list[str]:
    """Split a tag line's value into tags.

    Separators ("a, b; c") decide when present. A run of words without them
    ("Amazon Donald Trump") is segmented into the fewest tags such that each
    tag is a phrase of the body or a two-word name whose surname the body
    uses ("Donald Trump" when the body says "Trump"); a run with no such
    segmentation is left whole.
    """
    value = value.strip()
    parts = [p for p in _COMMA_LIST.split(value) if p]
    if len(parts) > 1:
        return parts
    words = value.split()
    if len(words) <= 1:
        return words

    def valid(segment: list[str]) -> bool:
        phrase = " ".join(segment)
        if _phrase_in(phrase, body):
            return True
        return (
            len(segment) == 2
            and all(w[:1].isupper() for w in segment)
            and _phrase_in(segment[1], body)
        )

    # best[i] = fewest segments covering words[:i], with the split that got there
    best: list[tuple[int, list[str]] | None] = [None] * (len(words) + 1)
    best[0] = (0, [])
    for end in range(1, len(words) + 1):
        for start in range(end):
            prev = best[start]
            if prev is None or not valid(words[start:end]):
                continue
            candidate = (prev[0] + 1, [*prev[1], " ".join(words[start:end])])
            current = best[end]
            if current is None or candidate[0] < current[0]:
                best[end] = candidate
    result = best[len(words)]
    return result[1] if result is not None else [value]
