"""Report periods: a time range plus the bucket size the figures are grouped by (day, week, month).

Buckets are named by the date their first day falls on (``2026-11-02`` for the week starting Monday
2 November), in local time or UTC. The SQL that groups rows by bucket and the Python that lists the
buckets of a period must agree, so both live here.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, replace
from typing import Literal

__all__ = [
    "GRANULARITIES",
    "PERIOD_PRESETS",
    "Granularity",
    "Period",
    "bucket_label",
    "parse_period",
]

Granularity = Literal["day", "week", "month"]
GRANULARITIES: tuple[Granularity, ...] = ("day", "week", "month")

# name → (label for people, default bucket size)
PERIOD_PRESETS: dict[str, tuple[str, Granularity]] = {
    "day": ("Today", "day"),
    "week": ("This week", "day"),
    "month": ("This month", "day"),
    "last-30-days": ("Last 30 days", "day"),
    "last-month": ("Last month", "day"),
    "last-12-weeks": ("Last 12 weeks", "week"),
    "year": ("This year", "month"),
    "last-12-months": ("Last 12 months", "month"),
    "all": ("All time", "month"),
}


@dataclass(frozen=True)
class Period:
    """``[start, end)`` in epoch seconds; ``start`` None means "from the first entry"."""

    start: float | None
    end: float
    granularity: Granularity = "day"
    label: str = ""
    utc: bool = False

    def with_granularity(self, granularity: Granularity) -> Period:
        return replace(self, granularity=granularity)

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "label": self.label,
            "timezone": "UTC" if self.utc else "local",
        }


def _tz(utc: bool) -> dt.tzinfo | None:
    return dt.UTC if utc else None


def _to_datetime(epoch: float, utc: bool) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC) if utc else dt.datetime.fromtimestamp(epoch)


def _epoch(day: dt.date, utc: bool) -> float:
    return dt.datetime(day.year, day.month, day.day, tzinfo=_tz(utc)).timestamp()


def bucket_start(day: dt.date, granularity: Granularity) -> dt.date:
    if granularity == "week":
        return day - dt.timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    return day


def next_bucket(day: dt.date, granularity: Granularity) -> dt.date:
    if granularity == "day":
        return day + dt.timedelta(days=1)
    if granularity == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def bucket_label(epoch: float, granularity: Granularity, utc: bool = False) -> str:
    return bucket_start(_to_datetime(epoch, utc).date(), granularity).isoformat()


def buckets_between(start: float, end: float, granularity: Granularity, utc: bool = False) -> list[str]:
    """The labels of every bucket that overlaps ``[start, end)``, oldest first."""
    if end <= start:
        return [bucket_label(start, granularity, utc)]
    first = bucket_start(_to_datetime(start, utc).date(), granularity)
    last = bucket_start(_to_datetime(end - 1e-6, utc).date(), granularity)
    labels = []
    day = first
    while day <= last:
        labels.append(day.isoformat())
        day = next_bucket(day, granularity)
    return labels


def _month_start(day: dt.date, months_back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def parse_period(
    text: str, *, now: float | None = None, utc: bool = False, granularity: Granularity | None = None
) -> Period:
    """A period from a preset name (``month``, ``last-30-days``, ``all`` …), ``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD`` or a range ``YYYY-MM-DD..YYYY-MM-DD`` (both days included)."""
    now = time.time() if now is None else now
    today = _to_datetime(now, utc).date()
    name = text.strip().lower()
    start_day: dt.date | None
    end: float = now
    default: Granularity = "day"
    if name in PERIOD_PRESETS:
        label, default = PERIOD_PRESETS[name]
        if name == "day":
            start_day = today
        elif name == "week":
            start_day = bucket_start(today, "week")
        elif name == "month":
            start_day = today.replace(day=1)
        elif name == "last-30-days":
            start_day = today - dt.timedelta(days=29)
        elif name == "last-month":
            start_day = _month_start(today, 1)
            end = _epoch(today.replace(day=1), utc)
        elif name == "last-12-weeks":
            start_day = bucket_start(today, "week") - dt.timedelta(weeks=11)
        elif name == "year":
            start_day = today.replace(month=1, day=1)
        elif name == "last-12-months":
            start_day = _month_start(today, 11)
        else:
            start_day = None
    elif re.fullmatch(r"\d{4}", name):
        year = int(name)
        start_day, label, default = dt.date(year, 1, 1), name, "month"
        end = _epoch(dt.date(year + 1, 1, 1), utc)
    elif re.fullmatch(r"\d{4}-\d{2}", name):
        start_day = dt.date.fromisoformat(name + "-01")
        label = name
        end = _epoch(next_bucket(start_day, "month"), utc)
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", name):
        start_day = dt.date.fromisoformat(name)
        label = name
        end = _epoch(start_day + dt.timedelta(days=1), utc)
    elif m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", name):
        start_day, last_day = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
        if last_day < start_day:
            raise ValueError(f"the period {text!r} ends before it starts")
        label = f"{start_day.isoformat()} – {last_day.isoformat()}"
        end = _epoch(last_day + dt.timedelta(days=1), utc)
        default = "day" if (last_day - start_day).days <= 62 else "month"
    else:
        raise ValueError(
            f"unknown period {text!r}: use one of {', '.join(PERIOD_PRESETS)}, YYYY, YYYY-MM, YYYY-MM-DD "
            "or YYYY-MM-DD..YYYY-MM-DD"
        )
    start = None if start_day is None else _epoch(start_day, utc)
    return Period(start, end, granularity or default, label, utc)
