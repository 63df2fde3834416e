"""Receiving, as plain Python: find the token in what was pasted, preview it, redeem it; or a Lightning invoice."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from core.api import ReceiveResult
from core.api.batch import BatchOutcome
from core.api.locks import LockOwner, TokenLock, token_lock
from core.api.messages import explain
from core.api.repeats import AlreadyDone, earlier_receive
from core.api.service import ReceivePreview, WalletService
from core.errors import NutdeskError, TokenDecodeError, UserFacingError
from desktop.gui.i18n import QT_TR_NOOP, tr

__all__ = ["InvoiceState", "LightningReceive", "ReceiveState", "batch_summary", "extract_token", "lock_text"]


def extract_token(text: str) -> str | None:
    """The first ``cashuA…``/``cashuB…`` word in ``text`` (a ``cashu:`` URI prefix is dropped)."""
    for word in text.replace("\n", " ").split():
        word = word.strip("\"'<>()[],;")
        word = word.removeprefix("cashu:") if word.startswith("cashu:cashu") else word
        if word.startswith(("cashuA", "cashuB")):
            return word
    return None


@dataclass
class ReceiveState:
    service: WalletService
    token: str | None = None
    preview: ReceivePreview | None = None
    error: str = ""
    lock: TokenLock | None = None  # who can receive it (NUT-11 locks)

    async def set_text(self, text: str) -> ReceivePreview | None:
        """Preview what ``text`` would give; ``error`` says why not."""
        self.token, self.preview, self.error, self.lock = extract_token(text), None, "", None
        if not text.strip():
            return None
        if self.token is None:
            self.error = tr("This is not a Cashu token (it should start with cashuA or cashuB).")
            return None
        try:
            self.preview = await self.service.preview_receive(self.token)
        except (TokenDecodeError, UserFacingError) as exc:
            self.error = explain(exc).text  # "incomplete or damaged", not the CBOR decoder's words
        except NutdeskError as exc:  # e.g. an unreachable unknown mint: the preview is partial, redeeming will say more
            try:
                decoded = self.service.decode_token(self.token)
            except TokenDecodeError:
                self.error = explain(exc).text
                return None
            self.error = tr("{0} The fee is not known until it answers.").format(explain(exc).what)
            self.preview = ReceivePreview(
                amount=decoded.amount,
                fee=0,
                mint=decoded.mint,
                unit=decoded.unit,
                memo=decoded.memo or "",
                known=False,
                trusted=False,
            )
        self._check_lock()
        return self.preview

    def _check_lock(self) -> None:
        """Who can receive the token: a lock to someone else's key is said here, not by the mint's refusal."""
        if self.token is None or self.preview is None:
            return
        try:
            self.lock = token_lock(self.service, self.service.decode_token(self.token))
        except NutdeskError:  # a locked wallet or a token that does not decode: the preview says enough
            return
        if not self.lock.receivable:
            self.error = lock_text(self.lock)

    @property
    def receivable(self) -> bool:
        return self.preview is not None and self.preview.net > 0 and (self.lock is None or self.lock.receivable)

    @property
    def needs_trust(self) -> bool:
        return self.preview is not None and not self.preview.trusted

    async def redeem(self, *, trust: bool) -> ReceiveResult:
        if self.token is None:
            raise UserFacingError(tr("paste a token first"))
        done = earlier_receive(self.service, self.token)
        if done is not None:
            self.token, self.preview = None, None
            raise AlreadyDone(
                tr("Already received: this token gave {0} {1} earlier. Nothing more to do.").format(
                    done.amount, done.unit
                )
            )
        result = await self.service.receive(self.token, trust=trust)
        self.token, self.preview = None, None
        return result


class InvoiceState(Enum):
    IDLE = "idle"
    WAITING = QT_TR_NOOP("Waiting for the payment…")
    MINTED = QT_TR_NOOP("Paid: the ecash is in your wallet.")
    FAILED = "failed"


@dataclass
class LightningReceive:
    """Amount → mint quote (an invoice) → wait for payment → mint."""

    service: WalletService
    state: InvoiceState = InvoiceState.IDLE
    quote: Any = None  # the mint's quote (``.quote``, ``.request``, ``.expiry``)
    mint_url: str = ""
    minted: int = 0
    _wait: asyncio.Task[int] | None = field(default=None, repr=False)

    async def create(self, amount: int, mint_url: str, unit: str = "sat") -> str:
        if amount <= 0:
            raise UserFacingError(tr("enter an amount to receive"))
        if not mint_url:
            raise UserFacingError(tr("add a mint first"))
        self.quote = await self.service.create_invoice(amount, mint_url, unit)
        self.mint_url = mint_url
        self.state = InvoiceState.WAITING
        return str(self.quote.request)

    async def wait(self, timeout: float = 3600.0) -> int:
        """Wait for the invoice to be paid and mint the ecash; returns the amount minted."""
        if self.quote is None:
            raise UserFacingError(tr("create an invoice first"))
        try:
            self.minted = await self.service.wait_and_mint(self.mint_url, self.quote.quote, timeout=timeout)
        except BaseException:
            self.state = InvoiceState.FAILED
            raise
        self.state = InvoiceState.MINTED
        return self.minted


def _when(unix: int) -> str:
    return dt.datetime.fromtimestamp(unix).strftime("%Y-%m-%d %H:%M")


def lock_text(lock: TokenLock | None) -> str:
    """The preview's "Lock" line."""
    if lock is None or lock.owner is LockOwner.NONE:
        return tr("Not locked")
    if lock.owner is LockOwner.OPEN:
        return tr("Its lock has expired: whoever holds the token can receive it")
    if lock.owner is LockOwner.OTHERS:
        text = tr("Locked to another key: only its owner can receive it.")
        if lock.locktime is not None and lock.refund:
            text += " " + tr("After {0} its sender can take it back.").format(_when(lock.locktime))
        return text
    text = tr("Locked to your key: only this wallet can receive it")
    if lock.locktime is not None and lock.refund:
        text += " " + tr("(a cheque: its sender can take it back after {0})").format(_when(lock.locktime))
    return text


def batch_summary(outcomes: Sequence[BatchOutcome]) -> str:
    """One line for the Lightning tab about ``mint_all_paid``: what was minted, how, and what failed."""
    if not outcomes:
        return tr("No paid invoice is waiting to be minted.")
    lines = []
    for o in outcomes:
        if o.error:
            lines.append(
                tr("{0}: {1} paid invoice(s) not minted yet ({2}).").format(o.mint_url, len(o.quotes), o.error)
            )
        else:
            how = tr("in one batch") if o.batched else tr("one by one (this mint has no batch minting)")
            lines.append(
                tr("✓ {0}: {1} {2} from {3} invoice(s) {4}.").format(o.mint_url, o.minted, o.unit, len(o.quotes), how)
            )
    return "\n".join(lines)
