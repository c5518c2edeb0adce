"""Published and updated stamps: the arbiter between every date source.

The structured stages (JSON-LD, OpenGraph, meta, microdata) leave their stamps
as hints; this stage weighs them against what the page shows and decides. The
cascade, from most to least trusted:

1. structured stamps (hints, in pipeline order), bare times of day excluded;
2. ``<time datetime>`` elements in the article (labelled "updated" → updated);
3. visible stamps such as "Published June 20, 2018" / "Updated: 9:45 p.m."
   (rule ids of :data:`articlekit.rules.DATA_LINES`);
4. a full date in the URL (``/2018/06/20/``, ``/2023/dec/21/``);
5. the article header's day: the first date after the headline and before
   the body's prose (a date-labelled element first, then any short one);
6. a publication stamp line anywhere on the page but rails and comments,
   else the article's visible update stamp (the only day a reader sees);
7. htmldate's search of the page, when nothing above gave a publication day.

Cross-checks correct a chosen stamp with what readers see, in this order:

* a URL date more than a day *earlier* than the structured publication date
  is the original one (sites re-date articles in their metadata, not in
  their URLs);
* a UTC (or zone-less) stamp whose instant the page also shows in local time
  (a ``<time>`` with an offset, a naive local clock a whole zone offset away,
  "8:00 PM EST …") takes that zone and its day;
* else a UTC stamp takes the zone the page's scripts name as the site's
  (``"timezone": "America/New_York"``), when they name exactly one;
* else a UTC stamp some zone puts on the neighbouring day the page displays
  (or its URL carries) is read as that day; one that is exactly midnight in
  the one zone the page's locale places it in (``<html lang="de">``, see
  :data:`~articlekit.rules.LOCALE_ZONES`) is a day-only value, that local
  day (a US page's 22:00Z, 6 p.m. EDT, keeps its day);
* a publication day the page does not show yields to the update day it does
  show (a re-dated guide or live story), else to the visible publication
  stamp, the header's labelled day or the day of the article's ``<time>``.

Relative stamps ("3 hours ago") count back from the page's own clock, read
from a ``<time>`` whose datetime is absolute and whose text is relative;
never from today's. Stamps inside teaser cards, rails and comments are not
the article's and are skipped. Each correction is reported in ``warnings``.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cached_property
from typing import cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree, html

from ..article import Stamp
from ..dates import parse_iso, parse_stamp, relative_offset
from ..page import Page, cut_long_texts, long_texts
from ..rules import (
    DATE_FOREIGN_CONTAINER_TAGS,
    DATE_FOREIGN_LABELS,
    DATE_FOREIGN_PATTERN,
    HTMLDATE_YEAR_ONLY_DAY,
    LOCALE_ZONES,
    STAMP_STEM_PATTERN,
    SUBTITLE_VOCABULARY,
    UPDATED_LABEL,
)
from ..stage import Draft, Finding
from ._common import (
    article_region,
    class_and_id,
    clean_text,
    in_foreign_part,
    in_non_article_part,
    more_nodes,
    select,
    text_owners,
)
from .stamp_lines import StampLine, StampLines

__all__ = ["DateOptions", "DatesExtractor"]

#: /2018/06/20/ or /2018-06-20/ in an article URL.
URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2]|[a-z]{3})[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)",
    re.IGNORECASE,
)
#: Month abbreviations that URLs use instead of numbers (/2023/dec/21/).
URL_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
#: Text longer than this around a stamp is prose that mentions a date.
MAX_STAMP_CONTEXT_CHARS = 100
#: Date-labelled elements with more text than this are not a date line.
MAX_DATE_ELEMENT_CHARS = 150
#: At most this many date-labelled elements are read (a calendar widget has hundreds).
MAX_DATE_ELEMENTS = 40
#: A URL date earlier than the structured date by more than this is the original.
URL_DATE_TOLERANCE = timedelta(days=1)
#: How many elements after (before) the headline the header may span.
MAX_HEADER_ELEMENTS = 120
MAX_HEADER_ELEMENTS_BEFORE = 15
#: A header element without a date label may still hold nothing but a date
#: (and a word or two): up to this many characters.
MAX_BARE_DATE_CHARS = 40
#: How many ancestors are looked at for a rail around a header date.
MAX_ANCESTORS = 12
#: A dateline opens one of the body's first paragraphs (the first may be an
#: unmarked standfirst): this many are looked at.
MAX_DATELINE_PARAGRAPHS = 2
#: How many characters from its paragraph's start a dateline ends within.
MAX_DATELINE_CHARS = 60
#: A paragraph longer than this is the body's prose: the header has ended.
MIN_PROSE_CHARS = 200
#: A link with more text than this is a headline (of a teaser card).
MIN_HEADLINE_LINK_CHARS = 20
#: Zone offsets that exist (UTC-12 to UTC+14), in steps of a quarter hour.
MAX_ZONE_OFFSET = timedelta(hours=14)
MIN_ZONE_OFFSET = timedelta(hours=12)
ZONE_OFFSET_STEP = timedelta(minutes=15)
#: A site's configured zone as its scripts state it: an IANA name under a
#: key saying "timezone" (``"timezone": "America/New_York"``, WordPress's
#: ``"timezone_string"``, ``{"short": "ET", "long": "Europe/Berlin"}``).
STATED_ZONE = re.compile(
    r"""["']?(?:time_?zone(?:_?string|_?name|_?id)?|tz_?name)["']?\s*[:=]\s*"""
    r"""(?:\{[^{}]{0,80}?)?["']((?:America|Europe|Asia|Africa|Australia|Pacific|Atlantic|"""
    r"""Indian)/[A-Za-z_]+(?:/[A-Za-z_]+)?)["']""",
    re.IGNORECASE,
)
#: Scripts longer than this are bundles, not a page's settings.
MAX_ZONE_SCRIPT_CHARS = 200_000
#: htmldate (the last resort, asked only when no other source gave a day)
#: reads the whole page several times over: XPath over every element, then
#: regexes over the page's serialisation, so a hostile page (100,000 links,
#: one 10 MB text node) costs it seconds. Past these bounds it is asked about
#: a copy cut down to them instead: the first :data:`HTMLDATE_MAX_NODES`
#: nodes in page order (the head and the article's start, where a stamp
#: sits), every text cut to :data:`HTMLDATE_MAX_TEXT_CHARS`. Both are far
#: above real pages, which htmldate keeps reading whole: the largest of the
#: 2,996 dev corpus pages has 10,534 nodes, and a stamp is a few dozen
#: characters that htmldate's text search does not look for in longer
#: segments anyway.
HTMLDATE_MAX_NODES = 15_000
#: See :data:`HTMLDATE_MAX_NODES`. Above the longest text node outside
#: scripts on any dev corpus page (88,737 characters); script and style text
#: is never cut (htmldate reads dates in JSON settings), and it costs htmldate
#: little, since it prunes scripts before its text searches.
HTMLDATE_MAX_TEXT_CHARS = 100_000
#: The visible-stamp scan reads at most this many candidate text nodes (those
#: holding a stamp word) below one root, in page order: a real page has at
#: most 334 (dev corpora), a broken CMS repeating "published" 50,000 times
#: would otherwise have every one read and matched against every stamp rule.
MAX_STAMP_CANDIDATES = 2_000
#: Of an element holding a candidate, at most this many characters are read:
#: a longer one is prose around a date, never a stamp line (a stamp line is
#: at most :data:`MAX_STAMP_CONTEXT_CHARS` once whitespace is collapsed; the
#: most raw text such a line had on a dev corpus page is 1,322 characters).
#: Reading every candidate's whole element would make the scan quadratic
#: when thousands of candidates sit in one huge element.
MAX_STAMP_OWNER_CHARS = 4_000

