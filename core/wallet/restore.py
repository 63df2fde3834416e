"""Restore from the seed (NUT-09): re-derive outputs counter by counter and ask the mint for its signatures.

Every keyset of the mint is searched, inactive ones too, in batches of 100 counters until three batches
in a row come back empty. Proofs the mint reports spent (NUT-07) are dropped; the rest are stored, and each
keyset's counter is moved past the last one used, so new outputs never collide with old ones.
"""

from __future__ import annotations

from collections.abc import Callable

from core.protocol import bdhke
from core.protocol.models import Proof
from core.wallet.context import MintWallet
from core.wallet.outputs import derive_outputs, verified_proofs

__all__ = ["repair_counter", "restore_mint"]

BATCH = 100
EMPTY_BATCHES_TO_STOP = 3


async def restore_mint(mw: MintWallet, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Restore every keyset of the mint; returns the unspent amount recovered per unit."""
    recovered: dict[str, int] = {}
    for keyset in list(mw.keychain.keysets.values()):
        proofs: list[Proof] = []
        counter = 0
        empty = 0
        last_used = -1
        while empty < EMPTY_BATCHES_TO_STOP:
            outputs = derive_outputs(mw.seed, keyset.id, [1] * BATCH, counter)
            returned, signatures = await mw.client.post_restore([o.blinded_message() for o in outputs])
            by_b = {o.B_: o for o in outputs}
            matched = [by_b[m.B_] for m in returned if m.B_ in by_b]
            if matched:
                empty = 0
                proofs += verified_proofs(mw, matched, signatures, restore=True)
                last_used = max(last_used, *(o.counter for o in matched))
            else:
                empty += 1
            counter += BATCH
            if progress:
                # "found" counts notes the mint ever signed, spent ones too: the result counts only unspent sats.
                progress(
                    f"{mw.url} keyset {keyset.id[:16]}…: searched {counter} counters, "
                    f"found {len(proofs)} notes (spent or not)"
                )
        if last_used >= 0:
            mw.store.bump_counter(keyset.id, last_used + 1)
        unspent = await _unspent(mw, proofs)
        known = mw.store.proofs_by_secrets([p.secret for p in unspent])
        fresh = [p for p in unspent if p.secret not in known]
        if fresh:
            mw.store_proofs(fresh, keyset.unit)
        recovered[keyset.unit] = recovered.get(keyset.unit, 0) + sum(p.amount for p in fresh)
    return recovered


async def _unspent(mw: MintWallet, proofs: list[Proof]) -> list[Proof]:
    if not proofs:
        return []
    ys = [bdhke.hash_to_curve_hex(p.secret) for p in proofs]
    states = {s.Y: s.state for s in await mw.client.post_checkstate(ys)}
    return [p for p, y in zip(proofs, ys, strict=True) if states.get(y) == "UNSPENT"]


async def repair_counter(mw: MintWallet, keyset_id: str) -> int:
    """After error 11003 ("outputs already signed"): find the counters the mint has already signed past ours.

    The local counter fell behind (an old database backup, another device on the same seed). Search from it
    in batches until one comes back empty, keep any unspent proofs found, and move the counter past them.
    Returns the new counter.
    """
    keyset = mw.keychain.get(keyset_id)
    counter = keyset.counter if (stored := mw.store.get_keyset(keyset_id)) is None else stored.counter
    last_used = counter - 1
    found: list[Proof] = []
    while True:
        outputs = derive_outputs(mw.seed, keyset_id, [1] * BATCH, counter)
        returned, signatures = await mw.client.post_restore([o.blinded_message() for o in outputs])
        by_b = {o.B_: o for o in outputs}
        matched = [by_b[m.B_] for m in returned if m.B_ in by_b]
        if not matched:
            break
        found += verified_proofs(mw, matched, signatures, restore=True)
        last_used = max(last_used, *(o.counter for o in matched))
        counter += BATCH
    mw.store.bump_counter(keyset_id, last_used + 1)
    unspent = await _unspent(mw, found)
    known = mw.store.proofs_by_secrets([p.secret for p in unspent])
    fresh = [p for p in unspent if p.secret not in known]
    if fresh:
        mw.store_proofs(fresh, keyset.unit)
    return last_used + 1
