"""The Lightning backend port: what Nutdesk needs from a Lightning wallet (LNbits, Blink, NWC, LND, CLN …).

Concrete backends live in the ``backends`` package (``core`` never imports it); the front ends build them
through a registry and hand *instances* to ``core.api.backends``.

Results are **tri-state** (``PaymentState``): ``SETTLED``, ``FAILED`` (definitely did not happen: safe to
forget) and ``PENDING`` (in flight *or unknown*). A backend never says ``FAILED`` when it does not know: a
connection that breaks after a payment request left is ``PENDING``, to be resolved with
``payment_status``.

Errors (``core.errors``): ``BackendUnavailable`` when the backend could not be reached and nothing was sent;
``BackendError`` for a refusal that is not about a payment (bad key, bad settings, validation);
``PaymentFailed`` / ``OutcomeUnknown`` are raised by callers that turn a ``PaymentResult`` into an
exception (``PaymentResult.raise_for_state``).
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, runtime_checkable

from core.errors import PaymentFailed, PaymentPending
from core.i18n import t

__all__ = [
    "BackendStatus",
    "BackendType",
    "BackendTypes",
    "Capabilities",
    "CreatedInvoice",
    "LightningBackend",
    "OptionSpec",
    "PaidInvoice",
    "PaymentResult",
    "PaymentState",
]


class PaymentState(enum.StrEnum):
    SETTLED = "settled"
    FAILED = "failed"
    PENDING = "pending"  # in flight, or unknown: never treat as failed


@dataclass(frozen=True)
class Capabilities:
    """What a backend (instance) can do. ``units``: the units invoices can be made in ("sat", "usd" …)."""

    units: frozenset[str] = frozenset({"sat"})
    description_hash: bool = False  # create_invoice accepts a description hash
    amountless: bool = False  # pay_invoice can pay an amountless invoice given an amount
    amountless_invoices: bool = False  # create_invoice(0) makes an amountless invoice
    streaming: bool = False  # paid_invoices() is pushed by the backend (else it polls)
    fee_limit: bool = False  # pay_invoice honours fee_limit_msat
    status_by_hash: bool = True  # invoice/payment status can be asked by payment hash alone

    def to_json(self) -> dict[str, Any]:
        return {
            "units": sorted(self.units),
            "description_hash": self.description_hash,
            "amountless": self.amountless,
            "amountless_invoices": self.amountless_invoices,
            "streaming": self.streaming,
            "fee_limit": self.fee_limit,
            "status_by_hash": self.status_by_hash,
        }


@dataclass(frozen=True)
class BackendStatus:
    """The backend answered: its balance in ``unit`` ("msat" for Lightning wallets, "usd" = cents)."""

    balance: int
    unit: str = "msat"
    detail: str = ""

    @property
    def balance_sat(self) -> int:
        return self.balance // 1000 if self.unit == "msat" else self.balance

    def to_json(self) -> dict[str, Any]:
        return {"balance": self.balance, "unit": self.unit, "detail": self.detail}


@dataclass(frozen=True)
class CreatedInvoice:
    bolt11: str
    payment_hash: str
    amount: int  # in ``unit``; 0 for an amountless invoice
    unit: str = "sat"
    expiry: int | None = None  # seconds, relative
    checking_id: str = ""  # the backend's own id when it differs from the payment hash

    def to_json(self) -> dict[str, Any]:
        return {"bolt11": self.bolt11, "payment_hash": self.payment_hash, "amount": self.amount, "unit": self.unit}


@dataclass(frozen=True)
class PaymentResult:
    """The state of one payment (outgoing) or invoice (incoming)."""

    state: PaymentState
    payment_hash: str = ""
    preimage: str | None = None
    fee_msat: int | None = None
    amount_msat: int | None = None
    error: str = ""

    @property
    def settled(self) -> bool:
        return self.state is PaymentState.SETTLED

    def raise_for_state(self) -> PaymentResult:
        """Return self when settled; raise ``PaymentFailed`` (certain) or ``PaymentPending`` (unknown)."""
        if self.state is PaymentState.FAILED:
            raise PaymentFailed(t("the Lightning payment failed: {0}").format(self.error or "no reason given"))
        if self.state is PaymentState.PENDING:
            raise PaymentPending(
                t("the Lightning payment is pending or its outcome is unknown{0}").format(_reason(self.error))
            )
        return self


def _reason(error: str) -> str:
    return f" ({error})" if error else ""


@dataclass(frozen=True)
class PaidInvoice:
    """One incoming payment seen on the backend's stream."""

    payment_hash: str
    amount_msat: int
    preimage: str | None = None


@dataclass(frozen=True)
class OptionSpec:
    """One setting a backend type needs (``--opt name=value``)."""

    name: str
    help: str = ""
    required: bool = True
    secret: bool = False  # stored encrypted; never printed
    default: str | None = None


@runtime_checkable
class LightningBackend(Protocol):
    """One configured Lightning wallet. ``await aclose()`` when done."""

    @property
    def capabilities(self) -> Capabilities: ...

    async def status(self) -> BackendStatus:
        """Reachability and balance (raises ``BackendUnavailable`` / ``BackendError``)."""
        ...

    async def create_invoice(
        self,
        amount: int,
        *,
        unit: str = "sat",
        memo: str = "",
        description_hash: bytes | None = None,
        expiry: int | None = None,
    ) -> CreatedInvoice: ...

    async def pay_invoice(
        self, bolt11: str, *, fee_limit_msat: int | None = None, amount_msat: int | None = None
    ) -> PaymentResult:
        """Pay; ``amount_msat`` is for amountless invoices. Returns the tri-state outcome."""
        ...

    async def invoice_status(self, payment_hash: str) -> PaymentResult:
        """Incoming: SETTLED when paid, FAILED when expired/cancelled, else PENDING."""
        ...

    async def payment_status(self, payment_hash: str) -> PaymentResult:
        """Outgoing: SETTLED / FAILED / PENDING (PENDING also when the backend does not know it)."""
        ...

    def paid_invoices(self) -> AsyncIterator[PaidInvoice]:
        """Incoming payments as they settle (each payment hash once), until cancelled."""
        ...

    async def aclose(self) -> None: ...


class BackendType(Protocol):
    """A backend class as the registry holds it: a name, its options, and a constructor from options."""

    type_name: ClassVar[str]
    options: ClassVar[tuple[OptionSpec, ...]]

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> LightningBackend: ...


class BackendTypes(Protocol):
    """The registry, as core sees it (``backends.registry.BackendRegistry`` implements it)."""

    def get(self, name: str) -> type[BackendType]: ...

    def list(self) -> list[str]: ...
