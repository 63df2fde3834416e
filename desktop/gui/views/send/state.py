"""Sending, as plain Python: validate the form into a ``SendRequest``, make the token, export it to a file,
list the tokens still pending (not yet claimed) and reclaim one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from core.api import ExportedToken, LockOptions, ReceiveResult, SendResult, export_token_file
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.gui.core_worker import call_on_core_of
from desktop.gui.i18n import tr
from desktop.gui.tasks import run_blocking, run_in_process

__all__ = ["SendRequest", "SendState", "amount_with_receiver_fee", "parse_pubkey"]

_PUBKEY = re.compile(r"^(02|03)[0-9a-f]{64}$")


def parse_pubkey(text: str) -> str:
    """A compressed secp256k1 public key in hex (``02…``/``03…``, 66 characters); npub is not accepted yet."""
    key = text.strip().lower().removeprefix("p2pk:")  # the form wallets show their lock key in
    if not _PUBKEY.match(key):
        raise UserFacingError(tr("the public key must be 66 hex characters starting with 02 or 03"))
    return key


def amount_with_receiver_fee(amount: int, fee_ppk: int) -> int:
    """The token amount that leaves the receiver ``amount`` after paying the mint's input fee on its proofs.

    The token is split into powers of two (one proof per set bit), each proof costing ``fee_ppk``/1000.
    """
    total = amount
    for _ in range(64):
        fee = (bin(total).count("1") * fee_ppk + 999) // 1000
        if total - fee >= amount:
            return total
        total = amount + fee
    return total


@dataclass(frozen=True)
class SendRequest:
    amount: int
    mint_url: str
    unit: str = "sat"
    memo: str = ""
    lock: LockOptions | None = None
    offline: bool = False


@dataclass
class SendState:
    service: WalletService
    result: SendResult | None = None
    exported_to: Path | None = None

    def build(
        self,
        *,
        amount: int,
        mint_url: str,
        unit: str = "sat",
        memo: str = "",
        lock_to: str = "",
        locktime: int | None = None,
        refund: str = "",
        offline: bool = False,
        include_fee: bool = False,
        blind: bool = True,
    ) -> SendRequest:
        if amount <= 0:
            raise UserFacingError(tr("enter an amount to send"))
        if not mint_url:
            raise UserFacingError(tr("choose a mint (add one first)"))
        lock = None
        if lock_to.strip():
            refund_keys = (parse_pubkey(refund),) if refund.strip() else ()
            if refund_keys and locktime is None:
                raise UserFacingError(tr("a refund key needs an expiry time"))
            lock = LockOptions(pubkey=parse_pubkey(lock_to), locktime=locktime, refund=refund_keys, blind=blind)
        if include_fee:
            active = [k for k in self.service.keysets(mint_url) if k.active and k.unit == unit]
            amount = amount_with_receiver_fee(amount, max((k.input_fee_ppk for k in active), default=0))
        return SendRequest(amount=amount, mint_url=mint_url, unit=unit, memo=memo.strip(), lock=lock, offline=offline)

    async def send(self, request: SendRequest) -> SendResult:
        self.result = await self.service.send(
            request.amount,
            request.mint_url,
            request.unit,
            offline=request.offline,
            lock=request.lock,
            memo=request.memo,
        )
        self.exported_to = None
        return self.result

    async def export(self, path: str | Path, passphrase: str | None = None) -> Path:
        """Write the last token to ``path`` (atomically; age-encrypted with ``passphrase``) and record it."""
        if self.result is None:
            raise UserFacingError(tr("make a token first"))
        # Encrypting runs scrypt, which holds the GIL: in a helper process, or the window freezes for a second.
        write = run_in_process if passphrase else run_blocking
        written = await write(export_token_file, path, self.result.token, passphrase)
        await call_on_core_of(self.service, self.service.record_token_file, self.result.token, str(written))
        self.exported_to = written
        return written

    def pending(self) -> list[ExportedToken]:
        return self.service.sent_tokens(("pending",))

    async def reclaim(self, token: ExportedToken) -> ReceiveResult:
        return await self.service.reclaim(token.token)

    async def check_claimed(self) -> dict[str, int]:
        return await self.service.check_pending()
