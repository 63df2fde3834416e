"""Paying, as plain Python: what was pasted (the input detector), the prepared payment to confirm, the result.

Everything goes through ``PaymentsService``: bolt11 invoices, LNURL-pay links, Lightning addresses and Cashu
payment requests (NUT-18/26). A Cashu token is pointed to Receive instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from core.api.messages import explain
from core.api.mpp import MppResult, MultiPathPlan, pay_multi_path, prepare_multi_path
from core.api.payments import PaymentResult, PaymentsService, PreparedPayment
from core.api.service import WalletService
from core.errors import NutdeskError, UserFacingError
from desktop.gui.core_worker import on_core_of
from desktop.gui.i18n import QT_TR_NOOP, tr

__all__ = ["KIND_NAMES", "PayState", "PayStep", "Understood"]

KIND_NAMES = {
    "bolt11": QT_TR_NOOP("Lightning invoice"),
    "lnurl": QT_TR_NOOP("LNURL-pay link"),
    "lightning_address": QT_TR_NOOP("Lightning address"),
    "payment_request": QT_TR_NOOP("Cashu payment request"),
    "cashu_token": QT_TR_NOOP("Cashu token"),
}


class PayStep(Enum):
    INPUT = "input"
    CONFIRM = "confirm"
    PAYING = "paying"
    DONE = "done"


@dataclass(frozen=True)
class Understood:
    """What the pasted text is, before any network request."""

    kind: str
    text: str
    amount: int | None  # fixed by the input, or None (the user says how much)
    description: str
    can_comment: bool
    receive_instead: bool = False

    @property
    def name(self) -> str:
        return tr(KIND_NAMES.get(self.kind, self.kind.replace("_", " ")))


def understand(payments: PaymentsService, text: str) -> Understood:
    detected = payments.decode(text.strip())
    d: dict[str, Any] = detected.details
    if detected.kind == "bolt11":
        return Understood("bolt11", detected.text, d.get("amount"), d.get("description") or "", False)
    if detected.kind == "payment_request":
        return Understood("payment_request", detected.text, d.get("amount"), d.get("description") or "", False)
    if detected.kind == "lightning_address":
        return Understood("lightning_address", detected.text, None, str(d.get("address", "")), True)
    if detected.kind == "lnurl":
        return Understood("lnurl", detected.text, None, str(d.get("url", "")), True)
    amount = d.get("amount")
    return Understood(detected.kind, detected.text, amount, "", False, receive_instead=detected.action == "receive")


@dataclass
class PayState:
    payments: PaymentsService
    step: PayStep = PayStep.INPUT
    understood: Understood | None = None
    error: str = ""
    prepared: PreparedPayment | None = None
    result: PaymentResult | None = None
    plan: MultiPathPlan | None = None  # NUT-15: one invoice from several mints

    def set_text(self, text: str) -> Understood | None:
        self.understood, self.error, self.prepared, self.result = None, "", None, None
        self.step = PayStep.INPUT
        if not text.strip():
            return None
        try:
            self.understood = understand(self.payments, text)
        except NutdeskError as exc:
            self.error = explain(exc).text
            return None
        if self.understood.receive_instead:
            self.error = tr("This is a Cashu token: open Receive to redeem it.")
        return self.understood

    async def prepare(self, *, amount: int | None, comment: str, mint: str | None) -> PreparedPayment:
        if self.understood is None or self.understood.receive_instead:
            raise UserFacingError(self.error or tr("paste an invoice, LNURL, Lightning address or payment request"))
        fixed = self.understood.amount
        self.prepared = await self.payments.prepare_payment(
            self.understood.text,
            amount=None if fixed is not None else amount,
            comment=(comment.strip() or None) if self.understood.can_comment else None,
            mint=mint or None,
        )
        self.step = PayStep.CONFIRM
        return self.prepared

    def cancel(self) -> None:
        self.prepared = None
        self.plan = None
        self.step = PayStep.INPUT

    async def pay(self) -> PaymentResult:
        if self.prepared is None:
            raise UserFacingError(tr("nothing to pay: continue to the confirmation first"))
        self.step = PayStep.PAYING
        try:
            self.result = await self.payments.pay(self.prepared)
        except BaseException:
            self.step = PayStep.CONFIRM
            raise
        self.step = PayStep.DONE
        return self.result

    async def prepare_multi_path(self, service: WalletService) -> MultiPathPlan:
        """NUT-15: quote a part of the invoice at each mint that supports it (nothing is spent yet)."""
        if self.understood is None or self.understood.kind != "bolt11":
            raise UserFacingError(tr("only a Lightning invoice can be paid from several mints"))
        self.prepared = None
        self.plan = await on_core_of(service, prepare_multi_path(service, self.understood.text))
        self.step = PayStep.CONFIRM
        return self.plan

    async def pay_multi_path(self, service: WalletService) -> MppResult:
        if self.plan is None:
            raise UserFacingError(tr("nothing to pay: continue to the confirmation first"))
        self.step = PayStep.PAYING
        try:
            result = await on_core_of(service, pay_multi_path(service, self.plan))
        except BaseException:
            self.step = PayStep.CONFIRM
            raise
        self.plan = None
        self.step = PayStep.DONE
        return result
