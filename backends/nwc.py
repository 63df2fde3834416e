"""Nostr Wallet Connect (NIP-47) over a relay websocket.

Facts (shared/reference/lightning-backends.md): URI ``nostr+walletconnect://<wallet pubkey>?relay=…&secret=…``;
info event 13194 (methods; tags ``encryption`` and ``notifications``), requests 23194, responses 23195 tagged
``e`` = request id, notifications 23197 (NIP-44) / 23196 (NIP-04). NIP-44 v2 when the info event lists it, else
NIP-04. The response subscription is opened **before** the request is published. Amounts are msat.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from collections.abc import AsyncIterator, Mapping
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlparse

import websockets
from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as ws_connect

from backends._http import decode_bolt11, expired_invoice, json_object, relay_message
from backends.registry import register_backend
from core.errors import BackendError, BackendUnavailable
from core.i18n import t
from core.nostr.crypto import (
    NostrError,
    NostrKeys,
    nip04_decrypt,
    nip04_encrypt,
    nip44_decrypt,
    nip44_encrypt,
    sign_event,
    verify_event,
)
from core.ports.lightning import (
    BackendStatus,
    Capabilities,
    CreatedInvoice,
    OptionSpec,
    PaidInvoice,
    PaymentResult,
    PaymentState,
)

__all__ = ["NwcBackend", "parse_nwc_uri"]

log = logging.getLogger(__name__)

INFO, REQUEST, RESPONSE, NOTIFICATION, NOTIFICATION_NIP04 = 13194, 23194, 23195, 23197, 23196
# Error codes after which the payment certainly did not happen.
_DEFINITE = {
    "PAYMENT_FAILED",
    "INSUFFICIENT_BALANCE",
    "QUOTA_EXCEEDED",
    "RESTRICTED",
    "UNAUTHORIZED",
    "NOT_IMPLEMENTED",
    "RATE_LIMITED",
    "UNSUPPORTED_ENCRYPTION",
    "NOT_FOUND",
}


def parse_nwc_uri(uri: str) -> tuple[str, list[str], str]:
    """(wallet pubkey, relays, client secret) from a ``nostr+walletconnect://`` URI."""
    parsed = urlparse(uri.strip())
    if parsed.scheme not in ("nostr+walletconnect", "nostrwalletconnect"):
        raise BackendError(t("not a nostr+walletconnect:// URI"))
    wallet = parsed.netloc or parsed.path.lstrip("/")
    query = parse_qs(parsed.query)
    relays, secret = query.get("relay", []), (query.get("secret") or [""])[0]
    if len(wallet) != 64 or not relays or len(secret) != 64:
        raise BackendError(t("the NWC URI needs a wallet pubkey, at least one relay and a secret"))
    return wallet, relays, secret


class _NwcError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class _Unanswered(Exception):
    """The request was published but no response came in time."""


