"""A mint that lies (a tampering proxy in front of the real nutshell mint): nothing false is ever counted.

After each tampering the command fails cleanly (``MintMisbehaved``, an *outcome unknown*), the operation is
kept, recovery restores from the mint's own records, and the wallet's books equal the mint's database.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.config import Config
from core.errors import MintMisbehaved, MintUnreachable, NutdeskError, ProtocolError
from core.mint_client.http import MintClient
from tests.integration.wallet_helpers import balance, fund
from tests.peers.nutshell import NutshellMint, make_bolt11
from tests.peers.tamper_proxy import TamperProxy, mint_owes


@dataclass
class Hostile:
    mint: NutshellMint
    proxy: TamperProxy
    service: WalletService
    data_dir: Path

    def books(self) -> tuple[int, int]:
        """(what the wallet holds at the mint, spendable + pending; what the mint owes by its database)."""
        spendable, pending = balance(self.service, self.proxy.url)
        return spendable + pending, mint_owes(self.mint.data_dir)

    async def recover(self) -> list[str]:
        self.proxy.clear()
        return [r.result for r in await RecoveryService(self.service).recover()]


@pytest.fixture
async def hostile(nutshell_mint_factory: Callable[..., NutshellMint], tmp_path: Path) -> AsyncIterator[Hostile]:
    mint = nutshell_mint_factory()
    proxy = TamperProxy(mint.port)
    await proxy.start()
    data_dir = tmp_path / "w"
    service = WalletService.open(Config(data_dir=data_dir, request_timeout=5.0, melt_timeout=20.0))
    service.create_wallet()
    try:
        await fund(service, proxy.url, 300)
        yield Hostile(mint, proxy, service, data_dir)
    finally:
        await service.close()
        await proxy.stop()


def first_signature(key: str, change: Callable[[dict[str, Any]], None]) -> Callable[[Any], None]:
    def edit(body: Any) -> None:
        change(body[key][0])

    return edit


def inflate_and_strip(sig: dict[str, Any]) -> None:
    sig["amount"] *= 1024
    sig.pop("dleq", None)


def strip_dleq(body: Any) -> None:
    for sig in body["signatures"]:
        sig.pop("dleq", None)


def drop_last(body: Any) -> None:
    body["signatures"].pop()


def wrong_keyset(sig: dict[str, Any]) -> None:
    sig["id"] = "01" + "ee" * 32


SWAP_TAMPERINGS: dict[str, Callable[[Any], None]] = {
    "inflated amount, no DLEQ": first_signature("signatures", inflate_and_strip),
    "inflated amount": first_signature("signatures", lambda s: s.update(amount=s["amount"] * 1024)),
    "stripped DLEQ": strip_dleq,
    "dropped signature": drop_last,
    "wrong keyset": first_signature("signatures", wrong_keyset),
}


@pytest.mark.parametrize("tampering", list(SWAP_TAMPERINGS))
async def test_a_tampered_swap_counts_nothing_and_recovery_restores_the_mints_records(
    hostile: Hostile, tampering: str
) -> None:
    hostile.proxy.edit("/v1/swap", SWAP_TAMPERINGS[tampering])
    with pytest.raises(MintMisbehaved, match="misbehaved"):
        await hostile.service.send(13, hostile.proxy.url)
    held, owed = hostile.books()
    assert held <= 300, "nothing the mint invented was counted"
    assert hostile.proxy.url in hostile.service.misbehaved_mints()
    assert await hostile.recover() == ["finished"]
    assert hostile.books()[0] == hostile.books()[1]
    assert owed == hostile.books()[1]


async def test_tampered_mint_signatures_are_refused_and_restored(hostile: Hostile) -> None:
    quote = await hostile.service.create_invoice(64, hostile.proxy.url)
    hostile.proxy.edit("/v1/mint/bolt11", first_signature("signatures", wrong_keyset))
    with pytest.raises(MintMisbehaved):
        await hostile.service.wait_and_mint(hostile.proxy.url, quote.quote, timeout=30)
    assert balance(hostile.service, hostile.proxy.url)[0] == 300 - 0, "the 64 were not counted yet"
    assert await hostile.recover() == ["finished"]
    held, owed = hostile.books()
    assert held == owed == 364


async def test_inflated_melt_change_is_refused_and_the_real_change_restored(hostile: Hostile) -> None:
    prepared = await hostile.service.prepare_melt(make_bolt11(100), hostile.proxy.url)

    def inflate(body: Any) -> None:
        body["change"] = (
            [dict(body["change"][0], amount=32768) for _ in range(5)]
            if body.get("change")
            else [{"id": "01" + "00" * 32, "amount": 32768, "C_": "02" + "11" * 32}]
        )

    hostile.proxy.edit("/v1/melt/bolt11", inflate)
    with pytest.raises(MintMisbehaved):
        await hostile.service.melt(prepared)
    assert await hostile.recover() == ["finished"]
    held, owed = hostile.books()
    assert held == owed
    melt = next(h for h in hostile.service.history() if h.kind == "melt")
    assert melt.fee is not None and 0 <= melt.fee <= prepared.fee_reserve + prepared.input_fee


async def test_a_fake_proof_of_payment_is_recorded_not_believed(hostile: Hostile) -> None:
    prepared = await hostile.service.prepare_melt(make_bolt11(50), hostile.proxy.url)
    hostile.proxy.edit("/v1/melt/bolt11", lambda body: body.update(payment_preimage="00" * 32))
    result = await hostile.service.melt(prepared)
    assert result.paid and result.preimage_matches is False
    melt = next(h for h in hostile.service.history() if h.kind == "melt")
    assert melt.data.get("preimage_matches") is False
    held, owed = hostile.books()
    assert held == owed


@pytest.mark.parametrize(
    "body",
    [
        b'{"signatures": [{"id": "00", "amount": 1e999, "C_": "02"}]}',
        b"[" * 3000,
        b'{"signatures": [0]}',
    ],
    ids=["1e999", "deep nesting", "wrong types"],
)
async def test_an_unreadable_swap_answer_is_outcome_unknown_and_recovered(hostile: Hostile, body: bytes) -> None:
    hostile.proxy.replace("/v1/swap", body)
    with pytest.raises(MintUnreachable) as caught:
        await hostile.service.send(13, hostile.proxy.url)
    assert caught.value.sent
    assert await hostile.recover() == ["finished"]
    held, owed = hostile.books()
    assert held == owed


async def test_a_huge_answer_is_refused_without_storing_it(hostile: Hostile) -> None:
    hostile.proxy.replace("/v1/info", b'{"name": "' + b"x" * (6 * 1024 * 1024) + b'"}', times=3)
    with pytest.raises(ProtocolError, match=r"at most 4194304|larger than"):
        await hostile.service.mint_info(hostile.proxy.url)
    assert len(json.dumps(hostile.service.store.get_mint(hostile.proxy.url).info)) < 100_000  # type: ignore[union-attr]


async def test_a_slow_answer_ends_at_the_overall_deadline(hostile: Hostile) -> None:
    hostile.proxy.slow("/v1/keysets", every=2.0)
    async with MintClient(hostile.proxy.url, timeout=httpx.Timeout(1.0, connect=1.0), get_attempts=1) as client:
        with pytest.raises(MintUnreachable, match="did not finish answering GET /v1/keysets within 2 s"):
            await client.get_keysets()


async def run_cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "desktop",
        "--json",
        "--data-dir",
        str(data_dir),
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ},
    )
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    return proc.returncode or 0, out.decode(), err.decode()


async def test_the_cli_prints_one_json_error_and_balance_shows_the_mark(hostile: Hostile) -> None:
    hostile.proxy.edit("/v1/swap", SWAP_TAMPERINGS["inflated amount, no DLEQ"])
    code, out, err = await run_cli(hostile.data_dir, "send", "13", "--mint", hostile.proxy.url)
    assert code != 0
    error = json.loads(out)["error"]
    assert error["code"] == "mint-misbehaved" and "misbehaved" in error["message"]
    assert "Traceback" not in out + err
    hostile.proxy.clear()
    code, out, _ = await run_cli(hostile.data_dir, "balance")
    listed = json.loads(out)
    assert hostile.proxy.url in listed["misbehaved_mints"]
    assert listed["mints"][0]["misbehaved"]


async def test_every_tampering_leaves_a_clean_error_type() -> None:
    assert issubclass(MintMisbehaved, NutdeskError)


async def test_a_quote_faked_as_paid_mints_nothing(
    nutshell_mint_factory: Callable[..., NutshellMint], tmp_path: Path
) -> None:
    mint = nutshell_mint_factory(extra_env={"FAKEWALLET_BRR": "false"})  # nobody pays the invoice
    proxy = TamperProxy(mint.port)
    await proxy.start()
    service = WalletService.open(Config(data_dir=tmp_path / "w", request_timeout=5.0))
    service.create_wallet()
    try:
        # Without NUT-17 the wallet polls the quote over HTTP, where the proxy can lie about it.
        proxy.edit("/v1/info", lambda body: body["nuts"].pop("17", None))
        await service.add_mint(proxy.url, trusted=True)
        quote = await service.create_invoice(100, proxy.url)
        proxy.edit(f"/v1/mint/quote/bolt11/{quote.quote}", lambda body: body.update(state="PAID"), times=5)
        with pytest.raises(NutdeskError, match=r"not been paid|not paid"):
            await service.wait_and_mint(proxy.url, quote.quote, timeout=10)
        assert proxy.tampered, "the wallet asked and was lied to"
        await RecoveryService(service).recover()
        assert balance(service, proxy.url) == (0, 0)
        assert mint_owes(mint.data_dir) == 0
    finally:
        await service.close()
        await proxy.stop()


async def test_a_keyset_refresh_refuses_a_fee_its_id_does_not_commit_to(hostile: Hostile) -> None:
    def raise_fee(body: Any) -> None:
        for keyset in body["keysets"]:
            keyset["input_fee_ppk"] = keyset.get("input_fee_ppk", 0) + 900

    hostile.proxy.edit("/v1/keysets", raise_fee)
    with pytest.raises(NutdeskError, match="keyset"):
        await hostile.service.add_mint(hostile.proxy.url, trusted=True)  # refreshes the keysets
    fees = {k.input_fee_ppk for k in hostile.service.store.keysets(hostile.proxy.url)}
    assert max(fees) < 900, "the stored fee is unchanged"

    hostile.proxy.edit("/v1/keysets", lambda body: body["keysets"][0].update(input_fee_ppk=-5))
    with pytest.raises(ProtocolError):
        await hostile.service.add_mint(hostile.proxy.url, trusted=True)


async def test_a_melt_past_the_deadline_polls_its_quote_instead_of_one_long_read(hostile: Hostile) -> None:
    prepared = await hostile.service.prepare_melt(make_bolt11(40), hostile.proxy.url)
    hostile.proxy.slow("/v1/melt/bolt11", every=3.0)  # the answer drips; the quote itself answers at once
    result = await hostile.service.melt(prepared)
    assert result.paid
    assert any("POST /v1/melt/bolt11" in line for line in hostile.proxy.tampered)
    held, owed = hostile.books()
    assert held == owed


async def test_recovery_through_a_mint_that_keeps_lying_keeps_the_operation(hostile: Hostile) -> None:
    hostile.proxy.edit("/v1/swap", SWAP_TAMPERINGS["dropped signature"])
    with pytest.raises(MintMisbehaved):
        await hostile.service.send(13, hostile.proxy.url)
    # The restore answer lies as well: a doubled amount, which its DLEQ proof does not support.
    hostile.proxy.edit("/v1/restore", first_signature("signatures", lambda s: s.update(amount=s["amount"] * 2)))
    reports = await RecoveryService(hostile.service).recover()
    assert [r.result for r in reports] == ["unreachable"], "kept, to be asked again"
    assert await hostile.recover() == ["finished"]
    held, owed = hostile.books()
    assert held == owed
