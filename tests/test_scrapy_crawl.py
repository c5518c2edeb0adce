"""Real Scrapy crawls of a local site, each in a subprocess of its own
(Twisted's reactor can start only once per process): the example spider
(callback route) and a crawl through ``ArticlePipeline`` (pipeline route)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("scrapy", reason="the Scrapy tests need the extra articlekit[scrapy]")

from articlekit import Article

from .scrapy_site import REPO, build_site, serve

TITLE_DE = "Stadtrat beschließt Solarpflicht für neue Dächer"
TITLE_RU = "Горсовет утвердил бюджет на будущий год"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(build_site(tmp_path_factory.mktemp("site"))) as base_url:
        yield base_url


def _crawl(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return done


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_example_spider_saves_the_articles_of_a_site(site: str, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    done = _crawl(REPO / "examples" / "scrapy_spider.py", f"{site}index.html", str(out))

    items = {item["url"]: item for item in _lines(out)}
    # Only the two article pages; the front page, the section list, the empty
    # page and the 404s are not articles, and the other host is never fetched.
    assert sorted(items) == [f"{site}gorsovet.cp1251.html", f"{site}rathaus-solar.html"]
    german = items[f"{site}rathaus-solar.html"]
    assert german["title"] == TITLE_DE
    assert german["published"] == "2024-03-12T17:30:00+01:00"
    assert german["updated_text"] == "Aktualisiert am 12.03.2024, 21:45 Uhr"
    assert "blocks" not in german  # ARTICLEKIT_OUTPUT defaults to "fields"
    # Read in the charset of the HTTP header, not the stale <meta> (ISO-8859-1).
    russian = items[f"{site}gorsovet.cp1251.html"]
    assert russian["title"] == TITLE_RU
    assert russian["authors"] == ["Ирина Петрова"]
    assert russian["body"].startswith("Городской совет во вторник вечером")
    # The empty page is logged, and the crawl went on past it.
    assert f"no article in {site}empty.html" in done.stderr
    assert "'articlekit/failed/EmptyInputError': 1" in done.stderr


def test_pipeline_crawl_turns_page_items_into_articles(site: str, tmp_path: Path) -> None:
    script = REPO / "tests" / "scrapy_pipeline_crawl.py"
    done = _crawl(script, f"{site}index.html", str(tmp_path))
    stats = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))
    items = {item["url"]: item for item in _lines(tmp_path / "items.jsonl")}

    assert sorted(items) == [f"{site}gorsovet.cp1251.html", f"{site}rathaus-solar.html"]
    german = items[f"{site}rathaus-solar.html"]
    assert german["title"] == TITLE_DE
    assert german["depth"] == 1  # the page item's own fields are kept
    assert "html" not in german and "encoding" not in german
    # ARTICLEKIT_PIPELINE names a pipeline without the tags stage: the tags
    # come from the JSON-LD keywords instead of the page's tag row.
    assert german["provenance"]["tags"] == "jsonld:NewsArticle.keywords"
    # ARTICLEKIT_OUTPUT = "blocks": the item rebuilds the Article exactly.
    rebuilt = Article.from_dict({k: v for k, v in german.items() if k != "depth"})
    assert rebuilt.to_dict() == {k: v for k, v in german.items() if k != "depth"}
    assert items[f"{site}gorsovet.cp1251.html"]["title"] == TITLE_RU

    # index, sections: parsed but no article; empty.html: no page at all.
    assert stats["articlekit/parsed"] == 4
    assert stats["articlekit/dropped"] == 3
    assert stats["articlekit/dropped/not-article"] == 2
    assert stats["articlekit/dropped/EmptyInputError"] == 1
    assert stats["item_dropped_count"] == 3  # Scrapy's own count of DropItem
    assert stats["item_scraped_count"] == 2
    assert stats["finish_reason"] == "finished"
    assert "articlekit: " + f"{site}empty.html: EmptyInputError" in done.stderr
    # ArticleLogFormatter: the dropped items are logged without their pages.
    assert "'html': '<0 bytes>'" in done.stderr
    assert "<!DOCTYPE" not in done.stderr
    # Scrapy 2.13+ warns about pipelines that require the spider argument.
    assert "requires a spider argument" not in done.stderr
