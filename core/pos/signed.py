"""Signed receipts: a Nostr NIP-01 event, signed by the shop's Nostr key, over a canonical record of a paid sale —
so any Nostr library can check that the shop issued it, and anyone can check that its amounts add up.

The event (kind ``RECEIPT_KIND`` = 9321, a regular event; documented in the README):

- ``content``: the record as canonical JSON (keys sorted, no spaces, UTF-8): ``v`` (1), ``shop`` (its name),
  ``receipt`` (R-000006), ``sale`` (its id), ``unit``, ``lines`` (each ``name``, ``quantity``, ``unit_price`` and
  ``currency`` — the price as listed —, ``discount`` and ``tax_rate`` in percent, ``amount`` in ``unit`` and the
  ``tax`` it includes), ``price`` (the lines' sum, or the keypad amount), ``tip``, ``fee_advance``, ``total``,
  ``fiat`` (``currency``, ``amount``, ``rate`` per BTC, or null), ``paid_at`` (unix seconds), ``settlement``,
  ``mint``, ``offline`` (accepted without the mint), and ``proofs`` — the SHA-256 of the redeemed proofs' secrets,
  sorted and joined by newlines (empty for a Lightning payment): the customer can match it to the ecash they gave.
- ``tags``: ``["t", "nutdesk-receipt"]``, ``["receipt", "R-000006"]``, ``["alt", "Receipt R-000006 from SHOP"]``.
- ``created_at``: the time the sale was paid.

Checking (``verify_receipt``): the event's id and Schnorr signature (NIP-01), its kind, the shop's key when the
caller knows it, and the amounts: the lines add up to ``price`` and ``price + tip + fee_advance = total``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from core.i18n import t
from core.nostr.crypto import NostrKeys, npub_decode, sign_event, verify_event
from core.pos.catalog import SaleLine
from core.pos.types import Sale

__all__ = ["RECEIPT_KIND", "ReceiptCheck", "canonical", "proofs_hash", "receipt_record", "sign_receipt",
           "verify_receipt"]  # fmt: skip

RECEIPT_KIND = 9321
RECEIPT_TAG = "nutdesk-receipt"


def canonical(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def proofs_hash(secrets: Sequence[str]) -> str:
    """SHA-256 (hex) of the proofs' secrets, sorted and joined by newlines; "" without proofs."""
    return hashlib.sha256("\n".join(sorted(secrets)).encode()).hexdigest() if secrets else ""


def _secrets(sale: Sale) -> list[str]:
    proofs = (sale.payload or {}).get("proofs")
    if not isinstance(proofs, list):
        return []
    return [str(p["secret"]) for p in proofs if isinstance(p, dict) and "secret" in p]


def receipt_record(sale: Sale, shop: str, lines: Sequence[SaleLine], *, offline: bool = False) -> dict[str, Any]:
    """The canonical record of a paid ``sale`` (see the module's docstring)."""
    fiat = None
    if sale.fiat_amount is not None and sale.fiat_currency:
        fiat = {"currency": sale.fiat_currency, "amount": str(sale.fiat_amount),
                "rate": None if sale.fiat_rate is None else f"{sale.fiat_rate:.2f}"}  # fmt: skip
    return {
        "v": 1,
        "shop": shop,
        "receipt": sale.receipt_id,
        "sale": sale.id,
        "unit": sale.unit,
        "lines": [line.to_json() for line in lines],
        "price": sale.base_amount,
        "tip": sale.tip,
        "fee_advance": sale.fee_advance,
        "total": sale.amount,
        "fiat": fiat,
        "paid_at": int(sale.paid_at or sale.created_at),
        "settlement": sale.settlement,
        "mint": sale.mint_url,
        "offline": offline,
        "proofs": proofs_hash(_secrets(sale)),
    }


def sign_receipt(keys: NostrKeys, record: dict[str, Any]) -> dict[str, Any]:
    """The NIP-01 event of ``record``, signed with the shop's ``keys``."""
    receipt = str(record["receipt"])
    tags = [["t", RECEIPT_TAG], ["receipt", receipt], ["alt", f"Receipt {receipt} from {record['shop']}"]]
    return sign_event(keys, RECEIPT_KIND, canonical(record), tags, created_at=int(record["paid_at"]))


@dataclass
class ReceiptCheck:
    """What ``verify_receipt`` found: ``ok`` when ``problems`` is empty."""

    record: dict[str, Any] | None
    shop_key: str  # the signer's public key (hex)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, "shop_key": self.shop_key, "record": self.record}


def _shop_hex(text: str) -> str:
    text = text.strip()
    return npub_decode(text) if text.startswith("npub1") else text.lower()


def parse_event(text: str) -> dict[str, Any]:
    """An event from its JSON (a ``pos receipt --json`` output with the event under "event" works too)."""
    data = json.loads(text)
    if isinstance(data, dict) and isinstance(data.get("event"), dict):
        data = data["event"]
    if not isinstance(data, dict):
        raise ValueError(t("not a Nostr event"))
    return data


def verify_receipt(event: dict[str, Any], shop_key: str | None = None) -> ReceiptCheck:
    """Check a receipt event: signature, kind, the shop's key (hex or npub, when given), amounts."""
    check = ReceiptCheck(None, str(event.get("pubkey", "")))
    if not verify_event(event):
        check.problems.append("the signature does not match the event (forged or altered)")
    if event.get("kind") != RECEIPT_KIND:
        check.problems.append(f"kind {event.get('kind')} is not a receipt ({RECEIPT_KIND})")
    if shop_key and _shop_hex(shop_key) != check.shop_key:
        check.problems.append("signed by another key than the shop's")
    try:
        record = json.loads(str(event.get("content", "")))
        assert isinstance(record, dict)
        check.record = record
        lines = record.get("lines") or []
        price, total = int(record["price"]), int(record["total"])
        if lines and sum(int(line["amount"]) for line in lines) != price:
            check.problems.append("the lines do not add up to the price")
        if price + int(record["tip"]) + int(record["fee_advance"]) != total:
            check.problems.append("price, tip and fee advance do not add up to the total")
    except (ValueError, KeyError, TypeError, AssertionError):
        check.problems.append("the content is not a receipt record")
    return check
