"""Settling a sale's ecash: the journaled receive (operation kind ``sale``) at the sale's mint and, when the policy
forwards it, the journaled melt to the merchant's Lightning backend. An unknown outcome leaves the journal entry for
the wallet's recovery and the sale ``settling``; exposure sweeps melt what a mint holds above its cap."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from core.errors import (
    InsufficientBalance,
    MintRejected,
    MintUnreachable,
    NutdeskError,
    OutcomeUnknown,
    ProofsAlreadySpent,
)
from core.i18n import t
from core.pos.base import TillBase
from core.pos.checkout import Offer, PaymentRefused
from core.pos.pricing import UnitPrice
from core.pos.types import FailureReason, Sale, SaleState, Settlement
from core.protocol import tokens
from core.protocol.units import format_amount
from core.recovery.resume import UNFINISHED_STATES
from core.wallet import melt as melt_ops
from core.wallet.receive import receive_token

__all__ = ["Settling"]

log = logging.getLogger(__name__)

_SALE_KIND = "sale"


class Settling(TillBase):
    async def _settle(self, sale: Sale, offer: Offer) -> Sale:
        """Redeem ``offer`` for ``sale`` (received, or settling without a journal entry) and forward it when the
        policy says so."""
        sale = self._update(sale.id, SaleState.SETTLING)
        mw = await self.wallet.wallet_for(offer.mint)
        token = tokens.Token(mint=offer.mint, unit=offer.unit, proofs=list(offer.proofs), memo=offer.memo)
        try:
            result = await receive_token(mw, token, kind=_SALE_KIND)
        except ProofsAlreadySpent as exc:
            return self._fail(sale, FailureReason.SPENT, t("this ecash was already spent"), exc)
        except MintUnreachable as exc:
            if exc.sent:  # outcome unknown: the journal has it, recovery finishes it; the sale stays settling
                self._link_operation(sale)
                return self._sale(sale.id)
            return self._fail(
                sale, FailureReason.MINT_UNREACHABLE, t("{0} did not answer").format(offer.mint), exc, release=True
            )
        except MintRejected as exc:
            return self._fail(
                sale, FailureReason.REJECTED, t("the mint refused the ecash: {0}").format(exc), exc, release=True
            )
        except OutcomeUnknown:
            self._link_operation(sale)
            return self._sale(sale.id)
        sale = self._redeemed(sale, result.operation_id, result.amount, result.fee)
        return await self._after_redeem(sale)

    def _fail(self, sale: Sale, reason: FailureReason, detail: str, exc: Exception, *, release: bool = False) -> Sale:
        if release:
            self.repo.release_secrets(sale.id)
        self._count_failure(self._update(sale.id, SaleState.FAILED, failure_reason=reason.value, failure_detail=detail))
        raise PaymentRefused(reason, detail) from exc

    def _redeemed(self, sale: Sale, op_id: str, net: int, fee: int) -> Sale:
        """The receive is done: link the journal entry to the sale (analytics reads ``tip`` and the rate there)."""
        self.wallet.store.update_operation(op_id, data={"sale": sale.id, "tip": sale.tip, "receipt": sale.receipt_id})
        if sale.fiat_rate and sale.fiat_currency:
            with contextlib.suppress(NutdeskError):
                self._record_fiat_rate(op_id, sale.fiat_rate, sale.fiat_currency)
        return self._update(sale.id, operation_id=op_id, net=net, fee=fee)

    async def _after_redeem(self, sale: Sale) -> Sale:
        if sale.settlement == Settlement.MELT.value:
            return await self._forward(sale)
        return self._paid(sale)

    async def _forward(self, sale: Sale) -> Sale:
        """Melt the sale's ecash to the merchant's backend. A definite failure keeps it as ecash (held)."""
        policy = self.policy()
        try:
            result = await self._melt_to_backend(
                sale.mint_url, sale.net, memo=f"{policy.shop_name} {sale.receipt_id}", extra={"sale": sale.id},
                sale_id=sale.id, price=sale.price,
            )  # fmt: skip
        except OutcomeUnknown:
            return self._sale(sale.id)  # the melt is journaled: recovery and settle_pending finish it
        except (PaymentRefused, NutdeskError) as exc:
            note = f"forwarding to Lightning failed ({exc}); the ecash is held at {sale.mint_url}"
            log.warning("sale %s: %s", sale.id, note)
            return self._paid(sale, settlement=Settlement.SWAP.value, failure_detail=note)
        return self._paid(
            sale, forward_operation_id=result.operation_id, fee=sale.fee + result.fee, net=sale.net - result.fee
        )

    async def _melt_to_backend(
        self,
        mint_url: str,
        budget: int,
        *,
        memo: str,
        extra: dict[str, Any],
        sale_id: str | None = None,
        target: int | None = None,
        price: UnitPrice | None = None,
    ) -> melt_ops.MeltResult:
        """Pay ``target`` (default: as much of ``budget`` as the fees allow) to the backend from ``mint_url``,
        spending at most ``budget`` including fees (journaled melt). The invoice is in the shop's unit; with
        ``price`` the ecash is in ``price.unit`` (``budget`` too) and converted at that price."""
        policy = self.policy()
        if self.backends is None or not policy.backend:
            raise PaymentRefused(FailureReason.NO_BACKEND, t("no Lightning backend to forward to"))
        backend = self.backends.backend(policy.backend)
        ecash_unit = policy.unit if price is None else price.unit

        def in_shop_unit(amount: int) -> int:
            return amount if price is None else price.to_sat(amount)

        amount = target if target is not None else in_shop_unit(budget - max(1, budget * 2 // 100))
        prepared = None
        for _ in range(4):
            if amount <= 0:
                break
            invoice = await backend.create_invoice(amount, unit=policy.unit, memo=memo)
            try:
                prepared = await self.wallet.prepare_melt(invoice.bolt11, mint_url, ecash_unit)
            except InsufficientBalance:  # the proofs cannot also cover the input fees: ask for a little less
                shortfall = max(1, budget // 100)
            else:
                if prepared.total <= budget:
                    break
                shortfall = prepared.total - budget
            amount -= in_shop_unit(shortfall) + (0 if price is None else 1)
            prepared = None
        if prepared is None:
            raise PaymentRefused(
                FailureReason.FEE_TOO_HIGH,
                t("{0} does not cover the melt fees").format(format_amount(budget, ecash_unit)),
            )
        if not policy.lightning_fee_ok(prepared.fee_reserve, prepared.amount):
            raise PaymentRefused(
                FailureReason.FEE_TOO_HIGH,
                t("the Lightning fee reserve ({0}) is above {1:g}%").format(
                    prepared.fee_reserve, policy.max_lightning_fee_pct
                ),
            )
        if sale_id is not None:
            sale = self._sale(sale_id)
            self.repo.update(sale_id, payload={**(sale.payload or {}), "melt_quote": prepared.quote.quote})
        mw = await self.wallet.wallet_for(mint_url)
        return await melt_ops.execute_melt(mw, prepared, memo=memo, extra=extra)

    def _link_operation(self, sale: Sale) -> Sale | None:
        op = self._sale_operation(sale)
        if op is None:
            return None
        return self._update(sale.id, operation_id=op.id)

    def _sale_operation(self, sale: Sale) -> Any:
        """The journal entry that redeems ``sale``'s ecash: by id, else by the proofs' secrets."""
        if sale.operation_id:
            return self.wallet.store.get_operation(sale.operation_id)
        secrets = {p["secret"] for p in (sale.payload or {}).get("proofs", [])}
        if not secrets:
            return None
        for op in self.wallet.store.operations(kinds=(_SALE_KIND,), limit=1000):
            if op.created_at < sale.created_at - 1:
                break
            inputs = op.data.get("inputs", [])
            if any(isinstance(i, dict) and i.get("secret") in secrets for i in inputs):
                return op
        return None

    async def _settle_forward(self, sale: Sale) -> Sale:
        quote = (sale.payload or {}).get("melt_quote")
        melt_op = None
        if quote:
            melt_op = next(
                (o for o in self.wallet.store.operations(kinds=("melt",), limit=1000) if o.data.get("quote") == quote),
                None,
            )
        if melt_op is None:
            return await self._forward(sale)  # never sent: forward now
        if melt_op.state in UNFINISHED_STATES:
            return sale
        if melt_op.state == "done":
            return self._paid(
                sale, forward_operation_id=melt_op.id, fee=sale.fee + melt_op.fee, net=sale.net - melt_op.fee
            )
        note = f"forwarding to Lightning failed ({melt_op.error}); the ecash is held at {sale.mint_url}"
        return self._paid(sale, settlement=Settlement.SWAP.value, failure_detail=note)

    async def sweep_exposure(self) -> list[melt_ops.MeltResult]:
        """Melt what a mint holds above its cap to the backend (journaled melts, data ``sweep``)."""
        policy = self.policy()
        done = []
        for mint, cap in policy.exposure_caps.items():
            held = self._balance(mint, policy.unit)
            if held <= cap:
                continue
            try:
                done.append(
                    await self._melt_to_backend(
                        mint, held, target=held - cap, memo=f"{policy.shop_name} sweep", extra={"sweep": True}
                    )
                )
            except NutdeskError as exc:
                log.warning("sweeping %s failed: %s", mint, exc)
        return done