# A cheap prefilter so only text nodes that could be stamps reach the rules.
_STAMP_WORDS = STAMP_STEM_PATTERN
_DIGIT = re.compile(r"\d")
#: A body's opening dateline: up to a dash (or a colon) within its first words.
_DATELINE = re.compile(r"([^–—:]*?\d[^–—:]*?)\s+(?:[–—]|-(?=\s)|:)")
#: Elements after and just before the headline, in page order, where its header lies.
_AFTER = etree.XPath(f"following::*[position() <= {MAX_HEADER_ELEMENTS}]")
_BEFORE = etree.XPath(f"preceding::*[position() <= {MAX_HEADER_ELEMENTS_BEFORE}]")
_DATE_CLASS_PATTERN = re.compile(r"date|time|datum|posted|publish|byline|meta|zeit|fecha")
#: Text nodes over the htmldate bound (outside scripts and styles), found in C.


@dataclass(frozen=True, slots=True)
class DateOptions:
    #: Ask htmldate (a trafilatura dependency) when no other source gives a day.
    use_htmldate: bool = True


@dataclass(frozen=True, slots=True)
class _Candidate:
    value: Stamp
    text: str
    source: str


def _day(stamp: Stamp) -> date | None:
    if isinstance(stamp, datetime):
        return stamp.date()
    if isinstance(stamp, date):
        return stamp
    return None


