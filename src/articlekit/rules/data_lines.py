"""Data lines: lines of the text that hold a field's value, moved rather than dropped.

Stamp labels come from :data:`articlekit.rules.dates.STAMP_WORDS` and byline
prepositions from :data:`articlekit.rules.people.BYLINE_WORDS`: each concept
has one home, and these rows only say how a line carries it.
"""

from __future__ import annotations

from ._types import DataRule, P, Phrases
from .dates import STAMP_WORDS
from .people import BYLINE_WORDS

__all__ = ["BYLINE_MAX_PARAGRAPH_INDEX", "DATA_LINES"]


def _stamp_phrases(field: str) -> tuple[Phrases, ...]:
    return tuple(
        P(row.lang, *row.phrases, examples=row.examples, not_examples=row.not_examples)
        for row in STAMP_WORDS
        if row.field == field
    )


_BYLINE_EXAMPLES = {
    "en": (("By Jane Doe",), ("By 2031 the ferry returns.",)),
    "de": (("Von Max Muster",), ("Von 9 bis 17 Uhr geöffnet",)),
    "fr": (("Par Jeanne Dupont",), ("Par 3 voix contre 2",)),
    "es": (("Por Ana Ruiz",), ("Por 3 votos a 2",)),
}

DATA_LINES: tuple[DataRule, ...] = (
    DataRule(
        "stamp-updated",
        "updated",
        "an update stamp: moved to 'updated'",
        _stamp_phrases("updated"),
        template=r"{phrases}\s*:?\s*(?P<value>.{3,60})",
    ),
    DataRule(
        "stamp-published",
        "published",
        "a publication stamp: moved to 'published'",
        _stamp_phrases("published"),
        template=r"{phrases}\s*:?\s*(?P<value>.{3,60})",
    ),
    # "Tag" alone is German for "day" and heads itineraries ("Tag 3: Rom"). The
    # strict labels also open sentences ("Tagi pomagają czytelnikom …"): they
    # need their colon.
    DataRule(
        "tags-line",
        "tags",
        "a tag list: moved to 'tags'",
        (
            P("en", r"tags", r"topics", r"related topics", slot="label"),
            P("de", r"schlagwörter", r"themen", slot="label"),
            P("fr", r"mots[- ]clés", slot="label"),
            P("es", r"etiquetas", r"temas", slot="label"),
            P("en", r"keywords", slot="strict_label"),
            P("de", r"schlagworte", r"stichwörter", r"stichworte", slot="strict_label"),
            P("fr", r"étiquettes", slot="strict_label"),
            P("es", r"palabras clave", slot="strict_label"),
            P("pl", r"tagi", r"tematy", r"słowa kluczowe", slot="strict_label"),
            P(
                "en",
                examples=("Tags Amazon Donald Trump", "Keywords: harbour, ferry"),
                not_examples=("Tagged luggage goes first",),
            ),
            P(
                "de",
                examples=("Schlagwörter: Hafen, Fähre", "Stichworte: Hafen"),
                not_examples=("Stichworte gab es keine",),
            ),
            P(
                "fr",
                examples=("Mots-clés : port, ferry", "Étiquettes : port"),
                not_examples=("Étiquettes collées sur les caisses",),
            ),
            P(
                "es",
                examples=("Etiquetas: puerto, ferry", "Palabras clave: puerto"),
                not_examples=("Palabras clave para el alcalde",),
            ),
            P(
                "pl",
                examples=("Tagi: port, prom",),
                not_examples=("Tagi pomagają czytelnikom",),
            ),
        ),
        template=r"(?:{label}\s*:?|{strict_label}\s*:)\s+(?P<value>.{2,200})",
        max_chars=220,
    ),
    DataRule(
        "byline",
        "authors",
        "a byline: moved to 'authors'",
        tuple(
            P(
                row.lang,
                *row.by,
                examples=_BYLINE_EXAMPLES[row.lang][0],
                not_examples=_BYLINE_EXAMPLES[row.lang][1],
            )
            for row in BYLINE_WORDS
            if row.by
        ),
        template=r"{phrases}\s+(?P<value>\p{Lu}.{2,100})",
    ),
    # A line that is only a date ("23.10.2018", "Dienstag, 4. Juni 2019",
    # "Oct 9, 2019"), with an optional leading weekday or word and time: a
    # stamp set apart from the text. The date parser must accept the value.
    DataRule(
        "stamp-bare",
        "published",
        "a bare date line: moved to 'published'",
        (
            P(
                "*",
                r"\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}",
                r"\d{4}-\d{2}-\d{2}",
                r"\p{L}{3,10}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}",
                r"\d{1,2}(?:\.|st|nd|rd|th)? (?:de )?\p{L}{3,10}\.?,? (?:de )?\d{4}",
                examples=("23.10.2031", "Dienstag, 4. Juni 2031", "Oct 9, 2031, 8:59 AM PT"),
                not_examples=("On 23.10.2031 the ferry came", "Gate 4"),
            ),
            # The clock's words: "um 17:30", "at 5.30 pm", "à 17 h", "a las 17:30".
            P(
                "de",
                r"um ",
                slot="at",
                examples=("4. Juni 2031 um 17:30 Uhr",),
                not_examples=("4. Juni 2031 gegen 17:30",),
            ),
            P(
                "en",
                r"at ",
                slot="at",
                examples=("June 4, 2031 at 5.30 pm",),
                not_examples=("June 4, 2031 around 5.30 pm",),
            ),
            P(
                "fr",
                r"à ",
                slot="at",
                examples=("4 juin 2031 à 17:30",),
                not_examples=("4 juin 2031 vers 17:30",),
            ),
            P(
                "es",
                r"a las ",
                slot="at",
                examples=("4 de junio de 2031 a las 17:30",),
                not_examples=("4 de junio de 2031 hacia las 17:30",),
            ),
        ),
        template=(
            r"(?:\p{L}{2,10}\.?,? )?(?P<value>{phrases}"
            r"(?:,? {at}?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?| uhr| h)?)?)"
            # a zone or country label after the time ("17:23, UK", "8:59 AM PT")
            r"(?:,? (?-i:[A-Z]{2,5}))?"
        ),
        max_chars=48,
    ),
)

#: A byline line is only looked for among the first paragraphs of a body.
BYLINE_MAX_PARAGRAPH_INDEX = 3
