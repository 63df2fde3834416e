"""A NIP-47 wallet service for tests, over ``FakeNetwork`` accounts, talking through a real relay (nostr-sdk's
in-process ``LocalRelay``). Its cryptography and event signing are nostr-sdk's, not ours, so the client's
NIP-44 / NIP-04 / signatures are checked against an independent implementation.

``encryption=("nip44_v2", "nip04")`` is a current service; ``("nip04",)`` a legacy one (no ``encryption`` tag);
``notifications=False`` makes clients poll.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass, field
from typing import Any

import nostr_sdk as ns
from websockets.asyncio.client import connect as ws_connect

from backends._http import decode_bolt11
from backends.fake import FakeNetwork
from core.errors import BackendError
from core.ports.lightning import PaymentState
from tests.peers.ports import free_port

__all__ = ["LocalNostrRelay", "NwcWalletService"]

METHODS = "get_info get_balance make_invoice pay_invoice lookup_invoice"


class LocalNostrRelay:
    """nostr-sdk's in-process relay on a free 127.0.0.1 port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.relay = ns.LocalRelayBuilder().addr("127.0.0.1").port(self.port).build()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    async def __aenter__(self) -> LocalNostrRelay:
        await self.relay.run()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.relay.shutdown()


@dataclass
class NwcWalletService:
    net: FakeNetwork
    relay_url: str
    encryption: tuple[str, ...] = ("nip44_v2", "nip04")
    notifications: bool = True
    keys: ns.Keys = field(default_factory=ns.Keys.generate)
    clients: dict[str, str] = field(default_factory=dict)  # client pubkey → account
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, encryption used)
    _task: asyncio.Task[None] | None = None
    _ready: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def pubkey(self) -> str:
        return str(self.keys.public_key().to_hex())

    def connect(self, account: str) -> str:
        """A new connection (client key) for ``account``; returns its URI."""
        client = ns.Keys.generate()
        self.clients[client.public_key().to_hex()] = account
        self.net.account(account)
        return f"nostr+walletconnect://{self.pubkey}?relay={self.relay_url}&secret={client.secret_key().to_hex()}"

    def _event(self, kind: int, content: str, tags: list[list[str]]) -> dict[str, Any]:
        builder = ns.EventBuilder(ns.Kind(kind), content).tags([ns.Tag.parse(t) for t in tags])
        event = self.keys.sign_event(builder.finalize_unsigned(self.keys.public_key()))
        data: dict[str, Any] = json.loads(event.as_json())
        return data

    def _encrypt(self, scheme: str, client: str, text: str) -> str:
        pk = ns.PublicKey.parse(client)
        if scheme == "nip44_v2":
            return str(ns.nip44_encrypt(self.keys.secret_key(), pk, text, ns.Nip44Version.V2))
        return str(ns.nip04_encrypt(self.keys.secret_key(), pk, text))

    def _decrypt(self, scheme: str, client: str, text: str) -> str:
        pk = ns.PublicKey.parse(client)
        if scheme == "nip44_v2":
            return str(ns.nip44_decrypt(self.keys.secret_key(), pk, text))
        return str(ns.nip04_decrypt(self.keys.secret_key(), pk, text))

    async def __aenter__(self) -> NwcWalletService:
        self._task = asyncio.create_task(self._run())
        async with asyncio.timeout(10):
            await self._ready.wait()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        async with ws_connect(self.relay_url, proxy=None) as conn:
            tags = [["notifications", "payment_received"]] if self.notifications else []
            if self.encryption != ("nip04",):
                tags.insert(0, ["encryption", " ".join(self.encryption)])
            await conn.send(json.dumps(["EVENT", self._event(13194, METHODS, tags)]))
            await conn.send(json.dumps(["REQ", "requests", {"kinds": [23194], "#p": [self.pubkey]}]))
            watchers = [asyncio.create_task(self._watch(conn, account)) for account in set(self.clients.values())]
            try:
                async for raw in conn:
                    message = json.loads(raw)
                    if message[0] == "EOSE":
                        self._ready.set()
                    elif message[0] == "EVENT" and message[1] == "requests":
                        await self._handle(conn, message[2])
            finally:
                for task in watchers:
                    task.cancel()

    async def _watch(self, conn: Any, account: str) -> None:
        if not self.notifications:
            return
        async for paid in self.net.subscribe(account):
            for client, owner in self.clients.items():
                if owner != account:
                    continue
                body = json.dumps({"notification_type": "payment_received", "notification": {
                    "type": "incoming", "payment_hash": paid.payment_hash, "amount": paid.amount_msat,
                    "preimage": paid.preimage}})  # fmt: skip
                if "nip44_v2" in self.encryption:
                    await conn.send(json.dumps(["EVENT", self._event(23197, self._encrypt("nip44_v2", client, body),
                                                                     [["p", client]])]))  # fmt: skip
                if "nip04" in self.encryption:
                    await conn.send(json.dumps(["EVENT", self._event(23196, self._encrypt("nip04", client, body),
                                                                     [["p", client]])]))  # fmt: skip

    async def _handle(self, conn: Any, event: dict[str, Any]) -> None:
        if not ns.Event.from_json(json.dumps(event)).verify():
            return
        client = event["pubkey"]
        tags = {t[0]: t[1:] for t in event["tags"] if t}
        scheme = (tags.get("encryption") or ["nip04"])[0]
        if scheme not in self.encryption:
            scheme = "nip04"
        account = self.clients.get(client)
        try:
            request = json.loads(self._decrypt(scheme, client, event["content"]))
        except Exception:
            return
        method = str(request.get("method"))
        self.requests.append((method, scheme))
        if account is None:
            body = {"result_type": method, "error": {"code": "UNAUTHORIZED", "message": "unknown connection"}}
        else:
            try:
                body = {"result_type": method, "result": self._execute(account, method, request.get("params") or {})}
            except _Error as exc:
                body = {"result_type": method, "error": {"code": exc.code, "message": exc.message}, "result": None}
        response = self._event(
            23195, self._encrypt(scheme, client, json.dumps(body)), [["p", client], ["e", event["id"]]]
        )
        await conn.send(json.dumps(["EVENT", response]))

    def _execute(self, account: str, method: str, params: dict[str, Any]) -> dict[str, Any]:
        net = self.net
        if method == "get_balance":
            return {"balance": net.account(account).balance_msat}
        if method == "get_info":
            return {"alias": "nutdesk test wallet", "network": "mainnet", "methods": METHODS.split()}
        if method == "make_invoice":
            dh = bytes.fromhex(params["description_hash"]) if params.get("description_hash") else None
            inv = net.create_invoice(account, int(params.get("amount", 0)) or None, memo=params.get("description", ""),
                                     description_hash=dh, expiry=int(params.get("expiry") or 3600))  # fmt: skip
            return {"type": "incoming", "state": "pending", "invoice": inv.bolt11, "payment_hash": inv.payment_hash,
                    "amount": inv.amount_msat or 0, "expires_at": int(inv.expires_at)}  # fmt: skip
        if method == "pay_invoice":
            try:
                payment_hash, invoice_msat, _ = decode_bolt11(params.get("invoice", ""))
            except BackendError as exc:
                raise _Error("OTHER", "invalid invoice") from exc
            amount = params.get("amount")
            if invoice_msat is None and not amount:
                raise _Error("OTHER", "amount required for an amountless invoice")
            before = net.account(account).outgoing.get(payment_hash)
            if before is not None and before.state is PaymentState.SETTLED:
                raise _Error("PAYMENT_FAILED", "invoice already paid")
            if net.account(account).balance_msat < (invoice_msat or int(amount or 0)):
                raise _Error("INSUFFICIENT_BALANCE", "not enough funds")
            out = net.pay(account, params["invoice"], amount_msat=None if invoice_msat else int(amount))
            if out.state is PaymentState.FAILED:
                raise _Error("PAYMENT_FAILED", "the payment failed")
            if out.state is PaymentState.PENDING:
                raise _Error("INTERNAL", "payment still in flight")
            return {"preimage": out.preimage, "fees_paid": out.fee_msat}
        if method == "lookup_invoice":
            payment_hash = params.get("payment_hash") or decode_bolt11(params.get("invoice", ""))[0]
            inv = net.invoice_state(payment_hash)
            if inv is not None and inv.payee == account:
                state = {PaymentState.SETTLED: "settled", PaymentState.FAILED: "expired"}.get(inv.state, "pending")
                return {"type": "incoming", "state": state, "invoice": inv.bolt11, "payment_hash": payment_hash,
                        "amount": inv.paid_msat or inv.amount_msat or 0,
                        "preimage": inv.preimage if state == "settled" else None,
                        "settled_at": int(inv.settled_at) if inv.settled_at else None,
                        "expires_at": int(inv.expires_at)}  # fmt: skip
            out = net.account(account).outgoing.get(payment_hash)
            if out is not None:
                state = {PaymentState.SETTLED: "settled", PaymentState.FAILED: "failed"}.get(out.state, "pending")
                return {"type": "outgoing", "state": state, "payment_hash": payment_hash, "amount": out.amount_msat,
                        "preimage": out.preimage, "fees_paid": out.fee_msat}  # fmt: skip
            raise _Error("NOT_FOUND", "no such invoice")
        raise _Error("NOT_IMPLEMENTED", f"{method} is not supported")


class _Error(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
