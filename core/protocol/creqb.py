"""NUT-26 ``creqb1`` payment requests: the TLV layout inside the bech32m string, and NIP-19 nostr targets.

Split from ``payment_requests`` (which does the bech32m wrapping); import ``parse_nostr_target`` from there.
Decoding treats the bytes as hostile and raises only ``PaymentRequestError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from core.errors import PaymentRequestError, ProtocolError
from core.i18n import t
from core.protocol.bech32 import Variant, bech32_decode, bech32_encode
from core.protocol.payment_request_model import Nut10Option, Transport

if TYPE_CHECKING:
    from core.protocol.payment_requests import PaymentRequest

# NUT-26 enumerations: transport kinds and NUT-10 secret kinds.
_TRANSPORT_KINDS = {"nostr": 0, "post": 1}
_NUT10_KINDS = {"P2PK": 0, "HTLC": 1}
_SAT_UNIT_BYTE = b"\x00"


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


def encode_creqb_tlv(request: PaymentRequest) -> bytes:
    """The NUT-26 TLV bytes of a request (before bech32m)."""
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


def decode_creqb_tlv(data: bytes) -> dict[str, Any]:
    """The ``PaymentRequest`` keyword arguments of NUT-26 TLV bytes; raises ``PaymentRequestError``."""
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
    return {**fields, "mints": tuple(mints), "transports": tuple(transports)}
