"""Cheques and the token vault: every token this wallet handed out, what became of it, and taking it back.

A **cheque** is a token locked (NUT-11 P2PK) to the recipient's key with a ``locktime`` and a ``refund`` key of
our own: until the locktime only the recipient can redeem it; after it, we can too (the refund path), so a cheque
nobody cashed comes back. The send itself is the wallet's ordinary locked send (``WalletService.send`` with
``LockOptions``) — journaled, listed as an exported token like any other. What a cheque adds lives in one
setting per cheque, ``cheque:<refund public key>`` (sealed at rest with the other settings): the recipient, the
locktime and the refund **private** key (a fresh random key per cheque, so two cheques are not linkable by
their refund key). It is written *before* the send, and found again from the token's own secret (its
``refund`` tag), so a crash between the send and anything after it never strands the key.

The vault lists every exported token with a state: ``UNCLAIMED`` (NUT-07 says unspent), ``CLAIMED`` (spent by
the receiver), ``EXPIRED`` (a cheque past its locktime, unclaimed: we may take it back), ``RECLAIMED``.
"""

from __future__ import annotations

import enum
import json
import re
import secrets as random_secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from core.api.spending_pin import guard_of
from core.errors import ProofsAlreadySpent, SpendingConditionError, TokenDecodeError, UserFacingError
from core.i18n import t
from core.mint_client.http import normalize_mint_url
from core.nostr.crypto import NostrError, npub_decode
from core.protocol import tokens
from core.protocol.ec import parse_private_key
from core.protocol.p2pk import sign_proof, try_parse_secret
from core.wallet.receive import ReceiveResult, receive_token
from core.wallet.send import LockOptions, SendResult

if TYPE_CHECKING:
    from core.api.service import WalletService

__all__ = [
    "AUTO_RECLAIM_KEY",
    "Cheque",
    "ChequeService",
    "VaultEntry",
    "VaultState",
    "parse_duration",
    "recipient_pubkey",
]

CHEQUE_PREFIX = "cheque:"
# "1" → expired cheques are taken back by the vault's refresh (GUI timer, `nutdesk vault check --auto`).
AUTO_RECLAIM_KEY = "vault:auto_reclaim"
# The Vault view lists every token still out and this many of the newest settled ones (`vault list`: every one).
SETTLED_SHOWN = 500
_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw]?)\s*$")
_UNIT_SECONDS = {"": 86400, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


class VaultState(enum.Enum):
    UNCLAIMED = "unclaimed"
    CLAIMED = "claimed"
    EXPIRED = "expired"
    RECLAIMED = "reclaimed"


@dataclass(frozen=True)
class Cheque:
    operation_id: str
    recipient: str  # compressed hex public key
    locktime: int
    refund_pubkey: str

    def to_json(self) -> dict[str, Any]:
        return {"recipient": self.recipient, "locktime": self.locktime, "refund_pubkey": self.refund_pubkey}


@dataclass(frozen=True)
class VaultEntry:
    id: int
    operation_id: str
    mint_url: str
    unit: str
    amount: int
    token: str
    file_path: str | None
    state: VaultState
    cheque: Cheque | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "mint": self.mint_url,
            "unit": self.unit,
            "amount": self.amount,
            "file": self.file_path,
            "state": self.state.value,
            "cheque": self.cheque.to_json() if self.cheque else None,
        }


def parse_duration(text: str) -> int:
    """Seconds in ``30d``, ``12h``, ``90m``, ``45s``, ``2w`` (a bare number is days)."""
    match = _DURATION.match(text)
    if not match or int(match.group(1)) <= 0:
        raise UserFacingError(t("not a duration: {0!r} (e.g. 30d, 12h, 90m)").format(text))
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def recipient_pubkey(text: str) -> str:
    """A compressed public key from hex (33 bytes), ``P2PK:<hex>``, or a Nostr ``npub``/x-only hex key.

    A Nostr key is x-only; Cashu wallets that lock to a Nostr key use the even-y point (prefix ``02``), the key
    the owner's nsec signs for under BIP340.
    """
    key = text.strip()
    if key.lower().startswith("npub1") or len(key) == 64:
        try:
            return "02" + npub_decode(key)
        except NostrError as exc:
            raise UserFacingError(t("not a recipient key: {0!r}").format(text)) from exc
    return LockOptions(pubkey=key).pubkey


