"""A sale paid by Lightning: an invoice from a trusted mint's quote (minted, journaled) or from the merchant's own
backend; the paid sale is one journal entry of kind ``sale`` so analytics counts it once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any

from core.errors import (
    NutdeskError,
    UserFacingError,
)
from core.i18n import t
from core.ports.lightning import PaymentState
from core.pos.checkout import PaymentRefused
from core.pos.settlement import Settling
from core.pos.types import FailureReason, Sale, SaleState, Settlement
from core.recovery.resume import UNFINISHED_STATES

__all__ = ["LightningCharge", "LightningPay"]

log = logging.getLogger(__name__)

_SALE_KIND = "sale"


@dataclass(frozen=True)
class LightningCharge:
    """A Lightning invoice offered for a sale: from a trusted mint's quote or from the merchant's backend."""

    sale_id: str
    source: str  # mint · backend
    bolt11: str
    amount: int


class LightningPay(Settling):
    async def lightning_invoice(
        self, sale_id: str, source: str = "mint", mint_url: str | None = None
    ) -> LightningCharge:
        """An invoice for the sale: a mint quote at a trusted mint (``mint``) or the backend's (``backend``)."""
        sale = self._sale(sale_id)
        if sale.state is not SaleState.WAITING:
            raise UserFacingError(t("the sale is {0}").format(sale.state))
        policy = self.policy()
        if source == "backend":
            if self.backends is None or not policy.backend:
                raise PaymentRefused(FailureReason.NO_BACKEND, t("no Lightning backend is configured"))
            created = await self.backends.backend(policy.backend).create_invoice(
                sale.amount, unit=sale.unit, memo=f"{policy.shop_name} {sale.receipt_id}"
            )
            payload = {"lightning": "backend", "backend": policy.backend, "payment_hash": created.payment_hash,
                       "bolt11": created.bolt11}  # fmt: skip
            bolt11 = created.bolt11
        else:
            url = mint_url or (policy.trusted_mints[0] if policy.trusted_mints else "")
            if not url:
                raise UserFacingError(t("add a trusted mint for Lightning invoices"))
            quote = await self.wallet.create_invoice(sale.amount, url, sale.unit)
            payload = {"lightning": "mint", "quote": quote.quote, "mint": url, "bolt11": quote.request}
            bolt11 = quote.request
        self._update(sale_id, payload=payload)
        return LightningCharge(sale_id, source, bolt11, sale.amount)

    async def check_lightning(self, sale_id: str) -> Sale:
        """Ask once whether the sale's invoice is paid; a paid mint quote is minted (journaled) first.

        The paid sale is one journal entry of kind ``sale`` (data ``settlement: lightning``): the minting itself
        (mint path) or an entry for the backend's payment, so analytics counts it once."""
        lock = self._locks.setdefault(sale_id, asyncio.Lock())
        async with lock:
            sale = await self._check_lightning(sale_id)
        if sale.state is SaleState.PAID:
            await self.deliver_webhooks()
        return sale

    async def _check_lightning(self, sale_id: str) -> Sale:
        sale = self._sale(sale_id)
        payload = sale.payload or {}
        if sale.state not in (SaleState.WAITING, SaleState.SETTLING) or "lightning" not in payload:
            return sale
        if payload["lightning"] == "backend":
            name = str(payload["backend"])
            if sale.state is SaleState.WAITING:
                assert self.backends is not None
                status = await self.backends.backend(name).invoice_status(str(payload["payment_hash"]))
                if status.state is not PaymentState.SETTLED:
                    return sale
                sale = self._update(sale_id, SaleState.SETTLING, settlement=Settlement.LIGHTNING.value)
            op = self._lightning_operation(sale)
            if op is None:
                op_id = self.wallet.store.create_operation(
                    kind=_SALE_KIND, mint_url=f"lightning:{name}", unit=sale.unit, amount=sale.amount,
                    data={"payment_hash": payload["payment_hash"], "backend": name}, memo=sale.memo, state="done",
                )  # fmt: skip
            else:
                op_id = op.id
            return self._lightning_paid(sale, op_id, sale.amount)
        quote, url = str(payload["quote"]), str(payload["mint"])
        op = self._lightning_operation(sale)
        if op is None:
            if sale.state is SaleState.WAITING:
                mw = await self.wallet.wallet_for(url)
                state = str((await mw.client.get_mint_quote(quote)).state)
                if state not in ("PAID", "ISSUED"):
                    return sale  # not paid yet: nothing journaled
                sale = self._update(sale_id, SaleState.SETTLING, settlement=Settlement.LIGHTNING.value, mint_url=url)
            # An unknown outcome stays in the journal (recovery mints it); the sale stays settling.
            with contextlib.suppress(NutdeskError):
                await self.wallet.mint_quote(quote)
            op = self._lightning_operation(sale)
        if sale.state is SaleState.WAITING and op is not None:  # the recovery loop minted it first
            sale = self._update(sale_id, SaleState.SETTLING, settlement=Settlement.LIGHTNING.value, mint_url=url)
        if op is None or op.state != "done":
            return self._sale(sale_id)
        return self._lightning_paid(sale, op.id, op.amount)

    def _lightning_operation(self, sale: Sale) -> Any:
        """The journal entry of a Lightning-paid sale: done first, then unfinished; failed attempts minted nothing."""
        payload = sale.payload or {}
        found = []
        for op in self.wallet.store.operations(kinds=("issue", _SALE_KIND), limit=1000):
            if op.created_at < sale.created_at - 1:
                break
            if op.data.get("sale") == sale.id or (
                payload.get("lightning") == "mint" and op.kind == "issue" and op.data.get("quote") == payload["quote"]
            ):
                found.append(op)
        for wanted in (("done",), UNFINISHED_STATES):
            for op in found:
                if op.state in wanted:
                    return op
        return None

    def _lightning_paid(self, sale: Sale, op_id: str, amount: int) -> Sale:
        data = {"sale": sale.id, "tip": sale.tip, "receipt": sale.receipt_id, "settlement": Settlement.LIGHTNING.value}
        self.repo.relabel_operation(op_id, _SALE_KIND, data)
        if sale.fiat_rate and sale.fiat_currency:
            with contextlib.suppress(NutdeskError):
                self._record_fiat_rate(op_id, sale.fiat_rate, sale.fiat_currency)
        return self._paid(sale, operation_id=op_id, net=amount, received=amount, fee=0)

    async def wait_lightning(self, sale_id: str, timeout: float = 600.0, interval: float = 1.0) -> Sale:
        async with asyncio.timeout(timeout):
            while True:
                sale = await self.check_lightning(sale_id)
                if sale.state is not SaleState.WAITING:
                    return sale
                await asyncio.sleep(interval)
