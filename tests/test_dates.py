"""articlekit.dates: ISO stamps, visible stamps, anchors, and never guessing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest

from articlekit.article import Stamp
from articlekit.dates import parse_iso, parse_stamp
from articlekit.rules import DATA_LINES

NY = ZoneInfo("America/New_York")
EDT = timezone(timedelta(hours=-4))
CEST = timezone(timedelta(hours=2))
#: An article published 8:00 EDT on 20 June 2018.
PUBLISHED = datetime(2018, 6, 20, 8, 0, tzinfo=EDT)


def kind(stamp: Stamp | None) -> str:
    """'datetime', 'date' or 'time' (datetime is a date subclass: check it first)."""
    if isinstance(stamp, datetime):
        return "datetime"
    if isinstance(stamp, date):
        return "date"
    if isinstance(stamp, time):
        return "time"
    return type(stamp).__name__


def offset(stamp: datetime | time) -> timedelta | None:
    if isinstance(stamp, datetime):
        return stamp.utcoffset()
    return stamp.tzinfo.utcoffset(None) if stamp.tzinfo is not None else None


# --- parse_iso ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-06-20", date(2018, 6, 20)),
        ("20180620", date(2018, 6, 20)),
        (" 2018-06-20 ", date(2018, 6, 20)),
    ],
)
def test_parse_iso_date_only_gives_a_date(text: str, expected: date) -> None:
    result = parse_iso(text)
    assert kind(result) == "date"
    assert result == expected


@pytest.mark.parametrize(
    ("text", "expected_offset"),
    [
        ("2018-06-20T21:45:00Z", timedelta(0)),
        ("2018-06-20T21:45:00+00:00", timedelta(0)),
        ("2018-06-20T21:45:00+02:00", timedelta(hours=2)),
        ("2018-06-20T21:45:00-04:00", timedelta(hours=-4)),
        ("2018-06-20T21:45:00-0400", timedelta(hours=-4)),
        ("2018-06-20T21:45:00+0530", timedelta(hours=5, minutes=30)),
        ("2018-06-20T21:45+01", timedelta(hours=1)),
        ("2018-06-20 21:45:00.123Z", timedelta(0)),
    ],
)
def test_parse_iso_with_zone_gives_an_aware_datetime(text: str, expected_offset: timedelta) -> None:
    result = parse_iso(text)
    assert isinstance(result, datetime)
    assert result.tzinfo is not None
    assert result.utcoffset() == expected_offset
    assert (result.year, result.month, result.day, result.hour, result.minute) == (
        2018,
        6,
        20,
        21,
        45,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-06-20T21:45", datetime(2018, 6, 20, 21, 45)),
        ("2018-06-20T21:45:30", datetime(2018, 6, 20, 21, 45, 30)),
        ("2018-06-20 21:45:00.123456", datetime(2018, 6, 20, 21, 45, 0, 123456)),
        ("2018-06-20T21:45:00.5", datetime(2018, 6, 20, 21, 45, 0, 500000)),
    ],
)
def test_parse_iso_without_offset_is_naive(text: str, expected: datetime) -> None:
    result = parse_iso(text)
    assert isinstance(result, datetime)
    assert result.tzinfo is None
    assert result == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "June 20, 2018",
        "2018-13-01",
        "2018-02-30",
        "2018-06-20T25:00",
        "2018-06-20T21:61",
        "2018-06-20T21:45:00 EST",
        "20.06.2018",
        "2018-06",
    ],
)
def test_parse_iso_refuses_non_iso(text: str) -> None:
    assert parse_iso(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Placeholders a CMS writes for "no date": the Unix epoch (also as
        # rendered west of Greenwich), year one, the end of the calendar.
        "1970-01-01",
        "1970-01-01T00:00:00Z",
        "1969-12-31T19:00:00-05:00",
        "0001-01-01T00:00:00",
        "9999-12-31",
        "1900-01-01",
    ],
)
def test_parse_iso_refuses_placeholder_dates(text: str) -> None:
    assert parse_iso(text) is None
    assert parse_stamp(text) is None


@pytest.mark.parametrize("text", ["1995-08-09", "2099-12-31T10:00:00Z"])
def test_parse_iso_keeps_the_plausible_years_at_the_edges(text: str) -> None:
    assert parse_iso(text) is not None


# --- parse_stamp: times of day and anchors -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:45 p.m.", time(21, 45)),
        ("9:45 pm", time(21, 45)),
        ("9:45PM", time(21, 45)),
        ("9:45 a.m.", time(9, 45)),
        ("12:30 a.m.", time(0, 30)),
        ("12:00 p.m.", time(12, 0)),
        ("21:45", time(21, 45)),
        ("21.45 Uhr", time(21, 45)),
        ("at 9:45 p.m.", time(21, 45)),
    ],
)
def test_time_only_without_anchor_stays_a_time(text: str, expected: time) -> None:
    result = parse_stamp(text)
    assert kind(result) == "time"
    assert result == expected
    assert result.tzinfo is None


def test_updated_line_value_is_a_time_without_anchor() -> None:
    # The chrome stage hands the value of "Updated: 9:45 p.m." to parse_stamp.
    rule = next(r for r in DATA_LINES if r.id == "stamp-updated")
    match = rule.pattern.fullmatch("Updated: 9:45 p.m.")
    assert match is not None
    assert parse_stamp(match.group("value")) == time(21, 45)


def test_time_with_zone_word_and_no_anchor_stays_a_naive_time() -> None:
    # "ET" is -05:00 or -04:00 depending on the day, which is unknown: a bare
    # time cannot carry it (nor serialise it); the raw stamp text keeps it.
    result = parse_stamp("9:45 p.m. ET")
    assert kind(result) == "time"
    assert result == time(21, 45)
    assert result.tzinfo is None


@pytest.mark.parametrize("text", ["45", "7", "9:75", "25:10", "13:15 p.m. XYZ", "99:99"])
def test_things_that_are_not_times(text: str) -> None:
    assert parse_stamp(text) is None


def test_time_with_date_anchor_lands_on_that_day() -> None:
    result = parse_stamp("9:45 p.m.", anchor=date(2018, 6, 20))
    assert kind(result) == "datetime"
    assert result == datetime(2018, 6, 20, 21, 45)
    assert result.tzinfo is None


def test_time_with_aware_anchor_takes_the_anchor_zone() -> None:
    result = parse_stamp("9:45 p.m.", anchor=PUBLISHED)
    assert isinstance(result, datetime)
    assert result.tzinfo is not None
    assert result.utcoffset() == timedelta(hours=-4)
    assert result.replace(tzinfo=None) == datetime(2018, 6, 20, 21, 45)


def test_time_with_naive_anchor_stays_naive() -> None:
    result = parse_stamp("9:45 p.m.", anchor=datetime(2018, 6, 20, 8, 0))
    assert result == datetime(2018, 6, 20, 21, 45)
    assert result.tzinfo is None


def test_time_earlier_than_the_anchor_is_on_the_next_day() -> None:
    anchor = datetime(2018, 6, 20, 10, 0, tzinfo=EDT)
    result = parse_stamp("9:45 a.m.", anchor=anchor)
    assert isinstance(result, datetime)
    assert result.replace(tzinfo=None) == datetime(2018, 6, 21, 9, 45)
    assert result.utcoffset() == timedelta(hours=-4)
    assert result > anchor


def test_time_equal_to_the_anchor_is_the_same_day() -> None:
    anchor = datetime(2018, 6, 20, 21, 45, tzinfo=EDT)
    assert parse_stamp("9:45 p.m.", anchor=anchor) == anchor


def test_time_with_own_zone_and_aware_anchor_in_another_zone() -> None:
    # 00:30 UTC on the 21st is 20:30 EDT on the 20th: 9:45 p.m. ET is that evening.
    anchor = datetime(2018, 6, 21, 0, 30, tzinfo=timezone.utc)
    result = parse_stamp("9:45 p.m. ET", anchor=anchor)
    assert isinstance(result, datetime)
    assert result.tzinfo == NY
    assert result.replace(tzinfo=None) == datetime(2018, 6, 20, 21, 45)
    assert result.utcoffset() == timedelta(hours=-4)


def test_time_with_own_zone_and_naive_anchor() -> None:
    # A naive published datetime (no zone on the page) and an "ET" update stamp.
    result = parse_stamp("9:45 p.m. ET", anchor=datetime(2018, 6, 20, 8, 0))
    assert isinstance(result, datetime)
    assert result.date() == date(2018, 6, 20)
    assert (result.hour, result.minute) == (21, 45)


def test_time_with_time_anchor_stays_a_time() -> None:
    assert parse_stamp("9:45 p.m.", anchor=time(8, 0)) == time(21, 45)


# --- parse_stamp: days -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 20, 2018", date(2018, 6, 20)),
        ("Jun. 20, 2018", date(2018, 6, 20)),
        ("June 20th, 2018", date(2018, 6, 20)),
        ("20 June 2018", date(2018, 6, 20)),
        ("Wed June 20, 2018", date(2018, 6, 20)),
        ("20.06.2018", date(2018, 6, 20)),
        ("20/06/2018", date(2018, 6, 20)),
        ("2018/06/20", date(2018, 6, 20)),
        ("20. Juni 2018", date(2018, 6, 20)),
        ("12 de junio de 2019", date(2019, 6, 12)),
        ("12 juin 2019", date(2019, 6, 12)),
        ("3 marzo 2020", date(2020, 3, 3)),
    ],
)
def test_day_without_clock_gives_a_date(text: str, expected: date) -> None:
    result = parse_stamp(text)
    assert kind(result) == "date"
    assert result == expected


def test_day_with_aware_anchor_is_still_a_date() -> None:
    result = parse_stamp("12 de junio de 2019", anchor=datetime(2019, 6, 12, tzinfo=CEST))
    assert kind(result) == "date"
    assert result == date(2019, 6, 12)


def test_updated_line_with_et_gives_new_york_time_that_day() -> None:
    result = parse_stamp("Updated 10:02 AM ET, Wed June 20, 2018")
    assert isinstance(result, datetime)
    assert result.replace(tzinfo=None) == datetime(2018, 6, 20, 10, 2)
    assert result.tzinfo is not None
    assert result.utcoffset() == timedelta(hours=-4)  # EDT in June
    assert result == datetime(2018, 6, 20, 14, 2, tzinfo=timezone.utc)


def test_et_in_winter_is_est() -> None:
    result = parse_stamp("Updated 10:02 AM ET, Wed January 10, 2018")
    assert isinstance(result, datetime)
    assert result.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    ("text", "zone", "expected_offset"),
    [
        ("June 20, 2018 9:45 p.m. EDT", NY, timedelta(hours=-4)),
        ("June 20, 2018 9:45 p.m. PT", ZoneInfo("America/Los_Angeles"), timedelta(hours=-7)),
        ("20. Juni 2018, 21:45 Uhr MESZ", ZoneInfo("Europe/Berlin"), timedelta(hours=2)),
    ],
)
def test_zone_words_map_to_zones(text: str, zone: tzinfo, expected_offset: timedelta) -> None:
    result = parse_stamp(text)
    assert isinstance(result, datetime)
    assert result.tzinfo == zone
    assert result.utcoffset() == expected_offset
    assert (result.hour, result.minute) == (21, 45)


def test_german_day_and_clock_is_naive_datetime() -> None:
    result = parse_stamp("20. Juni 2018, 21:45 Uhr")
    assert kind(result) == "datetime"
    assert result == datetime(2018, 6, 20, 21, 45)
    assert result.tzinfo is None


def test_day_and_clock_without_zone_takes_aware_anchor_zone() -> None:
    result = parse_stamp("June 20, 2018 21:45", anchor=PUBLISHED)
    assert isinstance(result, datetime)
    assert result.utcoffset() == timedelta(hours=-4)
    assert result.replace(tzinfo=None) == datetime(2018, 6, 20, 21, 45)


@pytest.mark.parametrize("text", ["June 20, 1850", "June 20, 2150", "20.06.1899"])
def test_implausible_years_are_refused(text: str) -> None:
    assert parse_stamp(text) is None


# --- parse_stamp: relative stamps need an anchor ------------------------------------


@pytest.mark.parametrize(
    "text", ["3 hours ago", "vor 3 Stunden", "hace 2 horas", "il y a 2 heures", "yesterday"]
)
def test_relative_without_anchor_is_none(text: str) -> None:
    # Never counted back from today's clock.
    assert parse_stamp(text) is None


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("3 hours ago", timedelta(hours=3)),
        ("vor 3 Stunden", timedelta(hours=3)),
        ("hace 2 horas", timedelta(hours=2)),
        ("il y a 2 heures", timedelta(hours=2)),
        ("45 minutes ago", timedelta(minutes=45)),
        ("2 days ago", timedelta(days=2)),
        ("vor 2 Tagen", timedelta(days=2)),
        ("1 hour ago", timedelta(hours=1)),
    ],
)
def test_relative_counts_back_from_a_datetime_anchor(text: str, delta: timedelta) -> None:
    result = parse_stamp(text, anchor=PUBLISHED)
    assert isinstance(result, datetime)
    assert result == PUBLISHED - delta
    assert result.utcoffset() == timedelta(hours=-4)


def test_relative_from_naive_anchor_is_naive() -> None:
    anchor = datetime(2018, 6, 20, 0, 30)
    result = parse_stamp("1 hour ago", anchor=anchor)
    assert result == datetime(2018, 6, 19, 23, 30)
    assert result.tzinfo is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2 days ago", date(2018, 6, 18)), ("yesterday", date(2018, 6, 19))],
)
def test_relative_days_from_a_date_anchor_give_a_date(text: str, expected: date) -> None:
    # The anchor gives only a day: the result must not invent a time of day.
    result = parse_stamp(text, anchor=date(2018, 6, 20))
    assert kind(result) == "date"
    assert result == expected


# --- parse_stamp: refusing to guess ---------------------------------------------------


@pytest.mark.parametrize("text", ["June 20", "20. Juni", "20 juin", "Wednesday, June 20"])
def test_day_without_year_and_no_anchor_is_none(text: str) -> None:
    assert parse_stamp(text) is None


def test_day_without_year_takes_the_year_from_the_anchor() -> None:
    assert parse_stamp("June 20", anchor=date(2018, 7, 1)) == date(2018, 6, 20)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "nonsense",
        "banana 42",
        "qwerty 12345 zzz",
        "12 comments",
        "Page 2",
        "Chapter 11",
        "x" * 200,
    ],
)
def test_nonsense_is_none(text: str) -> None:
    assert parse_stamp(text) is None
    assert parse_stamp(text, anchor=date(2018, 6, 20)) is None


@pytest.mark.parametrize("text", ["7", "25", "100 Days"])
def test_bare_numbers_are_not_dates_even_with_an_anchor(text: str) -> None:
    assert parse_stamp(text, anchor=date(2018, 6, 20)) is None


def test_iso_text_goes_through_parse_iso() -> None:
    result = parse_stamp("2018-06-20T21:45:00Z")
    assert isinstance(result, datetime)
    assert result.utcoffset() == timedelta(0)


def test_surrounding_punctuation_is_ignored() -> None:
    assert parse_stamp(" — June 20, 2018. ") == date(2018, 6, 20)


# --- numeric stamps read without dateparser -------------------------------------------

#: Stamps from the dev corpora that used to reach dateparser, with the value it gives.
NUMERIC_STAMPS = [
    ("2023-10-26T14:09:45.214696Z EST", datetime(2023, 10, 26, 14, 9, 45, 214696)),
    ("2023-12-25 T 01:24:54 +0330", datetime(2023, 12, 25, 1, 24, 54)),
    ("12/22/2023 14:30:02", datetime(2023, 12, 22, 14, 30, 2)),
    ("9/26/2023 8:59 AM", datetime(2023, 9, 26, 8, 59)),
    ("12/21/2023 4:30:26 PM", datetime(2023, 12, 21, 16, 30, 26)),
    ("2023-12-22@06:05:27", datetime(2023, 12, 22, 6, 5, 27)),
    ("Fri, 12/22/2023 - 05:00", datetime(2023, 12, 22, 5, 0)),
    ("2019-11-18@05:36:50 CST", datetime(2019, 11, 18, 5, 36, 50)),
    ("2012-10-29T14:00EDT", datetime(2012, 10, 29, 14, 0)),
    ("2020-01-10T00:59:47ZZ", datetime(2020, 1, 10, 0, 59, 47)),
    ("2020-05-06 10:07:01.000000 CEST", datetime(2020, 5, 6, 10, 7, 1)),
    ("2022-5-5", datetime(2022, 5, 5)),
    ("10.25.2012", datetime(2012, 10, 25)),
    ("08-14-2012", datetime(2012, 8, 14)),
    ("31-12-2007", datetime(2007, 12, 31)),
    ("12/22/2023 12:30 AM", datetime(2023, 12, 22, 0, 30)),
]

#: Look-alikes left to dateparser: an ambiguous day order, a zone word or a
#: "Z" where dateparser reads none, impossible values, text around the stamp.
NOT_NUMERIC_STAMPS = [
    "08-7-2012",  # month or day first: dateparser's call
    "1/2/2023 10:00",
    "12/22/2023 25:00",
    "12/22/2023 14:60",
    "2/30/2023 10:00",
    "12/22/2023 13:30 PM",
    "2023-12-22 14:30 MT",
    "2023-12-22 8:59 AMEDT",
    "2023-12-22T14:30:02Z EDT",
    "2023-12-22T14:30:02ZZ EST",
    "Fri, 2023-12-22T14:30Z EST",
    "12/22/2023 14:30Z",
    "2023-1-5 at 8:59ZZ GMT",
    "2023-12-22 8:59 PMZ",
    "Thurs, 12/22/2023 14:30",
    "by Ross Tucker on 10/23/2012 09:20:00 PM",
    "15 Jan,2008 1509hrs IST",
    "2023-11-02T20-59-53Z",
    "\u0662\u0660\u0662\u0663-\u0661\u0660-\u0662\u0666T14:09:45Z EST",  # Arabic-Indic digits
]


@pytest.mark.parametrize(("text", "expected"), NUMERIC_STAMPS)
def test_numeric_stamp_is_read_as_dateparser_reads_it(text: str, expected: datetime) -> None:
    from articlekit.dates import _dateparser, _numeric_stamp

    assert _numeric_stamp(text) == expected
    assert _dateparser.__wrapped__(text, None, None) == expected


@pytest.mark.parametrize(("text", "expected"), NUMERIC_STAMPS)
def test_numeric_stamp_never_reaches_dateparser(
    text: str, expected: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    import articlekit.dates

    def refuse(*args: object) -> None:
        raise AssertionError("dateparser was asked")

    monkeypatch.setattr(articlekit.dates, "_dateparser", refuse)
    stamp = parse_stamp(text)
    assert isinstance(stamp, date)
    assert (stamp if isinstance(stamp, datetime) else datetime.combine(stamp, time())).replace(
        tzinfo=None
    ) == expected


@pytest.mark.parametrize("text", NOT_NUMERIC_STAMPS)
def test_look_alikes_are_no_numeric_stamps(text: str) -> None:
    from articlekit.dates import _numeric_stamp

    assert _numeric_stamp(text) is None


def test_a_stamp_that_states_its_year_is_never_read_in_another() -> None:
    # dateparser fills what it cannot read from today's clock; the stated
    # year is the stamp's, or there is no stamp.
    assert parse_stamp("2023-11-02T20-59-53Z") is None
    found = parse_stamp("Posted on Tuesday, 14 January 2008 at 11:15")
    assert found == datetime(2008, 1, 14, 11, 15)
