"""Paying one invoice from several mints at once (NUT-15), for ``nutdesk pay --multi-path`` and the Pay view.

``prepare_multi_path`` quotes a part at each mint (nothing spent: the user confirms the total first);
``pay_multi_path`` melts them together under one journal entry. Mints without NUT-15 are named in the error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.api.service import WalletService
from core.api.spending_pin import guard_of
from core.i18n import t
from core.mint_client.http import normalize_mint_url
from core.payments.errors import AmountError
from core.payments.invoices import decode_invoice
from core.wallet import mpp
from core.wallet.melt import PreparedMelt

__all__ = ["MppResult", "MultiPathPlan", "pay_multi_path", "prepare_multi_path"]

MppResult = mpp.MppResult  # the facade's name for the result, so the front ends import nothing from core.wallet


@dataclass(frozen=True)
class MultiPathPlan:
    request: str
    amount: int
    unit: str
    parts: tuple[PreparedMelt, ...]

    @property
    def total(self) -> int:
        """The most this payment can cost: every part's amount, fee reserve and input fee."""
        return sum(p.total for p in self.parts)


async def prepare_multi_path(
    service: WalletService, request: str, mints: Sequence[str] | None = None, unit: str = "sat"
) -> MultiPathPlan:
    invoice = decode_invoice(request)
    if invoice.amount_msat is None or invoice.amount_msat % 1000:
        raise AmountError(t("a multi-path payment needs an invoice for a whole number of sat"))
    urls = [normalize_mint_url(u) for u in mints] if mints else [m.url for m in service.store.list_mints() if m.trusted]
    wallets = [await service.wallet_for(u) for u in urls]
    parts = await mpp.prepare_parts(wallets, request, invoice.amount_msat // 1000, unit)
    return MultiPathPlan(request, invoice.amount_msat // 1000, unit, tuple(parts))


async def pay_multi_path(service: WalletService, plan: MultiPathPlan) -> mpp.MppResult:
    await guard_of(service.store).check(plan.amount, plan.unit, "Paying")  # the spending PIN above the limit
    wallets = {p.mint_url: await service.wallet_for(p.mint_url) for p in plan.parts}
    return await mpp.pay_multi_path(wallets, plan.request, plan.parts)
