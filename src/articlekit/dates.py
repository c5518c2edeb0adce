"""Turning date text into stamps: fast paths first, one configured dateparser last.

dateparser is slow to import and to run, so it is imported on first use and
called only for text that passed the cheap prefilters below; results are
cached. Nothing here ever reads today's clock: relative and time-only stamps
are resolved against an *anchor* (the article's own date) or not at all.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from .article import Stamp
from .rules.dates import MONTHS, TZ_ABBREVIATIONS

__all__ = [
    "MONTHS",
    "TZ_ABBREVIATIONS",
    "anchor_time",
    "parse_iso",
    "parse_stamp",
    "relative_offset",
]

#: Years outside this range in a parsed stamp are misreadings, not news dates.
PLAUSIBLE_YEARS = range(1990, 2100)

#: Size of the parse caches (distinct stamp texts per process).
CACHE_SIZE = 4096

_ISO = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?\s*$"
)
_TIME_ONLY = re.compile(
    r"^\s*(?:at\s+|um\s+|à\s+|a las\s+)?(\d{1,2})(?:[:.h](\d{2}))?\s*"
    r"(a\.?\s?m\.?|p\.?\s?m\.?|uhr|h)?\s*([A-Z]{1,4})?\.?\s*$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:ago|vor\s+\d|il y a|hace\s+\d|just now|gerade eben|yesterday|gestern|hier|ayer)\b",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
#: A numeric day and month ("20.06.", "6/20").
_NUMERIC_DAY = re.compile(r"\d{1,2}\s*[./-]\s*\d{1,2}")
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_HAS_TIME = re.compile(r"\d{1,2}[:.h]\d{2}|\d\s*[ap]\.?\s?m\b|\buhr\b", re.IGNORECASE)
_TZ_WORD = re.compile(r"\b(" + "|".join(sorted(TZ_ABBREVIATIONS, key=len, reverse=True)) + r")\b")


def _offset(text: str | None) -> tzinfo | None:
    if not text:
        return None
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


@lru_cache(maxsize=CACHE_SIZE)
def parse_iso(text: str) -> Stamp | None:
    """ISO 8601 as structured data gives it; ``None`` when it is not ISO.

    A date alone gives a ``date``; a time without an offset gives a naive
    ``datetime`` (the page did not say which zone, and we do not guess).
    A placeholder a CMS writes for "no date" (the Unix epoch 1970-01-01,
    0001-01-01, 9999-12-31: any year outside :data:`PLAUSIBLE_YEARS`) is no
    date either, so the page's real stamps decide.
    """
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if int(year) not in PLAUSIBLE_YEARS:
        return None
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            micro,
            tzinfo=_offset(zone),
        )
    except ValueError:
        return None


def _zone_for(text: str) -> tzinfo | None:
    match = _TZ_WORD.search(text)
    return ZoneInfo(TZ_ABBREVIATIONS[match.group(1)]) if match else None


def _parse_time_only(text: str) -> tuple[time, tzinfo | None] | None:
    match = _TIME_ONLY.match(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or "").lower().replace(".", "").replace(" ", "")
    zone_word = match.group(4)
    if not meridiem and match.group(2) is None:
        return None  # a bare number is not a time
    if zone_word and zone_word.upper() not in TZ_ABBREVIATIONS:
        return None
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    zone = ZoneInfo(TZ_ABBREVIATIONS[zone_word.upper()]) if zone_word else None
    return time(hour, minute), zone


def anchor_time(clock: time, anchor: Stamp | None, zone: tzinfo | None = None) -> Stamp:
    """Put a time of day on the anchor's day; without a day, keep the bare time.

    The anchor's zone is used when the stamp names none. An update cannot
    precede publication, so a time earlier than an anchor datetime on the same
    day is taken to be on the next day.
    """
    if anchor is None or isinstance(anchor, time):
        # A zone word cannot be kept on a bare time: "ET" is -05:00 or -04:00
        # depending on the day, which is unknown. The raw stamp text keeps it.
        return clock
    if isinstance(anchor, datetime):
        if zone is None:
            local_anchor = anchor
        elif anchor.tzinfo is None:
            local_anchor = anchor.replace(tzinfo=zone)  # the stamp's zone is the page's
        else:
            local_anchor = anchor.astimezone(zone)
        result = datetime.combine(local_anchor.date(), clock, tzinfo=local_anchor.tzinfo)
        if result < local_anchor:
            result += timedelta(days=1)
        return result
    return datetime.combine(anchor, clock, tzinfo=zone)


_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
#: Day formats we parse ourselves, most specific first.
_DAY_FORMATS = (
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),  # June 20, 2018
    re.compile(
        rf"{_DAY}\s*(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}", re.IGNORECASE
    ),  # 20. Juni 2018
    re.compile(rf"(?<!\d){_DAY}\s*[./]\s*(?P<nmonth>\d{{1,2}})\s*[./]\s*{_YEAR}"),  # 20.06.2018
    re.compile(rf"{_YEAR}[/.](?P<nmonth>\d{{1,2}})[/.](?P<day>\d{{1,2}})(?!\d)"),  # 2018/06/20
)
_CLOCK = re.compile(
    r"(?<![\d.:])(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::\d{2})?\s*"
    r"(?P<meridiem>a\.?\s?m\.?|p\.?\s?m\.?)?(?![\d])|(?<![\d.:])(?P<hour2>\d{1,2})\s*(?P<meridiem2>a\.?m\.?|p\.?m\.?)",
    re.IGNORECASE,
)
#: "3 hours ago" and its kin: unit words per language, in seconds.
_RELATIVE_UNITS: dict[str, int] = {
    "second": 1,
    "sekunde": 1,
    "seconde": 1,
    "segundo": 1,
    "minute": 60,
    "min": 60,
    "minuto": 60,
    "hour": 3600,
    "hr": 3600,
    "stunde": 3600,
    "heure": 3600,
    "hora": 3600,
    "day": 86400,
    "tag": 86400,
    "jour": 86400,
    "día": 86400,
    "dia": 86400,
    "week": 604800,
    "woche": 604800,
    "semaine": 604800,
    "semana": 604800,
}
_RELATIVE_AGO = re.compile(
    r"(?:vor|il y a|hace)?\s*(?P<n>\d+)\s*(?P<unit>[^\W\d_]+?)(?:s|n|en|e|es)?\s*(?:ago)?$",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return [w.lower().rstrip(".") for w in re.findall(r"[^\W\d_]{3,}\.?", text)]


def _fast_day(text: str) -> tuple[date, tuple[int, int]] | None:
    """A day in one of the common shapes, with the span it covers."""
    for pattern in _DAY_FORMATS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("nmonth"):
            month = int(groups["nmonth"])
        else:
            month = MONTHS.get(groups["month"].lower().rstrip("."), 0)
            if not month:
                continue
        try:
            return date(int(groups["year"]), month, int(groups["day"])), match.span()
        except ValueError:
            continue
    return None


def _fast_clock(text: str) -> time | None:
    match = _CLOCK.search(text)
    if not match:
        return None
    hour = int(match.group("hour") or match.group("hour2"))
    minute = int(match.group("minute") or 0)
    meridiem = (match.group("meridiem") or match.group("meridiem2") or "").lower()
    meridiem = meridiem.replace(".", "").replace(" ", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return time(hour, minute) if hour < 24 and minute < 60 else None


def relative_offset(text: str) -> timedelta | None:
    """How far back a relative stamp reaches: "3 hours ago" / "vor 2 Tagen" /
    "il y a 5 minutes" give the span; any other text gives ``None``.

    What it is counted from is the caller's business (a clock the page itself
    shows); it is never today's.
    """
    text = " ".join(text.split()).strip(" .,;|-–—")
    if not _RELATIVE.search(text):
        return None
    match = _RELATIVE_AGO.fullmatch(text)
    if not match:
        return None
    unit = match.group("unit").lower()
    seconds = next((v for k, v in _RELATIVE_UNITS.items() if unit.startswith(k)), None)
    if seconds is None:
        return None
    return timedelta(seconds=seconds * int(match.group("n")))


def _fast_relative(text: str, anchor: Stamp | None) -> Stamp | None:
    if anchor is None or isinstance(anchor, time):
        return None
    delta = relative_offset(text)
    if delta is None:
        return None
    if isinstance(anchor, datetime):
        return anchor - delta
    if delta.seconds:  # hours ago, counted from a day with no time: unknowable
        return None
    return anchor - delta


def _fast_parse(text: str, anchor: Stamp | None) -> date | None:
    """Common stamp shapes without dateparser; ``None`` when unsure."""
    found = _fast_day(text)
    if found is None:
        return None
    day, (start, end) = found
    clock = _fast_clock(text[:start] + " " + text[end:])
    if clock is None:
        return day
    zone = _zone_for(text)
    if zone is None and isinstance(anchor, datetime):
        zone = anchor.tzinfo
    return datetime.combine(day, clock, tzinfo=zone)


#: English weekday names a numeric stamp may open with ("Fri, 12/22/2023 - 05:00").
_WEEKDAYS = "mon|monday|tue|tuesday|wed|wednesday|thu|thursday|fri|friday|sat|saturday|sun|sunday"
#: A wholly numeric stamp in the shapes below, with at most a weekday before
#: it and an offset or zone after it. dateparser reads each of them as written
#: (an offset or zone dropped: it returns naive values), so these never need
#: it; its first call in a process costs up to seconds while it loads its
#: locale data. The day is ``2023-12-22`` or ``12/22/2023`` (also with ``.``
#: or ``-``); the time follows after ``T``, ``@``, a space, ``, ``, `` - ``
#: or `` at ``.
_NUMERIC_STAMP = re.compile(
    rf"(?P<weekday>(?:{_WEEKDAYS}),?\s)?"
    r"(?:(?P<iso_year>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
    r"|(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}))"
    r"(?:(?P<between>\s?[T@]\s?|,?\s(?:-\s|at\s)?)"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<seconds>\d{2})(?:\.(?P<fraction>\d{1,9}))?)?"
    r"(?:\s?(?P<meridiem>[ap]m))?"
    r"(?:\s?[+-]\d{2}:?\d{2}|(?P<utc>\s?zz?)(?:\s(?P<utc_zone>[a-z]{2,4}))?"
    r"|\s?(?P<zone>[a-z]{2,4}))?)?",
    # ASCII digits only: dateparser reads some stamps in other scripts' digits
    # ("٢٠٢٣-١٠-٢٦T١٤:٠٩:٤٥Z EST") otherwise, or not at all.
    re.IGNORECASE | re.ASCII,
)
#: Zone words dateparser reads after a numeric stamp's time (it does not know
#: "CT" and "MT" there: those stamps go to it, which gives nothing).
_ZONES_AFTER_TIME = frozenset(TZ_ABBREVIATIONS) - {"CT", "MT"}
#: Zone words it reads after a "Z" ("2023-10-26T14:09:45.214696Z EST") and
#: after a doubled one ("...ZZ UTC"); it gives nothing for the others.
_ZONES_AFTER_Z = frozenset({"ET", "EST", "CT", "MST", "PT", "GMT", "UTC", "Z", "CET"})
_ZONES_AFTER_ZZ = frozenset({"GMT", "UTC", "Z"})


def _numeric_stamp(text: str) -> datetime | None:
    """What dateparser gives for a stamp in one of :data:`_NUMERIC_STAMP`'s
    shapes (a naive datetime, midnight for a day alone); ``None`` for any
    other text and for a value it may read otherwise (a day whose order is
    ambiguous, a zone word it does not know there, an impossible date),
    which goes on to dateparser.

    Of ``A/B/YYYY`` only the unambiguous readings are taken: a middle number
    over 12 is the day (``12/22/2023``: December 22, as dateparser's
    month-first order reads it), a first number over 12 is the day
    (``31-12-2007``). With ``/`` or ``.`` and both numbers 12 or less, the
    day-first fast path has answered already; with ``-``, dateparser decides.
    A "Z" after the time is read only after a ``YYYY-MM-DD`` day without a
    weekday or ``am``/``pm``, with ``T``, ``@`` or a space before the time:
    the one family where dateparser reads it; a zone word right after
    ``am``/``pm`` ("8:59 AMEDT") is not read either.
    """
    match = _NUMERIC_STAMP.fullmatch(text)
    if match is None:
        return None
    iso = match.group("iso_year") is not None
    meridiem = (match.group("meridiem") or "").lower()
    zone, utc = match.group("zone"), match.group("utc")
    if zone is not None:
        if zone.upper() not in _ZONES_AFTER_TIME:
            return None
        if meridiem and match.start("zone") == match.end("meridiem"):
            return None  # "8:59 AMEDT"
    if utc is not None:
        if not iso or match.group("weekday") or meridiem:
            return None
        if match.group("between").strip() not in ("", "T", "@"):
            return None
        utc_zone = match.group("utc_zone")
        known = _ZONES_AFTER_ZZ if utc.strip().upper() == "ZZ" else _ZONES_AFTER_Z
        if utc_zone is not None and utc_zone.upper() not in known:
            return None
    if iso:
        year, month, day = (int(match.group(g)) for g in ("iso_year", "iso_month", "iso_day"))
    else:
        first, second = int(match.group("first")), int(match.group("second"))
        year = int(match.group("year"))
        if second > 12 >= first:
            month, day = first, second
        elif first > 12 >= second:
            month, day = second, first
        else:
            return None
    hour = int(match.group("hour") or 0)
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    minute = int(match.group("minute") or 0)
    seconds = int(match.group("seconds") or 0)
    micro = int((match.group("fraction") or "0")[:6].ljust(6, "0"))
    try:
        return datetime(year, month, day, hour, minute, seconds, micro)
    except ValueError:
        return None


def _settings(anchor: Stamp | None) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
        "STRICT_PARSING": False,
    }
    if isinstance(anchor, datetime):
        settings["RELATIVE_BASE"] = anchor.replace(tzinfo=None)
    elif isinstance(anchor, date):
        settings["RELATIVE_BASE"] = datetime.combine(anchor, time(12, 0))
    return settings


@lru_cache(maxsize=CACHE_SIZE)
def _dateparser(
    text: str, anchor: Stamp | None, languages: tuple[str, ...] | None
) -> datetime | None:
    import dateparser  # lazy: ~80 ms to import, and most pages never need it

    try:
        result = dateparser.parse(
            text, languages=list(languages) if languages else None, settings=_settings(anchor)
        )
    except (ValueError, OverflowError, TypeError, AttributeError):  # dateparser's own failures
        return None
    return result if isinstance(result, datetime) else None


def parse_stamp(
    text: str,
    *,
    anchor: Stamp | None = None,
    languages: tuple[str, ...] | None = None,
    allow_dateparser: bool = True,
) -> Stamp | None:
    """Parse the date part of a visible stamp such as ``9:45 p.m.`` or ``June 20, 2018``.

    ``anchor`` is the article's own date: time-only stamps land on its day and
    relative stamps ("3 hours ago") count back from it. Without an anchor a
    time-only stamp stays a ``time`` and a relative one is refused.
    """
    text = " ".join(text.split()).strip(" .,;|-–—")
    if not text or len(text) > 80 or (not _HAS_DIGIT.search(text) and not _RELATIVE.search(text)):
        return None
    iso = parse_iso(text)
    if iso is not None:
        return iso
    clock = _parse_time_only(text)
    if clock is not None:
        return anchor_time(clock[0], anchor, clock[1])
    fast = _fast_parse(text, anchor)
    if fast is not None:
        return fast if fast.year in PLAUSIBLE_YEARS else None
    relative = _RELATIVE.search(text) is not None
    if relative:
        counted = _fast_relative(text, anchor)
        if counted is not None:
            return counted
    if relative and anchor is None:
        return None  # we never count back from today's clock
    if not allow_dateparser:
        return None
    if not relative and not _HAS_YEAR.search(text) and anchor is None:
        return None  # a day without a year would get this year's: a guess
    # A year alone ("2006") is no day: dateparser would invent the rest.
    looks_like_a_day = _NUMERIC_DAY.search(text) or any(word in MONTHS for word in _words(text))
    if not relative and not looks_like_a_day:
        return None  # "7", "100 Days": a number is not a date, anchor or not
    parsed = _numeric_stamp(text) if languages is None else None
    if parsed is None:
        parsed = _dateparser(text, anchor, languages)
    if parsed is None or parsed.year not in PLAUSIBLE_YEARS:
        return None
    stated = _HAS_YEAR.findall(text)
    if stated and str(parsed.year) not in stated:
        # dateparser fills what it cannot read from today's clock
        # ("2023-11-02T20-59-53Z" came back in the current year): a stamp
        # that states its year is read in that year or not at all.
        return None
    zone = _zone_for(text)
    if zone is not None:
        parsed = parsed.replace(tzinfo=zone)
    elif isinstance(anchor, datetime) and anchor.tzinfo is not None:
        parsed = parsed.replace(tzinfo=anchor.tzinfo)
    if not relative and not _HAS_TIME.search(text):
        return parsed.date()
    if relative and type(anchor) is date:
        return parsed.date()  # counted from a day: the result is a day too
    return parsed
