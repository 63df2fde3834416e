"""Minting every paid quote at once: one NUT-29 batch per mint and unit where the mint supports it.

``nutdesk mint-quote --all`` and the GUI's "Mint all paid" run this. Each stored quote not yet issued is asked
for its state; the PAID ones of a mint and unit go out in one batch request (``core.wallet.batch_mint``) where
the mint advertises NUT-29, else one by one as before. A mint that cannot be reached is reported and skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.api.service import WalletService
from core.errors import NutdeskError
from core.mint_client.http import normalize_mint_url
from core.ports.storage import MintQuoteRecord
from core.wallet import issue
from core.wallet.batch_mint import max_batch_size, mint_batch, supports_batch

__all__ = ["BatchOutcome", "mint_all_paid"]


@dataclass
class BatchOutcome:
    """What happened at one mint and unit: ``batched`` tells whether NUT-29 was used."""

    mint_url: str
    unit: str
    quotes: list[str] = field(default_factory=list)
    minted: int = 0
    batched: bool = False
    error: str = ""


async def _paid_quotes(service: WalletService, mint_url: str | None) -> dict[tuple[str, str], list[MintQuoteRecord]]:
    wanted = normalize_mint_url(mint_url) if mint_url else None
    groups: dict[tuple[str, str], list[MintQuoteRecord]] = {}
    for record in service.store.mint_quotes(states=("UNPAID", "PAID")):
        if wanted is not None and record.mint_url != wanted:
            continue
        mw = await service.wallet_for(record.mint_url)
        quote = await mw.client.get_mint_quote(record.quote)
        service.store.set_mint_quote_state(record.quote, str(quote.state))
        if quote.state == "PAID":
            groups.setdefault((record.mint_url, record.unit), []).append(record)
    return groups


async def mint_all_paid(service: WalletService, mint_url: str | None = None) -> list[BatchOutcome]:
    """Mint every paid quote (of ``mint_url``, or of every mint); one outcome per mint and unit."""
    outcomes: list[BatchOutcome] = []
    try:
        groups = await _paid_quotes(service, mint_url)
    except NutdeskError as exc:
        return [BatchOutcome(normalize_mint_url(mint_url or ""), "", error=str(exc))]
    for (url, unit), records in sorted(groups.items()):
        outcome = BatchOutcome(url, unit, quotes=[r.quote for r in records])
        outcomes.append(outcome)
        try:
            mw = await service.wallet_for(url)
            if supports_batch(mw) and len(records) > 1:
                size = max_batch_size(mw) or len(records)
                outcome.batched = True
                for start in range(0, len(records), size):
                    outcome.minted += await mint_batch(mw, [r.quote for r in records[start : start + size]])
            else:
                for record in records:
                    outcome.minted += await issue.mint_paid_quote(mw, record.quote)
        except NutdeskError as exc:
            outcome.error = str(exc)
    return outcomes
