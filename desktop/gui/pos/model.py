"""The till's view-model: what the cashier is doing (the sale on screen, the one being checked with the mint, the
receipt open for a refund) and the actions on it, without widgets. The pages render it and call it.

Only the sale on screen may change the screen. A payment still being checked when the cashier moved on (a slow
mint) ends as a notice in Recent sales, never as a dialog over the next customer's sale.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from core.api.pos import CheckoutSession, LightningCharge, PaymentRefused, PosService, Refund, Sale, SaleState
from core.errors import NutdeskError
from desktop.gui.changes import announce, announce_since, journal_mark
from desktop.gui.context import BALANCES, HISTORY, SALES, AppContext
from desktop.gui.i18n import tr

__all__ = ["Notice", "RefundRequest", "TillModel", "announce_sales"]


def announce_sales(ctx: AppContext, sales: Iterable[Sale]) -> None:
    """Balances and History changed by these sales: their receive (and forwarding) entries are named, so History
    redraws those rows only. A sale that names no entry (refused before any was written, or settled elsewhere)
    leaves the views to read everything, as before."""
    done = list(sales)
    if done and all(s.operation_id for s in done):
        ids = [i for s in done for i in (s.operation_id, s.forward_operation_id) if i]
        units = [s.ecash_unit for s in done]
        announce(ctx, BALANCES, HISTORY, operations=ids, mints=[s.mint_url for s in done], units=units)
    else:
        ctx.changed(BALANCES, HISTORY)


@dataclass(frozen=True)
class Notice:
    """An earlier sale's outcome, shown in Recent sales."""

    sale_id: str
    text: str
    ok: bool


@dataclass(frozen=True)
class RefundRequest:
    """A refund the cashier is about to confirm: its key makes a second click (or a retry) the same refund."""

    sale: Sale
    amount: int
    key: str

    @property
    def question(self) -> str:
        sale = self.sale
        when = time.strftime("%H:%M", time.localtime(sale.created_at))
        return tr("Refund {0:,} {1} of sale {2} ({3:,} {4}, {5}{6}) as an ecash token for the customer?").format(
            self.amount, sale.unit, sale.receipt_id, sale.amount, sale.unit, when, ", " + sale.memo if sale.memo else ""
        )


