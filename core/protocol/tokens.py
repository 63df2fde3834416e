"""Cashu tokens (NUT-00): V3 ``cashuA`` (JSON), V4 ``cashuB`` (CBOR) and the binary ``crawB`` form.

Decoding treats the input as hostile: whatever is pasted, scanned or read from a file, the only error that
can come out is ``TokenDecodeError``. Keyset ids are kept exactly as in the token; a V4 token usually
carries 8-byte short ids, which the wallet expands with ``keysets.expand_short_id`` against the mint's keysets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.errors import ProtocolError, TokenDecodeError
from core.i18n import t
from core.protocol._codec import b64decode_any, b64encode_url, cbor_dumps, cbor_loads_strict
from core.protocol.models import DLEQ, Proof

__all__ = ["RAW_V4_PREFIX", "V3_PREFIX", "V4_PREFIX", "Token", "decode_token"]

V3_PREFIX = "cashuA"
V4_PREFIX = "cashuB"
RAW_V4_PREFIX = b"crawB"
_URI_SCHEME = "cashu:"
_HEX = frozenset("0123456789abcdefABCDEF")
_POINT_BYTES = 33
_SCALAR_BYTES = 32


@dataclass(frozen=True)
class Token:
    """Proofs from one mint in one unit, possibly from several keysets of that mint."""

    mint: str
    unit: str
    proofs: list[Proof] = field(hash=False)
    memo: str | None = None

    @property
    def amount(self) -> int:
        """Total value of the token's proofs."""
        return sum(proof.amount for proof in self.proofs)

    @property
    def keyset_ids(self) -> list[str]:
        """The distinct keyset ids of the proofs, in first-seen order."""
        return list(dict.fromkeys(proof.id for proof in self.proofs))

    def encode_v3(self) -> str:
        """``cashuA`` + base64url of the V3 JSON ``{"token": [{"mint", "proofs"}], "unit", "memo"}``."""
        body: dict[str, Any] = {
            "token": [{"mint": _normalize_mint(self.mint), "proofs": [_proof_v3(proof) for proof in self.proofs]}],
            "unit": self.unit,
        }
        if self.memo is not None:
            body["memo"] = self.memo
        payload = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        return V3_PREFIX + b64encode_url(payload)

    def encode_v4(self) -> str:
        """``cashuB`` + base64url of the V4 CBOR. Keyset ids go into ``i`` as given (full or short)."""
        return V4_PREFIX + b64encode_url(self._cbor_v4())

    def encode_raw_v4(self) -> bytes:
        """The binary form: ``b"crawB"`` + the V4 CBOR (for NFC, files and QR byte mode)."""
        return RAW_V4_PREFIX + self._cbor_v4()

    def _cbor_v4(self) -> bytes:
        groups: dict[str, list[dict[str, Any]]] = {}
        for proof in self.proofs:
            groups.setdefault(proof.id, []).append(_proof_v4(proof))
        # Key order t, d, m, u reproduces the NUT-00 vectors byte for byte.
        body: dict[str, Any] = {"t": [{"i": _hex_to_bytes(kid, "keyset id"), "p": p} for kid, p in groups.items()]}
        if self.memo is not None:
            body["d"] = self.memo
        body["m"] = _normalize_mint(self.mint)
        body["u"] = self.unit
        return cbor_dumps(body)

    @classmethod
    def decode(cls, data: str | bytes) -> Token:
        """Decode any supported token form; see ``decode_token``."""
        return decode_token(data)


