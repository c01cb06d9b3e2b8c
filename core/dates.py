"""Dates the Thai way in one time zone: Buddhist-era Thai, Gregorian English, stored UTC.

Every date a user sees goes through `format_date` / `format_datetime` in the `TIMEZONE`
setting (Asia/Bangkok by default). `parse_deadline` reads what trainers type:
`11 ธ.ค. 2569 16:30`, `11 ธันวาคม 2569`, `11/12/2569 16.30 น.`, `2026-12-11 16:30`,
`2026-12-11T16:30`, `11 Dec 2026 16:30`, `December 11, 2026 4:30 pm`. Rules:

- Years above 2400 are Buddhist era (2569 = 2026); two-digit years take whichever of
  25xx (BE) and 20xx (CE) lies closer to today. Numeric dates are day first (11/12 = 11 Dec).
- A date without a year is its next occurrence (today or later).
- A date without a time means the end of that day, 23:59 local (`END_OF_DAY`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core.errors import ConfigurationError, ValidationError
from core.timestamps import as_utc, utc_now

Lang = Literal["th", "en"]
DEFAULT_TIMEZONE = "Asia/Bangkok"
BUDDHIST_ERA_OFFSET = 543
END_OF_DAY = time(23, 59)

THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
THAI_MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
# Spoken short forms ("ธันวา") that trainers type as often as the long names.
THAI_MONTHS_SPOKEN = (
    "มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา",
    "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา",
)  # fmt: skip
ENGLISH_MONTHS_SHORT = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
ENGLISH_MONTHS_LONG = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

EXAMPLES: dict[str, str] = {
    "th": "11 ธ.ค. 2569 16:30 หรือ 11/12/2569 16.30 น.",
    "en": "11 Dec 2026 16:30 or 2026-12-11 16:30",
}


class DateParseError(ValidationError):
    """Text that is not a date; the message shows an example in the user's language."""

    def __init__(self, text: str, lang: str, reason: str = "unreadable") -> None:
        self.text = text
        self.lang: Lang = "en" if lang == "en" else "th"
        self.reason = reason
        super().__init__(self.user_message)

    @property
    def user_message(self) -> str:
        """A polite explanation with an example of a date that works."""
        example = EXAMPLES[self.lang]
        if self.reason == "no_such_day":
            if self.lang == "th":
                return f"ไม่มีวันที่นี้ในปฏิทิน กรุณาพิมพ์วันที่อีกครั้ง เช่น {example}"
            return f"That day does not exist in the calendar. Please type a date like {example}"
        if self.lang == "th":
            return f"อ่านวันที่ไม่ออก กรุณาพิมพ์แบบนี้ เช่น {example}"
        return f"I can't read that date. Please type it like {example}"


def zone(tz: str | tzinfo = DEFAULT_TIMEZONE) -> tzinfo:
    """The time zone named by the `TIMEZONE` setting (or an already built one)."""
    if not isinstance(tz, str):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigurationError(f"unknown time zone {tz!r}; use e.g. Asia/Bangkok") from error


def to_local(moment: datetime, tz: str | tzinfo = DEFAULT_TIMEZONE) -> datetime:
    """The moment in the local zone (a naive moment is taken to be UTC, as stored)."""
    return as_utc(moment).astimezone(zone(tz))


def year_of(day: date, lang: str) -> int:
    """The year as the user reads it: Buddhist era in Thai, Gregorian in English."""
    return day.year + BUDDHIST_ERA_OFFSET if lang == "th" else day.year


def format_day(day: date, lang: str) -> str:
    """`11 ธ.ค. 2569` or `11 Dec 2026` for a calendar day (no zone conversion)."""
    months = THAI_MONTHS_SHORT if lang == "th" else ENGLISH_MONTHS_SHORT
    return f"{day.day} {months[day.month - 1]} {year_of(day, lang)}"


def format_date(moment: datetime, lang: str, tz: str | tzinfo = DEFAULT_TIMEZONE) -> str:
    """`11 ธ.ค. 2569` or `11 Dec 2026`, the local day of a stored moment."""
    return format_day(to_local(moment, tz).date(), lang)


def format_datetime(moment: datetime, lang: str, tz: str | tzinfo = DEFAULT_TIMEZONE) -> str:
    """`11 ธ.ค. 2569 16:30 น.` or `11 Dec 2026 16:30`, in local time."""
    local = to_local(moment, tz)
    clock = local.strftime("%H:%M")
    text = f"{format_day(local.date(), lang)} {clock}"
    return f"{text} น." if lang == "th" else text


def format_iso_local(moment: datetime, tz: str | tzinfo = DEFAULT_TIMEZONE) -> str:
    """`2026-12-11 16:30` in local time, for files that machines sort (CSV, XLSX)."""
    return to_local(moment, tz).strftime("%Y-%m-%d %H:%M")


def format_stamp(moment: datetime | str, tz: str | tzinfo = DEFAULT_TIMEZONE) -> str:
    """`2026-12-11 16:30 +07`: a stored moment (or ISO text) for command-line listings."""
    parsed = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return to_local(parsed, tz).strftime("%Y-%m-%d %H:%M %Z")