class TillModel(QObject):
    sale_changed = Signal(object)  # the sale on screen (a Sale) changed, or its check with the mint began/ended
    sales_changed = Signal()  # Recent sales should be redrawn
    notice = Signal(object)  # a Notice: an earlier sale's outcome

    def __init__(self, ctx: AppContext, till: PosService) -> None:
        super().__init__()
        self.ctx = ctx
        self.till = till
        self.session: CheckoutSession | None = None
        self.lightning: LightningCharge | None = None
        self.checking: str | None = None  # the sale whose token is being checked with the mint
        self.checking_since = 0.0
        self.paid_sale: Sale | None = None
        self.receipt_sale: Sale | None = None
        self.refunding = False
        self.last_refund_token = ""
        self.notices: list[Notice] = []
        self._noticed: set[tuple[str, SaleState, str]] = set()
        # A sale or refund recorded by another process (the CLI, another till) redraws Recent sales too.
        ctx.bus.changed.connect(lambda what: self.sales_changed.emit() if SALES in what else None)

    # --- the sale on screen --------------------------------------------------------------------

    def current(self, sale_id: str) -> bool:
        return self.session is not None and self.session.sale.id == sale_id

    @property
    def payable_by_qr(self) -> bool:
        """Whether a wallet can pay the charge QR: the request names a way to send the payment (Nostr or POST)."""
        return self.session is not None and bool(self.session.transports)

    async def charge(self, base: int, tip: int, memo: str, fiat: Decimal | None) -> CheckoutSession:
        session = await self.till.start_checkout(base, tip=tip, memo=memo, fiat=fiat)
        self.session, self.lightning = session, None
        session.watch(self._changed)
        return session

    async def charge_items(
        self, basket: list[tuple[str, int, Decimal]], custom: int, tip: int, memo: str
    ) -> CheckoutSession:
        """A sale of the basket's items (and a custom keypad amount in sat on top)."""
        session = await self.till.charge_items(basket, custom=custom, tip=tip, memo=memo)
        self.session, self.lightning = session, None
        session.watch(self._changed)
        return session

    def _changed(self, sale: Sale) -> None:
        if self.current(sale.id):
            self.sale_changed.emit(sale)
        elif sale.state in (SaleState.PAID, SaleState.FAILED):
            self._notice(sale)

    def set_aside(self) -> None:
        """Leave the sale on screen without cancelling it (its token is still being checked): the outcome comes
        as a notice in Recent sales."""
        self.session = self.lightning = None

    async def cancel(self) -> None:
        """Cancel the sale on screen (refused once it took money: ``UserFacingError``); the sale's row is written
        on the core thread."""
        if self.session is not None:
            await self.ctx.write(self.till.cancel, self.session.sale.id)
        self.session = self.lightning = None

    async def pay_token(self, text: str) -> None:
        """Pay the sale on screen with a pasted or scanned token. The screen shows "checking with the mint" at once;
        a refusal shows on the sale; if the cashier moved on meanwhile, the outcome becomes a notice."""
        if self.session is None or self.checking is not None:
            return
        sale_id = self.session.sale.id
        self.checking, self.checking_since = sale_id, time.monotonic()
        self.sale_changed.emit(self.session.sale)
        error = ""
        mark = await journal_mark(self.ctx)  # a token refused before any entry was written: nothing to redraw
        try:
            await self.till.pay_token(sale_id, text)
        except PaymentRefused:
            pass  # the sale records why, and what to do
        except NutdeskError as exc:
            error = str(exc)
        finally:
            self.checking = None
        sale = self.till.sale(sale_id)
        if sale.operation_id:
            announce_sales(self.ctx, [sale])
        else:
            await announce_since(self.ctx, mark, BALANCES, HISTORY, mints=[sale.mint_url])
        if self.current(sale_id):
            if error:
                self.sale_changed.emit(sale)
                raise NutdeskError(error)
            self.sale_changed.emit(sale)
        else:
            self._notice(sale, error)
        self.sales_changed.emit()

    def _notice(self, sale: Sale, error: str = "") -> None:
        if (sale.id, sale.state, error) in self._noticed:  # the sale's watcher and the payment both report it
            return
        self._noticed.add((sale.id, sale.state, error))
        if sale.state is SaleState.PAID:
            notice = Notice(
                sale.id,
                tr("{0} was paid after you moved on ({1:,} {2})").format(sale.receipt_id, sale.amount, sale.unit),
                True,
            )
        elif sale.state is SaleState.FAILED:
            notice = Notice(
                sale.id, tr("{0}: payment failed — {1}").format(sale.receipt_id, sale.failure_detail), False
            )
        elif error:
            notice = Notice(sale.id, f"{sale.receipt_id}: {error}", False)
        else:
            notice = Notice(sale.id, tr("{0} is {1}: it settles by itself").format(sale.receipt_id, sale.state), True)
        self.notices.insert(0, notice)
        del self.notices[5:]
        self.notice.emit(notice)

    # --- refunds -------------------------------------------------------------------------------

    def refund_request(self, amount: int) -> RefundRequest | None:
        if self.receipt_sale is None or amount <= 0:
            return None
        return RefundRequest(self.till.sale(self.receipt_sale.id), amount, uuid.uuid4().hex[:16])

    async def refund(self, request: RefundRequest) -> Refund:
        """Issue the confirmed refund (once per request: its key); ``refunding`` is set while it runs."""
        self.refunding = True
        try:
            refund = await self.till.refund(request.sale.id, request.amount, key=request.key)
        finally:
            self.refunding = False
        self.last_refund_token = refund.token
        named = [refund.operation_id] if refund.operation_id else []  # none: History reads everything
        announce(self.ctx, BALANCES, HISTORY, operations=named, mints=[refund.mint_url], units=[refund.unit])
        self.sales_changed.emit()
        return refund
