"""One section per standard extractor, on small hand-written pages."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import articlekit
from articlekit import Article, Page
from articlekit.extractors import (
    AuthorsExtractor,
    ChromeExtractor,
    ChromeOptions,
    DatesExtractor,
    HeadlineExtractor,
    JsonLdExtractor,
    MetaExtractor,
    OpenGraphExtractor,
    TagsExtractor,
)
from articlekit.extractors._common import in_non_article_part
from articlekit.extractors.chrome import _rule_view
from articlekit.pieces import text_pieces
from articlekit.rules import CHROME_LINES, END_MARKERS, SafetyValve
from articlekit.stage import Draft, Finding

URL = "https://example.com/news/story"
EDT = timezone(timedelta(hours=-4))

PARAS = (
    "The first paragraph of the article talks about Amazon employees and their letter.",
    "The second paragraph quotes the letter and explains what the software does today.",
    "The third paragraph mentions Donald Trump and the policy of separating families.",
)
BODY_HTML = "".join(f"<p>{p}</p>" for p in PARAS)


def page_html(head: str = "", top: str = "", after: str = "", lang: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (
        f"<html{lang_attr}><head>{head}</head><body>"
        f"<article>{top}{BODY_HTML}</article>{after}</body></html>"
    )


def parse(head: str = "", top: str = "", after: str = "", url: str = URL) -> Article:
    return articlekit.parse(page_html(head, top, after), url)


def ld(obj: Any) -> str:
    text = obj if isinstance(obj, str) else json.dumps(obj)
    return f'<script type="application/ld+json">{text}</script>'


def run_stage(stage: Any, html: str, draft: Draft | None = None, url: str = URL) -> Finding:
    return stage(Page.from_input(html, url), draft or Draft())


def draft_with(**values: Any) -> Draft:
    draft = Draft()
    finding = Finding()
    for name, value in values.items():
        finding.set(name, value, "test")
    draft.merge("given", finding)
    return draft


def hints(finding: Finding, name: str) -> list[Any]:
    return [value for field, value, _ in finding.hints if field == name]


# ======================================================================== jsonld


NEWS = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Amazon employees protest sale of facial recognition tech",
    "datePublished": "2018-06-20T08:00:00-04:00",
    "dateModified": "2018-06-20T21:45:00-04:00",
    "author": [
        {"@type": "Person", "name": "Jane Doe"},
        {"@type": "Organization", "name": "The Hill Staff"},
    ],
    "keywords": "Amazon, Donald Trump",
    "articleSection": "Technology",
    "inLanguage": "en",
    "publisher": {"@type": "Organization", "name": "The Hill"},
    "image": {"@type": "ImageObject", "url": "https://example.com/img.jpg"},
    "description": "Employees wrote a letter.",
}


def test_jsonld_graph() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "The Hill"},
            {k: v for k, v in NEWS.items() if k != "@context"},
        ],
    }
    article = parse(ld(graph))
    assert article.published == datetime(2018, 6, 20, 8, 0, tzinfo=EDT)
    assert article.updated == datetime(2018, 6, 20, 21, 45, tzinfo=EDT)
    assert article.published_text == "2018-06-20T08:00:00-04:00"
    assert article.authors == ("Jane Doe",)
    assert article.tags == ("Amazon", "Donald Trump")
    assert article.section == "Technology"
    assert article.site_name == "The Hill"
    assert article.image == "https://example.com/img.jpg"
    assert article.description == "Employees wrote a letter."
    assert article.provenance["published"] == "dates:jsonld:NewsArticle.datePublished"
    assert article.provenance["updated"] == "dates:jsonld:NewsArticle.dateModified"


def test_jsonld_list_of_objects() -> None:
    objects = [
        {"@type": "BreadcrumbList", "itemListElement": []},
        {
            "@type": "NewsArticle",
            "headline": "List headline of the story",
            "datePublished": "2019-01-02",
            "author": {"@type": "Person", "name": "John Smith"},
            "keywords": ["One", "Two"],
        },
    ]
    article = parse(ld(objects))
    assert article.title == "List headline of the story"
    assert article.published == date(2019, 1, 2)
    assert article.authors == ("John Smith",)
    assert article.tags == ("One", "Two")


@pytest.mark.parametrize(
    "script",
    [
        # trailing commas
        '{"@type": "NewsArticle", "headline": "Broken JSON headline", '
        '"datePublished": "2019-01-02T10:00:00Z", "keywords": ["One", "Two",],}',
        # an HTML comment around the object
        '<!-- {"@type": "NewsArticle", "headline": "Broken JSON headline", '
        '"datePublished": "2019-01-02T10:00:00Z", "keywords": ["One", "Two"]} -->',
        # both, and CDATA
        '//<![CDATA[\n{"@type": "NewsArticle", "headline": "Broken JSON headline", '
        '"datePublished": "2019-01-02T10:00:00Z", "keywords": ["One", "Two",],}\n//]]>',
        # a raw newline inside a string
        '{"@type": "NewsArticle", "headline": "Broken JSON\nheadline", '
        '"datePublished": "2019-01-02T10:00:00Z", "keywords": ["One", "Two"]}',
    ],
)
def test_jsonld_broken_json_is_repaired(script: str) -> None:
    finding = run_stage(JsonLdExtractor(), page_html(ld(script)))
    assert hints(finding, "published") == [datetime(2019, 1, 2, 10, 0, tzinfo=timezone.utc)]
    assert hints(finding, "title") == ["Broken JSON headline"]
    assert hints(finding, "tags") == [("One", "Two")]


def test_jsonld_unparseable_script_is_ignored() -> None:
    article = parse(ld("{this is not json at all") + "<title>Plain title of the page</title>")
    assert article.published is None
    assert not any("jsonld" in w for w in article.warnings)


def test_jsonld_nested_author_objects_and_organisations_left_out() -> None:
    obj = {
        "@type": "NewsArticle",
        "author": [
            {"@type": "Person", "name": "Jane Doe", "url": "https://example.com/jane"},
            {"@type": "Person", "name": {"@value": "John Smith"}},
            {"@type": "Organization", "name": "Reuters"},
            {"@type": "NewsMediaOrganization", "name": "Jane Roe"},
            "By Ann Lee",
        ],
    }
    finding = run_stage(JsonLdExtractor(), page_html(ld(obj)))
    assert hints(finding, "authors") == [("Jane Doe", "John Smith", "Ann Lee")]


def test_jsonld_only_organisation_authors_gives_no_authors() -> None:
    article = parse(ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "AP"}}))
    assert article.authors == ()


def test_jsonld_author_by_id_reference_in_graph() -> None:
    # The Yoast/WordPress shape: the article points at a Person node by @id.
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "headline": "Referenced author story",
                "author": {"@id": "https://example.com/#/schema/person/1"},
            },
            {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Jane Doe"},
        ],
    }
    assert parse(ld(graph)).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        ("Amazon, Donald Trump", ("Amazon", "Donald Trump")),
        ("Amazon;Donald Trump", ("Amazon", "Donald Trump")),
        (["Amazon", "Donald Trump"], ("Amazon", "Donald Trump")),
        (["Amazon, ICE", "Donald Trump"], ("Amazon", "ICE", "Donald Trump")),
    ],
)
def test_jsonld_keywords_string_or_list(keywords: Any, expected: tuple[str, ...]) -> None:
    finding = run_stage(
        JsonLdExtractor(), page_html(ld({"@type": "NewsArticle", "keywords": keywords}))
    )
    assert hints(finding, "tags") == [expected]
    assert parse(ld({"@type": "NewsArticle", "keywords": keywords})).tags == expected


def test_jsonld_article_object_beats_webpage() -> None:
    objects = [
        {"@type": "WebPage", "datePublished": "2017-01-01", "dateModified": "2017-02-02"},
        {"@type": "NewsArticle", "datePublished": "2018-06-20"},
    ]
    finding = run_stage(JsonLdExtractor(), page_html(ld(objects)))
    assert hints(finding, "published")[0] == date(2018, 6, 20)
    assert hints(finding, "updated") == []  # a WebPage's dateModified is not the article's


def test_jsonld_stamp_kinds_and_text() -> None:
    obj = {"@type": "BlogPosting", "datePublished": "June 20, 2018", "dateModified": "2018-06-21"}
    finding = run_stage(JsonLdExtractor(), page_html(ld(obj)))
    # Structured stamps are evidence for the dates stage, which decides.
    assert hints(finding, "published") == [date(2018, 6, 20)]
    assert hints(finding, "published_text") == ["June 20, 2018"]
    assert hints(finding, "updated") == [date(2018, 6, 21)]


def test_jsonld_language_is_an_iso_639_1_code() -> None:
    # FORMAT.md: language is an ISO 639-1 code; the meta stage already
    # normalises "en-US" to "en", JSON-LD inLanguage must agree.
    article = parse(ld({"@type": "NewsArticle", "inLanguage": "en-US"}))
    assert article.language == "en"


def test_jsonld_provenance_names_the_stage_and_key() -> None:
    article = parse(ld(NEWS))
    assert article.provenance["section"] == "jsonld:NewsArticle.articleSection"
    assert article.provenance["authors"] == "authors:jsonld:NewsArticle.author"
    assert article.provenance["tags"] == "tags:jsonld:NewsArticle.keywords"


# ===================================================================== opengraph


def test_opengraph_published_and_modified_are_not_swapped() -> None:
    head = (
        '<meta property="article:modified_time" content="2018-06-21T09:00:00Z">'
        '<meta property="article:published_time" content="2018-06-20T08:00:00Z">'
    )
    article = parse(head)
    assert article.published == datetime(2018, 6, 20, 8, 0, tzinfo=timezone.utc)
    assert article.updated == datetime(2018, 6, 21, 9, 0, tzinfo=timezone.utc)
    assert article.published_text == "2018-06-20T08:00:00Z"
    assert article.updated_text == "2018-06-21T09:00:00Z"
    assert article.provenance["published"] == (
        "dates:opengraph:meta[property=article:published_time]"
    )
    assert article.provenance["updated"] == "dates:opengraph:meta[property=article:modified_time]"


def test_opengraph_updated_time() -> None:
    finding = run_stage(
        OpenGraphExtractor(), page_html('<meta property="og:updated_time" content="2018-06-21">')
    )
    assert hints(finding, "updated") == [date(2018, 6, 21)]
    assert hints(finding, "published") == []


def test_opengraph_fields_and_hints() -> None:
    head = (
        '<meta property="og:site_name" content="The Hill">'
        '<meta property="og:title" content="OG headline of the story">'
        '<meta property="og:description" content="OG description">'
        '<meta property="og:image" content="https://example.com/og.jpg">'
        '<meta property="og:url" content="https://example.com/canonical">'
        '<meta property="article:section" content="Technology">'
        '<meta property="article:tag" content="Amazon">'
        '<meta property="article:tag" content="Donald Trump">'
        '<meta property="article:tag" content="Amazon">'
        '<meta property="article:author" content="https://facebook.com/janedoe">'
        '<meta property="article:author" content="Jane Doe">'
    )
    finding = run_stage(OpenGraphExtractor(), page_html(head))
    assert finding.values["site_name"] == "The Hill"
    assert finding.values["description"] == "OG description"
    assert finding.values["image"] == "https://example.com/og.jpg"
    assert finding.values["section"] == "Technology"
    assert hints(finding, "title") == ["OG headline of the story"]
    assert hints(finding, "canonical_url") == ["https://example.com/canonical"]
    assert hints(finding, "tags") == [("Amazon", "Donald Trump")]
    assert hints(finding, "authors") == [("Jane Doe",)]


def test_opengraph_bad_stamp_is_skipped() -> None:
    head = (
        '<meta property="article:published_time" content="not a date">'
        '<meta property="og:published_time" content="2018-06-20">'
    )
    finding = run_stage(OpenGraphExtractor(), page_html(head))
    assert hints(finding, "published") == [date(2018, 6, 20)]
    assert [src for f, _, src in finding.hints if f == "published"] == [
        "meta[property=og:published_time]"
    ]


# ========================================================================== meta


@pytest.mark.parametrize(
    ("head", "field", "expected", "source"),
    [
        (
            '<meta name="parsely-pub-date" content="2018-06-20T08:00:00Z">',
            "published",
            datetime(2018, 6, 20, 8, 0, tzinfo=timezone.utc),
            "dates:meta:meta[name=parsely-pub-date]",
        ),
        (
            '<meta name="sailthru.date" content="2018-06-20 08:00:00">',
            "published",
            datetime(2018, 6, 20, 8, 0),
            "dates:meta:meta[name=sailthru.date]",
        ),
        (
            '<meta name="DC.date.issued" content="2018-06-20">',
            "published",
            date(2018, 6, 20),
            "dates:meta:meta[name=dc.date.issued]",
        ),
        (
            '<meta name="dcterms.modified" content="2018-06-22">',
            "updated",
            date(2018, 6, 22),
            "dates:meta:meta[name=dcterms.modified]",
        ),
        (
            '<meta itemprop="datePublished" content="2018-06-20">',
            "published",
            date(2018, 6, 20),
            "dates:meta:meta[name=datepublished]",
        ),
        (
            '<meta name="parsely-section" content="Tech">',
            "section",
            "Tech",
            "meta:meta[name=parsely-section]",
        ),
        (
            '<meta name="DC.language" content="de-DE">',
            "language",
            "de",
            "meta:meta[name=dc.language]",
        ),
        (
            '<link rel="canonical" href="https://example.com/c">',
            "canonical_url",
            "https://example.com/c",
            "meta:link[rel=canonical]",
        ),
    ],
)
def test_meta_vendor_tags(head: str, field: str, expected: Any, source: str) -> None:
    article = parse(head)
    assert getattr(article, field) == expected
    assert article.provenance[field] == source


@pytest.mark.parametrize(
    ("head", "authors", "tags"),
    [
        (
            '<meta name="parsely-author" content="Jane Doe">'
            '<meta name="parsely-tags" content="Amazon,Donald Trump">',
            ("Jane Doe",),
            ("Amazon", "Donald Trump"),
        ),
        (
            '<meta name="sailthru.author" content="John Smith">'
            '<meta name="sailthru.tags" content="amazon, trump">',
            ("John Smith",),
            ("amazon", "trump"),
        ),
        (
            '<meta name="DC.creator" content="Jane Doe">'
            '<meta name="DC.subject" content="Politics; Economy">',
            ("Jane Doe",),
            ("Politics", "Economy"),
        ),
    ],
)
def test_meta_vendor_authors_and_tags(
    head: str, authors: tuple[str, ...], tags: tuple[str, ...]
) -> None:
    article = parse(head)
    assert article.authors == authors
    assert article.tags == tags


def test_meta_microdata_datetime_attribute() -> None:
    top = '<span itemprop="dateModified" datetime="2018-06-21T10:00:00Z">yesterday</span>'
    finding = run_stage(MetaExtractor(), page_html("", top))
    assert hints(finding, "updated") == [datetime(2018, 6, 21, 10, 0, tzinfo=timezone.utc)]
    assert [src for f, _, src in finding.hints if f == "updated"] == ["[itemprop=dateModified]"]


def test_meta_html_lang_and_title_hint() -> None:
    html = page_html("<title>Headline of the page | Example</title>", lang="en-GB")
    finding = run_stage(MetaExtractor(), html)
    assert finding.values["language"] == "en"
    assert hints(finding, "title") == ["Headline of the page | Example"]


def test_meta_twitter_handle_is_not_a_site_name() -> None:
    finding = run_stage(MetaExtractor(), page_html('<meta name="twitter:site" content="@thehill">'))
    assert hints(finding, "site_name") == []


# ====================================================================== headline


def test_headline_h1_agreeing_with_og_title() -> None:
    head = (
        "<title>Amazon employees protest the sale | The Hill</title>"
        '<meta property="og:title" content="Amazon employees protest the sale | The Hill">'
    )
    top = "<h1>Amazon employees protest the sale</h1>"
    after = "<aside><h1>Most read stories of the week</h1></aside>"
    article = parse(head, top, after)
    assert article.title == "Amazon employees protest the sale"
    assert article.provenance["title"] == "headline:h1"


def test_headline_h1_that_disagrees_is_not_chosen_over_a_matching_one() -> None:
    head = '<meta property="og:title" content="The real headline of the story">'
    html = (
        f"<html><head>{head}</head><body><div class='promo'><h1>Subscribe to our great offers</h1>"
        f"</div><article><h1>The real headline of the story</h1>{BODY_HTML}</article></body></html>"
    )
    assert articlekit.parse(html, URL).title == "The real headline of the story"


@pytest.mark.parametrize(
    ("wrapper", "outside"),
    [
        # A docs theme names its content column after the navigation beside
        # it; role="main" (or "article") inside says where the page's own part begins.
        ('<div class="wy-nav-content"><div role="main">', False),
        ('<div class="wy-nav-content"><div role="article">', False),
        # No landmark between: the heading sits in the navigation.
        ('<div class="wy-nav-content"><div>', True),
        ('<div class="wy-nav-content"><div role="navigation">', True),
    ],
)
def test_an_aria_main_part_ends_the_search_for_a_non_article_part(
    wrapper: str, outside: bool
) -> None:
    root = lxml.html.document_fromstring(
        f"<html><body>{wrapper}<h1>Configuring retries</h1></div></div></body></html>"
    )
    assert in_non_article_part(next(root.iter("h1"))) is outside


def test_headline_inside_an_aria_main_part_of_a_nav_named_wrapper() -> None:
    html = (
        "<html><head><title>Configuring retries — quiver 2.4 documentation</title></head>"
        "<body><nav><a href='/'>Install</a></nav><div class='wy-nav-content'><div role='main'>"
        f"<h1>Configuring retries</h1>{BODY_HTML}</div></div></body></html>"
    )
    assert articlekit.parse(html, URL).title == "Configuring retries"


def test_headline_single_h1_without_evidence() -> None:
    article = parse(top="<h1>Only a heading for this story</h1>")
    assert article.title == "Only a heading for this story"


@pytest.mark.parametrize(
    ("title", "head_extra", "url", "expected"),
    [
        # The host's name, then the site's slogan after it.
        (
            "Winterpike | example-fish.ch | Your Swiss Fishing Magazine",
            "",
            "https://www.example-fish.ch/de/winterpike--1026",
            "Winterpike",
        ),
        (
            "Amazon employees protest the sale | The Hill",
            "",
            URL,
            "Amazon employees protest the sale",
        ),
        (
            "Amazon employees protest the sale | Example",
            '<meta property="og:site_name" content="Example">',
            URL,
            "Amazon employees protest the sale",
        ),
        (
            "The Hill - Amazon employees protest the sale",
            '<meta property="og:site_name" content="The Hill">',
            URL,
            "Amazon employees protest the sale",
        ),
        (
            "The Hill - Amazon employees protest the sale",
            "",
            "https://thehill.com/policy/story",
            "Amazon employees protest the sale",
        ),
        (
            "Amazon employees protest the sale – Example News",
            "",
            URL,
            "Amazon employees protest the sale",
        ),
        ("Amazon employees protest the sale", "", URL, "Amazon employees protest the sale"),
    ],
)
def test_headline_site_name_stripped_from_title(
    title: str, head_extra: str, url: str, expected: str
) -> None:
    article = parse(f"<title>{title}</title>{head_extra}", url=url)
    assert article.title == expected
    assert article.provenance["title"] == "headline:meta:title"


def test_headline_site_name_prefix_without_any_site_hint() -> None:
    # headline.strip_site_name documents "the last (or first) short part is
    # probably it": a short leading part must go as well as a trailing one.
    article = parse("<title>The Hill - Amazon employees protest the sale</title>")
    assert article.title == "Amazon employees protest the sale"


DEK = "Workers wrote a letter to Jeff Bezos."
#: Markup under the headline and the subtitle it gives: deks and ledes by
#: class, and things with a dek-like class that are no dek (None).
SUBTITLE_CASES = [
    (f'<p class="subtitle">{DEK}</p>', DEK),
    (f'<h2 class="article-dek">{DEK}</h2>', DEK),
    (f'<div class="standfirst">{DEK}</div>', DEK),
    # ledes: a German Vorspann, a French chapô, a lead paragraph
    (f'<p class="lead">{DEK}</p>', DEK),
    (f'<div class="vorspann">{DEK}</div>', DEK),
    (f'<div class="chapo">{DEK}</div>', DEK),
    (f'<div class="article-teaser">{DEK}</div>', DEK),
    (
        '<div class="author-excerpt">Jane covers the harbor and hosts the weekly podcast.</div>',
        None,
    ),
    ('<div class="related-posts"><h2 class="subtitle">More from the harbor desk</h2></div>', None),
    ('<span class="eventbox__subheadline">Published on:</span>', None),
    ('<div class="subheadline">By Jane Doe</div>', None),
    ('<div class="subtitle">Credit: Jane Doe</div>', None),
    ('<p class="modal-subtitle">Your comment will be posted as usual.</p>', None),
    ('<div class="summary"><a href="/a">One story</a> <a href="/b">Another one</a></div>', None),
    ('<div class="lead-image">The pier at dusk, seen from the ferry (Jane Doe)</div>', None),
    ("<figure><p class='intro'>The pier at dusk, seen from the ferry.</p></figure>", None),
    ('<div class="field--type-text-with-summary">The whole article body sits here.</div>', None),
    ('<p class="subtitle">Vorheriger Beitrag</p>', None),
    # two words are a section label; a relative time or a media label opens a
    # teaser; a dateline closes a meta strip; a bracketed note is no dek
    ('<p class="subtitle">Our verdict</p>', None),
    ('<p class="dek">7h ago - From the harbor to the hills, a week of storms...</p>', None),
    ('<p class="subtitle">Video: The harbor bridge at night</p>', None),
    ('<div class="subtitle">Harbor Sports • 02.02.2031</div>', None),
    ('<p class="subtitle">(Share of the daily need in per cent)</p>', None),
    # soft hyphens are dropped from the dek; joiners that shape letters stay
    ('<p class="subtitle">Work&#173;ers wrote a let&#173;ter.</p>', "Workers wrote a letter."),
]


@pytest.mark.parametrize(("markup", "subtitle"), SUBTITLE_CASES)
def test_headline_subtitle_by_class(markup: str, subtitle: str | None) -> None:
    article = parse(top=f"<header><h1>Amazon employees protest the sale</h1>{markup}</header>")
    assert article.subtitle == subtitle
    if subtitle is not None:
        assert article.provenance["subtitle"] == "headline:h1+subtitle"


def test_headline_lede_three_containers_up() -> None:
    top = (
        '<div class="article"><div class="head"><div class="title"><h1>Amazon employees protest'
        '</h1></div></div><div class="intro"><p>Workers wrote a letter to Jeff Bezos.</p></div>'
        "</div>"
    )
    assert parse(top=top).subtitle == "Workers wrote a letter to Jeff Bezos."


def test_headline_subtitle_leaves_out_style_text() -> None:
    dek = '<div class="lede"><style>img.x { width: 100%; }</style>Workers wrote a letter.</div>'
    article = parse(top=f"<header><h1>Amazon employees protest the sale</h1>{dek}</header>")
    assert article.subtitle == "Workers wrote a letter."


def test_headline_subtitle_in_a_post_tagged_with_a_vocabulary_word() -> None:
    # WordPress puts the post's tags in its classes: "tag-ratings" is a topic.
    dek = '<p class="excerpt">Workers wrote a letter to Jeff Bezos.</p>'
    top = f'<div class="post tag-ratings"><div><h1>Amazon employees protest</h1>{dek}</div></div>'
    assert parse(top=top).subtitle == "Workers wrote a letter to Jeff Bezos."


def test_headline_no_subtitle_without_class() -> None:
    article = parse(top="<h1>Amazon employees protest the sale</h1><p>Just a paragraph here.</p>")
    assert article.subtitle is None


def test_headline_from_text_dump_first_line() -> None:
    finding = HeadlineExtractor()(Page.from_text("A dump headline\n\nBody text."), Draft())
    assert finding.values["title"] == "A dump headline"
    assert finding.sources["title"] == "text:first-line"


# ======================================================================= authors


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe and John Smith", ("Jane Doe", "John Smith")),
        ("By Jane Doe, John Smith and Ann Lee", ("Jane Doe", "John Smith", "Ann Lee")),
        ("Jane Doe, Staff Writer", ("Jane Doe",)),
        ("By Jane Doe, Senior Correspondent", ("Jane Doe",)),
        ("By Jane Doe jane.doe@example.com", ("Jane Doe",)),
        ("By Jane Doe (@janedoe)", ("Jane Doe",)),
        ("By Jane Doe | Reuters", ("Jane Doe",)),
        ("BY JANE DOE", ("Jane Doe",)),
        ("By Jane Doe, John Smith and Jane Doe", ("Jane Doe", "John Smith")),
        ("Von Max Mustermann und Erika Musterfrau", ("Max Mustermann", "Erika Musterfrau")),
        ("By Associated Press", ()),
        ("By The Editorial Board", ()),
    ],
)
def test_authors_from_visible_byline(byline: str, expected: tuple[str, ...]) -> None:
    article = parse(top=f'<h1>A headline for the story</h1><div class="byline">{byline}</div>')
    assert article.authors == expected
    if expected:
        # A "By …" line is found as such; a byline without "By" by its class.
        assert article.provenance["authors"] in ("authors:visible:by", "authors:div.byline")


def test_authors_rel_author_links() -> None:
    top = (
        '<p>By <a rel="author" href="/jane">Jane Doe</a> and '
        '<a rel="author" href="/j">John Smith</a></p>'
    )
    finding = run_stage(AuthorsExtractor(), page_html("", top))
    assert finding.values["authors"] == ("Jane Doe", "John Smith")
    assert finding.sources["authors"] in ("visible:by", "a[rel=author]")


def test_authors_in_comments_are_not_the_articles() -> None:
    after = '<div class="comments"><span class="author">Troll McTrollface</span></div>'
    article = parse(after=after)
    assert article.authors == ()


def test_authors_structured_hint_wins_over_byline() -> None:
    head = '<meta name="author" content="Jane Doe">'
    article = parse(head, '<div class="byline">By John Smith</div>')
    assert article.authors == ("Jane Doe",)
    assert article.provenance["authors"] == "authors:meta:meta[name=author]"


def test_authors_dedup_in_meta() -> None:
    head = '<meta name="author" content="Jane Doe, John Smith, jane doe">'
    assert parse(head).authors == ("Jane Doe", "John Smith")


# ========================================================================= dates


def test_dates_visible_updated_stamp_anchored_to_time_element() -> None:
    top = (
        "<h1>A headline for the story</h1>"
        '<time datetime="2018-06-20">June 20, 2018</time>'
        '<span class="stamp">Updated: 9:45 p.m.</span>'
    )
    article = parse(top=top)
    assert article.published == date(2018, 6, 20)
    assert article.provenance["published"] == "dates:time[datetime]"
    assert article.updated == datetime(2018, 6, 20, 21, 45)
    assert article.updated_text == "Updated: 9:45 p.m."
    assert article.provenance["updated"] == "dates:visible:stamp-updated"


def test_dates_visible_updated_stamp_takes_anchor_zone() -> None:
    head = '<meta property="article:published_time" content="2018-06-20T08:00:00-04:00">'
    article = parse(head, "<p>Updated: 9:45 p.m.</p>")
    assert article.updated == datetime(2018, 6, 20, 21, 45, tzinfo=EDT)
    assert article.updated.utcoffset() == timedelta(hours=-4)


def test_dates_updated_stamp_with_zone_and_naive_published() -> None:
    # A naive <time datetime> plus an "ET" stamp: the stage must not crash and
    # lose the publication date.
    top = '<time datetime="2018-06-20T08:00:00">June 20</time><p>Updated: 9:45 p.m. ET</p>'
    article = parse(top=top)
    assert not any("failed" in w for w in article.warnings), article.warnings
    assert article.published == datetime(2018, 6, 20, 8, 0)
    assert isinstance(article.updated, datetime)
    assert article.updated.date() == date(2018, 6, 20)


def test_dates_visible_stamp_without_anchor_is_a_time() -> None:
    article = parse(top='<span class="stamp">Updated: 9:45 p.m.</span>')
    assert article.updated == time(21, 45)
    assert article.published is None


def test_dates_teaser_card_is_not_the_articles_date() -> None:
    after = (
        '<aside class="most-popular"><h2>Most Popular</h2><ul>'
        '<li><a href="/x">Another story entirely</a> <span>Updated 18 hours ago</span></li>'
        '<li><a href="/y">Yet another story</a> <time datetime="2018-06-19T10:00:00Z">'
        "18 hours ago</time></li></ul></aside>"
    )
    head = '<meta property="article:published_time" content="2018-06-20T08:00:00-04:00">'
    article = parse(head, after=after)
    assert article.published == datetime(2018, 6, 20, 8, 0, tzinfo=EDT)
    assert article.updated is None
    article = parse(after=after)
    assert article.published is None
    assert article.updated is None


def test_dates_teaser_card_inside_the_article_is_skipped() -> None:
    top = (
        '<div class="related-card"><span>Posted 18 hours ago</span>'
        '<time datetime="2017-01-01">Jan 1</time></div>'
    )
    finding = run_stage(DatesExtractor(), page_html("", top))
    assert finding.values == {}


def test_dates_time_element_labelled_updated() -> None:
    top = (
        '<time class="published" datetime="2018-06-20T08:00:00Z">June 20</time>'
        '<time class="updated" datetime="2018-06-21T08:00:00Z">June 21</time>'
    )
    finding = run_stage(DatesExtractor(), page_html("", top))
    assert finding.values["published"] == datetime(2018, 6, 20, 8, tzinfo=timezone.utc)
    assert finding.values["updated"] == datetime(2018, 6, 21, 8, tzinfo=timezone.utc)
    assert finding.values["published_text"] == "June 20"


def test_dates_url_date_is_a_last_resort() -> None:
    article = parse(url="https://example.com/2017/01/02/story")
    assert article.published == date(2017, 1, 2)
    assert article.provenance["published"] == "dates:url"
    head = '<meta property="article:published_time" content="2018-06-20T08:00:00Z">'
    # A structured date on or just after the URL's day wins...
    assert parse(head, url="https://example.com/2018/06/20/story").published == datetime(
        2018, 6, 20, 8, tzinfo=timezone.utc
    )
    # ...one well after it is a re-dating: the URL keeps the original day.
    redated = parse(head, url="https://example.com/2017/01/02/story")
    assert redated.published == date(2017, 1, 2)
    assert any("URL" in w for w in redated.warnings)


def test_dates_updated_before_published_is_dropped_with_a_warning() -> None:
    head = (
        '<meta property="article:published_time" content="2018-06-20T08:00:00Z">'
        '<meta property="article:modified_time" content="2018-06-19T08:00:00Z">'
    )
    article = parse(head)
    assert article.published == datetime(2018, 6, 20, 8, tzinfo=timezone.utc)
    assert article.updated is None
    assert article.updated_text is None
    assert "updated" not in article.provenance
    assert any("before published" in w for w in article.warnings)


def test_dates_updated_a_few_milliseconds_before_published_is_the_same_moment() -> None:
    head = (
        '<meta property="article:published_time" content="2022-05-11T03:40:00.396Z">'
        '<meta property="article:modified_time" content="2022-05-11T03:40:00.388Z">'
    )
    article = parse(head)
    assert article.updated == datetime(2022, 5, 11, 3, 40, 0, 388000, tzinfo=timezone.utc)
    assert not any("before published" in w for w in article.warnings)


def test_dates_updated_day_before_published_day_mixed_precision() -> None:
    head = (
        '<meta property="article:published_time" content="2018-06-20">'
        '<meta property="article:modified_time" content="2018-06-19T23:00:00Z">'
    )
    article = parse(head)
    assert article.updated is None
    assert article.warnings


def test_dates_updated_after_published_is_kept_without_warning() -> None:
    head = (
        '<meta property="article:published_time" content="2018-06-20T08:00:00Z">'
        '<meta property="article:modified_time" content="2018-06-20T09:00:00Z">'
    )
    article = parse(head)
    assert article.updated == datetime(2018, 6, 20, 9, tzinfo=timezone.utc)
    # A short test page: the verdict stage may say so, the dates stage says nothing.
    assert [w for w in article.warnings if not w.startswith("body:")] == []


# ========================================================================== tags


def test_tags_from_rel_tag_dedup_case_insensitive() -> None:
    top = (
        '<a rel="tag" href="/t/amazon">Amazon</a> <a rel="tag" href="/t/a">AMAZON</a> '
        '<a rel="tag" href="/t/trump">Donald Trump</a>'
    )
    article = parse('<meta name="keywords" content="kw1, kw2">', top)
    assert article.tags == ("Amazon", "Donald Trump")
    assert article.provenance["tags"] == "tags:a[rel=tag]"


@pytest.mark.parametrize(
    "container",
    [
        '<div class="tags"><a href="/t/1">Amazon</a><a href="/t/2">Donald Trump</a>'
        '<a href="/t/3">amazon</a></div>',
        '<ul class="tag-list"><li><a href="/t/1">Amazon</a></li>'
        '<li><a href="/t/2">Donald Trump</a></li></ul>',
    ],
)
def test_tags_from_a_tag_list(container: str) -> None:
    article = parse('<meta name="keywords" content="kw1, kw2">', after=container)
    assert article.tags == ("Amazon", "Donald Trump")
    assert article.provenance["tags"].startswith("tags:")
    assert "Donald Trump" not in article.body.replace(PARAS[2], "")


def test_tags_meta_keywords_only_as_last_resort() -> None:
    head = '<meta name="keywords" content="kw1, kw2, KW1">'
    article = parse(head)
    assert article.tags == ("kw1", "kw2")
    assert article.provenance["tags"] == "tags:meta:meta[name=keywords]"
    for better, expected in (
        (ld({"@type": "NewsArticle", "keywords": ["ld1", "ld2"]}), ("ld1", "ld2")),
        ('<meta property="article:tag" content="Tag A">', ("Tag A",)),
        ('<meta name="parsely-tags" content="p1,p2">', ("p1", "p2")),
    ):
        assert parse(head + better).tags == expected
        assert parse(better + head).tags == expected


def test_tags_in_a_rail_are_not_the_articles() -> None:
    after = '<aside class="sidebar"><div class="tags"><a href="/t">Sidebar Tag</a></div></aside>'
    assert parse(after=after).tags == ()


def test_tags_too_many_links_is_a_menu() -> None:
    links = "".join(f'<a href="/t/{i}">Topic {i}</a>' for i in range(50))
    finding = run_stage(TagsExtractor(), page_html("", f'<div class="topics">{links}</div>'))
    assert "tags" not in finding.values


def test_tags_breadcrumb_section() -> None:
    crumbs = '<nav class="breadcrumb"><a href="/">Home</a><a href="/tech">Technology</a></nav>'
    finding = run_stage(TagsExtractor(), page_html("", crumbs))
    assert finding.values["section"] == "Technology"
    assert finding.sources["section"] == "breadcrumb"


# ======================================================================== chrome

A, B, C = PARAS

#: One typical line per chrome rule. A new rule without an example fails
#: test_every_chrome_rule_has_an_example.
CHROME_EXAMPLES: dict[str, str] = {
    "see-all": "See all Hill.TV See all Video",
    "load-more": "Load more",
    "rail-heading": "Most Popular",
    "ad-label": "Advertisement",
    "sources-heading": "References",
    "tip-line": "Have a tip? Send it to desk@example.com.",
    "reporter-contact": "Write to Jane Doe at jane.doe@example.com",
    "share": "Share this article",
    "newsletter": "Sign up for our daily newsletter",
    "read-more": "Read more: Amazon's new headquarters",
    "copyright": "© 2018 The Hill. All rights reserved.",
    "comments": "12 Comments",
    "consent": "We use cookies to improve your experience on our site.",
    "gallery-counter": "12 of 57",
    "credit": "Titelbild: Jane Doe/picture-alliance",
    "reporting-credit": "Reporting by Jane Doe; Editing by John Smith",
    "follow-us": "Follow the Daily Planet on Facebook, Twitter and Instagram.",
    "reading-time": "Reading time: 4 minutes",
    "category-label": "Category: Council news",
    "contents-heading": "Table of contents",
    "login-prompt": "You are not logged in.",
    "disclosure": "Advertising disclosure: We may receive compensation from the links below.",
    "form-message": "Something went wrong. Please try again.",
    "reprints": "Order Reprints",
    "support-appeal": "Support independent journalism with a monthly donation.",
    "bookmark": "Save for later",
    "meta-strip": "March 3, 2021 at 10:15 AM | Categories: Harbor, Boats | 4 Comments",
    "disclaimer": "Alle Angaben ohne Gewähr.",
    "page-nav": "You are here: Home > News > Harbor",
}


CHROME_VARIANTS: list[tuple[str, str]] = [
    ("credit", "Getty Images / Jane Doe"),
    ("credit", "Jane Doe/picture alliance"),
    ("disclosure", "All products on this page were independently selected by our editors."),
    ("reporting-credit", "(Reporting by Jane Doe in Paris; writing by John Smith)"),
    ("reporting-credit", "Maria Lopez contributed to this report."),
    ("reporting-credit", "SOURCE: News agencies"),
    ("follow-us", "Email Jane Doe at jane.doe@example.com or follow her @janedoe."),
    ("follow-us", "jane.doe@example.com"),
    ("reading-time", "5 min read"),
    ("rail-heading", "Most read in World News"),
    ("rail-heading", "Popular on The Daily Planet"),
    ("read-more", "[Related: The council's first vote on the bridge]"),
    ("read-more", "- Also: See our full coverage of the election"),
    ("newsletter", "Sign up for our Email Newsletters here."),
    ("newsletter", "Zum Newsletter anmelden"),
    ("comments", "Keine Kommentare"),
    ("rail-heading", "Weitere Artikel zum Thema"),
    ("read-more", "Zum Weiterlesen: Die Brücke über den Fluss"),
    ("ad-label", "ANZEIGE - Heute mal ausgehen?"),
    (
        "follow-us",
        "Follow the Planet on Twitter and Instagram @planet and on Facebook @dailyplanet",
    ),
    ("follow-us", "For breaking news download the Planet apps for iOS and Android."),
    ("disclosure", "This post contains affiliate links; we earn a commission on purchases."),
    ("credit", "Beitragsbild"),
    ("copyright", "Copyright: Jane Doe"),
    ("login-prompt", "Um den Tipp kommentieren zu können, müssen Sie eingeloggt sein."),
    ("consent", "Click here to load content from a video platform."),
    ("rail-heading", "Mehr Themen:"),
    ("rail-heading", "You may also like..."),
    ("newsletter", "Harbor Weekly Newsletter"),
    ("newsletter", "Keep an eye on your inbox for the next edition."),
    ("newsletter", "Want more? Sign up for Harbor Notes to get the free weekly newsletter."),
    ("comments", "Tell us what you think!"),
    ("form-message", "There was an error processing your request."),
    ("reprints", "This copy is for your personal, non-commercial use only. Order copies here."),
    ("reprints", "Print Article"),
    ("rail-heading", "| Related articles |"),
    ("rail-heading", "Also on harbor-notes.net"),
    ("comments", "No comments (comments appear after moderation)"),
    ("comments", "Kommentare erscheinen erst nach Prüfung durch die Redaktion."),
    ("comments", "Los comentarios son moderados antes de publicarse."),
    ("copyright", "Nachdruck nur mit schriftlicher Genehmigung des Verlags."),
    ("copyright", "Reproduction without written permission is prohibited."),
    ("copyright", "Toute reproduction interdite sans autorisation."),
    (
        "copyright",
        "Unless otherwise noted, text on this blog is licensed under Creative Commons BY-SA.",
    ),
    ("credit", "Figure 2: Water levels at the harbor in 1910."),
    ("credit", "Abb. 3: Der Hafen im Winter"),
    ("credit", "The old pier at dusk. © Harbor Agency / Jane Doe"),
    ("follow-us", "Síguenos en Instagram y Facebook."),
    ("follow-us", "Suivez-nous sur les réseaux sociaux !"),
    ("follow-us", "Folgen Sie uns auf Instagram"),
    (
        "follow-us",
        "Follow the Planet on Twitter @planet. Send us your tips at tips@example.com.",
    ),
    ("follow-us", "Escríbenos a redaccion@example.com con tus preguntas."),
    ("follow-us", "Join our WhatsApp channel for the morning briefing."),
    ("follow-us", "¿Ya conoces nuestro canal de Telegram? Únete con un clic."),
    ("follow-us", "Pressekontakt: Jane Doe"),
    ("follow-us", "Media contact"),
    ("read-more", "... weiter zu Teil 2: Die Brücke"),
    ("read-more", "Continue to part 3"),
    ("read-more", "More information at www.example.org"),
    ("read-more", "Weitere Infos unter www.example.org."),
    ("read-more", "Weitere Informationen zum Brückenbau:"),
    ("read-more", "Alle Fotos vom Hafenfest findest du hier."),
    ("read-more", "Weitere Informationen dazu gibt es bald auf unserer Website."),
    ("read-more", "More details are available on our website."),
    ("newsletter", "Jederzeit kündbar."),
    ("newsletter", "Read the harbor news every morning. Cancel anytime."),
    ("newsletter", "Click here to register for the free digital edition!"),
    ("newsletter", "Zapraszamy do subskrypcji naszego tygodnika."),
    (
        "disclosure",
        "Letzte Aktualisierung am 3.03.2021 / Bei den Links handelt es sich um Affiliate-Links",
    ),
    ("gallery-counter", "Showing 1-20 of 45 results"),
    ("gallery-counter", "Es werden die Artikel 1 bis 10 von insgesamt 30 angezeigt"),
    ("gallery-counter", "Mostrando 1-12 de 40 productos"),
    ("category-label", "Tags:"),
    ("category-label", "Temas"),
    ("category-label", "Date: 03/15/2021 Category: Notices"),
    ("support-appeal", "Werden Sie Mitglied und lesen Sie alle Beiträge."),
    ("support-appeal", "Support Harbor Notes with as little as $3!"),
    ("support-appeal", "Hazte socio y disfruta de ventajas exclusivas"),
    (
        "support-appeal",
        "Our newsroom is free to read for everyone. Support us with a donation today.",
    ),
    ("bookmark", "Zu den Favoriten hinzufügen"),
    ("bookmark", "Artikel merken"),
    ("meta-strip", "The bridge reopens | Local news | Planet | 12.03.2021"),
    ("disclaimer", "(All information without guarantee)"),
    ("page-nav", "Sie sind hier: Startseite / Verkehr / Brücken"),
    ("page-nav", "Back to top ↑"),
    ("page-nav", "Nach oben"),
    ("page-nav", "Retour en haut de la page"),
    ("page-nav", "Volver arriba"),
    ("consent", "Waiting for your permission to load the Instagram media."),
    ("consent", "Please enter your date of birth to view this video"),
    ("bookmark", "Subscribe to Harbor Premium to bookmark this article"),
    ("credit", "Gallery Credit: Jane Doe"),
    ("credit", "Photo credit: Harbor Post / Jane Doe"),
    ("rail-heading", "The Harbor Post’s Most Read Stories of 2031"),
    ("rail-heading", "Trending this week"),
    ("rail-heading", "Top reads on Harbor Post this week"),
    ("rail-heading", "More from Opinion"),
    ("page-nav", "Vorheriger Beitrag"),
    ("page-nav", "« Previous post"),
    ("page-nav", "Next article: The harbor bridge opens to cyclists"),
    ("page-nav", "Article suivant"),
    ("login-prompt", "Log in to comment"),
    ("login-prompt", "Already a subscriber? Log in"),
    ("login-prompt", "Bitte melden Sie sich an, um diesen Artikel zu kommentieren."),
    ("login-prompt", "Bereits Abonnent? Hier anmelden"),
    ("login-prompt", "Connectez-vous pour commenter cet article"),
    ("login-prompt", "Inicia sesión para leer la noticia completa"),
    ("support-appeal", "| We need your help Keep the harbor news free for everyone Donate |"),
    ("disclaimer", "Medically reviewed by Jane Doe, MD"),
    (
        "disclaimer",
        "Dieser Beitrag gibt den Stand der Forschung wieder und wurde von Ärzten geprüft.",
    ),
    ("ad-label", "Story continues below advertisement"),
    ("ad-label", "Article continues after this ad"),
    ("ad-label", "Advertisement - Scroll to continue"),
    ("ad-label", "Lesen Sie nach der Anzeige weiter"),
    ("ad-label", "La suite après la publicité"),
    ("sources-heading", "Sources:"),
    ("sources-heading", "Quellenangaben:"),
    ("sources-heading", "Photo credits"),
    ("sources-heading", "Footnotes"),
    ("follow-us", "Follow the Harbor Post page on Facebook to make sure you never miss a story."),
    ("follow-us", "Follow our food editor on Instagram at @harborfood and @harborbakes."),
    ("follow-us", "* Follow Harbor Post on Snapchat, Instagram , Twitter and Threads."),
    ("tip-line", "Got a tip? Email the newsroom at desk@example.com."),
    ("tip-line", "Send your news tips to desk@example.com"),
    ("gallery-counter", "Click through the slideshow to see all 20 winners."),
    ("support-appeal", "Our journalism needs your support. Please subscribe today."),
    ("read-more", "Read more on The Harbor Post"),
    ("newsletter", "This story first ran in our Weekend Reads newsletter. Sign up here."),
    ("share", "Like this story? Share it with a friend!"),
    ("reporter-contact", "Reach the reporters on Twitter at https://twitter.com/harborjane"),
    ("reporter-contact", "Contact Jane with harbor stories via email, jane@example.com."),
    ("read-more", "Follow our full coverage of the election at https://news.example/vote"),
    ("copyright", "Copyright ⓒ harbor.example. All reuse needs permission"),
    ("comments", "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador."),
]


@pytest.mark.parametrize(("rule_id", "line"), CHROME_VARIANTS)
def test_chrome_rule_variants(rule_id: str, line: str) -> None:
    finding = run_chrome([A, line, B])
    assert kept_texts(finding) == (A, B)
    assert [r.rule for r in finding.removed] == [rule_id]


def test_chrome_data_line_behind_a_list_bullet_is_moved() -> None:
    finding = run_chrome([A, "- Published 18 November 2019", B])
    assert finding.values["published"] == date(2019, 11, 18)
    assert kept_texts(finding) == (A, B)


def kept_texts(finding: Finding) -> tuple[str, ...]:
    """The text of the pieces the chrome stage kept."""
    return tuple(piece.text for piece in finding.values.get("pieces", ()))


def run_chrome(
    paragraphs: list[str],
    options: ChromeOptions | None = None,
    **given: Any,
) -> Finding:
    options = options or ChromeOptions()
    draft = draft_with(**given)
    finding = Finding()
    finding.set("candidate_pieces", tuple(text_pieces(paragraphs)), "test")
    draft.merge("body", finding)
    page = Page.from_input("<html><body><p>unused</p></body></html>")
    return ChromeExtractor(options)(page, draft)


def test_chrome_rule_needs_never_hide_a_line_the_rule_matches() -> None:
    # ``needs`` is a shortcut: every line a rule's pattern accepts must pass it.
    rules = {rule.id: rule for rule in CHROME_LINES}
    lines = list(CHROME_EXAMPLES.items()) + CHROME_VARIANTS
    checked = 0
    for rule_id, line in lines:
        rule = rules[rule_id]
        view = _rule_view(line)
        if rule.needs and rule.pattern.fullmatch(view):
            assert any(part in view.lower() for part in rule.needs), (rule_id, line)
            checked += 1
    assert checked >= 10


def test_every_chrome_rule_has_an_example() -> None:
    assert {rule.id for rule in CHROME_LINES} == set(CHROME_EXAMPLES)


@pytest.mark.parametrize(("rule_id", "line"), sorted(CHROME_EXAMPLES.items()))
def test_chrome_rule_fires_on_a_typical_line(rule_id: str, line: str) -> None:
    finding = run_chrome([A, line, B])  # mid-body: an end marker removes only its line
    assert kept_texts(finding) == (A, B)
    assert [(r.rule, r.text, r.stage, r.moved_to) for r in finding.removed] == [
        (rule_id, line, "chrome", None)
    ]
    assert finding.removed[0].reason


@pytest.mark.parametrize(
    "line",
    [
        "Share the wealth, the senator told the crowd on Tuesday.",
        "Read more carefully, the judge told the lawyer before the hearing.",
        "Follow the money on Twitter, the lawyer said, and you will find the donors.",
        "Reporting by the council on its own spending has been patchy for years.",
        "Category five storms are rare, the forecaster said on the radio on Monday.",
        "Date night ideas for couples who live in the city centre and want to stay in.",
        "She wrote for the school newsletter",
        "Tags are sewn into every shirt at the factory, the owner said on Monday.",
        "Reuters reported on Monday that the council had voted to keep the bridge closed.",
        "Please try again later this year, the clerk told applicants at the town hall.",
        "What do you think the council should do about the harbor bridge, she asked?",
        '[code lang="sh"]grep -c bridge inspections/*.txt | sort -n | tail -3[/code]',
        "Support for the bridge project has grown among residents since the spring.",
        "Also on the agenda was the new harbor bridge, which the council approved.",
        "Figure skating returns to the harbor rink this winter after a two-year pause.",
        "Continue to stir the sauce for five minutes, then add the onions.",
        "Weiter zum Hafen sind es von dort nur noch zwei Kilometer.",
        "Tagi pomagają czytelnikom znaleźć podobne artykuły, mówi redaktorka.",
        "You can cancel anytime, the airline said, but refunds take weeks.",
        "Reproduction of the painting was forbidden until 1950, the museum said.",
        "Folgen Sie uns auf dem Weg durch die Altstadt, sagte die Führerin.",
        "Die besten Plätze findest du hier am Hafen, sagt die Wirtin.",
        "Weitere Informationen zu den Kosten will die Stadt im Herbst vorlegen.",
        "More details on the bridge emerged on Monday, when the council met.",
        "Join our reporters on a walk along the harbor this Saturday morning.",
        "Save for later years the money you earn now, the adviser said.",
        "Showing the bridge to visitors is part of the guide's job.",
        "Become a member of the rowing club and you can use the boats on weekends, she said.",
        "You are here for the boats, the captain told the crowd on the pier.",
        "Nach oben führt nur eine schmale Treppe aus Holz.",
        "Log in to the portal to see your tax records, the agency told residents.",
        "Already a member of the council, she now wants to run for mayor.",
        "Bitte melden Sie sich bis Freitag beim Rathaus an.",
        "We need your help to find the missing dog, the owners wrote on Monday.",
        "Next story in the series will look at the harbor's fishing fleet.",
        "Previous post-holders at the port authority included two former mayors.",
        "More from the harbor's fishing fleet was sold abroad this year than ever.",
        "Most read the report as a warning, the mayor said on Monday.",
        "Have a tip for keeping the pipes from freezing? The plumber has three.",
        "Sources said the council would vote on the bridge again in the spring.",
        "The story continues below the waterline, where divers found the wreck.",
        "Follow the river on foot to make sure you reach the ferry before dark.",
        "Read more on the history of the bridge in the archive, which holds every issue.",
        "Write to the council at City Hall before Friday, the clerk told residents.",
    ],
)
def test_chrome_prose_that_starts_like_chrome_is_kept(line: str) -> None:
    finding = run_chrome([A, line, B])
    assert kept_texts(finding) == (A, line, B)


@pytest.mark.parametrize(
    ("line", "field", "value", "rule_id"),
    [
        ("Updated: 9:45 p.m.", "updated", time(21, 45), "stamp-updated"),
        ("Published: June 20, 2018", "published", date(2018, 6, 20), "stamp-published"),
        ("Tags: Amazon, Donald Trump", "tags", ("Amazon", "Donald Trump"), "tags-line"),
        ("Tags Amazon Donald Trump", "tags", ("Amazon", "Donald Trump"), "tags-line"),
        ("By Jane Doe and John Smith", "authors", ("Jane Doe", "John Smith"), "byline"),
        ("23.10.2018", "published", date(2018, 10, 23), "stamp-bare"),
        ("Dienstag, 4. Juni 2019", "published", date(2019, 6, 4), "stamp-bare"),
        ("Oct 9, 2019", "published", date(2019, 10, 9), "stamp-bare"),
        (
            "Sunday 17 March 2030 17:23, UK",
            "published",
            datetime(2030, 3, 17, 17, 23),
            "stamp-bare",
        ),
    ],
)
def test_chrome_data_lines_move_into_fields(
    line: str, field: str, value: Any, rule_id: str
) -> None:
    finding = run_chrome([A, line, B, C])
    assert kept_texts(finding) == (A, B, C)
    assert finding.values[field] == value
    assert finding.sources[field] == f"line:{rule_id}"
    assert [(r.rule, r.moved_to, r.text) for r in finding.removed] == [(rule_id, field, line)]


def test_chrome_updated_line_anchored_to_published() -> None:
    finding = run_chrome([A, "Updated: 9:45 p.m.", B], published=date(2018, 6, 20))
    assert finding.values["updated"] == datetime(2018, 6, 20, 21, 45)
    assert finding.values["updated_text"] == "Updated: 9:45 p.m."


def test_chrome_byline_late_in_the_body_is_prose() -> None:
    late = "By Jane Doe and John Smith"
    finding = run_chrome([A, B, C, A + " More.", B + " More.", late])
    assert "authors" not in finding.values
    assert late in kept_texts(finding)


def test_chrome_headline_repeat_is_removed() -> None:
    title = "Amazon employees protest the sale"
    finding = run_chrome([title, A, B], title=title)
    assert kept_texts(finding) == (A, B)
    assert finding.removed[0].rule == "headline-repeat"
    assert finding.removed[0].moved_to == "title"


@pytest.mark.parametrize(
    "line",
    [
        "Thema Verkehr Neue Brücke für den Hafen freigegeben",
        "12.03.2024 - Neue Brücke für den Hafen freigegeben",
        "- Neue Brücke für den Hafen freigegeben",
    ],
)
def test_chrome_headline_with_a_kicker_or_date_is_a_repeat(line: str) -> None:
    finding = run_chrome([line, A, B], title="Neue Brücke für den Hafen freigegeben")
    assert kept_texts(finding) == (A, B)
    assert [r.rule for r in finding.removed] == ["headline-repeat"]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # a first sentence that restates the headline is the article's
        (
            "Neue Brücke für den Hafen freigegeben, sagte der Bürgermeister.",
            "Neue Brücke für den Hafen freigegeben",
        ),
        # a short headline fits inside many lines
        ("Rom im Regen: ein Spaziergang", "Rom"),
        # too much around it
        (
            "Neue Brücke für den Hafen freigegeben und was die Anwohner davon halten,"
            " die seit Jahren warten",
            "Neue Brücke für den Hafen freigegeben",
        ),
    ],
)
def test_chrome_lines_holding_the_headline_among_more_stay(line: str, title: str) -> None:
    finding = run_chrome([line, A, B], title=title)
    assert kept_texts(finding) == (line, A, B)


def test_chrome_end_marker_late_in_the_body_cuts_the_rest() -> None:
    finding = run_chrome([A, B, C, "Most Popular", "Teaser one headline", "Load more"])
    assert kept_texts(finding) == (A, B, C)
    assert [r.rule for r in finding.removed] == ["rail-heading", "after-end-marker", "load-more"]
    assert finding.warnings == []
    assert {rule.id for rule in CHROME_LINES} >= END_MARKERS


def test_chrome_a_label_left_last_in_the_body_goes() -> None:
    finding = run_chrome([A, "Ingredients:", B, "Related topics:", "Weitere Links:"])
    assert kept_texts(finding) == (A, "Ingredients:", B)
    assert [(r.rule, r.text) for r in finding.removed] == [
        ("dangling-label", "Weitere Links:"),
        ("dangling-label", "Related topics:"),
    ]


def test_chrome_a_sentence_ending_in_a_colon_last_in_the_body_stays() -> None:
    line = "Residents were quick to say what they thought of the plan:"
    finding = run_chrome([A, B, line])
    assert kept_texts(finding) == (A, B, line)


def test_chrome_the_page_address_printed_with_the_text_goes() -> None:
    url = "https://news.example/2031/05/harbor-bridge"
    other = "https://news.example/2031/05/other-story"
    finding = run_chrome([url, A, other, B], canonical_url=url)
    assert kept_texts(finding) == (A, other, B)
    assert [(r.rule, r.text) for r in finding.removed] == [("page-url", url)]


def test_chrome_sources_list_late_in_the_body_goes_with_its_heading() -> None:
    citations = [
        "Harbor Post, The bridge opens, May 4, 2031",
        "City council minutes, accessed May 5",
    ]
    finding = run_chrome([A, B, C, "Our Sources", *citations])
    assert kept_texts(finding) == (A, B, C)
    assert [r.rule for r in finding.removed] == ["sources-heading"] + ["after-end-marker"] * 2


def test_chrome_sources_heading_early_in_the_body_drops_only_its_line() -> None:
    finding = run_chrome([A, "Sources", B, C, A + " Again."])
    assert kept_texts(finding) == (A, B, C, A + " Again.")
    assert [r.rule for r in finding.removed] == ["sources-heading"]


def test_chrome_rail_inside_the_text_ends_where_prose_resumes() -> None:
    # A "Don't miss" box with two teaser links, then the article goes on.
    teasers = ["Storm damage: homes without power [PICTURES]", "Council votes on new bridge"]
    rest = [A + " And more.", B + " And more."]
    before = [A, B, C, A + " Again.", B + " Again.", C + " Again."]
    finding = run_chrome([*before, "Don't miss", *teasers, *rest])
    assert kept_texts(finding) == (*before, *rest)
    assert [r.rule for r in finding.removed] == [
        "rail-heading",
        "after-end-marker",
        "after-end-marker",
    ]


def test_chrome_one_prose_line_after_a_closing_rail_is_still_a_teaser() -> None:
    teaser_with_dek = "A teaser's summary sentence is written like prose, with a full stop."
    finding = run_chrome([A, B, C, "Most Popular", "Teaser headline", teaser_with_dek, "Other"])
    assert kept_texts(finding) == (A, B, C)
    assert [r.rule for r in finding.removed][1:] == ["after-end-marker"] * 3


def test_chrome_body_mostly_after_a_rail_heading_keeps_its_text() -> None:
    finding = run_chrome([A, "Most Popular", B, C, A + " Again."])
    assert kept_texts(finding) == (A, B, C, A + " Again.")
    assert [r.rule for r in finding.removed] == ["rail-heading"]


def test_chrome_safety_valve_keeps_text_and_warns() -> None:
    short_a = "Amazon workers wrote a letter to Jeff Bezos this week."
    short_b = "They asked the company to stop selling software to police."
    after = "The company has not answered the letter so far."  # 20 of 30 words before
    finding = run_chrome([short_a, short_b, "Most Popular", after])
    assert kept_texts(finding) == (short_a, short_b, after)
    assert [r.rule for r in finding.removed] == ["rail-heading"]
    assert len(finding.warnings) == 1
    assert finding.warnings[0].startswith("chrome:")


def test_chrome_safety_valve_is_configurable() -> None:
    paragraphs = [A, B, C, "Most Popular", "One more line of text."]
    strict = ChromeOptions(safety_valve=SafetyValve(max_removed_share=0.01, min_words_left=0))
    assert kept_texts(run_chrome(paragraphs, strict)) == (
        A,
        B,
        C,
        "One more line of text.",
    )
    assert kept_texts(run_chrome(paragraphs)) == (A, B, C)
    gentle = ChromeOptions(aggressive=False)
    assert kept_texts(run_chrome(paragraphs, gentle)) == (
        A,
        B,
        C,
        "One more line of text.",
    )


def test_chrome_provenance_names_the_stage() -> None:
    article = articlekit.clean_text(
        "Amazon employees protest the sale\n\n"
        + "\n".join(PARAS)
        + "\nUpdated: 9:45 p.m.\nLoad more"
    )
    assert article.provenance["paragraphs"] == "chrome:rules"
    assert article.provenance["updated"] == "chrome:line:stamp-updated"
    assert article.provenance["title"] == "headline:text:first-line"
    assert {r.stage for r in article.removed} == {"chrome"}
    assert article.updated == time(21, 45)


def test_chrome_on_a_parsed_page() -> None:
    top = "<h1>Amazon employees protest the sale</h1>"
    html = page_html("", top).replace(
        "</article>", "<p>Share this article</p><p>Load more</p></article>"
    )
    article = articlekit.parse(html, URL)
    assert article.paragraphs == PARAS
    assert "Load more" not in article.body
    assert {r.rule for r in article.removed} >= {"load-more"}
    assert all(r.stage == "chrome" for r in article.removed)


# --------------------------------------------------------- the seed page (shared)


def shared_dir() -> Path:
    env = os.environ.get("ARTICLEKIT_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def seed_text() -> str:
    path = shared_dir() / "seed" / "thehill-amazon-employees-letter.txt"
    if not path.is_file():
        pytest.skip(f"seed page not available at {path}")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("published", "updated"),
    [(None, time(21, 45)), (date(2018, 6, 20), datetime(2018, 6, 20, 21, 45))],
)
def test_seed_dump_is_cleaned_as_documented(
    seed_text: str, published: date | None, updated: Any
) -> None:
    article = articlekit.clean_text(seed_text, published=published)
    assert article.title == (
        "Amazon employees protest sale of facial recognition tech to law enforcement"
    )
    assert len(article.paragraphs) == 15
    assert article.paragraphs[0].startswith("A group of Amazon employees are pressuring")
    assert article.paragraphs[-1].endswith(
        "Trump signed an executive order to end the forced separations."
    )
    assert "a similar letter my Microsoft employees" in article.body
    assert "“We refuse to build the platform" in article.body
    assert article.updated == updated
    assert article.updated_text == "Updated: 9:45 p.m."
    assert article.tags == ("Amazon", "Donald Trump")
    chrome = [(r.rule, r.text) for r in article.removed if r.moved_to is None]
    assert [text for _, text in chrome] == [
        "See all Hill.TV See all Video",
        "Most Popular",
        "Load more",
        "See all Video",
    ]
    assert all(rule for rule, _ in chrome)


# ====================================================================== language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council said that the plan was approved and that work on the bridge "
            "is expected to start in the spring, with the first phase of the project "
            "funded by the state. This is the third time that the plan has been changed "
            "and the residents who live near the river were not happy with the result.",
            "en",
        ),
        (
            "Der Stadtrat hat die Pläne nicht gebilligt, und die Anwohner sind mit dem "
            "Ergebnis nicht zufrieden. Das ist auch ein Problem für die Verwaltung, die "
            "sich mit den Kosten befassen muss. Die Arbeiten sind für den Sommer geplant, "
            "wird aber nicht vor dem Herbst beginnen, sagt eine Sprecherin der Stadt.",
            "de",
        ),
        (
            "Le conseil a approuvé le projet dans une séance qui a duré toute la soirée. "
            "Les habitants sont inquiets pour la suite des travaux et pour les coûts, mais "
            "la mairie assure que le chantier avec les entreprises sur place est prêt. "
            "Cette décision est la troisième dans une année pour les élus des quartiers.",
            "fr",
        ),
        ("Too short to say.", None),
    ],
)
def test_language_from_body_words(text: str, expected: str | None) -> None:
    from articlekit.extractors.language import guess_language

    assert guess_language(text) == expected


def test_declared_language_wins_over_the_guess() -> None:
    declared = articlekit.parse(page_html(lang="de"), URL)
    assert declared.language == "de"
    assert declared.provenance["language"] == "meta:html[lang]"
    guessed = articlekit.parse(page_html(), URL)  # BODY_HTML is English prose
    assert guessed.language == "en"
    assert guessed.provenance["language"] == "language:function-words"


# ------------------------------------------------------- authors: byline shapes


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # A colon after the byline word, a list dash before a label.
        ("By: Jane Doe", ("Jane Doe",)),
        ("Von: Max Mustermann", ("Max Mustermann",)),
        ("- Redaktion: Erika Musterfrau (Sprecherin des Vereins)", ("Erika Musterfrau",)),
        ("Autoren Max Mustermann und Erika Musterfrau", ("Max Mustermann", "Erika Musterfrau")),
        # Credits name other people than the authors.
        ("By Jane Doe. Illustrations by John Smith", ("Jane Doe",)),
        ("By Jane Doe, photos by John Smith", ("Jane Doe",)),
        # A spaced dash parts a name from a team or a second name.
        ("Posted by Jane Doe and John Smith - Safe Browsing team", ("Jane Doe", "John Smith")),
        # An outlet after the name, with or without "The".
        ("By John Smith The Associated Press", ("John Smith",)),
        ("By Jane Doe, Cherry Hill Courier-Post", ("Jane Doe",)),
        ("By Jane Doe, Springfield Sentinel", ("Jane Doe",)),
        # Rank words of a job title go with the title.
        ("By Jane Doe, Assistant Features Editor", ("Jane Doe",)),
        # An interview names both people.
        ("Max Mustermann im Gespräch mit Erika Musterfrau", ("Max Mustermann", "Erika Musterfrau")),
        # Spanish "y" between two names parts them.
        ("Por María López y Juan Pérez", ("María López", "Juan Pérez")),
    ],
)
def test_authors_byline_shapes(byline: str, expected: tuple[str, ...]) -> None:
    article = parse(top=f'<h1>A headline for the story</h1><div class="byline">{byline}</div>')
    assert article.authors == expected


def test_authors_credit_alone_in_its_element_takes_the_next_name() -> None:
    byline = (
        '<div class="byline"><span>By</span> <a>Jane Doe</a> '
        "<span>Photography by</span> <a>John Smith</a></div>"
    )
    assert parse(top=f"<h1>A headline for the story</h1>{byline}").authors == ("Jane Doe",)


@pytest.mark.parametrize(
    "extra", ["<button>Link Copied</button>", "<a>About Jane Doe</a>", "<a>Social Links</a>"]
)
def test_authors_button_words_are_no_name(extra: str) -> None:
    byline = f'<div class="byline"><span>By</span> <a>Jane Doe</a> {extra}</div>'
    assert parse(top=f"<h1>A headline for the story</h1>{byline}").authors == ("Jane Doe",)


def test_authors_inline_style_in_a_byline_is_not_text() -> None:
    byline = "<p>By <script>Ad Slot</script><a>Jane Doe</a></p>"
    article = parse(top=f"<h1>A headline for the story</h1>{byline}")
    assert article.authors == ("Jane Doe",)


@pytest.mark.parametrize(
    "line",
    [
        # The label's line holds the names beside it.
        '<p class="meta"><b>Von:</b> <br> Max Mustermann</p>',
        # A label, a date and a second label: the text after the label.
        '<div class="meta"><h5>Datum:</h5>03.11.2021 <br><h5>Autor:</h5>Max Mustermann</div>',
        # A screen-reader label with a bar, the name in the next element.
        '<div class="meta"><span>new!</span><span>| By </span><span>Max Mustermann</span>'
        "| <time>April 13, 2020</time></div>",
        # "By —": a label with a dash.
        '<div class="caption"><span>By —</span>'
        "<p><a>Max Mustermann, Associated Press</a></p></div>",
    ],
)
def test_authors_label_then_name(line: str) -> None:
    assert parse(top=f"<h1>A headline for the story</h1>{line}").authors == ("Max Mustermann",)


def test_authors_label_line_with_two_names() -> None:
    line = '<p class="meta"><span>Von</span> <a>Max Mustermann</a> und <a>Erika Musterfrau</a></p>'
    article = parse(top=f"<h1>A headline for the story</h1>{line}")
    assert article.authors == ("Max Mustermann", "Erika Musterfrau")


def test_authors_structured_names_choose_the_byline_that_shows_them() -> None:
    # The first "By" label shows one name; a later byline shows both, as the
    # JSON-LD does.
    head = ld({"@type": "NewsArticle", "author": [{"name": "Jane Doe"}, {"name": "John Smith"}]})
    top = (
        "<h1>A headline for the story</h1>"
        '<p><span>By</span> <a href="/jane">Jane Doe</a></p>'
        '<div class="byline">Jane Doe and John Smith</div>'
    )
    assert parse(head, top).authors == ("Jane Doe", "John Smith")


def test_authors_structured_names_over_a_page_wide_author_list() -> None:
    head = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}})
    top = (
        '<h1>A headline for the story</h1><div class="byline">Jane Doe</div>'
        '<span itemprop="author">Jane Doe</span>'
    )
    after = '<div><span itemprop="author">John Smith</span></div>'
    assert parse(head, top, after).authors == ("Jane Doe",)


def test_authors_a_byline_showing_more_than_the_structured_data_is_kept() -> None:
    # JSON-LD often lists only the first author; the byline shows both.
    head = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}})
    top = (
        '<h1>A headline for the story</h1><div class="byline">By '
        '<span class="author">Jane Doe</span> and <span class="author">John Smith</span></div>'
    )
    assert parse(head, top).authors == ("Jane Doe", "John Smith")


def test_authors_site_name_as_author_compared_letters_only() -> None:
    head = '<meta property="og:site_name" content="GreenLeafy.com">' + ld(
        {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Green Leafy"}}
    )
    top = '<h1>A headline for the story</h1><div class="byline">Jane Doe</div>'
    assert parse(head, top).authors == ("Jane Doe",)


def test_authors_author_box_with_a_bio_gives_its_first_link() -> None:
    box = (
        '<div class="author"><a href="/authors/jane">Jane Doe</a>, 21. Jan. 2015 '
        "<p>Jane Doe has written about economics for twenty years and teaches at a "
        "university; her books cover labour markets and public finance.</p></div>"
    )
    assert parse(top=f"<h1>A headline for the story</h1>{box}").authors == ("Jane Doe",)


def test_authors_author_box_link_that_is_no_name() -> None:
    box = (
        '<div class="author"><a href="mailto:x@example.com">Send an e-mail to the author</a> '
        "<p>The author has written about gardens for twenty years and teaches at a "
        "university; her books cover vegetables and fruit trees in small yards.</p></div>"
    )
    assert parse(top=f"<h1>A headline for the story</h1>{box}").authors == ()


# ----------------------------------------------------- headline: kickers, masthead


def body_page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}<div>{BODY_HTML}</div></body></html>"


def test_headline_h1_in_a_masthead_part_when_the_metadata_has_its_words() -> None:
    # The page's own heading, with its curly apostrophe, not the metadata's.
    head = '<meta property="og:title" content="Rocket maker\'s launch hits a milestone">'
    body = (
        '<div class="article__masthead"><h1>Rocket maker’s launch hits a milestone</h1></div>'
        "<h2>Recently viewed tickers</h2>"
    )
    assert articlekit.parse(body_page(head, body), URL).title == (
        "Rocket maker’s launch hits a milestone"
    )


def test_headline_h1_in_a_sidebar_part_never_wins_as_the_only_h1() -> None:
    body = '<div class="sidebar"><h1>Sign up for the daily letter</h1></div>'
    assert articlekit.parse(body_page("", body), URL).title is None


def test_headline_hidden_h1_gives_way_to_a_visible_heading() -> None:
    head = (
        "<title>Nuclear power is not sustainable | Agency</title>"
        '<meta property="og:title" content="Nuclear power is not sustainable">'
    )
    body = (
        '<h1 class="visually-hidden">Nuclear power is not sustainable | Agency</h1>'
        '<h2 class="title">Nuclear power is not sustainable</h2>'
    )
    assert articlekit.parse(body_page(head, body), URL).title == "Nuclear power is not sustainable"


@pytest.mark.parametrize(
    ("h1", "og_title", "expected"),
    [
        # The metadata leaves the label out (the document title has it at the end).
        (
            "<h1><div>News</div> Film festival opens in the old harbour</h1>",
            "Film festival opens in the old harbour",
            "Film festival opens in the old harbour",
        ),
        # The metadata sets the label off with a separator.
        (
            "<h1><span>Opinion</span> <span>What I will be hoping for this winter</span></h1>",
            "Opinion | What I will be hoping for this winter",
            "What I will be hoping for this winter",
        ),
        (
            '<h1><a href="/t/1"><span>Patch Notes</span><span> </span>Version 4.2 fixes the'
            " login bug</a></h1>",
            "Patch Notes - Version 4.2 fixes the login bug",
            "Version 4.2 fixes the login bug",
        ),
        # A first line that the metadata runs on into the rest: one headline.
        (
            "<h1><span>The long road</span> <span>back to the old harbour</span></h1>",
            "The long road back to the old harbour",
            "The long road back to the old harbour",
        ),
        # Inline emphasis is a word of the headline, not a label.
        (
            "<h1><strong>Amazon</strong> workers protest the sale</h1>",
            "Amazon: workers protest the sale",
            "Amazon workers protest the sale",
        ),
    ],
)
def test_headline_leading_label_element(h1: str, og_title: str, expected: str) -> None:
    head = (
        f'<meta property="og:title" content="{og_title}">'
        f"<title>{og_title} - News - Example Site</title>"
    )
    assert parse(head, h1).title == expected


@pytest.mark.parametrize(
    "credit",
    [
        # A "By" line in a figure's caption credits the photo.
        '<figure><img src="/a.jpg"><figcaption>Workers at the plant. <span>By John Smith'
        "</span></figcaption></figure>",
        # After a caption sentence under an image, without a figure element.
        '<div><img src="/a.jpg"><div><span>Members of the union have been asking for a raise'
        " since May.</span><style>.c{color:red}</style><span>By <a>John Smith</a></span>"
        "</div></div>",
    ],
)
def test_authors_photo_credit_is_not_the_byline(credit: str) -> None:
    top = f"<h1>A headline for the story</h1>{credit}<p><span>By <a>Jane Doe</a></span></p>"
    assert parse(top=top).authors == ("Jane Doe",)


def test_authors_byline_with_an_avatar_is_no_photo_credit() -> None:
    top = (
        '<h1>A headline for the story</h1><div><img src="/jane.jpg" alt="">'
        "<span>By <a>Jane Doe</a></span></div>"
    )
    assert parse(top=top).authors == ("Jane Doe",)


def test_authors_one_byline_block_per_author() -> None:
    top = (
        "<h1>A headline for the story</h1>"
        '<address class="who"><div class="caption"><span>By —</span><p>Jane Doe, AP</p></div>'
        '</address><address class="who"><div class="caption"><span>By —</span>'
        "<p>John Smith, AP</p></div></address>"
    )
    assert parse(top=top).authors == ("Jane Doe", "John Smith")


def test_authors_bylines_apart_are_not_merged() -> None:
    top = (
        '<h1>A headline for the story</h1><div class="who"><p>By Jane Doe</p></div>'
        '<p>A first paragraph.</p><div class="who"><p>By John Smith</p></div>'
    )
    assert parse(top=top).authors == ("Jane Doe",)


def test_authors_byline_beside_the_headline_in_a_teaser_classed_block() -> None:
    top = (
        '<div class="head"><h1>A headline for the story</h1>'
        '<div class="teaser-small__metadata"><p class="byline__author">Jane Doe</p></div></div>'
    )
    assert parse(top=top).authors == ("Jane Doe",)


def test_authors_byline_in_a_teaser_away_from_the_headline() -> None:
    top = "<div class='head'><h1>A headline for the story</h1></div>"
    after = (
        '<div class="teaser"><div class="card-body"><h3>Another story on the site</h3>'
        '<p class="byline__author">John Smith</p></div></div>'
    )
    assert parse(top=top, after=after).authors == ()


def test_headline_not_cut_to_a_piece_the_metadata_says_more_than() -> None:
    # og:title is a variant ("…, milk and eggs"), not the h1's first half.
    head = '<meta property="og:title" content="Land use for meat, milk and eggs • Example Site">'
    top = "<h1>Land use for meat – why we would need a quarter of the fields</h1>"
    assert parse(head, top).title == "Land use for meat – why we would need a quarter of the fields"


def test_headline_cut_to_the_piece_the_metadata_shows() -> None:
    head = '<meta property="og:title" content="Climate pioneers in the valley | Example Site">'
    top = "<h1>Energy transition: Climate pioneers in the valley</h1>"
    assert parse(head, top).title == "Climate pioneers in the valley"


def test_headline_lone_itemprop_h2_counts_once() -> None:
    head = "<title>Writing style - Example Web Design</title>"
    top = '<h2 itemprop="headline">Write for the readers you want to reach</h2>'
    assert parse(head, top).title == "Write for the readers you want to reach"


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        ("Probe beams a cat video home (video)", "Probe beams a cat video home"),
        ("Storm floods the old town [PHOTOS]", "Storm floods the old town"),
        # Brackets that are part of the story stay.
        ("Mayor (78) opens the bridge", "Mayor (78) opens the bridge"),
    ],
)
def test_headline_media_label_dropped(h1: str, expected: str) -> None:
    assert parse(top=f"<h1>{h1}</h1>").title == expected


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        # A stamp, then the byline, in the element that also holds the headline.
        (
            '<div id="page-title"><h1>A headline for the story that runs long enough to matter'
            "</h1> posted on 2023-12-19 23:30 EST by Jane Doe</div>",
            ("Jane Doe",),
        ),
        # A department after the name is no person.
        (
            "<h1>A headline for the story</h1>"
            "<p>Posted by Jane Doe, Project Marketing, Example</p>",
            ("Jane Doe",),
        ),
    ],
)
def test_authors_posted_on_by_lines(top: str, expected: tuple[str, ...]) -> None:
    assert parse(top=top).authors == expected
