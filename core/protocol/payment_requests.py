"""Payment requests: NUT-18 ``creqA`` (base64 CBOR) and NUT-26 ``creqb1`` (bech32m TLV), and the NUT-18 payload.

A merchant shows a request; the payer's wallet builds a token matching it and delivers a
``PaymentRequestPayload`` over the request's transport (HTTP POST or Nostr), or in-band when there is none.
Decoding treats the string as hostile and raises only ``PaymentRequestError``. The parts live in
``payment_request_model`` (transport, NUT-10 option, map reading), ``payment_request_payload`` and ``creqb``
(NUT-26 TLV); they are re-exported here, the one import path for callers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.errors import PaymentRequestError, ProtocolError
from core.i18n import t
from core.protocol._codec import b64decode_any, b64encode_url, cbor_dumps, cbor_loads_strict
from core.protocol.bech32 import Variant, bech32_decode, bech32_encode
from core.protocol.creqb import decode_creqb_tlv, encode_creqb_tlv, parse_nostr_target
from core.protocol.payment_request_model import Nut10Option, Tags, Transport, request_fields_from_map
from core.protocol.payment_request_payload import PaymentRequestPayload

__all__ = [
    "CREQ_A_PREFIX",
    "CREQ_B_HRP",
    "Nut10Option",
    "PaymentRequest",
    "PaymentRequestPayload",
    "Tags",
    "Transport",
    "decode_payment_request",
    "parse_nostr_target",
]

CREQ_A_PREFIX = "creqA"
CREQ_B_HRP = "creqb"


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
        return cls(**request_fields_from_map(data))

    def encode_creqa(self) -> str:
        """NUT-18: ``creqA`` + base64url(CBOR)."""
        return CREQ_A_PREFIX + b64encode_url(cbor_dumps(self.to_json()))

    def encode_creqb(self) -> str:
        """NUT-26: bech32m TLV, upper-cased as the spec recommends for QR alphanumeric mode."""
        try:
            return bech32_encode(CREQ_B_HRP, encode_creqb_tlv(self), Variant.BECH32M).upper()
        except PaymentRequestError:
            raise
        except ProtocolError as exc:
            raise PaymentRequestError(t("cannot encode payment request: {0}").format(exc)) from exc

    @classmethod
    def decode(cls, text: str) -> PaymentRequest:
        """Decode a ``creqA…`` or ``creqb1…`` string; see ``decode_payment_request``."""
        return decode_payment_request(text)


def decode_payment_request(text: str) -> PaymentRequest:
    """Decode NUT-18 ``creqA…`` (either base64 alphabet, padded or not) or NUT-26 ``creqb1…`` (either case)."""
    if not isinstance(text, str):
        raise PaymentRequestError(t("a payment request must be text"))
    text = text.strip()
    if text[: len(CREQ_A_PREFIX)].lower() == CREQ_A_PREFIX.lower():
        payload = b64decode_any(text[len(CREQ_A_PREFIX) :], PaymentRequestError)
        return PaymentRequest(**request_fields_from_map(cbor_loads_strict(payload, PaymentRequestError)))
    if text[: len(CREQ_B_HRP) + 1].lower() == CREQ_B_HRP + "1":
        try:
            decoded = bech32_decode(text)
        except ProtocolError as exc:
            raise PaymentRequestError(t("invalid creqb request: {0}").format(exc)) from exc
        if decoded.hrp != CREQ_B_HRP or decoded.variant is not Variant.BECH32M:
            raise PaymentRequestError(t("creqb requests must be bech32m"))
        return PaymentRequest(**decode_creqb_tlv(decoded.data))
    raise PaymentRequestError(t("not a payment request (expected creqA or creqb1)"))
