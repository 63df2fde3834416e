"""A payment between its two steps: ``PreparedPayment`` (what a confirm dialog shows, nothing spent yet) and
``PaymentResult``; and ``PayingWallet``, what preparing and paying need of the wallet (structurally
``core.api.service.WalletService``: this layer names the operations it uses, not the facade)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from core.errors import UnsupportedInput
from core.i18n import t
from core.payments.errors import InvalidInvoice
from core.payments.invoices import Invoice
from core.payments.lnurl import LnurlInvoice, PayRequest
from core.ports.mint_types import MintQuote
from core.ports.storage import BalanceRow
from core.protocol.payment_requests import PaymentRequest, Transport
from core.wallet.context import MintWallet
from core.wallet.melt import MeltResult, PreparedMelt
from core.wallet.receive import ReceiveResult
from core.wallet.send import LockOptions, SendResult
from core.wallet.transfer import TransferResult

__all__ = ["PayingWallet", "PaymentResult", "PreparedPayment", "lock_for", "refuse_expired"]


class PayingWallet(Protocol):
    """The operations of the multi-mint wallet a payment uses (each journals and guards as the wallet does)."""

    @property
    def store(self) -> Any: ...

    def balances(self) -> Sequence[BalanceRow]: ...

    def list_mints(self) -> Sequence[Any]: ...

    async def add_mint(self, url: str, *, trusted: bool = False) -> Any: ...

    async def wallet_for(self, url: str, *, refresh: bool = True) -> MintWallet: ...

    async def create_invoice(self, amount: int, mint_url: str, unit: str = "sat") -> MintQuote: ...

    async def melt(self, prepared: PreparedMelt) -> MeltResult: ...

    async def transfer_prepared(self, prepared: PreparedMelt, to_url: str, quote_id: str) -> TransferResult: ...

    async def send(
        self, amount: int, mint_url: str, unit: str = "sat", *, lock: LockOptions | None = None, memo: str = ""
    ) -> SendResult: ...  # fmt: skip

    async def reclaim(self, text: str) -> ReceiveResult: ...


@dataclass(frozen=True)
class PreparedPayment:
    """Everything a confirm dialog shows; ``pay`` it or drop it (nothing was spent)."""

    kind: str  # bolt11 | lnurl | lightning_address | payment_request
    input: str
    amount: int
    unit: str
    mint_url: str
    fee_reserve: int  # Lightning fee reserve (returned as change when unused)
    input_fee: int  # the mint's input fees (and, for a transfer, the ecash kept for the send's own swap)
    description: str | None = None
    destination: str | None = None  # who gets paid: a domain, an address, a post URL
    comment: str | None = None
    melt: PreparedMelt | None = field(default=None, repr=False)
    invoice: Invoice | None = field(default=None, repr=False)
    pay_request: PayRequest | None = field(default=None, repr=False)
    lnurl_invoice: LnurlInvoice | None = field(default=None, repr=False)
    request: PaymentRequest | None = field(default=None, repr=False)
    transport: Transport | None = None
    lock: LockOptions | None = None
    transfer_from: str | None = None  # a payment request paid with ecash moved from this mint first
    transfer_melt: PreparedMelt | None = field(default=None, repr=False)
    transfer_quote: str | None = None

    @property
    def total(self) -> int:
        """The most this payment can cost, in ``unit``."""
        return self.amount + self.fee_reserve + self.input_fee

    def summary(self) -> str:
        where = f" from {self.transfer_from} via {self.mint_url}" if self.transfer_from else f" from {self.mint_url}"
        to = f" to {self.destination}" if self.destination else ""
        parts = [f"Pay {self.amount} {self.unit}{to}{where}"]
        if self.description:
            parts.append(f"for {self.description!r}")
        fees = f"Lightning fee reserve {self.fee_reserve}, mint fees {self.input_fee}"
        return " ".join(parts) + f": {fees}, at most {self.total} {self.unit}."

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "amount": self.amount,
            "unit": self.unit,
            "mint": self.mint_url,
            "fee_reserve": self.fee_reserve,
            "input_fee": self.input_fee,
            "total": self.total,
            "description": self.description,
            "destination": self.destination,
        }
        if self.transfer_from:
            out["transfer_from"] = self.transfer_from
        if self.transport is not None:
            out["transport"] = self.transport.type
        return out


@dataclass(frozen=True)
class PaymentResult:
    kind: str
    paid: bool
    amount: int
    unit: str
    fee: int
    mint_url: str
    preimage: str | None = None
    success_action: dict[str, Any] | None = None
    token: str | None = None  # an in-band payment request: the token to hand over
    delivered: bool = False
    preimage_matches: bool | None = None  # None: nothing to check
    # The journal entries this payment created or moved (a view updates those rows instead of reading them all).
    operation_ids: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "paid": self.paid,
            "kind": self.kind,
            "amount": self.amount,
            "unit": self.unit,
            "fee": self.fee,
            "mint": self.mint_url,
        }
        if self.preimage:
            out["preimage"] = self.preimage
        if self.preimage_matches is not None:
            out["proof_of_payment"] = "matches" if self.preimage_matches else "does not match"
        if self.success_action:
            out["success_action"] = self.success_action
        if self.token:
            out["token"] = self.token
        if self.kind == "payment_request":
            out["delivered"] = self.delivered
        return out


def refuse_expired(invoice: Invoice) -> None:
    if invoice.expired():
        raise InvalidInvoice(t("this Lightning invoice has expired; ask the receiver for a new one"))


def lock_for(request: PaymentRequest) -> LockOptions | None:
    option = request.nut10
    if option is None:
        return None
    if option.kind != "P2PK":
        raise UnsupportedInput(
            t("this payment request asks for a {0} lock, which Nutdesk cannot make yet").format(option.kind)
        )
    locktime = None
    refund: list[str] = []
    for tag in option.tags:
        if tag[0] == "locktime" and len(tag) > 1 and tag[1].isdigit():
            locktime = int(tag[1])
        elif tag[0] == "refund":
            refund.extend(tag[1:])
    # The payee named the exact lock it expects: plain NUT-11, not P2BK-blinded (it may not speak NUT-28).
    return LockOptions(pubkey=option.data, locktime=locktime, refund=tuple(refund), blind=False)