def _is_utc_or_naive(stamp: Stamp) -> bool:
    if not isinstance(stamp, datetime):
        return False
    return stamp.tzinfo is None or stamp.utcoffset() == timedelta(0)


def _zone_days(stamp: datetime) -> set[date]:
    """The neighbouring days some zone (UTC-12 to UTC+14) gives a UTC instant."""
    wall = stamp.replace(tzinfo=None)
    try:
        days = {(wall - MIN_ZONE_OFFSET).date(), (wall + MAX_ZONE_OFFSET).date()}
    except OverflowError:  # a stamp at the very edge of the calendar
        return set()
    days.discard(wall.date())
    return days


def _local_form(stamp: datetime, clocks: Iterable[datetime]) -> datetime | None:
    """``stamp`` (UTC, or zone-less read as UTC) in the page's own zone, when
    the page shows the same instant in local time somewhere.

    A local clock whose wall time differs from the UTC wall time by a whole
    zone offset (quarter hours, at most 14 h), to the minute, is that instant
    written in the site's zone. A zone-less ``stamp`` is only read as UTC when
    the local clock carries its offset and that offset is the difference.
    """
    utc_wall = stamp.replace(tzinfo=None, second=0, microsecond=0)
    for clock in clocks:
        wall = clock.replace(tzinfo=None, second=0, microsecond=0)
        diff = wall - utc_wall
        if not diff or abs(diff) > MAX_ZONE_OFFSET or diff % ZONE_OFFSET_STEP:
            continue
        if stamp.tzinfo is None and clock.utcoffset() != diff:
            continue
        try:
            return (stamp.replace(tzinfo=timezone.utc) + diff).replace(tzinfo=timezone(diff))
        except OverflowError:
            return None
    return None


def _locale_midnight(stamp: datetime, zone: tzinfo | None) -> date | None:
    """The local day of a UTC ``stamp`` that is exactly midnight in ``zone``
    (a day-only value stored as local midnight), when that day is not the UTC one.

    Zone-less stamps are left alone: nothing says they are UTC.
    """
    if zone is None or stamp.tzinfo is None:
        return None
    local = stamp.astimezone(zone)
    if local.time() != time(0) or local.date() == stamp.date():
        return None
    return local.date()


def _in_rail(el: html.HtmlElement) -> bool:
    """True when ``el`` sits in navigation, a teaser rail or comments. Unlike
    :func:`in_foreign_part`, an ``<aside>`` is allowed: next to a headline it
    is the article's own meta box (date, author, reading time)."""
    for node in itertools.islice(itertools.chain((el,), el.iterancestors()), MAX_ANCESTORS):
        if node.tag in ("article", "main", "body"):
            return False
        if node.tag == "nav" or DATE_FOREIGN_PATTERN.search(class_and_id(node)):
            return True
    return False


def _dateline(paragraph: html.HtmlElement) -> _Candidate | None:
    """The day of a dateline opening the body: "29.11.2022 – Mehrfach …",
    "BERLIN, June 20, 2018 — The …"."""
    head = _DATELINE.match(clean_text(paragraph.text_content())[:MAX_DATELINE_CHARS])
    if head is None:
        return None
    value = parse_stamp(head.group(1), allow_dateparser=False)
    return _Candidate(value, head.group(1), "dateline") if isinstance(value, date) else None


def _is_lede(paragraph: html.HtmlElement) -> bool:
    """True for a standfirst paragraph (its own or its parent's class says so):
    part of the header, before the date on some layouts."""
    parent = paragraph.getparent()
    keys = class_and_id(paragraph) + (class_and_id(parent) if parent is not None else "")
    return SUBTITLE_VOCABULARY.search(keys) is not None


def _beside_headline_link(el: html.HtmlElement) -> bool:
    """True when an element next to ``el`` is or holds a link as long as a
    headline: ``el`` dates a teaser card or an event, not the article."""
    for sibling in (el.getprevious(), el.getnext()):
        if sibling is None or not isinstance(sibling.tag, str):
            continue
        for link in sibling.iter("a"):
            if len(clean_text(link.text_content())) > MIN_HEADLINE_LINK_CHARS:
                return True
    return False


def _later(a: datetime, b: datetime) -> bool:
    """``a > b``, zone-less stamps read on the other's zone."""
    if (a.tzinfo is None) != (b.tzinfo is None):
        return a.replace(tzinfo=None) > b.replace(tzinfo=None)
    return a > b


