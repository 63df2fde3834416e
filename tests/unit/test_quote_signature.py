"""NUT-20 mint-quote signatures and NUT-29 batch minting (every nut20 and nut29 vector case)."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import ProtocolError
from core.protocol.ec import sha256
from core.protocol.models import BlindedMessage
from core.protocol.quote_signature import (
    BatchQuote,
    OutputLike,
    batch_message_hashes,
    check_batch_mint_request,
    mint_quote_message,
    new_quote_keypair,
    sign_batch_mint,
    sign_mint_quote,
    validate_batch_mint_request,
    validate_batch_mint_response,
    verify_batch_mint_signatures,
    verify_mint_quote,
)
from tests.vectorlib import vector_cases


@pytest.mark.parametrize("case", vector_cases("20", "nut20_mint_signature"))
def test_nut20_vectors(case: dict[str, Any]) -> None:
    request = case["input"]["mint_request"]
    outputs = [BlindedMessage(id=o["id"], amount=o["amount"], B_=o["B_"]) for o in request["outputs"]]
    if "msg_to_sign_bytes" in case["expected"]:
        message = mint_quote_message(request["quote"], outputs)
        assert list(message) == case["expected"]["msg_to_sign_bytes"]
        assert message.decode() == case["expected"]["msg_to_sign_utf8"]
    valid = verify_mint_quote(request["quote"], outputs, request["signature"], case["input"]["pubkey"])
    assert valid is case["expected"]["valid"]


def test_nut20_round_trip() -> None:
    key, pubkey = new_quote_keypair()
    outputs: list[OutputLike] = ["02" + "ab" * 32, {"amount": 1, "id": "00", "B_": "03" + "cd" * 32}]
    signature = sign_mint_quote("quote-1", outputs, key)
    assert verify_mint_quote("quote-1", outputs, signature, pubkey)
    assert not verify_mint_quote("quote-2", outputs, signature, pubkey)
    assert not verify_mint_quote("quote-1", outputs[:1], signature, pubkey)
    assert not verify_mint_quote("quote-1", outputs, "00" * 10, pubkey)


@pytest.mark.parametrize("case", vector_cases("29", "nut20_batch_signature"))
def test_nut29_batch_signature(case: dict[str, Any]) -> None:
    i, expected = case["input"], case["expected"]
    request = i["request"]
    quotes, outputs, signatures = request["quotes"], request["outputs"], request["signatures"]
    assert signatures[0] == expected["signature_0"]
    assert quotes == [i["quote"]]
    hashes = batch_message_hashes(quotes, outputs)
    verifies = verify_batch_mint_signatures(quotes, outputs, signatures, [i["pubkey"]])
    if "known_defect" in case:
        # Published with a renamed quote id but the old signature: it must NOT verify, nor match the hash.
        assert verifies is False
        assert hashes[0] != expected["msg_hash"]
        assert verify_mint_quote(i["quote"], outputs, expected["signature_0"], i["pubkey"]) is False
    else:
        assert hashes[0] == expected["msg_hash"]
        assert verifies is expected["valid"]
        known = {i["quote"]: BatchQuote(mintable=2, pubkey=i["pubkey"])}
        assert validate_batch_mint_request(request, known).ok


@pytest.mark.parametrize("case", vector_cases("29", "batch_mint_shape"))
def test_nut29_shapes(case: dict[str, Any]) -> None:
    request, response = case["input"]["request"], case["expected"]["response"]
    assert validate_batch_mint_request(request).ok
    known = {q: BatchQuote(mintable=a) for q, a in zip(request["quotes"], request["quote_amounts"], strict=True)}
    assert validate_batch_mint_request(request, known, "bolt11").ok
    assert validate_batch_mint_response(request, response).ok
    assert not validate_batch_mint_response(request, {"signatures": []}).ok


# Mint-side context each behaviour case needs (which quotes the mint knows, and their methods).
_KNOWN: dict[str, dict[str, BatchQuote]] = {
    "check endpoint with unknown quote -> whole request rejected": {"known-1": BatchQuote(mintable=1)},
    "batch mint with one unknown quote -> atomic failure": {"valid_quote_id": BatchQuote(mintable=1)},
    "batch mint mixing bolt11/bolt12 quotes -> reject": {
        "019e6d5a-2347-7000-80fe-07ae8fa79774": BatchQuote(method="bolt11", mintable=5),
        "019e6d5a-2347-7000-8791-dbfba168f0ad": BatchQuote(method="bolt12", mintable=3),
    },
}


@pytest.mark.parametrize("case", vector_cases("29", "batch_mint_mint_behaviour"))
def test_nut29_mint_behaviour(case: dict[str, Any]) -> None:
    i, expected = case["input"], case["expected"]
    request = i.get("request") or {"quotes": i["request_quotes"], "outputs": []}
    known = _KNOWN.get(case["name"], {q: BatchQuote(mintable=1) for q in request["quotes"]})
    result = validate_batch_mint_request(request, known)
    assert result.ok is expected["valid"]
    if "error_code" in expected:
        assert result.code == expected["error_code"]
    if "error" in expected:
        assert result.code == expected["error"]["code"]
        assert result.reason == expected["error"]["error"]
    with pytest.raises(ProtocolError):
        check_batch_mint_request(request, known)


def test_batch_sign_and_verify_mixed_locks() -> None:
    key_a, pub_a = new_quote_keypair()
    quotes = ["qa", "qb"]
    outputs = [{"amount": 4, "id": "00ab", "B_": "02" + "ab" * 32}]
    signatures = sign_batch_mint(quotes, outputs, [key_a, None])
    assert signatures is not None and signatures[1] is None
    assert verify_batch_mint_signatures(quotes, outputs, signatures, [pub_a, None])
    assert not verify_batch_mint_signatures(quotes, outputs, [None, None], [pub_a, None])
    assert not verify_batch_mint_signatures(quotes, outputs, [signatures[0], signatures[0]], [pub_a, None])
    assert sign_batch_mint(quotes, outputs, [None, None]) is None
    assert verify_batch_mint_signatures(quotes, outputs, None, [None, None])
    request = {"quotes": quotes, "outputs": outputs, "signatures": signatures, "quote_amounts": [3, 1]}
    known = {"qa": BatchQuote(mintable=3, pubkey=pub_a), "qb": BatchQuote(mintable=1)}
    assert validate_batch_mint_request(request, known, "bolt11").ok
    assert not validate_batch_mint_request({**request, "quote_amounts": [3, 2]}, known).ok
    assert not validate_batch_mint_request(request, {**known, "qb": BatchQuote(unit="usd", mintable=1)}).ok
    assert not validate_batch_mint_request(request, {**known, "qb": BatchQuote(mintable=0)}).ok
    assert sha256(mint_quote_message("qa", outputs)).hex() == batch_message_hashes(quotes, outputs)[0]
