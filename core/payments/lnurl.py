"""LNURL-pay (LUD-01, 06, 09, 10, 12, 16, 17): a small hand-written async client.

The HTTP status of an LNURL answer means nothing: the body is parsed, and ``{"status":"ERROR","reason"}`` is
shown to the user as it is. The one rule that protects money: **the invoice the service returns must be for
exactly the amount we asked** — anything else is refused before a melt quote is even requested.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

import httpx
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from core.errors import MalformedInput, ProtocolError
from core.httpread import fetch
from core.i18n import t
from core.payments.errors import AmountError, InvalidInvoice, InvoiceAmountMismatch, LnurlError
from core.payments.invoices import Invoice, decode_invoice
from core.payments.urls import check_url, scheme_for_host
from core.protocol.bech32 import bech32_decode
from core.protocol.jsonread import LNURL_CAP, read_json

__all__ = [
    "LnurlClient",
    "LnurlInvoice",
    "PayRequest",
    "SuccessAction",
    "decode_lnurl",
    "lnurlp_to_url",
]

_MAX_BODY = LNURL_CAP  # read as a stream and refused past the cap (core.httpread)
_DEADLINE = 30.0  # one request, start to last byte
log = logging.getLogger(__name__)


def decode_lnurl(text: str) -> str:
    """LUD-01: the URL inside a bech32 ``lnurl1…`` string (upper or lower case, no length limit)."""
    try:
        decoded = bech32_decode(text.strip())
    except ProtocolError as exc:
        raise LnurlError(t("this LNURL is not valid bech32: {0}").format(exc)) from exc
    if decoded.hrp != "lnurl":
        raise LnurlError(t("not an LNURL (prefix {0!r})").format(decoded.hrp))
    try:
        url = decoded.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LnurlError(t("this LNURL does not contain a URL")) from exc
    return check_url(url, "the LNURL")


def lnurlp_to_url(text: str) -> str:
    """LUD-17: ``lnurlp://host/path`` → ``https://host/path`` (http for loopback and .onion hosts)."""
    scheme, _, rest = text.strip().partition("://")
    if scheme.lower() != "lnurlp" or not rest:
        raise LnurlError(t("not an lnurlp:// link: {0!r}").format(text))
    netloc = rest.split("/", 1)[0]
    return check_url(f"{scheme_for_host(netloc)}://{rest}", "the lnurlp link")


@dataclass(frozen=True)
class PayRequest:
    """LUD-06 ``payRequest``. Amounts in millisatoshi."""

    url: str
    callback: str
    min_sendable: int
    max_sendable: int
    metadata: str
    comment_allowed: int = 0
    description: str = ""
    identifier: str | None = None

    @property
    def domain(self) -> str:
        return httpx.URL(self.callback).host

    @property
    def min_sat(self) -> int:
        return -(-self.min_sendable // 1000)

    @property
    def max_sat(self) -> int:
        return self.max_sendable // 1000

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "callback": self.callback,
            "min_sendable": self.min_sendable,
            "max_sendable": self.max_sendable,
            "comment_allowed": self.comment_allowed,
            "description": self.description,
            "domain": self.domain,
        }


@dataclass(frozen=True)
class SuccessAction:
    """LUD-09 (message, url) or LUD-10 (aes) — what to show the payer after paying."""

    tag: str
    message: str | None = None
    url: str | None = None
    description: str | None = None
    ciphertext: str | None = None
    iv: str | None = None

    def decrypt(self, preimage_hex: str) -> str:
        """LUD-10: AES-256-CBC with the payment preimage as key, PKCS#7 padding."""
        if self.tag != "aes" or not self.ciphertext or not self.iv:
            raise LnurlError(t("this success action is not encrypted"))
        try:
            key = bytes.fromhex(preimage_hex)
            iv = base64.b64decode(self.iv, validate=True)
            ciphertext = base64.b64decode(self.ciphertext, validate=True)
            decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
            padded = decryptor.update(ciphertext) + decryptor.finalize()
            unpadder = padding.PKCS7(128).unpadder()
            return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")
        except (ValueError, UnicodeDecodeError) as exc:
            raise LnurlError(t("the service's encrypted message cannot be decrypted: {0}").format(exc)) from exc

    def render(self, preimage_hex: str | None) -> dict[str, Any]:
        """What the front end shows: ``{"tag", "message"?, "url"?, "description"?}`` (aes decrypted)."""
        out: dict[str, Any] = {"tag": self.tag}
        if self.description:
            out["description"] = self.description
        if self.message:
            out["message"] = self.message
        if self.url:
            out["url"] = self.url
        if self.tag == "aes":
            if preimage_hex:
                try:
                    out["message"] = self.decrypt(preimage_hex)
                except LnurlError as exc:
                    out["error"] = str(exc)
            else:
                out["error"] = "no preimage to decrypt the message with"
        return out


