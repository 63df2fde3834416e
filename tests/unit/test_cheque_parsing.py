"""Cheque inputs: durations and recipient keys (hex, P2PK:hex, npub)."""

from __future__ import annotations

import pytest

from core.api.cheque_page import render_page
from core.api.cheques import parse_duration, recipient_pubkey
from core.errors import UserFacingError

G = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"


def test_durations_in_the_usual_units() -> None:
    assert parse_duration("30d") == 30 * 86400
    assert parse_duration("12h") == 12 * 3600
    assert parse_duration("90m") == 5400
    assert parse_duration("45s") == 45
    assert parse_duration("2w") == 14 * 86400
    assert parse_duration("7") == 7 * 86400
    for bad in ("", "0d", "-1d", "soon", "3y"):
        with pytest.raises(UserFacingError):
            parse_duration(bad)


def test_recipient_keys_in_every_form_become_one_compressed_key() -> None:
    assert recipient_pubkey("02" + G) == "02" + G
    assert recipient_pubkey("P2PK:02" + G.upper()) == "02" + G
    assert recipient_pubkey(G) == "02" + G  # a Nostr x-only key: the even-y point
    npub = "npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg"
    assert recipient_pubkey(npub).startswith("02") and len(recipient_pubkey(npub)) == 66
    for bad in ("npub1nothing", "02abcd", "hello"):
        with pytest.raises(UserFacingError):
            recipient_pubkey(bad)


def test_the_printable_page_carries_the_qr_and_the_expiry() -> None:
    page = render_page("cashuBxyz<script>", amount=21, unit="sat", mint="http://m", recipient="02" + G, locktime=1)
    assert "data:image/png;base64," in page and "returns to the sender" in page
    assert "<script>" not in page and "cashuBxyz&lt;script&gt;" in page
