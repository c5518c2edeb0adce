"""The dates stage weighing its sources: structured stamps against what the page shows.

Hand-written snippets, one rule each: the local zone of a UTC stamp, the shown
update day of a re-dated page, the article header's day, teaser cards and
non-publication labels, URL dates, relative stamps and the page's own clock.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

import articlekit
from articlekit.article import Article
from articlekit.dates import relative_offset
from articlekit.rules import DATE_FOREIGN_LABELS

URL = "https://news.example/story/harbor-bridge"
BODY = (
    "<p>The harbor bridge will stay closed until the autumn after inspectors found cracks in "
    "two of its main girders during a routine check, the city said on Wednesday evening.</p>"
    "<p>Crews had planned to reopen the bridge in July. The works department now expects the "
    "replacement parts, which must be made to order, to arrive in October at the earliest.</p>"
    "<p>Pedestrians and cyclists can take the ferry, which will run every twenty minutes from "
    "Monday, while drivers keep following the detour through the industrial park.</p>"
)


def ld(obj: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def parse(
    head: str = "", header: str = "", after: str = "", url: str = URL, lang: str = ""
) -> Article:
    html_tag = f'<html lang="{lang}">' if lang else "<html>"
    page = (
        f"{html_tag}<head><title>Harbor bridge stays closed</title>{head}</head><body>"
        f'<article><h1>Harbor bridge stays closed until autumn</h1>{header}<div class="body">'
        f"{BODY}</div></article>{after}</body></html>"
    )
    return articlekit.parse(page, url)


def day(article: Article) -> date | None:
    value = article.published
    return value.date() if isinstance(value, datetime) else value


# --- a UTC stamp read in the zone the page shows ------------------------------------


def test_utc_stamp_takes_the_local_day_of_the_same_instant_shown_naively() -> None:
    article = parse(
        head=ld({"@type": "NewsArticle", "datePublished": "2023-12-23T01:48:19Z"}),
        header='<div class="time">Published <time datetime="2023-12-22 20:48:19">'
        "December 22, 2023 at 8:48 p.m.</time></div>",
    )
    assert article.published == datetime(
        2023, 12, 22, 20, 48, 19, tzinfo=timezone(timedelta(hours=-5))
    )
    assert article.provenance["published"].endswith("+local-zone")


def test_utc_stamp_takes_the_offset_of_a_time_element_with_the_same_instant() -> None:
    article = parse(
        head=ld({"@type": "NewsArticle", "datePublished": "2023-12-22T18:30:00Z"}),
        header='<time datetime="2023-12-23T05:30:00+11:00">December 23, 2023 - 5.30am</time>',
    )
    assert day(article) == date(2023, 12, 23)


def test_utc_stamp_without_a_local_form_on_the_page_is_kept() -> None:
    article = parse(
        head=ld({"@type": "NewsArticle", "datePublished": "2023-12-22T18:30:00Z"}),
        header='<time datetime="2023-12-22T21:00:00+11:00">Updated</time>',  # another instant
    )
    assert article.published == datetime(2023, 12, 22, 18, 30, tzinfo=timezone.utc)


def test_utc_stamp_is_not_moved_to_a_day_no_zone_gives_it() -> None:
    # 17:08 UTC is the 22nd everywhere from UTC-12 on: a URL saying the 21st
    # does not make it the 21st.
    article = parse(
        head=ld({"@type": "NewsArticle", "datePublished": "2023-12-22T17:08:49Z"}),
        url="https://news.example/world/2023/dec/21/harbor-bridge",
    )
    assert day(article) == date(2023, 12, 22)


@pytest.mark.parametrize(
    ("lang", "head", "expected"),
    [
        # Midnight in Berlin, winter (UTC+1) and summer (UTC+2): a day-only value.
        ("de", "2022-11-06T23:00:00.000Z", date(2022, 11, 7)),
        ("de-DE", "2022-07-06T22:00:00Z", date(2022, 7, 7)),
        ("pl", "2022-07-06T22:00:00+00:00", date(2022, 7, 7)),
        # og:locale says where the page is when <html lang> does not.
        ("", '<meta property="og:locale" content="de_DE">2022-11-06T23:00:00Z', date(2022, 11, 7)),
    ],
)
def test_utc_stamp_at_midnight_of_the_locales_zone_is_that_day(
    lang: str, head: str, expected: date
) -> None:
    extra, _, stamp = head.rpartition(">")
    extra = f"{extra}>" if extra else ""
    meta = f'<meta property="article:published_time" content="{stamp}">'
    article = parse(head=extra + meta, lang=lang)
    assert article.published == expected
    assert article.provenance["published"].endswith("+local-midnight")


@pytest.mark.parametrize(
    ("lang", "stamp"),
    [
        # 6 p.m. EDT: an American evening story keeps its day.
        ("en-US", "2022-07-06T22:00:00Z"),
        ("en", "2022-11-06T23:00:00Z"),
        # No locale, no zone: nothing says where midnight is.
        ("", "2022-11-06T23:00:00Z"),
        # 23:00 in Berlin in winter is no midnight.
        ("de", "2022-11-06T22:00:00Z"),
        ("de", "2022-11-06T21:00:00.000Z"),
        # A second past midnight is a real publication time.
        ("de", "2022-11-06T23:00:01Z"),
    ],
)
def test_utc_stamp_that_is_no_local_midnight_keeps_its_day(lang: str, stamp: str) -> None:
    meta = f'<meta property="article:published_time" content="{stamp}">'
    article = parse(head=meta, lang=lang)
    assert day(article) == date.fromisoformat(stamp[:10])
    assert "+local-midnight" not in article.provenance["published"]


def script(text: str) -> str:
    return f"<script>{text}</script>"


def test_utc_stamp_takes_the_zone_the_page_states() -> None:
    # 02:54 UTC on May 2nd is 22:54 on May 1st in New York.
    article = parse(
        head=ld({"@type": "NewsArticle", "datePublished": "2020-05-02T02:54:29Z"})
        + script('window.site = {"timezone": {"short": "ET", "long": "America/New_York"}};'),
    )
    assert day(article) == date(2020, 5, 1)
    assert article.published == datetime(2020, 5, 2, 2, 54, 29, tzinfo=timezone.utc)
    assert article.provenance["published"].endswith("+stated-zone")


def test_stated_zone_in_wordpress_settings_form() -> None:
    article = parse(
        head='<meta property="article:published_time" content="2021-03-04T23:30:00+00:00">'
        + script('var settings = {"timezone_string":"Europe/Berlin"};'),
    )
    assert day(article) == date(2021, 3, 5)


def test_page_naming_several_zones_states_none() -> None:
    article = parse(
        head=ld({"@type": "NewsArticle", "datePublished": "2020-05-02T02:54:29Z"})
        + script('var zones = [{"timezone": "America/New_York"}, {"timezone": "Asia/Tokyo"}];'),
    )
    assert day(article) == date(2020, 5, 2)


def test_stated_zone_does_not_move_a_stamp_with_its_own_offset() -> None:
    article = parse(
        head=ld({"@type": "NewsArticle", "datePublished": "2020-05-02T02:54:29+02:00"})
        + script('var settings = {"timezone": "America/New_York"};'),
    )
    assert day(article) == date(2020, 5, 2)


# --- re-dated pages: the day the page shows ----------------------------------------------


def test_shown_update_day_wins_over_an_unshown_publication_day() -> None:
    article = parse(
        head=ld(
            {
                "@type": "NewsArticle",
                "datePublished": "2019-03-30T08:00:00-04:00",
                "dateModified": "2023-12-19T09:00:00-05:00",
            }
        ),
        header='<div class="byline">By Ann Lee <span class="date">Dec 19, 2023</span></div>',
    )
    assert day(article) == date(2023, 12, 19)
    assert "dateModified" in article.provenance["published"]


def test_publication_day_that_the_page_shows_is_kept() -> None:
    article = parse(
        head=ld(
            {
                "@type": "NewsArticle",
                "datePublished": "2019-03-30T08:00:00-04:00",
                "dateModified": "2023-12-19T09:00:00-05:00",
            }
        ),
        header='<span class="date">March 30, 2019</span> <span class="date">Dec 19, 2023</span>',
    )
    assert day(article) == date(2019, 3, 30)


def test_publication_day_in_the_url_is_kept() -> None:
    article = parse(
        head=ld(
            {
                "@type": "NewsArticle",
                "datePublished": "2023-11-08T10:00:00-05:00",
                "dateModified": "2023-11-09T09:00:00-05:00",
            }
        ),
        header='<span class="date">Nov 9, 2023</span>',
        url="https://news.example/2023/11/08/harbor-bridge/",
    )
    assert day(article) == date(2023, 11, 8)


def test_header_day_wins_over_an_unshown_structured_day() -> None:
    article = parse(
        head='<meta name="date" content="2021-12-20T11:02:44+01:00">',
        header='<span class="date">27.01.2022</span>',
    )
    assert article.published == date(2022, 1, 27)
    assert article.provenance["published"] == "dates:header"


def test_shown_time_element_wins_over_an_unshown_structured_day() -> None:
    # No headline element: the header is unknown, the article's <time> shows its day.
    page = (
        '<html><head><title>Harbor bridge</title><meta name="dcterms.date" '
        'content="2022-01-21T09:43:00+01:00"></head><body><div class="article-meta">'
        '<time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></div>'
        f"{BODY}</body></html>"
    )
    article = articlekit.parse(page, URL)
    assert day(article) == date(2022, 1, 25)


def test_htmldate_reads_dates_inside_teaser_classed_wrappers() -> None:
    # The article's own wrapper is classed "teaser": without it, only the
    # image path's month would be left to find.
    page = (
        '<html><head><title>Harbor bridge</title></head><body><img src="/up/2020/05/a.jpg">'
        f'<div class="teaser-text"><span class="date">2021-03-04</span>{BODY}</div>'
        "</body></html>"
    )
    article = articlekit.parse(page, URL)
    assert day(article) == date(2021, 3, 4)
    assert article.provenance["published"] == "dates:htmldate"


def test_htmldate_day_found_only_in_a_teaser_rail_is_refused() -> None:
    page = (
        f"<html><head><title>Harbor bridge</title></head><body>{BODY}"
        '<div class="related-stories"><a href="/x">Ferry timetable changes</a>'
        '<span class="date">2021-03-04</span></div></body></html>'
    )
    assert articlekit.parse(page, URL).published is None


@pytest.mark.parametrize("footer", ["© 2016 Harbor Post", "Copyright 1998-2016 Harbor Post"])
def test_a_copyright_year_is_no_publication_day(footer: str) -> None:
    # htmldate answers January 1 of the footer's year
    page = f"<html><head><title>Harbor bridge</title></head><body>{BODY}<footer>{footer}</footer>"
    assert articlekit.parse(page, URL).published is None


def test_a_shown_january_first_is_still_read() -> None:
    article = parse(header='<time datetime="2021-01-01T09:00:00+01:00">1 January 2021</time>')
    assert article.published is not None
    assert day(article) == date(2021, 1, 1)


def test_teaser_card_date_after_the_prose_is_not_the_header() -> None:
    article = parse(
        head='<meta name="date" content="2020-10-26">',
        after='<div class="cards"><a href="/other">Another story about the harbor ferries</a>'
        '<div class="article-date">09.08.2020</div></div>',
    )
    assert article.published == date(2020, 10, 26)


def test_date_beside_a_headline_link_is_a_teaser_not_the_header() -> None:
    article = parse(
        head='<meta name="date" content="2020-02-11">',
        header='<ul><li><span class="datum">29.02.2020 18:00</span> '
        '<span><a href="/events/140">Wine tasting on the pier</a></span></li></ul>',
    )
    assert article.published == date(2020, 2, 11)


def test_header_without_structured_stamp_gives_the_day_before_htmldate() -> None:
    article = parse(header="<div>ca. 8 min. 12.01.2022</div>")
    assert article.published == date(2022, 1, 12)
    assert article.provenance["published"] == "dates:header"


def test_dateline_opening_the_body_gives_the_day() -> None:
    page = (
        "<html><body><article><h1>Harbor bridge stays closed until autumn</h1>"
        "<p>29.11.2022 – The city council met on Tuesday to discuss the harbor bridge, whose "
        "closure has split the old town from the ferry terminal since the spring, and heard "
        "from engineers who want the repairs finished before the first autumn storms.</p>"
        + BODY
        + "</article></body></html>"
    )
    article = articlekit.parse(page, URL)
    assert article.published == date(2022, 11, 29)
    assert article.provenance["published"] == "dates:dateline"


def test_opening_words_with_a_number_are_no_dateline() -> None:
    page = (
        "<html><body><article><h1>Harbor bridge stays closed until autumn</h1>"
        "<p>The 3 girders - all cracked - " + BODY[3:] + "</article></body></html>"
    )
    assert articlekit.parse(page, URL).provenance.get("published") != "dates:dateline"


@pytest.mark.parametrize(
    "text", ["Registriert: 18.09.2008, 05:56", "Member since Sep 18, 2008", "Event: 29.02.2020"]
)
def test_non_publication_labels_are_recognised(text: str) -> None:
    assert DATE_FOREIGN_LABELS.match(text)


def test_header_date_behind_a_non_publication_label_is_skipped() -> None:
    article = parse(
        header="<div>Registriert: 18.09.2008, 05:56</div>",
        url="https://forum.example/2009/01/21/thread-167",
    )
    assert article.published == date(2009, 1, 21)


# --- visible stamp lines ------------------------------------------------------------------


def test_label_and_value_in_separate_elements() -> None:
    article = parse(
        head='<meta name="date" content="2021-10-15">',
        header="<div><span>Erschienen am:</span><h2>13.10.2021</h2></div>",
    )
    assert article.published == date(2021, 10, 13)


def test_label_element_followed_by_its_value_as_text() -> None:
    article = parse(
        head=ld(
            {
                "@type": "NewsArticle",
                "datePublished": "2023-11-06T18:19+01:00",
                "dateModified": "2023-11-07T10:14+01:00",
            }
        ),
        header='<p class="stand"><span>Stand: </span>07.11.2023, 07:30 Uhr</p>',
    )
    assert day(article) == date(2023, 11, 7)


def test_stand_without_a_digit_is_no_stamp() -> None:
    article = parse(header="<p>Stand by your neighbours, the mayor said.</p>")
    assert article.updated is None


def test_publication_line_in_the_site_footer_is_read_before_htmldate() -> None:
    article = parse(
        after='<div class="footer-line">Letzte Änderung: 31.10.2023 - 14:49<br>'
        "Erschienen am: 01.11.2023<br>Lesungen: 61</div>"
    )
    assert article.published == date(2023, 11, 1)


def test_only_an_update_stamp_shown_gives_the_day_before_htmldate() -> None:
    article = parse(header='<p class="info">Updated : 2023-11-07 15:30:46</p>')
    assert day(article) == date(2023, 11, 7)
    assert article.provenance["published"] == "dates:visible:stamp-updated"


# --- URL dates ------------------------------------------------------------------------------


def test_url_date_with_a_month_abbreviation() -> None:
    article = parse(url="https://news.example/article/2023/dec/21/harbor-bridge/")
    assert article.published == date(2023, 12, 21)
    assert article.provenance["published"] == "dates:url"


# --- relative stamps: the page's own clock, never today's -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 hours ago", timedelta(hours=3)),
        ("45 minutes ago", timedelta(minutes=45)),
        ("vor 2 Tagen", timedelta(days=2)),
        ("il y a 5 minutes", timedelta(minutes=5)),
    ],
)
def test_relative_offset(text: str, expected: timedelta) -> None:
    assert relative_offset(text) == expected


@pytest.mark.parametrize("text", ["June 20, 2018", "3 hours", "Updated", "100 days of summer"])
def test_relative_offset_refuses_other_text(text: str) -> None:
    assert relative_offset(text) is None


RAIL = (
    '<aside class="rail"><ul>'
    '<li class="teaser"><a href="/a">School board approves budget with new bus routes</a> '
    '<time datetime="2021-03-09T07:40:00+01:00">4 hours ago</time></li>'
    '<li class="teaser"><a href="/b">Harbor festival returns in June with a longer market</a> '
    '<time datetime="2021-03-09T10:55:00+01:00">45 minutes ago</time></li>'
    "</ul></aside>"
)


def test_relative_stamps_count_back_from_the_page_clock() -> None:
    article = parse(
        header='<span class="stamp">Published 5 hours ago</span>'
        '<span class="stamp">Updated 2 hours ago</span>',
        after=RAIL,
    )
    cet = timezone(timedelta(hours=1))
    assert article.published == datetime(2021, 3, 9, 6, 40, tzinfo=cet)
    assert article.updated == datetime(2021, 3, 9, 9, 40, tzinfo=cet)


def test_relative_stamp_without_a_page_clock_is_not_resolved() -> None:
    article = parse(header='<span class="stamp">Published 5 hours ago</span>')
    assert article.published is None or article.provenance["published"] == "dates:htmldate"
    assert article.published_text != "Published 5 hours ago"
