"""NUT-11 pay-to-public-key: ecash locked to one or more Schnorr keys, with locktime and refund keys.

Secret: ``["P2PK", {"nonce", "data": <compressed pubkey hex>, "tags": [...]}]`` (NUT-10, see
:mod:`core.protocol.nut10`, re-exported here). Witness: the JSON *string* ``{"signatures": [...]}``.

What is signed:

* ``SIG_INPUTS`` (default): each proof's own ``secret`` string, witness on every proof.
* ``SIG_ALL``: one message for the whole transaction, witness on the **first** input only::

      swap: secret_0 ‖ C_0 ‖ … ‖ secret_n ‖ C_n ‖ amount_0 ‖ B__0 ‖ … ‖ amount_m ‖ B__m
      melt: (same) ‖ quote_id

  (string concatenation, amounts in decimal). All inputs must then share kind, ``data`` and ``tags``.

Spending paths (``now`` is the verifier's unix time):

* **main** (always open): ``n_sigs`` distinct signers among ``data`` + ``pubkeys``.
* **refund** (only after ``locktime``): ``n_sigs_refund`` distinct signers among ``refund``; with
  no ``refund`` tag an expired lock is spendable by anyone.

Naming convention: ``check_*`` raise :class:`~core.errors.SpendingConditionError` with the reason,
``verify_*`` return a bool and never raise on bad data (a malformed lock is simply unspendable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from core.errors import CryptoError, SpendingConditionError
from core.i18n import t
from core.protocol.ec import PointLike, ScalarLike, parse_point, schnorr_sign
from core.protocol.htlc import check_htlc_spend
from core.protocol.models import BlindedMessage, Proof
from core.protocol.nut10 import (
    KIND_HTLC,
    KIND_P2PK,
    SIG_ALL,
    SIG_INPUTS,
    Conditions,
    WellKnownSecret,
    Witness,
    build_tags,
    count_valid_signers,
    make_secret,
    parse_conditions,
    parse_secret,
    parse_witness,
    try_parse_secret,
)

__all__ = [
    "KIND_HTLC",
    "KIND_P2PK",
    "SIG_ALL",
    "SIG_INPUTS",
    "Conditions",
    "WellKnownSecret",
    "Witness",
    "check_p2pk_proof",
    "check_p2pk_spend",
    "check_sig_all",
    "check_spending_conditions",
    "is_sig_all",
    "legacy_sig_all_message",
    "make_p2pk_secret",
    "parse_conditions",
    "parse_secret",
    "parse_witness",
    "sig_all_message",
    "sign_proof",
    "sign_sig_all",
    "try_parse_secret",
    "verify_p2pk_proof",
    "verify_sig_all_melt",
    "verify_sig_all_swap",
]


def make_p2pk_secret(
    pubkey: PointLike,
    *,
    locktime: int | None = None,
    refund: Sequence[str] = (),
    n_sigs: int | None = None,
    pubkeys: Sequence[str] = (),
    n_sigs_refund: int | None = None,
    sig_all: bool = False,
    nonce: str | None = None,
) -> str:
    """A fresh P2PK secret string locking to ``pubkey`` (plus optional multisig/locktime/refund)."""
    try:
        data = parse_point(pubkey, "pubkey").format(compressed=True).hex()
    except CryptoError as exc:
        raise SpendingConditionError(t("the P2PK lock key is not a valid public key")) from exc
    main_count = 1 + len(pubkeys)
    if n_sigs is not None and not 1 <= n_sigs <= main_count:
        raise SpendingConditionError(t("n_sigs must be between 1 and {0}").format(main_count))
    if n_sigs_refund is not None and not 1 <= n_sigs_refund <= len(refund):
        raise SpendingConditionError(t("n_sigs_refund must be between 1 and {0}").format(len(refund)))
    try:
        tags = build_tags(
            sigflag=SIG_ALL if sig_all else None,
            pubkeys=pubkeys,
            n_sigs=n_sigs,
            locktime=locktime,
            refund=refund,
            n_sigs_refund=n_sigs_refund,
        )
    except CryptoError as exc:
        raise SpendingConditionError(t("invalid key in P2PK lock: {0}").format(exc)) from exc
    return make_secret(KIND_P2PK, data, tags, nonce)


def check_p2pk_spend(secret: WellKnownSecret, conditions: Conditions, witness: Witness, message: str, now: int) -> None:
    """Raise unless ``witness`` satisfies the main path, or (after locktime) the refund path."""
    if secret.kind != KIND_P2PK:
        raise SpendingConditionError(t("not a P2PK secret"))
    if count_valid_signers(message, witness.signatures, conditions.main_keys) >= conditions.n_sigs:
        return
    if conditions.lock_expired(now):
        if not conditions.refund:
            return  # expired without refund keys: anyone can spend
        if count_valid_signers(message, witness.signatures, conditions.refund) >= conditions.n_sigs_refund:
            return
        raise SpendingConditionError(t("not enough valid signatures from the lock keys or the refund keys"))
    raise SpendingConditionError(t("needs {0} valid signature(s) from the lock keys").format(conditions.n_sigs))


def check_p2pk_proof(proof: Proof, now: int) -> None:
    """SIG_INPUTS check of one P2PK proof (its witness signs its own secret)."""
    secret = parse_secret(proof.secret)
    if secret.kind != KIND_P2PK:
        raise SpendingConditionError(t("not a P2PK secret (kind {0!r})").format(secret.kind))
    conditions = parse_conditions(secret)
    if conditions.sigflag == SIG_ALL:
        raise SpendingConditionError(t("a SIG_ALL proof can only be checked with its whole transaction"))
    check_p2pk_spend(secret, conditions, parse_witness(proof.witness), proof.secret, now)


def verify_p2pk_proof(proof: Proof, now: int) -> bool:
    """Bool form of :func:`check_p2pk_proof`."""
    try:
        check_p2pk_proof(proof, now)
    except SpendingConditionError:
        return False
    return True


def sign_proof(proof: Proof, private_key: ScalarLike) -> Proof:
    """The proof with one more signature over its secret in its witness (an HTLC preimage is kept)."""
    witness = parse_witness(proof.witness)
    signature = schnorr_sign(proof.secret, private_key)
    updated = Witness(signatures=(*witness.signatures, signature), preimage=witness.preimage)
    return replace(proof, witness=updated.serialize())


# --- SIG_ALL -----------------------------------------------------------------------------------


def sig_all_message(inputs: Sequence[Proof], outputs: Sequence[BlindedMessage], quote_id: str | None = None) -> str:
    """The NUT-11 SIG_ALL message: inputs' ``secret‖C``, outputs' ``amount‖B_``, then the melt quote id."""
    parts = [p.secret + p.C for p in inputs]
    parts += [str(o.amount) + o.B_ for o in outputs]
    if quote_id is not None:
        parts.append(quote_id)
    return "".join(parts)


def legacy_sig_all_message(inputs: Sequence[Proof], outputs: Sequence[BlindedMessage]) -> str:
    """The SIG_ALL swap message of NUT-11 before 2025 (inputs' secrets, then outputs' ``B_``), which mints of that
    time still check (nutshell 0.20)."""
    return "".join(p.secret for p in inputs) + "".join(o.B_ for o in outputs)


def is_sig_all(inputs: Sequence[Proof]) -> bool:
    """True when any input carries a NUT-10 secret with ``sigflag`` SIG_ALL (then SIG_ALL rules apply)."""
    for proof in inputs:
        try:
            secret = try_parse_secret(proof.secret)
        except SpendingConditionError:
            continue
        if secret is not None and (secret.tag("sigflag") or ("",))[0] == SIG_ALL:
            return True
    return False


def check_sig_all(
    inputs: Sequence[Proof], outputs: Sequence[BlindedMessage], now: int, quote_id: str | None = None
) -> None:
    """Verify a SIG_ALL swap (``quote_id`` None) or melt: one witness, on the first input, covers everything."""
    if not inputs:
        raise SpendingConditionError(t("a transaction needs inputs"))
    first = parse_secret(inputs[0].secret)
    conditions = parse_conditions(first)
    if conditions.sigflag != SIG_ALL:
        raise SpendingConditionError(t("the first input is not SIG_ALL"))
    for proof in inputs[1:]:
        other = parse_secret(proof.secret)
        if (other.kind, other.data, other.tags) != (first.kind, first.data, first.tags):
            raise SpendingConditionError(t("SIG_ALL inputs must share kind, data and tags"))
    witness = parse_witness(inputs[0].witness)
    message = sig_all_message(inputs, outputs, quote_id)
    if first.kind == KIND_P2PK:
        check_p2pk_spend(first, conditions, witness, message, now)
    elif first.kind == KIND_HTLC:
        check_htlc_spend(first, conditions, witness, message, now)
    else:
        raise SpendingConditionError(t("unsupported spending condition kind {0!r}").format(first.kind))


def verify_sig_all_swap(inputs: Sequence[Proof], outputs: Sequence[BlindedMessage], now: int) -> bool:
    """Bool form of :func:`check_sig_all` for a swap."""
    try:
        check_sig_all(inputs, outputs, now)
    except SpendingConditionError:
        return False
    return True


def verify_sig_all_melt(quote_id: str, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage], now: int) -> bool:
    """Bool form of :func:`check_sig_all` for a melt (``outputs`` are the NUT-08 blank outputs)."""
    try:
        check_sig_all(inputs, outputs, now, quote_id)
    except SpendingConditionError:
        return False
    return True


def sign_sig_all(
    inputs: Sequence[Proof],
    outputs: Sequence[BlindedMessage],
    private_keys: Sequence[ScalarLike],
    quote_id: str | None = None,
    preimage: str | None = None,
) -> list[Proof]:
    """Inputs ready to send: the first carries every key's signature over the SIG_ALL message, the rest none."""
    if not inputs:
        raise SpendingConditionError(t("a transaction needs inputs"))
    message = sig_all_message(inputs, outputs, quote_id)
    witness = Witness(signatures=tuple(schnorr_sign(message, key) for key in private_keys), preimage=preimage)
    return [replace(inputs[0], witness=witness.serialize()), *(replace(p, witness=None) for p in inputs[1:])]


def check_spending_conditions(
    inputs: Sequence[Proof], outputs: Sequence[BlindedMessage], now: int, quote_id: str | None = None
) -> None:
    """The mint's view of a whole swap/melt: SIG_ALL if any input asks for it, else each input alone.

    Plain (non NUT-10) secrets need nothing. Useful to pre-flight a transaction before sending it.
    """
    if is_sig_all(inputs):
        check_sig_all(inputs, outputs, now, quote_id)
        return
    for proof in inputs:
        secret = try_parse_secret(proof.secret)
        if secret is None:
            continue
        conditions = parse_conditions(secret)
        witness = parse_witness(proof.witness)
        if secret.kind == KIND_P2PK:
            check_p2pk_spend(secret, conditions, witness, proof.secret, now)
        elif secret.kind == KIND_HTLC:
            check_htlc_spend(secret, conditions, witness, proof.secret, now)
        else:
            raise SpendingConditionError(t("unsupported spending condition kind {0!r}").format(secret.kind))
