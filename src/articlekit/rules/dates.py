"""Date words: stamp labels, month names, zone abbreviations and locale zones.

One home per concept: the words that label a publication or update stamp
live in :data:`STAMP_WORDS` only. The stamp-line rules of
:mod:`articlekit.rules.data_lines` take their prefixes from it, the dates
stage its cheap prefilter (:data:`STAMP_STEM_PATTERN`) and its reading of
``<time>`` labels (:data:`UPDATED_LABEL`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import regex

from ._types import LINE_FLAGS, Vocabulary, class_tokens

__all__ = [
    "DATE_FOREIGN_CONTAINER_TAGS",
    "DATE_FOREIGN_LABELS",
    "DATE_FOREIGN_LABELS_ROW",
    "DATE_FOREIGN_PATTERN",
    "DATE_FOREIGN_VOCABULARY",
    "HTMLDATE_YEAR_ONLY_DAY",
    "LOCALE_ZONES",
    "MONTHS",
    "MONTH_NAMES",
    "PUBLISHED_PREFIX",
    "STAMP_STEMS",
    "STAMP_STEM_PATTERN",
    "STAMP_WORDS",
    "TZ_ABBREVIATIONS",
    "UPDATED_LABEL",
    "UPDATED_PREFIX",
    "MonthNames",
    "StampWords",
]


@dataclass(frozen=True, slots=True)
class StampWords:
    """One language's labels of a publication or an update stamp.

    * ``phrases``: regular-expression prefixes of a stamp line ("Updated on",
      "Aktualisiert am"); the value follows them.
    * ``stems``: fragments that find such labels cheaply in text nodes, a
      prefilter before the phrases are tried: each phrase holds a stem, and
      a stem may be loose ("nderung" for "Änderung").
    * ``label_stems``: fragments of an update label in the class, itemprop
      and text of a ``<time>`` element ("updat" finds "last-updated",
      "modif" finds "dateModified"). They must not be loose: "Änderung"
      in a sentence before a date is no update label.
    * ``examples``: stamp lines the phrases start; ``not_examples``: lines
      that merely begin with a look-alike word.
    """

    id: str
    lang: str
    field: Literal["published", "updated"]
    reason: str
    phrases: tuple[str, ...]
    stems: tuple[str, ...]
    label_stems: tuple[str, ...]
    examples: tuple[str, ...]
    not_examples: tuple[str, ...]


STAMP_WORDS: tuple[StampWords, ...] = (
    StampWords(
        "updated-en",
        "en",
        "updated",
        "English update labels",
        (r"(?:last )?updated(?: on| at)?", r"modified"),
        ("updat", "modified"),
        ("updat", "modif"),
        examples=("Updated: 9:45 p.m.", "Last updated on June 3, 2031", "Modified 2031-06-03"),
        not_examples=("Updates from the council follow",),
    ),
    StampWords(
        "updated-de",
        "de",
        "updated",
        # "Stand: 07.11.2023" ("as of") is an update stamp; the bare word
        # starts ordinary sentences, so only "Stand:" followed by a digit counts.
        "German update labels",
        (
            r"aktualisiert(?: am)?",
            r"zuletzt aktualisiert(?: am)?",
            r"(?:zuletzt )?geändert am",
            r"letzte änderung",
            r"stand:(?=\s*\d)",
        ),
        ("aktualisiert", "ge.ndert", "nderung", "stand:"),
        ("aktualis",),
        examples=(
            "Aktualisiert am 12.03.2031, 21:45 Uhr",
            "Stand: 07.11.2031",
            "Geändert am 3.5.2031",
        ),
        not_examples=("Stand der Dinge im März", "Änderungen am Fahrplan"),
    ),
    StampWords(
        "updated-fr",
        "fr",
        "updated",
        "French update labels",
        (r"mis à jour(?: le)?",),
        ("mis.{1,3}jour",),
        ("mis à jour",),
        examples=("Mis à jour le 3 juin 2031",),
        not_examples=("Mise en scène du port",),
    ),
    StampWords(
        "updated-es",
        "es",
        "updated",
        "Spanish update labels",
        (r"actualizado(?: el)?",),
        ("actualizado",),
        ("actualiz",),
        examples=("Actualizado el 3 de junio de 2031",),
        not_examples=("Actualidad del puerto",),
    ),
    StampWords(
        "updated-pt",
        "pt",
        "updated",
        "Portuguese update labels",
        (r"atualizado(?: em)?",),
        ("atualizado",),
        ("atualiz",),
        examples=("Atualizado em 3 de junho de 2031",),
        not_examples=("Atual prefeito do porto",),
    ),
    StampWords(
        "published-en",
        "en",
        "published",
        "English publication labels",
        (r"(?:first )?published(?: on| at)?", r"posted(?: on| at)?"),
        ("publi", "posted"),
        (),
        examples=("Published June 20, 2031", "Posted on 2031-06-20"),
        not_examples=("Publishers met in June",),
    ),
    StampWords(
        "published-de",
        "de",
        "published",
        "German publication labels",
        (
            r"veröffentlicht(?: am)?",
            r"erschienen(?: am)?",
            r"erstellt am",
            r"erscheinungsdatum",
            r"publiziert(?: am)?",
        ),
        # "erschein" for "Erscheinungsdatum", which "erschien" does not find.
        ("ver.ffentlicht", "erschien", "erschein", "erstellt", "publi"),
        (),
        examples=("Veröffentlicht am 20.06.2031", "Erscheinungsdatum: 20.06.2031"),
        not_examples=("Erst am Abend kam das Schiff",),
    ),
    StampWords(
        "published-fr",
        "fr",
        "published",
        "French publication labels",
        (r"publié(?: le)?",),
        ("publi",),
        (),
        examples=("Publié le 20 juin 2031",),
        not_examples=("Public nombreux au port",),
    ),
    StampWords(
        "published-es",
        "es",
        "published",
        # Spanish and Portuguese share the word: "publicado el", "publicado em".
        "Spanish and Portuguese publication labels",
        (r"publicado(?: el| em)?",),
        ("publi",),
        (),
        examples=("Publicado el 20 de junio de 2031", "Publicado em 20 de junho de 2031"),
        not_examples=("Público en el puerto",),
    ),
)

#: The update labels as one alternation, for the stamp-line rules.
UPDATED_PREFIX = "|".join(p for row in STAMP_WORDS if row.field == "updated" for p in row.phrases)
#: The publication labels as one alternation.
PUBLISHED_PREFIX = "|".join(
    p for row in STAMP_WORDS if row.field == "published" for p in row.phrases
)
#: Every stem once, in table order.
STAMP_STEMS: tuple[str, ...] = tuple(dict.fromkeys(s for row in STAMP_WORDS for s in row.stems))
# The lookahead on the stems' first letters lets ``re`` skip ahead to them:
# several times faster than the bare alternation over a page's text nodes.
_FIRST_LETTERS = "".join(sorted({stem[0] for stem in STAMP_STEMS}))
#: A cheap prefilter: only text nodes holding a stem can be stamp lines.
STAMP_STEM_PATTERN = re.compile(f"(?=[{_FIRST_LETTERS}])(?:{'|'.join(STAMP_STEMS)})", re.IGNORECASE)
#: A ``<time>`` element whose class, itemprop or label holds an update stem
#: is the update stamp ("dateModified", "Updated <time>").
UPDATED_LABEL = re.compile(
    "|".join(s for row in STAMP_WORDS for s in row.label_stems), re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class MonthNames:
    """One language's month names and abbreviations, January first.

    Each entry holds the space-separated forms of one month ("" for none
    beyond another language's). ``examples`` are stamps naming a month in
    these words; ``not_examples`` texts whose words are no month of the row.
    """

    id: str
    lang: str
    months: tuple[str, ...]
    examples: tuple[str, ...]
    not_examples: tuple[str, ...]

    def words(self) -> dict[str, int]:
        return {w: n for n, forms in enumerate(self.months, start=1) for w in forms.split()}

    def accepts(self, text: str) -> bool:
        names = self.words()
        return any(w.lower().rstrip(".") in names for w in re.findall(r"[^\W\d_]+\.?", text))


#: Month names of the languages we read without dateparser. A word's month is
#: the first row's that has it ("mai" is May in German and French alike).
MONTH_NAMES: tuple[MonthNames, ...] = (
    MonthNames(
        "months-en",
        "en",
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        examples=("June 20, 2031", "20 Sept. 2031"),
        not_examples=("20 boats, 2031 people",),
    ),
    MonthNames(
        "months-de",
        "de",
        (
            "januar jänner",
            "februar",
            "märz maerz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober okt",
            "november",
            "dezember dez",
        ),
        examples=("20. März 2031", "3. Jänner 2031"),
        not_examples=("Der Marsch begann 2031",),
    ),
    MonthNames(
        "months-fr",
        "fr",
        (
            "janv janvier",
            "fevr févr février",
            "mars",
            "avril avr",
            "mai",
            "juin",
            "juillet juil",
            "août aout",
            "septembre",
            "octobre",
            "novembre",
            "déc décembre",
        ),
        examples=("20 juin 2031", "3 févr. 2031"),
        not_examples=("Le port de Marseille",),
    ),
    MonthNames(
        "months-es",
        "es",
        (
            "enero ene",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto ago",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre dic",
        ),
        examples=("20 de junio de 2031",),
        not_examples=("El puerto de Vigo",),
    ),
    MonthNames(
        "months-it",
        "it",
        (
            "gennaio gen",
            "febbraio",
            "marzo",
            "aprile",
            "maggio mag",
            "giugno giu",
            "luglio lug",
            "agosto",
            "settembre set",
            "ottobre ott",
            "novembre",
            "dicembre",
        ),
        examples=("20 giugno 2031",),
        not_examples=("Il porto di Genova",),
    ),
    MonthNames(
        "months-pt",
        "pt",
        (
            "janeiro",
            "fevereiro fev",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ),
        examples=("20 de junho de 2031",),
        not_examples=("O porto de Lisboa",),
    ),
    MonthNames(
        "months-nl",
        "nl",
        ("januari", "februari", "maart mrt", "", "mei", "", "", "", "", "", "", ""),
        examples=("20 maart 2031", "3 mei 2031"),
        not_examples=("De haven van Rotterdam",),
    ),
)

#: Month word → number, every language merged.
MONTHS: dict[str, int] = {}
for _row in MONTH_NAMES:
    for _name, _number in _row.words().items():
        MONTHS.setdefault(_name, _number)

#: Zone abbreviations that news stamps use, mapped to a zone so daylight
#: saving is applied for the stamp's own day ("ET" is EST or EDT by date).
TZ_ABBREVIATIONS: dict[str, str] = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "GMT": "UTC",
    "UTC": "UTC",
    "Z": "UTC",
    "BST": "Europe/London",
    "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin",
    "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin",
}

#: The one time zone a page's declared locale (``<html lang>``, else
#: ``og:locale``) places it in: the key is a language alone when (nearly)
#: everyone who writes it lives in one zone, else a language-region pair with
#: a one-zone region. Used for one thing only: a UTC stamp that is exactly
#: midnight in this zone, to the microsecond, is a day-only value a CMS
#: stored as local midnight ("2022-11-06T23:00:00.000Z" on a German page is
#: November 7). Left out on purpose: languages spread over many zones (en,
#: es, fr, pt, ru, ar) and regions with several (en-US, en-CA, en-AU, pt-BR),
#: where 22:00Z can be an evening story (6 p.m. EDT).
LOCALE_ZONES: dict[str, str] = {
    # Central European Time (UTC+1, +2 in summer)
    "de": "Europe/Berlin",
    "de-at": "Europe/Vienna",
    "de-ch": "Europe/Zurich",
    "pl": "Europe/Warsaw",
    "it": "Europe/Rome",
    "nl": "Europe/Amsterdam",
    "cs": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm",
    "no": "Europe/Oslo",
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "hr": "Europe/Zagreb",
    "sl": "Europe/Ljubljana",
    "fr-fr": "Europe/Paris",
    "fr-be": "Europe/Brussels",
    "fr-ch": "Europe/Zurich",
    "es-es": "Europe/Madrid",
    "ca": "Europe/Madrid",
    # Eastern European Time (UTC+2, +3 in summer)
    "fi": "Europe/Helsinki",
    "el": "Europe/Athens",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "et": "Europe/Tallinn",
    # Western European Time and one-zone regions elsewhere
    "en-gb": "Europe/London",
    "en-ie": "Europe/Dublin",
    "pt-pt": "Europe/Lisbon",
    "en-in": "Asia/Kolkata",
    "hi": "Asia/Kolkata",
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
}

#: Containers whose dates are never the article's: teaser rails and comment
#: threads. Stamps inside them are skipped, and a date htmldate finds only
#: there is refused. A narrower list than NON_ARTICLE_VOCABULARY on purpose:
#: a post's own date often sits in a "meta" or "share" bar, which must stay.
DATE_FOREIGN_CONTAINER_TAGS: frozenset[str] = frozenset({"div", "section", "aside", "ul", "ol"})
#: Whole tokens but for the stems of NON_ARTICLE_VOCABULARY ("relatedtext",
#: "commentlist"); not "commentary" (an op-ed's own page).
DATE_FOREIGN_PATTERN = class_tokens(
    r"related[a-z0-9]*|recommend[a-z0-9]*|more-stories|most-popular|mostpopular|most-read"
    r"|trending|teaser[a-z0-9]*|outbrain|taboola|comment(?!ary|ator)[a-z0-9]*|disqus",
)
DATE_FOREIGN_VOCABULARY = Vocabulary(
    "date-foreign",
    "teaser rails and comment threads, whose dates are not the article's",
    DATE_FOREIGN_PATTERN,
    examples=("related-posts", "comment-list", "teaser teaser--small", "OUTBRAIN"),
    not_examples=("article-meta", "share-bar", "unrelated", "commentary"),
)

#: (month, day) htmldate answers when it found a year only, such as the
#: "© 2016" of a page footer: it is no publication day. On the three corpora
#: with publication dates, each of its January 1 answers was wrong (4 pages
#: with a true date; 22 more pages without one got a date this way).
HTMLDATE_YEAR_ONLY_DAY = (1, 1)

#: Labels of dates that are not the article's: a forum member's sign-up day,
#: an event's day, a deadline, a birthday. A header date behind one of them
#: is skipped.
DATE_FOREIGN_LABELS = regex.compile(
    r"^\W*(?:registriert|registered|joined|member since|mitglied seit|dabei seit|born|geboren"
    r"|event|termin|veranstaltung|deadline|einsendeschluss|frist|expires|gültig bis|valid until"
    r"|inscrit|inscrito)\b",
    LINE_FLAGS,
)
DATE_FOREIGN_LABELS_ROW = Vocabulary(
    "date-foreign-labels",
    "labels of dates that are not the article's",
    DATE_FOREIGN_LABELS,
    examples=("Member since 2019", "Registriert: 03.02.2020", "Event: 4 June", "Inscrit le 3 mai"),
    not_examples=("Published 4 June", "Eventually the ferry came"),
)
