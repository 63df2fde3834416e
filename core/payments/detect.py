""" "Paste anything": a registry of input kinds. Each kind says whether a string is its own, parses it, and
names the flow that handles it (``receive`` for ecash, ``pay`` for everything else).

Before the kinds look at a string, URI wrappers are taken off: ``lightning:`` (LUD-17 style and BOLT11
URIs), BIP21 ``bitcoin:…?lightning=…`` (the Lightning fallback of a unified QR), ``cashu:`` and the LUD-01
fallback ``https://…?lightning=LNURL1…``. Schemes and parameter names are matched in any case, because QR
codes are often upper case. Anything no kind claims raises ``UnsupportedInput`` naming what it looked like.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit

from core.errors import UnsupportedInput
from core.i18n import t
from core.payments.invoices import Invoice, decode_invoice, looks_like_bolt11
from core.payments.lightning_address import LightningAddress, looks_like_lightning_address, parse_lightning_address
from core.payments.lnurl import decode_lnurl, lnurlp_to_url
from core.protocol.payment_requests import PaymentRequest, decode_payment_request
from core.protocol.tokens import RAW_V4_PREFIX, Token, decode_token

__all__ = [
    "Bolt11Kind",
    "CashuTokenKind",
    "DetectedInput",
    "InputKind",
    "InputRegistry",
    "LightningAddressKind",
    "LnurlKind",
    "PaymentRequestKind",
    "default_registry",
    "detect",
]

RECEIVE = "receive"
PAY = "pay"


@dataclass(frozen=True)
class DetectedInput:
    """What a pasted/scanned string is. ``value`` is the parsed object the flow needs."""

    kind: str
    action: str
    text: str
    value: Any = field(repr=False)
    details: dict[str, Any] = field(default_factory=dict)
    uri_scheme: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "action": self.action}
        if self.uri_scheme:
            out["uri_scheme"] = self.uri_scheme
        out.update(self.details)
        return out


class InputKind(ABC):
    """One kind of input. ``claims`` must be cheap and never raise; ``parse`` may raise a core error."""

    name: ClassVar[str]
    action: ClassVar[str]
    description: ClassVar[str]

    @abstractmethod
    def claims(self, text: str) -> bool: ...

    @abstractmethod
    def parse(self, text: str) -> DetectedInput: ...


class CashuTokenKind(InputKind):
    name = "cashu_token"
    action = RECEIVE
    description = "a Cashu token"

    def claims(self, text: str) -> bool:
        return text.startswith(("cashuA", "cashuB", "crawB"))

    def parse(self, text: str) -> DetectedInput:
        data: str | bytes = text
        if text.startswith("crawB"):
            # The binary form pasted as text (e.g. read from a file as latin-1): give the decoder its bytes.
            data = text.encode("latin-1", errors="strict") if text.isascii() or _latin1(text) else text
        token: Token = decode_token(data)
        version = {"cashuA": "V3", "cashuB": "V4"}.get(text[:6], "V4 binary")
        details = {
            "mint": token.mint,
            "unit": token.unit,
            "amount": token.amount,
            "memo": token.memo,
            "proofs": len(token.proofs),
            "version": version,
        }
        return DetectedInput(self.name, self.action, text, token, details)


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


class Bolt11Kind(InputKind):
    name = "bolt11"
    action = PAY
    description = "a Lightning invoice"

    def claims(self, text: str) -> bool:
        return looks_like_bolt11(text)

    def parse(self, text: str) -> DetectedInput:
        invoice: Invoice = decode_invoice(text)
        return DetectedInput(self.name, self.action, invoice.request, invoice, invoice.to_json())


class LnurlKind(InputKind):
    """LUD-01 bech32 ``lnurl1…`` and LUD-17 ``lnurlp://``."""

    name = "lnurl"
    action = PAY
    description = "an LNURL-pay link"

    def claims(self, text: str) -> bool:
        lowered = text.lower()
        return lowered.startswith("lnurl1") or lowered.startswith("lnurlp://")

    def parse(self, text: str) -> DetectedInput:
        if text.lower().startswith("lnurlp://"):
            url, form = lnurlp_to_url(text), "lnurlp"
        else:
            url, form = decode_lnurl(text), "bech32"
        return DetectedInput(self.name, self.action, text, url, {"url": url, "form": form})


class LightningAddressKind(InputKind):
    name = "lightning_address"
    action = PAY
    description = "a Lightning address"

    def claims(self, text: str) -> bool:
        return "@" in text and looks_like_lightning_address(text)

    def parse(self, text: str) -> DetectedInput:
        address: LightningAddress = parse_lightning_address(text)
        return DetectedInput(
            self.name, self.action, str(address), address, {"address": str(address), "url": address.url}
        )


class PaymentRequestKind(InputKind):
    """NUT-18 ``creqA…`` and NUT-26 ``creqb1…``."""

    name = "payment_request"
    action = PAY
    description = "a Cashu payment request"

    def claims(self, text: str) -> bool:
        return text.startswith("creqA") or text.lower().startswith("creqb1")

    def parse(self, text: str) -> DetectedInput:
        request: PaymentRequest = decode_payment_request(text)
        details: dict[str, Any] = {
            "format": "creqA" if text.startswith("creqA") else "creqB",
            "id": request.id,
            "amount": request.amount,
            "unit": request.unit,
            "mints": list(request.mints),
            "description": request.description,
            "single_use": request.single_use,
            "transports": [t.type for t in request.transports],
            "lock": request.nut10.kind if request.nut10 else None,
        }
        return DetectedInput(self.name, self.action, text, request, details)


