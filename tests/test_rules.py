"""The rule tables: every row's examples and not_examples, per language, and
the guarantees the tables give at import (unique ids, compiled patterns) and
at run time (no pathological backtracking).

One test is generated per (table, row, language): each example must be
accepted by its row (and, for rows with phrases, by that language's part of
the row alone), each not_example refused by the whole row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import regex

import articlekit.rules as rules
from articlekit.people import clean_authors, is_organisation, looks_like_person
from articlekit.rules import (
    BYLINE_LABEL_ONLY,
    BYLINE_LINE,
    BYLINE_PREFIX,
    CHROME_LINES,
    DATA_LINES,
    INNER_BY,
    POSTED_BY,
    STAMP_STEM_PATTERN,
    STAMP_WORDS,
    TABLES,
    UPDATED_LABEL,
    BlockRule,
    ChromeRule,
    DataRule,
    OrganisationWords,
    PeopleWords,
    RegexRow,
    RuleTableError,
    StampWords,
    Vocabulary,
    examples_of,
    validate,
)
from articlekit.rules._types import class_tokens, class_words, phrases

# --- generated: one test per (table, row, language) ----------------------------------


def _stamp_rule(row: StampWords) -> DataRule:
    return next(r for r in DATA_LINES if r.id == f"stamp-{row.field}")


def _accepts(row: object, text: str, lang: str) -> bool:
    """Whether ``row`` accepts ``text``; with phrases, also ``lang``'s part alone."""
    if isinstance(row, PeopleWords):
        return clean_authors([text]) == ()
    if isinstance(row, OrganisationWords):
        return is_organisation(text) or not looks_like_person(text)
    if isinstance(row, StampWords):
        match = _stamp_rule(row).language_pattern(row.lang).fullmatch(text)
        return match is not None and bool(match.group("value"))
    if isinstance(row, ChromeRule | DataRule | RegexRow):
        whole = row.accepts(text)
        part = row.language_pattern(lang)
        method = getattr(part, getattr(row, "mode", "fullmatch"))
        return whole and method(text) is not None
    accepts: Callable[[str], bool] = getattr(row, "accepts", None) or (lambda _: False)
    return accepts(text)


def _refuses(row: object, text: str) -> bool:
    if isinstance(row, PeopleWords):
        return clean_authors([text]) == (text,)
    if isinstance(row, OrganisationWords):
        return not is_organisation(text)
    if isinstance(row, StampWords):
        return _stamp_rule(row).pattern.fullmatch(text) is None
    accepts: Callable[[str], bool] = getattr(row, "accepts", None) or (lambda _: False)
    return not accepts(text)


def _cases() -> Iterator[Any]:
    for table, rows in TABLES.items():
        for row in rows:
            for lang, examples, not_examples in examples_of(row):
                row_id = row.id
                yield pytest.param(row, lang, examples, not_examples, id=f"{table}:{row_id}:{lang}")


@pytest.mark.parametrize(("row", "lang", "examples", "not_examples"), list(_cases()))
def test_row_accepts_its_examples_and_refuses_its_not_examples(
    row: object, lang: str, examples: tuple[str, ...], not_examples: tuple[str, ...]
) -> None:
    assert examples and not_examples
    missed = [text for text in examples if not _accepts(row, text, lang)]
    assert not missed, f"examples not accepted: {missed}"
    wrong = [text for text in not_examples if not _refuses(row, text)]
    assert not wrong, f"not_examples accepted: {wrong}"


def test_every_table_row_is_tested() -> None:
    ids = {param.id for param in _cases()}
    for table, rows in TABLES.items():
        for row in rows:
            assert any(i.startswith(f"{table}:{row.id}:") for i in ids)


# --- consistency between a table and what is compiled from it ------------------------------


@pytest.mark.parametrize("rule", [r for r in CHROME_LINES if r.needs], ids=lambda r: r.id)
def test_chrome_needs_never_hide_an_example(rule: ChromeRule) -> None:
    # ``needs`` is a shortcut: a line the pattern accepts must hold a fragment.
    for _, examples, _ in examples_of(rule):
        for text in examples:
            assert any(part in text.lower() for part in rule.needs), text


@pytest.mark.parametrize("row", STAMP_WORDS, ids=lambda r: r.id)
def test_stamp_stems_find_every_example_and_phrase(row: StampWords) -> None:
    # The prefilter may never hide a stamp line of the table.
    for text in row.examples:
        assert STAMP_STEM_PATTERN.search(text), text
    for phrase in row.phrases:
        assert any(regex.search(stem, phrase, regex.I) for stem in row.stems), phrase
    if row.field == "updated":
        # the <time> label test knows the row's language
        assert any(UPDATED_LABEL.search(text) for text in row.examples), row.id
    else:
        assert not row.label_stems
        for text in row.examples:
            assert not UPDATED_LABEL.search(text), text


