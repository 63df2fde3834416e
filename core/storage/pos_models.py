"""SQLAlchemy 2 table models of the point of sale (``core.pos``); ``core.storage.models`` re-exports them.

The conventions of ``core.storage.models`` hold here too: changes go through an Alembic migration, amounts are
BigInteger in the unit's smallest denomination, exact decimals are ``ExactDecimal``, times are UTC epoch seconds,
``Sealed*`` columns are encrypted at rest.
"""

# No ``from __future__ import annotations`` here: declarative mapping would evaluate each ``Mapped[...]`` string
# again at import, ≈ 10 ms of every command's start-up for these two modules.

from decimal import Decimal

from sqlalchemy import BigInteger, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.storage.base import Base
from core.storage.exact import ExactDecimal
from core.storage.sealed import SealedString, SealedText

__all__ = [
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
]


class PosSaleRow(Base):
    """One checkout at the point of sale. ``state``: waiting → received → settling → paid | failed | cancelled.

    Amounts are in ``unit``: ``amount`` is what the customer owes (``base_amount`` + ``tip`` + ``fee_advance``),
    ``received`` the face value of the ecash handed over, ``net`` what the wallet kept after the mint's and
    Lightning fees, ``change`` the overpayment — except when the customer paid with ecash of another unit
    (``paid_unit``, e.g. usd cents for a sat sale): then ``received``, ``net``, ``fee`` and ``change`` are in
    ``paid_unit`` and ``unit_price`` is the sats one of its minor units was worth (``price_source``: mint · rates).
    ``payload_json`` keeps the customer's proofs from "received" on,
    so a crash before the redeem can finish it; the proofs' secrets are in ``pos_sale_proofs`` (idempotency).
    """

    __tablename__ = "pos_sales"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    state: Mapped[str] = mapped_column(String, index=True)
    unit: Mapped[str] = mapped_column(String)
    amount: Mapped[int] = mapped_column(BigInteger)
    base_amount: Mapped[int] = mapped_column(BigInteger)
    tip: Mapped[int] = mapped_column(BigInteger, default=0)
    fee_advance: Mapped[int] = mapped_column(BigInteger, default=0)
    memo: Mapped[str] = mapped_column(Text, default="")
    cashier: Mapped[str] = mapped_column(String, default="")
    till: Mapped[str] = mapped_column(String, default="", server_default="", index=True)  # the till that sold it
    fiat_currency: Mapped[str | None] = mapped_column(String, nullable=True)
    fiat_amount: Mapped[str | None] = mapped_column(String, nullable=True)  # Decimal as text
    fiat_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)  # fiat per BTC at the sale
    request_id: Mapped[str] = mapped_column(String, index=True)
    mint_url: Mapped[str] = mapped_column(String, default="")
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    net: Mapped[int] = mapped_column(BigInteger, default=0)
    fee: Mapped[int] = mapped_column(BigInteger, default=0)
    change: Mapped[int] = mapped_column(BigInteger, default=0)
    settlement: Mapped[str] = mapped_column(String, default="")  # swap · melt · lightning
    paid_unit: Mapped[str] = mapped_column(String, default="", server_default="")  # empty: ``unit``
    unit_price: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)  # sat per minor unit of paid_unit
    price_source: Mapped[str] = mapped_column(String, default="", server_default="")
    # Accepted while the mint was unreachable (core.pos.offline): how (locked · unlocked), whether it has been
    # redeemed since (pending · redeemed · lost), and what was lost when the ecash was found already spent.
    offline: Mapped[str] = mapped_column(String, default="", server_default="")
    offline_state: Mapped[str] = mapped_column(String, default="", server_default="", index=True)
    loss: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    operation_id: Mapped[str | None] = mapped_column(String, nullable=True, index=True)
    forward_operation_id: Mapped[str | None] = mapped_column(String, nullable=True)
    payload_json: Mapped[str | None] = mapped_column(SealedText("pos_sales.payload_json"), nullable=True)
    failure_reason: Mapped[str] = mapped_column(String, default="")
    failure_detail: Mapped[str] = mapped_column(Text, default="")
    shift_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    created_at: Mapped[float] = mapped_column(Float, index=True)
    updated_at: Mapped[float] = mapped_column(Float)
    paid_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class PosSaleProofRow(Base):
    """The secret of every proof offered for a sale: the same ecash can never pay twice."""

    __tablename__ = "pos_sale_proofs"

    secret: Mapped[str] = mapped_column(SealedString("pos_sale_proofs.secret", deterministic=True), primary_key=True)
    sale_id: Mapped[str] = mapped_column(String, index=True)


