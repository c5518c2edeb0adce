"""Author names: from byline text and structured data to a list of people."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import regex

from .rules import (
    AUTHOR_CREDENTIALS,
    AUTHOR_ROLE_WORDS,
    BYLINE_CREDIT,
    BYLINE_NOISE_WORDS,
    BYLINE_PREFIX,
    ORGANIZATION_WORDS,
)

__all__ = ["clean_authors", "compact_name", "looks_like_person"]

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
_DATE_TAIL = regex.compile(
    r"\s+(?:(?:am|on|le|el|den|vom|,)\s+)?[\p{L}.]*\s*\d.*$", regex.IGNORECASE
)
# A byline inside a longer meta line.
_INNER_BY = regex.compile(r"\b(?:by|von|par|por)\s+((?-i:\p{Lu})[^|•·]{2,60})$", regex.IGNORECASE)
_NAME_WORD = regex.compile(
    r"^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|(?:van|von|der|de|da|del|la|le|di|du|bin|al)|\p{Lu}\p{Ll}*-\p{Lu}\p{Ll}*)$"
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
#: A person's name in a byline has this many words at most (and at least).
MAX_NAME_WORDS = 5
MIN_NAME_WORDS = 2


def looks_like_person(name: str) -> bool:
    """Two to five capitalised words, none of them an organisation word.

    Names in scripts without case or spaces (Chinese, Japanese, Korean) are
    one run of two to four characters.
    """
    if _CJK_NAME.fullmatch(name):
        return True
    words = name.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
        return False
    # Hyphenated words are checked by their parts too ("Courier-Post").
    lowered = [p for w in words for p in (w.lower().strip(".,:"), *w.lower().split("-"))]
    if any(w in ORGANIZATION_WORDS or w in BYLINE_NOISE_WORDS for w in lowered):
        return False
    if lowered[-1] in _PARTICLES:
        return False  # "Artikel von": a label cut before the name
    return all(_NAME_WORD.match(w) for w in words) and not any(ch.isdigit() for ch in name)


def _strip_roles(part: str) -> str:
    words = part.split()
    # Drop role words from the end ("Jane Doe Staff Writer") and the start.
    while words and (
        words[-1].lower().strip(".,") in AUTHOR_ROLE_WORDS
        or words[-1].strip(".,") in AUTHOR_CREDENTIALS
    ):
        words.pop()
    while words and words[0].lower().strip(".,") in AUTHOR_ROLE_WORDS:
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
    """Letters and digits only, case-folded: "ElColombiano.com" and "El Colombiano" meet."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return _NON_ALNUM.sub("", _DOMAIN_SUFFIX.sub("", folded))
