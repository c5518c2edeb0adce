"""articlekit.scrapy without a crawl: responses built by hand, the pipeline
driven directly, the settings read from a test crawler."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path
from typing import Any

import pytest

scrapy = pytest.importorskip("scrapy", reason="the Scrapy tests need the extra articlekit[scrapy]")

from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.http import HtmlResponse  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

import articlekit  # noqa: E402
from articlekit import Article, Pipeline  # noqa: E402
from articlekit.scrapy import (  # noqa: E402
    ArticleLogFormatter,
    ArticlePipeline,
    ScrapyOptions,
    article_from_response,
    header_charset,
    item_from_article,
    load_pipeline,
    parse_page,
    parse_response,
)
from articlekit.scrapy import item_pipeline as item_pipeline_module  # noqa: E402

from .scrapy_site import EXAMPLE_PAGE, SITE  # noqa: E402

URL = "https://example.com/lokales/solarpflicht"
GERMAN = EXAMPLE_PAGE.read_bytes()
RUSSIAN = (SITE / "gorsovet.cp1251.html").read_bytes()
SECTIONS = (SITE / "sections.html").read_bytes()
CP1251 = {"Content-Type": "text/html; charset=windows-1251"}


def without_tags() -> Pipeline:
    """A factory for ARTICLEKIT_PIPELINE."""
    return Pipeline.default().without("tags")


NO_TAGS = Pipeline.default().without("tags")


def _pipeline(**settings: Any) -> ArticlePipeline:
    return ArticlePipeline.from_crawler(get_crawler(settings_dict=settings))


def _stats(pipeline: ArticlePipeline) -> dict[str, Any]:
    assert pipeline.stats is not None
    return {k: v for k, v in pipeline.stats.get_stats().items() if k.startswith("articlekit/")}


# -- callbacks: article_from_response ----------------------------------------------


def test_article_from_response_is_parse_of_the_bytes_and_url() -> None:
    item = article_from_response(HtmlResponse(URL, body=GERMAN))
    expected = articlekit.parse(GERMAN, url=URL).to_dict()
    del expected["blocks"]
    assert item == expected
    assert item["title"] == "Stadtrat beschließt Solarpflicht für neue Dächer"
    # Dates stay ISO text beside the raw stamp, ready for a JSON feed.
    assert item["updated"] == "2024-03-12T21:45:00+01:00"
    assert item["updated_text"] == "Aktualisiert am 12.03.2024, 21:45 Uhr"


def test_blocks_output_rebuilds_the_article() -> None:
    item = article_from_response(HtmlResponse(URL, body=GERMAN), ScrapyOptions(output="blocks"))
    assert Article.from_dict(item) == articlekit.parse(GERMAN, url=URL)


def test_the_response_url_after_redirects_is_the_article_url() -> None:
    article = parse_response(HtmlResponse("https://example.com/final", body=GERMAN))
    assert article.url == "https://example.com/final"


def test_the_header_charset_outranks_a_stale_meta_charset() -> None:
    with_header = parse_response(HtmlResponse(URL, body=RUSSIAN, headers=CP1251))
    assert with_header.title == "Горсовет утвердил бюджет на будущий год"
    assert with_header.authors == ("Ирина Петрова",)
    assert with_header.warnings == ()
    # Without the header the page's <meta> (ISO-8859-1) decides: mojibake.
    without = parse_response(HtmlResponse(URL, body=RUSSIAN))
    assert without.title == "Горсовет утвердил бюджет на будущий год".encode("cp1251").decode(
        "cp1252"
    )


def test_options_reach_parse() -> None:
    article = parse_response(HtmlResponse(URL, body=GERMAN), ScrapyOptions(pipeline=NO_TAGS))
    assert article.provenance["tags"] == "jsonld:NewsArticle.keywords"
    with pytest.raises(articlekit.ParseTimeoutError):
        parse_response(HtmlResponse(URL, body=GERMAN), ScrapyOptions(timeout=1e-9))


def test_a_body_that_is_no_page_raises_the_parse_error() -> None:
    with pytest.raises(articlekit.EmptyInputError):
        article_from_response(HtmlResponse(URL, body=b""))


# -- the header charset -------------------------------------------------------------


def _served(body: bytes, charset: str | None) -> Article:
    headers = {"Content-Type": f"text/html; charset={charset}"} if charset else {}
    return parse_response(HtmlResponse(URL, body=body, headers=headers))


def _page(text: str) -> str:
    return f"<html><head><title>{text}</title></head><body><p>{text}</p></body></html>"


def test_a_bom_wins_over_the_header_charset() -> None:
    body = codecs.BOM_UTF8 + _page("Grüße").encode()
    article = _served(body, "windows-1251")
    assert article.title == "Grüße"
    assert article.warnings == articlekit.parse(body).warnings


def test_valid_utf8_wins_over_the_header_charset_with_a_warning() -> None:
    article = _served(_page("Grüße").encode(), "windows-1251")
    assert article.title == "Grüße"
    assert any("'windows-1251'" in w and "overruled" in w for w in article.warnings)


def test_no_charset_is_parse_of_the_bytes() -> None:
    assert _served(RUSSIAN, None) == articlekit.parse(RUSSIAN, url=URL)


def test_broken_utf8_declared_utf8_is_repaired_and_the_header_overruled() -> None:
    body = _page("Grüße").encode() + b"\xe9"
    article = _served(body, "utf-8")
    assert article.title == "Grüße"
    assert any("'utf-8'" in w and "overruled" in w for w in article.warnings)


def test_a_legacy_charset_decodes_the_bytes() -> None:
    article = _served(RUSSIAN, "windows-1251")
    assert article.title == "Горсовет утвердил бюджет на будущий год"
    assert article.warnings == ()


def test_a_charset_the_bytes_contradict_is_overruled_with_a_warning() -> None:
    body = b"<p>caf\xe9 \x81</p>"  # 0x81 has no character in windows-1252
    article = _served(body, "windows-1252")
    notes = [w for w in article.warnings if "'windows-1252'" in w]
    assert len(notes) == 1 and "overruled" in notes[0]
    # Overruled, the bytes are read as if no header had come with them.
    assert article.body == articlekit.parse(body).body


def test_an_unknown_charset_is_ignored_with_a_warning() -> None:
    article = _served(RUSSIAN, "x-no-such-charset")
    assert any("x-no-such-charset" in w and "unknown" in w for w in article.warnings)
    assert article.title == articlekit.parse(RUSSIAN).title


def test_a_str_page_ignores_the_charset() -> None:
    text = RUSSIAN.decode("cp1251")
    article = parse_page(text, URL, "shift_jis")
    assert article == articlekit.parse(text, url=URL)


# -- settings -------------------------------------------------------------------------


def test_default_options() -> None:
    options = ScrapyOptions.from_settings(get_crawler().settings)
    assert options == ScrapyOptions(pipeline=None, output="fields", timeout=None)


def test_options_from_settings() -> None:
    settings = get_crawler(
        settings_dict={
            "ARTICLEKIT_PIPELINE": "tests.test_scrapy:without_tags",
            "ARTICLEKIT_OUTPUT": "blocks",
            "ARTICLEKIT_TIMEOUT": "2.5",
        }
    ).settings
    options = ScrapyOptions.from_settings(settings)
    assert options.output == "blocks"
    assert options.timeout == 2.5
    assert options.pipeline is not None
    assert [stage.name for stage in options.pipeline] == [stage.name for stage in NO_TAGS]


@pytest.mark.parametrize(
    "spec",
    [
        "tests.test_scrapy:without_tags",  # a factory
        "tests.test_scrapy.without_tags",  # the dotted form
        "tests.test_scrapy:NO_TAGS",  # a Pipeline
        "articlekit:Pipeline.default",  # a dotted attribute after the colon
    ],
)
def test_pipeline_specs(spec: str) -> None:
    assert isinstance(load_pipeline(spec), Pipeline)


def test_a_pipeline_object_is_used_as_it_is() -> None:
    assert load_pipeline(NO_TAGS) is NO_TAGS


@pytest.mark.parametrize(
    ("spec", "error"),
    [
        ("no_such_module_here:factory", ImportError),
        ("tests.test_scrapy:no_such_name", AttributeError),
        ("without_tags", ImportError),  # no module part
        ("tests.test_scrapy:URL", TypeError),  # a str, not a Pipeline
        ("tests.test_scrapy:_stats", TypeError),  # a callable that needs arguments
        (42, TypeError),
    ],
)
def test_bad_pipeline_specs_fail_at_start_up(spec: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        _pipeline(ARTICLEKIT_PIPELINE=spec)


@pytest.mark.parametrize(
    "settings",
    [
        {"ARTICLEKIT_OUTPUT": "markdown"},
        {"ARTICLEKIT_TIMEOUT": "soon"},
        {"ARTICLEKIT_TIMEOUT": 0},
    ],
)
def test_bad_settings_fail_at_start_up(settings: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        _pipeline(**settings)


# -- the item pipeline ------------------------------------------------------------


def test_a_page_item_becomes_the_article_item_keeping_its_other_fields() -> None:
    pipeline = _pipeline()
    item = pipeline.process_item({"url": URL, "html": GERMAN, "crawl_id": 7})
    assert item == {"crawl_id": 7, **article_from_response(HtmlResponse(URL, body=GERMAN))}
    assert _stats(pipeline) == {"articlekit/parsed": 1}


def test_html_as_text_and_the_encoding_field() -> None:
    pipeline = _pipeline()
    from_text = pipeline.process_item({"url": URL, "html": RUSSIAN.decode("cp1251")})
    from_bytes = pipeline.process_item({"url": URL, "html": RUSSIAN, "encoding": "windows-1251"})
    assert from_text["title"] == from_bytes["title"] == "Горсовет утвердил бюджет на будущий год"
    assert "encoding" not in from_bytes and "html" not in from_bytes


class PageItem(scrapy.Item):  # type: ignore[misc]
    url = scrapy.Field()
    html = scrapy.Field()


def test_a_scrapy_item_is_read_through_itemadapter() -> None:
    item = _pipeline(ARTICLEKIT_OUTPUT="blocks").process_item(PageItem(url=URL, html=GERMAN))
    assert Article.from_dict(item) == articlekit.parse(GERMAN, url=URL)


@pytest.mark.parametrize("item", [{"url": URL, "title": "a link"}, PageItem(url=URL)])
def test_items_without_html_pass_through(item: Any) -> None:
    pipeline = _pipeline()
    assert pipeline.process_item(item) is item
    assert _stats(pipeline) == {}


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        (b"", "EmptyInputError"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "NotHtmlError"),
        (None, "TypeError"),
    ],
)
def test_a_page_that_fails_is_dropped_and_counted(html: Any, reason: str) -> None:
    pipeline = _pipeline()
    with pytest.raises(DropItem, match=f"articlekit: {URL}: {reason}"):
        pipeline.process_item({"url": URL, "html": html})
    assert _stats(pipeline) == {"articlekit/dropped": 1, f"articlekit/dropped/{reason}": 1}


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"html": GERMAN, "url": b"https://example.com/"}, "url is a bytes, not str"),
        ({"html": RUSSIAN, "encoding": b"cp1251"}, "encoding is a bytes, not str"),
    ],
)
def test_fields_of_the_wrong_type_are_dropped(item: dict[str, Any], message: str) -> None:
    pipeline = _pipeline()
    with pytest.raises(DropItem, match=message):
        pipeline.process_item(item)
    assert _stats(pipeline) == {"articlekit/dropped": 1, "articlekit/dropped/TypeError": 1}


def test_a_page_over_its_time_budget_is_dropped() -> None:
    pipeline = _pipeline(ARTICLEKIT_TIMEOUT=1e-9)
    with pytest.raises(DropItem, match="ParseTimeoutError"):
        pipeline.process_item({"url": URL, "html": GERMAN})
    assert _stats(pipeline)["articlekit/dropped/ParseTimeoutError"] == 1


def test_articles_only_drops_pages_that_are_no_article() -> None:
    pipeline = _pipeline(ARTICLEKIT_ARTICLES_ONLY=True)
    with pytest.raises(DropItem, match="not-article"):
        pipeline.process_item({"url": URL, "html": SECTIONS})
    assert pipeline.process_item({"url": URL, "html": GERMAN})["title"]
    assert _stats(pipeline) == {
        "articlekit/parsed": 2,
        "articlekit/dropped": 1,
        "articlekit/dropped/not-article": 1,
    }
    # Without the setting the same page is an item, with a low score.
    assert _pipeline().process_item({"url": URL, "html": SECTIONS})["article_score"] < 0.5


def test_a_bug_loses_only_its_item_and_is_logged_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: Any) -> Article:
        raise RuntimeError("a bug")

    monkeypatch.setattr(item_pipeline_module, "parse_page", broken)
    pipeline = _pipeline()
    with (
        caplog.at_level(logging.ERROR, logger=item_pipeline_module.__name__),
        pytest.raises(DropItem, match="RuntimeError: a bug"),
    ):
        pipeline.process_item({"url": URL, "html": GERMAN})
    assert _stats(pipeline)["articlekit/dropped/RuntimeError"] == 1
    [record] = caplog.records
    assert record.exc_info is not None and "a bug" in str(record.exc_info[1])


def test_older_scrapy_may_still_pass_the_spider() -> None:
    pipeline = _pipeline()
    assert pipeline.process_item({"url": URL, "html": GERMAN}, object())["title"]


def test_item_from_article_fields_and_blocks() -> None:
    article = articlekit.parse(GERMAN, url=URL)
    assert "blocks" not in item_from_article(article)
    assert item_from_article(article, "blocks") == article.to_dict()


def test_example_page_is_where_the_tests_think() -> None:
    assert Path(EXAMPLE_PAGE).is_file() and (SITE / "index.html").is_file()


@pytest.mark.parametrize(
    ("content_type", "label"),
    [
        ("text/html; charset=windows-1251", "windows-1251"),
        ('text/html; Charset="KOI8-R"', "KOI8-R"),
        ("text/html;charset=utf-8; format=flowed", "utf-8"),
        ("text/html", None),
    ],
)
def test_header_charset_is_the_label_as_written(content_type: str, label: str | None) -> None:
    response = HtmlResponse(URL, body=b"<p>x</p>", headers={"Content-Type": content_type})
    assert header_charset(response) == label


# -- the log formatter ------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "logged"),
    [
        ({"url": URL, "html": GERMAN}, {"url": URL, "html": f"<{len(GERMAN)} bytes>"}),
        (PageItem(url=URL, html="<p>x</p>"), {"url": URL, "html": "<8 characters>"}),
        ({"url": URL, "title": "no page"}, {"url": URL, "title": "no page"}),
    ],
)
def test_dropped_items_are_logged_without_their_page(item: Any, logged: dict[str, Any]) -> None:
    spider = scrapy.Spider.from_crawler(get_crawler(), name="news")
    result = ArticleLogFormatter().dropped(item, DropItem("gone"), None, spider)
    assert dict(result["args"]["item"]) == logged
