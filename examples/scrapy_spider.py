"""Crawl a news site with Scrapy and save its articles as JSON lines.

    pip install 'articlekit[scrapy]'
    python examples/scrapy_spider.py https://example.com/news/ articles.jsonl

The spider follows links within the start URL's host (two clicks deep) and
yields one item per page that articlekit judges to be an article; pages that
are not pages at all (empty, binary) are logged and counted, and the crawl
goes on. ``ARTICLEKIT_*`` settings (see docs/scrapy.md) apply through
``ScrapyOptions.from_settings``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse

from articlekit import ArticlekitError
from articlekit.scrapy import ScrapyOptions, item_from_article, parse_response


class ArticleSpider(scrapy.Spider):
    name = "articles"
    custom_settings = {"DEPTH_LIMIT": 2}  # noqa: RUF012 (Scrapy reads it from the class)

    def __init__(self, start_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        self.allowed_domains = [urlsplit(start_url).hostname or ""]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        options = ScrapyOptions.from_settings(self.settings)
        try:
            article = parse_response(response, options)
        except ArticlekitError as error:
            self.logger.warning("no article in %s: %s", response.url, error)
            self.crawler.stats.inc_value(f"articlekit/failed/{type(error).__name__}")
        else:
            if article.is_article:
                yield item_from_article(article, options.output)
        if isinstance(response, TextResponse):
            yield from response.follow_all(css="a[href]")


def main(argv: list[str]) -> None:
    start_url, out = argv
    feed = Path(out).resolve().as_uri()
    process = CrawlerProcess(
        settings={"FEEDS": {feed: {"format": "jsonlines"}}, "LOG_LEVEL": "INFO"}
    )
    process.crawl(ArticleSpider, start_url=start_url)
    process.start()


if __name__ == "__main__":
    main(sys.argv[1:])
