"""Lenient base64 and strict CBOR decoding shared by tokens and payment requests.

Lenient where real-world encoders disagree (padding, url-safe vs standard alphabet), strict where
sloppiness could hide corruption (trailing bytes after the CBOR item). Every failure becomes the
caller's ``ProtocolError`` subclass, so untrusted input never leaks a ``binascii`` or ``cbor2`` error.
"""

from __future__ import annotations

import base64
import binascii
import io
import re

import cbor2

from core.errors import ProtocolError

__all__ = ["b64decode_any", "b64encode_url", "cbor_dumps", "cbor_loads_strict"]

_BASE64_BODY = re.compile(r"[A-Za-z0-9+/_-]*")


def b64decode_any(text: str, error: type[ProtocolError]) -> bytes:
    """Decode base64url or standard base64, padded or not. Raises ``error`` on anything else."""
    body = text.rstrip("=")
    if not _BASE64_BODY.fullmatch(body) or len(body) % 4 == 1 or len(text) - len(body) > 2:
        raise error("invalid base64 encoding")
    # Map the url-safe alphabet onto the standard one; the standard '+' and '/' are accepted as they are.
    body = body.replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise error("invalid base64 encoding") from exc


def b64encode_url(data: bytes) -> str:
    """base64url with ``=`` padding (what the NUTs specify; decoders accept both)."""
    return base64.urlsafe_b64encode(data).decode("ascii")


def cbor_dumps(value: object) -> bytes:
    """CBOR in the map order given (the NUT vectors depend on insertion order, not canonical order)."""
    return cbor2.dumps(value)


def cbor_loads_strict(data: bytes, error: type[ProtocolError]) -> object:
    """Decode exactly one CBOR item filling all of ``data``. Raises ``error`` on anything malformed."""
    stream = io.BytesIO(data)
    try:
        value = cbor2.CBORDecoder(stream).decode()
    # cbor2 raises a zoo of types on hostile input (decode errors, recursion, overflow, memory): all mean
    # "not a valid item" here.
    except Exception as exc:
        raise error(f"invalid CBOR: {exc}") from exc
    if stream.tell() != len(data):
        raise error("invalid CBOR: trailing bytes after the data item")
    return value
