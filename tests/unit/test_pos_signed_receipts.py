"""A receipt whose amounts do not add up is refused even when its signature is good (a shop's own mistake)."""

from __future__ import annotations

from core.nostr.crypto import NostrKeys, sign_event
from core.pos.signed import RECEIPT_KIND, canonical, sign_receipt, verify_receipt


def _record(**changes: object) -> dict[str, object]:
    lines = [{"name": "Tea", "quantity": 1, "amount": 100}, {"name": "Bun", "quantity": 2, "amount": 200}]
    return {"v": 1, "shop": "S", "receipt": "R-000001", "lines": lines, "price": 300, "tip": 10, "fee_advance": 0,
            "total": 310, "paid_at": 1_700_000_000, **changes}  # fmt: skip


def test_a_good_receipt_passes_and_bad_sums_are_named() -> None:
    keys = NostrKeys.generate()
    assert verify_receipt(sign_receipt(keys, _record()), keys.npub).ok
    lines_off = verify_receipt(sign_receipt(keys, _record(price=290, total=300)))
    assert lines_off.problems == ["the lines do not add up to the price"]
    total_off = verify_receipt(sign_receipt(keys, _record(total=300)))
    assert total_off.problems == ["price, tip and fee advance do not add up to the total"]
    note = sign_event(keys, 1, canonical(_record()), [])
    assert verify_receipt(note).problems == [f"kind 1 is not a receipt ({RECEIPT_KIND})"]
