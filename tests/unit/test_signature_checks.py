"""Every signature must answer the output it was asked for: nothing the mint says is believed unchecked."""

from __future__ import annotations

import dataclasses
import hashlib

import coincurve
import pytest

from core.errors import MintMisbehaved, OutcomeUnknown
from core.protocol import bdhke, dleq
from core.protocol.models import DLEQ, BlindSignature
from core.wallet.misbehaviour import preimage_matches
from core.wallet.outputs import Answer, PreparedOutput, derive_outputs, unblind_signatures

KEYSET = "01" + "ab" * 32
OTHER = "01" + "cd" * 32
SEED = b"\x01" * 64
PRIVATE = {2**i: hashlib.sha256(f"key{i}".encode()).hexdigest() for i in range(12)}
KEYS = {KEYSET: {a: coincurve.PrivateKey(bytes.fromhex(k)).public_key.format().hex() for a, k in PRIVATE.items()}}


def sign(output: PreparedOutput, amount: int | None = None, *, with_dleq: bool = True) -> BlindSignature:
    """What an honest mint answers (``amount`` lets a test sign with another amount's key)."""
    a = PRIVATE[amount if amount is not None else output.amount]
    C_ = bdhke.sign_blinded(output.B_, a)
    proof = None
    if with_dleq:
        e, s = dleq.create_dleq(a, output.B_, C_)
        proof = DLEQ(e=e, s=s)
    return BlindSignature(id=output.keyset_id, amount=amount or output.amount, C_=C_, dleq=proof)


def outputs(*amounts: int) -> list[PreparedOutput]:
    return derive_outputs(SEED, KEYSET, list(amounts), 0)


def test_honest_signatures_become_proofs_with_our_amount_and_keyset() -> None:
    outs = outputs(1, 4, 8)
    proofs = unblind_signatures(outs, [sign(o) for o in outs], KEYS, require_dleq=True)
    assert [p.amount for p in proofs] == [1, 4, 8]
    assert all(p.id == KEYSET and p.dleq is not None for p in proofs)
    assert all(bdhke.verify(PRIVATE[p.amount], p.C, p.secret) for p in proofs)


def test_an_inflated_amount_is_refused() -> None:
    outs = outputs(1, 4)
    sigs = [sign(outs[0]), dataclasses.replace(sign(outs[1]), amount=4096)]
    with pytest.raises(MintMisbehaved, match="signed 4096 for an output of 4"):
        unblind_signatures(outs, sigs, KEYS)


def test_an_inflated_amount_signed_with_the_bigger_key_is_still_refused() -> None:
    outs = outputs(4)
    with pytest.raises(MintMisbehaved):
        unblind_signatures(outs, [sign(outs[0], 1024)], KEYS)


def test_one_fewer_signature_than_outputs_is_a_violation() -> None:
    outs = outputs(1, 4, 8)
    with pytest.raises(MintMisbehaved, match="2 signatures for 3 outputs"):
        unblind_signatures(outs, [sign(o) for o in outs[:2]], KEYS)


def test_a_signature_from_another_keyset_is_refused() -> None:
    outs = outputs(2)
    sig = dataclasses.replace(sign(outs[0]), id=OTHER)
    with pytest.raises(MintMisbehaved, match="not ours"):
        unblind_signatures(outs, [sig], {**KEYS, OTHER: KEYS[KEYSET]})


def test_a_missing_dleq_is_refused_when_the_mint_lists_nut12() -> None:
    outs = outputs(2)
    sig = sign(outs[0], with_dleq=False)
    assert unblind_signatures(outs, [sig], KEYS)[0].dleq is None  # a mint without NUT-12
    with pytest.raises(MintMisbehaved, match="without a DLEQ"):
        unblind_signatures(outs, [sig], KEYS, require_dleq=True)


def test_a_dleq_that_does_not_verify_is_refused() -> None:
    outs = outputs(2, 2)
    good = sign(outs[0])
    stolen = dataclasses.replace(sign(outs[1]), dleq=good.dleq)  # another signature's proof
    with pytest.raises(MintMisbehaved, match="DLEQ"):
        unblind_signatures(outs, [good, stolen], KEYS)


def test_garbage_points_are_a_violation_not_a_crash() -> None:
    outs = outputs(2)
    sig = dataclasses.replace(sign(outs[0], with_dleq=False), C_="02" + "00" * 32)
    with pytest.raises(MintMisbehaved):
        unblind_signatures(outs, [sig], KEYS)


def test_a_violation_is_outcome_unknown() -> None:
    assert issubclass(MintMisbehaved, OutcomeUnknown)


def blanks(n: int) -> list[PreparedOutput]:
    return derive_outputs(SEED, KEYSET, [0] * n, 100)


def change(blank: PreparedOutput, amount: int) -> BlindSignature:
    return sign(dataclasses.replace(blank, amount=amount))


def test_change_within_the_reserve_is_kept() -> None:
    bl = blanks(3)
    proofs = unblind_signatures(
        bl, [change(bl[0], 1), change(bl[1], 4)], KEYS, answer=Answer.CHANGE, change_limit=5, require_dleq=True
    )
    assert [p.amount for p in proofs] == [1, 4]


def test_inflated_change_is_refused() -> None:
    bl = blanks(3)
    with pytest.raises(MintMisbehaved, match="more than the 5 overpaid"):
        unblind_signatures(bl, [change(bl[0], 1), change(bl[1], 1024)], KEYS, answer=Answer.CHANGE, change_limit=5)


def test_more_change_than_blank_outputs_is_refused() -> None:
    bl = blanks(1)
    sigs = [change(bl[0], 1), change(blanks(2)[1], 1)]
    with pytest.raises(MintMisbehaved, match="2 change signatures for 1 blanks"):
        unblind_signatures(bl, sigs, KEYS, answer=Answer.CHANGE, change_limit=100)


def test_change_that_is_not_a_power_of_two_is_refused() -> None:
    bl = blanks(1)
    sig = dataclasses.replace(change(bl[0], 2), amount=3)
    with pytest.raises(MintMisbehaved, match="not a power of two"):
        unblind_signatures(bl, [sig], KEYS, answer=Answer.CHANGE, change_limit=100)


def test_restore_takes_the_signed_amount_but_only_with_our_key() -> None:
    outs = derive_outputs(SEED, KEYSET, [1, 1], 7)  # restore does not know the amounts in advance
    proofs = unblind_signatures(outs, [change(outs[0], 8), change(outs[1], 2)], KEYS, answer=Answer.RESTORE)
    assert [p.amount for p in proofs] == [8, 2]
    beyond = dataclasses.replace(change(outs[0], 2), amount=2**40)  # a power of two we have no key for
    with pytest.raises(MintMisbehaved, match="no key for"):
        unblind_signatures(outs[:1], [beyond], KEYS, answer=Answer.RESTORE)


def test_the_preimage_is_checked_against_the_payment_hash() -> None:
    from tests.peers.nutshell import make_bolt11

    preimage = "11" * 32
    request = make_bolt11(100, payment_hash=hashlib.sha256(bytes.fromhex(preimage)).hexdigest())
    assert preimage_matches(request, preimage) is True
    assert preimage_matches(request, "00" * 32) is False
    assert preimage_matches(request, None) is None
    assert preimage_matches("not an invoice", preimage) is None
