"""The wallet's mints: one ``MintWallet`` (client, keychain, info) per mint the wallet knows, built once per process,
and the views of them the front ends show. ``WalletService`` delegates its mint calls here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.config import Config
from core.errors import MintUnreachable, TokenDecodeError, UnknownMint
from core.i18n import t
from core.ports.mint import normalize_mint_url
from core.ports.mint_types import MintInfo
from core.ports.storage import BalanceRow, StoredMint
from core.storage.store import Store
from core.wallet.misbehaviour import clear_mark, misbehaved_mints

if TYPE_CHECKING:
    from core.mint_client.http import MintClient
    from core.wallet.context import MintWallet

__all__ = ["MintView", "MintWallets", "ReceivePreview", "normalize_mint_url"]


@dataclass(frozen=True)
class MintView:
    url: str
    name: str
    motd: str
    units: list[str]
    trusted: bool
    nuts: list[int]
    balances: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "name": self.name,
            "motd": self.motd,
            "units": self.units,
            "trusted": self.trusted,
            "nuts": self.nuts,
            "balances": self.balances,
        }


@dataclass(frozen=True)
class ReceivePreview:
    amount: int
    fee: int
    mint: str
    unit: str
    memo: str
    known: bool
    trusted: bool

    @property
    def net(self) -> int:
        return self.amount - self.fee


class MintWallets:
    """The open ``MintWallet`` of each mint, keyed by normalized URL; ``seed`` is asked for when one is built."""

    def __init__(self, config: Config, store: Store, seed: Callable[[], bytes]) -> None:
        self.config = config
        self.store = store
        self._seed = seed
        self.open: dict[str, MintWallet] = {}

    async def close(self) -> None:
        for mw in self.open.values():
            await mw.client.aclose()
        self.open.clear()

    def client(self, url: str, info: MintInfo | None = None) -> MintClient:
        # The HTTP client (httpx, websockets) and the wallet's code load when a mint is first talked to: commands
        # that only read the wallet (``balance``, ``history``) start without them.
        import httpx

        from core.mint_client.http import MintClient

        timeout = self.config.request_timeout
        return MintClient(
            url,
            info=info,
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
            melt_timeout=httpx.Timeout(self.config.melt_timeout, connect=min(10.0, timeout)),
        )

    async def add_mint(self, url: str, *, trusted: bool = False) -> MintView:
        from core.wallet.context import MintWallet
        from core.wallet.keychain import Keychain

        url = normalize_mint_url(url)
        client = self.client(url)
        try:
            info = await client.get_info()
            self.store.upsert_mint(url, name=info.name or url, info=info.raw, trusted=trusted or None)
            keychain = await Keychain.refresh(self.store, client, url)
        except BaseException:
            await client.aclose()
            raise
        old = self.open.pop(url, None)
        if old is not None:
            await old.client.aclose()
        self.open[url] = MintWallet(url, client, self.store, self._seed(), keychain, info)
        return self.mint_view(url)

    async def wallet_for(self, url: str, *, refresh: bool = True) -> MintWallet:
        """The ``MintWallet`` of a known mint; keysets are refreshed once per process (rotation)."""
        from core.wallet.context import MintWallet
        from core.wallet.keychain import Keychain

        url = normalize_mint_url(url)
        if url in self.open:
            return self.open[url]
        stored = self.store.get_mint(url)
        if stored is None:
            raise UnknownMint(
                t("{0} is not in the wallet: add it first (nutdesk mint add {0})").format(url), mint_url=url
            )
        info = MintInfo.from_json(stored.info) if stored.info else None
        client = self.client(url, info)
        keychain = Keychain.from_store(self.store, url)
        if refresh:
            try:
                keychain = await Keychain.refresh(self.store, client, url)
            except MintUnreachable:
                if not keychain.keysets:
                    await client.aclose()
                    raise
        mw = MintWallet(url, client, self.store, self._seed(), keychain, info)
        self.open[url] = mw
        return mw

    def mint_view(self, url: str) -> MintView:
        stored = self.store.get_mint(url)
        if stored is None:
            raise UnknownMint(mint_url=url)
        return self._view(stored)

    def _view(self, stored: StoredMint, rows: list[BalanceRow] | None = None) -> MintView:
        info = MintInfo.from_json(stored.info) if stored.info else None
        rows = self.store.balances() if rows is None else rows
        balances = {b.unit: b.balance for b in rows if b.mint_url == stored.url}
        units = sorted({k.unit for k in self.store.keysets(stored.url)})
        return MintView(
            url=stored.url,
            name=stored.name,
            motd=(info.motd or "") if info else "",
            units=units,
            trusted=stored.trusted,
            nuts=sorted(int(n) for n in (info.nuts if info else {}) if str(n).isdigit()),
            balances=balances,
        )

    def list_mints(self, balances: list[BalanceRow] | None = None) -> list[MintView]:
        """Every mint with its balances: from ``balances`` when the caller read them already (one aggregate per
        refresh, not two), else from one aggregate for all the mints, not one per mint."""
        rows = self.store.balances() if balances is None else balances
        return [self._view(m, rows) for m in self.store.list_mints()]

    async def mint_info(self, url: str) -> MintView:
        """Fresh info from the mint (the mint need not be in the wallet)."""
        url = normalize_mint_url(url)
        if self.store.get_mint(url) is not None:
            mw = await self.wallet_for(url)
            info = await mw.client.get_info()
            mw.info = info
            stored = self.store.upsert_mint(url, name=info.name or url, info=info.raw)
            return self._view(stored)
        async with self.client(url) as client:
            info = await client.get_info()
        units: list[str] = []
        return MintView(url, info.name or url, info.motd or "", units, False, sorted(int(n) for n in info.nuts), {})

    def trust_mint(self, url: str, trusted: bool = True) -> None:
        url = normalize_mint_url(url)
        if self.store.get_mint(url) is None:
            raise UnknownMint(mint_url=url)
        self.store.set_mint_trusted(url, trusted)

    def clear_misbehaved(self, url: str) -> bool:
        """Clear a mint's "misbehaved" mark (the user judged the fault a one-off); returns whether it had one.

        Only for a mint in the wallet: a mistyped URL must be refused, not answered "there was no mark"."""
        url = normalize_mint_url(url)
        if self.store.get_mint(url) is None:
            raise UnknownMint(
                t("no mint {0} in this wallet: add it first (nutdesk mint add URL)").format(url), mint_url=url
            )
        if url not in misbehaved_mints(self.store):
            return False
        clear_mark(self.store, url)
        return True

    async def remove_mint(self, url: str) -> None:
        url = normalize_mint_url(url)
        self.store.remove_mint(url)
        mw = self.open.pop(url, None)
        if mw is not None:
            await mw.client.aclose()

    async def preview_receive(self, text: str) -> ReceivePreview:
        """What receiving ``text`` would give, before redeeming: amount, the mint's input fee, trust."""
        from core.protocol import tokens
        from core.protocol.fees import input_fee

        token = tokens.decode_token(text)
        if not token.proofs:
            raise TokenDecodeError(t("the token holds no proofs"))
        url = normalize_mint_url(token.mint)
        stored = self.store.get_mint(url)
        if stored is not None:
            mw = await self.wallet_for(url)
            fee_ppks = [mw.keychain.fee_ppk(mw.keychain.full_id(p.id)) for p in token.proofs]
        else:
            async with self.client(url) as client:
                infos = await client.get_keysets()
            by_id = {k.id: k.input_fee_ppk for k in infos}
            fee_ppks = [
                next((ppk for kid, ppk in by_id.items() if kid.startswith(p.id) or p.id.startswith(kid)), 0)
                for p in token.proofs
            ]
        fee = input_fee(fee_ppks)
        return ReceivePreview(
            amount=token.amount,
            fee=fee,
            mint=url,
            unit=token.unit,
            memo=token.memo or "",
            known=stored is not None,
            trusted=stored is not None and stored.trusted,
        )
