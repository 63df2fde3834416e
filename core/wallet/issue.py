"""Issue (mint ecash, NUT-04): mint quote → the user pays its invoice → mint with deterministic outputs.

When the mint supports NUT-20 the quote is locked to a fresh key, kept with the quote, so only this
wallet can mint it even if the quote id leaks.
"""

from __future__ import annotations

import coincurve

from core.errors import DefinitelyFailed, MintRejected, QuoteNotPaid
from core.i18n import t
from core.ports.mint_types import MintQuote
from core.protocol.amounts import split
from core.protocol.quote_signature import sign_mint_quote
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.outputs import prepare_outputs, verified_proofs
from core.wallet.settle import after_failure, raise_unsettled

__all__ = ["create_mint_quote", "mint_paid_quote", "wait_for_payment"]


async def create_mint_quote(mw: MintWallet, amount: int, unit: str, description: str | None = None) -> MintQuote:
    mw.keychain.active(unit)  # fail early when the mint has no such unit
    privkey: coincurve.PrivateKey | None = None
    pubkey = None
    if mw.supports(20):
        privkey = coincurve.PrivateKey()
        pubkey = privkey.public_key.format().hex()
    quote = await mw.client.post_mint_quote(amount, unit, pubkey=pubkey, description=description)
    mw.store.save_mint_quote(
        quote=quote.quote,
        mint_url=mw.url,
        unit=unit,
        amount=amount,
        request=quote.request,
        state=quote.state,
        expiry=quote.expiry,
        privkey=privkey.to_hex() if privkey else None,
    )
    return quote


async def wait_for_payment(mw: MintWallet, quote_id: str, timeout: float) -> str:
    """Wait (websocket, else polling) until the quote is PAID or ISSUED; return the state."""
    quote = await mw.client.wait_for_mint_quote(quote_id, timeout=timeout)
    state = str(quote.state)
    mw.store.set_mint_quote_state(quote_id, state)
    return state


async def mint_paid_quote(mw: MintWallet, quote_id: str) -> int:
    """Mint the ecash of a paid quote; returns the amount minted."""
    record = mw.store.mint_quote(quote_id)
    if record is None:
        raise DefinitelyFailed(t("unknown mint quote {0}").format(quote_id))
    keyset = mw.keychain.active(record.unit)
    outputs = prepare_outputs(mw.store, mw.seed, keyset.id, split(record.amount, sorted(keyset.keys)))
    op_id = mw.store.create_operation(
        kind="issue",
        mint_url=mw.url,
        unit=record.unit,
        amount=record.amount,
        data={"quote": quote_id, "outputs": [o.to_dict() for o in outputs]},
    )
    failpoint("issue:after_prepare")
    messages = [o.blinded_message() for o in outputs]
    signature = sign_mint_quote(quote_id, messages, record.privkey) if record.privkey else None
    mw.store.update_operation(op_id, state="sent")
    failpoint("issue:after_sent")
    try:
        signatures = await mw.client.post_mint(quote_id, messages, signature=signature)
    except BaseException as exc:
        # 20002 (already issued — perhaps to this request's earlier try), 11003, 20005, code 0, a 5xx: never
        # "failed" on the code alone (core.wallet.settle); only a refusal that proves nothing happened is.
        settled = await after_failure(mw, op_id, exc, own_inputs=[], outputs=outputs)
        if settled is None:
            if isinstance(exc, MintRejected) and exc.mint_code == 20001:
                raise QuoteNotPaid(t("the invoice has not been paid yet")) from exc
            raise
        raise_unsettled(settled, exc)
        mw.store.set_mint_quote_state(quote_id, "ISSUED")
        return sum(p.amount for p in mw.store.proofs(operation_id=op_id, states=("unspent",)))
    failpoint("issue:after_response")
    try:
        proofs = verified_proofs(mw, outputs, signatures)
    except BaseException:
        mw.store.release(op_id)
        raise
    with mw.store.atomic():
        mw.store_proofs(proofs, record.unit, op_id=op_id)
        mw.store.set_mint_quote_state(quote_id, "ISSUED")
        mw.store.update_operation(op_id, state="done")
    return sum(p.amount for p in proofs)
