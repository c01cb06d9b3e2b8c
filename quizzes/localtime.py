"""Trainers type and read times in Bangkok time; the database keeps UTC."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from core.errors import ValidationError
from quizzes.models import as_utc

TIMEZONE = "Asia/Bangkok"
BUDDHIST_ERA_OFFSET = 543
_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M")
_SUFFIX = re.compile(r"\s*(น\.|นาฬิกา)\s*$")


def parse_local_time(text: str, *, tz: str = TIMEZONE) -> datetime:
    """An aware datetime from `2026-12-05 17:00` read as Bangkok time.

    Also accepts `T` between date and time, seconds, `05/12/2026 17:00`, `17.00` or `17.00 น.`,
    and Buddhist-era years (`2569-12-05 17:00`).

    Raises:
        ValidationError: the text is not a date with a time.

    """
    cleaned = _normalise(text)
    for pattern in _FORMATS:
        try:
            parsed = datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        return _from_buddhist_era(parsed).replace(tzinfo=ZoneInfo(tz))
    raise ValidationError(
        f"cannot read {text.strip()!r} as a date and time; write 2026-12-05 17:00"
    )


def format_local_time(moment: datetime, *, tz: str = TIMEZONE) -> str:
    """`2026-12-05 17:00` in Bangkok time (a naive moment is taken as UTC)."""
    return as_utc(moment).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def _normalise(text: str) -> str:
    cleaned = _SUFFIX.sub("", " ".join(text.replace("T", " ").split()))
    return re.sub(r"(\d{1,2})\.(\d{2})$", r"\1:\2", cleaned)


def _from_buddhist_era(parsed: datetime) -> datetime:
    """Thai officials often write the Buddhist-era year (2569 = 2026)."""
    if parsed.year > 2400:
        return parsed.replace(year=parsed.year - BUDDHIST_ERA_OFFSET)
    return parsed
