"""Proofs and their states: every state change is a compare-and-set."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, FromClause, Table, func, insert, select, tuple_, update
from sqlalchemy.orm import Session

from core.i18n import t
from core.ports.storage import (
    BalanceRow,
    KeysetTotal,
    ProofRef,
    ProofsTaken,
    ProofState,
    StaleState,
)
from core.protocol.models import DLEQ, Proof
from core.storage.dialects import has_row_locks, skip_locked
from core.storage.models import (
    ProofRow,
    ProofTotalRow,
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


_IN_CHUNK = 10_000  # values per IN list: SQLite allows 32,766 bound parameters in one statement


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
        batch = list(proofs)
        with self._session() as s:
            # Idempotent: a resumed operation may store the same proofs again. One lookup for the batch and one
            # multi-row insert, not a lookup and an ORM object per proof (a receive stores 64 at a time).
            seen: set[str] = set()
            secrets = [p.secret for p in batch]
            for start in range(0, len(secrets), _IN_CHUNK):
                chunk = secrets[start : start + _IN_CHUNK]
                seen.update(s.scalars(select(ProofRow.secret).where(ProofRow.secret.in_(chunk))))
            rows: list[dict[str, Any]] = []
            for proof, y in zip(batch, ys, strict=True):
                if proof.secret in seen:
                    continue
                seen.add(proof.secret)
                rows.append(
                    {
                        "secret": proof.secret,
                        "y": y,
                        "keyset_id": proof.id,
                        "mint_url": mint_url,
                        "unit": unit,
                        "amount": proof.amount,
                        "C": proof.C,
                        "dleq_json": json.dumps(proof.dleq.to_json()) if proof.dleq else None,
                        "witness": proof.witness,
                        "state": state,
                        "operation_id": operation_id,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            if rows:
                s.execute(insert(ProofRow), rows)

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
                t("{0} of {1} proofs are held or were taken by another operation").format(len(taken), len(wanted)),
                taken,
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
                missing = len(wanted) - result.rowcount  # type: ignore[attr-defined]
                raise StaleState(
                    (
                        t("{0} of {1} proofs are no longer {2} for operation {3} (another operation used them)")
                        if owner
                        else t("{0} of {1} proofs are no longer {2} (another operation used them)")
                    ).format(missing, len(wanted), "/".join(expect), owner)
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

    # --- running totals and narrow reads for coin selection ----------------------------------------
    # The totals are kept by triggers (migration 0009) in the transaction of every proof change; selection reads
    # (amount, keyset, Y) a page at a time from a covering index and the full rows only of the proofs it chose.

    def _totals(self, s: Session) -> FromClause:
        """The running totals (SQLite), or on PostgreSQL the same columns aggregated from the proofs: there the tills
        reserve proofs at once under row locks (``FOR UPDATE SKIP LOCKED``), and a totals row updated by each
        reservation would make them queue again (and could deadlock two tills' transactions)."""
        if not has_row_locks(s):
            return ProofTotalRow.__table__
        p = ProofRow
        return (
            select(p.mint_url, p.unit, p.keyset_id, p.state, p.amount, func.count().label("proof_count"))
            .group_by(p.mint_url, p.unit, p.keyset_id, p.state, p.amount)
            .subquery("proof_totals")
        )

    def balances(self) -> list[BalanceRow]:
        """Balance and pending (reserved + pending) per mint and unit: a read of the running totals."""
        with self._session() as s:
            t = self._totals(s).c
            rows = s.execute(
                select(t.mint_url, t.unit, t.state, func.sum(t.amount * t.proof_count))
                .where(t.state.in_(("unspent", "reserved", "pending")), t.proof_count > 0)
                .group_by(t.mint_url, t.unit, t.state)
            ).all()
        totals: dict[tuple[str, str], list[int]] = {}
        for mint_url, unit, state, amount in rows:
            slot = totals.setdefault((mint_url, unit), [0, 0])
            slot[0 if state == "unspent" else 1] += int(amount or 0)
        return [BalanceRow(m, u, b, p) for (m, u), (b, p) in sorted(totals.items())]

    def keyset_totals(
        self, mint_url: str, unit: str | None = None, *, state: str = ProofState.UNSPENT
    ) -> dict[str, KeysetTotal]:
        """keyset → (proofs, amount) in ``state`` at ``mint_url`` (of ``unit`` when given), from the running totals."""
        with self._session() as s:
            t = self._totals(s).c
            q = (
                select(t.keyset_id, func.sum(t.proof_count), func.sum(t.amount * t.proof_count))
                .where(t.mint_url == mint_url, t.state == ProofState(state).value, t.proof_count > 0)
                .group_by(t.keyset_id)
            )
            if unit is not None:
                q = q.where(t.unit == unit)
            return {kid: KeysetTotal(int(count), int(amount)) for kid, count, amount in s.execute(q)}

    def denominations(self, mint_url: str, unit: str) -> list[tuple[str, int, int]]:
        """(keyset, amount, how many) of the unspent proofs of ``unit`` at ``mint_url``, from the running totals."""
        with self._session() as s:
            t = self._totals(s).c
            rows = s.execute(
                select(t.keyset_id, t.amount, t.proof_count).where(
                    t.mint_url == mint_url, t.unit == unit, t.state == ProofState.UNSPENT.value, t.proof_count > 0
                )
            ).all()
        return [(kid, int(amount), int(count)) for kid, amount, count in rows]

    def unspent_proofs_of(self, mint_url: str, unit: str, keyset_id: str, amount: int, limit: int) -> list[Proof]:
        """Up to ``limit`` unspent proofs of one denomination, in full (by the selection index, then their rows)."""
        q = (
            select(*_PROOF_COLUMNS)
            .where(
                ProofRow.state == ProofState.UNSPENT.value,
                ProofRow.mint_url == mint_url,
                ProofRow.unit == unit,
                ProofRow.keyset_id == keyset_id,
                ProofRow.amount == amount,
            )
            .order_by(ProofRow.y.desc())
            .limit(limit)
        )
        with self._session() as s:
            return [_proof_from_columns(*r) for r in s.execute(q)]

    def keyset_balances(self, mint_url: str) -> dict[str, int]:
        """Unspent amount per keyset at ``mint_url``."""
        return {kid: total.amount for kid, total in self.keyset_totals(mint_url).items()}

    def unspent_refs(
        self, mint_url: str, unit: str, keyset_id: str, *, before: tuple[int, str] | None = None, limit: int = 256
    ) -> list[ProofRef]:
        """A page of one keyset's unspent proofs, largest first (equal amounts by Y, descending), each strictly
        after ``before`` (an (amount, Y) from the previous page) in that order: an index range, no proof row read."""
        q = select(ProofRow.y, ProofRow.keyset_id, ProofRow.amount).where(
            ProofRow.state == ProofState.UNSPENT.value,
            ProofRow.mint_url == mint_url,
            ProofRow.unit == unit,
            ProofRow.keyset_id == keyset_id,
        )
        if before is not None:
            q = q.where(tuple_(ProofRow.amount, ProofRow.y) < tuple_(before[0], before[1]))
        q = q.order_by(ProofRow.amount.desc(), ProofRow.y.desc()).limit(limit)
        with self._session() as s:
            return [ProofRef(y, kid, amount) for y, kid, amount in s.execute(q)]

    def proofs_by_ys(self, ys: Sequence[str]) -> list[Proof]:
        """The full proofs (secret, C, DLEQ, witness) named by ``ys``, in that order; unknown ones are left out."""
        found: dict[str, Proof] = {}
        with self._session() as s:
            for start in range(0, len(ys), _IN_CHUNK):
                chunk = ys[start : start + _IN_CHUNK]
                rows = s.execute(select(ProofRow.y, *_PROOF_COLUMNS).where(ProofRow.y.in_(chunk)))
                for y, kid, amount, secret, c, dleq_json, witness in rows:
                    found[y] = _proof_from_columns(kid, amount, secret, c, dleq_json, witness)
        return [found[y] for y in ys if y in found]
