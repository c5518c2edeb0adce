"""The row types of the rule tables, and how their phrases become patterns.

A rule's words are written per language (:class:`Phrases`), each language with
its own examples and counterexamples; the row compiles them into the one
pattern the code matches with. Tables are checked when they are built
(:func:`validate`): a row whose pattern does not compile, a duplicate id or a
row without examples raises :class:`RuleTableError` at import, naming the
table, the row and the language. (A chrome row with ``needs`` is compiled
when first tried, see :class:`ChromeRule`; the tests compile every row.)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import regex

__all__ = [
    "CAMEL_TOKEN_START",
    "LANGUAGES",
    "LINE_FLAGS",
    "SLOT",
    "TOKEN_END",
    "TOKEN_START",
    "ChromeRule",
    "DataRule",
    "Group",
    "P",
    "Phrases",
    "RegexRow",
    "Row",
    "RuleTableError",
    "Vocabulary",
    "class_pattern",
    "class_tokens",
    "class_words",
    "compile_line",
    "phrases",
    "validate",
]

#: Language codes a row's phrases may be written in; ``*`` marks phrases of no
#: language (symbols, addresses, class names, numbers).
LANGUAGES: frozenset[str] = frozenset({"*", "en", "de", "fr", "es", "it", "pl", "pt", "nl"})

#: Where a row's template takes the alternation of its phrases.
SLOT = "{phrases}"

LINE_FLAGS = regex.IGNORECASE | regex.UNICODE

Group = Literal["safe", "aggressive"]


class Row(Protocol):
    """What every table row has: an id, unique across all tables."""

    @property
    def id(self) -> str: ...


class RuleTableError(ValueError):
    """A rule table is malformed: raised at import, naming table, row and language."""


@dataclass(frozen=True, slots=True)
class Phrases:
    """One language's alternatives of a rule, with the lines that show them.

    ``alternatives`` are regular-expression fragments; the row joins every
    language's fragments into one alternation. ``examples`` must match the
    row (and this language's part of it); ``not_examples`` must not match
    the row at all.
    """

    lang: str
    alternatives: tuple[str, ...]
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    #: The template slot (``{name}``) these alternatives fill.
    slot: str = "phrases"


def phrases(
    lang: str,
    *alternatives: str,
    examples: Sequence[str] = (),
    not_examples: Sequence[str] = (),
    slot: str = "phrases",
) -> Phrases:
    """A :class:`Phrases` with its alternatives given positionally."""
    return Phrases(lang, tuple(alternatives), tuple(examples), tuple(not_examples), slot)


#: The short name the tables use for :func:`phrases`.
P = phrases

#: A template slot: ``{name}`` in lower-case letters (``\p{Lu}`` and ``{3,60}``
#: are not slots).
_SLOT = re.compile(r"\{([a-z_]+)\}")
#: What a slot without phrases in the wanted language becomes: never a match.
_NEVER = "(?!)"


def fill(
    where: str, template: str, row_phrases: Iterable[Phrases], langs: set[str] | None = None
) -> str:
    """``template`` with each slot replaced by the alternation of its phrases
    (only those of ``langs`` when given)."""
    by_slot: dict[str, list[str]] = {}
    for p in row_phrases:
        if not p.alternatives:
            continue  # a language's examples of the whole row
        by_slot.setdefault(p.slot, [])
        if langs is None or p.lang in langs:
            by_slot[p.slot].extend(p.alternatives)

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in by_slot:
            raise RuleTableError(f"{where}: the template's slot {{{name}}} has no phrases")
        alternatives = by_slot[name]
        return "(?:" + "|".join(alternatives) + ")" if alternatives else _NEVER

    source = _SLOT.sub(one, template)
    unused = set(by_slot) - set(_SLOT.findall(template))
    if unused:
        raise RuleTableError(f"{where}: phrases for slots the template lacks: {sorted(unused)}")
    return source


def compile_line(where: str, source: str, flags: int = LINE_FLAGS) -> regex.Pattern[str]:
    """``source`` compiled; ``where`` names the row in the error raised when it is invalid."""
    try:
        return regex.compile(source, flags)
    except regex.error as error:
        raise RuleTableError(
            f"{where}: the pattern does not compile ({error}): {source!r}"
        ) from None


class _PhrasedRow(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def template(self) -> str: ...
    @property
    def phrases(self) -> tuple[Phrases, ...]: ...


def _row_pattern(kind: str, row: _PhrasedRow) -> regex.Pattern[str]:
    where = f"{kind} {row.id!r}"
    return compile_line(where, fill(where, row.template, row.phrases))


def _language_pattern(row: _PhrasedRow, lang: str) -> regex.Pattern[str]:
    """The row's pattern with only ``lang``'s phrases (and those of no language)."""
    if not any(p.lang == lang for p in row.phrases):
        raise KeyError(f"{row.id} has no phrases in {lang!r}")
    where = f"{row.id} [{lang}]"
    return compile_line(where, fill(where, row.template, row.phrases, {lang, "*"}))


@dataclass(frozen=True, slots=True)
class ChromeRule:
    """A line that is page chrome and is dropped from the body.

    The compiled ``pattern`` must match the whole (whitespace-collapsed) line,
    case-insensitively.
    """

    id: str
    reason: str
    phrases: tuple[Phrases, ...]
    #: The pattern around the alternation of the phrases (``{phrases}``).
    template: str = SLOT
    group: Group = "safe"
    #: Lines longer than this are never matched: chrome is short, prose is long.
    max_chars: int = 80
    #: Lower-case fragments of which a matching line holds at least one. Rules
    #: that may match anywhere in a long line (".{0,200}\\bwe earn a
    #: commission") cost a regex walk per position; this cheap substring test
    #: skips them on the ordinary prose line. Empty: always tried.
    needs: tuple[str, ...] = ()
    _pattern: regex.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A row with ``needs`` is compiled when it is first tried: most pages
        # hold none of its fragments, and compiling costs milliseconds a row
        # in every fresh process. Its template and phrases are checked now
        # all the same; the tests compile every row of the shipped tables.
        if self.needs:
            fill(f"chrome rule {self.id!r}", self.template, self.phrases)
        else:
            object.__setattr__(self, "_pattern", _row_pattern("chrome rule", self))

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The row's compiled pattern (see ``needs`` for when it is compiled)."""
        compiled = self._pattern
        if compiled is None:
            compiled = _row_pattern("chrome rule", self)
            object.__setattr__(self, "_pattern", compiled)
        return compiled

    def language_pattern(self, lang: str) -> regex.Pattern[str]:
        """The row's pattern with only ``lang``'s phrases."""
        return _language_pattern(self, lang)

    def accepts(self, text: str) -> bool:
        return self.pattern.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class DataRule:
    """A line that carries a field's value; it is moved, not thrown away.

    The pattern's ``value`` group is the text handed to the field's parser; the
    rule fires only if that parser accepts it.
    """

    id: str
    field: Literal["updated", "published", "tags", "authors"]
    reason: str
    phrases: tuple[Phrases, ...]
    template: str = SLOT
    max_chars: int = 120
    # ``dataclasses.field``: the name ``field`` is this row's attribute.
    pattern: regex.Pattern[str] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", _row_pattern("data rule", self))

    def language_pattern(self, lang: str) -> regex.Pattern[str]:
        return _language_pattern(self, lang)

    def accepts(self, text: str) -> bool:
        match = self.pattern.fullmatch(text)
        return match is not None and bool(match.group("value"))


def class_pattern(pattern: str) -> re.Pattern[str]:
    """A class/id vocabulary: ASCII words, so the faster stdlib ``re`` serves.

    These run over every classed element of a page; ``re`` is several times
    faster than ``regex`` for plain alternations.
    """
    return re.compile(pattern, re.IGNORECASE)


#: Where a class/id token starts: after anything but a letter or digit (``_``
#: and ``-`` part tokens: "article__share", "share-bar")...
TOKEN_START = r"(?<![^\W_])"
#: ...or, for vocabularies that also read camelCase, at a camelCase step
#: ("postAuthor", "imageCaption").
CAMEL_TOKEN_START = r"(?:(?<![^\W_])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))"
#: Where a token ends: before anything but a lower-case letter or digit, and
#: before an upper-case letter only at a camelCase step ("shareBar" holds
#: "share"; "shared-history", "SHARED" and "share2" do not).
TOKEN_END = r"(?!(?-i:[^\W_A-Z]))(?!(?<=(?-i:[^\W_a-z]))(?-i:[A-Z]))"


def class_tokens(words: str, *, camel: bool = False) -> re.Pattern[str]:
    """A class/id vocabulary of whole tokens (issue #12): ``words`` is an
    alternation; each must be a whole token of the value ("share" is found in
    "share-bar" and "article__share", not in "shared-history"). A deliberate
    prefix is written as a stem taking the rest of its token
    (``recommend[a-z0-9]*``) and documented with an example where it is used.
    ``camel``: a token may also start at a camelCase step."""
    start = CAMEL_TOKEN_START if camel else TOKEN_START
    return class_pattern(rf"{start}(?:{words}){TOKEN_END}")


def class_words(words: str) -> re.Pattern[str]:
    """A class/id vocabulary of whole tokens, also in camelCase: "footer" is
    found in "site-footer", "footerLinks" and "cbsFooter", not in "footers"
    nor "commentary" for "comment"."""
    return class_pattern(
        r"(?:(?<![^\W\d_])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))" rf"(?:{words})(?!(?-i:[a-z]))"
    )


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words of class, id or itemprop values (or short labels) that name a part of a page.

    ``pattern`` is searched anywhere in the value; the row's ``examples`` are
    values it must be found in, ``not_examples`` values it must not be.
    """

    id: str
    reason: str
    pattern: re.Pattern[str] | regex.Pattern[str]
    examples: tuple[str, ...]
    not_examples: tuple[str, ...]
    #: ``search`` (anywhere in the value), ``match`` (at its start) or
    #: ``fullmatch`` (the whole value).
    mode: Literal["search", "match", "fullmatch"] = "search"

    def accepts(self, text: str) -> bool:
        return getattr(self.pattern, self.mode)(text) is not None


@dataclass(frozen=True, slots=True)
class RegexRow:
    """A rule that is one pattern with per-language phrases, matched as ``mode`` says."""

    id: str
    reason: str
    phrases: tuple[Phrases, ...]
    template: str = SLOT
    mode: Literal["search", "match", "fullmatch"] = "search"
    pattern: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", _row_pattern("rule", self))

    def language_pattern(self, lang: str) -> regex.Pattern[str]:
        return _language_pattern(self, lang)

    def accepts(self, text: str) -> bool:
        return getattr(self.pattern, self.mode)(text) is not None


def _rows_examples(row: object) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(language, examples, not_examples) of a row, per language where it has phrases."""
    row_phrases = getattr(row, "phrases", None)
    if isinstance(row_phrases, tuple) and row_phrases and isinstance(row_phrases[0], Phrases):
        langs: dict[str, tuple[list[str], list[str]]] = {}
        for p in row_phrases:
            ex, nex = langs.setdefault(p.lang, ([], []))
            ex.extend(p.examples)
            nex.extend(p.not_examples)
        for lang, (ex, nex) in langs.items():
            yield lang, tuple(ex), tuple(nex)
    else:
        yield (
            getattr(row, "lang", "*"),
            tuple(getattr(row, "examples", ())),
            tuple(getattr(row, "not_examples", ())),
        )


def validate(tables: Mapping[str, Sequence[Row]]) -> None:
    """Check rule tables: ids unique across them, known languages, and every
    row (and every language of a row) with examples and not_examples.

    Patterns are compiled as rows are built, so an invalid one has already
    raised by then. Raises :class:`RuleTableError` naming the first fault.
    """
    seen: dict[str, str] = {}
    for table, rows in tables.items():
        for row in rows:
            row_id = getattr(row, "id", None)
            if not isinstance(row_id, str) or not row_id:
                raise RuleTableError(f"{table}: a row without an id: {row!r}")
            if row_id in seen:
                raise RuleTableError(
                    f"{table}: the id {row_id!r} is used twice (also in {seen[row_id]})"
                )
            seen[row_id] = table
            for lang, examples, not_examples in _rows_examples(row):
                if lang not in LANGUAGES:
                    raise RuleTableError(f"{table}.{row_id}: unknown language {lang!r}")
                if not examples:
                    raise RuleTableError(f"{table}.{row_id} [{lang}]: no examples")
                if not not_examples:
                    raise RuleTableError(f"{table}.{row_id} [{lang}]: no not_examples")


def examples_of(row: object) -> Iterator[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(language, examples, not_examples) of ``row``: what tests are generated from."""
    return _rows_examples(row)
