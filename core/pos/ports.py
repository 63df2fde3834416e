"""What the point of sale needs of the wallet and of the front end's services (structural types: the wallet is
``core.api.service.WalletService``, the backends ``core.api.backends.BackendsService``, the rates
``core.api.payments.RatesService``). The store is the wallet's journal and settings (``core.ports.storage``)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol

__all__ = ["PosBackends", "PosRates", "PosWallet"]


class PosWallet(Protocol):
    @property
    def store(self) -> Any: ...

    @property
    def seed(self) -> bytes: ...

    def list_mints(self) -> Sequence[Any]: ...

    async def add_mint(self, url: str, *, trusted: bool = False) -> Any: ...

    async def wallet_for(self, url: str, *, refresh: bool = True) -> Any: ...

    async def send(
        self, amount: int, mint_url: str, unit: str = "sat", *, memo: str = "", data: Any = None
    ) -> Any: ...  # fmt: skip

    def choose_mint_for(self, amount: int, unit: str = "sat") -> str: ...

    def balances(self) -> Sequence[Any]: ...

    async def create_invoice(self, amount: int, mint_url: str, unit: str = "sat") -> Any: ...

    async def mint_quote(self, quote_id: str) -> int: ...

    async def prepare_melt(self, request: str, mint_url: str | None = None, unit: str = "sat") -> Any: ...


class PosBackends(Protocol):
    def backend(self, name: str) -> Any: ...


class PosRates(Protocol):
    @property
    def currency(self) -> str: ...

    @property
    def rates(self) -> Any: ...

    def rate(self) -> Decimal | None: ...

    def sats_for(self, fiat_amount: Decimal) -> int | None: ...