def test_updated_words_have_one_home() -> None:
    # The stamp rule, the prefilter and the <time> label all read STAMP_WORDS.
    updated = next(r for r in DATA_LINES if r.id == "stamp-updated")
    for row in STAMP_WORDS:
        if row.field != "updated":
            continue
        for text in row.examples:
            assert updated.pattern.fullmatch(text), text
            assert STAMP_STEM_PATTERN.search(text), text
        assert any(UPDATED_LABEL.search(text) for text in row.examples), row.id


@pytest.mark.parametrize(
    ("text", "prefix", "line", "label_only", "inner"),
    [
        ("By Jane Doe", "By ", True, False, True),
        ("Von: Max Muster", "Von: ", True, False, False),
        ("Par Jeanne Dupont", "Par ", True, False, True),
        ("di Marco Rossi", "di ", True, False, False),
        ("Autorin Erika Muster", "Autorin ", True, False, False),
        ("Authors: Jane Doe, John Roe", "Authors: ", True, False, False),
        ("Author", None, True, True, False),
        ("Par", None, True, True, False),
        # "Di" alone is a German weekday, "door" an English word: weak words
        # introduce names only at the start of a byline.
        ("Di", None, True, False, False),
        ("Harbor Notes | 3 June | by Jane Doe", None, False, False, True),
        ("Harbor Notes | 3 June | di Marco Rossi", None, False, False, False),
        ("Byron Bay is lovely", None, False, False, False),
    ],
)
def test_byline_words_have_one_home(
    text: str, prefix: str | None, line: bool, label_only: bool, inner: bool
) -> None:
    found = BYLINE_PREFIX.match(text)
    assert (found.group(0) if found else None) == prefix
    assert bool(BYLINE_LINE.match(text)) is line
    assert bool(BYLINE_LABEL_ONLY.match(text)) is label_only
    assert bool(INNER_BY.search(text)) is inner


def test_posted_by_reads_the_stamp_verbs_of_the_byline_table() -> None:
    assert POSTED_BY.match("Posted on 2031-06-03 by Jane Doe")
    assert POSTED_BY.match("Veröffentlicht am 3. Juni von Max Muster")
    assert not POSTED_BY.match("Posted on 2031-06-03 di Marco Rossi")


def test_every_public_name_is_exported() -> None:
    for name in rules.__all__:
        assert hasattr(rules, name), name


# --- validation at import ------------------------------------------------------------------


def _vocabulary(row_id: str) -> Vocabulary:
    return Vocabulary(row_id, "test", regex.compile("x"), ("x",), ("y",))


def test_duplicate_ids_across_tables_raise() -> None:
    with pytest.raises(RuleTableError, match=r"B: the id 'dup' is used twice \(also in A\)"):
        validate({"A": (_vocabulary("dup"),), "B": (_vocabulary("dup"),)})


def test_a_row_without_not_examples_raises() -> None:
    row = Vocabulary("lonely", "test", regex.compile("x"), ("x",), ())
    with pytest.raises(RuleTableError, match=r"T.lonely \[\*\]: no not_examples"):
        validate({"T": (row,)})


def test_a_language_without_examples_raises() -> None:
    rule = ChromeRule(
        "half",
        "test",
        (
            phrases("en", "ok", examples=("ok",), not_examples=("no",)),
            phrases("de", "gut"),
        ),
    )
    with pytest.raises(RuleTableError, match=r"T.half \[de\]: no examples"):
        validate({"T": (rule,)})


def test_an_unknown_language_raises() -> None:
    rule = ChromeRule("xx", "test", (phrases("xx", "ok", examples=("ok",), not_examples=("n",)),))
    with pytest.raises(RuleTableError, match="unknown language 'xx'"):
        validate({"T": (rule,)})


def test_a_pattern_that_does_not_compile_raises_naming_its_row() -> None:
    with pytest.raises(RuleTableError, match=r"chrome rule 'broken': the pattern does not compile"):
        ChromeRule("broken", "test", (phrases("en", "(unclosed", examples=("x",)),))


def test_a_chrome_row_with_needs_is_compiled_when_first_tried() -> None:
    # Its phrases are checked as it is built; the pattern waits for a line.
    with pytest.raises(RuleTableError, match=r"slot \{verb\} has no phrases"):
        ChromeRule("slotless", "test", (phrases("en", "x"),), template="{verb}", needs=("x",))
    lazy = ChromeRule("lazy", "test", (phrases("en", "(unclosed"),), needs=("x",))
    with pytest.raises(RuleTableError, match=r"chrome rule 'lazy': the pattern does not compile"):
        lazy.accepts("x")


@pytest.mark.parametrize("rule", CHROME_LINES, ids=lambda r: r.id)
def test_every_shipped_chrome_row_compiles(rule: ChromeRule) -> None:
    assert rule.pattern.flags & regex.IGNORECASE


def test_a_template_slot_without_phrases_raises() -> None:
    with pytest.raises(RuleTableError, match=r"slot \{verb\} has no phrases"):
        ChromeRule("slotless", "test", (phrases("en", "x"),), template="{verb}|{phrases}")


