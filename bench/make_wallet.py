"""A benchmark wallet: ``python -m bench.make_wallet --proofs N --history N --mint URL --out DIR``.

``nutdesk --data-dir DIR`` opens the result (no password) and spends from it against ``URL``. Every unspent proof
is real: minted by that mint (its FakeWallet backend pays the quotes by itself) in batches of ``--batch`` outputs
of 1–64 sat, DLEQ-checked and stored the way the wallet stores what it mints. The history is synthetic
(``bench.history``: two years of operations at example mints, journal data the size the wallet writes) and
spends nothing: only the proofs count towards the balance.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from bench.history import build_history
from core.api.service import WalletService
from core.config import Config
from core.protocol.quote_signature import sign_mint_quote
from core.wallet.context import MintWallet
from core.wallet.issue import wait_for_payment
from core.wallet.outputs import prepare_outputs, verified_proofs

__all__ = ["amounts_for", "make_wallet"]


def amounts_for(proofs: int) -> list[int]:
    """``proofs`` amounts of 1, 2, 4 … 64 sat in turn (about 18 sat each): many small proofs, as a shop holds."""
    return [2 ** (i % 7) for i in range(proofs)]


async def _mint_batch(mw: MintWallet, quote_id: str, amounts: Sequence[int]) -> None:
    # ``mint_paid_quote`` with our own denominations (it splits the amount into powers of two).
    keyset = mw.keychain.active("sat")
    outputs = prepare_outputs(mw.store, mw.seed, keyset.id, amounts)
    op_id = mw.store.create_operation(
        kind="issue", mint_url=mw.url, unit="sat", amount=sum(amounts), data={"quote": quote_id}
    )
    messages = [o.blinded_message() for o in outputs]
    record = mw.store.mint_quote(quote_id)
    signature = sign_mint_quote(quote_id, messages, record.privkey) if record and record.privkey else None
    signatures = await mw.client.post_mint(quote_id, messages, signature=signature)
    proofs = verified_proofs(mw, outputs, signatures)
    with mw.store.atomic():
        mw.store_proofs(proofs, "sat", op_id=op_id)
        mw.store.set_mint_quote_state(quote_id, "ISSUED")
        mw.store.update_operation(op_id, state="done")


def _settle(path: Path) -> None:
    """Nothing of the synthetic history is left in flight: its example mints do not exist, so an unfinished
    operation would send the app retrying them for ever (the benchmark measures a wallet at rest)."""
    with sqlite3.connect(path) as db:
        db.execute("UPDATE operations SET state = 'failed' WHERE state NOT IN ('done', 'failed', 'rolled_back')")
        db.execute("UPDATE failed_transactions SET status = 'dismissed' WHERE status != 'recovered'")


def _prepare(out: Path, history: int) -> Config:
    config = Config(data_dir=out)
    if config.database_path.exists():
        raise SystemExit(f"{config.database_path} exists: choose an empty --out")
    out.mkdir(parents=True, exist_ok=True)
    if history:
        build_history(config.database_path, history, unspent=False)
        _settle(config.database_path)
    return config


async def make_wallet(out: Path, *, proofs: int, history: int, mint_url: str, batch: int = 1000) -> float:
    """Build the wallet in ``out`` (which must not hold one); returns the seconds it took."""
    started = time.perf_counter()
    config = _prepare(out, history)
    service = WalletService.open(config)
    try:
        service.create_wallet()
        await service.add_mint(mint_url, trusted=True)
        mw = await service.wallet_for(mint_url)
        amounts = amounts_for(proofs)
        for start in range(0, len(amounts), batch):
            chunk = amounts[start : start + batch]
            quote = await service.create_invoice(sum(chunk), mint_url)
            await wait_for_payment(mw, quote.quote, timeout=60.0)
            await _mint_batch(mw, quote.quote, chunk)
    finally:
        await service.close()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.make_wallet", description=__doc__.split("\n\n")[0])
    p.add_argument("--proofs", type=int, default=10_000, help="unspent proofs, minted by --mint")
    p.add_argument("--history", type=int, default=10_000, help="synthetic history entries")
    p.add_argument("--mint", required=True, help="the mint URL (a FakeWallet nutshell: it pays its own quotes)")
    p.add_argument("--out", required=True, type=Path, help="the new data directory")
    p.add_argument("--batch", type=int, default=1000, help="outputs per mint request")
    args = p.parse_args(argv)
    seconds = asyncio.run(
        make_wallet(args.out, proofs=args.proofs, history=args.history, mint_url=args.mint, batch=args.batch)
    )
    print(f"{args.out}: {args.proofs} proofs, {args.history} history entries at {args.mint} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
