"""Every page of every corpus in ../shared/corpora: no crash, and a body on >= 98%.

Pages are read from the shared folder, never copied into the repository; the
test skips with a reason when the folder is absent.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

import articlekit
from articlekit import Article, ArticlekitError

from .conftest import shared_path
from .markdown_blocks import expected_block_types, markdown_block_types

#: Share of pages that must come out with a non-empty body.
MIN_NON_EMPTY_SHARE = 0.98


def _corpora() -> list[Path]:
    root = shared_path("corpora")
    return sorted(p for p in root.iterdir() if (p / "truth.jsonl").exists())


@dataclass(frozen=True)
class CorpusRun:
    """Every corpus page parsed once, shared by the tests of this module."""

    pages: int
    articles: list[tuple[str, Article]]
    crashes: list[str]
    library_errors: list[str]


@pytest.fixture(scope="module")
def corpus_run() -> CorpusRun:
    corpora = _corpora()
    assert corpora, "no corpus folders found"
    articles: list[tuple[str, Article]] = []
    crashes: list[str] = []
    library_errors: list[str] = []
    pages = 0
    for corpus in corpora:
        for line in (corpus / "truth.jsonl").read_text("utf-8").splitlines():
            record = json.loads(line)
            html = gzip.decompress((corpus / record["file"]).read_bytes())
            pages += 1
            page_id = f"{corpus.name}/{record['id']}"
            try:
                articles.append((page_id, articlekit.parse(html, record.get("url"))))
            except ArticlekitError as exc:
                library_errors.append(f"{page_id}: {exc!r}")
            except Exception as exc:  # the very thing these tests exist to catch
                crashes.append(f"{page_id}: {exc!r}")
    return CorpusRun(pages, articles, crashes, library_errors)


def test_every_corpus_page_parses_without_crashing(corpus_run: CorpusRun) -> None:
    stage_failures: list[str] = []
    non_empty = 0
    pages = corpus_run.pages
    crashes, library_errors = corpus_run.crashes, corpus_run.library_errors
    for page_id, article in corpus_run.articles:
        if True:
            stage_failures += [
                f"{page_id}: {w}" for w in article.warnings if w.startswith("stage ")
            ]
            if article.body.strip():
                non_empty += 1
    assert crashes == [], f"{len(crashes)} pages raised a non-library exception"
    assert stage_failures == [], f"{len(stage_failures)} pages had a failing stage"
    share = non_empty / pages
    assert share >= MIN_NON_EMPTY_SHARE, (
        f"only {non_empty}/{pages} pages ({share:.1%}) have a body; "
        f"library errors: {library_errors[:10]}"
    )


@pytest.mark.parametrize("name", ["scrapinghub-dev", "article-extraction-dataset-dev"])
def test_body_quality_floor(name: str) -> None:
    """A regression guard, far below the measured figures (see README results)."""
    from articlekit.evaluation import articlekit_predict, evaluate, load_corpus

    corpus = load_corpus(shared_path("corpora", name))
    scores = evaluate(corpus, articlekit_predict)
    assert scores.body is not None
    assert scores.body.f1.value >= 0.90, scores.body


def test_every_corpus_article_follows_the_schema_and_round_trips(corpus_run: CorpusRun) -> None:
    validator = jsonschema.Draft202012Validator(Article.json_schema())
    invalid: list[str] = []
    unequal: list[str] = []
    for page_id, article in corpus_run.articles:
        data = json.loads(article.to_json())
        errors = list(validator.iter_errors(data))
        if errors:
            invalid.append(f"{page_id}: {errors[0].message}")
        if Article.from_dict(data) != article:
            unequal.append(page_id)
    assert invalid == []
    assert unequal == []


#: What no HTML rendering may hold, whatever the source page did: a script
#: element, an event attribute or a javascript: address in a tag (page text
#: that mentions "javascript:" is text, escaped).
UNSAFE_HTML = re.compile(
    r"<script|<[^>]*\son[a-z]+\s*=[^>]*>|<[^>]*=\s*[\"']?\s*javascript:[^>]*>", re.IGNORECASE
)


def test_no_corpus_page_renders_unsafe_html(corpus_run: CorpusRun) -> None:
    unsafe = [
        f"{page_id}: {match.group(0)!r}"
        for page_id, article in corpus_run.articles
        if (match := UNSAFE_HTML.search(article.to_html())) is not None
    ]
    assert unsafe == []


def test_markdown_of_every_corpus_page_parses_back_to_its_blocks(corpus_run: CorpusRun) -> None:
    differ: list[str] = []
    for page_id, article in corpus_run.articles:
        body_only = dataclasses.replace(
            article, title=None, subtitle=None, authors=(), published=None, updated=None, tags=()
        )
        if markdown_block_types(body_only.to_markdown()) != expected_block_types(article.blocks):
            differ.append(page_id)
    assert differ == [], f"{len(differ)} of {len(corpus_run.articles)} pages differ: {differ[:5]}"
