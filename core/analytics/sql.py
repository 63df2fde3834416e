"""The few SQL fragments where SQLite and PostgreSQL differ, for the analytics queries; and the money helpers the
query modules share.

Everything else the reports run is portable SQL. What differs:

- date buckets: SQLite's ``date(…, 'unixepoch', 'localtime')``; PostgreSQL's ``to_timestamp(…) AT TIME ZONE`` with
  this machine's zone passed as a parameter (``:tz``), so a till's buckets are its own days, as on SQLite (whose
  'localtime' is the process's zone, not the server's);
- JSON: SQLite's ``json_extract``/``json_each``; PostgreSQL's ``jsonb`` operators (``->>``, ``jsonb_array_elements``);
- SQLite's index hints (``INDEXED BY``) and the unary ``+`` that keeps it off an index: PostgreSQL has neither (its
  planner chooses by statistics);
- parameters PostgreSQL cannot type by themselves (``:fallback IS NOT NULL``) are cast;
- a password-protected wallet's journal entries are sealed: SQLite opens them in SQL (``nd_open``), PostgreSQL cannot
  (it never gets the key), so there ``Dialect.sealed`` sends the reads inside them to ``core.analytics.opened``.
"""

from __future__ import annotations

import functools
import os
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from core.analytics.periods import Granularity
from core.storage.sealed import vault_of

__all__ = [
    "CENT",
    "KIND_CATEGORY",
    "LIGHTNING_KINDS",
    "SATS_PER_BTC",
    "Dialect",
    "add",
    "dialect_of",
    "local_zone",
    "money",
]

KIND_CATEGORY = {
    "issue": "received_lightning",
    "receive": "received_ecash",
    "sale": "sale",
    "reclaim": "reclaimed",
    "restore": "restored",
    "send": "sent_ecash",
    "melt": "paid_lightning",
    "transfer": "transfer_out",
}
LIGHTNING_KINDS = ("melt", "transfer")
CENT = Decimal("0.01")
SATS_PER_BTC = 100_000_000


def money(value: Any) -> Decimal | None:
    if value is None:
        return None
    # Floats from SQL sums: round away the binary noise, then to cents.
    return Decimal(repr(round(float(value), 6))).quantize(CENT, ROUND_HALF_UP)


def add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


@functools.cache
def _known_zones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones() | {"UTC"})


def local_zone() -> str:
    """This machine's time zone as PostgreSQL names it (IANA), for local-time buckets computed by the server.

    ``TZ``, else the zone ``/etc/localtime`` points at, else ``/etc/timezone``; failing all, the current UTC offset
    as a fixed ``Etc/GMT`` zone (whole hours; its sign is POSIX's, the opposite of ISO's)."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env and not env.startswith("/") and env in _known_zones():
        return env
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if name:
            return name
    except OSError:
        pass
    hours = round(time.localtime().tm_gmtoff / 3600)
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


class Dialect:
    """The fragments for one database engine (``sqlite`` or ``postgresql``)."""

    def __init__(self, name: str, *, sealed: bool = False) -> None:
        self.name = name
        self.pg = name == "postgresql"
        # PostgreSQL with a password: what lies inside sealed columns is read in Python (``core.analytics.opened``).
        self.sealed = self.pg and sealed

    def bucket(self, column: str, granularity: Granularity, utc: bool) -> str:
        """The bucket label (``YYYY-MM-DD`` of its first day) of the epoch seconds in ``column``.

        On PostgreSQL the statement needs the ``tz`` parameter (``params``)."""
        if self.pg:
            stamp = f"(to_timestamp({column}) AT TIME ZONE :tz)"
            if granularity == "day":
                return f"to_char({stamp}, 'YYYY-MM-DD')"
            if granularity == "week":  # date_trunc's weeks start on Monday (ISO), as the SQLite form below
                return f"to_char(date_trunc('week', {stamp}), 'YYYY-MM-DD')"
            return f"to_char({stamp}, 'YYYY-MM-01')"
        tz = "" if utc else ", 'localtime'"
        if granularity == "day":
            return f"date({column}, 'unixepoch'{tz})"
        if granularity == "week":
            # 'weekday 0' moves forward to Sunday (or stays), '-6 days' back to that week's Monday.
            return f"date({column}, 'unixepoch'{tz}, 'weekday 0', '-6 days')"
        return f"strftime('%Y-%m-01', {column}, 'unixepoch'{tz})"

    def params(self, utc: bool) -> dict[str, Any]:
        """The parameters ``bucket`` refers to."""
        return {"tz": "UTC" if utc else local_zone()} if self.pg else {}

    def json_text(self, document: str, key: str) -> str:
        """The text of ``document``'s top-level ``key`` (NULL when absent)."""
        if self.pg:
            return f"(CAST({document} AS jsonb) ->> '{key}')"
        return f"json_extract({document}, '$.{key}')"

    def json_elements(self, document: str, key: str, alias: str) -> str:
        """A FROM item: one row per element of the array ``document.key``; see ``element_text``."""
        if self.pg:
            return f"jsonb_array_elements(CAST({document} AS jsonb) -> '{key}') AS {alias}"
        return f"json_each({document}, '$.{key}') AS {alias}"

    def element_text(self, alias: str, key: str) -> str:
        """An element of ``json_elements``: its ``key`` if it is an object, else the element itself (a string)."""
        if self.pg:
            value = f"{alias}.value"
            return f"(CASE WHEN jsonb_typeof({value}) = 'object' THEN {value} ->> '{key}' ELSE {value} #>> '{{}}' END)"
        return f"(CASE WHEN {alias}.type = 'object' THEN json_extract({alias}.value, '$.{key}') ELSE {alias}.value END)"

    def indexed_by(self, index: str) -> str:
        """SQLite's index hint (its planner picks a worse one for these reports); nothing on PostgreSQL."""
        return "" if self.pg else f"INDEXED BY {index}"

    def no_index(self, column: str) -> str:
        """``column`` such that SQLite will not use an index on it (the unary ``+``); plain on PostgreSQL."""
        return column if self.pg else f"+{column}"

    def upsert(self, table: str, columns: tuple[str, ...], key: str) -> tuple[str, str]:
        """The head and tail of an ``INSERT … SELECT/VALUES`` that replaces the row with the same ``key``."""
        cols = ", ".join(columns)
        if not self.pg:
            return f"INSERT OR REPLACE INTO {table} ({cols})", ""
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c != key)
        return f"INSERT INTO {table} ({cols})", f" ON CONFLICT ({key}) DO UPDATE SET {updates}"


def dialect_of(conn: Connection) -> Dialect:
    name = conn.dialect.name
    if name != "postgresql":
        return Dialect(name)
    try:
        sealed = vault_of(conn.engine).seal_writes
    except RuntimeError:  # an engine without a wallet (a bare copy, a migration): nothing is sealed
        sealed = False
    return Dialect(name, sealed=sealed)
