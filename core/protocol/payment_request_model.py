"""NUT-18 payment-request parts (transport, NUT-10 option) and the reading of the NUT-18 JSON/CBOR map.

Split from ``payment_requests`` so each codec stays small; import these names from there. Every reader treats
its input as hostile and raises only ``PaymentRequestError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cbor2

from core.errors import PaymentRequestError
from core.i18n import t

Tags = tuple[tuple[str, ...], ...]


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


# --- map parsing (NUT-18 JSON / CBOR) -------------------------------------------------------------


def absent(value: object) -> bool:
    # Some encoders write CBOR `undefined` for absent fields (see the NUT-18 vectors).
    return value is None or value is cbor2.undefined


def require_field(value: object, kind: type | tuple[type, ...], what: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise PaymentRequestError(t("payment request field {0} is missing or has the wrong type").format(what))
    return value


def optional_field(value: object, kind: type, what: str) -> Any:
    return None if absent(value) else require_field(value, kind, what)


def parse_tags(value: object, what: str) -> Tags:
    if absent(value):
        return ()
    tags = []
    for tag in require_field(value, list, what):
        items = require_field(tag, list, what)
        if not items:
            raise PaymentRequestError(t("empty tag in {0}").format(what))
        tags.append(tuple(require_field(item, str, what) for item in items))
    return tuple(tags)


def request_fields_from_map(data: object) -> dict[str, Any]:
    """The ``PaymentRequest`` keyword arguments of a NUT-18 JSON/CBOR map; raises ``PaymentRequestError``."""
    body: Mapping[Any, Any] = require_field(data, Mapping, "request")
    amount = optional_field(body.get("a"), int, "a")
    if amount is not None and amount < 0:
        raise PaymentRequestError(t("payment request amount cannot be negative"))
    transports = tuple(
        Transport(
            type=require_field(raw.get("t"), str, "t[].t"),
            target=require_field(raw.get("a"), str, "t[].a"),
            tags=parse_tags(raw.get("g"), "t[].g"),
        )
        for raw in (require_field(item, Mapping, "t[]") for item in (optional_field(body.get("t"), list, "t") or []))
    )
    nut10 = None
    nut10_raw = optional_field(body.get("nut10"), Mapping, "nut10")
    if nut10_raw is not None:
        nut10 = Nut10Option(
            kind=require_field(nut10_raw.get("k"), str, "nut10.k"),
            data=require_field(nut10_raw.get("d"), str, "nut10.d"),
            tags=parse_tags(nut10_raw.get("t"), "nut10.t"),
        )
    return dict(
        id=optional_field(body.get("i"), str, "i"),
        amount=amount,
        unit=optional_field(body.get("u"), str, "u"),
        single_use=optional_field(body.get("s"), bool, "s"),
        mints=tuple(require_field(mint, str, "m[]") for mint in (optional_field(body.get("m"), list, "m") or [])),
        description=optional_field(body.get("d"), str, "d"),
        transports=transports,
        nut10=nut10,
    )
