"""Keysets and their NUT-13 counters."""

from __future__ import annotations

import json
from typing import cast

from sqlalchemy import Table, select, update

from core.errors import StorageError
from core.i18n import t
from core.ports.storage import (
    StoredKeyset,
)
from core.storage.models import (
    KeysetRow,
)
from core.storage.unit_of_work import UnitOfWork

__all__ = ["KeysetRepository"]


class KeysetRepository(UnitOfWork):
    # --- keysets and NUT-13 counters -----------------------------------------------------------

    def upsert_keyset(
        self,
        *,
        id: str,
        mint_url: str,
        unit: str,
        active: bool,
        input_fee_ppk: int,
        final_expiry: int | None,
        keys: dict[int, str],
    ) -> None:
        with self._session() as s:
            row = s.get(KeysetRow, id)
            keys_json = json.dumps({str(k): v for k, v in keys.items()})
            if row is None:
                s.add(
                    KeysetRow(
                        id=id,
                        mint_url=mint_url,
                        unit=unit,
                        active=active,
                        input_fee_ppk=input_fee_ppk,
                        final_expiry=final_expiry,
                        keys_json=keys_json,
                        counter=0,
                    )
                )
            else:
                # Keys of a keyset never change (its id is their hash); only activity does.
                row.active = active

    def keysets(self, mint_url: str, unit: str | None = None) -> list[StoredKeyset]:
        with self._session() as s:
            q = select(KeysetRow).where(KeysetRow.mint_url == mint_url)
            if unit is not None:
                q = q.where(KeysetRow.unit == unit)
            return [self._keyset(r) for r in s.scalars(q).all()]

    def get_keyset(self, keyset_id: str) -> StoredKeyset | None:
        with self._session() as s:
            row = s.get(KeysetRow, keyset_id)
            return None if row is None else self._keyset(row)

    @staticmethod
    def _keyset(r: KeysetRow) -> StoredKeyset:
        keys = {int(k): v for k, v in json.loads(r.keys_json).items()}
        return StoredKeyset(r.id, r.mint_url, r.unit, r.active, r.input_fee_ppk, r.final_expiry, keys, r.counter)

    def reserve_counters(self, keyset_id: str, count: int) -> int:
        """Advance the keyset's counter by ``count`` in one statement and return the first reserved value.

        ``UPDATE … RETURNING`` reads and advances at once, so two processes can never get the same values. Outside
        ``atomic()`` it commits on its own: a counter once handed out is never handed out again. Inside, it joins
        the open transaction (a separate one would wait for this task's own write lock).
        """
        table = cast(Table, KeysetRow.__table__)
        with self._session() as s:
            end = s.execute(
                update(table)
                .where(table.c.id == keyset_id)
                .values(counter=table.c.counter + count)
                .returning(table.c.counter)
            ).scalar_one_or_none()
            if end is None:
                raise StorageError(t("unknown keyset {0}").format(keyset_id))
            return int(end) - count

    def bump_counter(self, keyset_id: str, at_least: int) -> None:
        """Move the counter up to ``at_least`` (never down), in one statement."""
        table = cast(Table, KeysetRow.__table__)
        with self._session() as s:
            s.execute(update(table).where(table.c.id == keyset_id, table.c.counter < at_least).values(counter=at_least))
