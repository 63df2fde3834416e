"""NUT-10/11 P2PK and NUT-14 HTLC: every nut11 vector case, plus signing round trips and malformed locks."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from coincurve import PrivateKey

from core.errors import SpendingConditionError
from core.protocol.ec import sha256
from core.protocol.htlc import (
    make_htlc_secret,
    new_preimage,
    preimage_matches,
    sign_htlc_proof,
    verify_htlc_proof,
)
from core.protocol.models import BlindedMessage, Proof
from core.protocol.p2pk import (
    SIG_ALL,
    check_p2pk_proof,
    check_sig_all,
    check_spending_conditions,
    is_sig_all,
    make_p2pk_secret,
    parse_conditions,
    parse_secret,
    parse_witness,
    sig_all_message,
    sign_proof,
    sign_sig_all,
    try_parse_secret,
    verify_p2pk_proof,
    verify_sig_all_melt,
    verify_sig_all_swap,
)
from tests.vectorlib import load, vector_cases

NOW = int(time.time())  # the vectors' locktimes are judged against the current time (see the README)


def _inputs(request: dict[str, Any]) -> list[Proof]:
    return [Proof.from_json(p) for p in request["inputs"]]


def _outputs(request: dict[str, Any]) -> list[BlindedMessage]:
    return [BlindedMessage(id=o["id"], amount=o["amount"], B_=o["B_"]) for o in request["outputs"]]


@pytest.mark.parametrize("case", vector_cases("11", "p2pk_proof_verify"))
def test_p2pk_proof_verify(case: dict[str, Any]) -> None:
    proof = Proof.from_json(case["input"]["proof"])
    assert verify_p2pk_proof(proof, NOW) is case["expected"]["valid"]
    if not case["expected"]["valid"]:
        with pytest.raises(SpendingConditionError):
            check_p2pk_proof(proof, NOW)


@pytest.mark.parametrize("case", vector_cases("11", "sig_all_msg_to_sign"))
def test_sig_all_msg_to_sign(case: dict[str, Any]) -> None:
    request = case["input"].get("swap_request") or case["input"]["melt_request"]
    message = sig_all_message(_inputs(request), _outputs(request), request.get("quote"))
    assert message == case["expected"]["msg_to_sign"]
    assert sha256(message.encode()).hex() == case["expected"]["sha256_hex"]


@pytest.mark.parametrize("case", vector_cases("11", "sig_all_swap_verify"))
def test_sig_all_swap_verify(case: dict[str, Any]) -> None:
    request = case["input"]["swap_request"]
    inputs, outputs = _inputs(request), _outputs(request)
    assert is_sig_all(inputs)
    assert verify_sig_all_swap(inputs, outputs, NOW) is case["expected"]["valid"]
    if case["expected"]["valid"]:
        check_spending_conditions(inputs, outputs, NOW)
        # The signature commits to the outputs: changing one output breaks it.
        tampered = [BlindedMessage(id=o.id, amount=o.amount + 1, B_=o.B_) for o in outputs]
        assert verify_sig_all_swap(inputs, tampered, NOW) is False
    else:
        with pytest.raises(SpendingConditionError):
            check_sig_all(inputs, outputs, NOW)


@pytest.mark.parametrize("case", vector_cases("11", "sig_all_melt_verify"))
def test_sig_all_melt_verify(case: dict[str, Any]) -> None:
    request = case["input"]["melt_request"]
    inputs, outputs = _inputs(request), _outputs(request)
    assert verify_sig_all_melt(request["quote"], inputs, outputs, NOW) is case["expected"]["valid"]
    # The quote id is part of the message: the same witness is no good for another quote or for a swap.
    assert verify_sig_all_melt(request["quote"] + "x", inputs, outputs, NOW) is False
    assert verify_sig_all_swap(inputs, outputs, NOW) is False


def test_fixture_secret_parses() -> None:
    fixture = load("11")["fixtures"]["multisig_base_proof"]
    secret = parse_secret(fixture["secret"])
    conditions = parse_conditions(secret)
    assert secret.kind == "P2PK"
    assert conditions.n_sigs == 2 and conditions.locktime == 21 and len(conditions.refund) == 2
    assert conditions.main_keys[0] == secret.data
    # A compact re-serialisation of this (compact, ordered) secret is byte-identical.
    assert secret.serialize() == fixture["secret"]


# --- round trips -------------------------------------------------------------------------------

ALICE = PrivateKey(b"\x01" * 32)
BOB = PrivateKey(b"\x02" * 32)
CAROL = PrivateKey(b"\x03" * 32)


def _pub(key: PrivateKey) -> str:
    return key.public_key.format().hex()


def _proof(secret: str) -> Proof:
    return Proof(id="009a1f293253e41e", amount=8, secret=secret, C="02" + "11" * 32)


def test_sign_and_verify_single_key() -> None:
    proof = _proof(make_p2pk_secret(_pub(ALICE)))
    assert not verify_p2pk_proof(proof, NOW)
    signed = sign_proof(proof, ALICE)
    assert signed.witness is not None and json.loads(signed.witness)["signatures"]
    assert verify_p2pk_proof(signed, NOW)
    assert not verify_p2pk_proof(sign_proof(proof, BOB), NOW)


def test_multisig_counts_distinct_keys() -> None:
    secret = make_p2pk_secret(_pub(ALICE), pubkeys=[_pub(BOB), _pub(CAROL)], n_sigs=2)
    proof = _proof(secret)
    once = sign_proof(proof, ALICE)
    twice_same_key = sign_proof(once, ALICE)  # two valid signatures, one signer
    assert not verify_p2pk_proof(twice_same_key, NOW)
    assert verify_p2pk_proof(sign_proof(once, CAROL), NOW)


def test_locktime_and_refund_paths() -> None:
    secret = make_p2pk_secret(_pub(ALICE), locktime=1000, refund=[_pub(BOB)])
    by_refund = sign_proof(_proof(secret), BOB)
    assert not verify_p2pk_proof(by_refund, 999)
    assert not verify_p2pk_proof(by_refund, 1000)  # "greater than locktime"
    assert verify_p2pk_proof(by_refund, 1001)
    assert verify_p2pk_proof(sign_proof(_proof(secret), ALICE), 5000)  # the main path stays open
    # Expired and without refund keys: anyone can spend.
    open_lock = _proof(make_p2pk_secret(_pub(ALICE), locktime=1000))
    assert verify_p2pk_proof(open_lock, 1001) and not verify_p2pk_proof(open_lock, 10)


def test_sig_all_round_trip() -> None:
    secret = make_p2pk_secret(_pub(ALICE), pubkeys=[_pub(BOB)], n_sigs=2, sig_all=True, nonce="00" * 32)
    assert parse_conditions(parse_secret(secret)).sigflag == SIG_ALL
    inputs = [_proof(secret), _proof(secret.replace("00" * 32, "01" * 32))]
    outputs = [BlindedMessage(id="009a1f293253e41e", amount=16, B_="02" + "22" * 32)]
    signed = sign_sig_all(inputs, outputs, [ALICE, BOB], quote_id="q1")
    assert signed[1].witness is None
    assert verify_sig_all_melt("q1", signed, outputs, NOW)
    assert not verify_sig_all_melt("q1", sign_sig_all(inputs, outputs, [ALICE], quote_id="q1"), outputs, NOW)
    # A SIG_ALL proof cannot be judged alone.
    with pytest.raises(SpendingConditionError):
        check_p2pk_proof(signed[0], NOW)


def test_htlc_round_trip() -> None:
    preimage, payment_hash = new_preimage()
    assert preimage_matches(preimage, payment_hash)
    assert not preimage_matches("00" * 32, payment_hash) and not preimage_matches("zz", payment_hash)
    secret = make_htlc_secret(payment_hash, pubkeys=[_pub(ALICE)], locktime=1000, refund=[_pub(BOB)])
    proof = _proof(secret)
    assert verify_htlc_proof(sign_htlc_proof(proof, preimage, [ALICE]), 10)
    assert not verify_htlc_proof(sign_htlc_proof(proof, preimage), 10)  # signature required by pubkeys
    assert not verify_htlc_proof(sign_htlc_proof(proof, "00" * 32, [ALICE]), 10)
    refund = sign_htlc_proof(proof, "00" * 32, [BOB])
    assert not verify_htlc_proof(refund, 10) and verify_htlc_proof(refund, 1001)
    # sign_proof keeps the preimage when adding a signature.
    with_sig = sign_proof(sign_htlc_proof(proof, preimage), ALICE)
    assert parse_witness(with_sig.witness).preimage == preimage
    check_spending_conditions([with_sig], [], 10)


@pytest.mark.parametrize(
    "secret",
    [
        '["P2PK",{"nonce":"00","data":"02' + "11" * 32 + '","tags":[["n_sigs","1"],["n_sigs","2"]]}]',
        '["P2PK",{"nonce":"00","data":"02' + "11" * 32 + '","tags":[["n_sigs","2"]]}]',
        '["P2PK",{"nonce":"00","data":"02' + "11" * 32 + '","tags":[["n_sigs","0"]]}]',
        '["P2PK",{"nonce":"00","data":"02' + "11" * 32 + '","tags":[["sigflag","SIG_SOME"]]}]',
        '["P2PK",{"nonce":"00","data":"nothex","tags":[]}]',
        '["P2PK",{"nonce":"00","data":"02' + "11" * 32 + '","tags":[["pubkeys","02abcd"]]}]',
        '["P2PK",{"nonce":"00"}]',
        '["P2PK"]',
        "[not json",
    ],
)
def test_malformed_locks_are_unspendable(secret: str) -> None:
    proof = _proof(secret)
    assert verify_p2pk_proof(proof, NOW) is False
    with pytest.raises(SpendingConditionError):
        check_p2pk_proof(proof, NOW)


def test_secret_parsing_is_tolerant_and_plain_secrets_pass() -> None:
    spaced = '[ "P2PK" , { "tags" : [ [ "locktime" , 5 ] ] , "data" : "02' + "11" * 32 + '" , "nonce" : "ab" } ]'
    parsed = parse_secret(spaced)
    assert parsed.tag("locktime") == ("5",) and parsed.raw == spaced
    assert try_parse_secret("407915bc212be61a77e3e6d2aeb4c727980bda51cd06a6afc29e2861768a7837") is None
    plain = _proof("407915bc212be61a77e3e6d2aeb4c727980bda51cd06a6afc29e2861768a7837")
    check_spending_conditions([plain], [], NOW)
    with pytest.raises(SpendingConditionError):
        parse_witness("not json")
    with pytest.raises(SpendingConditionError):
        make_p2pk_secret("02abcd")
    with pytest.raises(SpendingConditionError):
        make_p2pk_secret(_pub(ALICE), n_sigs=2)