def _stamp_lines(
    page: Page,
    root: html.HtmlElement,
    is_outside: Callable[[html.HtmlElement], bool],
    stamps: StampLines,
) -> list[StampLine]:
    """Stamp lines below ``root``: (rule, line, the stamp part), each line
    read with ``stamps`` (the parse's one reader of stamp lines)."""
    out: list[StampLine] = []
    candidates = itertools.islice(text_owners(page, root, _STAMP_WORDS), MAX_STAMP_CANDIDATES)
    for owner, node_text in candidates:
        if is_outside(owner):
            continue
        whole = _bounded_text(owner)
        text = clean_text(whole) if whole is not None else ""
        if whole is None or len(text) > MAX_STAMP_CONTEXT_CHARS:
            text = clean_text(node_text)
        elif not _DIGIT.search(text):
            # A bare label ("Published:"): its value is the text after it
            # or the next element's.
            following = owner.getnext()
            if owner.tail and _DIGIT.search(owner.tail):
                text = f"{text} {clean_text(owner.tail)}"
            elif following is not None and isinstance(following.tag, str):
                value = _bounded_text(following)
                if value is not None:  # a longer one is no stamp's value
                    text = f"{text} {clean_text(value)}"
        found = stamps.first(text)
        if found is not None:
            out.append(found)
        line = clean_text(node_text)
        if line != text:  # one line of a <br> block may be a stamp of its own
            found = stamps.first(line)
            if found is not None:
                out.append(found)
    return out


def _bounded_text(el: html.HtmlElement) -> str | None:
    """``el.text_content()``, or None once it passes :data:`MAX_STAMP_OWNER_CHARS`."""
    parts: list[str] = []
    size = 0
    for part in el.itertext():  # the same text as text_content(), read lazily
        size += len(part)
        if size > MAX_STAMP_OWNER_CHARS:
            return None
        parts.append(part)
    return "".join(parts)


