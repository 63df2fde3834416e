"""The refund as a journaled operation, fast: ``core.pos.refunds.Refunds`` on a real SQLite wallet database with a
scripted wallet whose send answers each way a send can end (done; refused before anything reached the mint;
refused before any journal entry; outcome unknown; the process dying after the send). Printed as a table: what the
refund row, the sale's lock and a second refund see, then what recovery records."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.errors import InsufficientBalance, MintRejected, MintUnreachable, UserFacingError
from core.ports.storage import BalanceRow
from core.pos.refunds import Refunds
from core.pos.repo import SaleRepository
from core.pos.types import Refund, Sale, SaleState
from core.storage.db import Database
from core.storage.sealed import vault_of
from core.storage.store import Store

MINT = "http://127.0.0.1:1"


class Died(BaseException):
    """The process died right after the send (``refund:after_sent``), before recording it."""


@dataclass(frozen=True)
class Sent:
    token: str
    amount: int
    fee: int
    operation_id: str


class ScriptedWallet:
    """The wallet as refunds see it; ``send`` journals like the real one, then ends as ``answer`` says."""

    def __init__(self, store: Store, answer: str) -> None:
        self.store = store
        self.answer = answer
        self.sends = 0

    async def wallet_for(self, url: str, *, refresh: bool = True) -> Any:
        return None

    def choose_mint_for(self, amount: int, unit: str = "sat") -> str:
        return MINT

    def balances(self) -> list[BalanceRow]:
        return [BalanceRow(MINT, "sat", 10_000, 0)]

    async def send(self, amount: int, mint_url: str, unit: str = "sat", *, memo: str = "", data: Any = None) -> Any:
        self.sends += 1
        if self.answer == "no-entry":
            raise InsufficientBalance("no proofs")
        op = self.store.create_operation(kind="send", mint_url=mint_url, unit=unit, amount=amount, data=data)
        if self.answer == "refused":
            self.store.update_operation(op, state="rolled_back", error="refused")
            raise MintRejected("refused", mint_code=11005)
        if self.answer == "unknown":
            self.store.update_operation(op, state="sent")
            raise MintUnreachable("no answer", mint_url=mint_url)
        finish(self.store, op, amount)
        if self.answer == "dies":
            raise Died
        return Sent(f"cashuB{op}", amount, 1, op)


def finish(store: Store, op: str, amount: int) -> None:
    """What the send (or the wallet's recovery resuming it) records when it is done."""
    store.update_operation(op, state="done", fee=1)
    store.add_exported_token(operation_id=op, mint_url=MINT, unit="sat", amount=amount, token=f"cashuB{op}")


def paid_sale(repo: SaleRepository, amount: int = 100) -> Sale:
    sale = repo.create_sale(
        unit="sat", amount=amount, base_amount=amount, tip=0, fee_advance=0, memo="", cashier="",
        fiat_currency=None, fiat_amount=None, fiat_rate=None, request_id=uuid.uuid4().hex,
    )  # fmt: skip
    repo.update(sale.id, state=SaleState.SETTLING)
    return repo.update(sale.id, state=SaleState.PAID, mint_url=MINT, settlement="swap")


@pytest.fixture(params=["plain", "sealed"])
def store(tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    """A wallet database, without a password or with one (secret columns, the refund token among them, sealed)."""
    db = Database.open_file(tmp_path / "wallet.db")
    if request.param == "sealed":
        vault_of(db.engine).set_key(b"\x07" * 64, seal_writes=True)
    return Store(db)


def mode(store: Store) -> str:
    return "sealed" if vault_of(store.db.engine).seal_writes else "plain"


ROWS: list[str] = []


@pytest.mark.parametrize(
    ("answer", "raised", "row_after", "left_after", "recorded"),
    [
        ("ok", None, "finished", 40, 0),
        ("refused", MintRejected, "dropped", 100, 0),
        ("no-entry", InsufficientBalance, "dropped", 100, 0),
        ("unknown", MintUnreachable, "held", 40, 1),
        ("dies", Died, "held", 40, 1),
    ],
)
def test_a_refund_ends_once_whatever_the_send_answers(
    store: Store, answer: str, raised: type[BaseException] | None, row_after: str, left_after: int, recorded: int
) -> None:
    repo = SaleRepository(store.db)
    wallet = ScriptedWallet(store, answer)
    told: list[str] = []  # "sale.refunded" webhooks: one per refund, by whoever records it

    async def tell(refund: Refund) -> None:
        told.append(refund.id)

    refunds = Refunds(wallet, repo, on_recorded=tell)
    sale = paid_sale(repo)

    async def scenario() -> str:
        if raised is None:
            await refunds.refund(sale, 60, key="k")
        else:
            with pytest.raises(raised):
                await refunds.refund(sale, 60, key="k")
        row = repo.refund("k")
        state = "dropped" if row is None else ("finished" if row.finished else "held")
        assert state == row_after
        assert repo.get(sale.id).refundable == left_after  # type: ignore[union-attr]
        second = ""
        later = Refunds(wallet, repo, on_recorded=tell)  # another process, or the app after a restart
        if state == "held":
            [op] = [o for o in store.operations(kinds=("send",)) if o.data.get("refund") == "k"]
            assert op.data["refund_of"] == sale.id  # written when the entry was created
            if op.state != "done":  # the per-sale lock: no other refund while this one's outcome is open
                with pytest.raises(UserFacingError, match="another refund of R-000001 is under way") as info:
                    await later.refund(sale, 10, key="other")
                second = str(info.value).split(":")[0]
                finish(store, op.id, 60)  # the wallet's recovery finishes the send
        done = await later.finish_pending()
        again = await later.finish_pending()
        assert len(done) == recorded and again == []
        final = repo.refunds(sale_id=sale.id, finished=None)
        assert all(r.finished for r in final) and sum(r.amount for r in final) == (100 - left_after)
        assert wallet.sends == 1
        # The same key again is the same refund, never a second one (and no second webhook).
        if final:
            assert (await later.refund(sale, 60, key="k")).id == "k" and wallet.sends == 1
        assert told == [r.id for r in final]
        if final and mode(store) == "sealed":  # the refund token is sealed at rest, the lock works all the same
            with store.db.session() as s:
                [raw] = s.execute(text("SELECT token FROM pos_refunds")).scalars().all()
            assert raw.startswith("nd1") and final[0].token.startswith("cashuB")
        return (
            f"{mode(store):<6} {answer:<9} {state:<9} left {left_after:>3}  second: {second or '-':<34} "
            f"recovery recorded {len(done)}"
        )

    ROWS.append(asyncio.run(scenario()))
    print("\n" + "\n".join(ROWS))


def test_a_full_refund_is_followed_by_fully_refunded_and_over_asking_names_the_limit(store: Store) -> None:
    repo = SaleRepository(store.db)
    refunds = Refunds(ScriptedWallet(store, "ok"), repo)
    sale = paid_sale(repo)

    async def scenario() -> None:
        with pytest.raises(UserFacingError, match="refund between 1 and 100 sat of R-000001"):
            await refunds.refund(sale, 101)
        await refunds.refund(sale, None)
        with pytest.raises(UserFacingError, match=r"^R-000001 is fully refunded$"):
            await refunds.refund(sale, None)

    asyncio.run(scenario())


def test_refused_payments_are_counted_per_shift_also_sealed(store: Store) -> None:
    repo = SaleRepository(store.db)
    assert repo.failed_attempts(1) is None
    for _ in range(3):
        repo.count_failed_attempt(1)
    repo.count_failed_attempt(2)
    assert (repo.failed_attempts(1), repo.failed_attempts(2)) == (3, 1)
    with store.db.session() as s:
        raw = s.execute(text("SELECT value FROM settings WHERE key = 'pos:failed-attempts:1'")).scalar_one()
    assert raw.startswith("nd1") == (mode(store) == "sealed")
