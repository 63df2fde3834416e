"""Preparing a payment: from a detected input (bolt11, LNURL, Lightning address, NUT-18 payment request) to a
``PreparedPayment`` with its melt quote, or the mint to send ecash from — nothing is spent here.

Money rules enforced here: an expired invoice is refused before any request; an LNURL invoice must be for
exactly the requested amount; the mint's melt quote must be for the invoice's amount. A payment request the
wallet cannot pay from an accepted mint is paid by a transfer (a mint quote at an accepted mint, paid by a melt
here), prepared as one saga.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import httpx

from core.errors import (
    InsufficientBalance,
    MintRejected,
    MintUnreachable,
    NutdeskError,
    UnknownMint,
    UnsupportedInput,
    UserFacingError,
)
from core.i18n import t
from core.nostr.crypto import npub_encode
from core.payments.detect import DetectedInput
from core.payments.errors import AmountError, InvalidInvoice, InvoiceAmountMismatch
from core.payments.invoices import Invoice, decode_invoice
from core.payments.lightning_address import LightningAddress
from core.payments.lnurl import LnurlClient
from core.payments.prepared import PayingWallet, PreparedPayment, lock_for, refuse_expired
from core.payments.requests import choose_transport, nostr_destination
from core.ports.mint import normalize_mint_url
from core.protocol.payment_requests import PaymentRequest
from core.wallet.inputs import send_fee
from core.wallet.melt import PreparedMelt, prepare_melt
from core.wallet.send import LockOptions

__all__ = ["PaymentPreparer"]


class PaymentPreparer:
    """Prepares payments over ``wallet``; ``nostr_relays`` gives the relays for a Nostr request naming none."""

    def __init__(self, wallet: PayingWallet, lnurl: LnurlClient, nostr_relays: Callable[[], list[str]]) -> None:
        self.wallet = wallet
        self.lnurl = lnurl
        self._nostr_relays = nostr_relays

    async def prepare(
        self, detected: DetectedInput, amount: int | None, comment: str | None, mint: str | None
    ) -> PreparedPayment:
        if detected.kind == "bolt11":
            if comment:
                raise UserFacingError(t("a comment can only be sent to an LNURL or a Lightning address"))
            return await self._prepare_bolt11(detected, amount, mint)
        if detected.kind in ("lnurl", "lightning_address"):
            return await self._prepare_lnurl(detected, amount, comment, mint)
        if detected.kind == "payment_request":
            return await self._prepare_payment_request(detected, amount, comment, mint)
        raise UnsupportedInput(t("Nutdesk cannot pay {0} yet").format(detected.kind.replace("_", " ")))

    async def _prepare_bolt11(self, detected: DetectedInput, amount: int | None, mint: str | None) -> PreparedPayment:
        invoice: Invoice = detected.value
        refuse_expired(invoice)
        amount_msat: int | None = None
        if invoice.amount_msat is None:
            if amount is None:
                raise AmountError(t("this invoice has no amount: say how much to pay (--amount)"))
            amount_msat = amount * 1000
        elif amount is not None and amount * 1000 != invoice.amount_msat:
            raise AmountError(t("the invoice is for {0} sat, not {1} sat").format(invoice.amount_sat, amount))
        prepared_melt = await self._best_melt(invoice, "sat", mint, amount_msat)
        return PreparedPayment(
            kind="bolt11",
            input=detected.text,
            amount=prepared_melt.amount,
            unit=prepared_melt.unit,
            mint_url=prepared_melt.mint_url,
            fee_reserve=prepared_melt.fee_reserve,
            input_fee=prepared_melt.input_fee,
            description=invoice.description,
            melt=prepared_melt,
            invoice=invoice,
        )

    async def _prepare_lnurl(
        self, detected: DetectedInput, amount: int | None, comment: str | None, mint: str | None
    ) -> PreparedPayment:
        if detected.kind == "lightning_address":
            address: LightningAddress = detected.value
            url, destination = address.url, str(address)
        else:
            url = str(detected.value)
            destination = httpx.URL(url).host
        pay = await self.lnurl.fetch_pay_request(url)
        if amount is None:
            if pay.min_sendable != pay.max_sendable:
                raise AmountError(
                    t("{0} accepts {1}–{2} sat: say how much (--amount)").format(destination, pay.min_sat, pay.max_sat)
                )
            amount_msat = pay.min_sendable
        else:
            amount_msat = amount * 1000
        lninv = await self.lnurl.request_invoice(pay, amount_msat, comment)
        invoice = lninv.invoice
        if invoice.amount_msat != amount_msat:  # request_invoice checks this; money rules are checked twice
            raise InvoiceAmountMismatch(
                t("{0} sent an invoice for another amount; it was not paid").format(destination)
            )
        refuse_expired(invoice)
        prepared_melt = await self._best_melt(invoice, "sat", mint, None)
        return PreparedPayment(
            kind=detected.kind,
            input=detected.text,
            amount=prepared_melt.amount,
            unit=prepared_melt.unit,
            mint_url=prepared_melt.mint_url,
            fee_reserve=prepared_melt.fee_reserve,
            input_fee=prepared_melt.input_fee,
            description=pay.description or None,
            destination=destination,
            comment=comment,
            melt=prepared_melt,
            invoice=invoice,
            pay_request=pay,
            lnurl_invoice=lninv,
        )

    async def _best_melt(self, invoice: Invoice, unit: str, mint: str | None, amount_msat: int | None) -> PreparedMelt:
        """A melt quote at ``mint``, or at every mint that could pay, keeping the cheapest total."""
        amount_msat_eff = amount_msat if amount_msat is not None else invoice.amount_msat
        assert amount_msat_eff is not None
        needed = -(-amount_msat_eff // 1000) if unit == "sat" else 1
        if mint is not None:
            candidates = [mint]
        else:
            rows = sorted(
                (b for b in self.wallet.balances() if b.unit == unit and b.balance >= needed),
                key=lambda b: -b.balance,
            )
            candidates = [b.mint_url for b in rows]
            if not candidates:
                raise InsufficientBalance(t("no mint in the wallet holds {0} {1} to pay this").format(needed, unit))
        best: PreparedMelt | None = None
        errors: list[NutdeskError] = []
        for url in candidates:
            try:
                prepared = await self._melt_at(url, invoice, unit, amount_msat)
            except (UserFacingError, MintRejected, MintUnreachable) as exc:
                if mint is not None:
                    raise
                errors.append(exc)
                continue
            if best is None or prepared.total < best.total:
                best = prepared
        if best is None:
            raise errors[0]
        return best

    async def _melt_at(self, url: str, invoice: Invoice, unit: str, amount_msat: int | None) -> PreparedMelt:
        mw = await self.wallet.wallet_for(url)
        if amount_msat is not None:
            info = mw.info or await mw.client.get_info()
            if not info.supports_amountless_melt("bolt11", unit):
                raise InvalidInvoice(
                    t(
                        "this invoice has no amount, and {0} cannot pay invoices without an amount (NUT-05 amountless)"
                    ).format(url)
                )
        prepared = await prepare_melt(mw, invoice.request, unit, amount_msat=amount_msat)
        expected_msat = amount_msat if amount_msat is not None else invoice.amount_msat
        assert expected_msat is not None
        if unit == "sat" and prepared.amount != -(-expected_msat // 1000):
            raise InvoiceAmountMismatch(
                t("{0} quoted {1} sat for an invoice of {2} msat; not paying").format(
                    url, prepared.amount, expected_msat
                )
            )
        return prepared

    async def _prepare_payment_request(
        self, detected: DetectedInput, amount: int | None, comment: str | None, mint: str | None
    ) -> PreparedPayment:
        request: PaymentRequest = detected.value
        transport = choose_transport(request)  # refuses Nostr-only requests before anything else
        unit = request.unit or "sat"
        if request.amount is None:
            if amount is None:
                raise AmountError(t("this payment request has no amount: say how much to pay (--amount)"))
        elif amount is not None and amount != request.amount:
            raise AmountError(t("the request is for {0} {1}, not {2} {1}").format(request.amount, unit, amount))
        pay_amount = request.amount if request.amount is not None else amount
        assert pay_amount is not None
        lock = lock_for(request)
        accepted = [normalize_mint_url(m) for m in request.mints]
        if transport is None:
            destination = "in-band (a token to hand over)"
        elif transport.type == "nostr":
            pubkey, relays = nostr_destination(transport, self._nostr_relays())  # no relay: refused before spending
            npub = npub_encode(pubkey)
            destination = f"Nostr {npub[:12]}…{npub[-6:]} via {', '.join(relays)}"
        else:
            destination = httpx.URL(transport.target).host

        common: dict[str, Any] = {
            "kind": "payment_request",
            "input": detected.text,
            "amount": pay_amount,
            "unit": unit,
            "description": request.description,
            "destination": destination,
            "comment": comment,
            "request": request,
            "transport": transport,
            "lock": lock,
        }
        # Pay directly from a mint the receiver accepts …
        direct = [mint] if mint else [b.mint_url for b in self.wallet.balances() if b.unit == unit]
        direct = [u for u in direct if not accepted or u in accepted]
        best: tuple[int, str] | None = None
        for url in direct:
            with contextlib.suppress(InsufficientBalance, UnknownMint):
                fee = await self._send_fee(url, pay_amount, unit, lock)
                if best is None or fee < best[0]:
                    best = (fee, url)
        if best is not None:
            return PreparedPayment(mint_url=best[1], fee_reserve=0, input_fee=best[0], **common)
        if not accepted or (mint is not None and mint in accepted):
            raise InsufficientBalance(
                t("no mint in the wallet holds {0} {1} plus fees ({2})").format(pay_amount, unit, mint)
                if mint
                else t("no mint in the wallet holds {0} {1} plus fees").format(pay_amount, unit)
            )
        # … or move ecash to one of them first (a mint quote there, paid by a melt here).
        return await self._prepare_transfer(pay_amount, unit, accepted, mint, lock, common)

    async def _prepare_transfer(
        self,
        amount: int,
        unit: str,
        accepted: list[str],
        source: str | None,
        lock: LockOptions | None,
        common: dict[str, Any],
    ) -> PreparedPayment:
        known = {m.url for m in self.wallet.list_mints()}
        destination = next((u for u in accepted if u in known), accepted[0])
        if destination not in known:
            await self.wallet.add_mint(destination)
        dest_wallet = await self.wallet.wallet_for(destination)
        # Minting exactly the amount lets the send hand over the new proofs without a swap; a locked send swaps.
        ppk = dest_wallet.keychain.active(unit).input_fee_ppk if lock else 0
        reserve = -(-(amount.bit_count() + 1) * ppk // 1000)
        if source is None:
            rows = sorted((b for b in self.wallet.balances() if b.unit == unit), key=lambda b: -b.balance)
            if not rows:
                raise InsufficientBalance(t("the wallet holds no {0}").format(unit))
            source = rows[0].mint_url
        quote = await self.wallet.create_invoice(amount + reserve, destination, unit)
        invoice = decode_invoice(quote.request)
        transfer_melt = await self._melt_at(source, invoice, unit, None)
        return PreparedPayment(
            mint_url=destination,
            fee_reserve=transfer_melt.fee_reserve,
            input_fee=transfer_melt.input_fee + reserve,
            transfer_from=source,
            transfer_melt=transfer_melt,
            transfer_quote=quote.quote,
            **common,
        )

    async def _send_fee(self, url: str, amount: int, unit: str, lock: LockOptions | None) -> int:
        """The input fee a send of ``amount`` would pay at ``url`` (0 when exact proofs exist), planned from the
        denominations' counts as the send plans it: no proof is read."""
        mw = await self.wallet.wallet_for(url, refresh=False)
        return send_fee(mw, unit, amount, locked=lock is not None)
