"""SQLAlchemy 2 table models. Changes to them go through an Alembic migration in ``migrations/versions``.

Amounts are integers in the unit's smallest denomination; sat amounts can reach 2^63, so they are stored
as BigInteger. Exchange rates and unit prices are exact decimals (``core.storage.exact.ExactDecimal``: NUMERIC on
PostgreSQL, the canonical string on SQLite). Times are UTC epoch seconds (floats) — simple to compare, sort and
index. ``Sealed*`` columns are encrypted at rest when the wallet has a password (``core.storage.sealed``); only the
deterministic ones may appear in a WHERE clause.
"""

# No ``from __future__ import annotations`` here: declarative mapping would evaluate each ``Mapped[...]`` string
# again at import, ≈ 10 ms of every command's start-up for these two modules.

from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.base import Base
from core.storage.exact import ExactDecimal

# The point of sale's rows live in their own module (this one stays a readable size); re-exported here so that
# ``from core.storage.models import PosSaleRow`` keeps working and importing this module (as Alembic's env.py and
# the schema copy do) registers every table on ``Base.metadata``.
from core.storage.pos_models import (
    PosGiveawayClaimRow,
    PosGiveawayCodeRow,
    PosGiveawayRow,
    PosItemRow,
    PosRefundRow,
    PosSaleLineRow,
    PosSaleProofRow,
    PosSaleRow,
    PosShiftRow,
    PosWebhookDeliveryRow,
)
from core.storage.sealed import SealedString, SealedText

__all__ = [
    "Base",
    "ExportedTokenRow",
    "FailedTransactionRow",
    "KeysetRow",
    "MeltQuoteRow",
    "MintQuoteRow",
    "MintRow",
    "OperationFactRow",
    "OperationRow",
    "PosGiveawayClaimRow",
    "PosGiveawayCodeRow",
    "PosGiveawayRow",
    "PosItemRow",
    "PosRefundRow",
    "PosSaleLineRow",
    "PosSaleProofRow",
    "PosSaleRow",
    "PosShiftRow",
    "PosWebhookDeliveryRow",
    "ProofRow",
    "ProofTotalRow",
    "SettingRow",
]


class MintRow(Base):
    __tablename__ = "mints"

    url: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String, default="")
    trusted: Mapped[bool] = mapped_column(Boolean, default=False)
    info_json: Mapped[str] = mapped_column(Text, default="{}")
    added_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)


class KeysetRow(Base):
    __tablename__ = "keysets"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    mint_url: Mapped[str] = mapped_column(ForeignKey("mints.url", ondelete="CASCADE"), index=True)
    unit: Mapped[str] = mapped_column(String)
    active: Mapped[bool] = mapped_column(Boolean)
    input_fee_ppk: Mapped[int] = mapped_column(Integer, default=0)
    final_expiry: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    keys_json: Mapped[str] = mapped_column(Text)
    # NUT-13: the next unused derivation counter. Advanced and committed before any request uses it.
    counter: Mapped[int] = mapped_column(Integer, default=0)


class ProofRow(Base):
    __tablename__ = "proofs"

    # The secret is unique by construction; using it as the key makes storing a proof twice impossible.
    secret: Mapped[str] = mapped_column(SealedString("proofs.secret", deterministic=True), primary_key=True)
    y: Mapped[str] = mapped_column(String, unique=True)
    keyset_id: Mapped[str] = mapped_column(String, index=True)
    mint_url: Mapped[str] = mapped_column(String)
    unit: Mapped[str] = mapped_column(String)
    amount: Mapped[int] = mapped_column(BigInteger)
    C: Mapped[str] = mapped_column(SealedString("proofs.C"))
    dleq_json: Mapped[str | None] = mapped_column(SealedText("proofs.dleq_json"), nullable=True)
    witness: Mapped[str | None] = mapped_column(SealedText("proofs.witness"), nullable=True)
    # unspent · reserved (by an operation) · pending (sent / in flight) · spent
    state: Mapped[str] = mapped_column(String, default="unspent")
    operation_id: Mapped[str | None] = mapped_column(String, nullable=True, index=True)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)

    __table_args__ = (
        Index("ix_proofs_mint_unit_state", "mint_url", "unit", "state"),
        # Covers balances per mint (analytics exposure) without reading proof rows.
        Index("ix_proofs_state_mint_unit_amount", "state", "mint_url", "unit", "amount"),
        # Coin selection walks one keyset's unspent proofs from the largest down, a page at a time, by (amount, y):
        # covering, so choosing 20 inputs of 100,000 reads 20 index entries and no proof row.
        Index("ix_proofs_selection", "state", "mint_url", "unit", "keyset_id", "amount", "y"),
    )