class InputRegistry:
    """The kinds, tried in order. Front ends call ``detect``; features may ``register`` more kinds."""

    def __init__(self, kinds: list[InputKind] | None = None) -> None:
        self.kinds: list[InputKind] = list(kinds or [])

    def register(self, kind: InputKind) -> None:
        self.kinds.append(kind)

    def detect(self, data: str | bytes) -> DetectedInput:
        if isinstance(data, bytes | bytearray):
            raw = bytes(data)
            if raw.startswith(RAW_V4_PREFIX):
                return CashuTokenKind().parse(raw.decode("latin-1"))
            try:
                data = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise UnsupportedInput(
                    t("not something Nutdesk can pay or receive: it looks like binary data")
                ) from exc
        text, scheme = _unwrap(data.strip())
        for kind in self.kinds:
            if kind.claims(text):
                found = kind.parse(text)
                return found if scheme is None else _with_scheme(found, scheme)
        raise UnsupportedInput(
            t("not something Nutdesk can pay or receive: it looks like {0}").format(_describe(text, scheme))
        )


def _with_scheme(found: DetectedInput, scheme: str) -> DetectedInput:
    return DetectedInput(found.kind, found.action, found.text, found.value, found.details, scheme)


def _query_param(query: str, name: str) -> str | None:
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key.lower() == name:
            return value.strip()
    return None


def _unwrap(text: str) -> tuple[str, str | None]:
    """Take URI wrappers off; returns (inner text, the scheme that was removed)."""
    lowered = text.lower()
    for scheme in ("lightning:", "cashu:", "web+cashu:"):
        if lowered.startswith(scheme):
            inner = text[len(scheme) :]
            if inner.startswith("//") and not inner.lower().startswith("//lnurlp"):
                inner = inner[2:]
            return inner.strip(), scheme[:-1]
    if lowered.startswith("bitcoin:"):
        _, _, query = text.partition("?")
        lightning = _query_param(query, "lightning")
        if lightning:
            return lightning, "bitcoin"
        return text, "bitcoin"
    if lowered.startswith(("https://", "http://")):
        lightning = _query_param(urlsplit(text).query, "lightning")
        if lightning and lightning.lower().startswith("lnurl1"):
            return lightning, "https"
    return text, None


_BTC_ADDRESS = re.compile(r"^(bc1|tb1|bcrt1)[a-z0-9]{8,87}$|^[13mn2][a-km-zA-HJ-NP-Z1-9]{25,34}$")
_HEX = re.compile(r"^[0-9a-fA-F]+$")


def _describe(text: str, scheme: str | None) -> str:
    """A short guess at what the unsupported thing is, for the error message."""
    lowered = text.lower()
    if not text:
        return "empty input"
    if scheme == "bitcoin":
        return "a Bitcoin on-chain payment URI without a Lightning invoice (Nutdesk pays Lightning and ecash only)"
    if lowered.startswith(("lnurlw://", "lnurlc://", "keyauth://")):
        kind = {"lnurlw": "an LNURL-withdraw link", "lnurlc": "an LNURL-channel link", "keyauth": "an LNURL-auth link"}
        return f"{kind[lowered.split(':', 1)[0]]} (Nutdesk pays LNURL-pay links only)"
    if lowered.startswith("lno1"):
        return "a BOLT12 offer (not supported yet)"
    if lowered.startswith("lni1"):
        return "a BOLT12 invoice (not supported yet)"
    if lowered.startswith(("npub1", "nprofile1", "nsec1", "nostr:")):
        return "a Nostr key or link"
    if lowered.startswith(("nostr+walletconnect:", "nostrwalletconnect:")):
        return "a Nostr Wallet Connect URI (add it as a Lightning backend instead)"
    if _BTC_ADDRESS.match(text) or _BTC_ADDRESS.match(lowered):
        return "a Bitcoin on-chain address (Nutdesk pays Lightning and ecash only)"
    if lowered.startswith("ln") and len(text) > 20:
        return "a damaged or unknown Lightning string"
    if lowered.startswith("cashu") or lowered.startswith("creq"):
        return "a damaged Cashu token or payment request (check upper and lower case)"
    if lowered.startswith(("https://", "http://")):
        return "a web link"
    if "@" in text:
        return "an e-mail-like address that is not a valid Lightning address"
    if len(text) == 66 and _HEX.match(text) and text[:2] in ("02", "03"):
        return "a public key or Lightning node id"
    if len(text.split()) >= 12:
        return "a list of words (a recovery phrase is never pasted here)"
    preview = text if len(text) <= 24 else text[:21] + "…"
    return f"plain text ({preview!r})"


def default_registry() -> InputRegistry:
    return InputRegistry([CashuTokenKind(), PaymentRequestKind(), Bolt11Kind(), LnurlKind(), LightningAddressKind()])


_DEFAULT = default_registry()


def detect(data: str | bytes) -> DetectedInput:
    """Detect and parse with the default kinds; raises ``UnsupportedInput`` or the kind's own error."""
    return _DEFAULT.detect(data)
