"""Giveaways (a faucet for promotion): a budget, an amount per claim, and a limit per claimant per period.

A claimant is a Nostr key — taken from the ``nostr`` transport of the NUT-18 payment request they present, which
is paid over the request's own transport (Nostr or POST) — or a one-time code printed on a flyer (``codes``): the
till enters or scans the code and hands over the token, shown as a QR. A code is one claim, ever.

Every claim is reserved first (``GiveawayRepository.reserve``: open, within budget, claimant under their limit, in
one statement), then paid by the wallet's journaled send (data ``giveaway``, ``claim``); a send that definitely did
not happen releases the reservation. A giveaway whose budget cannot pay another claim closes itself.
"""

from __future__ import annotations

import functools
import re
import secrets
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.api.giveaway_page import CLAIM_SCHEME, parse_claim_link, render_codes_page
from core.api.payments import PaymentsService
from core.errors import InsufficientBalance, NutdeskError, UserFacingError
from core.i18n import t
from core.mint_client.http import normalize_mint_url
from core.payments.requests import nostr_destination
from core.pos.giveaway_claims import GIVEAWAY_PATH
from core.pos.giveaway_repo import Giveaway, GiveawayClaim, GiveawayRepository
from core.protocol.payment_requests import decode_payment_request

if TYPE_CHECKING:
    from core.api.pos import PosService
    from core.api.service import WalletService

__all__ = ["Giveaway", "GiveawayClaim", "GiveawayService", "parse_period"]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_period(text: str) -> int:
    """Seconds in "30m", "12h", "1d", "2w" (or a number of seconds)."""
    found = re.fullmatch(r"\s*(\d+)\s*([smhdw]?)\s*", text)
    if not found or int(found.group(1)) <= 0:
        raise UserFacingError(t("a period is like 30m, 12h, 1d or 2w, not {0!r}").format(text))
    return int(found.group(1)) * _UNITS[found.group(2) or "s"]


