"""Author names: from byline text and structured data to a list of people."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import regex

from .dates import MONTHS
from .rules import (
    AUTHOR_CREDENTIALS,
    BYLINE_CREDIT,
    BYLINE_PREFIX,
    INNER_BY,
    ORGANISATION_WORDS,
    PEOPLE_WORDS,
)

__all__ = ["clean_authors", "compact_name", "is_organisation", "is_role", "looks_like_person"]

# The per-language rows of rules/people.py, merged: a byline's language is not known
# when it is read (the rows keep out words that are names in another language).
_ROLES = frozenset().union(*(row.roles for row in PEOPLE_WORDS))
_ROLE_MODIFIERS = frozenset().union(*(row.role_modifiers for row in PEOPLE_WORDS))
_ROLE_SUFFIXES = tuple(s for row in PEOPLE_WORDS for s in row.role_suffixes)
_LABELS = frozenset().union(*(row.labels for row in PEOPLE_WORDS))
_ORG_MARKERS = frozenset().union(*(row.markers for row in ORGANISATION_WORDS))
_ORG_HEADS = frozenset().union(*(row.heads for row in ORGANISATION_WORDS))
_ORG_MODIFIERS = frozenset().union(*(row.modifiers for row in ORGANISATION_WORDS))
_ORG_SUFFIXES = tuple(s for row in ORGANISATION_WORDS for s in row.suffixes)
_ORG_ACRONYMS = frozenset().union(*(row.acronyms for row in ORGANISATION_WORDS))
#: A compound ends in a suffix word after at least this many letters of its own
#: ("Netz|philosophin"); shorter words are the bare word, often a surname.
MIN_COMPOUND_PREFIX = 3

_EMAIL = regex.compile(r"\S+@\S+\.\w+")
_HANDLE = regex.compile(r"(?<!\w)@\w+")
_URL = regex.compile(r"https?://\S+")
# "Erica Nardozzi For Dailymail.Com", "Jane Doe of Reuters": the outlet goes.
_AFFILIATION = regex.compile(r"\s+(?:for|from|of|at|für|pour|para)\s+\S.*$", regex.IGNORECASE)
# A spaced dash parts names too ("Jane Doe - Chrome team", "A - B"); Spanish
# and Portuguese "y" / "e" only as words between spaces (not "E-Mail"); an
# interview's two people ("Jane Doe im Gespräch mit John Smith") are both named.
_SPLIT = regex.compile(
    r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|(?<=\s)[ye](?=\s))\s*|\s+[-–—]\s+"
    r"|\s+(?:im gespräch mit|in conversation with|en conversation avec|en conversación con)\s+",
    regex.IGNORECASE,
)
# "Autor: Jane Doe", "Interview: Jane Doe", "Redaktion: Jane Doe": a short label.
_LABEL = regex.compile(r"^[\p{L} ]{2,20}\s?:\s*(?=\p{Lu})")
# "Jane Doe am 21. April 2020", "Jane Doe on June 3": names hold no digits.
# "Von Jane Doe am <a>07.08.2013</a>": the date may be in the next element,
# leaving its preposition dangling.
# The word before the digits is a month or a stamp label ("Jane Doe June 3,
# 2020", "Jane Doe Published 09 May 2012"), never any word: "Jane Doe
# 18/01/2008" keeps its surname.
_STAMP_WORD = "|".join(regex.escape(w) for w in sorted({*MONTHS, *_LABELS}, key=len, reverse=True))
_DATE_TAIL = regex.compile(
    rf"\s+(?:(?:am|on|le|el|den|vom|,)\s+)?(?:(?:{_STAMP_WORD})\.?:?\s*)?\d.*$"
    r"|\s+(?:am|on|le|el|den|vom)$",
    regex.IGNORECASE,
)
# A byline inside a longer meta line.
_INNER_BY = INNER_BY
_NAME_WORD = regex.compile(
    r"^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|(?:van|von|v\.|zu|der|den|ter|ten|de|da|dos|das|del|la|le|di|du"
    r"|bin|al)|\p{Lu}\p{Ll}*-\p{Lu}\p{Ll}*)$"
)
# "Jr.", "Sr." and initials ("Nelson C.J.") end with a period that is the name's.
_KEEPS_PERIOD = regex.compile(r"(?:\b(?:Jr|Sr)|(?<!\w)\p{Lu}|\.\p{Lu})\.$")
# A credit with no name after it: the name is in the next piece.
_CREDIT_ONLY = regex.compile(r".*\bby\s*:?", regex.IGNORECASE)
_PARENTHESES = regex.compile(r"\s*\([^)]*\)?")
# Name particles; a "name" ending in one is a label cut before the name.
_PARTICLES = frozenset({"von", "van", "de", "da", "del", "di", "du", "la", "le", "der", "by"})
_CJK_NAME = regex.compile(r"[\p{Han}\p{Hangul}]{2,4}")
_NON_ALNUM = re.compile(r"[\W_]+")
# "ElColombiano.com": a site name that is a host name.
_DOMAIN_SUFFIX = re.compile(r"(?<=\w)\.[a-z]{2,6}$")
# "The Daily Planet": the article is no part of an outlet's name to compare.
_LEADING_THE = re.compile(r"^the\s+")
#: A person's name in a byline has this many words at most (and at least).
MAX_NAME_WORDS = 5
MIN_NAME_WORDS = 2


def _forms(word: str) -> tuple[str, ...]:
    """A word lower-cased, and each part of it when hyphenated ("Courier-Post")."""
    low = word.lower().strip(".,:;")
    return (low, *low.split("-")) if "-" in low else (low,)


def _compound_of(word: str, suffixes: tuple[str, ...]) -> bool:
    # Most words end in no suffix: one C-level test of them all settles those.
    if not word.endswith(suffixes):
        return False
    return any(word.endswith(s) and len(word) >= len(s) + MIN_COMPOUND_PREFIX for s in suffixes)


def is_role(word: str) -> bool:
    """``word`` heads a job title: "Officer", "Redakteurin", "Netzphilosophin"."""
    return any(f in _ROLES or _compound_of(f, _ROLE_SUFFIXES) for f in _forms(word))


def _is_role_part(word: str) -> bool:
    """A title's head or one of its rank, desk and field words."""
    return is_role(word) or any(f in _ROLE_MODIFIERS for f in _forms(word))