def test_the_shipped_tables_validate() -> None:
    validate(TABLES)


# --- linear time (issue #13) -----------------------------------------------------------------

#: A bound on pathological behaviour, not a speed benchmark: every pattern
#: must finish on 10 kB of bait built from its own examples in this time.
MAX_SECONDS_PER_10KB = 0.05
BAIT_CHARS = 10_000


def _bait(examples: tuple[str, ...]) -> list[str]:
    """Backtracking bait from a row's examples: long repetitions of their
    fragments (whole, halves, single words), each with a tail that fails."""
    fragments: list[str] = []
    for text in examples:
        fragments += [text, text[: len(text) // 2], *text.split()[:3]]
    baits = []
    for glue in (" ", "", " | "):
        body = glue.join(f for f in fragments if f)
        if not body:
            continue
        repeated = (body + glue) * (BAIT_CHARS // max(len(body), 1) + 1)
        baits.append(repeated[:BAIT_CHARS] + "\x00\x01")
    # one fragment repeated alone: the classic (a+)+ trap
    for text in examples[:3]:
        word = text.split()[0] if text.split() else text
        if word:
            baits.append((word + " ") * (BAIT_CHARS // (len(word) + 1)) + "\x00")
    return baits


def _timed_patterns() -> Iterator[Any]:
    for table, rows in TABLES.items():
        for row in rows:
            row_id = row.id
            examples = tuple(t for _, ex, nex in examples_of(row) for t in (*ex, *nex))
            pattern = getattr(row, "pattern", None)
            if isinstance(row, BlockRule):
                pattern = row.container
            if pattern is None or not hasattr(pattern, "search"):
                continue
            mode = getattr(
                row, "mode", "fullmatch" if isinstance(row, ChromeRule | DataRule) else "search"
            )
            yield pytest.param(pattern, mode, examples, id=f"{table}:{row_id}")
    compiled = {
        "BYLINE_PREFIX": (BYLINE_PREFIX, "match"),
        "BYLINE_LINE": (BYLINE_LINE, "match"),
        "BYLINE_LABEL_ONLY": (BYLINE_LABEL_ONLY, "match"),
        "INNER_BY": (INNER_BY, "search"),
        "POSTED_BY": (POSTED_BY, "match"),
        "STAMP_STEM_PATTERN": (STAMP_STEM_PATTERN, "search"),
        "UPDATED_LABEL": (UPDATED_LABEL, "search"),
    }
    byline_examples = tuple(t for row in rules.BYLINE_WORDS for t in row.examples)
    for name, (pattern, mode) in compiled.items():
        yield pytest.param(pattern, mode, byline_examples, id=name)


@pytest.mark.parametrize(("pattern", "mode", "examples"), list(_timed_patterns()))
def test_patterns_take_linear_time_on_backtracking_bait(
    pattern: Any, mode: str, examples: tuple[str, ...]
) -> None:
    method = getattr(pattern, mode)
    for bait in _bait(examples):
        start = time.perf_counter()
        method(bait)
        elapsed = time.perf_counter() - start
        assert elapsed < MAX_SECONDS_PER_10KB * len(bait) / BAIT_CHARS, (
            f"{elapsed * 1000:.1f} ms on {len(bait)} chars of bait {bait[:60]!r}"
        )


# --- class/id vocabularies match whole tokens ----------------------------------------------


def test_class_words_match_tokens_and_camel_case_steps() -> None:
    footer = class_words("footer")
    assert footer.search("site-footer")
    assert footer.search("footerLinks")
    assert footer.search("cbsFooter")
    assert not footer.search("footers")


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("share", True),
        ("share-bar", True),
        ("article__share", True),
        ("shareBar", True),
        ("post shareTools", True),
        ("shared-history", False),
        ("SHARED", False),
        ("share2", False),
        ("timeshare", False),
    ],
)
def test_class_tokens_match_whole_tokens(value: str, found: bool) -> None:
    assert bool(class_tokens("share").search(value)) is found


def test_camel_class_tokens_also_start_at_a_camel_step() -> None:
    author = class_tokens("authors?", camel=True)
    assert author.search("postAuthor")
    assert author.search("article-authors")
    assert not author.search("authority")
    assert not class_tokens("authors?").search("postAuthor")


@pytest.mark.parametrize(
    "table",
    ["BLOCK_RULES", "BLOCK_VOCABULARIES", "TITLE_ROWS", "DATE_VOCABULARIES"],
)
def test_no_class_vocabulary_takes_a_longer_word_for_share(table: str) -> None:
    # issue #12: "shared-history" lost all its prose as a share box.
    for row in TABLES[table]:
        pattern = row.container if isinstance(row, BlockRule) else getattr(row, "pattern", None)
        if pattern is None:
            continue
        for value in ("shared-history", "sharing-settings"):
            assert not pattern.search(value), (row.id, value)