@dataclass(frozen=True)
class LnurlInvoice:
    invoice: Invoice
    amount_msat: int
    comment: str | None
    success_action: SuccessAction | None = None
    verify: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


def _metadata_description(metadata: str) -> str:
    try:
        entries = read_json(metadata, cap=_MAX_BODY)
    except MalformedInput as exc:
        raise LnurlError(t("the service's metadata is not JSON")) from exc
    if not isinstance(entries, list):
        raise LnurlError(t("the service's metadata is not a list"))
    for entry in entries:
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == "text/plain" and isinstance(entry[1], str):
            return entry[1]
    return ""


def _identifier(metadata: str) -> str | None:
    try:
        entries = read_json(metadata, cap=_MAX_BODY)
    except MalformedInput:
        return None
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, list) and len(entry) == 2 and entry[0] in ("text/identifier", "text/email"):
            return str(entry[1])
    return None


def _parse_success_action(raw: object, callback: str) -> SuccessAction | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise LnurlError(t("the service's successAction is malformed"))
    tag = raw.get("tag")
    if tag == "message":
        message = str(raw.get("message") or "")
        return SuccessAction("message", message=message[:144])
    if tag == "url":
        url = str(raw.get("url") or "")
        # LUD-09: the URL must be on the callback's domain; a link elsewhere is dropped, not shown.
        try:
            same_domain = httpx.URL(url).host == httpx.URL(callback).host and httpx.URL(url).scheme in ("https", "http")
        except (httpx.InvalidURL, TypeError, ValueError):
            same_domain = False
        return SuccessAction("url", url=url if same_domain else None, description=str(raw.get("description") or ""))
    if tag == "aes":
        iv = str(raw.get("iv") or "")
        ciphertext = str(raw.get("ciphertext") or "")
        if len(iv) != 24 or not ciphertext or len(ciphertext) > 4096:
            raise LnurlError(t("the service's encrypted successAction is malformed"))
        return SuccessAction("aes", description=str(raw.get("description") or "")[:144], ciphertext=ciphertext, iv=iv)
    raise LnurlError(t("the service's successAction has an unknown tag {0!r}").format(tag))


