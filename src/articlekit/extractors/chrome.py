"""The cleaning stage: drop page furniture from the body, move data lines to fields.

One stage applies the one table, :data:`articlekit.rules.CLEANING_RULES`, to
the body stage's pieces (a paragraph's lines, list items, table rows,
headings), in the table's order:

1. the element rows (where a line sits: captions, teaser cards, share boxes).
   The body stage judged its lists with them when it weighed them and hands
   the verdicts on (``element_verdicts``): they are applied here, not judged
   again. Candidates that come without verdicts (a body stage of one's own)
   are judged here (:mod:`.element_rules`);
2. the text rows: data lines (stamps, tag lists, bylines) moved to their
   fields, then chrome lines dropped. A stamp line the dates stage already
   read is not matched nor parsed again (``stamp_lines``, :mod:`.stamp_lines`).

Figures and players (pieces without text) pass the text rows. Every removal is
recorded with its rule id. When the aggressive group would leave too little
text, the text rows run again without it and the better result is kept (the
safety valve), saying so in ``warnings``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import regex

from ..article import Removal
from ..page import Page
from ..people import clean_authors
from ..pieces import Piece
from ..rules import (
    BYLINE_MAX_PARAGRAPH_INDEX,
    DANGLING_LABEL_MAX_WORDS,
    END_MARKER_MIN_POSITION,
    END_MARKERS,
    RESUME_PROSE_RUN,
    SAFETY_VALVE,
    ChromeRule,
    DataRule,
    SafetyValve,
    chrome_rows,
    data_rows,
)
from ..stage import Draft, Finding
from ..textdump import split_tag_run
from .element_rules import Judged, judge
from .stamp_lines import STAMP_FIELDS, StampLines
from .tracing import is_prose

__all__ = ["ChromeExtractor", "ChromeOptions"]

_WORD = regex.compile(r"\w+")
#: A repeated headline is only looked for in the first paragraphs.
HEADLINE_REPEAT_MAX_INDEX = 2
#: A line there that holds the headline and at most this many characters more
#: (a kicker, a date, a section name) is the headline too...
HEADLINE_REPEAT_MAX_EXTRA_CHARS = 40
#: ...when the headline has at least this many characters: a short one ("Rom")
#: fits inside a first sentence.
HEADLINE_REPEAT_MIN_TITLE_CHARS = 20


@dataclass(frozen=True, slots=True)
class ChromeOptions:
    safety_valve: SafetyValve = SAFETY_VALVE
    #: Set False to keep the aggressive rule group off altogether.
    aggressive: bool = True


@dataclass(slots=True)
class _Pass:
    #: The stage name removals are recorded under.
    stage: str
    kept: list[Piece] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    data: dict[str, tuple[Any, str, str]] = field(
        default_factory=dict
    )  # field -> value, text, rule
    aggressive_fired: bool = False

    def words_kept(self) -> int:
        return sum(len(_WORD.findall(p.text)) for p in self.kept)

    def keeps_a_word(self) -> bool:
        """``words_kept() > 0``, found at the first word instead of counting
        every word of the body (a body of megabytes is counted once, not twice)."""
        return any(_WORD.search(p.text) for p in self.kept)

    def drop(self, text: str, rule: str, reason: str, moved_to: str | None = None) -> None:
        """Record ``text`` as removed by this pass's stage under ``rule``."""
        self.removed.append(
            Removal(stage=self.stage, rule=rule, text=text, reason=reason, moved_to=moved_to)
        )


#: A list bullet as trafilatura writes it ("- "), or one set in the text.
_BULLET = regex.compile(r"^[-•*·▪►]\s+")
#: A line wholly in one pair of brackets: "[Related: ...]", "(Reporting by ...)";
#: not "[button]Send[/button]", whose brackets are two pairs.
_ENCLOSED = regex.compile(r"^\[([^\[\]]*)\]$|^\(([^()]*)\)$")


