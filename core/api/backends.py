"""``BackendsService``: saved Lightning backends, and moving money between them and the mints.

Composed with ``WalletService``: configs live in the wallet's settings (``backend:<name>`` as JSON, the
list of names under ``backends``); options a backend type declares ``secret`` are encrypted with the wallet
password when the wallet has one. The concrete backend classes come from a registry object passed in
(``core`` never imports ``backends``).

- ``topup(amount, mint, backend)``: a mint quote (journaled by the wallet), the backend pays its invoice,
  then the wallet waits for the mint to see it paid and mints. A payment whose outcome is unknown is never
  treated as failed: the wallet keeps waiting on the quote, and the quote stays in the wallet for later.
- ``withdraw(amount, mint, backend)``: the backend makes an invoice, the wallet melts into it (the journaled
  melt), then the backend is asked whether the invoice shows paid.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.api.service import WalletService
from core.errors import (
    BackendError,
    ConfigError,
    InvalidPassword,
    PaymentFailed,
    PaymentPending,
    QuoteNotPaid,
    UserFacingError,
)
from core.i18n import t
from core.ports.lightning import (
    BackendStatus,
    BackendTypes,
    Capabilities,
    LightningBackend,
    OptionSpec,
    PaymentResult,
    PaymentState,
)
from core.wallet.seed import decrypt_secret, encrypt_secret, is_encrypted

__all__ = ["BackendConfig", "BackendsService", "TopupResult", "WithdrawResult"]

_INDEX_KEY = "backends"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def _setting_key(name: str) -> str:
    return f"backend:{name}"


@dataclass(frozen=True)
class BackendConfig:
    """One saved backend: its name, type and options (secrets decrypted only when loaded with the password)."""

    name: str
    type: str
    options: dict[str, str]
    secret_names: frozenset[str] = field(default_factory=frozenset)

    def public_json(self) -> dict[str, Any]:
        """Safe to print: secret values are masked."""
        return {
            "name": self.name,
            "type": self.type,
            "options": {k: ("***" if k in self.secret_names else v) for k, v in sorted(self.options.items())},
        }


@dataclass(frozen=True)
class TopupResult:
    amount: int
    minted: int
    quote: str
    payment: PaymentResult

    def to_json(self) -> dict[str, Any]:
        return {
            "amount": self.amount,
            "minted": self.minted,
            "quote": self.quote,
            "payment_hash": self.payment.payment_hash,
            "lightning_fee_msat": self.payment.fee_msat,
        }


@dataclass(frozen=True)
class WithdrawResult:
    amount: int
    fee: int
    preimage: str | None
    payment_hash: str
    operation_id: str
    received: PaymentState

    def to_json(self) -> dict[str, Any]:
        return {
            "amount": self.amount,
            "fee": self.fee,
            "preimage": self.preimage,
            "payment_hash": self.payment_hash,
            "received": str(self.received),
        }


class BackendsService:
    """Backends saved in one wallet. ``password``: the wallet password, needed to read or write secrets."""

    def __init__(self, wallet: WalletService, registry: BackendTypes, password: str | None = None) -> None:
        self.wallet = wallet
        self.registry = registry
        self.password = password
        self._open: dict[str, LightningBackend] = {}

    async def aclose(self) -> None:
        opened, self._open = self._open, {}
        for backend in opened.values():
            await backend.aclose()

    # --- saved configurations ------------------------------------------------------------------

    def names(self) -> list[str]:
        raw = self.wallet.store.get_setting(_INDEX_KEY)
        return list(json.loads(raw)) if raw else []

    def _options_spec(self, type_name: str) -> tuple[OptionSpec, ...]:
        return tuple(self.registry.get(type_name).options)

    def types(self) -> list[dict[str, Any]]:
        """The registered backend types with their options (and, when cheap, capabilities)."""
        found = []
        for type_name in self.registry.list():
            cls = self.registry.get(type_name)
            found.append(
                {
                    "type": type_name,
                    "options": [
                        {"name": o.name, "required": o.required, "secret": o.secret, "help": o.help}
                        for o in cls.options
                    ],
                }
            )
        return found

    def add(self, name: str, type_name: str, options: Mapping[str, str], *, replace: bool = False) -> BackendConfig:
        if not _NAME.match(name):
            raise UserFacingError(t("a backend name is letters, digits, '.', '_' or '-' (at most 64)"))
        if name in self.names() and not replace:
            raise UserFacingError(t("a backend named {0!r} exists already (remove it first)").format(name))
        cls = self.registry.get(type_name)
        canonical = getattr(cls, "type_name", type_name)
        specs = {o.name: o for o in cls.options}
        unknown = sorted(set(options) - set(specs))
        if unknown:
            raise UserFacingError(
                t("{0} has no option {1} (its options: {2})").format(
                    canonical, ", ".join(unknown), ", ".join(specs) or "none"
                )
            )
        values = {k: v for k, v in options.items()}
        for spec in specs.values():
            if spec.name not in values and spec.default is not None:
                values[spec.name] = spec.default
        missing = [s.name for s in specs.values() if s.required and not values.get(s.name)]
        if missing:
            raise UserFacingError(t("{0} needs {1}").format(canonical, " ".join(f"--opt {m}=…" for m in missing)))
        config = BackendConfig(name, canonical, values, frozenset(s.name for s in specs.values() if s.secret))
        self._save(config)
        return config

    def _save(self, config: BackendConfig) -> None:
        plain = {k: v for k, v in config.options.items() if k not in config.secret_names}
        secrets = {k: v for k, v in config.options.items() if k in config.secret_names}
        if self.wallet.password_protected:
            if not self.password:
                raise InvalidPassword(t("the wallet password is needed to store a backend's secrets"))
            secrets = {k: encrypt_secret(v, self.password) for k, v in secrets.items()}
        record = {"type": config.type, "options": plain, "secrets": secrets}
        with self.wallet.store.atomic():
            self.wallet.store.set_setting(_setting_key(config.name), json.dumps(record, sort_keys=True))
            names = self.names()
            if config.name not in names:
                self.wallet.store.set_setting(_INDEX_KEY, json.dumps([*names, config.name]))

    def get(self, name: str, *, with_secrets: bool = True) -> BackendConfig:
        raw = self.wallet.store.get_setting(_setting_key(name))
        if raw is None:
            known = ", ".join(self.names()) or "none yet"
            raise ConfigError(t("no backend named {0!r} (configured: {1})").format(name, known))
        record = json.loads(raw)
        options = dict(record.get("options", {}))
        stored_secrets: dict[str, str] = dict(record.get("secrets", {}))
        for key, value in stored_secrets.items():
            if not with_secrets:
                options[key] = ""
            elif is_encrypted(value):
                if not self.password:
                    raise InvalidPassword(t("the wallet password is needed to use backend {0!r}").format(name))
                options[key] = decrypt_secret(value, self.password)
            else:
                options[key] = value
        return BackendConfig(name, str(record["type"]), options, frozenset(stored_secrets))

    def list(self) -> list[BackendConfig]:
        return [self.get(n, with_secrets=False) for n in self.names()]

    async def remove(self, name: str) -> None:
        self.get(name, with_secrets=False)
        with self.wallet.store.atomic():
            self.wallet.store.delete_setting(_setting_key(name))
            self.wallet.store.set_setting(_INDEX_KEY, json.dumps([n for n in self.names() if n != name]))
        backend = self._open.pop(name, None)
        if backend is not None:
            await backend.aclose()

    def reencrypt(self, old_password: str | None, new_password: str | None) -> None:
        """After the wallet password changed: re-encrypt every backend's secrets (call before set_password)."""
        configs = []
        self.password = old_password
        for name in self.names():
            configs.append(self.get(name))
        self.password = new_password
        for config in configs:
            plain = {k: v for k, v in config.options.items() if k not in config.secret_names}
            secrets = {k: v for k, v in config.options.items() if k in config.secret_names}
            if new_password:
                secrets = {k: encrypt_secret(v, new_password) for k, v in secrets.items()}
            record = {"type": config.type, "options": plain, "secrets": secrets}
            self.wallet.store.set_setting(_setting_key(config.name), json.dumps(record, sort_keys=True))

    # --- instances -------------------------------------------------------------------------------

    def backend(self, name: str) -> LightningBackend:
        """The live backend for a saved config (one instance per name, closed by ``aclose``)."""
        if name not in self._open:
            config = self.get(name)
            self._open[name] = self.registry.get(config.type).from_options(config.options)
        return self._open[name]

    def capabilities(self, name: str) -> Capabilities:
        return self.backend(name).capabilities

    async def test(self, name: str) -> BackendStatus:
        return await self.backend(name).status()

    # --- money -----------------------------------------------------------------------------------

    async def topup(
        self, amount: int, mint_url: str, backend_name: str, *, unit: str = "sat", timeout: float = 120.0
    ) -> TopupResult:
        """Receive ``amount`` at ``mint_url`` paid from the backend: mint quote → backend pays → mint."""
        if amount <= 0:
            raise UserFacingError(t("the amount must be positive"))
        backend = self.backend(backend_name)
        quote = await self.wallet.create_invoice(amount, mint_url, unit)
        payment = await backend.pay_invoice(quote.request)
        if payment.state is PaymentState.FAILED:
            # The backend is certain nothing was paid: the quote simply stays unpaid.
            raise PaymentFailed(
                t("{0} could not pay the mint's invoice: {1} (quote {2} stays unpaid)").format(
                    backend_name, payment.error or "payment failed", quote.quote
                )
            )
        # SETTLED or PENDING/unknown: the mint is the judge. Wait for it to see the invoice paid, then mint.
        try:
            minted = await self.wallet.wait_and_mint(mint_url, quote.quote, timeout=timeout)
        except QuoteNotPaid as exc:
            if payment.state is PaymentState.PENDING:
                raise PaymentPending(
                    t(
                        "the payment from {0} is still pending; the mint quote {1} is kept and can be "
                        "minted later (nutdesk mint-quote {1})"
                    ).format(backend_name, quote.quote)
                ) from exc
            raise
        return TopupResult(amount, minted, quote.quote, payment)

    async def withdraw(
        self,
        amount: int,
        mint_url: str,
        backend_name: str,
        *,
        unit: str = "sat",
        memo: str = "Nutdesk withdrawal",
        max_fee: int | None = None,
    ) -> WithdrawResult:
        """Send ``amount`` from ``mint_url`` to the backend: backend invoice → prepared melt → melt."""
        if amount <= 0:
            raise UserFacingError(t("the amount must be positive"))
        backend = self.backend(backend_name)
        if unit not in backend.capabilities.units:
            raise BackendError(t("{0} cannot make invoices in {1}").format(backend_name, unit))
        invoice = await backend.create_invoice(amount, unit=unit, memo=memo)
        prepared = await self.wallet.prepare_melt(invoice.bolt11, mint_url, unit)
        if max_fee is not None and prepared.total - prepared.amount > max_fee:
            raise UserFacingError(
                t("the melt may cost up to {0} {1} in fees, above the limit {2}").format(
                    prepared.total - prepared.amount, unit, max_fee
                )
            )
        result = await self.wallet.melt(prepared)  # journaled; PaymentPending / failures raise from here
        received = await backend.invoice_status(invoice.payment_hash)
        return WithdrawResult(
            amount=result.amount,
            fee=result.fee,
            preimage=result.preimage,
            payment_hash=invoice.payment_hash,
            operation_id=result.operation_id,
            received=received.state,
        )
