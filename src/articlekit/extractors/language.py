"""Language from the body's words when the page does not declare one.

``<html lang>``, meta and JSON-LD ``inLanguage`` run earlier and win. This
stage counts very common function words per language in the final body: a
small, fast, dependency-free guess that is right on article-length text in
the languages below and says nothing when the evidence is thin.
"""

from __future__ import annotations

from collections import Counter

import regex

from ..page import Page
from ..stage import Draft, Finding

__all__ = ["FUNCTION_WORDS", "LanguageExtractor", "guess_language"]

#: ISO 639-1 code → function words frequent in running text of that language
#: and rare in the others listed (articles, pronouns, conjunctions).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is that with for was are this have from were which".split()),
    "de": frozenset("der die und das ist nicht mit sich auch ein eine dem den wird sind".split()),
    "fr": frozenset("le les des est une dans pour qui sur pas avec sont cette mais aux".split()),
    "es": frozenset("el los las del que una por con para como más pero sus fue este".split()),
    "it": frozenset("il gli della che è per una sono con non del anche nel alla questo".split()),
    "pt": frozenset("os das que uma não com para como mais pelo pela são também foi ao".split()),
    "nl": frozenset("de het een van en niet dat zijn met voor ook wordt naar maar bij".split()),
    "pl": frozenset("i w nie na się że jest do to z jak od po przez także oraz".split()),
}
#: Fewer function-word hits than this is too little evidence for a guess.
MIN_HITS = 12
#: The best language must beat the runner-up by this factor.
MIN_MARGIN = 1.5

_WORD = regex.compile(r"\w+")


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` by function-word counts, or ``None`` when unsure."""
    counts: Counter[str] = Counter()
    for word in _WORD.findall(text.lower()):
        for code, words in FUNCTION_WORDS.items():
            if word in words:
                counts[code] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    if len(ranked) > 1 and ranked[0][1] < MIN_MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


class LanguageExtractor:
    """Fills ``language`` from the body when no earlier stage did."""

    name = "language"
    provides = frozenset({"language"})
    requires: frozenset[str] = frozenset()
    #: The body's words, when no earlier stage set the language.
    reads = frozenset({"pieces", "candidate_pieces"})

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        if so_far.get("language") is None:
            pieces = so_far.get("pieces") or so_far.get("candidate_pieces") or ()
            text = "\n".join(piece.text for piece in pieces)
            finding.set("language", guess_language(text), "function-words")
        return finding