#: The text rows of the cleaning table, in its order: data rows, then chrome rows.
_DATA_ROWS: tuple[DataRule, ...] = data_rows()
_CHROME_ROWS: tuple[ChromeRule, ...] = chrome_rows()
#: Lines longer than every rule's max_chars skip the rule tables; the slack
#: covers what the rule view strips (a bullet, enclosing brackets).
_LONGEST_CHROME = max(rule.max_chars for rule in _CHROME_ROWS)
#: Each chrome rule with its ``needs`` as one pattern: a line is tried against
#: dozens of rules, and one search beats a Python loop over the fragments.
_RULES_AND_NEEDS = tuple(
    (rule, re.compile("|".join(map(re.escape, rule.needs))) if rule.needs else None)
    for rule in _CHROME_ROWS
)
#: The distinct ``max_chars`` of the chrome rows, ascending, and for each the
#: rows (with their needs) whose ``max_chars`` reaches it, in table order: a
#: line is tried against the rows its length allows, not checked against all.
_ROW_LIMITS = sorted({rule.max_chars for rule in _CHROME_ROWS})
_ROWS_REACHING = tuple(
    tuple((rule, needs) for rule, needs in _RULES_AND_NEEDS if rule.max_chars >= limit)
    for limit in _ROW_LIMITS
)
_LONGEST_DATA = max(rule.max_chars for rule in _DATA_ROWS)
_VIEW_SLACK = 8


def _rule_view(line: str) -> str:
    """The line as rules read it: without a list bullet or enclosing brackets."""
    line = _BULLET.sub("", line)
    enclosed = _ENCLOSED.match(line)
    if enclosed is None:
        return line
    return (enclosed.group(1) if enclosed.group(1) is not None else enclosed.group(2)).strip()


def _is_dangling_label(line: str) -> bool:
    """A short line ending in a colon (see DANGLING_LABEL_MAX_WORDS)."""
    return line.rstrip().endswith(":") and len(line.split()) <= DANGLING_LABEL_MAX_WORDS


class _WordShare:
    """The share of ``full_text``'s words that the kept pieces hold, asked at
    every closing heading: the body's words are counted once and the kept
    pieces' words only as pieces are added (the list only grows while lines
    are read), so a body of many closing headings costs one pass, not one
    pass per heading."""

    __slots__ = ("counted", "full_text", "kept_words", "total")

    def __init__(self, full_text: str) -> None:
        self.full_text = full_text
        self.total: int | None = None
        self.counted = 0
        self.kept_words = 0

    def of(self, kept: list[Piece]) -> float:
        if self.total is None:
            self.total = len(_WORD.findall(self.full_text))
        for piece in kept[self.counted :]:
            self.kept_words += len(_WORD.findall(piece.text))
        self.counted = len(kept)
        return self.kept_words / self.total if self.total else 0.0


def _article_resumes(rest: list[str]) -> bool:
    """True when ``rest`` opens with a run of prose: the article after a mid-text rail.
    Callers hand over only the next RESUME_PROSE_RUN lines: a copy of every
    line to the end, made at each line after a closing heading, was quadratic."""
    run = rest[:RESUME_PROSE_RUN]
    return len(run) == RESUME_PROSE_RUN and all(is_prose(line) for line in run)


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _repeats_title(line: str, title: str) -> bool:
    """True when ``line`` is the headline, alone or with a short kicker, date or
    section name around it ("Thema Verkehr Neue Brücke für den Hafen")."""
    line_key, title_key = _key(line), _key(title)
    if line_key == title_key:
        return True
    return (
        len(title_key) >= HEADLINE_REPEAT_MIN_TITLE_CHARS
        and not line.rstrip().endswith(".")  # a first sentence may restate it
        and title_key in line_key
        and len(line_key) - len(title_key) <= HEADLINE_REPEAT_MAX_EXTRA_CHARS
    )