# --- parsing ---------------------------------------------------------------------------------


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for number in range(1, 13):
        thai_short = THAI_MONTHS_SHORT[number - 1]
        for name in (
            thai_short,
            thai_short.replace(".", ""),
            THAI_MONTHS_LONG[number - 1],
            THAI_MONTHS_SPOKEN[number - 1],
            ENGLISH_MONTHS_SHORT[number - 1].lower(),
            ENGLISH_MONTHS_LONG[number - 1].lower(),
        ):
            names[name] = number
    names["sept"] = 9
    return names


_MONTHS = _month_names()
_MONTH = "|".join(re.escape(name) for name in sorted(_MONTHS, key=len, reverse=True))
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ERA = r"(?:(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|b\.?e\.?|a\.?d\.?)\s*)?"
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?<![\d:])(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?!\d)"),
    re.compile(
        rf"(?<![\d:])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<name>{_MONTH})\.?"
        rf"(?:\s*,?\s*{_ERA}(?P<y>\d{{4}}|\d{{2}})(?![\d:.]))?"
    ),
    re.compile(
        rf"(?P<name>{_MONTH})\.?\s*(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?!\s*[:.]\d)"
        rf"(?:\s*,?\s*{_ERA}(?P<y>\d{{4}})(?![\d:.]))?"
    ),
)
_TIME = re.compile(
    r"(?<![\d/-])(?P<h>\d{1,2})(?:\s*[:.]\s*(?P<min>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?!\d)"
)
_RELATIVE = {"วันนี้": 0, "today": 0, "พรุ่งนี้": 1, "tomorrow": 1, "มะรืน": 2}
_FILLER = re.compile(
    r"(?<=\d)\s*(?:น\.|นาฬิกา)|\b(?:at|on)\b|เวลา|วันที่|ภายใน|ที่|,"
    r"|\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b\.?"
    r"|(?:วัน)?(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)"
)  # filler words and weekday names carry no date of their own


@dataclass(frozen=True)
class _Found:
    """A date found in the text and what is left after it (the time, perhaps)."""

    day: int
    month: int
    year: int | None
    rest: str


def parse_deadline(
    text: str,
    lang: str = "th",
    tz: str | tzinfo = DEFAULT_TIMEZONE,
    now: datetime | None = None,
    default_time: time = END_OF_DAY,
) -> datetime:
    """An aware UTC datetime from a date typed in local time, in Thai or English.

    Args:
        text: what the user typed, e.g. `11 ธ.ค. 2569 16:30` or `December 11, 2026 4:30 pm`.
        lang: the user's language, for the error message.
        tz: the local zone the text is read in.
        now: the current time (for a missing year and for `tomorrow`); defaults to now.
        default_time: the local time of a date typed without one (a deadline: 23:59).

    Raises:
        DateParseError: the text is not a date (or not a real day); its message gives an example.

    """
    local_now = to_local(now or utc_now(), tz)
    cleaned = _clean(text)
    found = _find_date(cleaned, local_now.date(), text, lang)
    clock = _find_time(found.rest, text, lang)
    try:
        year = _full_year(found.year, local_now.date()) if found.year is not None else None
        day = date(year or local_now.year, found.month, found.day)
        if year is None and day < local_now.date():
            day = day.replace(year=day.year + 1)
    except ValueError as error:
        raise DateParseError(text, lang, "no_such_day") from error
    return as_utc(datetime.combine(day, clock or default_time, tzinfo=zone(tz)))


def _clean(text: str) -> str:
    lowered = " ".join(text.translate(_THAI_DIGITS).lower().replace("\u200b", "").split())
    lowered = re.sub(r"(\d)t(\d)", r"\1 \2", lowered)  # ISO 2026-12-11T16:30
    return " ".join(_FILLER.sub(" ", lowered).split())


def _find_date(cleaned: str, today: date, text: str, lang: str) -> _Found:
    for word, days in _RELATIVE.items():
        if word in cleaned:
            target = today + timedelta(days=days)
            rest = cleaned.replace(word, " ")
            return _Found(target.day, target.month, target.year, rest)
    for pattern in _DATE_PATTERNS:
        match = pattern.search(cleaned)
        if match is None:
            continue
        groups = match.groupdict()
        month = _MONTHS[groups["name"]] if groups.get("name") else int(groups["m"])
        year = int(groups["y"]) if groups.get("y") else None
        rest = cleaned[: match.start()] + " " + cleaned[match.end() :]
        return _Found(int(groups["d"]), month, year, rest)
    raise DateParseError(text, lang)


def _find_time(rest: str, text: str, lang: str) -> time | None:
    rest = rest.strip(" .-/")
    if not rest:
        return None
    match = _TIME.fullmatch(rest)
    if match is None or (match["min"] is None and match["ampm"] is None):
        raise DateParseError(text, lang)
    hour, minute = int(match["h"]), int(match["min"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise DateParseError(text, lang)
        hour = hour % 12 + (12 if match["ampm"].startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise DateParseError(text, lang)
    return time(hour, minute)


def _full_year(year: int, today: date) -> int:
    """Gregorian year from a typed one: 2569 -> 2026; 69 or 26 -> whichever is nearer now."""
    if year > 2400:
        return year - BUDDHIST_ERA_OFFSET
    if year < 100:
        buddhist, gregorian = 2500 + year - BUDDHIST_ERA_OFFSET, 2000 + year
        return min((buddhist, gregorian), key=lambda candidate: abs(candidate - today.year))
    return year
