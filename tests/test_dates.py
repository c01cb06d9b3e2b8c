"""Dates the Thai way: Buddhist era in Thai, Gregorian in English, Bangkok time, stored UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.dates import (
    DateParseError,
    format_date,
    format_datetime,
    format_day,
    format_stamp,
    parse_deadline,
    to_local,
)
from core.errors import ConfigurationError, ValidationError
from core.settings import Settings

# 11 Dec 2026 16:30 in Bangkok is 09:30 UTC.
DUE_UTC = datetime(2026, 12, 11, 9, 30, tzinfo=UTC)
NOW = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)


def test_thai_shows_the_buddhist_year_and_the_thai_month() -> None:
    assert format_datetime(DUE_UTC, "th") == "11 ธ.ค. 2569 16:30 น."
    assert format_date(DUE_UTC, "th") == "11 ธ.ค. 2569"


def test_english_shows_the_gregorian_year() -> None:
    assert format_datetime(DUE_UTC, "en") == "11 Dec 2026 16:30"
    assert format_date(DUE_UTC, "en") == "11 Dec 2026"


def test_a_naive_stored_moment_is_read_as_utc() -> None:
    assert format_datetime(DUE_UTC.replace(tzinfo=None), "en") == "11 Dec 2026 16:30"


def test_new_year_in_bangkok_is_still_the_old_year_in_utc() -> None:
    # 31 Dec 2026 20:00 UTC is already 1 Jan 2027 03:00 in Bangkok (2570 in the Buddhist era).
    moment = datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    assert format_datetime(moment, "th") == "1 ม.ค. 2570 03:00 น."
    assert format_date(moment, "en") == "1 Jan 2027"
    assert format_date(moment, "en", "UTC") == "31 Dec 2026"
    assert to_local(moment).year == 2027


def test_the_day_shown_follows_the_zone_setting() -> None:
    # The checklist PDF said 03 Dec while the chat said 04 Dec: one zone for both.
    moment = datetime(2026, 12, 3, 18, 0, tzinfo=UTC)
    assert format_date(moment, "en") == "4 Dec 2026"
    assert format_day(date(2026, 12, 3), "th") == "3 ธ.ค. 2569"


@pytest.mark.parametrize(
    "typed",
    [
        "11 ธ.ค. 2569 16:30",
        "11 ธค 2569 16:30",
        "11 ธันวาคม 2569 16:30",
        "11 ธันวา 69 16:30",
        "วันที่ 11 ธ.ค. พ.ศ. 2569 เวลา 16.30 น.",
        "11/12/2569 16.30 น.",
        "๑๑/๑๒/๒๕๖๙ ๑๖.๓๐ น.",
        "11/12/2026 16:30",
        "11-12-2026 16:30",
        "2026-12-11 16:30",
        "2026-12-11T16:30",
        "2569-12-11 16:30",
        "11 Dec 2026 16:30",
        "11 December 2026, 4:30 pm",
        "December 11, 2026 4:30 pm",
        "Dec 11 2026 at 4.30 PM",
        "dec 11th, 2026 16:30",
        "11th December 2026 16:30",
        "Friday 11 December 2026 16:30",
        "วันศุกร์ที่ 11 ธันวาคม 2569 16:30",
    ],
)
def test_deadlines_typed_every_way_mean_the_same_moment(typed: str) -> None:
    assert parse_deadline(typed, "th", now=NOW) == DUE_UTC


def test_a_date_without_a_time_means_the_end_of_that_day_in_bangkok() -> None:
    due = parse_deadline("11 ธันวาคม 2569", "th", now=NOW)
    assert format_datetime(due, "th") == "11 ธ.ค. 2569 23:59 น."
    assert due == datetime(2026, 12, 11, 16, 59, tzinfo=UTC)


def test_a_date_without_a_year_is_the_next_one() -> None:
    assert format_date(parse_deadline("11 Dec 16:30", "en", now=NOW), "en") == "11 Dec 2026"
    assert format_date(parse_deadline("2 ม.ค.", "th", now=NOW), "en") == "2 Jan 2027"


def test_the_year_ahead_is_read_in_bangkok_not_utc() -> None:
    # 31 Dec 2026 18:00 UTC is 1 Jan 2027 in Bangkok: "1 ม.ค." with no year is today, not 2028.
    now = datetime(2026, 12, 31, 18, 0, tzinfo=UTC)
    due = parse_deadline("1 ม.ค. 18:00", "th", now=now)
    assert format_datetime(due, "th") == "1 ม.ค. 2570 18:00 น."


def test_tomorrow_is_understood_in_both_languages() -> None:
    assert format_datetime(parse_deadline("พรุ่งนี้ 09:00", "th", now=NOW), "en") == (
        "5 Dec 2026 09:00"
    )
    assert format_date(parse_deadline("tomorrow", "en", now=NOW), "en") == "5 Dec 2026"


def test_parsing_and_formatting_round_trip_in_both_languages() -> None:
    for lang in ("th", "en"):
        shown = format_datetime(DUE_UTC, lang)
        assert parse_deadline(shown, lang, now=NOW) == DUE_UTC


@pytest.mark.parametrize("typed", ["next week", "soon", "11", "16:30", "11 ธ.ค. 2569 25:00"])
def test_an_unreadable_date_gets_a_thai_example(typed: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_deadline(typed, "th", now=NOW)
    assert "11 ธ.ค. 2569 16:30" in caught.value.user_message
    assert "กรุณาพิมพ์" in str(caught.value)
    assert isinstance(caught.value, ValidationError)


def test_an_unreadable_date_gets_an_english_example() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_deadline("whenever", "en", now=NOW)
    assert "11 Dec 2026 16:30" in caught.value.user_message
    assert "Please type" in caught.value.user_message


def test_a_day_that_does_not_exist_says_so() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_deadline("31/02/2569", "th", now=NOW)
    assert "ไม่มีวันที่นี้" in caught.value.user_message
    with pytest.raises(DateParseError) as caught:
        parse_deadline("31 Feb 2027", "en", now=NOW)
    assert "does not exist" in caught.value.user_message


def test_the_timezone_setting_defaults_to_bangkok_and_rejects_unknown_zones() -> None:
    assert Settings(_env_file=None).timezone == "Asia/Bangkok"  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="unknown time zone"):
        Settings(_env_file=None, timezone="Mars/Olympus")  # type: ignore[call-arg]
    with pytest.raises(ConfigurationError):
        format_date(DUE_UTC, "en", "Mars/Olympus")


def test_command_line_stamps_are_local_and_name_their_offset() -> None:
    assert format_stamp(DUE_UTC) == "2026-12-11 16:30 +07"
    assert format_stamp("2026-12-11T09:30:00+00:00") == "2026-12-11 16:30 +07"
    assert format_stamp("2026-12-11T09:30:00", "UTC") == "2026-12-11 09:30 UTC"