class GiveawayService:
    def __init__(self, wallet: WalletService) -> None:
        self.wallet = wallet
        self.repo = GiveawayRepository(wallet.store.db)

    def create(
        self, name: str, amount: int, budget: int, *, per_claimant: int = 1, period: str = "1d", codes: int = 0,
        mint: str | None = None, unit: str = "sat",
    ) -> tuple[Giveaway, list[str]]:  # fmt: skip
        """A new, open giveaway and its one-time codes (``codes`` of them; shown once, for the flyers)."""
        if amount <= 0 or budget < amount:
            raise UserFacingError(t("a giveaway needs an amount per claim and a budget of at least that"))
        if per_claimant <= 0:
            raise UserFacingError(t("the limit per claimant is at least 1"))
        mint_url = normalize_mint_url(mint) if mint else self.wallet.choose_mint_for(amount, unit)
        made = [secrets.token_hex(5) for _ in range(max(codes, 0))]
        gid = self.repo.create(
            codes=made, name=name.strip() or "Giveaway", unit=unit, mint_url=mint_url, amount=amount, budget=budget,
            per_claimant=per_claimant, period=parse_period(period),
        )  # fmt: skip
        return self.giveaway(gid), made

    def giveaways(self) -> list[Giveaway]:
        return self.repo.giveaways()

    def giveaway(self, gid: str) -> Giveaway:
        found = next((g for g in self.repo.giveaways() if g.id == gid), None)
        if found is None:
            raise UserFacingError(t("no giveaway {0}").format(gid))
        return found

    def codes(self, gid: str) -> list[tuple[str, bool]]:
        """The giveaway's one-time codes and whether each was claimed."""
        return self.repo.codes(self.giveaway(gid).id)

    def codes_page(self, gid: str, till: PosService) -> str:
        """The printable page with one QR per code; each QR's link names where ``till`` takes claims (its Nostr
        profile when relays are configured, its POST endpoint when one is set)."""
        return self.codes_page_maker(gid, till)()

    def codes_page_maker(self, gid: str, till: PosService) -> Callable[[], str]:
        """What ``codes_page`` reads (now), and the rendering — a QR per code, slow for many — to run elsewhere."""
        giveaway = self.giveaway(gid)
        codes = self.repo.codes(giveaway.id)
        if not codes:
            raise UserFacingError(t("the giveaway {0} has no one-time codes").format(giveaway.name))
        policy = till.policy()
        nostr = till.nostr_profile() if policy.nostr_relays else None
        post = policy.post_public_url or (f"http://{policy.post_endpoint}" if policy.post_endpoint else None)
        if post:
            post = f"{post.rstrip('/')}{GIVEAWAY_PATH}{giveaway.id}"
        return functools.partial(render_codes_page, giveaway, codes, shop=policy.shop_name, nostr=nostr, post=post)

    def close(self, gid: str) -> Giveaway:
        self.repo.set_state(self.giveaway(gid).id, "closed")
        return self.giveaway(gid)

    async def claim(
        self, gid: str, *, request: str | None = None, code: str | None = None, claimant_key: str | None = None,
        as_token: bool = False,
    ) -> GiveawayClaim:  # fmt: skip
        """Pay one claim. The claimant is the ``code`` when one is given, else ``claimant_key`` (the Nostr key the
        claim came from over the till's inbox), else the Nostr key in the NUT-18 ``request``. Paid to the
        ``request`` over its own transport, or as a token (with a code, a ``claimant_key``, or ``as_token``: the
        till answers the claim over the transport it came by)."""
        giveaway = self.giveaway(gid)
        if code and code.strip().lower().startswith(CLAIM_SCHEME):  # a flyer's QR, scanned at the till
            linked, code, _ = parse_claim_link(code)
            if linked != gid:
                raise UserFacingError(t("this code is for another giveaway"))
        if code:
            if not self.repo.code_of(gid, code.strip()):
                raise UserFacingError(t("this code is not one of the giveaway's"))
            claimant, since, limit = f"code:{code.strip()}", 0.0, 1  # a code is one claim, ever
        elif claimant_key or request:
            claimant = f"nostr:{claimant_key or self._claimant_key(request or '')}"
            since, limit = time.time() - giveaway.period, giveaway.per_claimant
        else:
            raise UserFacingError(t("a claim needs the claimant's payment request (with their Nostr key) or a code"))
        cid = self.repo.reserve(gid, claimant, giveaway.amount, since, limit)
        if cid is None:
            raise UserFacingError(self._refusal(self.giveaway(gid), claimant))
        data = {"giveaway": gid, "claim": cid}
        try:
            if request and not (code or claimant_key or as_token):
                async with PaymentsService(self.wallet) as payments:
                    prepared = await payments.prepare_payment(
                        request, None if decode_payment_request(request).amount else giveaway.amount,
                        mint=giveaway.mint_url,
                    )  # fmt: skip
                    if prepared.amount != giveaway.amount:
                        raise UserFacingError(
                            t("the request asks for {0}, the giveaway gives {1} {2}").format(
                                prepared.amount, giveaway.amount, giveaway.unit
                            )
                        )
                    result = await payments.pay(prepared)
                token, op_id = result.token or "", f"payment:{cid}"
            else:
                sent = await self.wallet.send(giveaway.amount, giveaway.mint_url, giveaway.unit,
                                              memo=giveaway.name, data=data)  # fmt: skip
                token, op_id = sent.token, sent.operation_id
        except (InsufficientBalance, UserFacingError):
            self.repo.drop(cid)  # refused before anything was sent
            raise
        return self.repo.finish(cid, token, op_id)

    @staticmethod
    def _claimant_key(request: str) -> str:
        try:
            parsed = decode_payment_request(request)
        except (ValueError, NutdeskError) as exc:
            raise UserFacingError(t("not a payment request: {0}").format(exc)) from None
        for transport in parsed.transports:
            if transport.type == "nostr":
                return nostr_destination(transport, ("wss://unused.invalid",))[0]
        raise UserFacingError(t("the payment request carries no Nostr key: claim with a one-time code"))

    def _refusal(self, giveaway: Giveaway, claimant: str) -> str:
        if giveaway.state != "open":
            return f"the giveaway {giveaway.name} is closed"
        if giveaway.left < giveaway.amount:
            self.repo.set_state(giveaway.id, "closed")  # it cannot pay another claim
            return f"the giveaway {giveaway.name} has given out its budget"
        if claimant.startswith("code:"):
            return "this code was already claimed"
        return "this claimant already claimed within the period"
