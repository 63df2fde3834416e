"""Balances as plain Python: one entry per mint and unit, totals, and what is known about each mint's health."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from core.api.inflight import InFlight
from core.api.mint_labels import mint_titles
from core.api.service import WalletService
from core.errors import NutdeskError

__all__ = ["BalanceEntry", "BalancesState", "FiatRates", "MintHealth"]

# The fiat value of (amount, unit), or None when no fresh rate is known (then nothing is shown).
FiatRates = Callable[[int, str], Decimal | None]


def no_rates(amount: int, unit: str) -> Decimal | None:
    return None


@dataclass(frozen=True)
class MintHealth:
    reachable: bool | None = None  # None: not checked yet
    motd: str = ""
    error: str = ""
    checked_at: float = 0.0


@dataclass(frozen=True)
class BalanceEntry:
    mint_url: str
    mint_name: str
    unit: str
    balance: int
    pending: int
    trusted: bool
    fiat: Decimal | None = None
    misbehaved: str = ""  # "when: why" once the mint's answers broke the protocol
    motd: str = ""  # the message of the day the mint last gave


@dataclass(frozen=True)
class KeysetSummary:
    active: int
    inactive: int
    fee_ppk: dict[str, int]  # unit → input fee (ppk) of the active keyset

    @property
    def rotated(self) -> bool:
        return self.inactive > 0


@dataclass
class BalancesState:
    service: WalletService
    currency: str = "USD"
    rates: FiatRates = no_rates
    entries: list[BalanceEntry] = field(default_factory=list)
    health: dict[str, MintHealth] = field(default_factory=dict)
    in_flight: list[InFlight] = field(default_factory=list)

    def load(self) -> list[BalanceEntry]:
        rows = self.service.balances()  # the one balance aggregate of a refresh: the mints' views reuse it
        pending = {(b.mint_url, b.unit): b.pending for b in rows}
        misbehaved = self.service.misbehaved_mints()
        entries: list[BalanceEntry] = []
        titles = mint_titles(self.service)
        for mint in self.service.list_mints(rows):
            units = sorted(set(mint.units) | set(mint.balances)) or ["sat"]
            for unit in units:
                balance = mint.balances.get(unit, 0)
                entries.append(
                    BalanceEntry(
                        mint_url=mint.url,
                        mint_name=titles.get(mint.url, mint.url),  # label or name, with the host
                        unit=unit,
                        balance=balance,
                        pending=pending.get((mint.url, unit), 0),
                        trusted=mint.trusted,
                        fiat=self.rates(balance, unit),
                        misbehaved=misbehaved.get(mint.url, ""),
                        motd=mint.motd,
                    )
                )
        self.entries = entries
        # Value between mints (a transfer paid at the source, not yet minted at the target) is in no proof: the
        # balance alone would hide it, so the view says where it is and what happens next.
        self.in_flight = self.service.in_flight()
        return entries

    def totals(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.unit] = out.get(e.unit, 0) + e.balance
        return out

    def pending_totals(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            if e.pending:
                out[e.unit] = out.get(e.unit, 0) + e.pending
        return out

    def fiat_total(self) -> Decimal | None:
        values = [e.fiat for e in self.entries if e.balance]
        if not values or any(v is None for v in values):
            return None
        return sum((v for v in values if v is not None), Decimal(0))

    def keysets(self, url: str) -> KeysetSummary:
        keysets = self.service.keysets(url)
        return KeysetSummary(
            active=sum(1 for k in keysets if k.active),
            inactive=sum(1 for k in keysets if not k.active),
            fee_ppk={k.unit: k.input_fee_ppk for k in keysets if k.active},
        )

    async def check_health(self, url: str) -> MintHealth:
        try:
            view = await self.service.mint_info(url)
        except NutdeskError as exc:
            health = MintHealth(reachable=False, error=str(exc), checked_at=time.time())
        else:
            health = MintHealth(reachable=True, motd=view.motd, checked_at=time.time())
        self.health[url] = health
        return health

    async def check_all(self) -> dict[str, MintHealth]:
        urls = sorted({e.mint_url for e in self.entries})
        await asyncio.gather(*(self.check_health(u) for u in urls))
        return dict(self.health)
