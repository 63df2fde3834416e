"""Taking ecash while its mint cannot be reached, and redeeming it when the mint is back.

Two kinds of ecash are accepted offline, both only with a DLEQ proof on every proof that verifies against the
mint's keys the wallet has cached (so the mint really signed them):

- *locked*: every proof is NUT-11 P2PK-locked to the shop's lock key (the compressed public key of the shop's Nostr
  key; a payment request asks for it when the policy sets ``offline_locked``), plainly or blinded (NUT-28 P2BK), with
  no refund path: nobody else can spend it, so the only risk is the mint itself. No cap.
- *unlocked*: from a trusted mint, at most ``offline_sale_cap`` per sale, and at most ``offline_mint_cap`` of
  unredeemed unlocked ecash per mint. The customer could still spend it elsewhere first: that is the risk capped.

The sale is paid (the receipt says "accepted offline"); its ``offline_state`` is "pending" until the background loop
redeems it through the journaled receive (``redeem_offline``): "redeemed", or "lost" when the mint says it was
already spent — the loss is recorded against the sale and shows in the Z-report. The wallet's books never held
that ecash, so they stay equal to the mint's.

A layer over ``Selling``; the decision is taken in ``_settle`` (before redeeming) and applied in ``_fail`` when the
redeem fails because the mint did not answer (nothing was sent).
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from typing import Any

import coincurve

from core.errors import MintRejected, MintUnreachable, NutdeskError, OutcomeUnknown, ProofsAlreadySpent
from core.pos.checkout import Offer
from core.pos.selling import Selling
from core.pos.types import FailureReason, Sale
from core.protocol import tokens
from core.protocol.nut10 import KIND_P2PK, parse_conditions, try_parse_secret
from core.protocol.p2bk import derive_signing_key
from core.protocol.p2bk_wallet import unlock_proofs
from core.recovery.resume import UNFINISHED_STATES
from core.wallet.receive import normalize_token_proofs, receive_token

__all__ = ["Offline"]

log = logging.getLogger(__name__)

_SALE_KIND = "sale"


class Offline(Selling):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._offline_plans: dict[str, str] = {}  # sale id → "locked" · "unlocked" · why not (_settle → _fail)

    def lock_pubkey(self) -> str:
        """The key customers lock offline payments to (compressed secp256k1, hex): the shop's Nostr key's."""
        return str(coincurve.PrivateKey(self.nostr_keys().secret).public_key.format(compressed=True).hex())

    def _locked_to_shop(self, offer: Offer) -> bool:
        """Every proof is P2PK-locked to the shop's key alone — plainly, or blinded (NUT-28 P2BK, ``p2pk_e``) —
        with no refund path and no other key: nobody else can ever spend it."""
        key = self.lock_pubkey()
        secret_key = self.nostr_keys().secret
        for proof in offer.proofs:
            try:
                secret = try_parse_secret(proof.secret)
                if secret is None or secret.kind != KIND_P2PK:
                    return False
                conditions = parse_conditions(secret)
                if conditions.refund or conditions.pubkeys:
                    return False
                if proof.p2pk_e is not None:
                    if derive_signing_key(secret_key, proof.p2pk_e, secret.data, 0) is None:
                        return False
                elif secret.data.lower() != key:
                    return False
            except NutdeskError:
                return False
        return bool(offer.proofs)

    def _signed(self, offer: Offer) -> Offer:
        """``offer`` with each proof signed by the shop's key when it is locked to it (so the mint redeems it)."""
        if not self._locked_to_shop(offer):
            return offer
        unlocked = unlock_proofs(offer.proofs, coincurve.PrivateKey(self.nostr_keys().secret), int(time.time()))
        return replace(offer, proofs=tuple(unlocked))

    async def _settle(self, sale: Sale, offer: Offer) -> Sale:
        self._offline_plans[sale.id] = await self._offline_plan(sale, offer)
        try:
            return await super()._settle(sale, self._signed(offer))
        finally:
            self._offline_plans.pop(sale.id, None)

    async def _offline_plan(self, sale: Sale, offer: Offer) -> str:
        """ "locked" or "unlocked" when ``offer`` may be taken without the mint, else why not."""
        policy = self.policy()
        try:
            mw = await self.wallet.wallet_for(offer.mint)  # the cached keys when the mint is unreachable
            token = tokens.Token(mint=offer.mint, unit=offer.unit, proofs=list(offer.proofs), memo=offer.memo)
            checked = normalize_token_proofs(mw, token)  # raises when a DLEQ proof does not verify
        except NutdeskError as exc:
            return f"its DLEQ proofs cannot be checked ({exc})"
        if any(p.dleq is None or p.dleq.r is None for p in checked):
            return "not every proof carries a DLEQ proof"
        if self._locked_to_shop(offer):
            return "locked"
        if not policy.is_trusted(offer.mint):
            return f"{offer.mint} is not a trusted mint"
        if offer.unit != sale.unit or not policy.offline_sale_cap:
            return "the shop takes no unlocked ecash offline" if not policy.offline_sale_cap else "another unit"
        if offer.amount > policy.offline_sale_cap:
            return f"{offer.amount:,} {offer.unit} is above the offline limit of {policy.offline_sale_cap:,} per sale"
        at_risk = sum(s.received for s in self.repo.offline_pending(offer.mint) if s.offline == "unlocked")
        if policy.offline_mint_cap and at_risk + offer.amount > policy.offline_mint_cap:
            return f"{offer.mint} already has {at_risk:,} {offer.unit} of unredeemed offline ecash (limit " \
                   f"{policy.offline_mint_cap:,})"  # fmt: skip
        return "unlocked"

    def _fail(self, sale: Sale, reason: FailureReason, detail: str, exc: Exception, *, release: bool = False) -> Sale:
        plan = self._offline_plans.get(sale.id, "")
        if reason is FailureReason.MINT_UNREACHABLE and isinstance(exc, MintUnreachable) and not exc.sent:
            if plan in ("locked", "unlocked"):
                log.info("sale %s accepted offline (%s)", sale.id, plan)
                return self._paid(
                    sale, offline=plan, offline_state="pending", net=0, fee=0,
                    failure_detail=f"accepted offline: {sale.mint_url} did not answer",
                )  # fmt: skip
            if plan:
                detail = f"{detail}; not accepted offline: {plan}"
        return super()._fail(sale, reason, detail, exc, release=release)

    async def redeem_offline(self) -> list[Sale]:
        """Redeem the ecash of sales accepted offline (journaled receives); returns the sales that changed."""
        changed = []
        for sale in self.repo.offline_pending():
            try:
                done = await self._redeem_offline(sale)
            except NutdeskError as exc:
                log.warning("redeeming offline sale %s failed: %s", sale.id, exc)
                continue
            if done is not None:
                changed.append(done)
        return changed

    async def _redeem_offline(self, sale: Sale) -> Sale | None:
        op = self._sale_operation(sale)
        if op is not None and op.state in UNFINISHED_STATES:
            return None  # the wallet's recovery finishes it; the next pass reads the outcome
        if op is not None and op.state == "done":
            return self._offline_redeemed(sale, op.id, op.amount, op.fee)
        offer = self._signed(Offer.from_json(sale.payload or {}))
        mw = await self.wallet.wallet_for(offer.mint)
        token = tokens.Token(mint=offer.mint, unit=offer.unit, proofs=list(offer.proofs), memo=offer.memo)
        try:
            result = await receive_token(mw, token, kind=_SALE_KIND)
        except ProofsAlreadySpent:
            return self._lost(sale, "the ecash accepted offline was already spent")
        except MintRejected as exc:
            return self._lost(sale, f"the mint refused the ecash accepted offline: {exc}")
        except (MintUnreachable, OutcomeUnknown):
            return None  # still offline (or the outcome is journaled): try again on the next pass
        return self._offline_redeemed(sale, result.operation_id, result.amount, result.fee)

    def _offline_redeemed(self, sale: Sale, op_id: str, net: int, fee: int) -> Sale:
        sale = self._redeemed(sale, op_id, net, fee)
        return self._update(sale.id, offline_state="redeemed", failure_detail="")

    def _lost(self, sale: Sale, detail: str) -> Sale:
        log.warning("sale %s: %s", sale.id, detail)
        return self._update(sale.id, offline_state="lost", loss=sale.in_sale_unit(sale.received), failure_detail=detail)
