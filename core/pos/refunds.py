"""Refunds: a journaled operation with an idempotency key and a per-sale lock.

1. The refund is reserved first (``SaleRepository.reserve_refund``: one statement that inserts an unfinished
   refund row, keyed by the idempotency key, only when no other refund of the sale is unfinished and the refunds
   stay within what the sale can give back). That row is the per-sale lock: a double click, a second process or a
   retry after a crash cannot refund twice.
2. The ecash goes out as a journaled send whose journal entry carries ``refund`` (the key) and ``refund_of`` (the
   sale) from the moment it is created.
3. The refund row gets the token: finished, the lock released.

A crash between 2 and 3 leaves the reservation and the journal entry; ``finish_pending`` (run before every
refund and by the till's housekeeping, after the wallet's recovery resumed the send) records it exactly once
from the journal, or drops the reservation when the send definitely did not happen.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from core.errors import NutdeskError, UserFacingError
from core.i18n import t
from core.pos.repo import AlreadyUsed, SaleRepository
from core.pos.types import Refund, Sale, SaleState, Settlement
from core.recovery.failpoints import failpoint

__all__ = ["RefundWallet", "Refunds"]

log = logging.getLogger(__name__)

# A reservation with no journal entry this old is a refund that died before its send was created: the send
# is created right after the reservation (the mint's keysets are loaded before), so this is far beyond it.
_ORPHAN_AFTER = 120.0
_DONE, _GONE = ("done",), ("rolled_back", "failed")
_TOKEN_STATES = ("pending", "claimed", "reclaimed")


class RefundWallet(Protocol):
    """What refunds need of the wallet (``core.api.service.WalletService``)."""

    @property
    def store(self) -> Any: ...

    async def wallet_for(self, url: str, *, refresh: bool = True) -> Any: ...

    async def send(
        self, amount: int, mint_url: str, unit: str = "sat", *, memo: str = "", data: Any = None
    ) -> Any: ...  # fmt: skip

    def choose_mint_for(self, amount: int, unit: str = "sat") -> str: ...

    def balances(self) -> Sequence[Any]: ...


class Refunds:
    """``on_recorded`` hears each refund when it is recorded — once, by whichever process records it (webhooks)."""

    def __init__(
        self,
        wallet: RefundWallet,
        repo: SaleRepository,
        on_recorded: Callable[[Refund], Awaitable[None]] | None = None,
    ) -> None:
        self.wallet = wallet
        self.repo = repo
        self.on_recorded = on_recorded
        self._running: set[str] = set()  # keys this process is sending right now (not recovery's to finish)

    async def refund(
        self,
        sale: Sale,
        amount: int | None,
        *,
        key: str | None = None,
        cashier: str = "",
        shift_id: int | None = None,
        max_amount: int = 0,
    ) -> Refund:
        """Refund ``amount`` (default: all that is left) of ``sale`` as a token, once per ``key``."""
        await self.finish_pending(sale.id)
        key = key or uuid.uuid4().hex[:16]
        known = self.repo.refund(key)
        if known is not None:
            return self._replay(known, sale)
        sale = self._fresh(sale)
        if sale.state is not SaleState.PAID:
            raise UserFacingError(
                t("only a paid sale can be refunded ({0} is {1})").format(sale.receipt_id, sale.state)
            )
        left = sale.refundable  # an overpayment in another unit's ecash is refunded in the sale's unit
        if left <= 0:
            raise UserFacingError(t("{0} is fully refunded").format(sale.receipt_id))
        amount = left if amount is None else amount
        if not 0 < amount <= left:
            raise UserFacingError(t("refund between 1 and {0} {1} of {2}").format(left, sale.unit, sale.receipt_id))
        if max_amount and amount > max_amount:
            raise UserFacingError(t("a locked till refunds at most {0} {1}").format(max_amount, sale.unit))
        mint = sale.mint_url if sale.settlement == Settlement.SWAP.value and sale.mint_url else None
        if mint is None or self._balance(mint, sale.unit) < amount:
            mint = self.wallet.choose_mint_for(amount, sale.unit)
        await self.wallet.wallet_for(mint)  # the mint's keysets before the lock: the send follows at once
        limit = sale.amount + sale.in_sale_unit(sale.change)
        fields = {"unit": sale.unit, "mint_url": mint, "cashier": cashier, "shift_id": shift_id}
        try:
            reserved = self.repo.reserve_refund(key, sale.id, amount, limit, **fields)
        except AlreadyUsed:  # the same key in another process a moment ago
            known = self.repo.refund(key)
            assert known is not None
            return self._replay(known, sale)
        if not reserved:
            raise self._refused(sale)
        reservation = self.repo.refund(key)
        assert reservation is not None
        self._running.add(key)
        try:
            return await self._send(sale, reservation, mint)
        finally:
            self._running.discard(key)

    async def _send(self, sale: Sale, reservation: Refund, mint: str) -> Refund:
        try:
            sent = await self.wallet.send(
                reservation.amount, mint, sale.unit, memo=f"Refund {sale.receipt_id}",
                data={"refund": reservation.id, "refund_of": sale.id},
            )  # fmt: skip
        except BaseException:
            # Drop the reservation only when the send definitely did not happen; an unknown outcome keeps it
            # (and the sale's refund lock) for recovery to finish from the journal.
            if self._operation(reservation.id) is None or self._finished_op(reservation.id) == "gone":
                self.repo.drop_refund(reservation.id)
            raise
        failpoint("refund:after_sent")
        refund, recorded = self.repo.finish_refund(
            reservation, token=sent.token, operation_id=sent.operation_id, fee=sent.fee, mint_url=mint
        )
        if recorded:
            await self._recorded(refund)
        return refund

    async def _recorded(self, refund: Refund) -> None:
        if self.on_recorded is not None:
            try:
                await self.on_recorded(refund)
            except NutdeskError as exc:  # the refund stands; only its notification failed
                log.warning("refund %s recorded, but telling about it failed: %s", refund.id, exc)

    def _replay(self, known: Refund, sale: Sale) -> Refund:
        """The same idempotency key again: the refund it made (never a second one)."""
        if known.sale_id != sale.id:
            raise UserFacingError(t("refund {0} belongs to another sale").format(known.id))
        if not known.finished:
            raise UserFacingError(
                t("this refund of {0} is still under way; it is recorded once done").format(sale.receipt_id)
            )
        return known

    def _refused(self, sale: Sale) -> UserFacingError:
        """Why ``reserve_refund`` said no (another refund got there first)."""
        sale = self._fresh(sale)
        if self.repo.refunds(sale_id=sale.id, finished=False):
            return UserFacingError(
                t("another refund of {0} is under way: wait for it, then look again").format(sale.receipt_id)
            )
        if sale.refundable <= 0:
            return UserFacingError(t("{0} is fully refunded").format(sale.receipt_id))
        return UserFacingError(
            t("refund between 1 and {0} {1} of {2}").format(sale.refundable, sale.unit, sale.receipt_id)
        )

    def _fresh(self, sale: Sale) -> Sale:
        return self.repo.get(sale.id) or sale

    def _balance(self, mint: str, unit: str) -> int:
        return sum(b.balance for b in self.wallet.balances() if b.mint_url == mint and b.unit == unit)

    # --- recovery ------------------------------------------------------------------------------

    def _operations(self, key: str) -> list[Any]:
        ops = self.wallet.store.operations(kinds=("send",), limit=2000)
        return [op for op in ops if op.data.get("refund") == key]

    def _operation(self, key: str) -> Any:
        """The send of refund ``key``: the done one, else an unfinished one, else any (a retried send after a
        refused first attempt makes two entries with the key)."""
        ops = self._operations(key)
        for op in ops:
            if op.state in _DONE:
                return op
        for op in ops:
            if op.state not in _GONE:
                return op
        return ops[0] if ops else None

    def _finished_op(self, key: str) -> str:
        op = self._operation(key)
        if op is None:
            return "none"
        if op.state in _DONE:
            return "done"
        return "gone" if op.state in _GONE else "unfinished"

    async def finish_pending(self, sale_id: str | None = None) -> list[Refund]:
        """Record every refund a crash left unfinished whose send the journal shows done (once: the row is
        keyed by the idempotency key); drop those whose send definitely did not happen. Returns those recorded."""
        recorded = []
        for pending in self.repo.refunds(sale_id=sale_id, finished=False):
            if pending.id in self._running:
                continue
            op = self._operation(pending.id)
            if op is None:
                if time.time() - pending.created_at > _ORPHAN_AFTER:
                    log.info("refund %s never reached its send: released", pending.id)
                    self.repo.drop_refund(pending.id)
                continue
            if op.state in _GONE:
                self.repo.drop_refund(pending.id)
                continue
            if op.state not in _DONE:
                continue  # the wallet's recovery resumes the send; recorded on a later pass
            token = next(
                (t.token for t in self.wallet.store.exported_tokens(_TOKEN_STATES) if t.operation_id == op.id), None
            )
            if token is None:
                log.warning("refund %s: its send %s is done but no token was recorded", pending.id, op.id)
                continue
            done, mine = self.repo.finish_refund(
                pending, token=token, operation_id=op.id, fee=op.fee, mint_url=op.mint_url
            )
            if mine:  # another process may have recorded it a moment ago
                recorded.append(done)
                await self._recorded(done)
        return recorded
