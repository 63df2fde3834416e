"""NUT-10 well-known secrets and the NUT-11 tag/witness rules shared by P2PK and HTLC.

A well-known secret is the JSON string ``["<kind>", {"nonce": …, "data": …, "tags": [[key, v…], …]}]``.
The proof's ``secret`` **is that exact string**: it is what the mint hashed to a point and what
signatures cover, so we never re-serialize a secret we received; we only parse it to read the rules.

Tags (NUT-11, also used by NUT-14): ``sigflag`` (``SIG_INPUTS`` default, or ``SIG_ALL``), ``pubkeys``,
``n_sigs``, ``locktime``, ``refund``, ``n_sigs_refund``. Each may appear once; a repeated tag, an
unknown sigflag, or an ``n_sigs`` that is not positive or exceeds its key count makes the secret
malformed (unspendable).

Signatures are BIP340 Schnorr over ``sha256(message)``; multisig thresholds count **distinct public
keys** with a valid signature (Schnorr signatures are randomised, so counting signatures is unsafe).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.errors import CryptoError, SpendingConditionError
from core.i18n import t
from core.protocol.ec import parse_point, schnorr_verify

__all__ = [
    "KIND_HTLC",
    "KIND_P2PK",
    "SIG_ALL",
    "SIG_INPUTS",
    "Conditions",
    "WellKnownSecret",
    "Witness",
    "build_tags",
    "count_valid_signers",
    "is_well_known_secret",
    "make_secret",
    "parse_conditions",
    "parse_secret",
    "parse_witness",
    "try_parse_secret",
]

KIND_P2PK = "P2PK"
KIND_HTLC = "HTLC"
SIG_INPUTS = "SIG_INPUTS"
SIG_ALL = "SIG_ALL"

_KNOWN_TAGS = ("sigflag", "pubkeys", "n_sigs", "locktime", "refund", "n_sigs_refund")


@dataclass(frozen=True)
class WellKnownSecret:
    """A parsed NUT-10 secret. ``raw`` is the exact string it was parsed from (what gets signed)."""

    kind: str
    data: str
    nonce: str
    tags: tuple[tuple[str, ...], ...] = ()
    raw: str = ""

    def tag(self, key: str) -> tuple[str, ...] | None:
        """The values of tag ``key`` (without the key), or None when absent."""
        for entry in self.tags:
            if entry and entry[0] == key:
                return entry[1:]
        return None

    def serialize(self) -> str:
        """Compact JSON in the spec's key order (``nonce``, ``data``, ``tags``), as wallets send it."""
        body = {"nonce": self.nonce, "data": self.data, "tags": [list(t) for t in self.tags]}
        return json.dumps([self.kind, body], separators=(",", ":"))


def parse_secret(secret: str) -> WellKnownSecret:
    """Parse a NUT-10 secret (any whitespace/key order); :class:`SpendingConditionError` if malformed."""
    try:
        value: Any = json.loads(secret)
    except (ValueError, TypeError) as exc:
        raise SpendingConditionError(t("the secret is not NUT-10 JSON")) from exc
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict)):
        raise SpendingConditionError(t('a NUT-10 secret must be ["kind", {...}]'))
    kind, body = value
    data, nonce, tags = body.get("data"), body.get("nonce"), body.get("tags", [])
    if not isinstance(data, str) or not isinstance(nonce, str):
        raise SpendingConditionError(t("a NUT-10 secret needs string 'data' and 'nonce'"))
    if tags is None:
        tags = []
    if not isinstance(tags, list):
        raise SpendingConditionError(t("NUT-10 'tags' must be a list"))
    parsed_tags: list[tuple[str, ...]] = []
    for entry in tags:
        if not isinstance(entry, list) or not entry or not all(isinstance(v, str | int) for v in entry):
            raise SpendingConditionError(t("each NUT-10 tag must be a non-empty list of strings"))
        # The spec serialises every tag value as a string; some wallets emit ints: accept and normalise.
        parsed_tags.append(tuple(str(v) for v in entry))
    return WellKnownSecret(kind=kind, data=data, nonce=nonce, tags=tuple(parsed_tags), raw=secret)


