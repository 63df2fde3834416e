"""An example Nutdesk Lightning backend plugin: "Example", an in-memory wallet.

Copy this file into ``<user config dir>/nutdesk/plugins/`` (or a directory listed in ``NUTDESK_PLUGIN_DIRS``),
or publish it as a package with an entry point in the ``nutdesk.backends`` group::

    [project.entry-points."nutdesk.backends"]
    example = "example_backend:ExampleBackend"

Then ``nutdesk backends add example --name demo --opt balance=5000`` and ``nutdesk backends test demo``.
The backend keeps its ledger in this process only: invoices it makes can be paid by another Example backend
in the same process, and it "pays" other invoices by debiting its balance. A real plugin would call its
service's API here — see docs/plugins.md.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections.abc import AsyncIterator, Mapping
from typing import ClassVar

import bolt11

from backends.registry import register_backend
from core.errors import BackendError
from core.ports.lightning import (
    BackendStatus,
    Capabilities,
    CreatedInvoice,
    OptionSpec,
    PaidInvoice,
    PaymentResult,
    PaymentState,
)

_NODE_KEY = secrets.token_hex(32)
_INVOICES: dict[str, dict[str, object]] = {}  # payment hash → {"payee", "preimage", "msat", "paid"}
_BALANCES: dict[str, int] = {}  # wallet name → msat


@register_backend("Example")
class ExampleBackend:
    options: ClassVar[tuple[OptionSpec, ...]] = (
        OptionSpec("wallet", "the wallet's name", required=False, default="example"),
        OptionSpec("balance", "starting balance in sat", required=False, default="0"),
        OptionSpec("token", "an API token (secret options are stored encrypted)", required=False, secret=True),
    )

    def __init__(self, wallet: str, balance_sat: int) -> None:
        self.wallet = wallet
        _BALANCES.setdefault(wallet, balance_sat * 1000)
        self._paid: asyncio.Queue[PaidInvoice] = asyncio.Queue()
        self._outgoing: dict[str, PaymentResult] = {}

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> ExampleBackend:
        try:
            return cls(options.get("wallet") or "example", int(options.get("balance") or 0))
        except ValueError as exc:
            raise BackendError("balance must be a number of sat") from exc

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(units=frozenset({"sat"}), streaming=False)

    async def status(self) -> BackendStatus:
        return BackendStatus(_BALANCES[self.wallet], "msat", f"example wallet {self.wallet}")

    async def create_invoice(
        self,
        amount: int,
        *,
        unit: str = "sat",
        memo: str = "",
        description_hash: bytes | None = None,
        expiry: int | None = None,
    ) -> CreatedInvoice:
        if unit != "sat" or amount <= 0:
            raise BackendError("the example backend makes invoices of a positive number of sat")
        preimage = secrets.token_hex(32)
        payment_hash = hashlib.sha256(bytes.fromhex(preimage)).hexdigest()
        tags = bolt11.Tags(
            [
                bolt11.Tag(bolt11.TagChar.payment_hash, payment_hash),
                bolt11.Tag(bolt11.TagChar.payment_secret, secrets.token_hex(32)),
                bolt11.Tag(bolt11.TagChar.description, memo),
                bolt11.Tag(bolt11.TagChar.expire_time, expiry or 3600),
            ]
        )
        invoice = bolt11.Bolt11(
            currency="bc", amount_msat=bolt11.MilliSatoshi(amount * 1000), date=int(time.time()), tags=tags
        )
        request = str(bolt11.encode(invoice, _NODE_KEY))
        _INVOICES[payment_hash] = {"payee": self.wallet, "preimage": preimage, "msat": amount * 1000, "paid": False}
        return CreatedInvoice(request, payment_hash, amount, "sat", expiry or 3600)

    async def pay_invoice(
        self, bolt11_invoice: str, *, fee_limit_msat: int | None = None, amount_msat: int | None = None
    ) -> PaymentResult:
        try:
            decoded = bolt11.decode(bolt11_invoice)
        except Exception as exc:
            raise BackendError(f"not an invoice: {exc}") from exc
        payment_hash = str(decoded.payment_hash)
        msat = int(decoded.amount_msat or 0)
        if not msat or decoded.has_expired() or _BALANCES[self.wallet] < msat:
            result = PaymentResult(PaymentState.FAILED, payment_hash, error="cannot pay this invoice")
        else:
            _BALANCES[self.wallet] -= msat
            known = _INVOICES.get(payment_hash)
            preimage = str(known["preimage"]) if known else secrets.token_hex(32)
            if known and not known["paid"]:
                known["paid"] = True
                _BALANCES[str(known["payee"])] = _BALANCES.get(str(known["payee"]), 0) + msat
            result = PaymentResult(PaymentState.SETTLED, payment_hash, preimage=preimage, fee_msat=0)
        self._outgoing[payment_hash] = result
        return result

    async def invoice_status(self, payment_hash: str) -> PaymentResult:
        known = _INVOICES.get(payment_hash)
        if known is None or not known["paid"]:
            return PaymentResult(PaymentState.PENDING, payment_hash)  # unknown is never "failed"
        return PaymentResult(PaymentState.SETTLED, payment_hash, preimage=str(known["preimage"]))

    async def payment_status(self, payment_hash: str) -> PaymentResult:
        return self._outgoing.get(payment_hash, PaymentResult(PaymentState.PENDING, payment_hash))

    async def paid_invoices(self) -> AsyncIterator[PaidInvoice]:
        # Without a push API a backend polls: here, every half second.
        reported: set[str] = set()
        while True:
            for payment_hash, known in list(_INVOICES.items()):
                if known["payee"] == self.wallet and known["paid"] and payment_hash not in reported:
                    reported.add(payment_hash)
                    yield PaidInvoice(payment_hash, int(str(known["msat"])), str(known["preimage"]))
            await asyncio.sleep(0.5)

    async def aclose(self) -> None:
        return None