def decode_token(data: str | bytes) -> Token:
    """Decode ``cashuA…``, ``cashuB…`` (with an optional ``cashu:`` prefix) or raw ``crawB`` bytes.

    Accepts padded or unpadded base64url and the standard alphabet; surrounding whitespace is ignored,
    and so are unknown fields. Raises ``TokenDecodeError`` for anything else.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        if raw.startswith(RAW_V4_PREFIX):
            return _token_from_v4(cbor_loads_strict(raw[len(RAW_V4_PREFIX) :], TokenDecodeError))
        try:
            data = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TokenDecodeError(t("not a Cashu token (binary data without the crawB prefix)")) from exc
    if not isinstance(data, str):
        raise TokenDecodeError(t("a token must be text or bytes"))
    text = data.strip()
    if text[: len(_URI_SCHEME)].lower() == _URI_SCHEME:
        text = text[len(_URI_SCHEME) :].lstrip("/")
    if text.startswith(V3_PREFIX):
        payload = b64decode_any(text[len(V3_PREFIX) :], TokenDecodeError)
        try:
            body = json.loads(payload.decode("utf-8"))
        except (ValueError, RecursionError) as exc:
            raise TokenDecodeError("V3 token does not contain valid JSON") from exc
        return _token_from_v3(body)
    if text.startswith(V4_PREFIX):
        payload = b64decode_any(text[len(V4_PREFIX) :], TokenDecodeError)
        return _token_from_v4(cbor_loads_strict(payload, TokenDecodeError))
    raise TokenDecodeError(t("not a Cashu token (expected cashuA or cashuB)"))


# --- encoding helpers ----------------------------------------------------------------------------


def _normalize_mint(url: str) -> str:
    # The same mint with and without a trailing slash must not look like two mints.
    return url.rstrip("/")


def _hex_to_bytes(value: str, what: str) -> bytes:
    try:
        return bytes.fromhex(value)
    except ValueError as exc:
        raise ProtocolError(t("{0} is not hex: {1!r}").format(what, value)) from exc


def _proof_v3(proof: Proof) -> dict[str, Any]:
    # Field order amount, id, secret, C as in the NUT-00 V3 vector.
    out: dict[str, Any] = {"amount": proof.amount, "id": proof.id, "secret": proof.secret, "C": proof.C}
    if proof.dleq is not None:
        out["dleq"] = proof.dleq.to_json()
    if proof.witness is not None:
        out["witness"] = proof.witness
    if proof.p2pk_e is not None:
        out["p2pk_e"] = proof.p2pk_e
    return out


def _proof_v4(proof: Proof) -> dict[str, Any]:
    out: dict[str, Any] = {"a": proof.amount, "s": proof.secret, "c": _hex_to_bytes(proof.C, "C")}
    if proof.dleq is not None:
        dleq = {"e": _hex_to_bytes(proof.dleq.e, "DLEQ e"), "s": _hex_to_bytes(proof.dleq.s, "DLEQ s")}
        if proof.dleq.r is not None:
            dleq["r"] = _hex_to_bytes(proof.dleq.r, "DLEQ r")
        out["d"] = dleq
    if proof.witness is not None:
        out["w"] = proof.witness
    if proof.p2pk_e is not None:  # NUT-28: E as a 33-byte bstr
        out["pe"] = _hex_to_bytes(proof.p2pk_e, "p2pk_e")
    return out


# --- decoding helpers: every check raises TokenDecodeError ---------------------------------------


def _require(value: object, kind: type | tuple[type, ...], what: str) -> Any:
    # bool is an int subclass: an amount of `true` is malformed, not 1.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise TokenDecodeError(f"token field {what} is missing or has the wrong type")
    return value


def _text(value: object, what: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    text: str = _require(value, str, what)
    return text


def _amount(value: object) -> int:
    amount: int = _require(value, int, "amount")
    if amount <= 0:
        raise TokenDecodeError(t("proof amount must be positive, got {0}").format(amount))
    return amount


def _hex_field(value: object, what: str, length: int) -> str:
    text: str = _require(value, str, what)
    if len(text) != 2 * length or not set(text) <= _HEX:
        raise TokenDecodeError(t("token field {0} is not {1} bytes of hex").format(what, length))
    return text.lower()


def _bytes_field(value: object, what: str, length: int | None = None) -> str:
    raw: bytes = _require(value, bytes, what)
    if (length is not None and len(raw) != length) or not raw:
        raise TokenDecodeError(t("token field {0} has the wrong length").format(what))
    return raw.hex()


def _mint(value: object) -> str:
    mint = _text(value, "mint")
    if not mint:
        raise TokenDecodeError(t("token has no mint URL"))
    return _normalize_mint(mint)


def _proof_from_v3(raw: object) -> Proof:
    data: Mapping[str, Any] = _require(raw, dict, "proof")
    dleq_raw = data.get("dleq")
    dleq = None
    if dleq_raw is not None:
        dleq_map: Mapping[str, Any] = _require(dleq_raw, dict, "dleq")
        r = dleq_map.get("r")
        dleq = DLEQ(
            e=_hex_field(dleq_map.get("e"), "dleq.e", _SCALAR_BYTES),
            s=_hex_field(dleq_map.get("s"), "dleq.s", _SCALAR_BYTES),
            r=None if r is None else _hex_field(r, "dleq.r", _SCALAR_BYTES),
        )
    keyset_id = _text(data.get("id"), "id")
    if not keyset_id:
        raise TokenDecodeError(t("proof has an empty keyset id"))
    return Proof(
        id=keyset_id,
        amount=_amount(data.get("amount")),
        secret=str(_text(data.get("secret"), "secret")),
        C=_hex_field(data.get("C"), "C", _POINT_BYTES),
        dleq=dleq,
        witness=_text(data.get("witness"), "witness", optional=True),
        p2pk_e=None if data.get("p2pk_e") is None else _hex_field(data.get("p2pk_e"), "p2pk_e", _POINT_BYTES),
    )


def _token_from_v3(body: object) -> Token:
    data: Mapping[str, Any] = _require(body, dict, "token")
    entries: list[Any] = _require(data.get("token"), list, "token")
    mints: list[str] = []
    proofs: list[Proof] = []
    for entry in entries:
        entry_map: Mapping[str, Any] = _require(entry, dict, "token entry")
        mint = _mint(entry_map.get("mint"))
        if mint not in mints:
            mints.append(mint)
        proofs.extend(_proof_from_v3(raw) for raw in _require(entry_map.get("proofs"), list, "proofs"))
    if len(mints) > 1:
        raise TokenDecodeError(t("multi-mint tokens are not supported (this one names {0} mints)").format(len(mints)))
    if not proofs:
        raise TokenDecodeError(t("token contains no proofs"))
    # V3 tokens from old wallets omit the unit; they were all sat.
    unit = _text(data.get("unit"), "unit", optional=True) or "sat"
    return Token(mint=mints[0], unit=unit, proofs=proofs, memo=_text(data.get("memo"), "memo", optional=True))


def _proof_from_v4(raw: object, keyset_id: str) -> Proof:
    data: Mapping[Any, Any] = _require(raw, dict, "proof")
    dleq_raw = data.get("d")
    dleq = None
    if dleq_raw is not None:
        dleq_map: Mapping[Any, Any] = _require(dleq_raw, dict, "d")
        r = dleq_map.get("r")
        dleq = DLEQ(
            e=_bytes_field(dleq_map.get("e"), "d.e", _SCALAR_BYTES),
            s=_bytes_field(dleq_map.get("s"), "d.s", _SCALAR_BYTES),
            r=None if r is None else _bytes_field(r, "d.r", _SCALAR_BYTES),
        )
    return Proof(
        id=keyset_id,
        amount=_amount(data.get("a")),
        secret=str(_text(data.get("s"), "s")),
        C=_bytes_field(data.get("c"), "c", _POINT_BYTES),
        dleq=dleq,
        witness=_text(data.get("w"), "w", optional=True),
        p2pk_e=None if data.get("pe") is None else _bytes_field(data.get("pe"), "pe", _POINT_BYTES),
    )


def _token_from_v4(body: object) -> Token:
    data: Mapping[Any, Any] = _require(body, dict, "token")
    proofs: list[Proof] = []
    for group in _require(data.get("t"), list, "t"):
        group_map: Mapping[Any, Any] = _require(group, dict, "t[]")
        keyset_id = _bytes_field(group_map.get("i"), "i")
        group_proofs: list[Any] = _require(group_map.get("p"), list, "p")
        if not group_proofs:
            raise TokenDecodeError(t("keyset {0} has no proofs in the token").format(keyset_id))
        proofs.extend(_proof_from_v4(raw, keyset_id) for raw in group_proofs)
    if not proofs:
        raise TokenDecodeError(t("token contains no proofs"))
    return Token(
        mint=_mint(data.get("m")),
        unit=str(_text(data.get("u"), "u")),
        proofs=proofs,
        memo=_text(data.get("d"), "d", optional=True),
    )