def is_well_known_secret(secret: str) -> bool:
    """True when ``secret`` looks like a NUT-10 secret (a JSON array), even if a malformed one."""
    return secret.lstrip().startswith("[")


def try_parse_secret(secret: str) -> WellKnownSecret | None:
    """None for a plain (random hex) secret; the parsed secret otherwise; raises if it is malformed."""
    if not is_well_known_secret(secret):
        return None
    return parse_secret(secret)


def build_tags(
    *,
    sigflag: str | None = None,
    pubkeys: Sequence[str] = (),
    n_sigs: int | None = None,
    locktime: int | None = None,
    refund: Sequence[str] = (),
    n_sigs_refund: int | None = None,
) -> list[list[str]]:
    """NUT-11 tags in a fixed order, leaving out the absent ones; every value as a string."""
    tags: list[list[str]] = []
    if pubkeys:
        tags.append(["pubkeys", *(parse_point(p, "pubkey").format(compressed=True).hex() for p in pubkeys)])
    if n_sigs is not None:
        tags.append(["n_sigs", str(n_sigs)])
    if locktime is not None:
        tags.append(["locktime", str(locktime)])
    if refund:
        tags.append(["refund", *(parse_point(p, "refund pubkey").format(compressed=True).hex() for p in refund)])
    if n_sigs_refund is not None:
        tags.append(["n_sigs_refund", str(n_sigs_refund)])
    if sigflag is not None:
        tags.append(["sigflag", sigflag])
    return tags


def make_secret(kind: str, data: str, tags: Iterable[Sequence[str]] = (), nonce: str | None = None) -> str:
    """A fresh NUT-10 secret string (random 32-byte nonce unless given)."""
    secret = WellKnownSecret(
        kind=kind,
        data=data,
        nonce=os.urandom(32).hex() if nonce is None else nonce,
        tags=tuple(tuple(t) for t in tags),
    )
    return secret.serialize()


@dataclass(frozen=True)
class Conditions:
    """The NUT-11 rules of one secret, validated. ``pubkeys`` excludes ``data`` (see ``main_keys``)."""

    sigflag: str = SIG_INPUTS
    pubkeys: tuple[str, ...] = ()
    n_sigs: int = 1
    locktime: int | None = None
    refund: tuple[str, ...] = ()
    n_sigs_refund: int = 1
    main_keys: tuple[str, ...] = field(default=())

    def lock_expired(self, now: int) -> bool:
        """True once the mint's clock is past ``locktime`` (never when there is none)."""
        return self.locktime is not None and now > self.locktime


def _positive_int(values: tuple[str, ...], key: str) -> int:
    if len(values) != 1:
        raise SpendingConditionError(t("tag {0} must have exactly one value").format(key))
    try:
        number = int(values[0])
    except ValueError as exc:
        raise SpendingConditionError(t("tag {0} is not an integer").format(key)) from exc
    if number < 1:
        raise SpendingConditionError(t("tag {0} must be a positive integer").format(key))
    return number


def _keys(values: tuple[str, ...], key: str) -> tuple[str, ...]:
    for value in values:
        try:
            parse_point(value, key)
        except CryptoError as exc:
            raise SpendingConditionError(t("tag {0} holds an invalid public key").format(key)) from exc
    return values


