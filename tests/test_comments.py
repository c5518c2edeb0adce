"""Readers' comments: extracted into ``Article.comments`` when asked for, never the body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit
from articlekit import Article, Pipeline
from articlekit.batch import ParseOptions
from articlekit.batch.options import pipeline_for
from articlekit.cli import EXIT_OK, main
from articlekit.engines._rows import article_row, row_to_article
from articlekit.extractors.body import BodyExtractor, BodyOptions

FIRST = "I think this is a great idea for the town and its people."
SECOND = "Too expensive. Who pays for all of this in the end, really?"
PAGE = (
    "<html><head><title>Council backs the solar plan</title></head><body><article>"
    "<h1>Council backs the solar plan</h1><p>"
    + "The council voted on the plan after a long debate about the costs. "
    * 6
    + "</p></article>"
    '<div id="comments" class="comments"><h3>2 Comments</h3><ol class="commentlist">'
    f'<li class="comment"><div class="comment-author">Ann</div><p>{FIRST}</p></li>'
    f'<li class="comment"><div class="comment-author">Bob</div><p>{SECOND}</p></li>'
    "</ol></div></body></html>"
)
WITH_COMMENTS = Pipeline.default().replace(
    "body", BodyExtractor(BodyOptions(include_comments=True))
)


def test_comments_are_off_by_default_and_never_in_the_body() -> None:
    article = articlekit.parse(PAGE)
    assert article.comments == ()
    assert "Who pays" not in article.body
    assert "comments" not in article.provenance


def test_asked_for_comments_come_apart_from_the_body() -> None:
    article = articlekit.parse(PAGE, pipeline=WITH_COMMENTS)
    assert article.comments == (FIRST, SECOND)
    assert "Who pays" not in article.body and "great idea" not in article.body
    assert article.body.startswith("The council voted on the plan")
    assert article.provenance["comments"] == "body:trafilatura:comments"


def test_comments_survive_json_and_engine_rows() -> None:
    article = articlekit.parse(PAGE, pipeline=WITH_COMMENTS)
    data = article.to_dict()
    assert data["comments"] == [FIRST, SECOND]
    assert Article.from_json(article.to_json()) == article
    assert row_to_article(article_row(article)) == article
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, Article.json_schema())


def test_a_dict_written_before_comments_existed_still_loads() -> None:
    data = articlekit.parse(PAGE).to_dict()
    del data["comments"]
    assert Article.from_dict(data).comments == ()


def test_parse_options_ask_for_comments() -> None:
    assert pipeline_for(ParseOptions()) is None  # the default pipeline
    pipeline = pipeline_for(ParseOptions(comments=True))
    assert pipeline is not None
    assert articlekit.parse(PAGE, pipeline=pipeline).comments == (FIRST, SECOND)


def test_the_comments_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["parse", str(page), "--comments"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["comments"] == [FIRST, SECOND]
    assert main(["parse", str(page)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["comments"] == []