class _PageStamps:
    """The page's own stamps, each kind collected once and only if asked for.

    Published and updated are both looked for among ``<time>`` elements and
    visible stamp lines; one walk serves both fields.
    """

    def __init__(self, page: Page, so_far: Draft, stamps: StampLines) -> None:
        self.page = page
        self.so_far = so_far
        #: Every stamp line is matched and parsed through this one reader.
        self.stamps = stamps

    @cached_property
    def time_elements(self) -> dict[str, list[_Candidate]]:
        """``<time datetime>`` in the article, sorted into updated and published."""
        out: dict[str, list[_Candidate]] = {"published": [], "updated": []}
        for el in self.page.root.iter("time"):
            raw = el.get("datetime") or ""
            value = parse_iso(raw) if raw else None
            if value is None or in_non_article_part(el):
                continue
            label = f"{el.get('class') or ''} {el.get('itemprop') or ''} {el.text_content()}"
            parent = el.getparent()
            if parent is not None:
                label += " " + (parent.text or "")  # "Updated <time>…</time>"
            field = "updated" if UPDATED_LABEL.search(label) else "published"
            text = clean_text(el.text_content()) or raw
            out[field].append(_Candidate(value, text, "time[datetime]"))
        return out

    @cached_property
    def stamp_lines(self) -> list[StampLine]:
        """Visible stamp lines of the article's region: (rule, line, the stamp part)."""
        return _stamp_lines(self.page, self.region, in_non_article_part, self.stamps)

    @cached_property
    def page_stamp_lines(self) -> list[StampLine]:
        """Visible stamp lines anywhere on the page but rails and comments: a
        site's footer line "Published: …" still dates its one article."""
        return _stamp_lines(self.page, self.page.root, in_foreign_part, self.stamps)

    @cached_property
    def page_clock(self) -> datetime | None:
        """When the page was rendered, as the page itself tells: a ``<time>``
        whose datetime is absolute and whose text is relative ("4 hours ago")
        puts the render time at datetime + 4 hours (at least). The latest such
        bound wins; teaser cards count, since one render drew them all."""
        clock: datetime | None = None
        for el in self.page.root.iter("time"):
            raw = el.get("datetime")
            value = parse_iso(raw) if raw else None
            if not isinstance(value, datetime):
                continue
            ago = relative_offset(clean_text(el.text_content()))
            if ago is None:
                continue
            bound = value + ago
            if clock is None or _later(bound, clock):
                clock = bound
        return clock

    @cached_property
    def region(self) -> html.HtmlElement:
        return article_region(self.page, self.so_far)

    @cached_property
    def stated_zone(self) -> tzinfo | None:
        """The one zone the page's scripts name as the site's (see
        :data:`STATED_ZONE`); None when they name none, several, or one this
        machine's zone database lacks."""
        names: set[str] = set()
        for script in self.page.root.iter("script"):
            text = script.text
            if text and len(text) <= MAX_ZONE_SCRIPT_CHARS and "zone" in text.lower():
                names.update(match.group(1) for match in STATED_ZONE.finditer(text))
        if len(names) != 1:
            return None
        try:
            return ZoneInfo(names.pop())
        except (ZoneInfoNotFoundError, ValueError):
            return None

    @cached_property
    def locale_zone(self) -> tzinfo | None:
        """The one zone the page's declared locale places it in (see
        :data:`~articlekit.rules.LOCALE_ZONES`): ``<html lang>``, else
        ``og:locale``; None for a locale spread over several zones."""
        declared = self.page.html_lang or next(iter(self.page.meta.get("og:locale", ())), None)
        if not declared:
            return None
        tag = declared.strip().lower().replace("_", "-")
        name = LOCALE_ZONES.get(tag) or LOCALE_ZONES.get(tag.split("-")[0])
        if name is None:
            return None
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return None

    @cached_property
    def shown(self) -> list[Stamp]:
        """Stamps the article displays, in page order: text of date-labelled
        elements and of ``<time>`` elements in the article's region (cheap
        parsers only; teaser rails and comments skipped). Without a headline
        the article's region is a guess, and the whole page is read."""
        region = self.region if self.so_far.get("title_element") is not None else self.page.root
        elements = self.page.with_class(_DATE_CLASS_PATTERN, within=region)[:MAX_DATE_ELEMENTS]
        elements += list(region.iter("time"))[:MAX_DATE_ELEMENTS]
        out: list[Stamp] = []
        for el in elements:
            if not isinstance(el.tag, str) or el.tag in ("script", "style", "body", "html"):
                continue
            text = clean_text(el.text_content())
            if not text or len(text) > MAX_DATE_ELEMENT_CHARS or in_foreign_part(el):
                continue
            value = parse_stamp(text, allow_dateparser=False)
            if isinstance(value, date):
                out.append(value)
        return out

    @cached_property
    def header_stamps(self) -> tuple[_Candidate | None, _Candidate | None]:
        """Days shown in the article's header: the first in a date-labelled
        element or ``<time>``, and the first in any short element that holds
        little but a date. The header runs from the headline to the body's
        first paragraph of prose (else a few elements before the headline);
        dates further down sit in rails and teaser cards."""
        title = self.so_far.get("title_element")
        labelled: _Candidate | None = None
        bare: _Candidate | None = None
        if title is None:
            return None, None
        for window in (select(_AFTER, title), reversed(select(_BEFORE, title))):
            prose = 0
            for el in window:
                if el.tag == "p" and len(el.text_content()) > MIN_PROSE_CHARS and not _is_lede(el):
                    # The body has started: only a dateline opening one of its
                    # first paragraphs still dates it.
                    bare = bare or _dateline(el)
                    prose += 1
                    if bare is not None or prose == MAX_DATELINE_PARAGRAPHS:
                        break
                    continue
                found = None if prose else self._header_date(el)
                if found is None:
                    continue
                bare = bare or found[0]
                if found[1]:
                    return found[0], bare
        return labelled, bare

    @staticmethod
    def _header_date(el: html.HtmlElement) -> tuple[_Candidate, bool] | None:
        """A day ``el`` shows, and whether ``el`` is labelled as a date."""
        text = clean_text(el.text_content())
        if not text or len(text) > MAX_DATE_ELEMENT_CHARS:
            return None
        labelled = el.tag == "time" or bool(_DATE_CLASS_PATTERN.search(class_and_id(el).lower()))
        if not labelled and (len(text) > MAX_BARE_DATE_CHARS or not _DIGIT.search(text)):
            return None
        if _in_rail(el) or DATE_FOREIGN_LABELS.match(text):
            return None
        value = parse_stamp(text, allow_dateparser=False)
        if isinstance(value, date) and not _beside_headline_link(el):
            return _Candidate(value, text, "header"), labelled
        return None

    @cached_property
    def _header_days(self) -> set[date]:
        return {cast(date, _day(s.value)) for s in self.header_stamps if s is not None}

    @cached_property
    def _element_days(self) -> set[date]:
        return {d for d in map(_day, self.shown) if d is not None}

    @cached_property
    def _line_stamps(self) -> list[Stamp]:
        values = (
            self.stamps.parse(line.value, allow_dateparser=False) for line in self.stamp_lines
        )
        return [value for value in values if isinstance(value, date)]

    def shows(self, day: date) -> bool:
        """Whether the article displays ``day``; the cheapest evidence first."""
        return (
            day in self._header_days
            or day in self._element_days
            or any(_day(value) == day for value in self._line_stamps)
        )

    @cached_property
    def shown_days(self) -> set[date]:
        """Every day the article displays: header, date-labelled elements, stamp lines."""
        days = self._header_days | self._element_days
        days.update(d for d in map(_day, self._line_stamps) if d is not None)
        return days

    def local_clocks(self, *, cheap: bool) -> Iterator[datetime]:
        """Stamps with a time of day that the article shows or marks up in a
        local form: the cheap ones (``<time datetime>``, the header), or the
        others (date-labelled elements, stamp lines)."""
        if cheap:
            for field in ("published", "updated"):
                for candidate in self.time_elements[field]:
                    if isinstance(candidate.value, datetime):
                        yield candidate.value
            for stamp in self.header_stamps:
                if stamp is not None and isinstance(stamp.value, datetime):
                    yield stamp.value
            return
        yield from (s for s in self.shown if isinstance(s, datetime))
        yield from (s for s in self._line_stamps if isinstance(s, datetime))

    def visible(
        self, field: str, anchor: Stamp | None, *, whole_page: bool = False
    ) -> Iterator[_Candidate]:
        """Visible stamps for ``field`` that parse, in page order; time-only ones
        land on ``anchor``'s day."""
        lines = self.page_stamp_lines if whole_page else self.stamp_lines
        for rule, text, value_text in lines:
            if rule.field != field:
                continue
            ago = relative_offset(value_text)
            if ago is not None:  # "3 hours ago": counted from the page's own clock
                value: Stamp | None = self.page_clock - ago if self.page_clock else None
            else:
                value = self.stamps.parse(value_text, anchor=anchor)
            if value is not None:
                yield _Candidate(value, text, f"visible:{rule.id}")


