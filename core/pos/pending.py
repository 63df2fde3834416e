"""Finishing what a crash or a network break left: sales ``received`` or ``settling`` and refunds between their send
and their record, from the journal — never lost, never counted twice."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from core.errors import (
    NutdeskError,
)
from core.pos.checkout import Offer, PaymentRefused
from core.pos.lightning import LightningPay
from core.pos.types import FailureReason, Refund, Sale, SaleState, Settlement
from core.recovery.resume import UNFINISHED_STATES

__all__ = ["PendingSales"]

log = logging.getLogger(__name__)

_SALE_KIND = "sale"


class PendingSales(LightningPay):
    async def settle_pending(self, *, resume: bool = True) -> list[Sale]:
        """Finish every sale left ``received`` or ``settling`` (a crash, a network break), from the journal.

        ``resume``: first let the wallet's recovery resume unfinished journal entries. Returns the sales changed.
        """
        changed: list[Sale] = []
        pending = self.repo.sales(states=(SaleState.RECEIVED.value, SaleState.SETTLING.value))
        refunding = self.repo.refunds(finished=False)
        # Another till's sale or refund is its own to finish while it may still be working on it: taken over
        # only once untouched for a lease's length (that till died, or lost its database).
        stale = time.time() - float(self.wallet.store.lease_seconds)
        pending = [s for s in pending if s.till == self.repo.till or s.updated_at < stale]
        refunding = [r for r in refunding if r.till == self.repo.till or r.created_at < stale]
        if not pending and not refunding:
            return changed
        if resume:
            with contextlib.suppress(NutdeskError):
                await self._resume_journal()
        if refunding:
            changed.extend(self._sale(r.sale_id) for r in await self.finish_refunds())
        for sale in pending:
            lock = self._locks.setdefault(sale.id, asyncio.Lock())
            if lock.locked():  # the till is settling it right now
                continue
            try:
                async with lock:
                    sale = self._sale(sale.id)
                    if sale.state not in (SaleState.RECEIVED, SaleState.SETTLING):
                        continue
                    after = await self._settle_one(sale)
            except PaymentRefused:
                after = self._sale(sale.id)
            except NutdeskError as exc:
                log.info("sale %s still settling: %s", sale.id, exc)
                continue
            if after.state is not sale.state or after.updated_at != sale.updated_at:
                changed.append(after)
        return changed

    async def _settle_one(self, sale: Sale) -> Sale:
        if sale.payload and "lightning" in sale.payload:
            return await self._check_lightning(sale.id)
        op = self._sale_operation(sale)
        if op is None:  # no journal entry: nothing reached the mint, redeem now
            return await self._settle(sale, Offer.from_json(sale.payload or {}))
        if op.state in UNFINISHED_STATES:
            return self._update(sale.id, operation_id=op.id)
        if op.state in ("failed", "rolled_back"):
            spent = "spent" in op.error
            if not spent:
                self.repo.release_secrets(sale.id)
            reason = FailureReason.SPENT if spent else FailureReason.REJECTED
            return self._update(sale.id, SaleState.FAILED, failure_reason=reason.value, failure_detail=op.error)
        # An earlier pass may have linked the entry while it was unfinished (net still 0): the receive's amount
        # is recorded once it is done, whoever linked it (``_redeemed`` only sets fields: safe to repeat).
        if sale.operation_id != op.id or not sale.net:
            sale = self._redeemed(sale, op.id, op.amount, op.fee)
        if sale.settlement != Settlement.MELT.value:
            return self._paid(sale)
        return await self._settle_forward(sale)

    async def finish_refunds(self) -> list[Refund]:
        """Record refunds a crash left between their send and their record (once), from the journal."""
        return await self.refunder.finish_pending()
