"""Mint health assessed from what the wallet knows (pure): keysets nearing final_expiry with ecash in them warn
first, then fee changes, failed operations and a failed self-check."""

from __future__ import annotations

from typing import Any

from core.api.mint_health import EXPIRY_WARNING_DAYS, assess
from core.ports.storage import OperationRecord, StoredKeyset

URL = "http://127.0.0.1:3338"
NOW = 1_800_000_000.0
DAY = 86400


def keyset(kid: str, *, active: bool = True, expiry: float | None = None, fee: int = 100) -> StoredKeyset:
    return StoredKeyset(kid, URL, "sat", active, fee, None if expiry is None else int(expiry), {1: "02" + "aa" * 32}, 0)


def failed(days_ago: float, mint: str = URL) -> OperationRecord:
    t = NOW - days_ago * DAY
    return OperationRecord("op", "melt", mint, "sat", 10, 0, "failed", {}, "", "no route", t, t)


def report(**kwargs: Any) -> Any:
    defaults: dict[str, Any] = {"keysets": [], "keyset_balances": {}, "operations": [], "record": {}, "now": NOW}
    return assess(URL, **(defaults | kwargs))


def test_a_keyset_expiring_with_ecash_in_it_warns_to_move_it() -> None:
    soon = keyset("00aa11bb22cc33dd", active=False, expiry=NOW + 3 * DAY + 60)
    empty = keyset("00ee11ff22aa33bb", active=False, expiry=NOW + 2 * DAY)
    later = keyset("00ffffffffffffff", expiry=NOW + (EXPIRY_WARNING_DAYS + 5) * DAY)
    r = report(keysets=[soon, empty, later], keyset_balances={soon.id: 120, later.id: 999})
    assert [e.keyset_id for e in r.expiring] == [soon.id, empty.id]
    assert len(r.warnings) == 1
    assert "expires in 3 days with 120 sat" in r.warnings[0] and "move that ecash" in r.warnings[0]
    past = report(keysets=[keyset("00aa", expiry=NOW - DAY)], keyset_balances={"00aa": 5})
    assert "has expired" in past.warnings[0]


def test_failed_operations_fee_changes_and_self_check_are_reported() -> None:
    record = {
        "answers_ms": [30, 50, 40],
        "fee_change": "input fee (sat) changed from 100 to 200 ppk per proof on 2027-01-15",
        "self_check": {"ok": False, "at": NOW, "detail": "the mint refused the swap"},
    }
    ops = [failed(1), failed(2), failed(40), failed(1, mint="http://other")]
    r = report(operations=ops, record=record, reachable=True)
    assert (r.answer_ms, r.median_answer_ms, r.failed_operations) == (40, 40, 2)
    assert r.self_check_ok is False and r.self_check_detail == "the mint refused the swap"
    assert r.warnings == (
        record["fee_change"],
        "2 failed operation(s) in the last 30 days",
        "the last self-check failed: the mint refused the swap",
    )
    assert r.summary().startswith("online · 40 ms · 2 failed · self-check FAILED · ⚠ input fee")
    assert report().summary() == "not checked"
    assert report().to_json()["warnings"] == []
