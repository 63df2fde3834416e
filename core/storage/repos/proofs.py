"""Proofs and their states: every state change is a compare-and-set."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, select, update
from sqlalchemy.orm import Session

from core.ports.storage import (
    BalanceRow,
    ProofsTaken,
    ProofState,
    StaleState,
)
from core.protocol.models import DLEQ, Proof
from core.storage.dialects import has_row_locks, skip_locked
from core.storage.models import (
    ProofRow,
)
from core.storage.unit_of_work import UnitOfWork
from core.storage.unit_of_work import now as _now

__all__ = ["ProofRepository"]

PROOF_STATES = tuple(ProofState)
# Operation states nobody is actively working on (recovery may look at "pending" ones: a melt in flight at the mint).
# What a proof may be moved to a state from, when the caller names no expectation (``set_proof_state``).
_DEFAULT_FROM: dict[str, tuple[str, ...]] = {
    ProofState.UNSPENT: (ProofState.RESERVED, ProofState.PENDING),
    ProofState.RESERVED: (ProofState.UNSPENT,),
    ProofState.PENDING: (ProofState.UNSPENT, ProofState.RESERVED, ProofState.PENDING),
    ProofState.SPENT: (ProofState.UNSPENT, ProofState.RESERVED, ProofState.PENDING),
}


# The columns a Proof is made of: read as plain rows (no ORM objects, no identity map) — a wallet of 100,000 small
# proofs is read on every send.
_PROOF_COLUMNS = (
    ProofRow.keyset_id,
    ProofRow.amount,
    ProofRow.secret,
    ProofRow.C,
    ProofRow.dleq_json,
    ProofRow.witness,
)


def _proof_from_columns(
    kid: str, amount: int, secret: str, c: str, dleq_json: str | None, witness: str | None
) -> Proof:
    dleq = DLEQ.from_json(json.loads(dleq_json)) if dleq_json else None
    return Proof(id=kid, amount=amount, secret=secret, C=c, dleq=dleq, witness=witness)


def _proof_from_row(row: ProofRow) -> Proof:
    dleq = DLEQ.from_json(json.loads(row.dleq_json)) if row.dleq_json else None
    return Proof(id=row.keyset_id, amount=row.amount, secret=row.secret, C=row.C, dleq=dleq, witness=row.witness)


class ProofRepository(UnitOfWork):
    # --- proofs --------------------------------------------------------------------------------

    def add_proofs(
        self,
        proofs: Iterable[Proof],
        *,
        ys: Sequence[str],
        mint_url: str,
        unit: str,
        state: str = "unspent",
        operation_id: str | None = None,
    ) -> None:
        now = _now()
        with self._session() as s:
            for proof, y in zip(proofs, ys, strict=True):
                existing = s.get(ProofRow, proof.secret)
                if existing is not None:
                    # Idempotent: a resumed operation may store the same proofs again.
                    continue
                s.add(
                    ProofRow(
                        secret=proof.secret,
                        y=y,
                        keyset_id=proof.id,
                        mint_url=mint_url,
                        unit=unit,
                        amount=proof.amount,
                        C=proof.C,
                        dleq_json=json.dumps(proof.dleq.to_json()) if proof.dleq else None,
                        witness=proof.witness,
                        state=state,
                        operation_id=operation_id,
                        created_at=now,
                        updated_at=now,
                    )
                )

    def proofs(
        self,
        *,
        mint_url: str | None = None,
        unit: str | None = None,
        states: Sequence[str] = ("unspent",),
        operation_id: str | None = None,
    ) -> list[Proof]:
        with self._session() as s:
            q = select(*_PROOF_COLUMNS).where(ProofRow.state.in_(states))
            if mint_url is not None:
                q = q.where(ProofRow.mint_url == mint_url)
            if unit is not None:
                q = q.where(ProofRow.unit == unit)
            if operation_id is not None:
                q = q.where(ProofRow.operation_id == operation_id)
            return [_proof_from_columns(*r) for r in s.execute(q.order_by(ProofRow.amount))]

    def keyset_balances(self, mint_url: str) -> dict[str, int]:
        """Unspent amount per keyset at ``mint_url``: one aggregate, no proof read."""
        with self._session() as s:
            rows = s.execute(
                select(ProofRow.keyset_id, func.sum(ProofRow.amount))
                .where(ProofRow.state == "unspent", ProofRow.mint_url == mint_url)
                .group_by(ProofRow.keyset_id)
            ).all()
        return {kid: int(total or 0) for kid, total in rows}

    def proofs_by_secrets(self, secrets: Sequence[str]) -> dict[str, tuple[Proof, str]]:
        """secret → (proof, state)."""
        with self._session() as s:
            rows = s.scalars(select(ProofRow).where(ProofRow.secret.in_(secrets))).all()
            return {r.secret: (_proof_from_row(r), r.state) for r in rows}

    def proof_owners(self, secrets: Sequence[str]) -> dict[str, str | None]:
        """secret → the operation that owns it (None: nobody)."""
        with self._session() as s:
            rows = s.execute(select(ProofRow.secret, ProofRow.operation_id).where(ProofRow.secret.in_(secrets))).all()
            return {secret: owner for secret, owner in rows}

    def proof_ys(self, secrets: Sequence[str]) -> dict[str, str]:
        with self._session() as s:
            rows = s.execute(select(ProofRow.secret, ProofRow.y).where(ProofRow.secret.in_(secrets))).all()
            return {secret: y for secret, y in rows}

    def reserve_proofs(self, secrets: Sequence[str], operation_id: str, *, state: str = "reserved") -> None:
        """unspent → ``state`` (reserved, or pending for a token made of existing proofs) for ``operation_id``.

        All or nothing: if any of them is not unspent any more, nothing changes and ``StaleState`` is raised.
        On PostgreSQL the rows are claimed with ``FOR UPDATE SKIP LOCKED``: a proof another till's transaction holds
        is passed over at once, not waited for, and ``ProofsTaken`` names it (``core.storage.dialects``).
        """
        with self._session() as s:
            if has_row_locks(s):
                self._reserve_skipping_locked(s, secrets, operation_id, ProofState(state))
                return
        self.move_proofs(secrets, owner=None, expect=(ProofState.UNSPENT,), to=state, new_owner=operation_id)

    def _reserve_skipping_locked(
        self, s: Session, secrets: Sequence[str], operation_id: str, state: ProofState
    ) -> None:
        # The proofs reservation on PostgreSQL: one UPDATE of the unspent rows among ``secrets`` that no other
        # transaction has locked, each locked by this one (SKIP LOCKED) as it is moved.
        wanted = set(secrets)
        if not wanted:
            return
        table = cast(Table, ProofRow.__table__)
        free = skip_locked(
            select(table.c.secret).where(table.c.secret.in_(wanted), table.c.state == ProofState.UNSPENT.value)
        )
        moved = s.execute(
            update(table)
            .where(table.c.secret.in_(free.scalar_subquery()))
            .values(state=state.value, operation_id=operation_id, updated_at=_now())
            .returning(table.c.secret)
        ).scalars()
        # The returned secrets come back through the sealed column's type: in the caller's form, like ``wanted``.
        taken = frozenset(wanted - set(moved))
        if taken:
            raise ProofsTaken(
                f"{len(taken)} of {len(wanted)} proofs are held or were taken by another operation", taken
            )

    def move_proofs(
        self,
        secrets: Sequence[str],
        *,
        owner: str | None,
        expect: Sequence[str],
        to: str,
        new_owner: str | None = None,
    ) -> None:
        """Compare-and-set: move every one of ``secrets`` from a state in ``expect`` to ``to``.

        ``owner`` (when given) must own each of them; ``new_owner`` (when given) owns them afterwards; unspent proofs
        are owned by nobody. Every row must match, else nothing changes (the transaction rolls back) and
        ``StaleState`` says another operation or process got there first.
        """
        wanted = set(secrets)
        if not wanted:
            return
        target = ProofState(to)
        values: dict[str, Any] = {"state": target.value, "updated_at": _now()}
        if target is ProofState.UNSPENT:
            values["operation_id"] = None
        elif new_owner is not None:
            values["operation_id"] = new_owner
        table = cast(Table, ProofRow.__table__)
        condition: list[ColumnElement[bool]] = [
            table.c.secret.in_(wanted),
            table.c.state.in_([ProofState(e).value for e in expect]),
        ]
        if owner is not None:
            condition.append(table.c.operation_id == owner)
        with self._session() as s:
            result = s.execute(update(table).where(*condition).values(**values))
            if result.rowcount != len(wanted):  # type: ignore[attr-defined]
                raise StaleState(
                    f"{len(wanted) - result.rowcount} of {len(wanted)} proofs are no longer "  # type: ignore[attr-defined]
                    f"{'/'.join(expect)}{f' for operation {owner}' if owner else ''} (another operation used them)"
                )

    def set_proof_state(
        self,
        secrets: Sequence[str],
        state: str,
        *,
        operation_id: str | None = None,
        expect: Sequence[str] | None = None,
    ) -> None:
        """``move_proofs`` with the usual expectation for ``state`` (``expect`` narrows it).

        ``operation_id`` names the owner the proofs must have — except when reserving or making pending from
        unspent, where it is the new owner.
        """
        target = ProofState(state)
        expected = tuple(expect) if expect is not None else _DEFAULT_FROM[target]
        if target in (ProofState.RESERVED, ProofState.PENDING) and ProofState.UNSPENT in expected:
            self.move_proofs(secrets, owner=None, expect=expected, to=target, new_owner=operation_id)
        else:
            self.move_proofs(secrets, owner=operation_id, expect=expected, to=target)

    def balances(self) -> list[BalanceRow]:
        with self._session() as s:
            rows = s.execute(
                select(ProofRow.mint_url, ProofRow.unit, ProofRow.state, func.sum(ProofRow.amount))
                .where(ProofRow.state.in_(("unspent", "reserved", "pending")))
                .group_by(ProofRow.mint_url, ProofRow.unit, ProofRow.state)
            ).all()
        totals: dict[tuple[str, str], list[int]] = {}
        for mint_url, unit, state, amount in rows:
            slot = totals.setdefault((mint_url, unit), [0, 0])
            slot[0 if state == "unspent" else 1] += int(amount or 0)
        return [BalanceRow(m, u, b, p) for (m, u), (b, p) in sorted(totals.items())]
