"""The shop's settlement policy (as BTCNutServer's), kept as JSON in the wallet's settings (``pos:policy``).

- ``trusted_only``: ecash from a trusted mint is swapped into fresh proofs there; any other mint is refused.
- ``hold_when_trusted``: swap when the mint is trusted, otherwise melt the ecash to the merchant's backend.
- ``always_forward``: melt everything to the merchant's Lightning backend.

Fee caps refuse a payment before anything is redeemed: the mint's input fee above ``max_input_fee_pct`` of the
amount, or (when forwarding) a Lightning fee reserve above ``max_lightning_fee_pct``. ``fee_advance`` is a
fixed amount added to what the customer owes, covering those fees. ``unit_pricing`` says whether (and at what
price) ecash in another unit — dollar tokens for a sat sale — is accepted (``core.pos.pricing``).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from typing import Any

from core.errors import UserFacingError
from core.i18n import t
from core.mint_client.http import normalize_mint_url
from core.nostr.relay import check_relay_url, unique_relays
from core.pos.pricing import UnitPricing

__all__ = ["POLICY_SETTING", "Cashier", "PosPolicy", "SettlementMode", "Webhook", "hash_pin", "verify_pin"]

POLICY_SETTING = "pos:policy"


class SettlementMode(enum.StrEnum):
    TRUSTED_ONLY = "trusted_only"
    HOLD_WHEN_TRUSTED = "hold_when_trusted"
    ALWAYS_FORWARD = "always_forward"


@dataclass(frozen=True)
class Webhook:
    url: str
    secret: str


@dataclass(frozen=True)
class Cashier:
    """Someone who works the till: sales and refunds are recorded under the name they signed in with."""

    name: str
    pin_hash: str


def _percent(value: float) -> Decimal:
    """A fee cap as the decimal the shop typed (0.57, not 0.56999…): the cap is compared exactly, in Decimal
    (with floats, a 57 sat fee on 10,000 sat was over a 0.57 % cap)."""
    return Decimal(repr(value))


@dataclass(frozen=True)
class PosPolicy:
    shop_name: str = "Nutdesk shop"
    mode: SettlementMode = SettlementMode.TRUSTED_ONLY
    trusted_mints: tuple[str, ...] = ()
    max_input_fee_pct: float = 2.0
    max_lightning_fee_pct: float = 2.0
    fee_advance: int = 0
    backend: str = ""  # the name of a saved Lightning backend (BackendsService) to forward to
    unit: str = "sat"
    fiat_currency: str = ""  # empty: the wallet's display currency
    unit_pricing: str = "mint"  # ecash in usd/eur for a sat sale, priced by: mint · rates · off (core.pos.pricing)
    tip_presets: tuple[int, ...] = (10, 15, 20)
    exposure_caps: dict[str, int] = field(default_factory=dict)  # mint URL → the most to hold there
    webhooks: tuple[Webhook, ...] = ()
    post_endpoint: str = ""  # "host:port" of the local payment-request listener; empty: none
    post_public_url: str = ""  # the base URL customers reach it at (behind a proxy)
    nostr_relays: tuple[str, ...] = ()  # relays of the NIP-17 transport; empty: none
    pin_hash: str = ""  # the cashier lock's PIN (salted PBKDF2); empty: no lock
    locked_max_charge: int = 0  # 0: no limit while locked
    locked_max_refund: int = 0
    # Offline acceptance (core.pos.offline): ask for ecash locked to the shop's key; caps on unlocked ecash
    # taken while its mint is unreachable (0: none taken), per sale and in total per mint.
    offline_locked: bool = False
    offline_sale_cap: int = 0
    offline_mint_cap: int = 0
    cashiers: tuple[Cashier, ...] = ()  # empty: sales carry no cashier (or the CLI's --cashier name)

    # --- decisions -----------------------------------------------------------------------------

    def is_trusted(self, mint_url: str) -> bool:
        return normalize_mint_url(mint_url) in self.trusted_mints

    def settlement_for(self, mint_url: str) -> str | None:
        """ "swap", "melt", or None (refused) for ecash from ``mint_url``."""
        trusted = self.is_trusted(mint_url)
        if self.mode is SettlementMode.ALWAYS_FORWARD:
            return "melt"
        if trusted:
            return "swap"
        return "melt" if self.mode is SettlementMode.HOLD_WHEN_TRUSTED else None

    def accepted_mints(self) -> tuple[str, ...]:
        """The mints a payment request lists: only the trusted ones in trusted-only mode, else any (empty)."""
        return self.trusted_mints if self.mode is SettlementMode.TRUSTED_ONLY else ()

    def input_fee_ok(self, fee: int, amount: int) -> bool:
        # One unit is the smallest fee a mint can charge: never refused, or small sales could not be paid.
        return fee <= 1 or fee * 100 <= _percent(self.max_input_fee_pct) * amount

    def lightning_fee_ok(self, fee_reserve: int, amount: int) -> bool:
        return fee_reserve * 100 <= _percent(self.max_lightning_fee_pct) * amount

    # --- storage -------------------------------------------------------------------------------

    def with_changes(self, **changes: Any) -> PosPolicy:
        if "trusted_mints" in changes:
            changes["trusted_mints"] = tuple(dict.fromkeys(normalize_mint_url(m) for m in changes["trusted_mints"]))
        if "nostr_relays" in changes:
            changes["nostr_relays"] = tuple(unique_relays(check_relay_url(r) for r in changes["nostr_relays"]))
        if "mode" in changes:
            try:
                changes["mode"] = SettlementMode(changes["mode"])
            except ValueError as exc:
                modes = ", ".join(m.value for m in SettlementMode)
                raise UserFacingError(
                    t("unknown settlement mode {0!r} (one of {1})").format(changes["mode"], modes)
                ) from exc
        if "unit_pricing" in changes:
            try:
                changes["unit_pricing"] = UnitPricing(changes["unit_pricing"]).value
            except ValueError as exc:
                choices = ", ".join(p.value for p in UnitPricing)
                raise UserFacingError(
                    t("unknown unit pricing {0!r} (one of {1})").format(changes["unit_pricing"], choices)
                ) from exc
        policy = replace(self, **changes)
        policy.check()
        return policy

    def check(self) -> None:
        if min(self.offline_sale_cap, self.offline_mint_cap) < 0:
            raise UserFacingError(t("offline limits cannot be negative"))
        if self.max_input_fee_pct < 0 or self.max_lightning_fee_pct < 0 or self.fee_advance < 0:
            raise UserFacingError(t("fee limits and the fee advance cannot be negative"))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["mode"] = self.mode.value
        data["trusted_mints"] = list(self.trusted_mints)
        data["tip_presets"] = list(self.tip_presets)
        data["nostr_relays"] = list(self.nostr_relays)
        data["webhooks"] = [asdict(w) for w in self.webhooks]
        data["cashiers"] = [asdict(c) for c in self.cashiers]
        return data

    def public_json(self) -> dict[str, Any]:
        """Safe to print: the PIN hash and webhook secrets masked."""
        data = self.to_json()
        data["pin_hash"] = "***" if self.pin_hash else ""
        data["webhooks"] = [{"url": w.url, "secret": "***"} for w in self.webhooks]
        data["cashiers"] = [c.name for c in self.cashiers]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PosPolicy:
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        values["mode"] = SettlementMode(values.get("mode", SettlementMode.TRUSTED_ONLY.value))
        for key in ("trusted_mints", "tip_presets", "nostr_relays"):
            if key in values:
                values[key] = tuple(values[key])
        values["webhooks"] = tuple(Webhook(**w) for w in values.get("webhooks", []))
        values["cashiers"] = tuple(Cashier(**c) for c in values.get("cashiers", []))
        values["exposure_caps"] = {str(k): int(v) for k, v in values.get("exposure_caps", {}).items()}
        return cls(**values)

    def dumps(self) -> str:
        return json.dumps(self.to_json(), sort_keys=True)


_PBKDF2_ROUNDS = 200_000


def hash_pin(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise UserFacingError(t("a PIN is 4 to 12 digits"))
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, _PBKDF2_ROUNDS)
    return f"pbkdf2-sha256${_PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        _, rounds, salt, digest = stored.split("$")
        computed = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(computed.hex(), digest)
