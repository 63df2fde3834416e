"""NUT-18 payment requests end to end: a merchant's local listener receives and redeems the payload a payer
posts; ecash held at another mint is moved first; a refused delivery takes the ecash back; a Nostr request
without relays (or not NIP-17) is refused before anything is spent. Real nutshell mints for every swap and melt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from core.api.payments import PaymentsService
from core.errors import UnsupportedInput, UserFacingError
from core.payments.errors import AmountError, DeliveryFailed
from core.protocol.payment_requests import PaymentRequest, Transport, decode_payment_request
from tests.fakes.post_endpoint import FakePostEndpoint
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint

NPUB = "npub1sg6plzptd64u62a878hep2kev88swjh3tw00gjsfl8f237lmu63q0uf63m"


async def test_pay_a_request_over_post_to_the_merchants_listener(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with (
        open_wallet(tmp_path / "merchant") as merchant,
        PaymentsService(merchant) as shop,
        open_wallet(tmp_path / "payer") as payer,
        PaymentsService(payer) as payments,
    ):
        await merchant.add_mint(url, trusted=True)
        listener = shop.listener()
        await listener.start()
        request = shop.create_request(64, "sat", description="2 coffees", listener=listener)
        assert request.mints == (url,), "the merchant's trusted mints are the accepted ones"
        assert request.transports[0].type == "post" and request.transports[0].target.startswith("http://127.0.0.1:")
        creq = request.encode_creqa()

        await fund(payer, url, 200)
        prepared = await payments.prepare_payment(creq, comment="table 4")
        assert (prepared.kind, prepared.amount, prepared.mint_url, prepared.fee_reserve) == (
            "payment_request",
            64,
            url,
            0,
        )
        assert prepared.description == "2 coffees"
        result = await payments.pay(prepared)
        assert result.paid and result.delivered and result.amount == 64

        received = await listener.wait(request.id or "", timeout=10)
        assert (received.amount + received.fee, received.mint, received.unit, received.memo) == (
            64,
            url,
            "sat",
            "table 4",
        )
        assert balance(merchant, url) == (received.amount, 0)
        assert balance(payer, url)[0] == 200 - 64 - result.fee

        # A single-use request is paid once: a second payment is refused and the payer takes the ecash back.
        again = await payments.prepare_payment(creq)
        with pytest.raises(DeliveryFailed, match=r"already paid.*taken back"):
            await payments.pay(again)
        assert balance(merchant, url) == (received.amount, 0)


async def test_ecash_at_another_mint_is_moved_to_an_accepted_one_first(
    tmp_path: Path, nutshell_mint: NutshellMint, second_mint: NutshellMint
) -> None:
    async with (
        open_wallet(tmp_path / "merchant") as merchant,
        PaymentsService(merchant) as shop,
        open_wallet(tmp_path / "payer") as payer,
        PaymentsService(payer) as payments,
    ):
        await merchant.add_mint(nutshell_mint.url, trusted=True)
        listener = shop.listener()
        await listener.start()
        request = shop.create_request(40, mints=[nutshell_mint.url], listener=listener)

        await fund(payer, second_mint.url, 300)
        prepared = await payments.prepare_payment(request.encode_creqb())
        assert (prepared.transfer_from, prepared.mint_url) == (second_mint.url, nutshell_mint.url)
        assert prepared.fee_reserve > 0
        result = await payments.pay(prepared)
        assert result.paid and result.delivered

        received = await listener.wait(request.id or "", timeout=10)
        assert received.amount + received.fee == 40 and received.mint == nutshell_mint.url
        assert balance(payer, nutshell_mint.url) == (0, 0)
        assert balance(payer, second_mint.url)[0] == 300 - 40 - result.fee


async def test_a_refused_delivery_takes_the_ecash_back(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    with FakePostEndpoint(status=500, body={"detail": "database is down"}) as endpoint:
        request = PaymentRequest(
            id="r1", amount=32, unit="sat", mints=(url,), transports=(Transport("post", endpoint.url),)
        )
        async with open_wallet(tmp_path / "payer") as payer, PaymentsService(payer) as payments:
            await fund(payer, url, 100)
            prepared = await payments.prepare_payment(request.encode_creqa())
            with pytest.raises(DeliveryFailed, match=r"HTTP 500: database is down.*taken back"):
                await payments.pay(prepared)
            spendable, pending = balance(payer, url)
            assert pending == 0 and 100 - 3 <= spendable < 100, "back, minus the swap fees"
        [payload] = endpoint.payloads
        assert (payload["id"], payload["mint"], payload["unit"]) == ("r1", url, "sat")
        assert sum(p["amount"] for p in payload["proofs"]) == 32


async def test_the_fake_endpoint_gets_a_valid_payload_the_receiver_can_redeem(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    with FakePostEndpoint() as endpoint:
        request = PaymentRequest(id="r2", amount=36, unit="sat", transports=(Transport("post", endpoint.url),))
        async with open_wallet(tmp_path / "payer") as payer, PaymentsService(payer) as payments:
            await fund(payer, url, 100)
            result = await payments.pay(await payments.prepare_payment(request.encode_creqa()))
            assert result.paid and result.fee == 0, "100 = 64+32+4: 36 is exact, no swap"
        [payload] = endpoint.payloads
    async with open_wallet(tmp_path / "receiver") as receiver, PaymentsService(receiver) as shop:
        await receiver.add_mint(url, trusted=True)
        accepted = PaymentRequest(id="r2", amount=36, unit="sat", mints=(url,))
        from core.protocol.payment_requests import PaymentRequestPayload

        got = await shop.redeem_payload(accepted, PaymentRequestPayload.from_json(payload))
        assert got.amount + got.fee == 36


async def test_nostr_transport_without_relays_or_nip17_is_refused_before_spending(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    # Delivery over Nostr itself: tests/integration/test_nostr_payments.py.
    request = PaymentRequest(id="n1", amount=10, unit="sat", transports=(Transport("nostr", NPUB, (("n", "17"),)),))
    legacy = PaymentRequest(id="n2", amount=10, unit="sat", transports=(Transport("nostr", NPUB, (("n", "04"),)),))
    async with open_wallet(tmp_path / "payer") as payer, PaymentsService(payer) as payments:
        await fund(payer, nutshell_mint.url, 50)
        assert payments.decode(request.encode_creqa()).details["transports"] == ["nostr"]
        with pytest.raises(UserFacingError, match="names no relay"):
            await payments.prepare_payment(request.encode_creqa())
        with pytest.raises(UnsupportedInput, match="other than NIP-17"):
            await payments.prepare_payment(legacy.encode_creqa())
        assert balance(payer, nutshell_mint.url) == (50, 0)


async def test_in_band_request_and_amount_rules(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "payer") as payer, PaymentsService(payer) as payments:
        await fund(payer, url, 100)
        open_amount = PaymentRequest(id="x", unit="sat", mints=(url,)).encode_creqa()
        with pytest.raises(AmountError, match="no amount"):
            await payments.prepare_payment(open_amount)
        with pytest.raises(AmountError, match="not 5 sat"):
            await payments.prepare_payment(PaymentRequest(amount=4, unit="sat").encode_creqa(), amount=5)
        result = await payments.pay(await payments.prepare_payment(open_amount, amount=36))
        assert not result.paid and result.token is not None, "no transport: the token is handed over by hand"
        assert result.fee == 0, "100 = 64+32+4: 36 is exact, no swap"
        assert balance(payer, url) == (64, 36), "the handed-over token stays pending until claimed"


async def test_listener_refuses_foreign_mints_underpayment_and_unknown_requests(
    tmp_path: Path, nutshell_mint: NutshellMint, second_mint: NutshellMint
) -> None:
    async with (
        open_wallet(tmp_path / "merchant") as merchant,
        PaymentsService(merchant) as shop,
        open_wallet(tmp_path / "payer") as payer,
    ):
        listener = shop.listener()
        await listener.start()
        request = shop.create_request(20, mints=[nutshell_mint.url], listener=listener)
        await fund(payer, second_mint.url, 64)
        await fund(payer, nutshell_mint.url, 64)
        foreign = await payer.send(20, second_mint.url)
        short = await payer.send(8, nutshell_mint.url)
        async with httpx.AsyncClient(trust_env=False) as http:
            target = listener.url_for(request.id or "")
            for sent, mint, message in (
                (foreign, second_mint.url, "does not accept"),
                (short, nutshell_mint.url, "asked for 20"),
            ):
                body = {"id": request.id, "mint": mint, "unit": "sat", "proofs": [p.to_json() for p in sent.proofs]}
                response = await http.post(target, json=body)
                assert response.status_code == 400 and message in response.json()["detail"]
            assert (await http.post(listener.url_for("nope"), json={})).status_code == 404
            assert (await http.post(target, content=b"{not json")).status_code == 400
        assert merchant.balances() == []
        assert listener.received(request.id or "") == []


def test_cli_decode_request_and_pay_a_listening_request(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    merchant, payer = tmp_path / "merchant", tmp_path / "payer"
    for data_dir in (merchant, payer):
        nutdesk(data_dir, "init")
    nutdesk(merchant, "mint", "add", url, "--trust")
    nutdesk(payer, "mint", "add", url, "--trust")
    nutdesk(payer, "invoice", "300", "--mint", url, "--wait")

    made = nutdesk(merchant, "request", "21", "--mint", url, "--description", "tea")
    assert decode_payment_request(made["request"]).amount == 21
    decoded = nutdesk(payer, "decode", made["request"])
    assert (decoded["kind"], decoded["amount"], decoded["mints"], decoded["description"]) == (
        "payment_request",
        21,
        [url],
        "tea",
    )

    listening = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop",
            "--json",
            "--data-dir",
            str(merchant),
            "request",
            "21",
            "--listen",
            "--timeout",
            "60",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert listening.stderr is not None
        creq = listening.stderr.readline().strip()
        assert creq.startswith("creqA"), creq
        paid = nutdesk(payer, "pay", creq, "--yes")
        assert (paid["paid"], paid["kind"], paid["amount"], paid["delivered"]) == (True, "payment_request", 21, True)
        out, _ = listening.communicate(timeout=60)
    finally:
        if listening.poll() is None:
            listening.kill()
            listening.communicate()
    result = json.loads(out)
    assert result["received"]["amount"] + result["received"]["fee"] == 21
    assert nutdesk(merchant, "balance")["total"] == {"sat": result["received"]["amount"]}