class LnurlClient:
    """Talks to LNURL-pay services over one shared ``httpx.AsyncClient`` (owned by the caller)."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def _get_json(self, url: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        check_url(url, "the LNURL service")
        host = httpx.URL(url).host
        try:
            response = await fetch(
                self._http, "GET", url, cap=_MAX_BODY, deadline=_DEADLINE, params=params, follow_redirects=False
            )
        except TimeoutError as exc:
            raise LnurlError(t("{0} did not answer within {1:g} s").format(host, _DEADLINE)) from exc
        except httpx.HTTPError as exc:
            raise LnurlError(
                t("could not reach {0}: {1}").format(host, f"{exc.__class__.__name__} {exc}".rstrip())
            ) from exc
        except MalformedInput as exc:
            raise LnurlError(t("{0} sent an unusable answer: {1}").format(host, exc)) from exc
        try:
            data = read_json(response.content, cap=_MAX_BODY)
        except MalformedInput as exc:
            raise LnurlError(
                t("{0} did not answer with LNURL data (HTTP {1}): {2}").format(host, response.status_code, exc)
            ) from exc
        if not isinstance(data, dict):
            raise LnurlError(t("{0} answered something that is not an LNURL object").format(httpx.URL(url).host))
        if str(data.get("status", "")).upper() == "ERROR":
            reason = str(data.get("reason") or "no reason given")
            raise LnurlError(t("{0} says: {1}").format(httpx.URL(url).host, reason))
        return data

    async def fetch_pay_request(self, url: str) -> PayRequest:
        """GET the LUD-06 pay request behind an LNURL / lnurlp link / Lightning address URL."""
        data = await self._get_json(url)
        tag = data.get("tag")
        if tag != "payRequest":
            kind = {"withdrawRequest": "an LNURL-withdraw", "channelRequest": "an LNURL-channel"}.get(
                str(tag), f"a {tag!r}"
            )
            raise LnurlError(t("this LNURL is {0} link: Nutdesk can only pay LNURL-pay links").format(kind))
        try:
            callback = str(data["callback"])
            min_sendable = int(data["minSendable"])
            max_sendable = int(data["maxSendable"])
            metadata = str(data["metadata"])
            comment_allowed = int(data.get("commentAllowed") or 0)
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise LnurlError(t("the pay request is missing a field: {0}").format(exc)) from exc
        check_url(callback, "the LNURL callback")
        if min_sendable <= 0 or max_sendable < min_sendable:
            raise LnurlError(
                t("the pay request has impossible limits ({0}–{1} msat)").format(min_sendable, max_sendable)
            )
        return PayRequest(
            url=url,
            callback=callback,
            min_sendable=min_sendable,
            max_sendable=max_sendable,
            metadata=metadata,
            comment_allowed=max(comment_allowed, 0),
            description=_metadata_description(metadata),
            identifier=_identifier(metadata),
        )

    async def request_invoice(self, pay: PayRequest, amount_msat: int, comment: str | None = None) -> LnurlInvoice:
        """LUD-06 callback (+ LUD-12 comment). Checks min/max first and the invoice amount after."""
        if not pay.min_sendable <= amount_msat <= pay.max_sendable:
            raise AmountError(
                t("{0} accepts {1}–{2} sat; {3} sat is outside that").format(
                    pay.domain, pay.min_sat, pay.max_sat, amount_msat // 1000
                )
            )
        params = {"amount": str(amount_msat)}
        if comment:
            if pay.comment_allowed <= 0:
                raise LnurlError(t("{0} does not accept comments").format(pay.domain))
            if len(comment) > pay.comment_allowed:
                raise LnurlError(
                    t("{0} accepts comments of at most {1} characters").format(pay.domain, pay.comment_allowed)
                )
            params["comment"] = comment
        data = await self._get_json(pay.callback, params)
        pr = data.get("pr")
        if not isinstance(pr, str) or not pr:
            raise LnurlError(t("{0} did not return an invoice").format(pay.domain))
        try:
            invoice = decode_invoice(pr)
        except InvalidInvoice as exc:
            raise LnurlError(t("{0} returned an invoice that cannot be decoded").format(pay.domain)) from exc
        if invoice.amount_msat != amount_msat:
            got = "no amount" if invoice.amount_msat is None else f"{invoice.amount_msat} msat"
            raise InvoiceAmountMismatch(
                t("{0} returned an invoice for {1} instead of the {2} msat requested; it was not paid").format(
                    pay.domain, got, amount_msat
                )
            )
        if invoice.description_hash and invoice.description_hash != hashlib.sha256(pay.metadata.encode()).hexdigest():
            # LUD-06 no longer requires the hash to match: note it, do not refuse.
            log.warning("invoice from %s has a description hash that does not match the metadata", pay.domain)
        verify = data.get("verify")
        return LnurlInvoice(
            invoice=invoice,
            amount_msat=amount_msat,
            comment=comment,
            success_action=_parse_success_action(data.get("successAction"), pay.callback),
            verify=str(verify) if isinstance(verify, str) else None,
            raw=data,
        )