class DatesExtractor:
    """Decides ``published`` and ``updated`` from every date source on the page."""

    name = "dates"
    provides = frozenset({"published", "published_text", "updated", "updated_text", "stamp_lines"})
    requires: frozenset[str] = frozenset()
    #: The headline's element: visible stamps are looked for around it first.
    reads = frozenset({"title_element"})

    def __init__(self, options: DateOptions = DateOptions()) -> None:
        self.options = options

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        finding = Finding()
        if page.text_dump is not None:
            return finding  # a dump's stamps are lines; the chrome stage moves them
        stamps = StampLines()
        seen = _PageStamps(page, so_far, stamps)
        published = so_far.get("published")  # a value the caller gave wins
        if published is None:
            chosen = self._published(page, so_far, seen, finding)
            if chosen is not None:
                finding.set("published", chosen.value, chosen.source)
                finding.set("published_text", chosen.text, chosen.source)
                published = chosen.value
        if so_far.get("updated") is None:
            updated = self._updated(so_far, seen, published)
            if updated is not None:
                finding.set("updated", updated.value, updated.source)
                finding.set("updated_text", updated.text, updated.source)
        if stamps:  # the lines read, for the cleaning stage to move without reading them again
            finding.set("stamp_lines", stamps, "visible")
        return finding

    # -- published -------------------------------------------------------------

    def _published(
        self, page: Page, so_far: Draft, seen: _PageStamps, finding: Finding
    ) -> _Candidate | None:
        chosen = next(iter(self._structured(so_far, "published")), None)
        if chosen is None:
            chosen = next(iter(seen.time_elements["published"]), None)
        if chosen is None:
            chosen = next(seen.visible("published", None), None)
        url_day = self._url_day(page)
        if chosen is not None:
            chosen = self._cross_check(so_far, seen, chosen, url_day, finding)
        elif url_day is not None:
            chosen = _Candidate(url_day, url_day.isoformat(), "url")
        else:
            chosen = (
                seen.header_stamps[0]
                or seen.header_stamps[1]
                or next(seen.visible("published", None, whole_page=True), None)
                or next((c for c in seen.visible("updated", None) if _day(c.value)), None)
            )
            if chosen is None and self.options.use_htmldate:
                chosen = self._htmldate(page)
        return chosen

    def _cross_check(
        self,
        so_far: Draft,
        seen: _PageStamps,
        chosen: _Candidate,
        url_day: date | None,
        finding: Finding,
    ) -> _Candidate:
        day = _day(chosen.value)
        if day is None:
            return chosen
        if url_day is not None and day - url_day > URL_DATE_TOLERANCE:
            finding.warnings.append(
                f"dates: {chosen.source} gives {day.isoformat()}, the URL "
                f"{url_day.isoformat()}: the URL's earlier day is kept"
            )
            return _Candidate(url_day, url_day.isoformat(), "url")
        if isinstance(chosen.value, datetime) and _is_utc_or_naive(chosen.value):
            local = _local_form(chosen.value, seen.local_clocks(cheap=True))
            # The day as written is confirmed by the URL, or shown and not denied by it.
            shown_as_is = day == url_day or (url_day is None and seen.shows(day))
            if local is None and not shown_as_is:
                local = _local_form(chosen.value, seen.local_clocks(cheap=False))
            if local is not None:
                if local.date() != day:
                    finding.warnings.append(
                        f"dates: {chosen.source} {chosen.text!r} is a UTC stamp; the page "
                        f"shows the same instant as {local.isoformat()}, whose day is kept"
                    )
                    return _Candidate(local, chosen.text, f"{chosen.source}+local-zone")
                return chosen
            if shown_as_is:
                return self._shown_update(so_far, seen, chosen, day, url_day, finding)
            zone = seen.stated_zone if chosen.value.utcoffset() == timedelta(0) else None
            if zone is not None and chosen.value.astimezone(zone).date() != day:
                local = chosen.value.astimezone(zone)
                finding.warnings.append(
                    f"dates: {chosen.source} {chosen.text!r} is a UTC stamp; the page states "
                    f"its zone, {zone}, where it is {local.isoformat()}"
                )
                return _Candidate(local, chosen.text, f"{chosen.source}+stated-zone")
            shown = set(seen.shown_days)
            if url_day is not None:
                shown.add(url_day)  # the URL's day is the site's local day too
            if shown and day not in shown:
                near = [d for d in shown if d in _zone_days(chosen.value)]
                if len(near) == 1:
                    finding.warnings.append(
                        f"dates: {chosen.source} {chosen.text!r} is a UTC/zone-less stamp; "
                        f"the page shows {near[0].isoformat()}, which is kept"
                    )
                    return _Candidate(near[0], chosen.text, f"{chosen.source}+visible-day")
            local_day = _locale_midnight(chosen.value, seen.locale_zone)
            if local_day is not None and day not in shown:
                finding.warnings.append(
                    f"dates: {chosen.source} {chosen.text!r} is midnight in the zone of the "
                    f"page's locale ({seen.locale_zone}): a day-only value, "
                    f"{local_day.isoformat()}"
                )
                return _Candidate(local_day, chosen.text, f"{chosen.source}+local-midnight")
        return self._shown_update(so_far, seen, chosen, day, url_day, finding)

    @staticmethod
    def _shown_update(
        so_far: Draft,
        seen: _PageStamps,
        chosen: _Candidate,
        day: date,
        url_day: date | None,
        finding: Finding,
    ) -> _Candidate:
        """The update day, when the page shows it and not the publication day.

        A re-dated page (a buying guide, a live story) displays one day, its
        latest; the structured publication day is then an earlier version's,
        which readers never see. The URL's day, when it is the structured one,
        vouches for it.
        """
        if url_day == day or seen.shows(day):
            return chosen
        shown = seen.shown_days
        if not shown:
            return chosen
        for update in DatesExtractor._structured(so_far, "updated"):
            update_day = _day(update.value)
            if update_day is not None and update_day > day and update_day in shown:
                finding.warnings.append(
                    f"dates: {chosen.source} gives {day.isoformat()}, which the page does not "
                    f"show; it shows the update day {update_day.isoformat()}, which is kept"
                )
                return _Candidate(update.value, update.text, f"{update.source}+visible-day")
        shown_first = (
            next(seen.visible("published", None), None)
            or seen.header_stamps[0]
            or next((c for c in seen.time_elements["published"] if _day(c.value) in shown), None)
        )
        if shown_first is not None and _day(shown_first.value) is not None:
            finding.warnings.append(
                f"dates: {chosen.source} gives {day.isoformat()}, which the page does not "
                f"show; the article shows {shown_first.text!r}, which is kept"
            )
            return shown_first
        return chosen

    # -- updated -----------------------------------------------------------------

    def _updated(
        self, so_far: Draft, seen: _PageStamps, published: Stamp | None
    ) -> _Candidate | None:
        structured = self._structured(so_far, "updated")
        if structured:
            return structured[0]
        if seen.time_elements["updated"]:
            return seen.time_elements["updated"][0]
        return next(seen.visible("updated", published), None)

    # -- sources -----------------------------------------------------------------

    @staticmethod
    def _structured(so_far: Draft, field: str) -> list[_Candidate]:
        texts = {(h.stage, h.source): str(h.value) for h in so_far.hints(f"{field}_text")}
        out = []
        for hint in so_far.hints(field):
            if isinstance(hint.value, time) or not isinstance(hint.value, date):
                continue  # a bare time of day is no publication date
            text = texts.get((hint.stage, hint.source), hint.value.isoformat())
            out.append(_Candidate(hint.value, text, f"{hint.stage}:{hint.source}"))
        return out

    @staticmethod
    def _url_day(page: Page) -> date | None:
        match = URL_DATE.search(page.url or "")
        if not match:
            return None
        month_text = match.group(2)
        month = int(month_text) if month_text.isdigit() else URL_MONTHS.get(month_text.lower())
        if month is None:
            return None
        try:
            return date(int(match.group(1)), month, int(match.group(3)))
        except ValueError:
            return None

    @staticmethod
    def _htmldate(page: Page) -> _Candidate | None:
        """htmldate's search of the whole page, unless every date it can find
        sits in teaser rails and comments, or it found a year only.

        The whole page is asked first: pruning those containers up front
        measured worse, since sites put the same words on the article's own
        wrappers. When the page has such containers, a copy without them is
        asked too; finding nothing there, the whole page's answer was a
        teaser's or a comment's, and no day is given. A page over the
        htmldate bounds (:data:`HTMLDATE_MAX_NODES`) is replaced by its cut
        copy for both questions.
        """
        from htmldate import find_date  # lazy: a trafilatura dependency, imported on need

        # Past the node bound only the markup is searched: the extensive
        # search runs regexes over the serialised text (half a second on the
        # cut copy of a page of 50,000 paragraphs), and our own scan of
        # visible stamps has read that text already.
        extensive = not more_nodes(page.root, HTMLDATE_MAX_NODES)
        bounded = _bounded_for_htmldate(page, over_nodes=not extensive)

        def ask(tree: html.HtmlElement) -> date | None:
            # htmldate reads the tree without changing it
            found = find_date(tree, url=page.url, original_date=True, extensive_search=extensive)
            value = parse_iso(found) if found else None
            return value if isinstance(value, date) else None

        root = page.root if bounded is None else bounded
        day = ask(root)
        if day is None or (day.month, day.day) == HTMLDATE_YEAR_ONLY_DAY:
            return None
        tags = DATE_FOREIGN_CONTAINER_TAGS
        if any(DATE_FOREIGN_PATTERN.search(class_and_id(el)) for el in root.iter(*tags)):
            # the cut copy is this call's own: prune it in place
            tree = page.copy_root() if bounded is None else bounded
            for el in [e for e in tree.iter(*tags) if DATE_FOREIGN_PATTERN.search(class_and_id(e))]:
                parent = el.getparent()
                if parent is not None:
                    parent.remove(el)
            if ask(tree) is None:
                return None
        return _Candidate(day, day.isoformat(), "htmldate")