@register_backend("NWC")
class NwcBackend:
    type_name: ClassVar[str] = "NWC"
    options: ClassVar[tuple[OptionSpec, ...]] = (
        OptionSpec("uri", "the nostr+walletconnect:// connection string", secret=True),
        OptionSpec("timeout", "seconds to wait for the wallet service", required=False, default="30"),
    )

    def __init__(self, uri: str, *, timeout: float = 30.0, poll_interval: float = 2.0) -> None:
        self.wallet, self.relays, secret = parse_nwc_uri(uri)
        try:
            self.keys = NostrKeys.from_hex(secret)
        except NostrError as exc:
            raise BackendError(t("NWC: {0}").format(exc)) from exc
        self.timeout = timeout
        self.poll_interval = poll_interval
        self._info: tuple[set[str], str, bool] | None = None  # methods, encryption, notifications
        self._made: dict[str, str] = {}  # payment hash → invoice (made here; polled when there are no notifications)

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> NwcBackend:
        if not options.get("uri"):
            raise BackendError(t("NWC needs --opt uri=nostr+walletconnect://…"))
        return cls(options["uri"], timeout=float(options.get("timeout") or 30))

    @property
    def capabilities(self) -> Capabilities:
        notifications = self._info[2] if self._info else True
        return Capabilities(
            units=frozenset({"sat"}),
            description_hash=True,
            amountless=True,
            amountless_invoices=True,
            streaming=notifications,
            fee_limit=False,
        )

    async def aclose(self) -> None:
        return None

    # --- the relay --------------------------------------------------------------------------------

    async def _connect(self) -> ClientConnection:
        last: Exception | None = None
        for relay in self.relays:
            try:
                return await ws_connect(relay, proxy=None, open_timeout=10)
            except (OSError, websockets.WebSocketException, TimeoutError) as exc:
                last = exc
        raise BackendUnavailable(t("NWC: no relay reachable ({0}): {1}").format(", ".join(self.relays), last))

    async def _info_event(self) -> tuple[set[str], str, bool]:
        if self._info is not None:
            return self._info
        conn = await self._connect()
        try:
            sub = secrets.token_hex(8)
            await conn.send(json.dumps(["REQ", sub, {"kinds": [INFO], "authors": [self.wallet], "limit": 1}]))
            event: dict[str, Any] | None = None
            async with asyncio.timeout(self.timeout):
                async for raw in conn:
                    message = relay_message(raw)
                    if message[0] == "EVENT" and message[1] == sub and verify_event(message[2]):
                        event = message[2]
                    elif message[0] == "EOSE" and message[1] == sub:
                        break
        except TimeoutError as exc:
            raise BackendUnavailable(t("NWC: the relay did not answer")) from exc
        finally:
            await conn.close()
        if event is None:
            raise BackendError(t("NWC: the wallet service has published no info event (is it running?)"))
        tags = {t[0]: t[1:] for t in event["tags"] if t}
        schemes = " ".join(tags.get("encryption", [])).split()
        encryption = "nip44_v2" if "nip44_v2" in schemes else "nip04"
        notifications = bool(" ".join(tags.get("notifications", [])).split())
        self._info = (set(event["content"].split()), encryption, notifications)
        return self._info

    def _encrypt(self, encryption: str, text: str) -> str:
        if encryption == "nip44_v2":
            return nip44_encrypt(self.keys.secret, self.wallet, text)
        return nip04_encrypt(self.keys.secret, self.wallet, text)

    def _decrypt(self, content: str) -> str:
        # The payload says which scheme it is: NIP-04 carries "?iv=".
        if "?iv=" in content:
            return nip04_decrypt(self.keys.secret, self.wallet, content)
        return nip44_decrypt(self.keys.secret, self.wallet, content)

    async def _call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """One NIP-47 request. Raises ``_NwcError`` (the service answered an error) or ``_Unanswered``."""
        _, encryption, _ = await self._info_event()
        tags = [["p", self.wallet]]
        if encryption == "nip44_v2":
            tags.append(["encryption", "nip44_v2"])
        request = sign_event(
            self.keys, REQUEST, self._encrypt(encryption, json.dumps({"method": method, "params": params})), tags
        )
        conn = await self._connect()
        published = False
        try:
            sub = secrets.token_hex(8)
            await conn.send(
                json.dumps(["REQ", sub, {"kinds": [RESPONSE], "authors": [self.wallet], "#e": [request["id"]]}])
            )
            async with asyncio.timeout(self.timeout):
                async for raw in conn:
                    message = relay_message(raw)
                    if message[0] == "EOSE" and message[1] == sub and not published:
                        await conn.send(json.dumps(["EVENT", request]))
                        published = True
                    elif message[0] == "OK" and message[1] == request["id"] and not message[2]:
                        raise BackendError(t("NWC: the relay refused the request: {0}").format(message[3]))
                    elif message[0] == "EVENT" and message[1] == sub and verify_event(message[2]):
                        body = json_object(self._decrypt(str(message[2]["content"])))
                        if body.get("error"):
                            error = body["error"] if isinstance(body["error"], dict) else {"message": body["error"]}
                            raise _NwcError(str(error.get("code", "OTHER")), str(error.get("message", "")))
                        result = body.get("result")
                        return dict(result) if isinstance(result, dict) else {}
        except TimeoutError as exc:
            if published:
                raise _Unanswered(t("NWC: no answer to {0} within {1} s").format(method, self.timeout)) from exc
            raise BackendUnavailable(t("NWC: the relay did not answer")) from exc
        except (OSError, websockets.WebSocketException) as exc:
            if published:
                raise _Unanswered(
                    t("NWC: the relay connection broke after {0} was sent: {1}").format(method, exc)
                ) from exc
            raise BackendUnavailable(t("NWC: the relay connection broke: {0}").format(exc)) from exc
        except (NostrError, ValueError) as exc:
            raise BackendError(t("NWC: unreadable response: {0}").format(exc)) from exc
        finally:
            await conn.close()
        raise _Unanswered(t("NWC: the relay closed before answering {0}").format(method))

    async def _simple(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        try:
            return await self._call(method, params)
        except _NwcError as exc:
            raise BackendError(t("NWC {0} refused: {1}").format(method, exc)) from exc
        except _Unanswered as exc:
            raise BackendUnavailable(str(exc)) from exc

    # --- the port ---------------------------------------------------------------------------------

    async def status(self) -> BackendStatus:
        result = await self._simple("get_balance", {})
        return BackendStatus(int(result.get("balance", 0)), "msat", "NWC")

    async def create_invoice(
        self,
        amount: int,
        *,
        unit: str = "sat",
        memo: str = "",
        description_hash: bytes | None = None,
        expiry: int | None = None,
    ) -> CreatedInvoice:
        if unit != "sat":
            raise BackendError(t("NWC makes invoices in sat, not {0}").format(unit))
        if amount < 0:
            raise BackendError(t("the amount must not be negative"))
        params: dict[str, Any] = {"amount": amount * 1000, "description": memo}
        if description_hash is not None:
            params["description_hash"] = description_hash.hex()
        if expiry is not None:
            params["expiry"] = expiry
        result = await self._simple("make_invoice", params)
        invoice = str(result.get("invoice", ""))
        payment_hash = str(result.get("payment_hash") or decode_bolt11(invoice)[0])
        self._made[payment_hash] = invoice
        return CreatedInvoice(invoice, payment_hash, amount, "sat", expiry)

    async def pay_invoice(
        self, bolt11: str, *, fee_limit_msat: int | None = None, amount_msat: int | None = None
    ) -> PaymentResult:
        payment_hash, invoice_msat, _ = decode_bolt11(bolt11)
        if expired_invoice(bolt11):
            return PaymentResult(PaymentState.FAILED, payment_hash, error="the invoice has expired")
        params: dict[str, Any] = {"invoice": bolt11.strip()}
        if invoice_msat is None:
            if not amount_msat:
                raise BackendError(t("an amount is needed to pay an amountless invoice"))
            params["amount"] = amount_msat
        try:
            result = await self._call("pay_invoice", params)
        except _NwcError as exc:
            if exc.code == "UNAUTHORIZED":
                raise BackendError(t("NWC refused the connection: {0}").format(exc)) from exc
            state = PaymentState.FAILED if exc.code in _DEFINITE else PaymentState.PENDING
            return PaymentResult(state, payment_hash, error=str(exc))
        except _Unanswered as exc:
            return PaymentResult(PaymentState.PENDING, payment_hash, error=str(exc))
        fees = result.get("fees_paid")
        return PaymentResult(
            PaymentState.SETTLED,
            payment_hash,
            preimage=result.get("preimage"),
            fee_msat=int(fees) if fees is not None else None,
            amount_msat=invoice_msat or amount_msat,
        )

    async def _lookup(self, payment_hash: str) -> dict[str, Any] | None:
        try:
            return await self._call("lookup_invoice", {"payment_hash": payment_hash})
        except _NwcError as exc:
            if exc.code == "NOT_FOUND":
                return None
            raise BackendError(t("NWC lookup_invoice refused: {0}").format(exc)) from exc
        except _Unanswered as exc:
            raise BackendUnavailable(str(exc)) from exc

    @staticmethod
    def _state(tx: dict[str, Any]) -> PaymentState:
        state = str(tx.get("state", ""))
        if state == "settled" or (not state and tx.get("settled_at")):
            return PaymentState.SETTLED
        if state in ("failed", "expired"):
            return PaymentState.FAILED
        if not state and tx.get("expires_at") and int(tx["expires_at"]) < time.time():
            return PaymentState.FAILED
        return PaymentState.PENDING

    async def invoice_status(self, payment_hash: str) -> PaymentResult:
        tx = await self._lookup(payment_hash)
        if tx is None:
            return PaymentResult(PaymentState.PENDING, payment_hash, error="the wallet service does not know it")
        state = self._state(tx)
        return PaymentResult(
            state,
            payment_hash,
            preimage=tx.get("preimage") if state is PaymentState.SETTLED else None,
            amount_msat=int(tx.get("amount") or 0) or None,
        )

    async def payment_status(self, payment_hash: str) -> PaymentResult:
        return await self.invoice_status(payment_hash)

    async def paid_invoices(self) -> AsyncIterator[PaidInvoice]:
        _, _, notifications = await self._info_event()
        source = self._notifications() if notifications else self._poll()
        async for paid in source:
            yield paid

    async def _notifications(self) -> AsyncIterator[PaidInvoice]:
        seen: set[str] = set()
        since = int(time.time()) - 5
        while True:
            try:
                conn = await self._connect()
                try:
                    sub = secrets.token_hex(8)
                    wanted = {"kinds": [NOTIFICATION, NOTIFICATION_NIP04], "authors": [self.wallet],
                              "#p": [self.keys.public_hex], "since": since}  # fmt: skip
                    await conn.send(json.dumps(["REQ", sub, wanted]))
                    async for raw in conn:
                        message = relay_message(raw)
                        if message[0] != "EVENT" or message[1] != sub or not verify_event(message[2]):
                            continue
                        try:
                            body = json_object(self._decrypt(str(message[2]["content"])))
                        except (NostrError, ValueError):
                            continue
                        note = body.get("notification")
                        note = note if isinstance(note, dict) else {}
                        payment_hash = note.get("payment_hash")
                        if (
                            body.get("notification_type") == "payment_received"
                            and isinstance(payment_hash, str)
                            and payment_hash not in seen
                        ):
                            seen.add(payment_hash)
                            amount = note.get("amount", 0)
                            preimage = note.get("preimage")
                            yield PaidInvoice(
                                payment_hash,
                                amount if isinstance(amount, int) and not isinstance(amount, bool) else 0,
                                preimage if isinstance(preimage, str) else None,
                            )
                finally:
                    await conn.close()
            except (BackendUnavailable, OSError, websockets.WebSocketException) as exc:
                log.info("NWC notification stream dropped (%s); reconnecting", exc)
            await asyncio.sleep(self.poll_interval)

    async def _poll(self) -> AsyncIterator[PaidInvoice]:
        done: set[str] = set()
        while True:
            for payment_hash in list(self._made):
                if payment_hash in done:
                    continue
                try:
                    result = await self.invoice_status(payment_hash)
                except BackendError as exc:
                    log.info("NWC poll failed: %s", exc)
                    break
                if result.state is not PaymentState.PENDING:
                    done.add(payment_hash)
                if result.state is PaymentState.SETTLED:
                    yield PaidInvoice(payment_hash, result.amount_msat or 0, result.preimage)
            await asyncio.sleep(self.poll_interval)
