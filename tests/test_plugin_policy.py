"""Field policies, readable diffs and assert_article, without running pytest inside pytest."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import datetime, timezone

import pytest

import articlekit
from articlekit.blocks import Paragraph, Span
from articlekit.testing import Policy, PolicyError, assert_article
from articlekit.testing.diff import describe
from articlekit.testing.policy import body_f1, differing_fields

from .plugin_pages import STORM

URL = "https://harbour-post.example/news/coast-road"


@pytest.fixture(scope="module")
def storm() -> articlekit.Article:
    return articlekit.parse(STORM, URL)


def _with_body(article: articlekit.Article, paragraphs: list[str]) -> articlekit.Article:
    blocks = tuple(Paragraph(spans=(Span(text=p),)) for p in paragraphs)
    return dataclasses.replace(article, blocks=blocks)


def test_unnamed_fields_are_exact_and_named_ones_follow_their_rule(
    storm: articlekit.Article,
) -> None:
    want = storm.to_dict()
    got = dataclasses.replace(storm, title="Something else", article_score=0.1).to_dict()
    assert differing_fields(want, got, Policy()) == ["title", "article_score"]
    ignore = Policy.from_mapping({"article_score": "ignore"}, "test")
    assert differing_fields(want, got, ignore) == ["title"]


def test_tolerant_body_passes_at_the_f1_threshold_and_fails_below(
    storm: articlekit.Article,
) -> None:
    paragraphs = list(storm.paragraphs)
    # One word changed in the last paragraph: a high F1, not an exact match.
    edited = [*paragraphs[:-1], paragraphs[-1].replace("twenty", "thirty")]
    want, got = storm.to_dict(), _with_body(storm, edited).to_dict()
    f1 = body_f1(want["body"], got["body"])
    assert 0.8 < f1 < 1.0
    exact = Policy()
    assert {"body", "blocks", "paragraphs"} <= set(differing_fields(want, got, exact))
    loose = Policy.from_mapping({"body": "tolerant", "min_f1": round(f1 - 0.01, 3)}, "t")
    strict = Policy.from_mapping({"body": "tolerant", "min_f1": round(f1 + 0.01, 3)}, "t")
    # The body family (blocks, paragraphs, word_count) passes or fails with the body.
    assert differing_fields(want, got, loose) == []
    family = {"body", "paragraphs", "blocks", "word_count"}
    assert set(differing_fields(want, got, strict)) == family


def test_tolerant_date_means_the_same_day(storm: articlekit.Article) -> None:
    want = storm.to_dict()
    assert want["published"].startswith("2024-01-19T08:30")
    later = datetime(2024, 1, 19, 22, 0, tzinfo=timezone.utc)
    next_day = datetime(2024, 1, 20, 8, 30, tzinfo=timezone.utc)
    policy = Policy.from_mapping({"published": "tolerant"}, "t")
    same_day = dataclasses.replace(storm, published=later).to_dict()
    other_day = dataclasses.replace(storm, published=next_day).to_dict()
    assert differing_fields(want, same_day, Policy()) == ["published"]
    assert differing_fields(want, same_day, policy) == []
    assert differing_fields(want, other_day, policy) == ["published"]


def test_tolerant_names_are_sets(storm: articlekit.Article) -> None:
    want = dataclasses.replace(storm, tags=("Storm", "Roads")).to_dict()
    got = dataclasses.replace(storm, tags=("roads", "storm")).to_dict()
    assert differing_fields(want, got, Policy()) == ["tags"]
    assert differing_fields(want, got, Policy.from_mapping({"tags": "tolerant"}, "t")) == []


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"headline": "ignore"}, "unknown field 'headline'"),
        ({"title": "loose"}, "title = 'loose'; rules: exact, ignore, tolerant"),
        ({"article_score": "tolerant"}, "article_score cannot be tolerant"),
        ({"min_f1": 1.5}, "min_f1 must be between 0 and 1"),
        ({"min_f1": "high"}, "min_f1 must be a number"),
    ],
)
def test_bad_policy_tables_are_refused_with_the_reason(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(PolicyError, match="pyproject") as info:
        Policy.from_mapping(table, "pyproject.toml [tool.articlekit.fixtures]")
    assert message in str(info.value)


def test_a_page_table_overrides_the_global_one() -> None:
    base = Policy.from_mapping({"title": "ignore", "min_f1": 0.9}, "global")
    page = base.merged({"title": "exact"}, "page")
    assert (base.rule("title"), page.rule("title"), page.min_f1) == ("ignore", "exact", 0.9)


def test_the_body_diff_is_by_paragraph(storm: articlekit.Article) -> None:
    paragraphs = list(storm.paragraphs)
    changed = paragraphs[1].replace("by hand", "with shovels")
    got = _with_body(storm, [paragraphs[0], changed]).to_dict()
    text = describe(storm.to_dict(), got, ["body", "paragraphs", "blocks"], Policy())
    assert "body (exact): body F1" in text
    assert "paragraphs, blocks follow the body" in text
    assert "    @@ paragraph 1 @@" in text  # a run of changes, from one paragraph before
    assert f"    - {paragraphs[1]}" in text
    assert f"    + {changed}" in text
    assert f"    - {paragraphs[2]}" in text  # the dropped last paragraph
    assert "set by:   stage chrome" in text  # the stage that last set the blocks


def test_assert_article_passes_on_the_fields_given(storm: articlekit.Article) -> None:
    assert_article(
        storm,
        {
            "title": "Storm closes the coast road for two days",
            "authors": ("Ada Brennan",),
            "published": datetime(2024, 1, 19, 8, 30, tzinfo=timezone.utc),
            "site_name": "Harbour Post",
        },
    )
    assert_article(storm, storm)


def test_assert_article_fails_with_the_field_values_and_provenance(
    storm: articlekit.Article,
) -> None:
    with pytest.raises(AssertionError) as info:
        assert_article(storm, {"title": "Storm closes the road", "site_name": "Harbour Post"})
    message = str(info.value)
    assert message.startswith("1 field(s) differ: title\n")
    assert 'expected: "Storm closes the road"' in message
    assert 'got:      "Storm closes the coast road for two days"' in message
    assert "set by:   stage headline, source h1" in message


def test_assert_article_fields_and_policy(storm: articlekit.Article) -> None:
    other = dataclasses.replace(storm, title="A different headline")
    assert_article(other, storm, fields=["authors", "body"])
    assert_article(other, storm, policy={"title": "ignore"})
    with pytest.raises(AssertionError, match="title"):
        assert_article(other, storm, fields=["title"])
    with pytest.raises(ValueError, match="not in the expected values"):
        assert_article(storm, {"title": "x"}, fields=["section"])


def test_importing_articlekit_testing_does_not_import_pytest() -> None:
    code = "import sys, articlekit, articlekit.testing; print('pytest' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
