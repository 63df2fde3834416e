"""The one contract every Lightning backend meets: create, pay, status, stream, errors, amountless, expiry.

Each backend runs against its real server (LNbits 1.6.2) or a faithful local server (LND REST, CLN clnrest,
Blink/Flash GraphQL, an NWC wallet service over a local relay), or in process (Fake). A harness gives two
wallets on the same server — a funded payer and a payee — and backends that must fail (bad key, unreachable).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncIterator

import pytest

from backends._http import decode_bolt11
from core.errors import BackendError, BackendUnavailable
from core.ports.lightning import LightningBackend, PaidInvoice, PaymentState
from tests.fakes.harnesses import HARNESSES, Harness, lnbits_session

__all__ = ["lnbits_server"]

lnbits_server = lnbits_session


@pytest.fixture(params=sorted(HARNESSES))
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    factory = HARNESSES[request.param]
    async with factory(request) as h:
        yield h


async def _balance_sat(backend: LightningBackend) -> int:
    return (await backend.status()).balance_sat


async def test_status_reports_the_balance(harness: Harness) -> None:
    status = await harness.payer.status()
    assert status.balance_sat == harness.funded_sat
    assert (await harness.payee.status()).balance_sat == 0


async def test_create_pay_and_status(harness: Harness) -> None:
    invoice = await harness.payee.create_invoice(21, memo="contract coffee", expiry=600)
    payment_hash, amount_msat, _ = decode_bolt11(invoice.bolt11)
    assert (payment_hash, amount_msat, invoice.amount) == (invoice.payment_hash, 21_000, 21)
    assert (await harness.payee.invoice_status(invoice.payment_hash)).state is PaymentState.PENDING

    result = await harness.payer.pay_invoice(invoice.bolt11, fee_limit_msat=10_000)
    assert result.state is PaymentState.SETTLED, result
    if harness.preimage_on_pay:
        assert result.preimage is not None
    if result.preimage is not None:
        assert hashlib.sha256(bytes.fromhex(result.preimage)).hexdigest() == invoice.payment_hash

    incoming = await harness.payee.invoice_status(invoice.payment_hash)
    assert incoming.state is PaymentState.SETTLED
    outgoing = await harness.payer.payment_status(invoice.payment_hash)
    assert outgoing.state is PaymentState.SETTLED
    assert await _balance_sat(harness.payee) == 21
    assert await _balance_sat(harness.payer) == harness.funded_sat - 21 - (result.fee_msat or 0) // 1000

    # Paying the same invoice again is refused, never a second payment.
    again = await harness.payer.pay_invoice(invoice.bolt11)
    assert again.state in (PaymentState.FAILED, PaymentState.SETTLED)
    assert await _balance_sat(harness.payee) == 21


async def test_stream_yields_each_paid_invoice_once(harness: Harness) -> None:
    seen: list[PaidInvoice] = []
    two_seen = asyncio.Event()

    async def consume() -> None:
        async for paid in harness.payee.paid_invoices():
            seen.append(paid)
            if len({p.payment_hash for p in seen}) >= 2:
                two_seen.set()

    task = asyncio.create_task(consume())
    try:
        await asyncio.sleep(harness.stream_warmup)
        first = await harness.payee.create_invoice(5, memo="stream 1")
        second = await harness.payee.create_invoice(7, memo="stream 2")
        for invoice in (first, second):
            assert (await harness.payer.pay_invoice(invoice.bolt11)).state is PaymentState.SETTLED
        async with asyncio.timeout(harness.stream_timeout):
            await two_seen.wait()
        await asyncio.sleep(0.3)  # a duplicate notification would arrive now
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert [(p.payment_hash, p.amount_msat) for p in seen] == [
        (first.payment_hash, 5_000),
        (second.payment_hash, 7_000),
    ]


async def test_insufficient_balance_is_a_definite_failure(harness: Harness) -> None:
    invoice = await harness.payee.create_invoice(harness.funded_sat + 1_000, memo="too much")
    result = await harness.payer.pay_invoice(invoice.bolt11)
    assert result.state is PaymentState.FAILED
    assert result.error
    assert await _balance_sat(harness.payer) == harness.funded_sat
    with pytest.raises(Exception, match="failed") as raised:
        result.raise_for_state()
    assert raised.type.__name__ == "PaymentFailed"


async def test_unknown_payment_is_pending_never_failed(harness: Harness) -> None:
    unknown = hashlib.sha256(b"nobody paid this").hexdigest()
    if harness.payer.capabilities.status_by_hash:
        assert (await harness.payer.payment_status(unknown)).state is PaymentState.PENDING
        assert (await harness.payee.invoice_status(unknown)).state is PaymentState.PENDING


async def test_errors_map_into_the_core_tree(harness: Harness) -> None:
    with pytest.raises(BackendError):
        await harness.bad_key.status()
    with pytest.raises(BackendUnavailable):
        await harness.unreachable.status()
    with pytest.raises(BackendUnavailable):
        await harness.unreachable.pay_invoice((await harness.payee.create_invoice(3)).bolt11)
    with pytest.raises(BackendError):
        await harness.payer.pay_invoice("lnbc1notaninvoice")


async def test_amountless(harness: Harness) -> None:
    caps_payee, caps_payer = harness.payee.capabilities, harness.payer.capabilities
    if not caps_payee.amountless_invoices:
        with pytest.raises(BackendError):
            await harness.payee.create_invoice(0)
        return
    invoice = await harness.payee.create_invoice(0, memo="any amount")
    assert decode_bolt11(invoice.bolt11)[1] is None
    if not caps_payer.amountless:
        with pytest.raises(BackendError):
            await harness.payer.pay_invoice(invoice.bolt11, amount_msat=13_000)
        return
    result = await harness.payer.pay_invoice(invoice.bolt11, amount_msat=13_000)
    assert result.state is PaymentState.SETTLED, result
    assert await _balance_sat(harness.payee) == 13
    assert (await harness.payee.invoice_status(invoice.payment_hash)).state is PaymentState.SETTLED


async def test_expired_invoice_is_not_paid(harness: Harness) -> None:
    invoice = await harness.make_expiring_invoice()
    await asyncio.sleep(2.2)
    result = await harness.payer.pay_invoice(invoice.bolt11)
    assert result.state is PaymentState.FAILED, result
    assert await _balance_sat(harness.payer) == harness.funded_sat
    assert await _balance_sat(harness.payee) == 0
    assert (await harness.payee.invoice_status(invoice.payment_hash)).state in harness.expired_invoice_states
