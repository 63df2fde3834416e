"""Cheque inputs: durations and recipient keys (hex, P2PK:hex, npub)."""

from __future__ import annotations

import pytest

from core.api.cheque_page import qr_text, render_page
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


def test_a_token_too_long_for_one_qr_code_is_shown_without_its_dleq_proofs() -> None:
    from core.protocol.models import DLEQ, Proof
    from core.protocol.p2pk import make_p2pk_secret
    from core.protocol.tokens import Token, decode_token

    secret = make_p2pk_secret("02" + G, locktime=1_790_000_000, refund=["03" + G])
    dleq = DLEQ(e="11" * 32, s="22" * 32, r="33" * 32)
    proofs = [Proof(id="00ad268c4d1f5826", amount=1 << i, secret=secret, C="02" + G, dleq=dleq) for i in range(6)]
    token = Token(mint="http://127.0.0.1:3338", unit="sat", proofs=proofs).encode_v4()
    assert len(token) > 2950 and qr_text("cashuBshort") == "cashuBshort"
    compact = decode_token(qr_text(token))
    assert len(qr_text(token)) <= 2950 and [p.secret for p in compact.proofs] == [secret] * 6
    assert all(p.dleq is None for p in compact.proofs)
