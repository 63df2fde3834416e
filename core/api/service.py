"""``WalletService``: the facade both front ends (GUI and CLI) call. It wires storage, mint clients and the
wallet operations together — the one factory, so the GUI, the CLI and the tests build the same objects.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from core.api.inflight import InFlight, note_unfinished_transfers, transfers_in_flight
from core.api.mints import MintView, MintWallets, ReceivePreview
from core.api.seed import WalletSeed
from core.api.spending_pin import guard_of
from core.api.taken_back import close_taken_back
from core.config import Config
from core.errors import (
    ConfigError,
    InsufficientBalance,
    MintRejected,
    OutcomeUnknown,
    TokenDecodeError,
    UnknownMint,
    UserFacingError,
)
from core.i18n import t
from core.ports.mint import normalize_mint_url
from core.ports.mint_types import MintInfo, MintQuote
from core.ports.storage import (
    BalanceRow,
    ExportedToken,
    HistoryEntry,
    OperationRecord,
    StoredKeyset,
)
from core.storage.db import Database
from core.storage.permissions import private_umask, secure_data_dir
from core.storage.sealed import Vault, vault_of
from core.storage.store import Store
from core.wallet.misbehaviour import misbehaved_mints

# The wallet's operations (and through them the HTTP client, the token codecs and the curve) are imported by the
# methods that run them: a command that only reads the wallet (``balance``, ``history``) starts without them.
if TYPE_CHECKING:
    from core.mint_client.http import MintClient
    from core.protocol import tokens
    from core.wallet.context import MintWallet
    from core.wallet.melt import MeltResult, PreparedMelt
    from core.wallet.receive import ReceiveResult
    from core.wallet.send import LockOptions, SendResult
    from core.wallet.transfer import TransferResult

__all__ = ["HistoryEntry", "MintView", "ReceivePreview", "WalletService"]

T = TypeVar("T")


class WalletService:
    """One open wallet. Create with ``WalletService.open(config)``; ``await close()`` when done."""

    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store
        self._vault: Vault = vault_of(store.db.engine)
        self.secrets = WalletSeed(config, store, self._vault)
        self.mints = MintWallets(config, store, lambda: self.seed)

    # --- lifecycle -----------------------------------------------------------------------------

    @classmethod
    def open(cls, config: Config) -> WalletService:
        try:
            secure_data_dir(config.data_dir)
        except OSError as exc:
            raise ConfigError(t("cannot use the data directory {0}: {1}").format(config.data_dir, exc)) from exc
        with private_umask():  # the database and its -wal/-shm files are created owner-only
            if config.db_url is None:
                service = cls(config, Store(Database.open_file(config.database_path)))
            else:
                service = cls(config, Store(Database(config.db_url)))
        service.store.lease_seconds = config.lease_seconds
        # Until the password is given, nothing may be written in the clear into a protected wallet.
        service._vault.refuse_writes = service.password_protected
        return service

    async def close(self) -> None:
        await self.mints.close()
        self.store.close()

    def record_rates_from(self, quote: Callable[[], tuple[Decimal, str] | None] | None) -> None:
        """Record the exchange rate of the moment ((fiat per BTC, currency), or None) on every new operation.

        The journal keeps every digit of the ``Decimal`` rate (``core.storage.exact``)."""
        self.store.fiat_quote = quote

    # --- the seed ------------------------------------------------------------------------------

    @property
    def initialized(self) -> bool:
        return self.secrets.initialized

    @property
    def password_protected(self) -> bool:
        return self.secrets.password_protected

    def create_wallet(self, mnemonic: str | None = None, password: str | None = None) -> str:
        """Store a new (or restored) mnemonic; returns the words. Refuses to overwrite an existing wallet."""
        return self.secrets.create_wallet(mnemonic, password)

    def unlock(self, password: str | None = None) -> None:
        self.secrets.unlock(password)

    def mnemonic(self, password: str | None = None) -> str:
        return self.secrets.mnemonic(password)

    def set_password(self, old: str | None, new: str | None) -> None:
        """Set, change or remove (``new`` None) the password of the seed and every saved secret; see
        ``core.api.seed.WalletSeed.set_password``."""
        self.secrets.set_password(old, new)

    @property
    def seed(self) -> bytes:
        return self.secrets.seed

    # --- mints ---------------------------------------------------------------------------------

    @property
    def _mints(self) -> dict[str, MintWallet]:
        return self.mints.open

    def _client(self, url: str, info: MintInfo | None = None) -> MintClient:
        return self.mints.client(url, info)

    async def add_mint(self, url: str, *, trusted: bool = False) -> MintView:
        return await self.mints.add_mint(url, trusted=trusted)

    async def wallet_for(self, url: str, *, refresh: bool = True) -> MintWallet:
        """The ``MintWallet`` of a known mint; keysets are refreshed once per process (rotation)."""
        return await self.mints.wallet_for(url, refresh=refresh)

    def mint_view(self, url: str) -> MintView:
        return self.mints.mint_view(url)

    def list_mints(self, balances: list[BalanceRow] | None = None) -> list[MintView]:
        return self.mints.list_mints(balances)

    async def mint_info(self, url: str) -> MintView:
        """Fresh info from the mint (the mint need not be in the wallet)."""
        return await self.mints.mint_info(url)

    def trust_mint(self, url: str, trusted: bool = True) -> None:
        self.mints.trust_mint(url, trusted)

    async def remove_mint(self, url: str) -> None:
        await self.mints.remove_mint(url)

    # --- balances and history ------------------------------------------------------------------

    def balances(self) -> list[BalanceRow]:
        return self.store.balances()

    def misbehaved_mints(self) -> dict[str, str]:
        """Mints whose answers broke the protocol: ``{url: "when: why"}`` (see ``core.wallet.misbehaviour``)."""
        return misbehaved_mints(self.store)

    def clear_misbehaved(self, url: str) -> bool:
        """Clear a mint's "misbehaved" mark; False when it had none (``MintWallets.clear_misbehaved``)."""
        return self.mints.clear_misbehaved(url)

    def history(self, limit: int | None = 100) -> list[OperationRecord]:
        return self.store.operations(limit=limit)

    def history_entries(self, limit: int | None = 100) -> Iterator[HistoryEntry]:
        """History without the journal payloads, newest first, streamed from the database."""
        return self.store.history_entries(limit=limit)

    def history_entries_for(self, ids: Iterable[str]) -> list[HistoryEntry]:
        """The named operations' history rows, without payloads: a view updates those rows, not the history."""
        return self.store.history_entries_for(list(ids))

    # --- operations ----------------------------------------------------------------------------

    async def _repairing(self, mw: MintWallet, unit: str, action: Callable[[], Awaitable[T]]) -> T:
        """Run ``action``; on 11003 ("outputs already signed") repair the counter once and run it again.

        The operation that hit 11003 was definitely refused (its inputs were released), so running it again
        with outputs past the repaired counter is safe.
        """
        try:
            return await action()
        except MintRejected as exc:
            if exc.mint_code != 11003:
                raise
            from core.wallet import restore

            await restore.repair_counter(mw, mw.keychain.active(unit).id)
            return await action()

    async def create_invoice(self, amount: int, mint_url: str, unit: str = "sat") -> MintQuote:
        from core.wallet import issue

        mw = await self.wallet_for(mint_url)
        return await issue.create_mint_quote(mw, amount, unit)

    async def wait_and_mint(self, mint_url: str, quote_id: str, timeout: float = 600.0) -> int:
        from core.wallet import issue

        mw = await self.wallet_for(mint_url)
        await issue.wait_for_payment(mw, quote_id, timeout)
        unit = self._quote_unit(quote_id)
        return await self._repairing(mw, unit, lambda: issue.mint_paid_quote(mw, quote_id))

    def _quote_unit(self, quote_id: str) -> str:
        record = self.store.mint_quote(quote_id)
        return record.unit if record else "sat"

    async def mint_quote(self, quote_id: str) -> int:
        """Mint a stored quote now if the mint says it is paid."""
        from core.wallet import issue

        record = self.store.mint_quote(quote_id)
        if record is None:
            raise UserFacingError(t("unknown mint quote {0}").format(quote_id))
        mw = await self.wallet_for(record.mint_url)
        return await self._repairing(mw, record.unit, lambda: issue.mint_paid_quote(mw, quote_id))

    def decode_token(self, text: str) -> tokens.Token:
        from core.protocol import tokens

        return tokens.decode_token(text)

    async def receive(self, text: str, *, trust: bool = False) -> ReceiveResult:
        from core.protocol import tokens
        from core.wallet.receive import receive_token

        token = tokens.decode_token(text)
        if not token.proofs:
            raise TokenDecodeError(t("the token holds no proofs"))
        url = normalize_mint_url(token.mint)
        stored = self.store.get_mint(url)
        if stored is None or not stored.trusted:
            if not trust:
                raise UnknownMint(
                    t(
                        "the token is from {0}, a mint this wallet does not trust yet; receive it with "
                        "--trust to add and trust it"
                    ).format(url),
                    mint_url=url,
                )
            if stored is None:
                await self.add_mint(url, trusted=True)
            else:
                self.store.set_mint_trusted(url, True)
        mw = await self.wallet_for(url)
        result = await self._repairing(mw, token.unit, lambda: receive_token(mw, token))
        close_taken_back(self.store, token)
        return result

    async def send(
        self,
        amount: int,
        mint_url: str,
        unit: str = "sat",
        *,
        offline: bool = False,
        lock: LockOptions | None = None,
        memo: str = "",
        data: dict[str, Any] | None = None,
    ) -> SendResult:
        """``data``: kept in the send's journal entry from its creation (a point-of-sale refund's sale and key)."""
        from core.wallet.send import send_token

        if amount <= 0:
            raise UserFacingError(t("the amount must be positive"))
        await guard_of(self.store).check(amount, unit, "Sending")  # the spending PIN above the limit
        mw = await self.wallet_for(mint_url, refresh=not offline)
        return await self._repairing(
            mw, unit, lambda: send_token(mw, amount, unit, offline=offline, lock=lock, memo=memo, data=data)
        )

    def choose_mint_for(self, amount: int, unit: str = "sat") -> str:
        """The mint with the most ecash of ``unit`` that covers ``amount`` (fees are checked by the quote)."""
        candidates = [b for b in self.store.balances() if b.unit == unit and b.balance >= amount]
        if not candidates:
            raise InsufficientBalance(t("no mint holds {0} {1}").format(amount, unit))
        return max(candidates, key=lambda b: b.balance).mint_url

    async def prepare_melt(
        self, request: str, mint_url: str | None = None, unit: str = "sat", *, amount_msat: int | None = None
    ) -> PreparedMelt:
        """A melt quote for ``request`` and the inputs to pay it; ``amount_msat`` for an amountless invoice."""
        from core.wallet import melt

        if mint_url is None:
            mint_url = self.choose_mint_for(1, unit)
        mw = await self.wallet_for(mint_url)
        return await melt.prepare_melt(mw, request, unit, amount_msat=amount_msat)

    async def melt(self, prepared: PreparedMelt) -> MeltResult:
        from core.wallet import melt

        await guard_of(self.store).check(prepared.amount, prepared.unit, "Paying")  # the spending PIN above the limit
        mw = await self.wallet_for(prepared.mint_url)
        return await melt.execute_melt(mw, prepared)

    async def transfer(self, amount: int, from_url: str, to_url: str, unit: str = "sat") -> TransferResult:
        """Move ``amount`` from one mint to another (one saga: quote there, melt here, mint there)."""
        from core.wallet.transfer import transfer_between

        if amount <= 0:
            raise UserFacingError(t("the amount must be positive"))
        # The melt at the source spends like a payment: the spending PIN above the limit, before any request.
        await guard_of(self.store).check(amount, unit, "A transfer between mints")
        source = await self.wallet_for(from_url)
        destination = await self.wallet_for(to_url)
        try:
            return await transfer_between(source, destination, amount, unit)
        except OutcomeUnknown as exc:
            note_unfinished_transfers(self.store, exc)
            raise

    async def transfer_prepared(self, prepared: PreparedMelt, to_url: str, quote_id: str) -> TransferResult:
        """Run a transfer whose melt at the source is ``prepared`` to pay ``to_url``'s mint quote ``quote_id``."""
        from core.wallet.transfer import run_transfer

        # A payment request paid through another mint: its melt asked for the spending PIN before it was a saga.
        await guard_of(self.store).check(prepared.amount, prepared.unit, "Paying")
        source = await self.wallet_for(prepared.mint_url)
        destination = await self.wallet_for(to_url)
        try:
            return await run_transfer(source, destination, prepared, quote_id)
        except OutcomeUnknown as exc:
            note_unfinished_transfers(self.store, exc)
            raise

    def in_flight(self) -> list[InFlight]:
        """Value between mints: transfers paid at the source, not yet minted at the target."""
        return transfers_in_flight(self.store)

    async def check_pending(self) -> dict[str, int]:
        """NUT-07 sync of sent tokens at every mint holding pending ones; returns claimed amounts."""
        from core.wallet import check

        claimed: dict[str, int] = {}
        for url in sorted({token.mint_url for token in self.store.exported_tokens()}):
            mw = await self.wallet_for(url)
            claimed[url] = await check.sync_pending(mw)
        return claimed

    async def reclaim(self, text: str) -> ReceiveResult:
        """Take back a token we sent and nobody claimed, by receiving it ourselves."""
        from core.protocol import tokens
        from core.wallet.receive import receive_token

        token = tokens.decode_token(text)
        mw = await self.wallet_for(token.mint)
        result = await receive_token(mw, token, kind="reclaim")
        close_taken_back(self.store, token)
        return result

    async def restore(self, mint_urls: list[str], progress: Callable[[str], None] | None = None) -> dict[str, int]:
        from core.wallet import restore

        restored: dict[str, int] = {}
        for url in mint_urls:
            url = normalize_mint_url(url)
            if self.store.get_mint(url) is None:
                await self.add_mint(url, trusted=True)
            mw = await self.wallet_for(url)
            per_unit = await restore.restore_mint(mw, progress)
            for unit, amount in per_unit.items():
                self.store.create_operation(kind="restore", mint_url=url, unit=unit, amount=amount, state="done")
            restored[url] = sum(per_unit.values())
        return restored

    # --- for the desktop views (issue 7): read-only views of what the wallet already stores ----------

    def sent_tokens(self, states: tuple[str, ...] = ("pending",)) -> list[ExportedToken]:
        """Tokens this wallet made (sent or exported to a file), by state: pending until claimed."""
        return self.store.exported_tokens(states)

    def record_token_file(self, token: str, path: str) -> None:
        """Note the file a sent token was exported to (the export stays pending until claimed)."""
        for exported in self.store.exported_tokens(("pending",)):
            if exported.token.strip() == token.strip():
                self.store.set_exported_token_state(exported.id, exported.state, file_path=path)

    def keysets(self, url: str) -> list[StoredKeyset]:
        """The mint's keysets as last fetched: active flags show rotation, ``input_fee_ppk`` the fees."""
        return self.store.keysets(normalize_mint_url(url))

    async def preview_receive(self, text: str) -> ReceivePreview:
        """What receiving ``text`` would give, before redeeming: amount, the mint's input fee, trust."""
        return await self.mints.preview_receive(text)
