"""An in-memory Cashu mint behind the ``MintConnector`` port, with a script of failures — for the fast unit tier.

It keeps real books (signed outputs, spent inputs, quotes) and signs with real BDHKE keys and DLEQ proofs, so the
wallet's code runs unchanged. ``script`` breaks one call: ``fail(method, step, answer)`` makes the next call of
``method`` either refuse *before* acting (the mint does nothing) or act and then fail *after* (the answer is lost
or replaced). Answers are the real error mapping's (``core.mint_client.errors``) for a NUT code, a 5xx, an
unreadable body; or transport failures: ``timeout`` (sent, no answer), ``connect`` (never sent).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import AsyncIterator, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from core.errors import MintUnreachable
from core.mint_client.errors import error_from_response
from core.ports.mint_types import (
    KeysetInfo,
    KeysResponse,
    MeltQuote,
    MeltQuoteState,
    MintInfo,
    MintQuote,
    MintQuoteState,
    ProofState,
    ProofStateValue,
    RestoreResponse,
)
from core.protocol import bdhke, dleq
from core.protocol.ec import parse_private_key
from core.protocol.models import DLEQ, BlindedMessage, BlindSignature, Proof

__all__ = ["ANSWERS", "ScriptedMint"]

T = TypeVar("T")

AMOUNTS = [2**i for i in range(16)]
ANSWERS = ("11001", "11002", "11003", "11005", "20002", "20005", "code 0", "5xx", "unreadable", "timeout", "connect")


def _answer(answer: str, url: str) -> Exception:
    if answer == "timeout":
        return MintUnreachable(f"mint {url} did not answer (scripted)", mint_url=url, sent=True)
    if answer == "connect":
        return MintUnreachable(f"cannot connect to mint {url} (scripted)", mint_url=url, sent=False)
    if answer == "5xx":
        return error_from_response(httpx.Response(500, json={"detail": "boom", "code": 0}), url)
    if answer == "unreadable":
        return error_from_response(httpx.Response(400, content=b"<html>oops</html>"), url)
    code = 0 if answer == "code 0" else int(answer)
    return error_from_response(httpx.Response(400, json={"detail": f"scripted {answer}", "code": code}), url)


class _Refuse(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class ScriptedMint:
    url: str
    unit: str = "sat"
    keyset_id: str = ""
    privkeys: dict[int, str] = field(default_factory=dict)
    spent: set[str] = field(default_factory=set)  # Y of spent inputs
    signed: dict[str, BlindSignature] = field(default_factory=dict)  # B_ → signature
    mint_quotes: dict[str, MintQuote] = field(default_factory=dict)
    melt_quotes: dict[str, MeltQuote] = field(default_factory=dict)
    issued: int = 0
    redeemed: int = 0
    script: dict[str, tuple[str, str]] = field(default_factory=dict)  # method → (step, answer)
    pays: list[ScriptedMint] = field(default_factory=list)  # mints whose invoices this mint's melts pay

    def __post_init__(self) -> None:
        seed = hashlib.sha256(self.url.encode()).digest()
        for amount in AMOUNTS:
            self.privkeys[amount] = hashlib.sha256(seed + amount.to_bytes(8, "big")).hexdigest()
        self.keyset_id = "01" + hashlib.sha256(self.url.encode() + b"keyset").hexdigest()

    # --- test controls ------------------------------------------------------------------------

    def public_keys(self) -> dict[int, str]:
        return {a: parse_private_key(k, "key").public_key.format().hex() for a, k in self.privkeys.items()}

    def fail(self, method: str, step: str, answer: str) -> None:
        self.script[method] = (step, answer)

    def owed(self) -> int:
        """Issued minus redeemed: what the mint owes its holders."""
        return self.issued - self.redeemed

    def pay_mint_quote(self, quote: str) -> None:
        q = self.mint_quotes[quote]
        self.mint_quotes[quote] = _replace(q, state=MintQuoteState.PAID)

    # --- the mint's rules ---------------------------------------------------------------------

    def _sign(self, outputs: Sequence[BlindedMessage], amounts: Sequence[int] | None = None) -> list[BlindSignature]:
        if any(o.B_ in self.signed for o in outputs):
            raise _Refuse(11003)
        signatures = []
        for i, output in enumerate(outputs):
            amount = output.amount if amounts is None else amounts[i]
            key = self.privkeys[amount]
            C_ = bdhke.sign_blinded(output.B_, key)
            e, s = dleq.create_dleq(key, output.B_, C_)
            signature = BlindSignature(id=self.keyset_id, amount=amount, C_=C_, dleq=DLEQ(e=e, s=s))
            self.signed[output.B_] = signature
            signatures.append(signature)
        self.issued += sum(s.amount for s in signatures)
        return signatures

    def _spend(self, inputs: Sequence[Proof]) -> None:
        ys = [bdhke.hash_to_curve_hex(p.secret) for p in inputs]
        if any(y in self.spent for y in ys):
            raise _Refuse(11001)
        for p in inputs:
            if not bdhke.verify(self.privkeys[p.amount], p.C, p.secret):
                raise _Refuse(10001)
        self.spent.update(ys)
        self.redeemed += sum(p.amount for p in inputs)

    async def _call(self, method: str, act: object) -> object:
        step, answer = self.script.pop(method, ("", ""))
        if step == "before":
            raise _answer(answer, self.url)
        try:
            result = act() if callable(act) else act
        except _Refuse as refused:
            raise _answer(str(refused.code), self.url) from None
        if step == "after":
            raise _answer(answer, self.url)
        return result

    # --- MintConnector ------------------------------------------------------------------------

    async def get_info(self) -> MintInfo:
        raise NotImplementedError

    async def get_keysets(self) -> list[KeysetInfo]:
        return [KeysetInfo(id=self.keyset_id, unit=self.unit, active=True, input_fee_ppk=0)]

    async def get_keys(self, keyset_id: str | None = None) -> KeysResponse:
        raise NotImplementedError

    async def post_mint_quote(
        self, amount: int, unit: str, *, pubkey: str | None = None, description: str | None = None
    ) -> MintQuote:
        quote = MintQuote(
            quote=f"mq{len(self.mint_quotes)}", request=f"lnpay-mq{len(self.mint_quotes)}-{amount}", amount=amount,
            unit=unit, state=MintQuoteState.UNPAID, expiry=None,
        )  # fmt: skip
        self.mint_quotes[quote.quote] = quote
        return quote

    async def get_mint_quote(self, quote: str) -> MintQuote:
        return self.mint_quotes[quote]

    async def wait_for_mint_quote(
        self, quote: str, *, states: Collection[str] = ("PAID", "ISSUED"), timeout: float = 60.0
    ) -> MintQuote:
        return self.mint_quotes[quote]

    async def post_mint(
        self, quote: str, outputs: Sequence[BlindedMessage], *, signature: str | None = None
    ) -> list[BlindSignature]:
        def act() -> list[BlindSignature]:
            q = self.mint_quotes[quote]
            if q.state == MintQuoteState.ISSUED:
                raise _Refuse(20002)
            if q.state != MintQuoteState.PAID:
                raise _Refuse(20001)
            signatures = self._sign(outputs)
            self.mint_quotes[quote] = _replace(q, state=MintQuoteState.ISSUED)
            return signatures

        return await self._call("post_mint", act)  # type: ignore[return-value]

    async def post_melt_quote(self, request: str, unit: str, amountless_amount_msat: int | None = None) -> MeltQuote:
        amount = int(request.rsplit("-", 1)[-1])  # "lnpay-<id>-<amount>": a stand-in for a bolt11 invoice
        quote = MeltQuote(
            quote=f"ml{len(self.melt_quotes)}", request=request, amount=amount, unit=unit, fee_reserve=2,
            state=MeltQuoteState.UNPAID, expiry=None,
        )  # fmt: skip
        self.melt_quotes[quote.quote] = quote
        return quote

    async def get_melt_quote(self, quote: str) -> MeltQuote:
        return self.melt_quotes[quote]

    async def post_melt(self, quote: str, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage] = ()) -> MeltQuote:
        def act() -> MeltQuote:
            q = self.melt_quotes[quote]
            if q.state == MeltQuoteState.PAID:
                raise _Refuse(20006)
            self._spend(inputs)
            paid_fee = 1  # the Lightning fee actually paid, below the reserve
            change_total = sum(p.amount for p in inputs) - q.amount - paid_fee
            amounts = [a for a in AMOUNTS if change_total & a][: len(outputs)]
            change = self._sign(list(outputs)[: len(amounts)], amounts) if amounts else []
            done = _replace(q, state=MeltQuoteState.PAID, payment_preimage="00" * 32, change=change)
            self.melt_quotes[quote] = done
            for payee in self.pays:  # the invoice of another scripted mint's quote: it is paid now
                for key, mq in payee.mint_quotes.items():
                    if mq.request == q.request:
                        payee.pay_mint_quote(key)
            return done

        return await self._call("post_melt", act)  # type: ignore[return-value]

    async def post_swap(self, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage]) -> list[BlindSignature]:
        def act() -> list[BlindSignature]:
            if sum(p.amount for p in inputs) != sum(o.amount for o in outputs):
                raise _Refuse(11005)
            if any(o.B_ in self.signed for o in outputs):
                raise _Refuse(11003)
            self._spend(inputs)
            return self._sign(outputs)

        return await self._call("post_swap", act)  # type: ignore[return-value]

    async def post_checkstate(self, Ys: Sequence[str]) -> list[ProofState]:
        return [
            ProofState(Y=y, state=ProofStateValue.SPENT if y in self.spent else ProofStateValue.UNSPENT) for y in Ys
        ]

    async def post_restore(self, outputs: Sequence[BlindedMessage]) -> RestoreResponse:
        found = [o for o in outputs if o.B_ in self.signed]
        return RestoreResponse(found, [self.signed[o.B_] for o in found])

    def watch_mint_quote(self, quote: str) -> AsyncIterator[MintQuote]:
        raise NotImplementedError

    def watch_melt_quote(self, quote: str) -> AsyncIterator[MeltQuote]:
        raise NotImplementedError

    def watch_proof_states(self, Ys: Sequence[str]) -> AsyncIterator[ProofState]:
        raise NotImplementedError

    async def wait_for_melt_quote(
        self, quote: str, *, states: Collection[str] = ("PAID",), timeout: float = 60.0
    ) -> MeltQuote:
        return self.melt_quotes[quote]

    async def aclose(self) -> None:
        return None


def _replace(obj: T, **changes: Any) -> T:
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
