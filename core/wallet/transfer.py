"""Transfer between mints: a mint quote at the destination, paid by a melt at the source, then minted."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import UserFacingError
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.issue import create_mint_quote, mint_paid_quote, wait_for_payment
from core.wallet.melt import execute_melt, prepare_melt

__all__ = ["TransferResult", "transfer_between"]


@dataclass(frozen=True)
class TransferResult:
    amount: int
    fee: int
    quote: str


async def transfer_between(
    source: MintWallet, destination: MintWallet, amount: int, unit: str = "sat"
) -> TransferResult:
    if source.url == destination.url:
        raise UserFacingError("source and destination are the same mint")
    mint_quote = await create_mint_quote(destination, amount, unit)
    prepared = await prepare_melt(source, mint_quote.request, unit)
    melted = await execute_melt(
        source,
        prepared,
        kind="transfer",
        memo=f"to {destination.url}",
        extra={"dest_mint": destination.url, "dest_quote": mint_quote.quote},
    )
    failpoint("transfer:after_melt")
    state = await wait_for_payment(destination, mint_quote.quote, timeout=120)
    if state not in ("PAID", "ISSUED"):
        raise UserFacingError(f"the destination mint has not seen the payment yet (quote {mint_quote.quote})")
    minted = await mint_paid_quote(destination, mint_quote.quote)
    return TransferResult(amount=minted, fee=melted.fee, quote=mint_quote.quote)
