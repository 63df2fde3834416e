"""Analytics of a scripted history made against real nutshell mints: issue, receive, send, melt, a transfer
between two mints and a failed receive. Every figure of the report is checked against what the operations
returned (and the wallet's balances), and the CLI writes the four report formats."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from core.analytics.periods import parse_period
from core.api.analytics import AnalyticsService
from core.errors import ProofsAlreadySpent
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint
from tests.unit.test_analytics_beancount import check_beancount


async def test_the_report_of_a_scripted_history_is_exact(
    nutshell_mint: NutshellMint, second_mint: NutshellMint, tmp_path: Path
) -> None:
    a, b = nutshell_mint.url, second_mint.url
    async with open_wallet(tmp_path / "w1") as w1, open_wallet(tmp_path / "w2") as w2:
        assert await fund(w1, a, 2000) == 2000
        assert await fund(w1, b, 1000) == 1000
        await fund(w2, a, 500)
        await w2.add_mint(b, trusted=True)

        sent = await w1.send(300, a)
        gift = await w2.send(150, a)
        received = await w1.receive(gift.token)
        await w2.receive(sent.token)  # w2 claims our token …
        with pytest.raises(ProofsAlreadySpent):
            await w1.receive(sent.token)  # … so taking it back fails: a failed operation

        invoice = await w2.create_invoice(100, b)
        prepared = await w1.prepare_melt(invoice.request, a)
        melted = await w1.melt(prepared)
        assert melted.paid
        moved = await w1.transfer(200, a, b)

        analytics = AnalyticsService(w1)
        rates = {received.operation_id: 60_000.0, melted.operation_id: 50_000.0}
        for op_id, rate in rates.items():
            analytics.record_fiat_rate(op_id, rate, "USD")

        snap = analytics.snapshot(parse_period("all", granularity="day"))
        totals = snap.totals()
        assert totals["received_lightning"] == 3000
        assert totals["received_ecash"] == received.amount == 150 - received.fee
        assert totals["sent_ecash"] == 300
        assert totals["paid_lightning"] == 100
        assert totals["transfer_out"] == 200
        assert totals["transfer_in"] == moved.amount == 200
        assert totals["fees"] == sent.fee + received.fee + melted.fee + moved.fee
        assert snap.entries == 6  # 2 issues, send, receive, melt, transfer (one entry: melt here, mint there)

        # The balance the journal gives is the wallet's spendable balance at each mint.
        assert snap.balance_at_end(a) == balance(w1, a)[0]
        assert snap.balance_at_end(b) == balance(w1, b)[0] == 1200
        assert snap.balance_at_end() == balance(w1, a)[0] + 1200

        fees = {f.mint_url: f for f in snap.fees}
        transfer_op = next(o for o in w1.store.operations(kinds=["transfer"]))
        transfer_reserve = _fee_reserve(w1, transfer_op.data["quote"])
        transfer_input_fee = -(-len(transfer_op.data["inputs"]) * 100 // 1000)  # 100 ppk, rounded up
        fa = fees[a]
        assert fa.fee_ppk == 100
        assert fa.lightning_payments == 2
        assert fa.lightning_amount == 300
        assert fa.lightning_reserve == prepared.fee_reserve + transfer_reserve
        assert fa.lightning_paid == (melted.fee - prepared.input_fee) + (moved.fee - transfer_input_fee)
        assert fa.reserve_returned == fa.lightning_reserve - fa.lightning_paid
        assert fa.input_fees == sent.fee + received.fee + prepared.input_fee + transfer_input_fee
        assert fa.fees == sent.fee + received.fee + melted.fee + moved.fee
        assert fa.volume == 2000 + 300 + received.amount + 100 + 200
        assert fa.effective_percent == (Decimal(fa.fees) * 100 / fa.volume).quantize(Decimal("0.01"))
        melt_change = melted.change
        assert fa.change_returned >= melt_change > 0

        failures = [f for f in snap.failures if f.total]
        assert sum(f.failed for f in failures) == 1

        fiat = snap.fiat_totals()
        assert fiat["received_ecash"] == (Decimal(received.amount) * 60_000 / 100_000_000).quantize(Decimal("0.01"))
        assert fiat["paid_lightning"] == Decimal("0.05")  # 100 sat at 50,000 USD/BTC
        assert snap.unpriced == 4  # six entries, two priced

        exposure = {x.mint_url: x for x in snap.exposure}
        assert exposure[a].balance == balance(w1, a)[0]
        assert exposure[a].pending == balance(w1, a)[1]
        total = exposure[a].balance + exposure[b].balance
        assert exposure[b].share == (Decimal(1200) * 100 / total).quantize(Decimal("0.01"))

        ledger = analytics.render(parse_period("all"), "beancount")
        assert len(check_beancount(ledger)) == 7

    # The CLI writes every format from the same figures.
    data_dir = tmp_path / "w1"
    figures_file = tmp_path / "report.json"
    result = nutdesk(data_dir, "report", "--period", "all", "--format", "json", "--out", str(figures_file))
    assert result["file"] == str(figures_file) and result["entries"] == 6
    figures = json.loads(figures_file.read_text())
    assert figures["totals"]["sat"]["transfer_in"] == 200
    assert figures["totals"]["sat"]["fees"] == sent.fee + received.fee + melted.fee + moved.fee
    for fmt, name in (("csv", "report.csv"), ("beancount", "ledger.beancount"), ("pdf", "report.pdf")):
        out = tmp_path / name
        nutdesk(data_dir, "report", "--period", "all", "--format", fmt, "--out", str(out))
        assert out.stat().st_size > 0
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert len(check_beancount((tmp_path / "ledger.beancount").read_text())) == 7
    assert "totals,,,sat,transfer_out,200" in (tmp_path / "report.csv").read_text()


def _fee_reserve(service: object, quote: str) -> int:
    from sqlalchemy import text

    store = service.store  # type: ignore[attr-defined]
    with store.db.engine.connect() as conn:
        return int(conn.execute(text("SELECT fee_reserve FROM melt_quotes WHERE quote = :q"), {"q": quote}).scalar())
