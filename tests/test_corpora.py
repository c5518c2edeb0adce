"""Every page of every corpus in ../shared/corpora: no crash, and a body on >= 98%.

Pages are read from the shared folder, never copied into the repository; the
test skips with a reason when the folder is absent.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import articlekit
from articlekit import ArticlekitError

from .conftest import shared_path

#: Share of pages that must come out with a non-empty body.
MIN_NON_EMPTY_SHARE = 0.98


def _corpora() -> list[Path]:
    root = shared_path("corpora")
    return sorted(p for p in root.iterdir() if (p / "truth.jsonl").exists())


def test_every_corpus_page_parses_without_crashing() -> None:
    corpora = _corpora()
    assert corpora, "no corpus folders found"
    crashes: list[str] = []
    stage_failures: list[str] = []
    library_errors: list[str] = []
    pages = non_empty = 0
    for corpus in corpora:
        for line in (corpus / "truth.jsonl").read_text("utf-8").splitlines():
            record = json.loads(line)
            html = gzip.decompress((corpus / record["file"]).read_bytes())
            pages += 1
            try:
                article = articlekit.parse(html, record.get("url"))
            except ArticlekitError as exc:
                library_errors.append(f"{corpus.name}/{record['id']}: {exc!r}")
                continue
            except Exception as exc:  # the very thing this test exists to catch
                crashes.append(f"{corpus.name}/{record['id']}: {exc!r}")
                continue
            stage_failures += [
                f"{corpus.name}/{record['id']}: {w}"
                for w in article.warnings
                if w.startswith("stage ")
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