def is_organisation(name: str) -> bool:
    """``name`` is shaped like an organisation's, not a person's.

    One marker word makes it so ("Reuters Staff"); a head word that is also a
    surname ("Press", "Post") only as the first word or beside another
    organisation word ("Associated Press", "New York Post"), so "Eyal Press"
    stays a person.
    """
    words = name.split()
    if any(w.strip(".,:;") in _ORG_ACRONYMS for w in words):
        return True
    forms = [_forms(w) for w in words]
    if any(f in _ORG_MARKERS or _compound_of(f, _ORG_SUFFIXES) for fs in forms for f in fs):
        return True
    heads = [i for i, fs in enumerate(forms) if any(f in _ORG_HEADS for f in fs)]
    if not heads:
        return False
    return heads[0] == 0 or len(heads) > 1 or any(f in _ORG_MODIFIERS for fs in forms for f in fs)


def looks_like_person(name: str) -> bool:
    """Two to five capitalised words: no role, UI label or organisation.

    Names in scripts without case or spaces (Chinese, Japanese, Korean) are
    one run of two to four characters.
    """
    if _CJK_NAME.fullmatch(name):
        return True
    words = name.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
        return False
    if any(f in _LABELS for w in words for f in _forms(w)):
        return False  # "Watch Live", "No Comments"
    if any(is_role(w) for w in words) or _is_role_part(words[0]):
        return False  # "Technology Officer", "National Desk": a title left whole is no name
    if is_organisation(name):
        return False
    if words[-1].lower() in _PARTICLES:
        return False  # "Artikel von": a label cut before the name
    return all(_NAME_WORD.match(w) for w in words) and not any(ch.isdigit() for ch in name)


def _strip_roles(part: str) -> str:
    """The name without the job title at either end: "Jane Doe Staff Writer",
    "Senior Editor Jane Doe", "Jane Doe MBA" -> "Jane Doe"."""
    words = part.split()
    while words and (_is_role_part(words[-1]) or words[-1].strip(".,") in AUTHOR_CREDENTIALS):
        words.pop()
    while words and _is_role_part(words[0]):
        words.pop(0)
    return " ".join(words)


def _without_outlet(name: str) -> str:
    """ "John Doe The Associated Press" -> "John Doe": a name, then an outlet's.

    Only an outlet introduced by "The" is cut: without it, "Cherry Hill
    Courier-Post" would leave "Cherry Hill", which looks like a name.
    """
    words = name.split()
    for cut in range(MIN_NAME_WORDS, min(len(words), MAX_NAME_WORDS + 1)):
        if words[cut] == "The":
            head = " ".join(words[:cut])
            return head if looks_like_person(head) else name
    return name


def clean_authors(raw: Iterable[str]) -> tuple[str, ...]:
    """People named in ``raw`` (bylines or author fields), deduplicated, in order.

    Strips "By", roles, e-mail addresses, handles and URLs; splits "A and B"
    and "A, B"; leaves out names that look like organisations.
    """
    seen: set[str] = set()
    people: list[str] = []
    credited = False
    for text in raw:
        if credited:  # "<span>Photography by</span> <a>Jane Doe</a>"
            credited = False
            continue
        text = _URL.sub(" ", _EMAIL.sub(" ", _HANDLE.sub(" ", text)))
        text = " ".join(text.split())
        credit = BYLINE_CREDIT.search(text)
        if credit:
            credited = _CREDIT_ONLY.fullmatch(credit.group()) is not None
            text = text[: credit.start()]
        inner = _INNER_BY.search(text)
        if inner and not BYLINE_PREFIX.match(text) and not looks_like_person(text):
            text = inner.group(1)  # "Posted on September 21, 2020 by Adi Tzlil"
        text = _LABEL.sub("", BYLINE_PREFIX.sub("", text))
        text = _DATE_TAIL.sub("", _AFFILIATION.sub("", text))
        for part in _SPLIT.split(text):
            part = _PARENTHESES.sub("", part)  # "(Pressesprecher des Verbands)"
            name = _strip_roles(BYLINE_PREFIX.sub("", part.strip(" :-–—()[]•·")))
            if name.endswith(".") and not _KEEPS_PERIOD.search(name):
                name = name[:-1]
            if name.isupper() and len(name) > 3:
                name = name.title()  # "JANE DOE" bylines
            if not looks_like_person(name):
                name = _without_outlet(name)
                if not looks_like_person(name):
                    continue
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                people.append(name)
    return tuple(people)


def compact_name(text: str) -> str:
    """Letters and digits only, case-folded, without a leading "The":
    "ElColombiano.com" and "El Colombiano" meet, as do "The Daily Planet" and
    "Daily Planet"."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return _NON_ALNUM.sub("", _DOMAIN_SUFFIX.sub("", _LEADING_THE.sub("", folded)))
