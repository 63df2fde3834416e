"""The repository the wallet uses: every read and write of the wallet database goes through ``Store``.

Each method commits on its own, unless called inside ``with store.atomic():``, where all writes commit
together or not at all (used whenever new proofs are stored and inputs are marked spent in one step,
so a crash can never leave both or neither).
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, select, update
from sqlalchemy.orm import Session

from core.errors import StorageError
from core.ports.storage import (
    OPERATION_TRANSITIONS,
    BalanceRow,
    ExportedToken,
    FailedTransaction,
    MintQuoteRecord,
    OperationRecord,
    OperationState,
    ProofState,
    StaleState,
    StoredKeyset,
    StoredMint,
)
from core.protocol.models import DLEQ, Proof
from core.storage.db import Database
from core.storage.models import (
    ExportedTokenRow,
    FailedTransactionRow,
    KeysetRow,
    MeltQuoteRow,
    MintQuoteRow,
    MintRow,
    OperationRow,
    ProofRow,
    SettingRow,
)

__all__ = ["Store"]

PROOF_STATES = tuple(ProofState)
# Operation states nobody is actively working on (recovery may look at "pending" ones: a melt in flight at the mint).
RESTING_STATES = ("done", "failed", "rolled_back", "pending", "needs_review")
# What a proof may be moved to a state from, when the caller names no expectation (``set_proof_state``).
_DEFAULT_FROM: dict[str, tuple[str, ...]] = {
    ProofState.UNSPENT: (ProofState.RESERVED, ProofState.PENDING),
    ProofState.RESERVED: (ProofState.UNSPENT,),
    ProofState.PENDING: (ProofState.UNSPENT, ProofState.RESERVED, ProofState.PENDING),
    ProofState.SPENT: (ProofState.UNSPENT, ProofState.RESERVED, ProofState.PENDING),
}


def _now() -> float:
    return time.time()


def _proof_from_row(row: ProofRow) -> Proof:
    dleq = DLEQ.from_json(json.loads(row.dleq_json)) if row.dleq_json else None
    return Proof(id=row.keyset_id, amount=row.amount, secret=row.secret, C=row.C, dleq=dleq, witness=row.witness)


def _operation_from_row(row: OperationRow) -> OperationRecord:
    return OperationRecord(
        id=row.id,
        kind=row.kind,
        mint_url=row.mint_url,
        unit=row.unit,
        amount=row.amount,
        fee=row.fee,
        state=OperationState(row.state),
        data=json.loads(row.data_json),
        memo=row.memo,
        error=row.error,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version or 0,
    )


class Store:
    def __init__(self, db: Database) -> None:
        self.db = db
        # The open ``atomic()`` transaction belongs to the task (unit of work) that opened it, never to the shared
        # store: another task's writes must not join it, or commit/roll back with it.
        self._tx: ContextVar[Session | None] = ContextVar(f"nutdesk-store-tx-{id(self)}", default=None)
        # Where the exchange rate of the moment comes from ((fiat per BTC, currency) or None): each new operation
        # records it, so reports value every entry at the rate of its own time. Set by a front end with rates.
        self.fiat_quote: Callable[[], tuple[float, str] | None] | None = None
        # Operations this process created and is still working on: recovery must not resume them under its feet
        # (a background pass rolling back a "prepared" swap whose request is about to leave). An operation leaves
        # the set when it reaches a resting state, or when its code gives up on it (``release``).
        self.in_flight: set[str] = set()

    # --- sessions ------------------------------------------------------------------------------

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Group writes into one transaction (nesting joins the outer one).

        On SQLite the transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock first (waiting up to the
        busy timeout for another process), so what it reads cannot change before it writes — two processes
        selecting proofs take turns instead of picking the same ones.
        """
        if self._tx.get() is not None:
            yield
            return
        with self.db.session() as session:
            if self.db.url.startswith("sqlite"):
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            token = self._tx.set(session)
            try:
                yield
            finally:
                self._tx.reset(token)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        current = self._tx.get()
        if current is not None:
            yield current
            current.flush()
            return
        with self.db.session() as session:
            yield session

    @property
    def in_transaction(self) -> bool:
        """True inside this task's ``atomic()`` block."""
        return self._tx.get() is not None

    def close(self) -> None:
        self.db.close()

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
                raise StorageError(f"the wallet still holds ecash at {url}: send or melt it before removing the mint")
            row = s.get(MintRow, url)
            if row:
                s.delete(row)

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
                raise StorageError(f"unknown keyset {keyset_id}")
            return int(end) - count

    def bump_counter(self, keyset_id: str, at_least: int) -> None:
        """Move the counter up to ``at_least`` (never down), in one statement."""
        table = cast(Table, KeysetRow.__table__)
        with self._session() as s:
            s.execute(update(table).where(table.c.id == keyset_id, table.c.counter < at_least).values(counter=at_least))

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
            q = select(ProofRow).where(ProofRow.state.in_(states))
            if mint_url is not None:
                q = q.where(ProofRow.mint_url == mint_url)
            if unit is not None:
                q = q.where(ProofRow.unit == unit)
            if operation_id is not None:
                q = q.where(ProofRow.operation_id == operation_id)
            return [_proof_from_row(r) for r in s.scalars(q.order_by(ProofRow.amount)).all()]

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
        """
        self.move_proofs(secrets, owner=None, expect=(ProofState.UNSPENT,), to=state, new_owner=operation_id)

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

    # --- quotes --------------------------------------------------------------------------------

    def save_mint_quote(
        self,
        *,
        quote: str,
        mint_url: str,
        unit: str,
        amount: int,
        request: str,
        state: str,
        expiry: int | None,
        privkey: str | None,
    ) -> None:
        with self._session() as s:
            s.merge(
                MintQuoteRow(
                    quote=quote,
                    mint_url=mint_url,
                    unit=unit,
                    amount=amount,
                    request=request,
                    state=state,
                    expiry=expiry,
                    privkey=privkey,
                    created_at=_now(),
                )
            )

    def mint_quote(self, quote: str) -> MintQuoteRecord | None:
        with self._session() as s:
            r = s.get(MintQuoteRow, quote)
            if r is None:
                return None
            return MintQuoteRecord(r.quote, r.mint_url, r.unit, r.amount, r.request, r.state, r.expiry, r.privkey)

    def mint_quotes(self, states: Sequence[str] | None = None) -> list[MintQuoteRecord]:
        with self._session() as s:
            q = select(MintQuoteRow).order_by(MintQuoteRow.created_at)
            if states is not None:
                q = q.where(MintQuoteRow.state.in_(states))
            return [
                MintQuoteRecord(r.quote, r.mint_url, r.unit, r.amount, r.request, r.state, r.expiry, r.privkey)
                for r in s.scalars(q).all()
            ]

    def set_mint_quote_state(self, quote: str, state: str) -> None:
        with self._session() as s:
            s.execute(update(MintQuoteRow).where(MintQuoteRow.quote == quote).values(state=state))

    def save_melt_quote(
        self, *, quote: str, mint_url: str, unit: str, amount: int, fee_reserve: int, request: str, state: str
    ) -> None:
        with self._session() as s:
            s.merge(
                MeltQuoteRow(
                    quote=quote,
                    mint_url=mint_url,
                    unit=unit,
                    amount=amount,
                    fee_reserve=fee_reserve,
                    request=request,
                    state=state,
                    created_at=_now(),
                )
            )

    def set_melt_quote_state(self, quote: str, state: str, preimage: str | None = None) -> None:
        with self._session() as s:
            s.execute(update(MeltQuoteRow).where(MeltQuoteRow.quote == quote).values(state=state, preimage=preimage))

    # --- the operation journal -----------------------------------------------------------------

    def create_operation(
        self,
        *,
        kind: str,
        mint_url: str,
        unit: str,
        amount: int = 0,
        data: dict[str, Any] | None = None,
        memo: str = "",
        state: str = "prepared",
    ) -> str:
        op_id = uuid.uuid4().hex
        now = _now()
        quote = self.fiat_quote() if self.fiat_quote is not None else None
        # Which process works on it: another live process's fresh operation is not recovery's to resume.
        data = {**(data or {}), "pid": os.getpid()}
        if state not in RESTING_STATES:
            self.in_flight.add(op_id)
        with self._session() as s:
            s.add(
                OperationRow(
                    fiat_rate=quote[0] if quote else None,
                    fiat_currency=quote[1] if quote else None,
                    id=op_id,
                    kind=kind,
                    mint_url=mint_url,
                    unit=unit,
                    amount=amount,
                    fee=0,
                    state=state,
                    data_json=json.dumps(data),
                    memo=memo,
                    error="",
                    created_at=now,
                    updated_at=now,
                    version=0,
                )
            )
        return op_id

    def update_operation(
        self,
        op_id: str,
        *,
        state: str | None = None,
        data: dict[str, Any] | None = None,
        amount: int | None = None,
        fee: int | None = None,
        error: str | None = None,
        expect: Sequence[str] | None = None,
        version: int | None = None,
    ) -> OperationRecord:
        """Change an operation by compare-and-set; ``data`` is merged into the stored data.

        A new ``state`` must be reachable from the current one (``OPERATION_TRANSITIONS``; ``expect`` narrows the
        states it may come from); ``version`` (when given) must be the current version. Each change bumps the
        version. A mismatch raises ``StaleState``: another task or process changed the operation first.
        """
        target = OperationState(state) if state is not None else None
        allowed: set[str] | None = None
        if target is not None:
            allowed = {str(x) for x in OPERATION_TRANSITIONS[target]}
        if expect is not None:
            allowed = {str(OperationState(x)) for x in expect} & allowed if allowed is not None else set(expect)
        table = cast(Table, OperationRow.__table__)
        for _attempt in range(8):
            with self._session() as s:
                row = s.execute(select(table).where(table.c.id == op_id)).one_or_none()
                if row is None:
                    raise StorageError(f"unknown operation {op_id}")
                if version is not None and row.version != version:
                    raise StaleState(f"operation {op_id} changed (version {row.version}, expected {version})")
                if allowed is not None and row.state not in allowed:
                    raise StaleState(
                        f"operation {op_id} is {row.state}; it cannot become {state or 'changed'} from there "
                        "(another task or process moved it)"
                    )
                values: dict[str, Any] = {"updated_at": _now(), "version": row.version + 1}
                if target is not None:
                    values["state"] = target.value
                if data is not None:
                    values["data_json"] = json.dumps({**json.loads(row.data_json), **data})
                if amount is not None:
                    values["amount"] = amount
                if fee is not None:
                    values["fee"] = fee
                if error is not None:
                    values["error"] = error
                result = s.execute(
                    update(table).where(table.c.id == op_id, table.c.version == row.version).values(**values)
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    if target is not None and target in RESTING_STATES:
                        self.in_flight.discard(op_id)
                    fresh = s.scalars(
                        select(OperationRow).where(OperationRow.id == op_id).execution_options(populate_existing=True)
                    ).one()
                    return _operation_from_row(fresh)
            if version is not None:
                break
        raise StaleState(f"operation {op_id} kept changing under this update")

    def release(self, op_id: str) -> None:
        """The code running ``op_id`` stopped (it raised): from now on recovery may resume it."""
        self.in_flight.discard(op_id)

    def get_operation(self, op_id: str) -> OperationRecord | None:
        with self._session() as s:
            row = s.get(OperationRow, op_id)
            return None if row is None else _operation_from_row(row)

    def operations(
        self, *, states: Sequence[str] | None = None, kinds: Sequence[str] | None = None, limit: int | None = None
    ) -> list[OperationRecord]:
        with self._session() as s:
            q = select(OperationRow)
            if states is not None:
                q = q.where(OperationRow.state.in_(states))
            if kinds is not None:
                q = q.where(OperationRow.kind.in_(kinds))
            q = q.order_by(OperationRow.created_at.desc())
            if limit is not None:
                q = q.limit(limit)
            return [_operation_from_row(r) for r in s.scalars(q).all()]

    # --- exported tokens -----------------------------------------------------------------------

    def add_exported_token(
        self, *, operation_id: str, mint_url: str, unit: str, amount: int, token: str, file_path: str | None = None
    ) -> int:
        with self._session() as s:
            row = ExportedTokenRow(
                operation_id=operation_id,
                mint_url=mint_url,
                unit=unit,
                amount=amount,
                token=token,
                file_path=file_path,
                state="pending",
                created_at=_now(),
            )
            s.add(row)
            s.flush()
            return row.id

    def exported_tokens(self, states: Sequence[str] = ("pending",)) -> list[ExportedToken]:
        with self._session() as s:
            rows = s.scalars(select(ExportedTokenRow).where(ExportedTokenRow.state.in_(states))).all()
            return [
                ExportedToken(r.id, r.operation_id, r.mint_url, r.unit, r.amount, r.token, r.file_path, r.state)
                for r in rows
            ]

    def set_exported_token_state(self, token_id: int, state: str, file_path: str | None = None) -> None:
        with self._session() as s:
            values: dict[str, Any] = {"state": state}
            if file_path is not None:
                values["file_path"] = file_path
            s.execute(update(ExportedTokenRow).where(ExportedTokenRow.id == token_id).values(**values))

    # --- failed transactions -------------------------------------------------------------------

    @staticmethod
    def _failed(r: FailedTransactionRow) -> FailedTransaction:
        return FailedTransaction(
            r.id,
            r.operation_id,
            r.operation,
            r.mint_url,
            r.unit,
            r.amount,
            r.reason_code,
            r.details,
            r.retry_count,
            r.next_retry_at,
            r.status,
            r.created_at,
            r.updated_at,
        )

    def record_failure(
        self,
        *,
        operation_id: str,
        operation: str,
        mint_url: str,
        unit: str,
        amount: int,
        reason_code: str,
        details: str,
        status: str,
        next_retry_at: float,
        count_retry: bool = True,
    ) -> FailedTransaction:
        """Create or update the failure record of an operation (one per operation)."""
        now = _now()
        with self._session() as s:
            row = s.scalar(select(FailedTransactionRow).where(FailedTransactionRow.operation_id == operation_id))
            if row is None:
                row = FailedTransactionRow(
                    operation_id=operation_id,
                    operation=operation,
                    mint_url=mint_url,
                    unit=unit,
                    amount=amount,
                    retry_count=0,
                    created_at=now,
                )
                s.add(row)
            elif count_retry:
                row.retry_count += 1
            row.reason_code = reason_code
            row.details = details
            row.status = status
            row.next_retry_at = next_retry_at
            row.updated_at = now
            s.flush()
            return self._failed(row)

    def failed_transactions(self, statuses: Sequence[str] | None = None) -> list[FailedTransaction]:
        with self._session() as s:
            q = select(FailedTransactionRow).order_by(FailedTransactionRow.created_at.desc())
            if statuses is not None:
                q = q.where(FailedTransactionRow.status.in_(statuses))
            return [self._failed(r) for r in s.scalars(q).all()]

    def get_failed(self, failed_id: int) -> FailedTransaction | None:
        with self._session() as s:
            row = s.get(FailedTransactionRow, failed_id)
            return None if row is None else self._failed(row)

    def failed_for_operation(self, operation_id: str) -> FailedTransaction | None:
        with self._session() as s:
            row = s.scalar(select(FailedTransactionRow).where(FailedTransactionRow.operation_id == operation_id))
            return None if row is None else self._failed(row)

    def set_failed_status(self, failed_id: int, status: str, *, next_retry_at: float | None = None) -> None:
        with self._session() as s:
            values: dict[str, Any] = {"status": status, "updated_at": _now()}
            if next_retry_at is not None:
                values["next_retry_at"] = next_retry_at
            s.execute(update(FailedTransactionRow).where(FailedTransactionRow.id == failed_id).values(**values))