# Tables whose rows are computed from others' by the database itself: ``core.storage.copy`` leaves them out.
_DERIVED: dict[str, Any] = {"info": {"derived": True}}


class ProofTotalRow(Base):
    """How many proofs of each amount a mint, unit, keyset and state hold: the balances as running totals.

    On SQLite, kept by triggers on ``proofs`` (migration 0009) in the same transaction as every insert, state change
    and delete, whoever writes them, so a balance is a read of a few rows instead of an aggregate over every proof.
    On PostgreSQL it stays empty: the repository aggregates the proofs there (the tills' row locks). Derived data:
    a copy of the wallet is not given these rows, its own triggers count the proofs again as they are inserted.
    """

    __tablename__ = "proof_totals"
    __table_args__ = _DERIVED

    mint_url: Mapped[str] = mapped_column(String, primary_key=True)
    unit: Mapped[str] = mapped_column(String, primary_key=True)
    keyset_id: Mapped[str] = mapped_column(String, primary_key=True)
    state: Mapped[str] = mapped_column(String, primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    proof_count: Mapped[int] = mapped_column(BigInteger, default=0)


class MintQuoteRow(Base):
    __tablename__ = "mint_quotes"

    # A paid mint quote's id is bearer value (whoever knows it can mint, unless NUT-20 locks it).
    quote: Mapped[str] = mapped_column(SealedString("mint_quotes.quote", deterministic=True), primary_key=True)
    mint_url: Mapped[str] = mapped_column(String, index=True)
    unit: Mapped[str] = mapped_column(String)
    amount: Mapped[int] = mapped_column(BigInteger)
    request: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String)
    expiry: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # NUT-20: the private key that locks the quote (hex). Needed to mint after a restart.
    privkey: Mapped[str | None] = mapped_column(SealedString("mint_quotes.privkey"), nullable=True)
    created_at: Mapped[float] = mapped_column(Float)


class MeltQuoteRow(Base):
    __tablename__ = "melt_quotes"

    quote: Mapped[str] = mapped_column(String, primary_key=True)
    mint_url: Mapped[str] = mapped_column(String, index=True)
    unit: Mapped[str] = mapped_column(String)
    amount: Mapped[int] = mapped_column(BigInteger)
    fee_reserve: Mapped[int] = mapped_column(BigInteger)
    request: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String)
    preimage: Mapped[str | None] = mapped_column(String, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)


