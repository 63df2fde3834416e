"""Settings and mints."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select, update

from core.errors import StorageError
from core.i18n import t
from core.ports.storage import (
    StoredMint,
)
from core.storage.models import (
    MintRow,
    ProofRow,
    SettingRow,
)
from core.storage.unit_of_work import UnitOfWork
from core.storage.unit_of_work import now as _now

__all__ = ["SettingsRepository"]


class SettingsRepository(UnitOfWork):
    # --- settings ------------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self._session() as s:
            row = s.get(SettingRow, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._session() as s:
            s.merge(SettingRow(key=key, value=value))

    def settings_with_prefix(self, prefix: str) -> dict[str, str]:
        with self._session() as s:
            rows = s.scalars(select(SettingRow).where(SettingRow.key.startswith(prefix))).all()
            return {r.key: r.value for r in rows}

    def delete_setting(self, key: str) -> None:
        with self._session() as s:
            row = s.get(SettingRow, key)
            if row:
                s.delete(row)

    # --- mints ---------------------------------------------------------------------------------

    def upsert_mint(self, url: str, *, name: str, info: dict[str, Any], trusted: bool | None = None) -> StoredMint:
        now = _now()
        with self._session() as s:
            row = s.get(MintRow, url)
            if row is None:
                row = MintRow(url=url, name=name, trusted=bool(trusted), info_json=json.dumps(info), added_at=now)
                s.add(row)
            else:
                row.name = name
                row.info_json = json.dumps(info)
                if trusted is not None:
                    row.trusted = trusted
            row.updated_at = now
            return StoredMint(url=row.url, name=row.name, trusted=row.trusted, info=info)

    def get_mint(self, url: str) -> StoredMint | None:
        with self._session() as s:
            row = s.get(MintRow, url)
            return None if row is None else StoredMint(row.url, row.name, row.trusted, json.loads(row.info_json))

    def list_mints(self) -> list[StoredMint]:
        with self._session() as s:
            rows = s.scalars(select(MintRow).order_by(MintRow.added_at)).all()
            return [StoredMint(r.url, r.name, r.trusted, json.loads(r.info_json)) for r in rows]

    def set_mint_trusted(self, url: str, trusted: bool) -> None:
        with self._session() as s:
            s.execute(update(MintRow).where(MintRow.url == url).values(trusted=trusted, updated_at=_now()))

    def remove_mint(self, url: str) -> None:
        with self._session() as s:
            held = s.scalar(
                select(func.count()).select_from(ProofRow).where(ProofRow.mint_url == url, ProofRow.state != "spent")
            )
            if held:
                raise StorageError(
                    t("the wallet still holds ecash at {0}: send or melt it before removing the mint").format(url)
                )
            row = s.get(MintRow, url)
            if row:
                s.delete(row)
