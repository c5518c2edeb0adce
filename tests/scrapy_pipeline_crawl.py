"""A real crawl through ``ArticlePipeline``, run by test_scrapy_crawl.py in a
process of its own (Twisted's reactor starts only once per process).

    python tests/scrapy_pipeline_crawl.py START_URL OUT_DIR

The spider yields a page item (``url``, ``html`` bytes, ``encoding`` from the
HTTP header, ``depth``) for every page and follows links on the same host;
the pipeline, configured by ``ARTICLEKIT_*`` settings, turns them into article
items. Writes OUT_DIR/items.jsonl (the feed) and OUT_DIR/stats.json.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse

from articlekit import Pipeline
from articlekit.scrapy import header_charset


def without_tags() -> Pipeline:
    """The factory that ARTICLEKIT_PIPELINE names: the default stages but tags."""
    return Pipeline.default().without("tags")


class PageSpider(scrapy.Spider):
    name = "pages"

    def __init__(self, start_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        self.allowed_domains = ["127.0.0.1"]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        yield {
            "url": response.url,
            "html": response.body,
            "encoding": header_charset(response),
            "depth": response.meta.get("depth"),
        }
        if isinstance(response, TextResponse):
            yield from response.follow_all(css="a[href]")


def main(start_url: str, out: Path) -> None:
    process = CrawlerProcess(
        settings={
            "ITEM_PIPELINES": {"articlekit.scrapy.ArticlePipeline": 300},
            "ARTICLEKIT_PIPELINE": "__main__:without_tags",
            "ARTICLEKIT_OUTPUT": "blocks",
            "ARTICLEKIT_ARTICLES_ONLY": True,
            "LOG_FORMATTER": "articlekit.scrapy.ArticleLogFormatter",
            "FEEDS": {(out / "items.jsonl").resolve().as_uri(): {"format": "jsonlines"}},
            "DEPTH_LIMIT": 1,
            "LOG_LEVEL": "INFO",
        }
    )
    crawler = process.create_crawler(PageSpider)
    process.crawl(crawler, start_url=start_url)
    process.start()
    stats = crawler.stats.get_stats()
    (out / "stats.json").write_text(json.dumps(stats, default=str), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
