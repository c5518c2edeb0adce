"""Tag row words: the labels of a visible tag row and the buttons in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from ._types import LINE_FLAGS, Vocabulary

__all__ = [
    "TAG_ROW_BUTTON",
    "TAG_ROW_BUTTON_ROW",
    "TAG_ROW_LABEL",
    "TAG_ROW_LABELS",
    "TAG_ROW_LABEL_PREFIX",
    "TagRowLabel",
]


@dataclass(frozen=True, slots=True)
class TagRowLabel:
    """The label words of a visible tag row in one language.

    A label stands alone in its element, a colon or a hash sign allowed
    ("Tags:", "# Themen"); the row is the links after it: bare links beside
    the label, or the list or block right after it. ``examples`` are label
    texts, ``not_examples`` texts that merely begin like one.
    """

    id: str
    reason: str
    words: tuple[str, ...]
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()

    def accepts(self, text: str) -> bool:
        """Whether ``text`` is this row's label alone (a colon or hash sign allowed)."""
        words = "|".join(re.escape(w) for w in self.words)
        return re.match(rf"^[#\s]*(?:{words})\s*:?\s*$", text, re.IGNORECASE) is not None


TAG_ROW_LABELS: tuple[TagRowLabel, ...] = (
    TagRowLabel(
        "tag-labels-en",
        "English tag row labels",
        (
            "tags",
            "tag",
            "tagged",
            "tagged with",
            "tagged as",
            "topics",
            "related topics",
            "keywords",
        ),
        examples=("Tags", "Tags:", "TAGS", "Tagged with:", "Related topics"),
        not_examples=("Tags are sewn into every shirt", "Topics of the day in brief"),
    ),
    TagRowLabel(
        "tag-labels-de",
        "German tag row labels",
        ("schlagwörter", "schlagworte", "schlagwort", "stichwörter", "stichworte", "themen"),
        examples=("Schlagwörter:", "Themen", "Stichworte"),
        not_examples=("Themen des Tages im Überblick",),
    ),
    TagRowLabel(
        "tag-labels-fr",
        "French tag row labels",
        ("mots-clés", "mots clés", "mots-clefs", "étiquettes", "thèmes", "sujets"),
        examples=("Mots-clés :", "Étiquettes"),
        not_examples=("Mots-clés et recherche avancée sur le site",),
    ),
    TagRowLabel(
        "tag-labels-es",
        "Spanish tag row labels",
        ("etiquetas", "temas", "palabras clave"),
        examples=("Etiquetas:", "Temas", "Palabras clave"),
        not_examples=("Temas de conversación para la cena",),
    ),
    TagRowLabel(
        "tag-labels-pl",
        "Polish tag row labels",
        ("tagi", "tematy", "słowa kluczowe"),
        examples=("Tagi:", "Tematy", "Słowa kluczowe"),
        not_examples=("Tagi i kategorie bloga w skrócie",),
    ),
    TagRowLabel(
        "tag-labels-it-pt-nl",
        "Italian, Portuguese and Dutch tag row labels",
        ("argomenti", "parole chiave", "tópicos", "palavras-chave", "trefwoorden", "onderwerpen"),
        examples=("Argomenti", "Tópicos:", "Trefwoorden"),
        not_examples=("Argomenti di discussione per la cena",),
    ),
)

# Plain words, so the stdlib ``re`` serves (it runs over every short text node).
_TAG_ROW_LABEL_WORDS = "|".join(re.escape(w) for row in TAG_ROW_LABELS for w in row.words)
#: A text node that is a tag row's label and nothing else.
TAG_ROW_LABEL = re.compile(rf"^[#\s]*(?:{_TAG_ROW_LABEL_WORDS})\s*:?\s*$", re.IGNORECASE)
#: A row's text opening with its label ("Schlagworte: Schule, Bildung").
TAG_ROW_LABEL_PREFIX = re.compile(rf"^[#\s]*(?:{_TAG_ROW_LABEL_WORDS})\s*:?", re.IGNORECASE)

#: Links in a tag row that are its buttons, not tags: "More", "+3", "Show all".
TAG_ROW_BUTTON = regex.compile(
    r"^\W*(?:more|show (?:more|all)|see all|all tags|mehr|alle (?:tags|themen)|plus|voir plus"
    r"|ver más|więcej|\+\s*\d+)\W*$",
    LINE_FLAGS,
)

TAG_ROW_BUTTON_ROW = Vocabulary(
    "tag-row-button",
    "links in a tag row that are its buttons, not tags",
    TAG_ROW_BUTTON,
    examples=("More", "+3", "Show all", "Alle Themen", "Voir plus", "Ver más", "Więcej"),
    not_examples=("Morecambe", "Plus-Size Mode", "Harbour"),
)
