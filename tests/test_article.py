"""Article: serialisation round trips, immutability, corpus keys, renderings."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from articlekit import Article, Removal, Stamp
from articlekit.article import FrozenMap, stamp_from_iso, stamp_to_iso
from articlekit.blocks import Paragraph, Span
from articlekit.dates import parse_stamp

EDT = timezone(timedelta(hours=-4))

#: Keys of a corpus truth line (FORMAT.md) that describe the article itself.
FORMAT_KEYS = ("url", "title", "authors", "published", "updated", "tags", "body", "language")


def make(published: Stamp | None, updated: Stamp | None = None, **extra: object) -> Article:
    fields: dict[str, object] = {
        "url": "https://example.com/story",
        "canonical_url": "https://example.com/c",
        "title": "Amazon employees protest the sale",
        "subtitle": "Workers wrote a letter.",
        "authors": ("Jane Doe", "John Smith"),
        "published": published,
        "published_text": "June 20, 2018",
        "updated": updated,
        "updated_text": "Updated: 9:45 p.m.",
        "tags": ("Amazon", "Donald Trump"),
        "section": "Technology",
        "language": "en",
        "site_name": "The Hill",
        "description": "A description with “curly quotes” and ümlauts.",
        "image": "https://example.com/i.jpg",
        "blocks": (
            Paragraph((Span("First paragraph."),)),
            Paragraph((Span("Second "), Span("paragraph", href="https://example.com/p"))),
        ),
        "removed": (
            Removal(
                stage="chrome",
                rule="stamp-updated",
                text="Updated: 9:45 p.m.",
                reason="an update stamp",
                moved_to="updated",
            ),
            Removal(stage="chrome", rule="load-more", text="Load more", reason="a button"),
        ),
        "provenance": FrozenMap({"title": "headline:h1", "updated": "chrome:line:stamp-updated"}),
        "warnings": ("chrome: something",),
    }
    fields.update(extra)
    return Article(**fields)  # type: ignore[arg-type]


STAMPS: list[tuple[str, Stamp]] = [
    ("aware-utc", datetime(2018, 6, 20, 21, 45, tzinfo=timezone.utc)),
    ("aware-offset", datetime(2018, 6, 20, 21, 45, 30, tzinfo=EDT)),
    ("aware-micro", datetime(2018, 6, 20, 21, 45, 0, 500, tzinfo=timezone.utc)),
    ("naive", datetime(2018, 6, 20, 21, 45)),
    ("date", date(2018, 6, 20)),
    ("time", time(21, 45)),
    ("time-seconds", time(21, 45, 30, 123456)),
    ("time-aware", time(21, 45, tzinfo=timezone.utc)),
]


def same_stamp(a: Stamp | None, b: Stamp | None) -> bool:
    """Equal, of the same kind, with the same zone offset (== alone ignores these)."""
    if type(a) is not type(b) or a != b:
        return False
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a.utcoffset() == b.utcoffset()
    if isinstance(a, time) and isinstance(b, time):
        return (a.tzinfo is None) == (b.tzinfo is None) and a.utcoffset() == b.utcoffset()
    return True


# --- round trips --------------------------------------------------------------------


@pytest.mark.parametrize(("label", "stamp"), STAMPS, ids=[s[0] for s in STAMPS])
def test_dict_round_trip(label: str, stamp: Stamp) -> None:
    article = make(stamp, stamp)
    back = Article.from_dict(article.to_dict())
    assert back == article
    assert same_stamp(back.published, stamp)
    assert same_stamp(back.updated, stamp)
    assert back.to_dict() == article.to_dict()


@pytest.mark.parametrize(("label", "stamp"), STAMPS, ids=[s[0] for s in STAMPS])
def test_json_round_trip(label: str, stamp: Stamp) -> None:
    article = make(stamp, None)
    text = article.to_json()
    back = Article.from_json(text)
    assert back == article
    assert same_stamp(back.published, stamp)
    assert back.updated is None
    assert back.removed == article.removed
    assert back.removed[0].moved_to == "updated"
    assert back.removed[1].moved_to is None
    assert dict(back.provenance) == dict(article.provenance)
    assert isinstance(back.provenance, FrozenMap)
    assert back.blocks == article.blocks
    assert isinstance(back.authors, tuple)
    assert isinstance(back.paragraphs, tuple)
    assert back.to_json() == text


def test_json_keeps_non_ascii_and_indent() -> None:
    article = make(date(2018, 6, 20))
    assert "“curly quotes”" in article.to_json()
    assert Article.from_json(article.to_json(indent=2)) == article
    assert "\n  " in article.to_json(indent=2)


def test_empty_article_round_trips() -> None:
    article = Article()
    assert Article.from_json(article.to_json()) == article
    assert article.to_dict()["authors"] == []
    assert article.to_dict()["published"] is None


def test_zone_aware_datetime_keeps_its_offset() -> None:
    stamp = datetime(2018, 6, 20, 10, 2, tzinfo=ZoneInfo("America/New_York"))
    back = Article.from_json(make(stamp).to_json())
    assert back.published == stamp
    assert back.published.utcoffset() == timedelta(hours=-4)
    assert back.to_dict()["published"] == "2018-06-20T10:02:00-04:00"


def test_time_stamp_with_zone_word_round_trips() -> None:
    # "Updated: 9:45 p.m. ET" without a known day gives a bare time (the zone's
    # offset depends on the unknown day); it must survive a round trip exactly.
    stamp = parse_stamp("9:45 p.m. ET")
    assert isinstance(stamp, time)
    back = Article.from_json(make(None, stamp).to_json())
    assert back.updated == stamp


def test_stamp_iso_helpers() -> None:
    assert stamp_to_iso(None) is None
    assert stamp_from_iso(None) is None
    assert stamp_from_iso("2018-06-20") == date(2018, 6, 20)
    assert type(stamp_from_iso("2018-06-20")) is date
    assert stamp_from_iso("21:45:00") == time(21, 45)
    assert stamp_from_iso("2018-06-20T21:45:00Z") == datetime(
        2018, 6, 20, 21, 45, tzinfo=timezone.utc
    )


def test_from_dict_refuses_unknown_keys() -> None:
    data = make(None).to_dict()
    data["bogus"] = 1
    with pytest.raises(ValueError, match="bogus"):
        Article.from_dict(data)


def test_removal_dict_round_trip() -> None:
    removal = Removal(stage="chrome", rule="share", text="Share", reason="a share bar")
    assert Removal.from_dict(removal.to_dict()) == removal
    assert removal.to_dict()["moved_to"] is None


# --- immutability -----------------------------------------------------------------------


@pytest.mark.parametrize(("field", "value"), [("title", "x"), ("tags", ("y",)), ("blocks", ())])
def test_article_is_frozen(field: str, value: object) -> None:
    article = make(None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(article, field, value)


def test_article_has_no_instance_dict() -> None:
    article = make(None)
    with pytest.raises((AttributeError, TypeError)):
        article.extra = 1  # type: ignore[attr-defined]


def test_removal_is_frozen() -> None:
    removal = Removal(stage="chrome", rule="share", text="Share", reason="r")
    with pytest.raises(dataclasses.FrozenInstanceError):
        removal.rule = "other"  # type: ignore[misc]


def test_provenance_is_read_only() -> None:
    article = make(None)
    with pytest.raises(TypeError):
        article.provenance["title"] = "x"  # type: ignore[index]


def test_article_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        Article("https://example.com")  # type: ignore[misc]


def test_replace_gives_a_variant() -> None:
    article = make(None)
    other = dataclasses.replace(article, title="Other")
    assert other.title == "Other"
    assert article.title == "Amazon employees protest the sale"


# --- corpus keys ------------------------------------------------------------------------


def test_keys_overlap_the_corpus_format() -> None:
    data = make(datetime(2018, 6, 20, 21, 45, tzinfo=EDT), date(2018, 6, 21)).to_dict()
    for key in FORMAT_KEYS:
        assert key in data
    assert isinstance(data["authors"], list)
    assert isinstance(data["tags"], list)
    assert data["published"] == "2018-06-20T21:45:00-04:00"
    assert data["updated"] == "2018-06-21"
    assert data["body"] == "First paragraph.\nSecond paragraph"
    assert data["paragraphs"] == ["First paragraph.", "Second paragraph"]
    assert data["word_count"] == 4
    assert re.fullmatch(r"[a-z]{2}", data["language"])
    json.dumps(data)  # JSON-ready


# --- renderings -------------------------------------------------------------------------


def test_to_text() -> None:
    article = make(None)
    text = article.to_text()
    assert text.startswith("Amazon employees protest the sale\n\n")
    assert "First paragraph.\nSecond paragraph" in text
    assert text.endswith("\n")
    assert Article(blocks=(Paragraph((Span("Only body."),)),)).to_text() == "Only body.\n"


def test_to_markdown() -> None:
    article = make(date(2018, 6, 20), datetime(2018, 6, 20, 21, 45))
    md = article.to_markdown()
    assert md.startswith("# Amazon employees protest the sale\n")
    assert "*Workers wrote a letter.*" in md
    assert "By Jane Doe, John Smith" in md
    assert "Published 20 June 2018" in md
    assert "Updated 20 June 2018, 21:45" in md
    assert "\nFirst paragraph.\n\nSecond [paragraph](<https://example.com/p>)\n" in md
    assert "Tags: Amazon, Donald Trump" in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_to_markdown_without_title() -> None:
    md = Article(blocks=(Paragraph((Span("Only."),)),)).to_markdown()
    assert "#" not in md
    assert md == "Only.\n"
