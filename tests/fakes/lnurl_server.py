"""A local LNURL-pay service (LUD-06/09/10/12/16/17), written from the specs, on 127.0.0.1.

Each user is configured to behave well or badly: error bodies, an invoice for the wrong amount, comments,
success actions (``message``, ``url``, LUD-10 ``aes``). Invoices are validly signed bolt11 strings that the
nutshell FakeWallet pays; its preimage for external invoices is 32 zero bytes, so ``aes`` messages are
encrypted with that key by default.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from bolt11 import Bolt11, MilliSatoshi, Tag, TagChar, Tags, encode
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from core.protocol.bech32 import Variant, bech32_encode
from tests.fakes.http import LocalHTTPServer, Request, Response

NUTSHELL_FAKEWALLET_PREIMAGE = "00" * 32


def make_invoice(amount_msat: int | None, *, description_hash: str | None = None, expiry: int = 600) -> str:
    tags = [Tag(TagChar.payment_hash, secrets.token_hex(32)), Tag(TagChar.payment_secret, secrets.token_hex(32))]
    if description_hash:
        tags.append(Tag(TagChar.description_hash, description_hash))
    else:
        tags.append(Tag(TagChar.description, "fake lnurl"))
    tags.append(Tag(TagChar.expire_time, expiry))
    amount = None if amount_msat is None else MilliSatoshi(amount_msat)
    invoice = Bolt11(currency="bc", amount_msat=amount, date=int(time.time()), tags=Tags(tags))
    return str(encode(invoice, secrets.token_hex(32)))


def aes_success_action(message: str, preimage_hex: str, description: str = "your code") -> dict[str, Any]:
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(message.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(bytes.fromhex(preimage_hex)), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padded) + encryptor.finalize()
    return {
        "tag": "aes",
        "description": description,
        "ciphertext": base64.b64encode(ciphertext).decode(),
        "iv": base64.b64encode(iv).decode(),
    }


@dataclass
class LnurlUser:
    min_sendable: int = 1_000
    max_sendable: int = 1_000_000_000
    description: str = "Pay a Nutdesk test user"
    comment_allowed: int = 0
    wrong_amount_msat: int | None = None  # answer every callback with an invoice for this amount instead
    amountless_invoice: bool = False
    pay_request_error: str | None = None  # first step answers {"status":"ERROR","reason"}
    callback_error: str | None = None
    error_status: int = 200  # HTTP status sent with error bodies (LUD-06: it means nothing)
    success_message: str | None = None
    success_url: str | None = None
    aes_message: str | None = None
    aes_key: str = NUTSHELL_FAKEWALLET_PREIMAGE
    tag: str = "payRequest"
    callbacks: list[dict[str, str]] = field(default_factory=list)
    invoices: list[str] = field(default_factory=list)


class FakeLnurlServer(LocalHTTPServer):
    def __init__(self) -> None:
        self.users: dict[str, LnurlUser] = {}
        super().__init__(self._route_request)

    def add_user(self, name: str, **kwargs: Any) -> LnurlUser:
        user = LnurlUser(**kwargs)
        self.users[name] = user
        return user

    def address(self, name: str) -> str:
        return f"{name}@127.0.0.1:{self.port}"

    def lnurlp(self, name: str) -> str:
        return f"lnurlp://127.0.0.1:{self.port}/lnurlp/{name}"

    def lnurl(self, name: str) -> str:
        url = f"{self.base_url}/lnurlp/{name}"
        return bech32_encode("lnurl", url.encode(), Variant.BECH32).upper()

    def metadata(self, name: str) -> str:
        user = self.users[name]
        return json.dumps([["text/plain", user.description], ["text/identifier", self.address(name)]])

    def _route_request(self, request: Request) -> Response:
        parts = request.path.strip("/").split("/")
        if parts[:2] == [".well-known", "lnurlp"] and len(parts) == 3:
            return self._pay_request(parts[2])
        if parts[0] == "lnurlp" and len(parts) == 2:
            return self._pay_request(parts[1])
        if parts[0] == "cb" and len(parts) == 2:
            return self._callback(parts[1], request.query)
        return 404, {"status": "ERROR", "reason": "not found"}

    def _pay_request(self, name: str) -> Response:
        user = self.users.get(name)
        if user is None:
            return 404, {"status": "ERROR", "reason": f"user {name} not found"}
        if user.pay_request_error:
            return user.error_status, {"status": "ERROR", "reason": user.pay_request_error}
        body: dict[str, Any] = {
            "tag": user.tag,
            "callback": f"{self.base_url}/cb/{name}",
            "minSendable": user.min_sendable,
            "maxSendable": user.max_sendable,
            "metadata": self.metadata(name),
        }
        if user.comment_allowed:
            body["commentAllowed"] = user.comment_allowed
        return 200, body

    def _callback(self, name: str, query: dict[str, str]) -> Response:
        user = self.users[name]
        user.callbacks.append(dict(query))
        if user.callback_error:
            return user.error_status, {"status": "ERROR", "reason": user.callback_error}
        amount = int(query["amount"])
        if not user.min_sendable <= amount <= user.max_sendable:
            return 200, {"status": "ERROR", "reason": "amount out of range"}
        if len(query.get("comment", "")) > user.comment_allowed:
            return 200, {"status": "ERROR", "reason": "comment too long"}
        invoice_amount = None if user.amountless_invoice else (user.wrong_amount_msat or amount)
        description_hash = hashlib.sha256(self.metadata(name).encode()).hexdigest()
        pr = make_invoice(invoice_amount, description_hash=description_hash)
        user.invoices.append(pr)
        body: dict[str, Any] = {"pr": pr, "routes": []}
        if user.success_message:
            body["successAction"] = {"tag": "message", "message": user.success_message}
        elif user.success_url:
            body["successAction"] = {"tag": "url", "description": "your receipt", "url": user.success_url}
        elif user.aes_message:
            body["successAction"] = aes_success_action(user.aes_message, user.aes_key)
        return 200, body
