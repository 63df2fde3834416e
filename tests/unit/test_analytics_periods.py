"""Report periods: presets, explicit ranges, and the bucket names the SQL groups by."""

from __future__ import annotations

import datetime as dt

import pytest

from core.analytics.periods import bucket_label, buckets_between, parse_period


def utc(*args: int) -> float:
    return dt.datetime(*args, tzinfo=dt.UTC).timestamp()


NOW = utc(2026, 11, 22, 15, 30)  # a Sunday


@pytest.mark.parametrize(
    ("name", "start", "end", "granularity"),
    [
        ("day", utc(2026, 11, 22), NOW, "day"),
        ("week", utc(2026, 11, 16), NOW, "day"),
        ("month", utc(2026, 11, 1), NOW, "day"),
        ("last-30-days", utc(2026, 10, 24), NOW, "day"),
        ("last-month", utc(2026, 10, 1), utc(2026, 11, 1), "day"),
        ("last-12-weeks", utc(2026, 8, 31), NOW, "week"),
        ("year", utc(2026, 1, 1), NOW, "month"),
        ("last-12-months", utc(2025, 12, 1), NOW, "month"),
        ("2025", utc(2025, 1, 1), utc(2026, 1, 1), "month"),
        ("2026-02", utc(2026, 2, 1), utc(2026, 3, 1), "day"),
        ("2026-02-28", utc(2026, 2, 28), utc(2026, 3, 1), "day"),
        ("2026-01-30..2026-02-02", utc(2026, 1, 30), utc(2026, 2, 3), "day"),
    ],
)
def test_periods(name: str, start: float, end: float, granularity: str) -> None:
    period = parse_period(name, now=NOW, utc=True)
    assert (period.start, period.end, period.granularity) == (start, end, granularity)


def test_all_time_starts_at_the_first_entry_and_unknown_periods_are_refused() -> None:
    assert parse_period("all", now=NOW, utc=True).start is None
    with pytest.raises(ValueError, match="unknown period"):
        parse_period("fortnight", now=NOW)
    with pytest.raises(ValueError, match="ends before"):
        parse_period("2026-02-02..2026-01-01", now=NOW)


def test_buckets_start_on_the_first_day_monday_or_first_of_the_month() -> None:
    sunday = utc(2026, 3, 1, 23, 59)
    assert bucket_label(sunday, "day", utc=True) == "2026-03-01"
    assert bucket_label(sunday, "week", utc=True) == "2026-02-23"
    assert bucket_label(sunday, "month", utc=True) == "2026-03-01"
    assert buckets_between(utc(2026, 1, 31), utc(2026, 3, 1), "month", utc=True) == ["2026-01-01", "2026-02-01"]
    assert buckets_between(utc(2026, 12, 30), utc(2027, 1, 6), "week", utc=True) == ["2026-12-28", "2027-01-04"]