class OperationRow(Base):
    """The journal: one row per spending or receiving operation, written before any request leaves.

    Finished rows are the wallet's history.
    """

    __tablename__ = "operations"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String)  # issue · receive · send · melt · transfer · swap · restore
    mint_url: Mapped[str] = mapped_column(String, index=True)
    unit: Mapped[str] = mapped_column(String)
    amount: Mapped[int] = mapped_column(BigInteger, default=0)
    fee: Mapped[int] = mapped_column(BigInteger, default=0)
    # prepared → sent → done | rolled_back | failed | pending
    state: Mapped[str] = mapped_column(String, index=True)
    # Everything needed to resume: outputs with their counters, quote ids, input secrets …
    data_json: Mapped[str] = mapped_column(SealedText("operations.data_json"), default="{}")
    memo: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[float] = mapped_column(Float, index=True)
    updated_at: Mapped[float] = mapped_column(Float)
    # The exchange rate when the entry happened (fiat per BTC), for reports in fiat; null when not known.
    fiat_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    fiat_currency: Mapped[str | None] = mapped_column(String, nullable=True)
    # Bumped by every change: a compare-and-set update names the version (or the state) it read.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Which process works on the operation, until when (a lease): recovery at another till takes it over only
    # once it expired, or when its owner is a process of this machine that died. Empty/0: nobody.
    lease_owner: Mapped[str] = mapped_column(String, default="", server_default="")
    lease_expires: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")

    __table_args__ = (
        # Covers the analytics aggregates (state + time range, grouped by kind/mint/unit): no table reads.
        Index(
            "ix_operations_analytics",
            "state",
            "created_at",
            "kind",
            "mint_url",
            "unit",
            "amount",
            "fee",
            "fiat_rate",
            "fiat_currency",
        ),
        # Covers sums per kind/mint/unit before a date (opening balances) in index order, without sorting.
        Index(
            "ix_operations_ledger",
            "state",
            "kind",
            "mint_url",
            "unit",
            "created_at",
            "amount",
            "fee",
            "fiat_rate",
            "fiat_currency",
        ),
        Index("ix_operations_kind_created_at", "kind", "created_at"),
        Index("ix_operations_updated_at", "updated_at"),
    )


class OperationFactRow(Base):
    """What the reports need from a done operation's journal data (``data_json``), extracted once by
    ``core.analytics.facts`` so that the figures never parse JSON: Lightning payments' input fee, fee reserve
    and inputs, a sale's tip, and whether an issue finished a transfer between our own mints."""

    __tablename__ = "operation_facts"

    operation_id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    mint_url: Mapped[str] = mapped_column(String)
    unit: Mapped[str] = mapped_column(String)
    created_at: Mapped[float] = mapped_column(Float)
    amount: Mapped[int] = mapped_column(BigInteger)
    fee: Mapped[int] = mapped_column(BigInteger)
    fiat_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    fiat_currency: Mapped[str | None] = mapped_column(String, nullable=True)
    input_fee: Mapped[int] = mapped_column(BigInteger, default=0)
    fee_reserve: Mapped[int] = mapped_column(BigInteger, default=0)
    total_in: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    tip: Mapped[int] = mapped_column(BigInteger, default=0)
    internal: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_operation_facts_kind_created_at", "kind", "created_at"),)


class ExportedTokenRow(Base):
    """A token we sent or exported; its proofs stay pending until NUT-07 says they were claimed."""

    __tablename__ = "exported_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation_id: Mapped[str] = mapped_column(String, index=True)
    mint_url: Mapped[str] = mapped_column(String)
    unit: Mapped[str] = mapped_column(String)
    amount: Mapped[int] = mapped_column(BigInteger)
    token: Mapped[str] = mapped_column(SealedText("exported_tokens.token"))
    file_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    state: Mapped[str] = mapped_column(String, default="pending")  # pending · claimed · reclaimed
    created_at: Mapped[float] = mapped_column(Float)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    # Webhook secrets, PIN hashes, backend records … The recovery words are already encrypted under the password
    # (``scrypt$`` legacy, ``ndscrypt$``) and stay readable before unlock: the column key is derived from them.
    value: Mapped[str] = mapped_column(SealedText("settings.value", passthrough=("scrypt$", "ndscrypt$")))


class FailedTransactionRow(Base):
    """An operation that could not finish (or needs a person to look at it), as the BTCPay Cashu plugin keeps them.

    status: pending (retried with backoff) · recovered · failed-terminal · needs-review · dismissed
    """

    __tablename__ = "failed_transactions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation_id: Mapped[str] = mapped_column(String, unique=True)
    operation: Mapped[str] = mapped_column(String)
    mint_url: Mapped[str] = mapped_column(String)
    unit: Mapped[str] = mapped_column(String)
    amount: Mapped[int] = mapped_column(BigInteger)
    reason_code: Mapped[str] = mapped_column(String)
    details: Mapped[str] = mapped_column(Text, default="")
    retry_count: Mapped[int] = mapped_column(Integer, default=0)
    next_retry_at: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String, index=True)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)