def _copy_up_to(root: html.HtmlElement, last: html.HtmlElement) -> html.HtmlElement:
    """A copy of ``root`` holding its nodes up to ``last`` in page order: the
    ancestors of ``last`` with their text and tails, the siblings before each
    of them whole, ``last`` without its children. Only what is kept is copied,
    so a page of a million nodes costs the bound, not the page."""
    path = [*reversed(list(last.iterancestors())), last]
    if path[0] is not root:  # ``last`` lies outside ``root``: not expected
        return copy.deepcopy(root)
    top = _shallow_copy(root)
    into = top
    for parent, child in itertools.pairwise(path):
        for sibling in parent:
            if sibling is child:
                break
            into.append(copy.deepcopy(sibling))  # its tail comes along
        copied = _shallow_copy(child) if isinstance(child.tag, str) else copy.deepcopy(child)
        into.append(copied)
        into = copied
    return top


def _shallow_copy(el: html.HtmlElement) -> html.HtmlElement:
    """``el`` with its attributes, text and tail, without its children."""
    copied = el.makeelement(el.tag, el.attrib)
    copied.text, copied.tail = el.text, el.tail
    return copied


def _bounded_for_htmldate(page: Page, *, over_nodes: bool) -> html.HtmlElement | None:
    """A copy of the page cut to the htmldate bounds, or None when it is
    within them (``over_nodes``: it has more than :data:`HTMLDATE_MAX_NODES`).

    The text check runs in C (one XPath), so a page within the bounds costs
    next to nothing more.
    """
    if not over_nodes and not long_texts(page.root, HTMLDATE_MAX_TEXT_CHARS):
        return None
    if over_nodes:  # the node at the bound exists
        last = next(itertools.islice(page.root.iter(), HTMLDATE_MAX_NODES - 1, None))
        tree = _copy_up_to(page.root, last)
    else:
        tree = page.copy_root()
    cut_long_texts(tree, HTMLDATE_MAX_TEXT_CHARS, at_word=False)
    return tree