class ChromeExtractor:
    """The cleaning stage: the cleaning table over the candidate body; the final ``pieces``."""

    name = "chrome"
    provides = frozenset(
        {"pieces", "updated", "updated_text", "published", "published_text", "tags", "authors"}
    )
    requires = frozenset({"candidate_pieces"})
    #: The headline (a repeat of it opens many bodies), the page's address,
    #: the publication day that time-only stamps are anchored to, the element
    #: rows' verdicts on the candidates, and the stamp lines already read.
    reads = frozenset({"title", "canonical_url", "published", "element_verdicts", "stamp_lines"})

    def __init__(self, options: ChromeOptions = ChromeOptions()) -> None:
        self.options = options

    def __call__(self, page: Page, so_far: Draft) -> Finding:
        judged = self._element_rows(list(so_far.get("candidate_pieces") or ()), so_far)
        # The text rows and the safety valve read what the element rows kept.
        candidates = judged.kept
        own_urls = frozenset(
            url for url in (page.url, so_far.get("canonical_url")) if isinstance(url, str) and url
        )
        stamps = so_far.get("stamp_lines")
        if not isinstance(stamps, StampLines):
            stamps = StampLines()  # no dates stage read the page's stamp lines
        strip = functools.partial(self._strip, candidates, so_far, own_urls, stamps)
        first = strip(aggressive=self.options.aggressive)
        chosen, warnings = first, []
        if first.aggressive_fired and self._too_much(candidates, first):
            gentle = strip(aggressive=False)
            if gentle.words_kept() > first.words_kept():
                chosen = gentle
                warnings.append(
                    "chrome: the aggressive rules would have left too little text; "
                    "ran again without them"
                )
        if not chosen.keeps_a_word() and any(p.text for p in candidates):
            # Every line matched a rule: the page is not an article, or the
            # rules are wrong about it. Its text stays, and the caller is told.
            warnings.append(
                "chrome: every line of the body matched a chrome rule; the body is kept uncleaned"
            )
            chosen = _Pass(self.name, kept=list(candidates), data=chosen.data)
        finding = Finding(removed=[*judged.removals(self.name), *chosen.removed], warnings=warnings)
        finding.set("pieces", tuple(chosen.kept), "rules")
        for name, (value, text, rule) in chosen.data.items():
            finding.set(name, value, f"line:{rule}")
            if name in ("updated", "published"):
                finding.set(f"{name}_text", text, f"line:{rule}")
        return finding

    @staticmethod
    def _element_rows(candidates: list[Piece], so_far: Draft) -> Judged:
        """The candidates with the element rows' verdicts: the body stage's,
        judged when it weighed its lists, else judged now."""
        verdicts = so_far.get("element_verdicts")
        if isinstance(verdicts, tuple) and len(verdicts) == len(candidates):
            return Judged(candidates, verdicts)
        return judge(candidates)

    def _too_much(self, candidates: list[Piece], result: _Pass) -> bool:
        valve = self.options.safety_valve
        total = sum(len(_WORD.findall(p.text)) for p in candidates)
        kept = result.words_kept()
        if total == 0:
            return False
        return (total - kept) / total > valve.max_removed_share or (
            kept < valve.min_words_left <= total
        )

    def _strip(
        self,
        pieces: list[Piece],
        so_far: Draft,
        own_urls: frozenset[str],
        stamps: StampLines,
        *,
        aggressive: bool,
    ) -> _Pass:
        result = _Pass(self.name)
        title = so_far.get("title")
        texts = [p.text for p in pieces if p.text]
        full_text = "\n".join(texts)
        lines = [" ".join(text.split()) for text in texts]
        #: The closing heading (a teaser rail's, a sources list's) whose lines are being dropped.
        end_marker: str | None = None
        # A line's chrome rule and whether some data rule could read it depend
        # on its text alone: a body that repeats a line (a broken CMS repeating
        # a paragraph 50,000 times) tries the rule tables once per distinct line.
        rules: dict[str, ChromeRule | None] = {}
        no_data: set[str] = set()
        share = _WordShare(full_text)
        index = -1
        for original in pieces:
            if not original.text:  # a figure or a player: no words for the rules
                result.kept.append(original)
                continue
            index += 1
            # Rules read the line with whitespace collapsed.
            paragraph = lines[index]
            if index <= HEADLINE_REPEAT_MAX_INDEX and title and _repeats_title(paragraph, title):
                reason = "the headline repeated at the top of the body"
                result.drop(paragraph, "headline-repeat", reason, moved_to="title")
                continue
            if paragraph not in no_data and self._data_line(
                index, paragraph, so_far, full_text, result, no_data, stamps
            ):
                continue
            if paragraph in own_urls:
                result.drop(paragraph, "page-url", "the page's own address, printed with the text")
                continue
            if paragraph in rules:
                rule = rules[paragraph]
            else:
                rule = rules[paragraph] = self._chrome_rule(paragraph, aggressive=aggressive)
            if rule is None and end_marker is not None:
                if _article_resumes(lines[index : index + RESUME_PROSE_RUN]):
                    end_marker = None  # a rail inside the article: the text goes on
                else:
                    reason = f"follows the closing heading {end_marker!r}"
                    result.drop(paragraph, "after-end-marker", reason)
                    continue
            if rule is None:
                result.kept.append(original)
                continue
            result.drop(paragraph, rule.id, rule.reason)
            if (
                aggressive
                and rule.id in END_MARKERS
                and share.of(result.kept) >= END_MARKER_MIN_POSITION
            ):
                result.aggressive_fired = True
                end_marker = paragraph
        # A label closing the body ("Related topics:", "Weitere Bildautoren:")
        # announced what the rules above removed; alone it says nothing.
        # Figures and players after it do not make it any less dangling.
        while True:
            last = next(
                (i for i in range(len(result.kept) - 1, -1, -1) if result.kept[i].text), None
            )
            if last is None or not _is_dangling_label(result.kept[last].text):
                break
            label = " ".join(result.kept.pop(last).text.split())
            result.drop(label, "dangling-label", "a label whose list was removed after it")
        return result

    @staticmethod
    def _chrome_rule(paragraph: str, *, aggressive: bool) -> ChromeRule | None:
        if len(paragraph) > _LONGEST_CHROME + _VIEW_SLACK:
            return None  # prose: longer than any chrome rule matches
        paragraph = _rule_view(paragraph)
        at = bisect.bisect_left(_ROW_LIMITS, len(paragraph))
        if at == len(_ROW_LIMITS):
            return None
        lowered = paragraph.lower()
        for rule, needs in _ROWS_REACHING[at]:
            if (
                (aggressive or rule.group == "safe")
                and (needs is None or needs.search(lowered))
                and rule.pattern.fullmatch(paragraph)
            ):
                return rule
        return None

    def _data_line(
        self,
        index: int,
        paragraph: str,
        so_far: Draft,
        full_text: str,
        result: _Pass,
        no_data: set[str],
        stamps: StampLines,
    ) -> bool:
        """Move ``paragraph`` into a field if a data rule accepts it. A line no
        data rule's pattern matches is added to ``no_data`` (whether a matched
        value is accepted depends on where the line is, so only a miss of
        every pattern is a property of the text). Stamp rows are read through
        ``stamps``: a line the dates stage read is not matched again."""
        if len(paragraph) > _LONGEST_DATA + _VIEW_SLACK:
            return False
        view = _rule_view(paragraph)
        matched = False
        for rule in _DATA_ROWS:
            if len(view) > rule.max_chars:
                continue
            if rule.field in STAMP_FIELDS:
                part = stamps.value(rule, view)
            else:
                match = rule.pattern.fullmatch(view)
                part = match.group("value") if match else None
            if part is None:
                continue
            matched = True
            value = self._parse(rule, part, index, so_far, full_text, paragraph, stamps)
            if value is None:
                continue
            result.data.setdefault(rule.field, (value, paragraph, rule.id))
            result.drop(paragraph, rule.id, rule.reason, moved_to=rule.field)
            return True
        if not matched:
            no_data.add(paragraph)
        return False

    @staticmethod
    def _parse(
        rule: DataRule,
        value: str,
        index: int,
        so_far: Draft,
        full_text: str,
        line: str,
        stamps: StampLines,
    ) -> Any:
        if rule.field in STAMP_FIELDS:
            return stamps.parse(value, anchor=so_far.get("published"))
        if rule.field == "tags":
            if is_prose(line):
                return None  # "Tags are sewn into every shirt, …": a sentence, not a list
            # The body to validate tag segments against is everything but this line.
            return tuple(split_tag_run(value, full_text.replace(line, " "))) or None
        if rule.field == "authors":
            if index > BYLINE_MAX_PARAGRAPH_INDEX:
                return None
            return clean_authors([value]) or None
        return None