def parse_conditions(secret: WellKnownSecret) -> Conditions:
    """Validate and read the tags. For P2PK ``data`` is the first main key; for HTLC it is a hash."""
    seen: set[str] = set()
    for entry in secret.tags:
        if entry[0] in _KNOWN_TAGS:
            if entry[0] in seen:
                raise SpendingConditionError(t("tag {0} appears more than once").format(entry[0]))
            seen.add(entry[0])

    sigflag_values = secret.tag("sigflag")
    sigflag = SIG_INPUTS if sigflag_values is None else (sigflag_values[0] if len(sigflag_values) == 1 else "")
    if sigflag not in (SIG_INPUTS, SIG_ALL):
        raise SpendingConditionError(t("unknown sigflag {0!r}").format(sigflag_values))

    pubkeys = _keys(secret.tag("pubkeys") or (), "pubkeys")
    refund = _keys(secret.tag("refund") or (), "refund")
    main_keys = pubkeys
    if secret.kind == KIND_P2PK:
        main_keys = (*_keys((secret.data,), "data"), *pubkeys)

    n_sigs_values = secret.tag("n_sigs")
    n_sigs = 1 if n_sigs_values is None else _positive_int(n_sigs_values, "n_sigs")
    if main_keys and n_sigs > len(main_keys):
        raise SpendingConditionError(t("n_sigs exceeds the number of signing keys"))
    n_refund_values = secret.tag("n_sigs_refund")
    n_sigs_refund = 1 if n_refund_values is None else _positive_int(n_refund_values, "n_sigs_refund")
    if refund and n_sigs_refund > len(refund):
        raise SpendingConditionError(t("n_sigs_refund exceeds the number of refund keys"))

    # NUT-11: a locktime that is not a valid unix time means a permanent lock, not an error.
    locktime_values = secret.tag("locktime")
    locktime: int | None = None
    if locktime_values and len(locktime_values) == 1:
        try:
            locktime = int(locktime_values[0])
        except ValueError:
            locktime = None

    return Conditions(
        sigflag=sigflag,
        pubkeys=pubkeys,
        n_sigs=n_sigs,
        locktime=locktime,
        refund=refund,
        n_sigs_refund=n_sigs_refund,
        main_keys=main_keys,
    )


@dataclass(frozen=True)
class Witness:
    """A parsed ``Proof.witness``: Schnorr ``signatures`` and, for HTLC, the ``preimage``."""

    signatures: tuple[str, ...] = ()
    preimage: str | None = None

    def serialize(self) -> str:
        """The witness JSON *string* that goes into ``Proof.witness``."""
        body: dict[str, Any] = {}
        if self.preimage is not None:
            body["preimage"] = self.preimage
        body["signatures"] = list(self.signatures)
        return json.dumps(body, separators=(",", ":"))


def parse_witness(witness: str | None) -> Witness:
    """Parse ``Proof.witness`` (None → empty); :class:`SpendingConditionError` when malformed."""
    if witness is None or witness == "":
        return Witness()
    try:
        value: Any = json.loads(witness)
    except (ValueError, TypeError) as exc:
        raise SpendingConditionError(t("the witness is not JSON")) from exc
    if not isinstance(value, dict):
        raise SpendingConditionError(t("the witness must be a JSON object"))
    signatures = value.get("signatures") or []
    preimage = value.get("preimage")
    if not isinstance(signatures, list) or not all(isinstance(s, str) for s in signatures):
        raise SpendingConditionError(t("witness signatures must be a list of hex strings"))
    if preimage is not None and not isinstance(preimage, str):
        raise SpendingConditionError(t("the witness preimage must be a hex string"))
    return Witness(signatures=tuple(signatures), preimage=preimage)


def count_valid_signers(message: str | bytes, signatures: Sequence[str], pubkeys: Sequence[str]) -> int:
    """How many **distinct** keys of ``pubkeys`` (by x-coordinate) signed ``message`` in ``signatures``."""
    signers: set[str] = set()
    for key in pubkeys:
        xonly = parse_point(key, "pubkey").format(compressed=True)[1:].hex()
        if xonly in signers:
            continue
        if any(schnorr_verify(message, sig, key) for sig in signatures):
            signers.add(xonly)
    return len(signers)
