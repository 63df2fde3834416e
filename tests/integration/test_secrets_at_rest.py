"""A copy of a password-protected data directory holds nothing spendable — checked byte by byte against the real
ecash a real nutshell mint issued — and the wallet reopens from the copy with the password and spends."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.api.pos import FailureReason, PaymentRefused, PosService, SaleState
from core.api.service import WalletService
from core.config import Config
from core.errors import InvalidPassword
from core.protocol import tokens
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint, make_bolt11

PASSWORD = "a long wallet password"
ALL_STATES = ("unspent", "reserved", "pending", "spent")


def _needles(service: WalletService, url: str, token_texts: list[str]) -> set[str]:
    """Every string that would let someone spend: proof secrets, signatures C, DLEQ blinding factors, tokens,
    mint quote ids and their NUT-20 keys, and the recovery words."""
    found: set[str] = set(token_texts)
    proofs = list(service.store.proofs(mint_url=url, states=ALL_STATES))
    for text in token_texts:
        proofs.extend(tokens.decode_token(text).proofs)
    for proof in proofs:
        found |= {proof.secret, proof.C}
        if proof.dleq is not None and proof.dleq.r:
            found.add(proof.dleq.r)
    for quote in service.store.mint_quotes():
        found.add(quote.quote)
        if quote.privkey:
            found.add(quote.privkey)
    found.add(service.mnemonic(PASSWORD))
    return found


def _files_holding(data_dir: Path, needles: set[str]) -> dict[str, list[str]]:
    """file name → the needles found in its bytes (the database, its -wal and -shm, anything else there)."""
    hits: dict[str, list[str]] = {}
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "wallet.sqlite3" for p in files)
    for path in files:
        blob = path.read_bytes()
        found = [n for n in needles if n.encode() in blob]
        if found:
            hits[path.name] = found
    return hits


async def test_a_copy_of_a_protected_data_directory_yields_no_proof_secret_signature_or_token(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    alice = WalletService.open(Config(data_dir=tmp_path / "alice"))
    try:
        alice.create_wallet(None, None)
        await fund(alice, url, 1000)
        before = await alice.send(100, url)  # written in the clear, sealed when the password is set
        alice.set_password(None, PASSWORD)

        async with open_wallet(tmp_path / "bob") as bob:
            await fund(bob, url, 300)
            gift = await bob.send(120, url)
            await alice.receive(gift.token)  # written sealed from the start
            after = await alice.send(50, url)
            prepared = await alice.prepare_melt(make_bolt11(30), url)
            await alice.melt(prepared)

            expected = balance(alice, url)
            needles = _needles(alice, url, [before.token, gift.token, after.token])
            assert len(needles) > 30
            # The check can fail: the same scan finds bob's plaintext (no password) in his directory.
            assert _files_holding(tmp_path / "bob", needles)

            # A copy taken while the wallet is open (its -wal and -shm too), and one after it closed.
            shutil.copytree(tmp_path / "alice", tmp_path / "copy-open")
            await alice.close()
            shutil.copytree(tmp_path / "alice", tmp_path / "copy-closed")
            for copy in ("copy-open", "copy-closed"):
                assert _files_holding(tmp_path / copy, needles) == {}, copy

            # The copy reopens with the password (and only with it) and spends.
            thief = WalletService.open(Config(data_dir=tmp_path / "copy-open"))
            try:
                with pytest.raises(InvalidPassword):
                    thief.unlock("not the password")
                thief.unlock(PASSWORD)
                assert balance(thief, url) == expected
                spent = await thief.send(40, url)
                received = await bob.receive(spent.token)
                assert received.amount == 40 - received.fee
                assert _files_holding(tmp_path / "copy-open", {spent.token}) == {}
            finally:
                await thief.close()
    finally:
        await alice.close()


async def test_a_protected_till_keeps_its_customers_ecash_and_webhook_secret_sealed(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    shop_dir = tmp_path / "shop"
    async with open_wallet(tmp_path / "customer") as customer, open_wallet(shop_dir) as shop:
        await fund(customer, url, 500)
        shop.set_password(None, PASSWORD)
        await shop.add_mint(url, trusted=True)
        async with PosService(shop) as pos:
            pos.configure(shop_name="Sealed Café", trusted_mints=[url])
            hook = pos.add_webhook("https://shop.example/events")
            paid = await customer.send(80, url)
            first = await pos.start_checkout(80)
            assert (await pos.pay_token(first.sale.id, paid.token)).state is SaleState.PAID
            # The same ecash is recognised through the sealed (deterministic) proof secrets of the sale.
            second = await pos.start_checkout(80)
            with pytest.raises(PaymentRefused) as refused:
                await pos.pay_token(second.sale.id, paid.token)
            assert refused.value.reason is FailureReason.ALREADY_USED
            refund = await pos.refund(first.sale.id, 20)

            needles = _needles(shop, url, [paid.token, refund.token]) | {hook.secret}
            shutil.copytree(shop_dir, tmp_path / "copy")
            assert _files_holding(tmp_path / "copy", needles) == {}
            assert pos.sale(first.sale.id).state is SaleState.PAID
