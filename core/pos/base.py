"""The till's core state and the rules every part shares: the shop's policy, the cashier lock and the cashiers,
looking sales up (by id or receipt number) and changing them, and marking one paid (webhooks queued).

The point of sale is split by concern, each a layer over the one before: ``TillBase`` → ``Settling``
(settlement.py) → ``LightningPay`` (lightning.py) → ``PendingSales`` (pending.py) → ``Intake`` (intake.py) →
``Transports`` (transports.py), and ``core.api.pos.PosService`` on top, the facade the front ends use. Refunds are
their own object (refunds.py). None of them does SQL or HTTP: storage is reached through ``SaleRepository`` and the
wallet's store, mints through the wallet (``PosWallet``), and the facade supplies what lives in ``core.api``
(the wallet's recovery, analytics, webhook posting) by overriding the hooks at the end of ``TillBase``.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from core.errors import InvalidPassword, UserFacingError
from core.i18n import t
from core.nostr.crypto import NostrKeys
from core.pos.checkout import CheckoutSession
from core.pos.deliveries import DeliveryRepository
from core.pos.nostr import NostrInbox
from core.pos.policy import POLICY_SETTING, Cashier, PosPolicy, hash_pin, verify_pin
from core.pos.ports import PosBackends, PosRates, PosWallet
from core.pos.pricing import PriceCache
from core.pos.refunds import Refunds
from core.pos.repo import SaleRepository
from core.pos.reports import receipt_lines
from core.pos.types import Refund, Sale, SaleState, receipt_number
from core.pos.webhooks import WebhookDispatcher

__all__ = ["CASHIER_SETTING", "LOCK_SETTING", "TillBase"]

LOCK_SETTING = "pos:lock"
CASHIER_SETTING = "pos:cashier"


class TillBase:
    """``backends`` forwards ecash to the merchant's Lightning (optional: trusted-only needs none); ``rates``
    converts fiat entry and records the rate."""

    def __init__(
        self,
        wallet: PosWallet,
        repo: SaleRepository,
        *,
        backends: PosBackends | None = None,
        rates: PosRates | None = None,
        webhook_base_delay: float = 10.0,
    ) -> None:
        self.wallet = wallet
        self.backends = backends
        self.rates = rates
        self.repo = repo
        self.refunder = Refunds(wallet, repo, on_recorded=self._refunded)  # the webhook, once per refund
        self.webhooks = WebhookDispatcher(DeliveryRepository(repo.db), base_delay=webhook_base_delay)
        self.sessions: dict[str, CheckoutSession] = {}
        self._locks: dict[str, asyncio.Lock] = {}  # one payment (or settling pass) at a time per sale
        self._listener: Any = None  # a started PaymentRequestListener (post transport)
        self.prices = PriceCache()  # mints' prices of their usd/eur ecash
        self._nostr: NostrInbox | None = None  # the NIP-17 inbox (nostr transport)
        self._nostr_keys: NostrKeys | None = None
        # Who is at the till (recorded with sales and refunds); kept in the wallet, so a restart keeps it.
        # With several tills on one wallet, each till has its own signed-in cashier.
        self._cashier_key = f"{CASHIER_SETTING}:{repo.till}" if repo.till else CASHIER_SETTING
        self._lock_key = f"{LOCK_SETTING}:{repo.till}" if repo.till else LOCK_SETTING  # the lock is the till's too
        self.cashier = wallet.store.get_setting(self._cashier_key) or ""

    def policy(self) -> PosPolicy:
        raw = self.wallet.store.get_setting(POLICY_SETTING)
        if raw is None:
            trusted = tuple(m.url for m in self.wallet.list_mints() if m.trusted)
            return PosPolicy(trusted_mints=trusted)
        return PosPolicy.from_json(json.loads(raw))

    def configure(self, **changes: Any) -> PosPolicy:
        """Change the shop's policy (refused while the cashier lock is on)."""
        self._refuse_when_locked(t("change the settings"))
        if "pin" in changes:
            pin = changes.pop("pin")
            changes["pin_hash"] = hash_pin(pin) if pin else ""
        policy = self.policy().with_changes(**changes)
        self.wallet.store.set_setting(POLICY_SETTING, policy.dumps())
        return policy

    @property
    def locked(self) -> bool:
        """The cashier lock. Kept in the wallet's settings: a restart (or a killed app) comes back locked."""
        return self.wallet.store.get_setting(self._lock_key) is not None

    def lock(self, cashier: str = "") -> None:
        if not self.policy().pin_hash:
            raise UserFacingError(t("set a PIN first (POS settings)"))
        if cashier:
            self._check_cashier_name(cashier)
            self._set_cashier(cashier)
        self.wallet.store.set_setting(self._lock_key, json.dumps({"since": time.time()}))

    def unlock(self, pin: str) -> None:
        if not verify_pin(pin, self.policy().pin_hash):
            raise InvalidPassword(t("wrong PIN"))
        self.wallet.store.delete_setting(self._lock_key)

    def add_cashier(self, name: str, pin: str) -> None:
        """A cashier who signs in at the till with their own PIN (refused while locked)."""
        self._refuse_when_locked(t("change the settings"))
        name = name.strip()
        if not name:
            raise UserFacingError(t("a cashier needs a name"))
        kept = tuple(c for c in self.policy().cashiers if c.name != name)
        self.configure(cashiers=(*kept, Cashier(name, hash_pin(pin))))

    def remove_cashier(self, name: str) -> None:
        cashiers = self.policy().cashiers
        if not any(c.name == name for c in cashiers):
            raise UserFacingError(t("no cashier {0!r}").format(name))
        self.configure(cashiers=tuple(c for c in cashiers if c.name != name))
        if self.cashier == name:
            self.sign_out()

    def sign_in(self, name: str, pin: str) -> None:
        """``name`` takes the till (allowed while locked: that is how shifts change hands)."""
        found = next((c for c in self.policy().cashiers if c.name == name), None)
        if found is None or not verify_pin(pin, found.pin_hash):
            raise InvalidPassword(t("wrong cashier or PIN"))
        self._set_cashier(name)

    def _check_cashier_name(self, name: str) -> None:
        """With cashiers set up, a sale or lock can only name one of them who signed in (their PIN proved it)."""
        cashiers = self.policy().cashiers
        if cashiers and name != self.cashier:
            known = ", ".join(c.name for c in cashiers)
            raise UserFacingError(
                t("{0!r} has not signed in at this till (cashiers: {1}); sign in with the PIN").format(name, known)
            )

    def sign_out(self) -> None:
        self._set_cashier("")

    def signed_in_tills(self) -> dict[str, str]:
        """Who is signed in at each till of this wallet: till name ("" for an unnamed till) → cashier."""
        found = self.wallet.store.settings_with_prefix(CASHIER_SETTING)
        tills = {
            key[len(CASHIER_SETTING) + 1 :]: name
            for key, name in found.items()
            if key.startswith(f"{CASHIER_SETTING}:")
        }
        if found.get(CASHIER_SETTING):
            tills[""] = found[CASHIER_SETTING]
        return {till: name for till, name in sorted(tills.items()) if name}

    def _set_cashier(self, name: str) -> None:
        self.cashier = name
        if name:
            self.wallet.store.set_setting(self._cashier_key, name)
        else:
            self.wallet.store.delete_setting(self._cashier_key)

    def _refuse_when_locked(self, what: str) -> None:
        if self.locked:
            raise UserFacingError(t("the till is locked: a cashier cannot {0}; unlock with the PIN").format(what))

    def check_unlocked(self, what: str) -> None:
        """For the front ends: raise unless the lock is off (seed, token export, settings, leaving POS mode)."""
        self._refuse_when_locked(what)

    def fiat_to_amount(self, fiat: Decimal) -> tuple[int, Decimal, str]:
        """(sats, the rate used, currency) for a fiat entry; ``UserFacingError`` without a fresh rate."""
        if self.rates is None or (rate := self.rates.rate()) is None:
            raise UserFacingError(t("no fresh exchange rate: enter the amount in sat"))
        sats = self.rates.sats_for(fiat)
        assert sats is not None
        return sats, rate, self.rates.currency

    def _rate(self) -> tuple[Decimal | None, str]:
        """(fiat per BTC, currency) now, every digit (the sale keeps them all); (None, currency) without a rate."""
        currency = self.currency()
        if self.rates is None:
            return None, currency
        rate = self.rates.rate()
        return rate, self.rates.currency

    def session(self, sale_id: str) -> CheckoutSession:
        found = self.sessions.get(sale_id)
        if found is None:
            sale = self._sale(sale_id)
            found = CheckoutSession(sale, "")
            self.sessions[sale_id] = found
        return found

    def _sale(self, sale_id: str) -> Sale:
        """A sale by its id or its receipt number as printed (R-000006; R6 and r-6 too)."""
        sale = self.repo.get(sale_id)
        if sale is None and (number := receipt_number(sale_id)) is not None:
            sale = self.repo.by_number(number)
        if sale is None:
            raise UserFacingError(t("no sale {0}").format(sale_id))
        return sale

    def _update(self, sale_id: str, state: SaleState | None = None, **fields: Any) -> Sale:
        sale = self.repo.update(sale_id, state=state, **fields)
        if sale_id in self.sessions:
            self.sessions[sale_id].update(sale)
        return sale

    def _paid(self, sale: Sale, **fields: Any) -> Sale:
        sale = self._update(sale.id, SaleState.PAID, **fields)
        policy = self.policy()
        if policy.webhooks:
            self.webhooks.enqueue(policy.webhooks, "sale.paid", sale.id, sale.to_json())
        return sale

    def sales(self, *, limit: int | None = 50, states: Sequence[str] | None = None) -> list[Sale]:
        return self.repo.sales(states=states, limit=limit)

    def sale(self, sale_id: str) -> Sale:
        return self._sale(sale_id)

    def receipt(self, sale_id: str) -> list[tuple[str, str]]:
        sale = self._sale(sale_id)
        return receipt_lines(sale, self.policy().shop_name, self.repo.refunds(sale_id=sale_id))

    def _count_failure(self, sale: Sale) -> None:
        """A refused payment counts in the Z-report's failed attempts, even when the sale is paid afterwards."""
        self.repo.count_failed_attempt(sale.shift_id if sale.shift_id is not None else self.repo.current_shift())

    async def _refunded(self, refund: Refund) -> None:
        policy = self.policy()
        if policy.webhooks:
            self.webhooks.enqueue(policy.webhooks, "sale.refunded", refund.sale_id, {
                **self._sale(refund.sale_id).to_json(),
                "refund": {k: v for k, v in refund.to_json().items() if k != "token"},
            })  # fmt: skip

    def _balance(self, mint: str, unit: str) -> int:
        return sum(b.balance for b in self.wallet.balances() if b.mint_url == mint and b.unit == unit)

    # --- hooks the facade provides (they live in core.api) -------------------------------------

    def currency(self) -> str:
        """The shop's fiat currency."""
        raise NotImplementedError

    def _record_fiat_rate(self, op_id: str, rate: Decimal, currency: str) -> None:
        """Keep the sale's exchange rate with its journal entry (analytics values it at that rate)."""
        raise NotImplementedError

    async def _resume_journal(self) -> None:
        """Let the wallet's recovery resume unfinished journal entries."""
        raise NotImplementedError

    async def deliver_webhooks(self) -> int:
        """Attempt every due webhook delivery once; returns how many were delivered."""
        raise NotImplementedError