class ChequeService:
    """Cheques and the vault over one open wallet; ``clock`` is injectable for tests of expiry."""

    def __init__(self, wallet: WalletService, *, clock: Callable[[], float] = time.time) -> None:
        self.wallet = wallet
        self.store = wallet.store
        self.clock = clock

    # --- cheques -------------------------------------------------------------------------------

    async def write_cheque(
        self,
        amount: int,
        recipient: str,
        *,
        expires_in: int,
        mint_url: str | None = None,
        unit: str = "sat",
        memo: str = "",
    ) -> tuple[SendResult, Cheque]:
        """Send ``amount`` locked to ``recipient`` until ``expires_in`` seconds from now, then back to us."""
        if expires_in <= 0:
            raise UserFacingError(t("a cheque needs an expiry in the future"))
        pubkey = recipient_pubkey(recipient)
        await guard_of(self.store).check(amount, unit, "A cheque")  # the spending PIN, before any key is made
        url = normalize_mint_url(mint_url) if mint_url else self.wallet.choose_mint_for(amount, unit)
        refund_key = parse_private_key(random_secrets.token_bytes(32))
        refund_pub = refund_key.public_key.format(compressed=True).hex()
        locktime = int(self.clock()) + expires_in
        # Plain NUT-11 (not P2BK-blinded): the cheque is found again, and refunded, by its refund key as written.
        lock = LockOptions(pubkey=pubkey, locktime=locktime, refund=(refund_pub,), blind=False)
        record = {"recipient": pubkey, "locktime": locktime, "refund_key": refund_key.secret.hex()}
        self.store.set_setting(CHEQUE_PREFIX + refund_pub, json.dumps(record, sort_keys=True))
        result = await self.wallet.send(amount, url, unit, lock=lock, memo=memo or "Cheque")
        return result, Cheque(result.operation_id, pubkey, locktime, refund_pub)

    def _records(self) -> dict[str, dict[str, Any]]:
        """refund public key → cheque record."""
        return {
            key[len(CHEQUE_PREFIX) :]: json.loads(value)
            for key, value in self.store.settings_with_prefix(CHEQUE_PREFIX).items()
        }

    @staticmethod
    def _refund_pubkey(token_text: str) -> str | None:
        """The refund key named by the token's first proof, if it is a P2PK lock with one."""
        try:
            token = tokens.decode_token(token_text)
            secret = try_parse_secret(token.proofs[0].secret) if token.proofs else None
        except (TokenDecodeError, SpendingConditionError):
            return None
        refund = secret.tag("refund") if secret is not None else None
        return refund[0] if refund else None

    # --- the vault -----------------------------------------------------------------------------

    def entries(self, settled: int | None = SETTLED_SHOWN) -> list[VaultEntry]:
        """Every token and cheque still out, then the newest ``settled`` claimed or taken back (None: all of them),
        newest first, with the state last learnt from the mint.

        A wallet that has sent tens of thousands of tokens keeps them all in its books; the vault reads the ones
        that can still change and a page of the settled ones, and opens a token only when the wallet has issued
        cheques at all (a cheque is known by the refund key inside its token)."""
        records = self._records()
        now = self.clock()
        rows = self.store.exported_tokens(("pending",)) + self.store.exported_tokens(
            ("claimed", "reclaimed"), newest=settled
        )
        out = []
        for row in sorted(rows, key=lambda r: r.id, reverse=True):
            refund_pub = self._refund_pubkey(row.token) if records else None
            record = records.get(refund_pub) if refund_pub else None
            cheque = (
                Cheque(row.operation_id, record["recipient"], int(record["locktime"]), refund_pub)
                if record and refund_pub
                else None
            )
            if row.state == "claimed":
                state = VaultState.CLAIMED
            elif row.state == "reclaimed":
                state = VaultState.RECLAIMED
            elif cheque is not None and now >= cheque.locktime:
                state = VaultState.EXPIRED
            else:
                state = VaultState.UNCLAIMED
            out.append(
                VaultEntry(
                    row.id,
                    row.operation_id,
                    row.mint_url,
                    row.unit,
                    row.amount,
                    row.token,
                    row.file_path,
                    state,
                    cheque,
                )
            )
        return out

    async def refresh(
        self, *, auto_reclaim: bool | None = None, settled: int | None = SETTLED_SHOWN
    ) -> list[VaultEntry]:
        """Ask each mint (NUT-07) which tokens were claimed; then, if enabled, take back the expired cheques."""
        await self.wallet.check_pending()
        if auto_reclaim is None:
            auto_reclaim = self.store.get_setting(AUTO_RECLAIM_KEY) == "1"
        if auto_reclaim:
            for entry in self.entries(settled=0):  # only tokens still out can have expired
                if entry.state is VaultState.EXPIRED:
                    await self._reclaim_quietly(entry.id)
        return self.entries(settled)

    async def _reclaim_quietly(self, entry_id: int) -> ReceiveResult | None:
        """Reclaim, except that a token its receiver claimed first is recorded as claimed instead of failing."""
        try:
            return await self.reclaim(entry_id)
        except ProofsAlreadySpent:
            # The recipient was faster (at the last moment before the locktime, or in the same second).
            await self.wallet.check_pending()
            return None

    def set_auto_reclaim(self, enabled: bool) -> None:
        self.store.set_setting(AUTO_RECLAIM_KEY, "1" if enabled else "0")

    def auto_reclaim(self) -> bool:
        return self.store.get_setting(AUTO_RECLAIM_KEY) == "1"

    def entry(self, entry_id: int) -> VaultEntry:
        for settled in (0, None):  # a token still out (what is reclaimed) is found without reading the settled ones
            for entry in self.entries(settled):
                if entry.id == entry_id:
                    return entry
        raise UserFacingError(t("no exported token #{0} in the vault").format(entry_id))

    async def reclaim(self, entry_id: int) -> ReceiveResult:
        """Take back an unclaimed token, or a cheque after its expiry (signed with our refund key)."""
        entry = self.entry(entry_id)
        if entry.state in (VaultState.CLAIMED, VaultState.RECLAIMED):
            raise UserFacingError(t("token #{0} was already {1}").format(entry_id, entry.state.value))
        if entry.cheque is None:
            return await self.wallet.reclaim(entry.token)
        if entry.state is not VaultState.EXPIRED:
            until = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.cheque.locktime))
            raise UserFacingError(t("cheque #{0} is the recipient's until {1}").format(entry_id, until))
        key = self._records()[entry.cheque.refund_pubkey]["refund_key"]
        token = tokens.decode_token(entry.token)
        signed = replace(token, proofs=[sign_proof(p, key) for p in token.proofs])
        mw = await self.wallet.wallet_for(token.mint)
        result = await receive_token(mw, signed, kind="reclaim")
        with self.store.atomic():
            self.store.set_proof_state([p.secret for p in token.proofs], "spent")
            self.store.set_exported_token_state(entry.id, "reclaimed")
        return result

    async def reclaim_all(self, *, expired_only: bool = True) -> list[ReceiveResult]:
        """Reclaim every expired cheque (and, unless ``expired_only``, every unclaimed plain token)."""
        results = []
        for entry in await self.refresh(auto_reclaim=False):
            wanted = entry.state is VaultState.EXPIRED or (
                not expired_only and entry.state is VaultState.UNCLAIMED and entry.cheque is None
            )
            if wanted and (result := await self._reclaim_quietly(entry.id)) is not None:
                results.append(result)
        return results
