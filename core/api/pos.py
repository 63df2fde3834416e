"""``PosService``: the merchant's point of sale over a ``WalletService`` (composition).

A checkout: ``start_checkout(base, tip=…, memo=…)`` records a sale (``waiting``) and a NUT-18 ``creqA`` request
(amount, unit, accepted mints, the ``post`` transport when the shop runs the listener, the ``nostr`` transport
when relays are configured: customers' wallets send a NIP-17 private message to the shop's key). The customer pays by
posting to the request, by a pasted or scanned token (``pay_token``), or by a Lightning invoice
(``lightning_invoice`` + ``check_lightning``).

Ecash is checked before anything is redeemed (unit, the policy's mints, the amount — less than due is
refused —, the mint's input fee cap); its proofs' secrets are recorded with the sale (``received``): the same
proofs can never pay twice. Then the sale is ``settling``: the ecash is redeemed through the journaled
receive (operation kind ``sale``, its data carrying ``sale``, ``tip``, ``fiat_rate``) and, when the policy
forwards it, melted to the merchant's Lightning backend (journaled melt). Only when that is final is the sale
``paid``; after a network break ``settle_pending()`` finishes it from the journal: never lost, never counted twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Callable
from decimal import Decimal
from typing import TextIO

import httpx

from core.api.analytics import AnalyticsService
from core.api.backends import BackendsService
from core.api.payments import RatesService, fiat_currency
from core.api.pos_checks import webhook_url
from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.errors import NutdeskError, UserFacingError
from core.httpread import read_capped
from core.i18n import t
from core.mint_client.http import normalize_mint_url
from core.pos.base import CASHIER_SETTING, LOCK_SETTING
from core.pos.catalog import Item, SaleLine, parse_item_spec
from core.pos.checkout import CheckoutSession, PaymentRefused, owed, tip_for_percent
from core.pos.deliveries import Delivery
from core.pos.giveaway_repo import GiveawayClaim
from core.pos.lightning import LightningCharge
from core.pos.offline import Offline
from core.pos.policy import PosPolicy, SettlementMode, Webhook
from core.pos.repo import SaleRepository
from core.pos.reports import build_zreport, receipt_lines, write_zreport_csv
from core.pos.signed import RECEIPT_KIND, ReceiptCheck, parse_event, verify_receipt
from core.pos.types import FailureReason, Refund, Sale, SaleState, Settlement, ShiftTotals, ZReport
from core.pos.webhooks import SIGNATURE_HEADER, sign
from core.protocol.nut10 import KIND_P2PK
from core.protocol.payment_requests import Nut10Option, PaymentRequest, Transport

__all__ = [
    "CASHIER_SETTING",
    "LOCK_SETTING",
    "RECEIPT_KIND",
    "SIGNATURE_HEADER",
    "CheckoutSession",
    "Delivery",
    "FailureReason",
    "Item",
    "LightningCharge",
    "PaymentRefused",
    "PosPolicy",
    "PosService",
    "ReceiptCheck",
    "Refund",
    "Sale",
    "SaleLine",
    "SaleState",
    "Settlement",
    "SettlementMode",
    "ShiftTotals",
    "Webhook",
    "ZReport",
    "normalize_mint_url",
    "parse_event",
    "parse_item_spec",
    "receipt_lines",
    "sign",
    "tip_for_percent",
    "verify_receipt",
    "write_zreport_csv",
]

_WEBHOOK_ANSWER_CAP = 64 * 1024  # a webhook endpoint's answer: only its status is used

log = logging.getLogger(__name__)


class PosService(Offline):
    """The till, over a ``WalletService``: the facade the CLI and the GUI use. The money logic is in ``core.pos``
    (base → settlement → lightning → pending → intake → transports → selling → offline, and refunds); here:
    opening and closing, starting a checkout, refunds, shifts, webhooks (posted with ``http``) and the background
    loop."""

    def __init__(
        self,
        wallet: WalletService,
        *,
        backends: BackendsService | None = None,
        rates: RatesService | None = None,
        http: httpx.AsyncClient | None = None,
        webhook_base_delay: float = 10.0,
    ) -> None:
        super().__init__(
            wallet, SaleRepository(wallet.store.db, till=wallet.config.till), backends=backends, rates=rates,
            webhook_base_delay=webhook_base_delay,
        )  # fmt: skip
        self.service = wallet
        self._http = http  # made on first use when not given (webhooks); closed by close() then
        self._own_http = http is None
        self.analytics = AnalyticsService(wallet)

    async def start_checkout(
        self,
        base: int,
        *,
        tip: int = 0,
        memo: str = "",
        fiat: Decimal | None = None,
        cashier: str | None = None,
    ) -> CheckoutSession:
        """A new sale of ``base`` (+ ``tip`` + the fee advance), waiting for payment, with its ``creqA``.

        ``fiat``: the amount was entered in the shop's currency (``base`` is its conversion): kept with the rate.
        """
        policy = self.policy()
        amount = owed(base, tip, policy)
        if cashier:
            self._check_cashier_name(cashier)
        if self.locked and policy.locked_max_charge and amount > policy.locked_max_charge:
            raise UserFacingError(t("a locked till charges at most {0} {1}")
                                  .format(policy.locked_max_charge, policy.unit))  # fmt: skip
        rate, currency = self._rate()
        fiat_amount = fiat
        if fiat_amount is None and rate is not None:
            fiat_amount = (Decimal(amount) * rate / Decimal(100_000_000)).quantize(Decimal("0.01"))
        request_id = secrets.token_hex(8)
        sale = self.repo.create_sale(
            unit=policy.unit,
            amount=amount,
            base_amount=base,
            tip=tip,
            fee_advance=policy.fee_advance,
            memo=memo,
            cashier=self.cashier if cashier is None else cashier,
            fiat_currency=currency if fiat_amount is not None else None,
            fiat_amount=fiat_amount,
            fiat_rate=rate,
            request_id=request_id,
        )
        transports: list[Transport] = []
        if self._listener is not None:
            transports.append(self._listener.transport(request_id))
        if policy.nostr_relays:
            transports.append((await self.start_nostr(policy)).transport())
        request = PaymentRequest(
            id=request_id,
            amount=amount,
            unit=policy.unit,
            single_use=True,
            mints=policy.accepted_mints(),
            description=f"{policy.shop_name}: {memo}" if memo else policy.shop_name,
            transports=tuple(transports),
            # Ecash locked to the shop's key can be taken while its mint is unreachable (core.pos.offline).
            nut10=Nut10Option(KIND_P2PK, self.lock_pubkey()) if policy.offline_locked else None,
        )
        if self._listener is not None:
            self._listener.add(request)
        session = CheckoutSession(sale, request.encode_creqa(), tuple(t.type for t in transports))
        self.sessions[sale.id] = session
        return session

    def cancel(self, sale_id: str) -> Sale:
        """Back to the keypad. Only a sale that took no money can be cancelled."""
        sale = self._sale(sale_id)
        lock = self._locks.get(sale.id)
        if lock is not None and lock.locked():  # a token for it is with the mint: the sale may be paid any moment
            raise UserFacingError(t("a payment for {0} is being checked with the mint: it cannot be cancelled now "
                                    "(it finishes by itself)").format(sale.receipt_id))  # fmt: skip
        if sale.state not in (SaleState.WAITING, SaleState.FAILED):
            raise UserFacingError(t("the sale is {0}: it cannot be cancelled now").format(sale.state))
        sale = self._update(sale.id, SaleState.CANCELLED)
        self.sessions.pop(sale.id, None)
        return sale

    # --- what core.pos leaves to the API layer -------------------------------------------------

    def _record_fiat_rate(self, op_id: str, rate: Decimal, currency: str) -> None:
        self.analytics.record_fiat_rate(op_id, rate, currency)

    async def _resume_journal(self) -> None:
        await RecoveryService(self.service).recover()

    async def _giveaway_claim(
        self, gid: str, *, request: str | None, code: str | None, claimant_key: str | None
    ) -> GiveawayClaim:
        from core.api.giveaways import GiveawayService  # it imports the payments service: only when claimed

        claims = GiveawayService(self.service)
        return await claims.claim(gid, request=request, code=code, claimant_key=claimant_key, as_token=True)

    async def close(self) -> None:
        if self._listener is not None:
            await self._listener.close()
            self._listener = None
        await self.stop_nostr()
        if self._own_http and self._http is not None:
            await self._http.aclose()
            self._http = None

    async def __aenter__(self) -> PosService:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def currency(self) -> str:
        return self.policy().fiat_currency or fiat_currency(self.service)

    def refunds(self, sale_id: str | None = None, *, finished: bool | None = True) -> list[Refund]:
        """Recorded refunds (``finished=False``: those a crash left between send and record; None: all)."""
        return self.repo.refunds(sale_id=sale_id, finished=finished)

    async def refund(self, sale_id: str, amount: int | None = None, *, key: str | None = None) -> Refund:
        """Issue an ecash token for part or all of a paid sale (``sale_id``: its id or receipt number, R-000006),
        at most what is left to refund. ``key``: the idempotency key (the same key never refunds twice)."""
        sale = self._sale(sale_id)
        if sale.offline_state in ("pending", "lost"):  # the shop does not hold that ecash (yet, or ever)
            pending = t("{0} cannot be refunded: its ecash is not redeemed yet (accepted offline)")
            spent = t("{0} cannot be refunded: its ecash was already spent")
            raise UserFacingError((pending if sale.offline_state == "pending" else spent).format(sale.receipt_id))
        policy = self.policy()
        refund = await self.refunder.refund(
            sale, amount, key=key, cashier=self.cashier, shift_id=self.repo.current_shift(),
            max_amount=policy.locked_max_refund if self.locked else 0,
        )  # fmt: skip
        await self.deliver_webhooks()  # "sale.refunded" was queued when it was recorded (not for a replayed key)
        return refund

    def zreport(self, shift_id: int | None = None) -> ZReport:
        shift_id = self.repo.current_shift() if shift_id is None else shift_id
        opened, closed = self.repo.shift(shift_id)
        policy = self.policy()
        sales = self.repo.sales(shift_id=shift_id)
        return build_zreport(
            policy.shop_name, shift_id, opened, closed, sales, self.repo.refunds(shift_id=shift_id), policy.unit,
            self.repo.failed_attempts(shift_id), self.catalog.lines([s.id for s in sales]),
        )  # fmt: skip

    def shop_zreport(self) -> ZReport:
        """The whole shop's Z-report: every till's open shift together (each till's own is ``zreport``)."""
        shifts = sorted(self.repo.open_shifts().values())
        policy = self.policy()
        sales = [sale for shift_id in shifts for sale in self.repo.sales(shift_id=shift_id)]
        refunds = [refund for shift_id in shifts for refund in self.repo.refunds(shift_id=shift_id)]
        opened = min((self.repo.shift(shift_id)[0] for shift_id in shifts), default=0.0)
        failed = sum(self.repo.failed_attempts(shift_id) or 0 for shift_id in shifts)
        return build_zreport(
            policy.shop_name, 0, opened, None, sales, refunds, policy.unit, failed,
            self.catalog.lines([s.id for s in sales]), shop_wide=True,
        )  # fmt: skip

    def close_shift(self) -> ZReport:
        """Close the open shift (a new one opens with the next sale) and return its Z-report."""
        self._refuse_when_locked(t("close the shift"))
        shift_id = self.repo.current_shift()
        self.repo.close_shift(shift_id, self.cashier)
        return self.zreport(shift_id)

    def write_zreport_csv(self, report: ZReport, out: TextIO) -> None:
        write_zreport_csv(report, out)

    async def deliver_webhooks(self) -> int:
        """Attempt every due webhook delivery once (retries back off); returns how many were delivered."""
        if not self.webhooks.due():
            return 0
        if self._http is None:
            self._http = httpx.AsyncClient(trust_env=False, timeout=httpx.Timeout(30.0))
        return await self.webhooks.deliver_due(self._post_webhook, self.policy().webhooks)

    async def _post_webhook(self, url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
        assert self._http is not None
        try:
            # The shop's endpoint is another server: one deadline for the whole delivery, and only its status is
            # read — the body of a refusal under a small cap — so a slow or huge answer cannot hold the till.
            async with asyncio.timeout(15.0), self._http.stream("POST", url, content=body, headers=headers) as answer:
                if answer.is_success:
                    return answer.status_code, ""
                text = (await read_capped(answer, _WEBHOOK_ANSWER_CAP)).decode("utf-8", errors="replace")
                return answer.status_code, f"HTTP {answer.status_code}: {text[:200]}"
        except (httpx.HTTPError, TimeoutError, NutdeskError) as exc:
            return None, f"{type(exc).__name__}: {exc}"

    def webhook_log(self) -> list[Delivery]:
        return self.webhooks.repo.deliveries()

    def add_webhook(self, url: str, secret: str = "") -> Webhook:
        """POST paid/refunded events to ``url``, signed with ``secret`` (a random one when empty: shown once)."""
        url = webhook_url(url)
        hook = Webhook(url, secret.strip() or secrets.token_hex(32))
        kept = tuple(w for w in self.policy().webhooks if w.url != url)
        self.configure(webhooks=(*kept, hook))
        return hook

    def remove_webhook(self, url: str) -> None:
        hooks = self.policy().webhooks
        if not any(w.url == url for w in hooks):
            raise UserFacingError(t("no webhook {0}").format(url))
        self.configure(webhooks=tuple(w for w in hooks if w.url != url))

    async def housekeeping(self) -> list[Sale]:
        """One pass of the background work: settle what is pending, sweep exposure, deliver webhooks.

        Returns the sales it settled (or failed)."""
        changed = await self.settle_pending()
        changed += await self.redeem_offline()
        if self.policy().exposure_caps:
            await self.sweep_exposure()
        await self.deliver_webhooks()
        await self.serve_giveaways()  # an open giveaway's claims arrive over the inbox and the listener
        await self.deliver_nostr_mail()  # signed receipts and giveaway ecash to customers' Nostr keys
        return changed

    async def run_background(
        self,
        stop: asyncio.Event,
        interval: float = 15.0,
        on_change: Callable[[list[Sale]], None] | None = None,
    ) -> None:
        """``housekeeping`` every ``interval`` seconds until ``stop`` is set; ``on_change`` hears settled sales.

        A failed pass is logged and the loop goes on (webhook retries back off by their own schedule)."""
        while not stop.is_set():
            try:
                changed = await self.housekeeping()
            except Exception:
                log.exception("point-of-sale housekeeping failed")
            else:
                if changed and on_change is not None:
                    on_change(changed)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(interval):  # in this task: a cancel leaves no waiter behind
                    await stop.wait()
