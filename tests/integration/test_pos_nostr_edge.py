"""The till answers customers over Nostr, against the real nutshell mint and a real relay (nostr-sdk's in-process
relay on 127.0.0.1).

A payment messaged over NIP-17 names its sender: the sale's signed receipt goes back to that key as a NIP-17 gift
wrap that nostr-sdk opens, holding the kind-9321 event nostr-sdk verifies; the delivery is journaled — when no relay
takes it, it stays pending and the next start's housekeeping sends it — and the receipt and ``pos receipt --json``
say where it went. Giveaway claims arrive over the Nostr inbox and the HTTP listener and get their ecash back on the
same transport; a replayed claim message never pays twice; the second claim of a key and of a code is refused and the
giveaway stops at its budget."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import nostr_sdk as ns
import zxingcpp
from PIL import Image

from core.api.giveaway_page import parse_claim_link
from core.api.giveaways import GiveawayService
from core.api.pos import PosService, SaleState
from core.nostr.crypto import NostrKeys, npub_encode
from core.nostr.nip17 import GIFT_WRAP, gift_wrap, make_rumor, seal, wrap_seal
from core.nostr.relay import Subscription, publish
from core.pos.nostr_mail import RECEIPT_EVENT
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload, decode_payment_request
from core.protocol.tokens import Token, decode_token
from tests.fakes.nwc_service import LocalNostrRelay
from tests.integration.wallet_helpers import fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint
from tests.peers.ports import free_port


async def _until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the condition did not hold in time")


async def _wraps_for(relay: str, keys: NostrKeys, count: int) -> list[dict[str, Any]]:
    """The first ``count`` gift wraps the relay holds for ``keys``."""
    found: list[dict[str, Any]] = []
    async with Subscription([relay], [{"kinds": [GIFT_WRAP], "#p": [keys.public_hex]}]) as sub:
        async with asyncio.timeout(20):
            while len(found) < count:
                found.append(await sub.get())
    return found


def _open_with_sdk(keys: NostrKeys, wrap: dict[str, Any]) -> tuple[str, str]:
    """(sender hex, rumor content) of a gift wrap, opened by nostr-sdk."""
    unwrapped = ns.UnwrappedGift.from_gift_wrap(ns.Keys.parse(keys.secret.hex()), ns.Event.from_json(json.dumps(wrap)))
    return unwrapped.sender().to_hex(), unwrapped.rumor().content()


async def test_a_nostr_payment_gets_its_signed_receipt_back_over_nip17_retried_after_a_restart(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    relay = LocalNostrRelay()  # not running yet: the first delivery finds no relay
    customer = NostrKeys.generate()
    shop_dir = tmp_path / "shop"
    async with open_wallet(tmp_path / "customer") as wallet:
        await fund(wallet, nutshell_mint.url, 200)
        proofs = list((await wallet.send(120, nutshell_mint.url)).proofs)
    async with open_wallet(shop_dir) as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
        async with PosService(wallet, webhook_base_delay=0.0) as till:
            till.configure(shop_name="Relay Café", trusted_mints=[nutshell_mint.url], nostr_relays=[relay.url])
            session = await till.start_checkout(120, memo="cake")
            request_id = decode_payment_request(session.request).id
            payload = PaymentRequestPayload(mint=nutshell_mint.url, unit="sat", proofs=proofs, id=request_id)
            shop = till.nostr_keys()
            # What the inbox hands over after unwrapping a gift wrap from the customer's key.
            await till._nostr_message(make_rumor(customer.public_hex, shop.public_hex, json.dumps(payload.to_json())))
            sale = till.sale(session.sale.id)
            assert sale.state is SaleState.PAID
            delivery = till.receipt_delivery(sale.id)
            assert delivery is not None and delivery.event == RECEIPT_EVENT
            assert (delivery.state, delivery.attempts, delivery.nostr_key) == ("pending", 1, customer.public_hex)
            assert delivery.last_error
            receipt_id = sale.receipt_id

    async with relay, open_wallet(shop_dir) as wallet, PosService(wallet, webhook_base_delay=0.0) as till:
        await till.housekeeping()  # the next start: the journaled delivery is tried again
        delivery = till.receipt_delivery(receipt_id)
        assert delivery is not None and (delivery.state, delivery.attempts) == ("delivered", 2)
        rows = dict(till.receipt(receipt_id))
        npub = npub_encode(customer.public_hex)
        assert rows["Receipt sent to"] == f"{npub[:16]}…{npub[-6:]} (delivered)"
        [wrap] = await _wraps_for(relay.url, customer, 1)
        sender, content = _open_with_sdk(customer, wrap)
        assert sender == shop.public_hex
        event = ns.Event.from_json(content)
        assert event.verify() and event.kind().as_u16() == 9321 and event.author().to_hex() == shop.public_hex
        record = json.loads(event.content())
        assert (record["shop"], record["receipt"], record["total"]) == ("Relay Café", receipt_id, 120)

    printed = nutdesk(shop_dir, "pos", "receipt", receipt_id)
    assert printed["delivery"]["to"] == npub and printed["delivery"]["state"] == "delivered"
    assert printed["event"]["id"] != "" and printed["event"]["kind"] == 9321


async def test_giveaway_claims_over_nostr_and_http_get_their_ecash_back_once_each_within_the_budget(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    async with LocalNostrRelay() as relay, open_wallet(tmp_path / "shop") as wallet:
        await fund(wallet, url, 500)
        async with PosService(wallet) as till:
            port = free_port()
            till.configure(shop_name="Faucet", trusted_mints=[url], nostr_relays=[relay.url],
                           post_endpoint=f"127.0.0.1:{port}")  # fmt: skip
            assert await till.serve_giveaways() == [], "no open giveaway: nothing listens"
            service = GiveawayService(wallet)
            made, codes = service.create("Flyer day", 50, 150, per_claimant=1, period="1d", codes=2, mint=url)
            await till.housekeeping()  # an open giveaway: its claims are taken over both transports
            inbox, base = till._nostr, f"http://127.0.0.1:{port}"
            assert inbox is not None and till._listener is not None and till._listener.base_url == base
            await asyncio.wait_for(inbox.synced.wait(), 20)
            shop = till.nostr_keys()
            ann, bob = NostrKeys.generate(), NostrKeys.generate()

            # Ann claims over Nostr as another wallet would (nostr-sdk's NIP-17), echoing her request's id.
            creq = PaymentRequest(id="ann-1", amount=50, unit="sat").encode_creqa()
            claim = json.dumps({"giveaway": made.id, "request": creq})
            rumor = make_rumor(ann.public_hex, shop.public_hex, claim)
            first_wrap = wrap_seal(seal(ann, shop.public_hex, rumor), shop.public_hex)
            assert all(r.accepted for r in await publish(first_wrap, [relay.url]))
            await _until(lambda: service.giveaway(made.id).claims == 1)
            [answer] = await _wraps_for(relay.url, ann, 1)
            sender, content = _open_with_sdk(ann, answer)
            payload = PaymentRequestPayload.from_json(json.loads(content))
            assert sender == shop.public_hex and payload.id == "ann-1" and payload.mint == url
            assert sum(p.amount for p in payload.proofs) == 50
            async with open_wallet(tmp_path / "ann") as ann_wallet:
                token = Token(mint=url, unit="sat", proofs=list(payload.proofs)).encode_v4()
                received = await ann_wallet.receive(token, trust=True)
                assert received.amount + received.fee == 50

            # The same message again (another wrap of it, as from another relay or after a restart): ignored.
            handled = inbox.handled
            again = wrap_seal(seal(ann, shop.public_hex, rumor), shop.public_hex)
            assert all(r.accepted for r in await publish(again, [relay.url]))
            await _until(lambda: inbox.handled == handled + 1)
            # A new message from Ann: refused (one claim per key per day), and she is told why.
            second = gift_wrap(ann, shop.public_hex, json.dumps({"giveaway": made.id}))
            assert all(r.accepted for r in await publish(second, [relay.url]))
            answers = await _wraps_for(relay.url, ann, 2)
            # (a wrap's time is randomised two days back: the relay's order is not the sending order)
            [refusal] = [m for m in (json.loads(_open_with_sdk(ann, w)[1]) for w in answers) if "error" in m]
            assert refusal == {"giveaway": made.id, "error": "this claimant already claimed within the period"}
            assert service.giveaway(made.id).claims == 1, "the replay paid nothing"

            # Over HTTP with a one-time code: the token is the answer; the code again is refused.
            async with httpx.AsyncClient(trust_env=False) as http:
                posted = await http.post(f"{base}/cashu/giveaway/{made.id}", json={"code": codes[0]})
                assert posted.status_code == 200, posted.text
                assert posted.json()["amount"] == 50 and decode_token(posted.json()["token"]).amount == 50
                reused = await http.post(f"{base}/cashu/giveaway/{made.id}", json={"code": codes[0]})
                assert (reused.status_code, reused.json()["detail"]) == (400, "this code was already claimed")
                assert (await http.post(f"{base}/cashu/giveaway/{made.id}", json={"code": codes[1]})).is_success
            # The budget (150) is given out: Bob is refused over Nostr and the giveaway closes.
            late = gift_wrap(bob, shop.public_hex, json.dumps({"giveaway": made.id}))
            assert all(r.accepted for r in await publish(late, [relay.url]))
            [told] = await _wraps_for(relay.url, bob, 1)
            assert (
                json.loads(_open_with_sdk(bob, told)[1])["error"] == "the giveaway Flyer day has given out its budget"
            )

            done = service.giveaway(made.id)
            assert (done.spent, done.claims, done.state) == (150, 3, "closed")
            sends = [op for op in wallet.store.operations(kinds=("send",)) if op.data.get("giveaway") == made.id]
            assert len(sends) == 3 and {op.state for op in sends} == {"done"}  # every paid claim journaled
            log = till.nostr_mail.repo.deliveries(nostr=True)
            assert sorted(d.state for d in log if d.event == "giveaway.nip17") == ["delivered", "refused", "refused"]


async def test_the_codes_page_has_one_qr_per_code_that_the_till_takes_as_a_claim(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    shop = tmp_path / "shop"
    async with open_wallet(shop) as wallet:
        await fund(wallet, nutshell_mint.url, 300)
    nutdesk(shop, "pos", "policy", "--shop-name", "Flyer Shop", "--relay", "wss://relay.example.com")
    created = nutdesk(shop, "pos", "giveaway", "create", "Street fair", "--amount", "21", "--budget", "100",
                      "--codes", "3")  # fmt: skip
    gid, codes = created["giveaway"]["id"], created["codes"]
    page = tmp_path / "codes.html"
    listed = nutdesk(shop, "pos", "giveaway", "codes", gid, "--out", str(page))
    assert sorted(c["code"] for c in listed["codes"]) == sorted(codes) and listed["page"] == str(page)
    assert not any(c["claimed"] for c in listed["codes"])
    assert page.stat().st_mode & 0o077 == 0, "the codes are bearer value: owner-only"

    text = page.read_text(encoding="utf-8")
    assert "Flyer Shop: Street fair" in text and "21 sat" in text
    pictures = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text)
    assert len(pictures) == 3
    links = [zxingcpp.read_barcodes(Image.open(io.BytesIO(base64.b64decode(p))))[0].text for p in pictures]
    parsed = [parse_claim_link(link) for link in links]
    assert sorted(code for _, code, _ in parsed) == sorted(codes) and {g for g, _, _ in parsed} == {gid}
    assert all(where["nostr"].startswith("nprofile1") for _, _, where in parsed)

    # The cashier scans a flyer: the link is taken as its code; the page then shows the code claimed.
    claim = nutdesk(shop, "pos", "giveaway", "claim", gid, "--code", links[0])["claim"]
    assert claim["amount"] == 21 and decode_token(claim["token"]).amount == 21
    again = nutdesk(shop, "pos", "giveaway", "claim", gid, "--code", links[0], check=False)
    assert again["error"]["message"] == "this code was already claimed"
    after = nutdesk(shop, "pos", "giveaway", "codes", gid, "--out", str(page))
    assert [c["code"] for c in after["codes"] if c["claimed"]] == [parsed[0][1]]
    assert f"<del>{parsed[0][1]}</del> (claimed)" in page.read_text(encoding="utf-8")


async def test_pos_giveaway_serve_takes_claims_over_the_post_endpoint(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    shop, port = tmp_path / "shop", free_port()
    async with open_wallet(shop) as wallet:
        await fund(wallet, nutshell_mint.url, 100)
        async with PosService(wallet) as till:
            till.configure(post_endpoint=f"127.0.0.1:{port}")
        made, codes = GiveawayService(wallet).create("Door prize", 7, 70, codes=1, mint=nutshell_mint.url)
    command = [sys.executable, "-m", "desktop", "--json", "--data-dir", str(shop), "pos", "giveaway", "serve",
               "--seconds", "8"]  # fmt: skip
    serving = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)
    async with httpx.AsyncClient(trust_env=False) as http:
        for _ in range(200):
            try:
                answer = await http.post(f"http://127.0.0.1:{port}/cashu/giveaway/{made.id}", json={"code": codes[0]})
                break
            except httpx.ConnectError:
                await asyncio.sleep(0.05)
        else:
            raise AssertionError("the till never listened")
    stdout, _ = await serving.communicate()
    assert answer.status_code == 200 and decode_token(answer.json()["token"]).amount == 7
    assert json.loads(stdout) == {"served": ["post"]} and serving.returncode == 0
    assert nutdesk(shop, "pos", "giveaway", "codes", made.id)["codes"] == [{"code": codes[0], "claimed": True}]
