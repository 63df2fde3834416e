"""The giveaways' tables (``pos_giveaways``, ``pos_giveaway_codes``, ``pos_giveaway_claims``, migration 0007).

A claim is reserved by one INSERT … SELECT that checks, under the writer's lock, that the giveaway is open, that
the claim fits the budget left, and that the claimant is under their limit for the period: two tills (or two
processes) can never both pass the check. Each method is one transaction."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, text

from core.errors import StorageError
from core.i18n import t
from core.storage.db import Database
from core.storage.models import PosGiveawayClaimRow, PosGiveawayCodeRow, PosGiveawayRow

__all__ = ["Giveaway", "GiveawayClaim", "GiveawayRepository"]


@dataclass(frozen=True)
class Giveaway:
    id: str
    name: str
    unit: str
    mint_url: str
    amount: int
    budget: int
    per_claimant: int
    period: int  # seconds
    state: str  # open · closed
    spent: int  # claimed so far (reserved claims included)
    claims: int
    created_at: float

    @property
    def left(self) -> int:
        return self.budget - self.spent

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "unit": self.unit, "mint": self.mint_url, "amount": self.amount,
                "budget": self.budget, "spent": self.spent, "left": self.left, "claims": self.claims,
                "per_claimant": self.per_claimant, "period": self.period, "state": self.state}  # fmt: skip


@dataclass(frozen=True)
class GiveawayClaim:
    id: str
    giveaway_id: str
    amount: int
    token: str
    operation_id: str
    created_at: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "giveaway": self.giveaway_id, "amount": self.amount, "token": self.token,
                "operation_id": self.operation_id, "created_at": self.created_at}  # fmt: skip


class GiveawayRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, *, codes: list[str], **fields: Any) -> str:
        gid = uuid.uuid4().hex[:8]
        with self.db.session() as s:
            s.add(PosGiveawayRow(id=gid, state="open", created_at=time.time(), **fields))
            s.add_all(PosGiveawayCodeRow(code=code, giveaway_id=gid) for code in codes)
        return gid

    def giveaways(self) -> list[Giveaway]:
        with self.db.session() as s:
            sums = {
                gid: (int(total or 0), int(count))
                for gid, total, count in s.execute(
                    select(
                        PosGiveawayClaimRow.giveaway_id, func.sum(PosGiveawayClaimRow.amount), func.count()
                    ).group_by(PosGiveawayClaimRow.giveaway_id)
                ).all()
            }
            rows = s.scalars(select(PosGiveawayRow).order_by(PosGiveawayRow.created_at)).all()
            found = []
            for r in rows:
                spent, count = sums.get(r.id, (0, 0))
                found.append(Giveaway(r.id, r.name, r.unit, r.mint_url, r.amount, r.budget, r.per_claimant,
                                      r.period, r.state, spent, count, r.created_at))  # fmt: skip
            return found

    def set_state(self, gid: str, state: str) -> None:
        with self.db.session() as s:
            row = s.get(PosGiveawayRow, gid)
            if row is None:
                raise StorageError(t("no giveaway {0}").format(gid))
            row.state = state

    def code_of(self, gid: str, code: str) -> bool:
        """Whether ``code`` is one of ``gid``'s codes."""
        with self.db.session() as s:
            row = s.get(PosGiveawayCodeRow, code)
            return row is not None and row.giveaway_id == gid

    def codes(self, gid: str) -> list[tuple[str, bool]]:
        """``gid``'s one-time codes (in a stable order) and whether each was claimed."""
        with self.db.session() as s:
            codes = sorted(s.scalars(select(PosGiveawayCodeRow.code).where(PosGiveawayCodeRow.giveaway_id == gid)))
            claimed = set(s.scalars(select(PosGiveawayClaimRow.claimant).where(PosGiveawayClaimRow.giveaway_id == gid)))
        return [(code, f"code:{code}" in claimed) for code in codes]

    def reserve(self, gid: str, claimant: str, amount: int, since: float, per_claimant: int) -> str | None:
        """Reserve a claim of ``amount`` for ``claimant`` (its id), or None when the giveaway is closed, its budget
        would be exceeded, or the claimant had ``per_claimant`` claims since ``since``."""
        cid = uuid.uuid4().hex[:16]
        insert = text(
            "INSERT INTO pos_giveaway_claims (id, giveaway_id, claimant, amount, token, operation_id, created_at)"
            " SELECT :id, :gid, :claimant, :amount, '', '', :now"
            " WHERE (SELECT state FROM pos_giveaways WHERE id = :gid) = 'open'"
            " AND (SELECT coalesce(sum(amount), 0) FROM pos_giveaway_claims WHERE giveaway_id = :gid) + :amount"
            " <= (SELECT budget FROM pos_giveaways WHERE id = :gid)"
            " AND (SELECT count(*) FROM pos_giveaway_claims WHERE giveaway_id = :gid"
            " AND claimant = :claimant"
            " AND created_at >= :since) < :limit"
        ).bindparams(
            # Sealed at rest under a password (deterministically, so equal claimants compare equal): in Python,
            # through the column's type, on SQLite and PostgreSQL alike.
            bindparam("claimant", type_=PosGiveawayClaimRow.__table__.c.claimant.type)
        )
        params = {"id": cid, "gid": gid, "claimant": claimant, "amount": amount, "now": time.time(), "since": since,
                  "limit": per_claimant}  # fmt: skip
        with self.db.writer() as s:  # under the writer's lock (PostgreSQL too): no two tills pass the check at once
            done = getattr(s.execute(insert, params), "rowcount", 0) == 1
        return cid if done else None

    def finish(self, cid: str, token: str, operation_id: str) -> GiveawayClaim:
        with self.db.session() as s:
            row = s.get(PosGiveawayClaimRow, cid)
            if row is None:
                raise StorageError(t("no claim {0}").format(cid))
            row.token, row.operation_id = token, operation_id
            s.flush()
            return GiveawayClaim(row.id, row.giveaway_id, row.amount, row.token, row.operation_id, row.created_at)

    def drop(self, cid: str) -> None:
        """Release a reservation whose send definitely did not happen."""
        with self.db.session() as s:
            row = s.get(PosGiveawayClaimRow, cid)
            if row is not None and not row.operation_id:
                s.delete(row)
