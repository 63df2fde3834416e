"""Payment requests: NUT-18 ``creqA`` (base64 CBOR) and NUT-26 ``creqb1`` (bech32m TLV), and the NUT-18 payload.

A merchant shows a request; the payer's wallet builds a token matching it and delivers a
``PaymentRequestPayload`` over the request's transport (HTTP POST or Nostr), or in-band when there is none.
Decoding treats the string as hostile and raises only ``PaymentRequestError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import cbor2

from core.errors import PaymentRequestError, ProtocolError
from core.i18n import t
from core.protocol._codec import b64decode_any, b64encode_url, cbor_dumps, cbor_loads_strict
from core.protocol.bech32 import Variant, bech32_decode, bech32_encode
from core.protocol.models import Proof

__all__ = [
    "CREQ_A_PREFIX",
    "CREQ_B_HRP",
    "Nut10Option",
    "PaymentRequest",
    "PaymentRequestPayload",
    "Transport",
    "decode_payment_request",
    "parse_nostr_target",
]

CREQ_A_PREFIX = "creqA"
CREQ_B_HRP = "creqb"
Tags = tuple[tuple[str, ...], ...]

# NUT-26 enumerations: transport kinds and NUT-10 secret kinds.
_TRANSPORT_KINDS = {"nostr": 0, "post": 1}
_NUT10_KINDS = {"P2PK": 0, "HTLC": 1}
_SAT_UNIT_BYTE = b"\x00"


@dataclass(frozen=True)
class Transport:
    """Where to deliver the payment: ``type`` "post" (an URL) or "nostr" (an npub/nprofile) plus tags."""

    type: str
    target: str
    tags: Tags = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"t": self.type, "a": self.target}
        if self.tags:
            out["g"] = [list(tag) for tag in self.tags]
        return out


@dataclass(frozen=True)
class Nut10Option:
    """Spending condition the payer must lock the ecash to (NUT-10: kind "P2PK"/"HTLC", data, tags)."""

    kind: str
    data: str
    tags: Tags = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"k": self.kind, "d": self.data}
        if self.tags:
            out["t"] = [list(tag) for tag in self.tags]
        return out


@dataclass(frozen=True)
class PaymentRequest:
    """A NUT-18 payment request. Every field is optional; no transport means in-band delivery."""

    id: str | None = None
    amount: int | None = None
    unit: str | None = None
    single_use: bool | None = None
    mints: tuple[str, ...] = ()
    description: str | None = None
    transports: tuple[Transport, ...] = ()
    nut10: Nut10Option | None = None

    def to_json(self) -> dict[str, Any]:
        """The NUT-18 JSON shape with its one-letter keys; absent fields are left out."""
        out: dict[str, Any] = {}
        if self.transports:
            out["t"] = [transport.to_json() for transport in self.transports]
        for key, value in (("i", self.id), ("a", self.amount), ("u", self.unit)):
            if value is not None:
                out[key] = value
        if self.mints:
            out["m"] = list(self.mints)
        if self.description is not None:
            out["d"] = self.description
        if self.single_use is not None:
            out["s"] = self.single_use
        if self.nut10 is not None:
            out["nut10"] = self.nut10.to_json()
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PaymentRequest:
        """Parse the NUT-18 JSON/CBOR map. ``None`` and CBOR ``undefined`` count as absent."""
        return _request_from_map(data)

    def encode_creqa(self) -> str:
        """NUT-18: ``creqA`` + base64url(CBOR)."""
        return CREQ_A_PREFIX + b64encode_url(cbor_dumps(self.to_json()))

    def encode_creqb(self) -> str:
        """NUT-26: bech32m TLV, upper-cased as the spec recommends for QR alphanumeric mode."""
        try:
            return bech32_encode(CREQ_B_HRP, _tlv_encode_request(self), Variant.BECH32M).upper()
        except PaymentRequestError:
            raise
        except ProtocolError as exc:
            raise PaymentRequestError(t("cannot encode payment request: {0}").format(exc)) from exc

    @classmethod
    def decode(cls, text: str) -> PaymentRequest:
        """Decode a ``creqA…`` or ``creqb1…`` string; see ``decode_payment_request``."""
        return decode_payment_request(text)


@dataclass(frozen=True)
class PaymentRequestPayload:
    """What the payer delivers: ``{id, memo, mint, unit, proofs}`` (NUT-18)."""

    mint: str
    unit: str
    proofs: list[Proof] = field(hash=False)
    id: str | None = None
    memo: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.memo is not None:
            out["memo"] = self.memo
        out["mint"] = self.mint
        out["unit"] = self.unit
        # DLEQ proofs travel with the ecash so the receiver can check the mint's signatures offline (NUT-12).
        out["proofs"] = [proof.to_json() for proof in self.proofs]
        return out

    @classmethod
    def from_json(cls, data: object) -> PaymentRequestPayload:
        """Parse a received payload; raises ``PaymentRequestError`` when it is malformed."""
        body = _require(data, Mapping, "payload")
        raw_proofs = _require(body.get("proofs"), list, "proofs")
        try:
            proofs = [Proof.from_json(_require(raw, Mapping, "proof")) for raw in raw_proofs]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise PaymentRequestError(t("payload contains a malformed proof: {0}").format(exc)) from exc
        if not proofs:
            raise PaymentRequestError(t("payload contains no proofs"))
        return cls(
            mint=_require(body.get("mint"), str, "mint"),
            unit=_require(body.get("unit"), str, "unit"),
            proofs=proofs,
            id=_optional(body.get("id"), str, "id"),
            memo=_optional(body.get("memo"), str, "memo"),
        )


def decode_payment_request(text: str) -> PaymentRequest:
    """Decode NUT-18 ``creqA…`` (either base64 alphabet, padded or not) or NUT-26 ``creqb1…`` (either case)."""
    if not isinstance(text, str):
        raise PaymentRequestError(t("a payment request must be text"))
    text = text.strip()
    if text[: len(CREQ_A_PREFIX)].lower() == CREQ_A_PREFIX.lower():
        payload = b64decode_any(text[len(CREQ_A_PREFIX) :], PaymentRequestError)
        return _request_from_map(cbor_loads_strict(payload, PaymentRequestError))
    if text[: len(CREQ_B_HRP) + 1].lower() == CREQ_B_HRP + "1":
        try:
            decoded = bech32_decode(text)
        except ProtocolError as exc:
            raise PaymentRequestError(t("invalid creqb request: {0}").format(exc)) from exc
        if decoded.hrp != CREQ_B_HRP or decoded.variant is not Variant.BECH32M:
            raise PaymentRequestError(t("creqb requests must be bech32m"))
        return _tlv_decode_request(decoded.data)
    raise PaymentRequestError(t("not a payment request (expected creqA or creqb1)"))


# --- map parsing (NUT-18 JSON / CBOR) -------------------------------------------------------------


def _absent(value: object) -> bool:
    # Some encoders write CBOR `undefined` for absent fields (see the NUT-18 vectors).
    return value is None or value is cbor2.undefined


def _require(value: object, kind: type | tuple[type, ...], what: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise PaymentRequestError(t("payment request field {0} is missing or has the wrong type").format(what))
    return value


def _optional(value: object, kind: type, what: str) -> Any:
    return None if _absent(value) else _require(value, kind, what)


def _tags(value: object, what: str) -> Tags:
    if _absent(value):
        return ()
    tags = []
    for tag in _require(value, list, what):
        items = _require(tag, list, what)
        if not items:
            raise PaymentRequestError(t("empty tag in {0}").format(what))
        tags.append(tuple(_require(item, str, what) for item in items))
    return tuple(tags)


def _request_from_map(data: object) -> PaymentRequest:
    body: Mapping[Any, Any] = _require(data, Mapping, "request")
    amount = _optional(body.get("a"), int, "a")
    if amount is not None and amount < 0:
        raise PaymentRequestError(t("payment request amount cannot be negative"))
    transports = tuple(
        Transport(
            type=_require(raw.get("t"), str, "t[].t"),
            target=_require(raw.get("a"), str, "t[].a"),
            tags=_tags(raw.get("g"), "t[].g"),
        )
        for raw in (_require(item, Mapping, "t[]") for item in (_optional(body.get("t"), list, "t") or []))
    )
    nut10 = None
    nut10_raw = _optional(body.get("nut10"), Mapping, "nut10")
    if nut10_raw is not None:
        nut10 = Nut10Option(
            kind=_require(nut10_raw.get("k"), str, "nut10.k"),
            data=_require(nut10_raw.get("d"), str, "nut10.d"),
            tags=_tags(nut10_raw.get("t"), "nut10.t"),
        )
    return PaymentRequest(
        id=_optional(body.get("i"), str, "i"),
        amount=amount,
        unit=_optional(body.get("u"), str, "u"),
        single_use=_optional(body.get("s"), bool, "s"),
        mints=tuple(_require(mint, str, "m[]") for mint in (_optional(body.get("m"), list, "m") or [])),
        description=_optional(body.get("d"), str, "d"),
        transports=transports,
        nut10=nut10,
    )


# --- NUT-26 TLV ------------------------------------------------------------------------------------


def _tlv(tag: int, value: bytes) -> bytes:
    if len(value) > 0xFFFF:
        raise PaymentRequestError(t("TLV field {0} is too long ({1} bytes)").format(tag, len(value)))
    return bytes([tag]) + len(value).to_bytes(2, "big") + value


def _tlv_items(data: bytes) -> list[tuple[int, bytes]]:
    items: list[tuple[int, bytes]] = []
    offset = 0
    while offset < len(data):
        if offset + 3 > len(data):
            raise PaymentRequestError(t("truncated TLV header"))
        length = int.from_bytes(data[offset + 1 : offset + 3], "big")
        end = offset + 3 + length
        if end > len(data):
            raise PaymentRequestError(t("truncated TLV value"))
        items.append((data[offset], data[offset + 3 : end]))
        offset = end
    return items


def _utf8(value: bytes, what: str) -> str:
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PaymentRequestError(t("{0} is not UTF-8").format(what)) from exc


def _encode_tag_tuple(tag: Sequence[str]) -> bytes:
    out = b""
    for item in tag:
        raw = item.encode()
        if len(raw) > 0xFF:
            raise PaymentRequestError(t("tag entries are limited to 255 bytes"))
        out += bytes([len(raw)]) + raw
    return out


def _decode_tag_tuple(value: bytes) -> tuple[str, ...]:
    items: list[str] = []
    offset = 0
    while offset < len(value):
        end = offset + 1 + value[offset]
        if end > len(value):
            raise PaymentRequestError(t("truncated tag tuple"))
        items.append(_utf8(value[offset + 1 : end], "tag"))
        offset = end
    if not items:
        raise PaymentRequestError(t("empty tag tuple"))
    return tuple(items)


def parse_nostr_target(target: str) -> tuple[bytes, list[str]]:
    """The x-only key and relays of an ``npub``/``nprofile`` (NIP-19) or a 64-hex key."""
    if len(target) == 64:
        try:
            return bytes.fromhex(target), []
        except ValueError:
            pass
    try:
        decoded = bech32_decode(target)
    except ProtocolError as exc:
        raise PaymentRequestError(t("nostr target is not an npub or nprofile: {0}").format(exc)) from exc
    if decoded.hrp == "npub" and len(decoded.data) == 32:
        return decoded.data, []
    if decoded.hrp != "nprofile":
        raise PaymentRequestError(t("nostr target is not an npub or nprofile"))
    pubkey = b""
    relays: list[str] = []
    data, offset = decoded.data, 0
    while offset + 2 <= len(data):
        kind, length = data[offset], data[offset + 1]
        value = data[offset + 2 : offset + 2 + length]
        offset += 2 + length
        if kind == 0:
            pubkey = value
        elif kind == 1:
            relays.append(_utf8(value, "relay"))
    if len(pubkey) != 32 or offset != len(data):
        raise PaymentRequestError(t("malformed nprofile"))
    return pubkey, relays


def _nostr_target(pubkey: bytes, relays: Iterable[str]) -> str:
    relays = list(relays)
    if not relays:
        return bech32_encode("npub", pubkey, Variant.BECH32)
    data = bytes([0, 32]) + pubkey
    for relay in relays:
        raw = relay.encode()
        if len(raw) > 0xFF:
            raise PaymentRequestError(t("relay URL too long for an nprofile"))
        data += bytes([1, len(raw)]) + raw
    return bech32_encode("nprofile", data, Variant.BECH32)


def _encode_transport(transport: Transport) -> bytes:
    kind = _TRANSPORT_KINDS.get(transport.type)
    if kind is None:
        raise PaymentRequestError(t("transport type {0!r} has no NUT-26 encoding").format(transport.type))
    tags = list(transport.tags)
    if kind == 0:
        target, relays = parse_nostr_target(transport.target)
        tags += [("r", relay) for relay in relays]
    else:
        target = transport.target.encode()
    out = _tlv(1, bytes([kind])) + _tlv(2, target)
    return out + b"".join(_tlv(3, _encode_tag_tuple(tag)) for tag in tags)


def _decode_transport(value: bytes) -> Transport:
    kind: int | None = None
    target = b""
    tags: list[tuple[str, ...]] = []
    for tag, item in _tlv_items(value):
        if tag == 1 and len(item) == 1:
            kind = item[0]
        elif tag == 2:
            target = item
        elif tag == 3:
            tags.append(_decode_tag_tuple(item))
    if kind == 0:
        if len(target) != 32:
            raise PaymentRequestError(t("nostr transport target must be a 32-byte key"))
        relays = [url for tag in tags if tag[0] == "r" for url in tag[1:]]
        other = tuple(tag for tag in tags if tag[0] != "r")
        return Transport("nostr", _nostr_target(target, relays), other)
    if kind == 1:
        return Transport("post", _utf8(target, "transport target"), tuple(tags))
    raise PaymentRequestError(t("unknown transport kind {0}").format(kind))


def _encode_nut10(option: Nut10Option) -> bytes:
    kind = _NUT10_KINDS.get(option.kind)
    if kind is None:
        raise PaymentRequestError(t("NUT-10 kind {0!r} has no NUT-26 encoding").format(option.kind))
    out = _tlv(1, bytes([kind])) + _tlv(2, option.data.encode())
    return out + b"".join(_tlv(3, _encode_tag_tuple(tag)) for tag in option.tags)


def _decode_nut10(value: bytes) -> Nut10Option:
    names = {number: name for name, number in _NUT10_KINDS.items()}
    kind: str | None = None
    data = ""
    tags: list[tuple[str, ...]] = []
    for tag, item in _tlv_items(value):
        if tag == 1 and len(item) == 1:
            kind = names.get(item[0])
            if kind is None:
                raise PaymentRequestError(t("unknown NUT-10 kind {0}").format(item[0]))
        elif tag == 2:
            data = _utf8(item, "NUT-10 data")
        elif tag == 3:
            tags.append(_decode_tag_tuple(item))
    if kind is None:
        raise PaymentRequestError(t("NUT-10 option without a kind"))
    return Nut10Option(kind, data, tuple(tags))


def _tlv_encode_request(request: PaymentRequest) -> bytes:
    out = b""
    if request.id is not None:
        out += _tlv(1, request.id.encode())
    if request.amount is not None:
        if not 0 <= request.amount < 2**64:
            raise PaymentRequestError(t("creqb amounts must fit an unsigned 64-bit integer"))
        out += _tlv(2, request.amount.to_bytes(8, "big"))
    if request.unit is not None:
        out += _tlv(3, _SAT_UNIT_BYTE if request.unit == "sat" else request.unit.encode())
    if request.single_use is not None:
        out += _tlv(4, bytes([int(request.single_use)]))
    out += b"".join(_tlv(5, mint.encode()) for mint in request.mints)
    if request.description is not None:
        out += _tlv(6, request.description.encode())
    out += b"".join(_tlv(7, _encode_transport(transport)) for transport in request.transports)
    if request.nut10 is not None:
        out += _tlv(8, _encode_nut10(request.nut10))
    return out


def _tlv_decode_request(data: bytes) -> PaymentRequest:
    fields: dict[str, Any] = {}
    mints: list[str] = []
    transports: list[Transport] = []
    for tag, value in _tlv_items(data):
        if tag == 1:
            fields["id"] = _utf8(value, "id")
        elif tag == 2:
            if len(value) != 8:
                raise PaymentRequestError(t("creqb amount must be a u64"))
            fields["amount"] = int.from_bytes(value, "big")
        elif tag == 3:
            fields["unit"] = "sat" if value == _SAT_UNIT_BYTE else _utf8(value, "unit")
        elif tag == 4:
            if value not in (b"\x00", b"\x01"):
                raise PaymentRequestError(t("creqb single_use must be 0 or 1"))
            fields["single_use"] = value == b"\x01"
        elif tag == 5:
            mints.append(_utf8(value, "mint"))
        elif tag == 6:
            fields["description"] = _utf8(value, "description")
        elif tag == 7:
            transports.append(_decode_transport(value))
        elif tag == 8:
            fields["nut10"] = _decode_nut10(value)
        # Unknown tags (0x09 preferred mints, future ones) are ignored, as NUT-26 requires.
    return PaymentRequest(mints=tuple(mints), transports=tuple(transports), **fields)