class PosRefundRow(Base):
    """An ecash refund issued from a past sale."""

    __tablename__ = "pos_refunds"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    sale_id: Mapped[str] = mapped_column(String, index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    fee: Mapped[int] = mapped_column(BigInteger, default=0)
    unit: Mapped[str] = mapped_column(String)
    mint_url: Mapped[str] = mapped_column(String)
    token: Mapped[str] = mapped_column(SealedText("pos_refunds.token"))
    operation_id: Mapped[str] = mapped_column(String)
    cashier: Mapped[str] = mapped_column(String, default="")
    till: Mapped[str] = mapped_column(String, default="", server_default="", index=True)
    shift_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)


class PosShiftRow(Base):
    """A till shift; closing it produces the Z-report of everything between ``opened_at`` and ``closed_at``."""

    __tablename__ = "pos_shifts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    opened_at: Mapped[float] = mapped_column(Float)
    closed_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    closed_by: Mapped[str] = mapped_column(String, default="")
    till: Mapped[str] = mapped_column(String, default="", server_default="", index=True)  # one open shift per till


class PosWebhookDeliveryRow(Base):
    """One webhook event for one URL, and what happened when it was POSTed (the delivery log).

    state: pending (retried with backoff) · delivered · failed (gave up after the last attempt)
    """

    __tablename__ = "pos_webhook_deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(Text)
    event: Mapped[str] = mapped_column(String)
    sale_id: Mapped[str] = mapped_column(String, index=True)
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[float] = mapped_column(Float)
    last_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)


class PosItemRow(Base):
    """An item of the shop's catalog (core.pos.catalog): ``price`` a Decimal as text, in ``currency`` (sat or the
    shop's fiat currency); ``tax_rate`` a percentage included in the price; ``stock`` None when not counted."""

    __tablename__ = "pos_items"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    price: Mapped[str] = mapped_column(String)
    currency: Mapped[str] = mapped_column(String)
    category: Mapped[str] = mapped_column(String, default="")
    tax_rate: Mapped[str] = mapped_column(String, default="0")
    stock: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[float] = mapped_column(Float)


class PosSaleLineRow(Base):
    """One line of a sale (an item, its quantity and discount, its amount in the sale's unit and the tax in it)."""

    __tablename__ = "pos_sale_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sale_id: Mapped[str] = mapped_column(String, index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[str] = mapped_column(String)
    currency: Mapped[str] = mapped_column(String)
    category: Mapped[str] = mapped_column(String, default="")
    tax_rate: Mapped[str] = mapped_column(String, default="0")
    discount: Mapped[str] = mapped_column(String, default="0")
    amount: Mapped[int] = mapped_column(BigInteger)
    tax: Mapped[int] = mapped_column(BigInteger, default=0)


class PosGiveawayRow(Base):
    """A giveaway (a faucet): ``amount`` per claim until ``spent`` reaches ``budget``; each claimant (a Nostr key or
    a one-time code) at most ``per_claimant`` times per ``period`` seconds. state: open · closed."""

    __tablename__ = "pos_giveaways"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    unit: Mapped[str] = mapped_column(String)
    mint_url: Mapped[str] = mapped_column(String)
    amount: Mapped[int] = mapped_column(BigInteger)
    budget: Mapped[int] = mapped_column(BigInteger)
    per_claimant: Mapped[int] = mapped_column(Integer)
    period: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String)
    created_at: Mapped[float] = mapped_column(Float)


class PosGiveawayCodeRow(Base):
    """A one-time claim code of a giveaway (printed on a flyer): bearer value, so sealed at rest."""

    __tablename__ = "pos_giveaway_codes"

    code: Mapped[str] = mapped_column(SealedString("pos_giveaway_codes.code", deterministic=True), primary_key=True)
    giveaway_id: Mapped[str] = mapped_column(String, index=True)


class PosGiveawayClaimRow(Base):
    """One claim: reserved first (no operation yet), then the send's journal entry and token are recorded."""

    __tablename__ = "pos_giveaway_claims"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    giveaway_id: Mapped[str] = mapped_column(String, index=True)
    claimant: Mapped[str] = mapped_column(SealedString("pos_giveaway_claims.claimant", deterministic=True), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    token: Mapped[str] = mapped_column(SealedText("pos_giveaway_claims.token"), default="")
    operation_id: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[float] = mapped_column(Float)
