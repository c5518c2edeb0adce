"""The cleaning stage's contract (issue #14): one stage applies one table whose
rows test a line's element, its text, or both; each list of pieces is judged by
the element rows once; a stamp line is matched and parsed once per parse."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

import articlekit
from articlekit import Page, Pipeline, dates
from articlekit.extractors import (
    BodyExtractor,
    ChromeExtractor,
    DatesExtractor,
    body,
    chrome,
    stamp_lines,
)
from articlekit.extractors import dates as dates_stage
from articlekit.extractors.element_rules import ELEMENT_RULES, judge
from articlekit.extractors.tracing import ElementIndex
from articlekit.pieces import Piece, Shape
from articlekit.rules import (
    BLOCK_RULES,
    CHROME_LINES,
    CLEANING_RULES,
    DATA_LINES,
    BlockRule,
    ChromeRule,
    DataRule,
    chrome_rows,
    class_pattern,
    data_rows,
    element_rows,
    rule_tests,
)
from articlekit.stage import WORKING_FIELDS, Draft, Finding

PARAS = [
    f"Paragraph {n} of the story tells the reader what the harbour council decided "
    "on the ferry timetable at its Tuesday night meeting."
    for n in ("one", "two", "three", "four", "five", "six")
]
CAPTION = "The old ferry at the harbour wall, seen from the council chamber window."
STAMP = "Updated: June 21, 2031 9:45 am"


def page(inner: str) -> str:
    return (
        "<html><head><title>Harbour council moves the ferry</title></head><body><main>"
        f"<article><h1>Harbour council moves the ferry</h1>{inner}</article></main></body></html>"
    )


CAPTION_PAGE = page(
    "".join(f"<p>{p}</p>" for p in PARAS[:3])
    + f'<div class="imageCaption"><p>{CAPTION}</p></div>'
    + "".join(f"<p>{p}</p>" for p in PARAS[3:])
)
STAMP_PAGE = page(f"<p>{STAMP}</p>" + "".join(f"<p>{p}</p>" for p in PARAS))


# --- one table ----------------------------------------------------------------------


def test_the_one_table_holds_element_rows_and_text_rows() -> None:
    tests = {rule_tests(rule) for rule in CLEANING_RULES}
    assert frozenset({"element"}) in tests
    assert frozenset({"text"}) in tests
    assert set(CLEANING_RULES) == {*BLOCK_RULES, *DATA_LINES, *CHROME_LINES}
    assert len(CLEANING_RULES) == len(BLOCK_RULES) + len(DATA_LINES) + len(CHROME_LINES)


def test_the_table_is_in_the_order_the_stage_tries_it() -> None:
    # element rows first, then data rows (moved), then chrome rows (dropped)
    kinds = [type(rule) for rule in CLEANING_RULES]
    order = [BlockRule, DataRule, ChromeRule]
    assert kinds == sorted(kinds, key=order.index)
    assert element_rows() == BLOCK_RULES
    assert (*data_rows(), *chrome_rows()) == (*DATA_LINES, *CHROME_LINES)


def test_the_stages_read_their_rows_from_the_one_table() -> None:
    assert element_rows(CLEANING_RULES) == ELEMENT_RULES
    assert data_rows() == chrome._DATA_ROWS
    assert chrome_rows() == chrome._CHROME_ROWS
    assert (
        tuple(r for r in chrome._DATA_ROWS if r.field in ("published", "updated"))
        == stamp_lines.STAMP_RULES
    )


def test_a_row_can_test_element_and_text_together() -> None:
    credit = BlockRule(
        "caption-credit",
        "a photo credit in a caption box",
        container=class_pattern("caption"),
        text=re.compile(r"(?:photo|foto): .{2,60}", re.IGNORECASE),
        examples=("imageCaption",),
        not_examples=("article-body",),
    )
    assert rule_tests(credit) == frozenset({"element", "text"})
    line = "Photo: Jane Doe"
    markup = page(
        "".join(f"<p>{p}</p>" for p in PARAS)
        + f'<div class="imageCaption"><p>{CAPTION}</p><p>{line}</p></div><p>{line} again</p>'
    )
    index = ElementIndex(Page.from_input(markup).root)
    lines = [*PARAS, CAPTION, line, f"{line} again"]
    pieces = [Piece(text, index.element(text), Shape("paragraph")) for text in lines]
    judged = judge(pieces, (credit,))
    # the caption's other line fails the text test, the line outside the box the element test
    assert [r.text for r in judged.removals("chrome")] == [line]
    assert [r.rule for r in judged.removals("chrome")] == ["caption-credit"]


# --- one cleaning stage ---------------------------------------------------------------


def test_the_body_stage_judges_but_the_cleaning_stage_drops() -> None:
    pg = Page.from_input(CAPTION_PAGE)
    draft = Draft()
    found = BodyExtractor()(pg, draft)
    candidates = [p.text for p in found.values["candidate_pieces"]]
    assert CAPTION in candidates
    assert not found.removed
    verdicts = dict(zip(candidates, found.values["element_verdicts"], strict=True))
    assert verdicts[CAPTION] is not None and verdicts[CAPTION].rule == "caption"
    draft.merge("body", found)
    cleaned = ChromeExtractor()(pg, draft)
    kept = [p.text for p in cleaned.values["pieces"]]
    assert CAPTION not in kept
    assert kept[-len(PARAS) :] == PARAS
    assert [(r.stage, r.rule, r.text) for r in cleaned.removed] == [("chrome", "caption", CAPTION)]


def test_without_the_cleaning_stage_nothing_is_cleaned() -> None:
    article = articlekit.parse(CAPTION_PAGE, pipeline=Pipeline.default().without("chrome"))
    assert CAPTION in article.paragraphs
    assert not any(r.rule == "caption" for r in article.removed)
    assert CAPTION not in articlekit.parse(CAPTION_PAGE).paragraphs


def test_the_new_working_fields_are_known() -> None:
    assert {"element_verdicts", "stamp_lines"} <= WORKING_FIELDS
    assert "element_verdicts" in BodyExtractor.provides
    assert {"element_verdicts", "stamp_lines"} <= ChromeExtractor.reads


@pytest.fixture
def judged_lists(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[list[Piece]]]]:
    """The lists each stage hands the element rows, by stage."""
    seen: dict[str, list[list[Piece]]] = {"body": [], "chrome": []}
    for name, module in (("body", body), ("chrome", chrome)):

        def counting(pieces: Any, *args: Any, _name: str = name, **kwargs: Any) -> Any:
            seen[_name].append(list(pieces))
            return judge(pieces, *args, **kwargs)

        monkeypatch.setattr(module, "judge", counting)
    yield seen


def test_element_rows_judge_each_piece_once(judged_lists: dict[str, list[list[Piece]]]) -> None:
    article = articlekit.parse(CAPTION_PAGE)
    assert CAPTION not in article.paragraphs
    assert judged_lists["chrome"] == []  # the body's verdicts are applied, not judged again
    assert judged_lists["body"]
    pieces = [id(p) for judged in judged_lists["body"] for p in judged]
    assert len(pieces) == len(set(pieces))


def test_candidates_without_verdicts_are_judged_by_the_cleaning_stage(
    judged_lists: dict[str, list[list[Piece]]],
) -> None:
    pg = Page.from_input(CAPTION_PAGE)
    index = ElementIndex(pg.root)
    draft = Draft()
    finding = Finding()
    lines = [*PARAS, CAPTION]
    finding.set(
        "candidate_pieces",
        tuple(Piece(t, index.element(t), Shape("paragraph")) for t in lines),
        "own-body",
    )
    draft.merge("own-body", finding)
    cleaned = ChromeExtractor()(pg, draft)
    assert len(judged_lists["chrome"]) == 1
    assert [p.text for p in cleaned.values["pieces"]] == PARAS
    assert [r.rule for r in cleaned.removed] == ["caption"]


# --- date lines read once -------------------------------------------------------------


class _CountingPattern:
    """A stamp row's pattern that counts the lines it is matched against, by
    whichever stage asks (a stage matching the row itself is counted too)."""

    def __init__(self, rule_id: str, pattern: Any, counts: Counter[Any]) -> None:
        self.rule_id, self.pattern, self.counts = rule_id, pattern, counts

    def fullmatch(self, text: str, *args: Any) -> Any:
        self.counts[(self.rule_id, text)] += 1
        return self.pattern.fullmatch(text, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Counter[Any], Counter[Any]]]:
    """Matches of the stamp rows, by (row, line), and stamp parses, by
    (value, anchor, dateparser allowed), wherever they are asked for."""
    matched: Counter[Any] = Counter()
    parsed: Counter[Any] = Counter()
    real_parse = dates.parse_stamp

    def counting_parse(value: str, **kwargs: Any) -> Any:
        key = (value, kwargs.get("anchor"), kwargs.get("allow_dateparser", True))
        parsed[key] += 1
        return real_parse(value, **kwargs)

    for module in (stamp_lines, chrome, dates_stage):
        monkeypatch.setattr(module, "parse_stamp", counting_parse, raising=False)
    originals = [(rule, rule.pattern) for rule in stamp_lines.STAMP_RULES]
    for rule, pattern in originals:  # frozen rows: set past the dataclass guard
        object.__setattr__(rule, "pattern", _CountingPattern(rule.id, pattern, matched))
    try:
        yield matched, parsed
    finally:
        for rule, pattern in originals:
            object.__setattr__(rule, "pattern", pattern)


def test_a_stamp_line_is_matched_and_parsed_once(
    reads: tuple[Counter[Any], Counter[Any]],
) -> None:
    matched, parsed = reads
    article = articlekit.parse(STAMP_PAGE, url="https://example.com/news/ferry")
    # both stages used the line: the dates stage read the update from it,
    # the cleaning stage moved it out of the body
    assert article.provenance["updated"] == "dates:visible:stamp-updated"
    assert [r.rule for r in article.removed if r.text == STAMP] == ["stamp-updated"]
    assert STAMP not in article.paragraphs
    assert matched[("stamp-updated", STAMP)] == 1
    assert max(matched.values()) == 1
    value = STAMP.removeprefix("Updated: ")
    assert [key for key in parsed if key[0] == value]
    assert max(n for key, n in parsed.items() if key[0] == value) == 1


def test_the_dates_stage_leaves_the_lines_it_read() -> None:
    finding = DatesExtractor()(Page.from_input(STAMP_PAGE), Draft())
    read = finding.values["stamp_lines"]
    assert isinstance(read, stamp_lines.StampLines)
    [line] = read.lines[STAMP]
    assert (line.rule.id, line.value) == ("stamp-updated", STAMP.removeprefix("Updated: "))


def test_without_the_dates_stage_the_cleaning_stage_reads_stamp_lines_itself() -> None:
    article = articlekit.parse(STAMP_PAGE, pipeline=Pipeline.default().without("dates"))
    assert article.provenance["updated"] == "chrome:line:stamp-updated"
    assert STAMP not in article.paragraphs


def test_a_body_whose_every_line_is_rejected_is_no_body() -> None:
    # Left as candidates, the rejected lines would stand in for the body the
    # cleaning stage emptied: the body stage gives none and records why.
    teasers = [
        f"Teaser number {n} about the harbour council and the new ferry timetable, read it now."
        for n in range(6)
    ]
    markup = "<html><body><main>"
    markup += "".join(
        f'<div class="card"><a href="/story-{n}"><p>{t}</p></a></div>'
        for n, t in enumerate(teasers)
    )
    markup += "</main></body></html>"
    for pipeline in (Pipeline.default(), Pipeline.default().without("chrome")):
        article = articlekit.parse(markup, pipeline=pipeline)
        assert article.paragraphs == ()
        assert [(r.stage, r.rule) for r in article.removed] == [("body", "inside-link")] * 6
