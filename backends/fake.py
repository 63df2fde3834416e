"""Fake: an in-process Lightning "network" and a backend over one of its accounts, for demos and tests.

Invoices are real, signed bolt11 strings (a random node key per network). A payment to an invoice of the
same network moves the balance at once; an invoice from elsewhere (a mint's quote) is "paid" according to
the network's ``external`` policy (``settle`` by default: the amount leaves the account, as if routed out).
The same network serves the faithful local servers of the tests (LND, CLN, Blink, NWC) as their ledger.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from backends._http import decode_bolt11
from backends.registry import register_backend
from core.errors import BackendError
from core.i18n import t
from core.ports.lightning import (
    BackendStatus,
    Capabilities,
    CreatedInvoice,
    OptionSpec,
    PaidInvoice,
    PaymentResult,
    PaymentState,
)

__all__ = ["FakeAccount", "FakeBackend", "FakeInvoice", "FakeNetwork", "FakeOutgoing", "network"]

ExternalPolicy = Literal["settle", "fail", "pending"]


@dataclass
class FakeInvoice:
    payment_hash: str
    bolt11: str
    amount_msat: int | None  # None: amountless
    preimage: str
    payee: str
    memo: str
    expires_at: float
    state: PaymentState = PaymentState.PENDING
    paid_msat: int = 0
    settled_at: float | None = None

    @property
    def expired(self) -> bool:
        return self.state is PaymentState.PENDING and time.time() > self.expires_at


@dataclass
class FakeOutgoing:
    payment_hash: str
    amount_msat: int
    fee_msat: int
    state: PaymentState
    preimage: str | None


@dataclass
class FakeAccount:
    name: str
    balance_msat: int = 0
    outgoing: dict[str, FakeOutgoing] = field(default_factory=dict)
    listeners: list[asyncio.Queue[PaidInvoice]] = field(default_factory=list)


class FakeNetwork:
    """Accounts and invoices; every method is synchronous and atomic (one event loop)."""

    def __init__(self, *, external: ExternalPolicy = "settle", fee_msat: int = 0) -> None:
        self.node_key = secrets.token_hex(32)
        self.accounts: dict[str, FakeAccount] = {}
        self.invoices: dict[str, FakeInvoice] = {}
        self.external: ExternalPolicy = external
        self.fee_msat = fee_msat  # charged on external payments
        self.hold_payments = False  # True: every payment stays in flight (tests of PENDING)

    def account(self, name: str, *, balance_msat: int | None = None) -> FakeAccount:
        acct = self.accounts.setdefault(name, FakeAccount(name))
        if balance_msat is not None:
            acct.balance_msat = balance_msat
        return acct

    def credit(self, name: str, msat: int) -> None:
        self.account(name).balance_msat += msat

    def create_invoice(
        self,
        payee: str,
        amount_msat: int | None,
        *,
        memo: str = "",
        description_hash: bytes | None = None,
        expiry: int = 3600,
    ) -> FakeInvoice:
        from bolt11 import Bolt11, MilliSatoshi, Tag, TagChar, Tags, encode

        self.account(payee)
        preimage = secrets.token_hex(32)
        payment_hash = hashlib.sha256(bytes.fromhex(preimage)).hexdigest()
        tags = [
            Tag(TagChar.payment_hash, payment_hash),
            Tag(TagChar.payment_secret, secrets.token_hex(32)),
            Tag(TagChar.expire_time, expiry),
        ]
        if description_hash is not None:
            tags.append(Tag(TagChar.description_hash, description_hash.hex()))
        else:
            tags.append(Tag(TagChar.description, memo))
        now = int(time.time())
        amount = MilliSatoshi(amount_msat) if amount_msat else None
        bolt11 = str(encode(Bolt11(currency="bc", amount_msat=amount, date=now, tags=Tags(tags)), self.node_key))
        invoice = FakeInvoice(payment_hash, bolt11, amount_msat or None, preimage, payee, memo, now + expiry)
        self.invoices[payment_hash] = invoice
        return invoice

    def pay(
        self, payer: str, bolt11: str, *, amount_msat: int | None = None, fee_limit_msat: int | None = None
    ) -> FakeOutgoing:
        """Pay an invoice; returns the outgoing payment (its state is SETTLED, FAILED or PENDING)."""
        payment_hash, invoice_msat, _ = decode_bolt11(bolt11)
        account = self.account(payer)
        previous = account.outgoing.get(payment_hash)
        if previous is not None and previous.state is not PaymentState.FAILED:
            return previous
        if invoice_msat is None and not amount_msat:
            raise BackendError(t("an amount is needed to pay an amountless invoice"))
        if invoice_msat is not None and amount_msat is not None and amount_msat != invoice_msat:
            raise BackendError(t("the invoice already has another amount"))
        amount = invoice_msat if invoice_msat is not None else int(amount_msat or 0)
        internal = self.invoices.get(payment_hash)
        fee = 0 if internal is not None else self.fee_msat

        def done(state: PaymentState, preimage: str | None = None) -> FakeOutgoing:
            out = FakeOutgoing(payment_hash, amount, fee if state is not PaymentState.FAILED else 0, state, preimage)
            account.outgoing[payment_hash] = out
            return out

        if fee_limit_msat is not None and fee > fee_limit_msat:
            return done(PaymentState.FAILED)
        if account.balance_msat < amount + fee:
            return done(PaymentState.FAILED)
        if internal is not None:
            if internal.state is PaymentState.SETTLED or internal.expired or internal.payee == payer:
                return done(PaymentState.FAILED)
            account.balance_msat -= amount
            if self.hold_payments:
                return done(PaymentState.PENDING)
            self._settle(internal, amount)
            return done(PaymentState.SETTLED, internal.preimage)
        if self.external == "fail":
            return done(PaymentState.FAILED)
        account.balance_msat -= amount + fee
        if self.external == "pending" or self.hold_payments:
            return done(PaymentState.PENDING)
        return done(PaymentState.SETTLED, secrets.token_hex(32))

    def _settle(self, invoice: FakeInvoice, amount_msat: int) -> None:
        invoice.state = PaymentState.SETTLED
        invoice.paid_msat = amount_msat
        invoice.settled_at = time.time()
        payee = self.account(invoice.payee)
        payee.balance_msat += amount_msat
        for queue in list(payee.listeners):
            queue.put_nowait(PaidInvoice(invoice.payment_hash, amount_msat, invoice.preimage))

    def release(self, payer: str, payment_hash: str, *, succeed: bool = True) -> None:
        """Finish a held (PENDING) payment."""
        account = self.account(payer)
        out = account.outgoing[payment_hash]
        internal = self.invoices.get(payment_hash)
        if succeed:
            out.state = PaymentState.SETTLED
            if internal is not None:
                self._settle(internal, out.amount_msat)
                out.preimage = internal.preimage
            else:
                out.preimage = secrets.token_hex(32)
        else:
            out.state = PaymentState.FAILED
            account.balance_msat += out.amount_msat + out.fee_msat

    def invoice_state(self, payment_hash: str) -> FakeInvoice | None:
        invoice = self.invoices.get(payment_hash)
        if invoice is not None and invoice.expired:
            invoice.state = PaymentState.FAILED
        return invoice

    async def subscribe(self, payee: str) -> AsyncIterator[PaidInvoice]:
        queue: asyncio.Queue[PaidInvoice] = asyncio.Queue()
        account = self.account(payee)
        account.listeners.append(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            account.listeners.remove(queue)


_networks: dict[str, FakeNetwork] = {}


def network(name: str = "default") -> FakeNetwork:
    """A process-wide fake network by name (backends configured with the same name share it)."""
    return _networks.setdefault(name, FakeNetwork())


@register_backend("Fake")
class FakeBackend:
    """A backend over one account of a ``FakeNetwork``."""

    type_name: ClassVar[str] = "Fake"
    options: ClassVar[tuple[OptionSpec, ...]] = (
        OptionSpec("account", "the account's name in the fake network", required=False, default="demo"),
        OptionSpec("network", "the fake network's name (shared in this process)", required=False, default="default"),
        OptionSpec("balance", "starting balance in sat (only when the account is new)", required=False),
    )

    def __init__(self, net: FakeNetwork, account: str) -> None:
        self.network = net
        self.account = account
        net.account(account)

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> FakeBackend:
        net = network(options.get("network") or "default")
        name = options.get("account") or "demo"
        is_new = name not in net.accounts
        backend = cls(net, name)
        if is_new and options.get("balance"):
            try:
                net.credit(name, int(options["balance"]) * 1000)
            except ValueError as exc:
                raise BackendError(t("balance must be a whole number of sat")) from exc
        return backend

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            units=frozenset({"sat"}),
            description_hash=True,
            amountless=True,
            amountless_invoices=True,
            streaming=True,
            fee_limit=True,
        )

    async def status(self) -> BackendStatus:
        return BackendStatus(self.network.account(self.account).balance_msat, "msat", f"fake:{self.account}")

    async def create_invoice(
        self,
        amount: int,
        *,
        unit: str = "sat",
        memo: str = "",
        description_hash: bytes | None = None,
        expiry: int | None = None,
    ) -> CreatedInvoice:
        if unit != "sat":
            raise BackendError(t("the fake backend makes invoices in sat, not {0}").format(unit))
        if amount < 0:
            raise BackendError(t("the amount must not be negative"))
        invoice = self.network.create_invoice(
            self.account, amount * 1000, memo=memo, description_hash=description_hash, expiry=expiry or 3600
        )
        return CreatedInvoice(invoice.bolt11, invoice.payment_hash, amount, "sat", expiry or 3600)

    async def pay_invoice(
        self, bolt11: str, *, fee_limit_msat: int | None = None, amount_msat: int | None = None
    ) -> PaymentResult:
        out = self.network.pay(self.account, bolt11, amount_msat=amount_msat, fee_limit_msat=fee_limit_msat)
        return _result(out)

    async def invoice_status(self, payment_hash: str) -> PaymentResult:
        invoice = self.network.invoice_state(payment_hash)
        if invoice is None or invoice.payee != self.account:
            return PaymentResult(PaymentState.PENDING, payment_hash, error="unknown invoice")
        return PaymentResult(
            invoice.state,
            payment_hash,
            preimage=invoice.preimage if invoice.state is PaymentState.SETTLED else None,
            amount_msat=invoice.paid_msat or invoice.amount_msat,
        )

    async def payment_status(self, payment_hash: str) -> PaymentResult:
        out = self.network.account(self.account).outgoing.get(payment_hash)
        if out is None:
            return PaymentResult(PaymentState.PENDING, payment_hash, error="unknown payment")
        return _result(out)

    async def paid_invoices(self) -> AsyncIterator[PaidInvoice]:
        async for paid in self.network.subscribe(self.account):
            yield paid

    async def aclose(self) -> None:
        return None


def _result(out: FakeOutgoing) -> PaymentResult:
    return PaymentResult(
        out.state,
        out.payment_hash,
        preimage=out.preimage if out.state is PaymentState.SETTLED else None,
        fee_msat=out.fee_msat,
        amount_msat=out.amount_msat,
        error="payment failed" if out.state is PaymentState.FAILED else "",
    )
